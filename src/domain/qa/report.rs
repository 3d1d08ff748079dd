//! The monthly report and the best / worst evaluation (R-QA-04). A month's
//! figures are computed from its reviews; the report of a month is due
//! before the 22nd of that same month (a warning from the 15th while it is
//! not issued); issuing freezes the figures in a `qa_report` record. A
//! review of that month added, removed or changed later is reported as a
//! change since the report was issued, never merged into it.
//!
//! The evaluation combines, per agent and month: quality (the average
//! review total), attendance (the share of judged shifts without lateness,
//! early leaving or absence, R-ATT-01) and workload (contacts owned,
//! received that month, against the busiest agent), weighted as the
//! department director set. A component without data is left out of the
//! weighting; an agent with fewer reviews than the ranking minimum, or none
//! with a total, is shown but not ranked.

use super::quota::{agents, month_of, settings};
use super::records::*;
use super::review::{inspects, review_total, reviews_between};
use super::scorecard::{round_div, FULL_TENTHS};
use super::summary::lines;
use crate::domain::base::dates::Shift;
use crate::domain::base::limits::MAX_ITEMS;
use crate::domain::base::order;
use crate::domain::base::record::{Audit, Record};
use crate::domain::base::text::fold;
use crate::domain::base::zone::derived_id;
use crate::domain::dept::attendance::{shift_violation, LATE_MINUTES};
use crate::domain::dept::leave_status::LeaveStatus;
use crate::domain::dept::shifts::shifts_of;
use crate::domain::error::RuleError;
use crate::domain::model::Model;
use crate::domain::staff::{Role, Staff};
use crate::sync::RecordId;
use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};
use std::collections::BTreeMap;

/// R-QA-04: a month's report is due before this day of the month.
pub const DUE_BEFORE_DAY: u32 = 22;
/// … and warned about from this day on while not issued.
pub const WARN_FROM_DAY: u32 = 15;

/// Who issues the monthly report and sees the evaluation: inspectors,
/// team leaders (the rules' author of the report) and directors.
pub fn reports(viewer: &Staff) -> bool {
    inspects(viewer) || (viewer.active && viewer.role == Role::TeamLeader)
}

fn require_reporter(viewer: &Staff) -> Result<(), RuleError> {
    match reports(viewer) {
        true => Ok(()),
        false => Err(RuleError::NotAllowed {
            action: crate::domain::staff::Action::LeadTeam,
            needs: Role::TeamLeader,
        }),
    }
}

/// The report of the month holding `day`: one record per month.
pub fn report_id(day: NaiveDate) -> RecordId {
    let (first, _) = month_of(day);
    derived_id(MonthlyReport::KIND, &[], &first.format("%Y-%m").to_string())
}

/// One person's evaluation for a month, with each component.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Evaluation {
    pub person: RecordId,
    pub reviews: usize,
    /// Average review total, tenths of a percent.
    pub quality: Option<u32>,
    /// Shifts judged (started 20 minutes ago or more, not on approved
    /// leave) and those with a violation.
    pub shifts: usize,
    pub violations: usize,
    pub attendance: Option<u32>,
    /// Contacts owned, received that month.
    pub contacts: usize,
    pub workload: Option<u32>,
    /// The weighted combination; None without any component.
    pub score: Option<u32>,
    /// Enough reviews (and a quality figure) to be ranked.
    pub ranked: bool,
}

fn tenths(part: usize, whole: usize) -> Option<u32> {
    let num = u64::try_from(part)
        .ok()?
        .checked_mul(u64::from(FULL_TENTHS))?;
    let t = round_div(num, u64::try_from(whole).ok()?)?;
    u32::try_from(t).ok().map(|t| t.min(FULL_TENTHS))
}

/// R-QA-04: every agent's evaluation for the month holding `day`, judged
/// at `now`: ranked ones best first, then the rest, by name.
pub fn evaluation(
    model: &Model,
    viewer: &Staff,
    day: NaiveDate,
    now: DateTime<Utc>,
) -> Result<Vec<Evaluation>, RuleError> {
    require_reporter(viewer)?;
    Ok(evaluate(model, day, now))
}

