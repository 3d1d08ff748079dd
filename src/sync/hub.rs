//! The CouchDB hub (DESIGN.md "Transports"), the parts that need no network:
//! document ids, the hub settings a person types, what a `PUT` answer means,
//! reading `_changes` pages, and picking a snapshot to join from. The
//! browser shell (`store::hub`) does the HTTP calls around these.
//!
//! Documents on the hub:
//! - `bundle:<device>:<first>`: one delta bundle, immutable (written once,
//!   with no revision; a retry gets 409 and compares hashes);
//! - `snapshot:<device>:<part>`: the latest snapshot of that device, part by
//!   part, overwritten in place (the hub keeps one per device).

use super::bundle::{Bundle, BundleKind};
use super::id::DeviceId;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// The id of a bundle's document: deltas by device and first sequence,
/// snapshots by device and part (so a newer snapshot replaces the older).
pub fn doc_id(b: &Bundle) -> String {
    match b.kind {
        BundleKind::Delta => format!("bundle:{}:{}", b.device, b.first),
        BundleKind::Snapshot => format!("snapshot:{}:{}", b.device, b.first),
    }
}

/// What a document id names, when it is one of ours.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocId {
    Delta { device: DeviceId, first: u64 },
    Snapshot { device: DeviceId, part: u64 },
}

pub fn parse_doc_id(id: &str) -> Option<DocId> {
    let mut parts = id.split(':');
    let (kind, device, n) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() {
        return None;
    }
    let device: DeviceId = device.parse().ok()?;
    let n: u64 = n.parse().ok()?;
    match kind {
        "bundle" => Some(DocId::Delta { device, first: n }),
        "snapshot" => Some(DocId::Snapshot { device, part: n }),
        _ => None,
    }
}

/// How the device signs in to the hub.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HubAuth {
    /// `Authorization: Basic …` on every request (the password is kept on
    /// this device so automatic sync can run).
    #[default]
    Basic,
    /// `POST /_session` once; the browser keeps CouchDB's cookie and the
    /// password is not stored.
    Cookie,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct HubSettings {
    /// The database URL, e.g. `https://couch.example.org/ventanilla-shop1`.
    pub url: String,
    pub auth: HubAuth,
    pub user: String,
    /// Only with basic auth.
    pub password: String,
    /// Sync by itself every few minutes while online.
    pub auto: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum HubSettingsError {
    #[error("the hub address must start with http:// or https://")]
    NotHttp,
    #[error("the hub address must name a database, e.g. https://host:5984/ventanilla")]
    NoDatabase,
    #[error("the hub address must not contain spaces, a query (?…) or a fragment (#…)")]
    BadCharacters,
    #[error("with cookie sign-in, type the user name")]
    UserMissing,
}

impl HubSettings {
    /// The database URL without a trailing slash, checked: http(s), a host
    /// and a database name, nothing the requests would have to escape.
    pub fn database_url(&self) -> Result<String, HubSettingsError> {
        let url = self.url.trim().trim_end_matches('/');
        let rest = url
            .strip_prefix("http://")
            .or_else(|| url.strip_prefix("https://"))
            .ok_or(HubSettingsError::NotHttp)?;
        if url.contains(char::is_whitespace) || url.contains(['?', '#']) {
            return Err(HubSettingsError::BadCharacters);
        }
        match rest.split_once('/') {
            Some((host, db)) if !host.is_empty() && !db.is_empty() => Ok(url.to_string()),
            _ => Err(HubSettingsError::NoDatabase),
        }
    }

    /// The server root (for `/_session`), from the database URL.
    pub fn server_url(&self) -> Result<String, HubSettingsError> {
        let db = self.database_url()?;
        Ok(db
            .rsplit_once('/')
            .map_or(db.clone(), |(s, _)| s.to_string()))
    }

    pub fn check(&self) -> Result<(), HubSettingsError> {
        self.database_url()?;
        if self.auth == HubAuth::Cookie && self.user.trim().is_empty() {
            return Err(HubSettingsError::UserMissing);
        }
        Ok(())
    }
}

/// What a `PUT` of an immutable bundle document came to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PutOutcome {
    Stored,
    /// 409: fetch the stored document and call [`conflict_outcome`].
    AlreadyThere,
    /// 401/403: the credentials or the database's `_security`.
    Denied,
    /// Anything else: try again later.
    Failed(u16),
}

