//! Issue 10 items 2 and 8 in the browser, against a real IndexedDB: the
//! bundle that poisoned the store is refused with a message and saving
//! goes on; a store an older version already poisoned still saves, imports
//! and loads; a file too large is refused before it is read.
#![cfg(target_arch = "wasm32")]

use serde_json::{json, Value};
use std::cell::RefCell;
use ventanilla::domain::Model;
use ventanilla::store::bundles::read_file;
use ventanilla::store::idb;
use ventanilla::store::records::Store;
use ventanilla::sync::bundle::{
    make_delta_bundles, BundleError, Limit, MAX_BUNDLE_BYTES, MAX_VALUE_DEPTH,
};
use ventanilla::sync::stored::bucket_of;
use ventanilla::sync::{DeviceId, Op, RecordId, Replica, Stamp, Write};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const NOW_MS: u64 = 1_763_805_600_000;

fn nested(depth: usize) -> Value {
    (0..depth).fold(json!("x"), |v, _| json!([v]))
}

fn write(id: u128, field: &str, value: Value) -> Write {
    Write {
        kind: "customer".into(),
        id: RecordId(id),
        field: field.into(),
        value,
    }
}

/// Another device's delta setting one field, as a file's text.
fn delta(device: u64, id: u128, field: &str, value: Value) -> String {
    let op = Op {
        stamp: Stamp {
            ms: NOW_MS - 1_000,
            counter: 0,
            device: DeviceId(device),
        },
        kind: "customer".into(),
        id: RecordId(id),
        field: field.into(),
        value,
        p: None,
    };
    let b = make_delta_bundles(
        DeviceId(device),
        1,
        &[(1, vec![op])],
        "",
        1,
        "2026-11-22T10:00:00Z",
    );
    b[0].to_json()
}

async fn fresh(name: &str) -> (Store, RefCell<Replica>) {
    let _ = idb::delete(name).await;
    let store = Store::open_named(name).await.expect("database opens");
    let replica = RefCell::new(store.load(|| DeviceId(42)).await.unwrap().replica);
    (store, replica)
}

/// A customer id resting in the same bucket as customer 1.
fn neighbour() -> u128 {
    let b = bucket_of("customer", RecordId(1));
    (2..100_000u128)
        .find(|i| bucket_of("customer", RecordId(*i)) == b)
        .unwrap()
}

#[wasm_bindgen_test]
async fn the_nested_bundle_is_refused_with_a_message_and_saving_still_works() {
    let (store, replica) = fresh("t-poison-refused").await;
    store
        .commit(&replica, vec![write(1, "name", json!("Ana"))], NOW_MS)
        .await
        .unwrap();
    // The bundle: a value nested 123 deep, in the same bucket.
    let text = delta(0xbad, neighbour(), "x", nested(123));
    let verdicts = store.check_files(&replica, &[text], NOW_MS).await.unwrap();
    let refusal = verdicts.into_iter().next().unwrap().err().expect("refused");
    assert_eq!(
        refusal,
        BundleError::BadValue {
            kind: "customer".into(),
            field: "x".into(),
            at: String::new(),
            limit: Limit::TooDeep {
                max: MAX_VALUE_DEPTH
            },
        }
    );
    assert!(
        refusal.to_string().contains("nested deeper than 16"),
        "{refusal}"
    );
    // Nothing of it was stored: the next save into that bucket works.
    store
        .commit(
            &replica,
            vec![write(1, "email", json!("ana@x.es"))],
            NOW_MS + 1,
        )
        .await
        .expect("saving still works");
    let state = store.load_state().await.unwrap();
    assert_eq!(state.len(), 1);
    assert_eq!(
        state.get("customer", RecordId(1)).unwrap().get("email"),
        Some(&json!("ana@x.es"))
    );
}

