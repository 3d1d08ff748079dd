//! Standard answers (R-KB-01, R-KB-02): the answers the weekly meeting
//! agreed, searched as you type; a form to draft one; and, for those who
//! keep them (directors and the quality inspector), the drafts to put in
//! use, the outdated ones, the answers nobody used for 90 days and the
//! questions that found no answer (`keep.rs`). Answers are inserted into a
//! contact's reply from the contact's page (`kit::answer_picker`).

mod card;
mod keep;

use crate::domain::contact::records::Category;
use crate::domain::kb::{self, AnswerDraft, AnswerIds, AnswerStatus, SearchFor};
use crate::domain::Lang;
use crate::sync::RecordId;
use crate::ui::kit::options::code_options;
use crate::ui::kit::widgets::{Empty, SelectField, TextArea, TextField};
use crate::ui::shell::state::use_ctx;
use crate::ui::words::{category_label, Key};
use card::AnswerCard;
use leptos::prelude::*;

/// What the draft form holds; the keepers' "Draft its answer" on a
/// question without an answer fills it in.
#[derive(Clone, Copy)]
pub(crate) struct DraftForm {
    question: RwSignal<String>,
    text: RwSignal<String>,
    category: RwSignal<String>,
    lang: RwSignal<String>,
    keywords: RwSignal<String>,
    /// The question without an answer this draft answers.
    gap: RwSignal<Option<RecordId>>,
}

impl DraftForm {
    fn new(lang: Lang) -> DraftForm {
        DraftForm {
            question: RwSignal::new(String::new()),
            text: RwSignal::new(String::new()),
            category: RwSignal::new(Category::Enquiry.code().to_string()),
            lang: RwSignal::new(lang.code().to_string()),
            keywords: RwSignal::new(String::new()),
            gap: RwSignal::new(None),
        }
    }

    fn clear(&self) {
        self.question.set(String::new());
        self.text.set(String::new());
        self.keywords.set(String::new());
        self.gap.set(None);
    }
}

/// The keywords as typed: split at commas (the rule trims and bounds them).
pub(crate) fn keyword_list(typed: &str) -> Vec<String> {
    typed.split(',').map(|k| k.trim().to_string()).collect()
}

#[component]
pub fn AnswersPage() -> impl IntoView {
    let ctx = use_ctx();
    crate::ui::kit::anchor::land_after_render();
    let query = RwSignal::new(String::new());
    let hits = Memo::new(move |_| {
        let want = SearchFor {
            query: query.get(),
            category: None,
            lang: Some(ctx.lang.get()),
        };
        ctx.model.with(|m| kb::search(m, &want, kb::MAX_HITS))
    });
    let any_in_use = Memo::new(move |_| {
        ctx.model.with(|m| {
            m.kb.answers
                .values()
                .any(|a| a.status == AnswerStatus::InUse)
        })
    });
    let keeper = Memo::new(move |_| {
        let me = ctx.me.get();
        ctx.model.with(|m| {
            me.and_then(|id| m.staff.get(&id))
                .is_some_and(kb::keeps_answers)
        })
    });
    let form = DraftForm::new(ctx.lang.get_untracked());
    view! {
        <section class="page">
            <h1>{move || ctx.tr(Key::NavAnswers)}</h1>
            <p class="lead">{move || ctx.tr(Key::AnswersLead)}</p>
            <TextField id="kb-search" label=Key::AnswersSearch value=query kind="search" hint=Key::AnswersSearchHint/>
            <h2 id="kb-in-use">{move || ctx.tr(Key::AnswersInUse)}
                <span class="count">{move || hits.with(Vec::len)}</span></h2>
            <Show when=move || hits.with(|h| !h.is_empty())
                fallback=move || view! {
                    <Empty text=if query.with(|q| q.trim().is_empty()) && !any_in_use.get() { Key::NoAnswersYet } else { Key::NoAnswerMatches }/>
                }>
                <ul class="cards" aria-labelledby="kb-in-use">
                    {move || hits.get().into_iter().map(|h| view! { <AnswerCard id=h.answer keeper=keeper.get()/> }).collect_view()}
                </ul>
            </Show>
            <DraftAnswerForm form/>
            <Show when=move || keeper.get()>
                <keep::KeeperLists form/>
            </Show>
            <MyDrafts keeper/>
        </section>
    }
}

/// The drafts an agent wrote, waiting for a meeting (keepers see every
/// draft in their own list).
#[component]
fn MyDrafts(keeper: Memo<bool>) -> impl IntoView {
    let ctx = use_ctx();
    let mine = Memo::new(move |_| {
        let me = ctx.me.get();
        ctx.model.with(|m| {
            me.and_then(|id| m.staff.get(&id))
                .and_then(|s| kb::answers_with_status(m, s, AnswerStatus::Draft).ok())
                .unwrap_or_default()
        })
    });
    view! {
        <Show when=move || !keeper.get() && mine.with(|v| !v.is_empty())>
            <h2 id="kb-my-drafts">{move || ctx.tr(Key::AnswerDrafts)}</h2>
            <ul class="cards" aria-labelledby="kb-my-drafts">
                {move || mine.get().into_iter().map(|id| view! { <AnswerCard id keeper=false/> }).collect_view()}
            </ul>
        </Show>
    }
}

#[component]
fn DraftAnswerForm(form: DraftForm) -> impl IntoView {
    let ctx = use_ctx();
    let error = RwSignal::new(None::<String>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let draft = AnswerDraft {
            question: form.question.get_untracked(),
            text: form.text.get_untracked(),
            category: Category::from_code(&form.category.get_untracked()).unwrap_or_default(),
            lang: Lang::from_code(&form.lang.get_untracked()).unwrap_or_default(),
            keywords: keyword_list(&form.keywords.get_untracked()),
            gap: form.gap.get_untracked(),
        };
        let ids = AnswerIds {
            answer: ctx.new_id(),
            version: ctx.new_id(),
        };
        ctx.act(
            error,
            Key::AnswerDrafted,
            move |m, actor, now| kb::act::draft_answer(m, actor, draft, ids, now),
            move || form.clear(),
        );
    };
    let categories = code_options(None, Category::ALL, Category::code, category_label);
    let langs = vec![
        ("es".to_string(), Signal::derive(|| "Español".to_string())),
        ("en".to_string(), Signal::derive(|| "English".to_string())),
    ];
    view! {
        <form class="card" id="kb-draft" on:submit=submit novalidate>
            <h2>{move || ctx.tr(Key::NewAnswer)}</h2>
            <TextField id="kb-question" label=Key::AnswerQuestion value=form.question required=true/>
            <TextArea id="kb-text" label=Key::AnswerText value=form.text required=true/>
            <p class="hint">{move || ctx.tr(Key::AnswerTextHint)}</p>
            <div class="grid2">
                <SelectField id="kb-category" label=Key::Category value=form.category options=categories/>
                <SelectField id="kb-lang" label=Key::AnswerLanguage value=form.lang options=langs/>
            </div>
            <TextField id="kb-keywords" label=Key::AnswerKeywords value=form.keywords/>
            <p class="error" role="alert">{move || error.get().map(crate::ui::kit::rules::rule_links)}</p>
            <button type="submit" class="primary">{move || ctx.tr(Key::SaveDraft)}</button>
        </form>
    }
}
