//! Browser tests (headless Chromium via wasm-bindgen-test): the IndexedDB
//! store and the tab channel, exercised for real.
#![cfg(target_arch = "wasm32")]

use serde_json::json;
use std::cell::RefCell;
use std::rc::Rc;
use ventanilla::store::idb;
use ventanilla::store::records::Store;
use ventanilla::store::tabs::{News, Tabs};
use ventanilla::sync::{Action, DeviceId, RecordId, Write};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn write(id: u128, field: &str, value: serde_json::Value) -> Write {
    Write {
        kind: "customer".into(),
        id: RecordId(id),
        field: field.into(),
        value,
    }
}

async fn fresh(name: &str) -> Store {
    let _ = idb::delete(name).await;
    Store::open_named(name).await.expect("database opens")
}

/// Start-up reads the view rows a page at a time (`each_view_row`): every
/// row arrives once, in bucket order, across pages, and the model built from
/// them holds every record; a seed (benchmark data) lands in the same rows
/// without an action.
#[wasm_bindgen_test]
async fn view_rows_arrive_a_page_at_a_time_every_one_once() {
    let store = fresh("t-pages").await;
    let replica = RefCell::new(store.load(|| DeviceId(5)).await.unwrap().replica);
    // Customers 0..100 rest in buckets 0..100 (id modulo 192): 100 rows,
    // more than six pages of 16.
    let writes: Vec<Write> = (0..100)
        .map(|n| write(n, "name", json!(format!("Cliente {n}"))))
        .collect();
    store
        .commit(&replica, writes, 1_700_000_000_000)
        .await
        .unwrap();
    store
        .seed(
            &replica,
            vec![write(100, "name", json!("Sembrado"))],
            1_700_000_000_100,
        )
        .await
        .unwrap();
    let mut rows = Vec::new();
    store
        .each_view_row(|row| rows.push(row.to_string()))
        .await
        .unwrap();
    assert_eq!(rows.len(), 101, "one row per bucket written");
    let mut model = ventanilla::domain::Model::default();
    for row in &rows {
        model.load_view(row).unwrap();
    }
    assert_eq!(model.customers.len(), 101);
    assert_eq!(model.customers[&RecordId(0)].name, "Cliente 0");
    assert_eq!(model.customers[&RecordId(100)].name, "Sembrado");
    // In bucket order: customer n's row is the n-th.
    assert!(rows[42].contains("Cliente 42"));
    assert_eq!(store.load_views().await.unwrap(), rows);
    assert_eq!(
        store.action_count().await.unwrap(),
        1,
        "the seed logs no action"
    );
}

#[wasm_bindgen_test]
async fn a_saved_action_is_read_back_after_reopening() {
    let store = fresh("t-roundtrip").await;
    let loaded = store.load(|| DeviceId(42)).await.unwrap();
    assert!(loaded.new_device);
    let replica = RefCell::new(loaded.replica);
    let (action, changed) = store
        .commit(
            &replica,
            vec![
                write(7, "name", json!("José Pérez")),
                write(7, "phones", json!(["600 111 222"])),
            ],
            1_700_000_000_000,
        )
        .await
        .unwrap();
    assert_eq!(action.seq, 1);
    assert_eq!(
        changed,
        vec![(
            "customer".to_string(),
            RecordId(7),
            Some(json!({"name": "José Pérez", "phones": ["600 111 222"]}))
        )]
    );

    let again = Store::open_named("t-roundtrip").await.unwrap();
    let back = again.load(|| DeviceId(99)).await.unwrap();
    assert!(!back.new_device, "the device id is kept");
    assert_eq!(back.replica.device(), DeviceId(42));
    assert_eq!(back.replica.seq, 1);
    // The view row parses into the typed model; the bucket keeps the stamps.
    let mut model = ventanilla::domain::Model::default();
    for row in &again.load_views().await.unwrap() {
        model.load_view(row).unwrap();
    }
    assert_eq!(model.customers[&RecordId(7)].name, "José Pérez");
    let state = again.load_state().await.unwrap();
    assert_eq!(
        state.get("customer", RecordId(7)).unwrap().fields["name"].stamp,
        action.ops[0].stamp
    );
    assert_eq!(again.action_count().await.unwrap(), 1);
}

