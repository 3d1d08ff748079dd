//! Text normalising for search and duplicate checks: "Pérez" = "perez".

use super::fold_table::{BASES, LONGER, MARKS};

/// Hangul syllables decompose by arithmetic (Unicode 3.12): leading
/// consonant, vowel and, when there is one, trailing consonant.
const HANGUL_FIRST: u32 = 0xAC00;
const HANGUL_COUNT: u32 = 11_172;

fn is_mark(c: char) -> bool {
    let n = u32::from(c);
    MARKS
        .binary_search_by(|(first, last)| {
            if n < *first {
                std::cmp::Ordering::Greater
            } else if n > *last {
                std::cmp::Ordering::Less
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

/// `c` decomposed without its marks (canonical decomposition): at most
/// three characters, into `out`; none for a mark.
fn base_of(c: char, out: &mut [char; 3]) -> usize {
    let n = u32::from(c);
    // Fast path: nothing below À has a mark or a decomposition (the native
    // test checks every character).
    if n < 0xC0 {
        out[0] = c;
        return 1;
    }
    if is_mark(c) {
        return 0;
    }
    let at = |x: u32| char::from_u32(x).unwrap_or(c);
    if let Some(i) = n.checked_sub(HANGUL_FIRST).filter(|i| *i < HANGUL_COUNT) {
        let (lead, rest) = (i / 588, i % 588);
        out[0] = at(0x1100 + lead);
        out[1] = at(0x1161 + rest / 28);
        if rest % 28 == 0 {
            return 2;
        }
        out[2] = at(0x11A7 + rest % 28);
        return 3;
    }
    if let Ok(i) = LONGER.binary_search_by_key(&n, |(from, _)| *from) {
        if let Some((_, each)) = LONGER.get(i) {
            let mut k = 0;
            for x in each.iter().filter(|x| **x != 0) {
                out[k] = at(*x);
                k += 1;
            }
            return k;
        }
    }
    out[0] = match BASES.binary_search_by_key(&n, |(from, _)| *from) {
        Ok(i) => BASES.get(i).map_or(c, |(_, to)| at(*to)),
        Err(_) => c,
    };
    1
}

/// Lowercase, accents removed, runs of white space collapsed to one space:
/// each character's canonical decomposition without its combining marks
/// (the table in `fold_table.rs`, generated from the Unicode data and
/// checked against it character by character in the native tests).
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    let mut parts = ['\0'; 3];
    for whole in s.chars() {
        let n = base_of(whole, &mut parts);
        for c in parts.iter().take(n).copied() {
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
