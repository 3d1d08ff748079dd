//! The rules of docs/rules.md, one module per area. Pure: functions take the
//! model, the acting person and `now`, and return typed records (which the
//! shell turns into writes) or a `RuleError` that says what to do.

pub mod base;
pub mod complaint;
pub mod contact;
pub mod customer;
pub mod demo;
pub mod dept;
pub mod error;
pub mod escalation;
pub mod history;
pub mod kb;
pub mod kinds;
pub mod model;
pub mod qa;
pub mod reports;
pub mod restore;
pub mod schema;
pub mod staff;
pub mod standards;
pub mod stored_view;
pub mod today;
pub mod visits;

pub use base::lang::Lang;
pub use base::record::{Audit, Record};
pub use error::RuleError;
pub use kinds::KNOWN_KINDS;
pub use model::Model;
pub use today::Today;