pub fn put_outcome(status: u16) -> PutOutcome {
    match status {
        200..=202 => PutOutcome::Stored,
        409 => PutOutcome::AlreadyThere,
        401 | 403 => PutOutcome::Denied,
        s => PutOutcome::Failed(s),
    }
}

/// After a 409: the same hash means an earlier attempt landed (its reply
/// was lost), which is success; a different hash is a contradiction.
pub fn conflict_outcome(ours: &Bundle, stored: &Value) -> Result<(), String> {
    let stored_sha = stored.get("sha256").and_then(Value::as_str).unwrap_or("");
    if stored_sha == ours.sha256 {
        Ok(())
    } else {
        Err(format!(
            "the hub already holds a different bundle {} (hash {stored_sha:.12}…, ours {:.12}…)",
            doc_id(ours),
            ours.sha256
        ))
    }
}

/// One page of `GET /db/_changes?include_docs=true`.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct ChangesPage {
    #[serde(default)]
    pub results: Vec<Change>,
    /// Opaque: CouchDB 3 sends a string, pouchdb-server a number.
    #[serde(default)]
    pub last_seq: Value,
    #[serde(default)]
    pub pending: Option<u64>,
}

#[derive(Debug, Clone, Default, Deserialize)]
pub struct Change {
    #[serde(default)]
    pub id: String,
    #[serde(default)]
    pub deleted: bool,
    #[serde(default)]
    pub doc: Option<Value>,
}

/// The checkpoint to store: the feed's `since` value as text.
pub fn checkpoint_of(last_seq: &Value) -> Option<String> {
    match last_seq {
        Value::String(s) if !s.is_empty() => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// The bundle documents of a page worth reading: deltas from other devices
/// that this device does not hold yet. `held(device, first)` says whether a
/// bundle is already applied (or covered by a snapshot this device started
/// from). Documents are returned as JSON text, ready for `bundle::parse`.
pub fn wanted(
    page: &ChangesPage,
    own: DeviceId,
    held: impl Fn(DeviceId, u64) -> bool,
) -> Vec<(String, String)> {
    page.results
        .iter()
        .filter(|c| !c.deleted)
        .filter_map(|c| match parse_doc_id(&c.id)? {
            DocId::Delta { device, first } if device != own && !held(device, first) => {
                let doc = c.doc.as_ref()?;
                Some((c.id.clone(), doc.to_string()))
            }
            _ => None,
        })
        .collect()
}

/// From the snapshot documents on the hub, the parts of the newest complete
/// snapshot (by `created`), in part order. Incomplete sets (a device was
/// cut off mid-upload) are skipped.
pub fn newest_snapshot(docs: &[Value]) -> Vec<Value> {
    let mut by_device: BTreeMap<String, Vec<&Value>> = BTreeMap::new();
    for d in docs {
        if let Some(DocId::Snapshot { device, .. }) =
            d.get("_id").and_then(Value::as_str).and_then(parse_doc_id)
        {
            by_device.entry(device.to_string()).or_default().push(d);
        }
    }
    let num = |d: &Value, k: &str| d.get(k).and_then(Value::as_u64).unwrap_or(0);
    let text = |d: &Value, k: &str| d.get(k).and_then(Value::as_str).unwrap_or("").to_string();
    let mut best: Option<(String, Vec<Value>)> = None;
    for parts in by_device.values() {
        let Some(first) = parts.iter().find(|d| num(d, "first") == 1) else {
            continue;
        };
        let (n, created) = (num(first, "last"), text(first, "created"));
        let mut set: Vec<Value> = parts
            .iter()
            .filter(|d| num(d, "last") == n && text(d, "created") == created)
            .map(|d| (*d).clone())
            .collect();
        set.sort_by_key(|d| num(d, "first"));
        set.dedup_by_key(|d| num(d, "first"));
        let complete = set.len() as u64 == n;
        if complete && best.as_ref().is_none_or(|(c, _)| created > *c) {
            best = Some((created, set));
        }
    }
    best.map(|(_, set)| set).unwrap_or_default()
}
