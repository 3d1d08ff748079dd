//! The call and what it leaves: complete records (R-RV-03), callbacks
//! (R-RV-04), follow-up tasks, and what the customer raised (R-RV-08).

use super::queue::check_quiet;
use super::{local_day, Task, VisitAttempt};
use crate::domain::base::dates::Shift;
use crate::domain::base::record::{to_writes, Audit};
use crate::domain::base::zone::Zone;
use crate::domain::contact::{self, Category, Channel, ContactDraft, Direction};
use crate::domain::error::RuleError;
use crate::domain::model::Model;
use crate::domain::staff::Staff;
use crate::domain::visits::{ReturnVisit, VisitMethod, VisitOutcome, VisitStatus};
use crate::sync::{RecordId, Write};
use chrono::{DateTime, Duration, NaiveDate, Utc};

/// The call screen's form.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CallResult {
    pub method: Option<VisitMethod>,
    pub outcome: Option<VisitOutcome>,
    /// Needed when average or dissatisfied: their words.
    pub unhappy_with: String,
    pub suggestions: String,
    pub notes: String,
    /// The agreed time, for "callback requested".
    pub callback_at: Option<DateTime<Utc>>,
    /// A question not answered on the call: by when, and what.
    pub reply_promised_by: Option<NaiveDate>,
    pub reply_about: String,
    /// Why call now, inside the customer's quiet hours (R-RV-01).
    pub quiet_override: String,
}

/// Fresh ids for what a call may make.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CallIds {
    pub attempt: RecordId,
    pub task: RecordId,
}

use crate::domain::base::limits::{text_into, Need, MAX_TEXT};
/// Further than this is not a callback but a new visit.
const MAX_CALLBACK_DAYS: i64 = 90;

fn open_visit(model: &Model, visit: RecordId) -> Result<&ReturnVisit, RuleError> {
    let v = model
        .visits
        .get(&visit)
        .ok_or(RuleError::NotFound { what: "visit" })?;
    if !v.is_open() {
        return Err(RuleError::VisitDone);
    }
    Ok(v)
}

/// Records one call on a visit. Satisfied, average and dissatisfied
/// complete it (R-RV-03: method, outcome, and what they are unhappy with
/// when not satisfied); unreachable keeps it open; a callback moves it to
/// the agreed time (R-RV-04). Every call is an attempt record; a promised
/// reply makes a task for Today.
pub fn record_call(
    model: &Model,
    actor: &Staff,
    visit: RecordId,
    result: CallResult,
    ids: CallIds,
    now: DateTime<Utc>,
    zone: Zone,
) -> Result<Vec<Write>, Vec<RuleError>> {
    let old = open_visit(model, visit).map_err(|e| vec![e])?;
    let mut errors = Vec::new();
    if result.method.is_none() {
        errors.push(RuleError::Required { field: "method" });
    }
    if result.outcome.is_none() {
        errors.push(RuleError::Required { field: "outcome" });
    }
    let unhappy_with = text_into(
        &result.unhappy_with,
        "unhappy_with",
        MAX_TEXT,
        Need::Optional,
        &mut errors,
    );
    let suggestions = text_into(
        &result.suggestions,
        "suggestions",
        MAX_TEXT,
        Need::Optional,
        &mut errors,
    );
    let notes = text_into(
        &result.notes,
        "notes",
        MAX_TEXT,
        Need::Optional,
        &mut errors,
    );
    let reply_about = text_into(
        &result.reply_about,
        "reply_about",
        MAX_TEXT,
        Need::Optional,
        &mut errors,
    );
    let talked = !matches!(result.outcome, Some(VisitOutcome::Unreachable) | None);
    match result.outcome {
        Some(VisitOutcome::Average | VisitOutcome::Dissatisfied) if unhappy_with.is_empty() => {
            errors.push(RuleError::UnhappyWithRequired);
        }
        Some(VisitOutcome::CallbackRequested) => match result.callback_at {
            None => errors.push(RuleError::Required {
                field: "callback_at",
            }),
            Some(t) if t <= now => errors.push(RuleError::CallbackNotFuture),
            Some(t) if t > now.plus(Duration::days(MAX_CALLBACK_DAYS)) => {
                errors.push(RuleError::InvalidDate {
                    field: "callback_at",
                })
            }
            Some(_) => {}
        },
        _ => {}
    }
    let today = local_day(now, zone);
    if let Some(by) = result.reply_promised_by {
        if !talked {
            errors.push(RuleError::NoConversation);
        } else if by < today || by > today.plus(Duration::days(MAX_CALLBACK_DAYS)) {
            errors.push(RuleError::InvalidDate {
                field: "reply_promised_by",
            });
        }
        if reply_about.is_empty() {
            errors.push(RuleError::Required {
                field: "reply_about",
            });
        }
    }
    let mut quiet_override = String::new();
    if let (Some(method), Some(c)) = (result.method, model.customers.get(&old.customer)) {
        match check_quiet(c, method, now, zone, &result.quiet_override) {
            Ok(reason) => quiet_override = reason,
            Err(e) => errors.push(e),
        }
    }
    let (Some(method), Some(outcome), true) = (result.method, result.outcome, errors.is_empty())
    else {
        return Err(errors);
    };
    let attempt = VisitAttempt {
        id: ids.attempt,
        visit,
        at: now,
        by: actor.id,
        method,
        outcome,
        quiet_override: quiet_override.clone(),
        demo: old.demo,
        audit: Audit::new(actor.id, now),
    };
    let mut v = old.clone();
    v.method = Some(method);
    v.outcome = Some(outcome);
    if !quiet_override.is_empty() {
        v.quiet_override = quiet_override;
    }
    if !notes.is_empty() {
        v.notes = notes;
    }
    match outcome {
        VisitOutcome::Unreachable => {}
        VisitOutcome::CallbackRequested => {
            if let Some(t) = result.callback_at {
                v.callback_at = Some(t);
                v.due = local_day(t, zone);
            }
        }
        VisitOutcome::Satisfied | VisitOutcome::Average | VisitOutcome::Dissatisfied => {
            v.status = VisitStatus::Done;
            v.completed_at = Some(now);
            v.callback_at = None;
            v.unhappy_with = unhappy_with;
            v.suggestions = suggestions;
        }
    }
    let mut writes = to_writes(None, &attempt);
    if let Some(by) = result.reply_promised_by {
        v.reply_promised_by = Some(by);
        let task = Task {
            id: ids.task,
            owner: actor.id,
            title: reply_about,
            due: by,
            customer: Some(v.customer),
            visit: Some(visit),
            done_at: None,
            demo: v.demo,
            audit: Audit::new(actor.id, now),
        };
        writes.extend(to_writes(None, &task));
    }
    v.audit.touch(actor.id, now);
    writes.extend(to_writes(Some(old), &v));
    Ok(writes)
}

