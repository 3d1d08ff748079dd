//! Small shared pieces: labelled fields, the status line, confirmations,
//! empty states, and locale-aware formatting.

use crate::domain::base::order;
use crate::domain::Lang;
use crate::store::platform;
use crate::ui::shell::state::use_ctx;
use crate::ui::words::dates::{digit_marks, month_abbr};
use crate::ui::words::Key;
use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use leptos::prelude::*;

/// A text input with a visible label and its error right below it,
/// announced to screen readers through `aria-describedby`.
#[component]
pub fn TextField(
    id: &'static str,
    label: Key,
    value: RwSignal<String>,
    #[prop(optional)] error: Option<Signal<Option<String>>>,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional)] required: bool,
    #[prop(optional)] hint: Option<Key>,
    #[prop(optional)] autocomplete: Option<&'static str>,
) -> impl IntoView {
    let ctx = use_ctx();
    let err_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    let has_error = move || error.is_some_and(|e| e.get().is_some());
    let described = {
        let (err_id, hint_id) = (err_id.clone(), hint_id.clone());
        move || {
            let mut ids = Vec::new();
            if hint.is_some() {
                ids.push(hint_id.clone());
            }
            if has_error() {
                ids.push(err_id.clone());
            }
            ids.join(" ")
        }
    };
    view! {
        <div class="field" class:invalid=has_error>
            <label for=id>{move || ctx.tr(label)}{required.then_some(view! { <span class="req" aria-hidden="true">" *"</span> })}</label>
            {hint.map(|h| view! { <p class="hint" id=hint_id.clone()>{move || ctx.tr(h)}</p> })}
            <input id=id type=kind bind:value=value required=required
                autocomplete=autocomplete.unwrap_or("off")
                aria-invalid=move || has_error().to_string()
                aria-describedby=described/>
            <p class="error" id=err_id aria-live="polite">{move || error.and_then(|e| e.get()).map(crate::ui::kit::rules::rule_links)}</p>
        </div>
    }
}

#[component]
pub fn TextArea(
    id: &'static str,
    label: Key,
    value: RwSignal<String>,
    #[prop(optional)] error: Option<Signal<Option<String>>>,
    #[prop(optional)] required: bool,
) -> impl IntoView {
    let ctx = use_ctx();
    let err_id = format!("{id}-error");
    let has_error = move || error.is_some_and(|e| e.get().is_some());
    view! {
        <div class="field" class:invalid=has_error>
            <label for=id>{move || ctx.tr(label)}{required.then_some(view! { <span class="req" aria-hidden="true">" *"</span> })}</label>
            <textarea id=id rows="3" bind:value=value required=required
                aria-invalid=move || has_error().to_string() aria-describedby=err_id.clone()></textarea>
            <p class="error" id=err_id aria-live="polite">{move || error.and_then(|e| e.get()).map(crate::ui::kit::rules::rule_links)}</p>
        </div>
    }
}

/// A select over (code, label key) options.
#[component]
pub fn SelectField(
    id: &'static str,
    label: Key,
    value: RwSignal<String>,
    options: Vec<(String, Signal<String>)>,
) -> impl IntoView {
    let ctx = use_ctx();
    view! {
        <div class="field">
            <label for=id>{move || ctx.tr(label)}</label>
            <select id=id on:change=move |ev| value.set(event_target_value(&ev)) prop:value=move || value.get()>
                {options.into_iter().map(|(code, text)| {
                    let selected_code = code.clone();
                    view! { <option value=code selected=move || value.get() == selected_code>{move || text.get()}</option> }
                }).collect_view()}
            </select>
        </div>
    }
}

/// Online/offline, storage problems and the last save failure: always visible.
#[component]
pub fn StatusLine() -> impl IntoView {
    let ctx = use_ctx();
    view! {
        <div class="status-line">
            <span class="pill" class:offline=move || !ctx.online.get() role="status">
                {move || if ctx.online.get() { ctx.tr(Key::Online) } else { ctx.tr(Key::OfflineWorking) }}
            </span>
            <BackupLine/>
            <Show when=move || ctx.evicted.get()>
                <div class="banner warn" role="alert">
                    <p>{move || ctx.tr(Key::StorageEvicted)}</p>
                    <button type="button" class="link" on:click=move |_| {
                        ctx.evicted.set(false);
                        crate::store::settings::set_evicted(false);
                    }>{move || ctx.tr(Key::Dismiss)}</button>
                </div>
            </Show>
            <Show when=move || ctx.save_error.get().is_some()>
                <div class="banner error" role="alert">
                    <p>{move || ctx.save_error.get()}</p>
                    <button type="button" class="link" on:click=move |_| ctx.save_error.set(None)>{move || ctx.tr(Key::Dismiss)}</button>
                </div>
            </Show>
        </div>
    }
}

