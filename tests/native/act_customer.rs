//! Issue 11 item 4: the customer's operations by id (`customer::act`) give
//! the same writes as the rule plus `to_writes`, and refuse an unknown id.

use crate::common::*;
use chrono::Duration;
use ventanilla::domain::base::record::to_writes;
use ventanilla::domain::customer::{self, *};
use ventanilla::domain::RuleError;

fn draft(name: &str, tags: &str) -> CustomerDraft {
    CustomerDraft {
        name: name.into(),
        tags: tags.into(),
        ..CustomerDraft::default()
    }
}

/// The team, with customer 10 (tagged, assigned to 3).
fn world() -> ventanilla::domain::Model {
    let mut m = team();
    let mut c = customer(10, "Rocío Núñez");
    c.tags = vec!["reparaciones".into()];
    c.specialist = Some(id(3));
    c.assigned_at = Some(now() - Duration::days(30));
    put(&mut m, &c);
    m
}

#[test]
fn r_cus_01_saving_a_new_customer_by_id_gives_the_same_writes_as_the_rule() {
    let m = world();
    let me = person(&m, 3);
    let d = draft("Luis Gil", "reparaciones");
    let rule = save_customer(&m, &me, None, d.clone(), id(50), now()).unwrap();
    let by_id = customer::act::save(&m, &me, None, d, id(50), now()).unwrap();
    assert_eq!(by_id, to_writes(None, &rule));
    assert!(
        by_id.iter().any(|w| w.field == "specialist"),
        "R-CUS-01 assigns"
    );
}

#[test]
fn r_cus_01_editing_a_customer_by_id_gives_the_same_writes_as_the_rule() {
    let m = world();
    let me = person(&m, 2);
    let old = m.customers.get(&id(10)).unwrap();
    let d = draft("Rocío Núñez Ruiz", "reparaciones, socios");
    let later = now() + Duration::hours(1);
    let rule = save_customer(&m, &me, Some(old), d.clone(), id(10), later).unwrap();
    // The new id is ignored when the customer exists: the edit keeps its id.
    let by_id = customer::act::save(&m, &me, Some(id(10)), d, id(99), later).unwrap();
    assert_eq!(by_id, to_writes(Some(old), &rule));
    assert!(by_id.iter().all(|w| w.id == id(10)));
    assert!(by_id.iter().any(|w| w.field == "name"));
}

#[test]
fn r_cus_01_assigning_by_id_gives_the_same_writes_as_the_rule() {
    let m = world();
    let lead = person(&m, 2);
    let old = m.customers.get(&id(10)).unwrap();
    let rule = override_assign(&m, &lead, old, id(4), now()).unwrap();
    let by_id = customer::act::assign(&m, &lead, id(10), id(4), now()).unwrap();
    assert_eq!(by_id, to_writes(Some(old), &rule));
    assert!(by_id.iter().any(|w| w.field == "specialist"));
    // The rule's refusal comes through unchanged (R-ROL-02).
    let rep = person(&m, 3);
    assert_eq!(
        customer::act::assign(&m, &rep, id(10), id(4), now()).unwrap_err(),
        override_assign(&m, &rep, old, id(4), now()).unwrap_err()
    );
}

#[test]
fn r_cus_01_the_automatic_assignee_by_id_is_the_rules_choice() {
    let m = world();
    let old = m.customers.get(&id(10)).unwrap();
    assert_eq!(
        customer::act::auto_assignee(&m, id(10)),
        auto_assign(&m, &old.tags)
    );
    assert_eq!(customer::act::auto_assignee(&m, id(10)), Some(id(4)));
}

#[test]
fn a_store_visit_by_id_notes_the_day_and_the_writer() {
    let m = world();
    let me = person(&m, 4);
    let old = m.customers.get(&id(10)).unwrap();
    let by_id = customer::act::record_store_visit(&m, &me, id(10), now()).unwrap();
    assert_eq!(by_id, to_writes(Some(old), &store_visit(&me, old, now())));
    assert!(by_id.iter().any(|w| w.field == "last_store_visit"));
}

#[test]
fn r_cus_03_merging_by_id_refuses_an_unknown_customer() {
    let m = world();
    let lead = person(&m, 2);
    for (keep, drop) in [(id(10), id(77)), (id(77), id(10))] {
        assert_eq!(
            customer::act::merge(&m, &lead, keep, drop, now()).unwrap_err(),
            RuleError::NotFound { what: "customer" }
        );
    }
}

#[test]
fn an_unknown_customer_id_is_refused_as_not_found() {
    let m = world();
    let lead = person(&m, 2);
    let missing = RuleError::NotFound { what: "customer" };
    assert_eq!(
        customer::act::save(&m, &lead, Some(id(77)), draft("X", ""), id(78), now()).unwrap_err(),
        vec![missing.clone()]
    );
    assert_eq!(
        customer::act::assign(&m, &lead, id(77), id(4), now()).unwrap_err(),
        missing
    );
    assert_eq!(
        customer::act::record_store_visit(&m, &lead, id(77), now()).unwrap_err(),
        missing
    );
    assert_eq!(customer::act::auto_assignee(&m, id(77)), None);
}
