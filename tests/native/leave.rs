//! R-LV-01..06: leave types, notice, approval levels, who may ask,
//! certificates, night and holiday rules.

use crate::common::*;
use crate::dept_common::*;
use ventanilla::domain::base::zone::week_start;
use ventanilla::domain::dept::leave::*;
use ventanilla::domain::dept::leave_status::*;
use ventanilla::domain::dept::records::Decision;
use ventanilla::domain::dept::records::*;
use ventanilla::domain::dept::roster::{roster_week, save_holiday};
use ventanilla::domain::staff::Role;
use ventanilla::domain::{Lang, RuleError};

fn decide(
    m: &mut ventanilla::domain::Model,
    who: u128,
    leave: &Leave,
    decision: Decision,
    n: u128,
) -> Result<(), RuleError> {
    let a = decide_leave(m, &person(m, who), leave, decision, "ok", id(n), now())?;
    put(m, &a);
    Ok(())
}

#[test]
fn r_lv_01_types_and_which_are_official() {
    assert!(LeaveKind::Business.official() && LeaveKind::Study.official());
    assert!(!LeaveKind::Personal.official() && !LeaveKind::Sick.official());
    assert_eq!(LeaveKind::from_code("study"), Some(LeaveKind::Study));
    let rep = Role::Representative;
    assert_eq!(
        approver_level(LeaveKind::Personal, 1, rep),
        Role::DepartmentDirector
    );
    assert_eq!(
        approver_level(LeaveKind::Personal, 2, rep),
        Role::CenterDirector
    );
    assert_eq!(
        approver_level(LeaveKind::Business, 1, rep),
        Role::CenterDirector
    );
    assert_eq!(
        approver_level(LeaveKind::Study, 1, rep),
        Role::CenterDirector
    );
    // Nobody is approved by their own level.
    assert_eq!(
        approver_level(LeaveKind::Sick, 1, Role::DepartmentDirector),
        Role::CenterDirector
    );
}

#[test]
fn r_lv_02_personal_leave_a_day_ahead_is_on_time() {
    let mut m = dept();
    rostered(&mut m, 3, d(2026, 12, 1), DAY);
    let l = ask_leave(
        &mut m,
        3,
        LeaveKind::Personal,
        d(2026, 12, 1),
        d(2026, 12, 1),
        50,
        madrid(2026, 11, 30, 8, 0),
    );
    assert!(!l.late);
    assert_eq!(l.needs, Role::DepartmentDirector);
}

#[test]
fn r_lv_02_later_requests_are_marked_late_and_count_as_absence_until_approved() {
    let mut m = dept();
    let e = rostered(&mut m, 3, d(2026, 12, 1), DAY);
    // Under a day before the 08:00 shift, not urgent: late.
    let l = ask_leave(
        &mut m,
        3,
        LeaveKind::Personal,
        d(2026, 12, 1),
        d(2026, 12, 1),
        50,
        madrid(2026, 11, 30, 9, 0),
    );
    assert!(l.late);
    assert_eq!(status(&m, &l), LeaveStatus::Pending);
    // Unapproved: the shift counts as absence.
    let v = ventanilla::domain::dept::attendance::violations(
        &m,
        "Mañana",
        d(2026, 12, 1),
        d(2026, 12, 1),
        madrid(2026, 12, 1, 12, 0),
    );
    assert_eq!(v.len(), 1);
    assert_eq!(v[0].entry, e);
    decide(&mut m, 5, &l, Decision::Approve, 60).unwrap();
    let v = ventanilla::domain::dept::attendance::violations(
        &m,
        "Mañana",
        d(2026, 12, 1),
        d(2026, 12, 1),
        madrid(2026, 12, 1, 12, 0),
    );
    assert!(v.is_empty(), "approved leave is the permission");
}

