//! Bundles: the sync unit of docs/architecture.md "Bundles". One JSON
//! document, the same as a file or over HTTP; the operations travel as ONE
//! JSON string (`payload`) so that `sha256` covers exact bytes whatever a
//! transport does to the outer JSON.
//!
//! # Payload grammar
//!
//! The payload is a JSON array of record groups; numbers are JSON integers,
//! `devicehex` is the 16-digit lowercase hex device id, `id` the 26-character
//! record id, `value` any JSON value. Version 2 (written now) opens
//! with a header, writes times after its `base` and devices by their place
//! in its list (`notation.rs`); version 1 (still read) has no header and
//! writes times since 1970 and devices in hex:
//!
//! ```text
//! payload = "[" header *( "," group ) "]"        ; version 2
//!         | "[" [ group *( "," group ) ] "]"     ; version 1
//! header  = "[" base "," "[" [ devicehex *( "," devicehex ) ] "]" "]"
//! group   = "[" kind "," id "," "[" op *( "," op ) "]" "]"
//! op      = "[" field "," value "," time "," counter "," p [ "," dev [ "," seen ] ] "]"
//! time    = ms                     ; version 1: milliseconds since 1970
//!         | ms - base              ; version 2
//! p       = null | rel
//! dev     = null | device          ; the op's author; null = the bundle's device
//! device  = devicehex | place      ; place: 0-based, in the header's list (version 2)
//! seen    = "[" [ rel *( "," rel ) ] "]"
//! rel     = "[" time "," counter "]"  ; device = the op's author
//!         | "[" time "," counter "," device "]"
//! ```
//!
//! An op's stamp is `(ms, counter, dev)`. `p` is the stamp of the value the
//! op overwrote on its author's device. `seen` (snapshots only) lists further
//! stamps that later operations knowingly overwrote (the field's `seen` set
//! minus this op's own `p`): without it a new device would mistake old,
//! superseded values for conflicts. Writers emit `dev` only when it differs
//! from the bundle's device or `seen` follows; readers accept both forms.
//!
//! # Delta and snapshot bundles
//!
//! A delta holds the actions `first..=last` of its device, never splitting
//! one action; `prev_sha256` is the payload hash of the device's previous
//! delta ("" for its first). A snapshot holds every record of a state (each
//! field's winner and every loser, with stamps and `p`) plus a `frontier`
//! (per device, the highest sequence held with no gap below it; see
//! `frontier.rs` for what a receiver believes of it). Only a snapshot
//! carries other devices' changes: every change in a delta is authored by
//! the delta's device. A large snapshot is cut by records
//! into parts: `first` is the part number (1-based), `last` the number of
//! parts, and parts chain by `prev_sha256` (part 1 has "").
//!
//! Pure: times come in as arguments.

use super::clock::Stamp;
use super::entity::Entity;
use super::id::{DeviceId, RecordId};
use super::op::Op;
use super::state::State;
use notation::Notation;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::fmt::Write as _;

pub const FORMAT: &str = "ventanilla-bundle";
/// The version this app writes; it reads 1 and 2.
pub const VERSION: u32 = 2;
/// Payloads are kept under this (CouchDB 3 caps documents at 8 MB). One
/// action larger than this still travels, alone in its bundle.
pub const MAX_PAYLOAD_BYTES: usize = 4 * 1024 * 1024;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum BundleKind {
    Delta,
    Snapshot,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bundle {
    pub format: String,
    pub version: u32,
    pub kind: BundleKind,
    pub device: DeviceId,
    pub first: u64,
    pub last: u64,
    #[serde(default)]
    pub prev_sha256: String,
    pub schema: u32,
    pub created: String,
    /// Snapshots only: per device, the highest sequence held with no gap
    /// (gap-free coverage). Outside the checksum: never trusted alone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub frontier: Option<BTreeMap<DeviceId, u64>>,
    /// Snapshots only: the frontier is gap-free coverage. Snapshots of the
    /// previous release lack it: their frontier counted the highest
    /// sequence seen, gaps and all, and is not relied on.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub frontier_gap_free: bool,
    pub payload: String,
    pub sha256: String,
}

impl Bundle {
    /// The document as compact JSON text (no trailing newline).
    pub fn to_json(&self) -> String {
        // A struct of strings, integers and string-keyed maps always serialises.
        serde_json::to_string(self).unwrap_or_default()
    }

    pub fn meta(&self) -> BundleMeta {
        BundleMeta {
            device: self.device,
            kind: self.kind,
            first: self.first,
            last: self.last,
            sha256: self.sha256.clone(),
        }
    }
}

/// What a device keeps about a bundle it has stored or applied.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BundleMeta {
    pub device: DeviceId,
    pub kind: BundleKind,
    pub first: u64,
    pub last: u64,
    pub sha256: String,
}

