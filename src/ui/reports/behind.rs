//! The records behind a figure or a row (R-REP-03), each a link to its own
//! page: shared by the daily workload's figures and the weekly and monthly
//! report's rows. The heading takes the focus when a person opens the list
//! (`open`), so a keyboard or screen-reader user lands on what they asked
//! for; a list drawn again because the records changed (a save, a sync)
//! leaves the focus where it is.

use super::period_text::label_words;
use crate::domain::reports::{Behind, Label};
use crate::domain::{Lang, Model};
use crate::ui::kit::widgets::{fmt_date, fmt_datetime};
use crate::ui::shell::state::use_ctx;
use crate::ui::words::labels::channel_label;
use crate::ui::words::{t, Key};
use leptos::html::H3;
use leptos::prelude::*;
use leptos_router::components::A;

thread_local! {
    /// Set by `open`, taken by the list it opens: only a person's choice
    /// moves the focus.
    static FOCUS_NEXT: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Opens the list of `what`: the list, once drawn, takes the focus.
pub(super) fn open<T: Send + Sync + 'static>(chosen: RwSignal<Option<T>>, what: T) {
    FOCUS_NEXT.with(|f| f.set(true));
    chosen.set(Some(what));
}

/// The records listed at most (a month of a large branch may hold more;
/// the title says how many there are).
const MAX_LISTED: usize = 200;

/// At most this many characters of a complaint's words in its line.
const WORDS_SHOWN: usize = 80;

fn cut(text: &str) -> String {
    let text = text.trim();
    match text.char_indices().nth(WORDS_SHOWN) {
        Some((i, _)) => format!("{}…", &text[..i]),
        None => text.to_string(),
    }
}

/// One record's line: its words and the page it opens.
fn line(m: &Model, lang: Lang, b: Behind) -> (String, String) {
    let customer = |c: Option<crate::sync::RecordId>| {
        c.and_then(|c| m.customers.get(&c))
            .map(|c| c.name.clone())
            .unwrap_or_default()
    };
    match b {
        Behind::Contact(id) => {
            let text = m
                .contacts
                .get(&id)
                .map(|x| {
                    let summary = if x.summary.trim().is_empty() {
                        t(lang, Key::NoSummary).to_string()
                    } else {
                        x.summary.clone()
                    };
                    format!(
                        "{} · {} · {summary}",
                        fmt_datetime(lang, x.received_at),
                        channel_label(lang, x.channel)
                    )
                })
                .unwrap_or_default();
            (text, format!("/contacts/{id}"))
        }
        Behind::Visit(id) => {
            let text = m
                .visits
                .get(&id)
                .map(|v| {
                    format!(
                        "{} · {} · {}",
                        t(lang, Key::RepVisitCall),
                        fmt_date(lang, v.due),
                        customer(Some(v.customer))
                    )
                })
                .unwrap_or_default();
            (text, format!("/visits/{id}"))
        }
        Behind::Complaint(id) => {
            let text = m
                .complaints
                .get(&id)
                .map(|c| {
                    format!(
                        "{} · {} · {}",
                        fmt_datetime(lang, c.received_at),
                        customer(c.customer),
                        cut(&c.content)
                    )
                })
                .unwrap_or_default();
            (text, format!("/complaints/{id}"))
        }
        Behind::Review(id) => match m.qa.reviews.get(&id) {
            // A review opens its contact when it has one, else quality.
            Some(r) => (
                format!(
                    "{} · {} · {}",
                    t(lang, Key::PerReview),
                    fmt_date(lang, r.date),
                    label_words(lang, m, &Label::Person(r.agent))
                ),
                r.contact
                    .map_or_else(|| "/quality".to_string(), |c| format!("/contacts/{c}")),
            ),
            None => (String::new(), "/quality".to_string()),
        },
    }
}

/// The list titled `title`, with `note` beneath the title when given, and
/// a button that closes it.
#[component]
pub(super) fn RecordsBehind(
    title: String,
    found: Vec<Behind>,
    #[prop(optional)] note: Option<String>,
    on_close: Callback<()>,
) -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang.get_untracked();
    let heading = NodeRef::<H3>::new();
    Effect::new(move |_| {
        if let Some(h) = heading.get() {
            if FOCUS_NEXT.with(|f| f.replace(false)) {
                let _ = h.focus();
            }
        }
    });
    let shown = found.len().min(MAX_LISTED);
    let more = (found.len() > MAX_LISTED).then(|| {
        t(lang, Key::PerFirstShown)
            .replace("{shown}", &shown.to_string())
            .replace("{n}", &found.len().to_string())
    });
    let items = ctx.model.with_untracked(|m| {
        found
            .iter()
            .take(MAX_LISTED)
            .map(|b| {
                let (text, href) = line(m, lang, *b);
                view! { <li><A href=href>{text}</A></li> }
            })
            .collect_view()
    });
    let empty = found
        .is_empty()
        .then(|| view! { <p class="empty-note">{t(lang, Key::PerNoneBehind)}</p> });
    view! {
        <section class="card rep-behind" aria-labelledby="rep-behind-h">
            <h3 id="rep-behind-h" tabindex="-1" node_ref=heading>{title}</h3>
            {note.map(|n| view! { <p class="hint">{n}</p> })}
            {empty}
            <ul class="rep-records">{items}</ul>
            {more.map(|m| view! { <p class="hint">{m}</p> })}
            <button type="button" class="no-print" on:click=move |_| on_close.run(())>{t(lang, Key::RepClose)}</button>
        </section>
    }
}
