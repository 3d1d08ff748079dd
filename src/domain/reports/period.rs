//! R-REP-02: the weekly and the monthly report. For one week (Monday to
//! Sunday) or calendar month it gathers the workload (R-REP-01 added up
//! over the days), the complaint statistics (R-CMP-05), the return-visit
//! summary (R-RV-07), quality (R-QA-04's figures), standards compliance
//! (R-STD-02) and attendance (R-ATT-01/02).
//!
//! Each part is a `Section`: columns and rows of figures. The page shows
//! exactly that table, the CSV exports it cell for cell (R-REP-03) and an
//! issued report would freeze it, so the three cannot disagree. Labels and
//! headings are codes here; the UI puts them into words.

use super::workload::{workload_between, Counts};
use crate::domain::base::order;
use crate::domain::complaint::{statistics, Cause};
use crate::domain::dept::attendance::{shift_violation, worked_minutes, Violation};
use crate::domain::dept::shifts::shifts_of;
use crate::domain::model::Model;
use crate::domain::qa::report::average_total;
use crate::domain::qa::review::reviews_between;
use crate::domain::qa::summary::lines;
use crate::domain::staff::{Role, Staff};
use crate::domain::standards::{self, Light, Metric, Period, PeriodKind};
use crate::domain::visits::{summary, VisitOutcome};
use crate::sync::RecordId;
use chrono::{DateTime, Duration, NaiveDate, Utc};

/// The parts of the report, in the order shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Workload,
    Complaints,
    Visits,
    Quality,
    Standards,
    Attendance,
}

/// A column's heading.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Col {
    Contacts,
    Outbound,
    VisitCalls,
    Met,
    Late,
    MetRate,
    Count,
    /// A share of the "due" row (return visits).
    ShareOfDue,
    Reviews,
    Average,
    /// A standard's period, its figure, its goal and its light.
    StandardPeriod,
    Value,
    Goal,
    Light,
    Shifts,
    LateArrivals,
    LeftEarly,
    Absent,
    Worked,
    Scheduled,
}

/// A row's label.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Label {
    /// A person by id (the UI names them; an id no longer on the staff
    /// list reads "someone no longer on the staff list").
    Person(RecordId),
    /// A team by name (empty: people with no team).
    Team(String),
    Total,
    Received,
    Founded,
    Unfounded,
    Pending,
    Closed,
    Cause(Cause),
    Due,
    Done,
    OnTime,
    Outcome(VisitOutcome),
    Standard {
        department: RecordId,
        metric: Metric,
    },
}

/// One figure, typed so the page and the CSV write it the same way.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Figure {
    Count(u64),
    /// Tenths of a percent.
    Share(u32),
    /// Tenths per 100 (complaints per 100 contacts).
    Per100(u32),
    Minutes(u64),
    /// A standard's period.
    Span(NaiveDate, NaiveDate),
    Light(Light),
    /// Nothing to measure (a rate without a denominator).
    None,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub label: Label,
    pub figures: Vec<Figure>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    pub part: Part,
    pub columns: Vec<Col>,
    /// Empty: nothing happened in the period for this part.
    pub rows: Vec<Row>,
}

/// The whole report of one period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PeriodReport {
    pub period: Period,
    pub sections: Vec<Section>,
}

/// Who may read the weekly and monthly reports: team leaders and above,
/// and quality inspectors.
pub fn may_read(viewer: &Staff) -> bool {
    viewer.active
        && (viewer.role.rank() >= Role::TeamLeader.rank() || viewer.role == Role::QualityInspector)
}

/// The week or month holding `day`.
pub fn period_of(kind: PeriodKind, day: NaiveDate) -> Period {
    Period::of(kind, day)
}

/// The period after `p` (itself at the calendar's end).
pub fn next(p: Period) -> Period {
    match p.last.succ_opt() {
        Some(day) => Period::of(p.kind, day),
        None => p,
    }
}

