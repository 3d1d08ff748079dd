//! An area's own navigation between its pages (the department, quality,
//! standards, reports): a labelled list of links, the current page marked
//! by the router, hidden in print.

use crate::ui::shell::state::use_ctx;
use crate::ui::words::Key;
use leptos::prelude::*;
use leptos_router::components::A;

/// `links`: each page's path and its words; `label` names the navigation
/// for screen readers ("Department pages").
#[component]
pub fn AreaNav(label: Key, links: Vec<(&'static str, Key)>) -> impl IntoView {
    let ctx = use_ctx();
    view! {
        <nav class="dept-nav no-print" aria-label=move || ctx.tr(label)>
            <ul>
                {links.into_iter().map(|(href, key)| {
                    view! { <li><A href=href exact=true>{move || ctx.tr(key)}</A></li> }
                }).collect_view()}
            </ul>
        </nav>
    }
}
