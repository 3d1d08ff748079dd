//! Bundles (DESIGN.md "Bundles (the sync unit)"): round trips, the checksum,
//! every refusal, splitting, chains, and that importing bundles in any order,
//! with duplicates and losses, or from a snapshot, gives the state of one
//! in-order replay.

#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use serde_json::{json, Value};
use std::collections::BTreeMap;
use ventanilla::sync::bundle::{
    check_chain, check_stamps, decode, decode_ops, import, make_delta_bundles,
    make_delta_bundles_with_limit, make_snapshot_bundles, make_snapshot_bundles_with_limit, parse,
    parse_bytes, sha256_hex, Bundle, BundleError, BundleKind, BundleMeta, ChainCheck,
    MAX_PAYLOAD_BYTES,
};
use ventanilla::sync::{DeviceId, Op, RecordId, Replica, State, Write, MAX_FUTURE_MS};

const KINDS: &[&str] = &["customer", "contact"];
const CREATED: &str = "2024-05-01T10:00:00Z";
const NOW: u64 = 1_700_000_000_000;

fn rid(n: u64) -> RecordId {
    RecordId((n as u128).wrapping_mul(0x9e37_79b9_7f4a_7c15_f39c_c060_5ced_c835))
}

fn write(record: u64, field: &str, value: Value) -> Write {
    Write {
        kind: "customer".into(),
        id: rid(record),
        field: field.into(),
        value,
    }
}

/// A device's log with overwrites of its own and of another device's values.
fn sample_log() -> (Replica, Vec<(u64, Vec<Op>)>) {
    let mut other = Replica::new(DeviceId(0xb));
    let (theirs, _) = other.commit(vec![write(1, "name", json!("Bea"))], NOW - 10);
    let mut me = Replica::new(DeviceId(0xa));
    me.receive(&theirs.ops, NOW).unwrap();
    let mut log = Vec::new();
    let actions = vec![
        vec![
            write(1, "name", json!("Ana \"la\" Pérez ñ ✓")),
            write(1, "phone", json!("+34 600 000 000")),
        ],
        vec![
            write(1, "phone", json!(null)),
            write(2, "tags", json!(["a", 1, {"b": 2.5}])),
        ],
        vec![Write {
            kind: "contact".into(),
            id: rid(3),
            field: "note".into(),
            value: json!("line\nbreak\t\u{1}"),
        }],
        vec![write(1, "name", json!("Ana"))],
    ];
    for (i, writes) in actions.into_iter().enumerate() {
        let (a, _) = me.commit(writes, NOW + i as u64);
        log.push((a.seq, a.ops));
    }
    (me, log)
}

/// A payload is a set of operations: its order carries no meaning (the
/// writer groups by record), so compare in one canonical order.
fn canonical(mut ops: Vec<Op>) -> Vec<Op> {
    ops.sort_by(|a, b| (a.stamp, &a.kind, a.id, &a.field).cmp(&(b.stamp, &b.kind, b.id, &b.field)));
    ops
}

fn all_ops(log: &[(u64, Vec<Op>)]) -> Vec<Op> {
    log.iter().flat_map(|(_, ops)| ops.clone()).collect()
}

fn one_bundle() -> (Bundle, Vec<Op>) {
    let (_, log) = sample_log();
    let mut bundles = make_delta_bundles(DeviceId(0xa), 1, &log, "", 3, CREATED);
    assert_eq!(bundles.len(), 1);
    (bundles.remove(0), all_ops(&log))
}

/// Rewrites the outer JSON with `edit` applied.
fn edited(b: &Bundle, edit: impl FnOnce(&mut serde_json::Map<String, Value>)) -> String {
    let mut v: Value = serde_json::from_str(&b.to_json()).unwrap();
    edit(v.as_object_mut().unwrap());
    v.to_string()
}

#[test]
fn make_serialise_parse_decode_gives_back_the_same_ops() {
    let (b, ops) = one_bundle();
    assert_eq!(b.format, "ventanilla-bundle");
    assert_eq!(
        (b.version, b.kind, b.first, b.last),
        (1, BundleKind::Delta, 1, 4)
    );
    assert_eq!(b.prev_sha256, "");
    let back = parse(&b.to_json()).unwrap();
    assert_eq!(back, b);
    let decoded = decode_ops(&back, KINDS).unwrap();
    assert_eq!(canonical(decoded.clone()), canonical(ops.clone()));
    // p pointing at another device's value survives.
    assert!(decoded
        .iter()
        .any(|o| o.p.is_some_and(|p| p.device == DeviceId(0xb))));
}

