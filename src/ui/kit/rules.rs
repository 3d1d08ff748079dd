//! Rule ids in text as links to the handbook: a refusal names the rule it
//! applies ("… (R-LV-03)"), and the id opens that rule's text. The link
//! opens a new tab, so a half-filled form is not left behind.

use crate::ui::words::handbook::{has_rule, rule_spans, Span};
use crate::ui::words::{t, Key};
use leptos::prelude::*;

/// `text` with every rule id the handbook holds as a link to it.
pub fn rule_links(text: String) -> AnyView {
    let lang = use_context::<crate::ui::shell::state::Ctx>()
        .map(|c| c.lang.get_untracked())
        .unwrap_or_default();
    rule_spans(&text)
        .into_iter()
        .map(|span| match span {
            Span::Rule(id) if has_rule(id) => view! {
                <a href=format!("/handbook#{id}") target="_blank" rel="noopener"
                    title=t(lang, Key::RuleLinkTitle)>{id.to_string()}</a>
            }
            .into_any(),
            Span::Rule(s) | Span::Text(s) | Span::Bold(s) => s.to_string().into_any(),
        })
        .collect_view()
        .into_any()
}
