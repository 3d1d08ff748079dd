//! One customer: their file, assignment (R-CUS-01), possible duplicates and
//! merge (R-CUS-03), and the timeline of every contact with them.

use crate::domain::base::order;
use crate::domain::complaint;
use crate::domain::customer::{self, find_duplicates, CustomerDraft};
use crate::domain::visits;
use crate::store::platform;
use crate::sync::RecordId;
use crate::ui::customers::contacts::{RecordContactForm, TimelineItem};
use crate::ui::kit::cards::ComplaintCard;
use crate::ui::kit::route::route_id;
use crate::ui::kit::widgets::{fmt_date, fmt_datetime, ConfirmButton, Empty};
use crate::ui::shell::act::Refusal;
use crate::ui::shell::history;
use crate::ui::shell::state::{use_ctx, Ctx};
use crate::ui::words::{count, kind_label, preferred_label, role_label, Counted, Key};
use leptos::prelude::*;
use leptos_router::components::A;
use std::cmp::Reverse;

#[component]
pub fn CustomerPage() -> impl IntoView {
    let ctx = use_ctx();
    let id = route_id();
    let exists = move || {
        id.get()
            .is_some_and(|id| ctx.model.with(|m| m.customers.contains_key(&id)))
    };
    // The customer's closed records (and their possible duplicates', whose
    // contacts a merge moves) are read when the page opens, not at start-up
    // (`domain::history`): which customer, and whether they could be read.
    let read = RwSignal::new(None::<(RecordId, bool)>);
    Effect::new(move |_| {
        let Some(id) = id.get() else { return };
        let customers = ctx.model.with_untracked(|m| with_duplicates(m, id));
        leptos::task::spawn_local(async move {
            let ok = history::ensure_customers(ctx, customers).await;
            read.try_set(Some((id, ok)));
        });
    });
    view! {
        <Show when=exists fallback=move || view! {
            <section class="page"><Empty text=Key::CustomerNotFound>
                <p><A href="/customers">{move || ctx.tr(Key::NavCustomers)}</A></p>
            </Empty></section>
        }>
            {move || match (id.get(), read.get()) {
                (Some(id), Some((of, ok))) if of == id => view! {
                    {(!ok).then(|| view! { <p class="banner warn" role="alert">{ctx.tr(Key::HistoryFailedBody)}</p> })}
                    <CustomerFile id/>
                }.into_any(),
                _ => view! { <p class="splash" role="status">{ctx.tr(Key::ReadingCustomerHistory)}</p> }.into_any(),
            }}
        </Show>
    }
}

/// A customer and the others that may be the same person.
fn with_duplicates(m: &crate::domain::Model, id: RecordId) -> Vec<RecordId> {
    let mut ids = vec![id];
    if let Some(c) = m.customers.get(&id) {
        ids.extend(find_duplicates(
            m,
            &CustomerDraft::from_customer(c),
            Some(id),
        ));
    }
    ids
}

