//! The typed view of the replicated state: every live record by kind, plus
//! the indexes the screens need. Refreshed one record at a time.

use crate::domain::base::record::{from_json, put, Record};
use crate::domain::complaint::{Complaint, ComplaintEvent};
use crate::domain::contact::{Contact, ContactStatus};
use crate::domain::customer::{overdue_first_contacts, Customer};
use crate::domain::dept::{Dept, DeptRows, DeptToday};
use crate::domain::escalation::{Escalation, EscalationStep};
use crate::domain::staff::{Org, Staff};
use crate::domain::visits::ReturnVisit;
use crate::domain::visits::{VisitBook, VisitRows};
use crate::domain::{complaint, escalation};
use crate::sync::bundle::check_structure;
use crate::sync::split;
use crate::sync::stored::BucketRead;
use crate::sync::RecordId;
use chrono::{DateTime, Utc};
use serde_json::Value;
use std::collections::{BTreeMap, HashMap};

#[derive(Debug, Clone, Default)]
pub struct Model {
    pub org: Option<Org>,
    pub staff: BTreeMap<RecordId, Staff>,
    pub customers: BTreeMap<RecordId, Customer>,
    pub contacts: BTreeMap<RecordId, Contact>,
    pub complaints: BTreeMap<RecordId, Complaint>,
    /// Complaint steps: append-only, one record each.
    pub complaint_events: BTreeMap<RecordId, ComplaintEvent>,
    pub escalations: BTreeMap<RecordId, Escalation>,
    pub escalation_steps: BTreeMap<RecordId, EscalationStep>,
    pub visits: BTreeMap<RecordId, ReturnVisit>,
    /// Attempts, campaigns, scripts and follow-up tasks (issue 5).
    pub rv: VisitBook,
    /// Roster, leave, swaps, attendance, handovers, meetings (issue 6).
    pub dept: Dept,
    contacts_by_customer: HashMap<RecordId, Vec<RecordId>>,
    events_by_complaint: HashMap<RecordId, Vec<RecordId>>,
    steps_by_escalation: HashMap<RecordId, Vec<RecordId>>,
}

/// What needs me now.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Today {
    /// Shifts, unread announcements, tasks, approvals waiting (issue 6).
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

/// Keeps a parent → children index right when a child's parent changes.
fn reindex(
    index: &mut HashMap<RecordId, Vec<RecordId>>,
    id: RecordId,
    old: Option<RecordId>,
    new: Option<RecordId>,
) {
    if old == new {
        return;
    }
    if let Some(list) = old.and_then(|o| index.get_mut(&o)) {
        list.retain(|c| *c != id);
    }
    if let Some(n) = new {
        index.entry(n).or_default().push(id);
    }
}

impl Model {
    /// Re-reads one record from its entity's fields (None: gone). Records of
    /// kinds this version does not know are ignored here and kept in the store.
    pub fn refresh(&mut self, kind: &str, id: RecordId, fields: Option<&Value>) {
        match kind {
            k if k == Org::KIND => {
                self.org = fields.and_then(|f| from_json::<Org>(id, f));
            }
            k if k == Staff::KIND => {
                put(&mut self.staff, id, fields);
            }
            k if k == Customer::KIND => {
                let merged = fields
                    .and_then(|f| f.get("merged_into"))
                    .is_some_and(|v| !v.is_null());
                put(&mut self.customers, id, if merged { None } else { fields });
            }
            k if k == Contact::KIND => {
                let old = put(&mut self.contacts, id, fields).and_then(|c| c.customer);
                let new = self.contacts.get(&id).and_then(|c| c.customer);
                if old != new {
                    if let Some(list) = old.and_then(|o| self.contacts_by_customer.get_mut(&o)) {
                        list.retain(|c| *c != id);
                    }
                    if let Some(n) = new {
                        self.contacts_by_customer.entry(n).or_default().push(id);
                    }
                }
            }
            k if k == Complaint::KIND => {
                put(&mut self.complaints, id, fields);
            }
            k if k == ComplaintEvent::KIND => {
                let old = put(&mut self.complaint_events, id, fields).map(|e| e.complaint);
                let new = self.complaint_events.get(&id).map(|e| e.complaint);
                reindex(&mut self.events_by_complaint, id, old, new);
            }
            k if k == Escalation::KIND => {
                put(&mut self.escalations, id, fields);
            }
            k if k == EscalationStep::KIND => {
                let old = put(&mut self.escalation_steps, id, fields).map(|e| e.escalation);
                let new = self.escalation_steps.get(&id).map(|e| e.escalation);
                reindex(&mut self.steps_by_escalation, id, old, new);
            }
            k if k == ReturnVisit::KIND => {
                put(&mut self.visits, id, fields);
            }
            k => {
                if !self.rv.refresh(k, id, fields) {
                    self.dept.refresh(k, id, fields);
                }
            }
        }
    }

