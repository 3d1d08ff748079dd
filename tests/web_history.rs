//! Browser tests of the rows made from buckets. The closed history
//! (`domain::history`): a save writes a done contact to its bucket's history
//! row and a trace of it to the view row start-up reads; opening it again
//! moves it back. The summaries (`sync::summary`): they name the conflicts
//! and devices, and one missing or damaged is made again from its bucket.
//! A store of an older layout gets its rows once on opening and loses
//! nothing.
#![cfg(target_arch = "wasm32")]

use serde_json::{json, Value};
use std::cell::RefCell;
use ventanilla::domain::Model;
use ventanilla::store::idb;
use ventanilla::store::records::Store;
use ventanilla::sync::stored::{encode_bucket, encode_view, encode_views};
use ventanilla::sync::{bucket_of, DeviceId, RecordId, RecordKey, Replica, Write, LAYOUT};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const CUSTOMER: RecordId = RecordId(11);
const CONTACT: RecordId = RecordId(22);
const VISIT: RecordId = RecordId(33);
const T0: u64 = 1_700_000_000_000;

fn set(kind: &str, id: RecordId, field: &str, value: Value) -> Write {
    Write {
        kind: kind.into(),
        id,
        field: field.into(),
        value,
    }
}

/// A customer assigned on the 1st, a contact with them on the 2nd, a visit.
fn records(contact_status: &str, visit_status: &str) -> Vec<Write> {
    vec![
        set("customer", CUSTOMER, "name", json!("Ana Ruiz")),
        set(
            "customer",
            CUSTOMER,
            "assigned_at",
            json!("2026-11-01T09:00:00.000Z"),
        ),
        set("contact", CONTACT, "customer", json!(CUSTOMER)),
        set("contact", CONTACT, "summary", json!("Pidió el extracto")),
        set(
            "contact",
            CONTACT,
            "received_at",
            json!("2026-11-02T09:00:00.000Z"),
        ),
        set("contact", CONTACT, "status", json!(contact_status)),
        set("visit", VISIT, "customer", json!(CUSTOMER)),
        set("visit", VISIT, "notes", json!("Llamada de cortesía")),
        set("visit", VISIT, "status", json!(visit_status)),
    ]
}

async fn fresh(name: &str) -> Store {
    let _ = idb::delete(name).await;
    Store::open_named(name).await.expect("database opens")
}

/// The model start-up makes from the view rows.
async fn start_up(store: &Store) -> Model {
    let mut m = Model::default();
    for row in store.load_views().await.unwrap() {
        m.load_view(&row).unwrap();
    }
    m
}

#[wasm_bindgen_test]
async fn a_done_contact_rests_in_the_history_and_start_up_reads_its_trace() {
    let store = fresh("t-history").await;
    let replica = RefCell::new(store.load(|| DeviceId(5)).await.unwrap().replica);
    store
        .commit(&replica, records("done", "done"), T0)
        .await
        .unwrap();
    let views = store.load_views().await.unwrap().join("");
    let history = store.load_history().await.unwrap().join("");
    assert!(views.contains("Ana Ruiz"), "the customer is open work");
    assert!(!views.contains("Pidió el extracto") && !views.contains("cortesía"));
    assert!(history.contains("Pidió el extracto") && history.contains("cortesía"));
    assert!(!history.contains("Ana Ruiz"));
    // Start-up knows both closed records by their trace; the contact since
    // the assignment means the customer does not wait for one.
    let mut m = start_up(&store).await;
    assert_eq!((m.contacts.len(), m.traced()), (0, 2));
    assert_eq!(m.awaiting_first_contact().count(), 0);
    // Reading the history holds them whole.
    m.begin_history();
    for row in store.load_history().await.unwrap() {
        m.read_history_row(&row).unwrap();
    }
    m.end_history();
    assert_eq!(m.traced(), 0);
    assert_eq!((m.contacts.len(), m.visits.len()), (1, 1));
    assert_eq!(m.contacts[&CONTACT].summary, "Pidió el extracto");

    // Opened again: back in the view row, and out of the history.
    store
        .commit(
            &replica,
            vec![set("contact", CONTACT, "status", json!("open"))],
            T0 + 1,
        )
        .await
        .unwrap();
    let views = store.load_views().await.unwrap().join("");
    let history = store.load_history().await.unwrap().join("");
    assert!(views.contains("Pidió el extracto"));
    assert!(!history.contains("Pidió el extracto"));
    assert!(history.contains("cortesía"));
    // The contact's bucket holds nothing closed now: no history row for it.
    assert_eq!(store.load_history().await.unwrap().len(), 1);
    assert_eq!(start_up(&store).await.traced(), 1);
}

