//! A small CouchDB 3 client for the hub: just the calls docs/architecture.md's
//! transport needs, over `fetch` (gloo-net). Every request has a timeout so
//! a dead connection fails instead of hanging the sync.

use crate::sync::bundle::Bundle;
use crate::sync::hub::{
    self, ChangesPage, HubAuth, HubSettings, HubSettingsError, PushVerdict, PutOutcome,
};
use base64::Engine as _;
use gloo_net::http::{Request, RequestBuilder};
use serde_json::{json, Value};
use web_sys::RequestCredentials;

/// A request that has not answered within this long is given up.
const TIMEOUT_MS: u32 = 30_000;

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum HubError {
    #[error("{0}")]
    Settings(HubSettingsError),
    /// fetch() failed: no network, server down, or CORS not set up.
    #[error("the hub cannot be reached: {0}")]
    Unreachable(String),
    #[error("the hub refused the user name or password (HTTP {0})")]
    Denied(u16),
    #[error("the database does not exist on the hub")]
    NoDatabase,
    #[error("the hub answered HTTP {status}: {reason}")]
    Server { status: u16, reason: String },
    #[error("{0}")]
    Contradiction(String),
    #[error("the hub sent something that is not CouchDB's answer: {0}")]
    BadAnswer(String),
    #[error("the hub's list of changes goes round in a circle (checkpoint {0} came back): the sync stopped")]
    FeedCycle(String),
}

pub struct Couch {
    db: String,
    server: String,
    auth: HubAuth,
    basic: Option<String>,
}

/// CouchDB's reason for an error answer, when it gives one.
fn reason(body: &str) -> String {
    serde_json::from_str::<Value>(body)
        .ok()
        .and_then(|v| v.get("reason").and_then(Value::as_str).map(str::to_string))
        .unwrap_or_else(|| body.chars().take(200).collect())
}

fn status_error(status: u16, body: &str) -> HubError {
    match status {
        401 | 403 => HubError::Denied(status),
        404 => HubError::NoDatabase,
        _ => HubError::Server {
            status,
            reason: reason(body),
        },
    }
}

impl Couch {
    pub fn new(settings: &HubSettings) -> Result<Couch, HubError> {
        settings.check().map_err(HubError::Settings)?;
        let db = settings.database_url().map_err(HubError::Settings)?;
        let server = settings.server_url().map_err(HubError::Settings)?;
        let basic = (settings.auth == HubAuth::Basic && !settings.user.is_empty()).then(|| {
            let pair = format!("{}:{}", settings.user, settings.password);
            format!(
                "Basic {}",
                base64::engine::general_purpose::STANDARD.encode(pair)
            )
        });
        Ok(Couch {
            db,
            server,
            auth: settings.auth,
            basic,
        })
    }

    /// The database URL (names this hub's checkpoint).
    pub fn database(&self) -> &str {
        &self.db
    }

    fn request(&self, builder: RequestBuilder) -> RequestBuilder {
        let signal = web_sys::AbortSignal::timeout_with_u32(TIMEOUT_MS);
        let builder = builder
            .header("Accept", "application/json")
            .abort_signal(Some(&signal));
        match (&self.basic, self.auth) {
            (Some(header), _) => builder.header("Authorization", header),
            (None, HubAuth::Cookie) => builder.credentials(RequestCredentials::Include),
            (None, HubAuth::Basic) => builder,
        }
    }

    /// Sends and reads the whole answer: (status, body).
    async fn send(
        &self,
        builder: RequestBuilder,
        body: Option<String>,
    ) -> Result<(u16, String), HubError> {
        let builder = self.request(builder);
        let request = match body {
            Some(text) => builder
                .header("Content-Type", "application/json")
                .body(text),
            None => builder.build(),
        }
        .map_err(|e| HubError::BadAnswer(e.to_string()))?;
        let response = request
            .send()
            .await
            .map_err(|e| HubError::Unreachable(e.to_string()))?;
        let status = response.status();
        let text = response
            .text()
            .await
            .map_err(|e| HubError::Unreachable(e.to_string()))?;
        Ok((status, text))
    }

    fn doc_url(&self, id: &str) -> String {
        format!("{}/{}", self.db, js_sys::encode_uri_component(id))
    }

    /// Cookie sign-in: `POST /_session`; the browser keeps the cookie.
    pub async fn sign_in(&self, user: &str, password: &str) -> Result<(), HubError> {
        let body = json!({ "name": user, "password": password }).to_string();
        let url = format!("{}/_session", self.server);
        let builder = Request::post(&url).credentials(RequestCredentials::Include);
        match self.send(builder, Some(body)).await? {
            (200, _) => Ok(()),
            (status, text) => Err(status_error(status, &text)),
        }
    }

    /// The database answers: address, credentials and CORS are right.
    pub async fn check(&self) -> Result<(), HubError> {
        match self.send(Request::get(&self.db), None).await? {
            (200, _) => Ok(()),
            (status, text) => Err(status_error(status, &text)),
        }
    }

