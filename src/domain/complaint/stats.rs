//! R-CMP-05: the complaint classification statistics for any period, as
//! plain numbers the UI shows as a table and a chart.

use super::{all_views, local_day, Cause, ComplaintView, Severity, Stage};
use crate::domain::base::order;
use crate::domain::base::zone::Zone;
use crate::domain::model::Model;
use chrono::{Duration, NaiveDate};

/// Time spent in one stage: from the previous stage's completion to its own.
#[derive(Debug, Clone, PartialEq)]
pub struct StageTime {
    /// The stage reached (Judged is the time from acceptance to judging).
    pub stage: Stage,
    /// How many complaints reached it.
    pub count: usize,
    /// None when none did.
    pub mean: Option<Duration>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct ComplaintStats {
    pub total: usize,
    pub founded: usize,
    pub unfounded: usize,
    /// Not judged yet.
    pub pending: usize,
    pub closed: usize,
    /// Every cause, zero included, in `Cause::ALL` order.
    pub by_cause: Vec<(Cause, usize)>,
    /// Departments as written, most complaints first.
    pub by_department: Vec<(String, usize)>,
    /// Every severity, zero included (founded complaints only).
    pub by_severity: Vec<(Severity, usize)>,
    /// Judged..Evaluated.
    pub stage_times: Vec<StageTime>,
}

/// The complaints received on the local days `from..=to`, oldest first:
/// what the statistics count and what a report lists behind them.
pub fn received_between(
    model: &Model,
    from: NaiveDate,
    to: NaiveDate,
    zone: Zone,
) -> Vec<ComplaintView> {
    let mut views: Vec<ComplaintView> = all_views(model)
        .into_iter()
        .filter(|v| (from..=to).contains(&local_day(v.complaint.received_at, zone)))
        .collect();
    order::sort_by_key(&mut views, |v| (v.complaint.received_at, v.complaint.id));
    views
}

/// Complaints received between `from` and `to` (local days, both included).
pub fn statistics(model: &Model, from: NaiveDate, to: NaiveDate, zone: Zone) -> ComplaintStats {
    let views = received_between(model, from, to, zone);
    let mut s = ComplaintStats {
        total: views.len(),
        by_cause: Cause::ALL.iter().map(|c| (*c, 0)).collect(),
        by_severity: Severity::ALL.iter().map(|c| (*c, 0)).collect(),
        ..ComplaintStats::default()
    };
    let mut sums = vec![(Duration::zero(), 0usize); Stage::ALL.len()];
    for v in &views {
        match v.founded() {
            Some(true) => s.founded += 1,
            Some(false) => s.unfounded += 1,
            None => s.pending += 1,
        }
        s.closed += usize::from(v.closed);
        if let Some(i) = &v.investigation {
            if let Some(slot) = s.by_cause.iter_mut().find(|(c, _)| *c == i.value.cause) {
                slot.1 += 1;
            }
        }
        if let Some(sev) = v.severity() {
            if let Some(slot) = s.by_severity.iter_mut().find(|(c, _)| *c == sev) {
                slot.1 += 1;
            }
        }
        if let Some(j) = v.judgement.as_ref().filter(|j| j.value.founded) {
            let name = j.value.department.trim();
            match s.by_department.iter_mut().find(|(d, _)| d == name) {
                Some(slot) => slot.1 += 1,
                None => s.by_department.push((name.to_string(), 1)),
            }
        }
        for (k, sum) in sums.iter_mut().enumerate().skip(1) {
            if let (Some(a), Some(b)) = (v.completed_at[k - 1], v.completed_at[k]) {
                // A span too long to add up (dates from an older version) is left out.
                if let Some(total) = (b >= a).then(|| sum.0.checked_add(&(b - a))).flatten() {
                    sum.0 = total;
                    sum.1 += 1;
                }
            }
        }
    }
    order::sort_by(&mut s.by_department, |a, b| {
        b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0))
    });
    s.stage_times = Stage::ALL[1..]
        .iter()
        .map(|stage| {
            let (sum, count) = sums[stage.index()];
            StageTime {
                stage: *stage,
                count,
                mean: i32::try_from(count).ok().and_then(|n| sum.checked_div(n)),
            }
        })
        .collect();
    s
}
