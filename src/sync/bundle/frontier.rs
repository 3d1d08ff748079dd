//! Who may say what in a bundle: authorship, and a snapshot's frontier.
//!
//! - A delta carries only its own device's changes: every operation's
//!   author is the bundle's device ([`check_authors`]). Only a snapshot
//!   carries other devices' changes.
//! - A snapshot's frontier is gap-free coverage: for each device, the
//!   highest sequence `n` such that the exporter holds that device's
//!   changes `1..=n` with no gap ([`snapshot_frontier`]). Holding changes
//!   1 and 3 but not 2 covers 1, not 3.
//! - The frontier travels outside the checksum and names sequences, which
//!   the payload does not carry, so a receiver never takes it on trust
//!   ([`claims`]): a claim for a device is kept only when the payload holds
//!   changes (or overwritten stamps) of that device, trimmed to how many
//!   distinct stamps of it the payload holds, together with the latest of
//!   them, its `head`. A delta of that device is then skipped as already
//!   covered only when it lies inside the claim *and* none of its changes
//!   is later than the head ([`is_covered`]): a claim can never hide a
//!   change newer than anything the snapshot holds of that device, nor
//!   more changes than it holds stamps of. Anything not skipped is simply
//!   applied, which merge makes harmless.
//! - What cannot be checked: the payload carries no sequence numbers, so a
//!   frontier edited to claim more than its exporter held (the exporter
//!   held 1 and 3, the file says 3) can still hide change 2, older than
//!   the change 3 it holds. The exporter itself never writes such a claim,
//!   and the frontier of the previous release (the highest sequence seen)
//!   is recognised by the missing `frontier_gap_free` mark and not relied
//!   on at all.

use super::*;
use crate::sync::clock::Stamp;
use crate::sync::id::DeviceId;
use std::collections::BTreeMap;

/// What one device is covered up to, as applied snapshots claim it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Claim {
    /// Changes `1..=seq` of the device are held, with no gap.
    pub seq: u64,
    /// The latest stamp of the device that the snapshot holds.
    pub head: Stamp,
}

/// Per device, the coverage that snapshots this device applied claim.
pub type Coverage = BTreeMap<DeviceId, Claim>;

/// Refuses a delta that carries a change authored by another device.
pub fn check_authors(b: &Bundle, contents: &Contents) -> Result<(), BundleError> {
    if b.kind == BundleKind::Snapshot {
        return Ok(());
    }
    match contents.ops.iter().find(|o| o.stamp.device != b.device) {
        Some(op) => Err(BundleError::ForeignAuthor {
            device: b.device,
            author: op.stamp.device,
        }),
        None => Ok(()),
    }
}

/// The highest `n` such that `1..=n` is covered by `start` (already held)
/// and the ranges `(first, last)`, with no gap.
pub fn gap_free(start: u64, ranges: impl IntoIterator<Item = (u64, u64)>) -> u64 {
    let mut ranges: Vec<(u64, u64)> = ranges.into_iter().collect();
    ranges.sort_unstable();
    let mut covered = start;
    for (first, last) in ranges {
        if first > covered.saturating_add(1) {
            break;
        }
        covered = covered.max(last);
    }
    covered
}

/// The frontier a snapshot of `state` exported by `own` (which issued up to
/// `own_seq`) may claim: per device, gap-free coverage from the coverage of
/// snapshots applied before and the deltas `held`; every device whose
/// changes the state holds is listed (with 0 when nothing is gap-free).
pub fn snapshot_frontier(
    own: DeviceId,
    own_seq: u64,
    held: &[BundleMeta],
    coverage: &Coverage,
    state: &State,
) -> BTreeMap<DeviceId, u64> {
    let mut ranges: BTreeMap<DeviceId, Vec<(u64, u64)>> = BTreeMap::new();
    for m in held.iter().filter(|m| m.kind == BundleKind::Delta) {
        ranges.entry(m.device).or_default().push((m.first, m.last));
    }
    let mut devices: Vec<DeviceId> = ranges.keys().chain(coverage.keys()).copied().collect();
    for (kind, id, e) in state.iter() {
        devices.extend(e.ops(kind, id).map(|o| o.stamp.device));
    }
    devices.sort_unstable();
    devices.dedup();
    let mut frontier: BTreeMap<DeviceId, u64> = devices
        .into_iter()
        .map(|d| {
            let start = coverage.get(&d).map_or(0, |c| c.seq);
            let held = ranges.remove(&d).unwrap_or_default();
            (d, gap_free(start, held))
        })
        .collect();
    frontier.insert(own, own_seq);
    frontier
}

/// The claims of a snapshot (any of its parts, for the frontier, and every
/// part's decoded contents) that its payload backs. Nothing is claimed by a
/// snapshot whose frontier is not marked gap-free (the previous release
/// wrote the highest sequence seen). For each device the claim is trimmed
/// to the number of distinct stamps of that device the payload holds (each
/// action has one stamp, so holding changes `1..=n` takes at least `n`
/// stamps, fewer only when sequence numbers were skipped, which trimming
/// merely makes re-applied), and dropped when the payload holds none; its
/// head is the latest of them. Stamps count wherever they appear: an
/// operation's, its `p`, a `seen` stamp.
pub fn claims(snapshot: &Bundle, parts: &[&Contents]) -> Coverage {
    let Some(frontier) = snapshot
        .frontier
        .as_ref()
        .filter(|_| snapshot.frontier_gap_free)
    else {
        return Coverage::new();
    };
    let mut held: BTreeMap<DeviceId, std::collections::BTreeSet<Stamp>> = BTreeMap::new();
    let mut note = |s: Stamp| {
        if frontier.contains_key(&s.device) {
            held.entry(s.device).or_default().insert(s);
        }
    };
    for c in parts {
        for op in &c.ops {
            note(op.stamp);
            if let Some(p) = op.p {
                note(p);
            }
        }
        for s in &c.seen {
            s.stamps.iter().copied().for_each(&mut note);
        }
    }
    frontier
        .iter()
        .filter_map(|(d, seq)| {
            let stamps = held.get(d)?;
            let head = *stamps.last()?;
            let seq = (*seq).min(stamps.len() as u64);
            (seq > 0).then_some((*d, Claim { seq, head }))
        })
        .collect()
}

/// Joins the claims of another snapshot into the coverage held.
pub fn join_coverage(into: &mut Coverage, more: &Coverage) {
    for (d, c) in more {
        let e = into.entry(*d).or_insert(*c);
        e.seq = e.seq.max(c.seq);
        e.head = e.head.max(c.head);
    }
}

/// Whether a delta of `device` ending at `last`, whose latest change is
/// stamped `latest` (None: no changes), is already held through applied
/// snapshots, so it need not be applied.
pub fn is_covered(coverage: &Coverage, device: DeviceId, last: u64, latest: Option<Stamp>) -> bool {
    coverage
        .get(&device)
        .is_some_and(|c| last <= c.seq && latest.is_none_or(|s| s <= c.head))
}
