//! The customer list: search as you type (R-CUS-04) over every customer,
//! rendered as a virtual list so 20,000 rows stay smooth; the customer form
//! and page, and the contacts (R-CON-…) with them.

pub mod contacts;
pub mod form;
pub mod page;

use crate::ui::kit::virtual_list::VirtualList;
use crate::ui::kit::widgets::{fmt_count, Empty};
use crate::ui::shell::state::use_ctx;
use crate::ui::words::{count, kind_label, Counted, Key};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

pub const ROW_HEIGHT: f64 = 64.0;

#[component]
pub fn CustomersPage() -> impl IntoView {
    let ctx = use_ctx();
    let query = use_query_map();
    let text = RwSignal::new(query.with_untracked(|q| q.get("q").unwrap_or_default()));
    let results = Memo::new(move |_| {
        let q = text.get();
        ctx.search.with(|idx| idx.search(&q, usize::MAX))
    });
    let total = move || ctx.model.with(|m| m.customers.len());

    view! {
        <section class="page page-fill">
            <div class="page-head">
                <h1>{move || ctx.tr(Key::NavCustomers)}</h1>
                <A href="/customers/new" attr:class="button primary">{move || ctx.tr(Key::NewCustomer)}</A>
            </div>
            <div class="field search">
                <label for="customer-search">{move || ctx.tr(Key::SearchCustomers)}</label>
                <input id="customer-search" type="search" bind:value=text autocomplete="off"
                    placeholder=move || ctx.tr(Key::SearchPlaceholder)/>
            </div>
            <p class="result-count" role="status" aria-live="polite">
                {move || {
                    let lang = ctx.lang.get();
                    let n = results.with(|r| r.len());
                    format!("{} {} {}", fmt_count(lang, n), ctx.tr(Key::Of), count(lang, total(), Counted::Customers))
                }}
            </p>
            <Show when=move || results.with(|r| !r.is_empty())
                fallback=move || view! {
                    <Show when=move || total() == 0 fallback=|| view! { <Empty text=Key::NoMatches/> }>
                        <Empty text=Key::NoCustomersYet>
                            <p><A href="/customers/new">{move || ctx.tr(Key::NewCustomer)}</A></p>
                        </Empty>
                    </Show>
                }>
                <VirtualList items=Signal::derive(move || results.get()) row_height=ROW_HEIGHT
                    label=Signal::derive(move || ctx.tr(Key::CustomerList).to_string())
                    render=move |id| view! { <CustomerRow id/> }/>
            </Show>
        </section>
    }
}

#[component]
fn CustomerRow(id: crate::sync::RecordId) -> impl IntoView {
    let ctx = use_ctx();
    let row = move || {
        ctx.model.with(|m| {
            m.customers.get(&id).map(|c| {
                let specialist = c
                    .specialist
                    .and_then(|s| m.staff.get(&s))
                    .map(|s| s.name.clone());
                (
                    c.name.clone(),
                    c.kind,
                    c.phones.first().cloned().unwrap_or_default(),
                    c.email.clone(),
                    specialist,
                )
            })
        })
    };
    move || {
        row().map(|(name, kind, phone, email, specialist)| {
            view! {
                <A href=format!("/customers/{id}") attr:class="row-link">
                    <span class="row-main">
                        <span class="row-title">{name}</span>
                        <span class="badge">{move || kind_label(ctx.lang.get(), kind)}</span>
                    </span>
                    <span class="row-sub">
                        {phone}{(!email.is_empty()).then(|| format!(" · {email}"))}
                        {specialist.map(|s| format!(" · {s}"))}
                    </span>
                </A>
            }
        })
    }
}
