//! Reviewing an agent (R-QA-01, R-QA-02): who, when, optionally which of
//! their contacts (the domain's suggestions), a score 1–5 or N/A and a
//! comment per criterion of the scorecard, root causes on low scores, an
//! overall comment; the total out of 100 follows as you score. A review
//! beyond the month's maximum is refused by the rule, in its words.

use super::{cause_list, score_of};
use crate::domain::base::order;
use crate::domain::qa::{self, Criterion, ReviewDraft, Score, Scorecard};
use crate::domain::Model;
use crate::store::platform;
use crate::sync::RecordId;
use crate::ui::kit::time::today;
use crate::ui::kit::widgets::{fmt_datetime, parse_date, TextArea, TextField};
use crate::ui::shell::act::{Outcome, Refusal};
use crate::ui::shell::state::use_ctx;
use crate::ui::words::{category_label, channel_label, criterion_label, total_text, Key};
use leptos::prelude::*;
use std::collections::BTreeMap;

/// One criterion as the form holds it.
#[derive(Clone, Default, PartialEq)]
struct Row {
    /// "1".."5", "na", or "" (not chosen yet).
    score: String,
    comment: String,
    causes: String,
    /// The standard answer to train on: its id, or "" for none.
    train_on: String,
}

type Rows = RwSignal<BTreeMap<String, Row>>;

/// The scorecard a review made now is scored with: the chosen card's
/// current version, or the standard one (its first version is written
/// with the first review when none exists yet).
fn version_of(m: &Model, card: Option<RecordId>) -> Scorecard {
    let card = card.unwrap_or_else(qa::standard_card_id);
    m.qa.current(card).cloned().unwrap_or_else(|| Scorecard {
        id: qa::standard_card_id(),
        card: qa::standard_card_id(),
        criteria: qa::standard_criteria(),
        ..Scorecard::default()
    })
}

/// The form's rows as scores of `version` (every criterion; causes only
/// where the score is low, as the rule wants them).
fn scores_of(version: &Scorecard, rows: &BTreeMap<String, Row>) -> Vec<Score> {
    version
        .criteria
        .iter()
        .map(|c| {
            let row = rows.get(&c.key).cloned().unwrap_or_default();
            let score = score_of(&row.score);
            let low = score.is_some_and(|n| n <= qa::LOW_SCORE);
            Score {
                criterion: c.key.clone(),
                score,
                comment: row.comment,
                causes: if low {
                    cause_list(&row.causes)
                } else {
                    Vec::new()
                },
                train_on: row.train_on.parse().ok().filter(|_| low),
            }
        })
        .collect()
}

/// A refusal's words with the rules behind it that the words do not cite
/// already (a sixth review in a month reads as a value out of range; the
/// rule's id, a link to the handbook, says which limit).
fn naming_rules(mut text: String, r: &Refusal) -> String {
    if let Refusal::Rules(errors) = r {
        for rule in errors.iter().filter_map(|e| e.rule()) {
            if !text.contains(rule) {
                text.push_str(&format!(" ({rule})"));
            }
        }
    }
    text
}

