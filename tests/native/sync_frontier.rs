//! Issue 10, items 4 and 6: who may say what in a bundle. A delta carries
//! only its own device's changes (authorship); a snapshot's frontier is
//! gap-free coverage, and a claim in it counts only as far as the payload
//! backs it, so neither a gap nor a crafted frontier makes a device skip
//! changes it does not hold.

use serde_json::{json, Value};
use std::collections::BTreeMap;
use ventanilla::sync::bundle::{
    check_chain, claims, decode, gap_free, import, is_covered, join_coverage, make_delta_bundles,
    make_snapshot_bundles, parse, sha256_hex, snapshot_frontier, Bundle, BundleError, BundleKind,
    BundleMeta, ChainCheck, Coverage,
};
use ventanilla::sync::{DeviceId, Op, RecordId, Replica, State, Write};

const KINDS: &[&str] = &["customer", "contact"];
const CREATED: &str = "2026-11-20T10:00:00Z";
const NOW: u64 = 1_795_000_000_000;

const A: DeviceId = DeviceId(0xa);
const B: DeviceId = DeviceId(0xb);
const C: DeviceId = DeviceId(0xc);
const G: DeviceId = DeviceId(0x6);

fn write(record: u128, field: &str, value: Value) -> Write {
    Write {
        kind: "customer".into(),
        id: RecordId(record),
        field: field.into(),
        value,
    }
}

/// A device's actions, each sealed in a bundle of its own, chained.
fn actions(device: DeviceId, n: u64) -> (Replica, Vec<Bundle>) {
    let mut r = Replica::new(device);
    let mut bundles: Vec<Bundle> = Vec::new();
    for i in 0..n {
        let writes = vec![
            write(100 + u128::from(i), "name", json!(format!("Cliente {i}"))),
            write(1, "notes", json!(format!("nota {i}"))),
        ];
        let (a, _) = r.commit(writes, NOW + i * 1000);
        let prev = bundles.last().map(|b| b.sha256.clone()).unwrap_or_default();
        bundles.extend(make_delta_bundles(
            device,
            a.seq,
            &[(a.seq, a.ops)],
            &prev,
            1,
            CREATED,
        ));
    }
    (r, bundles)
}

fn reparse(b: &Bundle) -> Bundle {
    parse(&b.to_json()).unwrap()
}

/// A receiver that took a snapshot: its replica and the coverage it holds.
fn start_from(snapshot: &[Bundle]) -> (Replica, Coverage) {
    let mut r = Replica::new(C);
    let mut coverage = Coverage::new();
    let contents: Vec<_> = snapshot.iter().map(|b| decode(b, KINDS).unwrap()).collect();
    for b in snapshot {
        import(&mut r, b, KINDS, NOW + 86_400_000).unwrap();
    }
    if let Some(first) = snapshot.first() {
        join_coverage(
            &mut coverage,
            &claims(first, &contents.iter().collect::<Vec<_>>()),
        );
    }
    (r, coverage)
}

/// The hub delivers every delta; those inside the coverage are skipped.
/// Returns how many were skipped.
fn pull(r: &mut Replica, coverage: &Coverage, deltas: &[Bundle]) -> usize {
    let mut skipped = 0;
    for b in deltas {
        let c = decode(b, KINDS).unwrap();
        let latest = c.ops.iter().map(|o| o.stamp).max();
        if is_covered(coverage, b.device, b.last, latest) {
            skipped += 1;
        } else {
            import(r, b, KINDS, NOW + 86_400_000).unwrap();
        }
    }
    skipped
}

fn replay(deltas: &[Bundle]) -> String {
    let mut s = State::default();
    for b in deltas {
        s.apply(&decode(b, KINDS).unwrap().ops);
    }
    s.to_canonical_json()
}

#[test]
fn gap_free_frontier_holding_1_and_3_covers_1_and_the_new_device_still_gets_2() {
    let (_, a) = actions(A, 3);
    // B imports A's change files 1 and 3, not 2, and exports a snapshot.
    let mut b = Replica::new(B);
    let mut held: Vec<BundleMeta> = Vec::new();
    for d in [&a[0], &a[2]] {
        assert!(matches!(
            check_chain(&held, d, B, 0),
            Ok(ChainCheck::New { .. })
        ));
        import(&mut b, d, KINDS, NOW).unwrap();
        held.push(d.meta());
    }
    let frontier = snapshot_frontier(B, b.seq, &held, &Coverage::new(), &b.state);
    assert_eq!(frontier.get(&A), Some(&1), "1 and 3 held: gap-free up to 1");
    let snap: Vec<Bundle> = make_snapshot_bundles(B, &b.state, &frontier, 1, CREATED)
        .iter()
        .map(reparse)
        .collect();
    assert!(snap[0].frontier_gap_free);
    // C starts from it and syncs with a hub that holds all three.
    let (mut c, coverage) = start_from(&snap);
    assert_eq!(coverage.get(&A).map(|c| c.seq), Some(1));
    let skipped = pull(&mut c, &coverage, &a);
    assert_eq!(skipped, 1, "only bundle 1 is already held");
    assert_eq!(c.state.to_canonical_json(), replay(&a), "delta 2 arrived");
}

