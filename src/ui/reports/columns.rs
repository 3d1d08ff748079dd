//! The words of the workload table's columns and of its rows that are not
//! a person, shared by the page, its table and its CSV (one wording).

use crate::domain::reports::{Column, RowNames};
use crate::domain::Lang;
use crate::ui::words::labels::{category_label, channel_label};
use crate::ui::words::{t, Key};

/// A column's words, as the table heads it and the CSV names it.
pub(super) fn column_words(lang: Lang, c: Column) -> String {
    match c {
        Column::Contacts => t(lang, Key::RepContacts).to_string(),
        Column::Channel(x) => channel_label(lang, x).to_string(),
        Column::Category(x) => category_label(lang, x).to_string(),
        Column::Outbound => t(lang, Key::RepOutbound).to_string(),
        Column::VisitCalls => t(lang, Key::RepVisitCalls).to_string(),
        Column::Met => t(lang, Key::RepMet).to_string(),
        Column::Late => t(lang, Key::RepLate).to_string(),
        Column::MetRate => t(lang, Key::RepMetRate).to_string(),
    }
}

/// The words of the rows that are not a person's name.
pub(super) fn row_names(lang: Lang) -> RowNames<'static> {
    RowNames {
        team: t(lang, Key::RepTeam),
        no_team: t(lang, Key::RepNoTeam),
        unknown: t(lang, Key::RepUnknown),
        total: t(lang, Key::RepTotal),
    }
}
