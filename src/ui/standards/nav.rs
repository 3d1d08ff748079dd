//! Service standards' own navigation, on each of its pages: the
//! departments' standing and the audits.

use crate::ui::shell::state::use_ctx;
use crate::ui::words::Key;
use leptos::prelude::*;
use leptos_router::components::A;

const AREAS: &[(&str, Key)] = &[
    ("/standards", Key::StdOverview),
    ("/standards/audits", Key::StdAudits),
];

#[component]
pub(crate) fn StandardsNav() -> impl IntoView {
    let ctx = use_ctx();
    view! {
        <nav class="dept-nav no-print" aria-label=move || ctx.tr(Key::StdAreas)>
            <ul>
                {AREAS.iter().map(|(href, key)| {
                    let key = *key;
                    view! { <li><A href=*href exact=true>{move || ctx.tr(key)}</A></li> }
                }).collect_view()}
            </ul>
        </nav>
    }
}
