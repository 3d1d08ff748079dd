//! R-ESC-01: matters go up one level at a time; an emergency may skip a
//! level and the skipped person is informed; instructions are recorded.

use crate::common::*;
use chrono::{DateTime, Duration, Utc};
use ventanilla::domain::escalation::*;
use ventanilla::domain::staff::{Role, Staff};
use ventanilla::domain::{Lang, Model, RuleError};
use ventanilla::sync::{DeviceId, Op, RecordId, Replica, Write};

struct Device {
    replica: Replica,
    model: Model,
    log: Vec<Op>,
}

impl Device {
    fn with(model: Model, n: u64) -> Device {
        Device {
            replica: Replica::new(DeviceId(n)),
            model,
            log: Vec::new(),
        }
    }

    fn new(n: u64) -> Device {
        Device::with(org(), n)
    }

    fn refresh(&mut self, keys: Vec<ventanilla::sync::RecordKey>) {
        for k in keys {
            let json = self.replica.state.get(&k.kind, k.id).map(|e| e.to_json());
            self.model.refresh(&k.kind, k.id, json.as_ref());
        }
    }

    fn apply(&mut self, writes: Vec<Write>) {
        let ms = now().timestamp_millis() as u64 + self.log.len() as u64;
        let (action, changed) = self.replica.commit(writes, ms);
        self.log.extend(action.ops);
        self.refresh(changed);
    }

    fn receive(&mut self, other: &Device) {
        let changed = self
            .replica
            .receive(&other.log, now().timestamp_millis() as u64 + 1_000)
            .expect("clocks agree");
        self.log.extend(other.log.iter().cloned());
        self.refresh(changed);
    }

    fn who(&self, n: u128) -> Staff {
        person(&self.model, n)
    }

    fn chain(&self) -> EscalationView {
        chain(&self.model, E).expect("escalation exists")
    }
}

const E: RecordId = RecordId(500);

/// team(): center director 1, team leader 2 and representatives 3, 4 on
/// "Mañana"; plus department director 5, team leader 6 on "Tarde", and
/// quality inspector 7.
fn org() -> Model {
    let mut m = team();
    put(
        &mut m,
        &staff(5, "Dora Departamento", Role::DepartmentDirector, &[]),
    );
    let mut other = staff(6, "Tomás Tarde", Role::TeamLeader, &[]);
    other.team = "Tarde".into();
    put(&mut m, &other);
    put(
        &mut m,
        &staff(7, "Inés Calidad", Role::QualityInspector, &[]),
    );
    m
}

fn min(n: i64) -> DateTime<Utc> {
    now() + Duration::minutes(n)
}

fn draft(to: Option<Role>, emergency: bool) -> EscalationDraft {
    EscalationDraft {
        matter: Some(Matter::ConfidentialityLeak),
        description: "Se envió la ficha de un cliente a otro".into(),
        to,
        emergency,
        ..EscalationDraft::default()
    }
}

fn ids(step: u128) -> RaiseIds {
    RaiseIds {
        escalation: E,
        step: id(step),
    }
}

fn raised(d: &mut Device, by: u128, to: Option<Role>, emergency: bool) {
    let w = raise(&d.model, &d.who(by), draft(to, emergency), ids(501), now()).unwrap();
    d.apply(w);
}

#[test]
fn r_esc_01_goes_up_the_chain_one_level_at_a_time() {
    let mut d = Device::new(1);
    raised(&mut d, 3, None, false);
    let v = d.chain();
    assert_eq!(
        v.holder,
        Some(id(2)),
        "the team leader of the raiser's team"
    );
    assert_eq!(v.level, Role::TeamLeader);
    assert!(v.notify.is_empty());
    assert_eq!(d.model.today(id(2), now()).escalations, vec![E]);
    assert!(d.model.today(id(6), now()).escalations.is_empty());
    // A representative cannot pass it on; the holder can.
    assert_eq!(
        escalate(&d.model, &d.who(4), E, None, false, "", id(502), min(1)).unwrap_err(),
        RuleError::NotInChain
    );
    let w = escalate(
        &d.model,
        &d.who(2),
        E,
        None,
        false,
        "Supera mi nivel",
        id(502),
        min(1),
    )
    .unwrap();
    d.apply(w);
    assert_eq!(d.chain().holder, Some(id(5)));
    let w = escalate(&d.model, &d.who(5), E, None, false, "", id(503), min(2)).unwrap();
    d.apply(w);
    let v = d.chain();
    assert_eq!((v.holder, v.level), (Some(id(1)), Role::CenterDirector));
    assert_eq!(
        v.steps.iter().map(|s| s.to).collect::<Vec<_>>(),
        vec![Some(id(2)), Some(id(5)), Some(id(1))],
        "the chain is visible"
    );
    assert_eq!(v.steps[1].text, "Supera mi nivel");
    let top = escalate(&d.model, &d.who(1), E, None, false, "", id(504), min(3)).unwrap_err();
    assert_eq!(top, RuleError::NoSuperior);
    assert_eq!(top.rule(), Some("R-ESC-01"));
    assert!(d.model.today(id(2), min(3)).escalations.is_empty());
}

