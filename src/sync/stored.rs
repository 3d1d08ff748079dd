//! The compact form in which entities rest in browser storage.
//!
//! Records are kept in `BUCKETS` rows (by id), each a JSON string holding a
//! few hundred entities: IndexedDB reads a few hundred large strings far
//! faster than 100,000 small objects, and a save rewrites one small bucket.
//! Fields written by one action share a stamp, so they are grouped under it.

use super::bundle::check_structure;
use super::clock::Stamp;
use super::entity::{Entity, Field, Loser};
use super::id::RecordId;
use super::op::Op;
use super::split;
use super::state::State;
use super::summary::BucketSummary;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// Number of storage rows the records are spread over.
pub const BUCKETS: u32 = 512;

/// The storage layout, recorded in `meta` so a store written with an older
/// layout is re-bucketed, or its views written again, once when it opens:
/// 1, one bucket per id whatever the kind; 2, buckets by kind; 3, the views
/// split into open work and history; 4, the traces as arrays by kind; 5, a
/// summary beside each bucket (`sync::summary`); 6, a closed visit's trace
/// says when it was made.
pub const LAYOUT: u32 = 6;

/// The buckets a kind's records rest in. The large kinds get buckets of
/// their own, so an edit of many customers never rewrites the contacts, and
/// the other way round; all other kinds share the rest.
pub fn kind_buckets(kind: &str) -> std::ops::Range<u32> {
    // Sized so a bucket stays near 150 KB at 20,000 customers and 100,000
    // contacts: a save rewrites one bucket.
    match kind {
        "customer" => 0..192,
        "contact" => 192..448,
        _ => 448..BUCKETS,
    }
}

/// Where a record rests: one of its kind's buckets, by its id.
pub fn bucket_of(kind: &str, id: RecordId) -> u32 {
    let range = kind_buckets(kind);
    range.start + id.bucket(range.end - range.start)
}

#[derive(Serialize, Deserialize)]
struct StoredEntity {
    k: String,
    i: RecordId,
    /// Field values grouped by the stamp that wrote them.
    g: Vec<(Stamp, BTreeMap<String, Value>)>,
    /// Per field, when present: (p, seen).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    x: BTreeMap<String, (Option<Stamp>, Vec<Stamp>)>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    l: Vec<Loser>,
}

impl StoredEntity {
    fn from_entity(kind: &str, id: RecordId, e: &Entity) -> Self {
        let mut groups: BTreeMap<Stamp, BTreeMap<String, Value>> = BTreeMap::new();
        let mut x = BTreeMap::new();
        for (name, f) in &e.fields {
            groups
                .entry(f.stamp)
                .or_default()
                .insert(name.clone(), f.value.clone());
            if f.p.is_some() || !f.seen.is_empty() {
                x.insert(name.clone(), (f.p, f.seen.clone()));
            }
        }
        StoredEntity {
            k: kind.to_string(),
            i: id,
            g: groups.into_iter().collect(),
            x,
            l: e.losers.clone(),
        }
    }

    fn into_entity(self) -> (String, RecordId, Entity) {
        let mut fields = BTreeMap::new();
        let mut x = self.x;
        for (stamp, values) in self.g {
            for (name, value) in values {
                let (p, seen) = x.remove(&name).unwrap_or((None, Vec::new()));
                fields.insert(
                    name,
                    Field {
                        value,
                        stamp,
                        p,
                        seen,
                    },
                );
            }
        }
        let mut losers = self.l;
        losers.sort_by(super::entity::loser_order);
        losers.dedup_by(|a, b| super::entity::loser_order(a, b).is_eq());
        (self.k, self.i, Entity { fields, losers })
    }
}

#[derive(Debug, thiserror::Error)]
#[error("stored records are unreadable: {0}")]
pub struct CorruptBucket(String);

/// Serialises entities into one bucket row.
pub fn encode_bucket<'a>(
    entities: impl IntoIterator<Item = (&'a str, RecordId, &'a Entity)>,
) -> String {
    let rows: Vec<StoredEntity> = entities
        .into_iter()
        .map(|(k, id, e)| StoredEntity::from_entity(k, id, e))
        .collect();
    serde_json::to_string(&rows).unwrap_or_else(|_| "[]".into())
}

/// One record's text in a bucket row, as [`encode_bucket`] writes it.
pub(crate) fn encode_entity(kind: &str, id: RecordId, e: &Entity) -> String {
    serde_json::to_string(&StoredEntity::from_entity(kind, id, e)).unwrap_or_default()
}

