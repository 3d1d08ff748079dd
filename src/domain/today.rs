//! What needs me now: the Today page's lists, gathered from every area's
//! rules. Above the rules, so the model below stays free of them.

use crate::domain::base::order;
use crate::domain::complaint;
use crate::domain::contact::records::Contact;
use crate::domain::customer::overdue_first_contacts;
use crate::domain::dept::DeptToday;
use crate::domain::escalation;
use crate::domain::model::Model;
use crate::sync::RecordId;
use chrono::{DateTime, Utc};

/// What needs me now.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Today {
    /// Shifts, unread announcements, tasks, approvals waiting.
    pub dept: DeptToday,
    /// My contacts not done yet, newest first.
    pub open_contacts: Vec<RecordId>,
    /// My customers past the 7-day first-contact deadline (R-CUS-02).
    pub overdue_first_contacts: Vec<RecordId>,
    /// Complaints past their promised investigation deadline, mine or my
    /// team's when I lead it (R-CMP-02).
    pub overdue_complaints: Vec<RecordId>,
    /// Open serious complaints, for both directors (R-CMP-03).
    pub serious_complaints: Vec<RecordId>,
    /// Complaints with conflicting steps, for directors to resolve.
    pub conflicted_complaints: Vec<RecordId>,
    /// Escalated matters I hold now (R-ESC-01).
    pub escalations: Vec<RecordId>,
    /// Matters that skipped me in an emergency, to acknowledge (R-ESC-01).
    pub escalation_notices: Vec<RecordId>,
    /// My open return visits due by today, not yet overdue (R-RV-04).
    pub due_visits: Vec<RecordId>,
    /// My open return visits past their three days (R-RV-04).
    pub overdue_visits: Vec<RecordId>,
    /// Replies I promised on a call, soonest first (R-RV-03).
    pub visit_tasks: Vec<RecordId>,
}

impl Model {
    pub fn today(&self, me: RecordId, now: DateTime<Utc>) -> Today {
        let mut open: Vec<&Contact> = self.open_contacts_of(me).collect();
        order::sort_by_key(&mut open, |c| std::cmp::Reverse(c.received_at));
        let person = self.staff.get(&me);
        // Replayed once for the three complaint lists.
        let unsettled = match person {
            Some(_) => self.unsettled_replays(),
            None => Vec::new(),
        };
        let (due_visits, overdue_visits, visit_tasks) =
            crate::domain::visits::today_for(self, me, self.zone().local_date(now));
        Today {
            due_visits,
            overdue_visits,
            visit_tasks,
            dept: crate::domain::dept::today(self, me, now),
            open_contacts: open.into_iter().map(|c| c.id).collect(),
            overdue_first_contacts: overdue_first_contacts(self, Some(me), now),
            overdue_complaints: person
                .map(|p| complaint::overdue_for(self, &unsettled, p, now))
                .unwrap_or_default(),
            serious_complaints: person
                .map(|p| complaint::serious_for(&unsettled, p))
                .unwrap_or_default(),
            conflicted_complaints: person
                .map(|p| complaint::conflicted_for(&unsettled, p))
                .unwrap_or_default(),
            escalations: escalation::held_by(self, me),
            escalation_notices: escalation::to_acknowledge(self, me),
        }
    }
}
