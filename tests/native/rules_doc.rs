//! The rules live in the repository: `docs/rules.md` (English) and
//! `docs/rules.es.md` (Spanish) hold every rule id the code, the tests and the
//! README cite, in the same order, in the strict layout the in-app handbook
//! parses:
//!
//! - `# title` once, as the first line, then an introduction;
//! - `## family` sections; `### R-XXX-NN short title` rules inside them, each
//!   with at least one paragraph of text; a section with no rules is text
//!   (the glossary);
//! - plain paragraphs, `- ` lists and `**bold**` only: no tables, HTML,
//!   links, code, numbered or nested lists, and a blank line around headings.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

const DOCS: [&str; 2] = ["docs/rules.md", "docs/rules.es.md"];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read_doc(rel: &str) -> String {
    fs::read_to_string(root().join(rel)).unwrap_or_else(|e| panic!("{rel} must exist: {e}"))
}

#[derive(Debug, Default)]
struct Rule {
    id: String,
    /// Lines of text under the heading, blank lines kept.
    body: Vec<String>,
}

#[derive(Debug, Default)]
struct Family {
    title: String,
    intro: Vec<String>,
    rules: Vec<Rule>,
}

#[derive(Debug, Default)]
struct Doc {
    title: String,
    intro: Vec<String>,
    families: Vec<Family>,
}

impl Doc {
    fn rule_ids(&self) -> Vec<&str> {
        self.families
            .iter()
            .flat_map(|f| f.rules.iter().map(|r| r.id.as_str()))
            .collect()
    }
}

/// `R-` + two or more capitals + `-` + digits, starting at byte `i`.
/// Returns the id and where it ends.
fn id_at(s: &str, i: usize) -> Option<(String, usize)> {
    let b = s.as_bytes();
    if !s[i..].starts_with("R-") {
        return None;
    }
    if i > 0 && (b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'-') {
        return None;
    }
    let mut j = i + 2;
    while j < b.len() && b[j].is_ascii_uppercase() {
        j += 1;
    }
    if j - (i + 2) < 2 || j >= b.len() || b[j] != b'-' {
        return None;
    }
    let digits = j + 1;
    let mut k = digits;
    while k < b.len() && b[k].is_ascii_digit() {
        k += 1;
    }
    if k == digits {
        return None;
    }
    Some((s[i..k].to_string(), k))
}

/// Every rule id cited in `text`; a range such as `R-LV-01..06` cites each
/// id from the first to the last.
fn cited_ids(text: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut i = 0;
    while let Some(off) = text[i..].find("R-") {
        let at = i + off;
        let Some((id, end)) = id_at(text, at) else {
            i = at + 2;
            continue;
        };
        out.insert(id.clone());
        i = end;
        let rest = &text[end..];
        if let Some(tail) = rest.strip_prefix("..") {
            let n: String = tail.chars().take_while(char::is_ascii_digit).collect();
            let (prefix, first) = id.rsplit_once('-').unwrap_or((&id, ""));
            if let (Ok(a), Ok(z)) = (first.parse::<u32>(), n.parse::<u32>()) {
                for k in a.saturating_add(1)..=z.min(a.saturating_add(99)) {
                    out.insert(format!("{prefix}-{k:02}"));
                }
                i = end + 2 + n.len();
            }
        }
    }
    out
}

/// What a line of body text may not contain, as (needle, reason).
const FORBIDDEN: &[(&str, &str)] = &[
    ("<", "HTML (or a bare `<`)"),
    ("](", "a link"),
    ("://", "a web address"),
    ("`", "code"),
    ("\t", "a tab"),
    ("__", "underscore emphasis"),
];

