//! The browser shell: Leptos components. It holds no business rule: every
//! decision is a call into `crate::domain`, every user action goes through
//! `Ctx::act` (shell/act.rs).
//!
//! Layers, top down (an arrow never points up; `tests/native/ui_areas.rs`):
//! - `app`: the frame and the table of pages by address; `pieces`: each
//!   area's pages as a separate wasm piece, loaded when first opened. The
//!   only two modules that name every area. `paths` matches an address to a
//!   page (pure, compiled natively for its tests).
//! - one folder per area (`customers`, `complaints`, `escalations`, `visits`, `answers`,
//!   `quality`, `standards`, `reports`, `dept`, `sync`, `today`, `people`, `settings`): its pages. No area
//!   imports another; what two areas share lives in the kit.
//! - `kit`: shared widgets, formatting, pickers, cards.
//! - `shell`: the header and the main navigation, the app's state (`Ctx`),
//!   the one way to act, connectivity, the hub's status and autosync, the
//!   test and benchmark hooks.
//! - `words`: every word the interface shows, in both languages (refusals
//!   included); compiled natively too, so the native tests read it.

#[cfg(target_arch = "wasm32")]
mod answers;
#[cfg(target_arch = "wasm32")]
mod app;
#[cfg(target_arch = "wasm32")]
mod complaints;
#[cfg(target_arch = "wasm32")]
mod customers;
#[cfg(target_arch = "wasm32")]
mod dept;
#[cfg(target_arch = "wasm32")]
mod escalations;
#[cfg(target_arch = "wasm32")]
mod kit;
pub mod paths;
#[cfg(target_arch = "wasm32")]
mod people;
#[cfg(target_arch = "wasm32")]
mod pieces;
#[cfg(target_arch = "wasm32")]
mod quality;
#[cfg(target_arch = "wasm32")]
mod reports;
#[cfg(target_arch = "wasm32")]
mod settings;
#[cfg(target_arch = "wasm32")]
pub mod shell;
#[cfg(target_arch = "wasm32")]
mod standards;
#[cfg(target_arch = "wasm32")]
mod sync;
#[cfg(target_arch = "wasm32")]
mod today;
#[cfg(target_arch = "wasm32")]
mod visits;
pub mod words;

#[cfg(target_arch = "wasm32")]
pub use app::App;
