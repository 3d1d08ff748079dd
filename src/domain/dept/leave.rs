//! Leave (R-LV-01..06). A leave covers whole days, the shifts that start on
//! them (a night shift belongs to the day it starts), or a few hours of one
//! day (`part_day`). Decisions are `Approval` events; the status is derived.
//!
//! Choices the rules leave open, made here:
//! - Sick leave is exempt from the notice, night-shift and holiday rules
//!   (illness is not planned) and may be entered by anyone (R-LV-04).
//! - "No skipping levels" (R-LV-03): exactly the level the leave needs
//!   decides it. A center director may decide a one-day leave only when
//!   there is no active department director to ask. Nobody decides their
//!   own leave: a department director's leave goes to the center director.
//! - Late requests (R-LV-02) are accepted but marked `late`: they still
//!   need the same approval, and until approved the day counts as absence.

use super::leave_status::*;
use super::records::*;
use crate::domain::base::dates::{days, Shift};
use crate::domain::base::limits::{check_len, MAX_TEXT};
use crate::domain::base::order;
use crate::domain::base::record::Audit;
use crate::domain::dept::approval::{live_decisions, new_approval};
use crate::domain::dept::records::ShiftKind;
use crate::domain::dept::records::{Approval, Decision};
use crate::domain::dept::shifts;
use crate::domain::dept::swap_status;
use crate::domain::dept::teams::{is_holiday, leads};
use crate::domain::error::RuleError;
use crate::domain::model::Model;
use crate::domain::staff::Staff;
use crate::sync::RecordId;
use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Utc};

#[derive(Debug, Clone, PartialEq, Default)]
pub struct LeaveDraft {
    pub person: RecordId,
    pub kind: LeaveKind,
    pub first_day: NaiveDate,
    pub last_day: NaiveDate,
    pub part_day: bool,
    pub urgent: bool,
    pub reason: String,
}

const MAX_DAYS: i64 = 366;
/// Sick leave may be entered afterwards, but not from another season.
const MAX_BACKDATE_DAYS: i64 = 60;

fn midday() -> NaiveTime {
    NaiveTime::MIN + Duration::hours(12)
}

/// R-LV-01..06 at request time.
pub fn request_leave(
    model: &Model,
    actor: &Staff,
    draft: LeaveDraft,
    id: RecordId,
    now: DateTime<Utc>,
) -> Result<Leave, RuleError> {
    let person = model
        .staff
        .get(&draft.person)
        .ok_or(RuleError::NotFound { what: "staff" })?;
    if !person.active || !actor.active {
        return Err(RuleError::InactiveStaff);
    }
    if draft.last_day < draft.first_day {
        return Err(RuleError::EndBeforeStart { field: "last_day" });
    }
    if draft.part_day && draft.last_day != draft.first_day {
        return Err(RuleError::InvalidDate { field: "last_day" });
    }
    let zone = model.zone();
    let today = zone.local_date(now);
    if (draft.last_day - draft.first_day).num_days() >= MAX_DAYS
        || draft.first_day < today.minus(Duration::days(MAX_BACKDATE_DAYS))
    {
        return Err(RuleError::InvalidDate { field: "first_day" });
    }
    // R-LV-04: only sick leave may be entered on someone's behalf.
    if draft.kind != LeaveKind::Sick && actor.id != person.id {
        return Err(RuleError::LeaveBySelf);
    }
    if draft.kind == LeaveKind::Sick && draft.reason.trim().is_empty() && actor.id != person.id {
        return Err(RuleError::Required { field: "reason" });
    }
    check_len(&draft.reason, "reason", MAX_TEXT)?;
    if model.dept.leaves.values().any(|l| {
        l.person == person.id
            && l.first_day <= draft.last_day
            && draft.first_day <= l.last_day
            && !matches!(
                status(model, l),
                LeaveStatus::Refused | LeaveStatus::Cancelled
            )
    }) {
        return Err(RuleError::Overlap { what: "leave" });
    }
    let shifts = shifts::shifts_of(model, person.id, draft.first_day, draft.last_day);
    let start = shifts
        .first()
        .map(|s| s.start)
        .unwrap_or_else(|| zone.to_utc(draft.first_day.and_time(NaiveTime::MIN)));
    let mut late = false;
    if draft.kind != LeaveKind::Sick {
        if shifts.iter().any(|s| s.holiday_duty) {
            return Err(RuleError::HolidayDuty);
        }
        // R-SW-05: a swapped shift (approved or pending) cannot be left.
        if shifts.iter().any(|s| {
            s.swapped_from.is_some() || swap_status::standing_swap_on(model, s.entry).is_some()
        }) {
            return Err(RuleError::LeaveDuringSwap);
        }
        for d in days(draft.first_day, draft.last_day) {
            if is_holiday(model, d) && now > start.minus(Duration::days(2)) {
                return Err(RuleError::HolidayNotice);
            }
        }
        if let Some(night) = shifts.iter().find(|s| s.kind == ShiftKind::Night) {
            if now >= zone.to_utc(night.date.and_time(midday())) {
                return Err(RuleError::NightLeaveTooLate);
            }
        }
        let notice = start - now;
        late = notice < Duration::days(1) && !(draft.urgent && notice >= Duration::hours(1));
    }
    let mut leave = Leave {
        id,
        person: person.id,
        kind: draft.kind,
        first_day: draft.first_day,
        last_day: draft.last_day,
        part_day: draft.part_day,
        reason: draft.reason.trim().to_string(),
        urgent: draft.urgent,
        late,
        audit: Audit::new(actor.id, now),
        ..Leave::default()
    };
    leave.needs = approver_level(leave.kind, leave.days(), person.role);
    Ok(leave)
}

