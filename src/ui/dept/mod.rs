//! The department (docs/rules.md "The department"): roster, handover,
//! announcements, meetings, leave, swaps, attendance, emergency contacts.
//! The rules are in `domain::{roster, leave, swap, attendance, ops,
//! meeting, profile}`; these screens collect input and show the results.

mod announcements;
mod attendance;
mod emergency;
mod handover;
mod hub;
mod leave;
mod meetings;
mod roster;
mod setup;
mod swaps;
mod today;

pub use announcements::AnnouncementsPage;
pub use attendance::AttendancePage;
pub use emergency::EmergencyPage;
pub use handover::HandoverPage;
pub use hub::DepartmentPage;
pub use leave::LeavePage;
pub use meetings::MeetingsPage;
pub use roster::RosterPage;
pub use setup::DeptSetupPage;
pub use swaps::SwapsPage;
pub use today::TodayDept;

use crate::domain::base::order;
use crate::domain::base::text::fold;
use crate::domain::base::zone::Zone;
use crate::domain::dept::shifts::ShiftView;
use crate::domain::staff::{Role, Staff};
use crate::domain::{Lang, Model};
use crate::store::platform;
use crate::sync::RecordId;
use crate::ui::kit::area_nav::AreaNav;
use crate::ui::kit::widgets::fmt_date;
use crate::ui::shell::state::{use_ctx, Ctx};
use crate::ui::words::Key;
use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime, NaiveTime, Utc};
use leptos::prelude::*;

/// The org's wall clock (`Model::zone`).
pub(crate) fn zone(ctx: Ctx) -> Zone {
    ctx.model.with_untracked(|m| m.zone())
}

/// The current person, tracked (views re-render on "Change person").
pub(crate) fn me_tracked(ctx: Ctx) -> Option<Staff> {
    let me = ctx.me.get()?;
    ctx.model.with(|m| m.staff.get(&me).cloned())
}

pub(crate) fn is_leader(s: &Staff) -> bool {
    s.active && s.role.rank() >= Role::TeamLeader.rank()
}

pub(crate) fn leader_now(ctx: Ctx) -> bool {
    me_tracked(ctx).is_some_and(|s| is_leader(&s))
}

pub(crate) fn name_of(m: &Model, id: RecordId) -> String {
    m.staff.get(&id).map(|s| s.name.clone()).unwrap_or_default()
}

/// Every team named on a person or a team record, once, in name order.
pub(crate) fn team_names(m: &Model) -> Vec<String> {
    let mut v: Vec<String> = Vec::new();
    let names = m
        .active_staff()
        .map(|s| s.team.trim().to_string())
        .chain(m.dept.teams.values().map(|t| t.name.clone()));
    for n in names {
        if !n.is_empty() && !v.iter().any(|x| fold(x) == fold(&n)) {
            v.push(n);
        }
    }
    order::sort_by_key(&mut v, |n| fold(n));
    v
}

/// My team, or the first team there is.
pub(crate) fn default_team(ctx: Ctx) -> String {
    let mine = ctx.me_staff().map(|s| s.team).unwrap_or_default();
    if !mine.trim().is_empty() {
        return mine;
    }
    ctx.model
        .with_untracked(team_names)
        .into_iter()
        .next()
        .unwrap_or_default()
}

pub(crate) fn team_options(ctx: Ctx, any: Option<Key>) -> Vec<(String, Signal<String>)> {
    let mut out: Vec<(String, Signal<String>)> = Vec::new();
    if let Some(k) = any {
        out.push((String::new(), Signal::derive(move || ctx.tr(k).to_string())));
    }
    out.extend(ctx.model.with_untracked(team_names).into_iter().map(|n| {
        let label = n.clone();
        (n, Signal::derive(move || label.clone()))
    }));
    out
}

pub(crate) fn people_options(ctx: Ctx) -> Vec<(String, Signal<String>)> {
    ctx.model
        .with_untracked(crate::ui::kit::widgets::active_staff_names)
        .into_iter()
        .map(|(id, n)| (id.to_string(), Signal::derive(move || n.clone())))
        .collect()
}

pub(crate) fn hm(z: Zone, t: DateTime<Utc>) -> String {
    z.local(t).format("%H:%M").to_string()
}

pub(crate) fn weekday(lang: Lang, d: NaiveDate) -> &'static str {
    crate::ui::words::dates::weekday_abbr(lang, d.weekday().num_days_from_monday() as usize)
}

/// "Tue 10 Jun 2025"
pub(crate) fn day_label(lang: Lang, d: NaiveDate) -> String {
    format!("{} {}", weekday(lang, d), fmt_date(lang, d))
}

/// "Tue 10 Jun 2025 · Mañana (08:00–15:00)"
pub(crate) fn shift_label(lang: Lang, z: Zone, s: &ShiftView) -> String {
    format!(
        "{} · {} ({}–{})",
        day_label(lang, s.date),
        s.name,
        hm(z, s.start),
        hm(z, s.end)
    )
}

pub(crate) use crate::ui::kit::widgets::parse_date;

pub(crate) fn parse_time(text: &str) -> Option<NaiveTime> {
    NaiveTime::parse_from_str(text.trim(), "%H:%M").ok()
}

pub(crate) fn parse_local(text: &str) -> Option<NaiveDateTime> {
    NaiveDateTime::parse_from_str(text.trim(), "%Y-%m-%dT%H:%M").ok()
}

pub(crate) fn today_local(ctx: Ctx) -> NaiveDate {
    zone(ctx).local_date(platform::now())
}

/// A labelled input whose id is made at run time (one per list item).
#[component]
pub(crate) fn DynField(
    id: String,
    label: Key,
    value: RwSignal<String>,
    #[prop(default = "text")] kind: &'static str,
) -> impl IntoView {
    let ctx = use_ctx();
    view! {
        <div class="field">
            <label for=id.clone()>{move || ctx.tr(label)}</label>
            <input id=id type=kind bind:value=value autocomplete="off"/>
        </div>
    }
}

/// The department's own navigation, on every department page.
#[component]
pub(crate) fn DeptNav() -> impl IntoView {
    let links = AREAS.iter().map(|(href, key, _)| (*href, *key)).collect();
    view! { <AreaNav label=Key::DeptAreas links/> }
}

pub(crate) const AREAS: &[(&str, Key, Key)] = &[
    ("/department", Key::DeptHub, Key::DeptHubLead),
    ("/department/roster", Key::DeptRoster, Key::DeptRosterLead),
    ("/department/leave", Key::DeptLeave, Key::DeptLeaveLead),
    ("/department/swaps", Key::DeptSwaps, Key::DeptSwapsLead),
    (
        "/department/attendance",
        Key::DeptAttendance,
        Key::DeptAttendanceLead,
    ),
    (
        "/department/handover",
        Key::DeptHandover,
        Key::DeptHandoverLead,
    ),
    (
        "/department/announcements",
        Key::DeptAnnouncements,
        Key::DeptAnnouncementsLead,
    ),
    (
        "/department/meetings",
        Key::DeptMeetings,
        Key::DeptMeetingsLead,
    ),
    (
        "/department/emergency",
        Key::DeptEmergency,
        Key::DeptEmergencyLead,
    ),
    ("/department/setup", Key::DeptSetup, Key::DeptSetupLead),
];
