//! The records of the complaint loop: the complaint, its stage, severity, cause, and each append-only step (`ComplaintEvent`). Data only; the rules are in `register.rs`, `stages.rs`, `history.rs`.

use crate::domain::base::record::{code_enum, Audit};
use crate::domain::contact::records::Channel;
use crate::sync::RecordId;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

#[derive(
    Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug, Default, Hash, Serialize, Deserialize,
)]
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

impl Stage {
    pub const ALL: &'static [Stage] = &[
        Stage::Accepted,
        Stage::Judged,
        Stage::Investigated,
        Stage::PlanChosen,
        Stage::Implemented,
        Stage::Evaluated,
    ];

    pub fn index(self) -> usize {
        self as usize
    }

    pub fn next(self) -> Option<Stage> {
        Stage::ALL.get(self.index() + 1).copied()
    }

    pub fn prev(self) -> Option<Stage> {
        self.index().checked_sub(1).map(|i| Stage::ALL[i])
    }

    pub fn code(self) -> &'static str {
        match self {
            Stage::Accepted => "accepted",
            Stage::Judged => "judged",
            Stage::Investigated => "investigated",
            Stage::PlanChosen => "plan_chosen",
            Stage::Implemented => "implemented",
            Stage::Evaluated => "evaluated",
        }
    }

    pub fn from_code(code: &str) -> Option<Stage> {
        Stage::ALL.iter().copied().find(|s| s.code() == code)
    }
}

code_enum!(Severity { Low => "low", Normal => "normal", Serious => "serious" });

code_enum!(Cause { ProductQuality => "product_quality", ServiceAttitude => "service_attitude", Delivery => "delivery", Billing => "billing", Maintenance => "maintenance", Other => "other" });

code_enum!(Acceptance { Accepted => "accepted", NotAccepted => "not_accepted" });

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Complaint {
    #[serde(skip)]
    pub id: RecordId,
    /// The complainant.
    pub customer: Option<RecordId>,
    /// The contacts it came from (linked both ways).
    pub contacts: Vec<RecordId>,
    pub channel: Channel,
    pub content: String,
    /// What the customer asks for.
    pub asks: String,
    #[serde(deserialize_with = "crate::domain::base::when::utc")]
    pub received_at: DateTime<Utc>,
    /// Always `Accepted`: the live stage is derived from the events
    /// (`history`), never stored in one overwritable field.
    pub stage: Stage,
    pub owner: RecordId,
    pub demo: bool,
    #[serde(flatten)]
    pub audit: Audit,
}

/// Stage 2. Founded: department, severity and the promised investigation
/// deadline (a local calendar day in the organisation's zone; the UTC
/// offset it was promised in is kept for the record and for older versions).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Judgement {
    pub founded: bool,
    pub department: String,
    pub severity: Severity,
    pub deadline: Option<chrono::NaiveDate>,
    pub utc_offset_minutes: i32,
}

/// Stage 3.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Investigation {
    pub cause: Cause,
    pub cause_text: String,
    /// The person responsible (may be outside the staff list: a courier).
    pub responsible: String,
}

/// Stage 4: one proposal; a director chooses one of them.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Plan {
    pub proposal: String,
}

/// Stage 5. The customer's acceptance is a drawn signature (an SVG path or
/// data URL), or their words typed by the agent, or both.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Implementation {
    pub done: String,
    pub acceptance: Acceptance,
    pub signature: String,
    pub customer_words: String,
    pub sanctions: String,
}

/// Stage 6.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Evaluation {
    pub improvements: String,
}

/// What one step did, tagged by its kind.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum EventData {
    Judged(Judgement),
    Investigated(Investigation),
    PlanProposed(Plan),
    /// The proposal (its event id) a director chose.
    PlanChosen {
        plan: RecordId,
    },
    Implemented(Implementation),
    Evaluated(Evaluation),
    /// The reply to the customer that closes an unfounded complaint.
    ReplyRecorded {
        reply: String,
    },
    /// Back one stage, from `from`.
    Reopened {
        from: Stage,
        reason: String,
    },
    /// A director's decision on a conflict: `keep` stands, `overrule` is
    /// ignored from now on (still shown in the timeline).
    Resolved {
        keep: Option<RecordId>,
        overrule: Vec<RecordId>,
    },
    /// A step from a newer version, or unreadable: shown, not replayed.
    #[default]
    #[serde(other)]
    Unknown,
}

