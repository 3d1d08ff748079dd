//! Choosing files in the page's language. The browser's own file input
//! speaks the browser's language ("Choose Files / No file chosen" on a
//! Spanish page), so it is visually hidden (still in the page, labelled,
//! for whatever sets its files directly) and a button in our words opens
//! it; the chosen files' names are shown beside the button.

use crate::ui::shell::state::use_ctx;
use crate::ui::words::{count, Counted, Key};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The names of a list of files (chosen or dropped).
pub fn file_names(files: &web_sys::FileList) -> Vec<String> {
    (0..files.length())
        .filter_map(|i| files.get(i))
        .map(|f| f.name())
        .collect()
}

/// What the picker says it holds: nothing, the one file's name, or how
/// many files.
fn chosen_text(lang: crate::domain::Lang, names: &[String]) -> String {
    match names {
        [] => crate::ui::words::t(lang, Key::NoFileChosen).to_string(),
        [one] => one.clone(),
        many => count(lang, many.len(), Counted::FilesChosen),
    }
}

/// `label` says what to choose (the input's label, shown above);
/// `button` opens the browser's chooser. `names` is what is shown as
/// chosen: the picker sets it, and its owner may too (files dropped, or
/// cleared once used). `on_files` gets the files as chosen.
#[component]
pub fn FilePicker(
    id: &'static str,
    label: Key,
    button: Key,
    accept: &'static str,
    #[prop(optional)] multiple: bool,
    names: RwSignal<Vec<String>>,
    on_files: Callback<web_sys::FileList>,
) -> impl IntoView {
    let ctx = use_ctx();
    let input = NodeRef::<leptos::html::Input>::new();
    let status_id = format!("{id}-chosen");
    let change = move |ev: leptos::ev::Event| {
        let Some(el) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        if let Some(files) = el.files() {
            names.set(file_names(&files));
            on_files.run(files);
        }
        // So that choosing the same file again is noticed too.
        el.set_value("");
    };
    view! {
        <label for=id>{move || ctx.tr(label)}</label>
        <input id=id node_ref=input type="file" class="sr-only" tabindex="-1" aria-hidden="true"
            accept=accept multiple=multiple on:change=change/>
        <div class="file-pick">
            <button type="button" aria-describedby=status_id.clone()
                on:click=move |_| if let Some(i) = input.get() { i.click(); }>{move || ctx.tr(button)}</button>
            <span id=status_id class="file-names" aria-live="polite">
                {move || names.with(|n| chosen_text(ctx.lang.get(), n))}
            </span>
        </div>
    }
}
