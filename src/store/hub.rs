//! Syncing with the CouchDB hub: push this device's sealed bundles, pull
//! everyone else's through `_changes`, publish and join from snapshots.
//!
//! Resumable by construction: the push cursor moves only after the hub
//! stored a bundle (a retry after a lost reply gets 409 with the same hash,
//! which counts as stored), and each pulled page is applied together with
//! its checkpoint in one transaction, so a connection dropped anywhere
//! leaves a state the next sync simply continues from.
//!
//! Nothing the hub sends can stop syncing for good: a different bundle
//! planted under this device's next number is reported and the pull still
//! runs; a feed whose checkpoint comes round again stops with an error; a
//! refused document is listed once and not fetched again each sync.

use super::bundles::{held_deltas, Checked, ImportError, COVERED_HEADS};
use super::couch::{Couch, HubError};
use super::cursor::Cursor;
use super::records::{js_err, put_json, META};
use super::{idb, Store, StoreError};
use crate::domain::base::order;
use crate::sync::bundle::{self, BundleError, Contents, Coverage};
use crate::sync::hub::{
    check_doc, note_refused, wanted, FeedGuard, FeedStep, PushVerdict, RefusedDoc,
    MAX_PAGES_PER_SYNC,
};
use crate::sync::stored::ChangedRecord;
use crate::sync::Replica;
use serde_json::Value;
use std::cell::RefCell;
use wasm_bindgen::JsValue;

/// Documents per `_changes` page: a few MB at most with typical bundles.
const PAGE: u32 = 50;

thread_local! {
    static PAGE_SIZE: std::cell::Cell<u32> = const { std::cell::Cell::new(PAGE) };
}

/// Test hook: smaller pages, so a short feed still spans several pages.
pub fn set_page_size(n: u32) {
    PAGE_SIZE.with(|p| p.set(n.max(1)));
}
/// Meta key of the ids the previous release refused (tried once more).
const OLD_REFUSED_KEY: &str = "hub_refused";
/// Meta key of the hub documents this device refused, with the reasons.
const REFUSED_KEY: &str = "hub_refused_docs";
/// The app version, kept with each refusal (a new version reads again).
const APP: &str = env!("CARGO_PKG_VERSION");

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
    /// Hub documents refused in this sync for the first time.
    pub refused: Vec<(String, BundleError)>,
    /// The hub holds a different bundle under this device's next number:
    /// nothing from there on was pushed (the pull still ran).
    pub push_blocked: Option<String>,
}

fn checkpoint_key(couch_db: &str) -> String {
    format!("hub_checkpoint {couch_db}")
}

/// The hub documents this device refused (an unreadable list reads as empty
/// and is rewritten at the end of the next sync).
pub async fn refused_docs(store: &Store) -> Vec<RefusedDoc> {
    let list: Option<Vec<Value>> = store.meta_get(REFUSED_KEY).await.ok().flatten();
    list.unwrap_or_default()
        .into_iter()
        .filter_map(|v| serde_json::from_value(v).ok())
        .collect()
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
    // A hub first used after this device pruned changes it never carried
    // gets them in a snapshot (once), or devices joining from it would
    // miss them. `publish_snapshot` pushes what is pending first.
    if store.hub_lacks_pruned().await? {
        publish_snapshot(store, replica, couch, created).await?;
    }
    for b in store.outgoing(replica, Cursor::Hub, created).await? {
        match couch.put_bundle(&b).await? {
            PushVerdict::Stored => {
                store.mark_sent(Cursor::Hub, b.last, created).await?;
                report.pushed += 1;
            }
            // Later bundles chain on this one: stop pushing, still pull.
            PushVerdict::Contradicted(detail) => {
                report.push_blocked = Some(detail);
                break;
            }
            PushVerdict::Denied(status) => return Err(HubError::Denied(status).into()),
            PushVerdict::Failed(status) => {
                return Err(HubError::Server {
                    status,
                    reason: "the bundle was not stored".into(),
                }
                .into())
            }
        }
    }
    let key = checkpoint_key(couch.database());
    forget_legacy_coverage(store, &key).await?;
    let mut refused = refused_docs(store).await;
    let mut pulled = Pulled::default();
    let (coverage, _) = held_deltas(store).await?;
    let work = Apply {
        store,
        replica,
        coverage: &coverage,
        now_ms,
        on_changed,
    };
    retry_refused(&work, couch, &refused, &mut pulled).await?;
    // An unreadable checkpoint starts the feed again (merge is idempotent).
    let mut since: Option<String> = store.meta_get(&key).await.ok().flatten();
    let limit = PAGE_SIZE.with(|p| p.get());
    let mut guard = FeedGuard::new(since.as_deref(), MAX_PAGES_PER_SYNC);
    let result = loop {
        let page = match couch.changes(since.as_deref(), limit).await {
            Ok(page) => page,
            Err(e) => break Err(e.into()),
        };
        let (next, more) = match guard.page(since.as_deref(), &page, limit) {
            FeedStep::Apply { next, more } => (next, more),
            FeedStep::Cycle(seq) => break Err(HubError::FeedCycle(seq).into()),
        };
        let own = replica.borrow().device();
        let (coverage, held) = match held_deltas(store).await {
            Ok(h) => h,
            Err(e) => break Err(e.into()),
        };
        let docs = wanted(&page, own, |device, first| {
            held.contains(&(device, first))
                || refused
                    .iter()
                    .any(|r| r.id == crate::sync::hub::delta_id(device, first))
        });
        let meta: Vec<(&str, Value)> = next
            .iter()
            .map(|n| (key.as_str(), Value::String(n.clone())))
            .collect();
        let work = Apply {
            store,
            replica,
            coverage: &coverage,
            now_ms,
            on_changed,
        };
        if let Err(e) = apply_docs(&work, docs, &meta, &mut pulled).await {
            break Err(e);
        }
        if !more {
            break Ok(());
        }
        since = next;
    };
    // What was refused or applied so far is kept even when the pull failed.
    let new = note_refused(&mut refused, &pulled.applied, &pulled.refused, now_ms, APP);
    store.meta_put(REFUSED_KEY, &refused).await?;
    result?;
    report.pulled = pulled.count;
    report.refused = pulled
        .refused
        .into_iter()
        .filter(|(id, _)| new.contains(id))
        .collect();
    Ok(report)
}

