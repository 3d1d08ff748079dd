//! Browser persistence. Records, the action log and meta live in IndexedDB
//! (`records`); small preferences in localStorage (`settings`); other tabs
//! hear about every saved action over a BroadcastChannel (`tabs`).

pub mod bundles;
pub mod couch;
pub mod hub;
pub mod idb;
pub mod join;
pub mod outbox;
pub mod platform;
pub mod records;
pub mod settings;
pub mod tabs;

pub use records::{Store, StoreError};
