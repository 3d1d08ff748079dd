//! Fixtures for the department tests: two teams, shift kinds,
//! Madrid time.

use crate::common::*;
use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use ventanilla::domain::base::zone::Zone;
use ventanilla::domain::dept::leave::{request_leave, LeaveDraft};
use ventanilla::domain::dept::profile::{save_profile, ProfileDraft};
use ventanilla::domain::dept::records::ShiftKind;
use ventanilla::domain::dept::records::{Leave, LeaveKind};
use ventanilla::domain::dept::roster::{save_shift, set_roster_day, ShiftDraft};
use ventanilla::domain::staff::Role;
use ventanilla::domain::Model;
use ventanilla::sync::RecordId;

pub const DAY: u128 = 100;
pub const NIGHT: u128 = 101;
pub const HOLIDAY_DUTY: u128 = 102;

pub fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("valid test date")
}

pub fn hm(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).expect("valid test time")
}

/// A Madrid wall-clock time as an instant.
pub fn madrid(y: i32, m: u32, day: u32, h: u32, min: u32) -> DateTime<Utc> {
    Zone::MADRID.to_utc(d(y, m, day).and_time(hm(h, min)))
}

/// common::team() ("Mañana": director 1, leader 2, reps 3 and 4) plus a
/// department director 5 and a second team "Tarde" (leader 6, rep 7), the
/// shift kinds, Madrid time, and everyone an agent of level 1.
pub fn dept() -> Model {
    let mut m = team();
    put(
        &mut m,
        &staff(5, "Diego Depto", Role::DepartmentDirector, &[]),
    );
    let mut l6 = staff(6, "Lucía Líder", Role::TeamLeader, &[]);
    l6.team = "Tarde".into();
    put(&mut m, &l6);
    let mut r7 = staff(7, "Tomás Rep", Role::Representative, &[]);
    r7.team = "Tarde".into();
    put(&mut m, &r7);
    let boss = person(&m, 1);
    for (n, name, kind, s, e, holiday) in [
        (DAY, "Día", ShiftKind::Day, hm(8, 0), hm(16, 0), false),
        (NIGHT, "Noche", ShiftKind::Night, hm(22, 0), hm(6, 0), false),
        (
            HOLIDAY_DUTY,
            "Guardia festivo",
            ShiftKind::Day,
            hm(9, 0),
            hm(14, 0),
            true,
        ),
    ] {
        let def = save_shift(
            &m,
            &boss,
            None,
            ShiftDraft {
                name: name.into(),
                kind,
                start: s,
                end: e,
                holiday,
            },
            id(n),
            now(),
        )
        .expect("shift saves");
        put(&mut m, &def);
    }
    for p in [2, 3, 4, 6, 7] {
        let profile = save_profile(
            &m,
            &boss,
            id(p),
            ProfileDraft {
                job_type: "agente".into(),
                level: "1".into(),
                address: format!("Calle {p}"),
                emergency_contact: "Familia".into(),
                emergency_phone: "600 000 000".into(),
            },
            now(),
        )
        .expect("profile saves");
        put(&mut m, &profile);
    }
    m
}

/// Rosters `p` on `shift` on `date` (by the center director) and returns the entry id.
pub fn rostered(m: &mut Model, p: u128, date: NaiveDate, shift: u128) -> RecordId {
    let e = set_roster_day(m, &person(m, 1), id(p), date, Some(id(shift)), now())
        .expect("roster day saves");
    put(m, &e);
    e.id
}

pub fn ask_leave(
    m: &mut Model,
    p: u128,
    kind: LeaveKind,
    from: NaiveDate,
    to: NaiveDate,
    leave_id: u128,
    at: DateTime<Utc>,
) -> Leave {
    let l = request_leave(
        m,
        &person(m, p),
        LeaveDraft {
            person: id(p),
            kind,
            first_day: from,
            last_day: to,
            reason: "motivo".into(),
            ..LeaveDraft::default()
        },
        id(leave_id),
        at,
    )
    .expect("leave request accepted");
    put(m, &l);
    l
}