fn count(n: impl TryInto<u64>) -> Figure {
    Figure::Count(n.try_into().unwrap_or(u64::MAX))
}

fn share(part: usize, of: usize) -> Figure {
    match standards::tenths(part as u64, of as u64) {
        Some(t) => Figure::Share(t),
        None => Figure::None,
    }
}

fn workload_rows(counts: &Counts, label: Label) -> Row {
    Row {
        label,
        figures: vec![
            count(counts.contacts),
            count(counts.outbound),
            count(counts.visit_calls),
            count(counts.met),
            count(counts.late),
            counts.met_tenths().map_or(Figure::None, Figure::Share),
        ],
    }
}

fn workload_section(model: &Model, p: Period, now: DateTime<Utc>) -> Section {
    let w = workload_between(model, p.first, p.last, now);
    let mut rows: Vec<Row> = Vec::new();
    if !w.people.is_empty() {
        rows.extend(
            w.people
                .iter()
                .map(|l| workload_rows(&l.counts, Label::Person(l.person))),
        );
        rows.extend(
            w.teams
                .iter()
                .map(|(t, c)| workload_rows(c, Label::Team(t.clone()))),
        );
        rows.push(workload_rows(&w.total, Label::Total));
    }
    Section {
        part: Part::Workload,
        columns: vec![
            Col::Contacts,
            Col::Outbound,
            Col::VisitCalls,
            Col::Met,
            Col::Late,
            Col::MetRate,
        ],
        rows,
    }
}

fn complaints_section(model: &Model, p: Period) -> Section {
    let s = statistics(model, p.first, p.last, model.zone());
    let mut rows = Vec::new();
    if s.total > 0 {
        let one = |label, n: usize| Row {
            label,
            figures: vec![count(n)],
        };
        rows.push(one(Label::Received, s.total));
        rows.push(one(Label::Founded, s.founded));
        rows.push(one(Label::Unfounded, s.unfounded));
        rows.push(one(Label::Pending, s.pending));
        rows.push(one(Label::Closed, s.closed));
        rows.extend(s.by_cause.iter().map(|(c, n)| one(Label::Cause(*c), *n)));
    }
    Section {
        part: Part::Complaints,
        columns: vec![Col::Count],
        rows,
    }
}

fn visits_section(model: &Model, p: Period) -> Section {
    let mut rows = Vec::new();
    // A period the visits' summary refuses (too long) shows nothing.
    if let Some(s) = summary(model, p.first, p.last, model.zone())
        .ok()
        .filter(|s| s.due > 0)
    {
        let row = |label, n: usize| Row {
            label,
            figures: vec![count(n), share(n, s.due)],
        };
        rows.push(Row {
            label: Label::Due,
            figures: vec![count(s.due), Figure::None],
        });
        rows.push(row(Label::Done, s.done));
        rows.push(row(Label::OnTime, s.on_time));
        rows.extend(s.outcomes.iter().map(|(o, n)| row(Label::Outcome(*o), *n)));
    }
    Section {
        part: Part::Visits,
        columns: vec![Col::Count, Col::ShareOfDue],
        rows,
    }
}

fn quality_section(model: &Model, p: Period) -> Section {
    let reviews = reviews_between(model, p.first, p.last);
    let mut rows = Vec::new();
    if !reviews.is_empty() {
        let (agents, _) = lines(model, &reviews);
        // The same overall figure as the monthly quality report's.
        let all = average_total(model, &reviews);
        rows.extend(agents.iter().map(|a| Row {
            label: Label::Person(a.agent),
            figures: vec![
                count(a.reviews),
                a.average.map_or(Figure::None, Figure::Share),
            ],
        }));
        rows.push(Row {
            label: Label::Total,
            figures: vec![
                count(reviews.len()),
                all.map_or(Figure::None, Figure::Share),
            ],
        });
    }
    Section {
        part: Part::Quality,
        columns: vec![Col::Reviews, Col::Average],
        rows,
    }
}

