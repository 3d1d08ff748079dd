//! Complaints on Today: mine past their deadline (R-CMP-02), serious ones
//! for directors (R-CMP-03), and conflicting steps. The Today page places
//! this section and provides its `Memo<Today>`.

use crate::domain::Today;
use crate::store::platform;
use crate::ui::kit::cards::ComplaintCard;
use crate::ui::shell::state::use_ctx;
use crate::ui::words::Key;
use leptos::prelude::*;

/// The complaint sections of Today.
#[component]
pub fn ComplaintsToday() -> impl IntoView {
    let today = expect_context::<Memo<Today>>();
    view! {
        <ComplaintSection id="overdue-complaints" title=Key::MyOverdueComplaints ids=Signal::derive(move || today.with(|t| t.overdue_complaints.clone()))/>
        <ComplaintSection id="serious-complaints" title=Key::SeriousComplaints ids=Signal::derive(move || today.with(|t| t.serious_complaints.clone()))/>
        <ComplaintSection id="conflicted-complaints" title=Key::ConflictedComplaints ids=Signal::derive(move || today.with(|t| t.conflicted_complaints.clone()))/>
    }
}

/// Complaints that need me, when there are any (R-CMP-02, R-CMP-03).
#[component]
fn ComplaintSection(
    id: &'static str,
    title: Key,
    ids: Signal<Vec<crate::sync::RecordId>>,
) -> impl IntoView {
    let ctx = use_ctx();
    // A memo: the cards are drawn again only when a row changes, not on
    // every save anywhere.
    let rows = Memo::new(move |_| {
        let now = platform::now();
        ctx.model.with(|m| {
            ids.get()
                .into_iter()
                .filter_map(|cid| crate::domain::complaint::row(m, cid, now))
                .collect::<Vec<_>>()
        })
    });
    view! {
        <Show when=move || ids.with(|v| !v.is_empty())>
            <h2 id=id>{move || ctx.tr(title)} <span class="count">{move || ids.with(|v| v.len())}</span></h2>
            <ul class="cards" aria-labelledby=id>
                {move || rows.get().into_iter().map(|r| view! { <ComplaintCard row=r/> }).collect_view()}
            </ul>
        </Show>
    }
}
