//! Issue 11 item 4: the contact's operations by id (`contact::act`) give
//! the same writes as the rule plus `to_writes`, and refuse an unknown id.

use crate::common::*;
use ventanilla::domain::base::record::{to_writes, Record};
use ventanilla::domain::complaint::Complaint;
use ventanilla::domain::contact::{self, *};
use ventanilla::domain::RuleError;

fn draft() -> ContactDraft {
    ContactDraft {
        customer: Some(id(10)),
        channel: Channel::Phone,
        category: Category::Enquiry,
        summary: "Pregunta por la entrega".into(),
        received_at: now(),
        ..ContactDraft::default()
    }
}

/// The team, customer 10, and contact 50 recorded by 3.
fn world() -> ventanilla::domain::Model {
    let mut m = team();
    put(&mut m, &customer(10, "Rocío Núñez"));
    let c = record_contact(&m, &person(&m, 3), draft(), id(50), now()).unwrap();
    put(&mut m, &c);
    m
}

fn the_contact(m: &ventanilla::domain::Model) -> &Contact {
    m.contacts.get(&id(50)).unwrap()
}

#[test]
fn r_con_01_recording_by_id_gives_the_same_writes_as_the_rule() {
    let m = world();
    let me = person(&m, 4);
    let rule = record_contact(&m, &me, draft(), id(51), now()).unwrap();
    let by_id = contact::act::record(&m, &me, draft(), id(51), now()).unwrap();
    assert_eq!(by_id, to_writes(None, &rule));
    let blank = ContactDraft {
        summary: " ".into(),
        ..draft()
    };
    assert_eq!(
        contact::act::record(&m, &me, blank.clone(), id(51), now()).unwrap_err(),
        record_contact(&m, &me, blank, id(51), now()).unwrap_err()
    );
}

#[test]
fn r_con_02_responding_by_id_gives_the_same_writes_as_the_rule() {
    let m = world();
    let me = person(&m, 3);
    let old = the_contact(&m);
    let rule = respond(&m, &me, old, now()).unwrap();
    let by_id = contact::act::respond(&m, &me, id(50), now()).unwrap();
    assert_eq!(by_id, to_writes(Some(old), &rule));
    assert!(by_id.iter().any(|w| w.field == "first_response_at"));
}

#[test]
fn r_con_03_forwarding_by_id_gives_the_same_writes_as_the_rule() {
    let m = world();
    let me = person(&m, 3);
    let old = the_contact(&m);
    let to = || ForwardTo::Department("Posventa".into());
    let rule = forward(&m, &me, old, to(), "Revisar garantía", now()).unwrap();
    let by_id = contact::act::forward(&m, &me, id(50), to(), "Revisar garantía", now()).unwrap();
    assert_eq!(by_id, to_writes(Some(old), &rule));
    assert!(by_id.iter().any(|w| w.field == "forwarded"));
}

#[test]
fn r_con_01_closing_by_id_gives_the_same_writes_as_the_rule() {
    let m = world();
    let me = person(&m, 3);
    let old = the_contact(&m);
    let rule = close(&m, &me, old, "Entregado", now()).unwrap();
    let by_id = contact::act::close(&m, &me, id(50), "Entregado", now()).unwrap();
    assert_eq!(by_id, to_writes(Some(old), &rule));
    // Another representative may not close it: the rule's refusal, unchanged.
    let other = person(&m, 4);
    assert_eq!(
        contact::act::close(&m, &other, id(50), "Entregado", now()).unwrap_err(),
        close(&m, &other, old, "Entregado", now()).unwrap_err()
    );
}

#[test]
fn r_con_04_a_complaint_by_id_gives_the_same_writes_as_the_rule() {
    let m = world();
    let me = person(&m, 3);
    let old = the_contact(&m);
    let (complaint, linked) = make_complaint(&m, &me, old, id(60), now()).unwrap();
    let mut expected = to_writes(None, &complaint);
    expected.extend(to_writes(Some(old), &linked));
    let by_id = contact::act::make_complaint(&m, &me, id(50), id(60), now()).unwrap();
    assert_eq!(by_id, expected);
    assert!(by_id
        .iter()
        .any(|w| w.kind == Complaint::KIND && w.id == id(60)));
    assert!(by_id
        .iter()
        .any(|w| w.id == id(50) && w.field == "complaint"));
}

#[test]
fn an_unknown_contact_id_is_refused_as_not_found() {
    let m = world();
    let me = person(&m, 2);
    let missing = RuleError::NotFound { what: "contact" };
    let unknown = id(77);
    assert_eq!(
        contact::act::respond(&m, &me, unknown, now()).unwrap_err(),
        missing
    );
    assert_eq!(
        contact::act::forward(
            &m,
            &me,
            unknown,
            ForwardTo::Department("Posventa".into()),
            "nota",
            now()
        )
        .unwrap_err(),
        missing
    );
    assert_eq!(
        contact::act::close(&m, &me, unknown, "hecho", now()).unwrap_err(),
        missing
    );
    assert_eq!(
        contact::act::make_complaint(&m, &me, unknown, id(60), now()).unwrap_err(),
        missing
    );
}
