//! Complaints: the closed loop (docs/rules.md, R-CMP-01..05).
//!
//! The complaint record holds the first stage (Accepted). Every later step is
//! its own `complaint_event` record, so two devices that advance the same
//! complaint offline both keep their steps after a merge; the stage, the
//! timeline and any conflicts are derived from the events (`history`).

use super::history;
use super::records::*;
use crate::domain::base::dates::Shift;
use crate::domain::base::limits::{text_into, Need};
use crate::domain::base::record::{to_writes, Audit};
use crate::domain::contact::Channel;
use crate::domain::error::RuleError;
use crate::domain::model::Model;
use crate::domain::staff::Staff;
use crate::sync::{RecordId, Write};
use chrono::{DateTime, Duration, Utc};

pub(crate) use crate::domain::base::limits::{MAX_NAME, MAX_TEXT};
const MAX_AGE_DAYS: i64 = 366;
const CLOCK_SLACK_MINUTES: i64 = 5;

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
    text_into(&d.content, "content", MAX_TEXT, Need::Required, &mut errors);
    text_into(&d.asks, "asks", MAX_TEXT, Need::Required, &mut errors);
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
