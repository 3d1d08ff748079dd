//! The rules handbook in the app: `docs/rules.md` and `docs/rules.es.md`,
//! built into the binary, read into blocks the handbook page shows. The
//! files keep a strict layout (`tests/native/rules_doc.rs`): `#`, `##` and
//! `### R-XXX-NN title` headings, paragraphs, `- ` items and `**bold**`.
//! Also here: finding rule ids in any text, so a refusal can link them.

use crate::domain::Lang;

const RULES_EN: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/", "docs/rules.md"));
const RULES_ES: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/", "docs/rules.es.md"));

/// The rules document in `lang`, as written.
pub fn document(lang: Lang) -> &'static str {
    super::pick(lang, RULES_ES, RULES_EN)
}

/// One block of the handbook.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Block<'a> {
    /// The document's `#` title.
    Title(&'a str),
    /// A `##` family of rules (or the glossary).
    Family(&'a str),
    /// A `### R-XXX-NN title` heading: the id and the title after it.
    Rule {
        id: &'a str,
        title: &'a str,
    },
    Paragraph(&'a str),
    /// One `- ` item; consecutive items make one list.
    Item(&'a str),
}

/// The blocks of a rules document, in order. Lines of one paragraph are
/// joined by the caller's reading (each paragraph is one line here).
pub fn blocks(doc: &str) -> Vec<Block<'_>> {
    doc.lines()
        .map(str::trim_end)
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            if let Some(t) = line.strip_prefix("### ") {
                match rule_id_at(t, 0) {
                    Some(end) => Block::Rule {
                        id: &t[..end],
                        title: t[end..].trim(),
                    },
                    None => Block::Family(t.trim()),
                }
            } else if let Some(t) = line.strip_prefix("## ") {
                Block::Family(t.trim())
            } else if let Some(t) = line.strip_prefix("# ") {
                Block::Title(t.trim())
            } else if let Some(t) = line.strip_prefix("- ") {
                Block::Item(t.trim())
            } else {
                Block::Paragraph(line.trim())
            }
        })
        .collect()
}

/// Every rule id with a heading in the handbook of `lang`, in order.
pub fn rule_ids(lang: Lang) -> Vec<&'static str> {
    blocks(document(lang))
        .into_iter()
        .filter_map(|b| match b {
            Block::Rule { id, .. } => Some(id),
            _ => None,
        })
        .collect()
}

/// Whether `id` has a heading in both handbooks (so a link lands).
pub fn has_rule(id: &str) -> bool {
    [Lang::Es, Lang::En]
        .into_iter()
        .all(|lang| rule_ids(lang).contains(&id))
}

/// A piece of inline text: plain, bold, or a rule id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Span<'a> {
    Text(&'a str),
    Bold(&'a str),
    Rule(&'a str),
}

/// Where a rule id (`R-` + two or more capitals + `-` + digits) that
/// starts at byte `i` ends; None when none starts there.
fn rule_id_at(s: &str, i: usize) -> Option<usize> {
    let b = s.as_bytes();
    if !s.get(i..)?.starts_with("R-") {
        return None;
    }
    if i > 0 && (b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'-') {
        return None;
    }
    let letters = b[i + 2..]
        .iter()
        .take_while(|c| c.is_ascii_uppercase())
        .count();
    let dash = i + 2 + letters;
    if letters < 2 || b.get(dash) != Some(&b'-') {
        return None;
    }
    let digits = b[dash + 1..]
        .iter()
        .take_while(|c| c.is_ascii_digit())
        .count();
    let end = dash + 1 + digits;
    let glued = b.get(end).is_some_and(|c| c.is_ascii_alphanumeric());
    (digits > 0 && !glued).then_some(end)
}

/// `text` cut into plain text and rule ids (any text: a refusal, a
/// paragraph of the handbook).
pub fn rule_spans(text: &str) -> Vec<Span<'_>> {
    let mut out = Vec::new();
    let (mut from, mut i) = (0, 0);
    while let Some(off) = text.get(i..).and_then(|t| t.find("R-")) {
        let at = i + off;
        match rule_id_at(text, at) {
            Some(end) => {
                if at > from {
                    out.push(Span::Text(&text[from..at]));
                }
                out.push(Span::Rule(&text[at..end]));
                from = end;
                i = end;
            }
            None => i = at + 2,
        }
    }
    if from < text.len() {
        out.push(Span::Text(&text[from..]));
    }
    out
}

/// A line of the handbook cut into plain text, `**bold**` and rule ids
/// (an unpaired `**` stays as text).
pub fn inline(text: &str) -> Vec<Span<'_>> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find("**") {
        let Some(len) = rest[open + 2..].find("**") else {
            break;
        };
        out.extend(rule_spans(&rest[..open]));
        out.push(Span::Bold(&rest[open + 2..open + 2 + len]));
        rest = &rest[open + 2 + len + 2..];
    }
    out.extend(rule_spans(rest));
    out
}

/// Every rule id cited in `text`.
pub fn cited(text: &str) -> Vec<&str> {
    rule_spans(text)
        .into_iter()
        .filter_map(|s| match s {
            Span::Rule(id) => Some(id),
            _ => None,
        })
        .collect()
}
