//! Reports (R-REP-01..03), computed from the records, never typed in: a
//! day's workload per person and team (workload). CSV files go through
//! `base::csv` (R-REP-03).

pub mod workload;

pub use workload::{behind, workload, Behind, Cell, Column, Counts, Line, RowNames, Who, Workload};
