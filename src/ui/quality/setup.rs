//! Scorecards and settings (R-QA-01, R-QA-02, R-QA-04): every scorecard's
//! current version with its criteria, who saved it and when, and its
//! earlier versions (read-only, folded away); a department director edits
//! one (`setup/scorecard_editor.rs`), which saves a new version, or makes
//! a new scorecard. Then the quota and the evaluation's numbers
//! (`setup/settings.rs`), which the others see read-only.

mod scorecard_editor;
mod settings;

use super::nav::QualityNav;
use crate::domain::qa::{self, Criterion};
use crate::domain::staff::{require, Action};
use crate::domain::{Lang, Model, RuleError};
use crate::sync::RecordId;
use crate::ui::kit::widgets::fmt_datetime;
use crate::ui::shell::act::Refusal;
use crate::ui::shell::state::{use_ctx, Ctx};
use crate::ui::words::{criterion_label, refusal, t, Key};
use chrono::{DateTime, Utc};
use leptos::prelude::*;
use scorecard_editor::ScorecardEditor;
use settings::SettingsSection;

/// Earlier versions shown at most (a stored list may be long).
const MAX_EARLIER: usize = 30;

/// One version as the page shows it.
#[derive(Clone, PartialEq)]
struct Version {
    number: usize,
    criteria: Vec<Criterion>,
    /// When and by whom; None for the standard scorecard's first version,
    /// as the app comes (stored with the first review, or not at all).
    saved: Option<(DateTime<Utc>, String)>,
}

/// One scorecard: its name as stored, its current version and the earlier
/// ones, newest first.
#[derive(Clone, PartialEq)]
struct Card {
    card: RecordId,
    name: String,
    current: Version,
    earlier: Vec<Version>,
    /// Earlier versions left out (beyond `MAX_EARLIER`).
    older: usize,
}

impl Card {
    fn standard(&self) -> bool {
        self.card == qa::standard_card_id()
    }
}

/// Every scorecard, the standard one first even before it is stored.
fn cards(m: &Model) -> Vec<Card> {
    let standard = qa::standard_card_id();
    let mut ids = vec![standard];
    ids.extend(
        qa::current_scorecards(m)
            .into_iter()
            .map(|s| s.card)
            .filter(|c| *c != standard),
    );
    ids.into_iter().filter_map(|c| card(m, c)).collect()
}

fn card(m: &Model, card: RecordId) -> Option<Card> {
    let stored = m.qa.versions_of(card);
    let mut versions = Vec::new();
    // The standard scorecard's first version, until something writes it.
    if card == qa::standard_card_id() && !m.qa.scorecards.contains_key(&card) {
        versions.push(Version {
            number: 1,
            criteria: qa::standard_criteria(),
            saved: None,
        });
    }
    for s in &stored {
        // The standard first version is written by whoever reviews first:
        // its content is the app's, not theirs.
        let saved = (s.id != qa::standard_card_id()).then(|| {
            let who = m
                .staff
                .get(&s.audit.created_by)
                .map(|p| p.name.clone())
                .unwrap_or_else(|| "—".into());
            (s.audit.created_at, who)
        });
        versions.push(Version {
            number: versions.len() + 1,
            criteria: s.criteria.iter().take(qa::MAX_CRITERIA).cloned().collect(),
            saved,
        });
    }
    let current = versions.pop()?;
    versions.reverse();
    let older = versions.len().saturating_sub(MAX_EARLIER);
    versions.truncate(MAX_EARLIER);
    Some(Card {
        card,
        name: stored.last().map(|s| s.name.clone()).unwrap_or_default(),
        current,
        earlier: versions,
        older,
    })
}

/// A scorecard's name as shown: the standard one's words when unnamed.
fn card_name(lang: Lang, standard: bool, name: &str) -> String {
    if name.trim().is_empty() && standard {
        t(lang, Key::QaStandardScorecard).to_string()
    } else {
        name.to_string()
    }
}

/// A word with its number filled in.
fn with_n(lang: Lang, key: Key, n: usize) -> String {
    t(lang, key).replace("{n}", &n.to_string())
}

/// Whether the current person may change scorecards and settings.
fn may_set(ctx: Ctx) -> Memo<bool> {
    Memo::new(move |_| {
        let me = ctx.me.get();
        ctx.model.with(|m| {
            me.and_then(|i| m.staff.get(&i))
                .is_some_and(|s| require(s, Action::SetStandards).is_ok())
        })
    })
}

