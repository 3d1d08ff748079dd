//! What every report page offers the same way: the CSV separator (the
//! reader's spreadsheet decides), the download with its message, print,
//! and the organisation and person its print header names.

use crate::domain::base::csv::Sep;
use crate::domain::Lang;
use crate::store::platform;
use crate::ui::kit::widgets::{download_text, fmt_datetime};
use crate::ui::shell::state::{use_ctx, Ctx};
use crate::ui::words::{t, Key};
use leptos::prelude::*;

/// What a person who works in Spanish most likely opens the file with.
fn default_sep(lang: Lang) -> Sep {
    match lang {
        Lang::Es => Sep::Semicolon,
        Lang::En => Sep::Comma,
    }
}

/// The separator chosen, or the language's usual one until someone chooses.
pub(super) fn sep_now(ctx: Ctx, chosen: RwSignal<Option<Sep>>) -> Sep {
    chosen
        .get_untracked()
        .unwrap_or_else(|| default_sep(ctx.lang.get_untracked()))
}

/// The separator select, "Download CSV" (runs `on_csv`) and "Print".
#[component]
pub(super) fn ExportTools(chosen: RwSignal<Option<Sep>>, on_csv: Callback<()>) -> impl IntoView {
    let ctx = use_ctx();
    let sep = move || chosen.get().unwrap_or_else(|| default_sep(ctx.lang.get()));
    view! {
        <div class="actions">
            <label class="rep-sep">{move || ctx.tr(Key::RepSeparator)}
                <select on:change=move |ev| {
                    chosen.set(Some(if event_target_value(&ev) == "semicolon" { Sep::Semicolon } else { Sep::Comma }));
                }>
                    <option value="semicolon" selected=move || sep() == Sep::Semicolon>{move || ctx.tr(Key::RepSepSemicolon)}</option>
                    <option value="comma" selected=move || sep() == Sep::Comma>{move || ctx.tr(Key::RepSepComma)}</option>
                </select>
            </label>
            <button type="button" on:click=move |_| on_csv.run(())>{move || ctx.tr(Key::DownloadCsv)}</button>
            <button type="button" on:click=move |_| print_page()>{move || ctx.tr(Key::PrintNow)}</button>
        </div>
    }
}

/// Downloads `text` as the CSV file `name` and says whether it worked.
pub(super) fn download_csv(ctx: Ctx, name: &str, text: &str) {
    let lang = ctx.lang.get_untracked();
    let said = if download_text(name, text, "text/csv;charset=utf-8") {
        Key::RepCsvStarted
    } else {
        Key::RepCsvFailed
    };
    ctx.toast.set(Some(t(lang, said).to_string()));
}

fn print_page() {
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}

/// A print header: `key`'s words with the organisation (`{org}`), the
/// current person (`{who}`) and now (`{when}`) filled in (tracked: the
/// header is drawn when the page is, soon before it is printed).
pub(super) fn printed_header(ctx: Ctx, key: Key) -> String {
    let lang = ctx.lang.get();
    let me = ctx.me.get();
    let (org, who) = ctx.model.with(|m| {
        (
            m.org.as_ref().map(|o| o.name.clone()).unwrap_or_default(),
            me.and_then(|i| m.staff.get(&i))
                .map(|s| s.name.clone())
                .unwrap_or_default(),
        )
    });
    t(lang, key)
        .replace("{org}", &org)
        .replace("{who}", &who)
        .replace("{when}", &fmt_datetime(lang, platform::now()))
}
