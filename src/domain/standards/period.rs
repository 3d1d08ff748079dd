//! The periods a standard is judged over: a week (Monday to Sunday) or a
//! calendar month, in the organisation's local days. Arithmetic that stops
//! at the calendar's ends instead of panicking.

use super::records::PeriodKind;
use crate::domain::base::dates::Shift;
use crate::domain::base::zone::week_start;
use chrono::{Datelike, Duration, Months, NaiveDate};

/// One period: its kind and its first and last local day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Period {
    pub kind: PeriodKind,
    pub first: NaiveDate,
    pub last: NaiveDate,
}

impl Period {
    /// The period of `kind` holding `day`.
    pub fn of(kind: PeriodKind, day: NaiveDate) -> Period {
        match kind {
            PeriodKind::Week => {
                let first = week_start(day);
                Period {
                    kind,
                    first,
                    last: first.plus(Duration::days(6)),
                }
            }
            PeriodKind::Month => {
                let first = day.minus(Duration::days(i64::from(day.day0())));
                let last = first
                    .checked_add_months(Months::new(1))
                    .and_then(|n| n.pred_opt())
                    .unwrap_or(NaiveDate::MAX);
                Period { kind, first, last }
            }
        }
    }

    /// The period of the same kind just before (itself at the calendar's start).
    pub fn previous(self) -> Period {
        match self.first.pred_opt() {
            Some(day) => Period::of(self.kind, day),
            None => self,
        }
    }

    pub fn contains(self, day: NaiveDate) -> bool {
        self.first <= day && day <= self.last
    }
}

/// Whether `day` is where a period of `kind` starts: a version of a
/// standard starts there, so a period is never split between two.
pub fn is_period_start(kind: PeriodKind, day: NaiveDate) -> bool {
    Period::of(kind, day).first == day
}
