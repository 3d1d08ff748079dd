//! R-STD-01..R-STD-03 across devices: what two devices do apart is all
//! kept once they meet (a standard's version, a finding, an action is a
//! record of its own; a department's id derives from its name).

use crate::common::*;
use crate::dept_common::d;
use crate::standards_common::*;
use chrono::Duration;
use ventanilla::domain::complaint::Severity;
use ventanilla::domain::standards::{
    self, act, ActionDraft, AuditDraft, Metric, PeriodKind, StandardDraft,
};

fn meet(a: &mut Device, b: &mut Device) {
    a.receive(b);
    b.receive(a);
}

fn same(a: &Device, b: &Device) {
    assert_eq!(
        a.replica.state.to_canonical_json(),
        b.replica.state.to_canonical_json()
    );
}

#[test]
fn r_std_01_the_same_department_added_apart_is_one_record_and_both_versions_are_kept() {
    let mut a = std_device(1);
    let mut b = std_device(2);
    let (da, db) = (a.who(DIRECTOR), b.who(CENTER));
    a.save(act::add_department(&a.model, &da, "Almacén", now()));
    b.save(act::adopt(
        &b.model,
        &db,
        "almacén",
        None,
        now() + Duration::minutes(1),
    ));
    meet(&mut a, &mut b);
    same(&a, &b);
    assert_eq!(a.model.standards.departments.len(), 1, "one derived id");
    let dept = *a
        .model
        .standards
        .departments
        .keys()
        .next()
        .expect("a department");
    // Two directors set the same standard apart: both versions are kept,
    // and the one set last judges the period.
    let version = |threshold| StandardDraft {
        department: dept,
        metric: Metric::FirstResponse,
        threshold,
        target: 90,
        period: PeriodKind::Month,
        from: d(2026, 12, 1),
        active: true,
    };
    a.save(act::set_standard(
        &a.model,
        &da,
        &version(60),
        id(50),
        now(),
    ));
    b.save(act::set_standard(
        &b.model,
        &db,
        &version(45),
        id(51),
        now() + Duration::minutes(5),
    ));
    meet(&mut a, &mut b);
    same(&a, &b);
    for dev in [&a, &b] {
        assert_eq!(
            standards::versions(&dev.model, dept, Metric::FirstResponse).len(),
            2
        );
        let s = standards::in_force(&dev.model, dept, Metric::FirstResponse, d(2026, 12, 3))
            .expect("in force");
        assert_eq!((s.id, s.threshold), (id(51), 45));
    }
}

#[test]
fn r_std_03_findings_and_actions_added_apart_are_all_kept_and_verification_follows_the_owner() {
    let mut a = std_device(1);
    let boss = a.who(DIRECTOR);
    a.save(act::add_department(&a.model, &boss, "Reparto", now()));
    let dept = *a
        .model
        .standards
        .departments
        .keys()
        .next()
        .expect("a department");
    let audit = AuditDraft {
        department: dept,
        date: d(2026, 11, 20),
        summary: String::new(),
    };
    a.save(act::record_audit(&a.model, &boss, &audit, id(200), now()));
    let mut b = std_device(2);
    b.receive(&a);
    // The auditor on a tablet with no network, and another director, apart.
    let center = b.who(CENTER);
    a.save(act::add_finding(
        &a.model,
        &boss,
        id(200),
        Severity::Serious,
        "Sin albarán",
        id(210),
        now(),
    ));
    b.save(act::add_finding(
        &b.model,
        &center,
        id(200),
        Severity::Low,
        "Cola larga",
        id(211),
        now(),
    ));
    let action = |owner, text: &str| ActionDraft {
        finding: None,
        text: text.into(),
        owner: id(owner),
        due: d(2026, 11, 27),
    };
    a.save(act::add_action(
        &a.model,
        &boss,
        id(200),
        &action(REP, "Albaranes"),
        id(220),
        now(),
    ));
    b.save(act::add_action(
        &b.model,
        &center,
        id(200),
        &action(REP2, "Refuerzo"),
        id(221),
        now(),
    ));
    meet(&mut a, &mut b);
    same(&a, &b);
    for dev in [&a, &b] {
        assert_eq!(dev.model.standards.findings_of(id(200)).len(), 2);
        assert_eq!(dev.model.standards.actions_of(id(200)).len(), 2);
        assert_eq!(
            standards::open_actions_for(&dev.model, id(REP2)),
            vec![id(221)]
        );
    }
    // Done on one device, verified on the other once it arrives.
    let rep = b.who(REP);
    b.save(act::complete_action(
        &b.model,
        &rep,
        id(220),
        now() + Duration::hours(1),
    ));
    meet(&mut a, &mut b);
    assert_eq!(standards::to_verify(&a.model, id(DIRECTOR)), vec![id(220)]);
    a.save(act::verify_action(
        &a.model,
        &boss,
        id(220),
        true,
        "Visto",
        now() + Duration::hours(2),
    ));
    meet(&mut a, &mut b);
    same(&a, &b);
    assert!(b.model.standards.actions[&id(220)].verified_at.is_some());
}
