//! The record store, one IndexedDB database:
//! - `buckets`: the truth, every entity with its stamps (sync::stored);
//! - `views`: per bucket, the plain current values of the open records,
//!   parsed at start-up straight into typed records (so start-up never
//!   decodes stamps), with a trace of each closed one;
//! - `history`: per bucket, the closed records' plain values (a done
//!   contact, a visit made: `domain::history`), read when a screen asks;
//! - `summaries`: per bucket, its conflicts and devices (`sync::summary`);
//! - `actions`: this device's saved actions, the log a sync exports;
//! - `meta`: device id, clock, sequence, sync cursors and checkpoints;
//! - `bundles`: every bundle held; `outbox`: this device's own (`outbox`).
//!
//! Every save is one read-write transaction with strict durability that
//! allocates the sequence number and stamp from the stored meta, reads the
//! touched buckets, stamps against them, merges, and writes buckets, views,
//! history, summaries, action and meta together: a crash leaves the old state or the new one,
//! and two tabs never hand out the same stamp.

use super::idb::{self, IdbError};
use super::lost::Lost;
use super::rows::RowStores;
use crate::domain::base::order;
use crate::domain::history::HISTORY as HISTORY_RULES;
use crate::sync::splice::merge_rows;
use crate::sync::stored::{
    bucket_of, decode_bucket_into, encode_all, encode_all_split, encode_views, BucketRead,
    ChangedRecord, CorruptBucket, BUCKETS as BUCKET_ROWS,
};
use crate::sync::{Action, Clock, DeviceId, Replica, State, Write, LAYOUT};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{IdbDatabase, IdbObjectStore, IdbTransaction};

pub const DB_NAME: &str = "ventanilla";
/// The layouts with today's buckets and older rows made from them: 2,
/// whole views; 3, views split with each trace an object; 4, no summaries;
/// 5, a visit's trace without its time (`sync::stored::LAYOUT`).
const SAME_BUCKETS: [u32; 4] = [2, 3, 4, 5];
const DB_VERSION: u32 = 5;
pub(crate) const META: &str = "meta";
pub(crate) const BUCKETS: &str = "buckets";
pub(crate) const VIEWS: &str = "views";
/// Per bucket, the closed records kept out of start-up (`domain::history`).
pub(crate) const HISTORY: &str = "history";
/// Per bucket, what its stamps say: conflicts, devices (`sync::summary`).
pub(crate) const SUMMARIES: &str = "summaries";
/// Every store a write of records touches, the rows made from them included.
pub(crate) const RECORD_STORES: [&str; 5] = [META, BUCKETS, VIEWS, HISTORY, SUMMARIES];
pub(crate) const ACTIONS: &str = "actions";
/// One row per bundle held (imported, or exported by this device).
pub(crate) const BUNDLES: &str = "bundles";
/// This device's own delta bundles, by first sequence (`outbox`).
pub(crate) const OUTBOX: &str = "outbox";

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum StoreError {
    #[error("the browser's storage is full")]
    Quota,
    #[error("storage failed: {0}")]
    Idb(String),
    #[error("stored data could not be read: {0}")]
    Corrupt(String),
    /// The database went away under this tab (`store::lost`).
    #[error("this tab can no longer use its database: {0}")]
    Lost(super::lost::Lost),
}

impl From<IdbError> for StoreError {
    fn from(e: IdbError) -> Self {
        if e.is_quota() {
            StoreError::Quota
        } else {
            StoreError::Idb(format!("{}: {}", e.name, e.message))
        }
    }
}

impl From<CorruptBucket> for StoreError {
    fn from(e: CorruptBucket) -> Self {
        StoreError::Corrupt(e.to_string())
    }
}

pub(crate) fn js_err(v: JsValue) -> StoreError {
    IdbError::from_js(v).into()
}

