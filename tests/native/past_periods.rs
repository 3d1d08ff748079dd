//! Warnings about the past judge only periods the organisation lived
//! through: nothing for a month or a week that began before it was created
//! (`Model::org_since`, its record's creation day), and an organisation
//! record with no creation time (made before it was written) is judged as
//! before. R-OPS-04, R-ATT-01, R-ATT-02, R-RV-02, R-CUS-05 / R-RV-04.

use crate::common::*;
use crate::dept_common::*;
use crate::visits_common::{madrid as zone, visit};
use chrono::{DateTime, Utc};
use ventanilla::domain::customer::CustomerKind;
use ventanilla::domain::dept::attendance::{violations, weekly_hours, Violation};
use ventanilla::domain::dept::meeting::monthly_meeting_warning;
use ventanilla::domain::staff::{setup_organisation, Org};
use ventanilla::domain::visits::{coverage, due_visits, VisitReason, VisitSettings, VisitStatus};
use ventanilla::domain::Model;

/// The organisation as first run makes it, created at `at`.
fn founded(m: &mut Model, at: DateTime<Utc>) {
    let (org, _) =
        setup_organisation("Tienda Nueva", "Europe/Madrid", "Ana", id(900), id(1), at).unwrap();
    put(m, &org);
}

#[test]
fn an_organisation_starts_on_the_local_day_it_was_created() {
    let mut m = team();
    assert_eq!(m.org_since(), None, "no organisation: every period counts");
    // 23:30 UTC on 30 November is 00:30 on 1 December in Madrid.
    founded(&mut m, at(2026, 11, 30, 23, 30));
    assert_eq!(m.org_since(), Some(d(2026, 12, 1)));
    // A record written before the creation time was kept reads as 1970:
    // the safe default is "always existed", the warnings as before.
    let old = Org {
        id: id(900),
        name: "Tienda Vieja".into(),
        ..Org::default()
    };
    put(&mut m, &old);
    assert_eq!(m.org_since(), None);
}

#[test]
fn r_ops_04_no_monthly_meeting_warning_for_the_month_the_organisation_was_created() {
    let mut m = dept();
    // Created on the 27th: the month's deadline (the 25th) passed before it existed.
    founded(&mut m, madrid(2027, 1, 27, 9, 0));
    let day_one = madrid(2027, 1, 27, 10, 0);
    assert_eq!(monthly_meeting_warning(&m, "Mañana", day_one), None);
    assert_eq!(m.today(id(2), day_one).dept.monthly_meeting, None);
    // Created on the 3rd: the month began before it, still not judged.
    let mut early = dept();
    founded(&mut early, madrid(2027, 1, 3, 9, 0));
    assert_eq!(
        monthly_meeting_warning(&early, "Mañana", madrid(2027, 1, 26, 9, 0)),
        None
    );
    // The first whole month is judged as usual, and overdue after the 25th.
    let feb = madrid(2027, 2, 26, 9, 0);
    let w = monthly_meeting_warning(&m, "Mañana", feb).expect("February is judged");
    assert_eq!((w.month, w.overdue), (d(2027, 2, 1), true));
    assert_eq!(m.today(id(2), feb).dept.monthly_meeting, Some(w));
}

#[test]
fn r_ops_04_an_organisation_created_on_the_first_is_judged_that_month() {
    let mut m = dept();
    founded(&mut m, madrid(2027, 3, 1, 0, 30));
    let w = monthly_meeting_warning(&m, "Mañana", madrid(2027, 3, 10, 9, 0));
    assert_eq!(w.map(|w| w.month), Some(d(2027, 3, 1)));
}

#[test]
fn r_att_01_no_absence_flagged_for_shifts_before_the_organisation_existed() {
    let mut m = dept();
    // The leader fills in the whole week on the Wednesday the org was created.
    for day in 1..=3 {
        rostered(&mut m, 3, d(2026, 12, day), DAY);
    }
    founded(&mut m, madrid(2026, 12, 2, 7, 0));
    let flags = violations(
        &m,
        "Mañana",
        d(2026, 11, 30),
        d(2026, 12, 6),
        madrid(2026, 12, 3, 17, 0),
    );
    let got: Vec<_> = flags.iter().map(|f| (f.date, f.violation)).collect();
    assert_eq!(
        got,
        vec![
            (d(2026, 12, 2), Violation::Absent),
            (d(2026, 12, 3), Violation::Absent)
        ],
        "Tuesday the 1st was before the organisation"
    );
}

