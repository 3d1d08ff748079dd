//! The department's part of the model: its records by kind, the
//! org's time zone, and what of it belongs on Today. Kept in one struct so
//! `Model` grows by one field.

use crate::domain::dept::leave::{self};
use crate::domain::dept::meeting::{self, MonthlyWarning};
use crate::domain::dept::ops::{self};
use crate::domain::dept::shifts;
use crate::domain::dept::swap::{self};
use crate::domain::dept::teams;
use crate::domain::model::Model;
use crate::domain::staff::Role;
use crate::sync::RecordId;
use chrono::{DateTime, Utc};

/// The department's part of Today.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DeptToday {
    /// My shifts not yet ended in the next 7 days (roster entry ids).
    pub my_shifts: Vec<RecordId>,
    /// Announcements I have not read, newest first: shown first (R-OPS-03).
    pub unread_announcements: Vec<RecordId>,
    /// Meeting decisions I own, soonest due first (R-OPS-04).
    pub tasks: Vec<RecordId>,
    /// Leave and swaps waiting for my decision.
    pub leave_to_decide: Vec<RecordId>,
    pub swaps_to_decide: Vec<RecordId>,
    /// For leaders: my team's handovers not yet acknowledged (R-OPS-02).
    pub handovers_to_acknowledge: Vec<RecordId>,
    /// For leaders: (person, unread, shift within 24 h) in my team (R-OPS-03).
    pub unread_by_member: Vec<(RecordId, usize, bool)>,
    /// For leaders: sick leave with the certificate missing (R-LV-05).
    pub certificates_missing: Vec<RecordId>,
    /// For leaders: no monthly meeting before the 25th (R-OPS-04).
    pub monthly_meeting: Option<MonthlyWarning>,
}

pub fn today(model: &Model, me: RecordId, now: DateTime<Utc>) -> DeptToday {
    let Some(person) = model.staff.get(&me) else {
        return DeptToday::default();
    };
    let mut t = DeptToday {
        my_shifts: shifts::my_shifts(model, me, now, 7)
            .into_iter()
            .map(|s| s.entry)
            .collect(),
        unread_announcements: ops::unread_for(model, me),
        tasks: meeting::tasks_for(model, me),
        leave_to_decide: leave::waiting_for(model, person),
        swaps_to_decide: swap::waiting_for(model, person),
        ..DeptToday::default()
    };
    if person.active && person.role.rank() >= Role::TeamLeader.rank() {
        let team = person.team.as_str();
        t.handovers_to_acknowledge = ops::unacknowledged_handovers(model, team)
            .into_iter()
            .filter(|h| {
                model
                    .dept
                    .handovers
                    .get(h)
                    .is_some_and(|h| h.audit.created_by != me)
            })
            .collect();
        t.unread_by_member = ops::unread_counts(model, team, now);
        let today = model.zone().local_date(now);
        t.certificates_missing = leave::certificates_missing(model, today)
            .into_iter()
            .filter(|l| {
                model
                    .dept
                    .leaves
                    .get(l)
                    .and_then(|l| model.staff.get(&l.person))
                    .is_some_and(|p| teams::leads(person, &p.team))
            })
            .collect();
        t.monthly_meeting = meeting::monthly_meeting_warning(model, team, now);
    }
    t
}
