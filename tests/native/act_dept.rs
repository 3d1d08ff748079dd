//! Issue 11 item 4 for the department: every operation the screens call
//! (`domain::dept::act`) takes ids, looks its target up and gives the same
//! writes as its rule plus `to_writes`; an unknown id is refused NotFound.

use crate::common::*;
use crate::dept_common::*;
use ventanilla::domain::base::record::to_writes;
use ventanilla::domain::dept::act;
use ventanilla::domain::dept::attendance::{self, attendance_id};
use ventanilla::domain::dept::leave::{self, LeaveDraft};
use ventanilla::domain::dept::meeting::{self, MeetingDraft};
use ventanilla::domain::dept::ops::{self, HandoverDraft};
use ventanilla::domain::dept::profile::{self, ProfileDraft};
use ventanilla::domain::dept::records::{Decision, LeaveKind, MeetingKind, ShiftKind};
use ventanilla::domain::dept::roster::{self, ShiftDraft};
use ventanilla::domain::dept::swap;
use ventanilla::domain::dept::teams::entry_id;
use ventanilla::domain::staff::Role;
use ventanilla::domain::{Model, RuleError};
use ventanilla::sync::{RecordId, Write};

/// The operation was accepted and wrote exactly what the rule path writes
/// (which is not nothing: an empty comparison proves nothing).
fn same(got: Result<Vec<Write>, RuleError>, want: Vec<Write>) {
    assert!(!want.is_empty(), "the rule path writes something");
    assert_eq!(got, Ok(want));
}

fn not_found<T: std::fmt::Debug>(got: Result<T, RuleError>, what: &'static str) {
    match got {
        Err(RuleError::NotFound { what: w }) => assert_eq!(w, what),
        other => panic!("expected NotFound {{ {what} }}, got {other:?}"),
    }
}

// ---- leave ----

fn leave_world() -> Model {
    let mut m = dept();
    rostered(&mut m, 3, d(2026, 12, 1), DAY);
    ask_leave(
        &mut m,
        3,
        LeaveKind::Personal,
        d(2026, 12, 1),
        d(2026, 12, 1),
        50,
        madrid(2026, 11, 20, 9, 0),
    );
    m
}

#[test]
fn r_lv_02_requesting_a_leave_gives_the_same_writes_as_the_rule() {
    let mut m = dept();
    rostered(&mut m, 3, d(2026, 12, 1), DAY);
    let draft = LeaveDraft {
        person: id(3),
        kind: LeaveKind::Personal,
        first_day: d(2026, 12, 1),
        last_day: d(2026, 12, 1),
        reason: "médico".into(),
        ..LeaveDraft::default()
    };
    let (p, at) = (person(&m, 3), madrid(2026, 11, 20, 9, 0));
    let rule = leave::request_leave(&m, &p, draft.clone(), id(50), at).unwrap();
    same(
        act::request_leave(&m, &p, draft, id(50), at),
        to_writes(None, &rule),
    );
}

#[test]
fn r_lv_03_deciding_a_leave_by_id_gives_the_same_writes_as_the_rule() {
    let m = leave_world();
    let (p, l) = (person(&m, 5), m.dept.leaves[&id(50)].clone());
    for decision in [Decision::Approve, Decision::Refuse] {
        let rule = leave::decide_leave(&m, &p, &l, decision, "ok", id(60), now()).unwrap();
        same(
            act::decide_leave(&m, &p, id(50), decision, "ok", id(60), now()),
            to_writes(None, &rule),
        );
    }
    // The rule still refuses through the operation: no level skipped.
    assert!(matches!(
        act::decide_leave(
            &m,
            &person(&m, 1),
            id(50),
            Decision::Approve,
            "",
            id(61),
            now()
        ),
        Err(RuleError::WrongApprover { .. })
    ));
}

