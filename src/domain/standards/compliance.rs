//! R-STD-02: compliance per department and period, computed from the
//! records (`facts`), never typed in: the figure with its numerator and
//! denominator, a traffic light against the standard, the trend against
//! the period before, and the records that missed it.
//!
//! A duration's figure is the share of cases within the threshold, against
//! the standard's target. A case counts in the period its clock stopped;
//! one still running counts in the current period as soon as it is over
//! the threshold (a department does not look better by keeping cases
//! open), and not at all before. A rate's figure is the rate itself,
//! against its threshold: return visits done of those due, satisfied of
//! the customers who answered, complaints per 100 contacts the branch
//! received.

use super::facts::{gather, Case, DeptFacts, Facts, Mark};
use super::period::Period;
use super::records::{Metric, Standard};
use super::standard::judged_period;
use crate::domain::base::order;
use crate::domain::base::text::fold;
use crate::domain::model::Model;
use crate::sync::RecordId;
use chrono::{DateTime, NaiveDate, Utc};

/// "Close": at most this many tenths of a point from the goal (5 points).
pub const CLOSE_TENTHS: u32 = 50;
/// "Close" for complaints per 100 contacts: at most 0.5 per 100 above.
pub const CLOSE_PER_100_TENTHS: u32 = 5;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Light {
    /// No case in the period: nothing to judge.
    NoData,
    Met,
    Close,
    Missed,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Trend {
    Better,
    Same,
    Worse,
    /// No figure for one of the two periods.
    Unknown,
}

/// One department's compliance with one standard over one period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Compliance {
    pub department: RecordId,
    pub metric: Metric,
    /// The version that judged the period (in force on its first day).
    pub standard: RecordId,
    pub period: Period,
    /// Durations: cases within the threshold; rates: the rate's numerator.
    pub numerator: u64,
    /// Durations: cases; rates: the rate's denominator.
    pub denominator: u64,
    /// Tenths of a percent (per 100 contacts for complaints), rounded;
    /// None without a denominator.
    pub value: Option<u32>,
    /// What the value is held against, in the same unit.
    pub goal: u32,
    pub light: Light,
    /// The period before, judged by its own version; None without one.
    pub previous: Option<u32>,
    pub trend: Trend,
    /// The records that missed, for the drill-down, by id: cases over the
    /// threshold, visits not done or not satisfied, the complaints.
    pub missed: Vec<RecordId>,
}

/// The counts of one standard over one period.
struct Count {
    num: u64,
    den: u64,
    missed: Vec<RecordId>,
}

fn durations(cases: &[Case], threshold_minutes: u32, p: Period, today: NaiveDate) -> Count {
    let limit = i64::from(threshold_minutes).saturating_mul(60);
    let mut c = Count {
        num: 0,
        den: 0,
        missed: Vec::new(),
    };
    for case in cases {
        let over = case.seconds > limit;
        let counts = match case.stopped {
            Some(day) => p.contains(day),
            None => over && p.contains(today),
        };
        if !counts {
            continue;
        }
        c.den += 1;
        if over {
            c.missed.push(case.record);
        } else {
            c.num += 1;
        }
    }
    c
}

fn marks(list: &[Mark], p: Period) -> Count {
    let mut c = Count {
        num: 0,
        den: 0,
        missed: Vec::new(),
    };
    for m in list.iter().filter(|m| p.contains(m.day)) {
        c.den += 1;
        if m.hit {
            c.num += 1;
        } else {
            c.missed.push(m.record);
        }
    }
    c
}

fn count(facts: &Facts, d: &DeptFacts, s: &Standard, p: Period) -> Count {
    match s.metric {
        Metric::FirstResponse => durations(&d.first_response, s.threshold, p, facts.today),
        Metric::Resolution => durations(&d.resolution, s.threshold, p, facts.today),
        Metric::ReturnVisitRate => marks(&d.visits_due, p),
        Metric::SatisfactionRate => marks(&d.answers, p),
        Metric::ComplaintRate => {
            let complaints: Vec<RecordId> = d
                .complaints
                .iter()
                .filter(|m| p.contains(m.day))
                .map(|m| m.record)
                .collect();
            let contacts = facts
                .contacts_per_day
                .range(p.first..=p.last)
                .fold(0u64, |a, (_, n)| a.saturating_add(*n));
            Count {
                num: complaints.len() as u64,
                den: contacts,
                missed: complaints,
            }
        }
    }
}

/// `num / den` in tenths of a percent, rounded (None when `den` is 0).
pub fn tenths(num: u64, den: u64) -> Option<u32> {
    if den == 0 {
        return None;
    }
    let (n, d) = (u128::from(num), u128::from(den));
    let v = (n * 1000 + d / 2) / d;
    Some(u32::try_from(v).unwrap_or(u32::MAX))
}

