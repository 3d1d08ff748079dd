//! R-OPS-01 (roster, night shifts, DST), R-ATT-01..02 (attendance and
//! weekly hours) and R-SEC-02 (emergency contact list).

use crate::common::*;
use crate::dept_common::*;
use chrono::Duration;
use ventanilla::domain::base::zone::{week_start, Zone};
use ventanilla::domain::dept::attendance::*;
use ventanilla::domain::dept::profile::*;
use ventanilla::domain::dept::records::ShiftKind;
use ventanilla::domain::dept::roster::*;
use ventanilla::domain::dept::shifts::*;
use ventanilla::domain::dept::teams::*;
use ventanilla::domain::staff::{Action, Role};
use ventanilla::domain::{Lang, RuleError};

#[test]
fn r_ops_01_team_leader_rosters_own_team_only() {
    let m = dept();
    let e = set_roster_day(
        &m,
        &person(&m, 2),
        id(3),
        d(2026, 12, 1),
        Some(id(DAY)),
        now(),
    )
    .unwrap();
    assert_eq!(
        (e.person, e.date, e.shift),
        (id(3), d(2026, 12, 1), Some(id(DAY)))
    );
    assert_eq!(
        e.id,
        entry_id(id(3), d(2026, 12, 1)),
        "one record per person and day"
    );
    assert_eq!(
        set_roster_day(
            &m,
            &person(&m, 6),
            id(3),
            d(2026, 12, 1),
            Some(id(DAY)),
            now()
        ),
        Err(RuleError::OtherTeam)
    );
    let rep = set_roster_day(&m, &person(&m, 4), id(3), d(2026, 12, 1), None, now()).unwrap_err();
    assert_eq!(
        rep,
        RuleError::NotAllowed {
            action: Action::EditRoster,
            needs: Role::TeamLeader
        }
    );
    assert!(rep.message(Lang::Es).contains("cuadrante"));
    assert_eq!(
        set_roster_day(&m, &person(&m, 2), id(999), d(2026, 12, 1), None, now()),
        Err(RuleError::NotFound { what: "staff" })
    );
    assert_eq!(
        set_roster_day(
            &m,
            &person(&m, 2),
            id(3),
            d(2026, 12, 1),
            Some(id(999)),
            now()
        ),
        Err(RuleError::NotFound { what: "shift" })
    );
}

#[test]
fn r_ops_01_two_leaders_editing_the_same_day_edit_one_record() {
    let mut m = dept();
    let a = set_roster_day(
        &m,
        &person(&m, 2),
        id(3),
        d(2026, 12, 1),
        Some(id(DAY)),
        now(),
    )
    .unwrap();
    let b = set_roster_day(
        &m,
        &person(&m, 1),
        id(3),
        d(2026, 12, 1),
        Some(id(NIGHT)),
        now(),
    )
    .unwrap();
    assert_eq!(a.id, b.id);
    put(&mut m, &a);
    put(&mut m, &b);
    assert_eq!(m.dept.roster.len(), 1);
}

#[test]
fn r_ops_01_shift_definitions_validate_times() {
    let m = dept();
    let boss = person(&m, 1);
    let draft = ShiftDraft {
        name: "Tarde".into(),
        kind: ShiftKind::Day,
        start: hm(14, 0),
        end: hm(22, 0),
        holiday: false,
    };
    assert!(save_shift(&m, &boss, None, draft.clone(), id(110), now()).is_ok());
    let empty = ShiftDraft {
        name: " ".into(),
        ..draft.clone()
    };
    assert_eq!(
        save_shift(&m, &boss, None, empty, id(110), now()),
        Err(RuleError::Required { field: "name" })
    );
    let backwards = ShiftDraft {
        end: hm(13, 0),
        ..draft.clone()
    };
    let err = save_shift(&m, &boss, None, backwards, id(110), now()).unwrap_err();
    assert_eq!(err, RuleError::EndBeforeStart { field: "end" });
    assert_eq!(err.field(), Some("end"));
    let zero = ShiftDraft {
        end: hm(14, 0),
        ..draft.clone()
    };
    assert!(save_shift(&m, &boss, None, zero, id(110), now()).is_err());
    let night = ShiftDraft {
        kind: ShiftKind::Night,
        start: hm(22, 0),
        end: hm(6, 0),
        ..draft
    };
    assert!(save_shift(&m, &boss, None, night, id(110), now())
        .unwrap()
        .crosses_midnight());
    assert_eq!(
        save_team(&m, &boss, None, "", 30, id(120), now()),
        Err(RuleError::Required { field: "name" })
    );
    assert_eq!(
        save_team(&m, &boss, None, "Mañana", 200, id(120), now()),
        Err(RuleError::OutOfRange {
            field: "min_weekly_hours"
        })
    );
}

