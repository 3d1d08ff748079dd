//! Finding an answer from the contact screen while typing (R-KB-01), and
//! putting it into a reply with the names filled in. Search sees answers
//! in use only: drafts and outdated answers never reach an agent (R-KB-02).

use super::records::*;
use super::usage::usage;
use crate::domain::base::lang::Lang;
use crate::domain::base::limits::{MAX_LONG_TEXT, MAX_NAME};
use crate::domain::base::order;
use crate::domain::base::text::fold;
use crate::domain::contact::records::Category;
use crate::domain::model::Model;
use crate::sync::RecordId;
use std::cmp::Reverse;

/// At most this many hits come back, whatever the caller asks.
pub const MAX_HITS: usize = 50;
/// What is read of a query: a search box, not a document.
const MAX_QUERY_CHARS: usize = MAX_NAME;
const MAX_TOKENS: usize = 8;

/// One answer found, in its current wording.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub answer: RecordId,
    pub version: RecordId,
    pub question: String,
    pub text: String,
    pub category: Category,
    /// Of the contact's category: listed before the others.
    pub in_category: bool,
    pub uses: usize,
}

/// What the search box sends: the words typed, and the contact's category
/// and language (answers of both come first).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SearchFor {
    pub query: String,
    pub category: Option<Category>,
    pub lang: Option<Lang>,
}

/// Words of folded text: letters and digits, accents and case gone.
fn words(s: &str) -> Vec<String> {
    fold(s)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(String::from)
        .collect()
}

/// The query's words, bounded, each once.
fn tokens(query: &str) -> Vec<String> {
    let cut: String = query.chars().take(MAX_QUERY_CHARS).collect();
    let mut out: Vec<String> = Vec::new();
    for w in words(&cut) {
        if !out.contains(&w) {
            out.push(w);
        }
        if out.len() == MAX_TOKENS {
            break;
        }
    }
    out
}

/// How well the answer's words meet the query: every query word must
/// begin one of them (the last one is still being typed). A keyword counts
/// most, then the question, then the answer text. None: some word missing.
fn score(
    tokens: &[String],
    keywords: &[String],
    question: &[String],
    text: &[String],
) -> Option<u32> {
    let mut total: u32 = 0;
    for t in tokens {
        let hit = |ws: &[String]| ws.iter().any(|w| w.starts_with(t.as_str()));
        let s = if hit(keywords) {
            3
        } else if hit(question) {
            2
        } else if hit(text) {
            1
        } else {
            return None;
        };
        total = total.saturating_add(s);
    }
    Some(total)
}

/// R-KB-01: answers in use matching every word typed, the contact's
/// category first, then its language, then the best match, the most used
/// and the question's alphabetical order. An empty query lists them all in
/// that order. At most `limit` (and `MAX_HITS`).
pub fn search(model: &Model, want: &SearchFor, limit: usize) -> Vec<Hit> {
    let tokens = tokens(&want.query);
    let counts = usage(model);
    let mut found: Vec<(bool, bool, u32, usize, String, Hit)> = Vec::new();
    for a in model.kb.answers.values() {
        if a.status != AnswerStatus::InUse {
            continue;
        }
        let Some(v) = model.kb.current(a.id) else {
            continue;
        };
        let keywords: Vec<String> = a.keywords.iter().flat_map(|k| words(k)).collect();
        let Some(s) = score(&tokens, &keywords, &words(&v.question), &words(&v.text)) else {
            continue;
        };
        let in_category = want.category == Some(a.category);
        let uses = counts.get(&a.id).map(|u| u.count).unwrap_or(0);
        let hit = Hit {
            answer: a.id,
            version: v.id,
            question: v.question.clone(),
            text: v.text.clone(),
            category: a.category,
            in_category,
            uses,
        };
        found.push((
            in_category,
            want.lang == Some(a.lang),
            s,
            uses,
            fold(&v.question),
            hit,
        ));
    }
    order::sort_by(&mut found, |x, y| {
        (
            Reverse(x.0),
            Reverse(x.1),
            Reverse(x.2),
            Reverse(x.3),
            &x.4,
            x.5.answer,
        )
            .cmp(&(
                Reverse(y.0),
                Reverse(y.1),
                Reverse(y.2),
                Reverse(y.3),
                &y.4,
                y.5.answer,
            ))
    });
    found
        .into_iter()
        .take(limit.min(MAX_HITS))
        .map(|f| f.5)
        .collect()
}

/// The names a standard answer may say in braces.
pub const PLACEHOLDERS: &[&str] = &["customer", "agent", "org"];

/// The longest placeholder name and its closing brace.
const PLACEHOLDER_SPAN: usize = 10;

/// An answer with its placeholders filled is at most this many characters.
pub const MAX_FILLED: usize = MAX_LONG_TEXT * 2;

/// The values of the placeholders; an empty one leaves its placeholder as
/// typed, for the agent to fill by hand.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Fill<'a> {
    pub customer: &'a str,
    pub agent: &'a str,
    pub org: &'a str,
}

/// Appends `s` to `out` while it holds fewer than `MAX_FILLED` characters.
fn push(out: &mut String, n: &mut usize, s: &str) {
    for c in s.chars() {
        if *n >= MAX_FILLED {
            return;
        }
        out.push(c);
        *n = n.saturating_add(1);
    }
}

/// R-KB-01: the answer as it goes into a reply. `{customer}`, `{agent}`
/// and `{org}` are replaced in one pass (a name that itself says "{agent}"
/// stays as typed); any other brace, or one never closed, stays as typed.
/// Each value counts up to `MAX_NAME` characters; the result up to
/// `MAX_FILLED`.
pub fn fill(text: &str, values: &Fill) -> String {
    let value = |name: &str| -> Option<String> {
        let v = match name {
            "customer" => values.customer,
            "agent" => values.agent,
            "org" => values.org,
            _ => return None,
        };
        let v: String = v.trim().chars().take(MAX_NAME).collect();
        (!v.is_empty()).then_some(v)
    };
    let mut out = String::with_capacity(text.len().min(MAX_FILLED));
    let mut n = 0usize;
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        push(&mut out, &mut n, &rest[..open]);
        let after = &rest[open + 1..];
        // A placeholder's name is short: look no further for its end, so a
        // text of lone braces costs no more than one pass.
        let hit = after
            .char_indices()
            .take(PLACEHOLDER_SPAN)
            .find(|(_, c)| *c == '}')
            .and_then(|(close, _)| value(&after[..close]).map(|v| (v, close)));
        match hit {
            Some((v, close)) => {
                push(&mut out, &mut n, &v);
                rest = &after[close + 1..];
            }
            None => {
                push(&mut out, &mut n, "{");
                rest = after;
            }
        }
        if n >= MAX_FILLED {
            return out;
        }
    }
    push(&mut out, &mut n, rest);
    out
}
