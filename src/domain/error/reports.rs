//! The reports' refusals: which rule each names (their fields are
//! `report_…`); a role refusal stays R-ROL-02 as everywhere.

use crate::domain::error::RuleError;

pub(super) fn rule(e: &RuleError) -> Option<&'static str> {
    use RuleError::*;
    match e {
        OutOfRange { field } | InvalidDate { field } if field.starts_with("report_") => {
            Some("R-REP-02")
        }
        _ => None,
    }
}
