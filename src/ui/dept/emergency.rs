//! The emergency contact list (R-SEC-02): everyone active with phone,
//! address and whom to call, by team; printable.

use super::DeptNav;
use crate::domain::dept::profile;
use crate::ui::kit::widgets::Empty;
use crate::ui::shell::state::use_ctx;
use crate::ui::words::{role_label, Key};
use leptos::prelude::*;

#[component]
pub fn EmergencyPage() -> impl IntoView {
    let ctx = use_ctx();
    let rows = Memo::new(move |_| ctx.model.with(profile::emergency_contacts));
    let print = move |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    view! {
        <section class="page">
            <h1>{move || ctx.tr(Key::DeptEmergency)}</h1>
            <DeptNav/>
            <p class="lead no-print">{move || ctx.tr(Key::DeptEmergencyLead)}</p>
            <div class="actions"><button type="button" on:click=print>{move || ctx.tr(Key::PrintNow)}</button></div>
            <Show when=move || !rows.with(|r| r.is_empty()) fallback=|| view! { <Empty text=Key::DeptNoTeamMembers/> }>
                <div class="roster-wrap" tabindex="0" role="region" aria-label=move || ctx.tr(Key::DeptEmergency)>
                <table class="table emergency">
                    <caption class="sr-only">{move || ctx.tr(Key::DeptEmergency)}</caption>
                    <thead><tr>
                        <th scope="col">{move || ctx.tr(Key::Team)}</th>
                        <th scope="col">{move || ctx.tr(Key::Name)}</th>
                        <th scope="col">{move || ctx.tr(Key::Role)}</th>
                        <th scope="col">{move || ctx.tr(Key::Phone)}</th>
                        <th scope="col">{move || ctx.tr(Key::DeptAddress)}</th>
                        <th scope="col">{move || ctx.tr(Key::DeptEmergencyContact)}</th>
                        <th scope="col">{move || ctx.tr(Key::DeptEmergencyPhone)}</th>
                    </tr></thead>
                    <tbody>
                        {move || rows.get().into_iter().map(|r| {
                            let role = r.role;
                            view! { <tr>
                                <td>{r.team}</td><th scope="row">{r.name}</th>
                                <td>{move || role_label(ctx.lang.get(), role)}</td>
                                <td class="nowrap">{r.phone}</td><td>{r.address}</td>
                                <td>{r.emergency_contact}</td><td class="nowrap">{r.emergency_phone}</td>
                            </tr> }
                        }).collect_view()}
                    </tbody>
                </table>
                </div>
            </Show>
        </section>
    }
}