/// This page's words for a refusal of its forms: what the limit is, rather
/// than "out of range"; `None` for the others.
fn explained(lang: Lang, e: &RuleError) -> Option<String> {
    use RuleError::*;
    let (key, max) = match e {
        OutOfRange { field: "qa_weight" } => (Key::QaSetErrWeightAny, qa::MAX_WEIGHT),
        OutOfRange {
            field: "qa_criteria",
        } => (Key::QaSetErrCount, qa::MAX_CRITERIA as u32),
        Duplicate {
            field: "qa_criteria",
        } => (Key::QaSetErrTwice, 0),
        Required {
            field: "qa_criterion_name",
        } => (Key::QaSetErrCriterionNameAny, 0),
        Required {
            field: "qa_scorecard_name",
        } => (Key::QaSetErrCardName, 0),
        OutOfRange { field: "qa_quota" } => (Key::QaSetErrQuota, qa::MAX_PER_MONTH),
        OutOfRange {
            field: "qa_weights",
        } => (Key::QaSetErrWeights, qa::MAX_EVAL_WEIGHT),
        OutOfRange {
            field: "qa_min_reviews",
        } => (Key::QaSetErrMinRank, qa::MAX_PER_MONTH),
        _ => return None,
    };
    Some(t(lang, key).replace("{max}", &max.to_string()))
}

/// A refusal in words, each naming its rule (a link to the handbook).
fn refusal_words(ctx: Ctx, r: &Refusal) -> Option<String> {
    let Refusal::Rules(errors) = r else {
        return ctx.refusal_text(r);
    };
    let lang = ctx.lang.get_untracked();
    let words: Vec<String> = errors
        .iter()
        .map(|e| {
            let mut text = explained(lang, e).unwrap_or_else(|| refusal(lang, e));
            if let Some(rule) = e.rule().filter(|r| !text.contains(r)) {
                text.push_str(&format!(" ({rule})"));
            }
            text
        })
        .collect();
    Some(words.join(" "))
}

#[component]
pub fn SetupPage() -> impl IntoView {
    let ctx = use_ctx();
    let director = may_set(ctx);
    view! {
        <section class="page qa-setup">
            <h1>{move || ctx.tr(Key::QaSetup)}</h1>
            <QualityNav/>
            <p class="lead">{move || ctx.tr(Key::QaSetupLead)}</p>
            <Scorecards director/>
            <SettingsSection director/>
        </section>
    }
}

#[component]
fn Scorecards(director: Memo<bool>) -> impl IntoView {
    let ctx = use_ctx();
    let list = Memo::new(move |_| ctx.model.with(cards));
    // The scorecard being edited (one at a time), and a new one.
    let editing = RwSignal::new(None::<RecordId>);
    let creating = RwSignal::new(false);
    let done_new = Callback::new(move |saved: Option<RecordId>| {
        creating.set(false);
        focus(&match saved {
            Some(c) => format!("sc-{c}-edit"),
            None => "sc-new-open".into(),
        });
    });
    view! {
        <section class="qa-cards" aria-labelledby="qa-cards-h">
            <h2 id="qa-cards-h">{move || ctx.tr(Key::QaSetScorecards)}</h2>
            <p class="hint">{move || ctx.tr(Key::QaSetScorecardsHint)}</p>
            <p class="hint">{move || ctx.tr(Key::QaSetCriticalHint)}</p>
            <Show when=move || !director.get()>
                <p class="hint">{move || ctx.tr(Key::QaSetCardsReadOnly)}</p>
            </Show>
            <For each=move || list.get() key=|c| (c.card, c.current.number) let:c>
                <CardView c director editing/>
            </For>
            <Show when=move || director.get()>
                <Show when=move || creating.get() fallback=move || view! {
                    <button type="button" id="sc-new-open" class="primary" on:click=move |_| {
                        editing.set(None);
                        creating.set(true);
                    }>{move || ctx.tr(Key::QaSetNewCard)}</button>
                }>
                    <article class="card qa-card" aria-labelledby="sc-new-h">
                        <h3 id="sc-new-h">{move || ctx.tr(Key::QaSetNewCard)}</h3>
                        <p class="hint">{move || ctx.tr(Key::QaSetNewCardHint)}</p>
                        <ScorecardEditor card=None name=String::new() criteria=qa::standard_criteria()
                            next=1 on_close=done_new/>
                    </article>
                </Show>
            </Show>
        </section>
    }
}

/// Focus `id` once the page has drawn it (after an editor opens or closes).
fn focus(id: &str) {
    use wasm_bindgen::JsCast;
    let id = id.to_string();
    request_animation_frame(move || {
        if let Some(el) = document()
            .get_element_by_id(&id)
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = el.focus();
        }
    });
}

