//! The merge laws of DESIGN.md "Records and changes", as properties over
//! random histories of three devices with clock skew, delivered in random
//! orders with duplicates.

#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use serde_json::json;
use ventanilla::sync::{
    ClockError, DeviceId, Op, RecordId, Replica, Stamp, State, Write, MAX_FUTURE_MS,
};

const DEVICES: usize = 3;

#[derive(Debug, Clone)]
enum Step {
    /// Device writes a value to (record, field).
    Write {
        dev: usize,
        record: u8,
        field: u8,
        value: u8,
    },
    /// Device `to` receives everything device `from` has seen.
    Sync { from: usize, to: usize },
    /// Wall time advances by this many ms.
    Tick(u16),
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        5 => (0..DEVICES, 0u8..3, 0u8..3, any::<u8>())
            .prop_map(|(dev, record, field, value)| Step::Write { dev, record, field, value }),
        2 => (0..DEVICES, 0..DEVICES).prop_map(|(from, to)| Step::Sync { from, to }),
        1 => any::<u16>().prop_map(Step::Tick),
    ]
}

/// Runs a history; returns every operation any device produced.
fn simulate(steps: &[Step], skew: [i32; DEVICES]) -> Vec<Op> {
    let mut devices: Vec<Replica> = (0..DEVICES)
        .map(|d| Replica::new(DeviceId(d as u64 + 1)))
        .collect();
    let mut known: Vec<Vec<Op>> = vec![Vec::new(); DEVICES];
    let mut all = Vec::new();
    let mut now: u64 = 1_700_000_000_000;
    for s in steps {
        match *s {
            Step::Tick(ms) => now += ms as u64,
            Step::Write {
                dev,
                record,
                field,
                value,
            } => {
                // Each device's wall clock is off by its skew (up to a minute).
                let local = (now as i64 + skew[dev] as i64) as u64;
                let w = Write {
                    kind: "customer".into(),
                    id: RecordId(record as u128),
                    field: format!("f{field}"),
                    value: json!(value),
                };
                let (action, _) = devices[dev].commit(vec![w], local);
                known[dev].extend(action.ops.iter().cloned());
                all.extend(action.ops);
            }
            Step::Sync { from, to } => {
                let ops = known[from].clone();
                let local = (now as i64 + skew[to] as i64) as u64;
                devices[to]
                    .receive(&ops, local)
                    .expect("skew is far below a day");
                known[to].extend(ops);
            }
        }
    }
    all
}

fn merged(ops: &[Op]) -> State {
    let mut s = State::default();
    s.apply(ops);
    s
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Commutative, associative, idempotent: any order, any duplicates,
    /// the same state and the same bytes.
    #[test]
    fn merge_is_order_and_duplicate_insensitive(
        steps in prop::collection::vec(step(), 1..60),
        skew in prop::array::uniform3(-60_000i32..60_000),
        seed in any::<u64>(),
        dup_every in 1usize..5,
    ) {
        let ops = simulate(&steps, skew);
        let reference = merged(&ops);

        // A shuffled copy with duplicates, applied in chunks (several "bundles").
        let mut shuffled: Vec<Op> = ops.clone();
        for (i, op) in ops.iter().enumerate() {
            if i % dup_every == 0 { shuffled.push(op.clone()); }
        }
        let mut rng = seed | 1;
        for i in (1..shuffled.len()).rev() {
            rng ^= rng << 13; rng ^= rng >> 7; rng ^= rng << 17;
            shuffled.swap(i, (rng % (i as u64 + 1)) as usize);
        }
        let mut chunked = State::default();
        for chunk in shuffled.chunks(7) {
            chunked.apply(chunk);
        }
        prop_assert_eq!(&chunked, &reference);
        prop_assert_eq!(chunked.to_canonical_json(), reference.to_canonical_json());

        // Applying everything again changes nothing (idempotence).
        let mut again = reference.clone();
        let changed = again.apply(&ops);
        prop_assert!(changed.is_empty());
        prop_assert_eq!(again, reference);
    }

    /// Per field, the operation with the greatest stamp wins.
    #[test]
    fn per_field_the_greatest_stamp_wins(
        steps in prop::collection::vec(step(), 1..60),
        skew in prop::array::uniform3(-60_000i32..60_000),
    ) {
        let ops = simulate(&steps, skew);
        let state = merged(&ops);
        for op in &ops {
            let winner = ops.iter()
                .filter(|o| o.id == op.id && o.field == op.field)
                .max_by_key(|o| o.stamp)
                .unwrap();
            let entity = state.get("customer", op.id).unwrap();
            prop_assert_eq!(entity.fields[&op.field].stamp, winner.stamp);
            prop_assert_eq!(&entity.fields[&op.field].value, &winner.value);
        }
    }

    /// Nothing is lost: every operation's value is either the current value
    /// of its field, knowingly overwritten by a later edit, or in the
    /// conflict list.
    #[test]
    fn nothing_is_lost(
        steps in prop::collection::vec(step(), 1..60),
        skew in prop::array::uniform3(-60_000i32..60_000),
    ) {
        let ops = simulate(&steps, skew);
        let state = merged(&ops);
        for op in &ops {
            let e = state.get("customer", op.id).unwrap();
            let f = &e.fields[&op.field];
            let current = f.stamp == op.stamp;
            let overwritten_knowingly = ops.iter().any(|o| o.id == op.id && o.field == op.field && o.p == Some(op.stamp));
            let kept = e.losers.iter().any(|l| l.field == op.field && l.stamp == op.stamp);
            prop_assert!(current || overwritten_knowingly || kept, "lost {:?}", op);
        }
    }
}

