//! Sync through a CouchDB hub: the settings card on the Sync page, "Sync
//! now", and automatic sync every few minutes while online (joining an
//! organisation from the hub is on the setup page). One tab syncs at a time
//! (a Web Lock); the shell's status line shows how the last sync went.

use crate::domain::Lang;
use crate::store::couch::{Couch, HubError};
use crate::store::hub::{self, SyncError, SyncReport};
use crate::store::{platform, settings};
use crate::sync::hub::{HubAuth, HubSettings, HubSettingsError};
use crate::ui::i18n::Key;
use crate::ui::state::{use_ctx, Ctx};
use crate::ui::sync_page::bundle_error_text;
use crate::ui::widgets::{fmt_last_export, SelectField, TextField};
use leptos::prelude::*;

/// How often automatic sync runs while online.
const AUTO_SYNC_MS: u32 = 3 * 60 * 1000;
const LOCK: &str = "ventanilla-hub-sync";

/// What the shell shows about the hub.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct HubStatus {
    pub running: bool,
    /// When the last sync finished without error (RFC 3339).
    pub last_sync: Option<String>,
    /// The last failure in plain words; cleared by the next success.
    pub last_error: Option<String>,
    /// The last outcome ("2 sent, 5 received").
    pub last_result: Option<String>,
    /// Syncs finished since the page opened (tests wait on it).
    pub finished: u32,
}

pub(crate) fn now_text() -> String {
    platform::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

pub fn settings_error_text(lang: Lang, e: HubSettingsError) -> &'static str {
    let es = lang == Lang::Es;
    match e {
        HubSettingsError::NotHttp => {
            if es {
                "La dirección del hub debe empezar por http:// o https://."
            } else {
                "The hub address must start with http:// or https://."
            }
        }
        HubSettingsError::NoDatabase => {
            if es {
                "La dirección debe incluir la base de datos, p. ej. https://servidor:5984/ventanilla."
            } else {
                "The address must include the database, e.g. https://server:5984/ventanilla."
            }
        }
        HubSettingsError::BadCharacters => {
            if es {
                "La dirección no puede tener espacios, ? ni #."
            } else {
                "The address cannot contain spaces, ? or #."
            }
        }
        HubSettingsError::UserMissing => {
            if es {
                "Con inicio de sesión por cookie, escribe el usuario."
            } else {
                "With cookie sign-in, type the user name."
            }
        }
    }
}

/// A sync failure in plain words, with what to do about it.
pub fn sync_error_text(ctx: Ctx, e: &SyncError) -> String {
    let lang = ctx.lang.get_untracked();
    let es = lang == Lang::Es;
    match e {
        SyncError::Hub(HubError::Settings(s)) => settings_error_text(lang, *s).into(),
        SyncError::Hub(HubError::Unreachable(_)) => if es {
            "No se pudo contactar con el hub (sin conexión, servidor apagado o sin permiso CORS para esta dirección). Nada se ha perdido: se reintentará solo."
        } else {
            "Could not reach the hub (no connection, server down, or CORS not allowing this address). Nothing is lost: it will retry by itself."
        }.into(),
        SyncError::Hub(HubError::Denied(_)) => if es {
            "El hub rechazó el usuario o la contraseña: revísalos abajo."
        } else {
            "The hub refused the user name or password: check them below."
        }.into(),
        SyncError::Hub(HubError::NoDatabase) => if es {
            "Esa base de datos no existe en el hub: revisa la dirección o créala (README, «CouchDB»)."
        } else {
            "That database does not exist on the hub: check the address or create it (README, \"CouchDB\")."
        }.into(),
        SyncError::Hub(HubError::Server { status, reason }) => if es {
            format!("El hub respondió con un error (HTTP {status}: {reason}). Se reintentará.")
        } else {
            format!("The hub answered with an error (HTTP {status}: {reason}). It will retry.")
        },
        SyncError::Hub(HubError::Contradiction(detail)) => if es {
            format!("El hub guarda otro paquete con los números de este dispositivo: los cambios de este dispositivo desde ahí no se envían (se siguen recibiendo los de los demás y nada se sobrescribe). Avisa a quien administra el hub. ({detail})")
        } else {
            format!("The hub holds a different bundle under this device's numbers: this device's changes from there on are not sent (everyone else's still arrive, and nothing is overwritten). Tell whoever runs the hub. ({detail})")
        },
        SyncError::Hub(HubError::FeedCycle(seq)) => if es {
            format!("La lista de cambios del hub da vueltas en círculo (el punto {seq} volvió a aparecer): la sincronización se detuvo. Lo enviado está en el hub; avisa a quien administra el hub.")
        } else {
            format!("The hub's list of changes goes round in a circle (checkpoint {seq} came back): the sync stopped. What was sent is on the hub; tell whoever runs the hub.")
        },
        SyncError::Hub(HubError::BadAnswer(detail)) => if es {
            format!("El hub respondió algo inesperado: ¿es la dirección de una base de datos CouchDB? ({detail})")
        } else {
            format!("The hub's answer was unexpected: is this the address of a CouchDB database? ({detail})")
        },
        SyncError::Store(s) => ctx.store_error_text(s),
        SyncError::Refused(b) => bundle_error_text(lang, b),
    }
}

