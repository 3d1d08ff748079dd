//! R-ROL-01 (who and when on every record) and R-ROL-02 (refusals name the role).

use crate::common::*;
use ventanilla::domain::base::record::{from_json, to_writes};
use ventanilla::domain::contact::{record_contact, Channel, ContactDraft};
use ventanilla::domain::customer::{save_customer, CustomerDraft};
use ventanilla::domain::staff::*;
use ventanilla::domain::{Lang, RuleError};
use ventanilla::ui::words::labels::{action_name, role_name};

#[test]
fn r_rol_01_every_record_says_who_created_and_changed_it_and_when() {
    let m = team();
    let draft = CustomerDraft {
        name: "Íñigo Sáez".into(),
        ..CustomerDraft::default()
    };
    let created = save_customer(&m, &person(&m, 3), None, draft.clone(), id(10), now()).unwrap();
    assert_eq!(
        (created.audit.created_by, created.audit.created_at),
        (id(3), now())
    );
    let later = now() + chrono::Duration::hours(2);
    let edited = save_customer(
        &m,
        &person(&m, 2),
        Some(&created),
        CustomerDraft {
            notes: "Prefiere tardes".into(),
            ..draft
        },
        id(10),
        later,
    )
    .unwrap();
    assert_eq!(
        (edited.audit.created_by, edited.audit.created_at),
        (id(3), now()),
        "creation is kept"
    );
    assert_eq!(
        (edited.audit.changed_by, edited.audit.changed_at),
        (id(2), later)
    );
    let contact = record_contact(
        &m,
        &person(&m, 4),
        ContactDraft {
            summary: "x".into(),
            channel: Channel::Phone,
            received_at: now(),
            ..ContactDraft::default()
        },
        id(11),
        now(),
    )
    .unwrap();
    assert_eq!(contact.audit.created_by, id(4));
    // The audit fields travel as ordinary fields of the record.
    let fields: Vec<_> = to_writes(None, &edited)
        .into_iter()
        .map(|w| w.field)
        .collect();
    for f in ["created_by", "created_at", "changed_by", "changed_at"] {
        assert!(
            fields.contains(&f.to_string()),
            "{f} missing from {fields:?}"
        );
    }
}

#[test]
fn r_rol_02_refusal_names_the_role_needed_in_both_languages() {
    let m = team();
    let rep = person(&m, 3);
    let err = require(&rep, Action::ManageStaff).unwrap_err();
    assert_eq!(
        err,
        RuleError::NotAllowed {
            action: Action::ManageStaff,
            needs: Role::CenterDirector
        }
    );
    assert_eq!(err.rule(), Some("R-ROL-02"));
    assert!(
        err.message(Lang::Es).contains("dirección del centro"),
        "{}",
        err.message(Lang::Es)
    );
    assert!(
        err.message(Lang::En).contains("center director"),
        "{}",
        err.message(Lang::En)
    );
    let err = require(&person(&m, 2), Action::ChoosePlan).unwrap_err();
    assert!(err.message(Lang::En).contains("department director"));
    // Higher roles may do what lower ones may; the center director everything.
    for action in [
        Action::AssignCustomer,
        Action::MergeCustomers,
        Action::ManageStaff,
        Action::ChoosePlan,
        Action::CloseOthersContact,
    ] {
        assert!(require(&person(&m, 1), action).is_ok());
    }
    let mut inactive = person(&m, 1);
    inactive.active = false;
    assert!(
        require(&inactive, Action::AssignCustomer).is_err(),
        "a deactivated person can do nothing extra"
    );
}

#[test]
fn first_run_makes_the_first_person_center_director() {
    let (org, director) = setup_organisation(
        "  Tienda Centro ",
        "Europe/Madrid",
        "Ana",
        id(1),
        id(2),
        now(),
    )
    .unwrap();
    assert_eq!(org.name, "Tienda Centro");
    assert_eq!(director.role, Role::CenterDirector);
    assert!(director.active);
    assert_eq!(
        setup_organisation("", "Europe/Madrid", "Ana", id(1), id(2), now()).unwrap_err(),
        RuleError::Required { field: "org_name" }
    );
    assert_eq!(
        setup_organisation("T", "Europe/Madrid", " ", id(1), id(2), now()).unwrap_err(),
        RuleError::Required { field: "name" }
    );
}

