//! The calendar's and the numbers' words: month and weekday abbreviations,
//! digit marks, and each language's own name.

use super::{pick, t, Key};
use crate::domain::Lang;
use chrono::{Datelike, NaiveDate};

const MONTHS_ES: [&str; 12] = [
    "ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sept", "oct", "nov", "dic",
];
const MONTHS_EN: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
const WEEKDAYS_ES: [&str; 7] = ["lun", "mar", "mié", "jue", "vie", "sáb", "dom"];
const WEEKDAYS_EN: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/// A month's short name; `month0` is 0 for January (out of range: "?").
pub fn month_abbr(lang: Lang, month0: usize) -> &'static str {
    pick(lang, MONTHS_ES, MONTHS_EN)
        .get(month0)
        .copied()
        .unwrap_or("?")
}

/// A weekday's short name; `from_monday` is 0 for Monday (out of range: "?").
pub fn weekday_abbr(lang: Lang, from_monday: usize) -> &'static str {
    pick(lang, WEEKDAYS_ES, WEEKDAYS_EN)
        .get(from_monday)
        .copied()
        .unwrap_or("?")
}

/// The thousands separator and the decimal mark.
pub fn digit_marks(lang: Lang) -> (char, char) {
    pick(lang, ('.', ','), (',', '.'))
}

/// A language's name in that language (what a person looking for it
/// recognises).
pub fn lang_name(lang: Lang) -> &'static str {
    pick(lang, "Español", "English")
}

/// Tenths as a number with one decimal in the language's mark: 855 -> "85,5".
pub fn tenths_text(lang: Lang, v: u32) -> String {
    let (_, mark) = digit_marks(lang);
    format!("{}{mark}{}", v / 10, v % 10)
}

const MONTH_NAMES: [Key; 12] = [
    Key::QaMoJanuary,
    Key::QaMoFebruary,
    Key::QaMoMarch,
    Key::QaMoApril,
    Key::QaMoMay,
    Key::QaMoJune,
    Key::QaMoJuly,
    Key::QaMoAugust,
    Key::QaMoSeptember,
    Key::QaMoOctober,
    Key::QaMoNovember,
    Key::QaMoDecember,
];

/// A month's name in the language on screen.
fn month_name(lang: Lang, d: NaiveDate) -> &'static str {
    MONTH_NAMES
        .get(d.month0() as usize)
        .map_or("?", |k| t(lang, *k))
}

/// "junio de 2025" / "June 2025".
pub fn month_title(lang: Lang, d: NaiveDate) -> String {
    t(lang, Key::QaMoMonthYear)
        .replace("{month}", month_name(lang, d))
        .replace("{year}", &d.year().to_string())
}
