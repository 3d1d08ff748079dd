//! What the model keeps of the closed records it does not hold whole: their
//! traces (`domain::history`). A leaf: the model holds these.

use crate::domain::base::order;
use crate::sync::stored::{bucket_of, HistoryRule};
use crate::sync::RecordId;
use chrono::{DateTime, Utc};
use serde::Deserialize;
use std::collections::HashMap;

/// Which records rest in the history, and the fields start-up reads of
/// them. A kind named here must be moved by `Model::read_history_row`
/// (`tests/native/history.rs` proves the two agree).
pub const HISTORY: &[HistoryRule] = &[
    HistoryRule {
        kind: "contact",
        field: "status",
        value: "done",
        trace: &["customer", "received_at"],
    },
    HistoryRule {
        kind: "visit",
        field: "status",
        value: "done",
        trace: &["customer", "completed_at"],
    },
];

/// The kinds that rest in the history.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ClosedKind {
    Contact,
    Visit,
}

impl ClosedKind {
    pub fn name(self) -> &'static str {
        match self {
            ClosedKind::Contact => "contact",
            ClosedKind::Visit => "visit",
        }
    }

    pub fn of(kind: &str) -> Option<ClosedKind> {
        match kind {
            "contact" => Some(ClosedKind::Contact),
            "visit" => Some(ClosedKind::Visit),
            _ => None,
        }
    }
}

/// What an open view row says of a record kept in the history.
#[derive(Default, Clone, Copy, Debug)]
pub(crate) struct TraceFields {
    pub(crate) customer: Option<RecordId>,
    /// A contact's: when it was received (R-CUS-02).
    pub(crate) received_at: Option<DateTime<Utc>>,
    /// A visit's: when it was made (when a member's next visit falls due,
    /// R-CUS-05).
    pub(crate) completed_at: Option<DateTime<Utc>>,
}

/// A closed contact as an open view row lists it: `[id, customer,
/// received_at]` (the order of its rule's `trace`).
#[derive(Deserialize)]
pub(crate) struct ContactTrace(
    RecordId,
    Option<RecordId>,
    #[serde(deserialize_with = "crate::domain::base::when::utc_opt")] Option<DateTime<Utc>>,
);

/// A closed visit: `[id, customer, completed_at]` (`[id, customer]` in
/// layout 5, read with no time: its store is written again on opening).
#[derive(Deserialize)]
pub(crate) struct VisitTrace(
    RecordId,
    Option<RecordId>,
    #[serde(default, deserialize_with = "crate::domain::base::when::utc_opt")]
    Option<DateTime<Utc>>,
);

/// An open view row's traces, by kind (`sync::stored::CLOSED_KEY`). A kind
/// this version does not keep apart is ignored.
#[derive(Deserialize, Default)]
#[serde(default)]
pub(crate) struct ClosedLists {
    contact: Vec<ContactTrace>,
    visit: Vec<VisitTrace>,
}

impl ContactTrace {
    pub(crate) fn split(self) -> (ClosedKind, RecordId, TraceFields) {
        let fields = TraceFields {
            customer: self.1,
            received_at: self.2,
            completed_at: None,
        };
        (ClosedKind::Contact, self.0, fields)
    }
}

impl VisitTrace {
    pub(crate) fn split(self) -> (ClosedKind, RecordId, TraceFields) {
        let fields = TraceFields {
            customer: self.1,
            received_at: None,
            completed_at: self.2,
        };
        (ClosedKind::Visit, self.0, fields)
    }
}

impl ClosedLists {
    /// Every trace, kind by kind.
    pub(crate) fn into_traces(self) -> impl Iterator<Item = (ClosedKind, RecordId, TraceFields)> {
        let contacts = self.contact.into_iter().map(ContactTrace::split);
        contacts.chain(self.visit.into_iter().map(VisitTrace::split))
    }
}

