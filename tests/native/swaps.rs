//! R-SW-01..05 (and R-LV-06 for holiday duty): swaps between colleagues.

use crate::common::*;
use crate::dept_common::*;
use chrono::{DateTime, NaiveDate, Utc};
use ventanilla::domain::dept::leave::{request_leave, LeaveDraft};
use ventanilla::domain::dept::profile::{save_profile, ProfileDraft};
use ventanilla::domain::dept::records::Decision;
use ventanilla::domain::dept::records::LeaveKind;
use ventanilla::domain::dept::records::Swap;
use ventanilla::domain::dept::shifts::shifts_of;
use ventanilla::domain::dept::swap::*;
use ventanilla::domain::dept::swap_status::*;
use ventanilla::domain::staff::{Action, Role};
use ventanilla::domain::{Lang, Model, RuleError};
use ventanilla::sync::RecordId;

fn t0() -> DateTime<Utc> {
    madrid(2026, 12, 1, 9, 0)
}

fn ask(
    m: &mut Model,
    by: u128,
    give: RecordId,
    take: RecordId,
    n: u128,
) -> Result<Swap, RuleError> {
    let s = request_swap(m, &person(m, by), give, take, "médico", id(n), t0())?;
    put(m, &s);
    Ok(s)
}

fn yes(m: &mut Model, who: u128, s: &Swap, n: u128) -> Result<(), RuleError> {
    let a = decide_swap(m, &person(m, who), s, Decision::Approve, "", id(n), t0())?;
    put(m, &a);
    Ok(())
}

fn dates(m: &Model, p: u128, from: NaiveDate, to: NaiveDate) -> Vec<NaiveDate> {
    shifts_of(m, id(p), from, to)
        .into_iter()
        .map(|s| s.date)
        .collect()
}

#[test]
fn r_sw_01_colleague_and_both_team_leaders_approve_then_the_roster_swaps() {
    let mut m = dept();
    let give = rostered(&mut m, 3, d(2026, 12, 10), DAY);
    let take = rostered(&mut m, 7, d(2026, 12, 11), DAY);
    let s = ask(&mut m, 3, give, take, 50).unwrap();
    assert_eq!(waiting_for(&m, &person(&m, 7)), vec![id(50)]);
    assert_eq!(waiting_for(&m, &person(&m, 2)), vec![id(50)]);
    // A representative who is not the colleague cannot approve.
    assert_eq!(
        yes(&mut m, 4, &s, 60),
        Err(RuleError::NotAllowed {
            action: Action::ApproveSwap,
            needs: Role::TeamLeader
        })
    );
    assert_eq!(yes(&mut m, 3, &s, 60), Err(RuleError::OwnRequest));
    yes(&mut m, 7, &s, 61).unwrap();
    yes(&mut m, 2, &s, 62).unwrap();
    assert_eq!(
        status(&m, &s),
        SwapStatus::Pending,
        "the other team's leader has not agreed"
    );
    assert_eq!(
        dates(&m, 3, d(2026, 12, 1), d(2026, 12, 31)),
        vec![d(2026, 12, 10)]
    );
    yes(&mut m, 6, &s, 63).unwrap();
    assert_eq!(status(&m, &s), SwapStatus::Approved);
    assert_eq!(
        dates(&m, 3, d(2026, 12, 1), d(2026, 12, 31)),
        vec![d(2026, 12, 11)]
    );
    assert_eq!(
        dates(&m, 7, d(2026, 12, 1), d(2026, 12, 31)),
        vec![d(2026, 12, 10)]
    );
    let moved = &shifts_of(&m, id(3), d(2026, 12, 11), d(2026, 12, 11))[0];
    assert_eq!(moved.swapped_from, Some(id(7)));
    assert_eq!(yes(&mut m, 6, &s, 64), Err(RuleError::AlreadyDecided));
}

