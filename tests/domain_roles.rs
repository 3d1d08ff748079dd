//! R-ROL-01 (who and when on every record) and R-ROL-02 (refusals name the role).

#![cfg(not(target_arch = "wasm32"))]

mod common;
use common::*;
use ventanilla::domain::contact::{record_contact, Channel, ContactDraft};
use ventanilla::domain::customer::{save_customer, CustomerDraft};
use ventanilla::domain::record::{from_json, to_writes};
use ventanilla::domain::staff::*;
use ventanilla::domain::{Lang, RuleError};

#[test]
fn r_rol_01_every_record_says_who_created_and_changed_it_and_when() {
    let m = team();
    let draft = CustomerDraft { name: "Íñigo Sáez".into(), ..CustomerDraft::default() };
    let created = save_customer(&m, &person(&m, 3), None, draft.clone(), id(10), now()).unwrap();
    assert_eq!((created.audit.created_by, created.audit.created_at), (id(3), now()));
    let later = now() + chrono::Duration::hours(2);
    let edited = save_customer(&m, &person(&m, 2), Some(&created), CustomerDraft { notes: "Prefiere tardes".into(), ..draft }, id(10), later).unwrap();
    assert_eq!((edited.audit.created_by, edited.audit.created_at), (id(3), now()), "creation is kept");
    assert_eq!((edited.audit.changed_by, edited.audit.changed_at), (id(2), later));
    let contact = record_contact(&m, &person(&m, 4), ContactDraft { summary: "x".into(), channel: Channel::Phone, received_at: now(), ..ContactDraft::default() }, id(11), now()).unwrap();
    assert_eq!(contact.audit.created_by, id(4));
    // The audit fields travel as ordinary fields of the record.
    let fields: Vec<_> = to_writes(None, &edited).into_iter().map(|w| w.field).collect();
    for f in ["created_by", "created_at", "changed_by", "changed_at"] {
        assert!(fields.contains(&f.to_string()), "{f} missing from {fields:?}");
    }
}

#[test]
fn r_rol_02_refusal_names_the_role_needed_in_both_languages() {
    let m = team();
    let rep = person(&m, 3);
    let err = require(&rep, Action::ManageStaff).unwrap_err();
    assert_eq!(err, RuleError::NotAllowed { action: Action::ManageStaff, needs: Role::CenterDirector });
    assert_eq!(err.rule(), Some("R-ROL-02"));
    assert!(err.message(Lang::Es).contains("dirección del centro"), "{}", err.message(Lang::Es));
    assert!(err.message(Lang::En).contains("center director"), "{}", err.message(Lang::En));
    let err = require(&person(&m, 2), Action::ChoosePlan).unwrap_err();
    assert!(err.message(Lang::En).contains("department director"));
    // Higher roles may do what lower ones may; the center director everything.
    for action in [Action::AssignCustomer, Action::MergeCustomers, Action::ManageStaff, Action::ChoosePlan, Action::CloseOthersContact] {
        assert!(require(&person(&m, 1), action).is_ok());
    }
    let mut inactive = person(&m, 1);
    inactive.active = false;
    assert!(require(&inactive, Action::AssignCustomer).is_err(), "a deactivated person can do nothing extra");
}

#[test]
fn first_run_makes_the_first_person_center_director() {
    let (org, director) = setup_organisation("  Tienda Centro ", "Ana", id(1), id(2), now()).unwrap();
    assert_eq!(org.name, "Tienda Centro");
    assert_eq!(director.role, Role::CenterDirector);
    assert!(director.active);
    assert_eq!(setup_organisation("", "Ana", id(1), id(2), now()).unwrap_err(), RuleError::Required { field: "org_name" });
    assert_eq!(setup_organisation("T", " ", id(1), id(2), now()).unwrap_err(), RuleError::Required { field: "name" });
}

#[test]
fn only_the_center_director_adds_people_and_their_input_is_checked() {
    let m = team();
    let draft = StaffDraft { name: "Nuevo".into(), role: Role::Representative, email: "bad".into(), ..StaffDraft::default() };
    assert!(matches!(create_staff(&m, &person(&m, 2), draft.clone(), id(9), now()).unwrap_err()[0], RuleError::NotAllowed { .. }));
    assert_eq!(create_staff(&m, &person(&m, 1), draft, id(9), now()).unwrap_err(), vec![RuleError::InvalidEmail { field: "email" }]);
    let ok = create_staff(&m, &person(&m, 1), StaffDraft { name: "Nuevo".into(), skills: vec!["Sofás".into()], ..StaffDraft::default() }, id(9), now()).unwrap();
    assert_eq!(ok.skills, vec!["sofas".to_string()]);
}

#[test]
fn records_round_trip_and_unknown_fields_do_not_break_the_typed_view() {
    let m = team();
    let c = save_customer(&m, &person(&m, 3), None, CustomerDraft { name: "Begoña".into(), phones: "600 000 001".into(), ..CustomerDraft::default() }, id(10), now()).unwrap();
    let mut json = serde_json::to_value(&c).unwrap();
    json["a_field_from_a_newer_version"] = serde_json::json!({"x": 1});
    let back: ventanilla::domain::customer::Customer = from_json(id(10), &json).unwrap();
    assert_eq!(back, c);
    json["deleted"] = serde_json::json!(true);
    assert!(from_json::<ventanilla::domain::customer::Customer>(id(10), &json).is_none());
    assert!(from_json::<ventanilla::domain::customer::Customer>(id(10), &serde_json::json!("garbage")).is_none());
}
