//! A person's shifts as they stand: the roster after swaps and leave.

use super::leave_status::LeaveStatus;
use super::records::*;
use super::teams::*;
use crate::domain::base::dates::{days, Shift};
use crate::domain::base::order;
use crate::domain::dept::leave_status;
use crate::domain::dept::swap_status;
use crate::domain::model::Model;
use crate::sync::RecordId;
use chrono::{DateTime, Duration, NaiveDate, Utc};

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
        leave: leave_status::leave_on(model, person, entry.date)
            .map(|l| (l.id, leave_status::status(model, l))),
    })
}

/// Who works an entry now, after approved swaps.
pub fn worker(model: &Model, entry: &RosterEntry) -> RecordId {
    swap_status::swapped_worker(model, entry.id).unwrap_or(entry.person)
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
    for e in swap_status::entries_swapped_to(model, person) {
        if (from..=to).contains(&e.date) {
            out.extend(view_entry(model, e, person));
        }
    }
    order::sort_by_key(&mut out, |v| (v.start, v.entry));
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
