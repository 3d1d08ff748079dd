//! The records only some areas show (the `later` kinds of `domain/kinds.rs`:
//! the knowledge base, quality, standards, issued reports) are read after
//! the first paint. In the release build their readers are a piece of their
//! own (`later_records`), so the first load carries none of them: start-up
//! keeps their text, `ensure` fetches the piece in idle time after Today is
//! on screen (or when an area that shows them opens first) and reads it.
//! Elsewhere the readers are linked and the model reads them at once.

use crate::domain::model::LaterReader;
use crate::ui::shell::state::Ctx;
use leptos::prelude::*;

#[cfg_attr(
    feature = "split",
    leptos::wasm_split::wasm_split(later_records, wasm_split_path = ::leptos::wasm_split, fallible)
)]
fn reader() -> Result<LaterReader, leptos::wasm_split::SplitLoaderError> {
    Ok(crate::domain::kinds::LATER_READER)
}

/// Reads the `later` kinds' records, fetching their reader first when it is
/// not here yet. False when it cannot be fetched (offline on a first visit,
/// an evicted cache): the areas that show them say so and offer to try again.
pub async fn ensure(ctx: Ctx) -> bool {
    if ctx.later_ready.get_untracked() {
        return true;
    }
    #[cfg(feature = "split")]
    let reader = reader().await;
    #[cfg(not(feature = "split"))]
    let reader = reader();
    let Ok(reader) = reader else {
        return false;
    };
    // Another call may have read them while this one waited.
    if ctx.later_ready.get_untracked() {
        return true;
    }
    ctx.later_reader.set_value(Some(reader));
    let mut skipped = Vec::new();
    ctx.model
        .update(|m| skipped = m.install_later(reader).skipped);
    ctx.report_skipped(&skipped);
    ctx.later_ready.set(true);
    true
}