/// What `load` found: the clock and sequence (the replica holds no records
/// in the browser; the model is built from the view rows after it).
pub struct Loaded {
    pub replica: Replica,
    /// True when this browser had no device yet (first run, or storage evicted).
    pub new_device: bool,
}

#[derive(Clone)]
pub struct Store {
    db: IdbDatabase,
    /// Test hook: make the next commit abort after writing, to prove
    /// atomicity; `Some(Quota)` reports it as a full disk.
    fail_next: std::rc::Rc<std::cell::Cell<Option<StoreError>>>,
    /// Set when the database is deleted or closed under this tab.
    lost: std::rc::Rc<super::lost::LostState>,
}

impl Store {
    pub async fn open() -> Result<Store, StoreError> {
        Self::open_named(DB_NAME).await
    }

    pub async fn open_named(name: &str) -> Result<Store, StoreError> {
        let db = idb::open(name, DB_VERSION, |db, old_version| {
            // Schema migrations: one arm per version step.
            if old_version < 1 {
                let _ = db.create_object_store(META);
                let _ = db.create_object_store(BUCKETS);
                let _ = db.create_object_store(VIEWS);
                let _ = db.create_object_store(ACTIONS);
            }
            if old_version < 2 {
                let _ = db.create_object_store(BUNDLES);
            }
            if old_version < 3 {
                let _ = db.create_object_store(OUTBOX);
            }
            if old_version < 4 {
                let _ = db.create_object_store(HISTORY);
            }
            if old_version < 5 {
                let _ = db.create_object_store(SUMMARIES);
            }
        })
        .await
        .map_err(on_open_error)?;
        let lost = std::rc::Rc::<super::lost::LostState>::default();
        super::lost::watch(&db, lost.clone());
        Ok(Store {
            db,
            fail_next: Default::default(),
            lost,
        })
    }

    pub(crate) fn lost_state(&self) -> &super::lost::LostState {
        &self.lost
    }

    pub fn fail_next_commit(&self) {
        self.fail_next
            .set(Some(StoreError::Idb("AbortError: test".into())));
    }

    /// Headless Chromium does not reliably enforce an overridden quota on an
    /// origin that already stores data, so the end-to-end test of the quota
    /// message aborts a real transaction and reports it as the browser would.
    pub fn fail_next_commit_as_quota(&self) {
        self.fail_next.set(Some(StoreError::Quota));
    }

    pub(crate) fn tx(&self, stores: &[&str], write: bool) -> Result<IdbTransaction, StoreError> {
        self.check_not_lost()?;
        self.tx_open(stores, write).map_err(|e| {
            if super::lost::is_closing(&e) {
                self.lost.mark(super::lost::Lost::Closed);
                StoreError::Lost(super::lost::Lost::Closed)
            } else {
                js_err(e)
            }
        })
    }

    fn tx_open(&self, stores: &[&str], write: bool) -> Result<IdbTransaction, JsValue> {
        let names = js_sys::Array::new();
        for s in stores {
            names.push(&JsValue::from_str(s));
        }
        if write {
            // `{ durability: "strict" }` waits for the disk before `complete`.
            // web-sys keeps this option behind an unstable cfg, so call the
            // standard method directly; older browsers ignore the option.
            let opts = js_sys::Object::new();
            js_sys::Reflect::set(&opts, &"durability".into(), &"strict".into())?;
            let method: js_sys::Function =
                js_sys::Reflect::get(&self.db, &"transaction".into())?.dyn_into()?;
            method
                .call3(&self.db, &names, &"readwrite".into(), &opts)?
                .dyn_into()
        } else {
            self.db.transaction_with_str_sequence(&names)
        }
    }

