//! Restoring a value that lost a concurrent edit goes through the same rule
//! shape as every other action: the role is checked (R-ROL-02), the value
//! meets the import limits, and the audit fields say who put it back.

use crate::common::*;
use serde_json::json;
use ventanilla::domain::restore::restore_value;
use ventanilla::domain::staff::Role;
use ventanilla::domain::RuleError;

#[test]
fn r_rol_02_a_representative_may_not_restore_a_lost_value() {
    let mut m = team();
    put(&mut m, &customer(10, "Nicolás"));
    let refused = restore_value(&m, id(3), "customer", id(10), "notes", &json!("A"), now());
    assert!(
        matches!(
            refused,
            Err(RuleError::NotAllowed {
                needs: Role::DepartmentDirector,
                ..
            })
        ),
        "{refused:?}"
    );
}

#[test]
fn r_rol_01_a_director_restores_and_the_record_says_who_and_when() {
    let mut m = team();
    put(&mut m, &customer(10, "Nicolás"));
    let writes = restore_value(&m, id(1), "customer", id(10), "notes", &json!("(A)"), now())
        .expect("allowed");
    let field = |f: &str| {
        writes
            .iter()
            .find(|w| w.field == f)
            .map(|w| w.value.clone())
    };
    assert_eq!(field("notes"), Some(json!("(A)")));
    assert_eq!(
        field("changed_by"),
        Some(serde_json::to_value(id(1)).expect("an id serialises"))
    );
    assert_eq!(
        field("changed_at"),
        Some(serde_json::to_value(now()).expect("a time serialises"))
    );
    assert!(writes
        .iter()
        .all(|w| w.kind == "customer" && w.id == id(10)));
}

#[test]
fn restoring_into_a_missing_record_an_audit_field_or_an_oversized_value_is_refused() {
    let mut m = team();
    put(&mut m, &customer(10, "Nicolás"));
    let missing = restore_value(&m, id(1), "customer", id(99), "notes", &json!("x"), now());
    assert!(
        matches!(missing, Err(RuleError::NotFound { .. })),
        "{missing:?}"
    );
    let audit = restore_value(
        &m,
        id(1),
        "customer",
        id(10),
        "created_by",
        &json!("x"),
        now(),
    );
    assert!(
        matches!(audit, Err(RuleError::OutOfRange { .. })),
        "{audit:?}"
    );
    let huge = json!("x".repeat(20_000));
    let too_long = restore_value(&m, id(1), "customer", id(10), "notes", &huge, now());
    assert!(
        matches!(too_long, Err(RuleError::TooLong { .. })),
        "{too_long:?}"
    );
}
