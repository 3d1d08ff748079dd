//! The weekly and monthly report (R-REP-02): every part computed from the
//! records of its period only, in order, with who may read it, periods at
//! the calendar's ends, and which devices' work it includes.

use crate::common::*;
use crate::dept_common::*;
use crate::standards_common::*;
use chrono::{Duration, NaiveDate};
use ventanilla::domain::reports::{
    may_read, next, period_of, period_report, Figure, Label, Part, PeriodReport, Section,
};
use ventanilla::domain::staff::Role;
use ventanilla::domain::standards::{Light, Metric, PeriodKind};
use ventanilla::domain::visits::VisitOutcome;
use ventanilla::domain::Model;
use ventanilla::sync::DeviceId;

fn section(r: &PeriodReport, part: Part) -> &Section {
    r.sections
        .iter()
        .find(|s| s.part == part)
        .expect("every part is in the report")
}

/// The figures of the row labelled `label` in `part`.
fn row<'a>(r: &'a PeriodReport, part: Part, label: &Label) -> &'a [Figure] {
    &section(r, part)
        .rows
        .iter()
        .find(|x| x.label == *label)
        .unwrap_or_else(|| panic!("{part:?} has a row {label:?}"))
        .figures
}

/// November 2026 at the department: contacts on the 2nd, 16th and 22nd
/// (and one on 31 October), a founded complaint on the 5th, two return
/// visits due in November (one done, satisfied), one due in December, and
/// a first-response standard for "Facturación".
pub(crate) fn november() -> Model {
    let mut m = std_world();
    let billing = add_dept(&mut m, "Facturación");
    set_std(&mut m, billing, Metric::FirstResponse, 60, 90, 500);
    for (n, at) in [
        (10, nov(2, 9, 0)),
        (11, nov(16, 9, 0)),
        (12, nov(22, 10, 0)),
        (13, madrid(2026, 10, 31, 12, 0)),
    ] {
        put(&mut m, &contact(n, at, Vec::new(), None));
    }
    complaint(
        &mut m,
        20,
        nov(5, 10, 0),
        &[("Facturación", nov(6, 10, 0))],
        None,
    );
    put(
        &mut m,
        &visit(
            30,
            20,
            d(2026, 11, 10),
            Some((VisitOutcome::Satisfied, nov(10, 12, 0))),
        ),
    );
    put(&mut m, &visit(31, 20, d(2026, 11, 12), None));
    put(&mut m, &visit(32, 20, d(2026, 12, 3), None));
    m
}

#[test]
fn r_rep_02_a_month_gathers_every_part_in_order_from_its_own_records() {
    let m = november();
    let r = period_report(&m, period_of(PeriodKind::Month, d(2026, 11, 18)), now());
    assert_eq!(
        (r.period.first, r.period.last),
        (d(2026, 11, 1), d(2026, 11, 30))
    );
    let parts: Vec<Part> = r.sections.iter().map(|s| s.part).collect();
    assert_eq!(
        parts,
        [
            Part::Workload,
            Part::Complaints,
            Part::Visits,
            Part::Quality,
            Part::Standards,
            Part::Attendance
        ]
    );

    // Workload: the three November contacts, not October's.
    assert_eq!(
        row(&r, Part::Workload, &Label::Total).first(),
        Some(&Figure::Count(3))
    );
    assert_eq!(
        row(&r, Part::Workload, &Label::Person(id(REP))).first(),
        Some(&Figure::Count(3))
    );

    // Complaints (R-CMP-05): received and founded.
    assert_eq!(
        row(&r, Part::Complaints, &Label::Received),
        [Figure::Count(1)]
    );
    assert_eq!(
        row(&r, Part::Complaints, &Label::Founded),
        [Figure::Count(1)]
    );

    // Return visits (R-RV-07): two due in November, one done: 50 %.
    assert_eq!(
        row(&r, Part::Visits, &Label::Due),
        [Figure::Count(2), Figure::None]
    );
    assert_eq!(
        row(&r, Part::Visits, &Label::Done),
        [Figure::Count(1), Figure::Share(500)]
    );
    assert_eq!(
        row(&r, Part::Visits, &Label::Outcome(VisitOutcome::Satisfied)),
        [Figure::Count(1), Figure::Share(500)]
    );

    // No reviews this month: quality says so by having no rows.
    assert!(section(&r, Part::Quality).rows.is_empty());

    // Standards (R-STD-02): judged over the standard's own month.
    let std_row = &section(&r, Part::Standards).rows;
    assert_eq!(std_row.len(), 1, "one standard, one line");
    assert!(matches!(
        std_row[0].label,
        Label::Standard {
            metric: Metric::FirstResponse,
            ..
        }
    ));
    assert_eq!(
        std_row[0].figures.first(),
        Some(&Figure::Span(d(2026, 11, 1), d(2026, 11, 30)))
    );
    assert!(matches!(std_row[0].figures.get(3), Some(Figure::Light(_))));

    // Every row has one figure per column.
    for s in &r.sections {
        for x in &s.rows {
            assert_eq!(
                x.figures.len(),
                s.columns.len(),
                "{:?} {:?}",
                s.part,
                x.label
            );
        }
    }
}

