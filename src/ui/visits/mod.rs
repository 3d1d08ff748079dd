//! Return visits (docs/rules.md "Return visits"): my call queue, the team's open
//! visits with bulk reassignment, the call screen, campaigns, the summary and
//! coverage, and the call scripts. Visits fall due by rule: `ensure_due`
//! makes the missing ones (idempotent, by key) whenever a queue is shown.

mod call;
mod pages;
mod today;

pub use call::CallPage;
pub use pages::{CampaignsPage, ScriptsPage, VisitSummaryPage};
pub use today::VisitsToday;

use crate::domain::base::order;
use crate::domain::staff::{Action, Role};
use crate::domain::visits::{self, QueueEntry, VisitSettings};
use crate::store::platform;
use crate::sync::RecordId;
use crate::ui::kit::widgets::{active_staff_names, fmt_date, fmt_datetime, Empty, SelectField};
use crate::ui::shell::act::Refusal;
use crate::ui::shell::state::{use_ctx, Ctx};
use crate::ui::words::state_words::count_words;
use crate::ui::words::visit_labels::reason_label;
use crate::ui::words::Key;
use leptos::prelude::*;
use leptos_router::components::A;

/// Makes the visits that have fallen due and do not exist yet (R-CUS-05,
/// R-RV-04), assigned by R-RV-06. Runs quietly; a failure only means the
/// next opening tries again.
pub fn ensure_due(ctx: Ctx) {
    // Quiet: nothing to say when there is nobody to act as or nothing due;
    // a failed save is reported by the shell's status line.
    ctx.act_with(
        None,
        |m, me, now| {
            let today = visits::local_day(now, m.zone());
            Ok::<_, Refusal>(visits::materialise(
                m,
                me,
                today,
                m.zone(),
                &VisitSettings::default(),
                now,
            ))
        },
        |_| {},
    );
}

#[component]
pub fn VisitsPage() -> impl IntoView {
    let ctx = use_ctx();
    Effect::new(move |_| ensure_due(ctx));
    let queue = Memo::new(move |_| {
        let me = ctx.me.get();
        ctx.model.with(|m| {
            me.map(|me| visits::my_queue(m, me, platform::now(), m.zone()))
                .unwrap_or_default()
        })
    });
    let leads = move || {
        ctx.me_staff()
            .is_some_and(|s| s.role.rank() >= Role::TeamLeader.rank())
    };
    view! {
        <section class="page">
            <h1>{move || ctx.tr(Key::NavVisits)}</h1>
            <p class="lead">{move || ctx.tr(Key::VisitsLead)}</p>
            <div class="actions">
                <A href="/visits/summary" attr:class="button">{move || ctx.tr(Key::SummaryTitle)}</A>
                <A href="/visits/campaigns" attr:class="button">{move || ctx.tr(Key::CampaignsTitle)}</A>
                <A href="/visits/scripts" attr:class="button">{move || ctx.tr(Key::ScriptsTitle)}</A>
            </div>
            <h2 id="my-queue">{move || ctx.tr(Key::MyCallQueue)} <span class="count">{move || queue.with(|q| q.len())}</span></h2>
            <Show when=move || queue.with(|q| !q.is_empty()) fallback=|| view! { <Empty text=Key::NoVisitsDue/> }>
                <ul class="cards" aria-labelledby="my-queue">
                    {move || queue.get().into_iter().map(|e| view! { <QueueCard entry=e/> }).collect_view()}
                </ul>
            </Show>
            <LaterVisits/>
            <Show when=leads>
                <TeamVisits/>
            </Show>
        </section>
    }
}

/// How many of my open visits fall due later (Today says the same).
#[component]
pub fn LaterVisits() -> impl IntoView {
    let ctx = use_ctx();
    let later = Memo::new(move |_| {
        let me = ctx.me.get();
        ctx.model.with(|m| {
            me.map(|me| visits::later_for(m, me, visits::local_day(platform::now(), m.zone())))
                .unwrap_or(0)
        })
    });
    view! {
        <Show when=move || { later.get() > 0 }>
            <p class="hint">{move || count_words(ctx.lang.get(), later.get() as u64, Key::MyVisitsLaterOne, Key::MyVisitsLaterMany)}</p>
        </Show>
    }
}

