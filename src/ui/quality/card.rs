//! One review: who, by whom, when, the total and where it stands; its
//! scores and comments; the agent's answer and the director's ruling. Its
//! agent acknowledges it or disputes it with a comment (`qa::act::reply`);
//! among the disputes, a director rules on it (`ruling.rs`).

use super::ruling::Rule;
use super::{status_class, status_key, Me};
use crate::domain::qa::{self, ReplyKind, ReviewStatus, RulingOutcome};
use crate::sync::RecordId;
use crate::ui::kit::widgets::fmt_date;
use crate::ui::shell::state::{use_ctx, Ctx};
use crate::ui::words::{criterion_label, total_text, Key};
use leptos::prelude::*;

/// One criterion's score that counts, with its comment and causes.
#[derive(Clone, PartialEq)]
pub(crate) struct Line {
    pub key: String,
    /// The criterion's name as typed (empty for a standard one).
    pub name: String,
    pub score: Option<u8>,
    pub comment: String,
    pub causes: Vec<String>,
    /// The standard answer to train on: its id and question, when this
    /// device has it.
    pub train_on: Option<(RecordId, String)>,
}

/// What a review card shows, read once from the model.
#[derive(Clone, PartialEq)]
pub(crate) struct Shown {
    pub agent: RecordId,
    pub agent_name: String,
    pub inspector_name: String,
    pub date: chrono::NaiveDate,
    pub total: Option<u32>,
    pub status: ReviewStatus,
    pub on_contact: Option<RecordId>,
    pub scores: Vec<Line>,
    pub comment: String,
    /// The agent's answer: its kind and comment.
    pub answer: Option<(ReplyKind, String)>,
    /// The ruling: outcome, by whom, comment.
    pub ruled: Option<(RulingOutcome, String, String)>,
}

pub(crate) fn shown(ctx: Ctx, id: RecordId) -> Option<Shown> {
    ctx.model.with(|m| {
        let r = m.qa.reviews.get(&id)?;
        let version = m.qa.scorecards.get(&r.scorecard);
        let name_of = |key: &str| {
            version
                .and_then(|v| v.criteria.iter().find(|c| c.key == key))
                .map(|c| c.name.clone())
                .unwrap_or_default()
        };
        let scores = qa::effective_scores(m, r)
            .iter()
            .map(|s| Line {
                key: s.criterion.clone(),
                name: name_of(&s.criterion),
                score: s.score,
                comment: s.comment.clone(),
                causes: s.causes.clone(),
                train_on: s
                    .train_on
                    .and_then(|a| Some((a, m.kb.current(a)?.question.clone()))),
            })
            .collect();
        let answer =
            m.qa.replies_to(id)
                .into_iter()
                .filter(|x| x.by == r.agent)
                .max_by_key(|x| x.kind == ReplyKind::Dispute)
                .map(|x| (x.kind, x.comment.clone()));
        let ruled = qa::ruling(m, id).map(|x| {
            let by = m
                .staff
                .get(&x.by)
                .map(|s| s.name.clone())
                .unwrap_or_default();
            (x.outcome, by, x.comment.clone())
        });
        let name = |p: RecordId| m.staff.get(&p).map(|s| s.name.clone()).unwrap_or_default();
        Some(Shown {
            agent: r.agent,
            agent_name: name(r.agent),
            inspector_name: name(r.inspector),
            date: r.date,
            total: qa::review_total(m, r),
            status: qa::status(m, r),
            on_contact: r.contact,
            scores,
            comment: r.comment.clone(),
            answer,
            ruled,
        })
    })
}

