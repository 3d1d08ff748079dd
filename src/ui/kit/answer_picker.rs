//! The standard answers on a contact (R-KB-01): search as you type (the
//! contact's category first), and one tap — or Enter in the search box —
//! inserts the answer at the cursor of the reply field, with `{customer}`,
//! `{agent}` and `{org}` filled in; the use is recorded on the contact.
//! "No standard answer for this" puts the contact's question on the next
//! weekly meeting's agenda.

use crate::domain::contact::records::Contact;
use crate::domain::kb::{self, Fill, SearchFor};
use crate::sync::RecordId;
use crate::ui::kit::widgets::fmt_datetime;
use crate::ui::shell::state::{use_ctx, Ctx};
use crate::ui::words::Key;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// How many answers the picker lists at once.
const SHOWN: usize = 6;

/// The byte offset in `text` of a UTF-16 offset (what the browser's
/// `selectionStart` counts), clamped to the text.
fn byte_offset(text: &str, utf16: u32) -> usize {
    let mut seen: u32 = 0;
    for (i, c) in text.char_indices() {
        if seen >= utf16 {
            return i;
        }
        seen = seen.saturating_add(c.len_utf16() as u32);
    }
    text.len()
}

/// `snippet` put into the field `target` (showing `value`) where its
/// cursor is, replacing any selection; the cursor ends after it.
fn insert_at_cursor(target: &str, value: RwSignal<String>, snippet: &str) {
    let field = document()
        .get_element_by_id(target)
        .and_then(|e| e.dyn_into::<web_sys::HtmlTextAreaElement>().ok());
    let current = value.get_untracked();
    let (start, end) = match &field {
        Some(f) => (
            byte_offset(
                &current,
                f.selection_start().ok().flatten().unwrap_or(u32::MAX),
            ),
            byte_offset(
                &current,
                f.selection_end().ok().flatten().unwrap_or(u32::MAX),
            ),
        ),
        None => (current.len(), current.len()),
    };
    let (start, end) = (start.min(end), start.max(end));
    let mut next = String::with_capacity(current.len().saturating_add(snippet.len()));
    next.push_str(&current[..start]);
    next.push_str(snippet);
    next.push_str(&current[end..]);
    let caret: u32 = next[..start.saturating_add(snippet.len())]
        .encode_utf16()
        .count()
        .try_into()
        .unwrap_or(u32::MAX);
    value.set(next);
    if let Some(f) = field {
        request_animation_frame(move || {
            let _ = f.focus();
            let _ = f.set_selection_range(caret, caret);
        });
    }
}

fn filled(ctx: Ctx, contact: &Contact, text: &str) -> String {
    ctx.model.with_untracked(|m| {
        let customer = contact
            .customer
            .and_then(|id| m.customers.get(&id))
            .map(|c| c.name.as_str())
            .unwrap_or("");
        let agent = ctx
            .me
            .get_untracked()
            .and_then(|id| m.staff.get(&id))
            .map(|s| s.name.as_str())
            .unwrap_or("");
        let org = m.org.as_ref().map(|o| o.name.as_str()).unwrap_or("");
        kb::fill(
            text,
            &Fill {
                customer,
                agent,
                org,
            },
        )
    })
}

/// The picker for contact `contact`, inserting into the field `target`.
#[component]
pub fn AnswerPicker(
    contact: RecordId,
    target: &'static str,
    value: RwSignal<String>,
) -> impl IntoView {
    let ctx = use_ctx();
    let query = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let the_contact = Memo::new(move |_| ctx.model.with(|m| m.contacts.get(&contact).cloned()));
    let hits = Memo::new(move |_| {
        let Some(c) = the_contact.get() else {
            return Vec::new();
        };
        let want = SearchFor {
            query: query.get(),
            category: Some(c.category),
            lang: Some(ctx.lang.get()),
        };
        ctx.model.with(|m| kb::search(m, &want, SHOWN))
    });
    let insert = move |answer: RecordId, text: String| {
        let Some(c) = the_contact.get_untracked() else {
            return;
        };
        insert_at_cursor(target, value, &filled(ctx, &c, &text));
        let use_id = ctx.new_id();
        ctx.act(
            error,
            Key::AnswerInserted,
            move |m, actor, now| kb::act::use_answer(m, actor, answer, Some(contact), use_id, now),
            || {},
        );
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Enter" {
            ev.prevent_default();
            if let Some(first) =
                hits.with_untracked(|h| h.first().map(|h| (h.answer, h.text.clone())))
            {
                insert(first.0, first.1);
            }
        }
    };
    let no_answer = move |_| {
        let Some(c) = the_contact.get_untracked() else {
            return;
        };
        let lang = ctx.lang.get_untracked();
        ctx.act(
            error,
            Key::GapRecorded,
            move |m, actor, now| kb::act::mark_no_answer(m, actor, contact, &c.summary, lang, now),
            || {},
        );
    };
    let used = Memo::new(move |_| ctx.model.with(|m| kb::used_on_contact(m, contact)));
    view! {
        <div class="answer-picker" role="group" aria-labelledby="picker-title">
            <h3 id="picker-title">{move || ctx.tr(Key::PickerTitle)}</h3>
            <div class="field">
                <label for="picker-search">{move || ctx.tr(Key::AnswersSearch)}</label>
                <input id="picker-search" type="search" autocomplete="off" aria-describedby="picker-hint"
                    bind:value=query on:keydown=on_key/>
                <p class="hint" id="picker-hint">{move || ctx.tr(Key::PickerHint)}</p>
            </div>
            <ul class="picker-hits">
                {move || hits.get().into_iter().map(|h| {
                    let (answer, text) = (h.answer, h.text.clone());
                    // As it will read once inserted: the names filled in.
                    let preview = the_contact
                        .with_untracked(|c| c.as_ref().map(|c| filled(ctx, c, &h.text)))
                        .unwrap_or_else(|| h.text.clone());
                    view! {
                        <li>
                            <p><strong>{h.question.clone()}</strong></p>
                            <p class="answer-text">{preview}</p>
                            <button type="button" on:click=move |_| insert(answer, text.clone())
                                aria-label=format!("{} — {}", ctx.tr_now(Key::InsertAnswer), h.question)>
                                {ctx.tr(Key::InsertAnswer)}</button>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <Show when=move || hits.with(Vec::is_empty)>
                <p class="hint">{move || ctx.tr(Key::NoAnswerMatches)}</p>
            </Show>
            <button type="button" on:click=no_answer>{move || ctx.tr(Key::NoStandardAnswer)}</button>
            <p class="error" role="alert">{move || error.get().map(crate::ui::kit::rules::rule_links)}</p>
            <Show when=move || used.with(|u| !u.is_empty())>
                <h4>{move || ctx.tr(Key::AnswersUsedHere)}</h4>
                <ul class="used-answers">
                    {move || used.get().into_iter().map(|u| {
                        let lang = ctx.lang.get();
                        view! {
                            <li>{u.question.clone()}
                                {u.version_number.map(|n| format!(" ({} {n})", ctx.tr(Key::VersionLabel)))}
                                " · " {fmt_datetime(lang, u.at)}</li>
                        }
                    }).collect_view()}
                </ul>
            </Show>
        </div>
    }
}