#[test]
fn r_sw_01_one_leader_for_one_team_and_other_teams_leaders_are_refused() {
    let mut m = dept();
    let give = rostered(&mut m, 3, d(2026, 12, 10), DAY);
    let take = rostered(&mut m, 4, d(2026, 12, 11), DAY);
    let s = ask(&mut m, 3, give, take, 50).unwrap();
    assert_eq!(yes(&mut m, 6, &s, 60), Err(RuleError::OtherTeam));
    yes(&mut m, 4, &s, 61).unwrap();
    yes(&mut m, 2, &s, 62).unwrap();
    assert_eq!(status(&m, &s), SwapStatus::Approved);
}

#[test]
fn r_sw_01_a_refusal_by_the_colleague_ends_it() {
    let mut m = dept();
    let give = rostered(&mut m, 3, d(2026, 12, 10), DAY);
    let take = rostered(&mut m, 4, d(2026, 12, 11), DAY);
    let s = ask(&mut m, 3, give, take, 50).unwrap();
    let no = decide_swap(
        &m,
        &person(&m, 4),
        &s,
        Decision::Refuse,
        "no puedo",
        id(60),
        t0(),
    )
    .unwrap();
    put(&mut m, &no);
    assert_eq!(status(&m, &s), SwapStatus::Refused);
    // A refused swap frees its shifts for another request.
    assert!(ask(&mut m, 3, give, take, 51).is_ok());
}

#[test]
fn r_sw_02_third_swap_in_month_refused_but_the_next_month_is_fresh() {
    let mut m = dept();
    let mine: Vec<RecordId> = [
        d(2027, 1, 29),
        d(2027, 1, 30),
        d(2027, 1, 31),
        d(2027, 2, 1),
    ]
    .into_iter()
    .map(|day| rostered(&mut m, 3, day, DAY))
    .collect();
    let theirs: Vec<RecordId> = [
        d(2027, 1, 20),
        d(2027, 1, 21),
        d(2027, 1, 22),
        d(2027, 2, 5),
    ]
    .into_iter()
    .map(|day| rostered(&mut m, 4, day, DAY))
    .collect();
    ask(&mut m, 3, mine[1], theirs[0], 50).unwrap();
    ask(&mut m, 3, mine[2], theirs[1], 51).unwrap();
    let err = ask(&mut m, 3, mine[0], theirs[2], 52).unwrap_err();
    assert_eq!(
        err,
        RuleError::TooManySwaps {
            name: "Pablo Rep".into()
        }
    );
    assert_eq!(err.rule(), Some("R-SW-02"));
    assert!(err.message(Lang::Es).contains("Pablo Rep"));
    // February 1st is another calendar month.
    assert!(ask(&mut m, 3, mine[3], theirs[3], 53).is_ok());
    // A cancelled swap no longer counts.
    let first = m.dept.swaps[&id(50)].clone();
    let c = cancel_swap(&m, &person(&m, 3), &first, t0()).unwrap();
    put(&mut m, &c);
    assert!(ask(&mut m, 3, mine[0], theirs[2], 54).is_ok());
}

#[test]
fn r_sw_02_the_limit_also_holds_for_the_colleague() {
    let mut m = dept();
    let a: Vec<RecordId> = [10, 12, 14]
        .iter()
        .map(|&day| rostered(&mut m, 3, d(2026, 12, day), DAY))
        .collect();
    let b: Vec<RecordId> = [11, 13, 15]
        .iter()
        .map(|&day| rostered(&mut m, 4, d(2026, 12, day), DAY))
        .collect();
    let c = rostered(&mut m, 2, d(2026, 12, 16), DAY);
    ask(&mut m, 3, a[0], b[0], 50).unwrap();
    ask(&mut m, 3, a[1], b[1], 51).unwrap();
    // Sofía (4) already has two this month, though Javier (2) has none.
    let err = ask(&mut m, 4, b[2], c, 52).unwrap_err();
    assert_eq!(
        err,
        RuleError::TooManySwaps {
            name: "Sofía Rep".into()
        }
    );
}