#[test]
fn the_checksum_covers_the_payload_bytes_not_the_outer_json() {
    let (b, _) = one_bundle();
    assert_eq!(b.sha256, sha256_hex(&b.payload));
    let pretty =
        serde_json::to_string_pretty(&serde_json::from_str::<Value>(&b.to_json()).unwrap())
            .unwrap();
    assert_ne!(pretty, b.to_json());
    assert_eq!(parse(&pretty).unwrap(), b);

    // The same operations with other whitespace are other bytes: refused.
    let spaced = b.payload.replacen(',', ", ", 1);
    let text = edited(&b, |o| {
        o.insert("payload".into(), json!(spaced));
    });
    assert!(matches!(
        parse(&text),
        Err(BundleError::ChecksumMismatch { .. })
    ));

    // One payload byte changed: refused, and decode re-checks too.
    let mut bad = b.clone();
    bad.payload = bad.payload.replacen("Ana", "Anb", 1);
    assert!(matches!(
        parse(&bad.to_json()),
        Err(BundleError::ChecksumMismatch { .. })
    ));
    assert!(matches!(
        decode(&bad, KINDS),
        Err(BundleError::ChecksumMismatch { .. })
    ));
}

#[test]
fn a_bundle_truncated_at_every_offset_is_refused_as_truncated() {
    let (b, _) = one_bundle();
    let text = b.to_json();
    let bytes = text.as_bytes();
    for cut in 0..bytes.len() {
        match parse_bytes(&bytes[..cut]) {
            Err(BundleError::Truncated) => {}
            Err(BundleError::NotJson(_)) if !text.is_char_boundary(cut) => {}
            other => panic!("cut at {cut}: {other:?}"),
        }
    }
    assert!(parse_bytes(bytes).is_ok());
}

#[test]
fn each_kind_of_damage_is_refused_with_its_own_error() {
    let (b, _) = one_bundle();
    let refuse = |text: &str| parse(text).unwrap_err();
    assert!(matches!(refuse("hello"), BundleError::NotJson(_)));
    assert!(matches!(refuse(""), BundleError::Truncated));
    assert!(matches!(refuse("[1,2]"), BundleError::WrongFormat(_)));
    let e = refuse(&edited(&b, |o| {
        o.insert("format".into(), json!("other-app"));
    }));
    assert_eq!(e, BundleError::WrongFormat("other-app".into()));
    let e = refuse(&edited(&b, |o| {
        o.insert("version".into(), json!(2));
    }));
    assert_eq!(e, BundleError::UnsupportedVersion(2));
    assert!(e.to_string().contains("update the app"));
    let e = refuse(&edited(&b, |o| {
        o.insert("kind".into(), json!("diff"));
    }));
    assert_eq!(e, BundleError::UnknownBundleKind("diff".into()));
    for field in [
        "device", "first", "last", "schema", "created", "payload", "sha256", "kind",
    ] {
        let e = refuse(&edited(&b, |o| {
            o.remove(field);
        }));
        assert!(
            matches!(e, BundleError::Malformed(ref m) if m.contains(field)),
            "{field}: {e:?}"
        );
    }
    // prev_sha256 may be absent (first bundle of a device).
    assert!(parse(&edited(&b, |o| {
        o.remove("prev_sha256");
    }))
    .is_ok());
    assert!(matches!(
        refuse(&edited(&b, |o| {
            o.insert("created".into(), json!("yesterday"));
        })),
        BundleError::Malformed(_)
    ));
    assert!(matches!(
        refuse(&edited(&b, |o| {
            o.insert("frontier".into(), json!({}));
        })),
        BundleError::Malformed(_)
    ));
    let e = refuse(&edited(&b, |o| {
        o.insert("first".into(), json!(9));
    }));
    assert_eq!(e, BundleError::BadRange { first: 9, last: 4 });
    let e = refuse(&edited(&b, |o| {
        o.insert("sha256".into(), json!("0".repeat(64)));
    }));
    assert!(matches!(e, BundleError::ChecksumMismatch { .. }));

    // A correctly hashed payload that is not the op grammar.
    for payload in [
        "{",
        "{}",
        "[1]",
        "[[\"customer\",\"x\",[]]]",
        "[[\"customer\",\"00000000000000000000000001\",[[1,2]]]]",
    ] {
        let mut bad = b.clone();
        bad.payload = payload.into();
        bad.sha256 = sha256_hex(payload);
        let bad = parse(&bad.to_json()).unwrap();
        assert!(
            matches!(decode(&bad, KINDS), Err(BundleError::Undecodable(_))),
            "{payload}"
        );
    }
    // A record kind from a newer version.
    assert_eq!(
        decode(&b, &["customer"]),
        Err(BundleError::UnknownRecordKind("contact".into()))
    );
    // Every message is plain English for a person.
    for e in [
        BundleError::Truncated,
        BundleError::FromFuture { ahead_ms: 1 },
    ] {
        assert!(e.to_string().len() > 20);
    }
}

