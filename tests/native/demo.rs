//! Demo and benchmark data: realistic, deterministic, marked `demo`, and
//! fast enough for the 20,000 / 100,000 benchmark set.

use crate::common::*;
use std::collections::{BTreeMap, BTreeSet};
use ventanilla::domain::base::record::tombstone;
use ventanilla::domain::contact::ContactStatus;
use ventanilla::domain::demo::{demo_ids, demo_writes, large_writes};
use ventanilla::domain::staff::Role;
use ventanilla::domain::Model;
use ventanilla::sync::{RecordId, Write};

/// Folds writes into one JSON object per entity and refreshes the model.
fn load(model: &mut Model, writes: &[Write]) {
    let mut objects: BTreeMap<(String, RecordId), serde_json::Value> = BTreeMap::new();
    for w in writes {
        let o = objects
            .entry((w.kind.clone(), w.id))
            .or_insert_with(|| serde_json::json!({}));
        o[w.field.as_str()] = w.value.clone();
    }
    for ((kind, id), fields) in &objects {
        model.refresh(kind, *id, Some(fields));
    }
}

#[test]
fn demo_data_is_a_small_realistic_center() {
    let director = id(1);
    let writes = demo_writes(42, now(), director);
    assert_eq!(
        writes,
        demo_writes(42, now(), director),
        "same seed, same data"
    );
    assert_ne!(
        writes,
        demo_writes(43, now(), director),
        "another seed, other data"
    );
    let mut m = Model::default();
    load(&mut m, &writes);
    assert_eq!(m.customers.len(), 200);
    assert!((7..=10).contains(&m.staff.len()), "{}", m.staff.len());
    let roles: BTreeSet<Role> = m.staff.values().map(|s| s.role).collect();
    for r in [
        Role::Representative,
        Role::QualityInspector,
        Role::TeamLeader,
        Role::DepartmentDirector,
    ] {
        assert!(roles.contains(&r), "{r:?} missing");
    }
    let teams: BTreeSet<&str> = m.staff.values().map(|s| s.team.as_str()).collect();
    assert!(teams.contains("Mañana") && teams.contains("Tarde"));
    assert!(m
        .customers
        .values()
        .any(|c| c.name.chars().any(|ch| "áéíóúñÁÉÍÓÚÑ".contains(ch))));
    assert!(m
        .customers
        .values()
        .any(|c| !c.card_number.is_empty() && c.birthday.is_some()));
    assert!(m
        .customers
        .values()
        .all(|c| c.demo && c.specialist.is_some() && c.audit.created_by == director));
    assert!(m
        .contacts
        .values()
        .all(|c| c.demo && c.customer.is_some() && c.received_at <= now()));
    assert!(m
        .contacts
        .values()
        .all(|c| now() - c.received_at <= chrono::Duration::days(61)));
    for status in [
        ContactStatus::Open,
        ContactStatus::Forwarded,
        ContactStatus::Done,
    ] {
        assert!(
            m.contacts.values().any(|c| c.status == status),
            "{status:?}"
        );
    }
    assert!(m
        .contacts
        .values()
        .filter(|c| c.status == ContactStatus::Forwarded)
        .all(|c| !c.forwarded.is_empty()));
    assert!(m
        .contacts
        .values()
        .filter(|c| c.status == ContactStatus::Done)
        .all(|c| !c.resolution.is_empty()));
    // R-CUS-02 has something to show on the first morning.
    assert!(!ventanilla::domain::customer::overdue_first_contacts(&m, None, now()).is_empty());
}

#[test]
fn clearing_demo_data_removes_exactly_the_demo_records() {
    let mut m = team();
    put(&mut m, &customer(500, "Cliente real"));
    load(&mut m, &demo_writes(7, now(), id(1)));
    let ids = demo_ids(&m);
    assert!(ids.len() > 200);
    for (kind, rid) in ids {
        let t = tombstone(kind, rid);
        m.refresh(kind, rid, Some(&serde_json::json!({ t.field: t.value })));
    }
    assert_eq!(
        m.customers.keys().copied().collect::<Vec<_>>(),
        vec![id(500)]
    );
    assert!(m.contacts.is_empty());
    assert_eq!(m.staff.len(), 4, "the real team stays");
}

#[test]
fn the_benchmark_set_is_generated_and_loaded_quickly() {
    let start = std::time::Instant::now();
    let writes = large_writes(1, 20_000, 100_000, now(), id(1));
    let generated = start.elapsed();
    let mut m = Model::default();
    let start = std::time::Instant::now();
    load(&mut m, &writes);
    let loaded = start.elapsed();
    assert_eq!((m.customers.len(), m.contacts.len()), (20_000, 100_000));
    eprintln!("benchmark set: generated in {generated:?}, loaded in {loaded:?}");
    // Well under a second optimised; debug builds are ~10x slower.
    let budget = if cfg!(debug_assertions) { 20 } else { 1 };
    assert!(
        generated.as_secs() < budget,
        "generation took {generated:?}"
    );
    // Today is recomputed on every change: it must stay cheap at this size.
    // (Measured twice: the first call after freeing the loader's 120,000
    // JSON objects pays the allocator's clean-up, not Today's work.)
    m.today(id(1), now());
    let start = std::time::Instant::now();
    let today = m.today(id(1), now());
    let took = start.elapsed();
    eprintln!("today over 100,000 contacts: {took:?}");
    assert!(!today.open_contacts.is_empty() && !today.overdue_first_contacts.is_empty());
    assert!(
        took.as_millis() < if cfg!(debug_assertions) { 500 } else { 50 },
        "{took:?}"
    );
}
