//! What a bundle's values may be, checked before anything is stamped or
//! stored. Two layers:
//!
//! - structural limits every value meets, whatever its record kind or field
//!   (checked here: nesting depth, size, items, field names), so no value
//!   can make a stored row unreadable or a screen freeze;
//! - the record schema (field types, text lengths, codes, date ranges),
//!   which belongs to the domain and is handed in as a [`Schema`]: `sync`
//!   does not depend on `domain`. Fields a schema does not know (a newer
//!   version's) get the structural limits only and are kept.

use super::BundleError;
use crate::sync::op::Op;
use serde_json::Value;
use std::fmt;

/// A bundle document (a file, or a hub document) longer than this is
/// refused before it is parsed. Writers keep payloads under
/// [`super::MAX_PAYLOAD_BYTES`]; CouchDB caps documents at 8 MB.
pub const MAX_BUNDLE_BYTES: usize = 8 * 1024 * 1024;
/// Deepest nesting of one value (`[[1]]` is 2 deep). The store wraps a value
/// five levels deep in a bucket row, and serde_json refuses text nested
/// deeper than 128: this keeps every stored row far inside that.
pub const MAX_VALUE_DEPTH: usize = 16;
/// Largest one value, counted as JSON text (the largest field the forms
/// allow, a signature, is 60 KB).
pub const MAX_VALUE_BYTES: usize = 128 * 1024;
/// Most items in one list or object inside a value.
pub const MAX_VALUE_ITEMS: usize = 1_000;
/// Longest field name. Names are lowercase ASCII letters, digits and `_`.
pub const MAX_FIELD_NAME_BYTES: usize = 64;

/// The limit a value broke. Each names its bound, so a message can say it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Limit {
    /// A text longer than `max` characters.
    TooLong { max: usize },
    /// More than `max` bytes (one value as JSON, or a text counted in bytes).
    TooLarge { max: usize },
    /// Nested more than `max` levels.
    TooDeep { max: usize },
    /// More than `max` items in a list.
    TooMany { max: usize },
    /// Not of the field's type (`expected`: "text", "date", "record id"…).
    WrongType {
        expected: std::borrow::Cow<'static, str>,
    },
    /// A code this version does not know for this field.
    UnknownCode,
    /// A date outside the years `min..=max`.
    DateOutOfRange { min: i32, max: i32 },
    /// A number outside `min..=max`.
    OutOfRange { min: i64, max: i64 },
    /// A field name that is empty, too long, or not lowercase ASCII letters,
    /// digits and `_`.
    BadName,
}

impl fmt::Display for Limit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Limit::TooLong { max } => write!(f, "longer than {max} characters"),
            Limit::TooLarge { max } => write!(f, "larger than {max} bytes"),
            Limit::TooDeep { max } => write!(f, "nested deeper than {max} levels"),
            Limit::TooMany { max } => write!(f, "more than {max} items"),
            Limit::WrongType { expected } => write!(f, "not a {expected}"),
            Limit::UnknownCode => write!(f, "a code this version does not know"),
            Limit::DateOutOfRange { min, max } => write!(f, "a date outside the years {min}–{max}"),
            Limit::OutOfRange { min, max } => write!(f, "a number outside {min}–{max}"),
            Limit::BadName => write!(
                f,
                "not a field name (1–{MAX_FIELD_NAME_BYTES} lowercase letters, digits or _)"
            ),
        }
    }
}

/// Where inside a field's value a limit was broken ("" for the value
/// itself, "2/at" for the `at` of its third item), and which.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub at: String,
    pub limit: Limit,
}

impl Problem {
    pub fn new(limit: Limit) -> Problem {
        Problem {
            at: String::new(),
            limit,
        }
    }

    /// The same problem seen from one level up (`step` is a key or index).
    pub fn inside(mut self, step: &str) -> Problem {
        self.at = match self.at.is_empty() {
            true => step.to_string(),
            false => format!("{step}/{}", self.at),
        };
        self
    }
}

/// The record schema, as the bundle reader needs it. The domain implements
/// it once; a plain list of kinds checks kinds and structure only.
pub trait Schema {
    /// Whether this version knows records of `kind`.
    fn knows(&self, kind: &str) -> bool;
    /// Checks one field's value (the structural limits are checked after
    /// it, so it must not recurse beyond its own shapes). Fields the schema
    /// does not know must pass (they are a newer version's).
    fn check(&self, kind: &str, field: &str, value: &Value) -> Result<(), Problem>;
}

impl Schema for [&str] {
    fn knows(&self, kind: &str) -> bool {
        self.contains(&kind)
    }
    fn check(&self, _: &str, _: &str, _: &Value) -> Result<(), Problem> {
        Ok(())
    }
}

