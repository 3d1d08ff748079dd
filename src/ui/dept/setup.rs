//! Department setup (team leaders and up): teams with their weekly minimum,
//! shift kinds (day / night, times, holiday duty), public holidays, and
//! each person's job type, level and emergency details.

use super::{leader_now, me_tracked, parse_date, parse_time, DeptNav};
use crate::domain::base::order;
use crate::domain::dept::act;
use crate::domain::dept::profile::ProfileDraft;
use crate::domain::dept::records::ShiftKind;
use crate::domain::dept::roster::ShiftDraft;
use crate::domain::Lang;
use crate::ui::kit::widgets::{fmt_date, Empty, SelectField, TextField};
use crate::ui::shell::state::use_ctx;
use crate::ui::words::Key;
use leptos::prelude::*;

fn kind_label(lang: Lang, k: ShiftKind) -> &'static str {
    crate::ui::words::t(
        lang,
        if k == ShiftKind::Day {
            Key::DeptDayShift
        } else {
            Key::DeptNightShift
        },
    )
}

#[component]
pub fn DeptSetupPage() -> impl IntoView {
    let ctx = use_ctx();
    view! {
        <section class="page">
            <h1>{move || ctx.tr(Key::DeptSetup)}</h1>
            <DeptNav/>
            <p class="lead">{move || ctx.tr(Key::DeptSetupLead)}</p>
            <Show when=move || leader_now(ctx) fallback=|| view! { <Empty text=Key::DeptLeadersOnly/> }>
                <Shifts/>
                <Teams/>
                <Holidays/>
            </Show>
            <Profiles/>
        </section>
    }
}

#[component]
fn Shifts() -> impl IntoView {
    let ctx = use_ctx();
    let name = RwSignal::new(String::new());
    let kind = RwSignal::new(ShiftKind::Day.code().to_string());
    let start = RwSignal::new("08:00".to_string());
    let end = RwSignal::new("15:00".to_string());
    let holiday = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let list = move || {
        ctx.model.with(|m| {
            let mut v: Vec<_> = m.dept.shift_defs.values().cloned().collect();
            order::sort_by(&mut v, |a, b| a.name.cmp(&b.name));
            v
        })
    };
    let submit_form = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (Some(s), Some(e)) = (
            parse_time(&start.get_untracked()),
            parse_time(&end.get_untracked()),
        ) else {
            error.set(Some(ctx.tr_now(Key::DeptTimeNeeded).into()));
            return;
        };
        let draft = ShiftDraft {
            name: name.get_untracked(),
            kind: ShiftKind::from_code(&kind.get_untracked()).unwrap_or_default(),
            start: s,
            end: e,
            holiday: holiday.get_untracked(),
        };
        let id = ctx.new_id();
        ctx.act(
            error,
            Key::DeptShiftSaved,
            move |m, a, now| act::save_shift(m, a, None, draft, id, now),
            move || {
                name.set(String::new());
                holiday.set(false);
            },
        );
    };
    let kinds =
        crate::ui::kit::options::code_options(None, ShiftKind::ALL, ShiftKind::code, kind_label);
    view! {
        <form class="card" on:submit=submit_form novalidate>
            <h2 id="shifts-h">{move || ctx.tr(Key::DeptShifts)}</h2>
            <Show when=move || !list().is_empty() fallback=|| view! { <Empty text=Key::DeptNoShiftsBelow/> }>
                <ul class="cards" aria-labelledby="shifts-h">
                    {move || list().into_iter().map(|s| {
                        let (k, hol) = (s.kind, s.holiday);
                        view! { <li class="card item">
                            <strong>{s.name.clone()}</strong>
                            <span class="meta">{move || format!("{} · {}–{}", kind_label(ctx.lang.get(), k), s.start.format("%H:%M"), s.end.format("%H:%M"))}</span>
                            {hol.then(|| view! { <span class="badge">{move || ctx.tr(Key::DeptHolidayDuty)}</span> })}
                        </li> }
                    }).collect_view()}
                </ul>
            </Show>
            <h3>{move || ctx.tr(Key::DeptAddShift)}</h3>
            <div class="grid2">
                <TextField id="sh-name" label=Key::DeptShiftName value=name required=true/>
                <SelectField id="sh-kind" label=Key::DeptShiftKind value=kind options=kinds/>
                <TextField id="sh-start" label=Key::DeptStarts value=start kind="time" required=true/>
                <TextField id="sh-end" label=Key::DeptEnds value=end kind="time" required=true/>
            </div>
            <label class="check"><input type="checkbox" prop:checked=move || holiday.get()
                on:change=move |ev| holiday.set(event_target_checked(&ev))/>{move || ctx.tr(Key::DeptHolidayDutyCheck)}</label>
            <p class="error" role="alert">{move || error.get().map(crate::ui::kit::rules::rule_links)}</p>
            <button type="submit" class="primary">{move || ctx.tr(Key::DeptAddShift)}</button>
        </form>
    }
}

