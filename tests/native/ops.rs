//! R-OPS-02 (handover), R-OPS-03 (announcements read before the shift),
//! R-OPS-04 (meetings, minutes, decisions as tasks, monthly before the 25th).

use crate::common::*;
use crate::dept_common::*;
use ventanilla::domain::contact::{record_contact, ContactDraft};
use ventanilla::domain::dept::meeting::*;
use ventanilla::domain::dept::ops::*;
use ventanilla::domain::dept::records::{Meeting, MeetingKind};
use ventanilla::domain::staff::{Action, Role};
use ventanilla::domain::{Lang, Model, RuleError};

fn draft(m: &mut Model) -> HandoverDraft {
    let c = record_contact(
        m,
        &person(m, 3),
        ContactDraft {
            summary: "Reclama factura".into(),
            received_at: now(),
            ..ContactDraft::default()
        },
        id(30),
        now(),
    )
    .unwrap();
    put(m, &c);
    HandoverDraft {
        team: "Mañana".into(),
        date: d(2026, 11, 22),
        shift: id(DAY),
        equipment: "Centralita OK; impresora sin tóner".into(),
        problems: "Cliente insiste por la factura".into(),
        staffing: "Sofía de baja".into(),
        open_items: vec![id(30)],
    }
}

#[test]
fn r_ops_02_handover_written_and_acknowledged_by_the_next_leader() {
    let mut m = dept();
    let mut second = staff(8, "Marta Líder", Role::TeamLeader, &[]);
    second.team = "Mañana".into();
    put(&mut m, &second);
    let dr = draft(&mut m);
    assert_eq!(handover_candidates(&m, "Mañana"), vec![id(30)]);
    let h = write_handover(&m, &person(&m, 2), None, dr, id(40), now()).unwrap();
    put(&mut m, &h);
    assert_eq!(h.open_items, vec![id(30)]);
    assert_eq!(unacknowledged_handovers(&m, "Mañana"), vec![id(40)]);
    assert_eq!(
        m.today(id(8), now()).dept.handovers_to_acknowledge,
        vec![id(40)]
    );
    assert!(
        m.today(id(2), now())
            .dept
            .handovers_to_acknowledge
            .is_empty(),
        "not to its author"
    );
    let own = acknowledge_handover(&m, &person(&m, 2), id(40), now()).unwrap_err();
    assert_eq!(own, RuleError::OwnHandover);
    assert_eq!(own.rule(), Some("R-OPS-02"));
    assert_eq!(
        acknowledge_handover(&m, &person(&m, 6), id(40), now()),
        Err(RuleError::OtherTeam)
    );
    let ack = acknowledge_handover(&m, &person(&m, 8), id(40), now()).unwrap();
    // Acknowledging again, on another device, is the same record.
    let again = acknowledge_handover(&m, &person(&m, 8), id(40), now()).unwrap();
    assert_eq!(ack.id, again.id);
    put(&mut m, &ack);
    assert_eq!(handover_ack(&m, id(40)).map(|r| r.person), Some(id(8)));
    assert!(unacknowledged_handovers(&m, "Mañana").is_empty());
    // Once acknowledged it is not rewritten.
    let dr = draft(&mut m);
    assert_eq!(
        write_handover(&m, &person(&m, 2), Some(&h), dr, id(40), now()),
        Err(RuleError::AlreadyDecided)
    );
}

#[test]
fn r_ops_02_bad_input() {
    let mut m = dept();
    let dr = draft(&mut m);
    let rep = write_handover(&m, &person(&m, 3), None, dr.clone(), id(40), now()).unwrap_err();
    assert_eq!(
        rep,
        RuleError::NotAllowed {
            action: Action::LeadTeam,
            needs: Role::TeamLeader
        }
    );
    let blank = HandoverDraft {
        equipment: " ".into(),
        ..dr.clone()
    };
    assert_eq!(
        write_handover(&m, &person(&m, 2), None, blank, id(40), now()),
        Err(RuleError::Required { field: "equipment" })
    );
    let retyped = HandoverDraft {
        open_items: vec![id(999)],
        ..dr.clone()
    };
    assert_eq!(
        write_handover(&m, &person(&m, 2), None, retyped, id(40), now()),
        Err(RuleError::NotFound { what: "contact" })
    );
    let no_shift = HandoverDraft {
        shift: id(999),
        ..dr
    };
    assert_eq!(
        write_handover(&m, &person(&m, 2), None, no_shift, id(40), now()),
        Err(RuleError::NotFound { what: "shift" })
    );
    assert_eq!(
        acknowledge_handover(&m, &person(&m, 2), id(999), now()),
        Err(RuleError::NotFound { what: "handover" })
    );
}