#[test]
fn r_att_02_the_week_the_organisation_was_created_in_is_not_below_the_minimum() {
    let mut m = dept();
    founded(&mut m, madrid(2026, 12, 2, 7, 0));
    let first_week = weekly_hours(&m, "Mañana", d(2026, 11, 30));
    assert!(!first_week.is_empty());
    assert!(
        first_week.iter().all(|w| !w.below),
        "no hours could be clocked before it existed"
    );
    let next_week = weekly_hours(&m, "Mañana", d(2026, 12, 7));
    assert!(next_week.iter().all(|w| w.below), "nobody clocked anything");
}

#[test]
fn r_rv_02_coverage_judges_no_period_that_ended_before_the_organisation() {
    let mut m = team();
    let mut member = customer(10, "Socia");
    member.kind = CustomerKind::Member;
    put(&mut m, &member);
    let oct = coverage(&m, d(2026, 10, 1), d(2026, 10, 31), zone()).unwrap();
    assert_eq!((oct.members, oct.missing.clone()), (1, vec![id(10)]));
    // The organisation was created on 2 November: October judges nobody.
    founded(&mut m, at(2026, 11, 2, 9, 0));
    let oct = coverage(&m, d(2026, 10, 1), d(2026, 10, 31), zone()).unwrap();
    assert_eq!((oct.members, oct.rate(), oct.missing.len()), (0, None, 0));
    // A period reaching into its life is judged as R-RV-02 says.
    let nov = coverage(&m, d(2026, 10, 15), d(2026, 11, 30), zone()).unwrap();
    assert_eq!((nov.members, nov.missing.clone()), (1, vec![id(10)]));
}

#[test]
fn r_cus_05_no_birthday_greeting_for_a_birthday_before_the_organisation_existed() {
    let mut m = team();
    let mut c = customer(10, "Cumple Ayer");
    c.birthday = Some(d(1980, 11, 21));
    put(&mut m, &c);
    let today = d(2026, 11, 22);
    let settings = VisitSettings::default();
    let before = due_visits(&m, today, zone(), &settings);
    assert!(
        before.iter().any(|v| v.reason == VisitReason::Birthday),
        "caught up within the grace days"
    );
    founded(&mut m, at(2026, 11, 22, 8, 0));
    let after = due_visits(&m, today, zone(), &settings);
    assert!(after.iter().all(|v| v.reason != VisitReason::Birthday));
}

#[test]
fn r_cus_05_a_card_renewal_due_before_the_organisation_falls_due_on_its_first_day() {
    let mut m = team();
    let mut c = customer(10, "Tarjeta");
    c.card_expiry = Some(d(2026, 12, 5));
    put(&mut m, &c);
    founded(&mut m, at(2026, 11, 22, 8, 0));
    let due = due_visits(&m, d(2026, 11, 22), zone(), &VisitSettings::default());
    let card: Vec<_> = due
        .iter()
        .filter(|v| v.reason == VisitReason::CardRenewal)
        .collect();
    assert_eq!(card.len(), 1, "the card still expires after today");
    assert_eq!(card[0].due, d(2026, 11, 22), "not born overdue (5 Nov)");
}

#[test]
fn r_rv_04_a_visit_due_since_the_organisation_began_is_overdue_as_usual() {
    // The rule itself is unchanged: a visit that fell due after the
    // organisation existed is overdue three days later.
    let mut m = team();
    founded(&mut m, at(2026, 11, 1, 8, 0));
    let mut v = visit(20, 10, VisitReason::Member, d(2026, 11, 10));
    v.assignee = Some(id(3));
    v.status = VisitStatus::Open;
    put(&mut m, &customer(10, "C"));
    put(&mut m, &v);
    let t = m.today(id(3), at(2026, 11, 22, 10, 0));
    assert_eq!(t.overdue_visits, vec![id(20)]);
}
