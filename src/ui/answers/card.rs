//! One answer: its current wording, category, status and use; the earlier
//! wordings; and what the viewer may do with it (a keeper puts a draft in
//! use at a meeting, rewords, marks outdated with its replacement, or
//! restores; an agent rewords their own draft).

use super::keyword_list;
use crate::domain::base::order;
use crate::domain::kb::{self, Answer, AnswerDraft, AnswerStatus};
use crate::sync::RecordId;
use crate::ui::kit::widgets::fmt_datetime;
use crate::ui::shell::state::{use_ctx, Ctx};
use crate::ui::words::{category_label, Key};
use leptos::prelude::*;

fn status_key(s: AnswerStatus) -> Key {
    match s {
        AnswerStatus::Draft => Key::AnswerStatusDraft,
        AnswerStatus::InUse => Key::AnswerStatusInUse,
        AnswerStatus::Outdated => Key::AnswerStatusOutdated,
    }
}

/// Everything the card shows, read once from the model.
#[derive(Clone, PartialEq)]
struct Shown {
    answer: Answer,
    question: String,
    text: String,
    earlier: Vec<(usize, String, String)>,
    uses: kb::Usage,
    /// The meeting that agreed it, with its title (R-KB-01: linked both ways).
    meeting: Option<(RecordId, String)>,
    /// R-KB-02: what replaces an outdated answer, with its question.
    replaced_by: Option<(RecordId, String)>,
}

fn shown(ctx: Ctx, id: RecordId) -> Option<Shown> {
    ctx.model.with(|m| {
        let answer = m.kb.answers.get(&id)?.clone();
        let versions = m.kb.versions_of(id);
        let current = versions.last()?;
        let (question, text) = (current.question.clone(), current.text.clone());
        let earlier = versions
            .iter()
            .enumerate()
            .rev()
            .skip(1)
            .map(|(i, v)| (i.saturating_add(1), v.question.clone(), v.text.clone()))
            .collect();
        let meeting = answer
            .meeting
            .and_then(|mid| Some((mid, m.dept.meetings.get(&mid)?.title.clone())));
        let replaced_by = (answer.status == AnswerStatus::Outdated)
            .then(|| kb::replacement(m, id))
            .flatten()
            .and_then(|r| Some((r, m.kb.current(r)?.question.clone())));
        Some(Shown {
            replaced_by,
            answer,
            question,
            text,
            earlier,
            uses: kb::usage_of(m, id),
            meeting,
        })
    })
}

#[component]
pub(crate) fn AnswerCard(id: RecordId, keeper: bool) -> impl IntoView {
    let ctx = use_ctx();
    let data = Memo::new(move |_| shown(ctx, id));
    move || {
        data.get().map(|s| {
            let lang = ctx.lang.get();
            let status = s.answer.status;
            let times = match s.uses.count {
                1 => ctx.tr(Key::UsedOnce).to_string(),
                n => format!("{} {n} {}", ctx.tr(Key::UsedTimes), ctx.tr(Key::TimesWord)),
            };
            let uses = match s.uses.last {
                Some(last) => format!("{times} · {} {}", ctx.tr(Key::LastUsed), fmt_datetime(lang, last)),
                None => ctx.tr(Key::NeverUsed).to_string(),
            };
            let agreed = s
                .answer
                .agreed_at
                .map(|at| format!(" · {} {}", ctx.tr(Key::AgreedOn), fmt_datetime(lang, at)));
            let meeting = s.meeting.clone().map(|(mid, title)| view! {
                " " {ctx.tr(Key::AgreedAtMeetingWord)} " "
                <a href=format!("/department/meetings#meeting-{mid}")>{title}</a>
            });
            let mine = ctx.me.get_untracked() == Some(s.answer.audit.created_by);
            let can_reword = keeper || (mine && status == AnswerStatus::Draft);
            view! {
                <li class="card item answer" id=format!("answer-{id}") tabindex="-1">
                    <p><strong>{s.question.clone()}</strong></p>
                    <p class="answer-text">{s.text.clone()}</p>
                    <p class="meta">
                        {category_label(lang, s.answer.category)} " · "
                        <span class="badge">{ctx.tr(status_key(status))}</span> " · "
                        {uses} {agreed} {meeting}
                    </p>
                    {s.replaced_by.clone().map(|(r, q)| view! {
                        <p class="meta">{ctx.tr(Key::ReplacedByLabel)} ": " <a href=format!("/answers#answer-{r}")>{q}</a></p>
                    })}
                    {(!s.earlier.is_empty()).then(|| view! {
                        <details>
                            <summary>{ctx.tr(Key::EarlierWordings)} " (" {s.earlier.len()} ")"</summary>
                            <ol class="timeline">
                                {s.earlier.iter().map(|(n, q, t)| view! {
                                    <li><strong>{ctx.tr(Key::VersionLabel)} " " {*n}</strong>": " {q.clone()}<br/>{t.clone()}</li>
                                }).collect_view()}
                            </ol>
                        </details>
                    })}
                    {can_reword.then(|| view! { <Reword id answer=s.answer.clone() question=s.question.clone() text=s.text.clone()/> })}
                    {(keeper && status == AnswerStatus::Draft).then(|| view! { <Agree id/> })}
                    {(keeper && status == AnswerStatus::InUse).then(|| view! { <Outdate id/> })}
                    {(keeper && status == AnswerStatus::Outdated).then(|| view! { <Restore id/> })}
                </li>
            }
        })
    }
}

