//! A save that rewrites only the records it touches.
//!
//! A bucket row and the rows made from it (`stored::encode_views`, the
//! summary) are lists of one text per record, in (kind, id) order. A save
//! touches a record or two of a bucket that holds hundreds, so instead of
//! decoding every record and encoding them all again, it cuts the stored
//! texts at their members' boundaries (`split`), decodes only the touched
//! records, and puts their new texts in place of the old. Every untouched
//! member is kept byte for byte: this version wrote it with the same
//! encoder, so the result is the bytes a whole rewrite would give (the
//! property tests in `tests/native/splice.rs` hold the two paths equal).
//!
//! Anything unexpected (a row cut short, members out of order or twice, a
//! touched record that does not read, views that do not list a record where
//! its bucket says it is, a summary extreme the save may have removed) gives
//! `None`, and the caller takes the whole path (`stored::merge_bucket`),
//! which reads every record and reports what it cannot. A record the save
//! does not touch is not read at all, so a damaged one is carried as it
//! is: every whole read (start-up's summaries, an import, a snapshot)
//! still skips and reports it.

use super::entity::Entity;
use super::id::RecordId;
use super::op::Op;
use super::split;
use super::state::{RecordKey, State};
use super::stored::{
    self, decode_entity, encode_entity, entity_stamps, kept_apart, open_entry, trace_entry,
    HistoryRule, MergedBucket, ViewRows, CLOSED_KEY,
};
use super::summary::BucketSummary;
use std::collections::BTreeMap;

/// A stored bucket row cut into its records' texts, in (kind, id) order.
pub struct BucketCut<'a> {
    members: Vec<(&'a str, RecordId, &'a str)>,
}

impl<'a> BucketCut<'a> {
    /// None unless `text` is a list of records each opening with its kind
    /// and id, in strictly increasing order: what this version writes.
    /// An empty text (no row yet) is an empty bucket.
    pub fn of(text: &'a str) -> Option<BucketCut<'a>> {
        let mut members: Vec<(&str, RecordId, &str)> = Vec::new();
        if text.is_empty() {
            return Some(BucketCut { members });
        }
        for m in split::members(text).filter(|_| text.trim_start().starts_with('['))? {
            let (kind, id) = bucket_key(m.value)?;
            if members
                .last()
                .is_some_and(|(k, i, _)| (*k, *i) >= (kind, id))
            {
                return None;
            }
            members.push((kind, id, m.value));
        }
        Some(BucketCut { members })
    }

    fn find(&self, kind: &str, id: RecordId) -> Result<usize, usize> {
        self.members
            .binary_search_by(|(k, i, _)| (*k, *i).cmp(&(kind, id)))
    }

    /// The stored record `(kind, id)`: Ok(None) when the bucket does not
    /// hold it, Err when its text does not read.
    pub fn read(&self, kind: &str, id: RecordId) -> Result<Option<Entity>, String> {
        match self.find(kind, id) {
            Ok(at) => decode_entity(self.members[at].2).map(Some),
            Err(_) => Ok(None),
        }
    }

    /// The records `keys` name that the bucket holds, read into `state`
    /// (what a save stamps against). False when one does not read.
    pub fn read_into<'k>(
        &self,
        keys: impl IntoIterator<Item = (&'k str, RecordId)>,
        state: &mut State,
    ) -> bool {
        for (kind, id) in keys {
            match self.read(kind, id) {
                Ok(Some(e)) => state.insert(kind, id, e),
                Ok(None) => {}
                Err(_) => return false,
            }
        }
        true
    }
}

/// `{"k":"<kind>","i":"<id>",…}`: the key every stored record opens with.
fn bucket_key(member: &str) -> Option<(&str, RecordId)> {
    let rest = member.strip_prefix("{\"k\":\"")?;
    let end = rest.find('"')?;
    let kind = rest.get(..end)?;
    if kind.contains('\\') {
        return None;
    }
    let id = rest.get(end..)?.strip_prefix("\",\"i\":\"")?;
    if id.get(26..27) != Some("\"") {
        return None;
    }
    Some((kind, id.get(..26)?.parse().ok()?))
}

/// `["<id>",…]`: the id every view entry and trace opens with.
fn entry_id(entry: &str) -> Option<RecordId> {
    let rest = entry.strip_prefix("[\"")?;
    if rest.get(26..27) != Some("\"") {
        return None;
    }
    rest.get(..26)?.parse().ok()
}

/// Entries by kind, each kind's in id order: `{"kind": [entry, …], …}`.
#[derive(Default)]
struct Groups<'a> {
    kinds: BTreeMap<String, Vec<(RecordId, Text<'a>)>>,
}

/// A member's text: kept from the stored row, or made by this save.
enum Text<'a> {
    Kept(&'a str),
    Made(String),
}

impl Text<'_> {
    fn as_str(&self) -> &str {
        match self {
            Text::Kept(t) => t,
            Text::Made(t) => t,
        }
    }
}

