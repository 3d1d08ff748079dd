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
        for (kind, id, e) in entities {
            for (device, ms) in stamps(e) {
                note(&mut devices, device, ms);
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

    /// This summary after a save changed some of its bucket's records,
    /// each given as it was stored (None: new) and as it is now: what
    /// [`BucketSummary::of`] would give over the whole bucket, without
    /// reading the records the save left alone. When a stamp the save took
    /// away was a device's first or last in the bucket, which one is first
    /// or last now is asked of `others`: every stamp of the records the
    /// save did not change (None when they cannot be read). None too when
    /// this summary is not in the order `of` writes.
    pub fn updated<'a>(
        &self,
        changed: &[(&'a str, RecordId, Option<&'a Entity>, &'a Entity)],
        others: impl FnOnce() -> Option<Vec<(DeviceId, u64)>>,
    ) -> Option<BucketSummary> {
        let ordered = |a: &[(String, RecordId)]| {
            a.windows(2)
                .all(|w| (w[0].0.as_str(), w[0].1) < (w[1].0.as_str(), w[1].1))
        };
        if !ordered(&self.conflicted) || !self.devices.windows(2).all(|w| w[0].0 < w[1].0) {
            return None;
        }
        let mut conflicted = self.conflicted.clone();
        let mut devices: BTreeMap<DeviceId, (u64, u64)> = self
            .devices
            .iter()
            .map(|(d, first, last)| (*d, (*first, *last)))
            .collect();
        let mut extreme_gone = false;
        for (kind, id, before, after) in changed {
            let now: BTreeSet<(DeviceId, u64)> = stamps(after).collect();
            let gone = before
                .iter()
                .flat_map(|e| stamps(e))
                .filter(|s| !now.contains(s));
            for (device, ms) in gone {
                let (first, last) = devices.get(&device)?;
                extreme_gone |= ms <= *first || ms >= *last;
            }
            let at = conflicted.binary_search_by(|(k, i)| (k.as_str(), *i).cmp(&(*kind, *id)));
            let open = after.open_conflicts().next().is_some();
            match (at, open) {
                (Ok(at), false) => {
                    conflicted.remove(at);
                }
                (Err(at), true) => conflicted.insert(at, (kind.to_string(), *id)),
                _ => {}
            }
        }
        if extreme_gone {
            devices.clear();
            for (device, ms) in others()? {
                note(&mut devices, device, ms);
            }
        }
        for (device, ms) in changed.iter().flat_map(|c| stamps(c.3)) {
            note(&mut devices, device, ms);
        }
        Some(BucketSummary {
            conflicted,
            devices: devices
                .into_iter()
                .map(|(d, (first, last))| (d, first, last))
                .collect(),
        })
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

/// Widens a device's first and last stamp to take in `ms`.
fn note(devices: &mut BTreeMap<DeviceId, (u64, u64)>, device: DeviceId, ms: u64) {
    let seen = devices.entry(device).or_insert((ms, ms));
    seen.0 = seen.0.min(ms);
    seen.1 = seen.1.max(ms);
}

/// Every stamp an entity holds, of its values and of the values they beat.
fn stamps(e: &Entity) -> impl Iterator<Item = (DeviceId, u64)> + '_ {
    e.fields
        .values()
        .map(|f| f.stamp)
        .chain(e.losers.iter().map(|l| l.stamp))
        .map(|s| (s.device, s.ms))
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
