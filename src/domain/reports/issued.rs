//! R-REP-02: issuing a weekly or monthly report freezes it. The issued
//! record keeps the report's figures as they were (its sections, in codes,
//! never words, so either language reads them) and, for each local day of
//! the period and each kind of record the report counts, how many there
//! were and a digest of their ids and last changes. A late sync from
//! another device changes what the records say, never the issued figures:
//! the report says how many records of its period changed since, and a
//! director may issue it again.
//!
//! Why digests per day and kind, not a mark per record: a month of a busy
//! branch has ~10,000 contacts, more than a stored value may hold (128 KB,
//! 1,000 items); a day's digest tells a change apart from no change, and
//! the count difference (at least one) says how many.

use super::period::{period_report, Col, Figure, Label, Part, Row, Section};
use super::records::{DayMark, FrozenPart, FrozenRow, IssuedReport};
use crate::domain::base::order;
use crate::domain::base::record::{Audit, Record};
use crate::domain::base::zone::derived_id;
use crate::domain::complaint::Cause;
use crate::domain::error::RuleError;
use crate::domain::model::Model;
use crate::domain::staff::{require, Action, Staff};
use crate::domain::standards::{Light, Metric, Period};
use crate::domain::visits::VisitOutcome;
use crate::sync::RecordId;
use chrono::{DateTime, NaiveDate, Utc};
use std::collections::BTreeMap;

/// The most parts, rows per part and figures per row an issued report
/// keeps (a department of up to 200 people fits).
pub const MAX_ROWS: usize = 400;

/// The id of the issued report of period `p`.
pub fn issue_id(p: Period) -> RecordId {
    derived_id(
        IssuedReport::KIND,
        &[],
        &format!("{}:{}", p.kind.code(), p.first),
    )
}

/// Who may issue: a department director or higher.
pub fn may_issue(actor: &Staff) -> bool {
    require(actor, Action::IssueReports).is_ok()
}

// ------------------------------------------------------------ codes

fn part_code(p: Part) -> &'static str {
    match p {
        Part::Workload => "workload",
        Part::Complaints => "complaints",
        Part::Visits => "visits",
        Part::Quality => "quality",
        Part::Standards => "standards",
        Part::Attendance => "attendance",
    }
}

const PARTS: [Part; 6] = [
    Part::Workload,
    Part::Complaints,
    Part::Visits,
    Part::Quality,
    Part::Standards,
    Part::Attendance,
];

const COLS: [(Col, &str); 20] = [
    (Col::Contacts, "contacts"),
    (Col::Outbound, "outbound"),
    (Col::VisitCalls, "visit_calls"),
    (Col::Met, "met"),
    (Col::Late, "late"),
    (Col::MetRate, "met_rate"),
    (Col::Count, "count"),
    (Col::ShareOfDue, "share_of_due"),
    (Col::Reviews, "reviews"),
    (Col::Average, "average"),
    (Col::StandardPeriod, "standard_period"),
    (Col::Value, "value"),
    (Col::Goal, "goal"),
    (Col::Light, "light"),
    (Col::Shifts, "shifts"),
    (Col::LateArrivals, "late_arrivals"),
    (Col::LeftEarly, "left_early"),
    (Col::Absent, "absent"),
    (Col::Worked, "worked"),
    (Col::Scheduled, "scheduled"),
];

fn col_code(c: Col) -> &'static str {
    COLS.iter()
        .find(|(x, _)| *x == c)
        .map_or("", |(_, code)| code)
}

fn col_of(code: &str) -> Option<Col> {
    COLS.iter().find(|(_, x)| *x == code).map(|(c, _)| *c)
}

fn label_code(l: &Label) -> String {
    match l {
        Label::Person(id) => format!("person:{id}"),
        Label::Team(name) => format!("team:{name}"),
        Label::Total => "total".into(),
        Label::Received => "received".into(),
        Label::Founded => "founded".into(),
        Label::Unfounded => "unfounded".into(),
        Label::Pending => "pending".into(),
        Label::Closed => "closed".into(),
        Label::Cause(c) => format!("cause:{}", c.code()),
        Label::Due => "due".into(),
        Label::Done => "done".into(),
        Label::OnTime => "on_time".into(),
        Label::Outcome(o) => format!("outcome:{}", o.code()),
        Label::Standard { department, metric } => {
            format!("standard:{department}:{}", metric.code())
        }
    }
}