#[test]
fn r_rep_02_a_week_is_monday_to_sunday_and_counts_only_its_days() {
    let m = november();
    let week = period_of(PeriodKind::Week, d(2026, 11, 18));
    assert_eq!((week.first, week.last), (d(2026, 11, 16), d(2026, 11, 22)));
    assert_eq!(next(week).first, d(2026, 11, 23));
    assert_eq!(week.previous().first, d(2026, 11, 9));
    let r = period_report(&m, week, now());
    // The 16th and the 22nd; the 2nd is another week.
    assert_eq!(
        row(&r, Part::Workload, &Label::Total).first(),
        Some(&Figure::Count(2))
    );
    assert!(
        section(&r, Part::Complaints).rows.is_empty(),
        "the complaint came on the 5th"
    );
    assert!(section(&r, Part::Visits).rows.is_empty());
}

#[test]
fn r_rep_02_an_empty_period_has_every_part_and_no_rows() {
    let m = november();
    let r = period_report(&m, period_of(PeriodKind::Month, d(2026, 8, 10)), now());
    assert_eq!(r.sections.len(), 6);
    for part in [
        Part::Workload,
        Part::Complaints,
        Part::Visits,
        Part::Quality,
        Part::Attendance,
    ] {
        assert!(section(&r, part).rows.is_empty(), "{part:?} in August");
    }
    // The standard applies from November: August's line has no data.
    for x in &section(&r, Part::Standards).rows {
        assert_eq!(x.figures.get(3), Some(&Figure::Light(Light::NoData)));
    }
}

#[test]
fn r_rep_02_attendance_counts_shifts_absences_and_rostered_hours() {
    let mut m = november();
    // Rep 3 on the day shift (8:00 to 16:00) on the 10th and 11th; clocked
    // in late on the 10th, never on the 11th.
    let first = rostered(&mut m, REP, d(2026, 11, 10), DAY);
    rostered(&mut m, REP, d(2026, 11, 11), DAY);
    let boss = person(&m, 1);
    let a = ventanilla::domain::dept::attendance::correct_attendance(
        &m,
        &boss,
        id(REP),
        first,
        nov(10, 8, 40),
        Some(nov(10, 16, 0)),
        now(),
    )
    .expect("the director corrects the attendance");
    put(&mut m, &a);
    let r = period_report(&m, period_of(PeriodKind::Week, d(2026, 11, 10)), now());
    assert_eq!(
        row(&r, Part::Attendance, &Label::Person(id(REP))),
        [
            Figure::Count(2),
            Figure::Count(1),
            Figure::Count(0),
            Figure::Count(1),
            Figure::Minutes(7 * 60 + 20),
            Figure::Minutes(2 * 8 * 60),
        ]
    );
}

#[test]
fn r_rep_02_leaders_inspectors_and_directors_read_it_representatives_do_not() {
    let m = november();
    for (n, role, reads) in [
        (REP, Role::Representative, false),
        (LEADER, Role::TeamLeader, true),
        (DIRECTOR, Role::DepartmentDirector, true),
        (CENTER, Role::CenterDirector, true),
    ] {
        let p = person(&m, n);
        assert_eq!(p.role, role);
        assert_eq!(may_read(&p), reads, "{role:?}");
    }
    let mut inspector = staff(40, "Inés Inspectora", Role::QualityInspector, &[]);
    assert!(may_read(&inspector));
    inspector.active = false;
    assert!(!may_read(&inspector), "someone who left reads nothing");
}

#[test]
fn r_rep_02_periods_at_the_calendars_ends_never_panic() {
    let m = november();
    for day in [NaiveDate::MIN, NaiveDate::MAX] {
        for kind in [PeriodKind::Week, PeriodKind::Month] {
            let p = period_of(kind, day);
            let _ = next(p);
            let _ = p.previous();
            let r = period_report(&m, p, now());
            assert_eq!(r.sections.len(), 6);
        }
    }
}

#[test]
fn r_rep_02_a_report_says_each_devices_latest_change() {
    let mut a = std_device(1);
    let mut b = std_device(2);
    let boss = a.who(DIRECTOR);
    a.save(ventanilla::domain::standards::act::add_department(
        &a.model,
        &boss,
        "Logística",
        now(),
    ));
    b.save(ventanilla::domain::standards::act::add_department(
        &b.model,
        &boss,
        "Almacén",
        now() + Duration::hours(1),
    ));
    a.receive(&b);
    let seen = crate::common::summaries_of(&a.replica.state).last_seen();
    assert_eq!(seen.len(), 2, "both devices' work is here");
    let a_ms = seen.get(&DeviceId(1)).copied().unwrap_or(0);
    let b_ms = seen.get(&DeviceId(2)).copied().unwrap_or(0);
    assert!(a_ms >= now().timestamp_millis() as u64);
    assert!(b_ms >= a_ms, "b's change is its latest, stamped after a's");
    // Before a hears from b, b is simply not there.
    let alone = crate::common::summaries_of(&std_device(3).replica.state).last_seen();
    assert!(alone.is_empty());
}
