//! Service standards for every department (R-STD-01..R-STD-03): the
//! records (records), the departments the organisation keeps and the
//! free-text ones to adopt (departments), standards and their versions
//! (standard), weeks and months (period), the cases gathered from the
//! records in one pass (facts), compliance, traffic lights, trends and the
//! records that missed (compliance), audits with findings and improvement
//! actions (audits), and the operations the screens call (act).

pub mod act;
pub mod audits;
pub mod compliance;
pub mod departments;
pub mod facts;
pub mod period;
pub mod records;
pub mod standard;

pub use audits::{
    is_open, is_overdue, open_actions_for, overdue_actions, to_verify, ActionDraft, AuditDraft,
};
pub use compliance::{
    compliance, goal, judge, light, standing, standing_from, tenths, trend, Compliance, Light,
    Standing, Trend, CLOSE_PER_100_TENTHS, CLOSE_TENTHS,
};
pub use departments::{department_candidates, department_id, Candidate, Resolver};
pub use facts::{gather, held_seconds, Case, DeptFacts, Facts, Mark};
pub use period::{is_period_start, Period};
pub use records::*;
pub use standard::{
    in_force, judged_period, standards_of, versions, StandardDraft, MAX_RATE, MAX_THRESHOLD_MINUTES,
};
