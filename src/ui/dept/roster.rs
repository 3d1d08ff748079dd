//! The roster (R-OPS-01): a team's week, people × seven days, with approved
//! leave and holidays in the cells; team leaders set each day with a
//! select; printable. Below it, my own next shifts.

use super::{
    day_label, default_team, hm, leader_now, me_tracked, shift_label, team_options, today_local,
    weekday, DeptNav,
};
use crate::domain::base::order;
use crate::domain::base::zone::week_start;
use crate::domain::dept::act;
use crate::domain::dept::roster::{self, RosterCell};
use crate::domain::dept::shifts;
use crate::domain::dept::teams;
use crate::domain::dept::teams::entry_id;
use crate::store::platform;
use crate::sync::RecordId;
use crate::ui::kit::widgets::{fmt_date, Empty, SelectField};
use crate::ui::shell::state::use_ctx;
use crate::ui::words::Key;
use chrono::{Duration, NaiveDate};
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn RosterPage() -> impl IntoView {
    let ctx = use_ctx();
    let team = RwSignal::new(default_team(ctx));
    let monday = RwSignal::new(week_start(today_local(ctx)));
    let rows = Memo::new(move |_| {
        let (t, d) = (team.get(), monday.get());
        ctx.model.with(|m| roster::roster_week(m, &t, d))
    });
    let shifts = Memo::new(move |_| {
        ctx.model.with(|m| {
            let mut v: Vec<(RecordId, String)> = m
                .dept
                .shift_defs
                .values()
                .map(|s| (s.id, s.name.clone()))
                .collect();
            order::sort_by(&mut v, |a, b| a.1.cmp(&b.1));
            v
        })
    });
    let can_edit = move || {
        let t = team.get();
        me_tracked(ctx).is_some_and(|s| teams::leads(&s, &t))
    };
    let error = RwSignal::new(None::<String>);
    let week_title = move || {
        let lang = ctx.lang.get();
        let d = monday.get();
        format!(
            "{} {} – {}",
            ctx.tr(Key::DeptWeekOf),
            fmt_date(lang, d),
            fmt_date(lang, d + Duration::days(6))
        )
    };
    let print = move |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    view! {
        <section class="page">
            <h1>{move || ctx.tr(Key::DeptRoster)}</h1>
            <DeptNav/>
            <p class="lead no-print">{move || ctx.tr(Key::DeptRosterLead)}</p>
            <div class="card no-print roster-tools">
                <SelectField id="ro-team" label=Key::Team value=team options=team_options(ctx, None)/>
                <div class="actions" role="group" aria-label=move || ctx.tr(Key::DeptWeekNav)>
                    <button type="button" on:click=move |_| monday.update(|d| *d -= Duration::days(7))>{move || ctx.tr(Key::DeptPrevWeek)}</button>
                    <button type="button" on:click=move |_| monday.set(week_start(today_local(ctx)))>{move || ctx.tr(Key::DeptThisWeek)}</button>
                    <button type="button" on:click=move |_| monday.update(|d| *d += Duration::days(7))>{move || ctx.tr(Key::DeptNextWeek)}</button>
                    <button type="button" on:click=print>{move || ctx.tr(Key::PrintNow)}</button>
                </div>
            </div>
            <h2 id="roster-week-h">{move || {
                // No team chosen yet: the week alone, not "· Week of …".
                let t = team.get();
                if t.trim().is_empty() { week_title() } else { format!("{t} · {}", week_title()) }
            }}</h2>
            <p class="error" role="alert">{move || error.get().map(crate::ui::kit::rules::rule_links)}</p>
            <Show when=move || shifts.with(|s| s.is_empty()) && can_edit()>
                <p class="banner warn no-print">{move || ctx.tr(Key::DeptNoShiftsYet)}" "
                    <A href="/department/setup">{move || ctx.tr(Key::DeptSetup)}</A></p>
            </Show>
            <Show when=move || !rows.with(|r| r.is_empty()) fallback=|| view! {
                <Empty text=Key::DeptNoTeamMembers><p><A href="/team">{move || use_ctx().tr(Key::NavTeam)}</A></p></Empty>
            }>
                <div class="roster-wrap" tabindex="0" role="region" aria-label=move || ctx.tr(Key::DeptRoster)>
                    <table class="table roster" aria-labelledby="roster-week-h">
                        <thead><tr>
                            <th scope="col">{move || ctx.tr(Key::Name)}</th>
                            {move || (0..7).map(|i| {
                                let d = monday.get() + Duration::days(i);
                                let lang = ctx.lang.get();
                                let holiday = ctx.model.with(|m| teams::is_holiday(m, d));
                                view! { <th scope="col" class:holiday=holiday>
                                    <span class="wd">{weekday(lang, d)}</span>" "{format!("{}", d.format("%d/%m"))}
                                </th> }
                            }).collect_view()}
                        </tr></thead>
                        <tbody>
                            {move || rows.get().into_iter().map(|r| {
                                let (person, name) = (r.person, r.name.clone());
                                view! { <tr>
                                    <th scope="row">{r.name.clone()}</th>
                                    {r.cells.into_iter().map(|c| view! {
                                        <Cell person name=name.clone() cell=c editable=can_edit() shifts=shifts error/>
                                    }).collect_view()}
                                </tr> }
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            </Show>
            <MyShiftsList/>
        </section>
    }
}

#[component]
fn Cell(
    person: RecordId,
    name: String,
    cell: RosterCell,
    editable: bool,
    shifts: Memo<Vec<(RecordId, String)>>,
    error: RwSignal<Option<String>>,
) -> impl IntoView {
    let ctx = use_ctx();
    let date: NaiveDate = cell.date;
    let entry = ctx
        .model
        .with_untracked(|m| m.dept.roster.get(&entry_id(person, date)).cloned());
    let planned = match &entry {
        Some(e) => e
            .shift
            .map(|s| s.to_string())
            .unwrap_or_else(|| "off".into()),
        None => String::new(),
    };
    let swapped_away = ctx.model.with_untracked(|m| {
        entry
            .as_ref()
            .is_some_and(|e| e.shift.is_some() && shifts::worker(m, e) != person)
    });
    let z = ctx.model.with_untracked(|m| m.zone());
    let shift_text = cell
        .shift
        .as_ref()
        .map(|s| format!("{} {}–{}", s.name, hm(z, s.start), hm(z, s.end)));
    let off = entry.as_ref().is_some_and(|e| e.shift.is_none());
    let swapped_in = cell
        .shift
        .as_ref()
        .is_some_and(|s| s.swapped_from.is_some());
    let holiday_duty = cell.shift.as_ref().is_some_and(|s| s.holiday_duty);
    let select_id = format!("ro-{person}-{date}");
    let on_change = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        if v.is_empty() {
            return;
        }
        let shift: Option<RecordId> = if v == "off" { None } else { v.parse().ok() };
        ctx.act(
            error,
            Key::DeptRosterSaved,
            move |m, a, now| act::set_roster_day(m, a, person, date, shift, now),
            || {},
        );
    };
    let planned_sel = planned.clone();
    view! {
        <td class="roster-cell" class:holiday=cell.holiday class:leave=cell.on_leave.is_some()>
            {editable.then(|| view! {
                <label class="sr-only" for=select_id.clone()>{move || format!("{} {name} · {}", ctx.tr(Key::DeptShiftFor), day_label(ctx.lang.get(), date))}</label>
                <select id=select_id.clone() class="no-print" on:change=on_change>
                    <option value="" selected=planned_sel.is_empty()>"—"</option>
                    <option value="off" selected=planned_sel == "off">{move || ctx.tr(Key::DeptDayOff)}</option>
                    {move || shifts.get().into_iter().map(|(id, label)| {
                        let v = id.to_string();
                        let sel = v == planned;
                        view! { <option value=v selected=sel>{label}</option> }
                    }).collect_view()}
                </select>
            })}
            <span class:print-only=editable>{shift_text.clone().unwrap_or_default()}
                {(shift_text.is_none() && off).then(|| ctx.tr(Key::DeptDayOff))}</span>
            {cell.on_leave.is_some().then(|| view! { <span class="badge ok">{move || ctx.tr(Key::DeptOnLeave)}</span> })}
            {cell.holiday.then(|| view! { <span class="badge">{move || ctx.tr(Key::DeptHoliday)}</span> })}
            {holiday_duty.then(|| view! { <span class="badge">{move || ctx.tr(Key::DeptHolidayDuty)}</span> })}
            {(swapped_in || swapped_away).then(|| view! { <span class="badge pending">{move || ctx.tr(if swapped_away { Key::DeptSwappedAway } else { Key::DeptSwappedIn })}</span> })}
        </td>
    }
}

/// "My shifts": the next two weeks, after approved swaps.
#[component]
fn MyShiftsList() -> impl IntoView {
    let ctx = use_ctx();
    let mine = Memo::new(move |_| {
        let me = ctx.me.get();
        let lang = ctx.lang.get();
        ctx.model.with(|m| {
            me.map(|me| {
                shifts::my_shifts(m, me, platform::now(), 14)
                    .into_iter()
                    .map(|s| (shift_label(lang, m.zone(), &s), s.leave.is_some()))
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
        })
    });
    let leader = move || leader_now(ctx);
    view! {
        <h2 id="my-shifts-list-h" class="no-print">{move || ctx.tr(Key::DeptMyShifts)}</h2>
        <Show when=move || !mine.with(|m| m.is_empty()) fallback=move || view! {
            <div class="no-print"><Empty text=if leader() { Key::DeptNoShiftsLeader } else { Key::DeptNoShiftsMine }/></div>
        }>
            <ul class="cards no-print" aria-labelledby="my-shifts-list-h">
                {move || mine.get().into_iter().map(|(l, on_leave)| view! {
                    <li class="card item">{l}{on_leave.then(|| view! { <span class="badge ok">{move || ctx.tr(Key::DeptOnLeave)}</span> })}</li>
                }).collect_view()}
            </ul>
        </Show>
    }
}
