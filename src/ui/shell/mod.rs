//! The shell's runtime, under every page: the app's state (`Ctx`), the one
//! way a user action becomes a saved change (`act`), the online state from
//! evidence, the hub's status and its automatic sync, and the hooks the
//! benchmarks and e2e tests drive (only with the `hooks` feature).

pub mod act;
pub mod connectivity;
#[cfg(feature = "hooks")]
pub mod hooks;
pub mod hub_status;
pub mod hub_sync;
pub mod state;
