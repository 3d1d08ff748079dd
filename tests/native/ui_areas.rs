//! Issue 11 item 5 and item 3 for `src/ui`: the interface is pages per area
//! plus a small kit. An area folder (`ui/customers/`, `ui/complaints/`, …)
//! never names another area, and no two ui modules import each other
//! (directly or round a longer loop), so a page can be read, moved or
//! removed without touching its neighbours.
//!
//! The imports are read from the source text: every `crate::ui::…` path
//! (in a `use` line or written inline) and every `use super::…` line,
//! resolved to the module file it names.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// The folders that hold one area's pages each. Everything else under
/// `src/ui` is the shell, the kit or the words, which any area may use.
const AREAS: &[&str] = &[
    "customers",
    "answers",
    "quality",
    "reports",
    "standards",
    "complaints",
    "escalations",
    "visits",
    "dept",
    "sync",
    "today",
    "people",
    "settings",
];

fn ui_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src").join("ui")
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// The module path of a file under `src/ui`: `ui/dept/mod.rs` → ["dept"],
/// `ui/dept/leave.rs` → ["dept", "leave"], `ui/mod.rs` → [].
fn module_of(file: &Path) -> Vec<String> {
    let rel = file.strip_prefix(ui_root()).unwrap_or(file);
    let mut parts: Vec<String> = rel
        .iter()
        .map(|s| s.to_string_lossy().trim_end_matches(".rs").to_string())
        .collect();
    if parts.last().is_some_and(|p| p == "mod") {
        parts.pop();
    }
    parts
}

