//! The rules handbook (`/handbook`): `docs/rules.md` or `docs/rules.es.md`
//! as built into the app (`words::handbook`), in the current language,
//! with an anchor per rule (`/handbook#R-LV-03`) that refusals link to.

use crate::ui::shell::state::use_ctx;
use crate::ui::words::handbook::{self, blocks, inline, Block, Span};
use crate::ui::words::Key;
use leptos::prelude::*;

/// One line of text: bold, plain, and rule ids as links to their rule.
fn line(text: &'static str) -> impl IntoView {
    inline(text)
        .into_iter()
        .map(|span| match span {
            Span::Text(t) => t.into_any(),
            Span::Bold(t) => view! { <strong>{t}</strong> }.into_any(),
            Span::Rule(id) => view! { <a href=format!("#{id}")>{id}</a> }.into_any(),
        })
        .collect_view()
}

/// Brings the rule the address names into view, marked and focused (a
/// link from a refusal opens this page in a new tab: the heading exists
/// only once the app has loaded, too late for the browser's own `:target`).
fn scroll_to_hash() {
    use wasm_bindgen::JsCast;
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

/// The list of families, each a link to its heading.
fn contents(families: &[(usize, &'static str)]) -> AnyView {
    let ctx = use_ctx();
    view! {
        <nav class="card handbook-contents" aria-labelledby="handbook-contents">
            <h2 id="handbook-contents">{ctx.tr(Key::HandbookContents)}</h2>
            <ul>
                {families.iter().map(|(i, f)| view! {
                    <li><a href=format!("#family-{i}")>{*f}</a></li>
                }).collect_view()}
            </ul>
        </nav>
    }
    .into_any()
}

#[component]
pub fn HandbookPage() -> impl IntoView {
    let ctx = use_ctx();
    // After the first render, so the rule's heading exists.
    Effect::new(move |_| {
        request_animation_frame(scroll_to_hash);
    });
    let body = move || {
        let doc = blocks(handbook::document(ctx.lang.get()));
        let families: Vec<(usize, &'static str)> = doc
            .iter()
            .filter_map(|b| match b {
                Block::Family(t) => Some(*t),
                _ => None,
            })
            .enumerate()
            .collect();
        let mut out: Vec<AnyView> = Vec::new();
        let mut items: Vec<&'static str> = Vec::new();
        let mut family = 0;
        let flush = |items: &mut Vec<&'static str>, out: &mut Vec<AnyView>| {
            if !items.is_empty() {
                let list = std::mem::take(items);
                out.push(
                    view! { <ul>{list.into_iter().map(|i| view! { <li>{line(i)}</li> }).collect_view()}</ul> }
                        .into_any(),
                );
            }
        };
        for b in doc {
            if !matches!(b, Block::Item(_)) {
                flush(&mut items, &mut out);
            }
            match b {
                Block::Title(t) => {
                    out.push(view! { <h1>{t}</h1> }.into_any());
                    out.push(view! { <p class="lead">{ctx.tr(Key::HandbookLead)}</p> }.into_any());
                }
                Block::Family(t) => {
                    if family == 0 {
                        out.push(contents(&families));
                    }
                    out.push(view! { <h2 id=format!("family-{family}")>{t}</h2> }.into_any());
                    family += 1;
                }
                Block::Rule { id, title } => out.push(
                    view! { <h3 id=id tabindex="-1"><span class="rule-id">{id}</span>" "{title}</h3> }
                        .into_any(),
                ),
                Block::Paragraph(t) => out.push(view! { <p>{line(t)}</p> }.into_any()),
                Block::Item(t) => items.push(t),
            }
        }
        flush(&mut items, &mut out);
        out
    };
    view! { <section class="page handbook">{body}</section> }
}
