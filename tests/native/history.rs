//! The closed history (`domain::history`): start-up reads the open view
//! rows only, with a trace of each closed record. Whatever is saved before
//! or while the history is read, a model that starts from the open rows
//! shows the same Today as one that read everything, and once it reads the
//! history it holds the same records.

use crate::common::{id, now};
use proptest::prelude::*;
use serde_json::{json, Value};
use std::sync::OnceLock;
use ventanilla::domain::contact::ContactStatus;
use ventanilla::domain::demo::ScaleSet;
use ventanilla::domain::history::{ClosedKind, TraceBatch, HISTORY};
use ventanilla::domain::Model;
use ventanilla::sync::stored::{encode_all_split, encode_all_views, kind_buckets, ViewRows};
use ventanilla::sync::{DeviceId, RecordId, Replica, Write};

/// A slice of the scale series' branch-year: a twelfth of its customers, a
/// sixteenth of its contacts (most of them done), and an eighth of the rest
/// (complaints, return visits). Each part rests in buckets of its own.
fn base() -> &'static Replica {
    static BASE: OnceLock<Replica> = OnceLock::new();
    BASE.get_or_init(|| slice(&[0, 1, 24, 25, 56]))
}

fn slice(parts: &[u32]) -> Replica {
    let set = ScaleSet::new(7, 1, id(1), now());
    let mut replica = Replica::new(DeviceId(1));
    for part in parts {
        replica.commit(set.part(*part), 1);
    }
    replica
}

/// A smaller slice for the property test, and its records' ids: contacts,
/// visits, and the customers of its contacts that it holds.
struct Small {
    replica: Replica,
    contacts: Vec<RecordId>,
    visits: Vec<RecordId>,
    customers_of_contacts: Vec<RecordId>,
}

fn small() -> &'static Small {
    static SMALL: OnceLock<Small> = OnceLock::new();
    SMALL.get_or_init(|| {
        let replica = slice(&[0, 24, 56]);
        let m = whole(&replica);
        let customers_of_contacts = m
            .contacts
            .values()
            .filter_map(|c| c.customer)
            .filter(|c| m.customers.contains_key(c))
            .collect();
        Small {
            contacts: m.contacts.keys().copied().collect(),
            visits: m.visits.keys().copied().collect(),
            customers_of_contacts,
            replica,
        }
    })
}

fn split(replica: &Replica) -> Vec<ViewRows> {
    encode_all_split(&replica.state, HISTORY)
        .into_values()
        .collect()
}

/// The model start-up makes: the open rows only, their traces added at
/// once after the last row, as `ui::shell::state` does.
fn start_up(rows: &[ViewRows]) -> Model {
    let mut m = Model::default();
    let mut traces = TraceBatch::default();
    for r in rows {
        let read = m
            .read_view_row(&r.open, &mut traces)
            .expect("open row reads");
        assert!(read.skipped.is_empty(), "{:?}", read.skipped);
    }
    m.add_traces(traces);
    m
}

/// The model that reads every record, as before the split.
fn whole(replica: &Replica) -> Model {
    let mut m = Model::default();
    for row in encode_all_views(&replica.state).values() {
        m.load_view(row).expect("view row reads");
    }
    m
}

fn read_history(m: &mut Model, rows: &[ViewRows]) {
    for r in rows {
        let read = m.read_history_row(&r.closed).expect("history row reads");
        assert!(read.skipped.is_empty(), "{:?}", read.skipped);
    }
}

/// Saves `writes` and refreshes the model with what changed, as the app does.
fn save(replica: &mut Replica, m: &mut Model, writes: Vec<Write>) {
    let (_, changed) = replica.commit(writes, 2);
    for key in changed {
        let json = replica
            .state
            .get(&key.kind, key.id)
            .filter(|e| !e.is_deleted())
            .map(|e| e.to_json());
        m.refresh(&key.kind, key.id, json.as_ref());
    }
}

fn awaiting(m: &Model) -> Vec<RecordId> {
    m.awaiting_first_contact().map(|c| c.id).collect()
}

/// What a person sees on Today, for everyone on the staff.
fn todays(m: &Model) -> Vec<ventanilla::domain::Today> {
    m.staff.keys().map(|me| m.today(*me, now())).collect()
}

fn same_records(a: &Model, b: &Model) {
    assert_eq!(format!("{:?}", a.contacts), format!("{:?}", b.contacts));
    assert_eq!(format!("{:?}", a.visits), format!("{:?}", b.visits));
}

