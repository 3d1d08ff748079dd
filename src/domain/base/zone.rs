//! The organisation's clock on the wall. Shifts are planned in local time
//! ("night 22:00–06:00") but stored and compared as UTC instants, so a night
//! across a DST change lasts 7 or 9 real hours. No time-zone database in
//! the core: a standard offset plus one of a few summer-time rules (the EU's,
//! the US's, Chile's) covers the places `zones` names; other places use a
//! fixed offset. Each rule is today's: dates before a country last changed
//! its rule are read with the current one.

use crate::domain::base::dates::Shift;
use crate::sync::RecordId;
use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, Utc, Weekday};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// When the clocks go forward an hour and back again.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Dst {
    /// No summer time.
    #[default]
    None,
    /// EU: last Sunday of March to last Sunday of October, at 01:00 UTC.
    Eu,
    /// US and Canada: second Sunday of March, 02:00 local, to first Sunday
    /// of November, 02:00 local.
    Us,
    /// Chile (southern): from the first Sunday on or after 2 September at
    /// 04:00 UTC (Saturday 24:00 local) to the first Sunday on or after
    /// 2 April at 03:00 UTC (Saturday 24:00 local summer time).
    Chile,
}

/// Which Sunday of a month a change falls on.
#[derive(Clone, Copy)]
enum Sunday {
    Last,
    OnOrAfter(u32),
}

/// One change of the clocks: a Sunday, and the minutes after 00:00 UTC
/// of that Sunday it happens at.
#[derive(Clone, Copy)]
struct Change {
    month: u32,
    sunday: Sunday,
    utc_minutes: i64,
}

impl Change {
    fn at(self, year: i32) -> Option<DateTime<Utc>> {
        let day = match self.sunday {
            Sunday::Last => last_sunday(year, self.month)?,
            Sunday::OnOrAfter(d) => {
                sunday_on_or_after(NaiveDate::from_ymd_opt(year, self.month, d)?)
            }
        };
        let midnight = day.and_time(NaiveTime::MIN).and_utc();
        midnight.checked_add_signed(Duration::minutes(self.utc_minutes))
    }
}

impl Dst {
    /// (clocks forward, clocks back) for a zone `std` minutes east of UTC.
    fn changes(self, std: i32) -> Option<(Change, Change)> {
        let std = i64::from(std);
        let change = |month, sunday, utc_minutes| Change {
            month,
            sunday,
            utc_minutes,
        };
        match self {
            Dst::None => None,
            Dst::Eu => Some((change(3, Sunday::Last, 60), change(10, Sunday::Last, 60))),
            Dst::Us => Some((
                change(3, Sunday::OnOrAfter(8), 120 - std),
                change(11, Sunday::OnOrAfter(1), 120 - (std + 60)),
            )),
            Dst::Chile => Some((
                change(9, Sunday::OnOrAfter(2), -std),
                change(4, Sunday::OnOrAfter(2), -(std + 60)),
            )),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Zone {
    /// Minutes east of UTC outside summer time.
    pub std_minutes: i32,
    /// Adds an hour between its change dates.
    pub dst: Dst,
}

impl Zone {
    pub const UTC: Zone = Zone::fixed(0);
    /// Peninsular Spain (Europe/Madrid).
    pub const MADRID: Zone = Zone::eu(60);

    pub const fn fixed(minutes: i32) -> Zone {
        Zone {
            std_minutes: minutes,
            dst: Dst::None,
        }
    }

    pub const fn eu(std_minutes: i32) -> Zone {
        Zone {
            std_minutes,
            dst: Dst::Eu,
        }
    }

    pub const fn with_dst(std_minutes: i32, dst: Dst) -> Zone {
        Zone { std_minutes, dst }
    }

    fn summer(self, t: DateTime<Utc>) -> bool {
        let Some((forward, back)) = self.dst.changes(self.std_minutes) else {
            return false;
        };
        let y = t.year();
        match (forward.at(y), back.at(y)) {
            // Northern: summer inside the year.
            (Some(f), Some(b)) if f <= b => t >= f && t < b,
            // Southern: summer across the new year.
            (Some(f), Some(b)) => t >= f || t < b,
            _ => false,
        }
    }

    /// Minutes east of UTC at the instant `t`.
    pub fn offset_minutes(self, t: DateTime<Utc>) -> i32 {
        let extra = if self.summer(t) { 60 } else { 0 };
        self.std_minutes.saturating_add(extra)
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
        let summer =
            (self.dst != Dst::None).then(|| try_offset(self.std_minutes.saturating_add(60)));
        summer
            .flatten()
            .or_else(|| try_offset(self.std_minutes))
            .unwrap_or_else(|| {
                local
                    .minus(Duration::minutes(self.std_minutes as i64))
                    .and_utc()
            })
    }

    /// The first instant after the local day `day`: when a deadline of
    /// that day passes (R-CMP-02).
    pub fn end_of_day(self, day: NaiveDate) -> Option<DateTime<Utc>> {
        Some(self.to_utc(day.succ_opt()?.and_time(NaiveTime::MIN)))
    }
}

fn last_sunday(year: i32, month: u32) -> Option<NaiveDate> {
    let next = if month == 12 {
        NaiveDate::from_ymd_opt(year.checked_add(1)?, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(year, month.checked_add(1)?, 1)
    };
    let mut d = next?.pred_opt()?;
    // At most six steps back (and none past the calendar's start).
    for _ in 0..6 {
        if d.weekday() == Weekday::Sun {
            break;
        }
        d = d.minus(Duration::days(1));
    }
    Some(d)
}

fn sunday_on_or_after(d: NaiveDate) -> NaiveDate {
    let ahead = (7 - d.weekday().num_days_from_sunday()) % 7;
    d.plus(Duration::days(i64::from(ahead)))
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
