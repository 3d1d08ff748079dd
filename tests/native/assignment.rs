//! Who gets a customer (R-CUS-01) and a visit (R-RV-06): representatives
//! first, team leaders only when no representative can, and a visit always
//! in someone's queue while anyone is active. A store visit leaves its
//! trace on the customer's file: the day, and the return visit it made.

use crate::common::*;
use crate::visits_common::{day, madrid, visit, World};
use ventanilla::domain::base::record::to_writes;
use ventanilla::domain::customer::{auto_assign, save_customer, CustomerDraft};
use ventanilla::domain::staff::Role;
use ventanilla::domain::visits::{
    self, distribute, materialise, my_queue, reassign, specialists, store_visit_trace, VisitReason,
    VisitSettings, VisitStatus,
};
use ventanilla::domain::Model;

fn draft(name: &str, tags: &str) -> CustomerDraft {
    CustomerDraft {
        name: name.into(),
        tags: tags.into(),
        ..CustomerDraft::default()
    }
}

/// Only the center director, as after first run.
fn alone() -> Model {
    let mut m = Model::default();
    put(
        &mut m,
        &staff(1, "Ana Directora", Role::CenterDirector, &[]),
    );
    m
}

#[test]
fn r_cus_01_a_customer_made_by_a_representative_goes_to_a_representative_not_the_leader() {
    let m = team();
    // The leader (2) has the lowest id and no customers; he is not asked.
    let c = save_customer(
        &m,
        &person(&m, 3),
        None,
        draft("Luis Gil", ""),
        id(50),
        now(),
    )
    .unwrap();
    assert_eq!(c.specialist, Some(id(3)));
    // Not even when the leader's skills match and no representative's do.
    assert_eq!(auto_assign(&m, &["empresas".into()]), Some(id(3)));
}

#[test]
fn r_cus_01_with_only_leaders_a_leader_takes_the_customer() {
    let mut m = alone();
    put(&mut m, &staff(2, "Javier Líder", Role::TeamLeader, &[]));
    put(
        &mut m,
        &staff(6, "Lucía Líder", Role::TeamLeader, &["socios"]),
    );
    assert_eq!(auto_assign(&m, &[]), Some(id(2)));
    assert_eq!(auto_assign(&m, &["socios".into()]), Some(id(6)));
    // An inactive representative cannot take anyone.
    let mut away = staff(3, "Pablo Rep", Role::Representative, &[]);
    away.active = false;
    put(&mut m, &away);
    assert_eq!(auto_assign(&m, &[]), Some(id(2)));
    // Once a representative is active, the leaders are not asked.
    put(&mut m, &staff(4, "Sofía Rep", Role::Representative, &[]));
    assert_eq!(auto_assign(&m, &["socios".into()]), Some(id(4)));
}

fn deactivate(w: &mut World, n: u128) {
    let old = w.who(n);
    let mut s = old.clone();
    s.active = false;
    w.apply(to_writes(Some(&old), &s));
}

/// The common team with only `keep` still active.
fn only(keep: &[u128]) -> World {
    let mut w = World::new(1);
    for n in [1, 2, 3, 4] {
        if !keep.contains(&n) {
            deactivate(&mut w, n);
        }
    }
    w
}

#[test]
fn r_rv_06_in_a_one_person_organisation_the_visit_goes_to_that_person() {
    let m = alone();
    let c = save_customer(&m, &person(&m, 1), None, draft("Lola", ""), id(10), now()).unwrap();
    assert_eq!(c.specialist, None, "a director is no specialist (R-CUS-01)");
    assert_eq!(
        specialists(&m),
        vec![id(1)],
        "anyone active, failing others"
    );
    let mut w = only(&[1]);
    w.add(&c);
    let writes =
        visits::act::record_store_visit(&w.model, &w.who(1), id(10), now()).expect("recorded");
    w.apply(writes);
    let v = w
        .model
        .visits
        .values()
        .next()
        .expect("the visit is made at once");
    assert_eq!(v.assignee, Some(id(1)));
    // Due tomorrow, it is in the director's queue then.
    let tomorrow = at(2026, 11, 23, 10, 0);
    assert_eq!(my_queue(&w.model, id(1), tomorrow, madrid()).len(), 1);
}

