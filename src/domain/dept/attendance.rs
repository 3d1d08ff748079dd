//! Attendance (R-ATT-01, R-ATT-02): arrival and departure per shift, late
//! or early by 20 minutes or more flagged, weekly hours against the team's
//! minimum. Times are instants, so a night across a DST change counts the
//! hours really worked; a shift's hours count in the week it starts.

use super::records::*;
use crate::domain::base::dates::Shift;
use crate::domain::base::order;
use crate::domain::base::record::{Audit, Record};
use crate::domain::base::text::fold;
use crate::domain::base::zone::derived_id;
use crate::domain::dept::leave_status;
use crate::domain::dept::leave_status::LeaveStatus;
use crate::domain::dept::roster::{self};
use crate::domain::dept::shifts;
use crate::domain::dept::shifts::ShiftView;
use crate::domain::dept::teams;
use crate::domain::dept::teams::leads;
use crate::domain::error::RuleError;
use crate::domain::model::Model;
use crate::domain::staff::Staff;
use crate::sync::RecordId;
use chrono::{DateTime, Duration, NaiveDate, Utc};

/// R-ATT-01.
pub const LATE_MINUTES: i64 = 20;
/// Clocking in earlier than this before a shift is a mistake, not zeal.
const EARLY_CLOCK_IN_HOURS: i64 = 2;

pub fn attendance_id(entry: RecordId, person: RecordId) -> RecordId {
    derived_id(Attendance::KIND, &[entry, person], "")
}

fn my_shift(model: &Model, actor: &Staff, entry: RecordId) -> Result<ShiftView, RuleError> {
    let e = model.dept.roster.get(&entry).ok_or(RuleError::NotFound {
        what: "roster_entry",
    })?;
    if shifts::worker(model, e) != actor.id {
        return Err(RuleError::NotYourShift);
    }
    shifts::view_entry(model, e, actor.id).ok_or(RuleError::NotFound { what: "shift" })
}

fn current(model: &Model, actor: &Staff, v: &ShiftView, now: DateTime<Utc>) -> Attendance {
    let id = attendance_id(v.entry, actor.id);
    model
        .dept
        .attendance
        .get(&id)
        .cloned()
        .unwrap_or_else(|| Attendance {
            id,
            person: actor.id,
            entry: v.entry,
            audit: Audit::new(actor.id, now),
            ..Attendance::default()
        })
}

/// The big button: "I'm here". A second press keeps the first arrival.
pub fn clock_in(
    model: &Model,
    actor: &Staff,
    entry: RecordId,
    now: DateTime<Utc>,
) -> Result<Attendance, RuleError> {
    let v = my_shift(model, actor, entry)?;
    if now < v.start.minus(Duration::hours(EARLY_CLOCK_IN_HOURS)) || now >= v.end {
        return Err(RuleError::InvalidDate {
            field: "arrived_at",
        });
    }
    let mut a = current(model, actor, &v, now);
    if a.arrived_at.is_none() {
        a.arrived_at = Some(now);
        a.audit.touch(actor.id, now);
    }
    Ok(a)
}

/// "I'm leaving": needs an arrival first; a later press moves it.
pub fn clock_out(
    model: &Model,
    actor: &Staff,
    entry: RecordId,
    now: DateTime<Utc>,
) -> Result<Attendance, RuleError> {
    let v = my_shift(model, actor, entry)?;
    let mut a = current(model, actor, &v, now);
    if a.arrived_at.is_none_or(|t| t > now) {
        return Err(RuleError::NotClockedIn);
    }
    a.left_at = Some(now);
    a.audit.touch(actor.id, now);
    Ok(a)
}

