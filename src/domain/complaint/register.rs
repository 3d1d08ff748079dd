//! Complaints: the closed loop (DOMAIN.md "Complaints", R-CMP-01..05).
//!
//! The complaint record holds the first stage (Accepted). Every later step is
//! its own `complaint_event` record, so two devices that advance the same
//! complaint offline both keep their steps after a merge; the stage, the
//! timeline and any conflicts are derived from the events (`history`).

use super::history;
use crate::domain::base::dates::Shift;
use crate::domain::base::lang::Lang;
use crate::domain::base::record::{code_enum, record, to_writes, Audit};
use crate::domain::contact::Channel;
use crate::domain::error::RuleError;
use crate::domain::model::Model;
use crate::domain::staff::Staff;
use crate::sync::{RecordId, Write};
use chrono::{DateTime, Duration, Utc};
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

    pub fn label(self, lang: Lang) -> &'static str {
        let (es, en) = match self {
            Stage::Accepted => ("Aceptación", "Accepted"),
            Stage::Judged => ("Valoración", "Judged"),
            Stage::Investigated => ("Investigación", "Investigated"),
            Stage::PlanChosen => ("Elección del plan", "Plan chosen"),
            Stage::Implemented => ("Ejecución", "Implemented"),
            Stage::Evaluated => ("Evaluación", "Evaluated"),
        };
        match lang {
            Lang::Es => es,
            Lang::En => en,
        }
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
record!(Complaint, "complaint");

pub(crate) use crate::domain::base::limits::{MAX_NAME, MAX_TEXT};
const MAX_AGE_DAYS: i64 = 366;
const CLOCK_SLACK_MINUTES: i64 = 5;

/// Trimmed text, required and at most `max` characters.
pub(crate) fn text(
    value: &str,
    field: &'static str,
    max: usize,
    errors: &mut Vec<RuleError>,
) -> String {
    let v = value.trim();
    if v.is_empty() {
        errors.push(RuleError::Required { field });
    } else if v.chars().count() > max {
        errors.push(RuleError::TooLong { field, max });
    }
    v.to_string()
}

/// Trimmed text that may be empty, at most `max` characters.
pub(crate) fn optional_text(
    value: &str,
    field: &'static str,
    max: usize,
    errors: &mut Vec<RuleError>,
) -> String {
    let v = value.trim();
    if v.chars().count() > max {
        errors.push(RuleError::TooLong { field, max });
    }
    v.to_string()
}

/// The registration form (stage 1, Accepted).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ComplaintDraft {
    pub customer: Option<RecordId>,
    pub channel: Channel,
    pub content: String,
    pub asks: String,
    pub received_at: DateTime<Utc>,
}

fn check_draft(model: &Model, d: &ComplaintDraft, now: DateTime<Utc>) -> Vec<RuleError> {
    let mut errors = Vec::new();
    match d.customer {
        None => errors.push(RuleError::Required { field: "customer" }),
        Some(c) if !model.customers.contains_key(&c) => {
            errors.push(RuleError::NotFound { what: "customer" })
        }
        Some(_) => {}
    }
    text(&d.content, "content", MAX_TEXT, &mut errors);
    text(&d.asks, "asks", MAX_TEXT, &mut errors);
    if d.received_at > now.plus(Duration::minutes(CLOCK_SLACK_MINUTES))
        || d.received_at < now.minus(Duration::days(MAX_AGE_DAYS))
    {
        errors.push(RuleError::InvalidDate {
            field: "received_at",
        });
    }
    errors
}

/// Stage 1: registers a complaint; the person registering owns it.
pub fn register(
    model: &Model,
    actor: &Staff,
    draft: ComplaintDraft,
    id: RecordId,
    now: DateTime<Utc>,
) -> Result<Vec<Write>, Vec<RuleError>> {
    let errors = check_draft(model, &draft, now);
    if !errors.is_empty() {
        return Err(errors);
    }
    let c = Complaint {
        id,
        customer: draft.customer,
        channel: draft.channel,
        content: draft.content.trim().to_string(),
        asks: draft.asks.trim().to_string(),
        received_at: draft.received_at,
        stage: Stage::Accepted,
        owner: actor.id,
        audit: Audit::new(actor.id, now),
        ..Complaint::default()
    };
    Ok(to_writes(None, &c))
}

/// Corrects the registration while it is still the current stage (a
/// complaint made from a contact still needs what the customer asks for).
pub fn update_registration(
    model: &Model,
    actor: &Staff,
    id: RecordId,
    draft: ComplaintDraft,
    now: DateTime<Utc>,
) -> Result<Vec<Write>, Vec<RuleError>> {
    let view = history(model, id).map_err(|e| vec![e])?;
    if view.stage != Stage::Accepted {
        return Err(vec![RuleError::StageDone {
            stage: Stage::Accepted,
        }]);
    }
    let errors = check_draft(model, &draft, now);
    if !errors.is_empty() {
        return Err(errors);
    }
    let old = &view.complaint;
    let mut next = old.clone();
    next.customer = draft.customer;
    next.channel = draft.channel;
    next.content = draft.content.trim().to_string();
    next.asks = draft.asks.trim().to_string();
    next.received_at = draft.received_at;
    next.audit.touch(actor.id, now);
    Ok(to_writes(Some(old), &next))
}

/// R-CMP-01: what stage 1 still lacks, as the errors judging would give.
pub fn registration_gaps(model: &Model, c: &Complaint) -> Vec<RuleError> {
    let mut errors = Vec::new();
    if c.customer.is_none() {
        errors.push(RuleError::Required { field: "customer" });
    } else if !c.customer.is_some_and(|x| model.customers.contains_key(&x)) {
        errors.push(RuleError::NotFound { what: "customer" });
    }
    if c.content.trim().is_empty() {
        errors.push(RuleError::Required { field: "content" });
    }
    if c.asks.trim().is_empty() {
        errors.push(RuleError::Required { field: "asks" });
    }
    errors
}