#[test]
fn r_lv_05_handing_in_a_certificate_by_id_gives_the_same_writes_as_the_rule() {
    let mut m = dept();
    rostered(&mut m, 3, d(2026, 12, 1), DAY);
    let l = ask_leave(
        &mut m,
        3,
        LeaveKind::Sick,
        d(2026, 12, 1),
        d(2026, 12, 1),
        51,
        madrid(2026, 12, 1, 7, 0),
    );
    let (p, at) = (person(&m, 2), madrid(2026, 12, 2, 9, 0));
    let rule = leave::hand_in_certificate(&m, &p, &l, at).unwrap();
    same(
        act::hand_in_certificate(&m, &p, id(51), at),
        to_writes(Some(&l), &rule),
    );
    put(&mut m, &rule);
    assert_eq!(
        act::hand_in_certificate(&m, &p, id(51), at),
        Ok(Vec::new()),
        "a certificate already in writes nothing"
    );
}

#[test]
fn cancelling_a_leave_by_id_gives_the_same_writes_as_the_rule() {
    let m = leave_world();
    let (p, l, at) = (person(&m, 3), m.dept.leaves[&id(50)].clone(), now());
    let rule = leave::cancel_leave(&m, &p, &l, at).unwrap();
    same(
        act::cancel_leave(&m, &p, id(50), at),
        to_writes(Some(&l), &rule),
    );
}

#[test]
fn one_way_to_act_an_unknown_leave_id_is_refused_as_not_found() {
    let m = leave_world();
    let (p, ghost) = (person(&m, 5), id(999));
    not_found(
        act::decide_leave(&m, &p, ghost, Decision::Approve, "", id(60), now()),
        "leave",
    );
    not_found(act::hand_in_certificate(&m, &p, ghost, now()), "leave");
    not_found(act::cancel_leave(&m, &p, ghost, now()), "leave");
    assert_eq!(m.dept.leaves.len(), 1, "nothing else was touched");
}

// ---- swaps ----

fn swap_world() -> (Model, RecordId, RecordId) {
    let mut m = dept();
    let give = rostered(&mut m, 3, d(2026, 12, 10), DAY);
    let take = rostered(&mut m, 7, d(2026, 12, 11), DAY);
    (m, give, take)
}

fn t0() -> chrono::DateTime<chrono::Utc> {
    madrid(2026, 12, 1, 9, 0)
}

#[test]
fn r_sw_01_requesting_deciding_and_cancelling_a_swap_by_id_give_the_rules_writes() {
    let (mut m, give, take) = swap_world();
    let p3 = person(&m, 3);
    let s = swap::request_swap(&m, &p3, give, take, "médico", id(50), t0()).unwrap();
    same(
        act::request_swap(&m, &p3, give, take, "médico", id(50), t0()),
        to_writes(None, &s),
    );
    put(&mut m, &s);
    let p7 = person(&m, 7);
    let yes = swap::decide_swap(&m, &p7, &s, Decision::Approve, "", id(60), t0()).unwrap();
    same(
        act::decide_swap(&m, &p7, id(50), Decision::Approve, "", id(60), t0()),
        to_writes(None, &yes),
    );
    let gone = swap::cancel_swap(&m, &p3, &s, t0()).unwrap();
    same(
        act::cancel_swap(&m, &p3, id(50), t0()),
        to_writes(Some(&s), &gone),
    );
    // The requester cannot decide their own swap, by id either.
    assert_eq!(
        act::decide_swap(&m, &p3, id(50), Decision::Approve, "", id(61), t0()),
        Err(RuleError::OwnRequest)
    );
}

#[test]
fn one_way_to_act_an_unknown_swap_id_is_refused_as_not_found() {
    let (m, ..) = swap_world();
    let ghost = id(999);
    not_found(
        act::decide_swap(
            &m,
            &person(&m, 7),
            ghost,
            Decision::Approve,
            "",
            id(60),
            t0(),
        ),
        "swap",
    );
    not_found(act::cancel_swap(&m, &person(&m, 3), ghost, t0()), "swap");
}

// ---- roster, teams, shifts, holidays ----

#[test]
fn r_ops_01_saving_a_team_new_by_name_or_by_id_gives_the_rules_writes() {
    let mut m = dept();
    let p1 = person(&m, 1);
    let t = roster::save_team(&m, &p1, None, "Noche", 30, id(70), now()).unwrap();
    same(
        act::save_team(&m, &p1, None, "Noche", 30, id(70), now()),
        to_writes(None, &t),
    );
    put(&mut m, &t);
    let edited = roster::save_team(&m, &p1, Some(&t), "Noche", 35, id(70), now()).unwrap();
    let want = to_writes(Some(&t), &edited);
    // The same name edits the team it names, whatever new id is offered.
    same(
        act::save_team(&m, &p1, None, " Noche ", 35, id(71), now()),
        want.clone(),
    );
    same(
        act::save_team(&m, &p1, Some(id(70)), "Noche", 35, id(72), now()),
        want,
    );
}

