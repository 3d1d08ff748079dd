//! Where this device's own changes stand: only here, or copied. A change
//! leaves the device three ways: sent to the hub, in a changes file, or in
//! a snapshot file of everything. Each way keeps the sequence number of
//! the last action it carried and when; a change counts as copied once any
//! of them has passed it. The store keeps the numbers (`store::outbox`);
//! this is what they mean, so it can be tested natively.

use chrono::{DateTime, Utc};

/// After this long with changes only on this device, the shell reminds.
pub const BACKUP_REMINDER_MS: u64 = 3 * 24 * 60 * 60 * 1000;

/// How a copy left the device.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum CopyKind {
    /// This device's changes, pushed to the CouchDB hub.
    Hub,
    /// "Export changes": the changes not exported before, as files.
    ChangesFile,
    /// "Export everything": the whole state, as a snapshot file.
    Snapshot,
}

/// The last copy of one kind: up to which of this device's actions, and when.
#[derive(Debug, Clone, PartialEq)]
pub struct Copy {
    pub kind: CopyKind,
    /// The sequence number of the last action it carried.
    pub seq: u64,
    /// When it was made (None when the stored time cannot be read).
    pub at: Option<DateTime<Utc>>,
}

/// What the shell says about backups.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct BackupStatus {
    /// This device's changes that no copy carries yet.
    pub pending: u64,
    /// When the oldest of them was made (ms since 1970).
    pub oldest_pending_ms: Option<u64>,
    /// The last copy of each kind made so far, at most one per kind.
    pub copies: Vec<Copy>,
}

impl BackupStatus {
    /// From the device's last action sequence `seq` and its copies. A copy
    /// that claims more than `seq` (a stored number from a newer device
    /// state) still counts only up to `seq`.
    pub fn new(seq: u64, copies: Vec<Copy>, oldest_pending_ms: Option<u64>) -> BackupStatus {
        let copied = copies.iter().map(|c| c.seq).max().unwrap_or(0);
        let pending = seq.saturating_sub(copied);
        BackupStatus {
            pending,
            oldest_pending_ms: oldest_pending_ms.filter(|_| pending > 0),
            copies,
        }
    }

    /// The sequence every change up to which some copy carries.
    pub fn copied_seq(&self) -> u64 {
        self.copies.iter().map(|c| c.seq).max().unwrap_or(0)
    }

    /// The copy that carries the most; of those that carry as much, the
    /// latest, then a snapshot before a changes file before the hub (it
    /// holds the most). Everything this device did up to its time is
    /// copied. A snapshot of a device that did nothing itself carries
    /// nothing of its own, and is still a copy of everything.
    pub fn last_copy(&self) -> Option<&Copy> {
        self.copies.iter().max_by_key(|c| (c.seq, c.at, c.kind))
    }

    /// The last copy of one kind.
    pub fn last_of(&self, kind: CopyKind) -> Option<&Copy> {
        self.copies.iter().find(|c| c.kind == kind)
    }

    /// Changes have existed only here for over three days at `now_ms`.
    pub fn remind(&self, now_ms: u64) -> bool {
        self.pending > 0
            && self
                .oldest_pending_ms
                .is_some_and(|ms| now_ms.saturating_sub(ms) > BACKUP_REMINDER_MS)
    }
}