#[wasm_bindgen_test]
async fn a_store_an_older_version_poisoned_still_saves_imports_and_loads() {
    let (store, replica) = fresh("t-poison-legacy").await;
    let bad = neighbour();
    // What the older reader let through and stored: the whole bucket row
    // then failed with "recursion limit exceeded".
    let mut old = replica.borrow().clone();
    old.commit(
        vec![
            write(1, "name", json!("Ana")),
            write(bad, "name", json!("Eve")),
            write(bad, "x", nested(123)),
        ],
        NOW_MS,
    );
    store.write_everything(&old).await.unwrap();
    *replica.borrow_mut() = Replica {
        state: Default::default(),
        ..old
    };
    // A save into that bucket ("Add person", an edit) works...
    store
        .commit(
            &replica,
            vec![write(1, "email", json!("ana@x.es"))],
            NOW_MS + 1,
        )
        .await
        .expect("a save into the poisoned bucket");
    // ...and so does an import touching it, and an export of everything.
    let good = delta(0x600d, 1, "source", json!("feria"));
    let checked: Vec<_> = store
        .check_files(&replica, &[good], NOW_MS + 2)
        .await
        .unwrap()
        .into_iter()
        .map(|v| v.expect("a sound bundle"))
        .collect();
    store
        .import(&replica, &checked, NOW_MS + 2)
        .await
        .expect("import");
    let snapshot = store
        .export_snapshot(&replica, "2026-11-22T10:00:00Z")
        .await
        .expect("export");
    assert!(snapshot[0].payload.contains("feria"));
    // Start-up reads the views: the good record whole, nothing failing.
    store.load(|| DeviceId(1)).await.unwrap();
    let mut model = Model::default();
    for row in &store.load_views().await.unwrap() {
        let read = model.load_view_report(row).expect("every view row reads");
        assert!(read.skipped.is_empty(), "{:?}", read.skipped);
    }
    let ana = &model.customers[&RecordId(1)];
    assert_eq!(
        (ana.email.as_str(), ana.source.as_str()),
        ("ana@x.es", "feria")
    );
    assert!(
        !model.customers.contains_key(&RecordId(bad)),
        "the unreadable one is left out"
    );
}

#[wasm_bindgen_test]
async fn a_file_over_the_bundle_limit_is_refused_before_it_is_read() {
    let parts = js_sys::Array::of1(&"a".repeat(MAX_BUNDLE_BYTES + 1).into());
    let file = web_sys::File::new_with_str_sequence(&parts, "huge.json").unwrap();
    assert_eq!(
        read_file(&file).await,
        Err(BundleError::TooLarge {
            bytes: MAX_BUNDLE_BYTES + 1,
            max: MAX_BUNDLE_BYTES
        })
    );
    let parts = js_sys::Array::of1(&"{}".into());
    let small = web_sys::File::new_with_str_sequence(&parts, "small.json").unwrap();
    assert_eq!(read_file(&small).await, Ok("{}".to_string()));
}

/// The bundle texts.
fn texts(bundles: Vec<ventanilla::sync::bundle::Bundle>) -> Vec<String> {
    bundles.iter().map(|b| b.to_json()).collect()
}

/// Checks and imports files, as the Sync page does.
async fn carry(files: Vec<String>, store: &Store, replica: &RefCell<Replica>) {
    let checked: Vec<_> = store
        .check_files(replica, &files, NOW_MS)
        .await
        .unwrap()
        .into_iter()
        .map(|c| c.unwrap())
        .collect();
    store.import(replica, &checked, NOW_MS).await.unwrap();
}

/// The ranges of the bundles in the outbox (read through the hub's
/// cursor, which never moves in the test below: it sees every bundle).
async fn outbox(store: &Store, replica: &RefCell<Replica>) -> Vec<(u64, u64)> {
    use ventanilla::store::cursor::Cursor;
    let at = "2026-11-23T00:00:00Z";
    let out = store.outgoing(replica, Cursor::Hub, at).await.unwrap();
    out.iter().map(|b| (b.first, b.last)).collect()
}

