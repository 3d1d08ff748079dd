//! R-STD-03: audits record findings and improvement actions; an action is
//! done by its owner and verified by the auditor (or sent back); open
//! actions are on their owners' Today, done ones on the auditor's, overdue
//! ones on the directors'.

use crate::common::*;
use crate::dept_common::d;
use crate::standards_common::*;
use chrono::Duration;
use ventanilla::domain::complaint::Severity;
use ventanilla::domain::standards::{self, act, ActionDraft, AuditDraft};
use ventanilla::domain::{Model, RuleError};
use ventanilla::sync::RecordId;

/// "Almacén" audited on the 20th by the department director (audit 200),
/// with finding 210 and action 220 for representative 3, due the 25th.
fn audited() -> (Model, RecordId) {
    let mut m = std_world();
    let dept = add_dept(&mut m, "Almacén");
    let boss = person(&m, DIRECTOR);
    let draft = AuditDraft {
        department: dept,
        date: d(2026, 11, 20),
        summary: "Revisión de plazos".into(),
    };
    keep(
        act::record_audit(&m, &boss, &draft, id(200), now()).expect("audit"),
        &mut m,
    );
    let evidence = "Tres pedidos sin respuesta en 48 h";
    keep(
        act::add_finding(
            &m,
            &boss,
            id(200),
            Severity::Serious,
            evidence,
            id(210),
            now(),
        )
        .expect("finding"),
        &mut m,
    );
    let action = ActionDraft {
        finding: Some(id(210)),
        text: "Responder cada derivación el mismo día".into(),
        owner: id(REP),
        due: d(2026, 11, 25),
    };
    keep(
        act::add_action(&m, &boss, id(200), &action, id(220), now()).expect("action"),
        &mut m,
    );
    (m, dept)
}

#[test]
fn r_std_03_an_audit_of_a_department_records_findings_and_actions() {
    let (m, dept) = audited();
    let a = &m.standards.audits[&id(200)];
    assert_eq!(
        (a.department, a.auditor, a.date),
        (dept, id(DIRECTOR), d(2026, 11, 20))
    );
    assert_eq!(m.standards.findings_of(id(200)).len(), 1);
    let i = &m.standards.actions_of(id(200))[0];
    assert_eq!(
        (i.owner, i.due, i.finding),
        (id(REP), d(2026, 11, 25), Some(id(210)))
    );
    assert_eq!(m.standards.audits_of(dept).len(), 1);
    // Who may, and what is checked.
    let rep = person(&m, REP);
    let boss = person(&m, DIRECTOR);
    let draft = AuditDraft {
        department: dept,
        date: d(2026, 11, 20),
        summary: String::new(),
    };
    let (_, rule) = refused(act::record_audit(&m, &rep, &draft, id(201), now()));
    assert_eq!(rule, Some("R-ROL-02"));
    let future = AuditDraft {
        date: d(2026, 11, 30),
        ..draft.clone()
    };
    let (e, rule) = refused(act::record_audit(&m, &boss, &future, id(201), now()));
    assert_eq!(
        (e, rule),
        (
            RuleError::InvalidDate {
                field: "std_audit_date"
            },
            Some("R-STD-03")
        )
    );
    let nowhere = AuditDraft {
        department: id(999),
        ..draft.clone()
    };
    let (e, _) = refused(act::record_audit(&m, &boss, &nowhere, id(201), now()));
    assert_eq!(
        e,
        RuleError::NotFound {
            what: "std_department"
        }
    );
    let (e, rule) = refused(act::add_finding(
        &m,
        &boss,
        id(200),
        Severity::Low,
        "  ",
        id(211),
        now(),
    ));
    assert_eq!(
        (e, rule),
        (
            RuleError::Required {
                field: "std_evidence"
            },
            Some("R-STD-03")
        )
    );
    let (e, _) = refused(act::add_finding(
        &m,
        &boss,
        id(999),
        Severity::Low,
        "x",
        id(211),
        now(),
    ));
    assert_eq!(e, RuleError::NotFound { what: "std_audit" });
    let ok = ActionDraft {
        finding: None,
        text: "Formar".into(),
        owner: id(REP2),
        due: d(2026, 11, 30),
    };
    let bad: Vec<(ActionDraft, RuleError)> = vec![
        (
            ActionDraft {
                text: String::new(),
                ..ok.clone()
            },
            RuleError::Required {
                field: "std_action_text",
            },
        ),
        (
            ActionDraft {
                owner: id(999),
                ..ok.clone()
            },
            RuleError::InactiveStaff,
        ),
        (
            ActionDraft {
                finding: Some(id(999)),
                ..ok.clone()
            },
            RuleError::NotFound {
                what: "std_finding",
            },
        ),
        (
            ActionDraft {
                due: d(2026, 11, 19),
                ..ok.clone()
            },
            RuleError::EndBeforeStart {
                field: "std_action_due",
            },
        ),
        (
            ActionDraft {
                text: "x".repeat(2001),
                ..ok.clone()
            },
            RuleError::TooLong {
                field: "std_action_text",
                max: 2000,
            },
        ),
    ];
    for (draft, expected) in bad {
        let (e, _) = refused(act::add_action(&m, &boss, id(200), &draft, id(221), now()));
        assert_eq!(e, expected);
    }
    assert!(act::add_action(&m, &boss, id(200), &ok, id(221), now()).is_ok());
}

