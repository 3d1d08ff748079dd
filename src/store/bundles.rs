//! Bundle files in and out of the store (DESIGN.md "Bundles"): export this
//! device's actions since the last export, or everything as a snapshot;
//! check files before anything is applied; apply them all in one
//! transaction. The format itself is `sync::bundle` (pure).

use super::idb;
use super::records::{
    get_all_strings, get_json, js_err, put_json, Store, StoreError, BUCKETS, BUNDLES, META, VIEWS,
};
use crate::sync::bundle::{
    self, Bundle, BundleError, BundleKind, BundleMeta, ChainCheck, Contents,
};
use crate::sync::stored::{
    bucket_of, decode_bucket_into, encode_all, encode_all_views, ChangedRecord,
};
use crate::sync::{DeviceId, Replica, State};
use std::cell::RefCell;
use std::collections::BTreeMap;
use wasm_bindgen::JsValue;

/// Version of the record schema carried in bundles.
pub const SCHEMA: u32 = 1;

/// Kinds this version knows; a bundle naming another is refused whole.
pub use crate::domain::KNOWN_KINDS;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct BackupStatus {
    pub pending: u64,
    pub oldest_pending_ms: Option<u64>,
    pub last_export: Option<String>,
}

/// After this long with changes only on this device, the shell reminds.
pub const BACKUP_REMINDER_MS: u64 = 3 * 24 * 60 * 60 * 1000;

/// Per device, the sequence up to which a snapshot this device applied
/// already holds its changes: older deltas need not be fetched again.
pub type Covered = BTreeMap<DeviceId, u64>;

/// The `covered` map and the (device, first) of every delta held.
pub async fn held_deltas(
    store: &Store,
) -> Result<(Covered, std::collections::HashSet<(DeviceId, u64)>), StoreError> {
    let tx = store.tx(&[META, BUNDLES], false)?;
    let meta = tx.object_store(META).map_err(js_err)?;
    let covered = get_json::<Covered>(&meta, "covered")
        .await?
        .unwrap_or_default();
    let held = store
        .known_bundles(&tx)
        .await?
        .into_iter()
        .filter(|m| m.kind == BundleKind::Delta)
        .map(|m| (m.device, m.first))
        .collect();
    Ok((covered, held))
}

/// One checked file, ready to apply, and what the preview shows.
#[derive(Clone)]
pub struct Checked {
    pub bundle: Bundle,
    pub contents: Contents,
    pub already_have: bool,
    /// Earliest and latest change, in ms.
    pub span: Option<(u64, u64)>,
}

pub(crate) fn meta_key(m: &BundleMeta) -> String {
    let kind = match m.kind {
        BundleKind::Delta => "delta",
        BundleKind::Snapshot => "snapshot",
    };
    format!("{}:{kind}:{}:{}", m.device, m.first, m.sha256)
}

#[derive(Debug, Clone, PartialEq)]
pub enum ImportError {
    Refused(BundleError),
    Store(StoreError),
}

impl From<StoreError> for ImportError {
    fn from(e: StoreError) -> Self {
        ImportError::Store(e)
    }
}

impl From<idb::IdbError> for ImportError {
    fn from(e: idb::IdbError) -> Self {
        ImportError::Store(e.into())
    }
}

impl Store {
    async fn known_bundles(
        &self,
        tx: &web_sys::IdbTransaction,
    ) -> Result<Vec<BundleMeta>, StoreError> {
        Ok(get_all_strings(tx, BUNDLES)
            .await?
            .iter()
            .filter_map(|t| serde_json::from_str(t).ok())
            .collect())
    }

    /// Parses and checks files without changing anything: the preview.
    /// Each file gets its own verdict; nothing is applied here.
    pub async fn check_files(
        &self,
        replica: &RefCell<Replica>,
        texts: &[String],
        now_ms: u64,
    ) -> Result<Vec<Result<Checked, BundleError>>, StoreError> {
        let tx = self.tx(&[BUNDLES], false)?;
        let known = self.known_bundles(&tx).await?;
        let (device, seq) = {
            let r = replica.borrow();
            (r.device(), r.seq)
        };
        Ok(texts
            .iter()
            .map(|t| check_one(t, &known, device, seq, now_ms))
            .collect())
    }

    /// Applies checked bundles in one transaction: every one or none. The
    /// chain is checked again inside, against what is stored now.
    pub async fn import(
        &self,
        replica: &RefCell<Replica>,
        checked: &[Checked],
        now_ms: u64,
    ) -> Result<Vec<ChangedRecord>, ImportError> {
        self.import_with_meta(replica, checked, now_ms, &[]).await
    }

    /// [`Store::import`] that also writes `meta` entries in the same
    /// transaction: a hub checkpoint lands together with the data it covers,
    /// so it is never ahead of it.
    pub async fn import_with_meta(
        &self,
        replica: &RefCell<Replica>,
        checked: &[Checked],
        now_ms: u64,
        meta: &[(&str, serde_json::Value)],
    ) -> Result<Vec<ChangedRecord>, ImportError> {
        let tx = self.tx(&[META, BUCKETS, VIEWS, BUNDLES], true)?;
        let done = idb::completion(&tx);
        let applied = async {
            let changed = self.apply_in(&tx, replica, checked, now_ms).await?;
            let store = tx.object_store(META).map_err(js_err)?;
            for (key, value) in meta {
                put_json(&store, key, value)?;
            }
            Ok::<_, ImportError>(changed)
        };
        match applied.await {
            Ok(changed) => {
                super::hold::hold_if_asked(&tx).await?;
                done.await.map_err(StoreError::from)?;
                Ok(changed)
            }
            Err(e) => {
                let _ = tx.abort();
                let _ = done.await;
                Err(e)
            }
        }
    }

