//! The merge laws of docs/architecture.md "Records and changes", as properties over
//! random histories: three devices whose wall clocks are off by up to 30
//! hours, writing values that are hard on a merge (deletions, unicode,
//! nesting, extreme numbers), a hostile fourth device sending stamps near
//! every limit (the counter maximum, a day ahead, beyond a day ahead, the
//! same stamp twice with different values), deliveries inside and beyond
//! the future limit (refused whole, delivered again later), in random
//! orders with duplicates. Every device takes changes in through its own
//! receive path, and at the end every replica is byte-identical.

use crate::sync_gen::{ahead_ms, counter, field, local, skew, value, Rng};
use proptest::prelude::*;
use serde_json::{json, Value};
use std::collections::HashSet;
use ventanilla::sync::entity::tie_order;
use ventanilla::sync::{
    ClockError, DeviceId, Op, RecordId, Replica, Stamp, State, Write, MAX_FUTURE_MS,
};

pub(crate) const DEVICES: usize = 3;
const HOSTILE: DeviceId = DeviceId(0xbad);
const START: u64 = 1_795_000_000_000;
/// Proptest cases per property (the issue asks for at least 1,000 in CI).
const CASES: u32 = 1000;

#[derive(Debug, Clone)]
pub(crate) enum Step {
    /// Device writes a value to (record, field); `fixed` is the tombstone's.
    Write {
        dev: usize,
        record: u8,
        field: (String, Option<Value>),
        value: Value,
    },
    /// Device `to` receives everything device `from` has taken in.
    Sync {
        from: usize,
        to: usize,
    },
    /// Wall time advances by this many ms, or hours.
    Tick(u16),
    Hours(u8),
    /// The hostile device makes one change stamped `ahead` ms in the future
    /// with `counter`; `reuse`: with its previous stamp (a collision).
    Forge {
        record: u8,
        field: (String, Option<Value>),
        value: Value,
        ahead: u64,
        counter: u32,
        reuse: bool,
    },
    /// Device `to` receives every hostile change so far.
    Hostile {
        to: usize,
    },
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        6 => (0..DEVICES, 0u8..3, field(), value())
            .prop_map(|(dev, record, field, value)| Step::Write { dev, record, field, value }),
        3 => (0..DEVICES, 0..DEVICES).prop_map(|(from, to)| Step::Sync { from, to }),
        1 => any::<u16>().prop_map(Step::Tick),
        1 => (1u8..48).prop_map(Step::Hours),
        2 => (0u8..3, field(), value(), ahead_ms(), counter(), any::<bool>()).prop_map(
            |(record, field, value, ahead, counter, reuse)| Step::Forge { record, field, value, ahead, counter, reuse }
        ),
        1 => (0..DEVICES).prop_map(|to| Step::Hostile { to }),
    ]
}

/// A history's outcome: every device after the final deliveries, every
/// batch of operations ever made (an action, or one hostile change), and
/// each honest device's stamps in the order it issued them.
pub(crate) struct Run {
    replicas: Vec<Replica>,
    pub(crate) batches: Vec<Vec<Op>>,
    issued: Vec<Vec<Stamp>>,
    refused: usize,
}

struct Device {
    replica: Replica,
    skew: i64,
    /// Batches taken in, in order; batches refused for now.
    got: Vec<usize>,
    has: HashSet<usize>,
    pending: Vec<usize>,
}

impl Device {
    /// The receive path: a batch more than a day ahead of this device's
    /// clock is refused whole and kept to try again later.
    fn offer(&mut self, id: usize, batch: &[Op], now: u64, refused: &mut usize) {
        if self.has.contains(&id) {
            return;
        }
        let before = self.replica.clone();
        match self.replica.receive(batch, local(now, self.skew)) {
            Ok(_) => {
                self.has.insert(id);
                self.got.push(id);
                self.pending.retain(|p| *p != id);
            }
            Err(ClockError::FromFuture { .. }) => {
                assert_eq!(self.replica, before, "a refused batch changes nothing");
                *refused += 1;
                if !self.pending.contains(&id) {
                    self.pending.push(id);
                }
            }
            Err(e) => panic!("{e}"),
        }
    }

