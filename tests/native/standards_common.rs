//! Fixtures for the service-standards tests: the department of
//! `dept_common` (center director 1, leader 2, representatives 3 and 4,
//! department director 5) in Madrid time, departments kept by the
//! organisation, contacts forwarded to them, complaints judged against
//! them, and a device that saves through the sync layer as the store does.

use crate::common::*;
use crate::dept_common::*;
pub use crate::device_common::{refused, Device};
use chrono::{DateTime, Duration, NaiveDate, Utc};
use ventanilla::domain::complaint::{
    Complaint, ComplaintEvent, Evaluation, EventData, Implementation, Investigation, Judgement,
    Plan, Stage,
};
use ventanilla::domain::contact::{Contact, ContactStatus, ForwardStep};
use ventanilla::domain::standards::{self, act, Metric, PeriodKind, StandardDraft};
use ventanilla::domain::visits::{ReturnVisit, VisitOutcome, VisitStatus};
use ventanilla::domain::{Audit, Model};
use ventanilla::sync::RecordId;

pub const CENTER: u128 = 1;
pub const LEADER: u128 = 2;
pub const REP: u128 = 3;
pub const REP2: u128 = 4;
pub const DIRECTOR: u128 = 5;

/// A Madrid time in November 2026 (`now()` is the 22nd, 11:00 there).
pub fn nov(day: u32, h: u32, min: u32) -> DateTime<Utc> {
    madrid(2026, 11, day, h, min)
}

/// The organisation of `dept_common`, with no department yet.
pub fn std_world() -> Model {
    dept()
}

/// Device `n` of this organisation.
pub fn std_device(n: u64) -> Device {
    Device::on(n, std_world())
}

/// `name` added by the department director to `m`; its id.
pub fn add_dept(m: &mut Model, name: &str) -> RecordId {
    let boss = person(m, DIRECTOR);
    let writes = act::add_department(m, &boss, name, now()).expect("department added");
    let id = writes[0].id;
    keep(writes, m);
    id
}

/// Keeps an operation's writes in `m`, field by field, as a refresh does.
pub fn keep(writes: Vec<ventanilla::sync::Write>, m: &mut Model) {
    for w in writes {
        let mut fields = match (w.kind.as_str(), w.id) {
            (kind, id) if m.holds(kind, id) => current_fields(m, kind, id),
            _ => serde_json::Map::new(),
        };
        fields.insert(w.field.clone(), w.value.clone());
        m.refresh(&w.kind, w.id, Some(&serde_json::Value::Object(fields)));
    }
}

fn current_fields(
    m: &Model,
    kind: &str,
    id: RecordId,
) -> serde_json::Map<String, serde_json::Value> {
    let s = &m.standards;
    let v = match kind {
        "std_department" => serde_json::to_value(&s.departments[&id]),
        "std_standard" => serde_json::to_value(&s.standards[&id]),
        "std_audit" => serde_json::to_value(&s.audits[&id]),
        "std_finding" => serde_json::to_value(&s.findings[&id]),
        "std_action" => serde_json::to_value(&s.actions[&id]),
        "contact" => serde_json::to_value(&m.contacts[&id]),
        other => panic!("no fixture for {other}"),
    };
    match v.expect("serialises") {
        serde_json::Value::Object(o) => o,
        _ => serde_json::Map::new(),
    }
}

/// A standard for (department, metric) set by the department director:
/// monthly, from November 2026.
pub fn set_std(
    m: &mut Model,
    dept: RecordId,
    metric: Metric,
    threshold: u32,
    target: u32,
    n: u128,
) {
    let draft = StandardDraft {
        department: dept,
        metric,
        threshold,
        target,
        period: PeriodKind::Month,
        from: d(2026, 11, 1),
        active: true,
    };
    let boss = person(m, DIRECTOR);
    let writes = act::set_standard(m, &boss, &draft, id(n), nov(2, 9, 0)).expect("standard set");
    keep(writes, m);
}

/// One hand-over of a contact: to a department (by its text) at `at`,
/// answered at `responded`.
pub fn to_dept(dept: &str, at: DateTime<Utc>, responded: Option<DateTime<Utc>>) -> ForwardStep {
    ForwardStep {
        to_department: Some(dept.into()),
        note: "Revisar".into(),
        by: id(REP),
        at,
        responded_at: responded,
        ..ForwardStep::default()
    }
}

/// One hand-over to a person (the contact goes back to the service desk).
pub fn to_person(at: DateTime<Utc>) -> ForwardStep {
    ForwardStep {
        to_staff: Some(id(LEADER)),
        note: "Para ti".into(),
        by: id(REP),
        at,
        ..ForwardStep::default()
    }
}

