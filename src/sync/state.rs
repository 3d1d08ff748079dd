//! The whole replicated state: every entity by (kind, id).

use super::entity::{Entity, Loser};
use super::id::RecordId;
use super::op::Op;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct RecordKey {
    pub kind: String,
    pub id: RecordId,
}

/// Ordered maps all the way down, so two replicas that have seen the same
/// operations serialise to the same bytes.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct State {
    pub records: BTreeMap<String, BTreeMap<RecordId, Entity>>,
}

impl State {
    /// Applies operations; returns the keys of records that changed.
    pub fn apply<'a>(&mut self, ops: impl IntoIterator<Item = &'a Op>) -> Vec<RecordKey> {
        let mut changed: Vec<RecordKey> = Vec::new();
        for op in ops {
            let entity = self
                .records
                .entry(op.kind.clone())
                .or_default()
                .entry(op.id)
                .or_default();
            if entity.apply(op) {
                changed.push(RecordKey {
                    kind: op.kind.clone(),
                    id: op.id,
                });
            }
        }
        changed.sort();
        changed.dedup();
        changed
    }

    pub fn get(&self, kind: &str, id: RecordId) -> Option<&Entity> {
        self.records.get(kind).and_then(|m| m.get(&id))
    }

    pub fn insert(&mut self, kind: &str, id: RecordId, entity: Entity) {
        self.records
            .entry(kind.to_string())
            .or_default()
            .insert(id, entity);
    }

    pub fn len(&self) -> usize {
        self.records.values().map(|m| m.len()).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn iter(&self) -> impl Iterator<Item = (&str, RecordId, &Entity)> {
        self.records
            .iter()
            .flat_map(|(k, m)| m.iter().map(move |(id, e)| (k.as_str(), *id, e)))
    }

    /// Every value that lost a concurrent edit and still differs from the
    /// current one: the conflict list a person reviews.
    pub fn conflicts(&self) -> Vec<(RecordKey, &Loser)> {
        self.iter()
            .flat_map(|(kind, id, e)| {
                e.open_conflicts().map(move |l| {
                    (
                        RecordKey {
                            kind: kind.to_string(),
                            id,
                        },
                        l,
                    )
                })
            })
            .collect()
    }

    /// Canonical bytes, for "byte-identical" checks.
    pub fn to_canonical_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}