/// Reads a rules document, collecting every layout problem instead of
/// stopping at the first.
fn parse(text: &str) -> (Doc, Vec<String>) {
    let mut doc = Doc::default();
    let mut problems = Vec::new();
    let lines: Vec<&str> = text.lines().collect();
    let mut seen = BTreeSet::new();
    for (n, line) in lines.iter().enumerate() {
        let at = format!("line {}", n + 1);
        let mut bad = |why: &str| problems.push(format!("{at}: {why}: {line:?}"));
        let blank_around = |k: usize| {
            (k == 0 || lines[k - 1].trim().is_empty())
                && lines.get(k + 1).is_none_or(|l| l.trim().is_empty())
        };
        if line.starts_with('#') {
            if !blank_around(n) {
                bad("a heading needs a blank line before and after it");
            }
            if let Some(t) = line.strip_prefix("# ") {
                if n != 0 || !doc.title.is_empty() {
                    bad("the `# title` comes once, as the first line");
                }
                doc.title = t.trim().to_string();
            } else if let Some(t) = line.strip_prefix("## ") {
                doc.families.push(Family {
                    title: t.trim().to_string(),
                    ..Family::default()
                });
            } else if let Some(t) = line.strip_prefix("### ") {
                let parsed = id_at(t, 0).filter(|(_, end)| t[*end..].starts_with(' '));
                match (parsed, doc.families.last_mut()) {
                    (None, _) => bad("a `###` heading is `### R-XXX-NN short title`"),
                    (Some(_), None) => bad("a rule comes inside a `##` family"),
                    (Some((id, end)), Some(family)) => {
                        if t[end..].trim().is_empty() {
                            bad("the rule needs a short title after its id");
                        }
                        if !seen.insert(id.clone()) {
                            bad("this rule id appears twice");
                        }
                        family.rules.push(Rule {
                            id,
                            body: Vec::new(),
                        });
                    }
                }
            } else {
                bad("only `#`, `##` and `###` headings, with a space after the marks");
            }
            if line.trim_start_matches('#').trim().is_empty() {
                bad("a heading needs text");
            }
            continue;
        }
        if n == 0 {
            bad("the document starts with its `# title`");
        }
        let trimmed = line.trim_start();
        if trimmed.starts_with('|') || line.contains(" | ") {
            bad("no tables");
        }
        if trimmed.starts_with('>') {
            bad("no block quotes");
        }
        if line.len() != trimmed.len() {
            bad("no indented lines (code blocks, nested lists)");
        }
        if line.ends_with(' ') {
            bad("no trailing spaces (a hard line break)");
        }
        if trimmed.starts_with("* ") || trimmed.starts_with("+ ") {
            bad("lists use `- `");
        }
        let digits = trimmed.chars().take_while(char::is_ascii_digit).count();
        if digits > 0 && trimmed[digits..].starts_with(". ") {
            bad("no numbered lists; write `- ` items");
        }
        for (needle, why) in FORBIDDEN {
            if line.contains(needle) {
                bad(&format!("no {why}"));
            }
        }
        if line.matches("**").count() % 2 != 0 || line.replace("**", "").contains('*') {
            bad("only `**bold**` pairs, within one line");
        }
        let owned = line.to_string();
        match doc.families.last_mut() {
            None => doc.intro.push(owned),
            Some(f) => match f.rules.last_mut() {
                None => f.intro.push(owned),
                Some(r) => r.body.push(owned),
            },
        }
    }
    (doc, problems)
}

/// Text lines that are paragraphs, not list items.
fn paragraphs(lines: &[String]) -> usize {
    lines
        .iter()
        .filter(|l| !l.trim().is_empty() && !l.starts_with("- "))
        .count()
}

fn list_items(lines: &[String]) -> usize {
    lines.iter().filter(|l| l.starts_with("- ")).count()
}