    async fn apply_in(
        &self,
        tx: &web_sys::IdbTransaction,
        replica: &RefCell<Replica>,
        checked: &[Checked],
        now_ms: u64,
    ) -> Result<Vec<ChangedRecord>, ImportError> {
        let mut known = self.known_bundles(tx).await?;
        let (device, seq) = {
            let r = replica.borrow();
            (r.device(), r.seq)
        };
        let mut todo: Vec<&Checked> = Vec::new();
        for c in checked {
            match bundle::check_chain(&known, &c.bundle, device, seq)
                .map_err(ImportError::Refused)?
            {
                ChainCheck::AlreadyHave => {}
                ChainCheck::New { .. } => {
                    known.push(c.bundle.meta());
                    todo.push(c);
                }
            }
        }
        let mut touched: Vec<u32> = todo
            .iter()
            .flat_map(|c| c.contents.ops.iter().map(|o| bucket_of(&o.kind, o.id)))
            .collect();
        touched.sort_unstable();
        touched.dedup();
        let buckets = tx.object_store(BUCKETS).map_err(js_err)?;
        let mut state = State::default();
        for b in &touched {
            if let Some(text) = idb::request(&buckets.get(&JsValue::from(*b)).map_err(js_err)?)
                .await?
                .as_string()
            {
                decode_bucket_into(&text, &mut state).map_err(StoreError::from)?;
            }
        }
        let mut work = Replica {
            state,
            ..replica.borrow().clone()
        };
        let mut changed_keys = Vec::new();
        for c in &todo {
            changed_keys.extend(
                bundle::apply_contents(&mut work, &c.contents, now_ms)
                    .map_err(ImportError::Refused)?,
            );
        }
        // `work.state` holds exactly the touched buckets: one pass each.
        let views = tx.object_store(VIEWS).map_err(js_err)?;
        for (b, text) in encode_all(&work.state) {
            buckets
                .put_with_key(&JsValue::from_str(&text), &JsValue::from(b))
                .map_err(js_err)?;
        }
        for (b, text) in encode_all_views(&work.state) {
            views
                .put_with_key(&JsValue::from_str(&text), &JsValue::from(b))
                .map_err(js_err)?;
        }
        let store = tx.object_store(BUNDLES).map_err(js_err)?;
        for c in &todo {
            let m = c.bundle.meta();
            let text = serde_json::to_string(&m).map_err(|e| StoreError::Corrupt(e.to_string()))?;
            store
                .put_with_key(&JsValue::from_str(&text), &JsValue::from_str(&meta_key(&m)))
                .map_err(js_err)?;
        }
        let meta = tx.object_store(META).map_err(js_err)?;
        let snapshots = todo.iter().filter_map(|c| c.bundle.frontier.as_ref());
        let mut covered = get_json::<Covered>(&meta, "covered")
            .await?
            .unwrap_or_default();
        let before = covered.len();
        let mut grew = false;
        for frontier in snapshots {
            for (device, seq) in frontier {
                let e = covered.entry(*device).or_default();
                grew |= *seq > *e;
                *e = (*e).max(*seq);
            }
        }
        if grew || covered.len() != before {
            put_json(&meta, "covered", &covered)?;
        }
        put_json(&meta, "clock", &work.clock)?;
        replica.borrow_mut().clock = work.clock;
        changed_keys.sort();
        changed_keys.dedup();
        Ok(changed_keys
            .into_iter()
            .map(|k| {
                let json = work
                    .state
                    .get(&k.kind, k.id)
                    .filter(|e| !e.is_deleted())
                    .map(|e| e.to_json());
                (k.kind, k.id, json)
            })
            .collect())
    }

    /// Everything this device holds, as snapshot bundle parts: a new device
    /// starts from these without replaying old bundles.
    pub async fn export_snapshot(
        &self,
        replica: &RefCell<Replica>,
        created: &str,
    ) -> Result<Vec<Bundle>, StoreError> {
        let state = self.load_state().await?;
        let tx = self.tx(&[BUNDLES], false)?;
        let known = self.known_bundles(&tx).await?;
        let (device, seq) = {
            let r = replica.borrow();
            (r.device(), r.seq)
        };
        let mut frontier: BTreeMap<DeviceId, u64> = BTreeMap::new();
        for m in known.iter().filter(|m| m.kind == BundleKind::Delta) {
            let e = frontier.entry(m.device).or_default();
            *e = (*e).max(m.last);
        }
        frontier.insert(device, seq);
        Ok(bundle::make_snapshot_bundles(
            device, &state, &frontier, SCHEMA, created,
        ))
    }
}

fn check_one(
    text: &str,
    known: &[BundleMeta],
    device: DeviceId,
    seq: u64,
    now_ms: u64,
) -> Result<Checked, BundleError> {
    let b = bundle::parse(text)?;
    let contents = bundle::decode(&b, KNOWN_KINDS)?;
    bundle::check_stamps(&contents.ops, now_ms)?;
    let already_have = matches!(
        bundle::check_chain(known, &b, device, seq)?,
        ChainCheck::AlreadyHave
    );
    let span = contents
        .ops
        .iter()
        .map(|o| o.stamp.ms)
        .fold(None, |acc: Option<(u64, u64)>, ms| match acc {
            None => Some((ms, ms)),
            Some((lo, hi)) => Some((lo.min(ms), hi.max(ms))),
        });
    Ok(Checked {
        bundle: b,
        contents,
        already_have,
        span,
    })
}
