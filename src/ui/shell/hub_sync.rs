//! Sync through a CouchDB hub: "Sync now" and automatic sync every few
//! minutes while online, the hub settings as the forms read them, and
//! connecting. One tab syncs at a time (a Web Lock); `Ctx::hub` holds how
//! the last sync went (the shell's status line and the Sync page show it).
//! The hub card is the Sync page's (`ui::sync`); joining from a hub is on
//! the first-run page.

use crate::store::couch::{Couch, HubError};
use crate::store::hub::{self, SyncError, SyncReport};
use crate::store::records::Store;
use crate::store::{platform, settings};
use crate::sync::hub::{HubAuth, HubSettings};
use crate::ui::shell::connectivity;
use crate::ui::shell::state::{Core, Ctx};
use crate::ui::words::hub::{bundle_error_text, hub_error_text, report_text};
use crate::ui::words::Key;
use leptos::prelude::*;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;

/// How often automatic sync runs while online.
const AUTO_SYNC_MS: u32 = 3 * 60 * 1000;
const LOCK: &str = "ventanilla-hub-sync";

/// A sync failure in plain words, with what to do about it.
pub fn sync_error_text(ctx: Ctx, e: &SyncError) -> String {
    let lang = ctx.lang.get_untracked();
    match e {
        SyncError::Hub(h) => hub_error_text(lang, h),
        SyncError::Store(s) => ctx.store_error_text(s),
        SyncError::Refused(b) => bundle_error_text(lang, b),
    }
}

pub(crate) fn now_text() -> String {
    platform::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// Runs one sync now (in this tab, unless another tab is already syncing).
/// `manual` syncs report "nothing configured"; automatic ones stay quiet.
///
/// The sync itself (the hub client, applying its documents) is a piece of
/// its own (`hub`): a device without a hub never downloads it, and one with
/// a hub fetches it after the first paint, never before Today shows.
pub fn sync_now(ctx: Ctx, manual: bool) {
    let config = settings::hub();
    if config.url.trim().is_empty() || ctx.hub.with_untracked(|h| h.running) {
        return;
    }
    let (Some(store), Some(core)) = (ctx.store(), ctx.replica()) else {
        return;
    };
    ctx.hub.update(|h| h.running = true);
    leptos::task::spawn_local(async move {
        #[cfg(feature = "split")]
        let engine = engine().await;
        #[cfg(not(feature = "split"))]
        let engine = engine();
        let Ok(run) = engine else {
            // Offline on a first visit, or an evicted cache: said, and tried
            // again on the next automatic tick or "Sync now".
            return ctx.hub.update(|h| {
                h.running = false;
                h.finished += 1;
                h.last_error = Some(ctx.tr_now(Key::SyncPieceMissing).into());
            });
        };
        let outcome = run(ctx, config, store, core).await;
        settle(ctx, manual, outcome);
    });
}

/// One sync's work, as the `hub` piece runs it.
type Run = fn(Ctx, HubSettings, Store, Rc<Core>) -> Pin<Box<dyn Future<Output = Outcome>>>;
/// None: another tab holds the sync lock.
type Outcome = Option<Result<SyncReport, SyncError>>;

#[cfg_attr(
    feature = "split",
    leptos::wasm_split::wasm_split(hub, wasm_split_path = ::leptos::wasm_split, fallible)
)]
fn engine() -> Result<Run, leptos::wasm_split::SplitLoaderError> {
    Ok(|ctx, config, store, core| Box::pin(run(ctx, config, store, core)))
}

async fn run(ctx: Ctx, config: HubSettings, store: Store, core: Rc<Core>) -> Outcome {
    let work = async move {
        let couch = Couch::new(&config).map_err(SyncError::from)?;
        let apply = move |changed: &[_]| ctx.apply_changed(changed);
        hub::sync(
            &store,
            &core.replica,
            &couch,
            platform::now_ms(),
            &now_text(),
            &apply,
        )
        .await
    };
    platform::with_exclusive_lock(LOCK, work).await
}

