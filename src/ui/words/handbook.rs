//! The rules handbook in the app: `docs/rules.md` and `docs/rules.es.md`,
//! read into blocks the handbook page shows. Development builds and the
//! tests carry them inside; the release build (`split`) leaves them out of
//! the main piece and serves them as files beside the pieces (the handbook
//! page fetches its language's, `ui::settings::handbook`). The
//! files keep a strict layout (`tests/native/rules_doc.rs`): `#`, `##` and
//! `### R-XXX-NN title` headings, paragraphs, `- ` items and `**bold**`.
//! Also here: finding rule ids in any text, so a refusal can link them.

use crate::domain::Lang;

#[cfg(not(feature = "split"))]
const RULES_EN: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/", "docs/rules.md"));
#[cfg(not(feature = "split"))]
const RULES_ES: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/", "docs/rules.es.md"));

/// The rules document in `lang`, as written.
#[cfg(not(feature = "split"))]
pub fn document(lang: Lang) -> &'static str {
    super::pick(lang, RULES_ES, RULES_EN)
}

/// Where the release build serves the rules document in `lang`
/// (`scripts/assemble.mjs` copies them there).
pub fn document_path(lang: Lang) -> &'static str {
    super::pick(lang, "/handbook-es.txt", "/handbook-en.txt")
}

/// The largest rules document a fetch accepts (both are near 35 KB).
pub const DOCUMENT_MAX_BYTES: usize = 512 * 1024;

/// Every rule id with a heading in both handbooks, in their order: a
/// refusal's id becomes a link only when it is here. Kept as a list so
/// links work without the documents at hand; `tests/native/handbook.rs`
/// proves it equals the headings of both.
pub const RULE_IDS: &[&str] = &[
    "R-ROL-01", "R-ROL-02", "R-CUS-01", "R-CUS-02", "R-CUS-03", "R-CUS-04", "R-CUS-05", "R-CON-01",
    "R-CON-02", "R-CON-03", "R-CON-04", "R-CMP-01", "R-CMP-02", "R-CMP-03", "R-CMP-04", "R-CMP-05",
    "R-CMP-06", "R-RV-01", "R-RV-02", "R-RV-03", "R-RV-04", "R-RV-05", "R-RV-06", "R-RV-07",
    "R-RV-08", "R-OPS-01", "R-OPS-02", "R-OPS-03", "R-OPS-04", "R-LV-01", "R-LV-02", "R-LV-03",
    "R-LV-04", "R-LV-05", "R-LV-06", "R-SW-01", "R-SW-02", "R-SW-03", "R-SW-04", "R-SW-05",
    "R-ATT-01", "R-ATT-02", "R-QA-01", "R-QA-02", "R-QA-03", "R-QA-04", "R-STD-01", "R-STD-02",
    "R-STD-03", "R-KB-01", "R-KB-02", "R-ESC-01", "R-SEC-01", "R-SEC-02", "R-REP-01", "R-REP-02",
    "R-REP-03",
];

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

/// Every rule id with a heading in a rules document, in order.
pub fn rule_ids(doc: &str) -> Vec<&str> {
    blocks(doc)
        .into_iter()
        .filter_map(|b| match b {
            Block::Rule { id, .. } => Some(id),
            _ => None,
        })
        .collect()
}

/// Whether `id` has a heading in both handbooks (so a link lands).
pub fn has_rule(id: &str) -> bool {
    RULE_IDS.contains(&id)
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
