//! Reports (R-REP): computed from the records on this device, never typed
//! in. The day's workload (`workload.rs`, with its table in
//! `workload_table.rs`, their words in `columns.rs`): a chart, the same
//! figures in a table, the records behind any figure (`behind.rs`, which
//! the weekly and monthly report's rows share), CSV and A4 print.
//! The weekly and monthly report (`period.rs`, its words and CSV in
//! `period_text.rs`): every area's figures for a period, with which
//! devices' work it includes (`devices.rs`), and issuing it (`issue.rs`). Both pages' CSV separator,
//! download and print come from `tools.rs`.

mod behind;
mod columns;
mod devices;
mod issue;
mod period;
mod period_text;
mod tools;
mod workload;
mod workload_table;

pub use period::PeriodPage;
pub use workload::WorkloadPage;

use crate::ui::kit::area_nav::AreaNav;
use crate::ui::words::Key;
use leptos::prelude::*;

/// The reports' own navigation: the day, the week and month.
#[component]
fn ReportsNav() -> impl IntoView {
    let links = vec![
        ("/reports", Key::RepNavDay),
        ("/reports/period", Key::RepNavPeriod),
    ];
    view! { <AreaNav label=Key::RepAreas links/> }
}