/// Content problems beyond the line layout: an introduction, rules with
/// text, one id prefix per family in ascending order.
fn content_problems(doc: &Doc) -> Vec<String> {
    let mut out = Vec::new();
    if doc.title.is_empty() {
        out.push("no `# title`".to_string());
    }
    if paragraphs(&doc.intro) == 0 {
        out.push("no introduction under the title".to_string());
    }
    if doc.families.iter().all(|f| f.rules.is_empty()) {
        out.push("no rules at all".to_string());
    }
    for f in &doc.families {
        if f.rules.is_empty() && paragraphs(&f.intro) + list_items(&f.intro) == 0 {
            out.push(format!("section {:?} is empty", f.title));
        }
        let mut last: Option<(&str, u32)> = None;
        for r in &f.rules {
            if paragraphs(&r.body) == 0 {
                out.push(format!("{} has no paragraph of text", r.id));
            }
            let (prefix, num) = r.id.rsplit_once('-').unwrap_or((&r.id, ""));
            let num: u32 = num.parse().unwrap_or(0);
            if let Some((p, k)) = last {
                if p != prefix {
                    out.push(format!("{} in family {:?} of {p}", r.id, f.title));
                } else if num <= k {
                    out.push(format!("{} is out of order in {:?}", r.id, f.title));
                }
            }
            last = Some((prefix, num));
        }
    }
    out
}

fn parsed(rel: &str) -> Doc {
    let (doc, layout) = parse(&read_doc(rel));
    assert!(
        layout.is_empty(),
        "{rel} breaks the handbook layout:\n{}",
        layout.join("\n")
    );
    doc
}

/// Text files under `dir`, skipping symbolic links (node_modules).
fn text_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let Ok(meta) = fs::symlink_metadata(&path) else {
            continue;
        };
        if meta.file_type().is_symlink() {
            continue;
        } else if meta.is_dir() {
            text_files(&path, out);
        } else if meta.len() < 4_000_000 {
            out.push(path);
        }
    }
}

/// Rule ids cited anywhere in src/, tests/ (but this file) and the README,
/// with the files that cite each.
fn ids_cited_by_the_project() -> BTreeMap<String, Vec<String>> {
    let root = root();
    let mut files = vec![root.join("README.md")];
    text_files(&root.join("src"), &mut files);
    text_files(&root.join("tests"), &mut files);
    let me = root.join("tests").join("native").join("rules_doc.rs");
    let mut cited: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for file in files.into_iter().filter(|f| *f != me) {
        let Ok(text) = fs::read_to_string(&file) else {
            continue; // not UTF-8 text
        };
        let name = file
            .strip_prefix(&root)
            .unwrap_or(&file)
            .display()
            .to_string();
        for id in cited_ids(&text) {
            cited.entry(id).or_default().push(name.clone());
        }
    }
    cited
}

#[test]
fn rules_docs_follow_the_handbook_layout() {
    for rel in DOCS {
        let doc = parsed(rel);
        let problems = content_problems(&doc);
        assert!(problems.is_empty(), "{rel}:\n{}", problems.join("\n"));
    }
}

#[test]
fn every_rule_id_the_project_cites_is_in_both_rule_docs() {
    let cited = ids_cited_by_the_project();
    assert!(
        cited.contains_key("R-ROL-02") && cited.len() > 30,
        "the scan found too few citations: {:?}",
        cited.keys().collect::<Vec<_>>()
    );
    for rel in DOCS {
        let doc = parsed(rel);
        let have: BTreeSet<&str> = doc.rule_ids().into_iter().collect();
        let missing: Vec<String> = cited
            .iter()
            .filter(|(id, _)| !have.contains(id.as_str()))
            .map(|(id, files)| format!("{id} (cited in {})", files.join(", ")))
            .collect();
        assert!(
            missing.is_empty(),
            "{rel} has no `### ` heading for:\n{}",
            missing.join("\n")
        );
    }
}

#[test]
fn both_languages_have_the_same_rules_in_the_same_order() {
    let [en, es] = DOCS.map(parsed);
    assert_eq!(
        en.rule_ids(),
        es.rule_ids(),
        "docs/rules.md and docs/rules.es.md must list the same rule ids in the same order"
    );
    let shape = |d: &Doc| -> Vec<(Vec<String>, usize)> {
        d.families
            .iter()
            .map(|f| {
                let ids = f.rules.iter().map(|r| r.id.clone()).collect();
                let text_items = if f.rules.is_empty() {
                    list_items(&f.intro)
                } else {
                    0
                };
                (ids, text_items)
            })
            .collect()
    };
    assert_eq!(
        shape(&en),
        shape(&es),
        "the two files need the same families, each with the same rules \
         (and the same number of entries in sections without rules, the glossary)"
    );
}

