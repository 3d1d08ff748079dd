//! Return visits (DOMAIN.md "Return visits"). Only the plain record for now:
//! closing a complaint creates one (R-CMP-04); the return-visits release
//! adds the rest.

use super::record::{code_enum, record, Audit};
use crate::sync::RecordId;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

code_enum!(VisitReason { StoreVisit => "store_visit", ComplaintClosed => "complaint_closed", Member => "member", Birthday => "birthday", CardRenewal => "card_renewal", Campaign => "campaign" });
code_enum!(VisitStatus { Open => "open", Done => "done" });

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ReturnVisit {
    #[serde(skip)]
    pub id: RecordId,
    pub customer: RecordId,
    pub reason: VisitReason,
    /// The day it is due, in the organisation's local calendar.
    pub due: NaiveDate,
    pub assignee: Option<RecordId>,
    /// The complaint whose closing created it (R-CMP-04).
    pub complaint: Option<RecordId>,
    pub status: VisitStatus,
    pub demo: bool,
    #[serde(flatten)]
    pub audit: Audit,
}
record!(ReturnVisit, "visit");
