//! What each part of the database holds: its rows and the length of their
//! text. Settings shows it on request. Read a page of rows at a time, so a
//! large store is never held in memory at once.

use super::idb;
use super::records::{
    js_err, Store, StoreError, ACTIONS, BUCKETS, BUNDLES, HISTORY, META, OUTBOX, SUMMARIES, VIEWS,
};
use wasm_bindgen::{JsCast, JsValue};

/// The parts of the database, as a person would name them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    /// Every record with every field's stamp (`buckets`).
    Records,
    /// The open records' current values, what start-up reads (`views`).
    Views,
    /// The closed records' current values, read when asked (`history`).
    History,
    /// What each bucket's stamps say: conflicts, devices (`summaries`).
    Summaries,
    /// The log of every action taken on this device (`actions`).
    Actions,
    /// This device's changes sealed for other devices (`outbox`).
    Outbox,
    /// Bundles imported or exported (`bundles`).
    Bundles,
    /// The clock, sequence and cursors (`meta`).
    Meta,
}

impl Part {
    pub const ALL: [Part; 8] = [
        Part::Records,
        Part::Views,
        Part::History,
        Part::Summaries,
        Part::Actions,
        Part::Outbox,
        Part::Bundles,
        Part::Meta,
    ];

    fn store(self) -> &'static str {
        match self {
            Part::Records => BUCKETS,
            Part::Views => VIEWS,
            Part::History => HISTORY,
            Part::Summaries => SUMMARIES,
            Part::Actions => ACTIONS,
            Part::Outbox => OUTBOX,
            Part::Bundles => BUNDLES,
            Part::Meta => META,
        }
    }
}

/// One part's rows and the length of their text (UTF-16 code units, as the
/// browser holds a string; it may store them compressed on disk).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PartUsage {
    pub part: Part,
    pub rows: u32,
    pub chars: f64,
}

/// Rows read per request: a bucket row is at most a few hundred KB.
const PAGE: u32 = 32;

impl Store {
    /// Every part's rows and text length, in one read-only transaction.
    pub async fn usage(&self) -> Result<Vec<PartUsage>, StoreError> {
        let stores: Vec<&str> = Part::ALL.iter().map(|p| p.store()).collect();
        let tx = self.tx(&stores, false)?;
        let mut out = Vec::with_capacity(Part::ALL.len());
        for part in Part::ALL {
            let store = tx.object_store(part.store()).map_err(js_err)?;
            let (rows, chars) = measure(&store).await?;
            out.push(PartUsage { part, rows, chars });
        }
        Ok(out)
    }
}

/// Pages through one store by key: each page's keys, then its values.
async fn measure(store: &web_sys::IdbObjectStore) -> Result<(u32, f64), StoreError> {
    let (mut rows, mut chars) = (0u32, 0f64);
    let mut range = JsValue::NULL;
    loop {
        let keys = idb::request(
            &store
                .get_all_keys_with_key_and_limit(&range, PAGE)
                .map_err(js_err)?,
        )
        .await?;
        let values = idb::request(
            &store
                .get_all_with_key_and_limit(&range, PAGE)
                .map_err(js_err)?,
        )
        .await?;
        for value in js_sys::Array::from(&values).iter() {
            rows = rows.saturating_add(1);
            chars += value
                .dyn_ref::<js_sys::JsString>()
                .map_or(0, |s| s.length()) as f64;
        }
        let keys = js_sys::Array::from(&keys);
        let count = keys.length();
        if count < PAGE {
            return Ok((rows, chars));
        }
        range = web_sys::IdbKeyRange::lower_bound_with_open(&keys.get(count - 1), true)
            .map_err(js_err)?
            .into();
    }
}