/// The stamps a record's text holds (of its values and of the values they
/// beat), read without building its values: what a summary needs of the
/// records a save leaves alone (`BucketSummary::updated`).
pub(crate) fn entity_stamps(text: &str) -> Option<impl Iterator<Item = Stamp>> {
    #[derive(Deserialize)]
    struct LoserStamp {
        stamp: Stamp,
    }
    #[derive(Deserialize)]
    struct Stamps {
        g: Vec<(Stamp, serde::de::IgnoredAny)>,
        #[serde(default)]
        l: Vec<LoserStamp>,
    }
    let s: Stamps = serde_json::from_str(text).ok()?;
    Some(
        s.g.into_iter()
            .map(|(stamp, _)| stamp)
            .chain(s.l.into_iter().map(|l| l.stamp)),
    )
}

/// One record of a bucket row read on its own, held to the limits every
/// import meets.
pub(crate) fn decode_entity(text: &str) -> Result<Entity, String> {
    let row = serde_json::from_str::<StoredEntity>(text).map_err(|e| e.to_string())?;
    Ok(row.checked()?.into_entity().2)
}

/// What reading a bucket row found.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct BucketRead {
    /// Entities read into the state.
    pub records: usize,
    /// Entities left out, each with why: a row written by an older version
    /// may hold one this version cannot read or store again.
    pub skipped: Vec<String>,
}

/// Reads one bucket row into the state. One unreadable entity (nested too
/// deep, damaged, or breaking the structural limits of imports) is skipped
/// and reported, never the whole row: the row is read entity by entity when
/// it does not read at once. Only a row that is not a list at all is an error.
pub fn decode_bucket_into(text: &str, state: &mut State) -> Result<BucketRead, CorruptBucket> {
    if let Ok(rows) = serde_json::from_str::<Vec<StoredEntity>>(text) {
        let records = rows.len();
        for row in rows {
            let (kind, id, entity) = row.into_entity();
            state.insert(&kind, id, entity);
        }
        return Ok(BucketRead {
            records,
            skipped: Vec::new(),
        });
    }
    let members = split::members(text)
        .filter(|_| text.trim_start().starts_with('['))
        .ok_or_else(|| CorruptBucket("not a list of records".into()))?;
    let mut read = BucketRead::default();
    for (i, m) in members.iter().enumerate() {
        let row = serde_json::from_str::<StoredEntity>(m.value).map_err(|e| e.to_string());
        match row.and_then(|r| r.checked()) {
            Ok(row) => {
                let (kind, id, entity) = row.into_entity();
                state.insert(&kind, id, entity);
                read.records += 1;
            }
            Err(why) => read.skipped.push(format!("stored record {}: {why}", i + 1)),
        }
    }
    Ok(read)
}

impl StoredEntity {
    /// Refuses an entity holding a value beyond the structural limits every
    /// import meets (so it can be stored and read again).
    fn checked(self) -> Result<StoredEntity, String> {
        let values = self
            .g
            .iter()
            .flat_map(|(_, m)| m.iter())
            .chain(self.l.iter().map(|l| (&l.field, &l.value)));
        for (field, value) in values {
            if let Err(p) = check_structure(value) {
                return Err(format!("{} {}, field {field}: {}", self.k, self.i, p.limit));
            }
        }
        Ok(self)
    }
}

type Rows<'a> = Vec<(&'a str, RecordId, &'a Entity)>;

/// A state's entities grouped by the bucket they rest in.
fn by_bucket(state: &State) -> BTreeMap<u32, Rows<'_>> {
    let mut out: BTreeMap<u32, Rows<'_>> = BTreeMap::new();
    for (kind, id, e) in state.iter() {
        out.entry(bucket_of(kind, id))
            .or_default()
            .push((kind, id, e));
    }
    out
}

/// Every bucket of a state, for a full rewrite (bulk loads).
pub fn encode_all(state: &State) -> BTreeMap<u32, String> {
    by_bucket(state)
        .into_iter()
        .map(|(b, rows)| (b, encode_bucket(rows)))
        .collect()
}

/// Which buckets a batch of operations touches.
pub fn buckets_of(ops: &[Op]) -> Vec<u32> {
    let mut b: Vec<u32> = ops.iter().map(|o| bucket_of(&o.kind, o.id)).collect();
    b.sort_unstable();
    b.dedup();
    b
}

