//! The knowledge base's refusals: which rule each names. They reuse the
//! common refusals with fields of their own (`answer_question`,
//! `answer_text`, `keywords`, `agreed_meeting`, `replaced_by`), so this
//! maps only those; a role refusal stays R-ROL-02 as everywhere.

use crate::domain::error::RuleError;

pub(super) fn rule(e: &RuleError) -> Option<&'static str> {
    use RuleError::*;
    Some(match e {
        Required {
            field: "answer_question" | "answer_text",
        }
        | TooLong {
            field: "answer_question" | "answer_text" | "keywords",
            ..
        }
        | OutOfRange { field: "keywords" }
        | InvalidDate {
            field: "agreed_meeting",
        } => "R-KB-01",
        OutOfRange {
            field: "replaced_by",
        } => "R-KB-02",
        _ => return None,
    })
}
