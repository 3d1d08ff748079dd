//! The stage forms (R-CMP-01): each checks its own fields and that the stage
//! before it is complete, and returns the writes of one new event record.
//! Closing (R-CMP-04) also returns the writes of a return visit.

use super::{
    history, registration_gaps, Acceptance, Cause, ComplaintEvent, ComplaintView, Conflict,
    Evaluation, EventData, Implementation, Investigation, Judgement, Plan, Severity, Stage,
    MAX_NAME, MAX_TEXT,
};
use crate::domain::base::limits::{text_into, Need};
use crate::domain::base::record::{to_writes, Audit};
use crate::domain::base::zone::Zone;
use crate::domain::error::RuleError;
use crate::domain::model::Model;
use crate::domain::staff::{require, Action, Staff};
use crate::domain::visits::{ReturnVisit, VisitReason, VisitStatus};
use crate::sync::{RecordId, Write};
use chrono::{DateTime, Days, Utc};

/// A drawn signature (SVG path or data URL) is stored in the record; a
/// bigger one would bloat every sync bundle.
pub use crate::domain::base::limits::MAX_SIGNATURE_BYTES;
/// R-CMP-04: the return visit after closing is due within this many days.
pub const RETURN_VISIT_DAYS: u64 = 3;
/// A promise further out than this is a typing mistake.
const MAX_DEADLINE_DAYS: u64 = 366;

/// The ids a closing step needs: its event, and the return visit it makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CloseIds {
    pub event: RecordId,
    pub visit: RecordId,
}

fn event_writes(
    view: &ComplaintView,
    actor: &Staff,
    data: EventData,
    id: RecordId,
    now: DateTime<Utc>,
) -> Vec<Write> {
    let mut e = ComplaintEvent::new(id, view.complaint.id, data, actor.id, now);
    e.demo = view.complaint.demo;
    to_writes(None, &e)
}

/// R-CMP-01: the stage must be the next one, on an open complaint with no
/// unresolved conflict (a conflict means nobody knows the stage for sure).
fn ready(view: &ComplaintView, stage: Stage) -> Result<(), RuleError> {
    if view.closed {
        return Err(RuleError::ComplaintClosed);
    }
    if !view.conflicts.is_empty() {
        return Err(RuleError::UnresolvedConflict);
    }
    if view.stage >= stage {
        return Err(RuleError::StageDone { stage });
    }
    match stage.prev() {
        Some(prev) if view.stage < prev => Err(RuleError::StageNotReady { needs: prev }),
        _ => Ok(()),
    }
}

fn one(e: RuleError) -> Vec<RuleError> {
    vec![e]
}

fn done(errors: Vec<RuleError>) -> Result<(), Vec<RuleError>> {
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

/// The judging form. `None` in a choice means nothing was picked.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct JudgementForm {
    pub founded: Option<bool>,
    pub department: String,
    pub severity: Option<Severity>,
    pub deadline: Option<chrono::NaiveDate>,
}

/// Stage 2. A founded complaint needs its department, severity and the
/// deadline promised to the customer (a local day in the organisation's `zone`, not in the past).
pub fn judge(
    model: &Model,
    actor: &Staff,
    complaint: RecordId,
    form: JudgementForm,
    zone: Zone,
    id: RecordId,
    now: DateTime<Utc>,
) -> Result<Vec<Write>, Vec<RuleError>> {
    let view = history(model, complaint).map_err(one)?;
    ready(&view, Stage::Judged).map_err(one)?;
    let mut errors = registration_gaps(model, &view.complaint);
    let Some(founded) = form.founded else {
        errors.push(RuleError::Required { field: "founded" });
        return Err(errors);
    };
    let mut j = Judgement {
        founded,
        utc_offset_minutes: zone.offset_minutes(now),
        ..Judgement::default()
    };
    if founded {
        j.department = text_into(
            &form.department,
            "department",
            MAX_NAME,
            Need::Required,
            &mut errors,
        );
        match form.severity {
            Some(s) => j.severity = s,
            None => errors.push(RuleError::Required { field: "severity" }),
        }
        let today = super::local_day(now, zone);
        match form.deadline {
            None => errors.push(RuleError::Required { field: "deadline" }),
            Some(d)
                if d < today || Some(d) > today.checked_add_days(Days::new(MAX_DEADLINE_DAYS)) =>
            {
                errors.push(RuleError::InvalidDate { field: "deadline" })
            }
            Some(d) => j.deadline = Some(d),
        }
    }
    done(errors)?;
    Ok(event_writes(&view, actor, EventData::Judged(j), id, now))
}

