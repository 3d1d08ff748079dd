//! Honest about sync (R-REP-02): which devices' work a report includes and
//! the latest change received from each, so nobody takes a partial picture
//! for the whole. A device whose latest change here is older than the end
//! of the period (or than today, for the running one) may have done more
//! since: the line says so.

use crate::domain::base::order;
use crate::sync::DeviceId;
use crate::ui::kit::device::{device_label, this_device};
use crate::ui::kit::widgets::fmt_datetime;
use crate::ui::shell::state::use_ctx;
use crate::ui::words::{t, Key};
use chrono::{DateTime, Utc};
use leptos::prelude::*;

/// One device's line, in words.
#[derive(Clone)]
struct Line {
    text: String,
    behind: bool,
}

/// `until`: the instant the report's period ends (or now, while it runs).
#[component]
pub(super) fn DevicesCard(#[prop(into)] until: Signal<DateTime<Utc>>) -> impl IntoView {
    let ctx = use_ctx();
    // The newest stamp per device, from the buckets' summaries, once.
    let seen = RwSignal::new(None::<Vec<(DeviceId, u64)>>);
    leptos::task::spawn_local(async move {
        let Some(store) = ctx.store() else { return };
        if let Ok(summaries) = store.summaries().await {
            seen.set(Some(summaries.last_seen().into_iter().collect()));
        }
    });
    let lines = move || {
        let lang = ctx.lang.get();
        let here = this_device(ctx);
        let until = until.get();
        seen.get().map(|all| {
            let mut out: Vec<Line> = all
                .into_iter()
                .map(|(d, ms)| {
                    let name = device_label(ctx, d, None, None);
                    if Some(d) == here {
                        return Line {
                            text: t(lang, Key::PerDeviceHere).replace("{name}", &name),
                            behind: false,
                        };
                    }
                    let at = i64::try_from(ms)
                        .ok()
                        .and_then(DateTime::from_timestamp_millis);
                    Line {
                        text: t(lang, Key::PerDeviceLine)
                            .replace("{name}", &name)
                            .replace(
                                "{when}",
                                &at.map(|a| fmt_datetime(lang, a)).unwrap_or_default(),
                            ),
                        behind: at.is_some_and(|a| a < until),
                    }
                })
                .collect();
            order::sort_by(&mut out, |a, b| a.text.cmp(&b.text));
            out
        })
    };
    view! {
        <section class="card rep-devices" aria-labelledby="rep-devices-h">
            <h2 id="rep-devices-h">{move || ctx.tr(Key::PerDevices)}</h2>
            <p class="hint">{move || ctx.tr(Key::PerDevicesLead)}</p>
            {move || match lines() {
                None => view! { <p>{ctx.tr(Key::PerDevicesLoading)}</p> }.into_any(),
                Some(list) => view! {
                    <ul class="rep-device-list">
                        {list.into_iter().map(|l| view! {
                            <li>
                                {l.text}
                                {l.behind.then(|| view! {
                                    " — " <strong class="rep-device-behind">{ctx.tr(Key::PerDeviceBehind)}</strong>
                                })}
                            </li>
                        }).collect_view()}
                    </ul>
                }.into_any(),
            }}
        </section>
    }
}