#[test]
fn r_rv_06_a_visit_left_without_anyone_is_given_to_someone() {
    let mut w = World::new(1);
    w.add(&customer(10, "C"));
    // Made while nobody could take it, and one whose person left.
    w.add(&visit(20, 10, VisitReason::Member, day(2026, 11, 22)));
    let mut gone = visit(21, 10, VisitReason::Birthday, day(2026, 11, 22));
    gone.assignee = Some(id(4));
    w.add(&gone);
    deactivate(&mut w, 4);
    let today = day(2026, 11, 22);
    let writes = materialise(
        &w.model,
        &w.who(2),
        today,
        madrid(),
        &VisitSettings::default(),
        now(),
    );
    w.apply(writes);
    assert_eq!(w.model.visits[&id(20)].assignee, Some(id(3)));
    assert_eq!(w.model.visits[&id(21)].assignee, Some(id(3)));
    assert_eq!(w.model.visits[&id(21)].audit.changed_by, id(2));
    // Once everyone has a visit's person, running again changes nothing.
    let again = materialise(
        &w.model,
        &w.who(2),
        today,
        madrid(),
        &VisitSettings::default(),
        now(),
    );
    assert!(again.is_empty(), "{again:?}");
}

#[test]
fn r_rv_06_representatives_first_then_the_leader_then_anyone() {
    let mut m = team();
    put(&mut m, &customer(10, "C"));
    let vs = [visit(20, 10, VisitReason::Member, day(2026, 11, 22))];
    assert_eq!(distribute(&m, &vs, &specialists(&m)), vec![(id(20), id(3))]);
    // The representatives away: the leader.
    for n in [3, 4] {
        let mut s = person(&m, n);
        s.active = false;
        put(&mut m, &s);
    }
    assert_eq!(distribute(&m, &vs, &specialists(&m)), vec![(id(20), id(2))]);
    // The leader away too: the director, the only one left.
    let mut s = person(&m, 2);
    s.active = false;
    put(&mut m, &s);
    assert_eq!(distribute(&m, &vs, &specialists(&m)), vec![(id(20), id(1))]);
}

#[test]
fn r_rv_06_spreading_away_from_the_only_representative_reaches_the_director() {
    let mut w = only(&[1, 3]);
    w.add(&customer(10, "C"));
    let mut v = visit(20, 10, VisitReason::Member, day(2026, 11, 22));
    v.assignee = Some(id(3));
    w.add(&v);
    let writes = reassign(&w.model, &w.who(1), &[id(20)], None, now()).unwrap();
    w.apply(writes);
    assert_eq!(w.model.visits[&id(20)].assignee, Some(id(1)));
}

#[test]
fn r_rv_04_a_store_visit_makes_its_return_visit_at_once_and_the_file_shows_it() {
    let mut w = World::new(1);
    let mut c = customer(10, "Lola Tienda");
    c.specialist = Some(id(4));
    w.add(&c);
    assert_eq!(store_visit_trace(&w.model, id(10), day(2026, 11, 22)), None);
    let writes =
        visits::act::record_store_visit(&w.model, &w.who(3), id(10), now()).expect("recorded");
    w.apply(writes);
    let t = store_visit_trace(&w.model, id(10), day(2026, 11, 22)).expect("on the file");
    assert_eq!(t.visited, now());
    assert_eq!(t.due, day(2026, 11, 23));
    let v = &w.model.visits[&t.visit.expect("made at once")];
    assert_eq!(
        (v.reason, v.status, v.assignee),
        (VisitReason::StoreVisit, VisitStatus::Open, Some(id(4)))
    );
    assert_eq!((t.done, t.overdue, t.assignee), (false, false, Some(id(4))));
    // Opening Today later makes no second one: the same key, the same id.
    let writes = materialise(
        &w.model,
        &w.who(3),
        day(2026, 11, 23),
        madrid(),
        &VisitSettings::default(),
        now(),
    );
    assert!(writes.is_empty(), "{writes:?}");
    // A second store visit the same day adds nothing new either.
    let again = visits::act::record_store_visit(&w.model, &w.who(3), id(10), now()).unwrap();
    assert!(again.iter().all(|w| w.kind == "customer"));
    // Past its three days, the file says it is overdue; done, it says so.
    let late = store_visit_trace(&w.model, id(10), day(2026, 11, 27)).unwrap();
    assert!(late.overdue);
    let mut done = v.clone();
    done.status = VisitStatus::Done;
    let old = w.model.visits[&v.id].clone();
    w.apply(to_writes(Some(&old), &done));
    let t = store_visit_trace(&w.model, id(10), day(2026, 11, 27)).unwrap();
    assert_eq!((t.done, t.overdue), (true, false));
}

#[test]
fn r_rv_04_a_store_visit_on_an_unknown_customer_is_refused() {
    let w = World::new(1);
    assert_eq!(
        visits::act::record_store_visit(&w.model, &w.who(3), id(77), now()).unwrap_err(),
        ventanilla::domain::RuleError::NotFound { what: "customer" }
    );
}
