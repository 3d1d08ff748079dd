//! Today: what needs me now. My open contacts (with their first-response
//! status, R-CON-02) and my customers still waiting for a first contact
//! (R-CUS-02); complaints past their deadline (R-CMP-02), serious ones for
//! directors (R-CMP-03), conflicting steps, and escalated matters (R-ESC-01).

use crate::domain::Today;
use crate::store::platform;
use crate::ui::kit::cards::ContactCard;
use crate::ui::kit::widgets::{fmt_datetime, Empty};
use crate::ui::shell::state::use_ctx;
use crate::ui::words::Key;
use leptos::prelude::*;
use leptos_router::components::A;

/// Today's own lists, then each area's sections (`children`, placed by the
/// router: an area never imports another), then escalated matters. The
/// areas read the same `Memo<Today>` from context.
#[component]
pub fn TodayPage(children: Children) -> impl IntoView {
    let ctx = use_ctx();
    let today: Memo<Today> = Memo::new(move |_| {
        let me = ctx.me.get();
        ctx.model.with(|m| {
            me.map(|me| m.today(me, platform::now()))
                .unwrap_or_default()
        })
    });
    provide_context(today);
    let name = move || {
        let me = ctx.me.get();
        ctx.model.with(|m| {
            me.and_then(|id| m.staff.get(&id))
                .map(|s| s.name.clone())
                .unwrap_or_default()
        })
    };
    let no_customers = move || ctx.model.with(|m| m.customers.is_empty());
    let overdue_rows = Memo::new(move |_| {
        let ids = today.with(|t| t.overdue_first_contacts.clone());
        ctx.model.with(|m| {
            ids.into_iter()
                .filter_map(|id| {
                    m.customers
                        .get(&id)
                        .map(|c| (id, c.name.clone(), c.assigned_at))
                })
                .collect::<Vec<_>>()
        })
    });

    view! {
        <section class="page">
            <h1>{move || format!("{}, {}", ctx.tr(Key::Hello), name())}</h1>
            <crate::ui::kit::time::ChooseZoneNotice/>
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
                    <For each=move || today.with(|t| t.open_contacts.clone()) key=|id| *id let:id>
                        <ContactCard id/>
                    </For>
                </ul>
            </Show>

            <h2 id="overdue-first">{move || ctx.tr(Key::MyOverdueFirstContacts)}
                <span class="count">{move || today.with(|t| t.overdue_first_contacts.len())}</span></h2>
            <p class="hint">{move || ctx.tr(Key::FirstContactRule)}</p>
            <Show when=move || today.with(|t| !t.overdue_first_contacts.is_empty())
                fallback=|| view! { <Empty text=Key::NoOverdueFirstContacts/> }>
                <ul class="cards" aria-labelledby="overdue-first">
                    // Keyed by what a row shows: a save elsewhere re-renders no row.
                    <For each=move || overdue_rows.get() key=|row| row.clone() let:row>
                        <li class="card">
                            <A href=format!("/customers/{}", row.0)>{row.1.clone()}</A>
                            <span class="meta">{move || row.2.map(|a| format!("{} {}", ctx.tr(Key::AssignedOn), fmt_datetime(ctx.lang.get(), a)))}</span>
                            <span class="badge late">{move || ctx.tr(Key::Overdue)}</span>
                        </li>
                    </For>
                </ul>
            </Show>

            {children()}
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
