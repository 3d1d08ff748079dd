//! The rows made from a bucket, written with it: the open view row start-up
//! reads, its history (`domain::history`) and its summary (`sync::summary`).
//! A leaf: every path that writes records (a save, an import, a full
//! rewrite, the layout migration) uses it.

use crate::sync::stored::ViewRows;
use wasm_bindgen::JsValue;
use web_sys::{IdbObjectStore, IdbTransaction};

/// The object stores of the rows (`records::VIEWS`, `records::HISTORY`,
/// `records::SUMMARIES`).
pub(crate) struct RowStores {
    views: IdbObjectStore,
    history: IdbObjectStore,
    summaries: IdbObjectStore,
}

impl RowStores {
    pub(crate) fn of(tx: &IdbTransaction, names: [&str; 3]) -> Result<RowStores, JsValue> {
        let [views, history, summaries] = names;
        Ok(RowStores {
            views: tx.object_store(views)?,
            history: tx.object_store(history)?,
            summaries: tx.object_store(summaries)?,
        })
    }

    /// Writes every row; no history row when the bucket holds no closed
    /// record, no summary when it holds nothing.
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
        if rows.summary.is_empty() {
            self.summaries.delete(&key)?;
        } else {
            self.summaries
                .put_with_key(&JsValue::from_str(&rows.summary.encode()), &key)?;
        }
        Ok(())
    }

    pub(crate) fn clear(&self) -> Result<(), JsValue> {
        self.views.clear()?;
        self.history.clear()?;
        self.summaries.clear()?;
        Ok(())
    }
}