pub(crate) fn evaluate(model: &Model, day: NaiveDate, now: DateTime<Utc>) -> Vec<Evaluation> {
    let (first, last) = month_of(day);
    let zone = model.zone();
    let s = settings(model);
    let reviews = reviews_between(model, first, last);
    let (agent_lines, _) = lines(model, &reviews);
    let quality: BTreeMap<RecordId, (usize, Option<u32>)> = agent_lines
        .into_iter()
        .map(|a| (a.agent, (a.reviews, a.average)))
        .collect();
    let mut contacts: BTreeMap<RecordId, usize> = BTreeMap::new();
    for c in model.contacts.values() {
        let d = zone.local_date(c.received_at);
        if (first..=last).contains(&d) {
            let n = contacts.entry(c.owner).or_default();
            *n = n.saturating_add(1);
        }
    }
    let people = agents(model);
    let busiest = people
        .iter()
        .map(|p| contacts.get(&p.id).copied().unwrap_or(0))
        .max()
        .unwrap_or(0);
    let grace = Duration::minutes(LATE_MINUTES);
    let mut out: Vec<(Evaluation, String)> = people
        .into_iter()
        .map(|p| {
            let (reviews, q) = quality.get(&p.id).copied().unwrap_or((0, None));
            let judged: Vec<_> = shifts_of(model, p.id, first, last)
                .into_iter()
                .filter(|v| v.start.plus(grace) <= now)
                .filter(|v| !matches!(v.leave, Some((_, LeaveStatus::Approved))))
                .collect();
            let violations = judged
                .iter()
                .filter(|v| shift_violation(model, v, now).is_some())
                .count();
            let kept = judged.len().saturating_sub(violations);
            let attendance = tenths(kept, judged.len());
            let n = contacts.get(&p.id).copied().unwrap_or(0);
            let workload = tenths(n, busiest);
            let parts = [
                (s.weight_quality, q),
                (s.weight_attendance, attendance),
                (s.weight_workload, workload),
            ];
            let (mut num, mut den) = (0u64, 0u64);
            for (w, v) in parts {
                if let Some(v) = v.filter(|_| w > 0) {
                    num = num.saturating_add(u64::from(w).saturating_mul(u64::from(v)));
                    den = den.saturating_add(u64::from(w));
                }
            }
            let score = round_div(num, den).and_then(|x| u32::try_from(x).ok());
            let ranked = q.is_some() && reviews >= s.min_reviews_to_rank as usize;
            let e = Evaluation {
                person: p.id,
                reviews,
                quality: q,
                shifts: judged.len(),
                violations,
                attendance,
                contacts: n,
                workload,
                score,
                ranked,
            };
            (e, fold(&p.name))
        })
        .collect();
    order::sort_by(&mut out, |(a, an), (b, bn)| {
        let key = |e: &Evaluation| (!e.ranked, std::cmp::Reverse(e.score.filter(|_| e.ranked)));
        key(a)
            .cmp(&key(b))
            .then_with(|| an.cmp(bn))
            .then(a.person.cmp(&b.person))
    });
    out.into_iter().map(|(e, _)| e).collect()
}

/// The best and the worst of an evaluation: its first and last ranked
/// people (none for fewer than two ranked).
pub fn best_and_worst(evaluation: &[Evaluation]) -> Option<(RecordId, RecordId)> {
    let ranked: Vec<&Evaluation> = evaluation.iter().filter(|e| e.ranked).collect();
    match (ranked.first(), ranked.last()) {
        (Some(b), Some(w)) if ranked.len() >= 2 => Some((b.person, w.person)),
        _ => None,
    }
}

/// A month's figures as computed now (what issuing freezes).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct MonthFigures {
    pub month: NaiveDate,
    pub reviews: u32,
    pub average: Option<u32>,
    pub agents: Vec<AgentFigure>,
    pub criteria: Vec<CriterionFigure>,
    pub marks: Vec<ReviewMark>,
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

fn marks(model: &Model, reviews: &[&Review]) -> Vec<ReviewMark> {
    reviews
        .iter()
        .map(|r| ReviewMark {
            review: r.id,
            agent: r.agent,
            total: review_total(model, r),
        })
        .collect()
}

/// R-QA-04: the figures of the month holding `day`, judged at `now`.
pub fn month_figures(model: &Model, day: NaiveDate, now: DateTime<Utc>) -> MonthFigures {
    let (first, last) = month_of(day);
    let reviews = reviews_between(model, first, last);
    let (agent_lines, criteria) = lines(model, &reviews);
    let evals: BTreeMap<RecordId, Option<u32>> = evaluate(model, day, now)
        .into_iter()
        .map(|e| (e.person, e.score.filter(|_| e.ranked)))
        .collect();
    let marks = marks(model, &reviews);
    let average = average_of(&marks);
    MonthFigures {
        month: first,
        reviews: count(reviews.len()),
        average,
        agents: agent_lines
            .into_iter()
            .map(|a| AgentFigure {
                agent: a.agent,
                reviews: count(a.reviews),
                average: a.average,
                evaluation: evals.get(&a.agent).copied().flatten(),
            })
            .collect(),
        criteria: criteria
            .into_iter()
            .map(|c| CriterionFigure {
                key: c.key,
                scored: count(c.scored),
                average: c.average,
            })
            .collect(),
        marks,
    }
}

