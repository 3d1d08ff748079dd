//! Meetings (R-OPS-04): handover, weekly and monthly, with minutes. Each
//! decision is its own record (owner, due date), so decisions added on two
//! devices are all kept, and an open decision is a task on its owner's Today.

use super::records::*;
use crate::domain::base::dates::Shift;
use crate::domain::base::limits::{check_len, MAX_LONG_TEXT, MAX_NAME, MAX_TEXT};
use crate::domain::base::order;
use crate::domain::base::record::Audit;
use crate::domain::base::text::fold;
use crate::domain::dept::teams::leads;
use crate::domain::error::RuleError;
use crate::domain::model::Model;
use crate::domain::staff::{require, Action, Staff};
use crate::sync::RecordId;
use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};

/// R-OPS-04: the monthly meeting is held before this day of the month.
pub const MONTHLY_DEADLINE_DAY: u32 = 25;

#[derive(Debug, Clone, PartialEq, Default)]
pub struct MeetingDraft {
    pub kind: MeetingKind,
    pub team: String,
    pub scheduled_at: DateTime<Utc>,
    pub title: String,
    pub agenda: String,
}

fn require_lead(actor: &Staff, team: &str) -> Result<(), RuleError> {
    require(actor, Action::LeadTeam)?;
    if team.trim().is_empty() || leads(actor, team) {
        Ok(())
    } else {
        Err(RuleError::OtherTeam)
    }
}

pub fn schedule_meeting(
    _model: &Model,
    actor: &Staff,
    existing: Option<&Meeting>,
    draft: MeetingDraft,
    id: RecordId,
    now: DateTime<Utc>,
) -> Result<Meeting, RuleError> {
    require_lead(actor, &draft.team)?;
    let title = draft.title.trim();
    if title.is_empty() {
        return Err(RuleError::Required { field: "title" });
    }
    check_len(title, "title", MAX_NAME)?;
    check_len(&draft.agenda, "agenda", MAX_LONG_TEXT)?;
    check_len(&draft.team, "team", MAX_NAME)?;
    if (draft.scheduled_at - now).num_days().abs() > 366 {
        return Err(RuleError::InvalidDate {
            field: "scheduled_at",
        });
    }
    let mut m = existing.cloned().unwrap_or_else(|| Meeting {
        id,
        audit: Audit::new(actor.id, now),
        ..Meeting::default()
    });
    m.kind = draft.kind;
    m.team = draft.team.trim().to_string();
    m.scheduled_at = draft.scheduled_at;
    m.title = title.to_string();
    m.agenda = draft.agenda.trim().to_string();
    m.audit.touch(actor.id, now);
    Ok(m)
}

/// Writes the minutes; the meeting counts as held.
pub fn record_minutes(
    _model: &Model,
    actor: &Staff,
    meeting: &Meeting,
    minutes: &str,
    now: DateTime<Utc>,
) -> Result<Meeting, RuleError> {
    require_lead(actor, &meeting.team)?;
    if minutes.trim().is_empty() {
        return Err(RuleError::Required { field: "minutes" });
    }
    check_len(minutes, "minutes", MAX_LONG_TEXT)?;
    if now < meeting.scheduled_at {
        return Err(RuleError::InvalidDate {
            field: "scheduled_at",
        });
    }
    let mut m = meeting.clone();
    m.minutes = minutes.trim().to_string();
    m.held = true;
    m.audit.touch(actor.id, now);
    Ok(m)
}

/// A decision with its owner and due date: a task on the owner's Today.
#[allow(clippy::too_many_arguments)]
pub fn add_decision(
    model: &Model,
    actor: &Staff,
    meeting: RecordId,
    text: &str,
    owner: RecordId,
    due: NaiveDate,
    id: RecordId,
    now: DateTime<Utc>,
) -> Result<MeetingDecision, RuleError> {
    let m = model
        .dept
        .meetings
        .get(&meeting)
        .ok_or(RuleError::NotFound { what: "meeting" })?;
    require_lead(actor, &m.team)?;
    if text.trim().is_empty() {
        return Err(RuleError::Required { field: "text" });
    }
    check_len(text, "text", MAX_TEXT)?;
    if !model.staff.get(&owner).is_some_and(|s| s.active) {
        return Err(RuleError::InactiveStaff);
    }
    if due < model.zone().local_date(m.scheduled_at) {
        return Err(RuleError::EndBeforeStart { field: "due" });
    }
    Ok(MeetingDecision {
        id,
        meeting,
        text: text.trim().to_string(),
        owner,
        due,
        done_at: None,
        answer: None,
        demo: false,
        audit: Audit::new(actor.id, now),
    })
}

/// The owner (or a leader of the meeting's team) marks a decision done.
pub fn complete_decision(
    model: &Model,
    actor: &Staff,
    decision: &MeetingDecision,
    now: DateTime<Utc>,
) -> Result<MeetingDecision, RuleError> {
    if actor.id != decision.owner {
        let team = model
            .dept
            .meetings
            .get(&decision.meeting)
            .map(|m| m.team.clone())
            .unwrap_or_default();
        require_lead(actor, &team)?;
    }
    let mut d = decision.clone();
    if d.done_at.is_none() {
        d.done_at = Some(now);
        d.audit.touch(actor.id, now);
    }
    Ok(d)
}

/// Open decisions owned by `person`, soonest due first.
pub fn tasks_for(model: &Model, person: RecordId) -> Vec<RecordId> {
    let mut v: Vec<&MeetingDecision> = model
        .dept
        .decisions
        .values()
        .filter(|d| d.owner == person && d.done_at.is_none())
        .filter(|d| model.dept.meetings.contains_key(&d.meeting))
        .collect();
    order::sort_by_key(&mut v, |d| (d.due, d.id));
    v.into_iter().map(|d| d.id).collect()
}

/// R-OPS-04: no monthly meeting for the team (or the whole department)
/// scheduled this month before the 25th. `overdue` once the 25th is here.
/// Not for the month the organisation was created in: it was not there
/// for the whole of it (`Model::org_since`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MonthlyWarning {
    pub month: NaiveDate,
    pub deadline: NaiveDate,
    pub overdue: bool,
}

pub fn monthly_meeting_warning(
    model: &Model,
    team: &str,
    now: DateTime<Utc>,
) -> Option<MonthlyWarning> {
    let zone = model.zone();
    let today = zone.local_date(now);
    let first = today.minus(Duration::days(today.day0() as i64));
    if model.org_since().is_some_and(|since| first < since) {
        return None;
    }
    let deadline = first.plus(Duration::days(MONTHLY_DEADLINE_DAY as i64 - 1));
    let scheduled = model.dept.meetings.values().any(|m| {
        let d = zone.local_date(m.scheduled_at);
        m.kind == MeetingKind::Monthly
            && (m.team.is_empty() || fold(&m.team) == fold(team))
            && d >= first
            && d < deadline
    });
    (!scheduled).then_some(MonthlyWarning {
        month: first,
        deadline,
        overdue: today >= deadline,
    })
}
