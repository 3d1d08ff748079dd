//! When this device's sealed bundles may leave its outbox, so that it does
//! not grow for years. The store keeps the facts (`store::prune`); this is
//! the rule, so it can be tested natively.
//!
//! A bundle of this device's changes is kept while someone might still need
//! it from here. It may go once
//!
//! - a snapshot this device made covers it (a snapshot file, or the one on
//!   the hub): a device that lacks those changes can join from a snapshot;
//! - and every peer this device knows of holds it:
//!   - the hub, once this device has pushed to one: what it was sent;
//!   - changes files, once this device exported one: what they carried
//!     (whoever takes them may never send anything back);
//!   - every device whose bundles were imported here from files: what its
//!     own snapshot, imported here, shows it holds of this device. A peer
//!     that never sent a snapshot is known to hold nothing, so nothing goes
//!     while it is around. That is the safe side: the cost is storage.
//!
//! Devices this one never heard of and that no changes file reached are
//! not waited for: they join from a snapshot, as any new device does.

use super::id::DeviceId;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Who is known to hold how much of this device's changes (each figure is
/// the last action sequence held with none missing before it).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Holders {
    /// The last action the newest snapshot this device made covers.
    pub snapshot: u64,
    /// The hub, once this device pushed to one: the last action it holds.
    pub hub: Option<u64>,
    /// Changes files, once this device exported one: the last action they
    /// carried. Whoever takes them may never send anything back, so a
    /// change is kept until a changes file has carried it too.
    pub files: Option<u64>,
    /// Each device whose files were imported here: what it holds of ours.
    pub peers: BTreeMap<DeviceId, u64>,
}

/// Who keeps the outbox from being pruned further (for the Settings line).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Waiting {
    /// No snapshot covers the changes yet.
    Snapshot,
    /// The hub has not been sent them yet.
    Hub,
    /// No changes file has carried them yet.
    Files,
    /// This device has not shown (by a snapshot imported here) that it holds them.
    Peer(DeviceId),
}

impl Holders {
    /// Every sealed bundle whose last action is at most this may be pruned.
    pub fn prunable_through(&self) -> u64 {
        self.least().0
    }

    /// The least any holder is known to hold, and who that is (the first
    /// in the order snapshot, hub, files, peers, when several hold as
    /// little).
    fn least(&self) -> (u64, Waiting) {
        let peers = self.peers.iter().map(|(d, n)| (*n, Waiting::Peer(*d)));
        let hub = self.hub.map(|n| (n, Waiting::Hub));
        let files = self.files.map(|n| (n, Waiting::Files));
        std::iter::once((self.snapshot, Waiting::Snapshot))
            .chain(hub)
            .chain(files)
            .chain(peers)
            .fold((u64::MAX, Waiting::Snapshot), |least, (n, who)| {
                if n < least.0 {
                    (n, who)
                } else {
                    least
                }
            })
    }

    /// Who holds the least, when that is less than `seq` (this device's last
    /// action): the outbox keeps changes after it for them.
    pub fn waiting_for(&self, seq: u64) -> Option<Waiting> {
        let (n, who) = self.least();
        (n < seq).then_some(who)
    }

    /// Records that `peer` holds this device's changes up to `held`.
    pub fn heard_from(&mut self, peer: DeviceId, held: u64) {
        heard_from(&mut self.peers, peer, held);
    }
}

/// Records in `peers` that `peer` (a device whose files were imported here)
/// holds this device's changes up to `held` (0: nothing known). Never lowers.
pub fn heard_from(peers: &mut BTreeMap<DeviceId, u64>, peer: DeviceId, held: u64) {
    let n = peers.entry(peer).or_insert(0);
    *n = (*n).max(held);
}
