//! Cards that more than one area lists: a contact with its first-response
//! badge (Today, the contacts list, a customer's page), and a complaint
//! (the complaint list, Today, a customer's page).

use crate::domain::complaint::{ComplaintRow, Severity};
use crate::domain::contact::{response_status, ResponseStatus};
use crate::store::platform;
use crate::ui::kit::widgets::{fmt_date, fmt_datetime};
use crate::ui::shell::state::use_ctx;
use crate::ui::words::complaint_labels::{severity_label, stage_label};
use crate::ui::words::{channel_label, Key};
use leptos::prelude::*;
use leptos_router::components::A;

/// One contact in a list: who, what, when, and whether the target was met.
#[component]
pub fn ContactCard(id: crate::sync::RecordId) -> impl IntoView {
    let ctx = use_ctx();
    // A memo: the card is drawn again only when what it shows changes, not
    // on every save anywhere (Today holds dozens of these).
    let data = Memo::new(move |_| {
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
    });
    move || {
        data.get().map(|(summary, channel, received, customer, status)| {
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

/// One complaint in a list: who, what, stage, severity, deadline. On the
/// customer's own page (`on_file`) the link is what it is about, not the
/// name every card would repeat, and the day it arrived is shown.
#[component]
pub fn ComplaintCard(row: ComplaintRow, #[prop(optional)] on_file: bool) -> impl IntoView {
    let ctx = use_ctx();
    let c = &row.view.complaint;
    let href = format!("/complaints/{}", c.id);
    let customer = ctx.model.with_untracked(|m| {
        c.customer
            .and_then(|id| m.customers.get(&id))
            .map(|c| c.name.clone())
            .unwrap_or_default()
    });
    let content: String = c.content.chars().take(140).collect();
    let stage = row.view.stage;
    let closed = row.view.closed;
    let severity = row.view.severity();
    let deadline = row.view.judgement.as_ref().and_then(|j| j.value.deadline);
    let overdue = row.overdue;
    let received = c.received_at;
    view! {
        <li class="card item" class:overdue=overdue>
            {if on_file {
                view! { <A href=href><strong>{content}</strong></A> }.into_any()
            } else {
                view! { <A href=href><strong>{customer}</strong></A><p>{content}</p> }.into_any()
            }}
            <p class="meta">
                {on_file.then(|| view! { <span>{move || fmt_datetime(ctx.lang.get(), received)}</span> " " })}
                <span class="badge">{move || if closed { ctx.tr(Key::ClosedBadge).to_string() } else { stage_label(ctx.lang.get(), stage).to_string() }}</span>
                {severity.map(|s| view! { <span class="badge" class:bad=s == Severity::Serious>{move || severity_label(ctx.lang.get(), s)}</span> })}
                {overdue.then(|| view! { <span class="badge bad">{move || ctx.tr(Key::OverdueBadge)}</span> })}
                {deadline.map(|d| view! { <span>{move || format!("{}: {}", ctx.tr(Key::DeadlineLabel), fmt_date(ctx.lang.get(), d))}</span> })}
            </p>
        </li>
    }
}