#[wasm_bindgen_test]
async fn a_failed_transaction_leaves_the_old_state() {
    let store = fresh("t-atomic").await;
    let replica = RefCell::new(store.load(|| DeviceId(1)).await.unwrap().replica);
    store
        .commit(
            &replica,
            vec![write(1, "name", json!("Ana"))],
            1_700_000_000_000,
        )
        .await
        .unwrap();
    let before = store.load_state().await.unwrap();
    let views_before = store.load_views().await.unwrap();

    store.fail_next_commit();
    let result = store
        .commit(
            &replica,
            vec![
                write(1, "name", json!("Ana María")),
                write(2, "name", json!("Luis")),
            ],
            1_700_000_000_100,
        )
        .await;
    assert!(result.is_err(), "the aborted transaction reports an error");

    let reopened = Store::open_named("t-atomic").await.unwrap();
    assert_eq!(
        reopened.load_state().await.unwrap(),
        before,
        "buckets unchanged: neither write landed"
    );
    reopened.load(|| DeviceId(9)).await.unwrap();
    assert_eq!(
        reopened.load_views().await.unwrap(),
        views_before,
        "views unchanged"
    );
    assert_eq!(store.action_count().await.unwrap(), 1);
}

#[wasm_bindgen_test]
async fn two_replicas_of_one_device_never_reuse_a_sequence_number() {
    // Two tabs: each has its own in-memory replica over the same database.
    let store = fresh("t-tabs-seq").await;
    let a = RefCell::new(store.load(|| DeviceId(5)).await.unwrap().replica);
    let b = RefCell::new(
        Store::open_named("t-tabs-seq")
            .await
            .unwrap()
            .load(|| DeviceId(6))
            .await
            .unwrap()
            .replica,
    );
    let (x, _) = store
        .commit(&a, vec![write(1, "name", json!("A"))], 1_000)
        .await
        .unwrap();
    let (y, _) = store
        .commit(&b, vec![write(2, "name", json!("B"))], 1_000)
        .await
        .unwrap();
    assert_ne!(x.seq, y.seq);
    assert!(
        y.ops[0].stamp > x.ops[0].stamp,
        "the second tab's stamp follows the first"
    );
    // The second tab's save merged into storage; the first tab's record survived.
    let back = store.load_state().await.unwrap();
    assert!(back.get("customer", RecordId(1)).is_some());
    assert!(back.get("customer", RecordId(2)).is_some());
}

#[wasm_bindgen_test]
async fn another_app_instance_hears_a_saved_action() {
    let heard: Rc<RefCell<Vec<News>>> = Rc::default();
    let sink = heard.clone();
    let listener = Tabs::new("t-broadcast", move |a| sink.borrow_mut().push(a));
    let sender = Tabs::new("t-broadcast", |_| {});
    let news = News::Saved {
        action: Action {
            device: DeviceId(3),
            seq: 4,
            ops: Vec::new(),
        },
        changed: vec![("customer".into(), RecordId(1), Some(json!({"name": "Ana"})))],
    };
    sender.announce(&news);
    for _ in 0..50 {
        if !heard.borrow().is_empty() {
            break;
        }
        gloo_timers::future::TimeoutFuture::new(10).await;
    }
    assert_eq!(heard.borrow().as_slice(), &[news]);
    drop(listener);
}

