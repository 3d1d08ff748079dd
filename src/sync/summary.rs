//! What a bucket's stamps say, kept beside the bucket so no screen decodes
//! every bucket to ask: which records hold a value that lost a concurrent
//! edit (the conflicts to show), and for each device its first and last
//! stamp held (how current the picture of each device is, R-REP-02; a device
//! without a name is told apart by when it was first seen).
//!
//! A summary is derived: written with its bucket in the same transaction,
//! never merged or synced. The store makes one that is missing or unreadable
//! again from its bucket (`store::summaries`), so a damaged row costs a
//! bucket's read, never a conflict left unshown.

use super::entity::Entity;
use super::id::{DeviceId, RecordId};
use super::state::RecordKey;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// One bucket's summary, stored as `{"c": [[kind, id], …], "d": [[device,
/// first ms, last ms], …]}`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BucketSummary {
    /// The records with an open conflict.
    #[serde(rename = "c", default, skip_serializing_if = "Vec::is_empty")]
    conflicted: Vec<(String, RecordId)>,
    /// Per device, its earliest and latest stamp in the bucket.
    #[serde(rename = "d", default, skip_serializing_if = "Vec::is_empty")]
    devices: Vec<(DeviceId, u64, u64)>,
}

/// The most entries a stored summary may list of either kind: far more
/// than a bucket holds records or devices, so only a damaged row has more.
const MOST_ENTRIES: usize = 100_000;
/// The longest kind name a stored summary may give.
const LONGEST_KIND: usize = 64;

#[derive(Debug, thiserror::Error)]
#[error("a bucket's summary is unreadable: {0}")]
pub struct CorruptSummary(String);

impl BucketSummary {
    /// The summary of a bucket's entities, deleted ones included (their
    /// stamps and losers are still held).
    pub fn of<'a>(entities: impl IntoIterator<Item = (&'a str, RecordId, &'a Entity)>) -> Self {
        let mut conflicted = Vec::new();
        let mut devices: BTreeMap<DeviceId, (u64, u64)> = BTreeMap::new();
        let mut note = |device: DeviceId, ms: u64| {
            let seen = devices.entry(device).or_insert((ms, ms));
            seen.0 = seen.0.min(ms);
            seen.1 = seen.1.max(ms);
        };
        for (kind, id, e) in entities {
            for f in e.fields.values() {
                note(f.stamp.device, f.stamp.ms);
            }
            for l in &e.losers {
                note(l.stamp.device, l.stamp.ms);
            }
            if e.open_conflicts().next().is_some() {
                conflicted.push((kind.to_string(), id));
            }
        }
        BucketSummary {
            conflicted,
            devices: devices
                .into_iter()
                .map(|(d, (first, last))| (d, first, last))
                .collect(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.conflicted.is_empty() && self.devices.is_empty()
    }

    pub fn encode(&self) -> String {
        serde_json::to_string(self).unwrap_or_else(|_| "{}".into())
    }

    /// Reads a stored summary, refusing one no bucket could have written.
    pub fn decode(text: &str) -> Result<Self, CorruptSummary> {
        // Written as an object; serde would also read a list as one.
        if !text.trim_start().starts_with('{') {
            return Err(CorruptSummary("not an object".into()));
        }
        let s: BucketSummary =
            serde_json::from_str(text).map_err(|e| CorruptSummary(e.to_string()))?;
        if s.conflicted.len() > MOST_ENTRIES || s.devices.len() > MOST_ENTRIES {
            return Err(CorruptSummary("more entries than a bucket holds".into()));
        }
        if let Some((kind, _)) = s
            .conflicted
            .iter()
            .find(|(k, _)| k.is_empty() || k.len() > LONGEST_KIND)
        {
            let shown: String = kind.chars().take(LONGEST_KIND).collect();
            return Err(CorruptSummary(format!("no such kind: {shown:?}")));
        }
        if s.devices.iter().any(|(_, first, last)| first > last) {
            return Err(CorruptSummary(
                "a device first seen after it was last seen".into(),
            ));
        }
        Ok(s)
    }
}

/// Every bucket's summary together.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Summaries {
    conflicted: BTreeSet<RecordKey>,
    devices: BTreeMap<DeviceId, (u64, u64)>,
}

impl Summaries {
    pub fn add(&mut self, s: &BucketSummary) {
        for (kind, id) in &s.conflicted {
            self.conflicted.insert(RecordKey {
                kind: kind.clone(),
                id: *id,
            });
        }
        for (device, first, last) in &s.devices {
            let seen = self.devices.entry(*device).or_insert((*first, *last));
            seen.0 = seen.0.min(*first);
            seen.1 = seen.1.max(*last);
        }
    }

    /// The records holding a lost value: only their buckets need reading
    /// to show the conflicts.
    pub fn conflicted(&self) -> &BTreeSet<RecordKey> {
        &self.conflicted
    }

    /// When each of `devices` was first seen: its earliest stamp still
    /// held, in ms since 1970. A device with no stamp is left out.
    pub fn first_seen(&self, devices: &BTreeSet<DeviceId>) -> BTreeMap<DeviceId, u64> {
        devices
            .iter()
            .filter_map(|d| Some((*d, self.devices.get(d)?.0)))
            .collect()
    }

    /// The newest change held from each device, in ms since 1970.
    pub fn last_seen(&self) -> BTreeMap<DeviceId, u64> {
        self.devices.iter().map(|(d, seen)| (*d, seen.1)).collect()
    }
}
