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
use std::cmp::Ordering;
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
    /// Sorted by [`loser_order`]: field, stamp, then value and `p`.
    pub losers: Vec<Loser>,
}

impl Entity {
    /// Applies one operation (already checked against the clock). Returns
    /// whether anything changed; a duplicate changes nothing.
    ///
    /// Per field the winner is the greatest by (stamp, then [`tie_order`]
    /// on value and `p`): two operations with the same stamp but different
    /// values (a device that reused a stamp, or a crafted bundle) end the
    /// same whatever order they arrive in, and the one that loses is kept
    /// as a conflict like any other lost value.
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
        let order = op
            .stamp
            .cmp(&cur.stamp)
            .then_with(|| tie_order((&op.value, op.p), (&cur.value, cur.p)));
        match order {
            Ordering::Equal => changed, // a duplicate of the winner
            Ordering::Greater => {
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
                true
            }
            Ordering::Less => {
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
        }
    }

    fn insert_loser(&mut self, loser: Loser) -> bool {
        match self.losers.binary_search_by(|l| loser_order(l, &loser)) {
            Ok(_) => false,
            Err(at) => {
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

/// The order of losing values in [`Entity::losers`]: by field and stamp,
/// and for equal stamps by [`tie_order`].
pub fn loser_order(a: &Loser, b: &Loser) -> Ordering {
    (a.field.as_str(), a.stamp)
        .cmp(&(b.field.as_str(), b.stamp))
        .then_with(|| tie_order((&a.value, a.p), (&b.value, b.p)))
}

/// Breaks a tie between two operations with the same stamp: first by the
/// value in [`value_order`], then by `p`. Equal only when both are the same.
pub fn tie_order(a: (&Value, Option<Stamp>), b: (&Value, Option<Stamp>)) -> Ordering {
    value_order(a.0, b.0).then_with(|| a.1.cmp(&b.1))
}

/// A fixed total order on JSON values, the same on every device: by type
/// (null, booleans, numbers, text, lists, objects), then by content (text
/// by its UTF-8 bytes, numbers by their JSON text, lists element by
/// element, objects by their sorted keys and values). Two values are equal
/// in it exactly when their canonical JSON text is the same, so `-0.0` and
/// `0.0`, or `1` and `1.0`, are different values here.
pub fn value_order(a: &Value, b: &Value) -> Ordering {
    fn rank(v: &Value) -> u8 {
        match v {
            Value::Null => 0,
            Value::Bool(_) => 1,
            Value::Number(_) => 2,
            Value::String(_) => 3,
            Value::Array(_) => 4,
            Value::Object(_) => 5,
        }
    }
    match (a, b) {
        (Value::Bool(x), Value::Bool(y)) => x.cmp(y),
        (Value::Number(x), Value::Number(y)) => x.to_string().cmp(&y.to_string()),
        (Value::String(x), Value::String(y)) => x.as_bytes().cmp(y.as_bytes()),
        (Value::Array(x), Value::Array(y)) => {
            for (p, q) in x.iter().zip(y) {
                let o = value_order(p, q);
                if o != Ordering::Equal {
                    return o;
                }
            }
            x.len().cmp(&y.len())
        }
        (Value::Object(x), Value::Object(y)) => {
            let mut xs: Vec<(&String, &Value)> = x.iter().collect();
            let mut ys: Vec<(&String, &Value)> = y.iter().collect();
            xs.sort_by(|p, q| p.0.cmp(q.0));
            ys.sort_by(|p, q| p.0.cmp(q.0));
            for ((kx, vx), (ky, vy)) in xs.iter().zip(&ys) {
                let o = kx
                    .as_bytes()
                    .cmp(ky.as_bytes())
                    .then_with(|| value_order(vx, vy));
                if o != Ordering::Equal {
                    return o;
                }
            }
            xs.len().cmp(&ys.len())
        }
        _ => rank(a).cmp(&rank(b)),
    }
}
