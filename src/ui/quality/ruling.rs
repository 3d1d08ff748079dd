//! A department director's ruling on a disputed review (R-QA-01): uphold
//! the score, or change it criterion by criterion; the review's own scores
//! stay beside the ruling's (`qa::act::rule_dispute`).

use super::{code_of, score_of};
use crate::domain::qa::{self, RulingOutcome, Score};
use crate::sync::RecordId;
use crate::ui::shell::state::use_ctx;
use crate::ui::words::{criterion_label, Key};
use leptos::prelude::*;

/// The scores that count now, as the change form starts from them:
/// (criterion key, its name as typed, score code, the score as stored).
fn current(id: RecordId) -> Vec<(String, String, RwSignal<String>, Score)> {
    let ctx = use_ctx();
    ctx.model.with_untracked(|m| {
        let Some(r) = m.qa.reviews.get(&id) else {
            return Vec::new();
        };
        let version = m.qa.scorecards.get(&r.scorecard);
        let scores = qa::effective_scores(m, r);
        version
            .map(|v| v.criteria.clone())
            .unwrap_or_default()
            .into_iter()
            .map(|c| {
                let stored = scores
                    .iter()
                    .find(|s| s.criterion == c.key)
                    .cloned()
                    .unwrap_or_else(|| Score {
                        criterion: c.key.clone(),
                        ..Score::default()
                    });
                let code = RwSignal::new(code_of(stored.score));
                (c.key, c.name, code, stored)
            })
            .collect()
    })
}

#[component]
pub(crate) fn Rule(id: RecordId) -> impl IntoView {
    let ctx = use_ctx();
    let error = RwSignal::new(None::<String>);
    let comment = RwSignal::new(String::new());
    let rows = current(id);
    let chosen = rows.clone();
    let rule = move |outcome: RulingOutcome| {
        let scores: Vec<Score> = match outcome {
            RulingOutcome::Uphold => Vec::new(),
            RulingOutcome::Change => chosen
                .iter()
                .map(|(_, _, code, stored)| {
                    let score = score_of(&code.get_untracked());
                    let low = score.is_some_and(|n| n <= qa::LOW_SCORE);
                    Score {
                        score,
                        causes: if low {
                            stored.causes.clone()
                        } else {
                            Vec::new()
                        },
                        train_on: stored.train_on.filter(|_| low),
                        ..stored.clone()
                    }
                })
                .collect(),
        };
        let text = comment.get_untracked();
        let ruling = ctx.new_id();
        ctx.act(
            error,
            Key::QaRuled,
            move |m, actor, now| {
                qa::act::rule_dispute(m, actor, id, outcome, &scores, &text, ruling, now)
            },
            || {},
        );
    };
    let rule_change = rule.clone();
    let comment_id = format!("qa-rc-{id}");
    view! {
        <div class="field">
            <label for=comment_id.clone()>{move || ctx.tr(Key::QaRulingComment)}</label>
            <textarea id=comment_id rows="2" bind:value=comment></textarea>
        </div>
        <div class="actions">
            <button type="button" class="primary" on:click=move |_| rule(RulingOutcome::Uphold)>
                {move || ctx.tr(Key::QaUphold)}</button>
        </div>
        <details>
            <summary>{move || ctx.tr(Key::QaChangeScore)}</summary>
            <div class="grid2">
                {rows.into_iter().map(|(key, name, code, _)| {
                    let select_id = format!("qa-rs-{id}-{key}");
                    view! {
                        <div class="field">
                            <label for=select_id.clone()>{move || criterion_label(ctx.lang.get(), &key, &name)}</label>
                            <select id=select_id on:change=move |ev| code.set(event_target_value(&ev)) prop:value=move || code.get()>
                                {["1", "2", "3", "4", "5", "na"].map(|c| view! {
                                    <option value=c selected=move || code.get() == c>
                                        {move || if c == "na" { ctx.tr(Key::QaNotApplicable).to_string() } else { c.to_string() }}
                                    </option>
                                }).into_iter().collect_view()}
                            </select>
                        </div>
                    }
                }).collect_view()}
            </div>
            <button type="button" on:click=move |_| rule_change(RulingOutcome::Change)>{move || ctx.tr(Key::QaSaveChange)}</button>
        </details>
        <p class="error" role="alert">{move || error.get().map(crate::ui::kit::rules::rule_links)}</p>
    }
}
