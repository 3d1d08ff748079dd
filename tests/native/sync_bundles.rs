//! Bundles (docs/architecture.md "Bundles"): round trips, the checksum,
//! every refusal, splitting, chains, and that devices passing bundles to each
//! other in any order, with duplicates, refusals and a newcomer starting
//! from a snapshot, all end with the state of one replay of every change.

use crate::sync_gen::{ahead_ms, counter, field, local, skew, value, Rng};
use proptest::prelude::*;
use serde_json::{json, Value};
use std::collections::BTreeMap;
use ventanilla::sync::bundle::{
    apply_contents, check_chain, check_stamps, claims, decode, decode_ops, import, is_covered,
    join_coverage, make_delta_bundles, make_delta_bundles_with_limit, make_snapshot_bundles,
    make_snapshot_bundles_with_limit, parse, parse_bytes, sha256_hex, snapshot_frontier, Bundle,
    BundleError, BundleKind, BundleMeta, ChainCheck, Coverage, MAX_PAYLOAD_BYTES,
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
        (2, BundleKind::Delta, 1, 4)
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
        o.insert("version".into(), json!(3));
    }));
    assert_eq!(e, BundleError::UnsupportedVersion(3));
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

/// Three devices write, seal their changes into delta bundles, and pass
/// every bundle they hold to each other as files; a hostile device sends
/// bundles with stamps near every limit (the counter maximum, a day
/// ahead, beyond it, one stamp twice with different values); a fourth
/// device joins mid-way from a snapshot and skips only what its coverage
/// backs. Each device takes bundles in through its own receive path
/// (parse, chain check, stamp check, import; refused whole when beyond the
/// future limit and offered again later). At the end, after every device
/// was offered every bundle in its own order with duplicates, every
/// replica is byte-identical and equal to replaying every change once.
#[derive(Debug, Clone)]
enum Step {
    Write {
        dev: usize,
        record: u8,
        field: (String, Option<Value>),
        value: Value,
    },
    /// The device seals its new actions into delta bundles (small ones).
    Seal(usize),
    /// `to` is offered every bundle `from` holds.
    /// (`pick`: a person choosing files: only the bundles whose bit is set.)
    Send {
        from: usize,
        to: usize,
        pick: Option<u64>,
    },
    Hours(u8),
    /// The hostile device seals one change of its own in a bundle.
    Forge {
        record: u8,
        field: (String, Option<Value>),
        value: Value,
        ahead: u64,
        counter: u32,
        reuse: bool,
    },
    /// `to` is offered every hostile bundle.
    Hostile(usize),
    /// The newcomer joins from this device's snapshot (the first time).
    Join(usize),
}

const HONEST: usize = 3;
const NEWCOMER: usize = 3;
const HOSTILE: DeviceId = DeviceId(0xbad);

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        5 => (0..HONEST, 0u8..6, field(), value())
            .prop_map(|(dev, record, field, value)| Step::Write { dev, record, field, value }),
        3 => (0..HONEST).prop_map(Step::Seal),
        3 => (0..HONEST + 1, 0..HONEST + 1, prop::option::weighted(0.5, any::<u64>()))
            .prop_map(|(from, to, pick)| Step::Send { from, to, pick }),
        1 => (1u8..48).prop_map(Step::Hours),
        2 => (0u8..3, field(), value(), ahead_ms(), counter(), any::<bool>()).prop_map(
            |(record, field, value, ahead, counter, reuse)| Step::Forge { record, field, value, ahead, counter, reuse }
        ),
        1 => (0..HONEST + 1).prop_map(Step::Hostile),
        2 => (0..HONEST).prop_map(Step::Join),
    ]
}

struct Device {
    replica: Replica,
    skew: i64,
    joined: bool,
    known: Vec<BundleMeta>,
    coverage: Coverage,
    /// Bundle texts held (to pass on), by index into the world's list.
    holds: Vec<usize>,
    pending: Vec<usize>,
    /// This device's own actions not sealed yet, and its chain head.
    log: Vec<(u64, Vec<Op>)>,
    sealed: u64,
    prev: String,
    skipped: usize,
}

impl Device {
    fn new(d: usize, skew: i64) -> Self {
        Device {
            replica: Replica::new(DeviceId(d as u64 + 1)),
            skew,
            joined: d != NEWCOMER,
            known: Vec::new(),
            coverage: Coverage::new(),
            holds: Vec::new(),
            pending: Vec::new(),
            log: Vec::new(),
            sealed: 0,
            prev: String::new(),
            skipped: 0,
        }
    }

