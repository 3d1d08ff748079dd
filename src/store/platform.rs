//! The few browser facts the pure core is handed: time, randomness, storage
//! quota, connectivity.

use crate::sync::{DeviceId, RecordId};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

pub fn now_ms() -> u64 {
    js_sys::Date::now() as u64
}

pub fn now() -> chrono::DateTime<chrono::Utc> {
    chrono::DateTime::from_timestamp_millis(now_ms() as i64).unwrap_or_default()
}

/// Minutes east of UTC of the browser's time zone now (to suggest the
/// organisation's zone at first run; local dates use the org's zone).
pub fn utc_offset_minutes() -> i32 {
    -(js_sys::Date::new_0().get_timezone_offset() as i32)
}

/// The IANA name of the browser's time zone ("Europe/Madrid"), or empty
/// when the browser does not say.
pub fn browser_time_zone() -> String {
    let format = js_sys::Intl::DateTimeFormat::new(&js_sys::Array::new(), &js_sys::Object::new());
    let options = format.resolved_options();
    js_sys::Reflect::get(&options, &"timeZone".into())
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}

fn random_bytes<const N: usize>() -> [u8; N] {
    let mut buf = [0u8; N];
    let filled = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .and_then(|c| c.get_random_values_with_u8_array(&mut buf).ok())
        .is_some();
    if !filled {
        // No Web Crypto (never seen in supported browsers): Math.random is
        // weaker but ids only need to be unique, not secret.
        for b in buf.iter_mut() {
            *b = (js_sys::Math::random() * 256.0) as u8;
        }
    }
    buf
}

pub fn new_record_id() -> RecordId {
    RecordId(u128::from_le_bytes(random_bytes::<16>()))
}

pub fn new_device_id() -> DeviceId {
    DeviceId(u64::from_le_bytes(random_bytes::<8>()))
}

pub fn random_u64() -> u64 {
    u64::from_le_bytes(random_bytes::<8>())
}

/// `navigator.onLine`: only a hint. It says nothing about a captive portal
/// or a dead uplink, and Chromium reports `true` again on a page reloaded
/// from the service worker while offline; `probe_online` is the evidence.
pub fn online_hint() -> bool {
    web_sys::window()
        .map(|w| w.navigator().on_line())
        .unwrap_or(true)
}

/// The file the connectivity probe fetches (`pwa/online.txt`). The service
/// worker deliberately never answers it (nor precaches it): only the
/// network can, so an answer is evidence that this device is online.
pub const PROBE_PATH: &str = "/online.txt";
/// What the probe file starts with; a captive portal's page does not.
const PROBE_BODY: &str = "ventanilla-online";
const PROBE_TIMEOUT_MS: u32 = 5_000;
/// A probe answer larger than this is not our file (a portal's page).
const PROBE_MAX_BYTES: f64 = 4_096.0;

/// Asks the server the app came from for the probe file, past every cache
/// (`cache: no-store`, and the service worker lets it through), with a
/// timeout. True only when our own file comes back.
pub async fn probe_online() -> bool {
    let signal = web_sys::AbortSignal::timeout_with_u32(PROBE_TIMEOUT_MS);
    let sent = gloo_net::http::Request::get(PROBE_PATH)
        .cache(web_sys::RequestCache::NoStore)
        .abort_signal(Some(&signal))
        .send()
        .await;
    let Ok(response) = sent else { return false };
    if !response.ok() {
        return false;
    }
    let size = response
        .headers()
        .get("content-length")
        .and_then(|n| n.trim().parse::<f64>().ok());
    if size.is_some_and(|n| n > PROBE_MAX_BYTES) {
        return false;
    }
    response
        .text()
        .await
        .is_ok_and(|t| t.trim_start().starts_with(PROBE_BODY))
}

/// A text file the app serves beside its pieces (the release build's
/// handbook), through the service worker's cache when it holds it. None when
/// it cannot be fetched, is not there, or is larger than `max_bytes`.
pub async fn fetch_text(path: &str, max_bytes: usize) -> Option<String> {
    let response = gloo_net::http::Request::get(path).send().await.ok()?;
    if !response.ok() {
        return None;
    }
    let text = response.text().await.ok()?;
    (text.len() <= max_bytes).then_some(text)
}