/// One review. `ruling`: shown among the disputes to rule on, with the
/// director's controls (`ruling.rs`) instead of the agent's.
#[component]
pub(crate) fn ReviewCard(id: RecordId, me: Me, ruling: bool) -> impl IntoView {
    let ctx = use_ctx();
    let data = Memo::new(move |_| shown(ctx, id));
    move || {
        data.get().map(|s| {
            let lang = ctx.lang.get();
            let total = match s.total {
                Some(t) => format!("{}: {} {}", ctx.tr(Key::QaTotal), total_text(lang, t), ctx.tr(Key::QaOutOf100)),
                None => ctx.tr(Key::QaNoTotal).to_string(),
            };
            let mine = me.with_untracked(|m| m.as_ref().is_some_and(|m| m.id == s.agent));
            let may_answer = mine && !ruling && s.status == ReviewStatus::Pending;
            let answer = s.answer.clone().map(|(kind, comment)| {
                let kind = match kind {
                    ReplyKind::Acknowledge => Key::QaStatusAcknowledged,
                    ReplyKind::Dispute => Key::QaStatusDisputed,
                };
                view! { <p>{ctx.tr(Key::QaAgentSaid)} " " <strong>{ctx.tr(kind)}</strong>
                    {(!comment.is_empty()).then(|| format!(" — {comment}"))}</p> }
            });
            let ruled = s.ruled.clone().map(|(outcome, by, comment)| {
                let outcome = match outcome {
                    RulingOutcome::Uphold => Key::QaStatusUpheld,
                    RulingOutcome::Change => Key::QaStatusChanged,
                };
                view! { <p>{ctx.tr(Key::QaRulingBy)} " " {by} ": " <strong>{ctx.tr(outcome)}</strong>
                    {(!comment.is_empty()).then(|| format!(" — {comment}"))}</p> }
            });
            view! {
                <li class="card item qa-review">
                    <p><strong>{s.agent_name.clone()}</strong> " · " {fmt_date(lang, s.date)}</p>
                    <p class="qa-total">{total}</p>
                    <p class="meta">
                        <span class=status_class(s.status)>{ctx.tr(status_key(s.status))}</span> " "
                        {ctx.tr(Key::QaReviewedBy)} " " {s.inspector_name.clone()}
                        {s.on_contact.map(|c| view! { " · " <leptos_router::components::A href=format!("/contacts/{c}")>{ctx.tr(Key::QaOnContact)}</leptos_router::components::A> })}
                    </p>
                    <details>
                        <summary>{ctx.tr(Key::QaDetails)}</summary>
                        <dl class="qa-scores">
                            {s.scores.iter().map(|Line { key, name, score, comment, causes, train_on }| {
                                let value = score.map_or_else(|| ctx.tr(Key::QaNotApplicable).to_string(), |n| format!("{n} / 5"));
                                view! {
                                    <dt>{criterion_label(lang, key, name)}</dt>
                                    <dd><strong>{value}</strong>
                                        {(!comment.is_empty()).then(|| format!(" — {comment}"))}
                                        {(!causes.is_empty()).then(|| format!(" ({}: {})", ctx.tr(Key::QaCausesShown), causes.join(", ")))}
                                        {train_on.clone().map(|(a, q)| view! {
                                            <br/>{ctx.tr(Key::QaTrainOnShown)} ": "
                                            <leptos_router::components::A href=format!("/answers#answer-{a}")>{q}</leptos_router::components::A>
                                        })}
                                    </dd>
                                }
                            }).collect_view()}
                        </dl>
                        {(!s.comment.is_empty()).then(|| view! { <p><strong>{ctx.tr(Key::QaOverallComment)}</strong> ": " {s.comment.clone()}</p> })}
                    </details>
                    {answer}
                    {ruled}
                    {may_answer.then(|| view! { <Answer id/> })}
                    {ruling.then(|| view! { <Rule id/> })}
                </li>
            }
        })
    }
}

/// The agent's answer: acknowledge, or dispute with a comment.
#[component]
fn Answer(id: RecordId) -> impl IntoView {
    let ctx = use_ctx();
    let error = RwSignal::new(None::<String>);
    let why = RwSignal::new(String::new());
    let field = format!("qa-why-{id}");
    let send = move |kind: ReplyKind| {
        let comment = match kind {
            ReplyKind::Dispute => why.get_untracked(),
            ReplyKind::Acknowledge => String::new(),
        };
        let done = match kind {
            ReplyKind::Dispute => Key::QaDisputed,
            ReplyKind::Acknowledge => Key::QaAcknowledged,
        };
        let reply = ctx.new_id();
        ctx.act(
            error,
            done,
            move |m, actor, now| qa::act::reply(m, actor, id, kind, &comment, reply, now),
            || {},
        );
    };
    view! {
        <div class="actions">
            <button type="button" class="primary" on:click=move |_| send(ReplyKind::Acknowledge)>
                {move || ctx.tr(Key::QaAcknowledge)}</button>
        </div>
        <details>
            <summary>{move || ctx.tr(Key::QaDispute)}</summary>
            <div class="field">
                <label for=field.clone()>{move || ctx.tr(Key::QaDisputeWhy)}<span class="req" aria-hidden="true">" *"</span></label>
                <textarea id=field rows="3" bind:value=why></textarea>
            </div>
            <button type="button" on:click=move |_| send(ReplyKind::Dispute)>{move || ctx.tr(Key::QaSendDispute)}</button>
        </details>
        <p class="error" role="alert">{move || error.get().map(crate::ui::kit::rules::rule_links)}</p>
    }
}