#[test]
fn r_ops_01_saving_a_shift_definition_new_or_by_id_gives_the_rules_writes() {
    let m = dept();
    let p1 = person(&m, 1);
    let draft = ShiftDraft {
        name: "Partido".into(),
        kind: ShiftKind::Day,
        start: hm(10, 0),
        end: hm(19, 0),
        holiday: false,
    };
    let new = roster::save_shift(&m, &p1, None, draft.clone(), id(103), now()).unwrap();
    same(
        act::save_shift(&m, &p1, None, draft.clone(), id(103), now()),
        to_writes(None, &new),
    );
    let old = m.dept.shift_defs[&id(DAY)].clone();
    let edited = roster::save_shift(&m, &p1, Some(&old), draft.clone(), id(104), now()).unwrap();
    same(
        act::save_shift(&m, &p1, Some(id(DAY)), draft, id(104), now()),
        to_writes(Some(&old), &edited),
    );
}

#[test]
fn r_lv_06_saving_a_holiday_gives_the_same_writes_as_the_rule() {
    let m = dept();
    let p1 = person(&m, 1);
    let h = roster::save_holiday(&m, &p1, d(2026, 12, 25), "Navidad", id(80), now()).unwrap();
    same(
        act::save_holiday(&m, &p1, d(2026, 12, 25), "Navidad", id(80), now()),
        to_writes(None, &h),
    );
}

#[test]
fn r_ops_01_setting_a_roster_day_gives_the_same_writes_as_the_rule() {
    let mut m = dept();
    let p2 = person(&m, 2);
    let date = d(2026, 12, 1);
    let fresh = roster::set_roster_day(&m, &p2, id(4), date, Some(id(DAY)), now()).unwrap();
    same(
        act::set_roster_day(&m, &p2, id(4), date, Some(id(DAY)), now()),
        to_writes(None, &fresh),
    );
    rostered(&mut m, 3, date, DAY);
    let old = m.dept.roster[&entry_id(id(3), date)].clone();
    let night = roster::set_roster_day(&m, &p2, id(3), date, Some(id(NIGHT)), now()).unwrap();
    same(
        act::set_roster_day(&m, &p2, id(3), date, Some(id(NIGHT)), now()),
        to_writes(Some(&old), &night),
    );
}

#[test]
fn r_ops_01_an_unknown_team_shift_or_person_is_refused_as_not_found() {
    let m = dept();
    let (p1, ghost) = (person(&m, 1), id(999));
    not_found(
        act::save_team(&m, &p1, Some(ghost), "Noche", 30, id(70), now()),
        "team",
    );
    not_found(
        act::save_shift(&m, &p1, Some(ghost), ShiftDraft::default(), id(70), now()),
        "shift",
    );
    not_found(
        act::set_roster_day(&m, &p1, ghost, d(2026, 12, 1), Some(id(DAY)), now()),
        "staff",
    );
    not_found(
        act::set_roster_day(&m, &p1, id(3), d(2026, 12, 1), Some(ghost), now()),
        "shift",
    );
}

// ---- profile ----

#[test]
fn saving_a_profile_by_person_id_gives_the_same_writes_as_the_rule() {
    let m = dept();
    let p3 = person(&m, 3);
    let draft = ProfileDraft {
        job_type: "agente".into(),
        level: "2".into(),
        address: "Calle Nueva 1".into(),
        emergency_contact: "Familia".into(),
        emergency_phone: "600 111 222".into(),
    };
    let old = m.dept.profiles[&id(3)].clone();
    let rule = profile::save_profile(&m, &p3, id(3), draft.clone(), now()).unwrap();
    same(
        act::save_profile(&m, &p3, id(3), draft.clone(), now()),
        to_writes(Some(&old), &rule),
    );
    not_found(
        act::save_profile(&m, &person(&m, 1), id(999), draft, now()),
        "staff",
    );
}

// ---- attendance ----

