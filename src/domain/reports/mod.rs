//! Reports (R-REP-01..03), computed from the records, never typed in: a
//! day's workload per person and team (workload), and the weekly and
//! monthly report that gathers every area's figures for a period (period)
//! and the records behind each of its rows (behind).
//! Issuing freezes a week's or month's report and counts what changed
//! since (issued); `act` turns that into writes. CSV files go through
//! `base::csv` (R-REP-03).

pub mod act;
mod behind;
pub mod issued;
pub mod period;
pub mod records;
pub mod workload;

pub use behind::{lists_records, period_behind};
pub use period::{
    may_read, next, period_of, period_report, Col, Figure, Label, Part, PeriodReport, Row, Section,
};
pub use workload::{
    behind, behind_between, workload, workload_between, Behind, Cell, Column, Counts, Line,
    RowNames, Who, Workload,
};