fn label_of(code: &str) -> Option<Label> {
    let (head, rest) = code.split_once(':').unwrap_or((code, ""));
    Some(match head {
        "person" => Label::Person(rest.parse().ok()?),
        "team" => Label::Team(rest.to_string()),
        "total" => Label::Total,
        "received" => Label::Received,
        "founded" => Label::Founded,
        "unfounded" => Label::Unfounded,
        "pending" => Label::Pending,
        "closed" => Label::Closed,
        "cause" => Label::Cause(Cause::from_code(rest)?),
        "due" => Label::Due,
        "done" => Label::Done,
        "on_time" => Label::OnTime,
        "outcome" => Label::Outcome(VisitOutcome::from_code(rest)?),
        "standard" => {
            let (dept, metric) = rest.split_once(':')?;
            Label::Standard {
                department: dept.parse().ok()?,
                metric: Metric::from_code(metric)?,
            }
        }
        _ => return None,
    })
}

fn light_code(l: Light) -> &'static str {
    match l {
        Light::NoData => "none",
        Light::Met => "met",
        Light::Close => "close",
        Light::Missed => "missed",
    }
}

fn figure_code(f: Figure) -> String {
    match f {
        Figure::Count(n) => format!("c{n}"),
        Figure::Share(v) => format!("s{v}"),
        Figure::Per100(v) => format!("p{v}"),
        Figure::Minutes(m) => format!("m{m}"),
        Figure::Span(a, b) => format!("d{a}/{b}"),
        Figure::Light(l) => format!("l{}", light_code(l)),
        Figure::None => "-".into(),
    }
}

fn figure_of(code: &str) -> Option<Figure> {
    let rest = code.get(1..).unwrap_or("");
    Some(match code.chars().next()? {
        'c' => Figure::Count(rest.parse().ok()?),
        's' => Figure::Share(rest.parse().ok()?),
        'p' => Figure::Per100(rest.parse().ok()?),
        'm' => Figure::Minutes(rest.parse().ok()?),
        'd' => {
            let (a, b) = rest.split_once('/')?;
            Figure::Span(a.parse().ok()?, b.parse().ok()?)
        }
        'l' => Figure::Light(
            [Light::NoData, Light::Met, Light::Close, Light::Missed]
                .into_iter()
                .find(|l| light_code(*l) == rest)?,
        ),
        '-' if rest.is_empty() => Figure::None,
        _ => return None,
    })
}

fn freeze(s: &Section) -> FrozenPart {
    FrozenPart {
        part: part_code(s.part).into(),
        columns: s.columns.iter().map(|c| col_code(*c).to_string()).collect(),
        rows: s
            .rows
            .iter()
            .map(|r| FrozenRow {
                label: label_code(&r.label),
                figures: r.figures.iter().map(|f| figure_code(*f)).collect(),
            })
            .collect(),
    }
}

/// An issued part read back; None when anything in it is not one of this
/// version's codes or a row's figures do not match its columns (a stored
/// or received record is untrusted: the page then says it cannot show it).
pub fn thaw(p: &FrozenPart) -> Option<Section> {
    let part = PARTS.into_iter().find(|x| part_code(*x) == p.part)?;
    if p.rows.len() > MAX_ROWS || p.columns.len() > COLS.len() {
        return None;
    }
    let columns = p
        .columns
        .iter()
        .map(|c| col_of(c))
        .collect::<Option<Vec<_>>>()?;
    let rows = p
        .rows
        .iter()
        .map(|r| {
            if r.figures.len() != columns.len() {
                return None;
            }
            Some(Row {
                label: label_of(&r.label)?,
                figures: r
                    .figures
                    .iter()
                    .map(|f| figure_of(f))
                    .collect::<Option<_>>()?,
            })
        })
        .collect::<Option<Vec<_>>>()?;
    Some(Section {
        part,
        columns,
        rows,
    })
}

// ------------------------------------------------------------ marks

/// FNV-1a over the bytes, a digest that is the same on every device.
fn fnv(acc: u64, bytes: &[u8]) -> u64 {
    bytes.iter().fold(acc, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    })
}

#[derive(Default)]
struct Bucket {
    count: u32,
    /// Each record's digest, added (order does not matter).
    sum: u64,
}