/// Every reason a bundle is refused. The UI translates by variant; the
/// hub client keeps the reasons of refused documents (serde).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
pub enum BundleError {
    #[error("the bundle is incomplete (cut short or empty): the file or transfer was interrupted")]
    Truncated,
    #[error("the file is not a bundle: it is not valid JSON text ({0})")]
    NotJson(String),
    #[error("the file is not a Ventanilla bundle (its format is {0:?})")]
    WrongFormat(String),
    #[error("the bundle is version {0}, which this app cannot read (it reads versions 1 and 2): update the app")]
    UnsupportedVersion(u64),
    #[error("the bundle is of an unknown kind {0:?} (expected \"delta\" or \"snapshot\")")]
    UnknownBundleKind(String),
    #[error("the bundle is damaged: {0}")]
    Malformed(String),
    #[error("the bundle is damaged: its first change ({first}) comes after its last ({last})")]
    BadRange { first: u64, last: u64 },
    #[error(
        "the bundle's checksum does not match its contents: it was damaged or altered in transit"
    )]
    ChecksumMismatch { expected: String, actual: String },
    #[error("the changes inside the bundle cannot be read: {0}")]
    Undecodable(String),
    #[error("the bundle holds a kind of record this app does not know ({0:?}): it comes from a newer version")]
    UnknownRecordKind(String),
    #[error("the bundle is {bytes} bytes long, more than the {max} bytes a bundle may have")]
    TooLarge { bytes: usize, max: usize },
    #[error("a {kind} record's field {field:?}{} is refused: {limit}", if at.is_empty() { String::new() } else { format!(" (at {at})") })]
    BadValue {
        kind: String,
        field: String,
        /// Where inside the field's value ("" for the value itself).
        at: String,
        limit: Limit,
    },
    #[error("a change is stamped {ahead_ms} ms ahead of this device's clock (more than one day): the sending device's date is probably wrong")]
    FromFuture { ahead_ms: u64 },
    #[error("device {device} already sent a different bundle for changes {first}–{last}: this one contradicts it and is refused")]
    Contradiction {
        device: DeviceId,
        first: u64,
        last: u64,
    },
    #[error("the bundle claims to be this device's changes {first}–{last}, which this device never issued in that form (it has issued up to {own_last}): another installation may be using this device's identity")]
    ContradictsOwnLog {
        first: u64,
        last: u64,
        own_last: u64,
    },
    #[error("the changes of device {device} include one made by device {author}: a device only ever sends its own changes, so the bundle was altered")]
    ForeignAuthor { device: DeviceId, author: DeviceId },
    #[error("the hub document {id} does not hold the bundle its name says (device, number and kind must match)")]
    WrongDocument { id: String },
}

/// Lowercase hex SHA-256 of the exact UTF-8 bytes of `text`.
pub fn sha256_hex(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    let mut out = String::with_capacity(64);
    for b in digest {
        let _ = write!(out, "{b:02x}");
    }
    out
}

// ---------------------------------------------------------------- encoding

fn push_json<T: Serialize + ?Sized>(out: &mut String, v: &T) {
    // Strings and `serde_json::Value`s always serialise.
    out.push_str(&serde_json::to_string(v).unwrap_or_else(|_| "null".into()));
}

fn push_rel(out: &mut String, n: &Notation, s: &Stamp, author: DeviceId) {
    out.push('[');
    n.push_time(out, s.ms);
    let _ = write!(out, ",{}", s.counter);
    if s.device != author {
        out.push(',');
        n.push_device(out, s.device);
    }
    out.push(']');
}

fn push_op(out: &mut String, n: &Notation, op: &Op, seen: &[Stamp], device: DeviceId) {
    let author = op.stamp.device;
    out.push('[');
    push_json(out, &op.field);
    out.push(',');
    push_json(out, &op.value);
    out.push(',');
    n.push_time(out, op.stamp.ms);
    let _ = write!(out, ",{},", op.stamp.counter);
    match &op.p {
        Some(p) => push_rel(out, n, p, author),
        None => out.push_str("null"),
    }
    match (author == device, seen.is_empty()) {
        (true, true) => {}
        (true, false) => out.push_str(",null"),
        (false, _) => {
            out.push(',');
            n.push_device(out, author);
        }
    }
    for (i, s) in seen.iter().enumerate() {
        out.push_str(if i == 0 { ",[" } else { "," });
        push_rel(out, n, s, author);
    }
    if !seen.is_empty() {
        out.push(']');
    }
    out.push(']');
}

