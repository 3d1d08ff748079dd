//! The department's refusals (roster, leave, swaps, attendance, meetings):
//! rule ids and fields, kept here so `error/mod.rs` only delegates (their
//! words are the interface's: src/ui/words/refusal_dept.rs).

use crate::domain::error::RuleError;

pub(super) fn rule(e: &RuleError) -> Option<&'static str> {
    use RuleError::*;
    Some(match e {
        LeaveBySelf => "R-LV-04",
        WrongApprover { .. } => "R-LV-03",
        NoCertificateNeeded => "R-LV-05",
        HolidayDuty | HolidayNotice | NightLeaveTooLate => "R-LV-06",
        TooManySwaps { .. } => "R-SW-02",
        ConsecutiveShifts | ChainedSwap => "R-SW-03",
        SwapMismatch => "R-SW-04",
        LeaveDuringSwap => "R-SW-05",
        OwnHandover => "R-OPS-02",
        NotClockedIn => "R-ATT-01",
        _ => return None,
    })
}

pub(super) fn field(e: &RuleError) -> Option<&'static str> {
    match e {
        RuleError::OutOfRange { field }
        | RuleError::Duplicate { field }
        | RuleError::EndBeforeStart { field } => Some(field),
        _ => None,
    }
}
