//! Preferences in localStorage (gloo-storage). Every call is guarded: the
//! storage can be missing (private mode) or full, and a preference is never
//! worth a crash.

use crate::domain::Lang;
use crate::sync::RecordId;
use gloo_storage::{LocalStorage, Storage};

const LANG: &str = "ventanilla.lang";
const THEME: &str = "ventanilla.theme";
const ME: &str = "ventanilla.me";
const DEVICE_SEEN: &str = "ventanilla.device";

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
    LocalStorage::get::<String>(LANG).ok().and_then(|c| Lang::from_code(&c))
}

pub fn set_lang(lang: Lang) {
    let _ = LocalStorage::set(LANG, lang.code());
}

pub fn theme() -> Option<Theme> {
    match LocalStorage::get::<String>(THEME).ok().as_deref() {
        Some("dark") => Some(Theme::Dark),
        Some("light") => Some(Theme::Light),
        _ => None,
    }
}

pub fn set_theme(theme: Theme) {
    let _ = LocalStorage::set(THEME, theme.code());
}

pub fn me() -> Option<RecordId> {
    LocalStorage::get::<String>(ME).ok().and_then(|s| s.parse().ok())
}

pub fn set_me(id: Option<RecordId>) {
    match id {
        Some(id) => {
            let _ = LocalStorage::set(ME, id.to_string());
        }
        None => LocalStorage::delete(ME),
    }
}

/// The device id last seen in IndexedDB. If IndexedDB comes back empty while
/// this survives, the browser evicted the records: say so.
pub fn device_seen() -> Option<String> {
    LocalStorage::get::<String>(DEVICE_SEEN).ok()
}

pub fn set_device_seen(device: &str) {
    let _ = LocalStorage::set(DEVICE_SEEN, device);
}
