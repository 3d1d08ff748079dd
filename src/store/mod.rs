//! Browser persistence. Records, the action log and meta live in IndexedDB
//! (`records`); small preferences in localStorage (`settings`); other tabs
//! hear about every saved action, import and pull over a BroadcastChannel
//! (`tabs`); `lost` notices the database going away under a tab.

pub mod bundles;
pub mod couch;
pub mod cursor;
#[cfg(feature = "hooks")]
pub mod hold;
pub mod hub;
pub mod idb;
pub mod join;
pub mod lost;
pub mod outbox;
pub mod platform;
pub mod prune;
pub mod records;
mod rows;
pub mod settings;
pub mod summaries;
pub mod tabs;
pub mod usage;
pub mod views;

pub use records::{Store, StoreError};
