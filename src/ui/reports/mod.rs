//! Reports (R-REP): computed from the records on this device, never typed
//! in. So far the day's workload (`workload.rs`, with its table in
//! `workload_table.rs`, their words in `columns.rs`): a chart, the same figures in a table, the records
//! behind any figure, CSV and A4 print.

mod columns;
mod workload;
mod workload_table;

pub use workload::WorkloadPage;