    fn retry(&mut self, batches: &[Vec<Op>], now: u64, refused: &mut usize) {
        for id in self.pending.clone() {
            self.offer(id, &batches[id], now, refused);
        }
    }
}

pub(crate) fn simulate(steps: &[Step], skews: [i64; DEVICES], seed: u64) -> Run {
    let mut devices: Vec<Device> = (0..DEVICES)
        .map(|d| Device {
            replica: Replica::new(DeviceId(d as u64 + 1)),
            skew: skews[d],
            got: Vec::new(),
            has: HashSet::new(),
            pending: Vec::new(),
        })
        .collect();
    let mut batches: Vec<Vec<Op>> = Vec::new();
    let mut hostile: Vec<usize> = Vec::new();
    let mut last_forged: Option<Stamp> = None;
    let mut issued = vec![Vec::new(); DEVICES];
    let mut refused = 0;
    let mut now = START;
    for s in steps {
        match s {
            Step::Tick(ms) => now += u64::from(*ms),
            Step::Hours(h) => {
                now += u64::from(*h) * 3_600_000;
                for d in devices.iter_mut() {
                    d.retry(&batches, now, &mut refused);
                }
            }
            Step::Write {
                dev,
                record,
                field,
                value,
            } => {
                let d = &mut devices[*dev];
                let w = Write {
                    kind: "customer".into(),
                    id: RecordId(u128::from(*record)),
                    field: field.0.clone(),
                    value: field.1.clone().unwrap_or_else(|| value.clone()),
                };
                let (action, _) = d.replica.commit(vec![w], local(now, d.skew));
                issued[*dev].push(action.ops[0].stamp);
                batches.push(action.ops);
                d.has.insert(batches.len() - 1);
                d.got.push(batches.len() - 1);
            }
            Step::Sync { from, to } => {
                let ids = devices[*from].got.clone();
                for id in ids {
                    devices[*to].offer(id, &batches[id], now, &mut refused);
                }
            }
            Step::Forge {
                record,
                field,
                value,
                ahead,
                counter,
                reuse,
            } => {
                let stamp = match last_forged.filter(|_| *reuse) {
                    Some(s) => s,
                    None => Stamp {
                        ms: now + ahead,
                        counter: *counter,
                        device: HOSTILE,
                    },
                };
                last_forged = Some(stamp);
                batches.push(vec![Op {
                    stamp,
                    kind: "customer".into(),
                    id: RecordId(u128::from(*record)),
                    field: field.0.clone(),
                    value: field.1.clone().unwrap_or_else(|| value.clone()),
                    p: None,
                }]);
                hostile.push(batches.len() - 1);
            }
            Step::Hostile { to } => {
                for id in hostile.clone() {
                    devices[*to].offer(id, &batches[id], now, &mut refused);
                }
            }
        }
    }
    // Four days later everything is within the limit: every device takes
    // in every batch, in its own random order, some twice.
    now += 4 * MAX_FUTURE_MS;
    let mut rng = Rng(seed);
    for d in devices.iter_mut() {
        d.retry(&batches, now, &mut refused);
        let mut order: Vec<usize> = (0..batches.len())
            .flat_map(|i| vec![i; 1 + rng.below(2)])
            .collect();
        rng.shuffle(&mut order);
        for id in order {
            d.has.remove(&id);
            d.offer(id, &batches[id], now, &mut refused);
        }
        assert!(d.pending.is_empty(), "everything is within a day by now");
    }
    Run {
        replicas: devices.into_iter().map(|d| d.replica).collect(),
        batches,
        issued,
        refused,
    }
}

fn merged(ops: &[Op]) -> State {
    let mut s = State::default();
    s.apply(ops);
    s
}

