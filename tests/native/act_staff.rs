//! Issue 11 item 4: the staff's operations by id (`staff::act`) give the
//! same writes as the rule plus `to_writes`, and refuse an unknown id.

use crate::common::*;
use ventanilla::domain::base::record::to_writes;
use ventanilla::domain::staff::{self, *};
use ventanilla::domain::RuleError;

fn draft() -> StaffDraft {
    StaffDraft {
        name: "Marta Nueva".into(),
        role: Role::Representative,
        team: "Tarde".into(),
        skills: vec!["Socios".into()],
        ..StaffDraft::default()
    }
}

#[test]
fn the_first_run_by_ids_gives_the_same_writes_as_the_rule() {
    let (org, director) =
        setup_organisation("Tienda Centro", "Europe/Madrid", "Ana", id(1), id(2), now()).unwrap();
    let mut expected = to_writes(None, &org);
    expected.extend(to_writes(None, &director));
    let by_id = staff::act::setup_organisation(
        "Tienda Centro",
        "Europe/Madrid",
        "Ana",
        id(1),
        id(2),
        now(),
    )
    .unwrap();
    assert_eq!(by_id, expected);
    assert!(by_id.iter().any(|w| w.id == id(1)));
    assert!(by_id.iter().any(|w| w.id == id(2) && w.field == "role"));
    // A bad first run saves nothing and says why, as the rule does.
    assert_eq!(
        staff::act::setup_organisation("", "Europe/Madrid", "Ana", id(1), id(2), now())
            .unwrap_err(),
        setup_organisation("", "Europe/Madrid", "Ana", id(1), id(2), now()).unwrap_err()
    );
}

#[test]
fn r_rol_02_adding_a_person_by_id_gives_the_same_writes_as_the_rule() {
    let m = team();
    let director = person(&m, 1);
    let rule = create_staff(&m, &director, draft(), id(9), now()).unwrap();
    let by_id = staff::act::create(&m, &director, draft(), id(9), now()).unwrap();
    assert_eq!(by_id, to_writes(None, &rule));
    let lead = person(&m, 2);
    assert_eq!(
        staff::act::create(&m, &lead, draft(), id(9), now()).unwrap_err(),
        create_staff(&m, &lead, draft(), id(9), now()).unwrap_err()
    );
}

#[test]
fn r_rol_01_deactivating_by_id_gives_the_same_writes_as_the_rule() {
    let m = team();
    let director = person(&m, 1);
    let old = m.staff.get(&id(3)).unwrap();
    let rule = set_staff_active(&m, &director, old, false, now()).unwrap();
    let by_id = staff::act::set_active(&m, &director, id(3), false, now()).unwrap();
    assert_eq!(by_id, to_writes(Some(old), &rule));
    assert!(by_id.iter().any(|w| w.field == "active"));
    // The last director stays: the rule's refusal, unchanged.
    assert_eq!(
        staff::act::set_active(&m, &director, id(1), false, now()).unwrap_err(),
        RuleError::LastDirector
    );
}

#[test]
fn an_unknown_person_id_is_refused_as_not_found() {
    let m = team();
    let director = person(&m, 1);
    assert_eq!(
        staff::act::set_active(&m, &director, id(77), false, now()).unwrap_err(),
        RuleError::NotFound { what: "staff" }
    );
}
