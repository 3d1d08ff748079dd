//! The layers point one way (`ui` → `store` → `domain` → `sync`) and no
//! two modules import each other, directly or round a longer loop. Read
//! from the source text: every `use crate::…` (and `super::…`, nested
//! braces included) and every `crate::…` path written inline. A path that
//! reaches a folder's `mod.rs` through a re-export (`pub use x::*`) is
//! followed to the file that defines the name, so a re-export never hides
//! a loop nor invents one.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// Lower number = lower layer; a file may import its own layer or below.
const LAYERS: &[(&str, u8)] = &[("sync", 0), ("domain", 1), ("store", 2), ("ui", 3)];

type Module = Vec<String>;

struct Source {
    module: Module,
    text: String,
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for path in entries.flatten().map(|e| e.path()) {
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

fn sources() -> BTreeMap<Module, Source> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut all = BTreeMap::new();
    for f in files {
        let rel = f.strip_prefix(&src).unwrap_or(&f);
        let mut module: Module = rel
            .iter()
            .map(|p| p.to_string_lossy().trim_end_matches(".rs").to_string())
            .collect();
        if matches!(
            module.last().map(String::as_str),
            Some("mod" | "lib" | "main")
        ) {
            module.pop();
        }
        let text = fs::read_to_string(&f).unwrap_or_default();
        // Unit tests inside a file may reach anywhere; they are not the layout.
        let text = match text.find("#[cfg(test)]") {
            Some(i) => text[..i].to_string(),
            None => text,
        };
        all.insert(module.clone(), Source { module, text });
    }
    all
}

/// `a::{b::{c, d}, e}` → `a::b::c`, `a::b::d`, `a::e`.
fn expand(tree: &str) -> Vec<String> {
    let tree: String = tree.chars().filter(|c| !c.is_whitespace()).collect();
    let Some(open) = tree.find('{') else {
        return vec![tree.split(" as ").next().unwrap_or_default().to_string()];
    };
    let prefix = &tree[..open];
    let inner = tree[open + 1..]
        .strip_suffix('}')
        .unwrap_or(&tree[open + 1..]);
    let mut parts = Vec::new();
    let (mut depth, mut start) = (0, 0);
    for (i, c) in inner.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(&inner[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&inner[start..]);
    parts
        .into_iter()
        .filter(|p| !p.is_empty())
        .flat_map(|p| expand(p).into_iter().map(move |q| format!("{prefix}{q}")))
        .collect()
}

/// Every path a file names: `use` trees and inline `crate::…` paths,
/// made absolute (without `crate::`).
fn paths_named(source: &Source) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let text = &source.text;
    let mut rest = text.as_str();
    while let Some(i) = rest.find("use ") {
        let before = &rest[..i];
        rest = &rest[i + 4..];
        let at_line_start = before.rsplit('\n').next().is_some_and(|l| {
            l.trim().is_empty() || l.trim() == "pub" || l.trim().starts_with("pub(")
        });
        if !at_line_start {
            continue;
        }
        let Some(end) = rest.find(';') else { break };
        for p in expand(&rest[..end]) {
            out.push(p);
        }
        rest = &rest[end..];
    }
    for start in ["crate::", "super::"] {
        for (i, _) in text.match_indices(start) {
            let glued = text[..i]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':');
            if glued {
                continue;
            }
            let tail: String = text[i..]
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
                .collect();
            out.push(tail.trim_end_matches(':').to_string());
        }
    }
    out.into_iter()
        .filter_map(|p| absolute(&source.module, &p))
        .collect()
}

fn absolute(module: &Module, path: &str) -> Option<Vec<String>> {
    let segs: Vec<String> = path
        .split("::")
        .filter(|s| !s.is_empty())
        .map(String::from)
        .collect();
    match segs.first().map(String::as_str) {
        Some("crate") => Some(segs[1..].to_vec()),
        Some("super") => {
            // `super` of a file module is its folder's module.
            let mut base = module.clone();
            let mut rest = &segs[..];
            while rest.first().is_some_and(|s| s == "super") {
                base.pop()?;
                rest = &rest[1..];
            }
            Some(base.into_iter().chain(rest.iter().cloned()).collect())
        }
        Some("self") => Some(
            module
                .iter()
                .cloned()
                .chain(segs[1..].iter().cloned())
                .collect(),
        ),
        _ => None,
    }
}

/// The file a path lands in: the longest module prefix, followed through
/// a folder's re-exports to the file that defines the name.
fn resolve(all: &BTreeMap<Module, Source>, path: &[String], depth: u8) -> Option<Module> {
    let n = (0..=path.len())
        .rev()
        .find(|n| all.contains_key(&path[..*n]))?;
    let module = path[..n].to_vec();
    let Some(name) = path.get(n) else {
        return Some(module);
    };
    if depth > 8 || name == "self" || name == "*" {
        return Some(module);
    }
    let text = &all[&module].text;
    if defines(text, name) {
        return Some(module);
    }
    // A re-export: `pub use sub::Name`, `pub use sub::{…Name…}` or `pub use sub::*`.
    for line in text
        .lines()
        .filter(|l| l.trim_start().starts_with("pub use "))
    {
        let tree = line
            .trim_start()
            .trim_start_matches("pub use ")
            .trim_end_matches(';');
        for p in expand(tree) {
            let Some(abs) = absolute_from_mod(&module, &p) else {
                continue;
            };
            let last = abs.last().map(String::as_str);
            if last == Some(name.as_str()) {
                return resolve(all, &abs, depth + 1).or(Some(module));
            }
            if last == Some("*") {
                let target = abs[..abs.len() - 1].to_vec();
                if all.get(&target).is_some_and(|s| defines(&s.text, name)) {
                    return Some(target);
                }
            }
        }
    }
    Some(module)
}

