//! The calendar's and the numbers' words: month and weekday abbreviations,
//! digit marks, and each language's own name.

use super::pick;
use crate::domain::Lang;

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