#[test]
fn a_stamp_two_days_ahead_is_refused_and_the_replica_is_untouched() {
    let mut future = Replica::new(DeviceId(0xf));
    let (a, _) = future.commit(
        vec![write(1, "name", json!("from the future"))],
        NOW + 2 * 86_400_000,
    );
    let b = &make_delta_bundles(DeviceId(0xf), 1, &[(a.seq, a.ops)], "", 1, CREATED)[0];
    let (mut me, _) = sample_log();
    let before = me.clone();
    let e = import(&mut me, &parse(&b.to_json()).unwrap(), KINDS, NOW).unwrap_err();
    assert!(matches!(e, BundleError::FromFuture { ahead_ms } if ahead_ms > MAX_FUTURE_MS));
    assert_eq!(me, before);
    assert_eq!(
        me.state.to_canonical_json(),
        before.state.to_canonical_json()
    );
    // The same check, for checking every file before applying any.
    let ops = decode_ops(b, KINDS).unwrap();
    assert!(matches!(
        check_stamps(&ops, NOW),
        Err(BundleError::FromFuture { .. })
    ));
    assert!(check_stamps(&ops, NOW + 86_400_000).is_ok());
    // A day later the same bundle is fine.
    assert!(import(&mut me, b, KINDS, NOW + 2 * 86_400_000).is_ok());
}

#[test]
fn splitting_keeps_actions_whole_and_chains_the_hashes() {
    let mut r = Replica::new(DeviceId(0xa));
    let mut log = Vec::new();
    for i in 0..60u64 {
        let n = (i % 5 + 1) as usize;
        let writes = (0..n)
            .map(|f| write(i % 7, &format!("f{f}"), json!(i)))
            .collect();
        let (a, _) = r.commit(writes, NOW + i);
        log.push((a.seq, a.ops));
    }
    // One action far larger than the limit travels alone.
    let big: Vec<Write> = (0..40)
        .map(|f| write(99, &format!("big{f}"), json!("x".repeat(30))))
        .collect();
    let (a, _) = r.commit(big, NOW + 100);
    log.push((a.seq, a.ops));

    let limit = 700;
    let prev = "ab".repeat(32);
    let bundles = make_delta_bundles_with_limit(DeviceId(0xa), 1, &log, &prev, 1, CREATED, limit);
    assert!(bundles.len() > 5);
    let mut expect_prev = prev;
    let mut expect_first = 1;
    let mut rest = &log[..];
    for b in &bundles {
        let b = parse(&b.to_json()).unwrap();
        assert_eq!(b.prev_sha256, expect_prev);
        assert_eq!(b.first, expect_first);
        let ops = decode_ops(&b, KINDS).unwrap();
        // The bundle holds exactly the next whole actions, up to `last`.
        let n = rest.iter().take_while(|(s, _)| *s <= b.last).count();
        assert!(n >= 1);
        assert_eq!(canonical(ops), canonical(all_ops(&rest[..n])));
        assert!(
            b.payload.len() <= limit || n == 1,
            "{} bytes",
            b.payload.len()
        );
        rest = &rest[n..];
        expect_prev = b.sha256.clone();
        expect_first = b.last + 1;
    }
    assert!(rest.is_empty());
    assert!(bundles.last().unwrap().payload.len() > limit);
    assert!(make_delta_bundles(DeviceId(0xa), 1, &[], "", 1, CREATED).is_empty());
}