fn write(id: u128, field: &str, value: serde_json::Value) -> Write {
    Write {
        kind: "customer".into(),
        id: RecordId(id),
        field: field.into(),
        value,
    }
}

#[test]
fn concurrent_overwrites_land_in_the_conflict_list() {
    let now = 1_700_000_000_000;
    let mut a = Replica::new(DeviceId(1));
    let mut b = Replica::new(DeviceId(2));
    let (created, _) = a.commit(vec![write(9, "name", json!("Maria"))], now);
    b.receive(&created.ops, now).unwrap();
    // Both edit the name offline.
    let (ea, _) = a.commit(vec![write(9, "name", json!("María"))], now + 10);
    let (eb, _) = b.commit(vec![write(9, "name", json!("Mary"))], now + 20);
    a.receive(&eb.ops, now + 30).unwrap();
    b.receive(&ea.ops, now + 30).unwrap();
    assert_eq!(a.state, b.state);
    let conflicts = a.state.conflicts();
    assert_eq!(conflicts.len(), 1, "{conflicts:?}");
    assert_eq!(conflicts[0].1.value, json!("María"));
    assert_eq!(
        a.state.get("customer", RecordId(9)).unwrap().get("name"),
        Some(&json!("Mary"))
    );
    // A sequential edit (b saw a's value) is history, not a conflict.
    let (later, _) = b.commit(vec![write(9, "name", json!("María José"))], now + 40);
    a.receive(&later.ops, now + 50).unwrap();
    assert_eq!(a.state.conflicts().len(), 1);
}

#[test]
fn restoring_a_losing_value_clears_the_conflict() {
    let now = 1_700_000_000_000;
    let mut a = Replica::new(DeviceId(1));
    let mut b = Replica::new(DeviceId(2));
    let (ea, _) = a.commit(vec![write(1, "email", json!("a@x.es"))], now);
    let (eb, _) = b.commit(vec![write(1, "email", json!("b@x.es"))], now + 1);
    a.receive(&eb.ops, now + 2).unwrap();
    assert_eq!(a.state.conflicts().len(), 1);
    a.commit(vec![write(1, "email", json!("a@x.es"))], now + 3);
    b.receive(&ea.ops, now + 4).unwrap();
    assert!(a.state.conflicts().is_empty(), "{:?}", a.state.conflicts());
}

#[test]
fn a_stamp_more_than_a_day_ahead_is_refused_whole_and_never_wins() {
    let now = 1_700_000_000_000;
    let mut local = Replica::new(DeviceId(1));
    local.commit(vec![write(1, "name", json!("Ana"))], now);
    let before = local.clone();
    let future = Op {
        stamp: Stamp {
            ms: now + 2 * MAX_FUTURE_MS,
            counter: 0,
            device: DeviceId(2),
        },
        kind: "customer".into(),
        id: RecordId(1),
        field: "name".into(),
        value: json!("From the future"),
        p: None,
    };
    let fine = Op {
        stamp: Stamp {
            ms: now + 5,
            ..future.stamp
        },
        value: json!("ok"),
        field: "notes".into(),
        ..future.clone()
    };
    let err = local.receive(&[fine, future], now).unwrap_err();
    assert!(matches!(err, ClockError::FromFuture { .. }));
    assert_eq!(local, before, "nothing applied, clock untouched");
}

#[test]
fn unknown_fields_are_kept_and_passed_on() {
    let now = 1_700_000_000_000;
    let mut a = Replica::new(DeviceId(1));
    let (act, _) = a.commit(
        vec![write(1, "x_future_field", json!({"nested": [1, 2]}))],
        now,
    );
    let mut b = Replica::new(DeviceId(2));
    b.receive(&act.ops, now).unwrap();
    let e = b.state.get("customer", RecordId(1)).unwrap();
    assert_eq!(e.get("x_future_field"), Some(&json!({"nested": [1, 2]})));
    let again: Vec<Op> = e.ops("customer", RecordId(1)).collect();
    assert_eq!(again, act.ops);
}

#[test]
fn a_deletion_is_a_tombstone_field() {
    let now = 1_700_000_000_000;
    let mut a = Replica::new(DeviceId(1));
    a.commit(vec![write(1, "name", json!("Ana"))], now);
    a.commit(vec![write(1, "deleted", json!(true))], now + 1);
    let e = a.state.get("customer", RecordId(1)).unwrap();
    assert!(e.is_deleted());
    assert_eq!(
        e.get("name"),
        Some(&json!("Ana")),
        "nothing physically removed"
    );
}

#[test]
fn an_action_writing_a_field_twice_keeps_the_last_value() {
    let mut a = Replica::new(DeviceId(1));
    let (act, _) = a.commit(
        vec![
            write(1, "name", json!("first")),
            write(1, "phone", json!("600")),
            write(1, "name", json!("second")),
        ],
        5,
    );
    assert_eq!(act.ops.len(), 2);
    assert_eq!(
        a.state.get("customer", RecordId(1)).unwrap().get("name"),
        Some(&json!("second"))
    );
}