    /// Loads the meta; `fresh_device` is called for a new device id when the
    /// database has none (first run, or IndexedDB was evicted: a new id
    /// means a (device, sequence) pair is never reused). The records are
    /// read after it, a page at a time ([`Store::each_view_row`]).
    pub async fn load(
        &self,
        fresh_device: impl FnOnce() -> DeviceId,
    ) -> Result<Loaded, StoreError> {
        let tx = self.tx(&[META], false)?;
        let meta = tx.object_store(META).map_err(js_err)?;
        let clock = get_json::<Clock>(&meta, "clock").await?;
        let seq = get_json::<u64>(&meta, "seq").await?.unwrap_or(0);
        let layout = get_json::<u32>(&meta, "layout").await?;
        let (clock, new_device) = match clock {
            Some(c) => (c, false),
            None => (Clock::new(fresh_device()), true),
        };
        if new_device {
            let tx = self.tx(&[META], true)?;
            let done = idb::completion(&tx);
            let meta = tx.object_store(META).map_err(js_err)?;
            put_json(&meta, "clock", &clock)?;
            put_json(&meta, "layout", &LAYOUT)?;
            done.await?;
        } else if layout.is_some_and(|l| SAME_BUCKETS.contains(&l)) {
            // Written by a version before this split of the views: the
            // buckets stay, their views are written again from them.
            self.split_views().await?;
        } else if layout != Some(LAYOUT) {
            // Written by an older version with another bucket layout: move
            // every record to its bucket once, in one transaction.
            let state = self.load_state().await?;
            self.write_everything(&Replica { state, clock, seq })
                .await?;
        }
        Ok(Loaded {
            replica: Replica {
                state: State::default(),
                clock,
                seq,
            },
            new_device,
        })
    }

    /// Every entity with its stamps (exports, layout migrations, bulk loads, tests): decodes all
    /// buckets, so it is not on the start-up path.
    pub async fn load_state(&self) -> Result<State, StoreError> {
        let tx = self.tx(&[BUCKETS], false)?;
        let mut state = State::default();
        for text in get_all_strings(&tx, BUCKETS).await? {
            report_skipped(&decode_bucket_into(&text, &mut state)?);
        }
        Ok(state)
    }

    /// Saves one user action atomically. Returns the action (for other tabs)
    /// and the records it changed, with their new values. On failure nothing
    /// is stored.
    pub async fn commit(
        &self,
        replica: &std::cell::RefCell<Replica>,
        writes: Vec<Write>,
        now_ms: u64,
    ) -> Result<(Action, Vec<ChangedRecord>), StoreError> {
        if writes.is_empty() {
            let device = replica.borrow().device();
            return Ok((
                Action {
                    device,
                    seq: 0,
                    ops: Vec::new(),
                },
                Vec::new(),
            ));
        }
        let tx = self.tx(&[&RECORD_STORES[..], &[ACTIONS]].concat(), true)?;
        let done = idb::completion(&tx);
        let result = self.write_action(&tx, replica, writes, now_ms).await;
        let written = match result {
            Ok(w) => w,
            Err(e) => {
                let _ = tx.abort();
                let _ = done.await;
                return Err(e);
            }
        };
        if let Some(injected) = self.fail_next.take() {
            let _ = tx.abort();
            let _ = done.await;
            return Err(injected);
        }
        done.await?;
        Ok(written)
    }

    /// The records of an action and then the action itself.
    async fn write_action(
        &self,
        tx: &IdbTransaction,
        replica: &std::cell::RefCell<Replica>,
        writes: Vec<Write>,
        now_ms: u64,
    ) -> Result<(Action, Vec<ChangedRecord>), StoreError> {
        let (action, changed) = write_records(tx, replica, writes, now_ms).await?;
        let actions = tx.object_store(ACTIONS).map_err(js_err)?;
        let text =
            serde_json::to_string(&action).map_err(|e| StoreError::Corrupt(e.to_string()))?;
        actions
            .put_with_key(&JsValue::from_str(&text), &JsValue::from(action.seq as f64))
            .map_err(js_err)?;
        Ok((action, changed))
    }

