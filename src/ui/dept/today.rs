//! The department's part of Today: my next shifts, unread announcements
//! first (R-OPS-03), tasks from meetings, decisions waiting for me, and for
//! leaders what their team still owes. Nothing at all when all is clear.

use super::{name_of, shift_label};
use crate::domain::dept::act;
use crate::domain::dept::shifts;
use crate::domain::dept::{self, DeptToday};
use crate::store::platform;
use crate::sync::RecordId;
use crate::ui::kit::widgets::fmt_date;
use crate::ui::shell::state::use_ctx;
use crate::ui::words::Key;
use leptos::prelude::*;
use leptos_router::components::A;

fn is_empty(t: &DeptToday) -> bool {
    t.my_shifts.is_empty()
        && t.unread_announcements.is_empty()
        && t.tasks.is_empty()
        && t.leave_to_decide.is_empty()
        && t.swaps_to_decide.is_empty()
        && t.handovers_to_acknowledge.is_empty()
        && t.certificates_missing.is_empty()
        && t.monthly_meeting.is_none()
}

#[component]
pub fn TodayDept() -> impl IntoView {
    let ctx = use_ctx();
    let today = Memo::new(move |_| {
        let me = ctx.me.get();
        ctx.model.with(|m| {
            me.map(|me| dept::today(m, me, platform::now()))
                .unwrap_or_default()
        })
    });
    move || {
        if today.with(is_empty) {
            return None;
        }
        Some(view! {
            <section class="dept-today" aria-labelledby="dept-today-h">
                <h2 id="dept-today-h">{move || ctx.tr(Key::NavDepartment)}</h2>
                <UnreadAnnouncements ids=Signal::derive(move || today.with(|t| t.unread_announcements.clone()))/>
                <MyShifts ids=Signal::derive(move || today.with(|t| t.my_shifts.clone()))/>
                <MyTasks ids=Signal::derive(move || today.with(|t| t.tasks.clone()))/>
                {move || {
                    let t = today.get();
                    let mut lines = Vec::new();
                    if !t.leave_to_decide.is_empty() {
                        lines.push(("/department/leave", Key::DeptLeaveToDecide, t.leave_to_decide.len()));
                    }
                    if !t.swaps_to_decide.is_empty() {
                        lines.push(("/department/swaps", Key::DeptSwapsToDecide, t.swaps_to_decide.len()));
                    }
                    if !t.handovers_to_acknowledge.is_empty() {
                        lines.push(("/department/handover", Key::DeptHandoversToAck, t.handovers_to_acknowledge.len()));
                    }
                    if !t.certificates_missing.is_empty() {
                        lines.push(("/department/leave", Key::DeptCertificatesMissing, t.certificates_missing.len()));
                    }
                    (!lines.is_empty()).then(|| view! {
                        <ul class="cards">
                            {lines.into_iter().map(|(href, key, n)| view! {
                                <li class="card item"><A href=href>{move || format!("{} ({n})", ctx.tr(key))}</A></li>
                            }).collect_view()}
                        </ul>
                    })
                }}
                {move || today.with(|t| t.monthly_meeting).map(|w| view! {
                    <p class="banner warn" role="status">
                        {move || if w.overdue { ctx.tr(Key::DeptMonthlyOverdue) } else { ctx.tr(Key::DeptMonthlyMissing) }}
                        " "<A href="/department/meetings">{move || ctx.tr(Key::DeptScheduleMeeting)}</A>
                    </p>
                })}
            </section>
        })
    }
}

