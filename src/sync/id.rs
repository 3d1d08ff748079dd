//! Identifiers. Both are random numbers handed in by the caller (the browser
//! shell draws them from `crypto.getRandomValues`); this module only prints
//! and parses them.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

/// Crockford base32 alphabet, lowercase: no i, l, o, u, so ids read aloud well.
const ALPHABET: &[u8; 32] = b"0123456789abcdefghjkmnpqrstvwxyz";

/// Byte -> digit value (or 0xff), built at compile time: ids are parsed
/// hundreds of thousands of times at start-up.
const DECODE: [u8; 256] = {
    let mut table = [0xffu8; 256];
    let mut i = 0;
    while i < 32 {
        let c = ALPHABET[i];
        table[c as usize] = i as u8;
        table[c.to_ascii_uppercase() as usize] = i as u8;
        i += 1;
    }
    table
};

fn decode_digit(c: u8) -> Option<u128> {
    match DECODE[c as usize] {
        0xff => None,
        d => Some(d as u128),
    }
}

/// A record id: 128 random bits printed as 26 base32 characters.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct RecordId(pub u128);

impl RecordId {
    /// Which of `n` storage buckets this record lives in.
    pub fn bucket(self, n: u32) -> u32 {
        (self.0 % n as u128) as u32
    }
}

impl fmt::Display for RecordId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut buf = [0u8; 26];
        let mut v = self.0;
        for slot in buf.iter_mut().rev() {
            *slot = ALPHABET[(v & 31) as usize];
            v >>= 5;
        }
        f.write_str(std::str::from_utf8(&buf).map_err(|_| fmt::Error)?)
    }
}

impl fmt::Debug for RecordId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "RecordId({self})")
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not a valid id: {0:?}")]
pub struct BadId(pub String);

impl FromStr for RecordId {
    type Err = BadId;
    fn from_str(s: &str) -> Result<Self, BadId> {
        if s.len() != 26 {
            return Err(BadId(s.into()));
        }
        let mut v: u128 = 0;
        for (i, c) in s.bytes().enumerate() {
            let d = decode_digit(c).ok_or_else(|| BadId(s.into()))?;
            // 26 digits hold 130 bits; the first carries only the top 3 of 128.
            if i == 0 && d > 7 {
                return Err(BadId(s.into()));
            }
            v = (v << 5) | d;
        }
        Ok(RecordId(v))
    }
}

/// A device id: 64 random bits printed as 16 hex digits. It is part of every
/// stamp, so it breaks ties between devices deterministically.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct DeviceId(pub u64);

impl fmt::Display for DeviceId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:016x}", self.0)
    }
}

impl fmt::Debug for DeviceId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "DeviceId({self})")
    }
}

impl FromStr for DeviceId {
    type Err = BadId;
    fn from_str(s: &str) -> Result<Self, BadId> {
        if s.len() != 16 {
            return Err(BadId(s.into()));
        }
        u64::from_str_radix(s, 16)
            .map(DeviceId)
            .map_err(|_| BadId(s.into()))
    }
}

macro_rules! string_serde {
    ($t:ty) => {
        impl Serialize for $t {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_str(self)
            }
        }
        impl<'de> Deserialize<'de> for $t {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
                s.parse().map_err(serde::de::Error::custom)
            }
        }
    };
}
string_serde!(RecordId);
string_serde!(DeviceId);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn record_id_round_trips_at_the_extremes() {
        for v in [
            0u128,
            1,
            u128::MAX,
            0x1234_5678_9abc_def0_1234_5678_9abc_def0,
        ] {
            let id = RecordId(v);
            let printed = id.to_string();
            assert_eq!(printed.len(), 26);
            assert_eq!(printed.parse::<RecordId>(), Ok(id));
        }
        assert!("zzzzzzzzzzzzzzzzzzzzzzzzzz".parse::<RecordId>().is_err());
        assert!("short".parse::<RecordId>().is_err());
        assert!("8123456789abcdefghjkmnpqrs".parse::<RecordId>().is_err());
    }

    #[test]
    fn device_id_round_trips() {
        let d = DeviceId(0xdead_beef_0000_0001);
        assert_eq!(d.to_string().parse::<DeviceId>(), Ok(d));
        assert!("xyz".parse::<DeviceId>().is_err());
    }
}
