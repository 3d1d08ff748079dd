//! Quality inspection's own navigation, on each of its pages: the reviews,
//! the weekly summary, the monthly report, the scorecards and settings.

use crate::ui::kit::area_nav::AreaNav;
use crate::ui::words::Key;
use leptos::prelude::*;

pub(crate) const AREAS: &[(&str, Key)] = &[
    ("/quality", Key::QaReviews),
    ("/quality/week", Key::QaWeek),
    ("/quality/month", Key::QaMonth),
    ("/quality/setup", Key::QaSetup),
];

#[component]
pub(crate) fn QualityNav() -> impl IntoView {
    view! { <AreaNav label=Key::QaAreas links=AREAS.to_vec()/> }
}