#[test]
fn gap_free_frontier_counts_from_coverage_and_lists_every_author() {
    assert_eq!(gap_free(0, []), 0);
    assert_eq!(gap_free(0, [(1, 4), (5, 5), (7, 9)]), 5);
    assert_eq!(gap_free(0, [(7, 9), (1, 4), (5, 6)]), 9, "any order");
    assert_eq!(
        gap_free(3, [(2, 6), (9, 9)]),
        6,
        "overlap with what is covered"
    );
    assert_eq!(gap_free(0, [(2, 3)]), 0, "1 is missing");
    assert_eq!(gap_free(u64::MAX, [(1, 2)]), u64::MAX, "no overflow");
    // A device known only through ops it authored is listed with 0.
    let (ra, _) = actions(A, 2);
    let frontier = snapshot_frontier(B, 0, &[], &Coverage::new(), &ra.state);
    assert_eq!(frontier, BTreeMap::from([(A, 0), (B, 0)]));
}

#[test]
fn gap_free_frontier_a_crafted_claim_never_blocks_changes_the_snapshot_does_not_hold() {
    let (_, g) = actions(G, 5);
    // A snapshot that holds nothing of G but claims G up to 99: dropped.
    let (empty, _) = actions(B, 1);
    let mut snap = make_snapshot_bundles(
        B,
        &empty.state,
        &BTreeMap::from([(B, 1), (G, 99)]),
        1,
        CREATED,
    );
    assert!(!start_from(&snap).1.contains_key(&G));
    // The frontier is outside the checksum: anyone can edit it. A snapshot
    // holding G's first two changes, edited to claim G up to 99.
    let mut holder = Replica::new(B);
    for d in &g[..2] {
        import(&mut holder, d, KINDS, NOW).unwrap();
    }
    snap = make_snapshot_bundles(B, &holder.state, &BTreeMap::from([(G, 99)]), 1, CREATED);
    let (mut c, coverage) = start_from(&snap);
    let claim = coverage.get(&G).copied().unwrap();
    assert_eq!(claim.seq, 2, "trimmed to the two stamps of G it holds");
    let skipped = pull(&mut c, &coverage, &g);
    assert_eq!(skipped, 2);
    assert_eq!(
        c.state.to_canonical_json(),
        replay(&g),
        "G's later deltas arrived"
    );
    // A snapshot of the previous release (frontier = highest sequence seen,
    // no gap-free mark) claims nothing at all.
    let mut old = make_snapshot_bundles(B, &holder.state, &BTreeMap::from([(G, 2)]), 1, CREATED);
    old[0].frontier_gap_free = false;
    let old = reparse(&old[0]);
    assert!(!old.to_json().contains("frontier_gap_free"));
    assert!(start_from(&[old]).1.is_empty());
}

#[test]
fn gap_free_frontier_a_delta_past_the_head_is_applied_even_inside_the_claim() {
    let (_, g) = actions(G, 3);
    let c0 = decode(&g[0], KINDS).unwrap();
    let head = c0.ops.iter().map(|o| o.stamp).max().unwrap();
    let coverage = Coverage::from([(G, ventanilla::sync::bundle::Claim { seq: 3, head })]);
    assert!(is_covered(&coverage, G, 1, Some(head)));
    let later = decode(&g[1], KINDS)
        .unwrap()
        .ops
        .iter()
        .map(|o| o.stamp)
        .max();
    assert!(
        !is_covered(&coverage, G, 2, later),
        "newer than anything held"
    );
    assert!(!is_covered(&coverage, G, 4, Some(head)), "past the claim");
    assert!(!is_covered(&coverage, A, 1, Some(head)), "another device");
    assert!(
        is_covered(&coverage, G, 2, None),
        "an empty bundle changes nothing"
    );
}

/// A delta whose payload names `author` for its one change.
fn delta_with_author(device: DeviceId, author: DeviceId) -> Bundle {
    let payload = format!(
        "[[\"customer\",\"{}\",[[\"name\",\"Ana\",{NOW},0,null,\"{author}\"]]]]",
        RecordId(5)
    );
    let mut b = make_delta_bundles(device, 1, &[(1, vec![])], "", 1, CREATED).remove(0);
    b.version = 1; // the payload is written in version 1's notation
    b.sha256 = sha256_hex(&payload);
    b.payload = payload;
    parse(&b.to_json()).unwrap()
}

#[test]
fn authorship_a_delta_carries_only_its_own_devices_changes() {
    let forged = delta_with_author(A, G);
    assert_eq!(
        decode(&forged, KINDS).map(|c| c.ops.len()),
        Err(BundleError::ForeignAuthor {
            device: A,
            author: G
        })
    );
    let mut r = Replica::new(C);
    let before = r.clone();
    assert!(import(&mut r, &forged, KINDS, NOW).is_err());
    assert_eq!(r, before, "nothing applied");
    // Naming itself explicitly is fine.
    let own = delta_with_author(A, A);
    assert_eq!(decode(&own, KINDS).unwrap().ops.len(), 1);
    // A snapshot carries others' changes (covered by its frontier).
    let (ra, _) = actions(A, 2);
    let snap = make_snapshot_bundles(B, &ra.state, &BTreeMap::from([(A, 2)]), 1, CREATED);
    assert_eq!(snap[0].kind, BundleKind::Snapshot);
    let c = decode(&reparse(&snap[0]), KINDS).unwrap();
    assert!(c.ops.iter().all(|o: &Op| o.stamp.device == A));
    assert!(!c.ops.is_empty());
}
