//! This device's outgoing bundles. Actions are sealed into delta bundles
//! once, kept in the `outbox` store, and the same bytes go to every
//! transport: a file export and a hub push of the same changes are the same
//! bundle, so the receiving devices' chain checks agree, and a push retried
//! after a lost reply sends exactly what the hub may already hold.
//!
//! Two cursors over the outbox: `exported_seq` (files) and `pushed_seq`
//! (the hub); a third, `snapshot_seq`, says up to which action the last
//! snapshot file carried everything. A change counts as backed up once any
//! has passed it (`sync::backup`).

use super::cursor::Cursor;
use super::idb;
use super::records::{
    get_json, js_err, put_json, Store, StoreError, ACTIONS, BUNDLES, META, OUTBOX,
};
use crate::domain::base::order;
use crate::sync::bundle::{self, Bundle};
use crate::sync::{Action, Replica};
use std::cell::RefCell;
use wasm_bindgen::JsValue;
use web_sys::IdbTransaction;

pub use crate::sync::backup::{BackupStatus, Copy, CopyKind, BACKUP_REMINDER_MS};

impl Store {
    /// Seals the actions not in a bundle yet into the outbox, chained after
    /// the last sealed bundle. Runs inside the caller's transaction (META,
    /// ACTIONS, BUNDLES, OUTBOX, read-write).
    async fn seal_in(
        &self,
        tx: &IdbTransaction,
        replica: &RefCell<Replica>,
        created: &str,
    ) -> Result<(), StoreError> {
        let meta = tx.object_store(META).map_err(js_err)?;
        // Before the outbox existed, the file export was the chain's head.
        let sealed = match get_json::<u64>(&meta, "sealed_seq").await? {
            Some(s) => s,
            None => get_json::<u64>(&meta, "exported_seq").await?.unwrap_or(0),
        };
        let prev = match get_json::<String>(&meta, "sealed_sha256").await? {
            Some(s) => s,
            None => get_json::<String>(&meta, "exported_sha256")
                .await?
                .unwrap_or_default(),
        };
        let mut actions: Vec<Action> = strings_after(tx, ACTIONS, sealed)
            .await?
            .iter()
            .filter_map(|t| serde_json::from_str::<Action>(t).ok())
            .collect();
        if actions.is_empty() {
            return Ok(());
        }
        order::sort_by_key(&mut actions, |a| a.seq);
        let device = replica.borrow().device();
        let by_seq: Vec<(u64, Vec<crate::sync::Op>)> =
            actions.into_iter().map(|a| (a.seq, a.ops)).collect();
        let sealed_now = bundle::make_delta_bundles(
            device,
            sealed + 1,
            &by_seq,
            &prev,
            super::bundles::SCHEMA,
            created,
        );
        let outbox = tx.object_store(OUTBOX).map_err(js_err)?;
        let held = tx.object_store(BUNDLES).map_err(js_err)?;
        for b in &sealed_now {
            outbox
                .put_with_key(
                    &JsValue::from_str(&b.to_json()),
                    &JsValue::from(b.first as f64),
                )
                .map_err(js_err)?;
            let m = b.meta();
            let text = serde_json::to_string(&m).map_err(|e| StoreError::Corrupt(e.to_string()))?;
            held.put_with_key(
                &JsValue::from_str(&text),
                &JsValue::from_str(&super::bundles::meta_key(&m)),
            )
            .map_err(js_err)?;
        }
        if let Some(last) = sealed_now.last() {
            put_json(&meta, "sealed_seq", &last.last)?;
            put_json(&meta, "sealed_sha256", &last.sha256)?;
        }
        Ok(())
    }

    /// Seals what is new and returns the outbox bundles the `cursor` has not
    /// passed yet, oldest first. Nothing counts as sent until `mark_sent`.
    pub async fn outgoing(
        &self,
        replica: &RefCell<Replica>,
        cursor: Cursor,
        created: &str,
    ) -> Result<Vec<Bundle>, StoreError> {
        let tx = self.tx(&[META, ACTIONS, BUNDLES, OUTBOX], true)?;
        let done = idb::completion(&tx);
        let result = async {
            self.seal_in(&tx, replica, created).await?;
            let meta = tx.object_store(META).map_err(js_err)?;
            let sent = get_json::<u64>(&meta, cursor.keys().0).await?.unwrap_or(0);
            // Only the bundles from the one holding `sent + 1` on: the
            // outbox keeps every bundle ever sealed, and a sync must not
            // read years of them to find the last few.
            let from = first_unsent_key(&tx, sent).await?;
            let mut out: Vec<Bundle> = strings_after(&tx, OUTBOX, from.saturating_sub(1))
                .await?
                .iter()
                .filter_map(|t| serde_json::from_str::<Bundle>(t).ok())
                .filter(|b| b.last > sent)
                .collect();
            order::sort_by_key(&mut out, |b| b.first);
            Ok(out)
        }
        .await;
        if result.is_err() {
            let _ = tx.abort();
        }
        let _ = done.await;
        result
    }

