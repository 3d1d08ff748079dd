//! The limits of every field, in one place: the forms check what is typed
//! against them, and `schema` checks what arrives (a file, a hub, a stored
//! row) against the very same constants, so whatever one device saves
//! another accepts.

use crate::domain::error::RuleError;

/// Names, titles and other one-line labels: a person, an organisation, a
/// team, a shift, a holiday, a campaign, a department, a tag.
pub const MAX_NAME: usize = 120;
/// Free text of a record: a contact's summary, a complaint's content, a
/// stage's text, a reply, a script part, a reason, a note.
pub const MAX_TEXT: usize = 2_000;
/// The department's longer texts: handover notes, announcements, meeting
/// agendas and minutes.
pub const MAX_LONG_TEXT: usize = 4_000;
/// A customer file's notes.
pub const MAX_NOTES: usize = 10_000;
/// The reason for calling a customer in their quiet hours.
pub const MAX_REASON: usize = 500;
/// One phone number as typed (6 to 15 digits, with spaces, `+`, brackets).
pub const MAX_PHONE: usize = 40;
/// An e-mail address (RFC 5321).
pub const MAX_EMAIL: usize = 254;
/// A customer's signature, as a data URL, in bytes.
pub const MAX_SIGNATURE_BYTES: usize = 60_000;
/// Items in one list field: phones, tags, skills, teams, linked records.
pub const MAX_ITEMS: usize = 500;
/// Every date and instant lies in the years `MIN_YEAR..=MAX_YEAR`: wide
/// enough for any birthday or plan, narrow enough that no date arithmetic
/// of the app comes near chrono's limits.
pub const MIN_YEAR: i32 = 1900;
pub const MAX_YEAR: i32 = 2200;
/// A place's offset from UTC, in minutes (UTC−12:00 … UTC+14:00 and margin).
pub const MAX_UTC_OFFSET_MINUTES: i64 = 14 * 60;
/// A team's minimum weekly hours.
pub const MAX_WEEKLY_HOURS: u32 = 80;

/// `TooLong` when `value` (trimmed, as the forms store it) has more than
/// `max` characters.
pub fn check_len(value: &str, field: &'static str, max: usize) -> Result<(), RuleError> {
    match value.trim().chars().count() > max {
        true => Err(RuleError::TooLong { field, max }),
        false => Ok(()),
    }
}

/// [`check_len`] for each item of a list, and the list's length.
pub fn check_list<S: AsRef<str>>(
    items: &[S],
    field: &'static str,
    max_chars: usize,
) -> Result<(), RuleError> {
    if items.len() > MAX_ITEMS {
        return Err(RuleError::OutOfRange { field });
    }
    items
        .iter()
        .try_for_each(|i| check_len(i.as_ref(), field, max_chars))
}

/// Whether a text field may be left empty.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Need {
    Required,
    Optional,
}

/// The one check of typed text: trimmed as it is stored, present when
/// required, at most `max` characters. Returns the text to store.
pub fn text(value: &str, field: &'static str, max: usize, need: Need) -> Result<String, RuleError> {
    let v = value.trim();
    if need == Need::Required && v.is_empty() {
        return Err(RuleError::Required { field });
    }
    check_len(v, field, max)?;
    Ok(v.to_string())
}

/// [`text`] for forms that show every problem at once: a problem goes to
/// `errors`, and the trimmed text comes back either way.
pub fn text_into(
    value: &str,
    field: &'static str,
    max: usize,
    need: Need,
    errors: &mut Vec<RuleError>,
) -> String {
    text(value, field, max, need).unwrap_or_else(|e| {
        errors.push(e);
        value.trim().to_string()
    })
}