#[wasm_bindgen_test]
async fn the_file_export_and_the_hub_push_send_the_same_sealed_bundles() {
    use ventanilla::store::cursor::Cursor;
    let store = fresh("t-outbox").await;
    let replica = RefCell::new(store.load(|| DeviceId(5)).await.unwrap().replica);
    for i in 0..3u128 {
        store
            .commit(
                &replica,
                vec![write(100 + i, "name", json!(format!("C{i}")))],
                1_700_000_000_000,
            )
            .await
            .unwrap();
    }
    let at = "2026-11-23T00:00:00Z";
    let for_hub = store.outgoing(&replica, Cursor::Hub, at).await.unwrap();
    assert_eq!(for_hub.len(), 1);
    assert_eq!((for_hub[0].first, for_hub[0].last), (1, 3));
    // Nothing is sent until the cursor moves: asking again gives the same bytes.
    assert_eq!(
        store.outgoing(&replica, Cursor::Hub, at).await.unwrap(),
        for_hub
    );
    let exported = store.export_changes(&replica, at).await.unwrap();
    assert_eq!(
        exported, for_hub,
        "a file and the hub carry the same bundle"
    );
    assert_eq!(
        store.backup_status().await.unwrap().pending,
        0,
        "exported counts as backed up"
    );
    assert!(store
        .outgoing(&replica, Cursor::File, at)
        .await
        .unwrap()
        .is_empty());

    // A fourth change seals a new bundle chained after the first.
    store
        .commit(
            &replica,
            vec![write(200, "name", json!("D"))],
            1_700_000_000_100,
        )
        .await
        .unwrap();
    let status = store.backup_status().await.unwrap();
    assert_eq!(status.pending, 1);
    let next = store.outgoing(&replica, Cursor::Hub, at).await.unwrap();
    assert_eq!(next.len(), 2, "the hub has not received the first one yet");
    assert_eq!(next[1].prev_sha256, next[0].sha256);
    store
        .mark_sent(Cursor::Hub, next[1].last, at)
        .await
        .unwrap();
    assert!(store
        .outgoing(&replica, Cursor::Hub, at)
        .await
        .unwrap()
        .is_empty());
    // A cursor never moves back.
    store.mark_sent(Cursor::Hub, 1, at).await.unwrap();
    assert!(store
        .outgoing(&replica, Cursor::Hub, at)
        .await
        .unwrap()
        .is_empty());
}

/// A sync reads the outbox from the bundle holding the first unsent action
/// on, not every bundle ever sealed; a cursor inside a bundle still gets
/// that whole bundle (bundles never split an action, and a receiver skips
/// what it holds).
#[wasm_bindgen_test]
async fn a_sync_reads_the_outbox_from_the_first_unsent_bundle_on() {
    use ventanilla::store::cursor::Cursor;
    let store = fresh("t-outbox-from").await;
    let replica = RefCell::new(store.load(|| DeviceId(6)).await.unwrap().replica);
    let at = "2026-11-23T00:00:00Z";
    let mut sealed = Vec::new();
    for round in 0..3u128 {
        for i in 0..2u128 {
            store
                .commit(
                    &replica,
                    vec![write(300 + round * 10 + i, "name", json!("N"))],
                    1_700_000_000_000,
                )
                .await
                .unwrap();
        }
        // Each round seals one bundle of two actions: 1..=2, 3..=4, 5..=6.
        sealed = store.outgoing(&replica, Cursor::Hub, at).await.unwrap();
    }
    let ranges: Vec<(u64, u64)> = sealed.iter().map(|b| (b.first, b.last)).collect();
    assert_eq!(ranges, vec![(1, 2), (3, 4), (5, 6)]);
    let unsent = |sent: u64| {
        let (store, replica) = (&store, &replica);
        async move {
            store.mark_sent(Cursor::Hub, sent, at).await.unwrap();
            store
                .outgoing(replica, Cursor::Hub, at)
                .await
                .unwrap()
                .iter()
                .map(|b| b.first)
                .collect::<Vec<u64>>()
        }
    };
    assert_eq!(unsent(2).await, vec![3, 5], "the first bundle is sent");
    assert_eq!(
        unsent(3).await,
        vec![3, 5],
        "inside a bundle: all of it again"
    );
    assert_eq!(unsent(4).await, vec![5]);
    assert_eq!(unsent(6).await, Vec::<u64>::new());
}