fn report_text(lang: Lang, r: &SyncReport) -> String {
    let refused = r.refused.len();
    let mut text = match lang {
        Lang::Es => format!("{} paquetes enviados, {} recibidos", r.pushed, r.pulled),
        Lang::En => format!("{} bundles sent, {} received", r.pushed, r.pulled),
    };
    if refused > 0 {
        text.push_str(&match lang {
            Lang::Es => format!(", {refused} rechazados"),
            Lang::En => format!(", {refused} refused"),
        });
    }
    text
}

/// Runs one sync now (in this tab, unless another tab is already syncing).
/// `manual` syncs report "nothing configured"; automatic ones stay quiet.
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
        let outcome = platform::with_exclusive_lock(LOCK, work).await;
        // Evidence for the online state: the hub answered, or could not be
        // reached (then the probe says whether it is the network).
        match &outcome {
            Some(Ok(_)) => crate::ui::connectivity::saw_online(),
            Some(Err(SyncError::Hub(HubError::Unreachable(_)))) => {
                crate::ui::connectivity::recheck()
            }
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
                        h.last_error = Some(format!(
                            "{} {}",
                            report.refused.len(),
                            ctx.tr_now(Key::NewlyRefused)
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
    });
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
    // Owned by the app (`Ctx::start` runs under its owner): dropping them
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

/// The hub form, shared by the Sync page and joining on the setup page.
#[component]
pub(crate) fn HubFields(
    url: RwSignal<String>,
    user: RwSignal<String>,
    password: RwSignal<String>,
    auth: RwSignal<String>,
) -> impl IntoView {
    let ctx = use_ctx();
    let options = vec![
        (
            "basic".to_string(),
            Signal::derive(move || ctx.tr(Key::HubAuthBasic).to_string()),
        ),
        (
            "cookie".to_string(),
            Signal::derive(move || ctx.tr(Key::HubAuthCookie).to_string()),
        ),
    ];
    view! {
        <TextField id="hub-url" label=Key::HubUrl value=url hint=Key::HubUrlHint autocomplete="url"/>
        <SelectField id="hub-auth" label=Key::HubAuth value=auth options=options/>
        <TextField id="hub-user" label=Key::HubUser value=user autocomplete="username"/>
        <TextField id="hub-password" label=Key::HubPassword value=password kind="password" autocomplete="current-password"/>
    }
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
fn keep_saved_password(config: &mut HubSettings) {
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

#[component]
pub fn HubCard() -> impl IntoView {
    let ctx = use_ctx();
    let saved = settings::hub();
    let url = RwSignal::new(saved.url.clone());
    let user = RwSignal::new(saved.user.clone());
    // A stored secret never goes back into a field: the field starts empty
    // and a note says a password is saved (kept when left empty).
    let password = RwSignal::new(String::new());
    let has_password = RwSignal::new(!saved.password.is_empty());
    let auth = RwSignal::new(
        if saved.auth == HubAuth::Cookie {
            "cookie"
        } else {
            "basic"
        }
        .to_string(),
    );
    let auto = RwSignal::new(saved.auto || saved.url.is_empty());
    let form = RwSignal::new(saved);
    let message = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);

    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut config = read_form(url, auth, user, password, auto.get_untracked());
        if let Err(e) = config.check() {
            return message.set(Some(
                settings_error_text(ctx.lang.get_untracked(), e).into(),
            ));
        }
        keep_saved_password(&mut config);
        busy.set(true);
        leptos::task::spawn_local(async move {
            match connect(&config).await {
                Ok(_) => {
                    if config.auth == HubAuth::Cookie {
                        config.password.clear();
                    }
                    password.set(String::new());
                    has_password.set(!config.password.is_empty());
                    settings::set_hub(&config);
                    form.set(config);
                    message.set(Some(ctx.tr_now(Key::HubConnected).into()));
                    sync_now(ctx, true);
                }
                Err(e) => message.set(Some(sync_error_text(ctx, &e))),
            }
            busy.set(false);
        });
    };
    let publish = move |_| {
        let (Some(store), Some(core)) = (ctx.store(), ctx.replica()) else {
            return;
        };
        let config = settings::hub();
        busy.set(true);
        leptos::task::spawn_local(async move {
            let result = match Couch::new(&config) {
                Ok(couch) => {
                    hub::publish_snapshot(&store, &core.replica, &couch, &now_text()).await
                }
                Err(e) => Err(e.into()),
            };
            message.set(Some(match result {
                Ok(_) => ctx.tr_now(Key::SnapshotPublished).into(),
                Err(e) => sync_error_text(ctx, &e),
            }));
            busy.set(false);
        });
    };
    let forget = move |_| {
        settings::set_hub(&HubSettings::default());
        form.set(HubSettings::default());
        url.set(String::new());
        user.set(String::new());
        password.set(String::new());
        has_password.set(false);
        message.set(Some(ctx.tr_now(Key::HubForgotten).into()));
    };
    let forget_password = move |_| {
        let mut kept = settings::hub();
        kept.password.clear();
        settings::set_hub(&kept);
        form.update(|f| f.password.clear());
        has_password.set(false);
        message.set(Some(ctx.tr_now(Key::PasswordForgotten).into()));
    };
    let configured = move || !form.with(|f| f.url.is_empty());
    let status = ctx.hub;
    view! {
        <div class="card" id="hub" data-finished=move || status.with(|s| s.finished)>
            <h2>{move || ctx.tr(Key::HubTitle)}</h2>
            <p>{move || ctx.tr(Key::HubExplain)}</p>
            <Show when=configured>
                <dl class="facts">
                    <dt>{move || ctx.tr(Key::LastSync)}</dt>
                    <dd>{move || fmt_last_export(ctx.lang.get(), status.with(|s| s.last_sync.clone()).as_deref())}</dd>
                    <dt>{move || ctx.tr(Key::LastResult)}</dt>
                    <dd>{move || status.with(|s| s.last_result.clone()).unwrap_or_else(|| "—".into())}</dd>
                </dl>
                <p class="error hub-error" role="alert">{move || status.with(|s| s.last_error.clone())}</p>
                <div class="actions">
                    <button type="button" class="primary" disabled=move || status.with(|s| s.running) || !ctx.online.get()
                        on:click=move |_| sync_now(ctx, true)>
                        {move || if status.with(|s| s.running) { ctx.tr(Key::Syncing) } else { ctx.tr(Key::SyncNow) }}
                    </button>
                    <button type="button" disabled=move || busy.get() || !ctx.online.get() on:click=publish>{move || ctx.tr(Key::PublishSnapshot)}</button>
                    <button type="button" class="link" on:click=forget>{move || ctx.tr(Key::ForgetHub)}</button>
                </div>
            </Show>
            <form on:submit=save novalidate>
                <HubFields url=url user=user password=password auth=auth/>
                <Show when=move || has_password.get()>
                    <p class="hint saved-password">{move || ctx.tr(Key::HubPasswordSaved)}" "
                        <button type="button" class="link" on:click=forget_password>{move || ctx.tr(Key::ForgetPassword)}</button>
                    </p>
                </Show>
                <label class="check"><input type="checkbox" prop:checked=move || auto.get()
                    on:change=move |ev| auto.set(event_target_checked(&ev))/>{move || ctx.tr(Key::HubAuto)}</label>
                <button type="submit" disabled=move || busy.get()>{move || ctx.tr(Key::HubSaveConnect)}</button>
            </form>
            <p role="status" aria-live="polite">{move || message.get()}</p>
        </div>
    }
}
