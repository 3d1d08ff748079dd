//! The lists of reviews (R-QA-01): those a person may see, newest first,
//! and, for a department director, the disputes waiting for a ruling,
//! oldest first. Each review is a card (`card.rs`).

use super::card::ReviewCard;
use super::Me;
use crate::domain::qa;
use crate::domain::staff::Role;
use crate::ui::kit::widgets::Empty;
use crate::ui::shell::state::use_ctx;
use crate::ui::words::Key;
use leptos::prelude::*;

#[component]
pub(crate) fn ReviewList(me: Me, inspector: Memo<bool>) -> impl IntoView {
    let ctx = use_ctx();
    let ids = Memo::new(move |_| {
        me.with(|s| match s {
            Some(s) => ctx.model.with(|m| qa::visible_reviews(m, s)),
            None => Vec::new(),
        })
    });
    let waiting = Memo::new(move |_| {
        me.with(|s| match s {
            Some(s) => ctx.model.with(|m| qa::to_answer(m, s.id).len()),
            None => 0,
        })
    });
    let empty = move || {
        if inspector.get() {
            Key::QaNoReviews
        } else if me.with(|s| s.as_ref().is_some_and(|s| s.role == Role::Representative)) {
            Key::QaNoReviewsAgent
        } else {
            Key::QaNoReviewsSeen
        }
    };
    view! {
        <h2 id="qa-reviews">{move || ctx.tr(Key::QaReviews)}
            <span class="count">{move || ids.with(Vec::len)}</span></h2>
        <Show when=move || { waiting.get() > 0 }>
            <p class="hint">{move || ctx.tr(Key::QaToAnswer)} " " <strong>{move || waiting.get()}</strong></p>
        </Show>
        <Show when=move || ids.with(|v| !v.is_empty()) fallback=move || view! { <Empty text=empty()/> }>
            <ul class="cards" aria-labelledby="qa-reviews">
                <For each=move || ids.get() key=|id| *id let:id>
                    <ReviewCard id me ruling=false/>
                </For>
            </ul>
        </Show>
    }
}

#[component]
pub(crate) fn OpenDisputes(me: Me) -> impl IntoView {
    let ctx = use_ctx();
    let ids = Memo::new(move |_| {
        me.with(|s| match s {
            Some(s) => ctx.model.with(|m| qa::open_disputes(m, s)),
            None => Vec::new(),
        })
    });
    view! {
        <h2 id="qa-disputes">{move || ctx.tr(Key::QaOpenDisputes)}
            <span class="count">{move || ids.with(Vec::len)}</span></h2>
        <Show when=move || ids.with(|v| !v.is_empty()) fallback=|| view! { <Empty text=Key::QaNoDisputes/> }>
            <ul class="cards" aria-labelledby="qa-disputes">
                <For each=move || ids.get() key=|id| *id let:id>
                    <ReviewCard id me ruling=true/>
                </For>
            </ul>
        </Show>
    }
}