    /// Benchmark data in one transaction, stamped and merged like a save
    /// but kept out of the action log (so out of every bundle): the scale
    /// series seeds a part of its set at a time with it (`hooks`).
    pub async fn seed(
        &self,
        replica: &std::cell::RefCell<Replica>,
        writes: Vec<Write>,
        now_ms: u64,
    ) -> Result<(), StoreError> {
        let tx = self.tx(&RECORD_STORES, true)?;
        let done = idb::completion(&tx);
        if let Err(e) = write_records(&tx, replica, writes, now_ms).await {
            let _ = tx.abort();
            let _ = done.await;
            return Err(e);
        }
        done.await?;
        Ok(())
    }

    /// Rewrites every bucket and view from `replica.state` in one
    /// transaction (bulk loads: benchmark data). Persists clock and sequence.
    pub async fn write_everything(&self, replica: &Replica) -> Result<(), StoreError> {
        let encoded = encode_all(&replica.state);
        let views_encoded = encode_all_split(&replica.state, HISTORY_RULES);
        let tx = self.tx(&RECORD_STORES, true)?;
        let done = idb::completion(&tx);
        let buckets = tx.object_store(BUCKETS).map_err(js_err)?;
        buckets.clear().map_err(js_err)?;
        for (b, text) in encoded {
            buckets
                .put_with_key(&JsValue::from_str(&text), &JsValue::from(b))
                .map_err(js_err)?;
        }
        let rows = row_stores(&tx)?;
        rows.clear().map_err(js_err)?;
        for (b, views) in views_encoded {
            rows.put(b, &views).map_err(js_err)?;
        }
        let meta = tx.object_store(META).map_err(js_err)?;
        put_json(&meta, "clock", &replica.clock)?;
        put_json(&meta, "seq", &replica.seq)?;
        put_json(&meta, "layout", &LAYOUT)?;
        done.await?;
        Ok(())
    }

    /// Number of actions saved on this device (for the status line).
    pub async fn action_count(&self) -> Result<u32, StoreError> {
        let tx = self.tx(&[ACTIONS], false)?;
        let n = idb::request(
            &tx.object_store(ACTIONS)
                .map_err(js_err)?
                .count()
                .map_err(js_err)?,
        )
        .await?;
        Ok(n.as_f64().unwrap_or(0.0) as u32)
    }
}

/// Says in the console which stored entities a bucket read left out (an
/// older version's record this version cannot read or store again): the
/// rest of the bucket is read and saved as usual.
pub(crate) fn report_skipped(read: &BucketRead) {
    if !read.skipped.is_empty() {
        let msg = format!(
            "stored records left out (unreadable): {}",
            read.skipped.join("; ")
        );
        web_sys::console::warn_1(&msg.into());
    }
}

/// Every row of an object store that is a string (all of ours are).
pub(crate) async fn get_all_strings(
    tx: &IdbTransaction,
    store: &str,
) -> Result<Vec<String>, StoreError> {
    let rows = idb::request(
        &tx.object_store(store)
            .map_err(js_err)?
            .get_all()
            .map_err(js_err)?,
    )
    .await?;
    Ok(js_sys::Array::from(&rows)
        .iter()
        .filter_map(|r| r.as_string())
        .collect())
}

pub(crate) async fn get_json<T: serde::de::DeserializeOwned>(
    store: &IdbObjectStore,
    key: &str,
) -> Result<Option<T>, StoreError> {
    let v = idb::request(&store.get(&JsValue::from_str(key)).map_err(js_err)?).await?;
    parse_json(&v, key)
}

/// A `meta` row read (or None when there is none), as `T`.
fn parse_json<T: serde::de::DeserializeOwned>(
    v: &JsValue,
    key: &str,
) -> Result<Option<T>, StoreError> {
    match v.as_string() {
        Some(text) => serde_json::from_str(&text)
            .map(Some)
            .map_err(|e| StoreError::Corrupt(format!("{key}: {e}"))),
        None => Ok(None),
    }
}

