//! Sync by files (DESIGN.md "Bundles"): export this device's changes or
//! everything, import one or many files after a preview, and review the
//! values that lost a concurrent edit. The CouchDB hub card is `ui::hub`.

use crate::domain::Lang;
use crate::store::bundles::{read_file, Checked, ImportError};
use crate::store::{platform, settings};
use crate::sync::bundle::{Bundle, BundleError, BundleKind};
use crate::sync::{Loser, RecordKey, Write};
use crate::ui::i18n::Key;
use crate::ui::state::{use_ctx, Ctx, StoreOp};
use crate::ui::widgets::{fmt_count, fmt_datetime, fmt_last_export, Empty};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

#[component]
pub fn SyncPage() -> impl IntoView {
    let ctx = use_ctx();
    view! {
        <section class="page">
            <h1>{move || ctx.tr(Key::NavSync)}</h1>
            <p class="lead">{move || ctx.tr(Key::SyncLead)}</p>
            <ExportCard/>
            <ImportCard/>
            <crate::ui::hub::HubCard/>
            <RefusedCard/>
            <ConflictsCard/>
        </section>
    }
}

fn created_now() -> String {
    platform::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// Offers a bundle as a file download.
fn download(b: &Bundle) {
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
    crate::ui::widgets::download_text(&name, &b.to_json(), "application/json");
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
                        download(b);
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

/// What a sound file holds: device, changes, date span, already imported.
#[derive(Clone)]
struct Summary {
    device: String,
    changes: usize,
    span: Option<(u64, u64)>,
    already_have: bool,
}

/// The verdict on one file, as the preview shows it.
#[derive(Clone)]
struct Preview {
    name: String,
    result: Result<Summary, String>,
}

pub fn bundle_error_text(lang: Lang, e: &BundleError) -> String {
    let es = lang == Lang::Es;
    let (s, en): (&str, &str) = match e {
        BundleError::Truncated => ("El archivo está incompleto (cortado).", "The file is incomplete (cut short)."),
        BundleError::NotJson(_) => ("No es un archivo de Ventanilla (no es JSON).", "Not a Ventanilla file (not JSON)."),
        BundleError::WrongFormat(_) => ("No es un paquete de Ventanilla.", "Not a Ventanilla bundle."),
        BundleError::UnsupportedVersion(_) => ("Es de una versión más nueva de Ventanilla: actualiza esta primero.", "It comes from a newer Ventanilla: update this one first."),
        BundleError::ChecksumMismatch { .. } => ("El contenido no coincide con su suma de control: el archivo se dañó.", "The content does not match its checksum: the file is damaged."),
        BundleError::UnknownRecordKind(_) => ("Contiene registros de un tipo que esta versión no conoce: actualízala.", "It holds records of a kind this version does not know: update it."),
        BundleError::FromFuture { .. } => ("Tiene cambios fechados más de un día en el futuro: revisa la fecha del otro dispositivo.", "It has changes dated over a day in the future: check the other device's date."),
        BundleError::Contradiction { .. } => ("Contradice un paquete ya recibido del mismo dispositivo.", "It contradicts a bundle already received from the same device."),
        BundleError::ContradictsOwnLog { .. } => ("Dice venir de este dispositivo pero no coincide con lo que este guardó.", "It claims to come from this device but does not match what this device saved."),
        BundleError::ForeignAuthor { .. } => ("Trae cambios atribuidos a otro dispositivo: cada dispositivo solo envía los suyos, así que fue alterado.", "It carries changes attributed to another device: each device only sends its own, so it was altered."),
        BundleError::WrongDocument { .. } => ("El documento del hub no contiene el paquete que su nombre dice.", "The hub document does not hold the bundle its name says."),
        BundleError::TooLarge { .. } | BundleError::BadValue { .. } => {
            return crate::ui::limits_text::refusal_text(lang, e)
        }
        _ => ("El archivo está mal formado.", "The file is malformed."),
    };
    let what = if es { s } else { en };
    let then = if es {
        "No se ha aplicado nada."
    } else {
        "Nothing was applied."
    };
    format!("{what} {then} ({e})")
}

#[component]
pub fn ImportCard() -> impl IntoView {
    let ctx = use_ctx();
    let previews = RwSignal::new(Vec::<Preview>::new());
    let checked = StoredValue::new_local(Vec::<Checked>::new());
    let message = RwSignal::new(None::<String>);
    let dragging = RwSignal::new(false);

    let take_files = move |files: Option<web_sys::FileList>| {
        let Some(files) = files else { return };
        let files: Vec<web_sys::File> = (0..files.length()).filter_map(|i| files.get(i)).collect();
        leptos::task::spawn_local(async move {
            let (Some(store), Some(core)) = (ctx.store(), ctx.replica()) else {
                return;
            };
            let lang = ctx.lang.get_untracked();
            let mut names = Vec::new();
            let mut texts = Vec::new();
            // Refused before being read: too large to be a bundle.
            let mut unread = Vec::new();
            for f in files.iter() {
                match read_file(f).await {
                    Ok(text) => {
                        names.push(f.name());
                        texts.push(text);
                    }
                    Err(e) => unread.push(Preview {
                        name: f.name(),
                        result: Err(bundle_error_text(lang, &e)),
                    }),
                }
            }
            match store
                .check_files(&core.replica, &texts, platform::now_ms())
                .await
            {
                Err(e) => message.set(Some(ctx.store_error_for(StoreOp::Import, &e))),
                Ok(results) => {
                    let mut ok = Vec::new();
                    let mut shown = unread;
                    for (name, r) in names.into_iter().zip(results) {
                        match r {
                            Ok(c) => {
                                shown.push(Preview {
                                    name,
                                    result: Ok(Summary {
                                        device: c.bundle.device.to_string(),
                                        changes: c.contents.ops.len(),
                                        span: c.span,
                                        already_have: c.already_have,
                                    }),
                                });
                                ok.push(c);
                            }
                            Err(e) => shown.push(Preview {
                                name,
                                result: Err(bundle_error_text(lang, &e)),
                            }),
                        }
                    }
                    checked.set_value(ok);
                    previews.set(shown);
                    message.set(None);
                }
            }
        });
    };
    let all_good = move || previews.with(|p| !p.is_empty() && p.iter().all(|p| p.result.is_ok()));
    let apply = move |_| {
        let (Some(store), Some(core)) = (ctx.store(), ctx.replica()) else {
            return;
        };
        leptos::task::spawn_local(async move {
            let todo = checked.try_get_value().unwrap_or_default();
            match store.import(&core.replica, &todo, platform::now_ms()).await {
                Ok(changed) => {
                    ctx.apply_changed(&changed);
                    message.set(Some(if changed.is_empty() {
                        ctx.tr_now(Key::NothingNewImported).into()
                    } else {
                        format!(
                            "{} {}",
                            fmt_count(ctx.lang.get_untracked(), changed.len()),
                            ctx.tr_now(Key::RecordsUpdated)
                        )
                    }));
                    previews.set(Vec::new());
                    checked.set_value(Vec::new());
                }
                Err(ImportError::Refused(e)) => {
                    message.set(Some(bundle_error_text(ctx.lang.get_untracked(), &e)))
                }
                Err(ImportError::Store(e)) => {
                    message.set(Some(ctx.store_error_for(StoreOp::Import, &e)))
                }
            }
        });
    };

    view! {
        <div class="card">
            <h2>{move || ctx.tr(Key::ImportTitle)}</h2>
            <div class="dropzone" class:dragging=move || dragging.get()
                on:dragover=move |ev: web_sys::DragEvent| { ev.prevent_default(); dragging.set(true); }
                on:dragleave=move |_| dragging.set(false)
                on:drop=move |ev: web_sys::DragEvent| { ev.prevent_default(); dragging.set(false); take_files(ev.data_transfer().and_then(|d| d.files())); }>
                <label for="import-files">{move || ctx.tr(Key::ChooseFiles)}</label>
                <input id="import-files" type="file" multiple accept=".json,application/json"
                    on:change=move |ev| {
                        let input: Option<web_sys::HtmlInputElement> = ev.target().and_then(|t| t.dyn_into().ok());
                        take_files(input.as_ref().and_then(|i| i.files()));
                        // So that choosing the same file again is noticed too.
                        if let Some(i) = input {
                            i.set_value("");
                        }
                    }/>
                <p class="hint">{move || ctx.tr(Key::DropHint)}</p>
            </div>
            <Show when=move || previews.with(|p| !p.is_empty())>
                <table class="table">
                    <caption>{move || ctx.tr(Key::ImportPreview)}</caption>
                    <thead><tr>
                        <th scope="col">{move || ctx.tr(Key::File)}</th>
                        <th scope="col">{move || ctx.tr(Key::ThisDevice)}</th>
                        <th scope="col">{move || ctx.tr(Key::Changes)}</th>
                        <th scope="col">{move || ctx.tr(Key::DateRange)}</th>
                    </tr></thead>
                    <tbody>
                        {move || previews.get().into_iter().map(|p| {
                            let lang = ctx.lang.get();
                            match p.result {
                                Ok(sum) => view! { <tr>
                                    <td>{p.name}</td><td><code>{sum.device}</code></td>
                                    <td>{fmt_count(lang, sum.changes)}{sum.already_have.then(|| format!(" ({})", ctx.tr(Key::AlreadyImported)))}</td>
                                    <td>{sum.span.map(|(a, b)| format!("{} – {}", fmt_ms(lang, a), fmt_ms(lang, b)))}</td>
                                </tr> }.into_any(),
                                Err(why) => view! { <tr class="refused"><td>{p.name}</td><td colspan="3" role="alert">{why}</td></tr> }.into_any(),
                            }
                        }).collect_view()}
                    </tbody>
                </table>
                <button type="button" class="primary" disabled=move || !all_good() on:click=apply>{move || ctx.tr(Key::ApplyImport)}</button>
                <Show when=move || !all_good()><p class="hint">{move || ctx.tr(Key::FixRefusedFirst)}</p></Show>
            </Show>
            <p role="status" aria-live="polite">{move || message.get()}</p>
        </div>
    }
}

fn fmt_ms(lang: Lang, ms: u64) -> String {
    chrono::DateTime::from_timestamp_millis(ms as i64)
        .map(|t| fmt_datetime(lang, t))
        .unwrap_or_default()
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
        let write = Write {
            kind: k.kind.clone(),
            id: k.id,
            field: l.field.clone(),
            value: l.value.clone(),
        };
        move |_| {
            let write = write.clone();
            leptos::task::spawn_local(async move {
                let _ = ctx.save_with_toast(vec![write], Key::ValueRestored).await;
            });
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
