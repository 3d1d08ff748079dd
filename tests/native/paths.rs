//! Which page an address shows (`ui::paths`, the table `app::PAGES`): the
//! hand-written matcher that replaced leptos_router's `Routes`.

use proptest::prelude::*;
use ventanilla::ui::paths::{find_page, match_path};

/// The patterns of `app::PAGES`, in order, read from the source (the table
/// is compiled for the browser only).
fn app_patterns() -> Vec<String> {
    let src = include_str!("../../src/ui/app.rs");
    let table = src
        .split("const PAGES")
        .nth(1)
        .and_then(|rest| rest.split("];").next())
        .expect("app.rs declares const PAGES");
    table
        .lines()
        .filter_map(|l| {
            // `("/a", page),` on one line, or rustfmt's `"/a/long/one",`
            // on a line of its own inside the tuple.
            let l = l.trim().trim_start_matches('(');
            let pattern = l.strip_prefix('"')?.split('"').next()?;
            pattern.starts_with('/').then(|| pattern.to_owned())
        })
        .collect()
}

/// How many pages app.rs lists: one `pieces::` page function or Today's
/// each, counted apart from the patterns.
fn src_pages() -> usize {
    let src = include_str!("../../src/ui/app.rs");
    let table = src
        .split("const PAGES")
        .nth(1)
        .and_then(|r| r.split("];").next());
    table.map_or(0, |t| {
        t.matches("pieces::").count() + t.matches("today_page").count()
    })
}

#[test]
fn a_pattern_matches_its_own_address_and_hands_over_the_id() {
    assert_eq!(match_path("/", "/"), Some(None));
    assert_eq!(match_path("/customers", "/customers"), Some(None));
    assert_eq!(match_path("/customers", "/customers/"), Some(None));
    assert_eq!(
        match_path("/customers/:id", "/customers/42"),
        Some(Some("42"))
    );
    assert_eq!(
        match_path("/customers/:id/edit", "/customers/42/edit"),
        Some(Some("42"))
    );
    assert_eq!(
        match_path("/standards/department/:id", "/standards/department/9"),
        Some(Some("9"))
    );
}

#[test]
fn other_addresses_do_not_match() {
    assert_eq!(match_path("/customers", "/"), None);
    assert_eq!(match_path("/", "/customers"), None);
    assert_eq!(match_path("/customers", "/customersx"), None);
    assert_eq!(match_path("/customers/:id", "/customers"), None);
    assert_eq!(match_path("/customers/:id", "/customers/"), None);
    assert_eq!(match_path("/customers/:id", "/customers//edit"), None);
    assert_eq!(match_path("/customers/:id", "/customers/4/edit"), None);
    assert_eq!(
        match_path("/customers/:id/edit", "/customers/4/delete"),
        None
    );
    assert_eq!(match_path("/customers/:id", "customers/4"), None);
}

#[test]
fn every_page_of_the_app_is_reachable_by_its_own_address() {
    let patterns = app_patterns();
    assert!(patterns.len() >= 40, "read {} patterns", patterns.len());
    assert_eq!(
        patterns.len(),
        src_pages(),
        "one pattern read per page listed"
    );
    for (at, pattern) in patterns.iter().enumerate() {
        let address = pattern.replace(":id", "1778");
        let found = find_page(patterns.iter().map(String::as_str), &address);
        let want_id = pattern.contains(":id").then_some("1778");
        assert_eq!(
            found,
            Some((at, want_id)),
            "{address} is shadowed by an earlier pattern"
        );
    }
    // A word where an id goes is still the named page, never a record.
    let new = patterns.iter().position(|p| p == "/customers/new");
    assert_eq!(
        find_page(patterns.iter().map(String::as_str), "/customers/new").map(|f| f.0),
        new
    );
}

#[test]
fn an_address_of_no_page_finds_none() {
    let patterns = app_patterns();
    for address in [
        "/nowhere",
        "/customers/1/2/3",
        "/complaints/1/print",
        "",
        "//x",
    ] {
        assert_eq!(
            find_page(patterns.iter().map(String::as_str), address),
            None,
            "{address}"
        );
    }
}

proptest! {
    /// Hostile addresses (typed, pasted or from a link): any text, however
    /// long or strange, is matched without a panic, and only a well-formed
    /// address finds a page.
    #[test]
    fn any_address_is_matched_without_a_panic(path in ".{0,300}", deep in 0usize..2000) {
        let patterns = app_patterns();
        let long = format!("/customers/{}", "a/".repeat(deep));
        for address in [path.as_str(), long.as_str()] {
            if let Some((at, id)) = find_page(patterns.iter().map(String::as_str), address) {
                prop_assert!(address.starts_with('/'));
                prop_assert_eq!(match_path(&patterns[at], address), Some(id));
                if let Some(id) = id {
                    prop_assert!(!id.is_empty() && !id.contains('/'));
                }
            }
        }
    }
}
