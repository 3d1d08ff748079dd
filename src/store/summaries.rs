//! The buckets' summaries (`sync::summary`): the conflicts and the devices a
//! screen shows, read without decoding every bucket. Sync and Reports read
//! them; only the buckets of records with a conflict are then read whole.

use super::idb;
use super::records::{js_err, read_buckets, report_skipped, Store, StoreError, BUCKETS, SUMMARIES};
use crate::sync::stored::decode_bucket_into;
use crate::sync::summary::{BucketSummary, Summaries};
use crate::sync::{RecordKey, State};
use std::collections::BTreeSet;
use wasm_bindgen::JsValue;
use web_sys::IdbObjectStore;

impl Store {
    /// Every bucket's summary, in one read transaction. A bucket whose
    /// summary is missing or unreadable is summarised from the bucket
    /// itself (and the damage reported in the console), so no conflict and
    /// no device is left out.
    pub async fn summaries(&self) -> Result<Summaries, StoreError> {
        let tx = self.tx(&[BUCKETS, SUMMARIES], false)?;
        let buckets = tx.object_store(BUCKETS).map_err(js_err)?;
        let summaries = tx.object_store(SUMMARIES).map_err(js_err)?;
        let stored = bucket_numbers(&buckets).await?;
        let keys = bucket_numbers(&summaries).await?;
        let rows = idb::request(&summaries.get_all().map_err(js_err)?).await?;
        let mut out = Summaries::default();
        let mut summarised = BTreeSet::new();
        for (key, row) in keys.iter().zip(js_sys::Array::from(&rows).iter()) {
            let Some(b) = key else { continue };
            match row.as_string().as_deref().map(BucketSummary::decode) {
                Some(Ok(s)) => {
                    out.add(&s);
                    summarised.insert(*b);
                }
                Some(Err(e)) => web_sys::console::warn_1(&format!("bucket {b}: {e}").into()),
                None => {}
            }
        }
        for b in stored.into_iter().flatten() {
            if summarised.contains(&b) {
                continue;
            }
            let row = idb::request(&buckets.get(&JsValue::from(b)).map_err(js_err)?).await?;
            if let Some(text) = row.as_string() {
                let mut state = State::default();
                report_skipped(&decode_bucket_into(&text, &mut state)?);
                out.add(&BucketSummary::of(state.iter()));
            }
        }
        Ok(out)
    }

    /// The stored state of the buckets `records` rest in, and of no other:
    /// what showing those records' conflicts needs.
    pub async fn read_records<'a>(
        &self,
        records: impl Iterator<Item = &'a RecordKey>,
    ) -> Result<State, StoreError> {
        let tx = self.tx(&[BUCKETS], false)?;
        let (_, state) = read_buckets(&tx, records.map(|k| (k.kind.as_str(), k.id))).await?;
        Ok(state)
    }
}

/// A store's keys as bucket numbers (None for a key no version writes).
async fn bucket_numbers(store: &IdbObjectStore) -> Result<Vec<Option<u32>>, StoreError> {
    let keys = idb::request(&store.get_all_keys().map_err(js_err)?).await?;
    Ok(js_sys::Array::from(&keys)
        .iter()
        .map(|k| {
            k.as_f64()
                .filter(|n| n.fract() == 0.0 && *n >= 0.0 && *n <= f64::from(u32::MAX))
                .map(|n| n as u32)
        })
        .collect())
}
