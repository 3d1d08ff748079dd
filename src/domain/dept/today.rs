//! The department's part of the model (issue 6): its records by kind and
//! what of it belongs on Today (local days in `Model::zone`). Kept in one struct so
//! `Model` grows by one field.

use crate::domain::base::record::{load, put, Record};
use crate::domain::dept::approval::Approval;
use crate::domain::dept::attendance::Attendance;
use crate::domain::dept::leave::{self, Leave};
use crate::domain::dept::meeting::{self, Meeting, MeetingDecision, MonthlyWarning};
use crate::domain::dept::ops::{self, Announcement, Handover, Receipt};
use crate::domain::dept::profile::StaffProfile;
use crate::domain::dept::roster::{self, Holiday, RosterEntry, ShiftDef, Team};
use crate::domain::dept::swap::{self, Swap};
use crate::domain::model::Model;
use crate::domain::staff::Role;
use crate::sync::RecordId;
use chrono::{DateTime, Utc};
use serde_json::Value;
use std::collections::BTreeMap;

#[derive(Debug, Clone, Default)]
pub struct Dept {
    pub teams: BTreeMap<RecordId, Team>,
    pub shift_defs: BTreeMap<RecordId, ShiftDef>,
    pub holidays: BTreeMap<RecordId, Holiday>,
    pub roster: BTreeMap<RecordId, RosterEntry>,
    pub profiles: BTreeMap<RecordId, StaffProfile>,
    pub leaves: BTreeMap<RecordId, Leave>,
    pub approvals: BTreeMap<RecordId, Approval>,
    pub swaps: BTreeMap<RecordId, Swap>,
    pub attendance: BTreeMap<RecordId, Attendance>,
    pub handovers: BTreeMap<RecordId, Handover>,
    pub announcements: BTreeMap<RecordId, Announcement>,
    pub receipts: BTreeMap<RecordId, Receipt>,
    pub meetings: BTreeMap<RecordId, Meeting>,
    pub decisions: BTreeMap<RecordId, MeetingDecision>,
}

impl Dept {
    /// Re-reads one record; false when the kind is not the department's.
    pub fn refresh(&mut self, kind: &str, id: RecordId, fields: Option<&Value>) -> bool {
        match kind {
            k if k == Team::KIND => {
                put(&mut self.teams, id, fields);
            }
            k if k == ShiftDef::KIND => {
                put(&mut self.shift_defs, id, fields);
            }
            k if k == Holiday::KIND => {
                put(&mut self.holidays, id, fields);
            }
            k if k == RosterEntry::KIND => {
                put(&mut self.roster, id, fields);
            }
            k if k == StaffProfile::KIND => {
                put(&mut self.profiles, id, fields);
            }
            k if k == Leave::KIND => {
                put(&mut self.leaves, id, fields);
            }
            k if k == Approval::KIND => {
                put(&mut self.approvals, id, fields);
            }
            k if k == Swap::KIND => {
                put(&mut self.swaps, id, fields);
            }
            k if k == Attendance::KIND => {
                put(&mut self.attendance, id, fields);
            }
            k if k == Handover::KIND => {
                put(&mut self.handovers, id, fields);
            }
            k if k == Announcement::KIND => {
                put(&mut self.announcements, id, fields);
            }
            k if k == Receipt::KIND => {
                put(&mut self.receipts, id, fields);
            }
            k if k == Meeting::KIND => {
                put(&mut self.meetings, id, fields);
            }
            k if k == MeetingDecision::KIND => {
                put(&mut self.decisions, id, fields);
            }
            _ => return false,
        }
        true
    }

    /// Adds the department's records of one stored view row.
    pub(crate) fn load(&mut self, rows: DeptRows) -> usize {
        load(&mut self.teams, rows.team)
            + load(&mut self.shift_defs, rows.shift)
            + load(&mut self.holidays, rows.holiday)
            + load(&mut self.roster, rows.roster_entry)
            + load(&mut self.profiles, rows.staff_profile)
            + load(&mut self.leaves, rows.leave)
            + load(&mut self.approvals, rows.approval)
            + load(&mut self.swaps, rows.swap)
            + load(&mut self.attendance, rows.attendance)
            + load(&mut self.handovers, rows.handover)
            + load(&mut self.announcements, rows.announcement)
            + load(&mut self.receipts, rows.receipt)
            + load(&mut self.meetings, rows.meeting)
            + load(&mut self.decisions, rows.decision)
    }
}

/// The department's kinds in a stored view row (see `Model::load_view`).
#[derive(serde::Deserialize, Default)]
#[serde(default)]
pub(crate) struct DeptRows {
    team: Vec<(RecordId, Team)>,
    shift: Vec<(RecordId, ShiftDef)>,
    holiday: Vec<(RecordId, Holiday)>,
    roster_entry: Vec<(RecordId, RosterEntry)>,
    staff_profile: Vec<(RecordId, StaffProfile)>,
    leave: Vec<(RecordId, Leave)>,
    approval: Vec<(RecordId, Approval)>,
    swap: Vec<(RecordId, Swap)>,
    attendance: Vec<(RecordId, Attendance)>,
    handover: Vec<(RecordId, Handover)>,
    announcement: Vec<(RecordId, Announcement)>,
    receipt: Vec<(RecordId, Receipt)>,
    meeting: Vec<(RecordId, Meeting)>,
    decision: Vec<(RecordId, MeetingDecision)>,
}

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
        my_shifts: roster::my_shifts(model, me, now, 7)
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
                    .is_some_and(|p| roster::leads(person, &p.team))
            })
            .collect();
        t.monthly_meeting = meeting::monthly_meeting_warning(model, team, now);
    }
    t
}
