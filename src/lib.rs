//! Ventanilla: a customer-service department's whole working system in one
//! browser tab. See README.md, section "Architecture", for the map.
//!
//! `domain` and `sync` are pure (no browser, no clock, no randomness) and are
//! compiled and tested natively. `store` and `ui` exist only on wasm32 (but `ui::words`, pure text, is
//! compiled everywhere).

pub mod domain;
pub mod sync;

#[cfg(target_arch = "wasm32")]
pub mod store;
/// On wasm32 the whole interface; natively only its words (`ui::words`),
/// which the native tests read.
pub mod ui;
