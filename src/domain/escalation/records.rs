//! The records of escalation: a matter raised up the chain and each step along it. Data only; the rules are in `rules.rs`.

use crate::domain::base::record::{code_enum, Audit};
use crate::domain::staff::records::Role;
use crate::sync::RecordId;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

code_enum!(Matter { ConfidentialityLeak => "confidentiality_leak", MajorError => "major_error", EquipmentSafety => "equipment_safety", BeyondScope => "beyond_scope", TroublemakerCustomer => "troublemaker_customer" });

code_enum!(StepKind { Up => "up", Instruction => "instruction", Acknowledged => "acknowledged", Closed => "closed" });

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Escalation {
    #[serde(skip)]
    pub id: RecordId,
    pub matter: Matter,
    pub description: String,
    pub raised_by: RecordId,
    /// The raiser's level when raised (the chain starts above it).
    pub raised_role: Role,
    #[serde(deserialize_with = "crate::domain::base::when::utc")]
    pub raised_at: DateTime<Utc>,
    pub complaint: Option<RecordId>,
    pub customer: Option<RecordId>,
    pub demo: bool,
    #[serde(flatten)]
    pub audit: Audit,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct EscalationStep {
    #[serde(skip)]
    pub id: RecordId,
    pub escalation: RecordId,
    pub kind: StepKind,
    pub by: RecordId,
    #[serde(deserialize_with = "crate::domain::base::when::utc")]
    pub at: DateTime<Utc>,
    /// Up: who it went to, and at which level.
    pub to: Option<RecordId>,
    pub to_role: Role,
    pub emergency: bool,
    /// Up in an emergency: the skipped superiors, to be informed.
    pub notify: Vec<RecordId>,
    /// The note, the instruction, or the closing remark.
    pub text: String,
    pub demo: bool,
    #[serde(flatten)]
    pub audit: Audit,
}