/// The first-run page after the browser erased this device's records: what
/// happened, and how to get the data back.
#[component]
pub fn EvictedNotice() -> impl IntoView {
    let ctx = use_ctx();
    view! {
        <Show when=move || ctx.evicted.get()>
            <p class="banner warn" role="alert">{move || ctx.tr(Key::StorageEvictedFirstRun)}</p>
        </Show>
    }
}

/// On every page, once the database went away under this tab: what
/// happened and a way to reload (saving can no longer work here).
#[component]
pub fn StoreLostBanner() -> impl IntoView {
    let ctx = use_ctx();
    let reload = move |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.location().reload();
        }
    };
    view! {
        <Show when=move || ctx.lost.get().is_some()>
            <div class="banner error store-lost" role="alert">
                <p>{move || ctx.lost.get().map(|why| crate::ui::shell::state::lost_text(ctx.lang.get(), why))}</p>
                <button type="button" class="primary" on:click=reload>{move || ctx.tr(Key::ReloadPage)}</button>
            </div>
        </Show>
    }
}

/// Where this device's changes stand: how many exist only here, and what
/// the last copy holds and how it was made (hub, changes file, full
/// export); the hub's last sync and last error when a hub is set up; and a
/// gentle reminder once changes have existed only here for over three days.
#[component]
fn BackupLine() -> impl IntoView {
    let ctx = use_ctx();
    let overdue = move || ctx.backup.with(|b| b.remind(platform::now_ms()));
    let text = move || {
        let lang = ctx.lang.get();
        let mut line = ctx.backup.with(|b| backup_words(lang, b)).join(" · ");
        if let Some(at) = ctx.hub.with(|h| h.last_sync.clone()) {
            line.push_str(&format!(
                " · {}: {}",
                ctx.tr(Key::LastSync),
                fmt_last_export(lang, Some(&at))
            ));
        }
        line
    };
    let hub_error = move || ctx.hub.with(|h| h.last_error.clone());
    view! {
        <p class="backup-line" class:remind=overdue>
            <leptos_router::components::A href="/sync">{text}</leptos_router::components::A>
            <Show when=overdue>" — " {move || ctx.tr(Key::BackupReminder)}</Show>
            <Show when=move || ctx.hub.with(|h| h.running)>" · " {move || ctx.tr(Key::Syncing)}</Show>
        </p>
        <Show when=move || hub_error().is_some()>
            <p class="banner warn sync-error" role="status">
                <strong>{move || ctx.tr(Key::SyncProblem)} ": "</strong>{hub_error}
            </p>
        </Show>
    }
}

/// The backup status in words (`words::state_words::backup_parts`), times
/// in the organisation's zone and said against today.
pub fn backup_words(lang: Lang, b: &crate::store::outbox::BackupStatus) -> Vec<String> {
    use crate::ui::words::state_words::{backup_parts, when_words};
    let today = local(platform::now()).date();
    backup_parts(lang, b, |at| {
        let l = local(at);
        when_words(lang, l, today, &fmt_date(lang, l.date()))
    })
}

/// A destructive action asks once more, in place, before it happens.
#[component]
pub fn ConfirmButton(
    label: Key,
    confirm: Key,
    on_confirm: Callback<()>,
    #[prop(optional)] disabled: Option<Signal<bool>>,
) -> impl IntoView {
    let ctx = use_ctx();
    let asking = RwSignal::new(false);
    view! {
        <Show when=move || asking.get() fallback=move || view! {
            <button type="button" class="danger" disabled=move || disabled.is_some_and(|d| d.get())
                on:click=move |_| asking.set(true)>{move || ctx.tr(label)}</button>
        }>
            <span class="confirm" role="group" aria-label=move || ctx.tr(confirm)>
                <span>{move || ctx.tr(confirm)}</span>
                <button type="button" class="danger" on:click=move |_| { asking.set(false); on_confirm.run(()); }>{move || ctx.tr(Key::Yes)}</button>
                <button type="button" on:click=move |_| asking.set(false)>{move || ctx.tr(Key::Cancel)}</button>
            </span>
        </Show>
    }
}

/// What an empty list says, and what to do next.
#[component]
pub fn Empty(text: Key, #[prop(optional)] children: Option<Children>) -> impl IntoView {
    let ctx = use_ctx();
    view! {
        <div class="empty">
            <p>{move || ctx.tr(text)}</p>
            {children.map(|c| c())}
        </div>
    }
}

