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

pub use traces::{ClosedKind, Traces, HISTORY};
pub(crate) use traces::{ContactTrace, TraceFields, VisitTrace};

use crate::domain::model::Model;
use crate::sync::stored::{BucketRead, CLOSED_KEY};
use crate::sync::RecordId;
use std::collections::HashSet;

impl Model {
    /// A trace from an open view row: kept unless the model holds the
    /// record whole. A closed contact received since its customer was
    /// assigned ends the wait for a first contact.
    pub(crate) fn add_trace(&mut self, closed: ClosedKind, id: RecordId, trace: TraceFields) {
        if self.holds(closed.name(), id) {
            return;
        }
        self.traces.insert(closed, id, trace);
        if let (ClosedKind::Contact, Some(c), Some(at)) =
            (closed, trace.customer, trace.received_at)
        {
            self.contact_received(c, at);
        }
    }

    /// A closed record is held whole now (or is gone): its trace goes.
    /// Returns the customer the trace named.
    pub(crate) fn drop_trace(&mut self, kind: ClosedKind, id: RecordId) -> Option<RecordId> {
        self.traces.remove(kind, id)?.customer
    }

    /// The traces of one open view row's `~closed` lists, record by
    /// record: one that does not read is left out and named in
    /// `read.skipped`; a kind this version does not keep apart is ignored.
    pub(crate) fn load_traces_split(&mut self, lists: &str, read: &mut BucketRead) {
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
                    Ok((kind, id, fields)) => self.add_trace(kind, id, fields),
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