#[test]
fn r_att_01_clocking_in_and_out_by_entry_id_gives_the_rules_writes() {
    let mut m = dept();
    let e3 = rostered(&mut m, 3, d(2026, 12, 1), DAY);
    let p3 = person(&m, 3);
    let arrive = madrid(2026, 12, 1, 8, 5);
    let a = attendance::clock_in(&m, &p3, e3, arrive).unwrap();
    same(act::clock_in(&m, &p3, e3, arrive), to_writes(None, &a));
    put(&mut m, &a);
    assert_eq!(
        act::clock_in(&m, &p3, e3, madrid(2026, 12, 1, 9, 0)),
        Ok(Vec::new()),
        "a second 'I'm here' keeps the first arrival and writes nothing"
    );
    let leave = madrid(2026, 12, 1, 16, 0);
    let old = m.dept.attendance[&attendance_id(e3, id(3))].clone();
    let out = attendance::clock_out(&m, &p3, e3, leave).unwrap();
    same(
        act::clock_out(&m, &p3, e3, leave),
        to_writes(Some(&old), &out),
    );
}

#[test]
fn r_att_01_correcting_attendance_gives_the_same_writes_as_the_rule() {
    let mut m = dept();
    let e3 = rostered(&mut m, 3, d(2026, 12, 1), DAY);
    let p2 = person(&m, 2);
    let (from, to, at) = (
        madrid(2026, 12, 1, 8, 0),
        Some(madrid(2026, 12, 1, 16, 0)),
        madrid(2026, 12, 2, 9, 0),
    );
    let rule = attendance::correct_attendance(&m, &p2, id(3), e3, from, to, at).unwrap();
    same(
        act::correct_attendance(&m, &p2, id(3), e3, from, to, at),
        to_writes(None, &rule),
    );
}

#[test]
fn r_att_01_an_unknown_entry_or_person_is_refused_as_not_found() {
    let mut m = dept();
    let e3 = rostered(&mut m, 3, d(2026, 12, 1), DAY);
    let (p3, ghost, at) = (person(&m, 3), id(999), madrid(2026, 12, 1, 8, 0));
    not_found(act::clock_in(&m, &p3, ghost, at), "roster_entry");
    not_found(act::clock_out(&m, &p3, ghost, at), "roster_entry");
    not_found(
        act::correct_attendance(&m, &person(&m, 2), ghost, e3, at, None, now()),
        "staff",
    );
}

// ---- handovers, announcements, receipts ----

fn handover_draft(staffing: &str) -> HandoverDraft {
    HandoverDraft {
        team: "Mañana".into(),
        date: d(2026, 11, 22),
        shift: id(DAY),
        equipment: "Centralita OK".into(),
        problems: String::new(),
        staffing: staffing.into(),
        open_items: Vec::new(),
    }
}

#[test]
fn r_ops_02_writing_and_acknowledging_a_handover_by_id_give_the_rules_writes() {
    let mut m = dept();
    let mut second = staff(8, "Marta Líder", Role::TeamLeader, &[]);
    second.team = "Mañana".into();
    put(&mut m, &second);
    let p2 = person(&m, 2);
    let h = ops::write_handover(&m, &p2, None, handover_draft("completo"), id(40), now()).unwrap();
    same(
        act::write_handover(&m, &p2, None, handover_draft("completo"), id(40), now()),
        to_writes(None, &h),
    );
    put(&mut m, &h);
    let again = handover_draft("Sofía de baja");
    let edited = ops::write_handover(&m, &p2, Some(&h), again.clone(), id(41), now()).unwrap();
    same(
        act::write_handover(&m, &p2, Some(id(40)), again, id(41), now()),
        to_writes(Some(&h), &edited),
    );
    let p8 = person(&m, 8);
    let ack = ops::acknowledge_handover(&m, &p8, id(40), now()).unwrap();
    same(
        act::acknowledge_handover(&m, &p8, id(40), now()),
        to_writes(None, &ack),
    );
    put(&mut m, &ack);
    assert_eq!(
        act::acknowledge_handover(&m, &p8, id(40), now()),
        Ok(Vec::new()),
        "pressing twice keeps the one receipt and writes nothing"
    );
}