#[test]
fn r_std_03_an_action_is_done_by_its_owner_then_verified_by_the_auditor_or_sent_back() {
    let (mut m, _) = audited();
    let (rep, other, boss, center) = (
        person(&m, REP),
        person(&m, REP2),
        person(&m, DIRECTOR),
        person(&m, CENTER),
    );
    let (_, rule) = refused(act::complete_action(&m, &other, id(220), now()));
    assert_eq!(rule, Some("R-ROL-02"), "someone else's action");
    let (e, rule) = refused(act::verify_action(&m, &boss, id(220), true, "", now()));
    assert_eq!(
        (e, rule),
        (
            RuleError::Required {
                field: "std_action_done"
            },
            Some("R-STD-03")
        ),
        "not done yet"
    );
    keep(
        act::complete_action(&m, &rep, id(220), now()).expect("done"),
        &mut m,
    );
    let i = &m.standards.actions[&id(220)];
    assert_eq!((i.done_at, i.done_by), (Some(now()), Some(id(REP))));
    // Nobody verifies their own; only the auditor or a director.
    assert_eq!(
        refused(act::verify_action(&m, &rep, id(220), true, "", now())).1,
        Some("R-ROL-02")
    );
    // Sent back: a note is required, and the action is open again.
    let (e, _) = refused(act::verify_action(&m, &boss, id(220), false, " ", now()));
    assert_eq!(
        e,
        RuleError::Required {
            field: "std_verify_note"
        }
    );
    keep(
        act::verify_action(&m, &boss, id(220), false, "Faltan dos pedidos", now())
            .expect("sent back"),
        &mut m,
    );
    let i = &m.standards.actions[&id(220)];
    assert_eq!(
        (i.done_at, i.verify_note.as_str()),
        (None, "Faltan dos pedidos")
    );
    assert!(standards::is_open(i));
    let later = now() + Duration::hours(2);
    keep(
        act::complete_action(&m, &rep, id(220), later).expect("done again"),
        &mut m,
    );
    keep(
        act::verify_action(&m, &boss, id(220), true, "Comprobado", later).expect("verified"),
        &mut m,
    );
    let i = &m.standards.actions[&id(220)];
    assert_eq!(
        (i.verified_at, i.verified_by),
        (Some(later), Some(id(DIRECTOR)))
    );
    for result in [
        act::verify_action(&m, &center, id(220), true, "", later),
        act::complete_action(&m, &rep, id(220), later),
    ] {
        assert_eq!(refused(result).0, RuleError::AlreadyDecided);
    }
    // A director's own action is verified by someone else.
    let own = ActionDraft {
        finding: None,
        text: "Revisar".into(),
        owner: id(DIRECTOR),
        due: d(2026, 11, 30),
    };
    keep(
        act::add_action(&m, &boss, id(200), &own, id(221), now()).expect("action"),
        &mut m,
    );
    keep(
        act::complete_action(&m, &boss, id(221), now()).expect("done"),
        &mut m,
    );
    assert_eq!(
        refused(act::verify_action(&m, &boss, id(221), true, "", now())).0,
        RuleError::OwnRequest
    );
    assert!(act::verify_action(&m, &center, id(221), true, "", now()).is_ok());
}

#[test]
fn r_std_03_open_actions_are_on_their_owners_today_done_ones_on_the_auditors_overdue_on_directors()
{
    let (mut m, _) = audited();
    let boss = person(&m, DIRECTOR);
    let later = ActionDraft {
        finding: None,
        text: "Carteles".into(),
        owner: id(REP),
        due: d(2026, 12, 5),
    };
    keep(
        act::add_action(&m, &boss, id(200), &later, id(221), now()).expect("action"),
        &mut m,
    );
    assert_eq!(
        standards::open_actions_for(&m, id(REP)),
        vec![id(220), id(221)],
        "soonest due first"
    );
    assert!(standards::open_actions_for(&m, id(REP2)).is_empty());
    let on = |day| d(2026, 11, day);
    assert!(
        standards::overdue_actions(&m, &boss, on(25)).is_empty(),
        "due today is not late"
    );
    assert_eq!(standards::overdue_actions(&m, &boss, on(26)), vec![id(220)]);
    assert_eq!(
        standards::overdue_actions(&m, &person(&m, CENTER), on(26)),
        vec![id(220)]
    );
    assert!(
        standards::overdue_actions(&m, &person(&m, LEADER), on(26)).is_empty(),
        "a director's list"
    );
    assert!(standards::to_verify(&m, id(DIRECTOR)).is_empty());
    keep(
        act::complete_action(&m, &person(&m, REP), id(220), now()).expect("done"),
        &mut m,
    );
    assert_eq!(standards::open_actions_for(&m, id(REP)), vec![id(221)]);
    assert_eq!(standards::to_verify(&m, id(DIRECTOR)), vec![id(220)]);
    assert!(
        standards::overdue_actions(&m, &boss, on(26)).is_empty(),
        "done is not overdue"
    );
}
