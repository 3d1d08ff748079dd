//! The records of contacts: one call, visit, letter or message, its channel, category and forwarding trail. Data only; the rules are in `rules.rs`.

use crate::domain::base::record::{code_enum, Audit};
use crate::sync::RecordId;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

code_enum!(Channel { Phone => "phone", Email => "email", Sms => "sms", OnlineChat => "online_chat", Messaging => "messaging", WalkIn => "walk_in" });

code_enum!(Direction { In => "in", Out => "out" });

code_enum!(Category { Enquiry => "enquiry", Order => "order", GoodsInspection => "goods_inspection", Claim => "claim", Complaint => "complaint", Suggestion => "suggestion", AfterSales => "after_sales" });

code_enum!(ContactStatus { Open => "open", Forwarded => "forwarded", Done => "done" });

/// One hand-over in the forwarding chain.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ForwardStep {
    pub to_staff: Option<RecordId>,
    pub to_department: Option<String>,
    pub note: String,
    pub by: RecordId,
    #[serde(deserialize_with = "crate::domain::base::when::utc")]
    pub at: DateTime<Utc>,
    /// When the department it went to first answered (R-STD-02): its
    /// first-response clock stops there.
    #[serde(deserialize_with = "crate::domain::base::when::utc_opt")]
    pub responded_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Contact {
    #[serde(skip)]
    pub id: RecordId,
    pub customer: Option<RecordId>,
    pub channel: Channel,
    pub direction: Direction,
    pub category: Category,
    pub summary: String,
    /// Who accepted it, and so owns it until it is done (R-CON-01).
    pub owner: RecordId,
    #[serde(deserialize_with = "crate::domain::base::when::utc")]
    pub received_at: DateTime<Utc>,
    #[serde(deserialize_with = "crate::domain::base::when::utc_opt")]
    pub first_response_at: Option<DateTime<Utc>>,
    pub status: ContactStatus,
    pub forwarded: Vec<ForwardStep>,
    pub resolution: String,
    pub complaint: Option<RecordId>,
    /// When it was closed: a department's resolution clock stops there
    /// (R-STD-02). None on contacts closed by a version that did not keep it.
    #[serde(deserialize_with = "crate::domain::base::when::utc_opt")]
    pub done_at: Option<DateTime<Utc>>,
    pub demo: bool,
    #[serde(flatten)]
    pub audit: Audit,
}