pub(crate) fn history() -> impl Strategy<Value = (Vec<Step>, [i64; DEVICES], u64)> {
    (
        prop::collection::vec(step(), 1..40),
        prop::array::uniform3(skew()),
        any::<u64>(),
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(CASES))]

    /// Every replica, fed through its own receive path (refusals, retries,
    /// duplicates, its own order), ends byte-identical, and equal to
    /// applying all operations at once.
    #[test]
    fn every_replica_ends_byte_identical(h in history()) {
        let (steps, skews, seed) = h;
        let run = simulate(&steps, skews, seed);
        let all: Vec<Op> = run.batches.concat();
        let reference = merged(&all).to_canonical_json();
        for r in &run.replicas {
            prop_assert_eq!(r.state.to_canonical_json(), reference.clone());
        }
    }

    /// Commutative, associative, idempotent: any order, any duplicates,
    /// any chunking, the same bytes.
    #[test]
    fn merge_is_order_and_duplicate_insensitive(h in history(), dup_every in 1usize..5) {
        let (steps, skews, seed) = h;
        let ops: Vec<Op> = simulate(&steps, skews, seed).batches.concat();
        let reference = merged(&ops);
        let mut shuffled: Vec<Op> = ops.clone();
        for (i, op) in ops.iter().enumerate() {
            if i % dup_every == 0 { shuffled.push(op.clone()); }
        }
        Rng(seed ^ 0x5eed).shuffle(&mut shuffled);
        let mut chunked = State::default();
        for chunk in shuffled.chunks(7) {
            chunked.apply(chunk);
        }
        prop_assert_eq!(chunked.to_canonical_json(), reference.to_canonical_json());
        let mut again = reference.clone();
        prop_assert!(again.apply(&ops).is_empty());
        prop_assert_eq!(again, reference);
    }

    /// Per field the greatest stamp wins; equal stamps break on the value.
    /// Nothing is lost: every other value is knowingly overwritten or in
    /// the conflict list.
    #[test]
    fn the_greatest_stamp_wins_ties_break_on_the_value_and_nothing_is_lost(h in history()) {
        let (steps, skews, seed) = h;
        let ops: Vec<Op> = simulate(&steps, skews, seed).batches.concat();
        let state = merged(&ops);
        for op in &ops {
            let same = |o: &&Op| o.id == op.id && o.field == op.field;
            let winner = ops.iter().filter(same)
                .max_by(|a, b| a.stamp.cmp(&b.stamp).then_with(|| tie_order((&a.value, a.p), (&b.value, b.p))))
                .unwrap();
            let e = state.get("customer", op.id).unwrap();
            let f = &e.fields[&op.field];
            prop_assert_eq!(f.stamp, winner.stamp);
            prop_assert_eq!(&f.value, &winner.value);
            let current = f.stamp == op.stamp && tie_order((&f.value, f.p), (&op.value, op.p)).is_eq();
            let overwritten = ops.iter().any(|o| same(&o) && o.p == Some(op.stamp));
            let kept = e.losers.iter().any(|l| l.field == op.field && l.stamp == op.stamp && l.value == op.value);
            prop_assert!(current || overwritten || kept, "lost {:?}", op);
        }
    }

    /// Stamp uniqueness: every device's stamps strictly increase, whatever
    /// it took in (a counter at its maximum rolls the clock forward).
    #[test]
    fn stamps_are_unique_per_device_and_the_clock_never_sticks(h in history()) {
        let (steps, skews, seed) = h;
        let run = simulate(&steps, skews, seed);
        for stamps in &run.issued {
            for w in stamps.windows(2) {
                prop_assert!(w[0] < w[1], "{:?} then {:?}", w[0], w[1]);
            }
        }
        let _ = run.refused;
    }
}

