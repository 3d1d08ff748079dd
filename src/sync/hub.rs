//! The CouchDB hub (docs/architecture.md "Transports"), the parts that need no network:
//! document ids and whether a body fits its id, the hub settings a person
//! types, what a push came to, and paging through `_changes` without going
//! round in circles. Choosing a snapshot to join from is `sync::join`. The
//! browser shell (`store::hub`) does the HTTP calls around these.
//!
//! Documents on the hub:
//! - `bundle:<device>:<first>`: one delta bundle, immutable (written once,
//!   with no revision; a retry gets 409 and compares hashes);
//! - `snapshot:<device>:<part>`: the latest snapshot of that device, part by
//!   part, overwritten in place (the hub keeps one per device).

use super::bundle::{Bundle, BundleError, BundleKind};
use super::id::DeviceId;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// The id of a bundle's document: deltas by device and first sequence,
/// snapshots by device and part (so a newer snapshot replaces the older).
pub fn doc_id(b: &Bundle) -> String {
    match b.kind {
        BundleKind::Delta => format!("bundle:{}:{}", b.device, b.first),
        BundleKind::Snapshot => format!("snapshot:{}:{}", b.device, b.first),
    }
}

/// The id of the delta document of `device` starting at `first`.
pub fn delta_id(device: DeviceId, first: u64) -> String {
    format!("bundle:{device}:{first}")
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

/// What pushing one bundle came to, all things considered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PushVerdict {
    /// The hub holds our bundle (now, or from an attempt whose reply was lost).
    Stored,
    /// The hub holds a different bundle under this device's number: nothing
    /// after it can be pushed (it would break the chain). Reported, and the
    /// sync goes on to pull.
    Contradicted(String),
    /// 401/403 with no bundle of ours there: credentials or `_security`.
    Denied(u16),
    /// Anything else: try again at the next sync.
    Failed(u16),
}