/// Per (day, kind): the records of period `p` the report counts.
fn buckets(model: &Model, p: Period) -> BTreeMap<(NaiveDate, &'static str), Bucket> {
    let zone = model.zone();
    let mut out: BTreeMap<(NaiveDate, &'static str), Bucket> = BTreeMap::new();
    let mut note = |day: NaiveDate, kind: &'static str, id: RecordId, changed: DateTime<Utc>| {
        if !p.contains(day) {
            return;
        }
        let h = fnv(0xcbf2_9ce4_8422_2325, &id.0.to_le_bytes());
        let h = fnv(h, &changed.timestamp_millis().to_le_bytes());
        let b = out.entry((day, kind)).or_default();
        b.count = b.count.saturating_add(1);
        b.sum = b.sum.wrapping_add(h);
    };
    for c in model.contacts.values() {
        note(
            zone.local_date(c.received_at),
            "contact",
            c.id,
            c.audit.changed_at,
        );
    }
    for a in model.rv.attempts.values() {
        note(
            zone.local_date(a.at),
            "visit_attempt",
            a.id,
            a.audit.changed_at,
        );
    }
    for c in model.complaints.values() {
        note(
            zone.local_date(c.received_at),
            "complaint",
            c.id,
            c.audit.changed_at,
        );
    }
    for e in model.complaint_events.values() {
        let day = model
            .complaints
            .get(&e.complaint)
            .map(|c| zone.local_date(c.received_at));
        if let Some(day) = day {
            note(day, "complaint_event", e.id, e.audit.changed_at);
        }
    }
    for v in model.visits.values() {
        note(v.due, "visit", v.id, v.audit.changed_at);
    }
    for r in model.qa.reviews.values() {
        note(r.date, "qa_review", r.id, r.audit.changed_at);
    }
    for a in model.dept.attendance.values() {
        if let Some(at) = a.arrived_at {
            note(zone.local_date(at), "attendance", a.id, a.audit.changed_at);
        }
    }
    out
}

fn marks(model: &Model, p: Period) -> Vec<DayMark> {
    buckets(model, p)
        .into_iter()
        .map(|((day, kind), b)| DayMark {
            day,
            kind: kind.to_string(),
            count: b.count,
            digest: format!("{:016x}", b.sum),
        })
        .collect()
}

// ------------------------------------------------------------ operations

/// R-REP-02: issues the report of period `p` (again, when it was issued
/// before), freezing its figures. Not before the period has begun.
pub fn issue(
    model: &Model,
    actor: &Staff,
    p: Period,
    now: DateTime<Utc>,
) -> Result<IssuedReport, RuleError> {
    require(actor, Action::IssueReports)?;
    if p.first > model.zone().local_date(now) {
        return Err(RuleError::InvalidDate {
            field: "report_period",
        });
    }
    let report = period_report(model, p, now);
    let parts: Vec<FrozenPart> = report.sections.iter().map(freeze).collect();
    if parts.iter().any(|x| x.rows.len() > MAX_ROWS) {
        return Err(RuleError::OutOfRange {
            field: "report_rows",
        });
    }
    let id = issue_id(p);
    let audit = match model.reports.get(&id) {
        Some(old) => {
            let mut a = old.audit.clone();
            a.touch(actor.id, now);
            a
        }
        None => Audit::new(actor.id, now),
    };
    Ok(IssuedReport {
        id,
        span: p.kind,
        first: p.first,
        last: p.last,
        issued_by: actor.id,
        issued_at: now,
        parts,
        marks: marks(model, p),
        audit,
    })
}

/// How many records of the report's period changed since it was issued:
/// per day and kind whose digest differs, the difference in number (at
/// least one). A lower bound: two changes in one day's contacts that keep
/// their number count as one.
pub fn changes_since(model: &Model, r: &IssuedReport) -> usize {
    let p = Period {
        kind: r.span,
        first: r.first,
        last: r.last.max(r.first),
    };
    let now: BTreeMap<(NaiveDate, String), (u32, String)> = marks(model, p)
        .into_iter()
        .map(|m| ((m.day, m.kind), (m.count, m.digest)))
        .collect();
    let then: BTreeMap<(NaiveDate, String), (u32, String)> = r
        .marks
        .iter()
        .map(|m| ((m.day, m.kind.clone()), (m.count, m.digest.clone())))
        .collect();
    let mut keys: Vec<&(NaiveDate, String)> = now.keys().chain(then.keys()).collect();
    order::sort(&mut keys);
    keys.dedup();
    keys.into_iter()
        .map(|k| match (now.get(k), then.get(k)) {
            (Some(a), Some(b)) if a == b => 0,
            (Some((n, _)), Some((m, _))) => n.abs_diff(*m).max(1) as usize,
            (Some((n, _)), None) | (None, Some((n, _))) => (*n).max(1) as usize,
            (None, None) => 0,
        })
        .fold(0usize, usize::saturating_add)
}
