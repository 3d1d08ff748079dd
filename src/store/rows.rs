//! A bucket's two view rows, written together: the open one start-up reads,
//! and its history (`domain::history`). A leaf: every path that writes
//! records (a save, an import, a full rewrite, the layout migration) uses it.

use crate::sync::stored::ViewRows;
use wasm_bindgen::JsValue;
use web_sys::{IdbObjectStore, IdbTransaction};

/// The object stores of the two rows (`records::VIEWS`, `records::HISTORY`).
pub(crate) struct RowStores {
    views: IdbObjectStore,
    history: IdbObjectStore,
}

impl RowStores {
    pub(crate) fn of(
        tx: &IdbTransaction,
        views: &str,
        history: &str,
    ) -> Result<RowStores, JsValue> {
        Ok(RowStores {
            views: tx.object_store(views)?,
            history: tx.object_store(history)?,
        })
    }

    /// Writes both rows; no history row when the bucket holds no closed record.
    pub(crate) fn put(&self, bucket: u32, rows: &ViewRows) -> Result<(), JsValue> {
        let key = JsValue::from(bucket);
        self.views
            .put_with_key(&JsValue::from_str(&rows.open), &key)?;
        if rows.closed == "{}" {
            self.history.delete(&key)?;
        } else {
            self.history
                .put_with_key(&JsValue::from_str(&rows.closed), &key)?;
        }
        Ok(())
    }

    pub(crate) fn clear(&self) -> Result<(), JsValue> {
        self.views.clear()?;
        self.history.clear()?;
        Ok(())
    }
}