#[test]
fn r_lv_02_urgent_special_leave_needs_an_hour_before_the_shift() {
    let mut m = dept();
    rostered(&mut m, 3, d(2026, 12, 1), DAY);
    rostered(&mut m, 4, d(2026, 12, 1), DAY);
    let urgent = |m: &ventanilla::domain::Model, p: u128, at| {
        request_leave(
            m,
            &person(m, p),
            LeaveDraft {
                person: id(p),
                kind: LeaveKind::Personal,
                first_day: d(2026, 12, 1),
                last_day: d(2026, 12, 1),
                urgent: true,
                ..LeaveDraft::default()
            },
            id(50 + p),
            at,
        )
        .unwrap()
    };
    assert!(
        !urgent(&m, 3, madrid(2026, 12, 1, 7, 0)).late,
        "exactly an hour before"
    );
    assert!(
        urgent(&m, 4, madrid(2026, 12, 1, 7, 30)).late,
        "half an hour is too late"
    );
}

#[test]
fn r_lv_03_two_day_leave_department_director_cannot_center_director_can_and_roster_shows_it() {
    let mut m = dept();
    rostered(&mut m, 3, d(2026, 12, 1), DAY);
    rostered(&mut m, 3, d(2026, 12, 2), DAY);
    let l = ask_leave(
        &mut m,
        3,
        LeaveKind::Personal,
        d(2026, 12, 1),
        d(2026, 12, 2),
        50,
        madrid(2026, 11, 20, 9, 0),
    );
    assert_eq!(l.needs, Role::CenterDirector);
    let err = decide(&mut m, 5, &l, Decision::Approve, 60).unwrap_err();
    assert_eq!(
        err,
        RuleError::WrongApprover {
            needs: Role::CenterDirector,
            days: 2
        }
    );
    assert_eq!(err.rule(), Some("R-LV-03"));
    assert!(err.message(Lang::Es).contains("dirección del centro"));
    assert!(err.message(Lang::En).contains("center director"));
    let team_leader = decide(&mut m, 2, &l, Decision::Approve, 61).unwrap_err();
    assert_eq!(team_leader.rule(), Some("R-LV-03"));
    assert_eq!(status(&m, &l), LeaveStatus::Pending);
    decide(&mut m, 1, &l, Decision::Approve, 62).unwrap();
    assert_eq!(status(&m, &l), LeaveStatus::Approved);
    let week = roster_week(&m, "Mañana", week_start(d(2026, 12, 1)));
    let pablo = week.iter().find(|r| r.person == id(3)).unwrap();
    let on_leave: Vec<_> = pablo
        .cells
        .iter()
        .filter(|c| c.on_leave == Some(id(50)))
        .map(|c| c.date)
        .collect();
    assert_eq!(on_leave, vec![d(2026, 12, 1), d(2026, 12, 2)]);
    assert!(pablo.cells[1].shift.as_ref().unwrap().leave.is_some());
    // And in the team's leave calendar.
    let cal = leave_calendar(&m, "mañana", d(2026, 12, 1), d(2026, 12, 31));
    assert_eq!(cal.len(), 1);
    assert_eq!(cal[0].status, LeaveStatus::Approved);
    // Decided is decided.
    assert_eq!(
        decide(&mut m, 1, &l, Decision::Refuse, 63),
        Err(RuleError::AlreadyDecided)
    );
}

#[test]
fn r_lv_03_one_day_leave_goes_to_the_department_director_without_skipping() {
    let mut m = dept();
    let l = ask_leave(
        &mut m,
        3,
        LeaveKind::Personal,
        d(2026, 12, 1),
        d(2026, 12, 1),
        50,
        madrid(2026, 11, 20, 9, 0),
    );
    let err = decide(&mut m, 1, &l, Decision::Approve, 60).unwrap_err();
    assert_eq!(
        err,
        RuleError::WrongApprover {
            needs: Role::DepartmentDirector,
            days: 1
        }
    );
    assert_eq!(waiting_for(&m, &person(&m, 5)), vec![id(50)]);
    assert!(waiting_for(&m, &person(&m, 1)).is_empty());
    decide(&mut m, 5, &l, Decision::Approve, 61).unwrap();
    assert_eq!(status(&m, &l), LeaveStatus::Approved);
}

