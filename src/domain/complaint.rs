//! The complaint a contact becomes (R-CON-04). Only its first stage for now:
//! the complaints release adds the closed loop on top of this record.

use super::contact::Channel;
use super::record::{record, Audit};
use crate::sync::RecordId;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, PartialEq, Eq, Debug, Default, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    #[default]
    Accepted,
    Judged,
    Investigated,
    PlanChosen,
    Implemented,
    Evaluated,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Complaint {
    #[serde(skip)]
    pub id: RecordId,
    pub customer: Option<RecordId>,
    /// The contacts it came from (linked both ways).
    pub contacts: Vec<RecordId>,
    pub channel: Channel,
    pub content: String,
    /// What the customer asks for.
    pub asks: String,
    #[serde(deserialize_with = "crate::domain::when::utc")]
    pub received_at: DateTime<Utc>,
    pub stage: Stage,
    pub owner: RecordId,
    pub demo: bool,
    #[serde(flatten)]
    pub audit: Audit,
}
record!(Complaint, "complaint");