#[test]
fn r_ops_01_night_shift_crosses_midnight_and_the_month_end() {
    let mut m = dept();
    rostered(&mut m, 3, d(2027, 1, 31), NIGHT);
    let v = &shifts_of(&m, id(3), d(2027, 1, 31), d(2027, 1, 31))[0];
    assert_eq!(v.start, madrid(2027, 1, 31, 22, 0));
    assert_eq!(v.end, madrid(2027, 2, 1, 6, 0));
    assert_eq!(v.end - v.start, Duration::hours(8));
    // Still "my shift" at 03:00 on February 1st.
    let mine = my_shifts(&m, id(3), madrid(2027, 2, 1, 3, 0), 7);
    assert_eq!(mine.len(), 1);
    assert_eq!(mine[0].date, d(2027, 1, 31));
    assert!(my_shifts(&m, id(3), madrid(2027, 2, 1, 6, 0), 7).is_empty());
    // The printable week puts it on the day it starts.
    let week = roster_week(&m, "Mañana", week_start(d(2027, 1, 31)));
    assert_eq!(week[0].cells.len(), 7);
    let pablo = week.iter().find(|r| r.person == id(3)).unwrap();
    assert_eq!(pablo.cells[6].date, d(2027, 1, 31));
    assert!(pablo.cells[6].shift.is_some());
    // Today lists it too.
    assert_eq!(
        m.today(id(3), madrid(2027, 1, 31, 12, 0))
            .dept
            .my_shifts
            .len(),
        1
    );
}

#[test]
fn r_ops_01_dst_spring_night_is_seven_hours_autumn_night_nine() {
    let mut m = dept();
    // Europe/Madrid: clocks go forward on Sunday 29 March 2026, back on 25 October.
    rostered(&mut m, 3, d(2026, 3, 28), NIGHT);
    rostered(&mut m, 3, d(2026, 10, 24), NIGHT);
    let spring = &shifts_of(&m, id(3), d(2026, 3, 28), d(2026, 3, 28))[0];
    assert_eq!(spring.end - spring.start, Duration::hours(7));
    assert_eq!(spring.start, at(2026, 3, 28, 21, 0));
    assert_eq!(spring.end, at(2026, 3, 29, 4, 0));
    let autumn = &shifts_of(&m, id(3), d(2026, 10, 24), d(2026, 10, 24))[0];
    assert_eq!(autumn.end - autumn.start, Duration::hours(9));
    assert_eq!(autumn.start, at(2026, 10, 24, 20, 0));
}

#[test]
fn zone_skipped_and_repeated_wall_clock_times() {
    let z = Zone::MADRID;
    // 02:30 does not exist on 29 March: read as 03:30 summer time.
    assert_eq!(
        z.to_utc(d(2026, 3, 29).and_time(hm(2, 30))),
        at(2026, 3, 29, 1, 30)
    );
    // 02:30 happens twice on 25 October: the first time.
    assert_eq!(
        z.to_utc(d(2026, 10, 25).and_time(hm(2, 30))),
        at(2026, 10, 25, 0, 30)
    );
    assert_eq!(
        z.local(at(2026, 7, 1, 12, 0)),
        d(2026, 7, 1).and_time(hm(14, 0))
    );
    // Two fixed offsets: the same night in Bogotá and Madrid winter time.
    let bogota = Zone::fixed(-300);
    assert_eq!(
        bogota.to_utc(d(2026, 3, 28).and_time(hm(22, 0))),
        at(2026, 3, 29, 3, 0)
    );
    assert_eq!(
        Zone::fixed(60).to_utc(d(2026, 3, 28).and_time(hm(22, 0))),
        at(2026, 3, 28, 21, 0)
    );
    assert_eq!(bogota.local_date(at(2026, 3, 29, 3, 0)), d(2026, 3, 28));
}

#[test]
fn r_att_01_lateness_of_twenty_minutes_or_more_is_flagged() {
    let mut m = dept();
    let e3 = rostered(&mut m, 3, d(2026, 12, 1), DAY);
    let e4 = rostered(&mut m, 4, d(2026, 12, 1), DAY);
    let a = clock_in(&m, &person(&m, 3), e3, madrid(2026, 12, 1, 8, 20)).unwrap();
    put(&mut m, &a);
    let b = clock_in(&m, &person(&m, 4), e4, madrid(2026, 12, 1, 8, 19)).unwrap();
    put(&mut m, &b);
    let flags = violations(
        &m,
        "Mañana",
        d(2026, 12, 1),
        d(2026, 12, 1),
        madrid(2026, 12, 1, 12, 0),
    );
    assert_eq!(flags.len(), 1);
    assert_eq!(
        (flags[0].person, flags[0].violation),
        (id(3), Violation::Late(20))
    );
    // A second press keeps the first arrival.
    let again = clock_in(&m, &person(&m, 3), e3, madrid(2026, 12, 1, 9, 0)).unwrap();
    assert_eq!(again.arrived_at, Some(madrid(2026, 12, 1, 8, 20)));
}

