//! Browser tests (headless Chromium via wasm-bindgen-test) of the IndexedDB
//! layer itself (`store::idb`): a request's and a transaction's handlers are
//! taken off once the outcome is in, success or failure. A handler left on
//! (the error handler of a request that succeeded) kept its request, and so
//! the request's result, alive for good: every save leaked the bucket text
//! it read, and start-up all the view rows it read (140 MB of JS heap at a
//! branch's size).
#![cfg(target_arch = "wasm32")]

use ventanilla::store::idb;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;
use web_sys::{IdbRequest, IdbTransaction, IdbTransactionMode};

wasm_bindgen_test_configure!(run_in_browser);

fn request_is_bare(r: &IdbRequest) -> bool {
    r.onsuccess().is_none() && r.onerror().is_none()
}

fn transaction_is_bare(t: &IdbTransaction) -> bool {
    t.oncomplete().is_none() && t.onabort().is_none()
}

#[wasm_bindgen_test]
async fn handlers_are_taken_off_once_a_request_or_transaction_ends() {
    let _ = idb::delete("t-idb").await;
    let db = idb::open("t-idb", 1, |db, _| {
        let _ = db.create_object_store("s");
    })
    .await
    .expect("database opens");
    let mode = IdbTransactionMode::Readwrite;

    // Succeeds: the request's and the transaction's handlers are gone.
    let tx = db.transaction_with_str_and_mode("s", mode).unwrap();
    let done = idb::completion(&tx);
    let store = tx.object_store("s").unwrap();
    let put = store.put_with_key(&"hola".into(), &1.into()).unwrap();
    assert_eq!(idb::request(&put).await.unwrap(), JsValue::from(1));
    assert!(request_is_bare(&put));
    done.await.expect("commits");
    assert!(transaction_is_bare(&tx));

    // Fails: an `add` under a key that exists aborts the transaction; the
    // error still arrives, and every handler is gone too.
    let tx = db.transaction_with_str_and_mode("s", mode).unwrap();
    let done = idb::completion(&tx);
    let store = tx.object_store("s").unwrap();
    let add = store.add_with_key(&"otra".into(), &1.into()).unwrap();
    let err = idb::request(&add).await.unwrap_err();
    assert_eq!(err.name, "ConstraintError");
    assert!(request_is_bare(&add));
    assert_eq!(done.await.unwrap_err().name, "ConstraintError");
    assert!(transaction_is_bare(&tx));

    // What was there before is intact.
    let tx = db.transaction_with_str("s").unwrap();
    let get = tx.object_store("s").unwrap().get(&1.into()).unwrap();
    assert_eq!(idb::request(&get).await.unwrap(), JsValue::from("hola"));
    db.close();
}
