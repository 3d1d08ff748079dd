//! Bundle version 2 (`src/sync/bundle/notation.rs`): times after a base and
//! devices by their place in a header. What it must keep: every change
//! decodes to exactly the op that was written, whatever its stamps; bundles
//! of the previous release (version 1) still read the same; a hostile header
//! is refused, never trusted; and an edit of another device's value costs at
//! most 100 bytes.

use crate::sync_gen::value;
use proptest::prelude::*;
use serde_json::json;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use ventanilla::sync::bundle::{
    apply_contents, decode, make_delta_bundles, make_snapshot_bundles_with_limit, parse,
    sha256_hex, Bundle, BundleError,
};
use ventanilla::sync::{DeviceId, Op, RecordId, Replica, Stamp};

const KINDS: &[&str] = &["customer", "contact"];
const CREATED: &str = "2024-05-01T10:00:00Z";
const NOW: u64 = 1_700_000_000_000;

fn canonical(mut ops: Vec<Op>) -> Vec<Op> {
    ops.sort_by(|a, b| (a.stamp, &a.kind, a.id, &a.field).cmp(&(b.stamp, &b.kind, b.id, &b.field)));
    ops
}

// ------------------------------------------------- version 1, from the grammar

/// Version 1's notation, written here from the README's grammar (the app no
/// longer writes it): absolute times, devices in hex.
fn v1_payload(ops: &[Op], device: DeviceId) -> String {
    let rel = |s: &Stamp, author: DeviceId| match s.device == author {
        true => format!("[{},{}]", s.ms, s.counter),
        false => format!("[{},{},\"{}\"]", s.ms, s.counter, s.device),
    };
    let mut out = String::from("[");
    for (i, op) in ops.iter().enumerate() {
        let author = op.stamp.device;
        let p = op.p.map_or("null".to_string(), |p| rel(&p, author));
        let dev = match author == device {
            true => String::new(),
            false => format!(",\"{author}\""),
        };
        let _ = write!(
            out,
            "{}[{},\"{}\",[[{},{},{},{},{p}{dev}]]]",
            if i == 0 { "" } else { "," },
            json!(op.kind),
            op.id,
            json!(op.field),
            op.value,
            op.stamp.ms,
            op.stamp.counter,
        );
    }
    out.push(']');
    out
}

/// A version 1 bundle around `payload`, as the previous release sealed it.
fn v1_bundle(device: DeviceId, kind: &str, payload: &str) -> Bundle {
    let mut doc = json!({
        "format": "ventanilla-bundle", "version": 1, "kind": kind,
        "device": device.to_string(), "first": 1, "last": 1, "prev_sha256": "",
        "schema": 1, "created": CREATED, "payload": payload,
        "sha256": sha256_hex(payload),
    });
    if kind == "snapshot" {
        doc["frontier"] = json!({});
        doc["frontier_gap_free"] = json!(true);
    }
    parse(&doc.to_string()).expect("a version 1 bundle parses")
}

// ------------------------------------------------------------- generators

fn stamp(devices: &[DeviceId]) -> impl Strategy<Value = Stamp> {
    let devices = devices.to_vec();
    // Times from 1970 to the far future, counters to the top.
    (0u64..=u64::MAX / 2, any::<u32>(), 0..devices.len()).prop_map(move |(ms, counter, d)| Stamp {
        ms,
        counter,
        device: devices[d],
    })
}

