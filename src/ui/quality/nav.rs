//! Quality inspection's own navigation, on each of its pages: the reviews,
//! the weekly summary, the monthly report, the scorecards and settings.

use crate::ui::shell::state::use_ctx;
use crate::ui::words::Key;
use leptos::prelude::*;
use leptos_router::components::A;

pub(crate) const AREAS: &[(&str, Key)] = &[
    ("/quality", Key::QaReviews),
    ("/quality/week", Key::QaWeek),
    ("/quality/month", Key::QaMonth),
    ("/quality/setup", Key::QaSetup),
];

#[component]
pub(crate) fn QualityNav() -> impl IntoView {
    let ctx = use_ctx();
    view! {
        <nav class="dept-nav no-print" aria-label=move || ctx.tr(Key::QaAreas)>
            <ul>
                {AREAS.iter().map(|(href, key)| {
                    let key = *key;
                    view! { <li><A href=*href exact=true>{move || ctx.tr(key)}</A></li> }
                }).collect_view()}
            </ul>
        </nav>
    }
}
