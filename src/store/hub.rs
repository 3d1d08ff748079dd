//! Syncing with the CouchDB hub: push this device's sealed bundles, pull
//! everyone else's through `_changes`, publish and join from snapshots.
//!
//! Resumable by construction: the push cursor moves only after the hub
//! stored a bundle (a retry after a lost reply gets 409 with the same hash,
//! which counts as stored), and each pulled page is applied together with
//! its checkpoint in one transaction, so a connection dropped anywhere
//! leaves a state the next sync simply continues from.

use super::bundles::{held_deltas, Checked, ImportError};
use super::couch::{Couch, HubError};
use super::outbox::Cursor;
use super::{Store, StoreError};
use crate::sync::bundle::BundleError;
use crate::sync::hub::{checkpoint_of, newest_snapshot, wanted};
use crate::sync::stored::ChangedRecord;
use crate::sync::Replica;
use serde_json::Value;
use std::cell::RefCell;

/// Documents per `_changes` page: a few MB at most with typical bundles.
const PAGE: u32 = 50;

thread_local! {
    static PAGE_SIZE: std::cell::Cell<u32> = const { std::cell::Cell::new(PAGE) };
}

/// Test hook: smaller pages, so a short feed still spans several pages.
pub fn set_page_size(n: u32) {
    PAGE_SIZE.with(|p| p.set(n.max(1)));
}
/// Meta key of the bundles the hub holds that this device refused.
const REFUSED_KEY: &str = "hub_refused";

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum SyncError {
    #[error("{0}")]
    Hub(#[from] HubError),
    #[error("{0}")]
    Store(#[from] StoreError),
    #[error("{0}")]
    Refused(#[from] BundleError),
}

impl From<super::idb::IdbError> for SyncError {
    fn from(e: super::idb::IdbError) -> Self {
        SyncError::Store(e.into())
    }
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct SyncReport {
    pub pushed: usize,
    pub pulled: usize,
    /// Hub documents this device would not apply, with the reason.
    pub refused: Vec<(String, BundleError)>,
}

fn checkpoint_key(couch_db: &str) -> String {
    format!("hub_checkpoint {couch_db}")
}

/// Pushes, then pulls until the feed is exhausted. `on_changed` hears of
/// every applied page at once (the model is updated page by page, so work
/// pulled before a dropped connection shows and stays).
pub async fn sync(
    store: &Store,
    replica: &RefCell<Replica>,
    couch: &Couch,
    now_ms: u64,
    created: &str,
    on_changed: &dyn Fn(&[ChangedRecord]),
) -> Result<SyncReport, SyncError> {
    let mut report = SyncReport::default();
    for b in store.outgoing(replica, Cursor::Hub, created).await? {
        couch.put_bundle(&b).await?;
        store.mark_sent(Cursor::Hub, b.last, created).await?;
        report.pushed += 1;
    }
    retry_refused(store, replica, couch, now_ms, &mut report, on_changed).await?;
    let key = checkpoint_key(couch.database());
    let mut since: Option<String> = store.meta_get(&key).await?;
    let limit = PAGE_SIZE.with(|p| p.get());
    loop {
        let page = couch.changes(since.as_deref(), limit).await?;
        let next = checkpoint_of(&page.last_seq);
        let own = replica.borrow().device();
        let (covered, held) = held_deltas(store).await?;
        let docs = wanted(&page, own, |device, first| {
            held.contains(&(device, first)) || covered.get(&device).is_some_and(|c| first <= *c)
        });
        let meta: Vec<(&str, Value)> = next
            .iter()
            .map(|n| (key.as_str(), Value::String(n.clone())))
            .collect();
        apply_docs(store, replica, docs, now_ms, &meta, &mut report, on_changed).await?;
        let last_page = page.results.len() < limit as usize || next.is_none() || next == since;
        if last_page {
            break;
        }
        since = next;
    }
    remember_refused(store, &report).await?;
    Ok(report)
}

/// Checks hub documents, applies the sound ones with `meta` (the page's
/// checkpoint) in one transaction, and notes the refused ones.
async fn apply_docs(
    store: &Store,
    replica: &RefCell<Replica>,
    docs: Vec<(String, String)>,
    now_ms: u64,
    meta: &[(&str, Value)],
    report: &mut SyncReport,
    on_changed: &dyn Fn(&[ChangedRecord]),
) -> Result<Vec<String>, SyncError> {
    let texts: Vec<String> = docs.iter().map(|(_, t)| t.clone()).collect();
    let verdicts = store.check_files(replica, &texts, now_ms).await?;
    let mut sound: Vec<Checked> = Vec::new();
    let mut applied_ids = Vec::new();
    for ((id, _), verdict) in docs.into_iter().zip(verdicts) {
        match verdict {
            Ok(c) => {
                applied_ids.push(id);
                if !c.already_have {
                    sound.push(c);
                }
            }
            Err(e) => report.refused.push((id, e)),
        }
    }
    let changed = match store.import_with_meta(replica, &sound, now_ms, meta).await {
        Ok(changed) => changed,
        // Two bundles of one page contradicting each other: apply them one
        // by one so the sound one lands; the checkpoint goes with the last.
        Err(ImportError::Refused(_)) if sound.len() > 1 => {
            let mut changed = Vec::new();
            for (i, c) in sound.iter().enumerate() {
                let m = if i + 1 == sound.len() { meta } else { &[] };
                match store
                    .import_with_meta(replica, std::slice::from_ref(c), now_ms, m)
                    .await
                {
                    Ok(more) => changed.extend(more),
                    Err(ImportError::Refused(e)) => {
                        report
                            .refused
                            .push((crate::sync::hub::doc_id(&c.bundle), e));
                        if !m.is_empty() {
                            store
                                .import_with_meta(replica, &[], now_ms, m)
                                .await
                                .map_err(import_err)?;
                        }
                    }
                    Err(ImportError::Store(e)) => return Err(e.into()),
                }
            }
            changed
        }
        Err(e) => return Err(import_err(e)),
    };
    report.pulled += sound.len();
    if !changed.is_empty() {
        on_changed(&changed);
    }
    Ok(applied_ids)
}

fn import_err(e: ImportError) -> SyncError {
    match e {
        ImportError::Store(s) => s.into(),
        ImportError::Refused(b) => b.into(),
    }
}

/// Bundles refused earlier (a device whose clock ran a day ahead, say) are
/// tried again on every sync until they apply.
async fn retry_refused(
    store: &Store,
    replica: &RefCell<Replica>,
    couch: &Couch,
    now_ms: u64,
    report: &mut SyncReport,
    on_changed: &dyn Fn(&[ChangedRecord]),
) -> Result<(), SyncError> {
    let ids: Vec<String> = store.meta_get(REFUSED_KEY).await?.unwrap_or_default();
    if ids.is_empty() {
        return Ok(());
    }
    let docs = couch
        .docs(&ids)
        .await?
        .into_iter()
        .map(|(id, doc)| (id, doc.to_string()))
        .collect();
    apply_docs(store, replica, docs, now_ms, &[], report, on_changed).await?;
    Ok(())
}

async fn remember_refused(store: &Store, report: &SyncReport) -> Result<(), SyncError> {
    let mut ids: Vec<String> = report.refused.iter().map(|(id, _)| id.clone()).collect();
    ids.sort();
    ids.dedup();
    store.meta_put(REFUSED_KEY, &ids).await?;
    Ok(())
}

/// Replaces this device's snapshot on the hub with the current state.
pub async fn publish_snapshot(
    store: &Store,
    replica: &RefCell<Replica>,
    couch: &Couch,
    created: &str,
) -> Result<usize, SyncError> {
    let parts = store.export_snapshot(replica, created).await?;
    for part in &parts {
        couch.put_snapshot_part(part).await?;
    }
    Ok(parts.len())
}

/// A new device starts from the newest complete snapshot on the hub (one
/// transaction), then [`sync`] fetches only what came after it.
pub async fn join_from_snapshot(
    store: &Store,
    replica: &RefCell<Replica>,
    couch: &Couch,
    now_ms: u64,
    on_changed: &dyn Fn(&[ChangedRecord]),
) -> Result<usize, SyncError> {
    let parts = newest_snapshot(&couch.snapshot_docs().await?);
    if parts.is_empty() {
        return Ok(0);
    }
    let texts: Vec<String> = parts.iter().map(Value::to_string).collect();
    let mut checked = Vec::new();
    for verdict in store.check_files(replica, &texts, now_ms).await? {
        checked.push(verdict?);
    }
    let changed = store
        .import(replica, &checked, now_ms)
        .await
        .map_err(import_err)?;
    on_changed(&changed);
    Ok(checked.len())
}