impl<const N: usize> Schema for [&str; N] {
    fn knows(&self, kind: &str) -> bool {
        self.contains(&kind)
    }
    fn check(&self, _: &str, _: &str, _: &Value) -> Result<(), Problem> {
        Ok(())
    }
}

/// Whether `name` may name a field.
pub fn is_field_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= MAX_FIELD_NAME_BYTES
        && name
            .bytes()
            .all(|b| matches!(b, b'a'..=b'z' | b'0'..=b'9' | b'_'))
}

/// Bytes `s` takes as a JSON string, escapes included (an upper bound).
fn json_len(s: &str) -> usize {
    let escaped = s
        .bytes()
        .filter(|b| *b < 0x20 || *b == b'"' || *b == b'\\')
        .count();
    s.len() + 2 + escaped * 5
}

/// The structural limits: depth, size and items. Walks without recursion
/// and stops at the first limit broken, so a hostile value costs no more
/// than the limits allow.
pub fn check_structure(value: &Value) -> Result<(), Problem> {
    let mut bytes = 0usize;
    let mut stack: Vec<(&Value, usize)> = vec![(value, 0)];
    while let Some((v, depth)) = stack.pop() {
        let size = match v {
            Value::Null => 4,
            Value::Bool(_) => 5,
            // At most 20 digits, a sign, or an exponent form.
            Value::Number(_) => 24,
            Value::String(s) => json_len(s),
            Value::Array(items) => items.len() + 2,
            Value::Object(map) => map.keys().map(|k| json_len(k) + 2).sum::<usize>() + 2,
        };
        bytes = bytes.saturating_add(size);
        if bytes > MAX_VALUE_BYTES {
            return Err(Problem::new(Limit::TooLarge {
                max: MAX_VALUE_BYTES,
            }));
        }
        let n = match v {
            Value::Array(items) => items.len(),
            Value::Object(map) => map.len(),
            _ => continue,
        };
        if depth >= MAX_VALUE_DEPTH {
            return Err(Problem::new(Limit::TooDeep {
                max: MAX_VALUE_DEPTH,
            }));
        }
        if n > MAX_VALUE_ITEMS {
            return Err(Problem::new(Limit::TooMany {
                max: MAX_VALUE_ITEMS,
            }));
        }
        match v {
            Value::Array(items) => stack.extend(items.iter().map(|c| (c, depth + 1))),
            Value::Object(map) => stack.extend(map.values().map(|c| (c, depth + 1))),
            _ => {}
        }
    }
    Ok(())
}

/// Every check one decoded operation must pass: its field name, the
/// schema's own limits (first, so a known field's refusal names its own
/// limit), then the structural ones.
pub fn check_op<S: Schema + ?Sized>(schema: &S, op: &Op) -> Result<(), BundleError> {
    let refuse = |p: Problem| BundleError::BadValue {
        kind: op.kind.clone(),
        field: op.field.chars().take(MAX_FIELD_NAME_BYTES).collect(),
        at: p.at,
        limit: p.limit,
    };
    if !is_field_name(&op.field) {
        return Err(refuse(Problem::new(Limit::BadName)));
    }
    schema
        .check(&op.kind, &op.field, &op.value)
        .map_err(refuse)?;
    check_structure(&op.value).map_err(refuse)
}

/// Refuses a bundle document too long to read.
pub fn check_size(len: usize) -> Result<(), BundleError> {
    match len > MAX_BUNDLE_BYTES {
        true => Err(BundleError::TooLarge {
            bytes: len,
            max: MAX_BUNDLE_BYTES,
        }),
        false => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn nested(depth: usize) -> Value {
        (0..depth).fold(json!(1), |v, _| Value::Array(vec![v]))
    }

    #[test]
    fn depth_counts_containers() {
        assert!(check_structure(&nested(MAX_VALUE_DEPTH)).is_ok());
        let deep = check_structure(&nested(MAX_VALUE_DEPTH + 1)).unwrap_err();
        assert_eq!(
            deep.limit,
            Limit::TooDeep {
                max: MAX_VALUE_DEPTH
            }
        );
    }

    #[test]
    fn size_counts_escapes_and_keys() {
        let fits = "a".repeat(MAX_VALUE_BYTES - 2);
        assert!(check_structure(&json!(fits)).is_ok());
        let quotes = "\"".repeat(MAX_VALUE_BYTES / 2);
        assert!(check_structure(&json!(quotes)).is_err());
        let key = "k".repeat(MAX_VALUE_BYTES);
        assert!(check_structure(&json!({ key: 1 })).is_err());
    }

    #[test]
    fn field_names_are_plain() {
        for ok in ["name", "a_1", "x"] {
            assert!(is_field_name(ok), "{ok}");
        }
        let long = "a".repeat(MAX_FIELD_NAME_BYTES + 1);
        for bad in ["", "Name", "a b", "ñ", "__proto__!", long.as_str()] {
            assert!(!is_field_name(bad), "{bad}");
        }
    }
}
