//! Hybrid logical clock (Kulkarni et al.): wall-clock milliseconds plus a
//! counter plus the device id, so stamps are unique and totally ordered and
//! still close to real time.

use super::id::DeviceId;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

/// Stamps more than this far ahead of the local wall clock are refused: a
/// device with a wrong date must not win every merge forever.
pub const MAX_FUTURE_MS: u64 = 24 * 60 * 60 * 1000;

/// One point in hybrid logical time. Field order gives the total order.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Stamp {
    pub ms: u64,
    pub counter: u32,
    pub device: DeviceId,
}

impl fmt::Display for Stamp {
    /// `<ms base36>.<counter base36>.<device hex>`: short, and sorts the same
    /// way as the struct only after parsing (never compare the strings).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}.{}.{}",
            base36(self.ms),
            base36(self.counter as u64),
            self.device
        )
    }
}

impl fmt::Debug for Stamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Stamp({}/{}/{})", self.ms, self.counter, self.device)
    }
}

fn base36(mut v: u64) -> String {
    const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    if v == 0 {
        return "0".into();
    }
    let mut out = Vec::with_capacity(13);
    while v > 0 {
        out.push(DIGITS[(v % 36) as usize]);
        v /= 36;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ClockError {
    #[error("not a valid stamp: {0:?}")]
    Malformed(String),
    #[error("a change is stamped {ahead_ms} ms ahead of this device's clock (more than one day): the other device's date is probably wrong")]
    FromFuture { ahead_ms: u64 },
}

impl FromStr for Stamp {
    type Err = ClockError;
    fn from_str(s: &str) -> Result<Self, ClockError> {
        let bad = || ClockError::Malformed(s.into());
        let mut parts = s.split('.');
        let ms = u64::from_str_radix(parts.next().ok_or_else(bad)?, 36).map_err(|_| bad())?;
        let counter = u32::from_str_radix(parts.next().ok_or_else(bad)?, 36).map_err(|_| bad())?;
        let device = parts
            .next()
            .ok_or_else(bad)?
            .parse::<DeviceId>()
            .map_err(|_| bad())?;
        if parts.next().is_some() {
            return Err(bad());
        }
        Ok(Stamp {
            ms,
            counter,
            device,
        })
    }
}

impl Serialize for Stamp {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Stamp {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// The local clock of one device. It only moves forward.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Clock {
    pub device: DeviceId,
    /// Greatest (ms, counter) issued or observed so far.
    pub last_ms: u64,
    pub last_counter: u32,
}

impl Clock {
    pub fn new(device: DeviceId) -> Self {
        Clock {
            device,
            last_ms: 0,
            last_counter: 0,
        }
    }

    /// A new stamp greater than every stamp issued or observed, given the
    /// wall-clock time `now_ms`. When the counter is at its maximum (a
    /// remote stamp may carry `u32::MAX`), the clock rolls forward to the
    /// next millisecond with counter 0 instead of sticking: a stuck clock
    /// would hand out one stamp twice, and the second edit would be dropped
    /// as a duplicate.
    pub fn tick(&mut self, now_ms: u64) -> Stamp {
        if now_ms > self.last_ms {
            self.last_ms = now_ms;
            self.last_counter = 0;
        } else if let Some(next) = self.last_counter.checked_add(1) {
            self.last_counter = next;
        } else if let Some(ms) = self.last_ms.checked_add(1) {
            self.last_ms = ms;
            self.last_counter = 0;
        }
        // (ms and counter both at their maximum cannot be reached: `check`
        // refuses stamps more than a day ahead of the wall clock, so the
        // clock stays far below u64::MAX milliseconds.)
        Stamp {
            ms: self.last_ms,
            counter: self.last_counter,
            device: self.device,
        }
    }

    /// Refuses a stamp from too far in the future, without touching the clock.
    pub fn check(&self, stamp: &Stamp, now_ms: u64) -> Result<(), ClockError> {
        if stamp.ms > now_ms.saturating_add(MAX_FUTURE_MS) {
            return Err(ClockError::FromFuture {
                ahead_ms: stamp.ms - now_ms,
            });
        }
        Ok(())
    }

    /// Moves the clock past a stamp seen from elsewhere (after `check`).
    pub fn observe(&mut self, stamp: &Stamp) {
        if (stamp.ms, stamp.counter) > (self.last_ms, self.last_counter) {
            self.last_ms = stamp.ms;
            self.last_counter = stamp.counter;
        }
    }

    /// Joins with the same device's clock as persisted by another tab.
    pub fn join(&mut self, other: &Clock) {
        if (other.last_ms, other.last_counter) > (self.last_ms, self.last_counter) {
            self.last_ms = other.last_ms;
            self.last_counter = other.last_counter;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DEV: DeviceId = DeviceId(7);

    #[test]
    fn stamps_are_strictly_increasing_even_when_the_wall_clock_goes_back() {
        let mut c = Clock::new(DEV);
        let a = c.tick(1_000);
        let b = c.tick(1_000);
        let d = c.tick(500); // wall clock stepped back
        let e = c.tick(2_000);
        assert!(a < b && b < d && d < e);
        assert_eq!(d.ms, 1_000);
    }

    #[test]
    fn observing_a_remote_stamp_moves_past_it() {
        let mut c = Clock::new(DEV);
        let remote = Stamp {
            ms: 9_000,
            counter: 4,
            device: DeviceId(1),
        };
        c.observe(&remote);
        assert!(c.tick(100) > remote);
    }

    #[test]
    fn a_stamp_more_than_a_day_ahead_is_refused_before_touching_the_clock() {
        let c = Clock::new(DEV);
        let now = 1_700_000_000_000;
        let ahead = Stamp {
            ms: now + MAX_FUTURE_MS + 1,
            counter: 0,
            device: DeviceId(1),
        };
        assert!(matches!(
            c.check(&ahead, now),
            Err(ClockError::FromFuture { .. })
        ));
        let fine = Stamp {
            ms: now + MAX_FUTURE_MS,
            ..ahead
        };
        assert!(c.check(&fine, now).is_ok());
        assert_eq!(c, Clock::new(DEV));
    }

    #[test]
    fn stamp_uniqueness_a_counter_at_its_maximum_rolls_the_clock_forward() {
        let mut c = Clock::new(DEV);
        let now = 1_700_000_000_000;
        // A remote stamp two hours ahead with the largest counter.
        let remote = Stamp {
            ms: now + 2 * 3_600_000,
            counter: u32::MAX,
            device: DeviceId(1),
        };
        c.check(&remote, now).unwrap();
        c.observe(&remote);
        let a = c.tick(now);
        let b = c.tick(now);
        let d = c.tick(now + 1);
        assert!(remote < a && a < b && b < d, "{remote:?} {a:?} {b:?} {d:?}");
        assert_eq!((a.ms, a.counter), (remote.ms + 1, 0));
        assert_eq!((b.ms, b.counter), (remote.ms + 1, 1));
        // Many ticks in one millisecond never repeat a stamp.
        let mut c = Clock {
            device: DEV,
            last_ms: now,
            last_counter: u32::MAX - 2,
        };
        let stamps: Vec<Stamp> = (0..6).map(|_| c.tick(now)).collect();
        assert!(stamps.windows(2).all(|w| w[0] < w[1]), "{stamps:?}");
        // The unreachable corner (both at their maximum) does not panic.
        let mut c = Clock {
            device: DEV,
            last_ms: u64::MAX,
            last_counter: u32::MAX,
        };
        let _ = c.tick(now);
    }

    #[test]
    fn stamp_text_round_trips() {
        let s = Stamp {
            ms: 1_732_312_345_678,
            counter: 35,
            device: DeviceId(0xabc),
        };
        assert_eq!(s.to_string().parse::<Stamp>(), Ok(s));
        assert!("x.y".parse::<Stamp>().is_err());
        assert!("1.2.0000000000000abc.4".parse::<Stamp>().is_err());
    }
}