#[test]
fn only_the_center_director_adds_people_and_their_input_is_checked() {
    let m = team();
    let draft = StaffDraft {
        name: "Nuevo".into(),
        role: Role::Representative,
        email: "bad".into(),
        ..StaffDraft::default()
    };
    assert!(matches!(
        create_staff(&m, &person(&m, 2), draft.clone(), id(9), now()).unwrap_err()[0],
        RuleError::NotAllowed { .. }
    ));
    assert_eq!(
        create_staff(&m, &person(&m, 1), draft, id(9), now()).unwrap_err(),
        vec![RuleError::InvalidEmail { field: "email" }]
    );
    let ok = create_staff(
        &m,
        &person(&m, 1),
        StaffDraft {
            name: "Nuevo".into(),
            skills: vec!["Sofás".into()],
            ..StaffDraft::default()
        },
        id(9),
        now(),
    )
    .unwrap();
    assert_eq!(ok.skills, vec!["sofas".to_string()]);
}

#[test]
fn records_round_trip_and_unknown_fields_do_not_break_the_typed_view() {
    let m = team();
    let c = save_customer(
        &m,
        &person(&m, 3),
        None,
        CustomerDraft {
            name: "Begoña".into(),
            phones: "600 000 001".into(),
            ..CustomerDraft::default()
        },
        id(10),
        now(),
    )
    .unwrap();
    let mut json = serde_json::to_value(&c).unwrap();
    json["a_field_from_a_newer_version"] = serde_json::json!({"x": 1});
    let back: ventanilla::domain::customer::Customer = from_json(id(10), &json).unwrap();
    assert_eq!(back, c);
    json["deleted"] = serde_json::json!(true);
    assert!(from_json::<ventanilla::domain::customer::Customer>(id(10), &json).is_none());
    assert!(from_json::<ventanilla::domain::customer::Customer>(
        id(10),
        &serde_json::json!("garbage")
    )
    .is_none());
}

#[test]
fn r_rol_02_every_action_names_its_role_in_both_languages() {
    let rep = staff(9, "Rep", Role::Representative, &[]);
    for &action in Action::ALL {
        let err = require(&rep, action).unwrap_err();
        let needs = action.needs();
        assert!(
            needs.rank() > Role::Representative.rank(),
            "{action:?} needs more than a representative"
        );
        for lang in [Lang::Es, Lang::En] {
            let msg = err.message(lang);
            assert!(msg.contains(role_name(lang, needs)), "{lang:?}: {msg}");
            assert!(msg.contains(action_name(lang, action)), "{lang:?}: {msg}");
        }
    }
    // Ranks: a team leader may assign but not choose a plan or manage staff.
    let leader = staff(8, "Líder", Role::TeamLeader, &[]);
    assert!(require(&leader, Action::AssignCustomer).is_ok());
    assert!(require(&leader, Action::ChoosePlan).is_err());
    let dept = staff(7, "Dir", Role::DepartmentDirector, &[]);
    assert!(require(&dept, Action::ChoosePlan).is_ok());
    assert_eq!(
        require(&dept, Action::ApproveLongLeave).unwrap_err().message(Lang::Es),
        "No puedes aprobar permisos de más de un día: hace falta el rol dirección del centro o superior. Pide a esa persona que lo haga o cambia de persona."
    );
    let inspector = staff(6, "Insp", Role::QualityInspector, &[]);
    assert!(require(&inspector, Action::AssignCustomer).is_err());
}

#[test]
fn messages_use_human_labels_and_every_error_speaks_both_languages() {
    let errors = [
        RuleError::NotFound { what: "customer" },
        RuleError::Required {
            field: "received_at",
        },
        RuleError::LastDirector,
        RuleError::InactiveStaff,
        RuleError::InvalidQuietHours,
    ];
    assert!(errors[0].message(Lang::Es).starts_with("Cliente"));
    assert!(errors[0].message(Lang::En).starts_with("Customer"));
    assert!(errors[1].message(Lang::Es).starts_with("Recibido"));
    for e in errors {
        assert_ne!(e.message(Lang::Es), e.message(Lang::En), "{e:?}");
        assert!(
            !e.message(Lang::Es).contains("_"),
            "no code names: {}",
            e.message(Lang::Es)
        );
    }
}