#[test]
fn r_lv_03_center_director_decides_short_leave_when_there_is_no_department_director() {
    let mut m = dept();
    let mut dd = person(&m, 5);
    dd.active = false;
    put(&mut m, &dd);
    let l = ask_leave(
        &mut m,
        3,
        LeaveKind::Personal,
        d(2026, 12, 1),
        d(2026, 12, 1),
        50,
        madrid(2026, 11, 20, 9, 0),
    );
    decide(&mut m, 1, &l, Decision::Approve, 60).unwrap();
    assert_eq!(status(&m, &l), LeaveStatus::Approved);
}

#[test]
fn r_lv_03_official_business_always_by_the_center_director_and_nobody_approves_their_own() {
    let mut m = dept();
    let l = ask_leave(
        &mut m,
        3,
        LeaveKind::Business,
        d(2026, 12, 1),
        d(2026, 12, 1),
        50,
        madrid(2026, 11, 20, 9, 0),
    );
    assert_eq!(
        decide(&mut m, 5, &l, Decision::Approve, 60)
            .unwrap_err()
            .rule(),
        Some("R-LV-03")
    );
    let own = ask_leave(
        &mut m,
        5,
        LeaveKind::Personal,
        d(2026, 12, 3),
        d(2026, 12, 3),
        51,
        madrid(2026, 11, 20, 9, 0),
    );
    assert_eq!(own.needs, Role::CenterDirector);
    assert_eq!(
        decide(&mut m, 5, &own, Decision::Approve, 61),
        Err(RuleError::OwnRequest)
    );
    decide(&mut m, 1, &own, Decision::Approve, 62).unwrap();
    assert_eq!(status(&m, &own), LeaveStatus::Approved);
}

#[test]
fn r_lv_03_crossed_approve_and_refuse_is_a_conflict_settled_by_a_new_decision() {
    let mut m = dept();
    let l = ask_leave(
        &mut m,
        3,
        LeaveKind::Personal,
        d(2026, 12, 1),
        d(2026, 12, 2),
        50,
        madrid(2026, 11, 20, 9, 0),
    );
    let mut second_director = staff(8, "Eva Centro", Role::CenterDirector, &[]);
    second_director.team = String::new();
    put(&mut m, &second_director);
    // Both decide offline on their own devices, then sync.
    let yes = decide_leave(&m, &person(&m, 1), &l, Decision::Approve, "", id(60), now()).unwrap();
    let no = decide_leave(
        &m,
        &person(&m, 8),
        &l,
        Decision::Refuse,
        "falta gente",
        id(61),
        now(),
    )
    .unwrap();
    put(&mut m, &yes);
    put(&mut m, &no);
    assert_eq!(status(&m, &l), LeaveStatus::Conflict);
    let settle = decide_leave(
        &m,
        &person(&m, 1),
        &l,
        Decision::Refuse,
        "hablado",
        id(62),
        now(),
    )
    .unwrap();
    assert_eq!(settle.supersedes, vec![id(60), id(61)]);
    put(&mut m, &settle);
    assert_eq!(status(&m, &l), LeaveStatus::Refused);
}

#[test]
fn r_lv_03_refusing_needs_a_reason() {
    let mut m = dept();
    let l = ask_leave(
        &mut m,
        3,
        LeaveKind::Personal,
        d(2026, 12, 1),
        d(2026, 12, 1),
        50,
        madrid(2026, 11, 20, 9, 0),
    );
    let err =
        decide_leave(&m, &person(&m, 5), &l, Decision::Refuse, " ", id(60), now()).unwrap_err();
    assert_eq!(err, RuleError::Required { field: "note" });
}

#[test]
fn r_lv_04_personal_leave_only_by_the_person_sick_leave_by_anyone() {
    let mut m = dept();
    let draft = LeaveDraft {
        person: id(3),
        kind: LeaveKind::Personal,
        first_day: d(2026, 12, 1),
        last_day: d(2026, 12, 1),
        ..LeaveDraft::default()
    };
    let err = request_leave(
        &m,
        &person(&m, 2),
        draft.clone(),
        id(50),
        madrid(2026, 11, 20, 9, 0),
    )
    .unwrap_err();
    assert_eq!(err, RuleError::LeaveBySelf);
    assert_eq!(err.rule(), Some("R-LV-04"));
    let sick = LeaveDraft {
        kind: LeaveKind::Sick,
        reason: "Llamó con fiebre".into(),
        ..draft
    };
    let l = request_leave(&m, &person(&m, 2), sick, id(51), madrid(2026, 12, 1, 7, 0)).unwrap();
    assert_eq!((l.person, l.audit.created_by), (id(3), id(2)));
    put(&mut m, &l);
}

