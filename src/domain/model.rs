//! The typed view of the replicated state: every live record by kind, plus
//! the indexes the screens need. Refreshed one record at a time.

use super::complaint::Complaint;
use super::contact::{Contact, ContactStatus};
use super::customer::{overdue_first_contacts, Customer};
use super::record::{from_json, Record};
use super::staff::{Org, Staff};
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
    contacts_by_customer: HashMap<RecordId, Vec<RecordId>>,
}

/// What needs me now.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Today {
    /// My contacts not done yet, newest first.
    pub open_contacts: Vec<RecordId>,
    /// My customers past the 7-day first-contact deadline (R-CUS-02).
    pub overdue_first_contacts: Vec<RecordId>,
}

fn put<T: Record>(map: &mut BTreeMap<RecordId, T>, id: RecordId, fields: Option<&Value>) -> Option<T> {
    match fields.and_then(|f| from_json::<T>(id, f)) {
        Some(record) => map.insert(id, record),
        None => map.remove(&id),
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
                let merged = fields.and_then(|f| f.get("merged_into")).is_some_and(|v| !v.is_null());
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
            _ => {}
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

    pub fn active_staff(&self) -> impl Iterator<Item = &Staff> {
        self.staff.values().filter(|s| s.active)
    }

    pub fn today(&self, me: RecordId, now: DateTime<Utc>) -> Today {
        let mut open: Vec<&Contact> = self.contacts.values().filter(|c| c.owner == me && c.status != ContactStatus::Done).collect();
        open.sort_by_key(|c| std::cmp::Reverse(c.received_at));
        Today {
            open_contacts: open.into_iter().map(|c| c.id).collect(),
            overdue_first_contacts: overdue_first_contacts(self, Some(me), now),
        }
    }
}
