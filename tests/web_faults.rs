//! Browser tests (headless Chromium via wasm-bindgen-test) of storage and
//! network faults: a database deleted or upgraded
//! under an open tab is reported as lost and every later save says so at
//! once; imports and pulls reach the other tabs; the online state needs
//! evidence, and its re-probe backs off.
#![cfg(target_arch = "wasm32")]

use serde_json::json;
use std::cell::RefCell;
use std::rc::Rc;
use ventanilla::store::lost::Lost;
use ventanilla::store::records::{Store, StoreError};
use ventanilla::store::tabs::{News, Tabs, MAX_NEWS_RECORDS};
use ventanilla::store::{idb, platform};
use ventanilla::sync::{DeviceId, RecordId, Write};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn write(id: u128, name: &str) -> Write {
    Write {
        kind: "customer".into(),
        id: RecordId(id),
        field: "name".into(),
        value: json!(name),
    }
}

async fn opened(name: &str) -> (Store, RefCell<ventanilla::sync::Replica>) {
    let _ = idb::delete(name).await;
    let store = Store::open_named(name).await.expect("database opens");
    let replica = RefCell::new(store.load(|| DeviceId(7)).await.unwrap().replica);
    (store, replica)
}

async fn until(mut done: impl FnMut() -> bool) {
    for _ in 0..100 {
        if done() {
            return;
        }
        gloo_timers::future::TimeoutFuture::new(10).await;
    }
}

#[wasm_bindgen_test]
async fn storage_fault_a_database_deleted_under_the_tab_is_lost_and_saves_say_reload() {
    let (store, replica) = opened("t-lost-deleted").await;
    store
        .commit(&replica, vec![write(1, "Ana")], 1_700_000_000_000)
        .await
        .unwrap();
    let told: Rc<RefCell<Vec<Lost>>> = Rc::default();
    let sink = told.clone();
    store.on_lost(move |why| sink.borrow_mut().push(why));

    // Another tab (here: another connection) deletes the database.
    idb::delete("t-lost-deleted")
        .await
        .expect("the open tab steps aside, so the delete is not blocked");
    until(|| !told.borrow().is_empty()).await;
    assert_eq!(told.borrow().as_slice(), &[Lost::Deleted], "told once");
    assert_eq!(store.lost(), Some(Lost::Deleted));

    // Every later save fails at once with the reason, not "try again".
    for _ in 0..2 {
        let again = store
            .commit(&replica, vec![write(2, "Luis")], 1_700_000_000_100)
            .await;
        assert_eq!(again.unwrap_err(), StoreError::Lost(Lost::Deleted));
    }
    assert!(matches!(
        store.load_views().await,
        Err(StoreError::Lost(Lost::Deleted))
    ));
}

#[wasm_bindgen_test]
async fn storage_fault_a_newer_version_in_another_tab_takes_the_database_over() {
    let (store, _replica) = opened("t-lost-upgraded").await;
    // A newer app version opens the same database with a higher version.
    let newer = idb::open("t-lost-upgraded", 1_000, |_, _| {})
        .await
        .expect("the open tab steps aside, so the upgrade is not blocked");
    until(|| store.lost().is_some()).await;
    assert_eq!(store.lost(), Some(Lost::Upgraded));
    assert!(matches!(
        store.action_count().await,
        Err(StoreError::Lost(Lost::Upgraded))
    ));
    newer.close();
    let _ = idb::delete("t-lost-upgraded").await;
}

#[wasm_bindgen_test]
async fn storage_fault_a_tab_running_an_older_version_is_told_a_newer_one_took_over() {
    // This tab's cached shell is older than the database a newer version
    // already upgraded: opening fails with VersionError, said as an upgrade.
    let _ = idb::delete("t-lost-older").await;
    let newer = idb::open("t-lost-older", 1_000, |_, _| {}).await.unwrap();
    newer.close();
    let opened = Store::open_named("t-lost-older").await;
    assert_eq!(opened.err(), Some(StoreError::Lost(Lost::Upgraded)));
    let _ = idb::delete("t-lost-older").await;
}

#[wasm_bindgen_test]
async fn storage_fault_a_listener_registered_after_the_loss_still_hears_it() {
    let (store, _replica) = opened("t-lost-late").await;
    idb::delete("t-lost-late").await.unwrap();
    until(|| store.lost().is_some()).await;
    let told: Rc<RefCell<Vec<Lost>>> = Rc::default();
    let sink = told.clone();
    store.on_lost(move |why| sink.borrow_mut().push(why));
    assert_eq!(told.borrow().as_slice(), &[Lost::Deleted]);
}

#[wasm_bindgen_test]
async fn cross_tab_news_an_import_reaches_the_other_tabs_and_a_big_one_asks_for_a_reload() {
    let heard: Rc<RefCell<Vec<News>>> = Rc::default();
    let sink = heard.clone();
    let listener = Tabs::new("t-arrived", move |n| sink.borrow_mut().push(n));
    let sender = Tabs::new("t-arrived", |_| {});

    assert_eq!(News::arrived(&[]), None, "nothing changed: nothing to say");
    let few = vec![(
        "customer".to_string(),
        RecordId(1),
        Some(json!({"name": "Ana"})),
    )];
    let small = News::arrived(&few).expect("some news");
    assert_eq!(small, News::Arrived { changed: few });
    let many: Vec<_> = (0..=MAX_NEWS_RECORDS as u128)
        .map(|i| ("customer".to_string(), RecordId(i), None))
        .collect();
    let big = News::arrived(&many).expect("some news");
    assert_eq!(big, News::ReloadAll, "too many records are not sent");

    sender.announce(&small);
    sender.announce(&big);
    until(|| heard.borrow().len() >= 2).await;
    assert_eq!(heard.borrow().as_slice(), &[small, big]);
    drop(listener);
}

#[wasm_bindgen_test]
async fn cross_tab_news_a_tab_reloading_reads_every_stored_record() {
    let (store, replica) = opened("t-load-views").await;
    store
        .commit(
            &replica,
            vec![write(1, "Ana"), write(2, "Luis")],
            1_700_000_000_000,
        )
        .await
        .unwrap();
    let mut model = ventanilla::domain::Model::default();
    for row in store.load_views().await.unwrap() {
        model.load_view(&row).unwrap();
    }
    assert_eq!(model.customers.len(), 2);
    assert_eq!(model.customers[&RecordId(2)].name, "Luis");
}

#[wasm_bindgen_test]
async fn connectivity_an_answer_that_is_not_the_probe_file_is_not_online() {
    // The test runner's server has no online.txt: it answers 404, as a
    // captive portal or a wrong host answers something else. Not evidence.
    assert!(!platform::probe_online().await);
}

#[wasm_bindgen_test]
fn connectivity_re_probes_back_off_while_offline_and_never_loop_hot() {
    let offline: Vec<u32> = (1..=8)
        .map(|n| platform::probe_delay_ms(false, n))
        .collect();
    assert_eq!(
        offline,
        vec![2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000, 60_000]
    );
    assert_eq!(platform::probe_delay_ms(false, 0), 2_000);
    assert_eq!(platform::probe_delay_ms(false, u32::MAX), 60_000);
    assert_eq!(platform::probe_delay_ms(true, 0), 5 * 60_000);
    assert!((0..=u32::MAX)
        .step_by(65_537)
        .all(|n| platform::probe_delay_ms(false, n) >= 2_000));
}
