//! Settings → Storage: the browser's estimate of the space used, permanent
//! storage, and what each part of the database holds (read on request: at
//! branch scale it reads every row, a page at a time).

use crate::store::platform;
use crate::store::prune::OutboxState;
use crate::store::usage::{Part, PartUsage};
use crate::sync::prune::Waiting;
use crate::ui::kit::device::device_label;
use crate::ui::kit::widgets::{fmt_bytes, fmt_count};
use crate::ui::shell::state::{use_ctx, Ctx};
use crate::ui::words::Key;
use leptos::prelude::*;

/// How much this browser holds, its persistence, and (on request) what
/// each part of the database holds.
#[component]
pub fn StorageInfo() -> impl IntoView {
    let ctx = use_ctx();
    let estimate = RwSignal::new(None::<(f64, f64)>);
    let persisted = RwSignal::new(None::<bool>);
    let refresh = move || {
        leptos::task::spawn_local(async move {
            estimate.set(platform::storage_estimate().await);
        })
    };
    refresh();
    let records = move || {
        ctx.model
            .with(|m| m.customers.len() + m.contact_count() + m.staff.len())
    };
    view! {
        <div class="card">
            <h2>{move || ctx.tr(Key::Storage)}</h2>
            <p>{move || ctx.tr(Key::StorageExplain)}</p>
            <dl class="facts">
                <dt>{move || ctx.tr(Key::RecordsStored)}</dt>
                <dd>{move || fmt_count(ctx.lang.get(), records())}</dd>
                <dt>{move || ctx.tr(Key::StorageUsed)}</dt>
                <dd>{move || match estimate.get() {
                    Some((used, quota)) => format!("{} / {}", fmt_bytes(ctx.lang.get(), used), fmt_bytes(ctx.lang.get(), quota)),
                    None => ctx.tr(Key::Unknown).to_string(),
                }}</dd>
            </dl>
            <button type="button" on:click=move |_| {
                leptos::task::spawn_local(async move {
                    persisted.set(Some(platform::request_persistence().await));
                    estimate.set(platform::storage_estimate().await);
                });
            }>{move || ctx.tr(Key::KeepDataPermanently)}</button>
            <p role="status">{move || persisted.get().map(|p| ctx.tr(if p { Key::PersistGranted } else { Key::PersistRefused }))}</p>
            <StorageParts/>
            <Show when=platform::is_safari>
                <p class="banner warn">{move || ctx.tr(Key::SafariAdvice)}</p>
            </Show>
        </div>
    }
}

/// What a person reads for each part of the database.
fn part_label(part: Part) -> Key {
    match part {
        Part::Records => Key::PartRecords,
        Part::Views => Key::PartViews,
        Part::History => Key::PartHistory,
        Part::Summaries => Key::PartSummaries,
        Part::Actions => Key::PartActions,
        Part::Outbox => Key::PartOutbox,
        Part::Bundles => Key::PartBundles,
        Part::Meta => Key::PartMeta,
    }
}

#[derive(Clone, PartialEq)]
enum Parts {
    NotAsked,
    Reading,
    Read(Vec<PartUsage>, Option<OutboxState>),
    Failed,
}

/// The parts of the database, each with its rows and the length of its
/// text, after the person asks (and again each time they ask).
#[component]
fn StorageParts() -> impl IntoView {
    let ctx = use_ctx();
    let parts = RwSignal::new(Parts::NotAsked);
    let read = move |_| {
        let Some(store) = ctx.store() else { return };
        parts.set(Parts::Reading);
        leptos::task::spawn_local(async move {
            let result = match store.usage().await {
                // What the outbox keeps is a line under the table; without
                // it the table still shows.
                Ok(usage) => Parts::Read(usage, store.outbox_state().await.ok()),
                Err(e) => {
                    web_sys::console::warn_1(&e.to_string().into());
                    Parts::Failed
                }
            };
            parts.try_set(result);
        });
    };
    view! {
        <p>
            <button type="button" disabled=move || parts.get() == Parts::Reading on:click=read>
                {move || ctx.tr(Key::StorageParts)}
            </button>
        </p>
        {move || match parts.get() {
            Parts::NotAsked => ().into_any(),
            Parts::Reading => view! { <p role="status">{ctx.tr(Key::Working)}</p> }.into_any(),
            Parts::Failed => view! { <p role="alert">{ctx.tr(Key::StoragePartsFailed)}</p> }.into_any(),
            Parts::Read(usage, outbox) => {
                let lang = ctx.lang.get();
                view! {
                    <table class="table">
                        <caption>{ctx.tr(Key::StoragePartsCaption)}</caption>
                        <thead><tr>
                            <th scope="col">{ctx.tr(Key::StoragePart)}</th>
                            <th scope="col" class="num">{ctx.tr(Key::StorageRows)}</th>
                            <th scope="col" class="num">{ctx.tr(Key::StorageText)}</th>
                        </tr></thead>
                        <tbody>
                            {usage.into_iter().map(|u| view! {
                                <tr>
                                    <th scope="row">{ctx.tr(part_label(u.part))}</th>
                                    <td class="num nowrap">{fmt_count(lang, u.rows as usize)}</td>
                                    <td class="num nowrap">{fmt_bytes(lang, u.chars)}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                    {outbox.map(|o| outbox_lines(ctx, o))}
                }.into_any()
            }
        }}
    }
}

/// How far the outbox was pruned, and who the rest is kept for.
fn outbox_lines(ctx: Ctx, o: OutboxState) -> impl IntoView {
    let lang = ctx.lang.get_untracked();
    let pruned = (o.pruned_seq > 0).then(|| {
        let n = fmt_count(lang, usize::try_from(o.pruned_seq).unwrap_or(usize::MAX));
        view! { <p>{ctx.tr_now(Key::OutboxPrunedThrough)}": "{n}"."</p> }
    });
    let kept = o.waiting.map(|w| match w {
        Waiting::Snapshot => ctx.tr_now(Key::OutboxKeptForSnapshot).to_string(),
        Waiting::Hub => ctx.tr_now(Key::OutboxKeptForHub).to_string(),
        Waiting::Files => ctx.tr_now(Key::OutboxKeptForFiles).to_string(),
        Waiting::Peer(d) => format!(
            "{}: {}",
            device_label(ctx, d, None, None),
            ctx.tr_now(Key::OutboxKeptForPeer)
        ),
    });
    view! {
        {pruned}
        {kept.map(|k| view! { <p class="hint">{k}</p> })}
    }
}