/// How often the histories above meet each limit (printed, and a floor so
/// the generators cannot silently stop reaching them).
#[test]
fn the_histories_reach_every_limit() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let (mut refused, mut max_counter, mut ties, mut deletions) = (0, 0, 0, 0);
    for _ in 0..300 {
        let (steps, skews, seed) = history().new_tree(&mut runner).unwrap().current();
        let run = simulate(&steps, skews, seed);
        refused += usize::from(run.refused > 0);
        let ops: Vec<Op> = run.batches.concat();
        max_counter += usize::from(ops.iter().any(|o| o.stamp.counter == u32::MAX));
        deletions += usize::from(ops.iter().any(|o| o.field == "deleted"));
        let mut seen = std::collections::HashMap::new();
        let tie = ops.iter().any(|o| {
            let key = (o.id, o.field.clone(), o.stamp);
            seen.insert(key, o.value.clone())
                .is_some_and(|v| v != o.value)
        });
        ties += usize::from(tie);
    }
    eprintln!("of 300 histories: {refused} with a delivery beyond the limit, {max_counter} with a counter at its maximum, {ties} with a tie, {deletions} with a deletion");
    assert!(refused > 30 && max_counter > 30 && ties > 10 && deletions > 30);
}

#[test]
fn tie_break_two_bundles_giving_one_stamp_two_values_end_the_same_in_either_order() {
    let stamp = Stamp {
        ms: START,
        counter: 4,
        device: HOSTILE,
    };
    let op = |v: &str| Op {
        stamp,
        kind: "customer".into(),
        id: RecordId(1),
        field: "name".into(),
        value: json!(v),
        p: None,
    };
    let (uno, dos) = (op("Orden Uno"), op("Orden Dos"));
    let mut a = Replica::new(DeviceId(1));
    let mut b = Replica::new(DeviceId(2));
    a.receive(std::slice::from_ref(&uno), START).unwrap();
    a.receive(std::slice::from_ref(&dos), START).unwrap();
    b.receive(std::slice::from_ref(&dos), START).unwrap();
    b.receive(std::slice::from_ref(&uno), START).unwrap();
    assert_eq!(a.state.to_canonical_json(), b.state.to_canonical_json());
    let e = a.state.get("customer", RecordId(1)).unwrap();
    // "Orden Uno" > "Orden Dos" byte by byte ('U' > 'D'): it wins, and the
    // other value is kept as a conflict, not dropped.
    assert_eq!(e.get("name"), Some(&json!("Orden Uno")));
    let conflicts = a.state.conflicts();
    assert_eq!(conflicts.len(), 1);
    assert_eq!(conflicts[0].1.value, json!("Orden Dos"));
    // Numbers that compare equal but are different values still order.
    let mut z = State::default();
    let mut zero = op("x");
    zero.value = json!(0.0);
    let mut minus = zero.clone();
    minus.value = json!(-0.0);
    z.apply([&zero, &minus]);
    let mut y = State::default();
    y.apply([&minus, &zero]);
    assert_eq!(z.to_canonical_json(), y.to_canonical_json());
}

#[test]
fn stamp_uniqueness_a_second_edit_after_a_counter_at_its_maximum_is_kept() {
    // One change from the future with the largest counter, two hours ahead.
    let remote = Op {
        stamp: Stamp {
            ms: START + 2 * 3_600_000,
            counter: u32::MAX,
            device: HOSTILE,
        },
        kind: "customer".into(),
        id: RecordId(9),
        field: "notes".into(),
        value: json!("remote"),
        p: None,
    };
    let mut me = Replica::new(DeviceId(1));
    me.receive(std::slice::from_ref(&remote), START).unwrap();
    let (first, _) = me.commit(vec![write(1, "name", json!("Primero"))], START + 1);
    let (second, _) = me.commit(vec![write(1, "name", json!("Segundo"))], START + 2);
    assert!(remote.stamp < first.ops[0].stamp && first.ops[0].stamp < second.ops[0].stamp);
    assert_eq!(
        me.state.get("customer", RecordId(1)).unwrap().get("name"),
        Some(&json!("Segundo")),
        "the second edit is not dropped as a duplicate"
    );
    // Another device takes both edits in: the same.
    let mut other = Replica::new(DeviceId(2));
    other.receive(&[remote], START).unwrap();
    other.receive(&first.ops, START).unwrap();
    other.receive(&second.ops, START).unwrap();
    assert_eq!(
        other.state.to_canonical_json(),
        me.state.to_canonical_json()
    );
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
