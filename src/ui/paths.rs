//! Which page an address shows, matched by hand.
//!
//! The app's pages are one table of address patterns (`app::PAGES`); a
//! pattern is literal segments and `:id`, a record id. Matching is a walk
//! over the segments, so the table can be a plain slice of function
//! pointers: leptos_router's `Routes` with forty `Route`s made one nested
//! type whose matcher alone was the first load's largest function. The
//! router still handles links, history and the query string.
//!
//! Compiled natively too, so the native tests check it.

/// What a matched address names besides its page: the `:id` segment.
pub type Captured<'a> = Option<&'a str>;

/// Whether `path` is the address `pattern` describes, and if so its `:id`
/// segment (when the pattern has one). One trailing `/` is ignored, as a
/// person typing an address might add it; empty segments (`//`) never
/// match, and `:id` takes any one non-empty segment (the frame reads it as a
/// record id, and the page says when no record has it).
pub fn match_path<'a>(pattern: &str, path: &'a str) -> Option<Captured<'a>> {
    let path = trim_end(path);
    let pattern = trim_end(pattern);
    let mut captured = None;
    let mut wanted = pattern.split('/');
    let mut given = path.split('/');
    loop {
        match (wanted.next(), given.next()) {
            (None, None) => return Some(captured),
            (Some(":id"), Some(seg)) if !seg.is_empty() => captured = Some(seg),
            (Some(lit), Some(seg)) if lit == seg => {}
            _ => return None,
        }
    }
}

/// The first pattern of `patterns` that `path` matches: its place and its
/// `:id`. Linear: the table is about forty entries.
pub fn find_page<'a, 'p>(
    patterns: impl IntoIterator<Item = &'p str>,
    path: &'a str,
) -> Option<(usize, Captured<'a>)> {
    patterns
        .into_iter()
        .enumerate()
        .find_map(|(at, pattern)| match_path(pattern, path).map(|id| (at, id)))
}

fn trim_end(path: &str) -> &str {
    match path.strip_suffix('/') {
        Some(rest) if !rest.is_empty() => rest,
        _ => path,
    }
}
