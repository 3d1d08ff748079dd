//! The status of a leave, derived from its approvals (R-LV-03): what the
//! roster, swaps and attendance read. The rules that change a leave are in
//! `leave.rs`.

use super::approval::live_decisions;
use super::records::*;
use crate::domain::base::order;
use crate::domain::model::Model;
use crate::domain::staff::Role;
use crate::sync::RecordId;
use chrono::NaiveDate;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum LeaveStatus {
    Pending,
    Approved,
    Refused,
    Cancelled,
    /// An approval and a refusal crossed offline: decide again.
    Conflict,
}

/// R-LV-03: who decides a leave of this kind and length for this person.
pub fn approver_level(kind: LeaveKind, days: i64, person_role: Role) -> Role {
    let base = if kind.official() || days > 1 {
        Role::CenterDirector
    } else {
        Role::DepartmentDirector
    };
    if person_role.rank() >= base.rank() {
        Role::CenterDirector
    } else {
        base
    }
}

/// Whether a decision by someone of `role` counts for this leave.
pub(super) fn level_ok(model: &Model, leave: &Leave, role: Role) -> bool {
    role == leave.needs
        || (leave.needs == Role::DepartmentDirector
            && role == Role::CenterDirector
            && !model
                .active_staff()
                .any(|s| s.role == Role::DepartmentDirector && s.id != leave.person))
}

pub fn status(model: &Model, leave: &Leave) -> LeaveStatus {
    if leave.cancelled {
        return LeaveStatus::Cancelled;
    }
    let live: Vec<&Approval> = live_decisions(model, leave.id)
        .into_iter()
        .filter(|a| a.by != leave.person && level_ok(model, leave, a.role))
        .collect();
    let approved = live.iter().any(|a| a.decision == Decision::Approve);
    let refused = live.iter().any(|a| a.decision == Decision::Refuse);
    match (approved, refused) {
        (true, true) => LeaveStatus::Conflict,
        (true, false) => LeaveStatus::Approved,
        (false, true) => LeaveStatus::Refused,
        (false, false) => LeaveStatus::Pending,
    }
}

/// The person's leave covering `date` that still stands (pending,
/// approved or in conflict), approved first.
pub fn leave_on(model: &Model, person: RecordId, date: NaiveDate) -> Option<&Leave> {
    let mut found: Vec<(&Leave, LeaveStatus)> = model
        .dept
        .leaves
        .values()
        .filter(|l| l.person == person && l.covers(date))
        .map(|l| (l, status(model, l)))
        .filter(|(_, s)| !matches!(s, LeaveStatus::Refused | LeaveStatus::Cancelled))
        .collect();
    order::sort_by_key(&mut found, |(l, s)| {
        (*s != LeaveStatus::Approved, l.first_day, l.id)
    });
    found.first().map(|(l, _)| *l)
}