/// In a `mod.rs`, a plain `pub use sub::x` names a child module.
fn absolute_from_mod(module: &Module, path: &str) -> Option<Vec<String>> {
    if path.starts_with("crate::") || path.starts_with("super::") || path.starts_with("self::") {
        return absolute(module, path);
    }
    Some(
        module
            .iter()
            .cloned()
            .chain(path.split("::").map(String::from))
            .collect(),
    )
}

fn defines(text: &str, name: &str) -> bool {
    [
        "fn", "struct", "enum", "const", "type", "trait", "static", "mod",
    ]
    .iter()
    .any(|kw| {
        text.contains(&format!("pub {kw} {name}"))
            || text.contains(&format!("pub(crate) {kw} {name}"))
    }) || text.contains(&format!("code_enum!({name} "))
}

fn edges() -> BTreeMap<Module, BTreeSet<Module>> {
    let all = sources();
    let mut graph = BTreeMap::new();
    for (module, source) in &all {
        let targets: BTreeSet<Module> = paths_named(source)
            .iter()
            .filter_map(|p| resolve(&all, p, 0))
            .filter(|t| t != module && !t.is_empty())
            // Reaching into one's own submodule is how a folder is built.
            .filter(|t| !(t.len() > module.len() && t.starts_with(module)))
            .collect();
        graph.insert(module.clone(), targets);
    }
    graph
}

fn layer(m: &Module) -> Option<u8> {
    let top = m.first()?;
    LAYERS.iter().find(|(name, _)| name == top).map(|(_, n)| *n)
}

fn show(m: &Module) -> String {
    format!("src/{}", m.join("/"))
}

#[test]
fn imports_only_point_down_the_layers() {
    let mut offences = Vec::new();
    for (from, targets) in edges() {
        let Some(mine) = layer(&from) else { continue };
        for to in targets {
            if layer(&to).is_some_and(|theirs| theirs > mine) {
                offences.push(format!(
                    "{} imports {} (a higher layer)",
                    show(&from),
                    show(&to)
                ));
            }
        }
    }
    assert!(
        offences.is_empty(),
        "layers point ui → store → domain → sync:\n{}",
        offences.join("\n")
    );
}

/// Tarjan's strongly connected components; any with two or more modules is a loop.
fn circles(graph: &BTreeMap<Module, BTreeSet<Module>>) -> Vec<Vec<Module>> {
    struct State<'a> {
        graph: &'a BTreeMap<Module, BTreeSet<Module>>,
        index: BTreeMap<&'a Module, usize>,
        low: BTreeMap<&'a Module, usize>,
        stack: Vec<&'a Module>,
        on_stack: BTreeSet<&'a Module>,
        found: Vec<Vec<Module>>,
    }
    fn visit<'a>(s: &mut State<'a>, v: &'a Module) {
        let i = s.index.len();
        s.index.insert(v, i);
        s.low.insert(v, i);
        s.stack.push(v);
        s.on_stack.insert(v);
        let graph = s.graph;
        for w in graph.get(v).into_iter().flatten() {
            let Some((w, _)) = graph.get_key_value(w) else {
                continue;
            };
            if !s.index.contains_key(w) {
                visit(s, w);
                let lw = s.low[w];
                let lv = s.low[v];
                s.low.insert(v, lv.min(lw));
            } else if s.on_stack.contains(w) {
                let iw = s.index[w];
                let lv = s.low[v];
                s.low.insert(v, lv.min(iw));
            }
        }
        if s.low[v] == s.index[v] {
            let mut component = Vec::new();
            while let Some(w) = s.stack.pop() {
                s.on_stack.remove(w);
                component.push(w.clone());
                if w == v {
                    break;
                }
            }
            if component.len() > 1 {
                component.sort();
                s.found.push(component);
            }
        }
    }
    let mut s = State {
        graph,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        found: Vec::new(),
    };
    for v in graph.keys() {
        if !s.index.contains_key(v) {
            visit(&mut s, v);
        }
    }
    s.found
}

#[test]
fn no_module_imports_itself_round_a_loop() {
    let found: Vec<String> = circles(&edges())
        .iter()
        .map(|c| c.iter().map(show).collect::<Vec<_>>().join(" ↔ "))
        .collect();
    assert!(found.is_empty(), "import circles:\n{}", found.join("\n"));
}

#[test]
fn the_import_reader_sees_a_loop_and_an_upward_import() {
    // The checks above are only as good as this reader: a made-up pair of
    // files that import each other, one of them a layer up, must be seen.
    let a: Module = vec!["domain".into(), "a".into()];
    let b: Module = vec!["ui".into(), "b".into()];
    let graph = BTreeMap::from([
        (a.clone(), BTreeSet::from([b.clone()])),
        (b.clone(), BTreeSet::from([a.clone()])),
    ]);
    assert_eq!(circles(&graph), vec![vec![a.clone(), b.clone()]]);
    assert!(layer(&b) > layer(&a));
    assert_eq!(
        expand("crate::domain::{dept::{leave, swap::Swap}, Model}"),
        vec![
            "crate::domain::dept::leave",
            "crate::domain::dept::swap::Swap",
            "crate::domain::Model"
        ]
    );
    let leave = Source {
        module: vec!["domain".into(), "dept".into(), "leave".into()],
        text: "use super::records::*;\nuse crate::sync::RecordId;\n".into(),
    };
    assert_eq!(
        paths_named(&leave),
        vec![
            vec![
                "domain".to_string(),
                "dept".into(),
                "records".into(),
                "*".into()
            ],
            vec!["sync".to_string(), "RecordId".into()],
            vec!["sync".to_string(), "RecordId".into()],
            vec!["domain".to_string(), "dept".into(), "records".into()],
        ]
    );
}