    /// The receive path for one bundle text.
    fn offer(&mut self, i: usize, text: &str, now: u64) {
        let now = local(now, self.skew);
        let b = parse(text).unwrap();
        match check_chain(&self.known, &b, self.replica.device(), self.replica.seq).unwrap() {
            ChainCheck::AlreadyHave => {}
            ChainCheck::New { .. } => {
                let contents = decode(&b, KINDS).unwrap();
                if check_stamps(&contents.ops, now).is_err() {
                    if !self.pending.contains(&i) {
                        self.pending.push(i);
                    }
                    return;
                }
                let latest = contents.ops.iter().map(|o| o.stamp).max();
                if is_covered(&self.coverage, b.device, b.last, latest) {
                    self.skipped += 1;
                } else {
                    let before = self.replica.clone();
                    let applied = apply_contents(&mut self.replica, &contents, now);
                    if applied.is_err() {
                        assert_eq!(self.replica, before);
                    }
                    applied.unwrap();
                }
                self.known.push(b.meta());
            }
        }
        self.pending.retain(|p| *p != i);
        if !self.holds.contains(&i) {
            self.holds.push(i);
        }
    }

    fn seal(&mut self, texts: &mut Vec<String>, rng: &mut Rng) {
        if self.log.is_empty() {
            return;
        }
        let limit = 150 + rng.below(400);
        let device = self.replica.device();
        let bs = make_delta_bundles_with_limit(
            device,
            self.sealed + 1,
            &self.log,
            &self.prev,
            1,
            CREATED,
            limit,
        );
        for b in bs {
            self.sealed = b.last;
            self.prev = b.sha256.clone();
            self.known.push(b.meta());
            texts.push(b.to_json());
            self.holds.push(texts.len() - 1);
        }
        self.log.clear();
    }
}

struct World {
    devices: Vec<Device>,
    texts: Vec<String>,
    all: Vec<Op>,
}