fn ops_of(devices: Vec<DeviceId>) -> impl Strategy<Value = Vec<Op>> {
    let op = (
        stamp(&devices),
        proptest::option::of(stamp(&devices)),
        0u128..40,
        prop_oneof![Just("customer"), Just("contact")],
        prop_oneof![Just("name"), Just("notes"), Just("tags")],
        value(),
    )
        .prop_map(|(stamp, p, id, kind, field, value)| Op {
            stamp,
            kind: kind.into(),
            id: RecordId(id * 0x9e37_79b9_7f4a_7c15),
            field: field.into(),
            value,
            p,
        });
    proptest::collection::vec(op, 0..25)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Any op, with stamps of the bundle's device or of others, at any time
    /// (far apart, equal, at 0), comes back exactly from a version 2 delta.
    #[test]
    fn a_v2_delta_gives_back_every_op_whatever_its_stamps(
        ops in ops_of(vec![DeviceId(0xa), DeviceId(0xb), DeviceId(u64::MAX)]),
    ) {
        let device = DeviceId(0xa);
        // A delta carries only its device's changes.
        let ops: Vec<Op> = ops
            .into_iter()
            .map(|mut o| { o.stamp.device = device; o })
            .collect();
        let log = vec![(1, ops.clone())];
        let b = make_delta_bundles(device, 1, &log, "", 1, CREATED).remove(0);
        prop_assert_eq!(b.version, 2);
        let back = decode(&parse(&b.to_json()).unwrap(), KINDS).unwrap();
        prop_assert_eq!(canonical(back.ops), canonical(ops));
    }

    /// The same ops written in version 1's notation decode to the same ops:
    /// bundles of the previous release, in outboxes, files and on hubs,
    /// still read.
    #[test]
    fn a_v1_bundle_of_the_previous_release_still_reads_the_same(
        ops in ops_of(vec![DeviceId(0xa), DeviceId(0xb), DeviceId(u64::MAX)]),
    ) {
        let device = DeviceId(0xa);
        let b = v1_bundle(device, "snapshot", &v1_payload(&ops, device));
        let back = decode(&b, KINDS).unwrap();
        prop_assert_eq!(canonical(back.ops), canonical(ops));
    }

    /// A snapshot in version 2, of a state built by merging ops of several
    /// devices (conflicts and `seen` stamps included), rebuilds the state
    /// byte for byte, whether it travels in one part or many.
    #[test]
    fn a_v2_snapshot_rebuilds_any_merged_state_byte_for_byte(
        ops in ops_of(vec![DeviceId(0xa), DeviceId(0xb), DeviceId(0xc)]),
        limit in prop_oneof![Just(200usize), Just(4 * 1024 * 1024)],
    ) {
        let mut source = Replica::new(DeviceId(0xa));
        source.state.apply(&ops);
        let frontier = BTreeMap::new();
        let parts =
            make_snapshot_bundles_with_limit(DeviceId(0xa), &source.state, &frontier, 1, CREATED, limit);
        let mut copy = Replica::new(DeviceId(0xd));
        for part in &parts {
            prop_assert_eq!(part.version, 2);
            let c = decode(&parse(&part.to_json()).unwrap(), KINDS).unwrap();
            // A clock past every generated time: none is from the future.
            apply_contents(&mut copy, &c, u64::MAX / 2 + 1_000_000_000).unwrap();
        }
        prop_assert_eq!(copy.state.to_canonical_json(), source.state.to_canonical_json());
    }
}

// ------------------------------------------------------------- hostile

/// A version 2 bundle of `device` around a hand-written payload.
fn v2_bundle(payload: &str) -> Bundle {
    let mut b = v1_bundle(DeviceId(0xa), "delta", "[]");
    b.version = 2;
    b.payload = payload.into();
    b.sha256 = sha256_hex(payload);
    parse(&b.to_json()).expect("the envelope is sound")
}

#[test]
fn a_hostile_v2_header_or_reference_is_refused_never_trusted() {
    let id = RecordId(7);
    let op = |time: &str, p: &str, dev: &str| {
        format!("[\"customer\",\"{id}\",[[\"name\",\"Ana\",{time},0,{p}{dev}]]]")
    };
    let sound = format!(
        "[[{NOW},[\"000000000000000b\"]],{}]",
        op("5", "[0,1,0]", "")
    );
    let c = decode(&v2_bundle(&sound), KINDS).expect("the sound form decodes");
    assert_eq!(c.ops[0].stamp.ms, NOW + 5);
    assert_eq!(
        c.ops[0].p,
        Some(Stamp {
            ms: NOW,
            counter: 1,
            device: DeviceId(0xb)
        })
    );
    let hostile = [
        ("no header at all", "[]".to_string()),
        (
            "a group where the header goes",
            format!("[{}]", op("5", "null", "")),
        ),
        (
            "a header that is not a pair",
            format!("[[{NOW}],{}]", op("5", "null", "")),
        ),
        (
            "a negative base",
            format!("[[-1,[]],{}]", op("5", "null", "")),
        ),
        (
            "a base that is text",
            format!("[[\"{NOW}\",[]],{}]", op("5", "null", "")),
        ),
        (
            "a device list that is not a list",
            format!("[[{NOW},\"x\"],{}]", op("5", "null", "")),
        ),
        (
            "a listed device that is not hex",
            format!("[[{NOW},[\"zz\"]],{}]", op("5", "null", "")),
        ),
        (
            "a place past the list",
            format!("[[{NOW},[]],{}]", op("5", "[0,1,0]", "")),
        ),
        (
            "an author past the list",
            format!("[[{NOW},[]],{}]", op("5", "null", ",3")),
        ),
        (
            "a huge place",
            format!("[[{NOW},[]],{}]", op("5", "[0,1,18446744073709551615]", "")),
        ),
        (
            "a negative place",
            format!(
                "[[{NOW},[\"000000000000000b\"]],{}]",
                op("5", "[0,1,-1]", "")
            ),
        ),
        (
            "a time past the end of time",
            format!("[[18446744073709551615,[]],{}]", op("5", "null", "")),
        ),
        (
            "a negative time",
            format!("[[{NOW},[]],{}]", op("-5", "null", "")),
        ),
        (
            "a fractional time",
            format!("[[{NOW},[]],{}]", op("5.5", "null", "")),
        ),
    ];
    for (what, payload) in hostile {
        match decode(&v2_bundle(&payload), KINDS) {
            Err(BundleError::Undecodable(_)) => {}
            other => panic!("{what}: {payload} gave {other:?}"),
        }
    }
}

