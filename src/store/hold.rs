//! Test hook (`window.wasmBindings.testHoldNextImport`): the next import
//! keeps its transaction open, every write issued but not committed, for up
//! to 30 s, and marks `<html data-import-held="true">` meanwhile. An
//! end-to-end test closes the page then, and so cuts into the import at
//! the worst moment for certain instead of sleeping and hoping.

use super::idb;
use super::records::{js_err, StoreError, META};
use std::cell::Cell;
use web_sys::IdbTransaction;

const HOLD_MS: u64 = 30_000;
const MARK: &str = "data-import-held";

thread_local! {
    static HOLD_NEXT: Cell<bool> = const { Cell::new(false) };
}

pub fn hold_next_import() {
    HOLD_NEXT.with(|h| h.set(true));
}

/// Keeps `tx` active (one small request after another: a transaction only
/// commits once none is pending) when the hook asked for it.
pub(crate) async fn hold_if_asked(tx: &IdbTransaction) -> Result<(), StoreError> {
    if !HOLD_NEXT.with(|h| h.replace(false)) {
        return Ok(());
    }
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element());
    if let Some(root) = &root {
        let _ = root.set_attribute(MARK, "true");
    }
    let meta = tx.object_store(META).map_err(js_err)?;
    let until = super::platform::now_ms().saturating_add(HOLD_MS);
    while super::platform::now_ms() < until {
        idb::request(&meta.count().map_err(js_err)?).await?;
    }
    if let Some(root) = &root {
        let _ = root.remove_attribute(MARK);
    }
    Ok(())
}
