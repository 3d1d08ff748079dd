//! The typed view of the replicated state: every live record by kind, plus
//! the indexes the screens need. Refreshed one record at a time.

use crate::domain::base::order;
use crate::domain::base::record::{from_json, put, Record};
use crate::domain::complaint::records::{plainly_closed, Complaint, ComplaintEvent};
use crate::domain::complaint::{replay, ComplaintView};
use crate::domain::contact::records::{Contact, ContactStatus};
use crate::domain::customer::records::Customer;
use crate::domain::dept::records::Dept;
use crate::domain::escalation::records::{Escalation, EscalationStep};
use crate::domain::history::traces::{ClosedKind, Traces};
use crate::domain::kb::records::{AnswerVersion, Kb};
use crate::domain::qa::records::Qa;
use crate::domain::staff::records::{Device, Org, Staff};
use crate::domain::standards::records::Standards;
use crate::domain::visits::records::{ReturnVisit, VisitBook};
use crate::sync::stored::BucketRead;
use crate::sync::RecordId;
use chrono::{DateTime, Utc};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::{Arc, Mutex};

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
    /// Attempts, campaigns, scripts and follow-up tasks.
    pub rv: VisitBook,
    /// Roster, leave, swaps, attendance, handovers, meetings.
    pub dept: Dept,
    /// The knowledge base of standard answers.
    pub kb: Kb,
    /// Quality inspection: scorecards, reviews, plans, reports.
    pub qa: Qa,
    /// Service standards: departments, standards, audits and their actions.
    pub standards: Standards,
    /// The names devices chose for themselves (keyed by `device::record_id`).
    pub devices: BTreeMap<RecordId, Device>,
    /// Issued weekly and monthly reports (R-REP-02), by `reports::issued::issue_id`.
    pub reports: BTreeMap<RecordId, crate::domain::reports::records::IssuedReport>,
    /// The kinds read after the first paint (`kinds.rs`, `later`): their
    /// text until their reader is here, then nothing.
    pub(crate) later: Later,
    contacts_by_customer: HashMap<RecordId, Vec<RecordId>>,
    /// Open work, kept as records change so Today reads what is open, not
    /// the whole history: each owner's contacts not done yet, each
    /// assignee's return visits not done, and the customers assigned with
    /// no contact since (R-CUS-02).
    open_contacts: HashMap<RecordId, BTreeSet<RecordId>>,
    open_visits: HashMap<RecordId, BTreeSet<RecordId>>,
    awaiting_first_contact: BTreeSet<RecordId>,
    events_by_complaint: HashMap<RecordId, Vec<RecordId>>,
    /// The complaints whose steps do not plainly close them (open ones,
    /// reopened, in conflict: `complaint::records::plainly_closed`), kept as
    /// steps arrive so Today replays these, not every complaint ever made.
    unsettled_complaints: BTreeSet<RecordId>,
    /// Their replays, made when Today first asks and forgotten when the
    /// complaint or one of its steps changes.
    replays: Replays,
    steps_by_escalation: HashMap<RecordId, Vec<RecordId>>,
    /// The closed records start-up knows by their trace only
    /// (`domain::history`), until the history is read.
    pub(crate) traces: Traces,
    /// While the history is read: the records refreshed meanwhile.
    pub(crate) history_reading: Option<std::collections::HashSet<RecordId>>,
}

/// How the records of the `later` kinds (`kinds.rs`) are read: functions
/// the release build keeps in a piece of their own, so that the first load
/// carries no reader for records Today never shows.
#[derive(Clone, Copy, Debug)]
pub struct LaterReader {
    /// One changed record (None: gone); false for a kind not in the table.
    pub put: fn(&mut Model, &str, RecordId, Option<&Value>) -> bool,
    /// One kind's list from a stored view row, `[[id, fields], …]`.
    pub list: fn(&mut Model, &str, &str, &mut BucketRead),
}

/// The `later` kinds' records while their reader is not here yet: kept as
/// they came, in order, and read when it arrives (`Model::install_later`).
/// Where the reader is linked anyway (natively, the dev server, the wasm
/// tests) they are read at once, unless the model was made with
/// [`Model::reading_later`]; the split release build always keeps them.
#[derive(Clone, Debug, Default)]
pub(crate) struct Later {
    pub(crate) reader: Option<LaterReader>,
    /// Keep them even where the reader is linked (the tests of this path).
    pub(crate) keep: bool,
    pub(crate) waiting: Vec<Waiting>,
}