/// Contact `n` received at `received`, with its forwards, closed at `done`.
pub fn contact(
    n: u128,
    received: DateTime<Utc>,
    steps: Vec<ForwardStep>,
    done: Option<DateTime<Utc>>,
) -> Contact {
    Contact {
        id: id(n),
        owner: id(REP),
        summary: format!("Contacto {n}"),
        received_at: received,
        status: match (done, steps.is_empty()) {
            (Some(_), _) => ContactStatus::Done,
            (None, true) => ContactStatus::Open,
            (None, false) => ContactStatus::Forwarded,
        },
        forwarded: steps,
        done_at: done,
        audit: Audit::new(id(REP), received),
        ..Contact::default()
    }
}

fn step(m: &mut Model, n: u128, complaint: u128, data: EventData, at: DateTime<Utc>) {
    put(
        m,
        &ComplaintEvent::new(id(n), id(complaint), data, id(DIRECTOR), at),
    );
}

/// Complaint `n` received at `received`, judged founded against each
/// department in turn (a reopening between two), closed at `closed`.
/// Its steps have ids `n * 100 + i`.
pub fn complaint(
    m: &mut Model,
    n: u128,
    received: DateTime<Utc>,
    judged: &[(&str, DateTime<Utc>)],
    closed: Option<DateTime<Utc>>,
) {
    put(
        m,
        &Complaint {
            id: id(n),
            content: "Queja".into(),
            received_at: received,
            owner: id(REP),
            audit: Audit::new(id(REP), received),
            ..Complaint::default()
        },
    );
    let mut e = n * 100;
    for (i, (dept, at)) in judged.iter().enumerate() {
        if i > 0 {
            e += 1;
            let reopen = EventData::Reopened {
                from: Stage::Judged,
                reason: "Otro departamento".into(),
            };
            step(m, e, n, reopen, *at - Duration::seconds(1));
        }
        e += 1;
        let j = EventData::Judged(Judgement {
            founded: true,
            department: dept.to_string(),
            deadline: Some(at.date_naive() + Duration::days(5)),
            ..Judgement::default()
        });
        step(m, e, n, j, *at);
    }
    let Some(end) = closed else { return };
    let plan = n * 100 + 50;
    for (k, data) in [
        (51, EventData::Investigated(Investigation::default())),
        (
            50,
            EventData::PlanProposed(Plan {
                proposal: "Reponer".into(),
            }),
        ),
        (52, EventData::PlanChosen { plan: id(plan) }),
        (53, EventData::Implemented(Implementation::default())),
    ] {
        let order = [51, 50, 52, 53].iter().position(|x| *x == k).unwrap_or(0) as i64;
        step(m, n * 100 + k, n, data, end - Duration::minutes(4 - order));
    }
    step(
        m,
        n * 100 + 54,
        n,
        EventData::Evaluated(Evaluation::default()),
        end,
    );
}

/// A return visit after complaint `complaint`, due on `due`; `done` with
/// `outcome` at `at`.
pub fn visit(
    n: u128,
    complaint: u128,
    due: NaiveDate,
    done: Option<(VisitOutcome, DateTime<Utc>)>,
) -> ReturnVisit {
    ReturnVisit {
        id: id(n),
        customer: id(900),
        complaint: Some(id(complaint)),
        due,
        status: if done.is_some() {
            VisitStatus::Done
        } else {
            VisitStatus::Open
        },
        outcome: done.map(|(o, _)| o),
        completed_at: done.map(|(_, t)| t),
        audit: Audit::new(id(REP), now()),
        ..ReturnVisit::default()
    }
}

/// Every standards view the screens show, for every person, at `now`:
/// what a device renders after an import. Panics are what tests look for.
pub fn std_screens(m: &Model, now: DateTime<Utc>) {
    let today = m.zone().local_date(now);
    let days = [
        today,
        NaiveDate::from_ymd_opt(1900, 1, 1).unwrap_or_default(),
        NaiveDate::from_ymd_opt(2200, 12, 31).unwrap_or_default(),
        NaiveDate::MIN,
        NaiveDate::MAX,
    ];
    let _ = standards::department_candidates(m);
    let facts = standards::gather(m, now);
    for day in days {
        for s in standards::standing_from(m, &facts, day) {
            for line in &s.lines {
                assert!(line.numerator <= line.denominator || !line.metric.is_duration());
            }
        }
        for d in m.standards.departments.keys() {
            let _ = standards::standards_of(m, *d, day);
        }
        for s in m.staff.values() {
            let _ = standards::overdue_actions(m, s, day);
        }
    }
    for s in m.staff.values() {
        let _ = standards::open_actions_for(m, s.id);
        let _ = standards::to_verify(m, s.id);
    }
    for a in m.standards.audits.keys() {
        let _ = m.standards.findings_of(*a);
        let _ = m.standards.actions_of(*a);
    }
    for d in m.standards.departments.keys() {
        let _ = m.standards.audits_of(*d);
        for metric in Metric::ALL {
            let _ = standards::versions(m, *d, *metric);
        }
    }
}