#[component]
fn MyShifts(ids: Signal<Vec<RecordId>>) -> impl IntoView {
    let ctx = use_ctx();
    let rows = move || {
        let me = ctx.me.get();
        ctx.model.with(|m| {
            let Some(me) = me else { return Vec::new() };
            let mine = shifts::my_shifts(m, me, platform::now(), 7);
            let ids = ids.get();
            mine.into_iter()
                .filter(|s| ids.contains(&s.entry))
                .map(|s| shift_label(ctx.lang.get(), m.zone(), &s))
                .collect::<Vec<_>>()
        })
    };
    view! {
        <Show when=move || !ids.with(|i| i.is_empty())>
            <h3 id="my-shifts-h">{move || ctx.tr(Key::DeptMyShifts)}</h3>
            <ul class="cards" aria-labelledby="my-shifts-h">
                {move || rows().into_iter().map(|l| view! { <li class="card item">{l}</li> }).collect_view()}
            </ul>
        </Show>
    }
}

/// Unread announcements with "Mark as read"; shared with the announcements page.
#[component]
pub(crate) fn UnreadAnnouncements(ids: Signal<Vec<RecordId>>) -> impl IntoView {
    let ctx = use_ctx();
    let error = RwSignal::new(None::<String>);
    view! {
        <Show when=move || !ids.with(|i| i.is_empty())>
            <h3 id="unread-h">{move || ctx.tr(Key::DeptUnreadAnnouncements)}
                <span class="count">{move || ids.with(|i| i.len())}</span></h3>
            <p class="error" role="alert">{move || error.get().map(crate::ui::kit::rules::rule_links)}</p>
            <ul class="cards" aria-labelledby="unread-h">
                {move || ids.get().into_iter().map(|id| {
                    let a = ctx.model.with_untracked(|m| m.dept.announcements.get(&id).cloned().map(|a| (a, name_of(m, a_author(m, id)))));
                    a.map(|(a, by)| {
                        let at = a.audit.created_at;
                        view! {
                            <li class="card item unread">
                                <strong>{a.title.clone()}</strong>
                                <p class="pre">{a.body.clone()}</p>
                                <p class="meta">{move || format!("{by} · {}", crate::ui::kit::widgets::fmt_datetime(ctx.lang.get(), at))}</p>
                                <button type="button" class="primary" on:click=move |_| {
                                    ctx.act(error, Key::DeptMarkedRead, |m, a, now| {
                                        act::mark_read(m, a, id, now)
                                    }, || {});
                                }>{move || ctx.tr(Key::DeptMarkRead)}<span class="sr-only">{format!(": {}", a.title)}</span></button>
                            </li>
                        }
                    })
                }).collect_view()}
            </ul>
        </Show>
    }
}

fn a_author(m: &crate::domain::Model, id: RecordId) -> RecordId {
    m.dept
        .announcements
        .get(&id)
        .map(|a| a.audit.created_by)
        .unwrap_or_default()
}

/// Open meeting decisions I own, with "Done".
#[component]
pub(crate) fn MyTasks(ids: Signal<Vec<RecordId>>) -> impl IntoView {
    let ctx = use_ctx();
    let error = RwSignal::new(None::<String>);
    view! {
        <Show when=move || !ids.with(|i| i.is_empty())>
            <h3 id="tasks-h">{move || ctx.tr(Key::DeptMyMeetingTasks)}</h3>
            <p class="error" role="alert">{move || error.get().map(crate::ui::kit::rules::rule_links)}</p>
            <ul class="cards" aria-labelledby="tasks-h">
                {move || ids.get().into_iter().filter_map(|id| ctx.model.with_untracked(|m| m.dept.decisions.get(&id).cloned())).map(|d| {
                    let (text, due, id) = (d.text.clone(), d.due, d.id);
                    let overdue = due < super::today_local(ctx);
                    view! {
                        <li class="card item" class:overdue=overdue>
                            <span>{text.clone()}</span>
                            <span class="meta">{move || format!("{}: {}", ctx.tr(Key::DeptDue), fmt_date(ctx.lang.get(), due))}</span>
                            <button type="button" on:click=move |_| {
                                ctx.act(error, Key::DeptTaskDone, move |m, a, now| act::complete_decision(m, a, id, now), || {});
                            }>{move || ctx.tr(Key::DeptMarkDone)}<span class="sr-only">{format!(": {text}")}</span></button>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </Show>
    }
}