/// The average of the reviews' totals (those with one), tenths of a
/// percent, rounded: the month's figure, and the weekly and monthly
/// report's (R-REP-02) for its reviews.
fn average_of(marks: &[ReviewMark]) -> Option<u32> {
    let totals: Vec<u64> = marks
        .iter()
        .filter_map(|m| m.total)
        .map(u64::from)
        .collect();
    let sum = totals.iter().fold(0u64, |a, b| a.saturating_add(*b));
    round_div(sum, u64::try_from(totals.len()).unwrap_or(0)).and_then(|x| u32::try_from(x).ok())
}

/// The average total of `reviews`, as the monthly quality report computes it.
pub(crate) fn average_total(model: &Model, reviews: &[&Review]) -> Option<u32> {
    average_of(&marks(model, reviews))
}

/// R-QA-04: issues the report of the month holding `day` (this month or
/// an earlier one), freezing its figures. Once issued, it stays as it was.
pub fn issue_report(
    model: &Model,
    actor: &Staff,
    day: NaiveDate,
    now: DateTime<Utc>,
) -> Result<MonthlyReport, RuleError> {
    require_reporter(actor)?;
    let id = report_id(day);
    if model.qa.reports.contains_key(&id) {
        return Err(RuleError::AlreadyDecided);
    }
    let (first, _) = month_of(day);
    if first > model.zone().local_date(now) {
        return Err(RuleError::InvalidDate { field: "qa_month" });
    }
    let f = month_figures(model, day, now);
    if f.marks.len() > MAX_ITEMS || f.agents.len() > MAX_ITEMS || f.criteria.len() > MAX_ITEMS {
        return Err(RuleError::OutOfRange { field: "qa_report" });
    }
    Ok(MonthlyReport {
        id,
        month: f.month,
        issued_by: actor.id,
        issued_at: now,
        reviews: f.reviews,
        average: f.average,
        agents: f.agents,
        criteria: f.criteria,
        marks: f.marks,
        audit: Audit::new(actor.id, now),
    })
}

/// R-QA-04: how many of the month's reviews changed since `report` was
/// issued: added, removed, or with another agent or total now (a comment
/// edited changes no figure and is not counted).
pub fn changes_since(model: &Model, report: &MonthlyReport) -> usize {
    let (first, last) = month_of(report.month);
    let now: BTreeMap<RecordId, ReviewMark> = marks(model, &reviews_between(model, first, last))
        .into_iter()
        .map(|m| (m.review, m))
        .collect();
    let then: BTreeMap<RecordId, &ReviewMark> =
        report.marks.iter().map(|m| (m.review, m)).collect();
    let changed = then
        .iter()
        .filter(|(id, m)| now.get(id).is_none_or(|n| n != **m))
        .count();
    let added = now.keys().filter(|id| !then.contains_key(id)).count();
    changed.saturating_add(added)
}

/// R-QA-04: this month's report is not issued yet and the 15th has come.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReportWarning {
    pub month: NaiveDate,
    /// The last day it is on time: the 21st.
    pub deadline: NaiveDate,
    /// The 22nd or later.
    pub overdue: bool,
}

/// R-QA-04: the warning for `viewer` (an inspector, team leader or
/// director) at `now`; none before the 15th, once issued, or in the month
/// the organisation was created in.
pub fn report_warning(model: &Model, viewer: &Staff, now: DateTime<Utc>) -> Option<ReportWarning> {
    if !reports(viewer) {
        return None;
    }
    let today = model.zone().local_date(now);
    let (first, _) = month_of(today);
    if today.day() < WARN_FROM_DAY || model.org_since().is_some_and(|since| first < since) {
        return None;
    }
    if model.qa.reports.contains_key(&report_id(today)) {
        return None;
    }
    let deadline = first.plus(Duration::days(i64::from(DUE_BEFORE_DAY) - 2));
    Some(ReportWarning {
        month: first,
        deadline,
        overdue: today > deadline,
    })
}