/// A new wording (the earlier one stays, R-KB-01).
#[component]
fn Reword(id: RecordId, answer: Answer, question: String, text: String) -> impl IntoView {
    let ctx = use_ctx();
    let question = RwSignal::new(question);
    let text = RwSignal::new(text);
    let keywords = RwSignal::new(answer.keywords.join(", "));
    let error = RwSignal::new(None::<String>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let draft = AnswerDraft {
            question: question.get_untracked(),
            text: text.get_untracked(),
            category: answer.category,
            lang: answer.lang,
            keywords: keyword_list(&keywords.get_untracked()),
            gap: answer.gap,
        };
        let version = ctx.new_id();
        ctx.act(
            error,
            Key::WordingSaved,
            move |m, actor, now| kb::act::edit_answer(m, actor, id, draft, version, now),
            || {},
        );
    };
    view! {
        <details>
            <summary>{move || ctx.tr(Key::EditWording)}</summary>
            <form on:submit=submit novalidate>
                <Field id=format!("kb-q-{id}") label=Key::AnswerQuestion value=question/>
                <Field id=format!("kb-t-{id}") label=Key::AnswerText value=text area=true/>
                <Field id=format!("kb-k-{id}") label=Key::AnswerKeywords value=keywords/>
                <p class="error" role="alert">{move || error.get().map(crate::ui::kit::rules::rule_links)}</p>
                <button type="submit">{move || ctx.tr(Key::SaveWording)}</button>
            </form>
        </details>
    }
}

/// A labelled field whose id names its answer (several cards on a page).
#[component]
fn Field(
    id: String,
    label: Key,
    value: RwSignal<String>,
    #[prop(optional)] area: bool,
) -> impl IntoView {
    let ctx = use_ctx();
    view! {
        <div class="field">
            <label for=id.clone()>{move || ctx.tr(label)}</label>
            {if area {
                view! { <textarea id=id rows="3" bind:value=value></textarea> }.into_any()
            } else {
                view! { <input id=id type="text" bind:value=value/> }.into_any()
            }}
        </div>
    }
}

/// A labelled select whose id names its answer.
#[component]
fn Choice(
    id: String,
    label: Key,
    value: RwSignal<String>,
    options: Vec<(String, String)>,
) -> impl IntoView {
    let ctx = use_ctx();
    view! {
        <div class="field">
            <label for=id.clone()>{move || ctx.tr(label)}</label>
            <select id=id on:change=move |ev| value.set(event_target_value(&ev))>
                {options.into_iter().map(|(code, text)| {
                    let selected = value.get_untracked() == code;
                    view! { <option value=code selected=selected>{text}</option> }
                }).collect_view()}
            </select>
        </div>
    }
}

