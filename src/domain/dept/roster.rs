//! The roster (R-OPS-01): teams, shift definitions, holidays, and who works
//! which shift on which day. A roster entry's id is derived from (person,
//! date), so two leaders editing the same day offline edit one record.
//! A night shift belongs to the day it starts on.

use crate::domain::base::dates::{days, Shift};
use crate::domain::base::limits::{check_len, MAX_NAME, MAX_WEEKLY_HOURS};
use crate::domain::base::record::{code_enum, record, Audit, Record};
use crate::domain::base::text;
use crate::domain::base::zone::{derived_id, Zone};
use crate::domain::dept::leave::{self, LeaveStatus};
use crate::domain::dept::swap;
use crate::domain::error::RuleError;
use crate::domain::model::Model;
use crate::domain::staff::{require, Action, Role, Staff};
use crate::sync::RecordId;
use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Utc};
use serde::{Deserialize, Serialize};

code_enum!(ShiftKind { Day => "day", Night => "night" });

/// R-ATT-02: weekly hours below this are flagged unless the team says otherwise.
pub const DEFAULT_MIN_WEEKLY_HOURS: u32 = 30;

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Team {
    #[serde(skip)]
    pub id: RecordId,
    /// Matches `Staff::team` (compared without accents or case).
    pub name: String,
    /// 0 means the default of 30 h (R-ATT-02).
    pub min_weekly_hours: u32,
    #[serde(flatten)]
    pub audit: Audit,
}
record!(Team, "team");

impl Team {
    pub fn min_hours(&self) -> u32 {
        if self.min_weekly_hours == 0 {
            DEFAULT_MIN_WEEKLY_HOURS
        } else {
            self.min_weekly_hours
        }
    }
}

/// A kind of shift: "Día 08:00–20:00", "Noche 20:00–08:00", "Festivo".
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ShiftDef {
    #[serde(skip)]
    pub id: RecordId,
    pub name: String,
    pub kind: ShiftKind,
    /// Local wall-clock times; an end at or before the start is the next day.
    pub start: NaiveTime,
    pub end: NaiveTime,
    /// Holiday duty: whoever works it cannot take leave or swap (R-LV-06).
    pub holiday: bool,
    #[serde(flatten)]
    pub audit: Audit,
}
record!(ShiftDef, "shift");

impl ShiftDef {
    pub fn crosses_midnight(&self) -> bool {
        self.end <= self.start
    }
}

/// A public holiday: leave touching it needs two days' notice (R-LV-06).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Holiday {
    #[serde(skip)]
    pub id: RecordId,
    pub date: NaiveDate,
    pub name: String,
    #[serde(flatten)]
    pub audit: Audit,
}
record!(Holiday, "holiday");

/// One person's shift on one day. `shift: None` is a day off.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct RosterEntry {
    #[serde(skip)]
    pub id: RecordId,
    pub person: RecordId,
    pub date: NaiveDate,
    pub shift: Option<RecordId>,
    pub team: String,
    #[serde(flatten)]
    pub audit: Audit,
}
record!(RosterEntry, "roster_entry");

/// The roster entry id of a person's day.
pub fn entry_id(person: RecordId, date: NaiveDate) -> RecordId {
    derived_id(RosterEntry::KIND, &[person], &date.to_string())
}

fn same(a: &str, b: &str) -> bool {
    text::fold(a) == text::fold(b)
}

/// Whether `actor` leads `team`: its team leader, or a director.
pub fn leads(actor: &Staff, team: &str) -> bool {
    actor.active
        && (actor.role.rank() >= Role::DepartmentDirector.rank()
            || (actor.role.rank() >= Role::TeamLeader.rank() && same(&actor.team, team)))
}

/// EditRoster plus: a team leader edits their own team only.
pub fn require_leader_of(actor: &Staff, team: &str) -> Result<(), RuleError> {
    require(actor, Action::EditRoster)?;
    if leads(actor, team) {
        Ok(())
    } else {
        Err(RuleError::OtherTeam)
    }
}

