//! Preferences in localStorage (gloo-storage). Every call is guarded: the
//! storage can be missing (private mode) or full, and a preference is never
//! worth a crash.

use crate::domain::Lang;
use crate::sync::RecordId;
use gloo_storage::{LocalStorage, Storage};

/// Preferences are plain strings (not JSON), so they read the same from
/// devtools, tests and older versions. Any failure reads as "not set".
fn get(key: &str) -> Option<String> {
    LocalStorage::raw().get_item(key).ok().flatten()
}

fn set(key: &str, value: &str) {
    let _ = LocalStorage::raw().set_item(key, value);
}

const LANG: &str = "ventanilla.lang";
const THEME: &str = "ventanilla.theme";
const ME: &str = "ventanilla.me";
const DEVICE_SEEN: &str = "ventanilla.device";
/// Read by index.html's start script to paint the header before the app runs.
const ORG_NAME: &str = "ventanilla.org";

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Theme {
    Light,
    Dark,
}

impl Theme {
    pub fn code(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }
}

pub fn lang() -> Option<Lang> {
    get(LANG).and_then(|c| Lang::from_code(c.trim_matches('"')))
}

pub fn set_lang(lang: Lang) {
    set(LANG, lang.code());
}

/// The organisation's name for the first paint (index.html); `None` clears it.
pub fn set_org_name(name: Option<&str>) {
    match name {
        Some(name) if get(ORG_NAME).as_deref() != Some(name) => set(ORG_NAME, name),
        Some(_) => {}
        None => {
            let _ = LocalStorage::raw().remove_item(ORG_NAME);
        }
    }
}

pub fn theme() -> Option<Theme> {
    match get(THEME).as_deref().map(|t| t.trim_matches('"')) {
        Some("dark") => Some(Theme::Dark),
        Some("light") => Some(Theme::Light),
        _ => None,
    }
}

pub fn set_theme(theme: Theme) {
    set(THEME, theme.code());
}

pub fn me() -> Option<RecordId> {
    get(ME).and_then(|s| s.trim_matches('"').parse().ok())
}

pub fn set_me(id: Option<RecordId>) {
    match id {
        Some(id) => set(ME, &id.to_string()),
        None => LocalStorage::delete(ME),
    }
}

const DISMISSED: &str = "ventanilla.dismissed";

/// Conflicts a person dismissed on this device ("kind/id/field/stamp").
pub fn dismissed_conflicts() -> Vec<String> {
    get(DISMISSED)
        .and_then(|t| serde_json::from_str(&t).ok())
        .unwrap_or_default()
}

pub fn dismiss_conflict(key: &str) {
    let mut all = dismissed_conflicts();
    all.push(key.to_string());
    if let Ok(text) = serde_json::to_string(&all) {
        set(DISMISSED, &text);
    }
}

/// The device id last seen in IndexedDB. If IndexedDB comes back empty while
/// this survives, the browser evicted the records: say so.
pub fn device_seen() -> Option<String> {
    get(DEVICE_SEEN)
}

pub fn set_device_seen(device: &str) {
    set(DEVICE_SEEN, device);
}

const EVICTED: &str = "ventanilla.evicted";

/// Set when this browser's records were found erased; cleared once the
/// device holds an organisation again (so the first-run page can say what
/// happened on every reload until then).
pub fn evicted() -> bool {
    get(EVICTED).is_some()
}

pub fn set_evicted(on: bool) {
    if on {
        set(EVICTED, "1");
    } else {
        LocalStorage::delete(EVICTED);
    }
}

const HUB: &str = "ventanilla.hub";
const HUB_LAST: &str = "ventanilla.hub.last_sync";

/// The hub settings (JSON). With basic auth the password is kept here so
/// automatic sync can run; cookie sign-in keeps none.
pub fn hub() -> crate::sync::hub::HubSettings {
    get(HUB)
        .and_then(|t| serde_json::from_str(&t).ok())
        .unwrap_or_default()
}

pub fn set_hub(settings: &crate::sync::hub::HubSettings) {
    if let Ok(text) = serde_json::to_string(settings) {
        set(HUB, &text);
    }
}

/// When this device last finished a sync with the hub (RFC 3339).
pub fn hub_last_sync() -> Option<String> {
    get(HUB_LAST)
}

pub fn set_hub_last_sync(at: &str) {
    set(HUB_LAST, at);
}