#[component]
fn CustomerFile(id: RecordId) -> impl IntoView {
    let ctx = use_ctx();
    let customer = Memo::new(move |_| ctx.model.with(|m| m.customers.get(&id).cloned()));
    let staff_name = move |sid: RecordId| {
        ctx.model.with(|m| {
            m.staff
                .get(&sid)
                .map(|s| s.name.clone())
                .unwrap_or_default()
        })
    };
    let lang = move || ctx.lang.get();
    let timeline = Memo::new(move |_| {
        ctx.model.with(|m| {
            m.contacts_of(id)
                .into_iter()
                .map(|c| c.id)
                .collect::<Vec<_>>()
        })
    });

    view! {
        <section class="page">
            {move || customer.get().map(|c| {
                let kind = c.kind;
                let pref = c.preferred_channel;
                view! {
                    <div class="page-head">
                        <h1>{c.name.clone()} " " <span class="badge">{move || kind_label(lang(), kind)}</span></h1>
                        <div class="actions">
                            <A href=format!("/customers/{id}/edit") attr:class="button">{move || ctx.tr(Key::EditCustomer)}</A>
                            <A href=format!("/complaints/new?customer={id}") attr:class="button">{move || ctx.tr(Key::NewComplaint)}</A>
                            <button type="button" on:click=move |_| record_store_visit(ctx, id)>{move || ctx.tr(Key::RecordStoreVisit)}</button>
                        </div>
                    </div>
                    <div class="card">
                        <dl class="facts">
                            <dt>{move || ctx.tr(Key::Phones)}</dt>
                            <dd>{c.phones.iter().map(|p| view! { <a href=format!("tel:{p}")>{p.clone()}</a>" " }).collect_view()}</dd>
                            <dt>{move || ctx.tr(Key::Email)}</dt>
                            <dd>{(!c.email.is_empty()).then(|| view! { <a href=format!("mailto:{}", c.email)>{c.email.clone()}</a> })}</dd>
                            <dt>{move || ctx.tr(Key::PreferredChannel)}</dt>
                            <dd>{move || preferred_label(lang(), pref)}</dd>
                            <dt>{move || ctx.tr(Key::CardNumber)}</dt>
                            <dd>{c.card_number.clone()}{c.card_expiry.map(|d| view! { " · " {move || ctx.tr(Key::CardExpiry)} " " {move || fmt_date(lang(), d)} })}</dd>
                            <dt>{move || ctx.tr(Key::Birthday)}</dt>
                            <dd>{c.birthday.map(|d| move || fmt_date(lang(), d))}</dd>
                            <dt>{move || ctx.tr(Key::Tags)}</dt>
                            <dd>{c.tags.iter().map(|t| view! { <span class="badge">{t.clone()}</span>" " }).collect_view()}</dd>
                            <dt>{move || ctx.tr(Key::QuietHours)}</dt>
                            <dd>{CustomerDraft::from_customer(&c).quiet_hours}</dd>
                            <dt>{move || ctx.tr(Key::Source)}</dt>
                            <dd>{c.source.clone()}</dd>
                            <dt>{move || ctx.tr(Key::Notes)}</dt>
                            <dd>{c.notes.clone()}</dd>
                            <dt>{move || ctx.tr(Key::RecordHistory)}</dt>
                            <dd class="meta">
                                {move || ctx.tr(Key::CreatedBy)} " " {staff_name(c.audit.created_by)} ", " {move || fmt_datetime(lang(), c.audit.created_at)}
                                " · " {move || ctx.tr(Key::ChangedBy)} " " {staff_name(c.audit.changed_by)} ", " {move || fmt_datetime(lang(), c.audit.changed_at)}
                            </dd>
                        </dl>
                    </div>
                }
            })}
            <Assignment id/>
            <StoreVisit id/>
            <Duplicates id/>
            <h2 id="record-contact">{move || ctx.tr(Key::RecordContact)}</h2>
            <RecordContactForm customer=Some(id)/>
            <h2 id="timeline">{move || ctx.tr(Key::ContactTimeline)} <span class="count">{move || timeline.with(|t| t.len())}</span></h2>
            <Show when=move || timeline.with(|t| !t.is_empty()) fallback=|| view! { <Empty text=Key::NoContactsYet/> }>
                <ol class="timeline" aria-labelledby="timeline">
                    {move || timeline.get().into_iter().map(|cid| view! { <TimelineItem id=cid/> }).collect_view()}
                </ol>
            </Show>
            <Complaints id/>
        </section>
    }
}

