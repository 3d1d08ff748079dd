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

/// Minutes east of UTC of the browser's time zone, for local dates.
pub fn utc_offset_minutes() -> i32 {
    -(js_sys::Date::new_0().get_timezone_offset() as i32)
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

pub fn is_online() -> bool {
    web_sys::window()
        .map(|w| w.navigator().on_line())
        .unwrap_or(true)
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