pub(crate) fn put_json<T: serde::Serialize>(
    store: &IdbObjectStore,
    key: &str,
    value: &T,
) -> Result<(), StoreError> {
    let text = serde_json::to_string(value).map_err(|e| StoreError::Corrupt(e.to_string()))?;
    store
        .put_with_key(&JsValue::from_str(&text), &JsValue::from_str(key))
        .map_err(js_err)?;
    Ok(())
}

impl Store {
    /// One value of the `meta` store (sync cursors, checkpoints).
    pub async fn meta_get<T: serde::de::DeserializeOwned>(
        &self,
        key: &str,
    ) -> Result<Option<T>, StoreError> {
        let tx = self.tx(&[META], false)?;
        get_json(&tx.object_store(META).map_err(js_err)?, key).await
    }

    pub async fn meta_put<T: serde::Serialize>(
        &self,
        key: &str,
        value: &T,
    ) -> Result<(), StoreError> {
        let tx = self.tx(&[META], true)?;
        let done = idb::completion(&tx);
        put_json(&tx.object_store(META).map_err(js_err)?, key, value)?;
        done.await?;
        Ok(())
    }
}

/// Opening fails with `VersionError` when a newer version of the app has
/// already upgraded the database (this tab runs an older, cached shell):
/// the same fault as an upgrade under an open tab, and the same remedy.
pub(crate) fn on_open_error(e: super::idb::IdbError) -> StoreError {
    if e.name == "VersionError" {
        StoreError::Lost(Lost::Upgraded)
    } else {
        e.into()
    }
}

impl Store {
    /// Calls `tell` once, when the database goes away under this tab.
    pub fn on_lost(&self, tell: impl Fn(Lost) + 'static) {
        self.lost_state().listen(tell);
    }

    /// Why the database is gone, if it is.
    pub fn lost(&self) -> Option<Lost> {
        self.lost_state().get()
    }

    pub(crate) fn check_not_lost(&self) -> Result<(), StoreError> {
        match self.lost_state().get() {
            Some(why) => Err(StoreError::Lost(why)),
            None => Ok(()),
        }
    }
}

/// Stamps `writes` against the buckets they touch and merges them in,
/// with the views beside them, the clock and the sequence: a save's
/// records, without its action.
async fn write_records(
    tx: &IdbTransaction,
    replica: &std::cell::RefCell<Replica>,
    writes: Vec<Write>,
    now_ms: u64,
) -> Result<(Action, Vec<ChangedRecord>), StoreError> {
    let meta = tx.object_store(META).map_err(js_err)?;
    // Asked together with the buckets, and awaited after them: one wait
    // for the database, not one per row.
    let clock = idb::request(&meta.get(&"clock".into()).map_err(js_err)?);
    let seq = idb::request(&meta.get(&"seq".into()).map_err(js_err)?);
    // The stored rows of every bucket this action touches, and of them
    // the records it writes: what it is stamped against.
    let rows = row_stores(tx)?;
    let buckets = tx.object_store(BUCKETS).map_err(js_err)?;
    let mut touched: Vec<u32> = writes.iter().map(|w| bucket_of(&w.kind, w.id)).collect();
    order::sort(&mut touched);
    touched.dedup();
    let asked = touched
        .iter()
        .map(|b| Ok((*b, rows.ask(&buckets, *b)?)))
        .collect::<Result<Vec<_>, StoreError>>()?;
    let mut stored = Vec::with_capacity(asked.len());
    for (b, texts) in asked {
        stored.push((b, texts.await?));
    }
    let mut base = State::default();
    let mut cuts = Vec::with_capacity(stored.len());
    for (b, texts) in &stored {
        let keys = writes
            .iter()
            .filter(|w| bucket_of(&w.kind, w.id) == *b)
            .map(|w| (w.kind.as_str(), w.id));
        let cut = texts.rows().cut();
        if !cut.as_ref().is_some_and(|c| c.read_into(keys, &mut base)) {
            report_skipped(&decode_bucket_into(&texts.bucket, &mut base)?);
        }
        cuts.push(cut);
    }
    let stored_clock = parse_json::<Clock>(&clock.await?, "clock")?;
    let stored_seq = parse_json::<u64>(&seq.await?, "seq")?.unwrap_or(0);
    let action = {
        let mut r = replica.borrow_mut();
        if let Some(c) = stored_clock {
            r.clock.join(&c);
        }
        r.seq = r.seq.max(stored_seq);
        // If the transaction then fails, the sequence number is skipped,
        // never reused: gaps are harmless, reuse is not.
        r.stamp(&base, writes, now_ms)
    };
    let mut changed = Vec::new();
    for ((b, texts), cut) in stored.iter().zip(cuts) {
        // Only the touched records are encoded again (`sync::splice`).
        let merged = merge_rows(texts.rows(), cut, &action.ops, *b, HISTORY_RULES)?;
        buckets
            .put_with_key(&JsValue::from_str(&merged.bucket), &JsValue::from(*b))
            .map_err(js_err)?;
        rows.put(*b, &merged.views).map_err(js_err)?;
        changed.extend(merged.changed);
    }
    let clock = replica.borrow().clock;
    put_json(&meta, "clock", &clock)?;
    put_json(&meta, "seq", &action.seq)?;
    Ok((action, changed))
}

