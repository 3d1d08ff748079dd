//! The record schema: each field's type and limit, from one table
//! (`table.rs`) built on `limits`' constants. The bundle reader checks
//! every value that arrives against it ([`RecordSchema`], the domain's
//! [`Schema`]), and every save checks its writes against it
//! ([`check_writes`]): what one device can store, every device accepts.

mod standards;
mod table;

pub use table::{fields, Fields, COMMON, EVENTS, FORWARD_STEP};

use crate::domain::base::limits::{MAX_ITEMS, MAX_YEAR, MIN_YEAR};
use crate::domain::error::RuleError;
use crate::domain::KNOWN_KINDS;
use crate::sync::bundle::{check_structure, is_field_name, Limit, Problem, Schema};
use crate::sync::{RecordId, State, Write};
use chrono::{Datelike, NaiveDate, NaiveTime};
use serde::Deserialize;
use serde_json::Value;

/// What one field may hold.
#[derive(Clone, Copy, Debug)]
pub enum Spec {
    /// Text of at most this many characters.
    Text(usize),
    /// Text of at most this many bytes (a data URL).
    Bytes(usize),
    Bool,
    /// A record id.
    Id,
    /// A calendar day, `YYYY-MM-DD`, in the years `MIN_YEAR..=MAX_YEAR`.
    Date,
    /// An instant (RFC 3339) in the years `MIN_YEAR..=MAX_YEAR`.
    Instant,
    /// A wall-clock time, `HH:MM:SS`.
    Time,
    /// A wall-clock time as the forms write it, `HH:MM`.
    HhMm,
    /// A whole number in `min..=max`.
    Int(i64, i64),
    /// A code of an enum: whether the record type's serde reads it.
    Code(fn(&Value) -> bool),
    /// `null`, or the inner kind.
    Opt(&'static Spec),
    /// A list of at most `MAX_ITEMS`.
    List(&'static Spec),
    /// A two-element list.
    Pair(&'static Spec, &'static Spec),
    /// An object with these fields (others get the structural limits only).
    Object(Fields),
    /// An object whose `kind` names its fields (an unknown kind is a newer
    /// version's: structural limits only).
    Tagged(&'static [(&'static str, Fields)]),
}

/// The spec of `field` of `kind`, with the field's name as a static string
/// (for messages). None: a kind or field this version does not know.
pub fn spec(kind: &str, field: &str) -> Option<(&'static str, Spec)> {
    let all = fields(kind)?;
    COMMON
        .iter()
        .chain(all.iter())
        .find(|(name, _)| *name == field)
        .copied()
}

fn wrong(expected: &'static str) -> Problem {
    Problem::new(Limit::WrongType {
        expected: expected.into(),
    })
}

fn in_years(year: i32) -> Result<(), Problem> {
    match (MIN_YEAR..=MAX_YEAR).contains(&year) {
        true => Ok(()),
        false => Err(Problem::new(Limit::DateOutOfRange {
            min: MIN_YEAR,
            max: MAX_YEAR,
        })),
    }
}

fn text(v: &Value) -> Result<&str, Problem> {
    v.as_str().ok_or_else(|| wrong("text"))
}

fn check_fields(fields: Fields, map: &serde_json::Map<String, Value>) -> Result<(), Problem> {
    for (name, spec) in fields {
        if let Some(v) = map.get(*name) {
            check(*spec, v).map_err(|p| p.inside(name))?;
        }
    }
    Ok(())
}