#[wasm_bindgen_test]
async fn a_store_written_before_the_history_split_is_split_once_and_loses_nothing() {
    split_once_from("t-history-layout-2", "2", |rows| encode_view(rows)).await;
}

/// Layout 4 had no summaries (and database version 4 no store for them):
/// its rows are written again from the buckets, summaries included.
#[wasm_bindgen_test]
async fn a_store_without_summaries_gets_them_once_and_loses_nothing() {
    split_once_from("t-history-layout-4", "4", |rows| {
        encode_views(rows, ventanilla::domain::history::HISTORY).open
    })
    .await;
}

/// Layout 3 listed each trace as an object, `[kind, id, {field: value}]`:
/// its views are written again from the buckets, as a layout-2 store's are.
#[wasm_bindgen_test]
async fn a_store_with_the_first_form_of_traces_is_split_again_and_loses_nothing() {
    split_once_from("t-history-layout-3", "3", |_| {
        r#"{"~closed":[["contact","00",{"customer":null}]]}"#.to_string()
    })
    .await;
}

async fn split_once_from(
    name: &str,
    layout: &str,
    old_view: impl Fn(Vec<(&str, RecordId, &ventanilla::sync::Entity)>) -> String,
) {
    let _ = idb::delete(name).await;
    // The same buckets as today's, with their views as `layout` wrote them.
    let old = with_a_conflict();
    let version = if layout == "4" { 4 } else { 3 };
    let db = idb::open(name, version, move |db, _| {
        for s in ["meta", "buckets", "views", "actions", "bundles", "outbox"] {
            let _ = db.create_object_store(s);
        }
        if version == 4 {
            let _ = db.create_object_store("history");
        }
    })
    .await
    .unwrap();
    let stores = js_sys::Array::of3(&"buckets".into(), &"views".into(), &"meta".into());
    let tx = db
        .transaction_with_str_sequence_and_mode(&stores, web_sys::IdbTransactionMode::Readwrite)
        .unwrap();
    let done = idb::completion(&tx);
    let mut buckets: Vec<u32> = ["customer", "contact", "visit"]
        .iter()
        .zip([CUSTOMER, CONTACT, VISIT])
        .map(|(k, id)| bucket_of(k, id))
        .collect();
    buckets.sort_unstable();
    buckets.dedup();
    for b in &buckets {
        let rows = || {
            old.state
                .iter()
                .filter(|(k, id, _)| bucket_of(k, *id) == *b)
        };
        let key = JsValue::from(*b);
        let put = |store: &str, text: String| {
            tx.object_store(store)
                .unwrap()
                .put_with_key(&text.into(), &key)
                .unwrap();
        };
        put("buckets", encode_bucket(rows()));
        put("views", old_view(rows().collect()));
    }
    let meta = tx.object_store("meta").unwrap();
    let clock = serde_json::to_string(&old.clock).unwrap();
    meta.put_with_key(&clock.into(), &"clock".into()).unwrap();
    meta.put_with_key(&"1".into(), &"seq".into()).unwrap();
    meta.put_with_key(&layout.into(), &"layout".into()).unwrap();
    done.await.unwrap();
    db.close();

    let store = Store::open_named(name).await.unwrap();
    let loaded = store.load(|| DeviceId(77)).await.unwrap();
    assert!(!loaded.new_device);
    assert_eq!(store.meta_get::<u32>("layout").await.unwrap(), Some(LAYOUT));
    assert_eq!(
        store.load_state().await.unwrap(),
        old.state,
        "every stamp kept"
    );
    let views = store.load_views().await.unwrap().join("");
    let history = store.load_history().await.unwrap();
    assert!(views.contains("Ana Ruiz") && views.contains("cortesía"));
    assert!(!views.contains("Pidió el extracto"));
    assert_eq!(history.len(), 1);
    assert!(history[0].contains("Pidió el extracto"));
    assert_eq!(start_up(&store).await.traced(), 1);
    the_summaries_name_the_conflict_and_both_devices(&store).await;
    // Opening again does not split again: the rows stay as they are.
    store.load(|| DeviceId(78)).await.unwrap();
    assert_eq!(store.load_history().await.unwrap(), history);
}