    /// Stores one delta bundle as an immutable document. A 409 whose stored
    /// hash equals ours is the echo of an earlier attempt whose reply was
    /// lost: success, and still exactly one document. What the answer means
    /// is `hub::push_verdict`; only a failed request is an error here.
    pub async fn put_bundle(&self, b: &Bundle) -> Result<PushVerdict, HubError> {
        let url = self.doc_url(&hub::doc_id(b));
        let (status, _) = self.send(Request::put(&url), Some(b.to_json())).await?;
        let stored = match hub::put_outcome(status) {
            // 409, or a validation refusal on a server that validates before
            // it checks revisions (pouchdb-server): what is stored there?
            PutOutcome::AlreadyThere | PutOutcome::Denied => {
                match self.send(Request::get(&url), None).await? {
                    (200, text) => serde_json::from_str::<Value>(&text).ok(),
                    _ => None,
                }
            }
            PutOutcome::Stored | PutOutcome::Failed(_) => None,
        };
        Ok(hub::push_verdict(status, stored.as_ref(), b))
    }

    /// Replaces this device's snapshot part in place (the hub keeps the
    /// latest per device): reads the current revision first.
    pub async fn put_snapshot_part(&self, b: &Bundle) -> Result<(), HubError> {
        let url = self.doc_url(&hub::doc_id(b));
        let rev = match self.send(Request::get(&url), None).await? {
            (200, text) => serde_json::from_str::<Value>(&text)
                .ok()
                .and_then(|v| v.get("_rev").and_then(Value::as_str).map(str::to_string)),
            (404, _) => None,
            (status, text) => return Err(status_error(status, &text)),
        };
        let mut doc = serde_json::to_value(b).map_err(|e| HubError::BadAnswer(e.to_string()))?;
        if let (Some(rev), Some(map)) = (rev, doc.as_object_mut()) {
            map.insert("_rev".into(), Value::String(rev));
        }
        match self.send(Request::put(&url), Some(doc.to_string())).await? {
            (200..=202, _) => Ok(()),
            (status, text) => Err(status_error(status, &text)),
        }
    }

    /// One page of the changes feed after `since`, documents included.
    pub async fn changes(&self, since: Option<&str>, limit: u32) -> Result<ChangesPage, HubError> {
        let mut url = format!("{}/_changes?include_docs=true&limit={limit}", self.db);
        if let Some(s) = since {
            url.push_str("&since=");
            url.push_str(&String::from(js_sys::encode_uri_component(s)));
        }
        match self.send(Request::get(&url), None).await? {
            (200, text) => {
                serde_json::from_str(&text).map_err(|e| HubError::BadAnswer(e.to_string()))
            }
            (status, text) => Err(status_error(status, &text)),
        }
    }

    /// Every snapshot document on the hub.
    pub async fn snapshot_docs(&self) -> Result<Vec<Value>, HubError> {
        let url = format!(
            "{}/_all_docs?include_docs=true&startkey=%22snapshot%3A%22&endkey=%22snapshot%3A%EF%BF%B0%22",
            self.db
        );
        let (status, text) = self.send(Request::get(&url), None).await?;
        if status != 200 {
            return Err(status_error(status, &text));
        }
        let v: Value =
            serde_json::from_str(&text).map_err(|e| HubError::BadAnswer(e.to_string()))?;
        Ok(v.get("rows")
            .and_then(Value::as_array)
            .map(|rows| rows.iter().filter_map(|r| r.get("doc").cloned()).collect())
            .unwrap_or_default())
    }

    /// The ids of every delta document on the hub (no bodies).
    pub async fn delta_ids(&self) -> Result<Vec<String>, HubError> {
        let url = format!(
            "{}/_all_docs?startkey=%22bundle%3A%22&endkey=%22bundle%3A%EF%BF%B0%22",
            self.db
        );
        let (status, text) = self.send(Request::get(&url), None).await?;
        if status != 200 {
            return Err(status_error(status, &text));
        }
        let v: Value =
            serde_json::from_str(&text).map_err(|e| HubError::BadAnswer(e.to_string()))?;
        Ok(v.get("rows")
            .and_then(Value::as_array)
            .map(|rows| {
                rows.iter()
                    .filter_map(|r| Some(r.get("id")?.as_str()?.to_string()))
                    .collect()
            })
            .unwrap_or_default())
    }

    /// Documents by id (refused bundles tried again).
    pub async fn docs(&self, ids: &[String]) -> Result<Vec<(String, Value)>, HubError> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let url = format!("{}/_all_docs?include_docs=true", self.db);
        let body = json!({ "keys": ids }).to_string();
        let (status, text) = self.send(Request::post(&url), Some(body)).await?;
        if status != 200 {
            return Err(status_error(status, &text));
        }
        let v: Value =
            serde_json::from_str(&text).map_err(|e| HubError::BadAnswer(e.to_string()))?;
        Ok(v.get("rows")
            .and_then(Value::as_array)
            .map(|rows| {
                rows.iter()
                    .filter_map(|r| {
                        let id = r.get("id")?.as_str()?.to_string();
                        Some((id, r.get("doc").filter(|d| !d.is_null())?.clone()))
                    })
                    .collect()
            })
            .unwrap_or_default())
    }
}