/// An address that names no page (mistyped, or from a newer version's
/// link), said plainly, with the way back.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    let ctx = use_ctx();
    view! {
        <section class="page">
            <h1>{move || ctx.tr(Key::NotFound)}</h1>
            <div class="empty">
                <p>{move || ctx.tr(Key::NoSuchPage)}</p>
                <p><leptos_router::components::A href="/">{move || ctx.tr(Key::BackToToday)}</leptos_router::components::A></p>
            </div>
        </section>
    }
}

/// The wall-clock time of `dt` in the organisation's zone (`ui::time`).
fn local(dt: DateTime<Utc>) -> NaiveDateTime {
    crate::ui::kit::time::display_zone().local(dt)
}

pub fn fmt_date(lang: Lang, d: NaiveDate) -> String {
    use chrono::Datelike;
    let month = month_abbr(lang, d.month0() as usize);
    format!("{} {month} {}", d.day(), d.year())
}

pub fn fmt_datetime(lang: Lang, dt: DateTime<Utc>) -> String {
    // Saturating: an instant at the calendar's end cannot panic.
    let l = local(dt);
    format!("{}, {}", fmt_date(lang, l.date()), l.format("%H:%M"))
}

/// 20000 -> "20.000" (es) / "20,000" (en).
pub fn fmt_count(lang: Lang, n: usize) -> String {
    crate::ui::words::counts::number(lang, n)
}

/// A size in bytes for people: 512 B, 3.4 KB, 120 KB, 5.2 MB, 1.5 GB
/// (with the language's decimal mark).
pub fn fmt_bytes(lang: Lang, bytes: f64) -> String {
    let (kb, mb) = (bytes / 1024.0, bytes / 1_048_576.0);
    // Small amounts in the unit that still shows them (never "0.0 MB").
    let text = if bytes < 1024.0 {
        format!("{:.0} B", bytes.max(0.0))
    } else if kb < 10.0 {
        format!("{kb:.1} KB")
    } else if mb < 1.0 {
        format!("{kb:.0} KB")
    } else if mb < 10.0 {
        format!("{mb:.1} MB")
    } else if mb < 1024.0 {
        format!("{mb:.0} MB")
    } else {
        format!("{:.1} GB", mb / 1024.0)
    };
    let (_, decimal) = digit_marks(lang);
    text.replace('.', &decimal.to_string())
}

/// Active staff as (id, name), in name order: for "assign to" and
/// "forward to" pickers.
pub fn active_staff_names(model: &crate::domain::Model) -> Vec<(crate::sync::RecordId, String)> {
    let mut v: Vec<_> = model
        .active_staff()
        .map(|s| (s.id, s.name.clone()))
        .collect();
    order::sort_by(&mut v, |a, b| a.1.cmp(&b.1));
    v
}

/// When this device last exported (an RFC 3339 time), or "never".
pub fn fmt_last_export(lang: Lang, at: Option<&str>) -> String {
    at.and_then(|t| DateTime::parse_from_rfc3339(t).ok())
        .map(|t| fmt_datetime(lang, t.into()))
        .unwrap_or_else(|| crate::ui::words::t(lang, Key::Never).to_string())
}

/// A `<input type="date">` value (YYYY-MM-DD); None when empty or invalid.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").ok()
}

/// Offers text as a file download (bundles, CSV). True once the browser
/// was handed the file; whether the person then kept it, a page cannot know.
pub fn download_text(name: &str, text: &str, mime: &str) -> bool {
    use wasm_bindgen::JsCast;
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts) else {
        return false;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return false;
    };
    let started = match document()
        .create_element("a")
        .ok()
        .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    {
        Some(a) => {
            a.set_href(&url);
            a.set_download(name);
            a.click();
            true
        }
        None => false,
    };
    let _ = web_sys::Url::revoke_object_url(&url);
    started
}

/// A staff member's name, or a dash when the record is gone.
pub fn person(ctx: crate::ui::shell::state::Ctx, id: crate::sync::RecordId) -> String {
    ctx.model
        .with_untracked(|m| m.staff.get(&id).map(|s| s.name.clone()))
        .unwrap_or_else(|| "—".into())
}

/// A time in milliseconds since 1970, as a local date and time.
pub fn fmt_ms(lang: Lang, ms: u64) -> String {
    chrono::DateTime::from_timestamp_millis(ms as i64)
        .map(|t| fmt_datetime(lang, t))
        .unwrap_or_default()
}

/// One field's refusal from the last save, in the language on screen (for
/// a field's `error`).
pub fn field_error(
    errors: RwSignal<Vec<crate::domain::RuleError>>,
    field: &'static str,
) -> Signal<Option<String>> {
    use crate::ui::words::RefusalWords;
    let ctx = use_ctx();
    Signal::derive(move || {
        let lang = ctx.lang.get();
        errors.with(|es| {
            es.iter()
                .find(|e| e.field() == Some(field))
                .map(|e| e.message(lang))
        })
    })
}