/// The records of [`records`] by device 9, and device 8's name for the
/// customer made at the same moment without seeing it: one of the two
/// loses, a conflict to show.
fn with_a_conflict() -> Replica {
    let mut old = Replica::new(DeviceId(9));
    old.commit(records("done", "open"), T0);
    let mut other = Replica::new(DeviceId(8));
    let (action, _) = other.commit(vec![set("customer", CUSTOMER, "name", json!("Ana R."))], T0);
    old.receive(&action.ops, T0).unwrap();
    assert_eq!(old.state.conflicts().len(), 1);
    old
}

async fn the_summaries_name_the_conflict_and_both_devices(store: &Store) {
    let summaries = store.summaries().await.unwrap();
    let customer = RecordKey {
        kind: "customer".into(),
        id: CUSTOMER,
    };
    assert_eq!(
        summaries.conflicted().iter().collect::<Vec<_>>(),
        [&customer]
    );
    let seen = summaries.last_seen();
    assert_eq!(
        seen.keys().copied().collect::<Vec<_>>(),
        [DeviceId(8), DeviceId(9)]
    );
    assert!(seen.values().all(|ms| *ms >= T0));
    // Only the conflicted record's bucket is read, and it holds the conflict.
    let state = store
        .read_records(summaries.conflicted().iter())
        .await
        .unwrap();
    assert_eq!(state.conflicts().len(), 1);
    assert!(state.get("customer", CUSTOMER).is_some());
    assert!(state.get("visit", VISIT).is_none(), "another kind's bucket");
}

#[wasm_bindgen_test]
async fn a_missing_or_damaged_summary_is_made_again_from_its_bucket() {
    let name = "t-summaries-damaged";
    let store = fresh(name).await;
    store.load(|| DeviceId(9)).await.unwrap();
    store.write_everything(&with_a_conflict()).await.unwrap();
    the_summaries_name_the_conflict_and_both_devices(&store).await;
    let whole = store.summaries().await.unwrap();
    // Damage the summary rows: garbage, a device first seen after it was
    // last seen; delete the others.
    let db = idb::open(name, 5, |_, _| {}).await.unwrap();
    let tx = db
        .transaction_with_str_and_mode("summaries", web_sys::IdbTransactionMode::Readwrite)
        .unwrap();
    let done = idb::completion(&tx);
    let rows = tx.object_store("summaries").unwrap();
    let keys = idb::request(&rows.get_all_keys().unwrap()).await.unwrap();
    let keys = js_sys::Array::from(&keys);
    assert!(keys.length() >= 3, "a bucket per kind, each summarised");
    let damaged = ["not json", r#"{"d":[["0000000000000009",5,1]]}"#];
    for (i, key) in keys.iter().enumerate() {
        match damaged.get(i) {
            Some(text) => rows.put_with_key(&JsValue::from_str(text), &key).unwrap(),
            None => rows.delete(&key).unwrap(),
        };
    }
    done.await.unwrap();
    db.close();
    assert_eq!(
        store.summaries().await.unwrap(),
        whole,
        "made again from the buckets"
    );
    the_summaries_name_the_conflict_and_both_devices(&store).await;
}