/// What the pull did, document by document.
#[derive(Default)]
struct Pulled {
    count: usize,
    applied: Vec<String>,
    refused: Vec<(String, BundleError)>,
}

/// Coverage written by the previous release counted the highest sequence
/// seen, gaps and all, and may have skipped deltas: it is dropped, and the
/// feed is read once more from the start (idempotent) so that anything it
/// skipped arrives now.
async fn forget_legacy_coverage(store: &Store, checkpoint: &str) -> Result<(), SyncError> {
    let heads: Option<Value> = store.meta_get(COVERED_HEADS).await.ok().flatten();
    let legacy: Option<Value> = store.meta_get("covered").await.ok().flatten();
    let legacy = legacy.is_some_and(|v| v.as_object().is_some_and(|m| !m.is_empty()));
    if heads.is_some() || !legacy {
        return Ok(());
    }
    let tx = store.tx(&[META], true)?;
    let done = idb::completion(&tx);
    let meta = tx.object_store(META).map_err(js_err)?;
    meta.delete(&JsValue::from_str(checkpoint))
        .map_err(js_err)?;
    put_json(&meta, "covered", &serde_json::json!({}))?;
    put_json(&meta, COVERED_HEADS, &serde_json::json!({}))?;
    done.await?;
    Ok(())
}

/// What applying hub documents needs.
struct Apply<'a> {
    store: &'a Store,
    replica: &'a RefCell<Replica>,
    /// The coverage of applied snapshots (`bundle::is_covered`).
    coverage: &'a Coverage,
    now_ms: u64,
    on_changed: &'a dyn Fn(&[ChangedRecord]),
}