#[test]
fn r_ops_03_publishing_and_reading_an_announcement_by_id_give_the_rules_writes() {
    let mut m = dept();
    let (p2, teams) = (person(&m, 2), vec!["Mañana".to_string()]);
    let a = ops::publish_announcement(&m, &p2, "Aviso", "Texto", &teams, id(45), now()).unwrap();
    same(
        act::publish_announcement(&m, &p2, "Aviso", "Texto", &teams, id(45), now()),
        to_writes(None, &a),
    );
    put(&mut m, &a);
    let p3 = person(&m, 3);
    let read = ops::mark_read(&m, &p3, id(45), now()).unwrap();
    same(
        act::mark_read(&m, &p3, id(45), now()),
        to_writes(None, &read),
    );
}

#[test]
fn r_ops_02_an_unknown_handover_or_announcement_is_refused_as_not_found() {
    let m = dept();
    let (p2, ghost) = (person(&m, 2), id(999));
    not_found(
        act::write_handover(&m, &p2, Some(ghost), handover_draft("x"), id(40), now()),
        "handover",
    );
    not_found(act::acknowledge_handover(&m, &p2, ghost, now()), "handover");
    not_found(act::mark_read(&m, &p2, ghost, now()), "announcement");
}

// ---- meetings and decisions ----

fn meeting_draft(title: &str) -> MeetingDraft {
    MeetingDraft {
        kind: MeetingKind::Weekly,
        team: "Mañana".into(),
        scheduled_at: madrid(2026, 11, 23, 9, 0),
        title: title.into(),
        agenda: "servicio".into(),
    }
}

#[test]
fn r_ops_04_scheduling_and_minuting_a_meeting_by_id_give_the_rules_writes() {
    let mut m = dept();
    let p2 = person(&m, 2);
    let mt =
        meeting::schedule_meeting(&m, &p2, None, meeting_draft("Semanal"), id(60), now()).unwrap();
    same(
        act::schedule_meeting(&m, &p2, None, meeting_draft("Semanal"), id(60), now()),
        to_writes(None, &mt),
    );
    put(&mut m, &mt);
    let re = meeting_draft("Semanal (sala 2)");
    let moved = meeting::schedule_meeting(&m, &p2, Some(&mt), re.clone(), id(61), now()).unwrap();
    same(
        act::schedule_meeting(&m, &p2, Some(id(60)), re, id(61), now()),
        to_writes(Some(&mt), &moved),
    );
    let at = madrid(2026, 11, 23, 10, 0);
    let held = meeting::record_minutes(&m, &p2, &mt, "Acta", at).unwrap();
    same(
        act::record_minutes(&m, &p2, id(60), "Acta", at),
        to_writes(Some(&mt), &held),
    );
}

#[test]
fn r_ops_04_adding_and_completing_a_decision_by_id_give_the_rules_writes() {
    let mut m = dept();
    let p2 = person(&m, 2);
    let mt =
        meeting::schedule_meeting(&m, &p2, None, meeting_draft("Semanal"), id(60), now()).unwrap();
    put(&mut m, &mt);
    let due = d(2026, 11, 30);
    let dec =
        meeting::add_decision(&m, &p2, id(60), "Redactar", id(3), due, id(62), now()).unwrap();
    same(
        act::add_decision(&m, &p2, id(60), "Redactar", id(3), due, id(62), now()),
        to_writes(None, &dec),
    );
    put(&mut m, &dec);
    let p3 = person(&m, 3);
    let done = meeting::complete_decision(&m, &p3, &dec, now()).unwrap();
    same(
        act::complete_decision(&m, &p3, id(62), now()),
        to_writes(Some(&dec), &done),
    );
}

#[test]
fn r_ops_04_an_unknown_meeting_or_decision_is_refused_as_not_found() {
    let m = dept();
    let (p2, ghost) = (person(&m, 2), id(999));
    not_found(
        act::schedule_meeting(&m, &p2, Some(ghost), meeting_draft("x"), id(60), now()),
        "meeting",
    );
    not_found(
        act::record_minutes(&m, &p2, ghost, "Acta", now()),
        "meeting",
    );
    not_found(
        act::add_decision(&m, &p2, ghost, "x", id(3), d(2026, 12, 1), id(62), now()),
        "meeting",
    );
    not_found(act::complete_decision(&m, &p2, ghost, now()), "decision");
}
