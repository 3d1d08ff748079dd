//! Importing bundle files after a preview: on the Sync page and on the
//! first-run page (joining from a snapshot).

use crate::domain::staff::device::name_in_ops;
use crate::store::bundles::{read_file, Checked, ImportError};
use crate::store::platform;
use crate::ui::kit::device::device_label;
use crate::ui::kit::file_picker::{file_names, FilePicker};
use crate::ui::kit::widgets::{fmt_count, fmt_ms};
use crate::ui::shell::state::{use_ctx, StoreOp};
use crate::ui::words::hub::bundle_error_text;
use crate::ui::words::{count, Counted, Key};
use leptos::prelude::*;

/// What a sound file holds: the sending device in words, changes, date
/// span, already imported.
#[derive(Clone)]
struct Summary {
    device: crate::sync::DeviceId,
    /// The name the file carries for its device, if any.
    carried: Option<String>,
    changes: usize,
    span: Option<(u64, u64)>,
    already_have: bool,
    /// The sender's earlier changes are not here (see `Checked`).
    missing_before: bool,
}

/// The verdict on one file, as the preview shows it.
#[derive(Clone)]
struct Preview {
    name: String,
    result: Result<Summary, String>,
}

#[component]
pub fn ImportCard() -> impl IntoView {
    let ctx = use_ctx();
    let previews = RwSignal::new(Vec::<Preview>::new());
    let checked = StoredValue::new_local(Vec::<Checked>::new());
    let message = RwSignal::new(None::<String>);
    let dragging = RwSignal::new(false);
    // The files' names beside the picker, until they are applied.
    let chosen = RwSignal::new(Vec::<String>::new());

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
                                        device: c.bundle.device,
                                        // The name the file itself carries wins:
                                        // the sender may have named itself since.
                                        carried: name_in_ops(&c.contents.ops, c.bundle.device),
                                        changes: c.contents.ops.len(),
                                        span: c.span,
                                        already_have: c.already_have,
                                        missing_before: c.missing_before,
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
                        count(
                            ctx.lang.get_untracked(),
                            changed.len(),
                            Counted::RecordsUpdated,
                        )
                    }));
                    previews.set(Vec::new());
                    checked.set_value(Vec::new());
                    chosen.set(Vec::new());
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
                on:drop=move |ev: web_sys::DragEvent| {
                    ev.prevent_default();
                    dragging.set(false);
                    let files = ev.data_transfer().and_then(|d| d.files());
                    chosen.set(files.as_ref().map(file_names).unwrap_or_default());
                    take_files(files);
                }>
                <FilePicker id="import-files" label=Key::ChooseFiles button=Key::ChooseFilesButton
                    accept=".json,application/json" multiple=true names=chosen
                    on_files=Callback::new(move |files| take_files(Some(files)))/>
                <p class="hint">{move || ctx.tr(Key::DropHint)}</p>
            </div>
            <Show when=move || previews.with(|p| !p.is_empty())>
                // tabindex: on a phone the table scrolls inside itself, and
                // a keyboard must reach what is off to the side.
                <table class="table" tabindex="0">
                    <caption>{move || ctx.tr(Key::ImportPreview)}</caption>
                    <thead><tr>
                        <th scope="col">{move || ctx.tr(Key::File)}</th>
                        <th scope="col">{move || ctx.tr(Key::FromDevice)}</th>
                        <th scope="col">{move || ctx.tr(Key::Changes)}</th>
                        <th scope="col">{move || ctx.tr(Key::DateRange)}</th>
                    </tr></thead>
                    <tbody>
                        {move || previews.get().into_iter().map(|p| {
                            let lang = ctx.lang.get();
                            match p.result {
                                Ok(sum) => view! { <tr>
                                    <td>{p.name}</td><td>{device_label(ctx, sum.device, sum.carried.as_deref(), None)}</td>
                                    <td>{fmt_count(lang, sum.changes)}{sum.already_have.then(|| format!(" ({})", ctx.tr(Key::AlreadyImported)))}</td>
                                    <td>{sum.span.map(|(a, b)| format!("{} – {}", fmt_ms(lang, a), fmt_ms(lang, b)))}</td>
                                </tr> }.into_any(),
                                Err(why) => view! { <tr class="refused"><td>{p.name}</td><td colspan="3" role="alert">{why}</td></tr> }.into_any(),
                            }
                        }).collect_view()}
                    </tbody>
                </table>
                {move || missing_before(ctx, &previews.get()).into_iter().map(|device| view! {
                    <p class="banner warn">{device}": "{ctx.tr(Key::MissingBefore)}</p>
                }).collect_view()}
                <button type="button" class="primary" disabled=move || !all_good() on:click=apply>{move || ctx.tr(Key::ApplyImport)}</button>
                <Show when=move || !all_good()><p class="hint">{move || ctx.tr(Key::FixRefusedFirst)}</p></Show>
            </Show>
            <p role="status" aria-live="polite">{move || message.get()}</p>
        </div>
    }
}

/// The devices (in words, once each) whose files lack their earlier
/// changes: applying is still safe (merge ignores order), but what came
/// before is missing until a snapshot of that device is imported.
fn missing_before(ctx: crate::ui::shell::state::Ctx, previews: &[Preview]) -> Vec<String> {
    let mut devices: Vec<String> = Vec::new();
    let lacking = previews
        .iter()
        .filter_map(|p| p.result.as_ref().ok())
        .filter(|s| s.missing_before);
    for s in lacking {
        let label = device_label(ctx, s.device, s.carried.as_deref(), None);
        if !devices.contains(&label) {
            devices.push(label);
        }
    }
    devices
}