#[test]
fn start_up_reads_only_the_open_work_and_shows_the_todays_of_the_whole_history() {
    let replica = base();
    let rows = split(replica);
    let everything = whole(replica);
    let mut m = start_up(&rows);
    // Nothing closed is held whole, yet every closed record is known.
    assert!(m.contacts.values().all(|c| c.status != ContactStatus::Done));
    assert!(m.visits.values().all(|v| v.is_open()));
    let closed = everything
        .contacts
        .values()
        .filter(|c| c.status == ContactStatus::Done)
        .count();
    assert!(closed > 1_000, "{closed} done contacts in the part");
    assert_eq!(m.contact_count(), everything.contacts.len());
    assert!(m.traced() >= closed);
    // Some customers wait for a first contact, and a closed contact ends
    // the wait of others: both as in the whole history.
    assert!(!awaiting(&m).is_empty());
    assert_eq!(awaiting(&m), awaiting(&everything));
    assert_eq!(todays(&m), todays(&everything));
    // Of the contacts' buckets, start-up reads a small part of what it
    // read before.
    let contact_buckets = kind_buckets("contact");
    let bytes = |rows: Vec<(u32, usize)>| -> usize {
        rows.into_iter()
            .filter(|(b, _)| contact_buckets.contains(b))
            .map(|(_, n)| n)
            .sum()
    };
    let open = bytes(
        encode_all_split(&replica.state, HISTORY)
            .into_iter()
            .map(|(b, r)| (b, r.open.len()))
            .collect(),
    );
    let all = bytes(
        encode_all_views(&replica.state)
            .into_iter()
            .map(|(b, r)| (b, r.len()))
            .collect(),
    );
    assert!(open * 3 < all, "open rows {open} of {all} bytes");
    // Reading the history makes the whole model.
    m.begin_history();
    read_history(&mut m, &rows);
    m.end_history();
    same_records(&m, &everything);
    assert_eq!(m.traced(), 0);
}

/// An edit a person or a sync makes to the part's records.
#[derive(Clone, Debug)]
enum Edit {
    /// A contact done, or opened again.
    ContactStatus(usize, bool),
    /// A contact's time moved (to either side of its customer's assignment).
    Received(usize, i64),
    ContactGone(usize),
    VisitStatus(usize, bool),
    /// A customer with contacts assigned again at another time.
    Assigned(usize, i64),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (0..2_000usize, any::<bool>()).prop_map(|(i, d)| Edit::ContactStatus(i, d)),
        (0..2_000usize, -400..10i64).prop_map(|(i, d)| Edit::Received(i, d)),
        (0..2_000usize).prop_map(Edit::ContactGone),
        (0..200usize, any::<bool>()).prop_map(|(i, d)| Edit::VisitStatus(i, d)),
        (0..400usize, -400..10i64).prop_map(|(i, d)| Edit::Assigned(i, d)),
    ]
}

fn pick(ids: &[RecordId], i: usize) -> RecordId {
    ids[i % ids.len()]
}

fn when(days: i64) -> Value {
    json!(
        (now() + chrono::Duration::days(days)).to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
    )
}

fn writes(e: &Edit, s: &Small) -> Vec<Write> {
    let (contacts, visits, customers) = (&s.contacts, &s.visits, &s.customers_of_contacts);
    let w = |kind: &str, id: RecordId, field: &str, value: Value| Write {
        kind: kind.into(),
        id,
        field: field.into(),
        value,
    };
    let status = |done: bool| json!(if done { "done" } else { "open" });
    vec![match e {
        Edit::ContactStatus(i, d) => w("contact", pick(contacts, *i), "status", status(*d)),
        Edit::Received(i, d) => w("contact", pick(contacts, *i), "received_at", when(*d)),
        Edit::ContactGone(i) => w("contact", pick(contacts, *i), "deleted", json!(true)),
        Edit::VisitStatus(i, d) => w("visit", pick(visits, *i), "status", status(*d)),
        Edit::Assigned(i, d) => w("customer", pick(customers, *i), "assigned_at", when(*d)),
    }]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 10, ..ProptestConfig::default() })]

    /// Edits saved after start-up, then edits saved while the history is
    /// read (its rows read before them, as one read transaction does):
    /// before the history, Today and the customers waiting match the whole
    /// history's; after it, every record does.
    #[test]
    fn edits_before_and_while_the_history_is_read_leave_the_whole_model(
        before in prop::collection::vec(edit(), 0..12),
        during in prop::collection::vec(edit(), 0..12),
    ) {
        let s = small();
        let mut replica = s.replica.clone();
        let mut m = start_up(&split(&replica));
        for e in &before {
            save(&mut replica, &mut m, writes(e, s));
        }
        let now_whole = whole(&replica);
        prop_assert_eq!(awaiting(&m), awaiting(&now_whole));
        prop_assert_eq!(todays(&m), todays(&now_whole));
        prop_assert_eq!(m.contact_count(), now_whole.contacts.len());
        let rows = split(&replica);
        m.begin_history();
        for e in &during {
            save(&mut replica, &mut m, writes(e, s));
        }
        read_history(&mut m, &rows);
        m.end_history();
        let end = whole(&replica);
        same_records(&m, &end);
        prop_assert_eq!(awaiting(&m), awaiting(&end));
        prop_assert_eq!(m.traced(), 0);
    }
}

