//! The organisation's wall clock on the screens: every local day, time
//! and deadline shown, and every date or time read from a form, is in the
//! org's saved time zone (`Model::zone`), never the browser's. The zone's
//! select (first run and Settings) lives here too.

use crate::domain::base::zone::Zone;
use crate::domain::base::zones::{self, ZONES};
use crate::domain::staff::time_zone;
use crate::store::platform;
use crate::ui::i18n::Key;
use crate::ui::state::{use_ctx, Ctx};
use crate::ui::widgets::SelectField;
use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use leptos::prelude::*;

/// The organisation's zone, as the rules use it.
pub(crate) fn zone(ctx: Ctx) -> Zone {
    ctx.model.with_untracked(|m| m.zone())
}

/// The zone dates are shown in, for formatting helpers that are not handed
/// the app context: the org's when there is a context, else the default.
pub(crate) fn display_zone() -> Zone {
    use_context::<Ctx>()
        .and_then(|ctx| ctx.model.try_with_untracked(|m| m.zone()))
        .unwrap_or_else(|| zones::default_zone().zone)
}

/// Today in the organisation's zone.
pub(crate) fn today(ctx: Ctx) -> NaiveDate {
    zone(ctx).local_date(platform::now())
}

/// A `datetime-local` value, read in the organisation's zone, as UTC.
pub(crate) fn parse_local(ctx: Ctx, text: &str) -> Option<DateTime<Utc>> {
    let t = NaiveDateTime::parse_from_str(text.trim(), "%Y-%m-%dT%H:%M").ok()?;
    Some(zone(ctx).to_utc(t))
}

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
        let Some(me) = ctx.me.get_untracked() else {
            return;
        };
        let name = value.get_untracked();
        let writes = ctx.model.with_untracked(|m| {
            let actor = m
                .staff
                .get(&me)
                .ok_or(crate::domain::RuleError::NotFound { what: "staff" })?;
            time_zone::set_time_zone(m, actor, &name, platform::now())
        });
        match writes {
            Err(e) => error.set(Some(e.message(ctx.lang.get_untracked()))),
            Ok(writes) => {
                busy.set(true);
                leptos::task::spawn_local(async move {
                    match ctx.save_with_toast(writes, Key::TimeZoneSaved).await {
                        Ok(()) => error.set(None),
                        Err(msg) => error.set(Some(msg)),
                    }
                    busy.set(false);
                });
            }
        }
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
                    <p class="error" role="alert">{move || error.get()}</p>
                    <button type="submit" class="primary" disabled=move || busy.get()>{move || ctx.tr(Key::SaveTimeZone)}</button>
                </form>
            </Show>
        </div>
    }
}

/// On Today, for a center director of an org made before the setting
/// existed: choose the time zone in Settings.
#[component]
pub fn ChooseZoneNotice() -> impl IntoView {
    let ctx = use_ctx();
    let show = move || {
        let me = ctx.me.get();
        ctx.model.with(|m| {
            time_zone::needs_choosing(m)
                && me.and_then(|id| m.staff.get(&id)).is_some_and(|s| {
                    crate::domain::staff::require(s, crate::domain::staff::Action::SetTimeZone)
                        .is_ok()
                })
        })
    };
    view! {
        <Show when=show>
            <div class="banner warn" role="status">
                <p>{move || ctx.tr(Key::TimeZoneNotChosen)}</p>
                <p><leptos_router::components::A href="/settings">{move || ctx.tr(Key::ChooseTimeZone)}</leptos_router::components::A></p>
            </div>
        </Show>
    }
}