/// Marks a follow-up task done (its owner, or anyone covering for them).
pub fn task_done(
    model: &Model,
    actor: &Staff,
    task: RecordId,
    now: DateTime<Utc>,
) -> Result<Vec<Write>, RuleError> {
    let old = model
        .rv
        .tasks
        .get(&task)
        .ok_or(RuleError::NotFound { what: "task" })?;
    if old.done_at.is_some() {
        return Ok(Vec::new());
    }
    let mut t = old.clone();
    t.done_at = Some(now);
    t.audit.touch(actor.id, now);
    Ok(to_writes(Some(old), &t))
}

/// What the customer raised on the call (R-RV-08).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Raised {
    Suggestion,
    Complaint,
}

/// Fresh ids for `raise_from_visit`; `complaint` is used only for a complaint.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RaiseIds {
    pub contact: RecordId,
    pub complaint: RecordId,
}

/// R-RV-08: in one step, a suggestion becomes a contact, a complaint a
/// contact and its complaint (the R-CON-04 path); the visit lists it.
pub fn raise_from_visit(
    model: &Model,
    actor: &Staff,
    visit: RecordId,
    what: Raised,
    summary: &str,
    ids: RaiseIds,
    now: DateTime<Utc>,
) -> Result<Vec<Write>, Vec<RuleError>> {
    let old = model
        .visits
        .get(&visit)
        .ok_or_else(|| vec![RuleError::NotFound { what: "visit" }])?;
    let channel = match old.method {
        Some(VisitMethod::Email) => Channel::Email,
        Some(VisitMethod::Sms) => Channel::Sms,
        Some(VisitMethod::Phone) | None => Channel::Phone,
    };
    let draft = ContactDraft {
        customer: Some(old.customer),
        channel,
        direction: Direction::Out,
        category: match what {
            Raised::Suggestion => Category::Suggestion,
            Raised::Complaint => Category::Complaint,
        },
        summary: summary.to_string(),
        received_at: now,
        first_response_at: Some(now),
    };
    let mut c = contact::record_contact(model, actor, draft, ids.contact, now)?;
    c.demo = old.demo;
    let mut writes = Vec::new();
    if what == Raised::Complaint {
        let (complaint, linked) =
            contact::make_complaint(model, actor, &c, ids.complaint, now).map_err(|e| vec![e])?;
        writes.extend(to_writes(None, &complaint));
        c = linked;
    }
    writes.extend(to_writes(None, &c));
    let mut v = old.clone();
    v.raised.push(ids.contact);
    v.audit.touch(actor.id, now);
    writes.extend(to_writes(Some(old), &v));
    Ok(writes)
}
