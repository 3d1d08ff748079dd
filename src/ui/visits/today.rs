//! My return visits on Today: due, overdue, and the replies I promised
//! (R-RV-03, R-RV-04). The Today page places this section and provides
//! its `Memo<Today>`.

use crate::domain::Today;
use crate::ui::kit::widgets::{fmt_date, Empty};
use crate::ui::shell::state::use_ctx;
use crate::ui::words::visit_labels::reason_label;
use crate::ui::words::Key;
use leptos::prelude::*;
use leptos_router::components::A;

/// The visits sections of Today.
#[component]
pub fn VisitsToday() -> impl IntoView {
    let ctx = use_ctx();
    let today = expect_context::<Memo<Today>>();
    // Once per visit to Today (not once per visits section).
    Effect::new(move |_| super::ensure_due(ctx));
    let nothing_due =
        move || today.with(|t| t.due_visits.is_empty() && t.overdue_visits.is_empty());
    view! {
        <VisitSection id="due-visits" title=Key::MyVisitsDue ids=Signal::derive(move || today.with(|t| t.due_visits.clone()))/>
        // As on Return visits: the heading stays, with the same words when
        // nothing is due and how many of mine come later.
        <Show when=nothing_due>
            <h2 id="due-visits-none">{move || ctx.tr(Key::MyVisitsDue)} <span class="count">"0"</span></h2>
            <Empty text=Key::NoVisitsDue/>
        </Show>
        <super::LaterVisits/>
        <VisitSection id="overdue-visits" title=Key::MyOverdueVisits ids=Signal::derive(move || today.with(|t| t.overdue_visits.clone()))/>
        <TaskSection ids=Signal::derive(move || today.with(|t| t.visit_tasks.clone()))/>
    }
}

/// My return visits due or overdue (R-RV-04), when there are any.
#[component]
fn VisitSection(
    id: &'static str,
    title: Key,
    ids: Signal<Vec<crate::sync::RecordId>>,
) -> impl IntoView {
    let ctx = use_ctx();
    let rows = Memo::new(move |_| {
        ctx.model.with(|m| {
            ids.get()
                .into_iter()
                .filter_map(|vid| {
                    let v = m.visits.get(&vid)?;
                    Some((
                        vid,
                        m.customers.get(&v.customer)?.name.clone(),
                        v.reason,
                        v.due,
                    ))
                })
                .collect::<Vec<_>>()
        })
    });
    view! {
        <Show when=move || ids.with(|v| !v.is_empty())>
            <h2 id=id>{move || ctx.tr(title)} <span class="count">{move || ids.with(|v| v.len())}</span></h2>
            <ul class="cards" aria-labelledby=id>
                // Keyed by what a row shows: a save elsewhere re-renders no row.
                <For each=move || rows.get() key=|row| row.clone() let:row>
                    <li class="card">
                        <A href=format!("/visits/{}", row.0)>{row.1.clone()}</A>
                        <span class="meta">{move || reason_label(ctx.lang.get(), row.2)} " · " {move || fmt_date(ctx.lang.get(), row.3)}</span>
                    </li>
                </For>
            </ul>
        </Show>
    }
}

/// Replies I promised on a call (R-RV-03), with "Done".
#[component]
fn TaskSection(ids: Signal<Vec<crate::sync::RecordId>>) -> impl IntoView {
    let ctx = use_ctx();
    // A refusal here (the task was done elsewhere) changes nothing: quiet,
    // as before; a failed save is in the shell's status line.
    let done = move |task: crate::sync::RecordId| {
        ctx.act_with(
            None,
            move |m, actor, now| crate::domain::visits::task_done(m, actor, task, now),
            |_| {},
        );
    };
    view! {
        <Show when=move || ids.with(|v| !v.is_empty())>
            <h2 id="my-tasks">{move || ctx.tr(Key::MyTasks)} <span class="count">{move || ids.with(|v| v.len())}</span></h2>
            <ul class="cards" aria-labelledby="my-tasks">
                {move || ids.get().into_iter().filter_map(|tid| ctx.model.with(|m| m.rv.tasks.get(&tid).cloned())).map(|t| view! {
                    <li class="card">
                        <span>{t.title.clone()}</span>
                        <span class="meta">{fmt_date(ctx.lang.get(), t.due)}</span>
                        <button type="button" on:click=move |_| done(t.id)>{move || ctx.tr(Key::TaskDone)}</button>
                    </li>
                }).collect_view()}
            </ul>
        </Show>
    }
}
