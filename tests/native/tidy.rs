//! Architecture rules the compiler cannot see (rust-analyzer keeps such
//! rules in a tidy test too): the core stays pure, files stay small.

use std::fs;
use std::path::{Path, PathBuf};

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in fs::read_dir(dir).expect("source folder readable").flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
    out
}

#[test]
fn domain_and_sync_touch_no_browser_clock_or_randomness() {
    let forbidden = [
        "web_sys",
        "leptos",
        "gloo",
        "wasm_bindgen",
        "js_sys",
        "Utc::now",
        "Local::now",
        "SystemTime",
        "Instant::now",
        "rand::",
        "getrandom",
    ];
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut offences = Vec::new();
    for area in ["domain", "sync"] {
        for file in rust_files(&root.join(area)) {
            let text = fs::read_to_string(&file).expect("readable");
            for word in forbidden {
                if text.contains(word) {
                    offences.push(format!("{} uses {word}", file.display()));
                }
            }
        }
    }
    assert!(
        offences.is_empty(),
        "the pure core must stay pure:\n{}",
        offences.join("\n")
    );
}

/// Files allowed to be long, each with its reason.
const LONG_ON_PURPOSE: &[(&str, &str)] = &[];

#[test]
fn no_source_file_is_much_over_600_lines() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let long: Vec<String> = rust_files(&root)
        .into_iter()
        .filter(|f| !LONG_ON_PURPOSE.iter().any(|(name, _)| f.ends_with(name)))
        .filter_map(|f| {
            let n = fs::read_to_string(&f).ok()?.lines().count();
            (n > 650).then(|| format!("{} has {n} lines", f.display()))
        })
        .collect();
    assert!(long.is_empty(), "split these: {long:?}");
}

/// A person with only a clone can follow every reference: each `*.md`
/// document the code, tests, scripts or README name is in the repository.
#[test]
fn every_document_the_project_cites_is_in_the_repository() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in ["src", "tests", "scripts", "benches"] {
        let d = root.join(dir);
        if d.is_dir() {
            files.extend(all_files(&d));
        }
    }
    files.push(root.join("README.md"));
    let mut missing = Vec::new();
    for f in files {
        let Ok(text) = fs::read_to_string(&f) else {
            continue;
        };
        for (i, _) in text.match_indices(".md") {
            let start = text[..i]
                .rfind(|c: char| {
                    !(c.is_alphanumeric() || c == '_' || c == '-' || c == '/' || c == '.')
                })
                .map_or(0, |s| s + 1);
            let name = &text[start..i + 3];
            let after = text[i + 3..].chars().next();
            if name.len() <= 3
                || after.is_some_and(|c| c.is_alphanumeric())
                || name.contains("node_modules")
            {
                continue;
            }
            let found = root.join(name).is_file() || root.join("docs").join(name).is_file();
            if !found {
                missing.push(format!("{} cites {name}", f.display()));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "cited but not in the repository:\n{}",
        missing.join("\n")
    );
}

fn all_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in fs::read_dir(dir).expect("folder readable").flatten() {
        let path = entry.path();
        if path.file_name().is_some_and(|n| n == "node_modules") {
            continue;
        }
        if path.is_dir() {
            out.extend(all_files(&path));
        } else {
            out.push(path);
        }
    }
    out
}

/// Where the standard library's sort stays: the sorts over a whole store at
/// start-up or on every keystroke, where its speed matters more than one
/// more copy of it in the first load; and `order` itself.
const STD_SORT_ON_PURPOSE: &[&str] = &[
    "domain/base/order.rs",
    "domain/model.rs",
    "domain/customer/search.rs",
    "domain/history/traces.rs",
];

/// Screens, rules and the store sort through `domain::base::order`: each
/// standard-library sort call compiles its own copy of the algorithm
/// (~4 KB each in the first load). `sync`, below `domain`, keeps its few.
#[test]
fn screens_rules_and_the_store_sort_through_one_sort() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let calls = [".sort(", ".sort_by(", ".sort_by_key(", ".sort_unstable"];
    let mut offences = Vec::new();
    for layer in ["domain", "store", "ui"] {
        for file in rust_files(&root.join(layer)) {
            if STD_SORT_ON_PURPOSE.iter().any(|p| file.ends_with(p)) {
                continue;
            }
            let text = fs::read_to_string(&file).unwrap_or_default();
            for (n, line) in text.lines().enumerate() {
                if calls.iter().any(|c| line.contains(c)) {
                    offences.push(format!("{}:{}: {}", file.display(), n + 1, line.trim()));
                }
            }
        }
    }
    assert!(
        offences.is_empty(),
        "sort with domain::base::order (order::sort_by_key(&mut v, ...)):\n{}",
        offences.join("\n")
    );
}

/// The app folds text with its generated table (`domain/base/fold_table.rs`);
/// the Unicode crate it is generated from is a native test dependency only,
/// so its ~60 KB gzip of tables stay out of the first load.
#[test]
fn the_app_links_no_unicode_normalization_tables() {
    let toml = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml"))
        .expect("Cargo.toml readable");
    let deps = toml
        .split("\n[")
        .filter(|section| !section.contains("dev-dependencies]"))
        .collect::<Vec<_>>()
        .join("\n[");
    assert!(
        !deps.contains("unicode-normalization"),
        "unicode-normalization belongs in the native dev-dependencies only"
    );
}

/// The places that may decode every stored bucket: the demo's and the
/// benchmark's bulk loads. A screen asks the summaries (`sync::summary`)
/// and reads the buckets of the records it shows; at five branch-years
/// every bucket is hundreds of MB and seconds.
const READS_EVERY_BUCKET: &[&str] = &["ui/shell/state.rs", "ui/shell/hooks.rs"];

#[test]
fn no_screen_decodes_every_stored_bucket() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut offences = Vec::new();
    for file in rust_files(&root.join("ui")) {
        if READS_EVERY_BUCKET.iter().any(|p| file.ends_with(p)) {
            continue;
        }
        let text = fs::read_to_string(&file).unwrap_or_default();
        for (n, line) in text.lines().enumerate() {
            if line.contains("load_state(") {
                offences.push(format!("{}:{}: {}", file.display(), n + 1, line.trim()));
            }
        }
    }
    assert!(
        offences.is_empty(),
        "read Store::summaries and Store::read_records instead:\n{}",
        offences.join("\n")
    );
}
