//! Return visits (DOMAIN.md "Return visits"). Only the plain record for now:
//! closing a complaint creates one (R-CMP-04); the return-visits release
//! adds the rest.

use crate::domain::base::record::{code_enum, record, Audit};
use crate::sync::RecordId;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

code_enum!(VisitReason { StoreVisit => "store_visit", ComplaintClosed => "complaint_closed", Member => "member", Birthday => "birthday", CardRenewal => "card_renewal", Campaign => "campaign" });
code_enum!(VisitStatus { Open => "open", Done => "done" });
code_enum!(VisitMethod { Phone => "phone", Email => "email", Sms => "sms" });
code_enum!(VisitOutcome { Satisfied => "satisfied", Average => "average", Dissatisfied => "dissatisfied", Unreachable => "unreachable", CallbackRequested => "callback_requested" });

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
    /// Dedupe key of a rule-made visit ("birthday:2026:<customer>"); its id
    /// is derived from it, so two devices make the same record (R-CUS-05).
    pub key: String,
    pub campaign: Option<RecordId>,
    pub method: Option<VisitMethod>,
    /// The last call's outcome; attempts are `visit_attempt` records.
    pub outcome: Option<VisitOutcome>,
    #[serde(deserialize_with = "crate::domain::base::when::utc_opt")]
    pub callback_at: Option<DateTime<Utc>>,
    pub unhappy_with: String,
    pub suggestions: String,
    pub notes: String,
    /// Why someone called inside the customer's quiet hours (R-RV-01).
    pub quiet_override: String,
    pub reply_promised_by: Option<NaiveDate>,
    /// Contacts (and so complaints) raised on the call (R-RV-08).
    pub raised: Vec<RecordId>,
    #[serde(deserialize_with = "crate::domain::base::when::utc_opt")]
    pub completed_at: Option<DateTime<Utc>>,
    pub demo: bool,
    #[serde(flatten)]
    pub audit: Audit,
}
record!(ReturnVisit, "visit");