/// The plain view of a bucket: live records' current values grouped by
/// kind, `{"customer": [[id, {field: value, ...}], ...], ...}`. Start-up
/// parses these straight into typed records; stamps stay in the bucket.
pub fn encode_view<'a>(
    entities: impl IntoIterator<Item = (&'a str, RecordId, &'a Entity)>,
) -> String {
    let mut by_kind: BTreeMap<&str, Vec<(RecordId, Value)>> = BTreeMap::new();
    for (kind, id, e) in entities {
        if !e.is_deleted() {
            by_kind.entry(kind).or_default().push((id, e.to_json()));
        }
    }
    serde_json::to_string(&by_kind).unwrap_or_else(|_| "{}".into())
}

/// Which records a view row keeps apart, in the bucket's history row: a
/// record of `kind` whose `field` holds `value` (a done contact, a visit
/// made). Start-up reads the open rows only; of a record kept apart it
/// reads just its `trace` fields, what Today's rules need of it (whose
/// customer, when). The rules are the domain's (`domain::history`); this
/// layer only applies them.
#[derive(Clone, Copy, Debug)]
pub struct HistoryRule {
    pub kind: &'static str,
    pub field: &'static str,
    pub value: &'static str,
    pub trace: &'static [&'static str],
}

/// The key of an open view row under which the traces of the records kept
/// apart are listed by kind, each `[id, value, …]` with the rule's `trace`
/// fields in order (null where a record has none):
/// `{"contact": [[id, customer, received_at], …], …}`.
pub const CLOSED_KEY: &str = "~closed";

/// The rows made from a bucket besides itself: its view split in two (what
/// start-up reads, and the history) and its summary (`sync::summary`).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ViewRows {
    pub open: String,
    /// `{}` when the bucket holds no record kept apart.
    pub closed: String,
    pub summary: BucketSummary,
}

#[derive(Serialize)]
struct OpenRow<'a> {
    #[serde(flatten)]
    kinds: BTreeMap<&'a str, Vec<(RecordId, Value)>>,
    #[serde(rename = "~closed", skip_serializing_if = "BTreeMap::is_empty")]
    closed: BTreeMap<&'a str, Vec<Value>>,
}

/// The rule that keeps this record apart, if one does.
pub(crate) fn kept_apart<'r>(
    rules: &'r [HistoryRule],
    kind: &str,
    fields: &Value,
) -> Option<&'r HistoryRule> {
    rules
        .iter()
        .find(|r| r.kind == kind && fields.get(r.field).and_then(Value::as_str) == Some(r.value))
}

/// [`encode_view`] split by `rules`: the open row (with the traces of the
/// records kept apart) and the history row, in the same form as a view row;
/// and the bucket's summary.
pub fn encode_views<'a>(
    entities: impl IntoIterator<Item = (&'a str, RecordId, &'a Entity)>,
    rules: &[HistoryRule],
) -> ViewRows {
    let mut open = OpenRow {
        kinds: BTreeMap::new(),
        closed: BTreeMap::new(),
    };
    let mut closed: BTreeMap<&str, Vec<(RecordId, Value)>> = BTreeMap::new();
    let mut all = Vec::new();
    for (kind, id, e) in entities {
        all.push((kind, id, e));
        if e.is_deleted() {
            continue;
        }
        let fields = e.to_json();
        match kept_apart(rules, kind, &fields) {
            Some(rule) => {
                open.closed
                    .entry(kind)
                    .or_default()
                    .push(trace(id, rule, &fields));
                closed.entry(kind).or_default().push((id, fields));
            }
            None => open.kinds.entry(kind).or_default().push((id, fields)),
        }
    }
    ViewRows {
        open: serde_json::to_string(&open).unwrap_or_else(|_| "{}".into()),
        closed: serde_json::to_string(&closed).unwrap_or_else(|_| "{}".into()),
        summary: BucketSummary::of(all),
    }
}

/// A kept-apart record's trace: `[id, value, …]`, the rule's fields.
fn trace(id: RecordId, rule: &HistoryRule, fields: &Value) -> Value {
    let mut trace = vec![serde_json::to_value(id).unwrap_or(Value::Null)];
    trace.extend(
        rule.trace
            .iter()
            .map(|f| fields.get(*f).cloned().unwrap_or(Value::Null)),
    );
    Value::Array(trace)
}

/// A trace's text in an open view row, as [`encode_views`] writes it.
pub(crate) fn trace_entry(id: RecordId, rule: &HistoryRule, fields: &Value) -> String {
    serde_json::to_string(&trace(id, rule, fields)).unwrap_or_default()
}

