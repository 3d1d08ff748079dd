//! Options for a select built from a domain enum's codes and its labels.

use crate::domain::Lang;
use crate::ui::shell::state::use_ctx;
use crate::ui::words::Key;
use leptos::prelude::*;

/// Options for a select: ("", `any`) then each value by code.
pub(crate) fn code_options<T: Copy + Send + Sync + 'static>(
    any: Option<Key>,
    all: &'static [T],
    code: fn(T) -> &'static str,
    label: fn(Lang, T) -> &'static str,
) -> Vec<(String, Signal<String>)> {
    let ctx = use_ctx();
    let mut out: Vec<(String, Signal<String>)> = Vec::new();
    if let Some(key) = any {
        out.push((
            String::new(),
            Signal::derive(move || ctx.tr(key).to_string()),
        ));
    }
    out.extend(all.iter().map(|v| {
        let v = *v;
        (
            code(v).to_string(),
            Signal::derive(move || label(ctx.lang.get(), v).to_string()),
        )
    }));
    out
}
