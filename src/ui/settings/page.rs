//! Settings: language, theme, this device's name, the rules handbook,
//! storage (usage, persistence, Safari advice), demo data (load and
//! clear), and the large benchmark set.

use crate::domain::base::record::tombstone;
use crate::domain::demo;
use crate::domain::Lang;
use crate::store::platform;
use crate::store::settings::Theme;
use crate::ui::kit::device::DeviceNameForm;
use crate::ui::kit::widgets::ConfirmButton;
use crate::ui::shell::state::use_ctx;
use crate::ui::words::Key;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn SettingsPage() -> impl IntoView {
    let ctx = use_ctx();
    view! {
        <section class="page">
            <h1>{move || ctx.tr(Key::NavSettings)}</h1>
            <Preferences/>
            <ThisDevice/>
            <HandbookCard/>
            <super::time_zone::TimeZoneCard/>
            <super::storage::StorageInfo/>
            <DemoData/>
        </section>
    }
}

#[component]
fn Preferences() -> impl IntoView {
    let ctx = use_ctx();
    view! {
        <div class="card">
            <h2>{move || ctx.tr(Key::Preferences)}</h2>
            <fieldset class="choices">
                <legend>{move || ctx.tr(Key::Language)}</legend>
                <label><input type="radio" name="lang" prop:checked=move || ctx.lang.get() == Lang::Es
                    on:change=move |_| ctx.set_lang(Lang::Es)/>" Español"</label>
                <label><input type="radio" name="lang" prop:checked=move || ctx.lang.get() == Lang::En
                    on:change=move |_| ctx.set_lang(Lang::En)/>" English"</label>
            </fieldset>
            <fieldset class="choices">
                <legend>{move || ctx.tr(Key::Theme)}</legend>
                <label><input type="radio" name="theme" prop:checked=move || ctx.theme.get() == Theme::Light
                    on:change=move |_| ctx.set_theme(Theme::Light)/>" " {move || ctx.tr(Key::LightTheme)}</label>
                <label><input type="radio" name="theme" prop:checked=move || ctx.theme.get() == Theme::Dark
                    on:change=move |_| ctx.set_theme(Theme::Dark)/>" " {move || ctx.tr(Key::DarkTheme)}</label>
            </fieldset>
        </div>
    }
}

/// This device's name, which other devices show; its id only where a hub
/// administrator needs it (a per-device CouchDB account).
#[component]
fn ThisDevice() -> impl IntoView {
    let ctx = use_ctx();
    view! {
        <div class="card">
            <h2>{move || ctx.tr(Key::ThisDevice)}</h2>
            <DeviceNameForm id="settings-device-name"/>
            <details>
                <summary>{move || ctx.tr(Key::DeviceTechnical)}</summary>
                <p>{move || ctx.tr(Key::DeviceAccount)} " "
                    <code>{move || format!("device-{}", ctx.device().unwrap_or_default())}</code></p>
            </details>
        </div>
    }
}

/// Where the rules are explained: the in-app handbook.
#[component]
fn HandbookCard() -> impl IntoView {
    let ctx = use_ctx();
    view! {
        <div class="card">
            <h2>{move || ctx.tr(Key::Handbook)}</h2>
            <p>{move || ctx.tr(Key::HandbookHelp)}</p>
            <p><A href="/handbook">{move || ctx.tr(Key::OpenHandbook)}</A></p>
        </div>
    }
}

#[component]
fn DemoData() -> impl IntoView {
    let ctx = use_ctx();
    let busy = RwSignal::new(false);
    let message = RwSignal::new(None::<String>);
    let has_demo = move || ctx.model.with(|m| !demo::demo_ids(m).is_empty());

    let load = move |_| {
        let Some(me) = ctx.me.get() else { return };
        busy.set(true);
        message.set(Some(ctx.tr_now(Key::Working).into()));
        leptos::task::spawn_local(async move {
            // Let the "working" message paint before the synchronous part.
            gloo_timers::future::TimeoutFuture::new(30).await;
            // Written in the language on screen, around the org's today;
            // the seed only makes the new records' ids.
            let lang = ctx.lang.get_untracked();
            let writes = ctx.model.with_untracked(|m| {
                demo::demo_writes(m, me, lang, platform::now(), platform::random_u64())
            });
            let result = if writes.is_empty() {
                Err(ctx.tr_now(Key::DemoNeedsDirector).into())
            } else {
                ctx.save(writes).await
            };
            message.set(Some(match result {
                Ok(()) => ctx.tr_now(Key::DemoLoaded).into(),
                Err(e) => e,
            }));
            busy.set(false);
        });
    };
    let clear = Callback::new(move |_| {
        busy.set(true);
        leptos::task::spawn_local(async move {
            let writes: Vec<_> = ctx.model.with_untracked(|m| {
                demo::demo_ids(m)
                    .into_iter()
                    .map(|(kind, id)| tombstone(kind, id))
                    .collect()
            });
            let result = ctx.save(writes).await;
            message.set(Some(match result {
                Ok(()) => ctx.tr_now(Key::DemoCleared).into(),
                Err(e) => e,
            }));
            busy.set(false);
        });
    });
    let large = Callback::new(move |_| {
        let Some(me) = ctx.me.get() else { return };
        busy.set(true);
        message.set(Some(ctx.tr_now(Key::Working).into()));
        leptos::task::spawn_local(async move {
            // Let the "working" message paint before the long synchronous part.
            gloo_timers::future::TimeoutFuture::new(30).await;
            let writes =
                demo::large_writes(platform::random_u64(), 20_000, 100_000, platform::now(), me);
            let result = ctx.bulk_write(writes).await;
            message.set(Some(match result {
                Ok(()) => ctx.tr_now(Key::LargeLoaded).into(),
                Err(e) => e,
            }));
            busy.set(false);
        });
    });

    view! {
        <div class="card">
            <h2>{move || ctx.tr(Key::DemoData)}</h2>
            <p>{move || ctx.tr(Key::DemoExplain)}</p>
            <div class="actions">
                // Loaded once; clearing it brings the button back.
                <Show when=has_demo fallback=move || view! {
                    <button type="button" class="primary" on:click=load disabled=move || busy.get()>{move || ctx.tr(Key::LoadDemo)}</button>
                }>
                    <ConfirmButton label=Key::ClearDemo confirm=Key::ClearDemoConfirm on_confirm=clear disabled=Signal::derive(move || busy.get())/>
                </Show>
            </div>
            <p role="status" aria-live="polite">{move || message.get()}</p>
            <details>
                <summary>{move || ctx.tr(Key::BenchmarkData)}</summary>
                <p>{move || ctx.tr(Key::BenchmarkExplain)}</p>
                <ConfirmButton label=Key::LoadLarge confirm=Key::LoadLargeConfirm on_confirm=large disabled=Signal::derive(move || busy.get())/>
            </details>
        </div>
    }
}