fn run_world(steps: &[Step], skews: [i64; 4], seed: u64) -> World {
    let mut rng = Rng(seed);
    let mut devices: Vec<Device> = (0..=NEWCOMER).map(|d| Device::new(d, skews[d])).collect();
    let mut texts: Vec<String> = Vec::new();
    let mut all: Vec<Op> = Vec::new();
    let mut hostile: Vec<usize> = Vec::new();
    let (mut h_prev, mut h_seq, mut h_last) =
        (String::new(), 0u64, None::<ventanilla::sync::Stamp>);
    let mut now = NOW;
    for s in steps {
        match s {
            Step::Write {
                dev,
                record,
                field,
                value,
            } => {
                let d = &mut devices[*dev];
                let w = Write {
                    kind: "customer".into(),
                    id: rid(u64::from(*record)),
                    field: field.0.clone(),
                    value: field.1.clone().unwrap_or_else(|| value.clone()),
                };
                let (a, _) = d.replica.commit(vec![w], local(now, d.skew));
                all.extend(a.ops.iter().cloned());
                d.log.push((a.seq, a.ops));
                now += 1 + rng.below(5000) as u64;
            }
            Step::Seal(dev) => devices[*dev].seal(&mut texts, &mut rng),
            Step::Send { from, to, pick } => {
                if !devices[*from].joined || !devices[*to].joined || from == to {
                    continue;
                }
                let held = devices[*from].holds.clone();
                for (k, i) in held.into_iter().enumerate() {
                    if pick.is_none_or(|m| (m >> (k % 64)) & 1 == 1) {
                        let text = texts[i].clone();
                        devices[*to].offer(i, &text, now);
                    }
                }
            }
            Step::Hours(h) => {
                now += u64::from(*h) * 3_600_000;
                for d in devices.iter_mut().filter(|d| d.joined) {
                    for i in d.pending.clone() {
                        d.offer(i, &texts[i].clone(), now);
                    }
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
                let stamp = match h_last.filter(|_| *reuse) {
                    Some(s) => s,
                    None => ventanilla::sync::Stamp {
                        ms: now + ahead,
                        counter: *counter,
                        device: HOSTILE,
                    },
                };
                h_last = Some(stamp);
                h_seq += 1;
                let op = Op {
                    stamp,
                    kind: "customer".into(),
                    id: rid(u64::from(*record)),
                    field: field.0.clone(),
                    value: field.1.clone().unwrap_or_else(|| value.clone()),
                    p: None,
                };
                all.push(op.clone());
                let b =
                    make_delta_bundles(HOSTILE, h_seq, &[(h_seq, vec![op])], &h_prev, 1, CREATED)
                        .remove(0);
                h_prev = b.sha256.clone();
                texts.push(b.to_json());
                hostile.push(texts.len() - 1);
            }
            Step::Hostile(to) => {
                if devices[*to].joined {
                    for i in hostile.clone() {
                        devices[*to].offer(i, &texts[i].clone(), now);
                    }
                }
            }
            Step::Join(from) => {
                if devices[NEWCOMER].joined {
                    continue;
                }
                let x = &devices[*from];
                let frontier = snapshot_frontier(
                    x.replica.device(),
                    x.replica.seq,
                    &x.known,
                    &x.coverage,
                    &x.replica.state,
                );
                let parts: Vec<Bundle> = make_snapshot_bundles_with_limit(
                    x.replica.device(),
                    &x.replica.state,
                    &frontier,
                    1,
                    CREATED,
                    300 + rng.below(3000),
                )
                .iter()
                .map(|p| parse(&p.to_json()).unwrap())
                .collect();
                let n = &mut devices[NEWCOMER];
                let contents: Vec<_> = parts.iter().map(|p| decode(p, KINDS).unwrap()).collect();
                for c in &contents {
                    apply_contents(&mut n.replica, c, local(now, n.skew) + 10 * MAX_FUTURE_MS)
                        .unwrap();
                }
                let refs: Vec<&ventanilla::sync::bundle::Contents> = contents.iter().collect();
                join_coverage(&mut n.coverage, &claims(&parts[0], &refs));
                n.joined = true;
            }
        }
    }
    // Four days later: every device seals, then is offered everything.
    now += 4 * MAX_FUTURE_MS;
    for d in devices.iter_mut().take(HONEST) {
        d.seal(&mut texts, &mut rng);
    }
    for d in devices.iter_mut() {
        d.joined = true;
        let mut order: Vec<usize> = (0..texts.len())
            .flat_map(|i| vec![i; 1 + rng.below(2)])
            .collect();
        rng.shuffle(&mut order);
        for i in order {
            d.offer(i, &texts[i].clone(), now);
        }
        assert!(d.pending.is_empty());
    }
    World {
        devices,
        texts,
        all,
    }
}

fn world() -> impl Strategy<Value = (Vec<Step>, [i64; 4], u64)> {
    (
        prop::collection::vec(step(), 1..30),
        prop::array::uniform4(skew()),
        any::<u64>(),
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    /// Aimed at: B holds a random choice of A's files
    /// (gaps and all) and exports a snapshot; C starts from it and is then
    /// offered all of A's bundles, skipping only what its coverage backs.
    #[test]
    fn a_newcomer_from_a_snapshot_with_gaps_still_gets_every_change(
        writes in prop::collection::vec((0u8..6, field(), value()), 1..24),
        pick in any::<u64>(),
        limit in 120usize..600,
    ) {
        let a_dev = DeviceId(0xa);
        let mut a = Replica::new(a_dev);
        let mut log = Vec::new();
        for (i, (record, field, value)) in writes.into_iter().enumerate() {
            let w = Write {
                kind: "customer".into(),
                id: rid(u64::from(record)),
                field: field.0,
                value: field.1.unwrap_or(value),
            };
            let (act, _) = a.commit(vec![w], NOW + i as u64 * 1000);
            log.push((act.seq, act.ops));
        }
        let deltas = make_delta_bundles_with_limit(a_dev, 1, &log, "", 1, CREATED, limit);
        let mut b = Replica::new(DeviceId(0xb));
        let mut held = Vec::new();
        for (k, d) in deltas.iter().enumerate() {
            if (pick >> (k % 64)) & 1 == 1 {
                import(&mut b, d, KINDS, NOW).unwrap();
                held.push(d.meta());
            }
        }
        let frontier = snapshot_frontier(b.device(), b.seq, &held, &Coverage::new(), &b.state);
        let parts = make_snapshot_bundles_with_limit(b.device(), &b.state, &frontier, 1, CREATED, limit * 2);
        let mut c = Replica::new(DeviceId(0xc));
        let contents: Vec<_> = parts.iter().map(|p| decode(&parse(&p.to_json()).unwrap(), KINDS).unwrap()).collect();
        for x in &contents {
            apply_contents(&mut c, x, NOW).unwrap();
        }
        let coverage = claims(&parts[0], &contents.iter().collect::<Vec<_>>());
        for d in &deltas {
            let x = decode(d, KINDS).unwrap();
            let latest = x.ops.iter().map(|o| o.stamp).max();
            if !is_covered(&coverage, a_dev, d.last, latest) {
                apply_contents(&mut c, &x, NOW).unwrap();
            }
        }
        prop_assert_eq!(c.state.to_canonical_json(), a.state.to_canonical_json());
    }

    #[test]
    fn every_replica_fed_bundles_through_its_own_receive_path_ends_byte_identical(w in world()) {
        let (steps, skews, seed) = w;
        let world = run_world(&steps, skews, seed);
        let mut replay = State::default();
        replay.apply(&world.all);
        let reference = replay.to_canonical_json();
        for (i, d) in world.devices.iter().enumerate() {
            prop_assert_eq!(d.replica.state.to_canonical_json(), reference.clone(), "device {}", i);
        }
        prop_assert!(!world.texts.is_empty() || world.all.is_empty());
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
