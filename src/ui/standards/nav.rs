//! Service standards' own navigation, on each of its pages: the
//! departments' standing and the audits.

use crate::ui::kit::area_nav::AreaNav;
use crate::ui::words::Key;
use leptos::prelude::*;

const AREAS: &[(&str, Key)] = &[
    ("/standards", Key::StdOverview),
    ("/standards/audits", Key::StdAudits),
];

#[component]
pub(crate) fn StandardsNav() -> impl IntoView {
    view! { <AreaNav label=Key::StdAreas links=AREAS.to_vec()/> }
}
