//! This device's outgoing bundles. Actions are sealed into delta bundles
//! once, kept in the `outbox` store, and the same bytes go to every
//! transport: a file export and a hub push of the same changes are the same
//! bundle, so the receiving devices' chain checks agree, and a push retried
//! after a lost reply sends exactly what the hub may already hold.
//!
//! Two cursors over the outbox: `exported_seq` (files) and `pushed_seq`
//! (the hub). A change counts as backed up once either has passed it.

use super::idb;
use super::records::{
    get_all_strings, get_json, js_err, put_json, Store, StoreError, ACTIONS, BUNDLES, META, OUTBOX,
};
use crate::sync::bundle::{self, Bundle};
use crate::sync::{Action, Replica};
use std::cell::RefCell;
use wasm_bindgen::JsValue;
use web_sys::IdbTransaction;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct BackupStatus {
    /// Changes that exist only on this device.
    pub pending: u64,
    pub oldest_pending_ms: Option<u64>,
    pub last_export: Option<String>,
    pub last_push: Option<String>,
}

impl BackupStatus {
    /// The later of the last file export and the last hub push.
    pub fn last_backup(&self) -> Option<&str> {
        match (&self.last_export, &self.last_push) {
            (Some(a), Some(b)) => Some(if a >= b { a } else { b }),
            (a, b) => a.as_deref().or(b.as_deref()),
        }
    }
}

/// After this long with changes only on this device, the shell reminds.
pub const BACKUP_REMINDER_MS: u64 = 3 * 24 * 60 * 60 * 1000;

/// Which transport a cursor belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cursor {
    File,
    Hub,
}

impl Cursor {
    fn keys(self) -> (&'static str, &'static str) {
        match self {
            Cursor::File => ("exported_seq", "exported_at"),
            Cursor::Hub => ("pushed_seq", "pushed_at"),
        }
    }
}

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
        actions.sort_by_key(|a| a.seq);
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
            let mut out: Vec<Bundle> = get_all_strings(&tx, OUTBOX)
                .await?
                .iter()
                .filter_map(|t| serde_json::from_str::<Bundle>(t).ok())
                .filter(|b| b.last > sent)
                .collect();
            out.sort_by_key(|b| b.first);
            Ok(out)
        }
        .await;
        if result.is_err() {
            let _ = tx.abort();
        }
        let _ = done.await;
        result
    }

    /// Moves a cursor past `last` (never back) and records when.
    pub async fn mark_sent(&self, cursor: Cursor, last: u64, at: &str) -> Result<(), StoreError> {
        let tx = self.tx(&[META], true)?;
        let done = idb::completion(&tx);
        let meta = tx.object_store(META).map_err(js_err)?;
        let (seq_key, at_key) = cursor.keys();
        let before = get_json::<u64>(&meta, seq_key).await?.unwrap_or(0);
        put_json(&meta, seq_key, &before.max(last))?;
        put_json(&meta, at_key, &at)?;
        done.await?;
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
    /// the oldest of them was made, and when they last left it.
    pub async fn backup_status(&self) -> Result<BackupStatus, StoreError> {
        let tx = self.tx(&[META, ACTIONS], false)?;
        let meta = tx.object_store(META).map_err(js_err)?;
        let exported = get_json::<u64>(&meta, "exported_seq").await?.unwrap_or(0);
        let pushed = get_json::<u64>(&meta, "pushed_seq").await?.unwrap_or(0);
        let backed_up = exported.max(pushed);
        let seq = get_json::<u64>(&meta, "seq").await?.unwrap_or(0);
        let last_export = get_json::<String>(&meta, "exported_at").await?;
        let last_push = get_json::<String>(&meta, "pushed_at").await?;
        // Sequence numbers can skip (a failed save), so look a few ahead.
        let actions = tx.object_store(ACTIONS).map_err(js_err)?;
        let mut oldest_pending_ms = None;
        for s in (backed_up + 1)..=seq.min(backed_up + 16) {
            let row = idb::request(&actions.get(&JsValue::from(s as f64)).map_err(js_err)?).await?;
            let action = row
                .as_string()
                .and_then(|t| serde_json::from_str::<Action>(&t).ok());
            if let Some(ms) = action.and_then(|a| a.ops.first().map(|o| o.stamp.ms)) {
                oldest_pending_ms = Some(ms);
                break;
            }
        }
        Ok(BackupStatus {
            pending: seq.saturating_sub(backed_up),
            oldest_pending_ms,
            last_export,
            last_push,
        })
    }
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