/// Who looks after this customer (R-CUS-01): automatic, or a team leader's choice.
#[component]
fn Assignment(id: RecordId) -> impl IntoView {
    let ctx = use_ctx();
    let choice = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let current = move || {
        ctx.model.with(|m| {
            m.customers.get(&id).and_then(|c| {
                c.specialist.map(|s| {
                    (
                        m.staff.get(&s).map(|s| (s.name.clone(), s.role)),
                        c.assigned_at,
                    )
                })
            })
        })
    };
    let candidates = move || ctx.model.with(crate::ui::kit::widgets::active_staff_names);
    let assign = move |to: Option<RecordId>| {
        ctx.act(
            error,
            Key::Assigned,
            move |m, actor, now| {
                if !m.customers.contains_key(&id) {
                    return Err(Refusal::Nothing);
                }
                let target = to
                    .or_else(|| customer::act::auto_assignee(m, id))
                    .ok_or(Refusal::Words(Key::NoSpecialist))?;
                customer::act::assign(m, actor, id, target, now).map_err(Refusal::from)
            },
            || {},
        );
    };
    view! {
        <div class="card">
            <h2>{move || ctx.tr(Key::Specialist)}</h2>
            <p>{move || match current() {
                Some((Some((name, role)), at)) => format!("{name} ({}){}", role_label(ctx.lang.get(), role),
                    at.map(|a| format!(" · {} {}", ctx.tr(Key::AssignedOn), fmt_datetime(ctx.lang.get(), a))).unwrap_or_default()),
                _ => ctx.tr(Key::Unassigned).to_string(),
            }}</p>
            <div class="actions">
                <button type="button" on:click=move |_| assign(None)>{move || ctx.tr(Key::AssignAutomatically)}</button>
                <div class="field inline">
                    <label for="assign-to">{move || ctx.tr(Key::AssignTo)}</label>
                    <select id="assign-to" on:change=move |ev| choice.set(event_target_value(&ev))>
                        <option value="">{move || ctx.tr(Key::ChooseSpecialist)}</option>
                        {move || candidates().into_iter().map(|(sid, name)| view! { <option value=sid.to_string()>{name}</option> }).collect_view()}
                    </select>
                </div>
                <button type="button" disabled=move || choice.get().is_empty()
                    on:click=move |_| assign(choice.get().parse().ok())>{move || ctx.tr(Key::Assign)}</button>
            </div>
            <p class="error" role="alert">{move || error.get().map(crate::ui::kit::rules::rule_links)}</p>
        </div>
    }
}

/// Other customers with the same phone or e-mail, and merging them into this one.
#[component]
fn Duplicates(id: RecordId) -> impl IntoView {
    let ctx = use_ctx();
    let error = RwSignal::new(None::<String>);
    let dups = Memo::new(move |_| {
        ctx.model.with(|m| {
            let Some(c) = m.customers.get(&id) else {
                return Vec::new();
            };
            find_duplicates(m, &CustomerDraft::from_customer(c), Some(id))
                .into_iter()
                .filter_map(|d| {
                    m.customers
                        .get(&d)
                        .map(|c| (d, c.name.clone(), m.contacts_of(d).len()))
                })
                .collect::<Vec<_>>()
        })
    });
    let merge = move |drop: RecordId| {
        ctx.act(
            error,
            Key::Merged,
            move |m, actor, now| customer::act::merge(m, actor, id, drop, now),
            || {},
        );
    };
    view! {
        <Show when=move || dups.with(|d| !d.is_empty())>
            <div class="banner warn" role="region" aria-label=move || ctx.tr(Key::PossibleDuplicate)>
                <p>{move || ctx.tr(Key::PossibleDuplicate)}</p>
                <ul>
                    {move || dups.get().into_iter().map(|(d, name, contacts)| view! {
                        <li>
                            <A href=format!("/customers/{d}")>{name}</A>
                            " (" {move || count(ctx.lang.get(), contacts, Counted::Contacts)} ") "
                            <ConfirmButton label=Key::MergeIntoThis confirm=Key::MergeConfirm on_confirm=Callback::new(move |_| merge(d))/>
                        </li>
                    }).collect_view()}
                </ul>
                <p class="error" role="alert">{move || error.get().map(crate::ui::kit::rules::rule_links)}</p>
            </div>
        </Show>
    }
}