#[component]
fn Teams() -> impl IntoView {
    let ctx = use_ctx();
    let name = RwSignal::new(String::new());
    let hours = RwSignal::new("30".to_string());
    let error = RwSignal::new(None::<String>);
    let list = move || {
        ctx.model.with(|m| {
            let mut v: Vec<_> = m
                .dept
                .teams
                .values()
                .map(|t| (t.name.clone(), t.min_hours()))
                .collect();
            order::sort(&mut v);
            v
        })
    };
    let submit_form = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Ok(h) = hours.get_untracked().trim().parse::<u32>() else {
            error.set(Some(ctx.tr_now(Key::DeptHoursNeeded).into()));
            return;
        };
        let text = name.get_untracked();
        let id = ctx.new_id();
        ctx.act(
            error,
            Key::DeptTeamSaved,
            move |m, a, now| act::save_team(m, a, None, &text, h, id, now),
            move || name.set(String::new()),
        );
    };
    view! {
        <form class="card" on:submit=submit_form novalidate>
            <h2 id="teams-h">{move || ctx.tr(Key::DeptTeams)}</h2>
            <p class="hint">{move || ctx.tr(Key::DeptTeamsHint)}</p>
            <ul class="cards" aria-labelledby="teams-h">
                {move || list().into_iter().map(|(n, h)| view! {
                    <li class="card item"><strong>{n}</strong><span class="meta">{move || format!("{}: {h} h", ctx.tr(Key::DeptMinHours))}</span></li>
                }).collect_view()}
            </ul>
            <div class="grid2">
                <TextField id="tm-name" label=Key::Team value=name required=true/>
                <TextField id="tm-hours" label=Key::DeptMinHours value=hours kind="number"/>
            </div>
            <p class="error" role="alert">{move || error.get().map(crate::ui::kit::rules::rule_links)}</p>
            <button type="submit" class="primary">{move || ctx.tr(Key::DeptSaveTeam)}</button>
        </form>
    }
}

#[component]
fn Holidays() -> impl IntoView {
    let ctx = use_ctx();
    let date = RwSignal::new(String::new());
    let name = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let list = move || {
        ctx.model.with(|m| {
            let mut v: Vec<_> = m
                .dept
                .holidays
                .values()
                .map(|h| (h.date, h.name.clone()))
                .collect();
            order::sort(&mut v);
            v
        })
    };
    let submit_form = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(d) = parse_date(&date.get_untracked()) else {
            error.set(Some(ctx.tr_now(Key::DeptDateNeeded).into()));
            return;
        };
        let (text, id) = (name.get_untracked(), ctx.new_id());
        ctx.act(
            error,
            Key::DeptHolidaySaved,
            move |m, a, now| act::save_holiday(m, a, d, &text, id, now),
            move || {
                name.set(String::new());
                date.set(String::new());
            },
        );
    };
    view! {
        <form class="card" on:submit=submit_form novalidate>
            <h2 id="hol-h">{move || ctx.tr(Key::DeptHolidays)}</h2>
            <ul class="cards" aria-labelledby="hol-h">
                {move || list().into_iter().map(|(d, n)| view! {
                    <li class="card item"><strong>{n}</strong><span class="meta">{move || fmt_date(ctx.lang.get(), d)}</span></li>
                }).collect_view()}
            </ul>
            <div class="grid2">
                <TextField id="hol-date" label=Key::DeptHolidayDate value=date kind="date" required=true/>
                <TextField id="hol-name" label=Key::DeptHolidayName value=name required=true/>
            </div>
            <p class="error" role="alert">{move || error.get().map(crate::ui::kit::rules::rule_links)}</p>
            <button type="submit" class="primary">{move || ctx.tr(Key::DeptAddHoliday)}</button>
        </form>
    }
}

/// My details (or anyone's, for whoever manages staff).
#[component]
fn Profiles() -> impl IntoView {
    let ctx = use_ctx();
    let person = RwSignal::new(
        ctx.me
            .get_untracked()
            .map(|i| i.to_string())
            .unwrap_or_default(),
    );
    let fields: [RwSignal<String>; 5] = std::array::from_fn(|_| RwSignal::new(String::new()));
    let [job, level, address, contact, phone] = fields;
    let error = RwSignal::new(None::<String>);
    // Load the chosen person's details into the form.
    Effect::new(move |_| {
        let id = person.get().parse().ok();
        let p = ctx
            .model
            .with_untracked(|m| id.and_then(|i| m.dept.profiles.get(&i).cloned()))
            .unwrap_or_default();
        job.set(p.job_type);
        level.set(p.level);
        address.set(p.address);
        contact.set(p.emergency_contact);
        phone.set(p.emergency_phone);
    });
    let manages = move || {
        me_tracked(ctx)
            .is_some_and(|s| s.role.rank() >= crate::domain::staff::Role::CenterDirector.rank())
    };
    let submit_form = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let who = person
            .get_untracked()
            .parse()
            .ok()
            .or(ctx.me.get_untracked())
            .unwrap_or_default();
        let draft = ProfileDraft {
            job_type: job.get_untracked(),
            level: level.get_untracked(),
            address: address.get_untracked(),
            emergency_contact: contact.get_untracked(),
            emergency_phone: phone.get_untracked(),
        };
        ctx.act(
            error,
            Key::DeptProfileSaved,
            move |m, a, now| act::save_profile(m, a, who, draft, now),
            || {},
        );
    };
    view! {
        <form class="card" on:submit=submit_form novalidate>
            <h2>{move || ctx.tr(Key::DeptProfiles)}</h2>
            <p class="hint">{move || ctx.tr(Key::DeptProfilesHint)}</p>
            <Show when=manages>
                <SelectField id="pf-person" label=Key::DeptPerson value=person options=super::people_options(ctx)/>
            </Show>
            <div class="grid2">
                <TextField id="pf-job" label=Key::DeptJobType value=job/>
                <TextField id="pf-level" label=Key::DeptLevel value=level/>
                <TextField id="pf-address" label=Key::DeptAddress value=address autocomplete="street-address"/>
                <TextField id="pf-contact" label=Key::DeptEmergencyContact value=contact/>
                <TextField id="pf-phone" label=Key::DeptEmergencyPhone value=phone kind="tel"/>
            </div>
            <p class="error" role="alert">{move || error.get().map(crate::ui::kit::rules::rule_links)}</p>
            <button type="submit" class="primary">{move || ctx.tr(Key::DeptSaveProfile)}</button>
        </form>
    }
}