impl<'a> Groups<'a> {
    fn read(list: &str) -> Option<Vec<(RecordId, Text<'_>)>> {
        let mut out: Vec<(RecordId, Text<'_>)> = Vec::new();
        for m in split::members(list).filter(|_| list.starts_with('['))? {
            let id = entry_id(m.value)?;
            if out.last().is_some_and(|(last, _)| *last >= id) {
                return None;
            }
            out.push((id, Text::Kept(m.value)));
        }
        Some(out)
    }

    /// Takes out `(kind, id)`'s entry; false when it is not there.
    fn remove(&mut self, kind: &str, id: RecordId) -> bool {
        let Some(list) = self.kinds.get_mut(kind) else {
            return false;
        };
        match list.binary_search_by(|(i, _)| i.cmp(&id)) {
            Ok(at) => {
                list.remove(at);
                if list.is_empty() {
                    self.kinds.remove(kind);
                }
                true
            }
            Err(_) => false,
        }
    }

    fn insert(&mut self, kind: &str, id: RecordId, text: String) {
        let list = self.kinds.entry(kind.to_string()).or_default();
        match list.binary_search_by(|(i, _)| i.cmp(&id)) {
            Ok(at) => list[at].1 = Text::Made(text),
            Err(at) => list.insert(at, (id, Text::Made(text))),
        }
    }

    /// Writes the members as serde_json writes a map of kind to list.
    fn write_members(&self, out: &mut String) {
        for (n, (kind, list)) in self.kinds.iter().enumerate() {
            if n > 0 {
                out.push(',');
            }
            out.push_str(&serde_json::to_string(kind).unwrap_or_default());
            out.push_str(":[");
            for (i, (_, text)) in list.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(text.as_str());
            }
            out.push(']');
        }
    }
}

/// An open view row: the open records by kind, and the traces of those
/// kept apart under `CLOSED_KEY`.
fn read_open(text: &str) -> Option<(Groups<'_>, Groups<'_>)> {
    let (mut open, mut traces) = (Groups::default(), Groups::default());
    for m in split::members(text).filter(|_| text.starts_with('{'))? {
        let key = m.key?;
        if key == CLOSED_KEY {
            traces = read_groups(m.value)?;
        } else {
            open.kinds.insert(key, Groups::read(m.value)?);
        }
    }
    Some((open, traces))
}

fn read_groups(text: &str) -> Option<Groups<'_>> {
    let mut groups = Groups::default();
    for m in split::members(text).filter(|_| text.starts_with('{'))? {
        groups.kinds.insert(m.key?, Groups::read(m.value)?);
    }
    Some(groups)
}

fn write_open(open: &Groups, traces: &Groups) -> String {
    let mut out = String::from("{");
    open.write_members(&mut out);
    if !traces.kinds.is_empty() {
        if !open.kinds.is_empty() {
            out.push(',');
        }
        out.push_str(&serde_json::to_string(CLOSED_KEY).unwrap_or_default());
        out.push_str(":{");
        traces.write_members(&mut out);
        out.push('}');
    }
    out.push('}');
    out
}

fn write_groups(groups: &Groups) -> String {
    let mut out = String::from("{");
    groups.write_members(&mut out);
    out.push('}');
    out
}

/// The stored rows of one bucket, as read inside a save's transaction;
/// `""` for a row that is not there.
#[derive(Clone, Copy, Debug, Default)]
pub struct StoredRows<'a> {
    pub bucket: &'a str,
    pub open: &'a str,
    pub closed: &'a str,
    pub summary: &'a str,
}

impl<'a> StoredRows<'a> {
    /// The bucket row cut into its records (None: it cannot be).
    pub fn cut(&self) -> Option<BucketCut<'a>> {
        BucketCut::of(self.bucket)
    }
}

/// Applies `ops` to the bucket `bucket` whose stored rows are `rows`
/// (its row already cut: `cut`), rewriting only the records they touch;
/// the whole path when that cannot be done. `ops` of other buckets are
/// ignored.
pub fn merge_rows(
    rows: StoredRows,
    cut: Option<BucketCut>,
    ops: &[Op],
    bucket: u32,
    rules: &[HistoryRule],
) -> Result<MergedBucket, stored::CorruptBucket> {
    if let Some(merged) = spliced(rows, cut, ops, bucket, rules) {
        return Ok(merged);
    }
    let mut state = State::default();
    if !rows.bucket.is_empty() {
        stored::decode_bucket_into(rows.bucket, &mut state)?;
    }
    Ok(stored::merge_bucket(&mut state, ops, bucket, rules))
}

