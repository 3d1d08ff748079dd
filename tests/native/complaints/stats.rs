//! R-CMP-05 and the list: statistics by cause, department, severity and
//! time per stage; filters, search and urgency order.

#![allow(unused_imports)]
use super::*;
use crate::common::*;
use chrono::{DateTime, Duration, NaiveDate, Utc};
use ventanilla::domain::base::record::to_writes;
use ventanilla::domain::base::zone::Zone;
use ventanilla::domain::complaint::*;
use ventanilla::domain::contact::{make_complaint, Channel, Contact};
use ventanilla::domain::staff::Role;
use ventanilla::domain::visits::VisitReason;
use ventanilla::domain::{Lang, Model, RuleError};
use ventanilla::sync::{DeviceId, Op, RecordId, Replica, Write};

pub(super) fn complaint_at(d: &mut Device, n: u128, received: DateTime<Utc>) {
    let draft = ComplaintDraft {
        customer: Some(id(10)),
        channel: Channel::Email,
        content: format!("Queja {n}"),
        asks: "Solución".into(),
        received_at: received,
    };
    let w = register(&d.model, &d.who(3), draft, id(n), received).unwrap();
    d.apply(w);
}

#[test]
fn r_cmp_05_statistics_count_by_cause_department_severity_and_time_per_stage() {
    let mut d = implemented(); // 10:00 received, judged +10 min, investigated +60, chosen +80, implemented +90
    let w = evaluate(&d.model, &d.who(3), C, "x", utc(), ids(206, 300), min(130)).unwrap();
    d.apply(w);
    complaint_at(&mut d, 101, now());
    let unfounded = JudgementForm {
        founded: Some(false),
        ..JudgementForm::default()
    };
    let w = judge(
        &d.model,
        &d.who(3),
        id(101),
        unfounded,
        utc(),
        id(220),
        min(30),
    )
    .unwrap();
    d.apply(w);
    complaint_at(&mut d, 102, now());
    let form = JudgementForm {
        department: "Posventa".into(),
        ..founded(Severity::Serious, day(2026, 11, 30))
    };
    let w = judge(&d.model, &d.who(3), id(102), form, utc(), id(221), min(50)).unwrap();
    d.apply(w);
    complaint_at(&mut d, 103, now());
    complaint_at(&mut d, 104, at(2026, 10, 1, 9, 0)); // outside the period
    let s = statistics(&d.model, day(2026, 11, 1), day(2026, 11, 30), utc());
    assert_eq!(s.total, 4);
    assert_eq!((s.founded, s.unfounded, s.pending, s.closed), (2, 1, 1, 1));
    let cause = |c| s.by_cause.iter().find(|x| x.0 == c).unwrap().1;
    assert_eq!(cause(Cause::Delivery), 1);
    assert_eq!(cause(Cause::Billing), 0);
    assert_eq!(s.by_cause.len(), Cause::ALL.len());
    assert_eq!(
        s.by_department,
        vec![("Logística".to_string(), 1), ("Posventa".to_string(), 1)]
    );
    assert_eq!(
        s.by_severity,
        vec![
            (Severity::Low, 0),
            (Severity::Normal, 1),
            (Severity::Serious, 1)
        ]
    );
    let t = |st: Stage| {
        s.stage_times
            .iter()
            .find(|x| x.stage == st)
            .unwrap()
            .clone()
    };
    // Judged: 10, 30 and 50 minutes after acceptance → mean 30.
    assert_eq!(t(Stage::Judged).count, 3);
    assert_eq!(t(Stage::Judged).mean, Some(Duration::minutes(30)));
    assert_eq!(t(Stage::Investigated).mean, Some(Duration::minutes(50)));
    assert_eq!(t(Stage::PlanChosen).mean, Some(Duration::minutes(20)));
    assert_eq!(t(Stage::Implemented).mean, Some(Duration::minutes(10)));
    assert_eq!(t(Stage::Evaluated).mean, Some(Duration::minutes(40)));
    let empty = statistics(&d.model, day(2025, 1, 1), day(2025, 1, 31), utc());
    assert_eq!(empty.total, 0);
    assert!(empty.stage_times.iter().all(|t| t.mean.is_none()));
}

#[test]
fn complaint_list_filters_searches_and_sorts_by_urgency() {
    let mut d = Device::new(1);
    complaint_at(&mut d, 101, now() - Duration::days(3));
    complaint_at(&mut d, 102, now() - Duration::days(2));
    complaint_at(&mut d, 103, now() - Duration::days(1));
    let judge_it = |d: &mut Device, n: u128, sev, deadline, ev: u128| {
        let w = judge(
            &d.model,
            &d.who(3),
            id(n),
            founded(sev, deadline),
            utc(),
            id(ev),
            min(1),
        )
        .unwrap();
        d.apply(w);
    };
    judge_it(&mut d, 101, Severity::Low, day(2026, 11, 22), 201);
    judge_it(&mut d, 102, Severity::Serious, day(2026, 11, 28), 202);
    let later = at(2026, 11, 23, 12, 0);
    let all = list(&d.model, &ComplaintFilter::default(), utc(), later);
    let order: Vec<RecordId> = all.iter().map(|r| r.view.complaint.id).collect();
    assert_eq!(
        order,
        vec![id(102), id(101), id(103)],
        "serious, overdue, rest"
    );
    assert!(all[1].overdue);
    let by = |f: ComplaintFilter| -> Vec<RecordId> {
        list(&d.model, &f, utc(), later)
            .iter()
            .map(|r| r.view.complaint.id)
            .collect()
    };
    assert_eq!(
        by(ComplaintFilter {
            stage: Some(Stage::Accepted),
            ..ComplaintFilter::default()
        }),
        vec![id(103)]
    );
    assert_eq!(
        by(ComplaintFilter {
            severity: Some(Severity::Serious),
            ..ComplaintFilter::default()
        }),
        vec![id(102)]
    );
    assert_eq!(
        by(ComplaintFilter {
            department: Some("LOGISTICA".into()),
            ..ComplaintFilter::default()
        })
        .len(),
        2
    );
    assert_eq!(
        by(ComplaintFilter {
            text: "queja 103".into(),
            ..ComplaintFilter::default()
        }),
        vec![id(103)]
    );
    assert_eq!(
        by(ComplaintFilter {
            text: "lucia perez".into(),
            ..ComplaintFilter::default()
        })
        .len(),
        3,
        "customer name, accent-insensitive"
    );
    assert_eq!(
        by(ComplaintFilter {
            from: Some(day(2026, 11, 20)),
            to: Some(day(2026, 11, 20)),
            ..ComplaintFilter::default()
        }),
        vec![id(102)]
    );
    assert!(by(ComplaintFilter {
        assignee: Some(id(4)),
        ..ComplaintFilter::default()
    })
    .is_empty());
    assert!(by(ComplaintFilter {
        status: Some(Status::Closed),
        ..ComplaintFilter::default()
    })
    .is_empty());
}
