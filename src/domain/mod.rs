//! The rules of DOMAIN.md, one module per area. Pure: functions take the
//! model, the acting person and `now`, and return typed records (which the
//! shell turns into writes) or a `RuleError` that says what to do.

pub mod complaint;
pub mod contact;
pub mod customer;
pub mod demo;
pub mod error;
pub mod lang;
pub mod model;
pub mod record;
pub mod staff;
pub mod text;
pub mod when;

pub use error::RuleError;
pub use lang::Lang;
pub use model::{Model, Today};
pub use record::{Audit, Record};
