//! R-CUS-05 and R-RV-04 before the history is read: Today makes the return
//! visits that fell due (`visits::materialise`) while the visits made rest
//! in the history, known by their traces only. It must make exactly what a
//! model that read everything makes: a member whose last visit was made is
//! not due again, and a visit made from a rule's key is never made twice
//! (its fields written over a closed record).

use crate::common::{id, now};
use serde_json::json;
use ventanilla::domain::demo::ScaleSet;
use ventanilla::domain::history::HISTORY;
use ventanilla::domain::visits::{id_for_key, local_day, materialise, VisitSettings};
use ventanilla::domain::Model;
use ventanilla::sync::stored::{encode_all_split, encode_all_views};
use ventanilla::sync::{DeviceId, Replica, Write};

/// A slice of the scale set's branch-year with its customers and visits.
fn replica() -> Replica {
    let set = ScaleSet::new(7, 1, id(1), now());
    let mut replica = Replica::new(DeviceId(1));
    for part in [0, 1, 56, 57] {
        replica.commit(set.part(part), 1);
    }
    replica
}

fn start_up(replica: &Replica) -> Model {
    let mut m = Model::default();
    for rows in encode_all_split(&replica.state, HISTORY).values() {
        m.load_view_report(&rows.open).expect("open row reads");
    }
    m
}

fn whole(replica: &Replica) -> Model {
    let mut m = Model::default();
    for row in encode_all_views(&replica.state).values() {
        m.load_view(row).expect("view row reads");
    }
    m
}

/// What Today would make, acting as the person seeding.
fn made(m: &Model) -> Vec<Write> {
    let actor = m.staff.get(&id(1)).cloned().unwrap_or_default();
    let today = local_day(now(), m.zone());
    materialise(m, &actor, today, m.zone(), &VisitSettings::default(), now())
}

/// The same writes, or a short message: how many, and the first apart.
fn same(a: &[Write], b: &[Write]) {
    let apart = a.iter().zip(b).position(|(x, y)| x != y);
    assert!(
        a.len() == b.len() && apart.is_none(),
        "start-up makes {} writes, the whole model {}; first apart: {:?}",
        a.len(),
        b.len(),
        apart.map(|i| (&a[i], &b[i]))
    );
}

#[test]
fn r_cus_05_before_the_history_is_read_today_makes_the_visits_a_whole_model_makes() {
    let mut replica = replica();
    let everything = whole(&replica);
    let done = everything.visits.values().filter(|v| !v.is_open()).count();
    assert!(done > 100, "{done} visits made in the slice");
    let m = start_up(&replica);
    assert!(m.visits.values().all(|v| v.is_open()));
    same(&made(&m), &made(&everything));

    // Visits made from a rule's key, then done: they rest in the history,
    // and neither model makes them again.
    let first = made(&everything);
    let keyed: Vec<_> = first
        .iter()
        .filter(|w| w.field == "key" && w.value.as_str().is_some_and(|k| !k.is_empty()))
        .map(|w| w.id)
        .collect();
    assert!(!keyed.is_empty(), "some visits fall due in the slice");
    assert!(keyed.iter().all(|v| first.iter().any(|w| w.id == *v
        && w.field == "key"
        && id_for_key(w.value.as_str().unwrap_or_default()) == *v)));
    let mut writes = first.clone();
    for v in &keyed {
        for (field, value) in [
            ("status", json!("done")),
            ("completed_at", json!("2026-11-21T10:00:00.000Z")),
        ] {
            writes.push(Write {
                kind: "visit".into(),
                id: *v,
                field: field.into(),
                value,
            });
        }
    }
    replica.commit(writes, 2);
    let (m, everything) = (start_up(&replica), whole(&replica));
    assert!(
        keyed.iter().all(|v| !m.visits.contains_key(v)),
        "in the history"
    );
    let again = made(&m);
    same(&again, &made(&everything));
    assert!(
        again.iter().all(|w| !keyed.contains(&w.id)),
        "a closed visit's fields are not written again"
    );
}