#[wasm_bindgen_test]
async fn a_store_in_the_older_bucket_layout_is_rebucketed_once_and_loses_nothing() {
    use ventanilla::sync::stored::{bucket_of, encode_bucket, encode_view};
    use ventanilla::sync::{Replica, LAYOUT};
    use wasm_bindgen::JsValue;
    let name = "t-layout";
    let _ = idb::delete(name).await;
    // Layout 1: records rested in bucket `id % 512` whatever their kind, and
    // `meta` had no `layout`.
    let mut old = Replica::new(DeviceId(9));
    old.commit(
        vec![
            write(1000, "name", json!("Ana")),
            Write {
                kind: "contact".into(),
                id: RecordId(1000 + 512 * 3),
                field: "summary".into(),
                value: json!("llamó"),
            },
        ],
        1_700_000_000_000,
    );
    // The database as that version made it.
    let db = idb::open(name, 3, |db, _| {
        for s in ["meta", "buckets", "views", "actions", "bundles", "outbox"] {
            let _ = db.create_object_store(s);
        }
    })
    .await
    .unwrap();
    let stores = js_sys::Array::of3(&"buckets".into(), &"views".into(), &"meta".into());
    let tx = db
        .transaction_with_str_sequence_and_mode(&stores, web_sys::IdbTransactionMode::Readwrite)
        .unwrap();
    let done = idb::completion(&tx);
    let old_key = JsValue::from(1000 % 512);
    let text = encode_bucket(old.state.iter());
    tx.object_store("buckets")
        .unwrap()
        .put_with_key(&text.into(), &old_key)
        .unwrap();
    let view = encode_view(old.state.iter());
    tx.object_store("views")
        .unwrap()
        .put_with_key(&view.into(), &old_key)
        .unwrap();
    let clock = serde_json::to_string(&old.clock).unwrap();
    tx.object_store("meta")
        .unwrap()
        .put_with_key(&clock.into(), &"clock".into())
        .unwrap();
    tx.object_store("meta")
        .unwrap()
        .put_with_key(&"1".into(), &"seq".into())
        .unwrap();
    done.await.unwrap();
    db.close();

    let store = Store::open_named(name).await.unwrap();
    let loaded = store.load(|| DeviceId(77)).await.unwrap();
    assert!(!loaded.new_device);
    assert_eq!(store.meta_get::<u32>("layout").await.unwrap(), Some(LAYOUT));
    assert_eq!(
        store.load_state().await.unwrap(),
        old.state,
        "every record and stamp kept"
    );
    let views = store.load_views().await.unwrap();
    let all_views = views.join("");
    assert!(all_views.contains("Ana") && all_views.contains("llamó"));
    // Each record now rests in its kind's bucket, and only there.
    let customer_bucket = bucket_of("customer", RecordId(1000));
    let contact_bucket = bucket_of("contact", RecordId(1000 + 512 * 3));
    assert_ne!(customer_bucket, contact_bucket);
    assert_eq!(views.len(), 2, "two rows: one per kind's bucket");
    // Opening again does not redo it.
    store.load(|| DeviceId(78)).await.unwrap();
    assert_eq!(store.load_views().await.unwrap().len(), 2);
}

/// Settings → Storage: every part of the database with its rows and the
/// length of their text, read a page at a time (more rows than one page).
#[wasm_bindgen_test]
async fn every_part_of_the_database_is_measured_page_by_page() {
    use ventanilla::store::usage::Part;
    let store = fresh("t-usage").await;
    let replica = RefCell::new(store.load(|| DeviceId(5)).await.unwrap().replica);
    let empty = store.usage().await.unwrap();
    assert_eq!(
        empty.iter().map(|u| u.part).collect::<Vec<_>>(),
        Part::ALL.to_vec()
    );
    let records = |u: &[ventanilla::store::usage::PartUsage], part| {
        u.iter().find(|u| u.part == part).map(|u| (u.rows, u.chars))
    };
    assert_eq!(records(&empty, Part::Records), Some((0, 0.0)));

    // 300 customers land in far more buckets than one page reads.
    let writes: Vec<Write> = (1..=300u128)
        .map(|i| write(i * 7919, "name", json!(format!("Cliente {i}"))))
        .collect();
    store
        .commit(&replica, writes, 1_700_000_000_000)
        .await
        .unwrap();
    let usage = store.usage().await.unwrap();
    let (buckets, bucket_chars) = records(&usage, Part::Records).unwrap();
    let (views, view_chars) = records(&usage, Part::Views).unwrap();
    assert!(
        buckets > 32,
        "only {buckets} bucket rows: paging is not exercised"
    );
    assert_eq!(buckets, views, "a view row beside every bucket row");
    assert!(bucket_chars > view_chars, "the buckets carry stamps too");
    assert!(view_chars > 300.0 * "Cliente 1".len() as f64);
    assert_eq!(records(&usage, Part::Actions).map(|r| r.0), Some(1));

    // One more customer: the parts grow, nothing is counted twice.
    store
        .commit(
            &replica,
            vec![write(1, "name", json!("Otra"))],
            1_700_000_001_000,
        )
        .await
        .unwrap();
    let after = store.usage().await.unwrap();
    assert_eq!(records(&after, Part::Actions).map(|r| r.0), Some(2));
    assert!(records(&after, Part::Records).unwrap().0 <= buckets + 1);
    assert!(records(&after, Part::Views).unwrap().1 > view_chars);
}
