//! The rows made from a bucket, written with it: the open view row start-up
//! reads, its history (`domain::history`) and its summary (`sync::summary`).
//! A leaf: every path that writes records (a save, an import, a full
//! rewrite, the layout migration) uses it.

use super::idb::{self, IdbError};
use crate::sync::splice::StoredRows;
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

    /// Asks for bucket `b`'s row (from `buckets`) and its rows, as stored:
    /// what a save splices (`sync::splice`). The four are asked for now,
    /// so a save asks for every bucket it touches before it waits.
    pub(crate) fn ask(
        &self,
        buckets: &IdbObjectStore,
        b: u32,
    ) -> Result<impl std::future::Future<Output = Result<StoredTexts, IdbError>>, IdbError> {
        let key = JsValue::from(b);
        let ask = |store: &IdbObjectStore| {
            store
                .get(&key)
                .map(|r| idb::request(&r))
                .map_err(IdbError::from_js)
        };
        let (bucket, open, closed, summary) = (
            ask(buckets)?,
            ask(&self.views)?,
            ask(&self.history)?,
            ask(&self.summaries)?,
        );
        let text = |v: JsValue| v.as_string().unwrap_or_default();
        Ok(async move {
            Ok(StoredTexts {
                bucket: text(bucket.await?),
                open: text(open.await?),
                closed: text(closed.await?),
                summary: text(summary.await?),
            })
        })
    }

    pub(crate) fn clear(&self) -> Result<(), JsValue> {
        self.views.clear()?;
        self.history.clear()?;
        self.summaries.clear()?;
        Ok(())
    }
}

/// One bucket's stored texts, `""` for a row not there.
pub(crate) struct StoredTexts {
    pub bucket: String,
    pub open: String,
    pub closed: String,
    pub summary: String,
}

impl StoredTexts {
    pub(crate) fn rows(&self) -> StoredRows<'_> {
        StoredRows {
            bucket: &self.bucket,
            open: &self.open,
            closed: &self.closed,
            summary: &self.summary,
        }
    }
}
