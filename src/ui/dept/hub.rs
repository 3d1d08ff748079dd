//! The department hub: one card per area, with the counts that matter now.

use super::{DeptNav, AREAS};
use crate::domain::dept::DeptToday;
use crate::store::platform;
use crate::ui::shell::state::use_ctx;
use crate::ui::words::{self, Counted, Key};
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn DepartmentPage() -> impl IntoView {
    let ctx = use_ctx();
    let today = Memo::new(move |_| {
        let me = ctx.me.get();
        ctx.model.with(|m| {
            me.map(|me| crate::domain::dept::today(m, me, platform::now()))
                .unwrap_or_default()
        })
    });
    let count = move |href: &str, t: &DeptToday| -> Option<(usize, Counted)> {
        let (n, k) = match href {
            "/department/roster" => (t.my_shifts.len(), Counted::UpcomingShifts),
            "/department/leave" => (
                t.leave_to_decide.len() + t.certificates_missing.len(),
                Counted::WaitingForYou,
            ),
            "/department/swaps" => (t.swaps_to_decide.len(), Counted::WaitingForYou),
            "/department/handover" => (t.handovers_to_acknowledge.len(), Counted::ToAcknowledge),
            "/department/announcements" => (t.unread_announcements.len(), Counted::Unread),
            "/department/meetings" => (t.tasks.len(), Counted::OpenTasks),
            _ => (0, Counted::WaitingForYou),
        };
        (n > 0).then_some((n, k))
    };
    view! {
        <section class="page">
            <h1>{move || ctx.tr(Key::NavDepartment)}</h1>
            <DeptNav/>
            <p class="lead">{move || ctx.tr(Key::DeptHubLead)}</p>
            {move || today.with(|t| t.monthly_meeting).map(|w| view! {
                <p class="banner warn" role="status">
                    {move || if w.overdue { ctx.tr(Key::DeptMonthlyOverdue) } else { ctx.tr(Key::DeptMonthlyMissing) }}
                    " "<A href="/department/meetings">{move || ctx.tr(Key::DeptScheduleMeeting)}</A>
                </p>
            })}
            <ul class="cards dept-hub" aria-label=move || ctx.tr(Key::DeptAreas)>
                {AREAS.iter().skip(1).map(|(href, key, lead)| {
                    let (href, key, lead) = (*href, *key, *lead);
                    view! {
                        <li class="card">
                            <A href=href>{move || ctx.tr(key)}</A>
                            <p class="meta">{move || ctx.tr(lead)}</p>
                            {move || today.with(|t| count(href, t)).map(|(n, k)| view! {
                                <span class="badge pending">{move || words::count(ctx.lang.get(), n, k)}</span>
                            })}
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
}
