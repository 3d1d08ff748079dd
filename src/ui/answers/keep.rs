//! What those who keep the answers see besides (R-KB-02): every draft,
//! the outdated answers, the answers in use that nobody used for 90 days,
//! and the questions without an answer gathered for the next weekly meeting.

use super::card::AnswerCard;
use super::DraftForm;
use crate::domain::kb::{self, AnswerStatus};
use crate::store::platform;
use crate::sync::RecordId;
use crate::ui::kit::widgets::{fmt_datetime, Empty};
use crate::ui::shell::state::use_ctx;
use crate::ui::words::{category_label, Key};
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub(crate) fn KeeperLists(form: DraftForm) -> impl IntoView {
    let ctx = use_ctx();
    let of_status = move |status: AnswerStatus| {
        Memo::new(move |_| {
            let me = ctx.me.get();
            ctx.model.with(|m| {
                me.and_then(|id| m.staff.get(&id))
                    .and_then(|s| kb::answers_with_status(m, s, status).ok())
                    .unwrap_or_default()
            })
        })
    };
    let drafts = of_status(AnswerStatus::Draft);
    let outdated = of_status(AnswerStatus::Outdated);
    let review = Memo::new(move |_| {
        ctx.model
            .with(|m| kb::unused_for_review(m, platform::now()))
    });
    view! {
        <QuestionsWithoutAnswer form/>
        <List title=Key::AnswerDrafts empty=Key::NoDrafts ids=drafts anchor="kb-drafts"/>
        <List title=Key::UnusedForReview empty=Key::NothingToReview ids=review anchor="kb-review"/>
        <List title=Key::OutdatedAnswers empty=Key::NoOutdated ids=outdated anchor="kb-outdated"/>
    }
}

#[component]
fn List(title: Key, empty: Key, ids: Memo<Vec<RecordId>>, anchor: &'static str) -> impl IntoView {
    let ctx = use_ctx();
    view! {
        <h2 id=anchor>{move || ctx.tr(title)} <span class="count">{move || ids.with(Vec::len)}</span></h2>
        <Show when=move || ids.with(|v| !v.is_empty()) fallback=move || view! { <Empty text=empty/> }>
            <ul class="cards" aria-labelledby=anchor>
                {move || ids.get().into_iter().map(|id| view! { <AnswerCard id keeper=true/> }).collect_view()}
            </ul>
        </Show>
    }
}

/// The agenda of the next weekly meeting: each question with the contact
/// it came from; "Draft its answer" fills the draft form above.
#[component]
fn QuestionsWithoutAnswer(form: DraftForm) -> impl IntoView {
    let ctx = use_ctx();
    let agenda = Memo::new(move |_| {
        ctx.model
            .with(|m| kb::next_agenda(m, "", platform::now()).gaps)
    });
    let error = RwSignal::new(None::<String>);
    view! {
        <h2 id="kb-questions">{move || ctx.tr(Key::QuestionsWithoutAnswer)}
            <span class="count">{move || agenda.with(Vec::len)}</span></h2>
        <p class="error" role="alert">{move || error.get().map(crate::ui::kit::rules::rule_links)}</p>
        <Show when=move || agenda.with(|v| !v.is_empty()) fallback=|| view! { <Empty text=Key::NoQuestionsWaiting/> }>
            <ul class="cards" aria-labelledby="kb-questions">
                {move || agenda.get().into_iter().filter_map(|id| {
                    let gap = ctx.model.with_untracked(|m| m.kb.gaps.get(&id).cloned())?;
                    let lang = ctx.lang.get();
                    let (question, category, contact) = (gap.question.clone(), gap.category, gap.contact);
                    let draft = move |_| {
                        form.question.set(question.clone());
                        form.category.set(category.code().to_string());
                        form.lang.set(gap.lang.code().to_string());
                        form.gap.set(Some(id));
                        if let Some(el) = document().get_element_by_id("kb-question") {
                            el.scroll_into_view();
                        }
                    };
                    let dismiss = move |_| {
                        ctx.act(error, Key::QuestionDismissed, move |m, actor, now| kb::act::dismiss_gap(m, actor, id, now), || {});
                    };
                    Some(view! {
                        <li class="card item">
                            <p><strong>{gap.question.clone()}</strong></p>
                            <p class="meta">{category_label(lang, gap.category)} " · "
                                {fmt_datetime(lang, gap.audit.created_at)} " · "
                                <A href=format!("/contacts/{contact}")>{ctx.tr(Key::Contact)}</A></p>
                            <div class="actions">
                                <button type="button" class="primary" on:click=draft>{ctx.tr(Key::DraftFromQuestion)}</button>
                                <button type="button" on:click=dismiss>{ctx.tr(Key::DismissQuestion)}</button>
                            </div>
                        </li>
                    })
                }).collect_view()}
            </ul>
        </Show>
    }
}
