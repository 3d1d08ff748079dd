//! R-REP-03 for the weekly and monthly report: the records behind a row.
//! Each list is taken from the same selection the row's figures count
//! (`workload::behind_between`, `complaint::received_between`,
//! `visits::due_between`, `qa::review::reviews_between`), so a row that
//! says 7 lists 7 records. Standards and attendance rows are not records
//! of their own: their pages hold the detail (the standards page lists the
//! cases that missed; attendance lists each shift).

use super::period::{Label, Part};
use super::workload::{behind_between, Behind, Cell, Who};
use crate::domain::complaint::received_between;
use crate::domain::model::Model;
use crate::domain::qa::review::reviews_between;
use crate::domain::standards::Period;
use crate::domain::visits::{due_between, on_time, VisitStatus};
use chrono::{DateTime, Utc};

/// Whether the rows of `part` list records of their own.
pub fn lists_records(part: Part) -> bool {
    !matches!(part, Part::Standards | Part::Attendance)
}

/// The records behind the row `label` of part `part` of the report of
/// period `p`, in the order they happened; None for a row that lists no
/// records of its own (a standard, a person's attendance).
pub fn period_behind(
    model: &Model,
    p: Period,
    now: DateTime<Utc>,
    part: Part,
    label: &Label,
) -> Option<Vec<Behind>> {
    if !lists_records(part) {
        return None;
    }
    match part {
        Part::Workload => {
            let who = match label {
                Label::Person(x) => Who::Person(*x),
                Label::Team(t) => Who::Team(t.clone()),
                Label::Total => Who::Everyone,
                _ => return None,
            };
            // The contacts, then each return visit called (the row's
            // "calls" count every call; a visit called twice is listed once).
            let mut v = behind_between(model, p.first, p.last, now, &who, Cell::All);
            v.extend(behind_between(
                model,
                p.first,
                p.last,
                now,
                &who,
                Cell::VisitCalls,
            ));
            Some(v)
        }
        Part::Complaints => {
            let views = received_between(model, p.first, p.last, model.zone());
            let keep = |v: &crate::domain::complaint::ComplaintView| match label {
                Label::Received => true,
                Label::Founded => v.founded() == Some(true),
                Label::Unfounded => v.founded() == Some(false),
                Label::Pending => v.founded().is_none(),
                Label::Closed => v.closed,
                Label::Cause(c) => v
                    .investigation
                    .as_ref()
                    .is_some_and(|i| i.value.cause == *c),
                _ => false,
            };
            Some(
                views
                    .iter()
                    .filter(|v| keep(v))
                    .map(|v| Behind::Complaint(v.complaint.id))
                    .collect(),
            )
        }
        Part::Visits => {
            let zone = model.zone();
            let keep = |v: &crate::domain::visits::ReturnVisit| match label {
                Label::Due => true,
                Label::Done => v.status == VisitStatus::Done,
                Label::OnTime => v.status == VisitStatus::Done && on_time(model, v, zone),
                Label::Outcome(o) => v.outcome == Some(*o),
                _ => false,
            };
            Some(
                due_between(model, p.first, p.last)
                    .into_iter()
                    .filter(|v| keep(v))
                    .map(|v| Behind::Visit(v.id))
                    .collect(),
            )
        }
        Part::Quality => {
            let keep = |agent| match label {
                Label::Person(x) => *x == agent,
                Label::Total => true,
                _ => false,
            };
            Some(
                reviews_between(model, p.first, p.last)
                    .into_iter()
                    .filter(|r| keep(r.agent))
                    .map(|r| Behind::Review(r.id))
                    .collect(),
            )
        }
        Part::Standards | Part::Attendance => None,
    }
}
