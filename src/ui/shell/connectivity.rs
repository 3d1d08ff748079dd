//! Whether this device is online, from evidence rather than from
//! `navigator.onLine` (which says nothing about a captive portal or a dead
//! uplink, and which Chromium reports as `true` on a page reloaded from the
//! service worker while offline).
//!
//! Evidence: the probe (`platform::probe_online`, a request the service
//! worker never answers), and the hub's answers (`saw_online` after a
//! sync that reached it, `recheck` after one that did not). Hints that ask
//! for a new probe at once: the browser's `online` / `offline` events and the
//! window getting focus back. Between them the probe runs on a timer: with
//! backoff while offline (2 s doubling up to a minute), every five minutes
//! while online. One probe at a time; the timer and the listeners end with
//! the component that started them (`watch`, called by the app).

use crate::store::platform;
use crate::ui::shell::state::Ctx;
use gloo_timers::callback::Timeout;
use leptos::prelude::*;
use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

/// Focus brings a probe only if the last one is older than this.
const FOCUS_RECHECK_MS: u64 = 10_000;

struct Watch {
    ctx: Ctx,
    /// Probes failed in a row (the backoff).
    failures: Cell<u32>,
    probing: Cell<bool>,
    /// A hint arrived while a probe was under way: probe once more after it.
    again: Cell<bool>,
    last_probe_ms: Cell<u64>,
    /// The next scheduled probe; dropping it cancels it.
    timer: RefCell<Option<Timeout>>,
}

thread_local! {
    static WATCH: RefCell<Option<Rc<Watch>>> = const { RefCell::new(None) };
}

fn current() -> Option<Rc<Watch>> {
    WATCH.with(|w| w.borrow().clone())
}

/// Starts watching; everything stops when the calling component's owner is
/// cleaned up.
pub fn watch(ctx: Ctx) {
    let watch = Rc::new(Watch {
        ctx,
        failures: Cell::new(0),
        probing: Cell::new(false),
        again: Cell::new(false),
        last_probe_ms: Cell::new(0),
        timer: RefCell::new(None),
    });
    WATCH.with(|w| *w.borrow_mut() = Some(watch.clone()));
    let online = window_event_listener(leptos::ev::online, |_| recheck());
    let offline = window_event_listener(leptos::ev::offline, |_| recheck());
    let focus = window_event_listener(leptos::ev::focus, |_| {
        let stale = current().is_some_and(|w| {
            platform::now_ms().saturating_sub(w.last_probe_ms.get()) > FOCUS_RECHECK_MS
        });
        if stale {
            recheck();
        }
    });
    on_cleanup(move || {
        online.remove();
        offline.remove();
        focus.remove();
        if let Some(w) = WATCH.with(|w| w.borrow_mut().take()) {
            w.timer.borrow_mut().take();
        }
    });
    probe(watch);
}

/// A hint that connectivity may have changed: probe now (or right after the
/// probe under way).
pub fn recheck() {
    if let Some(w) = current() {
        probe(w);
    }
}

/// Evidence from elsewhere that the network works (the hub answered).
pub fn saw_online() {
    if let Some(w) = current() {
        record(&w, true);
    }
}

fn probe(w: Rc<Watch>) {
    if w.probing.replace(true) {
        w.again.set(true);
        return;
    }
    w.timer.borrow_mut().take();
    leptos::task::spawn_local(async move {
        // At most one extra round for hints that arrived meanwhile.
        let mut ok = platform::probe_online().await;
        if w.again.replace(false) {
            ok = platform::probe_online().await;
        }
        w.probing.set(false);
        w.last_probe_ms.set(platform::now_ms());
        // Stopped meanwhile (the app left the page): nothing to report to.
        let stopped = current().is_none_or(|c| !Rc::ptr_eq(&c, &w));
        if !stopped {
            record(&w, ok);
        }
    });
}

fn record(w: &Rc<Watch>, online: bool) {
    if online {
        w.failures.set(0);
    } else {
        w.failures.set(w.failures.get().saturating_add(1));
    }
    if w.ctx.online.try_get_untracked() != Some(online) {
        w.ctx.online.try_set(online);
    }
    schedule(w, platform::probe_delay_ms(online, w.failures.get()));
}

fn schedule(w: &Rc<Watch>, delay_ms: u32) {
    let weak: Weak<Watch> = Rc::downgrade(w);
    // The probe replaces (drops) this very timer: start it after the
    // timer's callback has returned, never from inside it.
    let next = Timeout::new(delay_ms, move || {
        leptos::task::spawn_local(async move {
            if let Some(w) = weak.upgrade() {
                probe(w);
            }
        });
    });
    *w.timer.borrow_mut() = Some(next);
}
