//! When this tab's database goes away under it: deleted from another tab
//! (or by "clear site data"), upgraded by a newer version of the app in
//! another tab, or closed by the browser (storage evicted or failing). The
//! connection is closed and every later transaction fails at once with
//! `StoreError::Lost`, which the shell turns into "reload this page", never
//! into an endless "try again".

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{IdbDatabase, IdbVersionChangeEvent};

/// Why this tab can no longer use its database.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lost {
    /// The database was deleted (another tab, or the site's data cleared).
    Deleted,
    /// A newer version of Ventanilla opened it in another tab.
    Upgraded,
    /// The browser closed it (its storage was evicted or failed).
    Closed,
}

impl std::fmt::Display for Lost {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Lost::Deleted => "the database was deleted",
            Lost::Upgraded => "a newer version of the app took over the database",
            Lost::Closed => "the browser closed the database",
        })
    }
}

/// Who hears that the database went away.
type Listener = Box<dyn Fn(Lost)>;

/// The state a store's clones share: whether the connection is gone, and
/// who to tell.
#[derive(Default)]
pub(crate) struct LostState {
    why: Cell<Option<Lost>>,
    listener: RefCell<Option<Listener>>,
}

impl LostState {
    pub(crate) fn get(&self) -> Option<Lost> {
        self.why.get()
    }

    /// Calls `tell` once, when the database goes away (at once if it has).
    pub(crate) fn listen(&self, tell: impl Fn(Lost) + 'static) {
        *self.listener.borrow_mut() = Some(Box::new(tell));
        if let Some(why) = self.get() {
            if let Some(tell) = self.listener.borrow().as_ref() {
                tell(why);
            }
        }
    }

    /// Records the first reason only, and tells the listener once.
    pub(crate) fn mark(&self, why: Lost) {
        if self.why.get().is_some() {
            return;
        }
        self.why.set(Some(why));
        if let Some(tell) = self.listener.borrow().as_ref() {
            tell(why);
        }
    }
}

/// Listens on the connection for `versionchange` (another tab deletes or
/// upgrades the database: step aside rather than block it) and `close`
/// (the browser closed it). The handlers live as long as the connection.
pub(crate) fn watch(db: &IdbDatabase, state: Rc<LostState>) {
    let closer = db.clone();
    let on_change_state = state.clone();
    let on_versionchange =
        Closure::<dyn FnMut(IdbVersionChangeEvent)>::new(move |e: IdbVersionChangeEvent| {
            closer.close();
            on_change_state.mark(if e.new_version().is_none() {
                Lost::Deleted
            } else {
                Lost::Upgraded
            });
        });
    db.set_onversionchange(Some(on_versionchange.as_ref().unchecked_ref()));
    on_versionchange.forget();
    let on_close = Closure::<dyn FnMut()>::new(move || state.mark(Lost::Closed));
    db.set_onclose(Some(on_close.as_ref().unchecked_ref()));
    on_close.forget();
}

/// A transaction that cannot even start because the connection is closing
/// means the database went away (the events may not have arrived yet).
pub(crate) fn is_closing(e: &JsValue) -> bool {
    e.dyn_ref::<web_sys::DomException>()
        .is_some_and(|d| d.name() == "InvalidStateError")
}
