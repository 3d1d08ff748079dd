//! Benchmark data for service standards (R-STD-02): a year of a branch,
//! made directly as records into a model (it measures the computation, not
//! the rules): four departments with a standard for every metric, 100,000
//! contacts of which some are forwarded (and some forwarded on), 2,000
//! complaints through their stages, 10,000 return visits.

use super::sim::Rng;
use crate::domain::base::dates::Shift;
use crate::domain::base::record::{Audit, Record};
use crate::domain::complaint::{
    Cause, Complaint, ComplaintEvent, Evaluation, EventData, Implementation, Investigation,
    Judgement, Plan, Severity,
};
use crate::domain::contact::{Channel, Contact, ContactStatus, ForwardStep};
use crate::domain::model::Model;
use crate::domain::standards::{Department, Metric, PeriodKind, Standard};
use crate::domain::visits::{ReturnVisit, VisitOutcome, VisitReason, VisitStatus};
use crate::sync::RecordId;
use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};

/// The departments of the year, as contacts and complaints write them
/// (one spelled two ways, adopted as one department).
const DEPARTMENTS: [&str; 4] = ["Almacén", "Reparto", "Servicio técnico", "Facturación"];

/// How many of each record a year of a branch has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct YearSize {
    pub contacts: usize,
    pub complaints: usize,
    pub visits: usize,
}

/// The year: 100,000 contacts, 2,000 complaints, 10,000 visits.
pub const BRANCH_YEAR: YearSize = YearSize {
    contacts: 100_000,
    complaints: 2_000,
    visits: 10_000,
};

fn event(
    model: &mut Model,
    rng: &mut Rng,
    complaint: RecordId,
    data: EventData,
    at: DateTime<Utc>,
    me: RecordId,
) -> RecordId {
    let e = ComplaintEvent::new(rng.id(), complaint, data, me, at);
    let json = serde_json::to_value(&e).unwrap_or_default();
    model.refresh(ComplaintEvent::KIND, e.id, Some(&json));
    e.id
}

fn minutes(rng: &mut Rng, lo: i64, hi: i64) -> Duration {
    Duration::minutes(rng.range(lo, hi))
}