/// Checks `v` against `spec`. Values inside lists and objects say where.
pub fn check(spec: Spec, v: &Value) -> Result<(), Problem> {
    match spec {
        Spec::Text(max) => match text(v)?.chars().count() > max {
            true => Err(Problem::new(Limit::TooLong { max })),
            false => Ok(()),
        },
        Spec::Bytes(max) => match text(v)?.len() > max {
            true => Err(Problem::new(Limit::TooLarge { max })),
            false => Ok(()),
        },
        Spec::Bool => v.as_bool().map(|_| ()).ok_or_else(|| wrong("yes/no")),
        Spec::Id => text(v)?
            .parse::<RecordId>()
            .map(|_| ())
            .map_err(|_| wrong("record id")),
        Spec::Date => {
            let d = NaiveDate::deserialize(v).map_err(|_| wrong("date"))?;
            in_years(d.year())
        }
        Spec::Instant => {
            let t = crate::domain::base::when::utc(v).map_err(|_| wrong("date and time"))?;
            in_years(t.year())
        }
        Spec::Time => NaiveTime::deserialize(v)
            .map(|_| ())
            .map_err(|_| wrong("time")),
        Spec::HhMm => NaiveTime::parse_from_str(text(v)?, "%H:%M")
            .map(|_| ())
            .map_err(|_| wrong("time")),
        Spec::Int(min, max) => match v.as_i64() {
            Some(n) if (min..=max).contains(&n) => Ok(()),
            Some(_) => Err(Problem::new(Limit::OutOfRange { min, max })),
            None => match v.is_number() {
                true => Err(Problem::new(Limit::OutOfRange { min, max })),
                false => Err(wrong("whole number")),
            },
        },
        Spec::Code(reads) => match v.is_string() && reads(v) {
            true => Ok(()),
            false => Err(Problem::new(Limit::UnknownCode)),
        },
        Spec::Opt(inner) => match v.is_null() {
            true => Ok(()),
            false => check(*inner, v),
        },
        Spec::List(inner) => {
            let items = v.as_array().ok_or_else(|| wrong("list"))?;
            if items.len() > MAX_ITEMS {
                return Err(Problem::new(Limit::TooMany { max: MAX_ITEMS }));
            }
            for (i, item) in items.iter().enumerate() {
                check(*inner, item).map_err(|p| p.inside(&i.to_string()))?;
            }
            Ok(())
        }
        Spec::Pair(a, b) => match v.as_array().map(Vec::as_slice) {
            Some([x, y]) => {
                check(*a, x).map_err(|p| p.inside("0"))?;
                check(*b, y).map_err(|p| p.inside("1"))
            }
            _ => Err(wrong("pair")),
        },
        Spec::Object(fields) => check_fields(fields, v.as_object().ok_or_else(|| wrong("object"))?),
        Spec::Tagged(tags) => {
            let map = v.as_object().ok_or_else(|| wrong("object"))?;
            let tag = map
                .get("kind")
                .map(text)
                .transpose()
                .map_err(|p| p.inside("kind"))?;
            let fields = tags.iter().find(|(t, _)| Some(*t) == tag).map(|(_, f)| *f);
            fields.map_or(Ok(()), |f| check_fields(f, map))
        }
    }
}

/// The domain's schema for the bundle reader.
#[derive(Debug, Clone, Copy, Default)]
pub struct RecordSchema;

impl Schema for RecordSchema {
    fn knows(&self, kind: &str) -> bool {
        KNOWN_KINDS.contains(&kind)
    }

    fn check(&self, kind: &str, field: &str, value: &Value) -> Result<(), Problem> {
        match spec(kind, field) {
            Some((_, s)) => check(s, value),
            None => Ok(()),
        }
    }
}

/// Whether one field's value would pass an import: what
/// `sync::bundle::check_op` checks, with this schema.
pub fn importable(kind: &str, field: &str, value: &Value) -> Result<(), Problem> {
    if !RecordSchema.knows(kind) || !is_field_name(field) {
        return Err(Problem::new(Limit::BadName));
    }
    RecordSchema.check(kind, field, value)?;
    check_structure(value)
}

/// Leaves out of `state` every value an import would refuse (stored by an
/// older version, before imports were checked), so a snapshot of it is
/// accepted everywhere. Says what it left out.
pub fn retain_importable(state: &mut State) -> Vec<String> {
    let mut left_out = Vec::new();
    for (kind, records) in state.records.iter_mut() {
        for (id, e) in records.iter_mut() {
            let mut why = |field: &str, p: Problem| {
                left_out.push(format!("{kind} {id}, field {field}: {}", p.limit));
            };
            e.fields
                .retain(|name, f| match importable(kind, name, &f.value) {
                    Ok(()) => true,
                    Err(p) => {
                        why(name, p);
                        false
                    }
                });
            e.losers
                .retain(|l| match importable(kind, &l.field, &l.value) {
                    Ok(()) => true,
                    Err(p) => {
                        why(&l.field, p);
                        false
                    }
                });
        }
    }
    left_out
}

/// Checks a save's writes against the same limits imports meet, so no
/// device stores what others would refuse. The message names the field.
pub fn check_writes(writes: &[Write]) -> Result<(), RuleError> {
    for w in writes {
        let field = spec(&w.kind, &w.field).map_or("value", |(n, _)| n);
        let Err(Problem { at, limit }) = importable(&w.kind, &w.field, &w.value) else {
            continue;
        };
        let name = nested_name(&at).unwrap_or(field);
        return Err(match limit {
            Limit::TooLong { max } => RuleError::TooLong { field: name, max },
            Limit::TooLarge { max } if name == "signature" => {
                RuleError::SignatureTooLarge { max_kb: max / 1000 }
            }
            Limit::DateOutOfRange { .. } => RuleError::InvalidDate { field: name },
            _ => RuleError::OutOfRange { field: name },
        });
    }
    Ok(())
}

/// The static name of the innermost named field of a path inside a value
/// ("2/at" -> "at"), from the nested tables.
fn nested_name(at: &str) -> Option<&'static str> {
    let last = at.rsplit('/').find(|s| s.parse::<usize>().is_err())?;
    EVENTS
        .iter()
        .flat_map(|(_, f)| f.iter())
        .chain(FORWARD_STEP.iter())
        .map(|(n, _)| *n)
        .find(|n| *n == last)
}
