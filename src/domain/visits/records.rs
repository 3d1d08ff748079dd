//! The records of return visits: the visit, each call attempt, campaigns,
//! call scripts and follow-up tasks. Data only; the rules are in the
//! other modules of this folder.

use crate::domain::base::lang::Lang;
use crate::domain::base::order;
use crate::domain::base::record::{code_enum, Audit};
use crate::domain::customer::records::CustomerKind;
use crate::sync::RecordId;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

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

/// One call try. A log of records, not a counter field: two devices that
/// both record an attempt offline keep both after merging (last writer
/// wins per field would lose one).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct VisitAttempt {
    #[serde(skip)]
    pub id: RecordId,
    pub visit: RecordId,
    #[serde(deserialize_with = "crate::domain::base::when::utc")]
    pub at: DateTime<Utc>,
    pub by: RecordId,
    pub method: VisitMethod,
    pub outcome: VisitOutcome,
    pub quiet_override: String,
    pub demo: bool,
    #[serde(flatten)]
    pub audit: Audit,
}

/// A team leader's campaign: every customer of the segment gets a visit
/// while it runs.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Campaign {
    #[serde(skip)]
    pub id: RecordId,
    pub name: String,
    pub reason: CampaignReason,
    /// Folded, as customers' tags are; empty: any tag.
    pub tag: String,
    /// None: any kind.
    pub customer_kind: Option<CustomerKind>,
    pub starts: NaiveDate,
    pub ends: NaiveDate,
    pub demo: bool,
    #[serde(flatten)]
    pub audit: Audit,
}

/// An editable call script (R-RV-05) for one language and, optionally, one
/// reason. Texts may use the placeholders in `PLACEHOLDERS`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Script {
    #[serde(skip)]
    pub id: RecordId,
    pub lang: Lang,
    /// None: for every reason without its own script.
    pub reason: Option<VisitReason>,
    pub opening: String,
    pub question: String,
    /// Satisfied: ask for suggestions.
    pub satisfied: String,
    /// Average or dissatisfied: ask what to improve, apologise, promise.
    pub not_satisfied: String,
    pub closing: String,
    #[serde(flatten)]
    pub audit: Audit,
}

/// A follow-up for Today: a reply promised on a call (R-RV-03).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Task {
    #[serde(skip)]
    pub id: RecordId,
    pub owner: RecordId,
    pub title: String,
    pub due: NaiveDate,
    pub customer: Option<RecordId>,
    pub visit: Option<RecordId>,
    #[serde(deserialize_with = "crate::domain::base::when::utc_opt")]
    pub done_at: Option<DateTime<Utc>>,
    pub demo: bool,
    #[serde(flatten)]
    pub audit: Audit,
}

code_enum!(CampaignReason { Holiday => "holiday", Anniversary => "anniversary", Promotion => "promotion" });

/// The return-visit records beside `Model::visits`: one field in `Model`.
#[derive(Debug, Clone, Default)]
pub struct VisitBook {
    pub attempts: BTreeMap<RecordId, VisitAttempt>,
    pub campaigns: BTreeMap<RecordId, Campaign>,
    pub scripts: BTreeMap<RecordId, Script>,
    pub tasks: BTreeMap<RecordId, Task>,
}

impl ReturnVisit {
    /// Not done yet: in someone's queue (R-RV-04).
    pub fn is_open(&self) -> bool {
        self.status != VisitStatus::Done
    }
}

impl VisitBook {
    /// Attempts on one visit, oldest first.
    pub fn attempts_of(&self, visit: RecordId) -> Vec<&VisitAttempt> {
        let mut v: Vec<&VisitAttempt> = self
            .attempts
            .values()
            .filter(|a| a.visit == visit)
            .collect();
        order::sort_by_key(&mut v, |a| (a.at, a.id));
        v
    }
}