#[test]
fn r_att_01_absence_and_leaving_early_are_flagged() {
    let mut m = dept();
    rostered(&mut m, 3, d(2026, 12, 1), DAY);
    let e4 = rostered(&mut m, 4, d(2026, 12, 1), DAY);
    let a = clock_in(&m, &person(&m, 4), e4, madrid(2026, 12, 1, 7, 55)).unwrap();
    put(&mut m, &a);
    let o = clock_out(&m, &person(&m, 4), e4, madrid(2026, 12, 1, 15, 30)).unwrap();
    put(&mut m, &o);
    // Nineteen minutes into the shift nobody is absent yet.
    assert!(violations(
        &m,
        "Mañana",
        d(2026, 12, 1),
        d(2026, 12, 1),
        madrid(2026, 12, 1, 8, 19)
    )
    .is_empty());
    let flags = violations(
        &m,
        "Mañana",
        d(2026, 12, 1),
        d(2026, 12, 1),
        madrid(2026, 12, 1, 17, 0),
    );
    let got: Vec<_> = flags.iter().map(|f| (f.person, f.violation)).collect();
    assert_eq!(
        got,
        vec![
            (id(3), Violation::Absent),
            (id(4), Violation::LeftEarly(30))
        ]
    );
}

#[test]
fn r_att_01_clocking_bad_input() {
    let mut m = dept();
    let e3 = rostered(&mut m, 3, d(2026, 12, 1), DAY);
    assert_eq!(
        clock_in(&m, &person(&m, 4), e3, madrid(2026, 12, 1, 8, 0)),
        Err(RuleError::NotYourShift)
    );
    assert_eq!(
        clock_out(&m, &person(&m, 3), e3, madrid(2026, 12, 1, 16, 0)),
        Err(RuleError::NotClockedIn)
    );
    assert_eq!(
        clock_in(&m, &person(&m, 3), e3, madrid(2026, 11, 30, 8, 0)),
        Err(RuleError::InvalidDate {
            field: "arrived_at"
        })
    );
    assert_eq!(
        clock_in(&m, &person(&m, 3), id(999), now()),
        Err(RuleError::NotFound {
            what: "roster_entry"
        })
    );
    let err = correct_attendance(
        &m,
        &person(&m, 2),
        id(3),
        e3,
        madrid(2026, 12, 1, 9, 0),
        Some(madrid(2026, 12, 1, 8, 0)),
        madrid(2026, 12, 2, 9, 0),
    );
    assert_eq!(err, Err(RuleError::EndBeforeStart { field: "left_at" }));
    let fixed = correct_attendance(
        &m,
        &person(&m, 2),
        id(3),
        e3,
        madrid(2026, 12, 1, 8, 0),
        Some(madrid(2026, 12, 1, 16, 0)),
        madrid(2026, 12, 2, 9, 0),
    )
    .unwrap();
    put(&mut m, &fixed);
    assert!(violations(
        &m,
        "Mañana",
        d(2026, 12, 1),
        d(2026, 12, 1),
        madrid(2026, 12, 2, 9, 0)
    )
    .is_empty());
    assert_eq!(
        correct_attendance(
            &m,
            &person(&m, 6),
            id(3),
            e3,
            madrid(2026, 12, 1, 8, 0),
            None,
            madrid(2026, 12, 2, 9, 0)
        ),
        Err(RuleError::OtherTeam)
    );
}

fn work(
    m: &mut ventanilla::domain::Model,
    p: u128,
    entry: ventanilla::sync::RecordId,
    from: chrono::DateTime<chrono::Utc>,
    to: chrono::DateTime<chrono::Utc>,
) {
    let a = correct_attendance(
        m,
        &person(m, 1),
        id(p),
        entry,
        from,
        Some(to),
        to + Duration::hours(1),
    )
    .unwrap();
    put(m, &a);
}

