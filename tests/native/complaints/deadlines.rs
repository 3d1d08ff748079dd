//! R-CMP-02..04: the promised deadline, overdue lists, serious complaints on
//! both directors' lists, and the return visit a closing creates.

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

#[test]
fn r_cmp_02_deadline_is_the_end_of_the_promised_day_across_a_month_end() {
    let judgement = |d: NaiveDate, off: i32| Judgement {
        founded: true,
        deadline: Some(d),
        utc_offset_minutes: off,
        ..Judgement::default()
    };
    assert_eq!(
        end_of_day(day(2026, 1, 31), utc()),
        Some(at(2026, 2, 1, 0, 0))
    );
    assert_eq!(
        end_of_day(day(2028, 2, 28), utc()),
        Some(at(2028, 2, 29, 0, 0)),
        "leap year"
    );
    assert_eq!(
        end_of_day(day(2026, 12, 31), utc()),
        Some(at(2027, 1, 1, 0, 0))
    );
    assert_eq!(
        days_from_today(at(2026, 1, 29, 12, 0), utc(), 3),
        Some(day(2026, 2, 1))
    );
    let mut d = Device::new(1);
    registered(&mut d);
    let mut v = d.view();
    v.judgement = Some(Entry {
        event: id(1),
        by: id(3),
        at: now(),
        value: judgement(day(2026, 11, 30), 0),
        repeats: vec![],
    });
    assert!(!v.is_overdue(at(2026, 11, 30, 23, 59), utc()));
    assert!(v.is_overdue(at(2026, 12, 1, 0, 0), utc()));
    v.investigation = Some(Entry {
        event: id(2),
        by: id(3),
        at: now(),
        value: Investigation::default(),
        repeats: vec![],
    });
    assert!(
        !v.is_overdue(at(2026, 12, 5, 0, 0), utc()),
        "investigated in time"
    );
}

#[test]
fn r_cmp_02_deadline_in_two_time_zones_around_midnight() {
    let minus5 = Zone::fixed(-300);
    let plus1 = Zone::fixed(60);
    // 23:30 UTC on 30 November: still the 30th in UTC-5, already 1 December in UTC+1.
    let late = at(2026, 11, 30, 23, 30);
    assert_eq!(local_day(late, minus5), day(2026, 11, 30));
    assert_eq!(local_day(late, plus1), day(2026, 12, 1));
    let promise = founded(Severity::Normal, day(2026, 11, 30));
    let mut west = Device::new(1);
    registered(&mut west);
    let w = judge(
        &west.model,
        &west.who(3),
        C,
        promise.clone(),
        minus5,
        id(201),
        late,
    )
    .unwrap();
    west.apply(w);
    let mut east = Device::new(2);
    registered(&mut east);
    assert_eq!(
        judge(&east.model, &east.who(3), C, promise, plus1, id(201), late).unwrap_err(),
        vec![RuleError::InvalidDate { field: "deadline" }],
        "a deadline already past in UTC+1"
    );
    let w = judge(
        &east.model,
        &east.who(3),
        C,
        founded(Severity::Normal, day(2026, 12, 1)),
        plus1,
        id(201),
        late,
    )
    .unwrap();
    east.apply(w);
    let (west, east) = (west.view(), east.view());
    // UTC-5: the 30th ends at 05:00 UTC on 1 December.
    assert_eq!(west.deadline_at(minus5), Some(at(2026, 12, 1, 5, 0)));
    assert!(!west.is_overdue(at(2026, 12, 1, 4, 59), minus5));
    assert!(west.is_overdue(at(2026, 12, 1, 5, 0), minus5));
    // UTC+1: 1 December ends at 23:00 UTC that day.
    assert_eq!(east.deadline_at(plus1), Some(at(2026, 12, 1, 23, 0)));
    assert!(!east.is_overdue(at(2026, 12, 1, 22, 59), plus1));
    assert!(east.is_overdue(at(2026, 12, 1, 23, 0), plus1));
}

#[test]
fn r_cmp_02_overdue_shows_to_owner_and_team_leader_and_in_the_list_filter() {
    let mut d = Device::new(1);
    let mut other_leader = staff(6, "Otro Líder", Role::TeamLeader, &[]);
    other_leader.team = "Tarde".into();
    put(&mut d.model, &other_leader);
    registered(&mut d);
    judged(&mut d, Severity::Normal);
    let late = at(2026, 11, 26, 0, 0);
    assert!(d.view().is_overdue(late, d.model.zone()));
    assert_eq!(d.model.today(id(3), late).overdue_complaints, vec![C]);
    assert_eq!(d.model.today(id(2), late).overdue_complaints, vec![C]);
    assert!(d.model.today(id(4), late).overdue_complaints.is_empty());
    assert!(d.model.today(id(6), late).overdue_complaints.is_empty());
    assert!(d.model.today(id(3), min(20)).overdue_complaints.is_empty());
    let overdue = ComplaintFilter {
        overdue_only: true,
        ..ComplaintFilter::default()
    };
    assert_eq!(list(&d.model, &overdue, utc(), late).len(), 1);
    assert!(list(&d.model, &overdue, utc(), min(20)).is_empty());
    let w = investigate(&d.model, &d.who(3), C, investigation(), id(202), late).unwrap();
    d.apply(w);
    assert!(d.model.today(id(3), late).overdue_complaints.is_empty());
}

#[test]
fn r_cmp_03_a_serious_complaint_is_at_once_on_both_directors_lists() {
    let mut d = Device::new(1);
    registered(&mut d);
    assert!(d.model.today(id(5), now()).serious_complaints.is_empty());
    judged(&mut d, Severity::Serious);
    assert_eq!(d.model.today(id(5), min(10)).serious_complaints, vec![C]);
    assert_eq!(d.model.today(id(1), min(10)).serious_complaints, vec![C]);
    assert!(d.model.today(id(2), min(10)).serious_complaints.is_empty());
    assert!(d.model.today(id(3), min(10)).serious_complaints.is_empty());
}

#[test]
fn r_cmp_04_closing_creates_a_return_visit_due_within_three_days() {
    let mut d = implemented();
    let plus1 = Zone::fixed(60);
    // 23:30 UTC on 29 November is 30 November in UTC+1: due 3 December.
    let w = evaluate(
        &d.model,
        &d.who(3),
        C,
        "Revisar embalaje",
        plus1,
        ids(206, 300),
        at(2026, 11, 29, 23, 30),
    )
    .unwrap();
    assert!(w.iter().any(|w| w.kind == "visit"));
    d.apply(w);
    let visit = &d.model.visits[&id(300)];
    assert_eq!(visit.due, day(2026, 12, 3));
    assert_eq!(visit.reason, VisitReason::ComplaintClosed);
    assert_eq!(visit.customer, id(10));
    assert_eq!(visit.complaint, Some(C));
    assert_eq!(visit.assignee, Some(id(3)), "the complaint's owner");
}