#[test]
fn r_lv_05_certificate_due_on_the_first_day_back_across_the_month_end() {
    let mut m = dept();
    rostered(&mut m, 3, d(2027, 2, 2), DAY);
    let l = ask_leave(
        &mut m,
        3,
        LeaveKind::Sick,
        d(2027, 1, 30),
        d(2027, 1, 31),
        50,
        madrid(2027, 1, 30, 7, 0),
    );
    assert_eq!(
        first_day_back(&m, &l),
        d(2027, 2, 2),
        "the next rostered day, not Feb 1"
    );
    assert!(certificates_missing(&m, d(2027, 2, 1)).is_empty());
    assert_eq!(certificates_missing(&m, d(2027, 2, 2)), vec![id(50)]);
    let handed = hand_in_certificate(&m, &person(&m, 2), &l, madrid(2027, 2, 2, 9, 0)).unwrap();
    put(&mut m, &handed);
    assert!(certificates_missing(&m, d(2027, 2, 3)).is_empty());
    // A few hours off sick need no certificate.
    let part = request_leave(
        &m,
        &person(&m, 4),
        LeaveDraft {
            person: id(4),
            kind: LeaveKind::Sick,
            first_day: d(2027, 1, 30),
            last_day: d(2027, 1, 30),
            part_day: true,
            ..LeaveDraft::default()
        },
        id(51),
        madrid(2027, 1, 30, 7, 0),
    )
    .unwrap();
    assert_eq!(
        hand_in_certificate(&m, &person(&m, 4), &part, now()),
        Err(RuleError::NoCertificateNeeded)
    );
    // Another team's leader cannot record it.
    assert_eq!(
        hand_in_certificate(&m, &person(&m, 6), &l, now()),
        Err(RuleError::OtherTeam)
    );
}

#[test]
fn r_lv_06_night_shift_leave_before_noon_the_same_day() {
    let mut m = dept();
    rostered(&mut m, 3, d(2026, 12, 31), NIGHT);
    rostered(&mut m, 4, d(2026, 12, 31), NIGHT);
    let l = ask_leave(
        &mut m,
        3,
        LeaveKind::Personal,
        d(2026, 12, 31),
        d(2026, 12, 31),
        50,
        madrid(2026, 12, 31, 11, 59),
    );
    assert!(
        l.late,
        "under a day before 22:00: still needs management approval"
    );
    let draft = LeaveDraft {
        person: id(4),
        kind: LeaveKind::Personal,
        first_day: d(2026, 12, 31),
        last_day: d(2026, 12, 31),
        urgent: true,
        ..LeaveDraft::default()
    };
    let err = request_leave(
        &m,
        &person(&m, 4),
        draft,
        id(51),
        madrid(2026, 12, 31, 12, 0),
    )
    .unwrap_err();
    assert_eq!(err, RuleError::NightLeaveTooLate);
    assert_eq!(err.rule(), Some("R-LV-06"));
    assert!(err.message(Lang::Es).contains("12:00"));
}

#[test]
fn r_lv_06_holiday_leave_needs_two_days_notice() {
    let mut m = dept();
    let h = save_holiday(
        &m,
        &person(&m, 1),
        d(2026, 12, 25),
        "Navidad",
        id(90),
        now(),
    )
    .unwrap();
    put(&mut m, &h);
    rostered(&mut m, 3, d(2026, 12, 25), DAY);
    rostered(&mut m, 4, d(2026, 12, 25), DAY);
    let l = ask_leave(
        &mut m,
        3,
        LeaveKind::Personal,
        d(2026, 12, 25),
        d(2026, 12, 25),
        50,
        madrid(2026, 12, 23, 8, 0),
    );
    assert!(!l.late);
    let draft = LeaveDraft {
        person: id(4),
        kind: LeaveKind::Personal,
        first_day: d(2026, 12, 25),
        last_day: d(2026, 12, 25),
        ..LeaveDraft::default()
    };
    let err = request_leave(
        &m,
        &person(&m, 4),
        draft,
        id(51),
        madrid(2026, 12, 23, 8, 1),
    )
    .unwrap_err();
    assert_eq!(err, RuleError::HolidayNotice);
    assert_eq!(err.rule(), Some("R-LV-06"));
}