#[test]
fn r_att_02_weekly_hours_below_the_team_minimum_are_flagged() {
    let mut m = dept();
    let monday = d(2026, 11, 30);
    for i in 0..4 {
        let day = monday + Duration::days(i);
        let e = rostered(&mut m, 3, day, DAY);
        work(
            &mut m,
            3,
            e,
            Zone::MADRID.to_utc(day.and_time(hm(8, 0))),
            Zone::MADRID.to_utc(day.and_time(hm(16, 0))),
        );
    }
    let e = rostered(&mut m, 4, monday, DAY);
    work(
        &mut m,
        4,
        e,
        madrid(2026, 11, 30, 8, 0),
        madrid(2026, 11, 30, 16, 0),
    );
    let week = weekly_hours(&m, "Mañana", monday);
    let pablo = week.iter().find(|w| w.person == id(3)).unwrap();
    assert_eq!(
        (
            pablo.worked_minutes,
            pablo.scheduled_minutes,
            pablo.min_hours
        ),
        (32 * 60, 32 * 60, 30)
    );
    assert!(!pablo.below);
    let sofia = week.iter().find(|w| w.person == id(4)).unwrap();
    assert!(sofia.below);
    // A team may set its own minimum.
    let t = save_team(&m, &person(&m, 1), None, "mañana", 35, id(120), now()).unwrap();
    put(&mut m, &t);
    let week = weekly_hours(&m, "Mañana", monday);
    assert!(week.iter().find(|w| w.person == id(3)).unwrap().below);
}

#[test]
fn r_att_02_night_hours_across_dst_and_week_end_count_in_the_week_they_start() {
    let mut m = dept();
    // Saturday 28 and Sunday 29 March 2026 nights; the second starts in the
    // same week though it ends on Monday.
    let sat = rostered(&mut m, 3, d(2026, 3, 28), NIGHT);
    let sun = rostered(&mut m, 3, d(2026, 3, 29), NIGHT);
    work(
        &mut m,
        3,
        sat,
        madrid(2026, 3, 28, 22, 0),
        madrid(2026, 3, 29, 6, 0),
    );
    work(
        &mut m,
        3,
        sun,
        madrid(2026, 3, 29, 22, 0),
        madrid(2026, 3, 30, 6, 0),
    );
    let week = weekly_hours(&m, "Mañana", d(2026, 3, 23));
    let pablo = week.iter().find(|w| w.person == id(3)).unwrap();
    assert_eq!(
        pablo.worked_minutes,
        (7 + 8) * 60,
        "the spring night is an hour short"
    );
    let next = weekly_hours(&m, "Mañana", d(2026, 3, 30));
    assert_eq!(
        next.iter()
            .find(|w| w.person == id(3))
            .unwrap()
            .worked_minutes,
        0
    );
}

#[test]
fn r_sec_02_emergency_list_of_active_staff_with_phone_and_address() {
    let mut m = dept();
    let mut gone = staff(9, "Ex Empleado", Role::Representative, &[]);
    gone.active = false;
    put(&mut m, &gone);
    let mut p3 = person(&m, 3);
    p3.phone = "600 111 222".into();
    put(&mut m, &p3);
    let list = emergency_contacts(&m);
    assert_eq!(list.len(), 7);
    assert!(list.iter().all(|r| r.person != id(9)));
    let pablo = list.iter().find(|r| r.person == id(3)).unwrap();
    assert_eq!(
        (pablo.phone.as_str(), pablo.address.as_str()),
        ("600 111 222", "Calle 3")
    );
    assert_eq!(pablo.emergency_phone, "600 000 000");
    // By team, then name: "Mañana" before "Tarde".
    assert_eq!(list.last().unwrap().team, "Tarde");
    let bad = ProfileDraft {
        emergency_phone: "12".into(),
        ..ProfileDraft::default()
    };
    assert_eq!(
        save_profile(&m, &person(&m, 3), id(3), bad, now()),
        Err(RuleError::InvalidPhone {
            field: "emergency_phone"
        })
    );
    assert!(save_profile(&m, &person(&m, 4), id(3), ProfileDraft::default(), now()).is_err());
}

#[test]
fn department_records_survive_the_stored_view() {
    let mut m = dept();
    let e = rostered(&mut m, 3, d(2026, 12, 1), DAY);
    let entry = serde_json::to_value(&m.dept.roster[&e]).unwrap();
    let def = serde_json::to_value(&m.dept.shift_defs[&id(DAY)]).unwrap();
    let row = serde_json::json!({
        "roster_entry": [[e.to_string(), entry]],
        "shift": [[id(DAY).to_string(), def]],
        "staff": [[id(3).to_string(), serde_json::to_value(person(&m, 3)).unwrap()]],
    })
    .to_string();
    let mut fresh = ventanilla::domain::Model::default();
    assert_eq!(fresh.load_view(&row).unwrap(), 3);
    assert_eq!(fresh.dept.roster[&e].shift, Some(id(DAY)));
    assert_eq!(fresh.dept.shift_defs[&id(DAY)].end, hm(16, 0));
}