#[component]
pub(crate) fn ReviewForm(agent: RwSignal<String>) -> impl IntoView {
    let ctx = use_ctx();
    let date = RwSignal::new(today(ctx).format("%Y-%m-%d").to_string());
    let contact = RwSignal::new(String::new());
    let card = RwSignal::new(String::new());
    let comment = RwSignal::new(String::new());
    let rows: Rows = RwSignal::new(BTreeMap::new());
    let error = RwSignal::new(None::<String>);
    let agents = Memo::new(move |_| {
        ctx.model.with(|m| {
            qa::agents(m)
                .into_iter()
                .map(|s| (s.id, s.name.clone()))
                .collect::<Vec<_>>()
        })
    });
    // The scorecards besides the standard one (which is "" on the select:
    // it may not be written yet).
    let cards = Memo::new(move |_| {
        ctx.model.with(|m| {
            qa::current_scorecards(m)
                .into_iter()
                .filter(|s| s.card != qa::standard_card_id())
                .map(|s| (s.card, s.name.clone()))
                .collect::<Vec<_>>()
        })
    });
    let version = Memo::new(move |_| {
        let chosen = card.get().parse::<RecordId>().ok();
        ctx.model.with(|m| version_of(m, chosen))
    });
    let total = Memo::new(move |_| version.with(|v| rows.with(|r| qa::total(v, &scores_of(v, r)))));
    // A new person: their own contacts, none chosen.
    Effect::new(move |_| {
        agent.track();
        contact.set(String::new());
    });

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Ok(who) = agent.get_untracked().parse::<RecordId>() else {
            error.set(Some(ctx.tr_now(Key::QaChooseAgentFirst).into()));
            return;
        };
        let Some(day) = parse_date(&date.get_untracked()) else {
            error.set(Some(ctx.tr_now(Key::QaDateNeeded).into()));
            return;
        };
        let v = version.get_untracked();
        let unscored = rows.with_untracked(|r| {
            v.criteria
                .iter()
                .any(|c| r.get(&c.key).is_none_or(|row| row.score.is_empty()))
        });
        if unscored {
            error.set(Some(ctx.tr_now(Key::QaScoreEvery).into()));
            return;
        }
        let draft = ReviewDraft {
            agent: who,
            date: day,
            contact: contact.get_untracked().parse().ok(),
            scorecard: Some(v.card),
            scores: rows.with_untracked(|r| scores_of(&v, r)),
            comment: comment.get_untracked(),
        };
        let id = ctx.new_id();
        ctx.act_with(
            Key::QaReviewSaved,
            move |m, actor, now| qa::act::record_review(m, actor, draft, id, now),
            move |outcome| match outcome {
                Outcome::Saved => {
                    error.set(None);
                    rows.set(BTreeMap::new());
                    comment.set(String::new());
                    contact.set(String::new());
                    agent.set(String::new());
                }
                Outcome::Refused(r) => error.set(ctx.refusal_text(&r).map(|t| naming_rules(t, &r))),
                Outcome::Failed(msg) => error.set(Some(msg)),
            },
        );
    };

    view! {
        <form class="card" id="qa-review" on:submit=submit novalidate>
            <h2>{move || ctx.tr(Key::QaNewReview)}</h2>
            <div class="grid2">
                <div class="field">
                    <label for="qa-agent">{move || ctx.tr(Key::QaAgent)}<span class="req" aria-hidden="true">" *"</span></label>
                    <select id="qa-agent" required=true on:change=move |ev| agent.set(event_target_value(&ev)) prop:value=move || agent.get()>
                        <option value="" selected=move || agent.get().is_empty()>{move || ctx.tr(Key::QaChooseAgent)}</option>
                        {move || agents.get().into_iter().map(|(id, name)| {
                            let code = id.to_string();
                            let same = code.clone();
                            view! { <option value=code selected=move || agent.get() == same>{name}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <TextField id="qa-date" label=Key::QaDate value=date kind="date" required=true/>
            </div>
            <ReviewsLeft agent date/>
            <ContactChoice agent contact/>
            <Show when=move || cards.with(|c| !c.is_empty())>
                <div class="field">
                    <label for="qa-card">{move || ctx.tr(Key::QaScorecard)}</label>
                    <select id="qa-card" on:change=move |ev| { card.set(event_target_value(&ev)); rows.set(BTreeMap::new()); }>
                        <option value="" selected=move || card.get().is_empty()>{move || ctx.tr(Key::QaStandardScorecard)}</option>
                        {move || cards.get().into_iter().map(|(id, name)| {
                            let code = id.to_string();
                            let same = code.clone();
                            view! { <option value=code selected=move || card.get() == same>{name}</option> }
                        }).collect_view()}
                    </select>
                </div>
            </Show>
            <p class="hint">{move || ctx.tr(Key::QaScaleHint)}</p>
            {move || version.get().criteria.into_iter().map(|c| view! { <CriterionRow c rows/> }).collect_view()}
            <TextArea id="qa-comment" label=Key::QaOverallComment value=comment/>
            <p class="qa-total" aria-live="polite">
                {move || match total.get() {
                    Some(t) => format!("{}: {} {}", ctx.tr(Key::QaTotal), total_text(ctx.lang.get(), t), ctx.tr(Key::QaOutOf100)),
                    None => ctx.tr(Key::QaNoTotalYet).to_string(),
                }}
            </p>
            <p class="error" role="alert">{move || error.get().map(crate::ui::kit::rules::rule_links)}</p>
            <button type="submit" class="primary">{move || ctx.tr(Key::QaSaveReview)}</button>
        </form>
    }
}

/// R-QA-02: how many more reviews the chosen person may have in the month
/// of the chosen date.
#[component]
fn ReviewsLeft(agent: RwSignal<String>, date: RwSignal<String>) -> impl IntoView {
    let ctx = use_ctx();
    let left = Memo::new(move |_| {
        let who = agent.get().parse::<RecordId>().ok()?;
        let day = parse_date(&date.get()).unwrap_or_else(|| today(ctx));
        Some(ctx.model.with(|m| qa::reviews_left(m, who, day)))
    });
    move || {
        left.get().map(|n| {
            view! { <p class="hint">{ctx.tr(Key::QaReviewsLeft)} " " <strong>{n}</strong></p> }
        })
    }
}

/// The chosen person's contacts worth reviewing (R-QA-02), as a select.
#[component]
fn ContactChoice(agent: RwSignal<String>, contact: RwSignal<String>) -> impl IntoView {
    let ctx = use_ctx();
    let suggested = Memo::new(move |_| {
        let Ok(who) = agent.get().parse::<RecordId>() else {
            return Vec::new();
        };
        let lang = ctx.lang.get();
        ctx.model.with(|m| {
            qa::suggest_contacts(m, who, platform::now(), qa::MAX_SUGGESTIONS)
                .into_iter()
                .filter_map(|id| {
                    let c = m.contacts.get(&id)?;
                    Some((
                        id,
                        format!(
                            "{} · {} · {} · {}",
                            fmt_datetime(lang, c.received_at),
                            channel_label(lang, c.channel),
                            category_label(lang, c.category),
                            c.summary
                        ),
                    ))
                })
                .collect::<Vec<_>>()
        })
    });
    view! {
        <Show when=move || !agent.get().is_empty()>
            <div class="field">
                <label for="qa-contact">{move || ctx.tr(Key::QaContact)}</label>
                <p class="hint" id="qa-contact-hint">{move || ctx.tr(
                    if suggested.with(Vec::is_empty) { Key::QaNoContactsToSuggest } else { Key::QaContactHint })}</p>
                <select id="qa-contact" aria-describedby="qa-contact-hint"
                    on:change=move |ev| contact.set(event_target_value(&ev)) prop:value=move || contact.get()>
                    <option value="">{move || ctx.tr(Key::QaNoContact)}</option>
                    {move || suggested.get().into_iter().map(|(id, label)| {
                        view! { <option value=id.to_string()>{label}</option> }
                    }).collect_view()}
                </select>
            </div>
        </Show>
    }
}

/// One criterion: its score as radios (1–5, N/A) in a fieldset named by
/// the criterion, its comment, and root causes once the score is low.
#[component]
fn CriterionRow(c: Criterion, rows: Rows) -> impl IntoView {
    let ctx = use_ctx();
    let key = c.key.clone();
    let get = {
        let key = key.clone();
        move |f: fn(&Row) -> String| rows.with(|r| r.get(&key).map(f).unwrap_or_default())
    };
    let set = {
        let key = key.clone();
        move |f: &dyn Fn(&mut Row)| rows.update(|r| f(r.entry(key.clone()).or_default()))
    };
    let low = {
        let get = get.clone();
        move || score_of(&get(|r| r.score.clone())).is_some_and(|n| n <= qa::LOW_SCORE)
    };
    let name = c.name.clone();
    let title = move || criterion_label(ctx.lang.get(), &key, &name);
    let (weight, critical) = (c.weight, c.critical);
    let radio_name = format!("qa-score-{}", c.key);
    let choices = ["1", "2", "3", "4", "5", "na"].map(|code| {
        let (get, set) = (get.clone(), set.clone());
        let checked = move || get(|r| r.score.clone()) == code;
        let pick = move |_| set(&|r: &mut Row| r.score = code.to_string());
        view! {
            <label class="qa-choice">
                <input type="radio" name=radio_name.clone() value=code prop:checked=checked on:change=pick/>
                {move || if code == "na" { ctx.tr(Key::QaNotApplicable).to_string() } else { code.to_string() }}
            </label>
        }
    });
    let comment_id = format!("qa-c-{}", c.key);
    let causes_id = format!("qa-k-{}", c.key);
    let (get_c, set_c, get_k, set_k) = (get.clone(), set.clone(), get, set);
    let train_key = c.key.clone();
    view! {
        <fieldset class="qa-criterion">
            <legend>{title}</legend>
            <p class="meta">{move || ctx.tr(Key::QaWeight)} " " {weight}
                {move || critical.then(|| format!(" · {}", ctx.tr(Key::QaCritical)))}</p>
            <div class="qa-scale">{choices.into_iter().collect_view()}</div>
            <div class="field">
                <label for=comment_id.clone()>{move || ctx.tr(Key::QaComment)}</label>
                <textarea id=comment_id rows="2" prop:value=move || get_c(|r| r.comment.clone())
                    on:input=move |ev| { let v = event_target_value(&ev); set_c(&|r: &mut Row| r.comment = v.clone()) }></textarea>
            </div>
            <Show when=low.clone()>
                <div class="field">
                    <label for=causes_id.clone()>{move || ctx.tr(Key::QaCauses)}</label>
                    <p class="hint">{move || ctx.tr(Key::QaCausesHint)}</p>
                    <input id=causes_id.clone() type="text" prop:value={let g = get_k.clone(); move || g(|r| r.causes.clone())}
                        on:input={let s = set_k.clone(); move |ev| { let v = event_target_value(&ev); s(&|r: &mut Row| r.causes = v.clone()) }}/>
                </div>
                <TrainOnField key=train_key.clone() rows/>
            </Show>
        </fieldset>
    }
}

/// R-KB-01 on a low score: the standard answer the agent should train on,
/// chosen from the answers in use (nothing when there are none).
#[component]
fn TrainOnField(key: String, rows: Rows) -> impl IntoView {
    let ctx = use_ctx();
    let answers = Memo::new(move |_| {
        ctx.model.with(|m| {
            let mut v: Vec<(String, String)> =
                m.kb.answers
                    .values()
                    .filter(|a| a.status == crate::domain::kb::AnswerStatus::InUse)
                    .filter_map(|a| Some((a.id.to_string(), m.kb.current(a.id)?.question.clone())))
                    .collect();
            order::sort_by(&mut v, |a, b| a.1.cmp(&b.1));
            v
        })
    });
    let id = format!("qa-t-{key}");
    let chosen = {
        let key = key.clone();
        move || rows.with(|r| r.get(&key).map(|x| x.train_on.clone()).unwrap_or_default())
    };
    let pick = move |ev| {
        let v = event_target_value(&ev);
        rows.update(|r| r.entry(key.clone()).or_default().train_on = v);
    };
    move || {
        if answers.with(Vec::is_empty) {
            return None;
        }
        Some(view! {
            <div class="field">
                <label for=id.clone()>{move || ctx.tr(Key::QaTrainOn)}</label>
                <select id=id.clone() prop:value=chosen.clone() on:change=pick.clone()>
                    <option value="">{move || ctx.tr(Key::QaNoAnswerToTrainOn)}</option>
                    {answers.get().into_iter().map(|(v, q)| view! { <option value=v>{q}</option> }).collect_view()}
                </select>
            </div>
        })
    }
}