/// R-LV-03: approve or refuse, at exactly the right level.
pub fn decide_leave(
    model: &Model,
    actor: &Staff,
    leave: &Leave,
    decision: Decision,
    note: &str,
    id: RecordId,
    now: DateTime<Utc>,
) -> Result<Approval, RuleError> {
    let current = model
        .dept
        .leaves
        .get(&leave.id)
        .ok_or(RuleError::NotFound { what: "leave" })?;
    if actor.id == current.person {
        return Err(RuleError::OwnRequest);
    }
    if !actor.active || !level_ok(model, current, actor.role) {
        return Err(RuleError::WrongApprover {
            needs: current.needs,
            days: current.days(),
        });
    }
    let supersedes = match status(model, current) {
        LeaveStatus::Pending => Vec::new(),
        LeaveStatus::Conflict => live_decisions(model, current.id)
            .into_iter()
            .map(|a| a.id)
            .collect(),
        _ => return Err(RuleError::AlreadyDecided),
    };
    if decision == Decision::Refuse && note.trim().is_empty() {
        return Err(RuleError::Required { field: "note" });
    }
    check_len(note, "note", MAX_TEXT)?;
    Ok(new_approval(
        actor, current.id, decision, note, supersedes, id, now,
    ))
}

/// The person (or whoever entered it, or their leader) withdraws a leave
/// that has not started yet.
pub fn cancel_leave(
    model: &Model,
    actor: &Staff,
    leave: &Leave,
    now: DateTime<Utc>,
) -> Result<Leave, RuleError> {
    let team = model
        .staff
        .get(&leave.person)
        .map(|s| s.team.clone())
        .unwrap_or_default();
    if actor.id != leave.person && actor.id != leave.audit.created_by && !leads(actor, &team) {
        return Err(RuleError::OtherTeam);
    }
    if leave.cancelled {
        return Err(RuleError::AlreadyDecided);
    }
    if model.zone().local_date(now) > leave.first_day {
        return Err(RuleError::InvalidDate { field: "first_day" });
    }
    let mut next = leave.clone();
    next.cancelled = true;
    next.audit.touch(actor.id, now);
    Ok(next)
}

/// R-LV-05: a sick leave of a whole day or more needs a certificate.
pub fn needs_certificate(leave: &Leave) -> bool {
    leave.kind == LeaveKind::Sick && !leave.part_day
}