#[test]
fn rule_ids_mentioned_inside_the_docs_exist() {
    for rel in DOCS {
        let text = read_doc(rel);
        let doc = parsed(rel);
        let have: BTreeSet<&str> = doc.rule_ids().into_iter().collect();
        let dangling: Vec<String> = cited_ids(&text)
            .into_iter()
            .filter(|id| !have.contains(id.as_str()))
            .collect();
        assert!(
            dangling.is_empty(),
            "{rel} mentions unknown rules: {dangling:?}"
        );
    }
}

/// The checks themselves: each kind of breakage in a small document is
/// reported, so a passing run means the real files are clean.
#[test]
fn the_layout_check_catches_each_kind_of_breakage() {
    let good = "# T\n\nIntro.\n\n## F\n\n### R-AB-01 Title\n\nText.\n\n### R-AB-02 Two\n\n- a list\n\nMore **bold** text.\n\n## Glossary\n\n- **term**: meaning\n";
    let (doc, layout) = parse(good);
    assert!(layout.is_empty(), "{layout:?}");
    assert!(content_problems(&doc).is_empty());
    assert_eq!(doc.rule_ids(), ["R-AB-01", "R-AB-02"]);

    let broken_layout = [
        ("table", good.replace("Text.", "| a | b |")),
        ("html", good.replace("Text.", "Text <b>x</b>.")),
        ("link", good.replace("Text.", "See [x](y).")),
        ("code", good.replace("Text.", "Use `x`.")),
        ("numbered list", good.replace("- a list", "1. a list")),
        ("nested list", good.replace("- a list", "  - a list")),
        ("star list", good.replace("- a list", "* a list")),
        ("lone star", good.replace("**bold**", "*bold*")),
        ("unpaired bold", good.replace("**bold**", "**bold")),
        (
            "no blank line",
            good.replace("Title\n\nText", "Title\nText"),
        ),
        ("deep heading", good.replace("### R-AB-02", "#### R-AB-02")),
        (
            "rule without id",
            good.replace("### R-AB-02 Two", "### Two"),
        ),
        (
            "id without title",
            good.replace("### R-AB-02 Two", "### R-AB-02"),
        ),
        ("duplicate id", good.replace("R-AB-02", "R-AB-01")),
        ("second title", good.replace("## F", "# F")),
        ("rule outside family", good.replace("## F\n\n", "")),
        ("trailing space", good.replace("Text.", "Text.  ")),
    ];
    for (what, text) in broken_layout {
        let (_, layout) = parse(&text);
        assert!(!layout.is_empty(), "{what} went unnoticed:\n{text}");
    }

    let broken_content = [
        ("empty rule", good.replace("Text.\n\n", "")),
        (
            "rule with only a list",
            good.replace("More **bold** text.\n\n", ""),
        ),
        ("no intro", good.replace("Intro.\n\n", "")),
        ("out of order", good.replace("R-AB-02", "R-AB-00")),
        ("mixed family", good.replace("R-AB-02", "R-CD-02")),
        ("empty section", good.replace("- **term**: meaning\n", "")),
    ];
    for (what, text) in broken_content {
        let (doc, layout) = parse(&text);
        assert!(
            !layout.is_empty() || !content_problems(&doc).is_empty(),
            "{what} went unnoticed:\n{text}"
        );
    }
}

#[test]
fn citations_are_read_with_their_ranges() {
    let ids = cited_ids("Leave (R-LV-01..03), R-SW-05; not XR-AB-01, R-A-01 or R-CON-.");
    let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
    assert_eq!(ids, ["R-LV-01", "R-LV-02", "R-LV-03", "R-SW-05"]);
}
