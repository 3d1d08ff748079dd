//! Text normalising for search and duplicate checks: "Pérez" = "perez".

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// Lowercase, accents removed, runs of white space collapsed to one space.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.nfd().filter(|c| !is_combining_mark(*c)) {
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        out.extend(c.to_lowercase());
    }
    out
}

pub fn digits(s: &str) -> String {
    s.chars().filter(|c| c.is_ascii_digit()).collect()
}

/// Phone numbers compare by their last 9 digits, so "+34 600 111 222" and
/// "600-111-222" are the same number.
pub fn normalise_phone(s: &str) -> String {
    let d = digits(s);
    let skip = d.len().saturating_sub(9);
    d[skip..].to_string()
}

pub fn normalise_email(s: &str) -> String {
    s.trim().to_lowercase()
}

/// Deliberately simple: one @, something before it, a dot after it, no spaces.
pub fn is_valid_email(s: &str) -> bool {
    let s = s.trim();
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !s.chars().any(char::is_whitespace)
}

/// Splits a comma-separated list, trimming and dropping empties.
pub fn list(s: &str) -> Vec<String> {
    s.split(',')
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_drops_accents_case_and_extra_space() {
        assert_eq!(fold("  José   PÉREZ Núñez "), "jose perez nunez");
        assert_eq!(fold("ÑANDÚ"), "nandu");
        assert_eq!(fold("Çağlar"), "caglar");
    }

    #[test]
    fn phones_compare_by_their_last_nine_digits() {
        assert_eq!(
            normalise_phone("+34 600 111 222"),
            normalise_phone("600-111-222")
        );
        assert_eq!(normalise_phone("12"), "12");
    }

    #[test]
    fn emails_are_checked_loosely() {
        assert!(is_valid_email("ana@tienda.es"));
        for bad in [
            "", "ana", "ana@", "@x.es", "ana@x", "a b@x.es", "a@@x.es", "a@x.es.",
        ] {
            assert!(!is_valid_email(bad), "{bad}");
        }
    }
}
