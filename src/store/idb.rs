//! A thin async layer over web-sys IndexedDB: requests and transactions as
//! futures. Continuations run in the same microtask checkpoint as the IDB
//! success event, so a transaction stays active across `.await`s on its own
//! requests (never await anything else inside one: it would auto-commit).

use js_sys::{Function, Promise};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{DomException, IdbDatabase, IdbOpenDbRequest, IdbRequest, IdbTransaction};

/// An IndexedDB failure with the DOMException name kept, so a quota error
/// can be told apart from the rest.
#[derive(Debug, Clone, PartialEq)]
pub struct IdbError {
    pub name: String,
    pub message: String,
}

impl IdbError {
    pub fn from_js(v: JsValue) -> Self {
        if let Some(e) = v.dyn_ref::<DomException>() {
            return IdbError {
                name: e.name(),
                message: e.message(),
            };
        }
        if let Some(e) = v.dyn_ref::<js_sys::Error>() {
            return IdbError {
                name: String::from(e.name()),
                message: String::from(e.message()),
            };
        }
        IdbError {
            name: "Error".into(),
            message: format!("{v:?}"),
        }
    }

    pub fn is_quota(&self) -> bool {
        self.name == "QuotaExceededError"
    }
}

/// A request's or a transaction's two handlers, taken off it and dropped
/// once the outcome is in, or when the future is dropped unfinished. They
/// must not outlive it: a handler never called (the error handler of a
/// request that succeeded) would keep what it holds alive for good, and a
/// request holds its result, a whole bucket's or a page of rows' text.
struct Handlers {
    clear: Box<dyn Fn()>,
    _closures: [Closure<dyn FnMut(web_sys::Event)>; 2],
}

impl Drop for Handlers {
    fn drop(&mut self) {
        (self.clear)();
    }
}

fn target<T: JsCast>(e: &web_sys::Event) -> Option<T> {
    e.target().and_then(|t| t.dyn_into::<T>().ok())
}

/// Resolves with a request's result, or rejects with its error. The
/// handlers are on the request from the call, not from the first poll: a
/// save asks for several rows at once and then awaits them one by one, and
/// a row that arrives before its turn must not find no handler.
pub fn request(req: &IdbRequest) -> impl std::future::Future<Output = Result<JsValue, IdbError>> {
    let mut handlers = None;
    let promise = Promise::new(&mut |resolve: Function, reject: Function| {
        let on_ok = Closure::once(move |e: web_sys::Event| {
            let result = target::<IdbRequest>(&e).and_then(|r| r.result().ok());
            let _ = resolve.call1(&JsValue::NULL, &result.unwrap_or(JsValue::UNDEFINED));
        });
        let on_err = Closure::once(move |e: web_sys::Event| {
            let err = target::<IdbRequest>(&e)
                .and_then(|r| r.error().ok().flatten())
                .map(JsValue::from)
                .unwrap_or_else(|| JsValue::from_str("request failed"));
            let _ = reject.call1(&JsValue::NULL, &err);
        });
        req.set_onsuccess(Some(on_ok.as_ref().unchecked_ref()));
        req.set_onerror(Some(on_err.as_ref().unchecked_ref()));
        let req = req.clone();
        handlers = Some(Handlers {
            clear: Box::new(move || {
                req.set_onsuccess(None);
                req.set_onerror(None);
            }),
            _closures: [on_ok, on_err],
        });
    });
    async move {
        let result = JsFuture::from(promise).await;
        drop(handlers);
        result.map_err(IdbError::from_js)
    }
}

/// Resolves when the transaction commits; rejects with the reason it aborted
/// (in Chromium a quota error arrives this way).
pub fn completion(tx: &IdbTransaction) -> impl std::future::Future<Output = Result<(), IdbError>> {
    let mut handlers = None;
    let promise = Promise::new(&mut |resolve: Function, reject: Function| {
        let on_complete = Closure::once(move |_e: web_sys::Event| {
            let _ = resolve.call0(&JsValue::NULL);
        });
        let on_abort = Closure::once(move |e: web_sys::Event| {
            let err = target::<IdbTransaction>(&e)
                .and_then(|t| t.error())
                .map(JsValue::from)
                .unwrap_or_else(|| {
                    DomException::new_with_message_and_name("transaction aborted", "AbortError")
                        .map(JsValue::from)
                        .unwrap_or(JsValue::NULL)
                });
            let _ = reject.call1(&JsValue::NULL, &err);
        });
        // Errors bubble to abort unless prevented; the abort handler reports them.
        tx.set_oncomplete(Some(on_complete.as_ref().unchecked_ref()));
        tx.set_onabort(Some(on_abort.as_ref().unchecked_ref()));
        let tx = tx.clone();
        handlers = Some(Handlers {
            clear: Box::new(move || {
                tx.set_oncomplete(None);
                tx.set_onabort(None);
            }),
            _closures: [on_complete, on_abort],
        });
    });
    async move {
        let result = JsFuture::from(promise).await;
        drop(handlers);
        result.map(|_| ()).map_err(IdbError::from_js)
    }
}

/// Opens (and creates or upgrades) a database.
pub async fn open(
    name: &str,
    version: u32,
    upgrade: impl Fn(&IdbDatabase, u32) + 'static,
) -> Result<IdbDatabase, IdbError> {
    let factory = web_sys::window()
        .ok_or_else(|| IdbError {
            name: "NoWindow".into(),
            message: "no window".into(),
        })?
        .indexed_db()
        .map_err(IdbError::from_js)?
        .ok_or_else(|| IdbError {
            name: "NotSupported".into(),
            message: "IndexedDB is not available in this browser (private mode?)".into(),
        })?;
    let req: IdbOpenDbRequest = factory
        .open_with_u32(name, version)
        .map_err(IdbError::from_js)?;
    let up_req = req.clone();
    let on_upgrade = Closure::<dyn FnMut(web_sys::IdbVersionChangeEvent)>::new(
        move |e: web_sys::IdbVersionChangeEvent| {
            if let Ok(db) = up_req.result().and_then(|r| r.dyn_into::<IdbDatabase>()) {
                upgrade(&db, e.old_version() as u32);
            }
        },
    );
    req.set_onupgradeneeded(Some(on_upgrade.as_ref().unchecked_ref()));
    let result = request(&req).await;
    req.set_onupgradeneeded(None);
    drop(on_upgrade);
    // The caller watches the connection (`store::lost`): another tab
    // deleting or upgrading the database, or the browser closing it.
    result?.dyn_into().map_err(IdbError::from_js)
}

/// Deletes a whole database (tests and "erase this device").
pub async fn delete(name: &str) -> Result<(), IdbError> {
    let factory = web_sys::window()
        .and_then(|w| w.indexed_db().ok().flatten())
        .ok_or_else(|| IdbError {
            name: "NotSupported".into(),
            message: "IndexedDB unavailable".into(),
        })?;
    let req = factory.delete_database(name).map_err(IdbError::from_js)?;
    request(&req).await.map(|_| ())
}
