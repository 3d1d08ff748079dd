//! Cards that more than one area lists: a contact with its first-response
//! badge (Today, the contacts list, a customer's page).

use crate::domain::contact::{response_status, ResponseStatus};
use crate::store::platform;
use crate::ui::kit::widgets::fmt_datetime;
use crate::ui::shell::state::use_ctx;
use crate::ui::words::{channel_label, Key};
use leptos::prelude::*;
use leptos_router::components::A;

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
