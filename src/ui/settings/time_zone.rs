//! The organisation's time zone: the select the first run and Settings
//! share, the browser's zone as the first run's suggestion, and the
//! Settings card where a center director changes it.

use crate::domain::base::zones::{self, ZONES};
use crate::domain::staff::time_zone;
use crate::store::platform;
use crate::ui::kit::widgets::SelectField;
use crate::ui::shell::state::use_ctx;
use crate::ui::words::Key;
use leptos::prelude::*;

/// The zone to offer at first run: the browser's, or the nearest supported.
pub(crate) fn suggested_zone() -> &'static str {
    let now = platform::now();
    zones::suggest(
        &platform::browser_time_zone(),
        platform::utc_offset_minutes(),
        now,
    )
    .name
}

/// The select of supported zones, labelled "Time zone".
#[component]
pub fn ZoneSelect(id: &'static str, value: RwSignal<String>) -> impl IntoView {
    let ctx = use_ctx();
    let options = ZONES
        .iter()
        .map(|z| {
            let label = Signal::derive(move || z.label(ctx.lang.get()).to_string());
            (z.name.to_string(), label)
        })
        .collect();
    view! {
        <SelectField id=id label=Key::TimeZone value=value options=options/>
        <p class="hint">{move || ctx.tr(Key::TimeZoneHint)}</p>
    }
}

/// Settings: the organisation's time zone. A center director changes it
/// (an ordinary saved change of the org record); others see it.
#[component]
pub fn TimeZoneCard() -> impl IntoView {
    let ctx = use_ctx();
    let value = RwSignal::new(
        ctx.model
            .with_untracked(|m| time_zone::org_zone(m).name.to_string()),
    );
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let may_change = move || {
        let me = ctx.me.get();
        ctx.model.with(|m| {
            me.and_then(|id| m.staff.get(&id)).is_some_and(|s| {
                crate::domain::staff::require(s, crate::domain::staff::Action::SetTimeZone).is_ok()
            })
        })
    };
    let unchosen = move || ctx.model.with(time_zone::needs_choosing);
    let label = move || {
        let lang = ctx.lang.get();
        ctx.model
            .with(|m| time_zone::org_zone(m).label(lang).to_string())
    };
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let name = value.get_untracked();
        busy.set(true);
        ctx.act_then(
            error,
            Key::TimeZoneSaved,
            move |m, actor, now| time_zone::set_time_zone(m, actor, &name, now),
            move |_| busy.set(false),
        );
    };
    view! {
        <div class="card">
            <h2>{move || ctx.tr(Key::Organisation)}</h2>
            <Show when=unchosen>
                <p class="banner warn" role="status">{move || ctx.tr(Key::TimeZoneNotChosen)}</p>
            </Show>
            <Show when=may_change fallback=move || view! {
                <dl class="facts">
                    <dt>{move || ctx.tr(Key::TimeZone)}</dt>
                    <dd>{label}</dd>
                </dl>
                <p class="hint">{move || ctx.tr(Key::TimeZoneOnlyDirector)}</p>
            }>
                <form on:submit=save novalidate>
                    <ZoneSelect id="org-time-zone" value=value/>
                    <p class="error" role="alert">{move || error.get().map(crate::ui::kit::rules::rule_links)}</p>
                    <button type="submit" class="primary" disabled=move || busy.get()>{move || ctx.tr(Key::SaveTimeZone)}</button>
                </form>
            </Show>
        </div>
    }
}
