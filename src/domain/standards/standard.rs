//! R-STD-01: a department's standards and their versions. A standard is
//! the line (department, metric); each change is a new version that
//! applies from the first day of a period on. A period is judged by the
//! version in force on its first day, so setting a new target never
//! rewrites how a past period went. Set by a department director or higher.

use super::period::{is_period_start, Period};
use super::records::{Metric, PeriodKind, Standard};
use crate::domain::base::limits::{MAX_YEAR, MIN_YEAR};
use crate::domain::base::order;
use crate::domain::base::record::Audit;
use crate::domain::error::RuleError;
use crate::domain::model::Model;
use crate::domain::staff::{require, Action, Staff};
use crate::sync::RecordId;
use chrono::{DateTime, Datelike, NaiveDate, Utc};

/// The longest threshold of a duration: a year, in minutes.
pub const MAX_THRESHOLD_MINUTES: u32 = 366 * 24 * 60;
/// A rate's threshold, in tenths of a percent (100 %, or 100 per 100 contacts).
pub const MAX_RATE: u32 = 1000;

/// What the "set a standard" form hands in.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct StandardDraft {
    pub department: RecordId,
    pub metric: Metric,
    /// Minutes for a duration; tenths of a percent for a rate.
    pub threshold: u32,
    /// The share of cases within the threshold, 1..=100 (a duration only).
    pub target: u32,
    pub period: PeriodKind,
    pub from: NaiveDate,
    /// False: the standard stops applying from `from` on.
    pub active: bool,
}

/// R-STD-01: version `id` of the standard (department, metric), from
/// `draft.from` on. It may start with the current period (which it then
/// judges whole) or later, never earlier: a past period keeps its version.
pub fn set_standard(
    model: &Model,
    actor: &Staff,
    draft: &StandardDraft,
    id: RecordId,
    now: DateTime<Utc>,
) -> Result<Standard, RuleError> {
    require(actor, Action::SetStandards)?;
    let dept = model
        .standards
        .departments
        .get(&draft.department)
        .ok_or(RuleError::NotFound {
            what: "std_department",
        })?;
    if draft.active && !dept.active {
        return Err(RuleError::OutOfRange {
            field: "std_department",
        });
    }
    let target = if draft.metric.is_duration() {
        if !(1..=MAX_THRESHOLD_MINUTES).contains(&draft.threshold) {
            return Err(RuleError::OutOfRange {
                field: "std_threshold",
            });
        }
        if !(1..=100).contains(&draft.target) {
            return Err(RuleError::OutOfRange {
                field: "std_target",
            });
        }
        draft.target
    } else {
        if draft.threshold > MAX_RATE {
            return Err(RuleError::OutOfRange {
                field: "std_threshold",
            });
        }
        0
    };
    let today = model.zone().local_date(now);
    let year = draft.from.year();
    if !(MIN_YEAR..=MAX_YEAR).contains(&year)
        || !is_period_start(draft.period, draft.from)
        || draft.from < Period::of(draft.period, today).first
    {
        return Err(RuleError::InvalidDate { field: "std_from" });
    }
    Ok(Standard {
        id,
        department: draft.department,
        metric: draft.metric,
        threshold: draft.threshold,
        target,
        period: draft.period,
        from: draft.from,
        active: draft.active,
        audit: Audit::new(actor.id, now),
    })
}

/// Which of two versions starting the same day counts: the one set last
/// (then the higher id), the same on every device.
fn order(s: &Standard) -> (NaiveDate, DateTime<Utc>, RecordId) {
    (s.from, s.audit.created_at, s.id)
}

/// The versions of (department, metric), oldest first.
pub fn versions(model: &Model, department: RecordId, metric: Metric) -> Vec<&Standard> {
    let mut v: Vec<&Standard> = model
        .standards
        .standards
        .values()
        .filter(|s| s.department == department && s.metric == metric)
        .collect();
    order::sort_by_key(&mut v, |s| order(s));
    v
}

/// The version in force on `day` (None: none yet, or it was stopped).
pub fn in_force(
    model: &Model,
    department: RecordId,
    metric: Metric,
    day: NaiveDate,
) -> Option<&Standard> {
    model
        .standards
        .standards
        .values()
        .filter(|s| s.department == department && s.metric == metric && s.from <= day)
        .max_by_key(|s| order(s))
        .filter(|s| s.active)
}

/// The period holding `day` under the version in force that day, and the
/// version that judges it: the one in force on the period's first day
/// (the same one when versions start on period starts, as `set_standard`
/// makes them; for a stored one that does not, the day's own version).
pub fn judged_period(
    model: &Model,
    department: RecordId,
    metric: Metric,
    day: NaiveDate,
) -> Option<(Period, &Standard)> {
    let on_day = in_force(model, department, metric, day)?;
    let period = Period::of(on_day.period, day);
    let judge = in_force(model, department, metric, period.first).unwrap_or(on_day);
    Some((period, judge))
}

/// A department's standards in force on `day`, one per metric, in
/// `Metric::ALL` order.
pub fn standards_of(model: &Model, department: RecordId, day: NaiveDate) -> Vec<&Standard> {
    Metric::ALL
        .iter()
        .filter_map(|m| in_force(model, department, *m, day))
        .collect()
}