#[derive(Clone, Debug)]
pub(crate) enum Waiting {
    List {
        kind: &'static str,
        text: String,
    },
    One {
        kind: String,
        id: RecordId,
        fields: Option<Value>,
    },
}

impl Model {
    /// A model that keeps the `later` kinds' records until
    /// [`Model::install_later`], as the release build starts.
    pub fn reading_later() -> Model {
        let mut model = Model::default();
        model.later.keep = true;
        model
    }

    /// Reads the `later` kinds' records kept so far, in the order they came,
    /// and every one after this at once. Returns the records it had to leave
    /// out, as start-up reports them. Installing twice changes nothing.
    pub fn install_later(&mut self, reader: LaterReader) -> BucketRead {
        self.later.reader = Some(reader);
        let mut read = BucketRead::default();
        for waiting in std::mem::take(&mut self.later.waiting) {
            match waiting {
                Waiting::List { kind, text } => (reader.list)(self, kind, &text, &mut read),
                Waiting::One { kind, id, fields } => {
                    (reader.put)(self, &kind, id, fields.as_ref());
                }
            }
        }
        read
    }
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

/// Moves a record between the holders of open work (None: held by nobody,
/// or not open).
fn move_open(
    index: &mut HashMap<RecordId, BTreeSet<RecordId>>,
    id: RecordId,
    old: Option<RecordId>,
    new: Option<RecordId>,
) {
    if old == new {
        return;
    }
    if let Some(set) = old.and_then(|o| index.get_mut(&o)) {
        set.remove(&id);
    }
    if let Some(n) = new {
        index.entry(n).or_default().insert(id);
    }
}

impl Model {
    /// Re-reads one record from its entity's fields (None: gone). Records of
    /// kinds this version does not know are ignored here and kept in the store.
    pub fn refresh(&mut self, kind: &str, id: RecordId, fields: Option<&Value>) {
        if let Some(fresh) = &mut self.history_reading {
            fresh.insert(id);
        }
        self.put_kind(kind, id, fields);
    }

    /// A merged customer file reads as gone: its contacts point at the one
    /// it was merged into (R-CUS-03).
    pub(crate) fn customer_changed(&mut self, id: RecordId, _old: Option<Customer>) {
        if self
            .customers
            .get(&id)
            .is_some_and(|c| c.merged_into.is_some())
        {
            self.customers.remove(&id);
        }
        self.recheck_awaiting(id);
    }

    pub(crate) fn contact_moved(&mut self, id: RecordId, old: Option<Contact>) {
        let traced = self.drop_trace(ClosedKind::Contact, id);
        let new = self.contacts.get(&id);
        let (new_customer, new_owner) = (
            new.and_then(|c| c.customer),
            new.filter(|c| c.status != ContactStatus::Done)
                .map(|c| c.owner),
        );
        let received = new.map(|c| c.received_at);
        let old_owner = old
            .as_ref()
            .filter(|c| c.status != ContactStatus::Done)
            .map(|c| c.owner);
        move_open(&mut self.open_contacts, id, old_owner, new_owner);
        let old_customer = old.and_then(|c| c.customer);
        reindex(
            &mut self.contacts_by_customer,
            id,
            old_customer,
            new_customer,
        );
        // A changed or removed contact may have been the one that counted:
        // look again. A new one can only end the wait, which needs no look.
        for c in old_customer.into_iter().chain(traced) {
            self.recheck_awaiting(c);
        }
        if let (Some(c), Some(received)) = (new_customer, received) {
            self.contact_received(c, received);
        }
    }

    /// A contact with `customer` received at `received` (a record, or a
    /// closed one's trace) ends their wait if it came since the assignment.
    pub(crate) fn contact_received(&mut self, customer: RecordId, received: DateTime<Utc>) {
        let counts = self
            .customers
            .get(&customer)
            .and_then(|c| c.assigned_at)
            .is_some_and(|a| received >= a);
        if counts {
            self.awaiting_first_contact.remove(&customer);
        }
    }