#[test]
fn the_chain_check_knows_duplicates_contradictions_and_our_own_log() {
    let (_, log) = sample_log();
    let dev = DeviceId(0xa);
    let me = DeviceId(0xe);
    let bs = make_delta_bundles_with_limit(dev, 1, &log, "", 1, CREATED, 1);
    assert_eq!(bs.len(), 4);
    let known: Vec<BundleMeta> = vec![bs[0].meta(), bs[1].meta()];
    assert_eq!(
        check_chain(&known, &bs[0], me, 0),
        Ok(ChainCheck::AlreadyHave)
    );
    assert_eq!(
        check_chain(&known, &bs[2], me, 0),
        Ok(ChainCheck::New { linked: true })
    );
    assert_eq!(
        check_chain(&known, &bs[3], me, 0),
        Ok(ChainCheck::New { linked: false })
    );
    assert_eq!(
        check_chain(&[], &bs[0], me, 0),
        Ok(ChainCheck::New { linked: true })
    );

    // Same device and first, other content: a contradiction; likewise an overlap.
    let other = make_delta_bundles(dev, 2, &[(2, log[3].1.clone())], &bs[0].sha256, 1, CREATED);
    let e = check_chain(&known, &other[0], me, 0).unwrap_err();
    assert!(matches!(e, BundleError::Contradiction { first: 2, .. }));
    let wide = make_delta_bundles(dev, 1, &log, "", 1, CREATED);
    assert!(matches!(
        check_chain(&known, &wide[0], me, 0),
        Err(BundleError::Contradiction { .. })
    ));
    // A successor naming a different predecessor: a fork.
    let fork = make_delta_bundles(
        dev,
        3,
        &[(3, log[2].1.clone())],
        &"cd".repeat(32),
        1,
        CREATED,
    );
    assert!(matches!(
        check_chain(&known, &fork[0], me, 0),
        Err(BundleError::Contradiction { .. })
    ));

    // Our own device's bundles: ours are known; any other is refused.
    assert_eq!(
        check_chain(&known, &bs[1], dev, 4),
        Ok(ChainCheck::AlreadyHave)
    );
    assert!(matches!(
        check_chain(&known, &bs[2], dev, 4),
        Err(BundleError::ContradictsOwnLog {
            first: 3,
            last: 3,
            own_last: 4
        })
    ));

    // Snapshots are deduplicated by hash, never contradictions.
    let s1 = &make_snapshot_bundles(dev, &State::default(), &BTreeMap::new(), 1, CREATED)[0];
    let (r, _) = sample_log();
    let s2 = &make_snapshot_bundles(dev, &r.state, &BTreeMap::new(), 1, CREATED)[0];
    let known = vec![s1.meta()];
    assert_eq!(check_chain(&known, s1, me, 0), Ok(ChainCheck::AlreadyHave));
    assert_eq!(
        check_chain(&known, s2, me, 0),
        Ok(ChainCheck::New { linked: true })
    );
}

#[test]
fn a_snapshot_rebuilds_the_state_byte_for_byte_with_its_frontier() {
    let (me, _) = sample_log();
    let frontier = BTreeMap::from([(DeviceId(0xa), 4), (DeviceId(0xb), 1)]);
    for limit in [1, 300, MAX_PAYLOAD_BYTES] {
        let parts = make_snapshot_bundles_with_limit(
            DeviceId(0xa),
            &me.state,
            &frontier,
            1,
            CREATED,
            limit,
        );
        let mut fresh = Replica::new(DeviceId(0xc));
        for (i, p) in parts.iter().enumerate() {
            let p = parse(&p.to_json()).unwrap();
            assert_eq!(
                (p.kind, p.first, p.last),
                (BundleKind::Snapshot, i as u64 + 1, parts.len() as u64)
            );
            assert_eq!(p.frontier.as_ref(), Some(&frontier));
            import(&mut fresh, &p, KINDS, NOW).unwrap();
        }
        assert_eq!(
            fresh.state.to_canonical_json(),
            me.state.to_canonical_json()
        );
    }
}

// ------------------------------------------------------ random histories

/// A small deterministic generator for delivery orders (test-only).
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

#[derive(Debug, Clone)]
enum Step {
    Write {
        dev: usize,
        record: u8,
        field: u8,
        value: u8,
    },
    Sync {
        from: usize,
        to: usize,
    },
    Tick(u16),
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        5 => (0..3usize, 0u8..3, 0u8..3, any::<u8>())
            .prop_map(|(dev, record, field, value)| Step::Write { dev, record, field, value }),
        2 => (0..3usize, 0..3usize).prop_map(|(from, to)| Step::Sync { from, to }),
        1 => any::<u16>().prop_map(Step::Tick),
    ]
}