/// R-KB-01: in use from now, agreed at one of the department's meetings.
#[component]
fn Agree(id: RecordId) -> impl IntoView {
    let ctx = use_ctx();
    let error = RwSignal::new(None::<String>);
    let meetings = Memo::new(move |_| {
        let lang = ctx.lang.get();
        ctx.model.with(|m| {
            let mut v: Vec<_> = m.dept.meetings.values().collect();
            order::sort_by_key(&mut v, |x| std::cmp::Reverse(x.scheduled_at));
            v.into_iter()
                .map(|x| {
                    (
                        x.id,
                        format!("{} · {}", x.title, fmt_datetime(lang, x.scheduled_at)),
                    )
                })
                .collect::<Vec<_>>()
        })
    });
    let meeting = RwSignal::new(String::new());
    let agree = move |_| {
        let chosen = meeting
            .get_untracked()
            .parse::<RecordId>()
            .ok()
            .or_else(|| meetings.with_untracked(|v| v.first().map(|(id, _)| *id)));
        let Some(at) = chosen else { return };
        ctx.act(
            error,
            Key::AnswerAgreed,
            move |m, actor, now| kb::act::agree_answer(m, actor, id, at, now),
            || {},
        );
    };
    move || {
        if meetings.with(Vec::is_empty) {
            return view! { <p class="hint">{ctx.tr(Key::NoMeetingToAgree)}</p> }.into_any();
        }
        let options = meetings
            .get()
            .into_iter()
            .map(|(id, label)| (id.to_string(), label))
            .collect();
        view! {
            <div class="actions">
                <Choice id=format!("kb-meeting-{id}") label=Key::AgreeAtMeeting value=meeting options/>
                <button type="button" class="primary" on:click=agree>{ctx.tr(Key::AgreeButton)}</button>
            </div>
            <p class="error" role="alert">{move || error.get().map(crate::ui::kit::rules::rule_links)}</p>
        }
        .into_any()
    }
}

/// R-KB-02: outdated, kept, pointing to the answer that replaces it.
#[component]
fn Outdate(id: RecordId) -> impl IntoView {
    let ctx = use_ctx();
    let error = RwSignal::new(None::<String>);
    let by = RwSignal::new(String::new());
    let mut options = vec![(String::new(), ctx.tr_now(Key::NoReplacement).to_string())];
    options.extend(ctx.model.with_untracked(|m| {
        m.kb.answers
            .values()
            .filter(|a| a.id != id && a.status == AnswerStatus::InUse)
            .filter_map(|a| Some((a.id.to_string(), m.kb.current(a.id)?.question.clone())))
            .collect::<Vec<_>>()
    }));
    let outdate = move |_| {
        let replaced_by = by.get_untracked().parse::<RecordId>().ok();
        ctx.act(
            error,
            Key::AnswerOutdated,
            move |m, actor, now| kb::act::mark_outdated(m, actor, id, replaced_by, now),
            || {},
        );
    };
    view! {
        <details>
            <summary>{move || ctx.tr(Key::MarkOutdated)}</summary>
            <div class="actions">
                <Choice id=format!("kb-replace-{id}") label=Key::ReplacedByLabel value=by options/>
                <button type="button" on:click=outdate>{move || ctx.tr(Key::MarkOutdated)}</button>
            </div>
            <p class="error" role="alert">{move || error.get().map(crate::ui::kit::rules::rule_links)}</p>
        </details>
    }
}

#[component]
fn Restore(id: RecordId) -> impl IntoView {
    let ctx = use_ctx();
    let error = RwSignal::new(None::<String>);
    let restore = move |_| {
        ctx.act(
            error,
            Key::AnswerRestored,
            move |m, actor, now| kb::act::restore_answer(m, actor, id, now),
            || {},
        );
    };
    view! {
        <div class="actions">
            <button type="button" on:click=restore>{move || ctx.tr(Key::RestoreAnswer)}</button>
        </div>
        <p class="error" role="alert">{move || error.get().map(crate::ui::kit::rules::rule_links)}</p>
    }
}