#[test]
fn a_version_beyond_two_asks_for_an_update() {
    let mut b = v1_bundle(DeviceId(0xa), "delta", "[]");
    b.version = 3;
    let e = parse(&b.to_json()).unwrap_err();
    assert_eq!(e, BundleError::UnsupportedVersion(3));
    assert!(e.to_string().contains("versions 1 and 2"));
}

// ------------------------------------------------------------- size

/// The benchmark's edit (`scripts/bench`, bytes per op): another device's
/// 100,000 field edits over 20,000 customers, each overwriting a value of
/// the device that created them, so every op carries a `p` naming that
/// device. The target is 100 bytes per op at most, `p` and author included.
#[test]
fn an_edit_of_another_devices_values_costs_at_most_100_bytes_per_op() {
    use ventanilla::domain::demo::{customer_field_edits, large_writes};
    let now = chrono::DateTime::from_timestamp_millis(NOW as i64).unwrap();
    let mut creator = Replica::new(DeviceId(0x1234_5678_9abc_def0));
    let me = RecordId(1);
    creator.commit(large_writes(7, 20_000, 0, now, me), NOW);
    let mut editor = Replica::new(DeviceId(0x0fed_cba9_8765_4321));
    let n_ops = 100_000;
    let later = NOW + 3_600_000;
    let actions = customer_field_edits(&creator.state, &mut editor, n_ops, 1000, later);
    let bundles = make_delta_bundles(editor.device(), 1, &actions, "", 1, CREATED);
    let per_op = bytes_per_op(&bundles);
    assert!(per_op <= 100.0, "{per_op:.1} bytes per op");
    let back: usize = bundles
        .iter()
        .map(|b| {
            decode(&parse(&b.to_json()).unwrap(), KINDS)
                .unwrap()
                .ops
                .len()
        })
        .sum();
    assert_eq!(back, n_ops);
    // The dearest case alone: only the edits that overwrite a value of the
    // creating device, so each names that device in its `p`.
    let overwrites: Vec<(u64, Vec<Op>)> = actions
        .into_iter()
        .map(|(seq, ops)| (seq, ops.into_iter().filter(|o| o.p.is_some()).collect()))
        .collect();
    let n = overwrites.iter().map(|(_, o)| o.len()).sum::<usize>();
    assert!(n > n_ops / 2, "{n} of the edits overwrite a value");
    let bundles = make_delta_bundles(editor.device(), 1, &overwrites, "", 1, CREATED);
    let per_overwrite = bytes_per_op(&bundles) * n_ops as f64 / n as f64;
    eprintln!(
        "all {n_ops} edits: {per_op:.1} bytes/op raw; the {n} overwrites alone: {per_overwrite:.1}"
    );
    assert!(
        per_overwrite <= 100.0,
        "{per_overwrite:.1} bytes per overwrite"
    );
}

/// Payload bytes per op of the benchmark's 100,000 ops.
fn bytes_per_op(bundles: &[Bundle]) -> f64 {
    let raw: usize = bundles.iter().map(|b| b.payload.len()).sum();
    raw as f64 / 100_000.0
}
