//! The closed history: records whose work is over (a done contact, a return
//! visit made) rest in their bucket's history row, not in the view row
//! start-up reads (`sync::stored::encode_views`). Start-up reads only a
//! trace of each (whose customer, when), which is all Today's rules need of
//! them; the records themselves are read when a screen that shows them
//! opens (`ui::shell::history`). So start-up grows with the open work, not
//! with the years behind it.
//!
//! While the history is not read, the model holds every open record and the
//! traces of the closed ones; a closed record saved or imported meanwhile is
//! held whole, and its trace dropped.

pub(crate) mod traces;

pub use traces::TraceBatch;
pub use traces::{ClosedKind, Traces, HISTORY};
pub(crate) use traces::{ContactTrace, VisitTrace};

use crate::domain::model::Model;
use crate::sync::stored::{BucketRead, CLOSED_KEY};
use crate::sync::RecordId;
use std::collections::HashSet;

impl Model {
    /// The traces gathered from view rows: kept unless the model holds
    /// the record whole. A customer waiting for a first contact waits no
    /// more if a closed contact was received since they were assigned.
    pub fn add_traces(&mut self, batch: TraceBatch) {
        if batch.is_empty() {
            return;
        }
        self.traces.extend(batch);
        // The records held whole are fewer than the traces at scale: look
        // each up in the sorted traces rather than each trace in the maps.
        let whole_contacts = self.contacts.keys().map(|id| (ClosedKind::Contact, *id));
        let whole_visits = self.visits.keys().map(|id| (ClosedKind::Visit, *id));
        let held: Vec<_> = whole_contacts.chain(whole_visits).collect();
        for (kind, id) in held {
            self.traces.remove(kind, id);
        }
        self.recheck_all_awaiting();
    }

    /// A closed record is held whole now (or is gone): its trace goes.
    /// Returns the customer the trace named.
    pub(crate) fn drop_trace(&mut self, kind: ClosedKind, id: RecordId) -> Option<RecordId> {
        self.traces.remove(kind, id)?.customer
    }

    /// The traces of one open view row's `~closed` lists, record by
    /// record: one that does not read is left out and named in
    /// `read.skipped`; a kind this version does not keep apart is ignored.
    pub(crate) fn load_traces_split(
        &mut self,
        lists: &str,
        read: &mut BucketRead,
        batch: &mut TraceBatch,
    ) {
        let Some(kinds) = crate::sync::split::members(lists).filter(|_| lists.starts_with('{'))
        else {
            return read
                .skipped
                .push(format!("{CLOSED_KEY}: not lists by kind"));
        };
        for kind in kinds {
            let closed = kind.key.as_deref().and_then(ClosedKind::of);
            let Some(closed) = closed else { continue };
            let Some(members) = crate::sync::split::members(kind.value) else {
                read.skipped
                    .push(format!("{CLOSED_KEY} {}: not a list", closed.name()));
                continue;
            };
            for (i, m) in members.into_iter().enumerate() {
                let trace = match closed {
                    ClosedKind::Contact => {
                        serde_json::from_str::<ContactTrace>(m.value).map(ContactTrace::split)
                    }
                    ClosedKind::Visit => {
                        serde_json::from_str::<VisitTrace>(m.value).map(VisitTrace::split)
                    }
                };
                match trace {
                    Ok(trace) => batch.push(trace),
                    Err(e) => {
                        read.skipped
                            .push(format!("{CLOSED_KEY} {} {}: {e}", closed.name(), i + 1))
                    }
                }
            }
        }
    }

    /// Starts reading the history: from now until [`Model::end_history`],
    /// records refreshed are noted, so an older copy from the history rows
    /// never replaces them.
    pub fn begin_history(&mut self) {
        self.history_reading.get_or_insert_with(HashSet::new);
    }

    pub fn end_history(&mut self) {
        self.history_reading = None;
    }

    /// Reads one history row: each record the model does not hold already
    /// (and was not saved or imported since the read began) is added whole.
    /// The row has the form of a view row; it is read like one, apart.
    pub fn read_history_row(&mut self, text: &str) -> Result<BucketRead, serde_json::Error> {
        self.read_history_where(text, |_| true)
    }

    /// [`Model::read_history_row`] for the closed records of some customers
    /// only (their page); the row's others stay known by their trace.
    pub fn read_history_of(
        &mut self,
        text: &str,
        customers: &[RecordId],
    ) -> Result<BucketRead, serde_json::Error> {
        self.read_history_where(text, |c| c.is_some_and(|c| customers.contains(&c)))
    }

    /// The history rows that hold these customers' closed records.
    pub fn closed_buckets_of(&self, customers: &[RecordId]) -> Vec<u32> {
        self.traces.buckets_of(customers)
    }

    fn read_history_where(
        &mut self,
        text: &str,
        keep: impl Fn(Option<RecordId>) -> bool,
    ) -> Result<BucketRead, serde_json::Error> {
        let mut apart = Model::default();
        let read = apart.load_view_report(text)?;
        let fresh = self.history_reading.take();
        let newer = |id: &RecordId| fresh.as_ref().is_some_and(|f| f.contains(id));
        for (id, contact) in std::mem::take(&mut apart.contacts) {
            if keep(contact.customer) && !newer(&id) && !self.contacts.contains_key(&id) {
                self.contacts.insert(id, contact);
                self.contact_moved(id, None);
            }
        }
        for (id, visit) in std::mem::take(&mut apart.visits) {
            if keep(Some(visit.customer)) && !newer(&id) && !self.visits.contains_key(&id) {
                self.visits.insert(id, visit);
                self.visit_moved(id, None);
            }
        }
        self.history_reading = fresh;
        Ok(read)
    }

    /// Closed contacts, held whole or known by their trace (the benchmark's
    /// count, Settings).
    pub fn contact_count(&self) -> usize {
        self.contacts.len() + self.traces.count(ClosedKind::Contact)
    }

    /// What start-up knows of the closed records by their traces (the
    /// benchmark's and the end-to-end tests' view of this module).
    pub fn traces(&self) -> &Traces {
        &self.traces
    }

    /// Records known by their trace only: zero once the history is read.
    pub fn traced(&self) -> usize {
        self.traces.count(ClosedKind::Contact) + self.traces.count(ClosedKind::Visit)
    }
}
