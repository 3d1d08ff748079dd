//! Sync by files (docs/architecture.md "Bundles"): export this device's changes or
//! everything, import one or many files after a preview, and review the
//! values that lost a concurrent edit (`conflicts`). The CouchDB hub card
//! is `hub_card`. A device without a name is asked for one here.

mod conflicts;
mod hub_card;

use crate::domain::staff::device::file_label;
use crate::store::cursor::Cursor;
use crate::store::outbox::CopyKind;
use crate::store::platform;
use crate::sync::bundle::{Bundle, BundleKind};
use crate::sync::hub::{parse_doc_id, DocId};
use crate::ui::kit::device::{device_label, is_named, DeviceNameForm};
use crate::ui::kit::import_card::ImportCard;
use crate::ui::kit::widgets::{backup_words, fmt_count, fmt_last_export, fmt_ms};
use crate::ui::shell::state::{use_ctx, Ctx, StoreOp};
use crate::ui::words::hub::bundle_error_text;
use crate::ui::words::values::clean;
use crate::ui::words::{count, Counted, Key};
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
/// (its id while it has none); true once the browser took it.
fn download(ctx: Ctx, b: &Bundle) -> bool {
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
    crate::ui::kit::widgets::download_text(&name, &b.to_json(), "application/json")
}

/// What an export made: the files, and the copy they count as once every
/// one of them was handed to the browser.
async fn export(
    ctx: Ctx,
    store: &crate::store::records::Store,
    core: &crate::ui::shell::state::Core,
    snapshot: bool,
) -> Result<(usize, Option<Key>), crate::store::records::StoreError> {
    let created = created_now();
    let mut pruned = false;
    // Read before the state: the snapshot holds at least every action up to it.
    let (bundles, cursor, covers) = if snapshot {
        let seq = store.stored_seq().await?;
        let parts = store.export_snapshot(&core.replica, &created).await?;
        (parts, Cursor::Snapshot, seq)
    } else {
        // Changes pruned before this transport carried them (`sync::prune`).
        pruned = store.pruned_before(Cursor::File).await?.is_some();
        let out = store
            .outgoing(&core.replica, Cursor::File, &created)
            .await?;
        let last = out.last().map_or(0, |b| b.last);
        (out, Cursor::File, last)
    };
    let pruned = pruned.then_some(Key::EarlierChangesPruned);
    if bundles.is_empty() {
        return Ok((0, pruned));
    }
    // Every file, even after one failed: the person sees what happened.
    let started = bundles.iter().filter(|b| download(ctx, b)).count();
    if started < bundles.len() {
        return Ok((started, Some(Key::ExportNotStarted)));
    }
    // Only a download that started counts as a copy.
    store.mark_sent(cursor, covers, &created).await?;
    Ok((started, snapshot.then_some(Key::SnapshotCounts).or(pruned)))
}

#[component]
fn ExportCard() -> impl IntoView {
    let ctx = use_ctx();
    // What the shell's backup line shows, kept fresh by every save and export.
    let backup = ctx.backup;
    let message = RwSignal::new(None::<String>);
    let run = move |snapshot: bool| {
        let (Some(store), Some(core)) = (ctx.store(), ctx.replica()) else {
            return;
        };
        leptos::task::spawn_local(async move {
            match export(ctx, &store, &core, snapshot).await {
                Ok((0, None)) => message.set(Some(ctx.tr_now(Key::NothingToExport).into())),
                Ok((0, Some(note))) => message.set(Some(ctx.tr_now(note).into())),
                Ok((n, note)) => {
                    let mut said = count(ctx.lang.get_untracked(), n, Counted::FilesDownloaded);
                    if let Some(k) = note {
                        said.push(' ');
                        said.push_str(ctx.tr_now(k));
                    }
                    message.set(Some(said));
                }
                // An export changes nothing the person typed: say what
                // failed and what to do, not "what you typed is on screen".
                Err(e) => message.set(Some(ctx.store_error_for(StoreOp::Export, &e))),
            }
            ctx.refresh_backup();
        });
    };
    let last_of = move |kind: CopyKind| {
        backup.with(|b| b.last_of(kind).and_then(|c| c.at).map(|t| t.to_rfc3339()))
    };
    view! {
        <div class="card">
            <h2>{move || ctx.tr(Key::ExportTitle)}</h2>
            <p class="backup-state">{move || backup.with(|b| backup_words(ctx.lang.get(), b)).join(" · ")}</p>
            <dl class="facts">
                <dt>{move || ctx.tr(Key::BackupPendingFact)}</dt>
                <dd>{move || fmt_count(ctx.lang.get(), backup.with(|b| b.pending) as usize)}</dd>
                <dt>{move || ctx.tr(Key::LastChangesExport)}</dt>
                <dd>{move || fmt_last_export(ctx.lang.get(), last_of(CopyKind::ChangesFile).as_deref())}</dd>
                <dt>{move || ctx.tr(Key::LastSnapshotExport)}</dt>
                <dd>{move || fmt_last_export(ctx.lang.get(), last_of(CopyKind::Snapshot).as_deref())}</dd>
            </dl>
            <div class="actions">
                <button type="button" class="primary" on:click=move |_| run(false)>{move || ctx.tr(Key::ExportChanges)}</button>
                <button type="button" on:click=move |_| run(true)>{move || ctx.tr(Key::ExportEverything)}</button>
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