#[test]
fn r_sw_03_no_two_consecutive_shifts_across_midnight() {
    let mut m = dept();
    // Pablo works the night of Dec 10 (22:00 to 06:00 on the 11th).
    rostered(&mut m, 3, d(2026, 12, 10), NIGHT);
    let give = rostered(&mut m, 3, d(2026, 12, 15), DAY);
    // Taking Sofía's 08:00 day shift on the 11th leaves two hours' rest.
    let take = rostered(&mut m, 4, d(2026, 12, 11), DAY);
    let err = ask(&mut m, 3, give, take, 50).unwrap_err();
    assert_eq!(err, RuleError::ConsecutiveShifts);
    assert_eq!(err.rule(), Some("R-SW-03"));
    // The day shift on the 12th is fine.
    let later = rostered(&mut m, 4, d(2026, 12, 12), DAY);
    assert!(ask(&mut m, 3, give, later, 51).is_ok());
}

#[test]
fn r_sw_03_same_day_day_for_night_is_not_consecutive_for_either() {
    let mut m = dept();
    let give = rostered(&mut m, 3, d(2026, 12, 10), DAY);
    let take = rostered(&mut m, 4, d(2026, 12, 10), NIGHT);
    assert!(ask(&mut m, 3, give, take, 50).is_ok());
}

#[test]
fn r_sw_03_chained_swaps_refused() {
    let mut m = dept();
    let give = rostered(&mut m, 3, d(2026, 12, 10), DAY);
    let take = rostered(&mut m, 4, d(2026, 12, 12), DAY);
    let s = ask(&mut m, 3, give, take, 50).unwrap();
    yes(&mut m, 4, &s, 60).unwrap();
    yes(&mut m, 2, &s, 61).unwrap();
    // Sofía now works Pablo's 10th; she cannot pass it on to Javier.
    let javier = rostered(&mut m, 2, d(2026, 12, 14), DAY);
    let err = ask(&mut m, 4, give, javier, 51).unwrap_err();
    assert_eq!(err, RuleError::ChainedSwap);
    // Nor may a shift in a pending swap be offered twice.
    let other = rostered(&mut m, 3, d(2026, 12, 16), DAY);
    let j2 = rostered(&mut m, 2, d(2026, 12, 18), DAY);
    ask(&mut m, 3, other, j2, 52).unwrap();
    let j3 = rostered(&mut m, 2, d(2026, 12, 20), DAY);
    assert_eq!(ask(&mut m, 3, other, j3, 53), Err(RuleError::ChainedSwap));
}

#[test]
fn r_sw_04_same_job_type_and_level_only() {
    let mut m = dept();
    let senior = save_profile(
        &m,
        &person(&m, 1),
        id(4),
        ProfileDraft {
            job_type: "agente".into(),
            level: "2".into(),
            ..ProfileDraft::default()
        },
        now(),
    )
    .unwrap();
    put(&mut m, &senior);
    let give = rostered(&mut m, 3, d(2026, 12, 10), DAY);
    let take = rostered(&mut m, 4, d(2026, 12, 12), DAY);
    let err = ask(&mut m, 3, give, take, 50).unwrap_err();
    assert_eq!(err, RuleError::SwapMismatch);
    assert_eq!(err.rule(), Some("R-SW-04"));
    // Case and accents do not make a difference.
    let same = save_profile(
        &m,
        &person(&m, 1),
        id(4),
        ProfileDraft {
            job_type: "Agente".into(),
            level: "1".into(),
            ..ProfileDraft::default()
        },
        now(),
    )
    .unwrap();
    put(&mut m, &same);
    assert!(ask(&mut m, 3, give, take, 51).is_ok());
}