/// A team leader corrects a person's times (a forgotten button press).
pub fn correct_attendance(
    model: &Model,
    actor: &Staff,
    person: RecordId,
    entry: RecordId,
    arrived_at: DateTime<Utc>,
    left_at: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> Result<Attendance, RuleError> {
    let who = model
        .staff
        .get(&person)
        .ok_or(RuleError::NotFound { what: "staff" })?;
    roster::require_leader_of(actor, &who.team)?;
    let v = my_shift(model, who, entry)?;
    if left_at.is_some_and(|l| l <= arrived_at) {
        return Err(RuleError::EndBeforeStart { field: "left_at" });
    }
    if arrived_at > now || left_at.is_some_and(|l| l > now) {
        return Err(RuleError::InvalidDate {
            field: "arrived_at",
        });
    }
    let mut a = current(model, who, &v, now);
    a.arrived_at = Some(arrived_at);
    a.left_at = left_at;
    a.audit.touch(actor.id, now);
    Ok(a)
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Violation {
    /// Arrived this many minutes after the start.
    Late(i64),
    /// Left this many minutes before the end.
    LeftEarly(i64),
    /// No arrival 20 minutes into the shift, and no approved leave.
    Absent,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Flag {
    pub person: RecordId,
    pub entry: RecordId,
    pub date: NaiveDate,
    pub violation: Violation,
}

/// R-ATT-01 for one worked shift; approved leave is the permission.
pub fn shift_violation(model: &Model, v: &ShiftView, now: DateTime<Utc>) -> Option<Violation> {
    let grace = Duration::minutes(LATE_MINUTES);
    let excused = leave_status::leave_on(model, v.person, v.date)
        .is_some_and(|l| leave_status::status(model, l) == LeaveStatus::Approved);
    if excused || now < v.start.plus(grace) {
        return None;
    }
    let a = model.dept.attendance.get(&attendance_id(v.entry, v.person));
    let Some(arrived) = a.and_then(|a| a.arrived_at) else {
        return Some(Violation::Absent);
    };
    let late = (arrived - v.start).num_minutes();
    if late >= LATE_MINUTES {
        return Some(Violation::Late(late));
    }
    let early = a
        .and_then(|a| a.left_at)
        .map(|l| (v.end - l).num_minutes())
        .unwrap_or(0);
    (early >= LATE_MINUTES).then_some(Violation::LeftEarly(early))
}

fn members<'a>(model: &'a Model, team: &str) -> Vec<&'a Staff> {
    let mut v: Vec<&Staff> = model
        .active_staff()
        .filter(|s| fold(&s.team) == fold(team))
        .collect();
    order::sort_by_key(&mut v, |s| fold(&s.name));
    v
}

/// R-ATT-01: a team's violations on shifts starting `from..=to`, none
/// before the organisation existed (`Model::org_since`).
pub fn violations(
    model: &Model,
    team: &str,
    from: NaiveDate,
    to: NaiveDate,
    now: DateTime<Utc>,
) -> Vec<Flag> {
    let from = model.org_since().map_or(from, |since| from.max(since));
    let mut out = Vec::new();
    for p in members(model, team) {
        for v in shifts::shifts_of(model, p.id, from, to) {
            if let Some(violation) = shift_violation(model, &v, now) {
                out.push(Flag {
                    person: p.id,
                    entry: v.entry,
                    date: v.date,
                    violation,
                });
            }
        }
    }
    out
}

#[derive(Debug, Clone, PartialEq)]
pub struct WeekHours {
    pub person: RecordId,
    pub name: String,
    pub worked_minutes: i64,
    pub scheduled_minutes: i64,
    pub min_hours: u32,
    /// Days of approved leave this week: why hours may be short.
    pub leave_days: u32,
    pub below: bool,
}

/// Minutes clocked on one worked shift: from arrival to departure (never
/// negative); None until both are clocked.
pub fn worked_minutes(model: &Model, v: &ShiftView) -> Option<i64> {
    let a = model
        .dept
        .attendance
        .get(&attendance_id(v.entry, v.person))?;
    Some((a.left_at? - a.arrived_at?).num_minutes().max(0))
}

/// R-ATT-02: hours clocked per member in the week from `monday`. A week
/// that began before the organisation existed is not judged: nobody is
/// below the minimum in it.
pub fn weekly_hours(model: &Model, team: &str, monday: NaiveDate) -> Vec<WeekHours> {
    let judged = model.org_since().is_none_or(|since| monday >= since);
    let min_hours = teams::team_named(model, team)
        .map(|t| t.min_hours())
        .unwrap_or(DEFAULT_MIN_WEEKLY_HOURS);
    let sunday = monday.plus(Duration::days(6));
    members(model, team)
        .into_iter()
        .map(|p| {
            let shifts = shifts::shifts_of(model, p.id, monday, sunday);
            let scheduled_minutes = shifts.iter().map(|s| (s.end - s.start).num_minutes()).sum();
            let worked_minutes = shifts
                .iter()
                .filter_map(|s| worked_minutes(model, s))
                .sum::<i64>();
            let leave_days = (0..7)
                .filter(|i| {
                    leave_status::leave_on(model, p.id, monday.plus(Duration::days(*i)))
                        .is_some_and(|l| leave_status::status(model, l) == LeaveStatus::Approved)
                })
                .count() as u32;
            WeekHours {
                person: p.id,
                name: p.name.clone(),
                worked_minutes,
                scheduled_minutes,
                min_hours,
                leave_days,
                below: judged && worked_minutes < min_hours as i64 * 60,
            }
        })
        .collect()
}

/// Whether `actor` may see a team's attendance: its leaders and directors.
pub fn may_see(actor: &Staff, team: &str) -> bool {
    leads(actor, team)
}