#[component]
fn CardView(c: Card, director: Memo<bool>, editing: RwSignal<Option<RecordId>>) -> impl IntoView {
    let ctx = use_ctx();
    let id = c.card;
    let heading = format!("sc-{id}-h");
    let labelled_by = heading.clone();
    let edit_id = format!("sc-{id}-edit");
    let standard = c.standard();
    let name = c.name.clone();
    let title = move || card_name(ctx.lang.get(), standard, &name);
    let open = move || editing.get() == Some(id);
    let close = Callback::new(move |_: Option<RecordId>| {
        editing.set(None);
        focus(&format!("sc-{id}-edit"));
    });
    let current = c.current.clone();
    let next = c.current.number + 1;
    let (edit_name, edit_criteria) = (c.name.clone(), c.current.criteria.clone());
    let earlier = c.earlier.clone();
    let (count, older) = (earlier.len(), c.older);
    let label = {
        let title = title.clone();
        move || format!("{} — {}", ctx.tr(Key::QaSetEdit), title())
    };
    view! {
        <article class="card qa-card" aria-labelledby=labelled_by>
            <h3 id=heading>{title}</h3>
            <VersionLine v=current.clone()/>
            <Show when=open fallback=move || {
                let (edit_id, label) = (edit_id.clone(), label.clone());
                view! {
                <CriteriaTable criteria=current.criteria.clone()/>
                <Show when=move || director.get()>
                    <button type="button" id=edit_id.clone() aria-label=label.clone()
                        on:click=move |_| editing.set(Some(id))>{move || ctx.tr(Key::QaSetEdit)}</button>
                </Show>
            }}>
                <ScorecardEditor card=Some(id) name=edit_name.clone() criteria=edit_criteria.clone()
                    next on_close=close/>
            </Show>
            {(count > 0).then(|| view! {
                <details class="qa-versions">
                    <summary>{move || with_n(ctx.lang.get(), Key::QaSetEarlier, count + older)}</summary>
                    <ol class="qa-version-list">
                        {earlier.into_iter().map(|v| view! {
                            <li>
                                <VersionLine v=v.clone()/>
                                <CriteriaTable criteria=v.criteria/>
                            </li>
                        }).collect_view()}
                    </ol>
                    {(older > 0).then(|| view! {
                        <p class="hint">{move || with_n(ctx.lang.get(), Key::QaSetOlderNotShown, older)}</p>
                    })}
                </details>
            })}
        </article>
    }
}

/// "Version 3 · 2 Jun 2025, 10:00 · Ana Directora".
#[component]
fn VersionLine(v: Version) -> impl IntoView {
    let ctx = use_ctx();
    let text = move || {
        let lang = ctx.lang.get();
        let number = with_n(lang, Key::QaSetVersion, v.number);
        match &v.saved {
            Some((at, who)) => format!("{number} · {} · {who}", fmt_datetime(lang, *at)),
            None => format!("{number} · {}", t(lang, Key::QaSetBuiltIn)),
        }
    };
    view! { <p class="meta qa-version">{text}</p> }
}

/// A version's criteria: name, weight with its share of the total, and
/// whether it is critical.
#[component]
fn CriteriaTable(criteria: Vec<Criterion>) -> impl IntoView {
    let ctx = use_ctx();
    let sum: u64 = criteria
        .iter()
        .map(|c| u64::from(c.weight.min(qa::MAX_WEIGHT)))
        .sum();
    let rows = criteria
        .into_iter()
        .map(|c| {
            let weight = c.weight.min(qa::MAX_WEIGHT);
            let share = (u64::from(weight) * 100)
                .checked_add(sum / 2)
                .and_then(|n| n.checked_div(sum))
                .unwrap_or(0);
            let critical = c.critical;
            let (key, name) = (c.key, c.name);
            view! {
                <tr>
                    <th scope="row">{move || criterion_label(ctx.lang.get(), &key, &name)}</th>
                    <td>{weight}
                        " " <span class="meta qa-share">{move || format!("{share} % {}", ctx.tr(Key::QaSetShareOfTotal))}</span></td>
                    <td>{move || ctx.tr(if critical { Key::QaSetCriticalYes } else { Key::QaSetCriticalNo })}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="qa-table-wrap">
            <table class="table qa-criteria">
                <thead><tr>
                    <th scope="col">{move || ctx.tr(Key::QaSetCriterion)}</th>
                    <th scope="col">{move || ctx.tr(Key::QaSetWeightCol)}</th>
                    <th scope="col">{move || ctx.tr(Key::QaSetCriticalCol)}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
