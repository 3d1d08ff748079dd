//! The form that sets or replaces one of a department's standards
//! (R-STD-01): the metric, its threshold (minutes for a time, a rate in
//! percent or per 100 contacts), the share of cases that must be within it
//! (a time only), the period it is judged over and the first day it
//! applies. Choosing a metric that already has a standard starts from its
//! figures; saving writes a new version, the old one still judging the
//! periods it was in force.

use super::super::{metric_help, metric_key, period_key};
use crate::domain::standards::{self, act, Metric, Period, PeriodKind, StandardDraft};
use crate::sync::RecordId;
use crate::ui::kit::time::today;
use crate::ui::kit::widgets::parse_date;
use crate::ui::shell::state::use_ctx;
use crate::ui::words::Key;
use leptos::prelude::*;

/// "85", "85,5" or "1.5" as tenths (855, 15); None when not a number with
/// at most one decimal.
pub(crate) fn parse_tenths(text: &str) -> Option<u32> {
    let text = text.trim().replace(',', ".");
    let (whole, frac) = match text.split_once('.') {
        Some((w, f)) => (w, f),
        None => (text.as_str(), ""),
    };
    if whole.is_empty() || !whole.chars().all(|c| c.is_ascii_digit()) || frac.len() > 1 {
        return None;
    }
    if !frac.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let w: u32 = whole.parse().ok()?;
    let f: u32 = if frac.is_empty() {
        0
    } else {
        frac.parse().ok()?
    };
    w.checked_mul(10)?.checked_add(f)
}

#[component]
pub(super) fn SetStandard(dept: RecordId, active: bool) -> impl IntoView {
    let ctx = use_ctx();
    let metric = RwSignal::new(Metric::FirstResponse.code().to_string());
    let threshold = RwSignal::new(String::new());
    let target = RwSignal::new(String::new());
    let period = RwSignal::new(PeriodKind::Month.code().to_string());
    let from = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let chosen = Memo::new(move |_| Metric::from_code(&metric.get()).unwrap_or_default());
    let kind = Memo::new(move |_| PeriodKind::from_code(&period.get()).unwrap_or_default());
    // A metric with a standard in force starts from its figures.
    Effect::new(move |_| {
        let m = chosen.get();
        let day = today(ctx);
        let current = ctx
            .model
            .with_untracked(|model| standards::in_force(model, dept, m, day).cloned());
        match current {
            Some(s) => {
                threshold.set(if m.is_duration() {
                    s.threshold.to_string()
                } else {
                    super::super::tenths_text(ctx.lang.get_untracked(), s.threshold)
                });
                target.set(if m.is_duration() {
                    s.target.to_string()
                } else {
                    String::new()
                });
                period.set(s.period.code().to_string());
            }
            None => {
                threshold.set(String::new());
                target.set(String::new());
            }
        }
    });
    // The first day of this period of the chosen kind, until changed.
    Effect::new(move |_| {
        let first = Period::of(kind.get(), today(ctx)).first;
        from.set(first.format("%Y-%m-%d").to_string());
    });
    let duration = move || chosen.get().is_duration();
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let m = chosen.get_untracked();
        let threshold_value = if m.is_duration() {
            threshold.get_untracked().trim().parse::<u32>().ok()
        } else {
            parse_tenths(&threshold.get_untracked())
        };
        let Some(threshold_value) = threshold_value else {
            return error.set(Some(
                ctx.tr_now(if m.is_duration() {
                    Key::StdErrMinutes
                } else {
                    Key::StdErrRate
                })
                .into(),
            ));
        };
        let target_value = if m.is_duration() {
            match target.get_untracked().trim().parse::<u32>() {
                Ok(n) => n,
                Err(_) => return error.set(Some(ctx.tr_now(Key::StdErrTarget).into())),
            }
        } else {
            0
        };
        let Some(day) = parse_date(&from.get_untracked()) else {
            return error.set(Some(ctx.tr_now(Key::StdErrFrom).into()));
        };
        let draft = StandardDraft {
            department: dept,
            metric: m,
            threshold: threshold_value,
            target: target_value,
            period: kind.get_untracked(),
            from: day,
            active: true,
        };
        let id = ctx.new_id();
        ctx.act(
            error,
            Key::StdSaved,
            move |model, a, now| act::set_standard(model, a, &draft, id, now),
            || {},
        );
    };
    view! {
        <form class="card std-form" on:submit=save novalidate aria-labelledby="std-form-h">
            <h2 id="std-form-h">{move || ctx.tr(Key::StdSetTitle)}</h2>
            <p class="hint">{move || ctx.tr(Key::StdSetHint)}</p>
            {(!active).then(|| view! { <p class="banner warn" role="status">{move || ctx.tr(Key::StdDeptInactiveNote)}</p> })}
            <div class="field">
                <label for="std-metric">{move || ctx.tr(Key::StdMetric)}</label>
                <select id="std-metric" aria-describedby="std-metric-hint" on:change=move |ev| metric.set(event_target_value(&ev)) prop:value=move || metric.get()>
                    {Metric::ALL.iter().map(|m| {
                        let (code, m) = (m.code(), *m);
                        view! { <option value=code selected=move || metric.get() == code>{move || ctx.tr(metric_key(m))}</option> }
                    }).collect_view()}
                </select>
                <p class="hint" id="std-metric-hint">{move || ctx.tr(metric_help(chosen.get()))}</p>
            </div>
            <div class="grid2">
                <div class="field">
                    <label for="std-threshold">{move || ctx.tr(if duration() { Key::StdThresholdMinutes } else if chosen.get().lower_is_better() { Key::StdThresholdAtMost } else { Key::StdThresholdAtLeast })}</label>
                    <input id="std-threshold" type="text" inputmode="decimal" autocomplete="off" bind:value=threshold/>
                </div>
                <Show when=duration>
                    <div class="field">
                        <label for="std-target">{move || ctx.tr(Key::StdTargetPercent)}</label>
                        <input id="std-target" type="number" min="1" max="100" inputmode="numeric" bind:value=target/>
                    </div>
                </Show>
            </div>
            <div class="grid2">
                <div class="field">
                    <label for="std-period">{move || ctx.tr(Key::StdPeriod)}</label>
                    <select id="std-period" on:change=move |ev| period.set(event_target_value(&ev)) prop:value=move || period.get()>
                        {PeriodKind::ALL.iter().map(|p| {
                            let (code, p) = (p.code(), *p);
                            view! { <option value=code selected=move || period.get() == code>{move || ctx.tr(period_key(p))}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="std-from">{move || ctx.tr(Key::StdFrom)}</label>
                    <p class="hint" id="std-from-hint">{move || ctx.tr(Key::StdFromHint)}</p>
                    <input id="std-from" type="date" aria-describedby="std-from-hint" bind:value=from/>
                </div>
            </div>
            <p class="error" role="alert">{move || error.get().map(crate::ui::kit::rules::rule_links)}</p>
            <button type="submit" class="primary">{move || ctx.tr(Key::StdSave)}</button>
        </form>
    }
}
