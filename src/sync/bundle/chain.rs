//! Where an incoming bundle fits among the ones already held.

use super::*;
use crate::sync::id::DeviceId;

/// How an incoming bundle relates to those already stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChainCheck {
    /// Stored already (same device, kind, first and hash): nothing to do.
    AlreadyHave,
    /// Not stored yet. `linked`: its predecessor is known (or it has none);
    /// an unlinked bundle may still be applied, since merge ignores order.
    New { linked: bool },
}

/// Places `incoming` among the `known` bundles. Refused: a delta with the
/// same device and `first` as a known one, or an overlapping range, but a
/// different hash; a delta whose `prev_sha256` differs from the known bundle
/// just before it; and any delta from `own_device` we do not have (we hold
/// every bundle we issued; `own_last_seq` is our last issued sequence).
/// Snapshots are not part of a chain: they are only deduplicated by hash.
pub fn check_chain(
    known: &[BundleMeta],
    incoming: &Bundle,
    own_device: DeviceId,
    own_last_seq: u64,
) -> Result<ChainCheck, BundleError> {
    let (first, last, device) = (incoming.first, incoming.last, incoming.device);
    let same: Vec<&BundleMeta> = known
        .iter()
        .filter(|m| m.device == device && m.kind == incoming.kind)
        .collect();
    let snapshot = incoming.kind == BundleKind::Snapshot;
    let have = |m: &&&BundleMeta| m.sha256 == incoming.sha256 && (snapshot || m.first == first);
    if same.iter().any(|m| have(&m)) {
        return Ok(ChainCheck::AlreadyHave);
    }
    if snapshot {
        return Ok(ChainCheck::New { linked: true });
    }
    let prev = incoming.prev_sha256.as_str();
    let forked = |m: &&&BundleMeta| {
        m.last.checked_add(1) == Some(first) && !prev.is_empty() && m.sha256 != prev
    };
    if same
        .iter()
        .any(|m| m.first <= last && first <= m.last || forked(&m))
    {
        return Err(BundleError::Contradiction {
            device,
            first,
            last,
        });
    }
    if device == own_device {
        let own_last = own_last_seq;
        return Err(BundleError::ContradictsOwnLog {
            first,
            last,
            own_last,
        });
    }
    let linked = prev.is_empty() || same.iter().any(|m| m.sha256 == prev);
    Ok(ChainCheck::New { linked })
}
