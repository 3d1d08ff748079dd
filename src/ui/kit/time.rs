//! The organisation's wall clock on the screens: every local day, time
//! and deadline shown, and every date or time read from a form, is in the
//! org's saved time zone (`Model::zone`), never the browser's. The zone's
//! select (first run and Settings) lives here too.

use crate::domain::base::zone::Zone;
use crate::domain::base::zones::{self};
use crate::domain::staff::time_zone;
use crate::store::platform;
use crate::ui::shell::state::{use_ctx, Ctx};
use crate::ui::words::Key;
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
