//! Every refusal the rules make, as data: the variant says what went wrong,
//! its values say with what. The words (both languages) are the
//! interface's (src/ui/words/refusal.rs). Forms use `field()` to put the words
//! next to the right input; `rule()` names the rule behind a refusal.

use crate::domain::complaint::Stage;
use crate::domain::staff::{Action, Role};

mod dept;
mod kb;
mod qa;
mod reports;
mod standards;
pub(crate) mod visits;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RuleError {
    /// R-ROL-02: the action needs a higher role.
    #[error("{action:?} needs the role {needs:?}")]
    NotAllowed { action: Action, needs: Role },
    #[error("{field} is required")]
    Required { field: &'static str },
    #[error("{field} is too long (max {max})")]
    TooLong { field: &'static str, max: usize },
    #[error("{field} is not a valid e-mail address")]
    InvalidEmail { field: &'static str },
    #[error("{field} is not a valid phone number")]
    InvalidPhone { field: &'static str },
    #[error("{field} is not a valid date")]
    InvalidDate { field: &'static str },
    #[error("quiet hours are not HH:MM-HH:MM ranges")]
    InvalidQuietHours,
    #[error("the {what} was not found")]
    NotFound { what: &'static str },
    #[error("this contact is already closed")]
    ContactClosed,
    #[error("this contact is already a complaint")]
    AlreadyComplaint,
    #[error("forwarding needs a person or a department")]
    ForwardTargetMissing,
    #[error("a customer cannot be merged with itself")]
    MergeWithItself,
    #[error("that person is not an active member of staff")]
    InactiveStaff,
    #[error("the last active center director cannot be deactivated")]
    LastDirector,
    #[error("{field} is out of range")]
    OutOfRange { field: &'static str },
    #[error("{field} is already used")]
    Duplicate { field: &'static str },
    #[error("{field} is before the start")]
    EndBeforeStart { field: &'static str },
    #[error("only a leader of that team may do this")]
    OtherTeam,
    #[error("the {what} overlaps another")]
    Overlap { what: &'static str },
    /// R-LV-04.
    #[error("personal leave is requested by the person")]
    LeaveBySelf,
    /// R-LV-03.
    #[error("this leave of {days} day(s) is decided by {needs:?}")]
    WrongApprover { needs: Role, days: i64 },
    #[error("nobody decides their own request")]
    OwnRequest,
    #[error("already decided or cancelled")]
    AlreadyDecided,
    /// R-LV-05.
    #[error("no medical certificate is needed")]
    NoCertificateNeeded,
    /// R-LV-06.
    #[error("staff on holiday duty cannot take leave or swap")]
    HolidayDuty,
    /// R-LV-06.
    #[error("holiday leave needs two days' notice")]
    HolidayNotice,
    /// R-LV-06.
    #[error("night-shift leave must be requested before 12:00 the same day")]
    NightLeaveTooLate,
    /// R-SW-05.
    #[error("no leave during a swapped shift")]
    LeaveDuringSwap,
    #[error("a swap needs two people")]
    SwapWithSelf,
    #[error("that shift is not yours")]
    NotYourShift,
    /// R-SW-03.
    #[error("chained swaps are not allowed")]
    ChainedSwap,
    /// R-SW-04.
    #[error("job type or level differ")]
    SwapMismatch,
    /// R-SW-02.
    #[error("{name} already has 2 swaps this month")]
    TooManySwaps { name: String },
    /// R-SW-03.
    #[error("the swap would make two consecutive shifts")]
    ConsecutiveShifts,
    #[error("no arrival recorded")]
    NotClockedIn,
    /// R-OPS-02.
    #[error("the author cannot acknowledge their own handover")]
    OwnHandover,
    /// R-CMP-01: a stage cannot start before the one before it is complete.
    #[error("stage {needs:?} must be completed first")]
    StageNotReady { needs: Stage },
    /// R-CMP-01: the stage is recorded; changing it means reopening.
    #[error("stage {stage:?} is already recorded")]
    StageDone { stage: Stage },
    #[error("this complaint is closed")]
    ComplaintClosed,
    /// R-CMP-01: founded complaints are investigated, unfounded ones get a reply.
    #[error("this step is not on the path of a complaint judged founded={founded}")]
    WrongPath { founded: bool },
    #[error("nothing to reopen: the complaint is at its first stage")]
    NothingToReopen,
    #[error("the complaint has conflicting steps to resolve first")]
    UnresolvedConflict,
    #[error("that conflict is no longer open")]
    NoConflict,
    #[error("the signature is larger than {max_kb} KB")]
    SignatureTooLarge { max_kb: usize },
    /// R-ESC-01: skipping a level needs an emergency.
    #[error("skipping {skipped:?} needs an emergency")]
    SkipNeedsEmergency { skipped: Role },
    #[error("there is nobody above to escalate to")]
    NoSuperior,
    #[error("this matter did not reach this person")]
    NotInChain,
    #[error("this escalation is closed")]
    EscalationClosed,
    /// R-RV-01: inside the customer's quiet hours, without a reason.
    #[error("quiet hours until {until}")]
    QuietHours { until: String },
    #[error("this return visit is already completed")]
    VisitDone,
    /// R-RV-03.
    #[error("what the customer is unhappy with is required")]
    UnhappyWithRequired,
    #[error("nobody answered: nothing was promised")]
    NoConversation,
    /// R-RV-04.
    #[error("the callback time is not in the future")]
    CallbackNotFuture,
    /// R-RV-05.
    #[error("{{{name}}} is not a placeholder")]
    UnknownPlaceholder { field: &'static str, name: String },
}

impl RuleError {
    /// The rule (docs/rules.md) behind this refusal, when there is one.
    pub fn rule(&self) -> Option<&'static str> {
        if let Some(rule) = crate::domain::error::dept::rule(self) {
            return Some(rule);
        }
        if let Some(rule) = crate::domain::error::visits::rule(self) {
            return Some(rule);
        }
        if let Some(rule) = crate::domain::error::kb::rule(self) {
            return Some(rule);
        }
        if let Some(rule) = crate::domain::error::qa::rule(self) {
            return Some(rule);
        }
        if let Some(rule) = crate::domain::error::standards::rule(self) {
            return Some(rule);
        }
        if let Some(rule) = crate::domain::error::reports::rule(self) {
            return Some(rule);
        }
        match self {
            RuleError::NotAllowed { .. } => Some("R-ROL-02"),
            RuleError::AlreadyComplaint => Some("R-CON-04"),
            RuleError::ForwardTargetMissing | RuleError::Required { field: "note" } => {
                Some("R-CON-03")
            }
            RuleError::MergeWithItself => Some("R-CUS-03"),
            RuleError::StageNotReady { .. }
            | RuleError::StageDone { .. }
            | RuleError::WrongPath { .. }
            | RuleError::NothingToReopen => Some("R-CMP-01"),
            RuleError::SkipNeedsEmergency { .. }
            | RuleError::NoSuperior
            | RuleError::NotInChain
            | RuleError::EscalationClosed => Some("R-ESC-01"),
            _ => None,
        }
    }

    /// The form field this message belongs next to.
    pub fn field(&self) -> Option<&'static str> {
        if let Some(field) = crate::domain::error::dept::field(self) {
            return Some(field);
        }
        if let Some(field) = crate::domain::error::visits::field(self) {
            return Some(field);
        }
        match self {
            RuleError::Required { field }
            | RuleError::TooLong { field, .. }
            | RuleError::InvalidEmail { field }
            | RuleError::InvalidPhone { field }
            | RuleError::InvalidDate { field } => Some(field),
            RuleError::InvalidQuietHours => Some("quiet_hours"),
            RuleError::SignatureTooLarge { .. } => Some("signature"),
            _ => None,
        }
    }
}