impl Store {
    /// Splits every bucket's view into its open and history rows, from
    /// the bucket itself, in one transaction (a store of the layout before
    /// the split: the buckets are where they were). Interrupted, it leaves
    /// the old rows and the old layout, and runs again on the next start.
    async fn split_views(&self) -> Result<(), StoreError> {
        let tx = self.tx(&RECORD_STORES, true)?;
        let done = idb::completion(&tx);
        let buckets = tx.object_store(BUCKETS).map_err(js_err)?;
        let rows = row_stores(&tx)?;
        for b in 0..BUCKET_ROWS {
            let stored = idb::request(&buckets.get(&JsValue::from(b)).map_err(js_err)?)
                .await?
                .as_string();
            let Some(text) = stored else { continue };
            let mut state = State::default();
            report_skipped(&decode_bucket_into(&text, &mut state)?);
            rows.put(b, &encode_views(state.iter(), HISTORY_RULES))
                .map_err(js_err)?;
        }
        put_json(&tx.object_store(META).map_err(js_err)?, "layout", &LAYOUT)?;
        done.await?;
        Ok(())
    }
}

/// The stores of the rows made from buckets, in a transaction over them.
pub(crate) fn row_stores(tx: &IdbTransaction) -> Result<RowStores, StoreError> {
    RowStores::of(tx, [VIEWS, HISTORY, SUMMARIES]).map_err(js_err)
}

/// The buckets the given records fall in, and their stored state, read once
/// each inside `tx`: what a save or an import merges into. Records a bucket
/// row holds that cannot be read are reported and skipped, never fatal.
pub(crate) async fn read_buckets<'a>(
    tx: &IdbTransaction,
    records: impl Iterator<Item = (&'a str, crate::sync::RecordId)>,
) -> Result<(Vec<u32>, State), StoreError> {
    let mut touched: Vec<u32> = records.map(|(kind, id)| bucket_of(kind, id)).collect();
    order::sort(&mut touched);
    touched.dedup();
    let buckets = tx.object_store(BUCKETS).map_err(js_err)?;
    // Every row asked for at once, then read in order.
    let rows = touched
        .iter()
        .map(|b| {
            Ok(idb::request(
                &buckets.get(&JsValue::from(*b)).map_err(js_err)?,
            ))
        })
        .collect::<Result<Vec<_>, StoreError>>()?;
    let mut state = State::default();
    for row in rows {
        if let Some(text) = row.await?.as_string() {
            report_skipped(&decode_bucket_into(&text, &mut state)?);
        }
    }
    Ok((touched, state))
}