    /// Moves a cursor past `last` (never back) and records when; then
    /// prunes what every holder now has (`store::prune`).
    pub async fn mark_sent(&self, cursor: Cursor, last: u64, at: &str) -> Result<(), StoreError> {
        let tx = self.tx(&[META], true)?;
        let done = idb::completion(&tx);
        let meta = tx.object_store(META).map_err(js_err)?;
        let (seq_key, at_key) = cursor.keys();
        let before = get_json::<u64>(&meta, seq_key).await?.unwrap_or(0);
        put_json(&meta, seq_key, &before.max(last))?;
        put_json(&meta, at_key, &at)?;
        done.await?;
        // The copy is made whatever pruning does; a failure only keeps more.
        if let Err(e) = self.prune_outbox().await {
            web_sys::console::warn_1(&format!("outbox not pruned: {e}").into());
        }
        Ok(())
    }

    /// The file export: every change not exported yet, as bundles that
    /// count as exported once returned (the caller downloads them).
    pub async fn export_changes(
        &self,
        replica: &RefCell<Replica>,
        created: &str,
    ) -> Result<Vec<Bundle>, StoreError> {
        let bundles = self.outgoing(replica, Cursor::File, created).await?;
        if let Some(last) = bundles.last() {
            self.mark_sent(Cursor::File, last.last, created).await?;
        }
        Ok(bundles)
    }

    /// What the shell says about backups: changes only on this device, when
    /// the oldest of them was made, and the last copy of each kind.
    pub async fn backup_status(&self) -> Result<BackupStatus, StoreError> {
        let tx = self.tx(&[META, ACTIONS], false)?;
        let meta = tx.object_store(META).map_err(js_err)?;
        let mut copies = Vec::new();
        for cursor in Cursor::ALL {
            let (seq_key, at_key) = cursor.keys();
            // A copy exists once its time is written (`mark_sent`).
            let Some(at) = get_json::<String>(&meta, at_key).await? else {
                continue;
            };
            copies.push(Copy {
                kind: cursor.kind(),
                seq: get_json::<u64>(&meta, seq_key).await?.unwrap_or(0),
                at: chrono::DateTime::parse_from_rfc3339(&at)
                    .ok()
                    .map(|t| t.to_utc()),
            });
        }
        let backed_up = copies.iter().map(|c| c.seq).max().unwrap_or(0);
        let seq = get_json::<u64>(&meta, "seq").await?.unwrap_or(0);
        // Sequence numbers can skip (a failed save), so look a few ahead.
        let actions = tx.object_store(ACTIONS).map_err(js_err)?;
        let mut oldest_pending_ms = None;
        for s in backed_up.saturating_add(1)..=seq.min(backed_up.saturating_add(16)) {
            let row = idb::request(&actions.get(&JsValue::from(s as f64)).map_err(js_err)?).await?;
            let action = row
                .as_string()
                .and_then(|t| serde_json::from_str::<Action>(&t).ok());
            if let Some(ms) = action.and_then(|a| a.ops.first().map(|o| o.stamp.ms)) {
                oldest_pending_ms = Some(ms);
                break;
            }
        }
        Ok(BackupStatus::new(seq, copies, oldest_pending_ms))
    }

    /// This device's last action sequence as stored now: every action up to
    /// it is in the buckets any later read sees.
    pub async fn stored_seq(&self) -> Result<u64, StoreError> {
        let tx = self.tx(&[META], false)?;
        let meta = tx.object_store(META).map_err(js_err)?;
        Ok(get_json::<u64>(&meta, "seq").await?.unwrap_or(0))
    }
}

/// The key (a bundle's `first`) of the outbox bundle holding action
/// `sent + 1`: the greatest key up to it, read as keys only (numbers, not
/// bundles). 0 when there is none.
async fn first_unsent_key(tx: &IdbTransaction, sent: u64) -> Result<u64, StoreError> {
    let range = web_sys::IdbKeyRange::upper_bound(&JsValue::from(sent.saturating_add(1) as f64))
        .map_err(js_err)?;
    let keys = idb::request(
        &tx.object_store(OUTBOX)
            .map_err(js_err)?
            .get_all_keys_with_key(&range)
            .map_err(js_err)?,
    )
    .await?;
    Ok(js_sys::Array::from(&keys)
        .iter()
        .filter_map(|k| k.as_f64())
        .filter(|k| k.is_finite() && *k >= 0.0)
        .map(|k| k as u64)
        .max()
        .unwrap_or(0))
}

/// The string rows of a store keyed by number, with keys above `after`.
async fn strings_after(
    tx: &IdbTransaction,
    store: &str,
    after: u64,
) -> Result<Vec<String>, StoreError> {
    let range = web_sys::IdbKeyRange::lower_bound_with_open(&JsValue::from(after as f64), true)
        .map_err(js_err)?;
    let rows = idb::request(
        &tx.object_store(store)
            .map_err(js_err)?
            .get_all_with_key(&range)
            .map_err(js_err)?,
    )
    .await?;
    Ok(js_sys::Array::from(&rows)
        .iter()
        .filter_map(|r| r.as_string())
        .collect())
}
