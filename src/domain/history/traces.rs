//! What the model keeps of the closed records it does not hold whole: their
//! traces (`domain::history`). A leaf: the model holds these.

use crate::domain::base::order;
use crate::sync::stored::{bucket_of, HistoryRule};
use crate::sync::RecordId;
use chrono::{DateTime, Utc};
use serde::Deserialize;

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
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
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
    /// A contact's: when it was received (R-CUS-02). A visit's: when it
    /// was made (when a member's next visit falls due, R-CUS-05). One
    /// field for both: half a million traces at five branch-years.
    pub(crate) at: Option<DateTime<Utc>>,
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
            at: self.2,
        };
        (ClosedKind::Contact, self.0, fields)
    }
}

impl VisitTrace {
    pub(crate) fn split(self) -> (ClosedKind, RecordId, TraceFields) {
        let fields = TraceFields {
            customer: self.1,
            at: self.2,
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

/// Traces read from view rows and not yet added: start-up gathers every
/// row's, then adds them at once ([`Model::add_traces`]), so the traces are
/// sorted once and no map grows trace by trace.
#[derive(Default)]
pub struct TraceBatch(Vec<Trace>);

impl TraceBatch {
    pub(crate) fn push(&mut self, (kind, id, fields): (ClosedKind, RecordId, TraceFields)) {
        self.0.push(Trace {
            kind,
            id,
            fields,
            arrival: 0,
            gone: false,
        });
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// One trace as the model keeps it.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Trace {
    kind: ClosedKind,
    id: RecordId,
    fields: TraceFields,
    /// Its place in the order traces arrived (set when a batch is added):
    /// of one record's traces the later wins. Fits in the padding.
    arrival: u32,
    /// Dropped (its record is held whole now): left in place until the
    /// next batch compacts the list, so a removal moves nothing.
    gone: bool,
}

/// The traces of the closed records the model does not hold whole. They
/// only arrive by the batch, at start-up or a reload, and only leave one
/// by one (a record held whole), so they are kept as a sorted list with
/// an index by customer, not as maps: at five branch-years (half a
/// million traces) that is a sort instead of a million hash insertions,
/// and less memory.
#[derive(Clone, Debug, Default)]
pub struct Traces {
    /// Sorted by kind and id, one per record.
    list: Vec<Trace>,
    /// Positions in `list` of the traces that name a customer, sorted by
    /// that customer.
    by_customer: Vec<u32>,
    /// How many of each kind (contacts, visits) are not gone: Settings and
    /// the benchmark ask on every change, so they are kept, not counted.
    counts: [usize; 2],
}

impl Traces {
    /// Adds a batch; a trace for a record already traced replaces it (the
    /// later one wins, as row order goes).
    ///
    /// Everything in place: the wasm memory never shrinks, so a copy of
    /// half a million traces would stay paid for until the tab closes.
    pub(crate) fn extend(&mut self, batch: TraceBatch) {
        let mut batch = batch.0;
        if batch.is_empty() {
            return;
        }
        self.list.retain(|t| !t.gone);
        if self.list.is_empty() {
            self.list = batch;
        } else {
            self.list.append(&mut batch);
        }
        for (i, t) in self.list.iter_mut().enumerate() {
            t.arrival = u32::try_from(i).unwrap_or(u32::MAX);
        }
        // Unstable (no scratch copy of the list), the arrival breaking
        // ties: of a record's traces the later sorts last.
        self.list
            .sort_unstable_by_key(|t| (t.kind, t.id, t.arrival));
        // Of each record's run the last stays, written over the first.
        self.list.dedup_by(|later, kept| {
            let same = (later.kind, later.id) == (kept.kind, kept.id);
            if same {
                *kept = *later;
            }
            same
        });
        self.counts = [0, 0];
        for t in &self.list {
            self.counts[t.kind as usize] += 1;
        }
        // Positions fit in u32: a list that long would not fit in a
        // wasm32 memory anyway; beyond it, traces lose their customer
        // index rather than wrap.
        let named = self.list.iter().enumerate();
        self.by_customer = named
            .filter(|(_, t)| t.fields.customer.is_some())
            .filter_map(|(i, _)| u32::try_from(i).ok())
            .collect();
        let list = &self.list;
        self.by_customer
            .sort_unstable_by_key(|i| (list.get(*i as usize).and_then(|t| t.fields.customer), *i));
    }

    fn find(&self, kind: ClosedKind, id: RecordId) -> Option<usize> {
        let at = self
            .list
            .binary_search_by_key(&(kind, id), |t| (t.kind, t.id));
        at.ok()
            .filter(|i| self.list.get(*i).is_some_and(|t| !t.gone))
    }

    pub(crate) fn remove(&mut self, kind: ClosedKind, id: RecordId) -> Option<TraceFields> {
        let at = self.find(kind, id)?;
        let trace = self.list.get_mut(at)?;
        trace.gone = true;
        self.counts[kind as usize] -= 1;
        Some(trace.fields)
    }

    /// The traces that name `customer`.
    fn of(&self, customer: RecordId) -> impl Iterator<Item = &Trace> + '_ {
        let customer_at = |i: &u32| self.list.get(*i as usize).and_then(|t| t.fields.customer);
        let from = self
            .by_customer
            .partition_point(|i| customer_at(i) < Some(customer));
        self.by_customer
            .get(from..)
            .unwrap_or_default()
            .iter()
            .take_while(move |i| customer_at(i) == Some(customer))
            .filter_map(|i| self.list.get(*i as usize))
            .filter(|t| !t.gone)
    }

    /// Whether a closed contact with `customer` was received at or after
    /// `since` (R-CUS-02).
    pub fn contact_since(&self, customer: RecordId, since: DateTime<Utc>) -> bool {
        self.of(customer)
            .filter(|t| t.kind == ClosedKind::Contact)
            .any(|t| t.fields.at.is_some_and(|at| at >= since))
    }

    /// The buckets whose history rows hold these customers' closed records.
    pub fn buckets_of(&self, customers: &[RecordId]) -> Vec<u32> {
        let mut buckets: Vec<u32> = customers
            .iter()
            .flat_map(|c| self.of(*c))
            .map(|t| bucket_of(t.kind.name(), t.id))
            .collect();
        order::sort(&mut buckets);
        buckets.dedup();
        buckets
    }

    /// How many of these customers' closed records are known by their
    /// trace only, of each kind (contacts, visits).
    pub fn count_of(&self, customer: RecordId) -> (usize, usize) {
        let (mut contacts, mut visits) = (0, 0);
        for t in self.of(customer) {
            match t.kind {
                ClosedKind::Contact => contacts += 1,
                ClosedKind::Visit => visits += 1,
            }
        }
        (contacts, visits)
    }

    /// The customer a closed record known by its trace is about.
    pub fn customer_of(&self, kind: ClosedKind, id: RecordId) -> Option<RecordId> {
        self.list.get(self.find(kind, id)?)?.fields.customer
    }

    /// The customers named by a trace, each once.
    pub fn customers(&self) -> impl Iterator<Item = RecordId> + '_ {
        let mut last = None;
        self.by_customer
            .iter()
            .filter_map(|i| self.list.get(*i as usize))
            .filter(|t| !t.gone)
            .filter_map(|t| t.fields.customer)
            .filter(move |c| last.replace(*c) != Some(*c))
    }

    /// Whether a closed record of `kind` with this id is known by its trace.
    pub fn holds(&self, kind: ClosedKind, id: RecordId) -> bool {
        self.find(kind, id).is_some()
    }

    /// Every closed visit known by its trace: its customer, and when it was
    /// made (if the trace says).
    pub fn visits_made(&self) -> impl Iterator<Item = (RecordId, Option<DateTime<Utc>>)> + '_ {
        self.list
            .iter()
            .filter(|t| t.kind == ClosedKind::Visit && !t.gone)
            .filter_map(|t| Some((t.fields.customer?, t.fields.at)))
    }

    /// The latest time a closed contact with `customer` was received.
    pub fn latest_contact(&self, customer: RecordId) -> Option<DateTime<Utc>> {
        self.of(customer)
            .filter(|t| t.kind == ClosedKind::Contact)
            .filter_map(|t| t.fields.at)
            .max()
    }

    /// How many records of `kind` are known by their trace only.
    pub fn count(&self, kind: ClosedKind) -> usize {
        self.counts[kind as usize]
    }

    pub fn is_empty(&self) -> bool {
        self.counts == [0, 0]
    }
}
