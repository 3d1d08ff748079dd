//! Who leads which team, which days are holidays, when a shift runs: the
//! facts every department rule reads. No decisions here.

use super::records::*;
use crate::domain::base::dates::Shift;
use crate::domain::base::record::Record;
use crate::domain::base::text::{self};
use crate::domain::base::zone::{derived_id, Zone};
use crate::domain::model::Model;
use crate::domain::staff::{Role, Staff};
use crate::sync::RecordId;
use chrono::{DateTime, Duration, NaiveDate, Utc};

/// The roster entry id of a person's day.
pub fn entry_id(person: RecordId, date: NaiveDate) -> RecordId {
    derived_id(RosterEntry::KIND, &[person], &date.to_string())
}

pub(super) fn same(a: &str, b: &str) -> bool {
    text::fold(a) == text::fold(b)
}

/// Whether `actor` leads `team`: its team leader, or a director.
pub fn leads(actor: &Staff, team: &str) -> bool {
    actor.active
        && (actor.role.rank() >= Role::DepartmentDirector.rank()
            || (actor.role.rank() >= Role::TeamLeader.rank() && same(&actor.team, team)))
}

pub fn team_named<'a>(model: &'a Model, name: &str) -> Option<&'a Team> {
    model.dept.teams.values().find(|t| same(&t.name, name))
}

pub fn is_holiday(model: &Model, date: NaiveDate) -> bool {
    model.dept.holidays.values().any(|h| h.date == date)
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
