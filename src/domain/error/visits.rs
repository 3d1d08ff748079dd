//! The return-visit refusals: rule ids and fields, kept here so
//! `error/mod.rs` only delegates (their words are the interface's:
//! src/ui/words/refusal_visits.rs).

use crate::domain::error::RuleError;

pub(crate) fn rule(e: &RuleError) -> Option<&'static str> {
    use RuleError::*;
    Some(match e {
        QuietHours { .. } => "R-RV-01",
        VisitDone | UnhappyWithRequired | NoConversation => "R-RV-03",
        Required {
            field: "method" | "outcome",
        } => "R-RV-03",
        CallbackNotFuture
        | Required {
            field: "callback_at",
        } => "R-RV-04",
        UnknownPlaceholder { .. } => "R-RV-05",
        _ => return None,
    })
}

pub(crate) fn field(e: &RuleError) -> Option<&'static str> {
    use RuleError::*;
    Some(match e {
        QuietHours { .. } => "quiet_override",
        UnhappyWithRequired => "unhappy_with",
        CallbackNotFuture => "callback_at",
        NoConversation => "reply_promised_by",
        UnknownPlaceholder { field, .. } => field,
        _ => return None,
    })
}