struct History {
    logs: Vec<Vec<(u64, Vec<Op>)>>,
    all: Vec<Op>,
    snapshot: (State, BTreeMap<DeviceId, u64>),
}

/// Three devices write and sync (directly); device 0's state and frontier are
/// captured at step `snap_at`.
fn simulate(steps: &[Step], snap_at: usize) -> History {
    let mut devs: Vec<Replica> = (0..3).map(|d| Replica::new(DeviceId(d + 1))).collect();
    let mut seen: Vec<Vec<Op>> = vec![Vec::new(); 3];
    let mut frontier: Vec<BTreeMap<DeviceId, u64>> = vec![BTreeMap::new(); 3];
    let mut logs = vec![Vec::new(); 3];
    let mut all = Vec::new();
    let mut snapshot = (State::default(), BTreeMap::new());
    let mut now = NOW;
    for (i, s) in steps.iter().enumerate() {
        if i == snap_at {
            snapshot = (devs[0].state.clone(), frontier[0].clone());
        }
        match *s {
            Step::Tick(ms) => now += ms as u64,
            Step::Write {
                dev,
                record,
                field,
                value,
            } => {
                let w = write(record as u64, &format!("f{field}"), json!(value));
                let (a, _) = devs[dev].commit(vec![w], now + dev as u64 * 7);
                frontier[dev].insert(a.device, a.seq);
                seen[dev].extend(a.ops.iter().cloned());
                all.extend(a.ops.iter().cloned());
                logs[dev].push((a.seq, a.ops));
            }
            Step::Sync { from, to } => {
                let ops = seen[from].clone();
                devs[to].receive(&ops, now).unwrap();
                seen[to].extend(ops);
                for (d, q) in frontier[from].clone() {
                    let e = frontier[to].entry(d).or_insert(0);
                    *e = (*e).max(q);
                }
            }
        }
    }
    if snap_at >= steps.len() {
        snapshot = (devs[0].state.clone(), frontier[0].clone());
    }
    History {
        logs,
        all,
        snapshot,
    }
}

/// Each device exports its log in up to three sessions, split small.
fn export(h: &History, rng: &mut Rng) -> Vec<Bundle> {
    let mut out = Vec::new();
    for (d, log) in h.logs.iter().enumerate() {
        let mut prev = String::new();
        let mut next = 1;
        let mut rest = &log[..];
        while !rest.is_empty() {
            let n = 1 + rng.below(rest.len());
            let bs = make_delta_bundles_with_limit(
                DeviceId(d as u64 + 1),
                next,
                &rest[..n],
                &prev,
                1,
                CREATED,
                200,
            );
            prev = bs.last().map(|b| b.sha256.clone()).unwrap_or(prev);
            next = bs.last().map_or(next, |b| b.last + 1);
            out.extend(bs);
            rest = &rest[n..];
        }
    }
    out
}

