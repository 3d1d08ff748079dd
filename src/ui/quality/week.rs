//! QaWeek page: not built yet (a placeholder so the route, the piece and the
//! navigation exist).

use super::nav::QualityNav;
use crate::ui::shell::state::use_ctx;
use crate::ui::words::Key;
use leptos::prelude::*;

#[component]
pub fn WeekPage() -> impl IntoView {
    let ctx = use_ctx();
    view! {
        <section class="page">
            <h1>{move || ctx.tr(Key::QaWeek)}</h1>
            <QualityNav/>
            <p class="lead">{move || ctx.tr(Key::QaWeekLead)}</p>
        </section>
    }
}