fn standards_section(model: &Model, p: Period, now: DateTime<Utc>) -> Section {
    // Each standard is judged over its own week or month: the one holding
    // the report's last day, or today while the report's period runs.
    let day = p.last.min(model.zone().local_date(now));
    let facts = standards::gather(model, now);
    let rows = standards::standing_from(model, &facts, day)
        .into_iter()
        .flat_map(|s| s.lines)
        .map(|c| {
            let value = match (c.value, c.metric) {
                (None, _) => Figure::None,
                (Some(v), Metric::ComplaintRate) => Figure::Per100(v),
                (Some(v), _) => Figure::Share(v),
            };
            let goal = match c.metric {
                Metric::ComplaintRate => Figure::Per100(c.goal),
                _ => Figure::Share(c.goal),
            };
            Row {
                label: Label::Standard {
                    department: c.department,
                    metric: c.metric,
                },
                figures: vec![
                    Figure::Span(c.period.first, c.period.last),
                    value,
                    goal,
                    Figure::Light(c.light),
                ],
            }
        })
        .collect();
    Section {
        part: Part::Standards,
        columns: vec![Col::StandardPeriod, Col::Value, Col::Goal, Col::Light],
        rows,
    }
}

fn attendance_section(model: &Model, p: Period, now: DateTime<Utc>) -> Section {
    // Shifts before the organisation existed are not judged.
    let from = model
        .org_since()
        .map_or(p.first, |since| p.first.max(since));
    let mut people: Vec<&Staff> = model.active_staff().collect();
    order::sort_by(&mut people, |a, b| {
        a.name.cmp(&b.name).then(a.id.cmp(&b.id))
    });
    let mut rows = Vec::new();
    for person in people {
        let shifts = if from <= p.last {
            shifts_of(model, person.id, from, p.last)
        } else {
            Vec::new()
        };
        if shifts.is_empty() {
            continue;
        }
        let (mut late, mut early, mut absent) = (0usize, 0usize, 0usize);
        let (mut worked, mut scheduled) = (0u64, 0u64);
        for v in &shifts {
            match shift_violation(model, v, now) {
                Some(Violation::Late(_)) => late += 1,
                Some(Violation::LeftEarly(_)) => early += 1,
                Some(Violation::Absent) => absent += 1,
                None => {}
            }
            let minutes = |d: Duration| u64::try_from(d.num_minutes()).unwrap_or(0);
            scheduled = scheduled.saturating_add(minutes(v.end - v.start));
            let clocked = worked_minutes(model, v).unwrap_or(0);
            worked = worked.saturating_add(u64::try_from(clocked).unwrap_or(0));
        }
        rows.push(Row {
            label: Label::Person(person.id),
            figures: vec![
                count(shifts.len()),
                count(late),
                count(early),
                count(absent),
                Figure::Minutes(worked),
                Figure::Minutes(scheduled),
            ],
        });
    }
    Section {
        part: Part::Attendance,
        columns: vec![
            Col::Shifts,
            Col::LateArrivals,
            Col::LeftEarly,
            Col::Absent,
            Col::Worked,
            Col::Scheduled,
        ],
        rows,
    }
}

/// R-REP-02: the report of period `p`, every part computed from the
/// records; `now` decides what is late or missed yet.
pub fn period_report(model: &Model, p: Period, now: DateTime<Utc>) -> PeriodReport {
    // A period in the future has nothing yet; never walk past the calendar.
    let p = Period {
        last: p.last.max(p.first),
        ..p
    };
    PeriodReport {
        period: p,
        sections: vec![
            workload_section(model, p, now),
            complaints_section(model, p),
            visits_section(model, p),
            quality_section(model, p),
            standards_section(model, p, now),
            attendance_section(model, p, now),
        ],
    }
}