/// One touched record: as stored, and after the save.
struct Touched {
    key: RecordKey,
    before: Option<Entity>,
    after: Entity,
}

/// [`merge_rows`] when only the touched records need rewriting: None when
/// the whole bucket must be read.
pub fn spliced(
    rows: StoredRows,
    cut: Option<BucketCut>,
    ops: &[Op],
    bucket: u32,
    rules: &[HistoryRule],
) -> Option<MergedBucket> {
    let ops = ops
        .iter()
        .filter(|o| stored::bucket_of(&o.kind, o.id) == bucket);
    let empty = rows.bucket.is_empty();
    let cut = cut?;
    // The touched records, each with its ops in the order given.
    let mut touched: BTreeMap<RecordKey, Touched> = BTreeMap::new();
    let mut changed_keys = Vec::new();
    for op in ops {
        let key = RecordKey {
            kind: op.kind.clone(),
            id: op.id,
        };
        if !touched.contains_key(&key) {
            let before = cut.read(&op.kind, op.id).ok()?;
            let after = before.clone().unwrap_or_default();
            touched.insert(
                key.clone(),
                Touched {
                    key: key.clone(),
                    before,
                    after,
                },
            );
        }
        let t = touched.get_mut(&key)?;
        if t.after.apply(op) {
            changed_keys.push(key);
        }
    }
    changed_keys.sort();
    changed_keys.dedup();
    let changed: Vec<&Touched> = changed_keys.iter().filter_map(|k| touched.get(k)).collect();

    let summary = if empty {
        BucketSummary::default()
    } else if rows.summary.is_empty() {
        return None;
    } else {
        BucketSummary::decode(rows.summary).ok()?
    };
    let changes: Vec<_> = changed
        .iter()
        .map(|t| (t.key.kind.as_str(), t.key.id, t.before.as_ref(), &t.after))
        .collect();
    let others = || {
        let mut all = Vec::new();
        for (kind, id, text) in &cut.members {
            let key = |k: &RecordKey| (k.kind.as_str(), k.id).cmp(&(*kind, *id));
            if changed_keys.binary_search_by(key).is_err() {
                all.extend(entity_stamps(text)?.map(|s| (s.device, s.ms)));
            }
        }
        Some(all)
    };
    let summary = summary.updated(&changes, others)?;

    let (mut open, mut traces) = if rows.open.is_empty() {
        (Groups::default(), Groups::default())
    } else {
        read_open(rows.open)?
    };
    let mut closed = if rows.closed.is_empty() {
        Groups::default()
    } else {
        read_groups(rows.closed)?
    };
    let mut members: Vec<(&str, RecordId, Text)> = cut
        .members
        .into_iter()
        .map(|(k, i, t)| (k, i, Text::Kept(t)))
        .collect();
    let mut out = Vec::with_capacity(changed.len());
    for t in &changed {
        let (kind, id) = (t.key.kind.as_str(), t.key.id);
        // Where the views list it now: it must be there.
        if let Some(before) = t.before.as_ref().filter(|e| !e.is_deleted()) {
            let found = match kept_apart(rules, kind, &before.to_json()) {
                Some(_) => traces.remove(kind, id) && closed.remove(kind, id),
                None => open.remove(kind, id),
            };
            if !found {
                return None;
            }
        }
        let json = (!t.after.is_deleted()).then(|| t.after.to_json());
        if let Some(fields) = &json {
            match kept_apart(rules, kind, fields) {
                Some(rule) => {
                    traces.insert(kind, id, trace_entry(id, rule, fields));
                    closed.insert(kind, id, open_entry(id, fields));
                }
                None => open.insert(kind, id, open_entry(id, fields)),
            }
        }
        let text = Text::Made(encode_entity(kind, id, &t.after));
        match members.binary_search_by(|(k, i, _)| (*k, *i).cmp(&(kind, id))) {
            Ok(at) => members[at].2 = text,
            Err(at) => members.insert(at, (kind, id, text)),
        }
        out.push((kind.to_string(), id, json));
    }
    let mut bucket = String::with_capacity(rows.bucket.len() + 256);
    bucket.push('[');
    for (i, (_, _, text)) in members.iter().enumerate() {
        if i > 0 {
            bucket.push(',');
        }
        bucket.push_str(text.as_str());
    }
    bucket.push(']');
    Some(MergedBucket {
        bucket,
        views: ViewRows {
            open: write_open(&open, &traces),
            closed: write_groups(&closed),
            summary,
        },
        changed: out,
    })
}
