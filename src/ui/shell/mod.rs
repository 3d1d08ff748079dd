//! The shell, under every page: the header and the main navigation, the
//! app's state (`Ctx`), the one way a user action becomes a saved change
//! (`act`), the online state from evidence, the hub's status and its
//! automatic sync, and the hooks the benchmarks and e2e tests drive (only
//! with the `hooks` feature).

pub mod act;
pub mod connectivity;
pub mod header;
pub mod history;
#[cfg(feature = "hooks")]
pub mod hooks;
pub mod hub_status;
pub mod hub_sync;
pub mod later;
pub mod nav;
pub mod search_build;
pub mod state;
