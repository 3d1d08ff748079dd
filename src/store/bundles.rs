//! Bundle files in and out of the store (docs/architecture.md "Bundles"): export this
//! device's actions since the last export, or everything as a snapshot;
//! check files before anything is applied; apply them all in one
//! transaction. The format itself is `sync::bundle` (pure).

use super::idb;
use super::records::{
    get_all_strings, get_json, js_err, put_json, Store, StoreError, BUCKETS, BUNDLES, META,
    RECORD_STORES,
};
use crate::domain::base::order;
use crate::sync::bundle::{
    self, Bundle, BundleError, BundleKind, BundleMeta, ChainCheck, Claim, Contents, Coverage,
};
use crate::sync::stored::{encode_all, encode_all_split, ChangedRecord};
// The domain's limits: every value of every bundle read (files, hub
// documents, snapshots) meets them before anything is applied.
use crate::domain::schema::RecordSchema;
use crate::sync::{DeviceId, Replica, Stamp};
use std::cell::RefCell;
use std::collections::BTreeMap;
use wasm_bindgen::JsValue;

/// Version of the record schema carried in bundles.
pub const SCHEMA: u32 = 1;

/// Kinds this version knows; a bundle naming another is refused whole.
pub use crate::domain::KNOWN_KINDS;

/// Per device, the sequence up to which snapshots this device applied
/// claim to hold its changes (`meta` key `covered`, as the previous release
/// wrote it); the claims' heads are under `covered_heads` (see
/// `sync::bundle::is_covered`). A `covered` written by the previous release
/// (without heads) counted the highest sequence seen, gaps and all: it is
/// never trusted (`store::hub` re-reads the hub's feed once instead).
pub type Covered = BTreeMap<DeviceId, u64>;
const COVERED: &str = "covered";
pub(crate) const COVERED_HEADS: &str = "covered_heads";

/// The coverage claims held in `meta` (empty when unreadable or legacy).
async fn coverage_in(meta: &web_sys::IdbObjectStore) -> Coverage {
    let seqs = get_json::<Covered>(meta, COVERED).await.ok().flatten();
    let heads = get_json::<BTreeMap<DeviceId, Stamp>>(meta, COVERED_HEADS)
        .await
        .ok()
        .flatten();
    let (Some(seqs), Some(heads)) = (seqs, heads) else {
        return Coverage::new();
    };
    seqs.into_iter()
        .filter_map(|(d, seq)| {
            Some((
                d,
                Claim {
                    seq,
                    head: *heads.get(&d)?,
                },
            ))
        })
        .collect()
}

fn put_coverage(meta: &web_sys::IdbObjectStore, c: &Coverage) -> Result<(), StoreError> {
    let seqs: Covered = c.iter().map(|(d, c)| (*d, c.seq)).collect();
    let heads: BTreeMap<DeviceId, Stamp> = c.iter().map(|(d, c)| (*d, c.head)).collect();
    put_json(meta, COVERED, &seqs)?;
    put_json(meta, COVERED_HEADS, &heads)
}