#[test]
fn r_ops_03_unread_announcements_first_on_today_and_counted_for_the_leader() {
    let mut m = dept();
    let older = publish_announcement(
        &m,
        &person(&m, 5),
        "Nueva tarifa",
        "Desde el lunes…",
        &[],
        id(50),
        now(),
    )
    .unwrap();
    put(&mut m, &older);
    let newer = publish_announcement(
        &m,
        &person(&m, 2),
        "Promoción socios",
        "…",
        &["Mañana".into()],
        id(51),
        now() + chrono::Duration::hours(1),
    )
    .unwrap();
    put(&mut m, &newer);
    assert_eq!(
        m.today(id(3), now()).dept.unread_announcements,
        vec![id(51), id(50)]
    );
    assert_eq!(
        unread_for(&m, id(7)),
        vec![id(50)],
        "Tarde only sees the one for everyone"
    );
    let r = mark_read(&m, &person(&m, 3), id(51), now()).unwrap();
    put(&mut m, &r);
    assert_eq!(unread_for(&m, id(3)), vec![id(50)]);
    // Receipts are per person: Sofía's does not touch Pablo's.
    let r4 = mark_read(&m, &person(&m, 4), id(51), now()).unwrap();
    assert_ne!(r.id, r4.id);
    // The leader sees who has not read, those with a shift soon first.
    rostered(&mut m, 4, d(2026, 11, 23), DAY);
    let counts = m.today(id(2), now()).dept.unread_by_member;
    assert_eq!(counts[0], (id(4), 2, true));
    assert!(counts.contains(&(id(3), 1, false)));
    assert_eq!(
        mark_read(&m, &person(&m, 3), id(999), now()),
        Err(RuleError::NotFound {
            what: "announcement"
        })
    );
}

#[test]
fn r_ops_03_leaders_announce_to_their_own_team_only() {
    let m = dept();
    let l2 = person(&m, 2);
    assert_eq!(
        publish_announcement(&m, &l2, "x", "y", &[], id(50), now()),
        Err(RuleError::OtherTeam)
    );
    assert_eq!(
        publish_announcement(&m, &l2, "x", "y", &["Tarde".into()], id(50), now()),
        Err(RuleError::OtherTeam)
    );
    assert_eq!(
        publish_announcement(&m, &l2, "", "y", &["Mañana".into()], id(50), now()),
        Err(RuleError::Required { field: "title" })
    );
    assert!(publish_announcement(
        &m,
        &person(&m, 3),
        "x",
        "y",
        &["Mañana".into()],
        id(50),
        now()
    )
    .is_err());
}

fn meeting(
    m: &mut Model,
    kind: MeetingKind,
    at: chrono::DateTime<chrono::Utc>,
    n: u128,
) -> Meeting {
    let mt = schedule_meeting(
        m,
        &person(m, 2),
        None,
        MeetingDraft {
            kind,
            team: "Mañana".into(),
            scheduled_at: at,
            title: "Reunión".into(),
            agenda: "servicio, seguridad, formación, asistencia".into(),
        },
        id(n),
        now(),
    )
    .unwrap();
    put(m, &mt);
    mt
}

