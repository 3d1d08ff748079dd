//! Service standards over what arrives: stored or synced records with
//! values out of range (the calendar's ends, huge numbers, long texts,
//! long chains, links to nothing) neither panic nor loop; and a year of a
//! branch is judged in one pass.

use crate::common::*;
use crate::standards_common::*;
use chrono::{DateTime, Duration, NaiveDate, Utc};
use ventanilla::domain::complaint::{ComplaintEvent, EventData, Judgement};
use ventanilla::domain::contact::{Contact, ContactStatus, ForwardStep};
use ventanilla::domain::standards::{
    self, Department, DeptAudit, Improvement, Metric, PeriodKind, Standard,
};
use ventanilla::domain::visits::{ReturnVisit, VisitOutcome, VisitStatus};
use ventanilla::domain::{demo, Audit, Model};
use ventanilla::sync::RecordId;

const MIN: DateTime<Utc> = DateTime::<Utc>::MIN_UTC;
const MAX: DateTime<Utc> = DateTime::<Utc>::MAX_UTC;

fn hostile() -> Model {
    let mut m = std_world();
    let dept = RecordId(77);
    let long = "é".repeat(1_000);
    m.standards.departments.insert(
        dept,
        Department {
            id: dept,
            name: "Almacén".into(),
            aliases: (0..2_000)
                .map(|i| format!("{long}{i}"))
                .chain([String::new()])
                .collect(),
            active: true,
            audit: Audit::default(),
        },
    );
    let mut n = 100u128;
    for metric in Metric::ALL {
        for (threshold, target, period, from) in [
            (u32::MAX, u32::MAX, PeriodKind::Week, NaiveDate::MIN),
            (0, 0, PeriodKind::Month, NaiveDate::MAX),
            (
                u32::MAX,
                0,
                PeriodKind::Month,
                NaiveDate::from_ymd_opt(2026, 11, 13).unwrap_or_default(),
            ),
        ] {
            n += 1;
            let s = Standard {
                id: RecordId(n),
                department: dept,
                metric: *metric,
                threshold,
                target,
                period,
                from,
                active: true,
                audit: Audit::new(RecordId(5), MAX),
            };
            m.standards.standards.insert(s.id, s);
        }
    }
    let times = [
        MIN,
        MAX,
        now(),
        MIN + Duration::seconds(1),
        MAX - Duration::seconds(1),
    ];
    for (i, at) in times.iter().enumerate() {
        let steps: Vec<ForwardStep> = (0..600)
            .map(|k| ForwardStep {
                to_department: Some(if k % 2 == 0 {
                    "almacen".into()
                } else {
                    long.clone()
                }),
                at: times[(i + k) % times.len()],
                responded_at: Some(times[(i + k + 1) % times.len()]),
                ..ForwardStep::default()
            })
            .collect();
        let c = Contact {
            id: RecordId(1000 + i as u128),
            received_at: *at,
            forwarded: steps,
            status: if i % 2 == 0 {
                ContactStatus::Done
            } else {
                ContactStatus::Forwarded
            },
            done_at: Some(times[(i + 2) % times.len()]),
            ..Contact::default()
        };
        m.contacts.insert(c.id, c);
        let complaint = RecordId(2000 + i as u128);
        m.complaints.insert(
            complaint,
            ventanilla::domain::complaint::Complaint {
                id: complaint,
                received_at: *at,
                ..Default::default()
            },
        );
        for (k, t) in times.iter().enumerate() {
            let j = EventData::Judged(Judgement {
                founded: true,
                department: "Almacén".into(),
                ..Judgement::default()
            });
            put(
                &mut m,
                &ComplaintEvent::new(
                    RecordId(3000 + (i * 10 + k) as u128),
                    complaint,
                    j,
                    RecordId(5),
                    *t,
                ),
            );
        }
        let v = ReturnVisit {
            id: RecordId(4000 + i as u128),
            complaint: Some(complaint),
            due: [NaiveDate::MIN, NaiveDate::MAX][i % 2],
            status: VisitStatus::Done,
            outcome: Some(VisitOutcome::Satisfied),
            completed_at: Some(*at),
            ..ReturnVisit::default()
        };
        m.visits.insert(v.id, v);
        let a = DeptAudit {
            id: RecordId(5000 + i as u128),
            department: dept,
            date: NaiveDate::MAX,
            auditor: RecordId(5),
            ..DeptAudit::default()
        };
        m.standards.audits.insert(a.id, a);
        let action = Improvement {
            id: RecordId(6000 + i as u128),
            dept_audit: RecordId(if i % 2 == 0 { 5000 } else { 9999 }),
            owner: RecordId(3),
            due: [NaiveDate::MIN, NaiveDate::MAX][i % 2],
            done_at: (i % 3 == 0).then_some(*at),
            ..Improvement::default()
        };
        m.standards.actions.insert(action.id, action);
    }
    m
}

#[test]
fn r_std_02_stored_values_out_of_range_neither_panic_nor_loop() {
    let m = hostile();
    for at in [now(), MIN, MAX] {
        std_screens(&m, at);
    }
    let facts = standards::gather(&m, now());
    let f = &facts.departments[&RecordId(77)];
    assert!(
        f.resolution
            .iter()
            .chain(&f.first_response)
            .all(|c| c.seconds >= 0),
        "never negative"
    );
    let all = standards::standing(&m, d_now(&m), now());
    for line in all.iter().flat_map(|s| &s.lines) {
        if line.metric.is_duration() {
            assert!(line.value.is_none_or(|v| v <= 1000), "{line:?}");
        }
    }
    // The long text is not one of the 500 spellings read: a candidate.
    let c = standards::department_candidates(&m);
    assert_eq!((c.len(), c[0].contacts), (1, 5));
}

fn d_now(m: &Model) -> NaiveDate {
    m.zone().local_date(now())
}

#[test]
fn r_std_02_a_year_of_a_branch_is_judged_in_one_pass() {
    let m = demo::branch_year(7, demo::BRANCH_YEAR, now(), id(1));
    assert_eq!(
        (m.contacts.len(), m.complaints.len(), m.visits.len()),
        (100_000, 2_000, 10_000)
    );
    for day in [d_now(&m), d_now(&m) - Duration::days(40)] {
        let all = standards::standing(&m, day, now());
        assert_eq!(all.len(), 4);
        for line in all.iter().flat_map(|s| &s.lines) {
            assert!(line.denominator > 0, "{:?} has cases", line.metric);
            if line.metric == Metric::ComplaintRate {
                assert_eq!(line.missed.len() as u64, line.numerator);
                continue;
            }
            assert!(line.numerator <= line.denominator);
            assert!(line.value.is_some_and(|v| v <= 1000));
            // A contact sent twice to one department is two first responses, one id.
            let missed = line.missed.len() as u64;
            if line.metric == Metric::FirstResponse {
                assert!(missed <= line.denominator - line.numerator);
            } else {
                assert_eq!(
                    line.numerator + missed,
                    line.denominator,
                    "{:?}",
                    line.metric
                );
            }
        }
        assert_eq!(all.iter().map(|s| s.lines.len()).sum::<usize>(), 20);
    }
}