/// The standard's goal, in tenths: a duration's target share, a rate's threshold.
pub fn goal(s: &Standard) -> u32 {
    if s.metric.is_duration() {
        s.target.saturating_mul(10)
    } else {
        s.threshold
    }
}

/// The light of `num / den` against `goal` (tenths) for `metric`, from
/// the exact fraction, never from a rounded figure.
pub fn light(metric: Metric, num: u64, den: u64, goal: u32) -> Light {
    if den == 0 {
        return Light::NoData;
    }
    let (n, d) = (u128::from(num) * 1000, u128::from(den));
    let at = |g: u32| u128::from(g) * d;
    if metric.lower_is_better() {
        if n <= at(goal) {
            Light::Met
        } else if n <= at(goal.saturating_add(CLOSE_PER_100_TENTHS)) {
            Light::Close
        } else {
            Light::Missed
        }
    } else if n >= at(goal) {
        Light::Met
    } else if n >= at(goal.saturating_sub(CLOSE_TENTHS)) {
        Light::Close
    } else {
        Light::Missed
    }
}

/// This period's value against the previous one's, for `metric`.
pub fn trend(metric: Metric, now: Option<u32>, before: Option<u32>) -> Trend {
    match (now, before) {
        (Some(a), Some(b)) if a == b => Trend::Same,
        (Some(a), Some(b)) if (a > b) != metric.lower_is_better() => Trend::Better,
        (Some(_), Some(_)) => Trend::Worse,
        _ => Trend::Unknown,
    }
}

/// The value of (department, metric) over `p` judged by `s`, from `facts`.
fn value_of(facts: &Facts, d: &DeptFacts, s: &Standard, p: Period) -> Option<u32> {
    let c = count(facts, d, s, p);
    tenths(c.num, c.den)
}

/// R-STD-02 from gathered facts: (department, metric) over the period
/// holding `day`. None when no standard is in force then.
pub fn judge(
    model: &Model,
    facts: &Facts,
    department: RecordId,
    metric: Metric,
    day: NaiveDate,
) -> Option<Compliance> {
    let (period, s) = judged_period(model, department, metric, day)?;
    let empty = DeptFacts::default();
    let d = facts.departments.get(&department).unwrap_or(&empty);
    let c = count(facts, d, s, period);
    let value = tenths(c.num, c.den);
    let previous = period
        .first
        .pred_opt()
        .and_then(|before| judged_period(model, department, metric, before))
        .and_then(|(p, ps)| value_of(facts, d, ps, p));
    let g = goal(s);
    let mut missed = c.missed;
    order::sort(&mut missed);
    missed.dedup();
    Some(Compliance {
        department,
        metric,
        standard: s.id,
        period,
        numerator: c.num,
        denominator: c.den,
        value,
        goal: g,
        light: light(metric, c.num, c.den, g),
        previous,
        trend: trend(metric, value, previous),
        missed,
    })
}

/// R-STD-02: one standard's compliance over the period holding `day`.
pub fn compliance(
    model: &Model,
    department: RecordId,
    metric: Metric,
    day: NaiveDate,
    now: DateTime<Utc>,
) -> Option<Compliance> {
    judge(model, &gather(model, now), department, metric, day)
}

/// One department at a glance: each standard's compliance and the worst light.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Standing {
    pub department: RecordId,
    pub lines: Vec<Compliance>,
    /// The worst light of its lines (NoData with none).
    pub light: Light,
}

/// R-STD-02: every active department's standing for the periods holding
/// `day`, by name: one pass over the records, then each standard.
pub fn standing(model: &Model, day: NaiveDate, now: DateTime<Utc>) -> Vec<Standing> {
    let facts = gather(model, now);
    standing_from(model, &facts, day)
}

/// [`standing`] from facts already gathered.
pub fn standing_from(model: &Model, facts: &Facts, day: NaiveDate) -> Vec<Standing> {
    let mut depts: Vec<_> = model
        .standards
        .departments
        .values()
        .filter(|d| d.active)
        .map(|d| (fold(&d.name), d.id))
        .collect();
    order::sort(&mut depts);
    depts
        .into_iter()
        .map(|(_, id)| {
            let lines: Vec<Compliance> = Metric::ALL
                .iter()
                .filter_map(|m| judge(model, facts, id, *m, day))
                .collect();
            let light = lines.iter().map(|l| l.light).max().unwrap_or(Light::NoData);
            Standing {
                department: id,
                lines,
                light,
            }
        })
        .collect()
}