/// How a sync ended, into the status the shell and the Sync page show.
fn settle(ctx: Ctx, manual: bool, outcome: Outcome) {
    // Evidence for the online state: the hub answered, or could not be
    // reached (then the probe says whether it is the network).
    match &outcome {
        Some(Ok(_)) => connectivity::saw_online(),
        Some(Err(SyncError::Hub(HubError::Unreachable(_)))) => connectivity::recheck(),
        _ => {}
    }
    ctx.hub.update(|h| {
        h.running = false;
        h.finished += 1;
        match &outcome {
            None if manual => h.last_result = Some(ctx.tr_now(Key::OtherTabSyncing).into()),
            None => {}
            Some(Ok(report)) => {
                let at = now_text();
                settings::set_hub_last_sync(&at);
                h.last_sync = Some(at);
                h.last_error = None;
                h.last_result = Some(report_text(ctx.lang.get_untracked(), report));
                // Refused documents are listed under Sync → Refused; the
                // line mentions them only in the sync that found them.
                if !report.refused.is_empty() {
                    h.last_error = Some(crate::ui::words::count(
                        ctx.lang.get_untracked(),
                        report.refused.len(),
                        crate::ui::words::Counted::HubDocsRefused,
                    ));
                }
                // This one stays until the hub no longer contradicts us.
                if let Some(detail) = &report.push_blocked {
                    let e = SyncError::Hub(HubError::Contradiction(detail.clone()));
                    h.last_error = Some(sync_error_text(ctx, &e));
                }
            }
            Some(Err(e)) => h.last_error = Some(sync_error_text(ctx, e)),
        }
    });
    ctx.refresh_backup();
}

/// Automatic sync: shortly after start, every few minutes, and when the
/// connection comes back, as long as the hub is set up with auto on.
pub fn start_autosync(ctx: Ctx) {
    ctx.hub.update(|h| h.last_sync = settings::hub_last_sync());
    let tick = move || {
        if settings::hub().auto && ctx.online.try_get_untracked() == Some(true) {
            sync_now(ctx, false);
        }
    };
    let first = gloo_timers::callback::Timeout::new(2_000, tick);
    let every = gloo_timers::callback::Interval::new(AUTO_SYNC_MS, tick);
    // Owned by the app (app.rs starts autosync under its owner): dropping them
    // with it cancels both.
    StoredValue::new_local((first, every));
    Effect::new(move |was_online: Option<bool>| {
        let online = ctx.online.get();
        if online && was_online == Some(false) {
            tick();
        }
        online
    });
}

pub(crate) fn read_form(
    url: RwSignal<String>,
    auth: RwSignal<String>,
    user: RwSignal<String>,
    password: RwSignal<String>,
    auto: bool,
) -> HubSettings {
    HubSettings {
        url: url.get_untracked().trim().to_string(),
        auth: if auth.get_untracked() == "cookie" {
            HubAuth::Cookie
        } else {
            HubAuth::Basic
        },
        user: user.get_untracked().trim().to_string(),
        password: password.get_untracked(),
        auto,
    }
}

/// An empty password field keeps the saved password, but only for the same
/// server and user with basic auth: a secret never follows a changed address.
pub(crate) fn keep_saved_password(config: &mut HubSettings) {
    if !config.password.is_empty() || config.auth != HubAuth::Basic {
        return;
    }
    let saved = settings::hub();
    let same_server = matches!(
        (saved.server_url(), config.server_url()),
        (Ok(a), Ok(b)) if a == b
    );
    if same_server && saved.auth == HubAuth::Basic && saved.user == config.user {
        config.password = saved.password;
    }
}

/// Signs in with a cookie session when that is the chosen way (the
/// password is used once, never stored), then checks the database answers.
pub(crate) async fn connect(config: &HubSettings) -> Result<Couch, SyncError> {
    let couch = Couch::new(config)?;
    if config.auth == HubAuth::Cookie {
        couch.sign_in(&config.user, &config.password).await?;
    }
    couch.check().await?;
    Ok(couch)
}
