//! Quality inspection (R-QA-01, R-QA-02): for inspectors and directors,
//! the people still below the month's minimum and the form to review an
//! agent (`form.rs`); for everyone, the reviews they may see (`reviews.rs`,
//! each a card, `card.rs`), where an agent acknowledges or disputes their
//! own; for department directors, the disputes waiting for their ruling
//! (`ruling.rs`). The weekly summary (`week.rs`), the monthly report
//! (`month.rs`) and the scorecards and settings (`setup.rs`) are pages of
//! their own (`nav.rs` links them); `today.rs` is the area's part of Today.
//! Who sees
//! what is the domain's to say (`qa::inspects`, `qa::visible_reviews`,
//! `qa::open_disputes`).

mod card;
mod form;
mod month;
mod nav;
mod reviews;
mod ruling;
mod setup;
mod today;
mod week;

pub use month::MonthPage;
pub use setup::SetupPage;
pub use today::QualityTodaySection;
pub use week::WeekPage;

use crate::domain::qa::{self, ReviewStatus};
use crate::domain::staff::{require, Action, Role, Staff};
use crate::store::platform;
use crate::ui::kit::widgets::{person, Empty};
use crate::ui::shell::state::use_ctx;
use crate::ui::words::Key;
use leptos::prelude::*;

pub(crate) fn status_key(s: ReviewStatus) -> Key {
    match s {
        ReviewStatus::Pending => Key::QaStatusPending,
        ReviewStatus::Acknowledged => Key::QaStatusAcknowledged,
        ReviewStatus::Disputed => Key::QaStatusDisputed,
        ReviewStatus::Upheld => Key::QaStatusUpheld,
        ReviewStatus::Changed => Key::QaStatusChanged,
    }
}

/// The badge's look: settled, waiting, or disputed.
pub(crate) fn status_class(s: ReviewStatus) -> &'static str {
    match s {
        ReviewStatus::Acknowledged | ReviewStatus::Upheld | ReviewStatus::Changed => "badge ok",
        ReviewStatus::Pending => "badge pending",
        ReviewStatus::Disputed => "badge bad",
    }
}

/// A score as typed on a form: "1".."5", "na", or "" (not chosen yet).
pub(crate) fn score_of(code: &str) -> Option<u8> {
    code.parse::<u8>().ok()
}

/// A stored score as a form's code.
pub(crate) fn code_of(score: Option<u8>) -> String {
    score.map_or_else(|| "na".to_string(), |n| n.to_string())
}

/// The root-cause tags as typed: split at commas (the rule trims, drops
/// empties and repeats, and bounds them).
pub(crate) fn cause_list(typed: &str) -> Vec<String> {
    typed.split(',').map(|c| c.trim().to_string()).collect()
}

#[component]
pub fn QualityPage() -> impl IntoView {
    let ctx = use_ctx();
    let me = Memo::new(move |_| {
        let id = ctx.me.get();
        ctx.model
            .with(|m| id.and_then(|i| m.staff.get(&i).cloned()))
    });
    let inspector = Memo::new(move |_| me.with(|s| s.as_ref().is_some_and(qa::inspects)));
    let rules = Memo::new(move |_| {
        me.with(|s| {
            s.as_ref()
                .is_some_and(|s| require(s, Action::SetStandards).is_ok())
        })
    });
    let lead = Memo::new(move |_| {
        if inspector.get() {
            Key::QaLead
        } else if me.with(|s| s.as_ref().is_some_and(|s| s.role == Role::Representative)) {
            Key::QaLeadAgent
        } else {
            Key::QaLeadTeam
        }
    });
    // Who the form reviews: the "Review" button of a person below the
    // minimum fills it in.
    let agent = RwSignal::new(String::new());
    view! {
        <section class="page">
            <h1>{move || ctx.tr(Key::NavQuality)}</h1>
            <nav::QualityNav/>
            <p class="lead">{move || ctx.tr(lead.get())}</p>
            <Show when=move || inspector.get()>
                <BelowMinimum agent/>
                <form::ReviewForm agent/>
            </Show>
            <Show when=move || rules.get()>
                <reviews::OpenDisputes me/>
            </Show>
            <reviews::ReviewList me inspector/>
        </section>
    }
}

/// R-QA-02: who still needs a review this month, fewest first.
#[component]
fn BelowMinimum(agent: RwSignal<String>) -> impl IntoView {
    let ctx = use_ctx();
    let below = Memo::new(move |_| ctx.model.with(|m| qa::below_minimum(m, platform::now())));
    let no_agents = Memo::new(move |_| ctx.model.with(|m| qa::agents(m).is_empty()));
    view! {
        <h2 id="qa-below">{move || ctx.tr(Key::QaBelowMinimum)}
            <span class="count">{move || below.with(Vec::len)}</span></h2>
        <p class="hint">{move || ctx.tr(Key::QaBelowMinimumHint)}</p>
        <Show when=move || below.with(|v| !v.is_empty()) fallback=move || view! {
            <Empty text=if no_agents.get() { Key::QaNoAgents } else { Key::QaNobodyBelow }/>
        }>
            <ul class="cards" aria-labelledby="qa-below">
                {move || below.get().into_iter().map(|b| {
                    let name = person(ctx, b.agent);
                    let pick = move |_| {
                        agent.set(b.agent.to_string());
                        if let Some(el) = document().get_element_by_id("qa-agent") {
                            el.scroll_into_view();
                        }
                    };
                    view! {
                        <li class="card item qa-below">
                            <p><strong>{name.clone()}</strong></p>
                            <p class="meta">{move || ctx.tr(Key::QaReviewsThisMonth)} " " {b.reviews} " · "
                                {move || ctx.tr(Key::QaMinimum)} " " {b.min}</p>
                            <button type="button" aria-label=move || format!("{} — {}", ctx.tr(Key::QaReviewThem), name)
                                on:click=pick>{move || ctx.tr(Key::QaReviewThem)}</button>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </Show>
    }
}

/// The current person, when known (for the sections' props).
pub(crate) type Me = Memo<Option<Staff>>;
