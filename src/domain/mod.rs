//! The rules of DOMAIN.md, one module per area. Pure: functions take the
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
pub mod model;
pub mod schema;
pub mod staff;
pub mod visits;

/// Every record kind this version knows. A bundle naming another kind comes
/// from a newer version and is refused whole (tests/native/tidy.rs checks that
/// each `record!` kind is listed here).
pub const KNOWN_KINDS: &[&str] = &[
    "org",
    "staff",
    "staff_profile",
    "customer",
    "contact",
    "complaint",
    "complaint_event",
    "escalation",
    "escalation_step",
    "visit",
    "visit_attempt",
    "campaign",
    "script",
    "task",
    "team",
    "shift",
    "holiday",
    "roster_entry",
    "leave",
    "approval",
    "swap",
    "attendance",
    "handover",
    "receipt",
    "announcement",
    "meeting",
    "decision",
];

pub use base::lang::Lang;
pub use base::record::{Audit, Record};
pub use error::RuleError;
pub use model::{Model, Today};
