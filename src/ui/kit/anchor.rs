//! Landing on the record an address's `#fragment` names: a link such as
//! `/answers#answer-…` or a rule link opens a page whose lists exist only
//! once the app has drawn them, too late for the browser's own `:target`.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Brings the element the address names into view, marked
/// (`data-landed`, which the style shows) and focused for keyboards and
/// screen readers. Nothing when there is no fragment or no such element.
pub fn land_on_hash() {
    let hash = window().location().hash().unwrap_or_default();
    let Some(id) = hash.strip_prefix('#').filter(|h| !h.is_empty()) else {
        return;
    };
    let Some(el) = document().get_element_by_id(id) else {
        return;
    };
    el.scroll_into_view();
    let _ = el.set_attribute("data-landed", "true");
    if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
        let _ = el.focus();
    }
}

/// On a page whose list is drawn from the model: lands once, after the
/// first drawing.
pub fn land_after_render() {
    Effect::new(move |_| request_animation_frame(land_on_hash));
}