#[test]
fn r_lv_06_holiday_duty_cannot_take_leave_but_illness_is_recorded() {
    let mut m = dept();
    rostered(&mut m, 3, d(2027, 1, 1), HOLIDAY_DUTY);
    let draft = LeaveDraft {
        person: id(3),
        kind: LeaveKind::Personal,
        first_day: d(2026, 12, 31),
        last_day: d(2027, 1, 1),
        ..LeaveDraft::default()
    };
    let err = request_leave(
        &m,
        &person(&m, 3),
        draft.clone(),
        id(50),
        madrid(2026, 12, 1, 8, 0),
    )
    .unwrap_err();
    assert_eq!(err, RuleError::HolidayDuty);
    assert!(err.message(Lang::En).contains("holiday duty"));
    let sick = LeaveDraft {
        kind: LeaveKind::Sick,
        ..draft
    };
    assert!(request_leave(&m, &person(&m, 3), sick, id(51), madrid(2026, 12, 31, 7, 0)).is_ok());
}

#[test]
fn bad_input_is_refused_with_the_field() {
    let mut m = dept();
    let base = LeaveDraft {
        person: id(3),
        kind: LeaveKind::Personal,
        first_day: d(2026, 12, 2),
        last_day: d(2026, 12, 1),
        ..LeaveDraft::default()
    };
    let at = madrid(2026, 11, 20, 9, 0);
    let err = request_leave(&m, &person(&m, 3), base.clone(), id(50), at).unwrap_err();
    assert_eq!(err, RuleError::EndBeforeStart { field: "last_day" });
    assert_eq!(err.field(), Some("last_day"));
    let unknown = LeaveDraft {
        person: id(999),
        ..base.clone()
    };
    assert_eq!(
        request_leave(&m, &person(&m, 3), unknown, id(50), at),
        Err(RuleError::NotFound { what: "staff" })
    );
    let part = LeaveDraft {
        last_day: d(2026, 12, 3),
        part_day: true,
        ..base.clone()
    };
    assert_eq!(
        request_leave(&m, &person(&m, 3), part, id(50), at),
        Err(RuleError::InvalidDate { field: "last_day" })
    );
    ask_leave(
        &mut m,
        3,
        LeaveKind::Personal,
        d(2026, 12, 1),
        d(2026, 12, 3),
        51,
        at,
    );
    let overlap = LeaveDraft {
        first_day: d(2026, 12, 3),
        last_day: d(2026, 12, 4),
        ..base
    };
    assert_eq!(
        request_leave(&m, &person(&m, 3), overlap, id(52), at),
        Err(RuleError::Overlap { what: "leave" })
    );
    let ghost = Leave {
        id: id(77),
        ..Leave::default()
    };
    assert_eq!(
        decide_leave(
            &m,
            &person(&m, 1),
            &ghost,
            Decision::Approve,
            "",
            id(60),
            at
        ),
        Err(RuleError::NotFound { what: "leave" })
    );
}

#[test]
fn cancelled_leave_leaves_the_calendar() {
    let mut m = dept();
    let l = ask_leave(
        &mut m,
        3,
        LeaveKind::Personal,
        d(2026, 12, 1),
        d(2026, 12, 1),
        50,
        madrid(2026, 11, 20, 9, 0),
    );
    let c = cancel_leave(&m, &person(&m, 3), &l, madrid(2026, 11, 21, 9, 0)).unwrap();
    put(&mut m, &c);
    assert_eq!(status(&m, &c), LeaveStatus::Cancelled);
    assert!(leave_calendar(&m, "Mañana", d(2026, 12, 1), d(2026, 12, 1)).is_empty());
    assert_eq!(
        cancel_leave(&m, &person(&m, 4), &c, now()),
        Err(RuleError::OtherTeam)
    );
}
