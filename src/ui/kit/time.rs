//! The clock as the screens read it: the browser's time zone, for local
//! dates and promised deadlines (complaints and return visits).

use crate::store::platform;
use chrono::FixedOffset;

/// The browser's time zone, for local dates and promised deadlines.
pub(crate) fn tz() -> FixedOffset {
    FixedOffset::east_opt(platform::utc_offset_minutes() * 60)
        .unwrap_or_else(|| FixedOffset::east_opt(0).expect("UTC is a valid offset"))
}
