//! Every word the interface shows, in Spanish and English: the `Key`
//! table (one part per area, joined here), the labels of the domain's codes,
//! the refusals of the rules (`refusal`), what a refused file or value says
//! (`limits`), and the hub's and the bundles' messages. Each is an
//! exhaustive `match` giving both languages, so a missing translation is a
//! compile error. The release build leaves the `Key` table out of the wasm
//! and reads it from one file per language (`files`).
//!
//! Pure text over domain data: compiled natively too (the native tests
//! check the refusals' words).

use crate::domain::Lang;

pub mod agreement;
pub mod complaint_labels;
pub mod counts;
pub mod dates;
mod field_names;
pub mod files;
pub mod handbook;
#[cfg(target_arch = "wasm32")]
pub mod hub;
pub mod labels;
pub mod limits;
pub mod refusal;
mod refusal_dept;
mod refusal_visits;
pub mod standard_labels;
pub mod values;
pub mod visit_labels;

pub use counts::{count, Counted};
pub use labels::{
    category_label, channel_label, direction_label, kind_label, preferred_label, role_label,
    status_label,
};
pub use quality_words::{criterion_label, total_text};
pub use refusal::{refusal, refusals, RefusalWords};

/// One of two words by language: every caller names both.
pub fn pick<T>(lang: Lang, es: T, en: T) -> T {
    match lang {
        Lang::Es => es,
        Lang::En => en,
    }
}

macro_rules! strings {
    ($($key:ident => $es:literal, $en:literal;)*) => {
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Key { $($key),* }

        /// The words of `key`, from the table in this source. The release
        /// build (`split`) leaves the table out of the wasm and reads the
        /// language's words file instead (`files`).
        #[cfg(not(all(feature = "split", target_arch = "wasm32")))]
        pub fn t(lang: Lang, key: Key) -> &'static str {
            match lang {
                Lang::Es => match key { $(Key::$key => $es),* },
                Lang::En => match key { $(Key::$key => $en),* },
            }
        }

        #[cfg(all(feature = "split", target_arch = "wasm32"))]
        pub fn t(lang: Lang, key: Key) -> &'static str {
            files::word(lang, key as usize)
        }

        /// Every key, in the table's order (a key's words are at its index
        /// in a words file), for the completeness test.
        pub const ALL_KEYS: &[Key] = &[$(Key::$key),*];

        /// Which keys, in which order: a words file written for another
        /// table is refused, never misread.
        pub const KEYS_FINGERPRINT: u64 = files::fingerprint(&[$(stringify!($key)),*]);
    };
}

/// Joins the parts of the table: each part's macro appends its entries and
/// hands on to the next; the last hands everything to `strings!`.
macro_rules! chain {
    ([$first:ident $(, $rest:ident)*] $($acc:tt)*) => { $first! { [$($rest),*] $($acc)* } };
    ([] $($acc:tt)*) => { strings! { $($acc)* } };
}

#[macro_use]
mod shell_words;
#[macro_use]
mod sync_words;
#[macro_use]
mod complaint_words;
#[macro_use]
mod visit_words;
#[macro_use]
mod dept_words;
#[macro_use]
mod nav_words;
#[macro_use]
pub mod state_words;
#[macro_use]
mod handbook_words;
#[macro_use]
mod demo_words;
#[macro_use]
mod small_words;
#[macro_use]
mod answer_words;
#[macro_use]
mod quality_words;
#[macro_use]
mod quality_week_words;
#[macro_use]
mod quality_month_words;
#[macro_use]
mod quality_setup_words;
#[macro_use]
mod report_words;
#[macro_use]
mod period_words;
#[macro_use]
mod standards_words;
#[macro_use]
mod standards_audit_words;

chain! {
    [
        shell_words,
        sync_words,
        complaint_words,
        visit_words,
        dept_words,
        nav_words,
        state_words,
        handbook_words,
        demo_words,
        small_words,
        answer_words,
        quality_words,
        quality_week_words,
        quality_month_words,
        quality_setup_words,
        report_words,
        period_words,
        standards_words,
        standards_audit_words
    ]
}
