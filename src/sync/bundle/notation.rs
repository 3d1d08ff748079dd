//! How a payload writes times and devices (see the grammar in `mod.rs`).
//!
//! Version 1 writes every time as milliseconds since 1970 (13 digits) and
//! every device as its 16 hex digits in quotes. Version 2 opens the payload
//! with a header `[base, [devicehex, ...]]` and then writes a time as the
//! milliseconds after `base` (the earliest time the payload holds) and a
//! device as its place in that list. An edit of another device's value
//! names two times and one device, so this takes about a third off it.

use crate::sync::clock::Stamp;
use crate::sync::id::DeviceId;
use crate::sync::op::Op;
use serde_json::Value;
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// The notation of one payload: plain (version 1) or relative to a header.
#[derive(Debug, Default)]
pub(super) struct Notation {
    /// None: version 1 (absolute times, devices in hex).
    header: Option<Header>,
}

#[derive(Debug)]
struct Header {
    base: u64,
    devices: Vec<DeviceId>,
    places: BTreeMap<DeviceId, usize>,
}

impl Notation {
    /// The version 2 notation for a payload holding `ops` (with their
    /// `seen` stamps) of a bundle from `device`: the base is the earliest
    /// time any of them names, and the list holds exactly the devices that
    /// are written out (an author other than `device`, a `p` or seen stamp
    /// of a device other than its op's author).
    pub(super) fn for_ops<'a>(
        device: DeviceId,
        ops: impl Iterator<Item = (&'a Op, &'a [Stamp])>,
    ) -> Self {
        let mut base = u64::MAX;
        let mut named = std::collections::BTreeSet::new();
        for (op, seen) in ops {
            let author = op.stamp.device;
            if author != device {
                named.insert(author);
            }
            base = base.min(op.stamp.ms);
            for rel in op.p.iter().chain(seen) {
                base = base.min(rel.ms);
                if rel.device != author {
                    named.insert(rel.device);
                }
            }
        }
        let devices: Vec<DeviceId> = named.into_iter().collect();
        let places = devices.iter().enumerate().map(|(i, d)| (*d, i)).collect();
        let base = if base == u64::MAX { 0 } else { base };
        Notation {
            header: Some(Header {
                base,
                devices,
                places,
            }),
        }
    }

    /// The bundle version this notation belongs to.
    pub(super) fn version(&self) -> u32 {
        if self.header.is_some() {
            2
        } else {
            1
        }
    }

    /// The payload's first element (version 2), without a separator; ""
    /// for version 1.
    pub(super) fn header_text(&self) -> String {
        let Some(h) = &self.header else {
            return String::new();
        };
        let mut out = format!("[{},[", h.base);
        for (i, d) in h.devices.iter().enumerate() {
            let sep = if i == 0 { "" } else { "," };
            let _ = write!(out, "{sep}\"{d}\"");
        }
        out.push_str("]]");
        out
    }

    pub(super) fn push_time(&self, out: &mut String, ms: u64) {
        // The base is the least time of the payload (`for_ops`), so the
        // subtraction cannot go below zero for what it was built from.
        let t = self
            .header
            .as_ref()
            .map_or(ms, |h| ms.saturating_sub(h.base));
        let _ = write!(out, "{t}");
    }

    pub(super) fn push_device(&self, out: &mut String, d: DeviceId) {
        match self.header.as_ref().and_then(|h| h.places.get(&d)) {
            Some(place) => {
                let _ = write!(out, "{place}");
            }
            // Version 2 readers take a device in hex too.
            None => {
                let _ = write!(out, "\"{d}\"");
            }
        }
    }

    // ------------------------------------------------------------ reading

    /// Reads a version 2 header `[base, [devicehex, ...]]`.
    pub(super) fn read_header(v: &Value) -> Result<Self, &'static str> {
        const BAD: &str = "the header is not [base time, [device, ...]]";
        let Some([base, devices]) = v.as_array().map(Vec::as_slice) else {
            return Err(BAD);
        };
        let base = base.as_u64().ok_or(BAD)?;
        let mut list = Vec::new();
        for d in devices.as_array().ok_or(BAD)? {
            let d: DeviceId = d
                .as_str()
                .and_then(|s| s.parse().ok())
                .ok_or("the header names a device that is not a device id")?;
            list.push(d);
        }
        let places = list.iter().enumerate().map(|(i, d)| (*d, i)).collect();
        Ok(Notation {
            header: Some(Header {
                base,
                devices: list,
                places,
            }),
        })
    }

    /// A time as written (None if it is not one, or lies past the end of
    /// time after adding the base).
    pub(super) fn time(&self, v: &Value) -> Option<u64> {
        let t = v.as_u64()?;
        match &self.header {
            Some(h) => h.base.checked_add(t),
            None => Some(t),
        }
    }

    /// A device as written: its hex, or (version 2) its place in the list.
    pub(super) fn device(&self, v: &Value) -> Option<DeviceId> {
        match (v, &self.header) {
            (Value::String(s), _) => s.parse().ok(),
            (Value::Number(n), Some(h)) => {
                let place = usize::try_from(n.as_u64()?).ok()?;
                h.devices.get(place).copied()
            }
            _ => None,
        }
    }
}