    /// A customer's contacts, newest first: their timeline.
    pub fn contacts_of(&self, customer: RecordId) -> Vec<&Contact> {
        let mut v: Vec<&Contact> = self
            .contacts_by_customer
            .get(&customer)
            .map(|ids| ids.iter().filter_map(|id| self.contacts.get(id)).collect())
            .unwrap_or_default();
        v.sort_by(|a, b| b.received_at.cmp(&a.received_at).then(b.id.cmp(&a.id)));
        v
    }

    /// Whether anyone recorded a contact with this customer at or after
    /// `since` (R-CUS-02). No sorting, no allocation: Today calls it per customer.
    pub fn has_contact_since(&self, customer: RecordId, since: DateTime<Utc>) -> bool {
        self.contacts_by_customer.get(&customer).is_some_and(|ids| {
            ids.iter()
                .filter_map(|id| self.contacts.get(id))
                .any(|c| c.received_at >= since)
        })
    }

    /// A complaint's steps, unordered (`complaint::events_of` orders them).
    pub fn events_of(&self, complaint: RecordId) -> Vec<&ComplaintEvent> {
        self.events_by_complaint
            .get(&complaint)
            .map(|ids| {
                ids.iter()
                    .filter_map(|id| self.complaint_events.get(id))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// An escalation's steps, unordered (`escalation::chain` orders them).
    pub fn steps_of(&self, escalation: RecordId) -> Vec<&EscalationStep> {
        self.steps_by_escalation
            .get(&escalation)
            .map(|ids| {
                ids.iter()
                    .filter_map(|id| self.escalation_steps.get(id))
                    .collect()
            })
            .unwrap_or_default()
    }

    pub fn active_staff(&self) -> impl Iterator<Item = &Staff> {
        self.staff.values().filter(|s| s.active)
    }

    /// The organisation's wall clock: every local day and deadline is
    /// computed in it. Its saved zone, or `zones::DEFAULT_ZONE` for an org
    /// made before the setting existed or a name this version does not know.
    pub fn zone(&self) -> crate::domain::base::zone::Zone {
        let name = self.org.as_ref().and_then(|o| o.time_zone.as_deref());
        crate::domain::base::zones::named_or_default(name).zone
    }

    pub fn today(&self, me: RecordId, now: DateTime<Utc>) -> Today {
        let mut open: Vec<&Contact> = self
            .contacts
            .values()
            .filter(|c| c.owner == me && c.status != ContactStatus::Done)
            .collect();
        open.sort_by_key(|c| std::cmp::Reverse(c.received_at));
        let person = self.staff.get(&me);
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
                .map(|p| complaint::overdue_for(self, p, now))
                .unwrap_or_default(),
            serious_complaints: person
                .map(|p| complaint::serious_for(self, p))
                .unwrap_or_default(),
            conflicted_complaints: person
                .map(|p| complaint::conflicted_for(self, p))
                .unwrap_or_default(),
            escalations: escalation::held_by(self, me),
            escalation_notices: escalation::to_acknowledge(self, me),
        }
    }
}

/// One stored view row (`sync::stored::encode_view`): plain records grouped
/// by kind. Kinds this version does not know are skipped by serde.
#[derive(serde::Deserialize, Default)]
#[serde(default)]
struct ViewRow {
    #[serde(flatten)]
    dept: DeptRows,
    #[serde(flatten)]
    rv: VisitRows,
    org: Vec<(RecordId, Org)>,
    staff: Vec<(RecordId, Staff)>,
    customer: Vec<(RecordId, Customer)>,
    contact: Vec<(RecordId, Contact)>,
    complaint: Vec<(RecordId, Complaint)>,
    complaint_event: Vec<(RecordId, ComplaintEvent)>,
    escalation: Vec<(RecordId, Escalation)>,
    escalation_step: Vec<(RecordId, EscalationStep)>,
    visit: Vec<(RecordId, ReturnVisit)>,
}

impl Model {
    /// Adds the records of one view row: start-up parses these straight into
    /// typed records, without going through `serde_json::Value`.
    /// A row with a field this version cannot read (a newer version's value)
    /// is read record by record instead, through `refresh`'s forgiving path.
    /// Only a row that is not an object of lists at all is an error; see
    /// [`Model::load_view_report`] for the records it had to skip.
    pub fn load_view(&mut self, text: &str) -> Result<usize, serde_json::Error> {
        self.load_view_report(text).map(|r| r.records)
    }

    /// [`Model::load_view`], also saying which records it skipped: a row
    /// written by an older version may hold one nested too deep to read or
    /// beyond the limits imports meet; the rest of the row still loads.
    pub fn load_view_report(&mut self, text: &str) -> Result<BucketRead, serde_json::Error> {
        let row: ViewRow = match serde_json::from_str(text) {
            Ok(row) => row,
            Err(e) => {
                let loose = serde_json::from_str::<BTreeMap<String, Vec<(RecordId, Value)>>>(text);
                let mut read = BucketRead::default();
                match loose {
                    Ok(loose) => {
                        for (kind, records) in loose {
                            for (id, fields) in records {
                                self.refresh(&kind, id, Some(&fields));
                                read.records += 1;
                            }
                        }
                    }
                    Err(_) => self.load_view_split(text, &mut read).ok_or(e)?,
                }
                return Ok(read);
            }
        };
        let n = row.org.len()
            + row.staff.len()
            + row.customer.len()
            + row.contact.len()
            + row.complaint.len()
            + row.complaint_event.len()
            + row.escalation.len()
            + row.escalation_step.len()
            + row.visit.len();
        if let Some((id, mut org)) = row.org.into_iter().next() {
            org.id = id;
            self.org = Some(org);
        }
        for (id, mut s) in row.staff {
            s.id = id;
            self.staff.insert(id, s);
        }
        for (id, mut c) in row.customer {
            c.id = id;
            if c.merged_into.is_none() {
                self.customers.insert(id, c);
            }
        }
        for (id, mut c) in row.contact {
            c.id = id;
            let new = c.customer;
            let old = self.contacts.insert(id, c).and_then(|o| o.customer);
            if old != new {
                if let Some(list) = old.and_then(|o| self.contacts_by_customer.get_mut(&o)) {
                    list.retain(|c| *c != id);
                }
                if let Some(n) = new {
                    self.contacts_by_customer.entry(n).or_default().push(id);
                }
            }
        }
        for (id, mut c) in row.complaint {
            c.id = id;
            self.complaints.insert(id, c);
        }
        for (id, mut e) in row.complaint_event {
            e.id = id;
            let new = Some(e.complaint);
            let old = self.complaint_events.insert(id, e).map(|o| o.complaint);
            reindex(&mut self.events_by_complaint, id, old, new);
        }
        for (id, mut e) in row.escalation {
            e.id = id;
            self.escalations.insert(id, e);
        }
        for (id, mut s) in row.escalation_step {
            s.id = id;
            let new = Some(s.escalation);
            let old = self.escalation_steps.insert(id, s).map(|o| o.escalation);
            reindex(&mut self.steps_by_escalation, id, old, new);
        }
        for (id, mut v) in row.visit {
            v.id = id;
            self.visits.insert(id, v);
        }
        let n = n + self.rv.load(row.rv);
        Ok(BucketRead {
            records: n + self.dept.load(row.dept),
            skipped: Vec::new(),
        })
    }

    /// The last resort for a view row: record by record, skipping those that
    /// do not read or break the structural limits. None: not an object of lists.
    fn load_view_split(&mut self, text: &str, read: &mut BucketRead) -> Option<()> {
        for kind in split::members(text)? {
            let name = kind.key?;
            for (i, m) in split::members(kind.value)?.into_iter().enumerate() {
                let record = serde_json::from_str::<(RecordId, Value)>(m.value);
                let problem = match &record {
                    Ok((_, Value::Object(fields))) => fields
                        .iter()
                        .find_map(|(f, v)| check_structure(v).err().map(|p| (f, p.limit)))
                        .map(|(f, limit)| format!("field {f}: {limit}")),
                    Ok(_) => Some("not an object".to_string()),
                    Err(e) => Some(e.to_string()),
                };
                match (record, problem) {
                    (Ok((id, fields)), None) => {
                        self.refresh(&name, id, Some(&fields));
                        read.records += 1;
                    }
                    (_, why) => read.skipped.push(format!(
                        "{name} record {}: {}",
                        i + 1,
                        why.unwrap_or_default()
                    )),
                }
            }
        }
        Some(())
    }
}
