//! Sync by files (docs/architecture.md "Bundles"): export this device's changes or
//! everything, import one or many files after a preview, and review the
//! values that lost a concurrent edit (`conflicts`). The CouchDB hub card
//! is `hub_card`. A device without a name is asked for one here.

mod conflicts;
mod hub_card;

use crate::domain::staff::device::file_label;
use crate::store::platform;
use crate::sync::bundle::{Bundle, BundleKind};
use crate::sync::hub::{parse_doc_id, DocId};
use crate::ui::kit::device::{device_label, is_named, DeviceNameForm};
use crate::ui::kit::import_card::ImportCard;
use crate::ui::kit::widgets::{fmt_count, fmt_last_export, fmt_ms};
use crate::ui::shell::state::{use_ctx, Ctx, StoreOp};
use crate::ui::words::hub::bundle_error_text;
use crate::ui::words::values::clean;
use crate::ui::words::Key;
use conflicts::ConflictsCard;
use hub_card::HubCard;
use leptos::prelude::*;

#[component]
pub fn SyncPage() -> impl IntoView {
    let ctx = use_ctx();
    view! {
        <section class="page">
            <h1>{move || ctx.tr(Key::NavSync)}</h1>
            <p class="lead">{move || ctx.tr(Key::SyncLead)}</p>
            <Show when=move || !is_named(ctx)>
                <div class="card">
                    <h2>{move || ctx.tr(Key::NameThisDevice)}</h2>
                    <p class="hint">{move || ctx.tr(Key::NameThisDeviceWhy)}</p>
                    <DeviceNameForm id="sync-device-name"/>
                </div>
            </Show>
            <ExportCard/>
            <ImportCard/>
            <HubCard/>
            <RefusedCard/>
            <ConflictsCard/>
        </section>
    }
}

fn created_now() -> String {
    platform::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// Offers a bundle as a file download, named after the device's name
/// (its id while it has none).
fn download(ctx: Ctx, b: &Bundle) {
    let device = ctx.model.with_untracked(|m| file_label(m, b.device));
    let name = format!(
        "ventanilla-{}-{}-{}-{}.json",
        device,
        match b.kind {
            BundleKind::Delta => "changes",
            BundleKind::Snapshot => "snapshot",
        },
        b.first,
        b.last
    );
    crate::ui::kit::widgets::download_text(&name, &b.to_json(), "application/json");
}

#[component]
fn ExportCard() -> impl IntoView {
    let ctx = use_ctx();
    // What the shell's backup line shows, kept fresh by every save and export.
    let backup = ctx.backup;
    let message = RwSignal::new(None::<String>);
    let export = move |snapshot: bool| {
        let (Some(store), Some(core)) = (ctx.store(), ctx.replica()) else {
            return;
        };
        leptos::task::spawn_local(async move {
            let result = if snapshot {
                store.export_snapshot(&core.replica, &created_now()).await
            } else {
                store.export_changes(&core.replica, &created_now()).await
            };
            match result {
                Ok(bundles) if bundles.is_empty() => {
                    message.set(Some(ctx.tr_now(Key::NothingToExport).into()))
                }
                Ok(bundles) => {
                    for b in &bundles {
                        download(ctx, b);
                    }
                    message.set(Some(format!(
                        "{} {}",
                        bundles.len(),
                        ctx.tr_now(Key::FilesExported)
                    )));
                }
                // An export changes nothing the person typed: say what
                // failed and what to do, not "what you typed is on screen".
                Err(e) => message.set(Some(ctx.store_error_for(StoreOp::Export, &e))),
            }
            ctx.refresh_backup();
        });
    };
    view! {
        <div class="card">
            <h2>{move || ctx.tr(Key::ExportTitle)}</h2>
            <dl class="facts">
                <dt>{move || ctx.tr(Key::PendingChanges)}</dt>
                <dd>{move || fmt_count(ctx.lang.get(), backup.with(|b| b.pending) as usize)}</dd>
                <dt>{move || ctx.tr(Key::LastExport)}</dt>
                <dd>{move || fmt_last_export(ctx.lang.get(), backup.with(|b| b.last_export.clone()).as_deref())}</dd>
            </dl>
            <div class="actions">
                <button type="button" class="primary" on:click=move |_| export(false)>{move || ctx.tr(Key::ExportChanges)}</button>
                <button type="button" on:click=move |_| export(true)>{move || ctx.tr(Key::ExportEverything)}</button>
            </div>
            <p role="status" aria-live="polite">{move || message.get()}</p>
        </div>
    }
}

/// Hub documents this device refused, each listed once with its reason
/// (kept by `store::hub`, refreshed after every sync).
#[component]
fn RefusedCard() -> impl IntoView {
    let ctx = use_ctx();
    let list = RwSignal::new(Vec::<crate::sync::hub::RefusedDoc>::new());
    Effect::new(move |_| {
        ctx.hub.with(|h| h.finished);
        leptos::task::spawn_local(async move {
            if let Some(store) = ctx.store() {
                list.set(crate::store::hub::refused_docs(&store).await);
            }
        });
    });
    view! {
        <Show when=move || list.with(|l| !l.is_empty())>
            <div class="card">
                <h2 id="refused">{move || ctx.tr(Key::RefusedTitle)}</h2>
                <p class="hint">{move || ctx.tr(Key::RefusedExplain)}</p>
                <table class="table" aria-labelledby="refused">
                    <thead><tr>
                        <th scope="col">{move || ctx.tr(Key::RefusedDocument)}</th>
                        <th scope="col">{move || ctx.tr(Key::RefusedReason)}</th>
                        <th scope="col">{move || ctx.tr(Key::RefusedSince)}</th>
                    </tr></thead>
                    <tbody>
                        {move || list.get().into_iter().map(|r| {
                            let lang = ctx.lang.get();
                            view! { <tr>
                                <td title=r.id.clone()>{doc_words(ctx, &r.id)}</td>
                                <td>{bundle_error_text(lang, &r.reason)}</td>
                                <td>{fmt_ms(lang, r.at_ms)}</td>
                            </tr> }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </Show>
    }
}

/// A refused hub document in words: whose changes or snapshot it was
/// (by the device's name), never its raw id.
fn doc_words(ctx: Ctx, id: &str) -> String {
    let (key, device, n) = match parse_doc_id(id) {
        Some(DocId::Delta { device, first }) => (Key::RefusedChanges, device, first),
        Some(DocId::Snapshot { device, part }) => (Key::RefusedSnapshot, device, part),
        None => return format!("{}: {}", ctx.tr(Key::RefusedOther), clean(id, 60)),
    };
    ctx.tr(key)
        .replace("{device}", &device_label(ctx, device, None, None))
        .replace("{n}", &n.to_string())
}