/// Issue 17, the outbox does not grow forever (`sync::prune`): device A's
/// sealed bundles stay while a device whose files A imported (B) has not
/// shown it holds them, and go once a snapshot covers them and B's own
/// snapshot shows it does. A transport that never carried them is told;
/// an unreadable fact prunes nothing.
#[wasm_bindgen_test]
async fn the_outbox_keeps_bundles_until_a_snapshot_and_every_known_peer_hold_them() {
    use ventanilla::store::cursor::Cursor;
    use ventanilla::sync::prune::Waiting;
    let at = "2026-11-23T00:00:00Z";
    let (a, ra) = fresh("t-prune-a").await;
    let _ = idb::delete("t-prune-b").await;
    let b = Store::open_named("t-prune-b").await.unwrap();
    let rb = RefCell::new(b.load(|| DeviceId(7)).await.unwrap().replica);
    for i in 0..4u128 {
        a.commit(&ra, vec![write(500 + i, "name", json!("A"))], NOW_MS)
            .await
            .unwrap();
    }
    // A's changes go to B as a file; B's one change comes back as a file.
    let changes = a.outgoing(&ra, Cursor::File, at).await.unwrap();
    a.mark_sent(Cursor::File, 4, at).await.unwrap();
    carry(texts(changes), &b, &rb).await;
    b.commit(&rb, vec![write(600, "name", json!("B"))], NOW_MS)
        .await
        .unwrap();
    let back = b.outgoing(&rb, Cursor::File, at).await.unwrap();
    carry(texts(back), &a, &ra).await;
    let state = a.outbox_state().await.unwrap();
    assert_eq!(state.waiting, Some(Waiting::Snapshot), "no snapshot yet");
    // A snapshot of A covers 1..=4, but B has not shown what it holds.
    a.mark_sent(Cursor::Snapshot, 4, at).await.unwrap();
    assert_eq!(outbox(&a, &ra).await, vec![(1, 4)]);
    let state = a.outbox_state().await.unwrap();
    assert_eq!(state.waiting, Some(Waiting::Peer(DeviceId(7))));
    assert_eq!(state.pruned_seq, 0);
    // B's snapshot, imported here, shows it holds A's 1..=4: they go.
    let snapshot = b.export_snapshot(&rb, at).await.unwrap();
    carry(texts(snapshot), &a, &ra).await;
    assert_eq!(outbox(&a, &ra).await, Vec::<(u64, u64)>::new());
    let state = a.outbox_state().await.unwrap();
    assert_eq!((state.pruned_seq, state.waiting), (4, None));
    // The next changes are sealed and kept as before; the hub, which never
    // carried 1..=4, is told they are gone; the changes file is not.
    a.commit(&ra, vec![write(510, "name", json!("A2"))], NOW_MS)
        .await
        .unwrap();
    assert_eq!(outbox(&a, &ra).await, vec![(5, 5)]);
    assert_eq!(a.pruned_before(Cursor::Hub).await.unwrap(), Some(4));
    assert_eq!(a.pruned_before(Cursor::File).await.unwrap(), None);
    // A hub used from now on gets them in a snapshot, once (`hub::sync`).
    assert!(a.hub_lacks_pruned().await.unwrap());
    a.mark_snapshot_on_hub(5).await.unwrap();
    assert!(!a.hub_lacks_pruned().await.unwrap());
    // Covered by a snapshot, but no changes file carried 5 yet: it stays,
    // for whoever takes A's changes files (they may never write back).
    assert_eq!(outbox(&a, &ra).await, vec![(5, 5)]);
    let state = a.outbox_state().await.unwrap();
    assert_eq!(state.waiting, Some(Waiting::Files));
    // A stored fact that cannot be read prunes nothing, and a later import
    // from a peer does not write over it (it could forget another peer).
    a.meta_put("peers", &"not a list of devices").await.unwrap();
    a.mark_sent(Cursor::Snapshot, 5, at).await.unwrap();
    carry(texts(b.export_snapshot(&rb, at).await.unwrap()), &a, &ra).await;
    assert_eq!(outbox(&a, &ra).await, vec![(5, 5)]);
    let peers: Option<String> = a.meta_get("peers").await.unwrap();
    assert_eq!(peers.as_deref(), Some("not a list of devices"));
    // A new device C gets A's next changes file: the preview says A's
    // earlier changes are missing; with a snapshot holding them, they are not.
    let _ = idb::delete("t-prune-c").await;
    let c = Store::open_named("t-prune-c").await.unwrap();
    let rc = RefCell::new(c.load(|| DeviceId(9)).await.unwrap().replica);
    let next = texts(a.outgoing(&ra, Cursor::File, at).await.unwrap());
    let missing = |store: &Store, files: Vec<String>| {
        let (store, rc) = (store.clone(), &rc);
        async move {
            let checked = store.check_files(rc, &files, NOW_MS).await.unwrap();
            checked
                .into_iter()
                .map(|c| c.unwrap().missing_before)
                .collect::<Vec<_>>()
        }
    };
    assert_eq!(missing(&c, next.clone()).await, vec![true]);
    carry(texts(b.export_snapshot(&rb, at).await.unwrap()), &c, &rc).await;
    assert_eq!(missing(&c, next).await, vec![false]);
}
