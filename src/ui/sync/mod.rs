//! Sync by files (docs/architecture.md "Bundles"): export this device's changes or
//! everything, import one or many files after a preview, and review the
//! values that lost a concurrent edit. The CouchDB hub card is `hub_card`.

mod hub_card;

use crate::domain::restore::restore_value;
use crate::store::outbox::{CopyKind, Cursor};
use crate::store::{platform, settings};
use crate::sync::bundle::{Bundle, BundleKind};
use crate::sync::{Loser, RecordKey};
use crate::ui::kit::import_card::ImportCard;
use crate::ui::kit::widgets::{
    backup_words, fmt_count, fmt_datetime, fmt_last_export, fmt_ms, Empty,
};
use crate::ui::shell::state::{use_ctx, Ctx, StoreOp};
use crate::ui::words::hub::bundle_error_text;
use crate::ui::words::{count, Counted, Key};
use hub_card::HubCard;
use leptos::prelude::*;

#[component]
pub fn SyncPage() -> impl IntoView {
    let ctx = use_ctx();
    view! {
        <section class="page">
            <h1>{move || ctx.tr(Key::NavSync)}</h1>
            <p class="lead">{move || ctx.tr(Key::SyncLead)}</p>
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

/// Offers a bundle as a file download; true once the browser took it.
fn download(b: &Bundle) -> bool {
    let name = format!(
        "ventanilla-{}-{}-{}-{}.json",
        b.device,
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
    store: &crate::store::records::Store,
    core: &crate::ui::shell::state::Core,
    snapshot: bool,
) -> Result<(usize, Option<Key>), crate::store::records::StoreError> {
    let created = created_now();
    // Read before the state: the snapshot holds at least every action up to it.
    let (bundles, cursor, covers) = if snapshot {
        let seq = store.stored_seq().await?;
        let parts = store.export_snapshot(&core.replica, &created).await?;
        (parts, Cursor::Snapshot, seq)
    } else {
        let out = store
            .outgoing(&core.replica, Cursor::File, &created)
            .await?;
        let last = out.last().map_or(0, |b| b.last);
        (out, Cursor::File, last)
    };
    if bundles.is_empty() {
        return Ok((0, None));
    }
    // Every file, even after one failed: the person sees what happened.
    let started = bundles.iter().filter(|b| download(b)).count();
    if started < bundles.len() {
        return Ok((started, Some(Key::ExportNotStarted)));
    }
    // Only a download that started counts as a copy.
    store.mark_sent(cursor, covers, &created).await?;
    Ok((started, snapshot.then_some(Key::SnapshotCounts)))
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
            match export(&store, &core, snapshot).await {
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
                                <td><code>{r.id.clone()}</code></td>
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

/// Every value that lost a concurrent edit: restore it, or dismiss it.
#[component]
fn ConflictsCard() -> impl IntoView {
    let ctx = use_ctx();
    let list = RwSignal::new(None::<Vec<(RecordKey, Loser, serde_json::Value)>>);
    let load = move || {
        leptos::task::spawn_local(async move {
            let Some(store) = ctx.store() else { return };
            if let Ok(state) = store.load_state().await {
                let dismissed = settings::dismissed_conflicts();
                let rows = state
                    .conflicts()
                    .into_iter()
                    .filter(|(k, l)| !dismissed.contains(&conflict_key(k, l)))
                    // "Who changed it last, when" always differs between two
                    // concurrent edits; it is bookkeeping, not a lost value.
                    .filter(|(_, l)| !AUDIT_FIELDS.contains(&l.field.as_str()))
                    .map(|(k, l)| {
                        let current = state
                            .get(&k.kind, k.id)
                            .and_then(|e| e.get(&l.field))
                            .cloned()
                            .unwrap_or_default();
                        (k, l.clone(), current)
                    })
                    .collect();
                list.set(Some(rows));
            }
        })
    };
    load();
    // Reload when records change (a restore, an import, another tab).
    Effect::new(move |prev: Option<()>| {
        ctx.model.track();
        if prev.is_some() {
            load();
        }
    });
    view! {
        <div class="card">
            <h2 id="conflicts">{move || ctx.tr(Key::ConflictsTitle)}</h2>
            <p class="hint">{move || ctx.tr(Key::ConflictsExplain)}</p>
            {move || match list.get() {
                None => view! { <p>{ctx.tr(Key::Loading)}</p> }.into_any(),
                Some(rows) if rows.is_empty() => view! { <Empty text=Key::NoConflicts/> }.into_any(),
                Some(rows) => view! {
                    <table class="table" aria-labelledby="conflicts">
                        <thead><tr>
                            <th scope="col">{ctx.tr(Key::Record)}</th>
                            <th scope="col">{ctx.tr(Key::FieldName)}</th>
                            <th scope="col">{ctx.tr(Key::CurrentValue)}</th>
                            <th scope="col">{ctx.tr(Key::LostValue)}</th>
                            <th scope="col">{ctx.tr(Key::WhenWho)}</th>
                            <th scope="col"><span class="sr-only">{ctx.tr(Key::Actions)}</span></th>
                        </tr></thead>
                        <tbody>
                            {rows.into_iter().map(|(k, l, current)| conflict_row(ctx, k, l, current)).collect_view()}
                        </tbody>
                    </table>
                }.into_any(),
            }}
        </div>
    }
}

const AUDIT_FIELDS: &[&str] = &["changed_at", "changed_by"];

fn conflict_key(k: &RecordKey, l: &Loser) -> String {
    format!("{}/{}/{}/{}", k.kind, k.id, l.field, l.stamp)
}

fn show_value(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

fn conflict_row(ctx: Ctx, k: RecordKey, l: Loser, current: serde_json::Value) -> impl IntoView {
    let name = ctx.model.with_untracked(|m| match k.kind.as_str() {
        "customer" => m.customers.get(&k.id).map(|c| c.name.clone()),
        "contact" => m.contacts.get(&k.id).map(|c| c.summary.clone()),
        "staff" => m.staff.get(&k.id).map(|s| s.name.clone()),
        _ => None,
    });
    let key = conflict_key(&k, &l);
    let restore = {
        let (kind, id, field, value) = (k.kind.clone(), k.id, l.field.clone(), l.value.clone());
        // Through the one way to act; the rule (who may restore, the import
        // limits, the audit fields) is the domain's.
        move |_| {
            let (kind, field, value) = (kind.clone(), field.clone(), value.clone());
            ctx.act(
                ctx.save_error,
                Key::ValueRestored,
                move |m, actor, now| restore_value(m, actor.id, &kind, id, &field, &value, now),
                || {},
            );
        }
    };
    let dismiss = move |_| {
        settings::dismiss_conflict(&key);
        ctx.model.update(|_| {});
    };
    let when = chrono::DateTime::from_timestamp_millis(l.stamp.ms as i64)
        .map(|t| fmt_datetime(ctx.lang.get_untracked(), t))
        .unwrap_or_default();
    view! {
        <tr>
            <td>{name.unwrap_or_else(|| format!("{} {}", k.kind, k.id))}</td>
            <td>{l.field.clone()}</td>
            <td>{show_value(&current)}</td>
            <td><strong>{show_value(&l.value)}</strong></td>
            <td>{when} " · " <code>{l.stamp.device.to_string()}</code></td>
            <td class="row-actions">
                <button type="button" on:click=restore>{ctx.tr_now(Key::RestoreValue)}</button>
                <button type="button" on:click=dismiss>{ctx.tr_now(Key::DismissConflict)}</button>
            </td>
        </tr>
    }
}
