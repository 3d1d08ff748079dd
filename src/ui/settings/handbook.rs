//! The rules handbook (`/handbook`): `docs/rules.md` or `docs/rules.es.md`
//! (`words::handbook`), in the current language, with an anchor per rule
//! (`/handbook#R-LV-03`) that refusals link to.

use crate::domain::Lang;
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

/// The rules document in `lang`. The release build fetches it once per
/// language (the service worker holds it with the pieces) and keeps it for
/// the page's life: two documents at most, so leaking them is bounded.
#[cfg(feature = "split")]
async fn rules_document(lang: Lang) -> Option<&'static str> {
    thread_local! {
        static FETCHED: std::cell::RefCell<Vec<(Lang, &'static str)>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    if let Some(doc) = FETCHED.with_borrow(|f| f.iter().find(|(l, _)| *l == lang).map(|(_, d)| *d))
    {
        return Some(doc);
    }
    let text = crate::store::platform::fetch_text(
        handbook::document_path(lang),
        handbook::DOCUMENT_MAX_BYTES,
    )
    .await?;
    // A server's error page is not the handbook.
    if !matches!(blocks(&text).first(), Some(Block::Title(_))) {
        return None;
    }
    let doc: &'static str = Box::leak(text.into_boxed_str());
    FETCHED.with_borrow_mut(|f| f.push((lang, doc)));
    Some(doc)
}

#[cfg(not(feature = "split"))]
async fn rules_document(lang: Lang) -> Option<&'static str> {
    Some(handbook::document(lang))
}

#[derive(Clone, Copy, PartialEq)]
enum Text {
    Loading,
    Ready(&'static str),
    Failed,
}

#[component]
pub fn HandbookPage() -> impl IntoView {
    let ctx = use_ctx();
    let text = RwSignal::new(Text::Loading);
    let tries = RwSignal::new(0u32);
    Effect::new(move |_| {
        let lang = ctx.lang.get();
        tries.track();
        leptos::task::spawn_local(async move {
            let got = rules_document(lang).await;
            // The language may have changed while this one was fetched.
            if ctx.lang.try_get_untracked() == Some(lang) {
                let _ = text.try_set(got.map_or(Text::Failed, Text::Ready));
            }
        });
    });
    // After the text is on screen, so the rule's heading exists.
    Effect::new(move |_| {
        if matches!(text.get(), Text::Ready(_)) {
            request_animation_frame(crate::ui::kit::anchor::land_on_hash);
        }
    });
    move || {
        match text.get() {
        Text::Ready(doc) => view! { <section class="page handbook">{handbook_body(doc)}</section> }.into_any(),
        Text::Loading => view! { <p class="splash" role="status">{ctx.tr(Key::PieceLoading)}</p> }.into_any(),
        Text::Failed => view! {
            <section class="page">
                <div class="empty" role="alert">
                    <h1>{ctx.tr(Key::PieceFailedTitle)}</h1>
                    <p>{ctx.tr(Key::PieceFailedBody)}</p>
                    <p><button type="button" on:click=move |_| tries.update(|n| *n += 1)>{ctx.tr(Key::TryAgain)}</button></p>
                </div>
            </section>
        }
        .into_any(),
    }
    }
}

/// The document's blocks as headings, paragraphs and lists.
fn handbook_body(doc: &'static str) -> Vec<AnyView> {
    let ctx = use_ctx();
    let doc = blocks(doc);
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
}