#[test]
fn r_esc_01_anyone_raises_to_the_level_above_their_own() {
    let d = Device::new(1);
    for (by, holder) in [(7, 2), (2, 5), (6, 5), (5, 1)] {
        let w = raise(&d.model, &d.who(by), draft(None, false), ids(501), now()).unwrap();
        let mut e = Device::new(2);
        e.apply(w);
        assert_eq!(e.chain().holder, Some(id(holder)), "raised by {by}");
        assert_eq!(e.chain().escalation.raised_by, id(by));
    }
    assert_eq!(
        raise(&d.model, &d.who(1), draft(None, false), ids(501), now()).unwrap_err(),
        vec![RuleError::NoSuperior],
        "nobody above the center director"
    );
}

#[test]
fn r_esc_01_skipping_a_level_without_an_emergency_is_refused() {
    let d = Device::new(1);
    let err = raise(
        &d.model,
        &d.who(3),
        draft(Some(Role::DepartmentDirector), false),
        ids(501),
        now(),
    )
    .unwrap_err();
    assert_eq!(
        err,
        vec![RuleError::SkipNeedsEmergency {
            skipped: Role::TeamLeader
        }]
    );
    assert_eq!(err[0].rule(), Some("R-ESC-01"));
    assert!(err[0].message(Lang::Es).contains("líder de turno"));
    assert!(err[0].message(Lang::En).contains("emergency"));
    assert_eq!(
        raise(
            &d.model,
            &d.who(3),
            draft(Some(Role::Representative), false),
            ids(501),
            now()
        )
        .unwrap_err(),
        vec![RuleError::NoSuperior],
        "not sideways or down"
    );
}

#[test]
fn r_esc_01_an_emergency_may_skip_and_the_skipped_are_informed() {
    let mut d = Device::new(1);
    raised(&mut d, 3, Some(Role::CenterDirector), true);
    let v = d.chain();
    assert_eq!(v.holder, Some(id(1)));
    assert!(v.steps[0].emergency);
    assert_eq!(v.steps[0].notify, vec![id(2), id(5)]);
    assert_eq!(v.notify, vec![id(2), id(5)]);
    assert_eq!(d.model.today(id(2), now()).escalation_notices, vec![E]);
    assert_eq!(d.model.today(id(5), now()).escalation_notices, vec![E]);
    assert_eq!(
        acknowledge(&d.model, &d.who(4), E, id(510), min(5)).unwrap_err(),
        RuleError::NotInChain
    );
    let w = acknowledge(&d.model, &d.who(2), E, id(510), min(5)).unwrap();
    d.apply(w);
    assert_eq!(d.chain().notify, vec![id(5)]);
    assert!(d.model.today(id(2), min(5)).escalation_notices.is_empty());
    // The skipped team leader was reached, so may record instructions too.
    let w = instruct(
        &d.model,
        &d.who(2),
        E,
        "Avisad al cliente afectado",
        id(511),
        min(6),
    )
    .unwrap();
    d.apply(w);
    assert_eq!(d.chain().instructions().count(), 1);
}

#[test]
fn r_esc_01_a_level_with_nobody_in_it_is_not_a_skip() {
    let mut m = org();
    m.refresh("staff", id(5), None);
    let mut d = Device::with(m, 1);
    raised(&mut d, 3, None, false);
    let w = escalate(&d.model, &d.who(2), E, None, false, "", id(502), min(1)).unwrap();
    d.apply(w);
    let v = d.chain();
    assert_eq!(v.holder, Some(id(1)));
    assert!(v.notify.is_empty());
    assert!(!v.steps[1].emergency);
}

