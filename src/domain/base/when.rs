//! Fast reading of the stored timestamps. Start-up reads hundreds of
//! thousands of them; chrono's general RFC 3339 parser is several times
//! slower than reading the one form this app writes ("2026-11-22T10:00:00Z",
//! optionally with fractional seconds), so that form is read directly and
//! anything else falls back to chrono. Writing stays chrono's.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Deserializer};
use std::borrow::Cow;

fn num(b: &[u8]) -> Option<u32> {
    b.iter().try_fold(0u32, |acc, c| {
        c.is_ascii_digit().then(|| acc * 10 + (c - b'0') as u32)
    })
}

/// "YYYY-MM-DDTHH:MM:SS[.fff…]Z", or None for anything else.
fn fast(s: &str) -> Option<DateTime<Utc>> {
    let b = s.as_bytes();
    if b.len() < 20
        || b[4] != b'-'
        || b[7] != b'-'
        || b[10] != b'T'
        || b[13] != b':'
        || b[16] != b':'
        || b[b.len() - 1] != b'Z'
    {
        return None;
    }
    let nanos = match &b[19..b.len() - 1] {
        [] => 0,
        [b'.', frac @ ..] if !frac.is_empty() && frac.len() <= 9 => {
            num(frac)? * 10u32.pow(9 - frac.len() as u32)
        }
        _ => return None,
    };
    let date = NaiveDate::from_ymd_opt(num(&b[0..4])? as i32, num(&b[5..7])?, num(&b[8..10])?)?;
    let time =
        date.and_hms_nano_opt(num(&b[11..13])?, num(&b[14..16])?, num(&b[17..19])?, nanos)?;
    Some(time.and_utc())
}

fn parse<E: serde::de::Error>(s: &str) -> Result<DateTime<Utc>, E> {
    match fast(s) {
        Some(t) => Ok(t),
        None => s.parse::<DateTime<Utc>>().map_err(E::custom),
    }
}

pub fn utc<'de, D: Deserializer<'de>>(d: D) -> Result<DateTime<Utc>, D::Error> {
    let s = Cow::<'de, str>::deserialize(d)?;
    parse(&s)
}

pub fn utc_opt<'de, D: Deserializer<'de>>(d: D) -> Result<Option<DateTime<Utc>>, D::Error> {
    match Option::<Cow<'de, str>>::deserialize(d)? {
        Some(s) => parse(&s).map(Some),
        None => Ok(None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fast_path_agrees_with_chrono() {
        for s in [
            "2026-11-22T10:00:00Z",
            "2024-02-29T23:59:59.5Z",
            "2026-01-01T00:00:00.123456789Z",
        ] {
            assert_eq!(fast(s), s.parse::<DateTime<Utc>>().ok(), "{s}");
        }
        for s in [
            "2026-02-30T10:00:00Z",
            "2026-11-22 10:00:00Z",
            "2026-11-22T10:00:00+01:00",
            "x",
        ] {
            assert_eq!(fast(s), None, "{s}");
        }
        // What the fast path declines, chrono still reads.
        let t: DateTime<Utc> = parse::<serde_json::Error>("2026-11-22T11:00:00+01:00").unwrap();
        assert_eq!(Some(t), fast("2026-11-22T10:00:00Z"));
    }
}