/// Appends `ops` as groups of consecutive ops on the same record, separated
/// by commas, without the enclosing brackets. `seen[i]` goes with `ops[i]`
/// (missing = none).
fn push_groups(out: &mut String, n: &Notation, ops: &[Op], seen: &[Vec<Stamp>], device: DeviceId) {
    let mut open: Option<(&str, RecordId)> = None;
    for (i, op) in ops.iter().enumerate() {
        let key = (op.kind.as_str(), op.id);
        if open == Some(key) {
            out.push(',');
        } else {
            if open.is_some() {
                out.push_str("]],");
            }
            out.push('[');
            push_json(out, &op.kind);
            let _ = write!(out, ",\"{}\",[", op.id);
            open = Some(key);
        }
        let seen = seen.get(i).map_or(&[][..], |s| s.as_slice());
        push_op(out, n, op, seen, device);
    }
    if open.is_some() {
        out.push_str("]]");
    }
}

/// Joins pre-encoded pieces into payloads `[head,piece,...]` of at most
/// `limit` bytes (a piece larger than the limit travels alone). Returns, per
/// payload, the range of pieces it holds.
fn pack(head: &str, pieces: &[String], limit: usize) -> Vec<(std::ops::Range<usize>, String)> {
    let open = |body: &mut String| {
        body.clear();
        body.push('[');
        body.push_str(head);
    };
    let mut out = Vec::new();
    let mut body = String::new();
    open(&mut body);
    let mut start = 0;
    for (i, piece) in pieces.iter().enumerate() {
        if piece.is_empty() {
            continue;
        }
        if i > start && body.len() + 1 + piece.len() + 1 > limit {
            body.push(']');
            out.push((start..i, std::mem::take(&mut body)));
            open(&mut body);
            start = i;
        }
        if body.len() > 1 {
            body.push(',');
        }
        body.push_str(piece);
    }
    if start < pieces.len() {
        body.push(']');
        out.push((start..pieces.len(), body));
    }
    out
}

/// Seals payloads `(first, last, payload)` into bundles like `template`,
/// each naming the previous one's hash (the first names `prev`).
fn chain(template: &Bundle, prev: &str, parts: Vec<(u64, u64, String)>) -> Vec<Bundle> {
    let mut prev = prev.to_string();
    let seal = |(first, last, payload): (u64, u64, String)| {
        let sha256 = sha256_hex(&payload);
        let prev_sha256 = std::mem::replace(&mut prev, sha256.clone());
        let t = template.clone();
        Bundle {
            first,
            last,
            prev_sha256,
            payload,
            sha256,
            ..t
        }
    };
    parts.into_iter().map(seal).collect()
}

fn template(
    kind: BundleKind,
    device: DeviceId,
    schema: u32,
    created: &str,
    notation: &Notation,
) -> Bundle {
    Bundle {
        format: FORMAT.into(),
        version: notation.version(),
        kind,
        device,
        first: 0,
        last: 0,
        prev_sha256: String::new(),
        schema,
        created: created.into(),
        frontier: None,
        frontier_gap_free: false,
        payload: String::new(),
        sha256: String::new(),
    }
}

/// This device's actions `(seq, ops)`, ascending, as delta bundles of at most
/// [`MAX_PAYLOAD_BYTES`] each, chained from `prev_sha256` ("" for the
/// device's first). The first bundle starts at `first_seq`, each next one
/// just after the previous `last`; no action is split.
pub fn make_delta_bundles(
    device: DeviceId,
    first_seq: u64,
    ops_by_seq: &[(u64, Vec<Op>)],
    prev_sha256: &str,
    schema: u32,
    created: &str,
) -> Vec<Bundle> {
    let limit = MAX_PAYLOAD_BYTES;
    make_delta_bundles_with_limit(
        device,
        first_seq,
        ops_by_seq,
        prev_sha256,
        schema,
        created,
        limit,
    )
}