#[component]
fn QueueCard(entry: QueueEntry) -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang.get_untracked();
    let (name, reason, due) = ctx.model.with_untracked(|m| {
        let v = m.visits.get(&entry.visit);
        (
            m.customers
                .get(&entry.customer)
                .map(|c| c.name.clone())
                .unwrap_or_default(),
            v.map(|v| v.reason),
            v.map(|v| v.due),
        )
    });
    view! {
        <li class="card item" class:overdue=entry.overdue>
            <A href=format!("/visits/{}", entry.visit)><strong>{name}</strong></A>
            <p class="meta">
                {reason.map(|r| view! { <span class="badge">{reason_label(lang, r)}</span> })}
                {if entry.callable {
                    view! { <span class="badge ok">{move || ctx.tr(Key::CallableNow)}</span> }.into_any()
                } else {
                    view! { <span class="badge pending">{move || ctx.tr(Key::QuietUntil)} " " {entry.from.map(|t| fmt_datetime(lang, t))}</span> }.into_any()
                }}
                {entry.overdue.then(|| view! { <span class="badge bad">{move || ctx.tr(Key::OverdueBadge)}</span> })}
                {due.map(|d| format!("{}: {}", ctx.tr_now(Key::DueOn), fmt_date(lang, d)))}
                {(entry.attempts > 0).then(|| format!(" · {}: {}", ctx.tr_now(Key::AttemptsLabel), entry.attempts))}
            </p>
        </li>
    }
}

/// Team leaders: every open visit, and reassigning the marked ones (R-RV-06).
#[component]
fn TeamVisits() -> impl IntoView {
    let ctx = use_ctx();
    let marked = RwSignal::new(Vec::<RecordId>::new());
    let to = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let open = Memo::new(move |_| {
        ctx.model.with(|m| {
            let mut v: Vec<_> = m
                .visits
                .values()
                .filter(|v| v.is_open())
                .map(|v| {
                    let name = m
                        .customers
                        .get(&v.customer)
                        .map(|c| c.name.clone())
                        .unwrap_or_default();
                    let who = v
                        .assignee
                        .and_then(|a| m.staff.get(&a))
                        .map(|s| s.name.clone());
                    (v.id, name, v.reason, v.due, who)
                })
                .collect();
            order::sort_by_key(&mut v, |x| (x.3, x.0));
            v
        })
    });
    let mut people = vec![(
        String::new(),
        Signal::derive(move || ctx.tr(Key::Balance).to_string()),
    )];
    people.extend(
        ctx.model
            .with_untracked(active_staff_names)
            .into_iter()
            .map(|(id, name)| (id.to_string(), Signal::derive(move || name.clone()))),
    );
    let reassign = move |_| {
        let ids = marked.get_untracked();
        let target: Option<RecordId> = to.get_untracked().parse().ok();
        ctx.act(
            error,
            Key::Reassigned,
            move |m, actor, now| {
                crate::domain::staff::require(actor, Action::AssignVisits)
                    .and_then(|_| visits::reassign(m, actor, &ids, target, now))
            },
            move || marked.set(Vec::new()),
        );
    };
    view! {
        <h2 id="team-visits">{move || ctx.tr(Key::AllOpenVisits)} <span class="count">{move || open.with(|o| o.len())}</span></h2>
        <Show when=move || open.with(|o| !o.is_empty()) fallback=|| view! { <Empty text=Key::TeamHasNoOpenVisits/> }>
            <table class="table" aria-labelledby="team-visits">
                <thead><tr>
                    <th scope="col">{move || ctx.tr(Key::SelectVisit)}</th>
                    <th scope="col">{move || ctx.tr(Key::Customer)}</th>
                    <th scope="col">{move || ctx.tr(Key::ReasonLabel)}</th>
                    <th scope="col">{move || ctx.tr(Key::DueOn)}</th>
                    <th scope="col">{move || ctx.tr(Key::AssigneeLabel)}</th>
                </tr></thead>
                <tbody>
                    {move || open.get().into_iter().map(|(id, name, reason, due, who)| {
                        let lang = ctx.lang.get();
                        view! {
                            <tr>
                                <td><input type="checkbox" aria-label=format!("{} {}", ctx.tr_now(Key::SelectVisit), name)
                                    prop:checked=move || marked.with(|m| m.contains(&id))
                                    on:change=move |ev| marked.update(|m| if event_target_checked(&ev) { m.push(id) } else { m.retain(|x| *x != id) })/></td>
                                <td><A href=format!("/visits/{id}")>{name.clone()}</A></td>
                                <td>{reason_label(lang, reason)}</td>
                                <td>{fmt_date(lang, due)}</td>
                                <td>{who.unwrap_or_else(|| ctx.tr_now(Key::Unassigned).to_string())}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
            <div class="actions">
                <SelectField id="rv-reassign" label=Key::ReassignTo value=to options=people.clone()/>
                <button type="button" on:click=reassign disabled=move || marked.with(|m| m.is_empty())>{move || ctx.tr(Key::ReassignSelected)}</button>
            </div>
            <p class="error" role="alert">{move || error.get().map(crate::ui::kit::rules::rule_links)}</p>
        </Show>
    }
}