/// The first day the person is rostered after the leave (or the day after).
pub fn first_day_back(model: &Model, leave: &Leave) -> NaiveDate {
    let next = leave.last_day.plus(Duration::days(1));
    shifts::shifts_of(model, leave.person, next, next.plus(Duration::days(31)))
        .first()
        .map(|s| s.date)
        .unwrap_or(next)
}

/// R-LV-05: the person or their leader records the certificate handed in.
pub fn hand_in_certificate(
    model: &Model,
    actor: &Staff,
    leave: &Leave,
    now: DateTime<Utc>,
) -> Result<Leave, RuleError> {
    if !needs_certificate(leave) {
        return Err(RuleError::NoCertificateNeeded);
    }
    let team = model
        .staff
        .get(&leave.person)
        .map(|s| s.team.clone())
        .unwrap_or_default();
    if actor.id != leave.person && !leads(actor, &team) {
        return Err(RuleError::OtherTeam);
    }
    let mut next = leave.clone();
    if next.certificate_at.is_none() {
        next.certificate_at = Some(now);
        next.certificate_by = Some(actor.id);
        next.audit.touch(actor.id, now);
    }
    Ok(next)
}

/// R-LV-05: sick leaves whose certificate was due by `today` (the first
/// day back) and is not in, oldest first.
pub fn certificates_missing(model: &Model, today: NaiveDate) -> Vec<RecordId> {
    let mut v: Vec<&Leave> = model
        .dept
        .leaves
        .values()
        .filter(|l| needs_certificate(l) && l.certificate_at.is_none())
        .filter(|l| {
            !matches!(
                status(model, l),
                LeaveStatus::Refused | LeaveStatus::Cancelled
            )
        })
        .filter(|l| first_day_back(model, l) <= today)
        .collect();
    order::sort_by_key(&mut v, |l| (l.last_day, l.id));
    v.into_iter().map(|l| l.id).collect()
}

/// Leaves `actor` may decide now, oldest first.
pub fn waiting_for(model: &Model, actor: &Staff) -> Vec<RecordId> {
    let mut v: Vec<&Leave> = model
        .dept
        .leaves
        .values()
        .filter(|l| l.person != actor.id && actor.active && level_ok(model, l, actor.role))
        .filter(|l| {
            matches!(
                status(model, l),
                LeaveStatus::Pending | LeaveStatus::Conflict
            )
        })
        .collect();
    order::sort_by_key(&mut v, |l| (l.first_day, l.id));
    v.into_iter().map(|l| l.id).collect()
}

#[derive(Debug, Clone, PartialEq)]
pub struct CalendarLine {
    pub leave: RecordId,
    pub person: RecordId,
    pub name: String,
    pub kind: LeaveKind,
    pub first_day: NaiveDate,
    pub last_day: NaiveDate,
    pub status: LeaveStatus,
}

/// A team's leave overlapping `from..=to`, refused and cancelled left out.
pub fn leave_calendar(
    model: &Model,
    team: &str,
    from: NaiveDate,
    to: NaiveDate,
) -> Vec<CalendarLine> {
    let team = crate::domain::base::text::fold(team);
    let mut v: Vec<CalendarLine> = model
        .dept
        .leaves
        .values()
        .filter(|l| l.first_day <= to && from <= l.last_day)
        .filter_map(|l| {
            let s = model.staff.get(&l.person)?;
            (crate::domain::base::text::fold(&s.team) == team).then_some((l, s))
        })
        .map(|(l, s)| CalendarLine {
            leave: l.id,
            person: s.id,
            name: s.name.clone(),
            kind: l.kind,
            first_day: l.first_day,
            last_day: l.last_day,
            status: status(model, l),
        })
        .filter(|c| !matches!(c.status, LeaveStatus::Refused | LeaveStatus::Cancelled))
        .collect();
    order::sort_by(&mut v, |a, b| {
        (a.first_day, &a.name).cmp(&(b.first_day, &b.name))
    });
    v
}