/// The traces of the closed records the model does not hold whole.
#[derive(Clone, Debug, Default)]
pub struct Traces {
    by_record: HashMap<(ClosedKind, RecordId), TraceFields>,
    by_customer: HashMap<RecordId, Vec<(ClosedKind, RecordId)>>,
    /// How many of each kind (contacts, visits): Settings and the benchmark
    /// ask on every change, so they are kept, not counted.
    counts: [usize; 2],
}

impl Traces {
    pub(crate) fn insert(&mut self, kind: ClosedKind, id: RecordId, trace: TraceFields) {
        self.remove(kind, id);
        if let Some(c) = trace.customer {
            self.by_customer.entry(c).or_default().push((kind, id));
        }
        self.by_record.insert((kind, id), trace);
        self.counts[kind as usize] += 1;
    }

    pub(crate) fn remove(&mut self, kind: ClosedKind, id: RecordId) -> Option<TraceFields> {
        let old = self.by_record.remove(&(kind, id))?;
        self.counts[kind as usize] -= 1;
        if let Some(list) = old.customer.and_then(|c| self.by_customer.get_mut(&c)) {
            list.retain(|k| *k != (kind, id));
        }
        Some(old)
    }

    /// Whether a closed contact with `customer` was received at or after
    /// `since` (R-CUS-02).
    pub fn contact_since(&self, customer: RecordId, since: DateTime<Utc>) -> bool {
        self.by_customer.get(&customer).is_some_and(|list| {
            list.iter()
                .filter(|(k, _)| *k == ClosedKind::Contact)
                .filter_map(|key| self.by_record.get(key))
                .any(|t| t.received_at.is_some_and(|at| at >= since))
        })
    }

    /// The buckets whose history rows hold these customers' closed records.
    pub fn buckets_of(&self, customers: &[RecordId]) -> Vec<u32> {
        let mut buckets: Vec<u32> = customers
            .iter()
            .filter_map(|c| self.by_customer.get(c))
            .flatten()
            .map(|(kind, id)| bucket_of(kind.name(), *id))
            .collect();
        order::sort(&mut buckets);
        buckets.dedup();
        buckets
    }

    /// How many of these customers' closed records are known by their
    /// trace only, of each kind (contacts, visits).
    pub fn count_of(&self, customer: RecordId) -> (usize, usize) {
        let list = self.by_customer.get(&customer).map_or(&[][..], |l| &l[..]);
        let contacts = list
            .iter()
            .filter(|(k, _)| *k == ClosedKind::Contact)
            .count();
        (contacts, list.len() - contacts)
    }

    /// The customer a closed record known by its trace is about.
    pub fn customer_of(&self, kind: ClosedKind, id: RecordId) -> Option<RecordId> {
        self.by_record.get(&(kind, id))?.customer
    }

    /// The customers named by a trace.
    pub fn customers(&self) -> impl Iterator<Item = RecordId> + '_ {
        self.by_customer
            .iter()
            .filter(|(_, l)| !l.is_empty())
            .map(|(c, _)| *c)
    }

    /// Whether a closed record of `kind` with this id is known by its trace.
    pub fn holds(&self, kind: ClosedKind, id: RecordId) -> bool {
        self.by_record.contains_key(&(kind, id))
    }

    /// Every closed visit known by its trace: its customer, and when it was
    /// made (if the trace says).
    pub fn visits_made(&self) -> impl Iterator<Item = (RecordId, Option<DateTime<Utc>>)> + '_ {
        self.by_record
            .iter()
            .filter(|((kind, _), _)| *kind == ClosedKind::Visit)
            .filter_map(|(_, t)| Some((t.customer?, t.completed_at)))
    }

    /// The latest time a closed contact with `customer` was received.
    pub fn latest_contact(&self, customer: RecordId) -> Option<DateTime<Utc>> {
        self.by_customer
            .get(&customer)?
            .iter()
            .filter_map(|key| self.by_record.get(key)?.received_at)
            .max()
    }

    /// How many records of `kind` are known by their trace only.
    pub fn count(&self, kind: ClosedKind) -> usize {
        self.counts[kind as usize]
    }

    pub fn is_empty(&self) -> bool {
        self.by_record.is_empty()
    }
}