/// How long to wait before the next probe: while offline 2 s, 4 s, 8 s …
/// doubling up to a minute (never a hot loop, yet back within a minute of
/// the network); while online, every five minutes (a failed sync, a focus
/// or the browser's online/offline events ask sooner).
pub fn probe_delay_ms(online: bool, failures: u32) -> u32 {
    const FIRST_RETRY_MS: u32 = 2_000;
    const MAX_RETRY_MS: u32 = 60_000;
    const ONLINE_RECHECK_MS: u32 = 5 * 60_000;
    if online {
        return ONLINE_RECHECK_MS;
    }
    let doublings = failures.saturating_sub(1).min(16);
    FIRST_RETRY_MS
        .saturating_mul(1u32 << doublings)
        .min(MAX_RETRY_MS)
}

/// Asks the browser not to evict our storage. Returns whether it agreed.
pub async fn request_persistence() -> bool {
    let Some(storage) = web_sys::window().map(|w| w.navigator().storage()) else {
        return false;
    };
    match storage.persist() {
        Ok(p) => JsFuture::from(p)
            .await
            .ok()
            .and_then(|v| v.as_bool())
            .unwrap_or(false),
        Err(_) => false,
    }
}

/// (usage, quota) in bytes, when the browser tells.
pub async fn storage_estimate() -> Option<(f64, f64)> {
    let storage = web_sys::window()?.navigator().storage();
    let est = JsFuture::from(storage.estimate().ok()?).await.ok()?;
    let est: web_sys::StorageEstimate = est.unchecked_into();
    Some((
        est.get_usage().unwrap_or(0.0),
        est.get_quota().unwrap_or(0.0),
    ))
}

/// Safari (and iOS browsers) evict site storage after 7 days without use
/// unless the app is on the home screen.
pub fn is_safari() -> bool {
    let ua = web_sys::window()
        .and_then(|w| w.navigator().user_agent().ok())
        .unwrap_or_default();
    ua.contains("Safari") && !ua.contains("Chrome") && !ua.contains("Chromium")
}

/// Runs `work` holding the Web Lock `name` if no other tab holds it, so one
/// tab of this browser syncs at a time. None: another tab is at it. Without
/// Web Locks (old browsers) the work simply runs.
pub async fn with_exclusive_lock<T: 'static>(
    name: &str,
    work: impl std::future::Future<Output = T> + 'static,
) -> Option<T> {
    use std::cell::RefCell;
    use std::rc::Rc;
    use wasm_bindgen::prelude::*;
    let locks = web_sys::window()
        .map(|w| {
            js_sys::Reflect::get(&w.navigator(), &"locks".into()).unwrap_or(JsValue::UNDEFINED)
        })
        .unwrap_or(JsValue::UNDEFINED);
    let request = js_sys::Reflect::get(&locks, &"request".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    let Some(request) = request.filter(|_| !locks.is_undefined()) else {
        return Some(work.await);
    };
    let result: Rc<RefCell<Option<T>>> = Rc::new(RefCell::new(None));
    let slot = result.clone();
    let callback = Closure::once(move |lock: JsValue| -> js_sys::Promise {
        if lock.is_null() {
            return js_sys::Promise::resolve(&JsValue::NULL);
        }
        wasm_bindgen_futures::future_to_promise(async move {
            let value = work.await;
            slot.borrow_mut().replace(value);
            Ok(JsValue::TRUE)
        })
    });
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"ifAvailable".into(), &JsValue::TRUE);
    let promise = request
        .call3(
            &locks,
            &name.into(),
            &options,
            callback.as_ref().unchecked_ref(),
        )
        .ok()
        .and_then(|p| p.dyn_into::<js_sys::Promise>().ok())?;
    let _ = JsFuture::from(promise).await;
    drop(callback);
    let value = result.borrow_mut().take();
    value
}
