//! Operations: one field of one record set to one value at one stamp.

use super::clock::Stamp;
use super::id::RecordId;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// What the domain asks for: set `field` of record `(kind, id)` to `value`.
/// The replica turns writes into stamped operations.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Write {
    pub kind: String,
    pub id: RecordId,
    pub field: String,
    pub value: Value,
}

/// A stamped change. `p` is the stamp of the value this operation overwrote
/// on its author's device (None for a first write): with it, whether a value
/// was lost to a concurrent edit is a property of the set of operations, not
/// of the order they arrive in.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Op {
    pub stamp: Stamp,
    pub kind: String,
    pub id: RecordId,
    pub field: String,
    pub value: Value,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub p: Option<Stamp>,
}