/// A stored open row is untrusted like any input: traces that do not read
/// (a bad id, a field of the wrong type, a value nested too deep, not a
/// list at all) are left out and named; the row's records still load.
#[test]
fn hostile_traces_are_left_out_and_the_row_still_loads() {
    let rows = split(base());
    let row = rows
        .iter()
        .find(|r| r.open.contains("\"~closed\":{\"contact\":["))
        .expect("a contact bucket with done contacts");
    let deep = format!("{}1{}", "[".repeat(5_000), "]".repeat(5_000));
    let id = |n: u128| serde_json::to_string(&RecordId(n)).expect("an id is text");
    let hostile = [
        r#"["not an id",null,null]"#.to_string(),
        "5".into(),
        format!(r#"[{},7,"yesterday"]"#, id(1)),
        format!(r#"[{},{deep},null]"#, id(2)),
    ];
    let tampered = row.open.replacen(
        "\"~closed\":{\"contact\":[",
        &format!(
            // A kind this version does not keep apart: read, and ignored.
            "\"~closed\":{{\"no_such_kind\":[[{}]],\"contact\":[{},",
            id(3),
            hostile.join(",")
        ),
        1,
    );
    assert_ne!(tampered, row.open, "the hostile traces went in");
    let mut clean = Model::default();
    clean.load_view(&row.open).expect("reads");
    let mut m = Model::default();
    let read = m.load_view_report(&tampered).expect("the row is read");
    assert_eq!(read.skipped.len(), 4, "{:?}", read.skipped);
    assert!(read
        .skipped
        .iter()
        .all(|s| s.starts_with("~closed contact")));
    assert_eq!(m.contact_count(), clean.contact_count());
    assert_eq!(m.traced(), clean.traced());
    // A closed visit: [id, customer, completed_at]; the form without the
    // time (layout 5) still reads; a bad time or customer is left out.
    let visits = format!(
        r#"{{"~closed":{{"visit":[[{a},null,"not a time"],[{b},5],[{c},null,"2026-11-01T00:00:00Z"],[{d},null],[{e}]]}}}}"#,
        a = id(11),
        b = id(12),
        c = id(13),
        d = id(14),
        e = id(15)
    );
    let mut m = Model::default();
    let read = m.load_view_report(&visits).expect("the row is read");
    assert_eq!(read.skipped.len(), 3, "{:?}", read.skipped);
    assert_eq!(m.traced(), 2);
    // Not a list of traces at all: said, and nothing traced.
    for text in [
        r#"{"~closed":{"contact":{"a":1}}}"#,
        r#"{"~closed":7}"#,
        r#"{"~closed":[1]}"#,
    ] {
        let mut m = Model::default();
        let read = m
            .load_view_report(text)
            .expect("an object of lists is read");
        assert_eq!(read.skipped.len(), 1, "{text}: {:?}", read.skipped);
        assert_eq!(m.traced(), 0);
    }
}

/// Traces added row by row (a test, a single row) or all at once (start-up)
/// make the same model; a trace repeated, in one row or across rows, counts
/// once (the later wins), and a trace of a record the model holds whole is
/// dropped whichever arrived first.
#[test]
fn traces_by_the_row_or_all_at_once_make_one_model_and_repeats_count_once() {
    let replica = base();
    let rows = split(replica);
    let at_once = start_up(&rows);
    let mut by_row = Model::default();
    for r in &rows {
        by_row.load_view(&r.open).expect("open row reads");
    }
    assert!(at_once.traced() > 0, "the base has closed records");
    assert_eq!(at_once.traced(), by_row.traced());
    assert_eq!(awaiting(&at_once), awaiting(&by_row));
    assert_eq!(todays(&at_once), todays(&by_row));
    let customers = |m: &Model| {
        let mut c: Vec<_> = m.traces().customers().collect();
        c.sort();
        c
    };
    assert_eq!(customers(&at_once), customers(&by_row));
    for c in customers(&at_once) {
        assert_eq!(at_once.traces().count_of(c), by_row.traces().count_of(c));
    }

    // Every row twice, in the batch and then again row by row: nothing
    // counts twice.
    let mut twice = Model::default();
    let mut traces = TraceBatch::default();
    for r in rows.iter().chain(&rows) {
        twice.read_view_row(&r.open, &mut traces).expect("reads");
    }
    twice.add_traces(traces);
    for r in &rows {
        twice.load_view(&r.open).expect("reads");
    }
    assert_eq!(twice.traced(), at_once.traced());
    assert_eq!(todays(&twice), todays(&at_once));

    // One record traced twice with two customers: the later trace says whose.
    let id = |n: u128| serde_json::to_string(&RecordId(n)).expect("an id is text");
    let row = format!(
        r#"{{"~closed":{{"contact":[[{a},{c1},"2026-01-01T00:00:00Z"],[{a},{c2},"2026-02-01T00:00:00Z"]]}}}}"#,
        a = id(21),
        c1 = id(31),
        c2 = id(32)
    );
    let mut m = Model::default();
    m.load_view(&row).expect("reads");
    assert_eq!(m.traced(), 1);
    assert_eq!(m.traces().count_of(RecordId(31)), (0, 0));
    assert_eq!(m.traces().count_of(RecordId(32)), (1, 0));
    assert_eq!(
        m.traces().customer_of(ClosedKind::Contact, RecordId(21)),
        Some(RecordId(32))
    );

    // A record held whole and traced in the same row: the whole record wins.
    let open = at_once
        .contacts
        .keys()
        .next()
        .copied()
        .expect("an open contact");
    let both = format!(
        r#"{{"~closed":{{"contact":[[{},{},"2026-01-01T00:00:00Z"]]}}}}"#,
        id(open.0),
        id(31)
    );
    let mut m = start_up(&rows);
    let before = m.traced();
    m.load_view(&both).expect("reads");
    assert_eq!(
        m.traced(),
        before,
        "the trace of a record held whole is dropped"
    );
    assert!(!m.traces().holds(ClosedKind::Contact, open));
}

/// A customer's page reads that customer's closed records only: from the
/// history rows their traces point at, the others in those rows stay traced.
#[test]
fn a_customers_page_reads_that_customers_closed_records_only() {
    let replica = base();
    let rows = split(replica);
    let everything = whole(replica);
    let mut m = start_up(&rows);
    let traced = m.traced();
    // A customer with the most closed contacts in the slice.
    let customer = m
        .traces()
        .customers()
        .max_by_key(|c| (m.traces().count_of(*c), *c))
        .expect("a customer with closed records");
    let (contacts, visits) = m.traces().count_of(customer);
    assert!(contacts >= 2, "{contacts} closed contacts");
    let buckets = m.closed_buckets_of(&[customer]);
    let by_bucket = encode_all_split(&replica.state, HISTORY);
    for b in &buckets {
        m.read_history_of(&by_bucket[b].closed, &[customer])
            .expect("history row reads");
    }
    assert_eq!(m.traced(), traced - contacts - visits);
    assert_eq!(m.traces().count_of(customer), (0, 0));
    let ids =
        |m: &Model| -> Vec<RecordId> { m.contacts_of(customer).iter().map(|c| c.id).collect() };
    assert_eq!(ids(&m), ids(&everything), "the whole timeline");
    assert_eq!(awaiting(&m), awaiting(&everything));
    // Reading it again, or the whole history after it, adds each record once.
    for b in &buckets {
        m.read_history_of(&by_bucket[b].closed, &[customer])
            .expect("history row reads");
    }
    read_history(&mut m, &rows);
    same_records(&m, &everything);
}