/// Checks hub documents, applies the sound ones with `meta` (the page's
/// checkpoint) in one transaction, and notes the refused ones. A delta
/// inside the coverage of an applied snapshot is recorded as held without
/// applying it (see `bundle::is_covered`).
async fn apply_docs(
    work: &Apply<'_>,
    docs: Vec<(String, String)>,
    meta: &[(&str, Value)],
    pulled: &mut Pulled,
) -> Result<(), SyncError> {
    let Apply {
        store,
        replica,
        coverage,
        now_ms,
        on_changed,
    } = *work;
    let texts: Vec<String> = docs.iter().map(|(_, t)| t.clone()).collect();
    let verdicts = store.check_files(replica, &texts, now_ms).await?;
    let mut sound: Vec<Checked> = Vec::new();
    let mut ids = Vec::new();
    for ((id, _), verdict) in docs.into_iter().zip(verdicts) {
        match verdict.and_then(|c| check_doc(&id, &c.bundle).map(|()| c)) {
            Ok(mut c) => {
                let latest = c.contents.ops.iter().map(|o| o.stamp).max();
                let b = &c.bundle;
                if bundle::is_covered(coverage, b.device, b.last, latest) {
                    c.contents = Contents::default();
                }
                pulled.applied.push(id.clone());
                if !c.already_have {
                    ids.push(id);
                    sound.push(c);
                }
            }
            Err(e) => pulled.refused.push((id, e)),
        }
    }
    let changed = match store.import_with_meta(replica, &sound, now_ms, meta).await {
        Ok(changed) => changed,
        // Two bundles of one page contradicting each other: apply them one
        // by one so the sound one lands; the checkpoint goes with the last.
        Err(ImportError::Refused(_)) if sound.len() > 1 => {
            let mut changed = Vec::new();
            for (i, (c, id)) in sound.iter().zip(&ids).enumerate() {
                let m = if i + 1 == sound.len() { meta } else { &[] };
                match store
                    .import_with_meta(replica, std::slice::from_ref(c), now_ms, m)
                    .await
                {
                    Ok(more) => changed.extend(more),
                    Err(ImportError::Refused(e)) => {
                        pulled.applied.retain(|a| a != id);
                        pulled.refused.push((id.clone(), e));
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
        Err(ImportError::Refused(e)) => {
            // One document, refused inside the transaction (a contradiction
            // with what is stored): listed, and the checkpoint moves on.
            if let Some(id) = ids.first() {
                pulled.applied.retain(|a| a != id);
                pulled.refused.push((id.clone(), e));
            }
            store
                .import_with_meta(replica, &[], now_ms, meta)
                .await
                .map_err(import_err)?
        }
        Err(e) => return Err(import_err(e)),
    };
    pulled.count += sound.len();
    if !changed.is_empty() {
        on_changed(&changed);
    }
    Ok(())
}

pub(crate) fn import_err(e: ImportError) -> SyncError {
    match e {
        ImportError::Store(s) => s.into(),
        ImportError::Refused(b) => b.into(),
    }
}

/// Refused documents are fetched again only when that can succeed
/// ([`RefusedDoc::due`]); ids the previous release refused, once.
async fn retry_refused(
    work: &Apply<'_>,
    couch: &Couch,
    refused: &[RefusedDoc],
    pulled: &mut Pulled,
) -> Result<(), SyncError> {
    let (store, now_ms) = (work.store, work.now_ms);
    let old: Vec<String> = store
        .meta_get(OLD_REFUSED_KEY)
        .await
        .ok()
        .flatten()
        .unwrap_or_default();
    let mut ids: Vec<String> = refused
        .iter()
        .filter(|r| r.due(now_ms, APP))
        .map(|r| r.id.clone())
        .chain(old.iter().cloned())
        .collect();
    order::sort(&mut ids);
    ids.dedup();
    if !ids.is_empty() {
        let docs = couch
            .docs(&ids)
            .await?
            .into_iter()
            .map(|(id, doc)| (id, doc.to_string()))
            .collect();
        apply_docs(work, docs, &[], pulled).await?;
    }
    if !old.is_empty() {
        store
            .meta_put(OLD_REFUSED_KEY, &Vec::<String>::new())
            .await?;
    }
    Ok(())
}

/// Replaces this device's snapshot on the hub with the current state. Its
/// own pending bundles are pushed first, so the snapshot never claims
/// changes of this device that the hub does not hold.
pub async fn publish_snapshot(
    store: &Store,
    replica: &RefCell<Replica>,
    couch: &Couch,
    created: &str,
) -> Result<usize, SyncError> {
    for b in store.outgoing(replica, Cursor::Hub, created).await? {
        match couch.put_bundle(&b).await? {
            PushVerdict::Stored => store.mark_sent(Cursor::Hub, b.last, created).await?,
            PushVerdict::Contradicted(detail) => return Err(HubError::Contradiction(detail).into()),
            PushVerdict::Denied(status) => return Err(HubError::Denied(status).into()),
            PushVerdict::Failed(status) => {
                return Err(HubError::Server {
                    status,
                    reason: "the bundle was not stored".into(),
                }
                .into())
            }
        }
    }
    // Read before the state: the snapshot holds at least every action up to it.
    let covers = store.stored_seq().await?;
    let parts = store.export_snapshot(replica, created).await?;
    for part in &parts {
        couch.put_snapshot_part(part).await?;
    }
    // The hub's snapshot lets this device's outbox forget what it covers.
    store.mark_snapshot_on_hub(covers).await?;
    Ok(parts.len())
}