impl EventData {
    /// The stage this step completes, for the stage-advancing kinds.
    pub fn completes(&self) -> Option<Stage> {
        match self {
            EventData::Judged(_) => Some(Stage::Judged),
            EventData::Investigated(_) => Some(Stage::Investigated),
            EventData::PlanChosen { .. } => Some(Stage::PlanChosen),
            EventData::Implemented(_) => Some(Stage::Implemented),
            EventData::Evaluated(_) => Some(Stage::Evaluated),
            _ => None,
        }
    }

    pub fn code(&self) -> &'static str {
        match self {
            EventData::Judged(_) => "judged",
            EventData::Investigated(_) => "investigated",
            EventData::PlanProposed(_) => "plan_proposed",
            EventData::PlanChosen { .. } => "plan_chosen",
            EventData::Implemented(_) => "implemented",
            EventData::Evaluated(_) => "evaluated",
            EventData::ReplyRecorded { .. } => "reply_recorded",
            EventData::Reopened { .. } => "reopened",
            EventData::Resolved { .. } => "resolved",
            EventData::Unknown => "unknown",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ComplaintEvent {
    #[serde(skip)]
    pub id: RecordId,
    pub complaint: RecordId,
    pub data: EventData,
    pub by: RecordId,
    #[serde(deserialize_with = "crate::domain::base::when::utc")]
    pub at: DateTime<Utc>,
    pub demo: bool,
    #[serde(flatten)]
    pub audit: Audit,
}

impl ComplaintEvent {
    pub fn new(
        id: RecordId,
        complaint: RecordId,
        data: EventData,
        by: RecordId,
        at: DateTime<Utc>,
    ) -> ComplaintEvent {
        ComplaintEvent {
            id,
            complaint,
            data,
            by,
            at,
            demo: false,
            audit: Audit::new(by, at),
        }
    }
}

/// Whether these steps, in replay order (by time, then id), plainly close
/// the loop: one judgement, then for a founded complaint one investigation,
/// one choice of a proposed plan, one implementation and one evaluation, or
/// for an unfounded one one reply; nothing reopened, resolved, repeated or
/// out of order (proposals and unreadable steps may come at any point). The
/// replay (`complaint::history`) finds such a complaint closed and without
/// conflict, which `tests/native/complaints/settled.rs` proves over random
/// steps; so the model can keep the complaints that are anything else
/// (`Model::unsettled_complaints`), and Today replays only those. A fact
/// of the records, checked step by step: it never says "closed" for a
/// complaint the replay would not close.
pub fn plainly_closed(steps: &[&ComplaintEvent]) -> bool {
    let mut stage = Stage::Accepted;
    let mut founded = None;
    let mut proposals = Vec::new();
    let mut closed = false;
    for step in steps {
        let fits = match &step.data {
            EventData::Judged(j) => {
                founded = Some(j.founded);
                stage == Stage::Accepted
            }
            EventData::Investigated(_) => stage == Stage::Judged && founded == Some(true),
            EventData::PlanProposed(_) => {
                proposals.push(step.id);
                continue;
            }
            EventData::PlanChosen { plan } => {
                stage == Stage::Investigated && proposals.contains(plan)
            }
            EventData::Implemented(_) => stage == Stage::PlanChosen,
            EventData::Evaluated(_) => stage == Stage::Implemented,
            EventData::ReplyRecorded { .. } => {
                let fits = stage == Stage::Judged && founded == Some(false) && !closed;
                closed = true;
                fits
            }
            EventData::Reopened { .. } | EventData::Resolved { .. } => false,
            EventData::Unknown => continue,
        };
        if !fits {
            return false;
        }
        if let Some(done) = step.data.completes() {
            stage = done;
            closed |= done == Stage::Evaluated;
        }
    }
    closed
}
