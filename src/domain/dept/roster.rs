//! The roster (R-OPS-01): teams, shift definitions, holidays, and who works
//! which shift on which day. A roster entry's id is derived from (person,
//! date), so two leaders editing the same day offline edit one record.
//! A night shift belongs to the day it starts on.

use super::records::*;
use super::shifts::*;
use super::teams::*;
use crate::domain::base::dates::Shift;
use crate::domain::base::limits::{check_len, MAX_NAME, MAX_WEEKLY_HOURS};
use crate::domain::base::order;
use crate::domain::base::record::Audit;
use crate::domain::base::text;
use crate::domain::dept::leave_status;
use crate::domain::dept::leave_status::LeaveStatus;
use crate::domain::error::RuleError;
use crate::domain::model::Model;
use crate::domain::staff::{require, Action, Staff};
use crate::sync::RecordId;
use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Utc};

/// EditRoster plus: a team leader edits their own team only.
pub fn require_leader_of(actor: &Staff, team: &str) -> Result<(), RuleError> {
    require(actor, Action::EditRoster)?;
    if leads(actor, team) {
        Ok(())
    } else {
        Err(RuleError::OtherTeam)
    }
}

pub fn save_team(
    model: &Model,
    actor: &Staff,
    existing: Option<&Team>,
    name: &str,
    min_weekly_hours: u32,
    id: RecordId,
    now: DateTime<Utc>,
) -> Result<Team, RuleError> {
    require(actor, Action::EditRoster)?;
    let name = name.trim();
    if name.is_empty() {
        return Err(RuleError::Required { field: "name" });
    }
    check_len(name, "name", MAX_NAME)?;
    if min_weekly_hours > MAX_WEEKLY_HOURS {
        return Err(RuleError::OutOfRange {
            field: "min_weekly_hours",
        });
    }
    if team_named(model, name).is_some_and(|t| t.id != id) {
        return Err(RuleError::Duplicate { field: "name" });
    }
    let mut team = existing.cloned().unwrap_or_else(|| Team {
        id,
        audit: Audit::new(actor.id, now),
        ..Team::default()
    });
    team.name = name.to_string();
    team.min_weekly_hours = min_weekly_hours;
    team.audit.touch(actor.id, now);
    Ok(team)
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct ShiftDraft {
    pub name: String,
    pub kind: ShiftKind,
    pub start: NaiveTime,
    pub end: NaiveTime,
    pub holiday: bool,
}

pub fn save_shift(
    _model: &Model,
    actor: &Staff,
    existing: Option<&ShiftDef>,
    draft: ShiftDraft,
    id: RecordId,
    now: DateTime<Utc>,
) -> Result<ShiftDef, RuleError> {
    require(actor, Action::EditRoster)?;
    let name = draft.name.trim();
    if name.is_empty() {
        return Err(RuleError::Required { field: "name" });
    }
    check_len(name, "name", MAX_NAME)?;
    if draft.start == draft.end {
        return Err(RuleError::EndBeforeStart { field: "end" });
    }
    // A day shift that ends "before" it starts is a typo, not a night.
    if draft.kind == ShiftKind::Day && draft.end < draft.start {
        return Err(RuleError::EndBeforeStart { field: "end" });
    }
    let mut def = existing.cloned().unwrap_or_else(|| ShiftDef {
        id,
        audit: Audit::new(actor.id, now),
        ..ShiftDef::default()
    });
    def.name = name.to_string();
    def.kind = draft.kind;
    def.start = draft.start;
    def.end = draft.end;
    def.holiday = draft.holiday;
    def.audit.touch(actor.id, now);
    Ok(def)
}

pub fn save_holiday(
    _model: &Model,
    actor: &Staff,
    date: NaiveDate,
    name: &str,
    id: RecordId,
    now: DateTime<Utc>,
) -> Result<Holiday, RuleError> {
    require(actor, Action::EditRoster)?;
    if name.trim().is_empty() {
        return Err(RuleError::Required { field: "name" });
    }
    check_len(name, "name", MAX_NAME)?;
    Ok(Holiday {
        id,
        date,
        name: name.trim().to_string(),
        demo: false,
        audit: Audit::new(actor.id, now),
    })
}

/// Puts `person` on `shift` (None: day off) on `date`; their team's leader only.
pub fn set_roster_day(
    model: &Model,
    actor: &Staff,
    person: RecordId,
    date: NaiveDate,
    shift: Option<RecordId>,
    now: DateTime<Utc>,
) -> Result<RosterEntry, RuleError> {
    let who = model
        .staff
        .get(&person)
        .ok_or(RuleError::NotFound { what: "staff" })?;
    if !who.active {
        return Err(RuleError::InactiveStaff);
    }
    require_leader_of(actor, &who.team)?;
    if let Some(s) = shift {
        if !model.dept.shift_defs.contains_key(&s) {
            return Err(RuleError::NotFound { what: "shift" });
        }
    }
    let id = entry_id(person, date);
    let mut entry = model
        .dept
        .roster
        .get(&id)
        .cloned()
        .unwrap_or_else(|| RosterEntry {
            id,
            person,
            date,
            audit: Audit::new(actor.id, now),
            ..RosterEntry::default()
        });
    entry.shift = shift;
    entry.team = who.team.clone();
    entry.audit.touch(actor.id, now);
    Ok(entry)
}

/// One cell of the printable week.
#[derive(Debug, Clone, PartialEq)]
pub struct RosterCell {
    pub date: NaiveDate,
    pub shift: Option<ShiftView>,
    pub holiday: bool,
    /// Approved leave that day, shift or not.
    pub on_leave: Option<RecordId>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct RosterRow {
    pub person: RecordId,
    pub name: String,
    pub cells: Vec<RosterCell>,
}

/// A team's week from `monday`: one row per active member, seven cells.
pub fn roster_week(model: &Model, team: &str, monday: NaiveDate) -> Vec<RosterRow> {
    let mut people: Vec<&Staff> = model
        .active_staff()
        .filter(|s| same(&s.team, team))
        .collect();
    order::sort_by_key(&mut people, |s| text::fold(&s.name));
    let sunday = monday.plus(Duration::days(6));
    people
        .into_iter()
        .map(|p| {
            let shifts = shifts_of(model, p.id, monday, sunday);
            let cells = (0..7)
                .map(|i| {
                    let date = monday.plus(Duration::days(i));
                    let on_leave = leave_status::leave_on(model, p.id, date)
                        .filter(|l| leave_status::status(model, l) == LeaveStatus::Approved)
                        .map(|l| l.id);
                    RosterCell {
                        date,
                        shift: shifts.iter().find(|s| s.date == date).cloned(),
                        holiday: is_holiday(model, date),
                        on_leave,
                    }
                })
                .collect();
            RosterRow {
                person: p.id,
                name: p.name.clone(),
                cells,
            }
        })
        .collect()
}
