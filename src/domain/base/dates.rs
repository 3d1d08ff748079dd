//! Date arithmetic that cannot panic. Dates that arrive are checked at
//! import (years `limits::MIN_YEAR..=MAX_YEAR`), but a row written by an
//! older version, or this device's own clock gone wrong, may still hold any
//! date chrono can represent, and chrono's `+` and `-` panic at its limits.
//! These saturate there instead, and day ranges are bounded, so no stored
//! value can crash a screen or keep it looping. Local days and times are
//! `zone::Zone`'s (the organisation's wall clock).

use chrono::{DateTime, NaiveDate, NaiveDateTime, TimeDelta, Utc};

/// Adding or taking a span, stopping at the calendar's ends.
pub trait Shift: Sized + Copy {
    const MIN: Self;
    const MAX: Self;
    fn checked_plus(self, d: TimeDelta) -> Option<Self>;

    /// `self + d`, or the calendar's end in that direction.
    fn plus(self, d: TimeDelta) -> Self {
        match self.checked_plus(d) {
            Some(t) => t,
            None if d < TimeDelta::zero() => Self::MIN,
            None => Self::MAX,
        }
    }

    /// `self - d`, or the calendar's end in that direction.
    fn minus(self, d: TimeDelta) -> Self {
        match d.checked_mul(-1) {
            Some(neg) => self.plus(neg),
            None => Self::MAX,
        }
    }
}

impl Shift for NaiveDate {
    const MIN: Self = NaiveDate::MIN;
    const MAX: Self = NaiveDate::MAX;
    fn checked_plus(self, d: TimeDelta) -> Option<Self> {
        self.checked_add_signed(d)
    }
}

impl Shift for NaiveDateTime {
    const MIN: Self = NaiveDateTime::MIN;
    const MAX: Self = NaiveDateTime::MAX;
    fn checked_plus(self, d: TimeDelta) -> Option<Self> {
        self.checked_add_signed(d)
    }
}

impl Shift for DateTime<Utc> {
    const MIN: Self = DateTime::<Utc>::MIN_UTC;
    const MAX: Self = DateTime::<Utc>::MAX_UTC;
    fn checked_plus(self, d: TimeDelta) -> Option<Self> {
        self.checked_add_signed(d)
    }
}

/// The longest run of days any computation walks (ten years and more):
/// no request, roster or calendar spans more.
pub const MAX_SPAN_DAYS: usize = 4_000;

/// The days `from..=to`, at most [`MAX_SPAN_DAYS`] of them; none when `to`
/// is before `from`. Ends at the calendar's end instead of overflowing.
pub fn days(from: NaiveDate, to: NaiveDate) -> impl Iterator<Item = NaiveDate> {
    std::iter::successors(Some(from), |d| d.succ_opt())
        .take_while(move |d| *d <= to)
        .take(MAX_SPAN_DAYS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_stop_at_the_calendar_ends() {
        let day = TimeDelta::days(1);
        assert_eq!(NaiveDate::MAX.plus(day), NaiveDate::MAX);
        assert_eq!(NaiveDate::MIN.minus(day), NaiveDate::MIN);
        assert_eq!(
            NaiveDateTime::MAX.plus(TimeDelta::minutes(60)),
            NaiveDateTime::MAX
        );
        assert_eq!(DateTime::<Utc>::MAX_UTC.plus(day), DateTime::<Utc>::MAX_UTC);
        assert_eq!(
            DateTime::<Utc>::MIN_UTC.minus(day),
            DateTime::<Utc>::MIN_UTC
        );
        assert_eq!(NaiveDate::MAX.minus(TimeDelta::MIN), NaiveDate::MAX);
        let d = NaiveDate::from_ymd_opt(2026, 1, 31).unwrap_or_default();
        assert_eq!(
            d.plus(day),
            NaiveDate::from_ymd_opt(2026, 2, 1).unwrap_or_default()
        );
    }

    #[test]
    fn day_ranges_end() {
        assert_eq!(days(NaiveDate::MAX, NaiveDate::MAX).count(), 1);
        assert_eq!(days(NaiveDate::MIN, NaiveDate::MAX).count(), MAX_SPAN_DAYS);
        assert_eq!(days(NaiveDate::MAX, NaiveDate::MIN).count(), 0);
    }
}
