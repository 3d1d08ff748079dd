//! Today: what needs me now. My open contacts (with their first-response
//! status, R-CON-02) and my customers still waiting for a first contact
//! (R-CUS-02); complaints past their deadline (R-CMP-02), serious ones for
//! directors (R-CMP-03), conflicting steps, and escalated matters (R-ESC-01).

use crate::domain::contact::{response_status, ResponseStatus};
use crate::store::platform;
use crate::ui::i18n::{channel_label, Key};
use crate::ui::state::use_ctx;
use crate::ui::widgets::{fmt_datetime, Empty};
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn TodayPage() -> impl IntoView {
    let ctx = use_ctx();
    // Once per visit to Today (not once per visits section).
    Effect::new(move |_| crate::ui::visits::ensure_due(ctx));
    let today = Memo::new(move |_| {
        let me = ctx.me.get();
        ctx.model.with(|m| {
            me.map(|me| m.today(me, platform::now()))
                .unwrap_or_default()
        })
    });
    let name = move || {
        let me = ctx.me.get();
        ctx.model.with(|m| {
            me.and_then(|id| m.staff.get(&id))
                .map(|s| s.name.clone())
                .unwrap_or_default()
        })
    };
    let no_customers = move || ctx.model.with(|m| m.customers.is_empty());

    view! {
        <section class="page">
            <h1>{move || format!("{}, {}", ctx.tr(Key::Hello), name())}</h1>
            <div class="actions">
                <A href="/customers/new" attr:class="button primary">{move || ctx.tr(Key::NewCustomer)}</A>
                <A href="/contacts" attr:class="button">{move || ctx.tr(Key::RecordContact)}</A>
            </div>
            <Show when=no_customers>
                <div class="empty">
                    <p>{move || ctx.tr(Key::NothingYet)}</p>
                    <p><A href="/settings">{move || ctx.tr(Key::LoadDemoHint)}</A></p>
                </div>
            </Show>

            <h2 id="open-contacts">{move || ctx.tr(Key::MyOpenContacts)}
                <span class="count">{move || today.with(|t| t.open_contacts.len())}</span></h2>
            <Show when=move || today.with(|t| !t.open_contacts.is_empty())
                fallback=|| view! { <Empty text=Key::NoOpenContacts/> }>
                <ul class="cards" aria-labelledby="open-contacts">
                    {move || today.with(|t| t.open_contacts.clone()).into_iter().map(|id| view! { <ContactCard id/> }).collect_view()}
                </ul>
            </Show>

            <h2 id="overdue-first">{move || ctx.tr(Key::MyOverdueFirstContacts)}
                <span class="count">{move || today.with(|t| t.overdue_first_contacts.len())}</span></h2>
            <p class="hint">{move || ctx.tr(Key::FirstContactRule)}</p>
            <Show when=move || today.with(|t| !t.overdue_first_contacts.is_empty())
                fallback=|| view! { <Empty text=Key::NoOverdueFirstContacts/> }>
                <ul class="cards" aria-labelledby="overdue-first">
                    {move || today.with(|t| t.overdue_first_contacts.clone()).into_iter().map(|id| {
                        let c = ctx.model.with(|m| m.customers.get(&id).map(|c| (c.name.clone(), c.assigned_at)));
                        c.map(|(name, assigned)| view! {
                            <li class="card">
                                <A href=format!("/customers/{id}")>{name}</A>
                                <span class="meta">{move || assigned.map(|a| format!("{} {}", ctx.tr(Key::AssignedOn), fmt_datetime(ctx.lang.get(), a)))}</span>
                                <span class="badge late">{move || ctx.tr(Key::Overdue)}</span>
                            </li>
                        })
                    }).collect_view()}
                </ul>
            </Show>

            <crate::ui::dept::TodayDept/>
            <VisitSection id="due-visits" title=Key::MyVisitsDue ids=Signal::derive(move || today.with(|t| t.due_visits.clone()))/>
            <VisitSection id="overdue-visits" title=Key::MyOverdueVisits ids=Signal::derive(move || today.with(|t| t.overdue_visits.clone()))/>
            <TaskSection ids=Signal::derive(move || today.with(|t| t.visit_tasks.clone()))/>
            <ComplaintSection id="overdue-complaints" title=Key::MyOverdueComplaints ids=Signal::derive(move || today.with(|t| t.overdue_complaints.clone()))/>
            <ComplaintSection id="serious-complaints" title=Key::SeriousComplaints ids=Signal::derive(move || today.with(|t| t.serious_complaints.clone()))/>
            <ComplaintSection id="conflicted-complaints" title=Key::ConflictedComplaints ids=Signal::derive(move || today.with(|t| t.conflicted_complaints.clone()))/>
            <Show when=move || today.with(|t| !t.escalations.is_empty() || !t.escalation_notices.is_empty())>
                <h2>{move || ctx.tr(Key::NavEscalations)}</h2>
                <ul class="cards">
                    <Show when=move || today.with(|t| !t.escalations.is_empty())>
                        <li class="card"><A href="/escalations">{move || ctx.tr(Key::MyEscalations)}</A>
                            <span class="count">{move || today.with(|t| t.escalations.len())}</span></li>
                    </Show>
                    <Show when=move || today.with(|t| !t.escalation_notices.is_empty())>
                        <li class="card"><A href="/escalations">{move || ctx.tr(Key::EscalationNotices)}</A>
                            <span class="count">{move || today.with(|t| t.escalation_notices.len())}</span></li>
                    </Show>
                </ul>
            </Show>
        </section>
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
    let rows = move || {
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
    };
    view! {
        <Show when=move || ids.with(|v| !v.is_empty())>
            <h2 id=id>{move || ctx.tr(title)} <span class="count">{move || ids.with(|v| v.len())}</span></h2>
            <ul class="cards" aria-labelledby=id>
                {move || rows().into_iter().map(|(vid, name, reason, due)| view! {
                    <li class="card">
                        <A href=format!("/visits/{vid}")>{name}</A>
                        <span class="meta">{crate::ui::visits::labels::reason_label(ctx.lang.get(), reason)} " · " {crate::ui::widgets::fmt_date(ctx.lang.get(), due)}</span>
                    </li>
                }).collect_view()}
            </ul>
        </Show>
    }
}

/// Replies I promised on a call (R-RV-03), with "Done".
#[component]
fn TaskSection(ids: Signal<Vec<crate::sync::RecordId>>) -> impl IntoView {
    let ctx = use_ctx();
    let done = move |task: crate::sync::RecordId| {
        let Some(me) = ctx.me.get_untracked() else {
            return;
        };
        let result = ctx.model.with_untracked(|m| {
            let actor = m
                .staff
                .get(&me)
                .cloned()
                .ok_or(crate::domain::RuleError::NotFound { what: "staff" })?;
            crate::domain::visits::task_done(m, &actor, task, platform::now())
        });
        if let Ok(writes) = result {
            leptos::task::spawn_local(async move {
                let _ = ctx.save(writes).await;
            });
        }
    };
    view! {
        <Show when=move || ids.with(|v| !v.is_empty())>
            <h2 id="my-tasks">{move || ctx.tr(Key::MyTasks)} <span class="count">{move || ids.with(|v| v.len())}</span></h2>
            <ul class="cards" aria-labelledby="my-tasks">
                {move || ids.get().into_iter().filter_map(|tid| ctx.model.with(|m| m.rv.tasks.get(&tid).cloned())).map(|t| view! {
                    <li class="card">
                        <span>{t.title.clone()}</span>
                        <span class="meta">{crate::ui::widgets::fmt_date(ctx.lang.get(), t.due)}</span>
                        <button type="button" on:click=move |_| done(t.id)>{move || ctx.tr(Key::TaskDone)}</button>
                    </li>
                }).collect_view()}
            </ul>
        </Show>
    }
}

/// Complaints that need me, when there are any (R-CMP-02, R-CMP-03).
#[component]
fn ComplaintSection(
    id: &'static str,
    title: Key,
    ids: Signal<Vec<crate::sync::RecordId>>,
) -> impl IntoView {
    let ctx = use_ctx();
    let rows = move || {
        let now = platform::now();
        ctx.model.with(|m| {
            ids.get()
                .into_iter()
                .filter_map(|cid| crate::domain::complaint::row(m, cid, now))
                .collect::<Vec<_>>()
        })
    };
    view! {
        <Show when=move || ids.with(|v| !v.is_empty())>
            <h2 id=id>{move || ctx.tr(title)} <span class="count">{move || ids.with(|v| v.len())}</span></h2>
            <ul class="cards" aria-labelledby=id>
                {move || rows().into_iter().map(|r| view! { <crate::ui::complaints::ComplaintCard row=r/> }).collect_view()}
            </ul>
        </Show>
    }
}

/// One contact in a list: who, what, when, and whether the target was met.
#[component]
pub fn ContactCard(id: crate::sync::RecordId) -> impl IntoView {
    let ctx = use_ctx();
    let data = move || {
        ctx.model.with(|m| {
            m.contacts.get(&id).map(|c| {
                let customer = c
                    .customer
                    .and_then(|cid| m.customers.get(&cid))
                    .map(|cu| cu.name.clone());
                (
                    c.summary.clone(),
                    c.channel,
                    c.received_at,
                    customer,
                    response_status(c, platform::now()),
                )
            })
        })
    };
    move || {
        data().map(|(summary, channel, received, customer, status)| {
            view! {
                <li class="card">
                    <A href=format!("/contacts/{id}")>{if summary.is_empty() { ctx.tr(Key::NoSummary).to_string() } else { summary }}</A>
                    <span class="meta">
                        {customer.unwrap_or_else(|| ctx.tr(Key::NoCustomer).to_string())}
                        " · " {channel_label(ctx.lang.get(), channel)}
                        " · " {fmt_datetime(ctx.lang.get(), received)}
                    </span>
                    <ResponseBadge status/>
                </li>
            }
        })
    }
}

#[component]
pub fn ResponseBadge(status: ResponseStatus) -> impl IntoView {
    let ctx = use_ctx();
    let (class, key) = match status {
        ResponseStatus::Met => ("badge ok", Key::TargetMet),
        ResponseStatus::Late => ("badge late", Key::TargetLate),
        ResponseStatus::Pending { .. } => ("badge pending", Key::TargetPending),
        ResponseStatus::Overdue => ("badge late", Key::TargetOverdue),
        ResponseStatus::NoTarget => ("badge", Key::NoTarget),
    };
    view! { <span class=class>{move || ctx.tr(key)}</span> }
}
