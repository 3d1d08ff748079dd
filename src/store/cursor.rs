//! The cursors over this device's changes: how far each copy (changes
//! files, the hub, a snapshot file) has carried them, and the `meta` keys
//! that hold it. The outbox moves them (`store::outbox`); pruning reads
//! them (`store::prune`), so both name the keys from here.

use crate::sync::backup::CopyKind;

/// Which copy a cursor belongs to: the outbox's two transports, and the
/// snapshot file (which carries everything, so it moves no outbox cursor).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cursor {
    File,
    Hub,
    Snapshot,
}

impl Cursor {
    pub(crate) const ALL: [Cursor; 3] = [Cursor::Hub, Cursor::File, Cursor::Snapshot];

    pub(crate) fn keys(self) -> (&'static str, &'static str) {
        match self {
            Cursor::File => ("exported_seq", "exported_at"),
            Cursor::Hub => ("pushed_seq", "pushed_at"),
            Cursor::Snapshot => ("snapshot_seq", "snapshot_at"),
        }
    }

    pub(crate) fn kind(self) -> CopyKind {
        match self {
            Cursor::File => CopyKind::ChangesFile,
            Cursor::Hub => CopyKind::Hub,
            Cursor::Snapshot => CopyKind::Snapshot,
        }
    }
}