/// The claims of applied snapshots, and the (device, first) of every delta held.
pub async fn held_deltas(
    store: &Store,
) -> Result<(Coverage, std::collections::HashSet<(DeviceId, u64)>), StoreError> {
    let tx = store.tx(&[META, BUNDLES], false)?;
    let meta = tx.object_store(META).map_err(js_err)?;
    let covered = coverage_in(&meta).await;
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
    /// A delta whose sender's earlier changes are neither held here nor
    /// among the files checked with it (the sender may have pruned them:
    /// the preview says to start from a snapshot of it).
    pub missing_before: bool,
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
        let tx = self.tx(&[BUNDLES, META], false)?;
        let known = self.known_bundles(&tx).await?;
        let coverage = coverage_in(&tx.object_store(META).map_err(js_err)?).await;
        let (device, seq) = {
            let r = replica.borrow();
            (r.device(), r.seq)
        };
        let mut out: Vec<Result<Checked, BundleError>> = texts
            .iter()
            .map(|t| check_one(t, &known, device, seq, now_ms))
            .collect();
        // A predecessor among the other files counts as held.
        let batch: std::collections::HashSet<String> = out
            .iter()
            .flatten()
            .map(|c| c.bundle.sha256.clone())
            .collect();
        for c in out.iter_mut().flatten() {
            let b = &c.bundle;
            let covered = coverage
                .get(&b.device)
                .is_some_and(|claim| claim.seq.saturating_add(1) >= b.first);
            c.missing_before = !c.already_have
                && b.kind == BundleKind::Delta
                && !b.prev_sha256.is_empty()
                && !batch.contains(&b.prev_sha256)
                && !known.iter().any(|m| m.sha256 == b.prev_sha256)
                && !covered;
        }
        Ok(out)
    }

    /// Applies checked bundles in one transaction: every one or none. The
    /// chain is checked again inside, against what is stored now.
    ///
    /// These came as files: each sending device is a peer this device
    /// waits for before pruning its outbox (`sync::prune`), and a peer's
    /// snapshot shows how much of this device's changes it holds.
    pub async fn import(
        &self,
        replica: &RefCell<Replica>,
        checked: &[Checked],
        now_ms: u64,
    ) -> Result<Vec<ChangedRecord>, ImportError> {
        let own = replica.borrow().device();
        let peers = peers_heard(checked, own);
        let changed = self
            .import_in(replica, checked, now_ms, &[], &peers)
            .await?;
        if !peers.is_empty() {
            if let Err(e) = self.prune_outbox().await {
                web_sys::console::warn_1(&format!("outbox not pruned: {e}").into());
            }
        }
        Ok(changed)
    }

    /// [`Store::import`] that also writes `meta` entries in the same
    /// transaction: a hub checkpoint lands together with the data it covers,
    /// so it is never ahead of it. (The hub's documents make no device a
    /// peer of this one: the hub is the peer.)
    pub async fn import_with_meta(
        &self,
        replica: &RefCell<Replica>,
        checked: &[Checked],
        now_ms: u64,
        meta: &[(&str, serde_json::Value)],
    ) -> Result<Vec<ChangedRecord>, ImportError> {
        self.import_in(replica, checked, now_ms, meta, &[]).await
    }

    async fn import_in(
        &self,
        replica: &RefCell<Replica>,
        checked: &[Checked],
        now_ms: u64,
        meta: &[(&str, serde_json::Value)],
        peers: &[(DeviceId, u64)],
    ) -> Result<Vec<ChangedRecord>, ImportError> {
        let tx = self.tx(&[&RECORD_STORES[..], &[BUNDLES]].concat(), true)?;
        let done = idb::completion(&tx);
        let applied = async {
            let changed = self.apply_in(&tx, replica, checked, now_ms).await?;
            let store = tx.object_store(META).map_err(js_err)?;
            for (key, value) in meta {
                put_json(&store, key, value)?;
            }
            super::prune::heard_from_in(&tx, peers).await?;
            Ok::<_, ImportError>(changed)
        };
        match applied.await {
            Ok(changed) => {
                #[cfg(feature = "hooks")]
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
        let (_, state) = super::records::read_buckets(
            tx,
            todo.iter()
                .flat_map(|c| c.contents.ops.iter().map(|o| (o.kind.as_str(), o.id))),
        )
        .await?;
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
        let buckets = tx.object_store(BUCKETS).map_err(js_err)?;
        for (b, text) in encode_all(&work.state) {
            buckets
                .put_with_key(&JsValue::from_str(&text), &JsValue::from(b))
                .map_err(js_err)?;
        }
        let rows = super::records::row_stores(tx)?;
        for (b, views) in encode_all_split(&work.state, crate::domain::history::HISTORY) {
            rows.put(b, &views).map_err(js_err)?;
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
        let claims = snapshot_claims(checked);
        if !claims.is_empty() {
            let mut covered = coverage_in(&meta).await;
            let before = covered.clone();
            bundle::join_coverage(&mut covered, &claims);
            if covered != before {
                put_coverage(&meta, &covered)?;
            }
        }
        put_json(&meta, "clock", &work.clock)?;
        replica.borrow_mut().clock = work.clock;
        order::sort(&mut changed_keys);
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
        let mut state = self.load_state().await?;
        // What an older version stored unchecked would make every device
        // refuse the whole snapshot: it stays here and out of the file.
        let left_out = crate::domain::schema::retain_importable(&mut state);
        if !left_out.is_empty() {
            let msg = format!(
                "snapshot: {} stored values beyond the import limits left out: {}",
                left_out.len(),
                left_out.join("; ")
            );
            web_sys::console::warn_1(&msg.into());
        }
        let tx = self.tx(&[BUNDLES, META], false)?;
        let known = self.known_bundles(&tx).await?;
        let coverage = coverage_in(&tx.object_store(META).map_err(js_err)?).await;
        let (device, seq) = {
            let r = replica.borrow();
            (r.device(), r.seq)
        };
        let frontier = bundle::snapshot_frontier(device, seq, &known, &coverage, &state);
        Ok(bundle::make_snapshot_bundles(
            device, &state, &frontier, SCHEMA, created,
        ))
    }
}

/// The coverage claimed by the snapshots among `checked` whose every part
/// is there (a snapshot cut into parts claims its frontier only as a whole:
/// parts imported one by one claim nothing, so nothing is skipped).
fn snapshot_claims(checked: &[Checked]) -> Coverage {
    let mut out = Coverage::new();
    for (_, claims) in snapshot_claims_by_device(checked) {
        bundle::join_coverage(&mut out, &claims);
    }
    out
}

/// The devices that sent `checked` (other than `own`), each with how much
/// of `own`'s changes its whole snapshots among them claim (0 for none).
fn peers_heard(checked: &[Checked], own: DeviceId) -> Vec<(DeviceId, u64)> {
    let mut peers: BTreeMap<DeviceId, u64> = BTreeMap::new();
    for c in checked.iter().filter(|c| c.bundle.device != own) {
        peers.entry(c.bundle.device).or_insert(0);
    }
    for (device, claims) in snapshot_claims_by_device(checked) {
        if let (Some(held), Some(n)) = (claims.get(&own), peers.get_mut(&device)) {
            *n = (*n).max(held.seq);
        }
    }
    peers.into_iter().collect()
}

/// Per whole snapshot among `checked`: its device and what it claims.
fn snapshot_claims_by_device(checked: &[Checked]) -> Vec<(DeviceId, Coverage)> {
    let mut groups: BTreeMap<(DeviceId, &str, u64), Vec<&Checked>> = BTreeMap::new();
    for c in checked
        .iter()
        .filter(|c| c.bundle.kind == BundleKind::Snapshot)
    {
        let b = &c.bundle;
        groups
            .entry((b.device, b.created.as_str(), b.last))
            .or_default()
            .push(c);
    }
    let mut out = Vec::new();
    for ((device, _, parts), group) in groups {
        let mut firsts: Vec<u64> = group.iter().map(|c| c.bundle.first).collect();
        order::sort(&mut firsts);
        firsts.dedup();
        let whole = firsts.len() as u64 == parts && firsts.iter().zip(1u64..).all(|(a, b)| *a == b);
        let Some(first) = group.first().map(|c| &c.bundle) else {
            continue;
        };
        let same = group.iter().all(|c| {
            c.bundle.frontier == first.frontier
                && c.bundle.frontier_gap_free == first.frontier_gap_free
        });
        if whole && same {
            let contents: Vec<&Contents> = group.iter().map(|c| &c.contents).collect();
            out.push((device, bundle::claims(first, &contents)));
        }
    }
    out
}

/// Reads a chosen file's text, refusing one too large to be a bundle before
/// any of it is read (a `File` knows its size in bytes): a huge file would
/// otherwise be held in memory, then parsed, before being refused.
pub async fn read_file(file: &web_sys::File) -> Result<String, BundleError> {
    // `as` saturates: a size beyond usize is refused too.
    bundle::check_size(file.size().max(0.0) as usize)?;
    wasm_bindgen_futures::JsFuture::from(file.text())
        .await
        .ok()
        .and_then(|v| v.as_string())
        .ok_or_else(|| BundleError::NotJson("the file could not be read".into()))
}

fn check_one(
    text: &str,
    known: &[BundleMeta],
    device: DeviceId,
    seq: u64,
    now_ms: u64,
) -> Result<Checked, BundleError> {
    let b = bundle::parse(text)?;
    let contents = bundle::decode(&b, &RecordSchema)?;
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
        missing_before: false,
    })
}