#[test]
fn r_sw_05_no_leave_during_a_swapped_shift_either_way() {
    let mut m = dept();
    let give = rostered(&mut m, 3, d(2026, 12, 10), DAY);
    let take = rostered(&mut m, 4, d(2026, 12, 12), DAY);
    ask_leave(
        &mut m,
        4,
        LeaveKind::Personal,
        d(2026, 12, 10),
        d(2026, 12, 10),
        40,
        t0(),
    );
    let err = ask(&mut m, 3, give, take, 50).unwrap_err();
    assert_eq!(err, RuleError::LeaveDuringSwap);
    assert_eq!(err.rule(), Some("R-SW-05"));
    // The other way: once swapped, the shift cannot be taken as leave.
    let mut m = dept();
    let give = rostered(&mut m, 3, d(2026, 12, 10), DAY);
    let take = rostered(&mut m, 4, d(2026, 12, 12), DAY);
    ask(&mut m, 3, give, take, 50).unwrap();
    let draft = LeaveDraft {
        person: id(3),
        kind: LeaveKind::Personal,
        first_day: d(2026, 12, 10),
        last_day: d(2026, 12, 10),
        ..LeaveDraft::default()
    };
    assert_eq!(
        request_leave(&m, &person(&m, 3), draft, id(41), t0()),
        Err(RuleError::LeaveDuringSwap)
    );
}

#[test]
fn r_lv_06_holiday_duty_cannot_be_swapped() {
    let mut m = dept();
    let give = rostered(&mut m, 3, d(2027, 1, 1), HOLIDAY_DUTY);
    let take = rostered(&mut m, 4, d(2027, 1, 3), DAY);
    let err = ask(&mut m, 3, give, take, 50).unwrap_err();
    assert_eq!(err, RuleError::HolidayDuty);
    assert_eq!(err.rule(), Some("R-LV-06"));
}

#[test]
fn r_sw_02_a_night_crossing_the_month_end_counts_in_the_month_it_starts() {
    let mut m = dept();
    let a: Vec<RecordId> = [27, 29, 31]
        .iter()
        .map(|&day| rostered(&mut m, 3, d(2027, 1, day), NIGHT))
        .collect();
    let b: Vec<RecordId> = [10, 12, 14]
        .iter()
        .map(|&day| rostered(&mut m, 4, d(2027, 1, day), NIGHT))
        .collect();
    ask(&mut m, 3, a[0], b[0], 50).unwrap();
    ask(&mut m, 3, a[1], b[1], 51).unwrap();
    // The night of Jan 31 ends on Feb 1 but is January's.
    assert!(matches!(
        ask(&mut m, 3, a[2], b[2], 52),
        Err(RuleError::TooManySwaps { .. })
    ));
    assert_eq!(swaps_in_month(&m, id(3), d(2027, 1, 5), None), 2);
    assert_eq!(swaps_in_month(&m, id(3), d(2027, 2, 1), None), 0);
}

#[test]
fn bad_input_past_self_unknown_and_not_mine() {
    let mut m = dept();
    let past = rostered(&mut m, 3, d(2026, 11, 30), DAY);
    let mine = rostered(&mut m, 3, d(2026, 12, 10), DAY);
    let theirs = rostered(&mut m, 4, d(2026, 12, 12), DAY);
    assert_eq!(
        ask(&mut m, 3, past, theirs, 50),
        Err(RuleError::InvalidDate { field: "shift" })
    );
    assert_eq!(ask(&mut m, 3, mine, mine, 50), Err(RuleError::SwapWithSelf));
    assert_eq!(
        ask(&mut m, 3, id(999), theirs, 50),
        Err(RuleError::NotFound {
            what: "roster_entry"
        })
    );
    assert_eq!(
        ask(&mut m, 4, mine, theirs, 50),
        Err(RuleError::NotYourShift)
    );
    let ghost = Swap {
        id: id(77),
        ..Swap::default()
    };
    assert_eq!(
        yes(&mut m, 2, &ghost, 60),
        Err(RuleError::NotFound { what: "swap" })
    );
}