/// [`make_delta_bundles`] with a chosen payload limit (for tests).
pub fn make_delta_bundles_with_limit(
    device: DeviceId,
    first_seq: u64,
    ops_by_seq: &[(u64, Vec<Op>)],
    prev_sha256: &str,
    schema: u32,
    created: &str,
    limit: usize,
) -> Vec<Bundle> {
    let all_ops = ops_by_seq.iter().flat_map(|(_, ops)| ops);
    let n = Notation::for_ops(device, all_ops.map(|op| (op, &[][..])));
    let head = n.header_text();
    let encode = |(_, ops): &(u64, Vec<Op>)| {
        let mut s = String::new();
        push_groups(&mut s, &n, ops, &[], device);
        s
    };
    let pieces: Vec<String> = ops_by_seq.iter().map(encode).collect();
    let mut next_first = first_seq;
    let mut parts = Vec::new();
    for (range, _) in pack(&head, &pieces, limit) {
        let seqs = ops_by_seq.get(range).unwrap_or(&[]);
        // Packed by action, written by record: one group per record for the
        // whole bundle (never longer than the per-action form, often much
        // shorter). Order inside a payload does not matter to the merge.
        let mut ops: Vec<&Op> = seqs.iter().flat_map(|(_, ops)| ops).collect();
        ops.sort_by(|a, b| (a.kind.as_str(), a.id).cmp(&(b.kind.as_str(), b.id)));
        let ops: Vec<Op> = ops.into_iter().cloned().collect();
        let mut payload = format!("[{head}");
        if !head.is_empty() && !ops.is_empty() {
            payload.push(',');
        }
        push_groups(&mut payload, &n, &ops, &[], device);
        payload.push(']');
        let first = next_first.min(seqs.first().map_or(next_first, |a| a.0));
        let last = seqs.last().map_or(first, |a| a.0).max(first);
        next_first = last.saturating_add(1);
        parts.push((first, last, payload));
    }
    let t = template(BundleKind::Delta, device, schema, created, &n);
    chain(&t, prev_sha256, parts)
}

/// The whole state as snapshot bundle parts (one part unless larger than
/// [`MAX_PAYLOAD_BYTES`]; never splits a record). Always at least one part.
pub fn make_snapshot_bundles(
    device: DeviceId,
    state: &State,
    frontier: &BTreeMap<DeviceId, u64>,
    schema: u32,
    created: &str,
) -> Vec<Bundle> {
    make_snapshot_bundles_with_limit(device, state, frontier, schema, created, MAX_PAYLOAD_BYTES)
}

/// An entity's ops, winners first in field order, each winner with its
/// field's `seen` stamps (all but its own `p`).
fn entity_ops(kind: &str, id: RecordId, e: &Entity) -> (Vec<Op>, Vec<Vec<Stamp>>) {
    let ops: Vec<Op> = e.ops(kind, id).collect();
    let seen_of = |f: &super::entity::Field| {
        f.seen
            .iter()
            .filter(|s| Some(**s) != f.p)
            .copied()
            .collect()
    };
    let seen: Vec<Vec<Stamp>> = e.fields.values().map(seen_of).collect();
    (ops, seen)
}

fn op_and_seen((ops, seen): &(Vec<Op>, Vec<Vec<Stamp>>)) -> impl Iterator<Item = (&Op, &[Stamp])> {
    let seen_of = |i| seen.get(i).map_or(&[][..], Vec::as_slice);
    ops.iter().enumerate().map(move |(i, op)| (op, seen_of(i)))
}

/// [`make_snapshot_bundles`] with a chosen payload limit (for tests).
pub fn make_snapshot_bundles_with_limit(
    device: DeviceId,
    state: &State,
    frontier: &BTreeMap<DeviceId, u64>,
    schema: u32,
    created: &str,
    limit: usize,
) -> Vec<Bundle> {
    let entities: Vec<_> = state
        .iter()
        .map(|(k, id, e)| entity_ops(k, id, e))
        .collect();
    let n = Notation::for_ops(device, entities.iter().flat_map(op_and_seen));
    let pieces: Vec<String> = entities
        .iter()
        .map(|(ops, seen)| {
            let mut s = String::new();
            push_groups(&mut s, &n, ops, seen, device);
            s
        })
        .collect();
    let head = n.header_text();
    let mut payloads: Vec<String> = pack(&head, &pieces, limit)
        .into_iter()
        .map(|(_, p)| p)
        .collect();
    if payloads.is_empty() {
        payloads.push(format!("[{head}]"));
    }
    let count = payloads.len() as u64;
    let parts = (1..).zip(payloads).map(|(i, p)| (i, count, p)).collect();
    let mut t = template(BundleKind::Snapshot, device, schema, created, &n);
    t.frontier = Some(frontier.clone());
    t.frontier_gap_free = true;
    chain(&t, "", parts)
}

mod chain;
mod frontier;
mod notation;
mod read;
mod schema;
pub use chain::{check_chain, ChainCheck};
pub use frontier::{
    check_authors, claims, gap_free, is_covered, join_coverage, snapshot_frontier, Claim, Coverage,
};
pub use read::{
    apply_contents, check_stamps, decode, decode_ops, import, parse, parse_bytes, verify, Contents,
    SeenStamps,
};
pub use schema::{
    check_op, check_size, check_structure, is_field_name, Limit, Problem, Schema, MAX_BUNDLE_BYTES,
    MAX_FIELD_NAME_BYTES, MAX_VALUE_BYTES, MAX_VALUE_DEPTH, MAX_VALUE_ITEMS,
};
