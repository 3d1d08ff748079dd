//! Typed records over entities. A record is a plain serde struct; its
//! top-level JSON fields are the entity's fields, so a save writes only the
//! fields that changed, and fields this version does not know are left alone.

use crate::sync::{RecordId, Write};
use chrono::{DateTime, Utc};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// A typed view of one entity kind. `Default` gives the value every missing
/// field reads as, and the base `from_json` falls back on for a field it
/// cannot read.
pub trait Record: Serialize + DeserializeOwned + Clone + Default {
    const KIND: &'static str;
    fn id(&self) -> RecordId;
    fn set_id(&mut self, id: RecordId);
}

/// Who created a record and who last changed it, and when (R-ROL-01).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Audit {
    pub created_by: RecordId,
    #[serde(deserialize_with = "crate::domain::base::when::utc")]
    pub created_at: DateTime<Utc>,
    pub changed_by: RecordId,
    #[serde(deserialize_with = "crate::domain::base::when::utc")]
    pub changed_at: DateTime<Utc>,
}

impl Audit {
    pub fn new(actor: RecordId, now: DateTime<Utc>) -> Audit {
        Audit {
            created_by: actor,
            created_at: now,
            changed_by: actor,
            changed_at: now,
        }
    }

    pub fn touch(&mut self, actor: RecordId, now: DateTime<Utc>) {
        self.changed_by = actor;
        self.changed_at = now;
    }
}

fn object(v: Value) -> serde_json::Map<String, Value> {
    match v {
        Value::Object(m) => m,
        _ => serde_json::Map::new(),
    }
}

/// A value a missing field reads as anyway (every field is `serde(default)`).
fn is_empty_value(v: &Value) -> bool {
    match v {
        Value::Null | Value::Bool(false) => true,
        Value::String(s) => s.is_empty(),
        Value::Array(a) => a.is_empty(),
        _ => false,
    }
}

/// The writes that turn what `stored` holds under `new`'s id into `new`
/// (an area's operation computes the new record; this makes it a change).
pub fn diff<T: Record>(stored: &std::collections::BTreeMap<RecordId, T>, new: &T) -> Vec<Write> {
    to_writes(stored.get(&new.id()), new)
}

/// The writes of a record whose id is derived from what it is about (a
/// week's plan, a month's report, a department's name). One deleted under
/// that id before (clearing demo data deletes the demo's) would hide a new
/// one, and its old fields would show through the new one's empty ones:
/// made anew, it writes every field, empty ones too, and `deleted: false`.
pub fn anew<T: Record>(stored: &std::collections::BTreeMap<RecordId, T>, new: &T) -> Vec<Write> {
    if stored.contains_key(&new.id()) {
        return diff(stored, new);
    }
    let write = |field: String, value: Value| Write {
        kind: T::KIND.to_string(),
        id: new.id(),
        field,
        value,
    };
    let mut w: Vec<Write> = match serde_json::to_value(new) {
        Ok(Value::Object(fields)) => fields.into_iter().map(|(f, v)| write(f, v)).collect(),
        _ => Vec::new(),
    };
    w.push(write("deleted".into(), Value::Bool(false)));
    w
}

/// One write per top-level field that differs between `old` and `new`. A new
/// record writes only its non-empty fields: missing fields read as defaults.
pub fn to_writes<T: Record>(old: Option<&T>, new: &T) -> Vec<Write> {
    let is_new = old.is_none();
    let new_fields = object(serde_json::to_value(new).unwrap_or(Value::Null));
    let old_fields = old
        .map(|o| object(serde_json::to_value(o).unwrap_or(Value::Null)))
        .unwrap_or_default();
    new_fields
        .into_iter()
        .filter(|(k, v)| {
            if is_new {
                !is_empty_value(v)
            } else {
                old_fields.get(k) != Some(v)
            }
        })
        .map(|(field, value)| Write {
            kind: T::KIND.to_string(),
            id: new.id(),
            field,
            value,
        })
        .collect()
}

/// The typed view of an entity's fields; None when deleted or not an object.
/// A field this version cannot read (a newer enum value, a wrong type from a
/// buggy peer) falls back to its default instead of hiding the whole record;
/// the raw field stays in the store untouched.
pub fn from_json<T: Record>(id: RecordId, fields: &Value) -> Option<T> {
    let object = fields.as_object()?;
    if object.get("deleted") == Some(&Value::Bool(true)) {
        return None;
    }
    let mut record: T = match read(fields) {
        Some(r) => r,
        None => lenient(object)?,
    };
    record.set_id(id);
    Some(record)
}

/// The slow path: keep each field that reads on its own, in order; the
/// others read as their defaults (every field is `serde(default)`, so any
/// subset of fields reads). Rare, so the re-parse per field does not matter.
/// It never serialises a `T`: the main piece then needs no writer for the
/// kinds it only reads.
fn lenient<T: Record>(fields: &serde_json::Map<String, Value>) -> Option<T> {
    let mut kept = serde_json::Map::new();
    for (key, value) in fields {
        kept.insert(key.clone(), value.clone());
        if read::<T>(&Value::Object(kept.clone())).is_none() {
            kept.remove(key);
        }
    }
    read(&Value::Object(kept))
}

/// Reads a record from its fields through their text, not from the tree:
/// start-up reads every record from the stored view's text, so each record
/// type's reader then exists once in the app (reading from a tree as well
/// doubled them, about a fifth of the main piece). A record is small; the
/// round trip costs microseconds.
fn read<T: Record>(fields: &Value) -> Option<T> {
    serde_json::from_str(&serde_json::to_string(fields).ok()?).ok()
}

/// Re-reads one record of a typed map from its entity's fields (None, or
/// unreadable: the record is gone). Returns what was there before.
pub fn put<T: Record>(
    map: &mut std::collections::BTreeMap<RecordId, T>,
    id: RecordId,
    fields: Option<&Value>,
) -> Option<T> {
    match fields.and_then(|f| from_json::<T>(id, f)) {
        Some(record) => map.insert(id, record),
        None => map.remove(&id),
    }
}

/// Fills a typed map from stored view rows; returns how many there were.
pub fn load<T: Record>(
    map: &mut std::collections::BTreeMap<RecordId, T>,
    rows: Vec<(RecordId, T)>,
) -> usize {
    let n = rows.len();
    for (id, mut r) in rows {
        r.set_id(id);
        map.insert(id, r);
    }
    n
}

/// Deletion is a tombstone field; nothing is physically removed.
pub fn tombstone(kind: &str, id: RecordId) -> Write {
    Write {
        kind: kind.to_string(),
        id,
        field: "deleted".into(),
        value: Value::Bool(true),
    }
}

/// A string-coded enum: serde snake_case, `ALL`, `code()` and `from_code()`.
macro_rules! code_enum {
    ($name:ident { $($variant:ident => $code:literal),* $(,)? }) => {
        #[derive(Clone, Copy, PartialEq, Eq, Debug, Default, Hash, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { #[default] $($variant),* }
        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),*];
            pub fn code(self) -> &'static str { match self { $($name::$variant => $code),* } }
            pub fn from_code(code: &str) -> Option<$name> { Self::ALL.iter().copied().find(|v| v.code() == code) }
        }
    };
}
pub(crate) use code_enum;
