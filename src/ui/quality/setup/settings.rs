//! The numbers of quality inspection: reviews per person and month, at
//! least and at most (R-QA-02), and the best / worst evaluation's weights
//! for quality, attendance and workload with the reviews a person needs to
//! be ranked (R-QA-04). A department director changes them
//! (`qa::act::save_settings`); everyone else reads them, told who may.

use super::refusal_words;
use crate::domain::qa::{self, QaSettings, SettingsDraft};
use crate::ui::kit::rules::rule_links;
use crate::ui::kit::widgets::{fmt_datetime, TextField};
use crate::ui::shell::act::Outcome;
use crate::ui::shell::state::use_ctx;
use crate::ui::words::{t, Key};
use chrono::{DateTime, Utc};
use leptos::prelude::*;

/// The settings in force, and when and by whom they were last changed
/// (None: the defaults, never stored).
#[derive(Clone, PartialEq)]
struct Shown {
    s: QaSettings,
    changed: Option<(DateTime<Utc>, String)>,
}

/// A number as typed: anything else reads as a value the rule refuses,
/// so the refusal names the field.
fn number(typed: &str) -> u32 {
    typed.trim().parse().unwrap_or(u32::MAX)
}

/// The two groups' hints, their limits filled in.
fn hints() -> (impl Fn() -> String + Copy, impl Fn() -> String + Copy) {
    let ctx = use_ctx();
    let hint =
        move |key: Key, max: u32| move || t(ctx.lang.get(), key).replace("{max}", &max.to_string());
    (
        hint(Key::QaSetQuotaHint, qa::MAX_PER_MONTH),
        hint(Key::QaSetEvaluationHint, qa::MAX_EVAL_WEIGHT),
    )
}

#[component]
pub(super) fn SettingsSection(director: Memo<bool>) -> impl IntoView {
    let ctx = use_ctx();
    let shown = Memo::new(move |_| {
        ctx.model.with(|m| {
            let changed = m.qa.settings.get(&qa::settings_id()).map(|s| {
                let who = m
                    .staff
                    .get(&s.audit.changed_by)
                    .map(|p| p.name.clone())
                    .unwrap_or_else(|| "—".into());
                (s.audit.changed_at, who)
            });
            Shown {
                s: qa::settings(m),
                changed,
            }
        })
    });
    let changed_line = move || {
        let lang = ctx.lang.get();
        match shown.get().changed {
            Some((at, who)) => t(lang, Key::QaSetChangedBy)
                .replace("{when}", &fmt_datetime(lang, at))
                .replace("{who}", &who),
            None => t(lang, Key::QaSetDefaults).to_string(),
        }
    };
    let (quota_hint, evaluation_hint) = hints();
    view! {
        <section class="card qa-settings" aria-labelledby="qa-settings-h">
            <h2 id="qa-settings-h">{move || ctx.tr(Key::QaSetSettings)}</h2>
            <p class="meta">{changed_line}</p>
            <Show when=move || director.get() fallback=move || view! {
                <p class="hint">{move || ctx.tr(Key::QaSetSettingsReadOnly)}</p>
                <h3>{move || ctx.tr(Key::QaSetQuota)}</h3>
                <p class="hint">{quota_hint}</p>
                <dl class="facts">
                    <dt>{move || ctx.tr(Key::QaSetMinPerMonth)}</dt><dd>{move || shown.get().s.min_per_month}</dd>
                    <dt>{move || ctx.tr(Key::QaSetMaxPerMonth)}</dt><dd>{move || shown.get().s.max_per_month}</dd>
                </dl>
                <h3>{move || ctx.tr(Key::QaSetEvaluation)}</h3>
                <p class="hint">{evaluation_hint}</p>
                <dl class="facts">
                    <dt>{move || ctx.tr(Key::QaSetWeightQuality)}</dt><dd>{move || shown.get().s.weight_quality}</dd>
                    <dt>{move || ctx.tr(Key::QaSetWeightAttendance)}</dt><dd>{move || shown.get().s.weight_attendance}</dd>
                    <dt>{move || ctx.tr(Key::QaSetWeightWorkload)}</dt><dd>{move || shown.get().s.weight_workload}</dd>
                    <dt>{move || ctx.tr(Key::QaSetMinRank)}</dt><dd>{move || shown.get().s.min_reviews_to_rank}</dd>
                </dl>
            }>
                <SettingsForm shown=Signal::derive(move || shown.get().s)/>
            </Show>
        </section>
    }
}

#[component]
fn SettingsForm(shown: Signal<QaSettings>) -> impl IntoView {
    let ctx = use_ctx();
    let (quota_hint, evaluation_hint) = hints();
    let fields: [RwSignal<String>; 6] = std::array::from_fn(|_| RwSignal::new(String::new()));
    let [min, max, quality, attendance, workload, rank] = fields;
    let error = RwSignal::new(None::<String>);
    // The numbers in force, again whenever they change (a save, a sync).
    Effect::new(move |_| {
        let s = shown.get();
        min.set(s.min_per_month.to_string());
        max.set(s.max_per_month.to_string());
        quality.set(s.weight_quality.to_string());
        attendance.set(s.weight_attendance.to_string());
        workload.set(s.weight_workload.to_string());
        rank.set(s.min_reviews_to_rank.to_string());
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let draft = SettingsDraft {
            min_per_month: number(&min.get_untracked()),
            max_per_month: number(&max.get_untracked()),
            weight_quality: number(&quality.get_untracked()),
            weight_attendance: number(&attendance.get_untracked()),
            weight_workload: number(&workload.get_untracked()),
            min_reviews_to_rank: number(&rank.get_untracked()),
        };
        ctx.act_with(
            Key::QaSetSettingsSaved,
            move |m, actor, now| qa::act::save_settings(m, actor, draft, now),
            move |outcome| match outcome {
                Outcome::Saved => error.set(None),
                Outcome::Refused(r) => error.set(refusal_words(ctx, &r)),
                Outcome::Failed(msg) => error.set(Some(msg)),
            },
        );
    };
    view! {
        <form on:submit=submit novalidate aria-labelledby="qa-settings-h">
            <fieldset class="qa-numbers">
                <legend>{move || ctx.tr(Key::QaSetQuota)}</legend>
                <p class="hint">{quota_hint}</p>
                <div class="grid2">
                    <TextField id="qa-min-month" label=Key::QaSetMinPerMonth value=min kind="number" required=true/>
                    <TextField id="qa-max-month" label=Key::QaSetMaxPerMonth value=max kind="number" required=true/>
                </div>
            </fieldset>
            <fieldset class="qa-numbers">
                <legend>{move || ctx.tr(Key::QaSetEvaluation)}</legend>
                <p class="hint">{evaluation_hint}</p>
                <div class="grid2">
                    <TextField id="qa-w-quality" label=Key::QaSetWeightQuality value=quality kind="number" required=true/>
                    <TextField id="qa-w-attendance" label=Key::QaSetWeightAttendance value=attendance kind="number" required=true/>
                    <TextField id="qa-w-workload" label=Key::QaSetWeightWorkload value=workload kind="number" required=true/>
                    <TextField id="qa-min-rank" label=Key::QaSetMinRank value=rank kind="number" required=true/>
                </div>
            </fieldset>
            <p class="error" role="alert">{move || error.get().map(rule_links)}</p>
            <button type="submit" class="primary">{move || ctx.tr(Key::QaSetSaveSettings)}</button>
        </form>
    }
}
