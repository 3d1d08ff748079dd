//! The hub card on the Sync page: settings, "Sync now", the last result,
//! publishing a snapshot, forgetting the hub. Syncing itself, its status
//! and autosync are the shell's (`shell::hub_sync`), not this card's.

use crate::store::couch::Couch;
use crate::store::hub;
use crate::store::settings;
use crate::sync::hub::{HubAuth, HubSettings};
use crate::ui::kit::hub_form::HubFields;
use crate::ui::kit::widgets::fmt_last_export;
use crate::ui::shell::hub_sync::{
    connect, keep_saved_password, now_text, read_form, sync_error_text, sync_now,
};
use crate::ui::shell::state::use_ctx;
use crate::ui::words::hub::settings_error_text;
use crate::ui::words::Key;
use leptos::prelude::*;

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