/// The customer came to the store today: the day goes on the file and its
/// return visit, due tomorrow, is made at once (docs/rules.md "Return visits").
fn record_store_visit(ctx: Ctx, id: RecordId) {
    ctx.act(
        ctx.save_error,
        Key::StoreVisitRecorded,
        move |m, actor, now| visits::act::record_store_visit(m, actor, id, now),
        || {},
    );
}

/// The customer's complaints, open ones first, newest first.
#[component]
fn Complaints(id: RecordId) -> impl IntoView {
    let ctx = use_ctx();
    let rows = Memo::new(move |_| {
        let now = platform::now();
        ctx.model.with(|m| {
            let mut rows: Vec<_> = m
                .complaints
                .values()
                .filter(|c| c.customer == Some(id))
                .filter_map(|c| complaint::row(m, c.id, now))
                .collect();
            order::sort_by_key(&mut rows, |r| {
                (r.view.closed, Reverse(r.view.complaint.received_at))
            });
            rows
        })
    });
    view! {
        <h2 id="customer-complaints">{move || ctx.tr(Key::NavComplaints)} <span class="count">{move || rows.with(|r| r.len())}</span></h2>
        <Show when=move || rows.with(|r| !r.is_empty()) fallback=|| view! { <Empty text=Key::NoComplaintsFromCustomer/> }>
            <ul class="cards" aria-labelledby="customer-complaints">
                {move || rows.get().into_iter().map(|row| view! { <ComplaintCard row on_file=true/> }).collect_view()}
            </ul>
        </Show>
    }
}

/// The last store visit on the file, and the return visit it made: its
/// due day, where it stands and who makes it, with a link to it.
#[component]
fn StoreVisit(id: RecordId) -> impl IntoView {
    let ctx = use_ctx();
    let trace = Memo::new(move |_| {
        ctx.model.with(|m| {
            let today = visits::local_day(platform::now(), m.zone());
            visits::store_visit_trace(m, id, today).map(|t| {
                let who = t
                    .assignee
                    .and_then(|a| m.staff.get(&a))
                    .map(|s| s.name.clone());
                (t, who)
            })
        })
    });
    let lang = move || ctx.lang.get();
    view! {
        <div class="card">
            <h2 id="store-visit">{move || ctx.tr(Key::LastStoreVisit)}</h2>
            {move || match trace.get() {
                None => view! { <p>{ctx.tr(Key::Never)}</p> }.into_any(),
                Some((t, who)) => view! {
                    <dl class="facts" id="store-visit-facts">
                        <dt>{move || ctx.tr(Key::StoreVisitWhen)}</dt>
                        <dd>{move || fmt_datetime(lang(), t.visited)}</dd>
                        <dt>{move || ctx.tr(Key::StoreVisitReturn)}</dt>
                        <dd>{match t.visit {
                            None => view! { <span>{move || ctx.tr(Key::StoreVisitNotMade)}</span> }.into_any(),
                            Some(v) => {
                                let (badge, state) = if t.done {
                                    ("badge ok", Key::VisitDone)
                                } else if t.overdue {
                                    ("badge bad", Key::OverdueBadge)
                                } else {
                                    ("badge pending", Key::VisitOpen)
                                };
                                view! {
                                    <A href=format!("/visits/{v}")>{move || format!("{}: {}", ctx.tr(Key::DueOn), fmt_date(lang(), t.due))}</A>
                                    " " <span class=badge>{move || ctx.tr(state)}</span>
                                    " · " {move || ctx.tr(Key::AssigneeLabel)} ": "
                                    {who.clone().unwrap_or_else(|| ctx.tr_now(Key::Unassigned).to_string())}
                                }.into_any()
                            }
                        }}</dd>
                    </dl>
                }.into_any(),
            }}
        </div>
    }
}
