//! Service standards' refusals: which rule each names. They reuse the
//! common refusals with fields of their own (all named `std_…`), so this
//! maps only those; a role refusal stays R-ROL-02 as everywhere.

use crate::domain::error::RuleError;

fn rule_of(field: &str) -> Option<&'static str> {
    Some(match field {
        "std_department"
        | "std_department_name"
        | "std_aliases"
        | "std_threshold"
        | "std_target"
        | "std_from"
        | "std_standard" => "R-STD-01",
        "std_held_by" => "R-STD-02",
        "std_audit" | "std_audit_date" | "std_summary" | "std_finding" | "std_evidence"
        | "std_action" | "std_action_text" | "std_action_due" | "std_action_done"
        | "std_verify_note" => "R-STD-03",
        _ => return None,
    })
}

pub(super) fn rule(e: &RuleError) -> Option<&'static str> {
    use RuleError::*;
    match e {
        Required { field }
        | TooLong { field, .. }
        | OutOfRange { field }
        | Duplicate { field }
        | EndBeforeStart { field }
        | InvalidDate { field } => rule_of(field),
        NotFound { what } => rule_of(what),
        _ => None,
    }
}
