//! Reading bundles: parse, verify, decode and apply, refusing whole.

use super::notation::Notation;
use super::*;
use crate::sync::clock::{Clock, ClockError, Stamp};
use crate::sync::entity::Entity;
use crate::sync::id::{DeviceId, RecordId};
use crate::sync::op::Op;
use crate::sync::replica::Replica;
use crate::sync::state::RecordKey;
use serde_json::Value;

fn is_hash(s: &str) -> bool {
    s.len() == 64 && s.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

/// Reads a bundle file given as raw bytes (refuses non-UTF-8 text).
pub fn parse_bytes(bytes: &[u8]) -> Result<Bundle, BundleError> {
    schema::check_size(bytes.len())?;
    let text = std::str::from_utf8(bytes)
        .map_err(|e| BundleError::NotJson(format!("not UTF-8 text: {e}")))?;
    parse(text)
}

/// Reads and checks a bundle: JSON, format, version, fields, range and the
/// payload checksum. The payload itself is read by [`decode`].
pub fn parse(text: &str) -> Result<Bundle, BundleError> {
    use BundleError as E;
    schema::check_size(text.len())?;
    let v: Value = serde_json::from_str(text).map_err(|e| match e.is_eof() {
        true => E::Truncated,
        false => E::NotJson(e.to_string()),
    })?;
    let format = v.get("format").and_then(Value::as_str).unwrap_or_default();
    if format != FORMAT {
        return Err(E::WrongFormat(format.into()));
    }
    let version = v.get("version").map(|x| {
        x.as_u64()
            .ok_or_else(|| E::Malformed(format!("version {x} is not a whole number")))
    });
    if let Some(n) = version
        .transpose()?
        .filter(|n| !(1..=u64::from(VERSION)).contains(n))
    {
        return Err(E::UnsupportedVersion(n));
    }
    match v.get("kind").and_then(Value::as_str) {
        Some(k) if k != "delta" && k != "snapshot" => return Err(E::UnknownBundleKind(k.into())),
        _ => {}
    }
    // Missing or ill-typed fields (serde names them).
    let b: Bundle = serde_json::from_value(v).map_err(|e| E::Malformed(e.to_string()))?;
    let problem = if chrono::DateTime::parse_from_rfc3339(&b.created).is_err() {
        Some("created is not an RFC 3339 date")
    } else if !b.prev_sha256.is_empty() && !is_hash(&b.prev_sha256) {
        Some("prev_sha256 is not a SHA-256")
    } else if (b.kind == BundleKind::Snapshot) != b.frontier.is_some() {
        Some("a snapshot, and only a snapshot, carries a frontier")
    } else {
        None
    };
    if let Some(p) = problem {
        return Err(E::Malformed(p.into()));
    }
    if b.first > b.last {
        let (first, last) = (b.first, b.last);
        return Err(E::BadRange { first, last });
    }
    verify(&b)?;
    Ok(b)
}

/// Checks that `sha256` is the hash of the payload's exact bytes.
pub fn verify(b: &Bundle) -> Result<(), BundleError> {
    let actual = sha256_hex(&b.payload);
    if actual != b.sha256 {
        return Err(BundleError::ChecksumMismatch {
            expected: b.sha256.clone(),
            actual,
        });
    }
    Ok(())
}

/// Stamps that later operations knowingly overwrote, for one field
/// (snapshots carry them; see the module documentation).
#[derive(Debug, Clone, PartialEq)]
pub struct SeenStamps {
    pub kind: String,
    pub id: RecordId,
    pub field: String,
    pub stamps: Vec<Stamp>,
}

/// A bundle's decoded payload.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Contents {
    pub ops: Vec<Op>,
    pub seen: Vec<SeenStamps>,
}

fn undecodable(group: usize, op: Option<usize>, what: &str) -> BundleError {
    BundleError::Undecodable(match op {
        Some(o) => format!("record group {}, change {}: {what}", group + 1, o + 1),
        None => format!("record group {}: {what}", group + 1),
    })
}

fn rel_stamp(v: &Value, n: &Notation, author: DeviceId) -> Option<Stamp> {
    let a = v.as_array()?;
    let (ms, counter, device) = match a.as_slice() {
        [ms, c] => (ms, c, author),
        [ms, c, d] => (ms, c, n.device(d)?),
        _ => return None,
    };
    Some(Stamp {
        ms: n.time(ms)?,
        counter: u32::try_from(counter.as_u64()?).ok()?,
        device,
    })
}

fn decode_op(
    v: &Value,
    n: &Notation,
    (kind, id): (&str, RecordId),
    device: DeviceId,
) -> Result<(Op, Vec<Stamp>), &'static str> {
    let a = v.as_array().ok_or("a change is not an array")?;
    if !(5..=7).contains(&a.len()) {
        return Err("a change has the wrong number of elements");
    }
    let get = |i: usize| a.get(i).unwrap_or(&Value::Null);
    let field = get(0).as_str().ok_or("the field name is not text")?;
    let author = match get(5) {
        Value::Null => device,
        d => n.device(d).ok_or("the author is not a device id")?,
    };
    let ms = n.time(get(2)).ok_or("the time is not a whole number")?;
    let counter = get(3)
        .as_u64()
        .and_then(|c| u32::try_from(c).ok())
        .ok_or("the counter is not a whole number")?;
    let p = match get(4) {
        Value::Null => None,
        x => Some(rel_stamp(x, n, author).ok_or("the overwritten stamp is not a stamp")?),
    };
    let mut seen = Vec::new();
    if let Some(s) = a.get(6) {
        for x in s.as_array().ok_or("the seen stamps are not a list")? {
            seen.push(rel_stamp(x, n, author).ok_or("a seen stamp is not a stamp")?);
        }
    }
    let op = Op {
        stamp: Stamp {
            ms,
            counter,
            device: author,
        },
        kind: kind.to_string(),
        id,
        field: field.to_string(),
        value: get(1).clone(),
        p,
    };
    Ok((op, seen))
}

