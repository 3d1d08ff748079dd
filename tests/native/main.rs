//! Every native test, in one binary: a test run compiles and links the
//! crate once. One module per area (named after the rules it proves) plus
//! the shared fixtures; the wasm tests (`tests/web_*.rs`) stay apart.

#![cfg(not(target_arch = "wasm32"))]
#![allow(dead_code)]

mod common;
mod dept_common;
mod device_common;
mod hostile;
mod kb_common;
mod qa_common;
mod standards_common;
mod sync_gen;
mod visits_common;

mod act_contact;
mod act_customer;
mod act_dept;
mod act_staff;
mod act_visits;
mod assignment;
mod backup_status;
mod bundle_notation;
mod complaints;
mod contacts;
mod customer_search;
mod customers;
mod demo;
mod demo_quality;
mod escalation;
mod fold_table;
mod handbook;
mod history;
mod history_visits;
mod import_hostile;
mod import_limits;
mod kb;
mod kb_sync;
mod kb_usage;
mod kinds;
mod later_kinds;
mod leave;
mod ops;
mod order;
mod outbox_prune;
mod past_periods;
mod paths;
mod qa;
mod qa_quota;
mod qa_report;
mod qa_scorecards;
mod qa_summary;
mod qa_sync;
mod reports;
mod reports_behind;
mod reports_issued;
mod reports_period;
mod restore;
mod roles;
mod roster;
mod rules_doc;
mod scale_set;
mod splice;
mod standards;
mod standards_audits;
mod standards_compliance;
mod standards_hostile;
mod standards_sync;
mod stored_rows_tolerant;
mod summaries;
mod swaps;
mod sync_bundles;
mod sync_frontier;
mod sync_hub;
mod sync_merge_laws;
mod tidy;
mod tidy_layers;
mod time_zone;
mod today_open;
mod typed_limits;
mod ui_areas;
mod visits;
mod visits_calls;
mod words;
mod words_counts;
mod words_files;
