//! Attendance (R-ATT-01..02): one big button to record arrival and
//! departure for my current or next shift; for leaders, the flags (late or
//! early by 20 minutes or more, absent) and weekly hours against the minimum.

use super::{
    day_label, default_team, hm, me_tracked, name_of, shift_label, team_options, today_local,
    DeptNav,
};
use crate::domain::base::zone::week_start;
use crate::domain::dept::act;
use crate::domain::dept::attendance::{self, attendance_id, Violation};
use crate::domain::dept::shifts;
use crate::store::platform;
use crate::ui::kit::widgets::{Empty, SelectField};
use crate::ui::shell::state::use_ctx;
use crate::ui::words::Key;
use chrono::Duration;
use leptos::prelude::*;

#[component]
pub fn AttendancePage() -> impl IntoView {
    let ctx = use_ctx();
    let team = RwSignal::new(default_team(ctx));
    let leads = move || {
        let t = team.get();
        me_tracked(ctx).is_some_and(|s| attendance::may_see(&s, &t))
    };
    let monday = move || week_start(today_local(ctx));
    let flags = Memo::new(move |_| {
        let (t, mon) = (team.get(), monday());
        let lang = ctx.lang.get();
        ctx.model.with(|m| {
            attendance::violations(m, &t, mon, mon + Duration::days(6), platform::now())
                .into_iter()
                .map(|f| {
                    let what = match f.violation {
                        Violation::Late(n) => format!(
                            "{} ({n} min)",
                            crate::ui::words::t(lang, Key::DeptLateArrival)
                        ),
                        Violation::LeftEarly(n) => {
                            format!(
                                "{} ({n} min)",
                                crate::ui::words::t(lang, Key::DeptLeftEarly)
                            )
                        }
                        Violation::Absent => crate::ui::words::t(lang, Key::DeptAbsent).to_string(),
                    };
                    (name_of(m, f.person), day_label(lang, f.date), what)
                })
                .collect::<Vec<_>>()
        })
    });
    let hours = Memo::new(move |_| {
        let t = team.get();
        ctx.model
            .with(|m| attendance::weekly_hours(m, &t, monday()))
    });
    let h = |min: i64| format!("{}:{:02}", min / 60, min % 60);
    view! {
        <section class="page">
            <h1>{move || ctx.tr(Key::DeptAttendance)}</h1>
            <DeptNav/>
            <p class="lead">{move || ctx.tr(Key::DeptAttendanceLead)}</p>
            <ClockButton/>
            <div class="grid2"><SelectField id="at-team" label=Key::Team value=team options=team_options(ctx, None)/></div>
            <Show when=leads fallback=|| view! { <Empty text=Key::DeptLeadersOnly/> }>
                <h2 id="at-flags-h">{move || ctx.tr(Key::DeptFlagsThisWeek)}</h2>
                <Show when=move || !flags.with(|f| f.is_empty()) fallback=|| view! { <Empty text=Key::DeptNoFlags/> }>
                    <ul class="cards" aria-labelledby="at-flags-h">
                        {move || flags.get().into_iter().map(|(n, d, w)| view! {
                            <li class="card item"><strong>{n}</strong><span class="meta">{d}</span><span class="badge late">{w}</span></li>
                        }).collect_view()}
                    </ul>
                </Show>
                <h2 id="at-hours-h">{move || ctx.tr(Key::DeptWeeklyHours)}</h2>
                <table class="table" tabindex="0" aria-labelledby="at-hours-h">
                    <thead><tr>
                        <th scope="col">{move || ctx.tr(Key::Name)}</th>
                        <th scope="col">{move || ctx.tr(Key::DeptWorked)}</th>
                        <th scope="col">{move || ctx.tr(Key::DeptScheduled)}</th>
                        <th scope="col">{move || ctx.tr(Key::DeptMinHours)}</th>
                        <th scope="col">{move || ctx.tr(Key::DeptLeaveDays)}</th>
                    </tr></thead>
                    <tbody>
                        {move || hours.get().into_iter().map(|w| view! { <tr>
                            <th scope="row">{w.name.clone()}</th>
                            <td>{h(w.worked_minutes)}{w.below.then(|| view! { " "<span class="badge late">{move || ctx.tr(Key::DeptBelowMinimum)}</span> })}</td>
                            <td>{h(w.scheduled_minutes)}</td>
                            <td>{format!("{} h", w.min_hours)}</td>
                            <td>{w.leave_days}</td>
                        </tr> }).collect_view()}
                    </tbody>
                </table>
            </Show>
        </section>
    }
}

/// The big touch button for my current or next shift.
#[component]
fn ClockButton() -> impl IntoView {
    let ctx = use_ctx();
    let error = RwSignal::new(None::<String>);
    let state = Memo::new(move |_| {
        let me = ctx.me.get();
        let lang = ctx.lang.get();
        ctx.model.with(|m| {
            let me = me?;
            let s = shifts::my_shifts(m, me, platform::now(), 1)
                .into_iter()
                .next()?;
            let a = m.dept.attendance.get(&attendance_id(s.entry, me)).cloned();
            let z = m.zone();
            Some((
                s.entry,
                shift_label(lang, z, &s),
                a.as_ref().and_then(|a| a.arrived_at).map(|t| hm(z, t)),
                a.and_then(|a| a.left_at).map(|t| hm(z, t)),
            ))
        })
    });
    let press = move |leaving: bool| {
        let Some((entry, ..)) = state.get_untracked() else {
            return;
        };
        let done = if leaving {
            Key::DeptDepartureSaved
        } else {
            Key::DeptArrivalSaved
        };
        ctx.act(
            error,
            done,
            move |m, a, now| {
                if leaving {
                    act::clock_out(m, a, entry, now)
                } else {
                    act::clock_in(m, a, entry, now)
                }
            },
            || {},
        );
    };
    view! {
        <div class="card clock">
            <h2>{move || ctx.tr(Key::DeptMyShiftNow)}</h2>
            {move || match state.get() {
                None => view! { <p class="empty">{ctx.tr(Key::DeptNoShiftNow)}</p> }.into_any(),
                Some((_, label, arrived, left)) => {
                    let here = arrived.is_some();
                    view! {
                        <p class="lead">{label}</p>
                        <p class="meta">{arrived.map(|t| format!("{}: {t}", ctx.tr(Key::DeptArrivedAt)))}" "{left.map(|t| format!("{}: {t}", ctx.tr(Key::DeptLeftAt)))}</p>
                        <button type="button" class="primary big" on:click=move |_| press(here)>
                            {ctx.tr(if here { Key::DeptImLeaving } else { Key::DeptImHere })}</button>
                    }.into_any()
                }
            }}
            <p class="error" role="alert">{move || error.get().map(crate::ui::kit::rules::rule_links)}</p>
        </div>
    }
}