/// The source without comments (a doc comment may name a module).
fn code_of(text: &str) -> String {
    text.lines()
        .map(|l| match l.find("//") {
            Some(i) if !l[..i].contains('"') => &l[..i],
            _ => l,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Identifiers following `prefix` in `text`, as `a::b::c` segment lists
/// (up to the first character that is not a path character).
fn paths_after(text: &str, prefix: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(i) = rest.find(prefix) {
        // `super::super::x` is read once, from its first `super::`.
        let chained = rest[..i].ends_with("::");
        rest = &rest[i + prefix.len()..];
        if chained {
            continue;
        }
        let end = rest
            .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
            .unwrap_or(rest.len());
        let segs: Vec<String> = rest[..end]
            .split("::")
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect();
        // `use crate::ui::{a, b::c}`: each item of the group.
        if rest[end..].starts_with('{') && segs.is_empty() {
            let close = rest.find('}').unwrap_or(rest.len());
            for item in rest[end + 1..close].split(',') {
                let item: Vec<String> = item
                    .trim()
                    .split("::")
                    .map(|s| s.trim().to_string())
                    .filter(|s| !s.is_empty())
                    .collect();
                if !item.is_empty() {
                    out.push(item);
                }
            }
        } else if !segs.is_empty() {
            out.push(segs);
        }
    }
    out
}

struct Tree {
    /// Module path → its file.
    files: BTreeMap<Vec<String>, PathBuf>,
}

impl Tree {
    fn read() -> Tree {
        let mut all = Vec::new();
        rust_files(&ui_root(), &mut all);
        Tree {
            files: all.into_iter().map(|f| (module_of(&f), f)).collect(),
        }
    }

    /// The longest prefix of `path` that is a module file of the ui.
    fn resolve(&self, path: &[String]) -> Option<Vec<String>> {
        (1..=path.len())
            .rev()
            .map(|n| path[..n].to_vec())
            .find(|p| self.files.contains_key(p))
    }

    /// Every ui module a module names, other than itself (a `mod.rs`
    /// declaring or re-exporting its children with relative paths is not
    /// read as an import; a child's `use super::…` is).
    fn imports(&self, module: &[String], text: &str) -> BTreeSet<Vec<String>> {
        let code = code_of(text);
        let mut named: Vec<Vec<String>> = paths_after(&code, "crate::ui::");
        // `super::` is relative to the module's parent (a file) or to the
        // folder's parent (a `mod.rs`); both are `module` minus its last part.
        for p in paths_after(&code, "super::") {
            let mut full: Vec<String> = module[..module.len().saturating_sub(1)].to_vec();
            let mut rest = p.as_slice();
            while let Some(("super", tail)) = rest.split_first().map(|(h, t)| (h.as_str(), t)) {
                full.pop();
                rest = tail;
            }
            full.extend(rest.iter().cloned());
            named.push(full);
        }
        named
            .iter()
            .filter_map(|p| self.resolve(p))
            .filter(|p| p.as_slice() != module)
            .collect()
    }

    fn graph(&self) -> BTreeMap<Vec<String>, BTreeSet<Vec<String>>> {
        self.files
            .iter()
            .map(|(m, f)| {
                let text = fs::read_to_string(f).unwrap_or_default();
                (m.clone(), self.imports(m, &text))
            })
            .collect()
    }
}

fn name(m: &[String]) -> String {
    format!("ui::{}", m.join("::"))
}

/// The area a module belongs to, if it is in an area folder.
fn area_of(m: &[String]) -> Option<&str> {
    let first = m.first()?;
    AREAS.iter().copied().find(|a| a == first)
}

#[test]
fn item5_no_ui_area_imports_another_area() {
    let tree = Tree::read();
    let mut offences = Vec::new();
    for (m, deps) in tree.graph() {
        let Some(area) = area_of(&m) else { continue };
        for d in deps {
            if let Some(other) = area_of(&d) {
                if other != area {
                    offences.push(format!("{} imports {}", name(&m), name(&d)));
                }
            }
        }
    }
    assert!(
        offences.is_empty(),
        "an area must not import another area (move what they share into the kit):\n{}",
        offences.join("\n")
    );
}

/// Strongly connected groups of more than one module (Tarjan's algorithm,
/// iterative over a small graph).
fn cycles(graph: &BTreeMap<Vec<String>, BTreeSet<Vec<String>>>) -> Vec<Vec<String>> {
    let nodes: Vec<&Vec<String>> = graph.keys().collect();
    let index_of: BTreeMap<&Vec<String>, usize> =
        nodes.iter().enumerate().map(|(i, n)| (*n, i)).collect();
    let edges: Vec<Vec<usize>> = nodes
        .iter()
        .map(|n| {
            graph[*n]
                .iter()
                .filter_map(|d| index_of.get(d).copied())
                .collect()
        })
        .collect();
    // Reachability by repeated search: fine for a few dozen modules.
    let reach = |from: usize| {
        let mut seen = vec![false; nodes.len()];
        let mut stack = vec![from];
        while let Some(n) = stack.pop() {
            for &d in &edges[n] {
                if !seen[d] {
                    seen[d] = true;
                    stack.push(d);
                }
            }
        }
        seen
    };
    let reaches: Vec<Vec<bool>> = (0..nodes.len()).map(reach).collect();
    let mut done = vec![false; nodes.len()];
    let mut out = Vec::new();
    for a in 0..nodes.len() {
        if done[a] || !reaches[a][a] {
            continue;
        }
        let group: Vec<usize> = (0..nodes.len())
            .filter(|&b| reaches[a][b] && reaches[b][a])
            .collect();
        for &b in &group {
            done[b] = true;
        }
        out.push(group.iter().map(|&b| name(nodes[b])).collect());
    }
    out
}

#[test]
fn item3_no_import_circle_between_ui_modules() {
    let found = cycles(&Tree::read().graph());
    assert!(
        found.is_empty(),
        "ui modules that import each other (round a loop):\n{}",
        found
            .iter()
            .map(|c| c.join(" -> "))
            .collect::<Vec<_>>()
            .join("\n")
    );
}

/// The reader itself: a planted loop and a planted cross-area import are
/// seen (so a passing run means the tree is clean, not that nothing is read).
#[test]
fn item3_the_ui_import_reader_sees_loops_and_groups() {
    let tree = Tree {
        files: [
            vec!["kit".to_string()],
            vec!["kit".to_string(), "a".to_string()],
            vec!["dept".to_string()],
            vec!["visits".to_string()],
            vec!["visits".to_string(), "call".to_string()],
        ]
        .into_iter()
        .map(|m| (m, PathBuf::new()))
        .collect(),
    };
    let visits_call = vec!["visits".to_string(), "call".to_string()];
    let got = tree.imports(
        &visits_call,
        "use super::x;\nlet o = super::super::kit::a::o();\n// use crate::ui::dept::y;\nuse crate::ui::{kit::a::f, dept::z};\nfn f() { crate::ui::kit::g(); }",
    );
    let want: BTreeSet<Vec<String>> = [
        vec!["kit".to_string(), "a".to_string()],
        vec!["dept".to_string()],
        vec!["kit".to_string()],
        vec!["visits".to_string()],
    ]
    .into_iter()
    .collect();
    assert_eq!(got, want);
    let mut graph = BTreeMap::new();
    graph.insert(vec!["a".to_string()], [vec!["b".to_string()]].into());
    graph.insert(vec!["b".to_string()], [vec!["a".to_string()]].into());
    graph.insert(vec!["c".to_string()], [vec!["a".to_string()]].into());
    assert_eq!(
        cycles(&graph),
        vec![vec!["ui::a".to_string(), "ui::b".to_string()]]
    );
}

/// Issue 11 item 6: every word has one home, `ui/words/`. A screen that
/// picks its text by language inline (`if es { … }`, a `Lang::Es => "…"`
/// arm) keeps words out of the table and out of its completeness check.
#[test]
fn item6_no_inline_language_text_outside_words() {
    let mut files = Vec::new();
    rust_files(&ui_root(), &mut files);
    let words = ui_root().join("words");
    let patterns = [
        "if es ",
        "let es =",
        "Lang::Es => \"",
        "Lang::En => \"",
        "Lang::Es => format!",
        "Lang::En => format!",
    ];
    let offences: Vec<String> = files
        .iter()
        .filter(|f| !f.starts_with(&words))
        .flat_map(|f| {
            let code = code_of(&fs::read_to_string(f).unwrap_or_default());
            patterns
                .iter()
                .filter(|p| code.contains(*p))
                .map(|p| format!("{} has `{p}`", f.display()))
                .collect::<Vec<_>>()
        })
        .collect();
    assert!(
        offences.is_empty(),
        "words belong in ui/words (both languages in one match):\n{}",
        offences.join("\n")
    );
}