    pub(crate) fn visit_moved(&mut self, id: RecordId, old: Option<ReturnVisit>) {
        self.drop_trace(ClosedKind::Visit, id);
        let holder = |v: &ReturnVisit| v.assignee.filter(|_| v.is_open());
        let new = self.visits.get(&id).and_then(holder);
        move_open(
            &mut self.open_visits,
            id,
            old.as_ref().and_then(holder),
            new,
        );
    }

    /// Every waiting customer again (after traces arrive, which may end a wait).
    pub(crate) fn recheck_all_awaiting(&mut self) {
        let waiting: Vec<RecordId> = self.awaiting_first_contact.iter().copied().collect();
        for customer in waiting {
            self.recheck_awaiting(customer);
        }
    }

    /// Whether a customer waits for a first contact: assigned, and nobody
    /// has recorded a contact with them since (R-CUS-02).
    fn recheck_awaiting(&mut self, customer: RecordId) {
        let waits = self
            .customers
            .get(&customer)
            .and_then(|c| c.assigned_at)
            .is_some_and(|a| !self.has_contact_since(customer, a));
        if waits {
            self.awaiting_first_contact.insert(customer);
        } else {
            self.awaiting_first_contact.remove(&customer);
        }
    }

    /// The contacts `owner` holds that are not done, in id order.
    pub fn open_contacts_of(&self, owner: RecordId) -> impl Iterator<Item = &Contact> {
        self.open_contacts
            .get(&owner)
            .into_iter()
            .flatten()
            .filter_map(|id| self.contacts.get(id))
    }

    /// The return visits `assignee` holds that are not done, in id order.
    pub fn open_visits_of(&self, assignee: RecordId) -> impl Iterator<Item = &ReturnVisit> {
        self.open_visits
            .get(&assignee)
            .into_iter()
            .flatten()
            .filter_map(|id| self.visits.get(id))
    }

    /// The customers assigned with no contact recorded since, in id order.
    pub fn awaiting_first_contact(&self) -> impl Iterator<Item = &Customer> {
        self.awaiting_first_contact
            .iter()
            .filter_map(|id| self.customers.get(id))
    }

    pub(crate) fn event_moved(&mut self, id: RecordId, old: Option<ComplaintEvent>) {
        let new = self.complaint_events.get(&id).map(|e| e.complaint);
        let old = old.map(|e| e.complaint);
        reindex(&mut self.events_by_complaint, id, old, new);
        for complaint in old.into_iter().chain(new) {
            self.recheck_settled(complaint);
        }
    }

    pub(crate) fn complaint_changed(&mut self, id: RecordId, _old: Option<Complaint>) {
        self.recheck_settled(id);
    }

    /// Whether a complaint's steps plainly close it; if not (or unsure),
    /// Today replays it.
    fn recheck_settled(&mut self, complaint: RecordId) {
        self.replays.forget(complaint);
        let steps = self.steps_in_order(complaint);
        if self.complaints.contains_key(&complaint) && !plainly_closed(&steps) {
            self.unsettled_complaints.insert(complaint);
        } else {
            self.unsettled_complaints.remove(&complaint);
        }
    }

    /// The complaints not plainly closed (see `unsettled_complaints`), in
    /// id order: every open or conflicted one is among them.
    pub fn unsettled_complaints(&self) -> impl Iterator<Item = &Complaint> {
        self.unsettled_complaints
            .iter()
            .filter_map(|id| self.complaints.get(id))
    }

    /// The unsettled complaints replayed, in id order: each replayed once
    /// and kept until it or one of its steps changes.
    pub fn unsettled_replays(&self) -> Vec<Arc<ComplaintView>> {
        let mut kept = self.replays.0.lock().unwrap_or_else(|e| e.into_inner());
        self.unsettled_complaints()
            .map(|c| self.kept_replay(&mut kept, c))
            .collect()
    }

    /// One complaint's replay, kept if it is unsettled (Today's cards);
    /// None for a settled one (replay it: `complaint::history`).
    pub fn unsettled_replay(&self, complaint: RecordId) -> Option<Arc<ComplaintView>> {
        let c = self
            .complaints
            .get(&complaint)
            .filter(|_| self.unsettled_complaints.contains(&complaint))?;
        let mut kept = self.replays.0.lock().unwrap_or_else(|e| e.into_inner());
        Some(self.kept_replay(&mut kept, c))
    }

