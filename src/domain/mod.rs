//! The rules of DOMAIN.md, one module per area. Pure: functions take the
//! model, the acting person and `now`, and return typed records (which the
//! shell turns into writes) or a `RuleError` that says what to do.

pub mod approval;
pub mod attendance;
pub mod complaint;
pub mod contact;
pub mod customer;
pub mod dates;
pub mod demo;
pub mod dept;
mod dept_error;
pub mod error;
pub mod escalation;
pub mod lang;
pub mod leave;
pub mod limits;
pub mod meeting;
pub mod model;
pub mod ops;
pub mod profile;
pub mod record;
pub mod roster;
pub mod schema;
pub mod staff;
pub mod swap;
pub mod text;
pub mod visit;
pub mod visits;
pub mod when;
pub mod zone;

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

pub use error::RuleError;
pub use lang::Lang;
pub use model::{Model, Today};
pub use record::{Audit, Record};
