//! Issue 17, "the outbox does not grow forever": the rule of
//! `sync::prune`. A sealed bundle may go only once a snapshot covers it and
//! every known holder (the hub once used, changes files once exported, each
//! device whose files were imported) holds it; a holder's figure never goes down; Settings names
//! who holds the least.

use proptest::prelude::*;
use std::collections::BTreeMap;
use ventanilla::sync::prune::{Holders, Waiting};
use ventanilla::sync::DeviceId;

/// What happens to one device over time, as far as its outbox cares.
#[derive(Debug, Clone)]
enum Event {
    /// It makes a snapshot covering its actions up to its current one.
    Snapshot,
    /// It pushes to the hub up to action `n` (at most its current one).
    Push(u64),
    /// It exports a changes file up to action `n` (at most its current one).
    Export(u64),
    /// It imports files from peer `p`; their snapshot claims `held` of ours
    /// (None: only deltas, nothing of ours shown).
    HearFrom(u8, Option<u64>),
    /// It makes `n` more actions.
    Act(u8),
}

fn event() -> impl Strategy<Value = Event> {
    prop_oneof![
        Just(Event::Snapshot),
        (0u64..40).prop_map(Event::Push),
        (0u64..40).prop_map(Event::Export),
        (0u8..3, proptest::option::of(0u64..40)).prop_map(|(p, h)| Event::HearFrom(p, h)),
        (1u8..5).prop_map(Event::Act),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    /// After any history, what may be pruned is exactly what the snapshot
    /// covers and every holder holds: a bundle ending later stays.
    #[test]
    fn only_what_a_snapshot_covers_and_every_known_holder_holds(
        events in proptest::collection::vec(event(), 0..40),
    ) {
        let mut seq = 0u64;
        let mut h = Holders::default();
        // The oracle: the same facts kept the plain way.
        let mut snapshot = 0u64;
        let mut hub: Option<u64> = None;
        let mut files: Option<u64> = None;
        let mut peers: BTreeMap<u8, u64> = BTreeMap::new();
        for e in &events {
            match *e {
                Event::Snapshot => {
                    h.snapshot = h.snapshot.max(seq);
                    snapshot = snapshot.max(seq);
                }
                Event::Push(n) => {
                    let n = n.min(seq);
                    let held = h.hub.unwrap_or(0).max(n);
                    h.hub = Some(held);
                    hub = Some(hub.unwrap_or(0).max(n));
                }
                Event::Export(n) => {
                    let n = n.min(seq);
                    h.files = Some(h.files.unwrap_or(0).max(n));
                    files = Some(files.unwrap_or(0).max(n));
                }
                Event::HearFrom(p, held) => {
                    h.heard_from(DeviceId(u64::from(p) + 100), held.unwrap_or(0));
                    let known = peers.entry(p).or_insert(0);
                    *known = (*known).max(held.unwrap_or(0));
                }
                Event::Act(n) => seq += u64::from(n),
            }
            let through = h.prunable_through();
            prop_assert!(through <= snapshot, "past the snapshot");
            prop_assert!(hub.is_none_or(|n| through <= n), "past the hub");
            prop_assert!(files.is_none_or(|n| through <= n), "past the changes files");
            prop_assert!(peers.values().all(|n| through <= *n), "past a peer");
            // …and no further back than needed: the least of them.
            let least = peers.values().copied().chain(hub).chain(files).fold(snapshot, u64::min);
            prop_assert_eq!(through, least);
            // Settings names who holds the least, when anything is kept.
            match h.waiting_for(seq) {
                None => prop_assert!(least >= seq),
                Some(Waiting::Snapshot) => prop_assert_eq!(snapshot, least),
                Some(Waiting::Hub) => prop_assert_eq!(hub, Some(least)),
                Some(Waiting::Files) => prop_assert_eq!(files, Some(least)),
                Some(Waiting::Peer(d)) => {
                    let p = u8::try_from(d.0 - 100).unwrap();
                    prop_assert_eq!(peers.get(&p).copied(), Some(least));
                }
            }
        }
    }
}

#[test]
fn a_peer_that_never_showed_what_it_holds_keeps_everything() {
    let mut h = Holders {
        snapshot: 50,
        hub: Some(50),
        ..Holders::default()
    };
    assert_eq!(h.prunable_through(), 50);
    h.heard_from(DeviceId(7), 0);
    assert_eq!(h.prunable_through(), 0);
    assert_eq!(h.waiting_for(50), Some(Waiting::Peer(DeviceId(7))));
    // A later, smaller claim (an older snapshot imported again) never lowers.
    h.heard_from(DeviceId(7), 30);
    h.heard_from(DeviceId(7), 10);
    assert_eq!(h.peers[&DeviceId(7)], 30);
    assert_eq!(h.prunable_through(), 30);
}

#[test]
fn nothing_goes_without_a_snapshot_even_with_no_peers() {
    let h = Holders::default();
    assert_eq!(h.prunable_through(), 0);
    assert_eq!(h.waiting_for(3), Some(Waiting::Snapshot));
    assert_eq!(
        h.waiting_for(0),
        None,
        "nothing to keep, no one to wait for"
    );
}