/// Delivers the bundles as text in a random order, each one to three times,
/// some deliveries lost and repeated at the end; returns the receiver.
fn deliver(bundles: &[Bundle], rng: &mut Rng) -> Replica {
    let texts: Vec<String> = bundles.iter().map(Bundle::to_json).collect();
    let mut order: Vec<usize> = (0..texts.len())
        .flat_map(|i| vec![i; 1 + rng.below(3)])
        .collect();
    for i in (1..order.len()).rev() {
        order.swap(i, rng.below(i + 1));
    }
    let mut lost = Vec::new();
    let mut me = Replica::new(DeviceId(0x99));
    let mut known: Vec<BundleMeta> = Vec::new();
    let later = NOW + 10 * 86_400_000;
    let mut receive = |i: usize, me: &mut Replica| {
        let b = parse(&texts[i]).unwrap();
        match check_chain(&known, &b, me.device(), me.seq).unwrap() {
            ChainCheck::AlreadyHave => {}
            ChainCheck::New { .. } => {
                import(me, &b, KINDS, later).unwrap();
                known.push(b.meta());
            }
        }
    };
    for i in order {
        if rng.below(4) == 0 {
            lost.push(i);
        } else {
            receive(i, &mut me);
        }
    }
    for i in lost {
        receive(i, &mut me);
    }
    me
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn bundles_in_any_order_with_duplicates_and_losses_equal_one_in_order_replay(
        steps in prop::collection::vec(step(), 1..50),
        seed in any::<u64>(),
    ) {
        let h = simulate(&steps, usize::MAX);
        let mut rng = Rng(seed);
        let bundles = export(&h, &mut rng);
        let me = deliver(&bundles, &mut rng);
        let mut replay = State::default();
        replay.apply(&h.all);
        prop_assert_eq!(me.state.to_canonical_json(), replay.to_canonical_json());
    }

    #[test]
    fn a_snapshot_plus_the_deltas_past_its_frontier_equals_a_full_replay(
        steps in prop::collection::vec(step(), 1..50),
        snap_frac in 0.0f64..1.0,
        seed in any::<u64>(),
    ) {
        let snap_at = (steps.len() as f64 * snap_frac) as usize;
        let h = simulate(&steps, snap_at);
        let mut rng = Rng(seed);
        let (state, frontier) = &h.snapshot;
        let mut bundles = make_snapshot_bundles_with_limit(DeviceId(1), state, frontier, 1, CREATED, 300);
        let deltas = export(&h, &mut rng);
        bundles.extend(
            deltas.into_iter().filter(|b| b.last > frontier.get(&b.device).copied().unwrap_or(0)),
        );
        let me = deliver(&bundles, &mut rng);
        let mut replay = State::default();
        replay.apply(&h.all);
        prop_assert_eq!(me.state.to_canonical_json(), replay.to_canonical_json());
    }

    #[test]
    fn a_flipped_byte_never_panics_and_never_passes_altered_changes(
        at in any::<prop::sample::Index>(),
        byte in any::<u8>(),
    ) {
        let (b, ops) = one_bundle();
        let mut bytes = b.to_json().into_bytes();
        let i = at.index(bytes.len());
        prop_assume!(bytes[i] != byte);
        bytes[i] = byte;
        if let Ok(got) = parse_bytes(&bytes) {
            // Only unhashed header fields can change unnoticed.
            prop_assert_eq!(&got.payload, &b.payload);
            prop_assert_eq!(&got.sha256, &b.sha256);
            if got.device == b.device {
                prop_assert_eq!(canonical(decode_ops(&got, KINDS).unwrap()), canonical(ops.clone()));
            }
        }
    }

    #[test]
    fn a_flipped_byte_in_the_payload_or_checksum_is_always_refused(
        at in any::<prop::sample::Index>(),
        byte in any::<u8>(),
    ) {
        let (b, _) = one_bundle();
        let text = b.to_json();
        let start = text.find("\"payload\":").unwrap() + 10;
        let mut bytes = text.into_bytes();
        let i = start + at.index(bytes.len() - start);
        prop_assume!(bytes[i] != byte);
        bytes[i] = byte;
        prop_assert!(parse_bytes(&bytes).is_err());
    }
}

#[test]
fn measure_bytes_per_op_for_100k_field_ops_and_split_at_4_mb() {
    let mut r = Replica::new(DeviceId(0x1234_5678_9abc_def0));
    let mut log = Vec::new();
    let mut n_ops = 0;
    let mut i = 0u64;
    while n_ops < 100_000 {
        let writes = vec![
            write(i, "name", json!(format!("Cliente {i}"))),
            write(
                i,
                "phone",
                json!(format!("+34 6{:08}", i * 7919 % 100_000_000)),
            ),
            write(i, "email", json!(format!("cliente{i}@example.com"))),
            write(i / 3, "status", json!("open")),
            write(i / 3, "visits", json!(i % 17)),
        ];
        let (a, _) = r.commit(writes, NOW + i * 1_000);
        n_ops += a.ops.len();
        log.push((a.seq, a.ops));
        i += 1;
    }
    let bundles = make_delta_bundles(r.device(), 1, &log, "", 1, CREATED);
    let raw: usize = bundles.iter().map(|b| b.payload.len()).sum();
    let doc: usize = bundles.iter().map(|b| b.to_json().len()).sum();
    eprintln!(
        "{n_ops} field ops in {} bundles: payload {raw} bytes = {:.1} bytes/op raw; as documents {:.1} bytes/op",
        bundles.len(),
        raw as f64 / n_ops as f64,
        doc as f64 / n_ops as f64
    );
    assert!(bundles.len() >= 2);
    assert!(bundles.iter().all(|b| b.payload.len() <= MAX_PAYLOAD_BYTES));
    let back: usize = bundles
        .iter()
        .map(|b| {
            decode_ops(&parse(&b.to_json()).unwrap(), KINDS)
                .unwrap()
                .len()
        })
        .sum();
    assert_eq!(back, n_ops);
}
