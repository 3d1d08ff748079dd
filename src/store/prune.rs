//! Pruning the outbox: the facts `sync::prune` decides on, kept in `meta`,
//! and the deletion itself, in a transaction of its own. It runs after a
//! cursor moves (`mark_sent`), after a file import (a peer may have shown
//! it holds more) and after a snapshot reaches the hub. The hub and the
//! changes files are holders once used, so a pruned bundle is never one
//! their cursors still need to send.
//!
//! `meta` keys: `peers` (what each device whose files were imported here
//! holds of ours), `hub_snapshot_seq` (what this device's snapshot on the
//! hub covers), `pruned_seq` (the last action of the last bundle pruned).
//! An unreadable fact prunes nothing: the cost of doubt is storage.

use super::cursor::Cursor;
use super::idb;
use super::records::{get_json, js_err, put_json, Store, StoreError, META, OUTBOX};
use crate::sync::bundle::Bundle;
use crate::sync::prune::{heard_from, Holders, Waiting};
use crate::sync::DeviceId;
use std::collections::BTreeMap;
use wasm_bindgen::JsValue;
use web_sys::{IdbKeyRange, IdbObjectStore, IdbTransaction};

const PEERS: &str = "peers";
const HUB_SNAPSHOT_SEQ: &str = "hub_snapshot_seq";
const PRUNED_SEQ: &str = "pruned_seq";

/// Who holds how much of this device's changes, from `meta` (None when a
/// fact cannot be read: then nothing is pruned).
async fn holders_in(meta: &IdbObjectStore) -> Option<Holders> {
    let seq = |key| async move { get_json::<u64>(meta, key).await.ok() };
    let file_snapshot = seq(Cursor::Snapshot.keys().0).await?.unwrap_or(0);
    let hub_snapshot = seq(HUB_SNAPSHOT_SEQ).await?.unwrap_or(0);
    // The hub counts as a holder once this device has pushed to it, and
    // changes files once one was exported.
    let holder = |cursor: Cursor| async move {
        let (seq_key, at_key) = cursor.keys();
        match get_json::<String>(meta, at_key).await.ok()? {
            Some(_) => Some(Some(seq(seq_key).await?.unwrap_or(0))),
            None => Some(None),
        }
    };
    let hub = holder(Cursor::Hub).await?;
    let files = holder(Cursor::File).await?;
    let peers = get_json::<BTreeMap<DeviceId, u64>>(meta, PEERS)
        .await
        .ok()?
        .unwrap_or_default();
    Some(Holders {
        snapshot: file_snapshot.max(hub_snapshot),
        hub,
        files,
        peers,
    })
}

/// `Store::pruned_before`, read from `meta` in the caller's transaction.
async fn pruned_before_in(
    meta: &IdbObjectStore,
    cursor: Cursor,
) -> Result<Option<u64>, StoreError> {
    let sent = get_json::<u64>(meta, cursor.keys().0).await?.unwrap_or(0);
    let pruned = get_json::<u64>(meta, PRUNED_SEQ).await.ok().flatten();
    Ok(pruned.filter(|p| *p > sent))
}

/// Deletes the outbox bundles every holder has, inside `tx` (META and
/// OUTBOX, read-write). Returns how many went.
pub(crate) async fn prune_in(tx: &IdbTransaction) -> Result<u32, StoreError> {
    let meta = tx.object_store(META).map_err(js_err)?;
    let Some(holders) = holders_in(&meta).await else {
        return Ok(0);
    };
    let through = holders.prunable_through();
    if through == 0 {
        return Ok(0);
    }
    let outbox = tx.object_store(OUTBOX).map_err(js_err)?;
    // Bundles are keyed by their first action: all below the last key up to
    // `through` end before it; that last one goes only if it ends in time.
    let upto = IdbKeyRange::upper_bound(&JsValue::from(through as f64)).map_err(js_err)?;
    let keys = idb::request(&outbox.get_all_keys_with_key(&upto).map_err(js_err)?).await?;
    let keys: Vec<u64> = js_sys::Array::from(&keys)
        .iter()
        .filter_map(|k| k.as_f64())
        .filter(|k| k.is_finite() && *k >= 0.0)
        .map(|k| k as u64)
        .collect();
    let Some(&last_key) = keys.iter().max() else {
        return Ok(0);
    };
    let row = idb::request(
        &outbox
            .get(&JsValue::from(last_key as f64))
            .map_err(js_err)?,
    )
    .await?;
    let last_ends = row
        .as_string()
        .and_then(|t| serde_json::from_str::<Bundle>(&t).ok())
        .map(|b| b.last);
    let (below, pruned_to) = match last_ends {
        Some(end) if end <= through => (false, end),
        // It runs past `through` (or cannot be read): it stays.
        _ => (true, last_key.saturating_sub(1)),
    };
    let range = IdbKeyRange::upper_bound_with_open(&JsValue::from(last_key as f64), below)
        .map_err(js_err)?;
    let gone = keys.iter().filter(|k| !below || **k < last_key).count();
    if gone == 0 {
        return Ok(0);
    }
    outbox.delete(&range).map_err(js_err)?;
    let before = get_json::<u64>(&meta, PRUNED_SEQ).await.ok().flatten();
    put_json(&meta, PRUNED_SEQ, &before.unwrap_or(0).max(pruned_to))?;
    Ok(u32::try_from(gone).unwrap_or(u32::MAX))
}

