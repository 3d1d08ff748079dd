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