/// A model holding a year of a branch of `size`, ending at `now`.
pub fn branch_year(seed: u64, size: YearSize, now: DateTime<Utc>, me: RecordId) -> Model {
    let mut rng = Rng(seed);
    let mut m = Model::default();
    let year_ago = now.minus(Duration::days(365));
    let first = year_ago.date_naive();
    let from = NaiveDate::from_ymd_opt(first.year(), first.month(), 1).unwrap_or(first);
    let mut depts = Vec::new();
    for name in DEPARTMENTS {
        let d = Department {
            id: rng.id(),
            name: name.to_string(),
            aliases: vec![name.to_lowercase()],
            active: true,
            audit: Audit::new(me, year_ago),
        };
        for (metric, threshold, target) in [
            (Metric::FirstResponse, 240, 90),
            (Metric::Resolution, 3 * 24 * 60, 80),
            (Metric::ReturnVisitRate, 900, 0),
            (Metric::SatisfactionRate, 800, 0),
            (Metric::ComplaintRate, 10, 0),
        ] {
            let s = Standard {
                id: rng.id(),
                department: d.id,
                metric,
                threshold,
                target,
                period: PeriodKind::Month,
                from,
                active: true,
                audit: Audit::new(me, year_ago),
            };
            m.standards.standards.insert(s.id, s);
        }
        depts.push(d.id);
        m.standards.departments.insert(d.id, d);
    }
    let span = 365 * 24 * 60;
    for _ in 0..size.contacts {
        let received = now.minus(minutes(&mut rng, 10, span));
        let mut c = Contact {
            id: rng.id(),
            channel: *rng.pick(Channel::ALL),
            summary: "Consulta".into(),
            owner: me,
            received_at: received,
            first_response_at: Some(received.plus(minutes(&mut rng, 0, 6))),
            audit: Audit::new(me, received),
            ..Contact::default()
        };
        let mut at = received;
        let hops = if rng.chance(30) {
            1 + usize::from(rng.chance(20))
        } else {
            0
        };
        for _ in 0..hops {
            at = at.plus(minutes(&mut rng, 5, 120));
            let d = *rng.pick(&DEPARTMENTS);
            let to = if rng.chance(50) {
                d.to_string()
            } else {
                d.to_lowercase()
            };
            let responded = rng.chance(60).then(|| at.plus(minutes(&mut rng, 10, 600)));
            c.forwarded.push(ForwardStep {
                to_department: Some(to),
                note: "Revisión".into(),
                by: me,
                at,
                responded_at: responded,
                ..ForwardStep::default()
            });
        }
        let done = at.plus(minutes(&mut rng, 30, 6 * 24 * 60));
        if done < now {
            c.status = ContactStatus::Done;
            c.done_at = Some(done);
            c.resolution = "Resuelto".into();
        } else if hops > 0 {
            c.status = ContactStatus::Forwarded;
        }
        m.contacts.insert(c.id, c);
    }
    let mut closed = Vec::new();
    for _ in 0..size.complaints {
        let received = now.minus(minutes(&mut rng, 60, span));
        let c = Complaint {
            id: rng.id(),
            received_at: received,
            content: "Queja".into(),
            owner: me,
            audit: Audit::new(me, received),
            ..Complaint::default()
        };
        let id = c.id;
        m.complaints.insert(id, c);
        let founded = rng.chance(80);
        let mut at = received.plus(minutes(&mut rng, 30, 24 * 60));
        let judged = EventData::Judged(Judgement {
            founded,
            department: rng.pick(&DEPARTMENTS).to_string(),
            severity: *rng.pick(Severity::ALL),
            deadline: Some(at.date_naive().plus(Duration::days(5))),
            utc_offset_minutes: 60,
        });
        event(&mut m, &mut rng, id, judged, at, me);
        if !founded {
            let reply = EventData::ReplyRecorded {
                reply: "Respuesta".into(),
            };
            event(&mut m, &mut rng, id, reply, at.plus(Duration::hours(2)), me);
            continue;
        }
        let close_after = at.plus(minutes(&mut rng, 24 * 60, 12 * 24 * 60));
        if close_after >= now {
            continue;
        }
        let steps = [
            EventData::Investigated(Investigation {
                cause: *rng.pick(Cause::ALL),
                ..Investigation::default()
            }),
            EventData::PlanProposed(Plan {
                proposal: "Reponer".into(),
            }),
        ];
        let mut plan = RecordId::default();
        for s in steps {
            at = at.plus(Duration::hours(4));
            plan = event(&mut m, &mut rng, id, s, at, me);
        }
        for s in [
            EventData::PlanChosen { plan },
            EventData::Implemented(Implementation {
                done: "Hecho".into(),
                ..Implementation::default()
            }),
        ] {
            at = at.plus(Duration::hours(4));
            event(&mut m, &mut rng, id, s, at, me);
        }
        let evaluated = EventData::Evaluated(Evaluation::default());
        event(&mut m, &mut rng, id, evaluated, close_after.max(at), me);
        closed.push((id, close_after.max(at)));
    }
    for i in 0..size.visits {
        let follow = closed.get(i).copied();
        let due = follow.map_or_else(
            || now.minus(minutes(&mut rng, 0, span)).date_naive(),
            |(_, t)| t.date_naive().plus(Duration::days(1)),
        );
        let done_at = due.and_hms_opt(11, 0, 0).map(|t| t.and_utc());
        let done = done_at.is_some_and(|t| t < now) && rng.chance(85);
        let v = ReturnVisit {
            id: rng.id(),
            customer: rng.id(),
            reason: if follow.is_some() {
                VisitReason::ComplaintClosed
            } else {
                VisitReason::Member
            },
            due,
            complaint: follow.map(|(c, _)| c),
            status: if done {
                VisitStatus::Done
            } else {
                VisitStatus::Open
            },
            outcome: done.then(|| *rng.pick(VisitOutcome::ALL)),
            completed_at: if done { done_at } else { None },
            audit: Audit::new(me, now),
            ..ReturnVisit::default()
        };
        m.visits.insert(v.id, v);
    }
    m
}