/// Records, inside `tx` (META read-write), that `peers` — devices whose
/// files were imported here — hold this device's changes up to the given
/// sequence (0 when their files showed nothing of ours).
pub(crate) async fn heard_from_in(
    tx: &IdbTransaction,
    peers: &[(DeviceId, u64)],
) -> Result<(), StoreError> {
    if peers.is_empty() {
        return Ok(());
    }
    let meta = tx.object_store(META).map_err(js_err)?;
    // An unreadable list stays as it is: written afresh it would forget
    // the peers not heard from now, and prune what they may still need.
    let Ok(known) = get_json::<BTreeMap<DeviceId, u64>>(&meta, PEERS).await else {
        web_sys::console::warn_1(
            &"the list of peers cannot be read: the outbox is not pruned".into(),
        );
        return Ok(());
    };
    let mut known = known.unwrap_or_default();
    for (peer, held) in peers {
        heard_from(&mut known, *peer, *held);
    }
    put_json(&meta, PEERS, &known)
}

/// What the outbox keeps and why, for Settings → Storage.
#[derive(Debug, Clone, PartialEq)]
pub struct OutboxState {
    /// The last action of the bundles pruned so far (0: none).
    pub pruned_seq: u64,
    /// Who the later bundles are kept for (None: no one; all that could go went).
    pub waiting: Option<Waiting>,
}

impl Store {
    /// Prunes what every holder has, in its own transaction.
    pub async fn prune_outbox(&self) -> Result<u32, StoreError> {
        let tx = self.tx(&[META, OUTBOX], true)?;
        let done = idb::completion(&tx);
        match prune_in(&tx).await {
            Ok(n) => {
                done.await?;
                Ok(n)
            }
            Err(e) => {
                let _ = tx.abort();
                let _ = done.await;
                Err(e)
            }
        }
    }

    /// Records that this device's snapshot on the hub covers its actions up
    /// to `seq`, then prunes.
    pub async fn mark_snapshot_on_hub(&self, seq: u64) -> Result<(), StoreError> {
        let tx = self.tx(&[META], true)?;
        let done = idb::completion(&tx);
        let meta = tx.object_store(META).map_err(js_err)?;
        let before = get_json::<u64>(&meta, HUB_SNAPSHOT_SEQ)
            .await
            .ok()
            .flatten();
        put_json(&meta, HUB_SNAPSHOT_SEQ, &before.unwrap_or(0).max(seq))?;
        done.await?;
        self.prune_outbox().await.map(|_| ())
    }

    /// Changes were pruned that the hub never carried, and no snapshot on
    /// the hub holds them yet (a hub connected after pruning).
    pub async fn hub_lacks_pruned(&self) -> Result<bool, StoreError> {
        let tx = self.tx(&[META], false)?;
        let meta = tx.object_store(META).map_err(js_err)?;
        let Some(pruned) = pruned_before_in(&meta, Cursor::Hub).await? else {
            return Ok(false);
        };
        let on_hub = get_json::<u64>(&meta, HUB_SNAPSHOT_SEQ)
            .await
            .ok()
            .flatten();
        Ok(pruned > on_hub.unwrap_or(0))
    }

    /// The last action pruned from the outbox when `cursor` never carried
    /// it: changes that transport can no longer carry (a device lacking
    /// them joins from a snapshot).
    pub async fn pruned_before(&self, cursor: Cursor) -> Result<Option<u64>, StoreError> {
        let tx = self.tx(&[META], false)?;
        let meta = tx.object_store(META).map_err(js_err)?;
        pruned_before_in(&meta, cursor).await
    }

    /// How far the outbox was pruned, and who keeps the rest.
    pub async fn outbox_state(&self) -> Result<OutboxState, StoreError> {
        let tx = self.tx(&[META], false)?;
        let meta = tx.object_store(META).map_err(js_err)?;
        let pruned_seq = get_json::<u64>(&meta, PRUNED_SEQ).await.ok().flatten();
        let seq = get_json::<u64>(&meta, "seq").await?.unwrap_or(0);
        let waiting = holders_in(&meta).await.and_then(|h| h.waiting_for(seq));
        Ok(OutboxState {
            pruned_seq: pruned_seq.unwrap_or(0),
            waiting,
        })
    }
}
