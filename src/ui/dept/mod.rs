//! The department (DOMAIN.md "The department"): roster, handover,
//! announcements, meetings, leave, swaps, attendance, emergency contacts.
//! The rules are in `domain::{roster, leave, swap, attendance, ops,
//! meeting, profile}`; these screens collect input and show the results.

use crate::ui::i18n::Key;
use crate::ui::widgets::ComingPage;
use leptos::prelude::*;

#[component]
pub fn DepartmentPage() -> impl IntoView {
    view! { <ComingPage title=Key::NavDepartment/> }
}

/// The department's part of Today: my shifts, unread announcements first,
/// tasks from meetings, approvals waiting for me.
#[component]
pub fn TodayDept() -> impl IntoView {}
