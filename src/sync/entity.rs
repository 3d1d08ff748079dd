//! One record: named fields, each the last-writer-wins value of its
//! operations, plus the values that lost a concurrent edit.
//!
//! The conflict rule, order-independent by construction: a losing operation
//! X (not the winner of its field) is a conflict unless some operation on the
//! field names X as the value it knowingly overwrote (`p == X.stamp`). The
//! `seen` list keeps every `p` ever applied to the field, so late arrivals
//! are judged the same as early ones.

use super::clock::Stamp;
use super::op::Op;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Field {
    pub value: Value,
    pub stamp: Stamp,
    /// What the winning operation overwrote on its author's device.
    pub p: Option<Stamp>,
    /// Every `p` applied to this field, sorted, without duplicates.
    pub seen: Vec<Stamp>,
}

/// A value that lost to a concurrent write (nobody who overwrote it had seen it).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Loser {
    pub field: String,
    pub value: Value,
    pub stamp: Stamp,
    pub p: Option<Stamp>,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Entity {
    pub fields: BTreeMap<String, Field>,
    /// Sorted by (field, stamp).
    pub losers: Vec<Loser>,
}

impl Entity {
    /// Applies one operation (already checked against the clock). Returns
    /// whether anything changed; a duplicate changes nothing.
    pub fn apply(&mut self, op: &Op) -> bool {
        let Some(cur) = self.fields.get_mut(&op.field) else {
            let mut seen = Vec::new();
            if let Some(p) = op.p {
                seen.push(p);
            }
            self.fields.insert(
                op.field.clone(),
                Field {
                    value: op.value.clone(),
                    stamp: op.stamp,
                    p: op.p,
                    seen,
                },
            );
            return true;
        };
        if cur.stamp == op.stamp {
            return false; // duplicate of the winner
        }
        let mut changed = false;
        if let Some(p) = op.p {
            if let Err(at) = cur.seen.binary_search(&p) {
                cur.seen.insert(at, p);
                changed = true;
                let before = self.losers.len();
                self.losers
                    .retain(|l| !(l.field == op.field && l.stamp == p));
                changed |= before != self.losers.len();
            }
        }
        if op.stamp > cur.stamp {
            let old = Loser {
                field: op.field.clone(),
                value: std::mem::replace(&mut cur.value, op.value.clone()),
                stamp: cur.stamp,
                p: cur.p,
            };
            cur.stamp = op.stamp;
            cur.p = op.p;
            let unseen = cur.seen.binary_search(&old.stamp).is_err();
            if unseen {
                self.insert_loser(old);
            }
            return true;
        }
        // An older operation: history, or a value lost to a concurrent edit.
        let unseen = cur.seen.binary_search(&op.stamp).is_err();
        if unseen {
            changed |= self.insert_loser(Loser {
                field: op.field.clone(),
                value: op.value.clone(),
                stamp: op.stamp,
                p: op.p,
            });
        }
        changed
    }

    fn insert_loser(&mut self, loser: Loser) -> bool {
        let key = |l: &Loser| (l.field.clone(), l.stamp);
        match self.losers.binary_search_by(|l| {
            (l.field.as_str(), l.stamp).cmp(&(loser.field.as_str(), loser.stamp))
        }) {
            Ok(_) => false,
            Err(at) => {
                debug_assert!(self.losers.get(at).map(key) != Some(key(&loser)));
                self.losers.insert(at, loser);
                true
            }
        }
    }

    pub fn get(&self, field: &str) -> Option<&Value> {
        self.fields.get(field).map(|f| &f.value)
    }

    pub fn is_deleted(&self) -> bool {
        self.get("deleted") == Some(&Value::Bool(true))
    }

    /// The plain JSON object the typed domain views are read from.
    pub fn to_json(&self) -> Value {
        Value::Object(
            self.fields
                .iter()
                .map(|(k, f)| (k.clone(), f.value.clone()))
                .collect(),
        )
    }

    /// Losing values a person should review: those that differ from what
    /// the field holds now (two devices typing the same thing is no conflict).
    pub fn open_conflicts(&self) -> impl Iterator<Item = &Loser> {
        self.losers
            .iter()
            .filter(|l| self.fields.get(&l.field).map(|f| &f.value) != Some(&l.value))
    }

    /// Every operation this entity still remembers (winners and losers),
    /// for snapshots and for tests.
    pub fn ops<'a>(&'a self, kind: &'a str, id: super::RecordId) -> impl Iterator<Item = Op> + 'a {
        let winners = self.fields.iter().map(move |(name, f)| Op {
            stamp: f.stamp,
            kind: kind.to_string(),
            id,
            field: name.clone(),
            value: f.value.clone(),
            p: f.p,
        });
        let losers = self.losers.iter().map(move |l| Op {
            stamp: l.stamp,
            kind: kind.to_string(),
            id,
            field: l.field.clone(),
            value: l.value.clone(),
            p: l.p,
        });
        winners.chain(losers)
    }
}