/// Stage 2, unfounded path: the reply given to the customer closes it.
pub fn record_reply(
    model: &Model,
    actor: &Staff,
    complaint: RecordId,
    reply: &str,
    zone: Zone,
    ids: CloseIds,
    now: DateTime<Utc>,
) -> Result<Vec<Write>, Vec<RuleError>> {
    let view = history(model, complaint).map_err(one)?;
    if view.closed {
        return Err(one(RuleError::ComplaintClosed));
    }
    if !view.conflicts.is_empty() {
        return Err(one(RuleError::UnresolvedConflict));
    }
    match view.founded() {
        None => {
            return Err(one(RuleError::StageNotReady {
                needs: Stage::Judged,
            }))
        }
        Some(true) => return Err(one(RuleError::WrongPath { founded: true })),
        Some(false) => {}
    }
    let mut errors = Vec::new();
    let reply = text_into(reply, "reply", MAX_TEXT, Need::Required, &mut errors);
    done(errors)?;
    let mut w = event_writes(
        &view,
        actor,
        EventData::ReplyRecorded { reply },
        ids.event,
        now,
    );
    w.extend(return_visit(&view, actor, zone, ids.visit, now).map_err(one)?);
    Ok(w)
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct InvestigationForm {
    pub cause: Option<Cause>,
    pub cause_text: String,
    pub responsible: String,
}

/// Stage 3 (founded complaints only).
pub fn investigate(
    model: &Model,
    actor: &Staff,
    complaint: RecordId,
    form: InvestigationForm,
    id: RecordId,
    now: DateTime<Utc>,
) -> Result<Vec<Write>, Vec<RuleError>> {
    let view = history(model, complaint).map_err(one)?;
    ready(&view, Stage::Investigated).map_err(one)?;
    if view.founded() == Some(false) {
        return Err(one(RuleError::WrongPath { founded: false }));
    }
    let mut errors = Vec::new();
    let Some(cause) = form.cause else {
        errors.push(RuleError::Required { field: "cause" });
        text_into(
            &form.cause_text,
            "cause_text",
            MAX_TEXT,
            Need::Required,
            &mut errors,
        );
        text_into(
            &form.responsible,
            "responsible",
            MAX_NAME,
            Need::Required,
            &mut errors,
        );
        return Err(errors);
    };
    let i = Investigation {
        cause,
        cause_text: text_into(
            &form.cause_text,
            "cause_text",
            MAX_TEXT,
            Need::Required,
            &mut errors,
        ),
        responsible: text_into(
            &form.responsible,
            "responsible",
            MAX_NAME,
            Need::Required,
            &mut errors,
        ),
    };
    done(errors)?;
    Ok(event_writes(
        &view,
        actor,
        EventData::Investigated(i),
        id,
        now,
    ))
}

/// Stage 4, first half: anyone may propose a plan once the investigation
/// is done; there may be several.
pub fn propose_plan(
    model: &Model,
    actor: &Staff,
    complaint: RecordId,
    proposal: &str,
    id: RecordId,
    now: DateTime<Utc>,
) -> Result<Vec<Write>, Vec<RuleError>> {
    let view = history(model, complaint).map_err(one)?;
    ready(&view, Stage::PlanChosen).map_err(one)?;
    let mut errors = Vec::new();
    let proposal = text_into(proposal, "proposal", MAX_TEXT, Need::Required, &mut errors);
    done(errors)?;
    Ok(event_writes(
        &view,
        actor,
        EventData::PlanProposed(Plan { proposal }),
        id,
        now,
    ))
}

/// Stage 4: a department director or higher picks one proposal (R-ROL-02).
pub fn choose_plan(
    model: &Model,
    actor: &Staff,
    complaint: RecordId,
    plan: RecordId,
    id: RecordId,
    now: DateTime<Utc>,
) -> Result<Vec<Write>, RuleError> {
    require(actor, Action::ChoosePlan)?;
    let view = history(model, complaint)?;
    ready(&view, Stage::PlanChosen)?;
    if view.plans.is_empty() {
        return Err(RuleError::Required { field: "proposal" });
    }
    if view.plan(plan).is_none() {
        return Err(RuleError::NotFound { what: "plan" });
    }
    Ok(event_writes(
        &view,
        actor,
        EventData::PlanChosen { plan },
        id,
        now,
    ))
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct ImplementationForm {
    pub done: String,
    pub acceptance: Option<Acceptance>,
    /// A drawn signature: an SVG path or a data URL.
    pub signature: String,
    /// The customer's words, typed by the agent.
    pub customer_words: String,
    pub sanctions: String,
}

/// Stage 5: what was done and the customer's acceptance, signed by drawing
/// or by their words; sanctions are optional.
pub fn implement(
    model: &Model,
    actor: &Staff,
    complaint: RecordId,
    form: ImplementationForm,
    id: RecordId,
    now: DateTime<Utc>,
) -> Result<Vec<Write>, Vec<RuleError>> {
    let view = history(model, complaint).map_err(one)?;
    ready(&view, Stage::Implemented).map_err(one)?;
    let mut errors = Vec::new();
    let done_text = text_into(&form.done, "done", MAX_TEXT, Need::Required, &mut errors);
    if form.acceptance.is_none() {
        errors.push(RuleError::Required {
            field: "acceptance",
        });
    }
    let signature = form.signature.trim().to_string();
    if signature.len() > MAX_SIGNATURE_BYTES {
        errors.push(RuleError::SignatureTooLarge {
            max_kb: MAX_SIGNATURE_BYTES / 1000,
        });
    }
    let words = text_into(
        &form.customer_words,
        "customer_words",
        MAX_TEXT,
        Need::Optional,
        &mut errors,
    );
    if signature.is_empty() && words.is_empty() {
        errors.push(RuleError::Required { field: "signature" });
    }
    let sanctions = text_into(
        &form.sanctions,
        "sanctions",
        MAX_TEXT,
        Need::Optional,
        &mut errors,
    );
    done(errors)?;
    let i = Implementation {
        done: done_text,
        acceptance: form.acceptance.unwrap_or_default(),
        signature,
        customer_words: words,
        sanctions,
    };
    Ok(event_writes(
        &view,
        actor,
        EventData::Implemented(i),
        id,
        now,
    ))
}

/// Stage 6: the improvement actions; closes the complaint and returns the
/// return visit due within three days too (R-CMP-04).
pub fn evaluate(
    model: &Model,
    actor: &Staff,
    complaint: RecordId,
    improvements: &str,
    zone: Zone,
    ids: CloseIds,
    now: DateTime<Utc>,
) -> Result<Vec<Write>, Vec<RuleError>> {
    let view = history(model, complaint).map_err(one)?;
    ready(&view, Stage::Evaluated).map_err(one)?;
    let mut errors = Vec::new();
    let improvements = text_into(
        improvements,
        "improvements",
        MAX_TEXT,
        Need::Required,
        &mut errors,
    );
    done(errors)?;
    let mut w = event_writes(
        &view,
        actor,
        EventData::Evaluated(Evaluation { improvements }),
        ids.event,
        now,
    );
    w.extend(return_visit(&view, actor, zone, ids.visit, now).map_err(one)?);
    Ok(w)
}

/// R-CMP-04: due three local days after closing, for the complaint's owner.
fn return_visit(
    view: &ComplaintView,
    actor: &Staff,
    zone: Zone,
    id: RecordId,
    now: DateTime<Utc>,
) -> Result<Vec<Write>, RuleError> {
    let customer = view
        .complaint
        .customer
        .ok_or(RuleError::Required { field: "customer" })?;
    let due = super::days_from_today(now, zone, RETURN_VISIT_DAYS)
        .ok_or(RuleError::InvalidDate { field: "due" })?;
    let visit = ReturnVisit {
        id,
        customer,
        reason: VisitReason::ComplaintClosed,
        due,
        assignee: Some(view.complaint.owner),
        complaint: Some(view.complaint.id),
        status: VisitStatus::Open,
        demo: view.complaint.demo,
        audit: Audit::new(actor.id, now),
        ..ReturnVisit::default()
    };
    Ok(to_writes(None, &visit))
}

/// Whether a complaint may go back a stage now: not before it has one to
/// go back from, not while two devices disagree on its steps.
pub fn reopen_allowed(view: &ComplaintView) -> Result<(), RuleError> {
    if !view.conflicts.is_empty() {
        return Err(RuleError::UnresolvedConflict);
    }
    if view.stage == Stage::Accepted {
        return Err(RuleError::NothingToReopen);
    }
    Ok(())
}

/// R-CMP-01: back one stage, with the reason; recorded as an event. A
/// closed complaint may be reopened too.
pub fn reopen(
    model: &Model,
    actor: &Staff,
    complaint: RecordId,
    reason: &str,
    id: RecordId,
    now: DateTime<Utc>,
) -> Result<Vec<Write>, Vec<RuleError>> {
    let view = history(model, complaint).map_err(one)?;
    reopen_allowed(&view).map_err(one)?;
    let mut errors = Vec::new();
    let reason = text_into(reason, "reason", MAX_TEXT, Need::Required, &mut errors);
    done(errors)?;
    Ok(event_writes(
        &view,
        actor,
        EventData::Reopened {
            from: view.stage,
            reason,
        },
        id,
        now,
    ))
}

/// A director settles a conflict: `keep` stays in force (None: drop them
/// all, e.g. a step that no longer fits), the others are set aside.
pub fn resolve_conflict(
    model: &Model,
    actor: &Staff,
    complaint: RecordId,
    conflict: &Conflict,
    keep: Option<RecordId>,
    id: RecordId,
    now: DateTime<Utc>,
) -> Result<Vec<Write>, RuleError> {
    require(actor, Action::ResolveConflict)?;
    let view = history(model, complaint)?;
    if !view.conflicts.contains(conflict) {
        return Err(RuleError::NoConflict);
    }
    if keep.is_some_and(|k| !conflict.events.contains(&k)) {
        return Err(RuleError::NotFound { what: "event" });
    }
    let overrule = conflict
        .events
        .iter()
        .copied()
        .filter(|e| Some(*e) != keep)
        .collect();
    Ok(event_writes(
        &view,
        actor,
        EventData::Resolved { keep, overrule },
        id,
        now,
    ))
}