/// Decodes a (parsed) bundle's payload, re-checking its checksum. Refuses
/// records of a kind the schema does not know, any value that breaks the
/// structural limits or the schema's own ([`schema::check_op`]), and a delta
/// carrying a change authored by another device ([`check_authors`]).
pub fn decode<S: Schema + ?Sized>(b: &Bundle, schema: &S) -> Result<Contents, BundleError> {
    schema::check_size(b.payload.len())?;
    verify(b)?;
    let v: Value = serde_json::from_str(&b.payload)
        .map_err(|e| BundleError::Undecodable(format!("the payload is not JSON ({e})")))?;
    let groups = v
        .as_array()
        .ok_or_else(|| BundleError::Undecodable("the payload is not a list".into()))?;
    // Version 2 opens with the header its times and devices refer to.
    let (n, groups) = match (b.version, groups.split_first()) {
        (1, _) => (Notation::default(), groups.as_slice()),
        (_, Some((head, rest))) => {
            let n = Notation::read_header(head)
                .map_err(|w| BundleError::Undecodable(format!("the payload's header: {w}")))?;
            (n, rest)
        }
        (_, None) => {
            let what = "the payload has no header".to_string();
            return Err(BundleError::Undecodable(what));
        }
    };
    let mut out = Contents::default();
    for (gi, g) in groups.iter().enumerate() {
        let bad = |what| undecodable(gi, None, what);
        let Some([kind, id, ops]) = g.as_array().map(Vec::as_slice) else {
            return Err(bad("not [kind, id, changes]"));
        };
        let kind = kind
            .as_str()
            .ok_or_else(|| bad("the record kind is not text"))?;
        if !schema.knows(kind) {
            return Err(BundleError::UnknownRecordKind(kind.into()));
        }
        let id: Option<RecordId> = id.as_str().and_then(|s| s.parse().ok());
        let id = id.ok_or_else(|| bad("the record id is not an id"))?;
        let ops = ops
            .as_array()
            .ok_or_else(|| bad("the changes are not a list"))?;
        for (oi, o) in ops.iter().enumerate() {
            let (op, stamps) =
                decode_op(o, &n, (kind, id), b.device).map_err(|w| undecodable(gi, Some(oi), w))?;
            schema::check_op(schema, &op)?;
            if !stamps.is_empty() {
                let (kind, field) = (op.kind.clone(), op.field.clone());
                out.seen.push(SeenStamps {
                    kind,
                    id,
                    field,
                    stamps,
                });
            }
            out.ops.push(op);
        }
    }
    check_authors(b, &out)?;
    Ok(out)
}

/// The operations of a bundle (see [`decode`]).
pub fn decode_ops<S: Schema + ?Sized>(b: &Bundle, schema: &S) -> Result<Vec<Op>, BundleError> {
    decode(b, schema).map(|c| c.ops)
}

/// Refuses operations stamped more than a day ahead of `now_ms`
/// ([`super::MAX_FUTURE_MS`]), so files can all be checked before any applies.
pub fn check_stamps(ops: &[Op], now_ms: u64) -> Result<(), BundleError> {
    let probe = Clock::new(DeviceId::default());
    for op in ops {
        probe.check(&op.stamp, now_ms).map_err(clock_error)?;
    }
    Ok(())
}

fn clock_error(e: ClockError) -> BundleError {
    match e {
        ClockError::FromFuture { ahead_ms } => BundleError::FromFuture { ahead_ms },
        ClockError::Malformed(s) => BundleError::Undecodable(s),
    }
}

/// Applies decoded contents to a replica, all or nothing: a stamp from the
/// future refuses everything before the state or clock change.
pub fn apply_contents(
    replica: &mut Replica,
    contents: &Contents,
    now_ms: u64,
) -> Result<Vec<RecordKey>, BundleError> {
    let mut changed = replica
        .receive(&contents.ops, now_ms)
        .map_err(clock_error)?;
    let records = &mut replica.state.records;
    for s in &contents.seen {
        let entity = records.get_mut(&s.kind).and_then(|m| m.get_mut(&s.id));
        let Some(Entity { fields, losers }) = entity else {
            continue;
        };
        let Some(f) = fields.get_mut(&s.field) else {
            continue;
        };
        // What `Entity::apply` does for an op naming `st` as its `p`.
        for st in &s.stamps {
            if let Err(at) = f.seen.binary_search(st) {
                f.seen.insert(at, *st);
                losers.retain(|l| !(l.field == s.field && l.stamp == *st));
                let (kind, id) = (s.kind.clone(), s.id);
                changed.push(RecordKey { kind, id });
            }
        }
    }
    changed.sort();
    changed.dedup();
    Ok(changed)
}

/// Decodes and applies one bundle (see [`decode`] and [`apply_contents`]).
pub fn import<S: Schema + ?Sized>(
    replica: &mut Replica,
    b: &Bundle,
    schema: &S,
    now_ms: u64,
) -> Result<Vec<RecordKey>, BundleError> {
    let contents = decode(b, schema)?;
    apply_contents(replica, &contents, now_ms)
}