#[test]
fn the_last_center_director_cannot_be_deactivated() {
    let m = team();
    let director = person(&m, 1);
    assert_eq!(
        set_staff_active(&m, &director, &director, false, now()).unwrap_err(),
        RuleError::LastDirector
    );
    assert!(matches!(
        set_staff_active(&m, &person(&m, 2), &person(&m, 3), false, now()).unwrap_err(),
        RuleError::NotAllowed {
            needs: Role::CenterDirector,
            ..
        }
    ));
    let off = set_staff_active(&m, &director, &person(&m, 3), false, now()).unwrap();
    assert!(!off.active);
    assert_eq!(off.audit.changed_by, id(1));
}

/// Applies writes the way the store does: fields of one entity into one object.
fn apply(
    objects: &mut std::collections::BTreeMap<ventanilla::sync::RecordId, serde_json::Value>,
    writes: &[ventanilla::sync::Write],
) {
    for w in writes {
        let o = objects.entry(w.id).or_insert_with(|| serde_json::json!({}));
        o[w.field.as_str()] = w.value.clone();
    }
}

#[test]
fn to_writes_and_from_json_round_trip_and_only_changes_are_written() {
    use ventanilla::domain::customer::Customer;
    let m = team();
    let draft = CustomerDraft {
        name: "José Pérez Núñez".into(),
        phones: "600 111 222, 911 222 333".into(),
        email: "jose@x.es".into(),
        birthday: "1975-06-01".into(),
        tags: "socios".into(),
        ..CustomerDraft::default()
    };
    let c = save_customer(&m, &person(&m, 2), None, draft.clone(), id(10), now()).unwrap();
    let mut objects = Default::default();
    apply(&mut objects, &to_writes(None, &c));
    let back: Customer = from_json(id(10), &objects[&id(10)]).unwrap();
    assert_eq!(back, c);
    // An edit writes only what changed, plus who changed it and when.
    let later = now() + chrono::Duration::minutes(5);
    let edited = save_customer(
        &m,
        &person(&m, 3),
        Some(&c),
        CustomerDraft {
            notes: "Llamar por la tarde".into(),
            ..draft
        },
        id(10),
        later,
    )
    .unwrap();
    let mut fields: Vec<String> = to_writes(Some(&c), &edited)
        .into_iter()
        .map(|w| w.field)
        .collect();
    fields.sort();
    assert_eq!(fields, vec!["changed_at", "changed_by", "notes"]);
    apply(&mut objects, &to_writes(Some(&c), &edited));
    assert_eq!(
        from_json::<Customer>(id(10), &objects[&id(10)]).unwrap(),
        edited
    );
    assert!(
        to_writes(Some(&edited), &edited).is_empty(),
        "no change, no write"
    );
}

#[test]
fn a_field_this_version_cannot_read_does_not_hide_the_record() {
    use ventanilla::domain::customer::{Customer, CustomerKind};
    let json = serde_json::json!({
        "name": "Íñigo",
        "kind": "vip_member_from_v9",
        "birthday": "not a date",
        "email": "inigo@x.es",
        "created_by": "garbage",
        "tags": ["vip"],
    });
    let c: Customer = from_json(id(10), &json).expect("still listed");
    assert_eq!(
        (c.name.as_str(), c.email.as_str(), c.kind),
        ("Íñigo", "inigo@x.es", CustomerKind::Individual)
    );
    assert_eq!(
        (c.birthday, c.tags.clone()),
        (None, vec!["vip".to_string()])
    );
    assert_eq!(c.id, id(10));
}

#[test]
fn a_view_row_with_a_value_from_a_newer_version_still_loads() {
    let mut m = ventanilla::domain::Model::default();
    let id10 = id(10).to_string();
    let row = format!(
        r#"{{"customer":[["{id10}",{{"name":"Begoña","kind":"a_kind_from_the_future"}}]],"thing_from_the_future":[["{id10}",{{"x":1}}]]}}"#
    );
    assert_eq!(m.load_view(&row).unwrap(), 2);
    assert_eq!(m.customers[&id(10)].name, "Begoña");
    assert!(m.load_view("{not json").is_err());
}