#[test]
fn r_ops_04_decisions_with_owner_and_due_date_become_tasks_on_today() {
    let mut m = dept();
    let mt = meeting(&mut m, MeetingKind::Weekly, madrid(2026, 11, 23, 9, 0), 60);
    let early = record_minutes(&m, &person(&m, 2), &mt, "Acta", madrid(2026, 11, 22, 9, 0));
    assert_eq!(
        early,
        Err(RuleError::InvalidDate {
            field: "scheduled_at"
        })
    );
    let held = record_minutes(
        &m,
        &person(&m, 2),
        &mt,
        "Se acuerda respuesta estándar",
        madrid(2026, 11, 23, 10, 0),
    )
    .unwrap();
    assert!(held.held);
    put(&mut m, &held);
    let dec = add_decision(
        &m,
        &person(&m, 2),
        id(60),
        "Redactar respuesta estándar",
        id(3),
        d(2026, 11, 30),
        id(61),
        now(),
    )
    .unwrap();
    put(&mut m, &dec);
    let dec2 = add_decision(
        &m,
        &person(&m, 2),
        id(60),
        "Revisar centralita",
        id(3),
        d(2026, 11, 25),
        id(62),
        now(),
    )
    .unwrap();
    put(&mut m, &dec2);
    assert_eq!(m.today(id(3), now()).dept.tasks, vec![id(62), id(61)]);
    let done = complete_decision(&m, &person(&m, 3), &dec2, now()).unwrap();
    put(&mut m, &done);
    assert_eq!(m.today(id(3), now()).dept.tasks, vec![id(61)]);
    assert!(complete_decision(&m, &person(&m, 4), &dec, now()).is_err());
    // Bad input.
    assert_eq!(
        add_decision(
            &m,
            &person(&m, 2),
            id(60),
            "x",
            id(3),
            d(2026, 11, 22),
            id(63),
            now()
        ),
        Err(RuleError::EndBeforeStart { field: "due" })
    );
    assert_eq!(
        add_decision(
            &m,
            &person(&m, 2),
            id(60),
            " ",
            id(3),
            d(2026, 11, 30),
            id(63),
            now()
        ),
        Err(RuleError::Required { field: "text" })
    );
    assert_eq!(
        add_decision(
            &m,
            &person(&m, 2),
            id(999),
            "x",
            id(3),
            d(2026, 11, 30),
            id(63),
            now()
        ),
        Err(RuleError::NotFound { what: "meeting" })
    );
    assert_eq!(
        add_decision(
            &m,
            &person(&m, 2),
            id(60),
            "x",
            id(999),
            d(2026, 11, 30),
            id(63),
            now()
        ),
        Err(RuleError::InactiveStaff)
    );
}

#[test]
fn r_ops_04_monthly_meeting_must_be_scheduled_before_the_25th() {
    let mut m = dept();
    let jan = madrid(2027, 1, 10, 12, 0);
    let w = monthly_meeting_warning(&m, "Mañana", jan).unwrap();
    assert_eq!(
        (w.month, w.deadline, w.overdue),
        (d(2027, 1, 1), d(2027, 1, 25), false)
    );
    assert_eq!(m.today(id(2), jan).dept.monthly_meeting, Some(w));
    // On the 25th itself is too late.
    meeting(&mut m, MeetingKind::Monthly, madrid(2027, 1, 25, 10, 0), 60);
    assert!(monthly_meeting_warning(&m, "Mañana", jan).is_some());
    // A weekly meeting does not count.
    meeting(&mut m, MeetingKind::Weekly, madrid(2027, 1, 20, 10, 0), 61);
    assert!(monthly_meeting_warning(&m, "Mañana", jan).is_some());
    // 23:30 on the 24th, Madrid time, is before the 25th (22:30 UTC).
    meeting(
        &mut m,
        MeetingKind::Monthly,
        madrid(2027, 1, 24, 23, 30),
        62,
    );
    assert_eq!(monthly_meeting_warning(&m, "Mañana", jan), None);
    // January's meeting does not cover February; past the 25th it is overdue.
    let feb = madrid(2027, 2, 26, 9, 0);
    let w = monthly_meeting_warning(&m, "Mañana", feb).unwrap();
    assert_eq!(w.month, d(2027, 2, 1));
    assert!(w.overdue);
    // A department-wide monthly meeting covers every team.
    let all = schedule_meeting(
        &m,
        &person(&m, 5),
        None,
        MeetingDraft {
            kind: MeetingKind::Monthly,
            team: String::new(),
            scheduled_at: madrid(2027, 2, 3, 9, 0),
            title: "Mensual".into(),
            agenda: String::new(),
        },
        id(63),
        now(),
    )
    .unwrap();
    put(&mut m, &all);
    assert_eq!(monthly_meeting_warning(&m, "Tarde", feb), None);
    let err = schedule_meeting(
        &m,
        &person(&m, 2),
        None,
        MeetingDraft {
            title: " ".into(),
            team: "Mañana".into(),
            scheduled_at: now(),
            ..MeetingDraft::default()
        },
        id(64),
        now(),
    );
    assert_eq!(err, Err(RuleError::Required { field: "title" }));
    assert!(RuleError::OwnHandover
        .message(Lang::Es)
        .contains("R-OPS-02"));
}