#[test]
fn r_esc_01_superiors_record_instructions() {
    let mut d = Device::new(1);
    raised(&mut d, 3, None, false);
    assert_eq!(
        instruct(&d.model, &d.who(4), E, "x", id(520), min(1)).unwrap_err(),
        RuleError::NotInChain,
        "a colleague is not a superior"
    );
    assert_eq!(
        instruct(&d.model, &d.who(3), E, "x", id(520), min(1)).unwrap_err(),
        RuleError::NotInChain,
        "nor is the raiser"
    );
    assert_eq!(
        instruct(&d.model, &d.who(2), E, "  ", id(520), min(1)).unwrap_err(),
        RuleError::Required {
            field: "instruction"
        }
    );
    assert_eq!(
        instruct(&d.model, &d.who(2), E, &"x".repeat(2_001), id(520), min(1)).unwrap_err(),
        RuleError::TooLong {
            field: "instruction",
            max: 2_000
        }
    );
    let w = instruct(
        &d.model,
        &d.who(2),
        E,
        "Bloquea el envío y llámame",
        id(520),
        min(1),
    )
    .unwrap();
    d.apply(w);
    // The center director is above everyone and may always instruct.
    let w = instruct(
        &d.model,
        &d.who(1),
        E,
        "Informe por escrito",
        id(521),
        min(2),
    )
    .unwrap();
    d.apply(w);
    let v = d.chain();
    let said: Vec<(RecordId, &str)> = v.instructions().map(|s| (s.by, s.text.as_str())).collect();
    assert_eq!(
        said,
        vec![
            (id(2), "Bloquea el envío y llámame"),
            (id(1), "Informe por escrito")
        ]
    );
    let w = close(&d.model, &d.who(2), E, "Resuelto", id(522), min(3)).unwrap();
    d.apply(w);
    assert!(d.chain().closed);
    assert_eq!(
        escalate(&d.model, &d.who(2), E, None, false, "", id(523), min(4)).unwrap_err(),
        RuleError::EscalationClosed
    );
    assert!(d.model.today(id(2), min(4)).escalations.is_empty());
}

#[test]
fn r_esc_01_concurrent_steps_on_two_devices_both_survive() {
    let mut a = Device::new(1);
    raised(&mut a, 3, None, false);
    let mut b = Device::new(2);
    b.receive(&a);
    let w = instruct(&a.model, &a.who(2), E, "Calma al cliente", id(530), min(1)).unwrap();
    a.apply(w);
    let w = escalate(&b.model, &b.who(2), E, None, false, "", id(531), min(2)).unwrap();
    b.apply(w);
    a.receive(&b);
    b.receive(&a);
    let (va, vb) = (a.chain(), b.chain());
    assert_eq!(va, vb);
    assert_eq!(va.steps.len(), 3);
    assert_eq!(va.instructions().count(), 1);
    assert_eq!(va.holder, Some(id(5)));
}

#[test]
fn bad_input_missing_matter_empty_description_unknown_records() {
    let d = Device::new(1);
    let bad = EscalationDraft {
        matter: None,
        description: " ".into(),
        complaint: Some(id(404)),
        customer: Some(id(405)),
        ..EscalationDraft::default()
    };
    let errs = raise(&d.model, &d.who(3), bad, ids(501), now()).unwrap_err();
    assert_eq!(
        errs,
        vec![
            RuleError::Required { field: "matter" },
            RuleError::Required {
                field: "description"
            },
            RuleError::NotFound { what: "complaint" },
            RuleError::NotFound { what: "customer" },
        ]
    );
    assert!(errs[0].message(Lang::Es).starts_with("Asunto"));
    assert_eq!(
        chain(&d.model, E).unwrap_err(),
        RuleError::NotFound { what: "escalation" }
    );
    assert_eq!(
        instruct(&d.model, &d.who(1), E, "x", id(1), now()).unwrap_err(),
        RuleError::NotFound { what: "escalation" }
    );
    assert_eq!(Matter::ALL.len(), 5);
    assert_eq!(
        Matter::from_code("troublemaker_customer"),
        Some(Matter::TroublemakerCustomer)
    );
}