pub fn team_named<'a>(model: &'a Model, name: &str) -> Option<&'a Team> {
    model.dept.teams.values().find(|t| same(&t.name, name))
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
        audit: Audit::new(actor.id, now),
    })
}

pub fn is_holiday(model: &Model, date: NaiveDate) -> bool {
    model.dept.holidays.values().any(|h| h.date == date)
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

/// A shift's start and end instants on `date` (the day it starts).
pub fn shift_times(zone: Zone, def: &ShiftDef, date: NaiveDate) -> (DateTime<Utc>, DateTime<Utc>) {
    let start = zone.to_utc(date.and_time(def.start));
    let end_date = if def.crosses_midnight() {
        date.plus(Duration::days(1))
    } else {
        date
    };
    (start, zone.to_utc(end_date.and_time(def.end)))
}

/// One shift as a person works it, after approved swaps.
#[derive(Debug, Clone, PartialEq)]
pub struct ShiftView {
    pub entry: RecordId,
    /// Who works it now.
    pub person: RecordId,
    pub date: NaiveDate,
    pub shift: RecordId,
    pub name: String,
    pub kind: ShiftKind,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    pub holiday_duty: bool,
    /// The rostered person when an approved swap moved it to `person`.
    pub swapped_from: Option<RecordId>,
    /// Leave (not refused or cancelled) covering it, and where it stands.
    pub leave: Option<(RecordId, LeaveStatus)>,
}

/// The shift view of one entry, worked by `person`.
pub fn view_entry(model: &Model, entry: &RosterEntry, person: RecordId) -> Option<ShiftView> {
    let def = model.dept.shift_defs.get(&entry.shift?)?;
    let (start, end) = shift_times(model.zone(), def, entry.date);
    Some(ShiftView {
        entry: entry.id,
        person,
        date: entry.date,
        shift: def.id,
        name: def.name.clone(),
        kind: def.kind,
        start,
        end,
        holiday_duty: def.holiday,
        swapped_from: (person != entry.person).then_some(entry.person),
        leave: leave::leave_on(model, person, entry.date).map(|l| (l.id, leave::status(model, l))),
    })
}

/// Who works an entry now, after approved swaps.
pub fn worker(model: &Model, entry: &RosterEntry) -> RecordId {
    swap::swapped_worker(model, entry.id).unwrap_or(entry.person)
}

/// A person's shifts starting on `from..=to`, after approved swaps, by start.
pub fn shifts_of(
    model: &Model,
    person: RecordId,
    from: NaiveDate,
    to: NaiveDate,
) -> Vec<ShiftView> {
    let mut out = Vec::new();
    for d in days(from, to) {
        if let Some(e) = model.dept.roster.get(&entry_id(person, d)) {
            if worker(model, e) == person {
                out.extend(view_entry(model, e, person));
            }
        }
    }
    for e in swap::entries_swapped_to(model, person) {
        if (from..=to).contains(&e.date) {
            out.extend(view_entry(model, e, person));
        }
    }
    out.sort_by_key(|v| (v.start, v.entry));
    out
}

/// "My shifts" for Today: not yet ended, starting within `days` days.
pub fn my_shifts(model: &Model, me: RecordId, now: DateTime<Utc>, days: i64) -> Vec<ShiftView> {
    let today = model.zone().local_date(now);
    shifts_of(
        model,
        me,
        today.minus(Duration::days(1)),
        today.plus(Duration::days(days)),
    )
    .into_iter()
    .filter(|s| s.end > now && s.start < now.plus(Duration::days(days)))
    .collect()
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
    people.sort_by_key(|s| text::fold(&s.name));
    let sunday = monday.plus(Duration::days(6));
    people
        .into_iter()
        .map(|p| {
            let shifts = shifts_of(model, p.id, monday, sunday);
            let cells = (0..7)
                .map(|i| {
                    let date = monday.plus(Duration::days(i));
                    let on_leave = leave::leave_on(model, p.id, date)
                        .filter(|l| leave::status(model, l) == LeaveStatus::Approved)
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