/// Judges a push from the `PUT` status and, after a 409 or a refusal, the
/// document the hub holds under that id (`None` when it could not be read).
/// A server may validate before it checks revisions (pouchdb-server answers
/// 403 where CouchDB answers 409), so a different bundle found under our id
/// is a contradiction whichever of the two came back.
pub fn push_verdict(status: u16, stored: Option<&Value>, ours: &Bundle) -> PushVerdict {
    match put_outcome(status) {
        PutOutcome::Stored => PushVerdict::Stored,
        PutOutcome::Failed(s) => PushVerdict::Failed(s),
        PutOutcome::AlreadyThere | PutOutcome::Denied => match stored {
            Some(doc) => match conflict_outcome(ours, doc) {
                Ok(()) => PushVerdict::Stored,
                Err(detail) => PushVerdict::Contradicted(detail),
            },
            None if status == 409 => PushVerdict::Failed(status),
            None => PushVerdict::Denied(status),
        },
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

/// Pages of `_changes` one sync reads at most; the next sync continues.
pub const MAX_PAGES_PER_SYNC: u32 = 1000;

/// Guards the paging through `_changes` within one sync: a checkpoint the
/// feed already gave in this sync means it goes round in a circle (a broken
/// or lying hub), and the number of pages is bounded.
#[derive(Debug, Clone)]
pub struct FeedGuard {
    seen: std::collections::BTreeSet<String>,
    pages: u32,
    max_pages: u32,
}

/// What to do with one page of the feed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FeedStep {
    /// Apply the page with this checkpoint (None: the feed gave none);
    /// `more`: ask for the next page afterwards.
    Apply { next: Option<String>, more: bool },
    /// The page's checkpoint was already given in this sync: stop, apply
    /// nothing of the page, report an error.
    Cycle(String),
}

impl FeedGuard {
    /// Starts at the stored checkpoint `since`.
    pub fn new(since: Option<&str>, max_pages: u32) -> Self {
        FeedGuard {
            seen: since.map(str::to_string).into_iter().collect(),
            pages: 0,
            max_pages,
        }
    }

    /// Judges a page asked for with `since` and `limit`.
    pub fn page(&mut self, since: Option<&str>, page: &ChangesPage, limit: u32) -> FeedStep {
        let next = checkpoint_of(&page.last_seq);
        self.pages = self.pages.saturating_add(1);
        let stalled = next.is_none() || next.as_deref() == since;
        if let Some(n) = next.as_deref().filter(|_| !stalled) {
            if !self.seen.insert(n.to_string()) {
                return FeedStep::Cycle(n.to_string());
            }
        }
        let full = page.results.len() >= limit as usize;
        let more = full && !stalled && self.pages < self.max_pages;
        FeedStep::Apply { next, more }
    }
}

/// Checks that a hub document's body is what its id names: a `bundle:`
/// id holds that device's delta starting at that number, a `snapshot:` id
/// that device's snapshot part. Anything else is refused, never applied.
pub fn check_doc(id: &str, b: &Bundle) -> Result<(), BundleError> {
    let fits = match parse_doc_id(id) {
        Some(DocId::Delta { device, first }) => {
            b.kind == BundleKind::Delta && b.device == device && b.first == first
        }
        Some(DocId::Snapshot { device, part }) => {
            b.kind == BundleKind::Snapshot && b.device == device && b.first == part
        }
        None => false,
    };
    if fits {
        Ok(())
    } else {
        Err(BundleError::WrongDocument { id: id.into() })
    }
}

/// The bundle documents of a page worth reading: deltas from other devices
/// that this device does not hold yet. `held(device, first)` says whether a
/// bundle is already applied (or known refused). Documents are returned as
/// JSON text, ready for `bundle::parse`; a delta inside the coverage of an
/// applied snapshot is still read, and skipped only after its contents
/// were checked against that coverage (`bundle::is_covered`).
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

/// A hub document this device refused. It is kept (in `meta`) so that it
/// is listed once under Sync → Refused with its reason, and not fetched and
/// reported again on every sync; it is tried again only when that can
/// succeed: a change dated over a day ahead once enough time has passed,
/// anything else when a different version of the app runs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RefusedDoc {
    pub id: String,
    pub reason: BundleError,
    /// When it was first refused (ms since 1970).
    pub at_ms: u64,
    /// The version of the app that refused it.
    pub app: String,
    /// From when trying again may succeed.
    #[serde(default)]
    pub retry_at_ms: Option<u64>,
}

impl RefusedDoc {
    pub fn new(id: &str, reason: BundleError, now_ms: u64, app: &str) -> Self {
        let retry_at_ms = match reason {
            BundleError::FromFuture { ahead_ms } => Some(
                now_ms
                    .saturating_add(ahead_ms)
                    .saturating_sub(super::clock::MAX_FUTURE_MS),
            ),
            _ => None,
        };
        RefusedDoc {
            id: id.into(),
            reason,
            at_ms: now_ms,
            app: app.into(),
            retry_at_ms,
        }
    }

    /// Whether to fetch and check it again now.
    pub fn due(&self, now_ms: u64, app: &str) -> bool {
        self.app != app || self.retry_at_ms.is_some_and(|t| now_ms >= t)
    }
}

/// Folds one sync's outcome into the list of refused documents: documents
/// that now applied leave it, documents refused again keep their first
/// date, new ones join it. Returns the ids that are new to the list (the
/// only ones the status line mentions).
pub fn note_refused(
    list: &mut Vec<RefusedDoc>,
    applied: &[String],
    refused: &[(String, BundleError)],
    now_ms: u64,
    app: &str,
) -> Vec<String> {
    list.retain(|r| !applied.contains(&r.id));
    let mut new = Vec::new();
    for (id, reason) in refused {
        let fresh = RefusedDoc::new(id, reason.clone(), now_ms, app);
        match list.iter_mut().find(|r| r.id == *id) {
            Some(r) => {
                *r = RefusedDoc {
                    at_ms: r.at_ms,
                    ..fresh
                }
            }
            None => {
                new.push(id.clone());
                list.push(fresh);
            }
        }
    }
    new
}