    fn kept_replay(
        &self,
        kept: &mut HashMap<RecordId, Arc<ComplaintView>>,
        c: &Complaint,
    ) -> Arc<ComplaintView> {
        let view = kept
            .entry(c.id)
            .or_insert_with(|| Arc::new(replay(c, &self.steps_in_order(c.id))));
        Arc::clone(view)
    }

    /// A complaint's steps in replay order: by time, then by id.
    pub fn steps_in_order(&self, complaint: RecordId) -> Vec<&ComplaintEvent> {
        let mut steps = self.events_of(complaint);
        order::sort_by(&mut steps, |a, b| a.at.cmp(&b.at).then(a.id.cmp(&b.id)));
        steps
    }

    pub(crate) fn step_moved(&mut self, id: RecordId, old: Option<EscalationStep>) {
        let new = self.escalation_steps.get(&id).map(|s| s.escalation);
        reindex(
            &mut self.steps_by_escalation,
            id,
            old.map(|s| s.escalation),
            new,
        );
    }

    pub(crate) fn answer_version_moved(&mut self, id: RecordId, old: Option<AnswerVersion>) {
        self.kb.version_moved(id, old);
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
        }) || self.traces.contact_since(customer, since)
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

    /// The organisation's first local day: the day its record was created
    /// (R-ROL-01, written at first run and carried by every snapshot). A
    /// warning about the past never judges a period that began before it.
    /// None without an organisation or for a record with no creation time
    /// (it reads as 1970): then every period counts, as it always did.
    pub fn org_since(&self) -> Option<chrono::NaiveDate> {
        let created = self.org.as_ref()?.audit.created_at;
        (created > DateTime::<Utc>::default()).then(|| self.zone().local_date(created))
    }

    /// The organisation's wall clock: every local day and deadline is
    /// computed in it. Its saved zone, or `zones::DEFAULT_ZONE` for an org
    /// made before the setting existed or a name this version does not know.
    pub fn zone(&self) -> crate::domain::base::zone::Zone {
        let name = self.org.as_ref().and_then(|o| o.time_zone.as_deref());
        crate::domain::base::zones::named_or_default(name).zone
    }
}

/// Where the model keeps the records of one kind (see `kinds.rs`): a map by
/// id, or one optional record for a kind of which there is one.
pub(crate) trait Slot<T: Record> {
    /// Re-reads one record from its fields; returns what was there before.
    fn reread(&mut self, id: RecordId, fields: Option<&Value>) -> Option<T>;
    /// Adds a record read from a stored view row.
    fn add(&mut self, id: RecordId, record: T) -> Option<T>;
    fn holds(&self, id: RecordId) -> bool;
}

impl<T: Record> Slot<T> for BTreeMap<RecordId, T> {
    fn reread(&mut self, id: RecordId, fields: Option<&Value>) -> Option<T> {
        put(self, id, fields)
    }
    fn add(&mut self, id: RecordId, mut record: T) -> Option<T> {
        record.set_id(id);
        BTreeMap::insert(self, id, record)
    }
    fn holds(&self, id: RecordId) -> bool {
        self.contains_key(&id)
    }
}

impl<T: Record> Slot<T> for Option<T> {
    fn reread(&mut self, id: RecordId, fields: Option<&Value>) -> Option<T> {
        let new = fields.and_then(|f| from_json::<T>(id, f));
        std::mem::replace(self, new)
    }
    fn add(&mut self, id: RecordId, mut record: T) -> Option<T> {
        record.set_id(id);
        self.replace(record)
    }
    fn holds(&self, id: RecordId) -> bool {
        self.as_ref().is_some_and(|r| r.id() == id)
    }
}

/// Replays of complaints, by id: a cache the model fills from `&self`
/// (Today reads the model, it does not change it), so behind a lock that
/// is never contended (one thread). A copy of the model shares the replays
/// made so far; they are immutable.
#[derive(Default)]
struct Replays(Mutex<HashMap<RecordId, Arc<ComplaintView>>>);

impl Replays {
    fn forget(&mut self, complaint: RecordId) {
        let kept = self.0.get_mut().unwrap_or_else(|e| e.into_inner());
        kept.remove(&complaint);
    }
}

impl Clone for Replays {
    fn clone(&self) -> Self {
        let kept = self.0.lock().unwrap_or_else(|e| e.into_inner());
        Replays(Mutex::new(kept.clone()))
    }
}

impl std::fmt::Debug for Replays {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Replays")
    }
}