/// A record's `[id, {field: value, …}]` in a view row, as
/// [`encode_views`] writes it.
pub(crate) fn open_entry(id: RecordId, fields: &Value) -> String {
    serde_json::to_string(&(id, fields)).unwrap_or_default()
}

/// Every bucket's split view rows, for a full rewrite.
pub fn encode_all_split(state: &State, rules: &[HistoryRule]) -> BTreeMap<u32, ViewRows> {
    by_bucket(state)
        .into_iter()
        .map(|(b, rows)| (b, encode_views(rows, rules)))
        .collect()
}

/// A record after a save: its plain JSON, or None when it is deleted.
pub type ChangedRecord = (String, RecordId, Option<Value>);

/// One bucket after a save: its rows to write, and what changed.
#[derive(Debug, PartialEq)]
pub struct MergedBucket {
    pub bucket: String,
    pub views: ViewRows,
    pub changed: Vec<ChangedRecord>,
}

/// Applies operations to a bucket's state (decoded from its stored row inside
/// the save's transaction, so a row another tab wrote meanwhile is never
/// overwritten) and encodes its rows again, the views split by `rules`.
pub fn merge_bucket(
    state: &mut State,
    ops: &[Op],
    bucket: u32,
    rules: &[HistoryRule],
) -> MergedBucket {
    let changed_keys = state.apply(ops.iter().filter(|o| bucket_of(&o.kind, o.id) == bucket));
    let rows = || {
        state
            .iter()
            .filter(|(k, id, _)| bucket_of(k, *id) == bucket)
    };
    let changed = changed_keys
        .into_iter()
        .map(|k| {
            let json = state
                .get(&k.kind, k.id)
                .filter(|e| !e.is_deleted())
                .map(Entity::to_json);
            (k.kind, k.id, json)
        })
        .collect();
    MergedBucket {
        bucket: encode_bucket(rows()),
        views: encode_views(rows(), rules),
        changed,
    }
}

/// Every view row of a state, for a full rewrite.
pub fn encode_all_views(state: &State) -> BTreeMap<u32, String> {
    by_bucket(state)
        .into_iter()
        .map(|(b, rows)| (b, encode_view(rows)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sync::DeviceId;
    use serde_json::json;

    fn op(ms: u64, dev: u64, id: u128, field: &str, value: Value, p: Option<Stamp>) -> Op {
        Op {
            stamp: Stamp {
                ms,
                counter: 0,
                device: DeviceId(dev),
            },
            kind: "customer".into(),
            id: RecordId(id),
            field: field.into(),
            value,
            p,
        }
    }

    #[test]
    fn a_bucket_round_trips_fields_history_and_losers() {
        let a = op(10, 1, 5, "name", json!("Ana"), None);
        let b = op(11, 2, 5, "name", json!("Ána"), None); // concurrent: a loses
        let c = op(12, 1, 5, "phone", json!("600"), Some(a.stamp));
        let mut state = State::default();
        state.apply([&a, &b, &c]);
        assert_eq!(state.conflicts().len(), 1);
        let text = encode_bucket(state.iter());
        let mut back = State::default();
        decode_bucket_into(&text, &mut back).unwrap();
        assert_eq!(back, state);
    }

    #[test]
    fn a_corrupt_bucket_is_an_error_not_a_panic() {
        let mut s = State::default();
        assert!(decode_bucket_into("[{\"k\":1", &mut s).is_err());
        assert!(decode_bucket_into("{}", &mut s).is_err());
        assert!(s.is_empty());
    }

    #[test]
    fn merging_into_a_bucket_keeps_what_another_tab_wrote() {
        let id = 3u128;
        let bucket = bucket_of("customer", RecordId(id));
        let theirs = op(10, 1, id, "name", json!("Luis"), None);
        let stored = merge_bucket(
            &mut State::default(),
            std::slice::from_ref(&theirs),
            bucket,
            &[],
        )
        .bucket;
        let mine = op(11, 1, id, "email", json!("l@x.es"), None);
        let mut s = State::default();
        decode_bucket_into(&stored, &mut s).unwrap();
        let merged = merge_bucket(&mut s, &[mine], bucket, &[]);
        assert_eq!(merged.changed.len(), 1);
        assert!(merged.views.open.contains("l@x.es") && merged.views.open.contains("Luis"));
        let mut s = State::default();
        decode_bucket_into(&merged.bucket, &mut s).unwrap();
        let e = s.get("customer", RecordId(id)).unwrap();
        assert_eq!(e.get("name"), Some(&json!("Luis")));
        assert_eq!(e.get("email"), Some(&json!("l@x.es")));
    }
}
