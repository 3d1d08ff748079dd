//! The organisation's clock on the wall. Shifts are planned in local time
//! ("night 22:00–06:00") but stored and compared as UTC instants, so a night
//! across a DST change lasts 7 or 9 real hours. No time-zone database in
//! the core: a standard offset plus, optionally, the EU summer-time rule
//! (last Sunday of March to last Sunday of October, at 01:00 UTC) covers
//! Spain and its neighbours; other places use a fixed offset.

use crate::domain::base::dates::Shift;
use crate::sync::RecordId;
use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, Utc, Weekday};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Zone {
    /// Minutes east of UTC in winter.
    pub std_minutes: i32,
    /// Adds an hour between the EU change dates.
    pub eu_summer_time: bool,
}

impl Zone {
    pub const UTC: Zone = Zone::fixed(0);
    /// Peninsular Spain (Europe/Madrid).
    pub const MADRID: Zone = Zone::eu(60);

    pub const fn fixed(minutes: i32) -> Zone {
        Zone {
            std_minutes: minutes,
            eu_summer_time: false,
        }
    }

    pub const fn eu(std_minutes: i32) -> Zone {
        Zone {
            std_minutes,
            eu_summer_time: true,
        }
    }

    fn summer(self, t: DateTime<Utc>) -> bool {
        if !self.eu_summer_time {
            return false;
        }
        let y = t.year();
        let at = |m| last_sunday(y, m).and_time(one_am()).and_utc();
        t >= at(3) && t < at(10)
    }

    /// Minutes east of UTC at the instant `t`.
    pub fn offset_minutes(self, t: DateTime<Utc>) -> i32 {
        self.std_minutes + if self.summer(t) { 60 } else { 0 }
    }

    pub fn local(self, t: DateTime<Utc>) -> NaiveDateTime {
        t.naive_utc()
            .plus(Duration::minutes(self.offset_minutes(t) as i64))
    }

    pub fn local_date(self, t: DateTime<Utc>) -> NaiveDate {
        self.local(t).date()
    }

    /// The instant a wall-clock time means. A time the clocks skip (02:30
    /// on the spring change) is read as the same moment an hour later; a
    /// time that happens twice (autumn) is its first occurrence.
    pub fn to_utc(self, local: NaiveDateTime) -> DateTime<Utc> {
        let try_offset = |m: i32| {
            let t = local.minus(Duration::minutes(m as i64)).and_utc();
            (self.offset_minutes(t) == m).then_some(t)
        };
        let summer = self
            .eu_summer_time
            .then(|| try_offset(self.std_minutes + 60));
        summer
            .flatten()
            .or_else(|| try_offset(self.std_minutes))
            .unwrap_or_else(|| {
                local
                    .minus(Duration::minutes(self.std_minutes as i64))
                    .and_utc()
            })
    }
}

fn one_am() -> NaiveTime {
    NaiveTime::MIN + Duration::hours(1)
}

fn last_sunday(year: i32, month: u32) -> NaiveDate {
    let next = if month == 12 {
        NaiveDate::from_ymd_opt(year + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(year, month + 1, 1)
    };
    let mut d = next.unwrap_or_default().minus(Duration::days(1));
    // At most six steps back (and none past the calendar's start).
    for _ in 0..6 {
        if d.weekday() == Weekday::Sun {
            break;
        }
        d = d.minus(Duration::days(1));
    }
    d
}

/// An id computed from what a record is about (a person's roster day, a
/// person's read receipt): two devices writing "the same" record offline
/// then write the same entity, and merge field by field instead of leaving
/// two competing records.
pub fn derived_id(kind: &str, parts: &[RecordId], extra: &str) -> RecordId {
    let mut h = Sha256::new();
    h.update(kind.as_bytes());
    for p in parts {
        h.update([0u8]);
        h.update(p.0.to_be_bytes());
    }
    h.update([0u8]);
    h.update(extra.as_bytes());
    let digest = h.finalize();
    let mut bytes = [0u8; 16];
    bytes.copy_from_slice(&digest[..16]);
    RecordId(u128::from_be_bytes(bytes))
}

/// The Monday of the week holding `d`.
pub fn week_start(d: NaiveDate) -> NaiveDate {
    d.minus(Duration::days(d.weekday().num_days_from_monday() as i64))
}
