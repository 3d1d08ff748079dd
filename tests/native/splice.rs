//! Issue 17, save p95: a save rewrites only the records it touches
//! (`sync::splice`). Whatever the order of the operations, their
//! duplicates, skewed clocks, deletions and records moving into and out of
//! the history row, the spliced rows are byte for byte the rows the whole
//! path writes (decode every record, merge, encode every record again), so
//! the replicas' byte identity (the merge laws) holds on the stored form.
//! A row the splice cannot trust takes the whole path, never a panic.

use crate::sync_gen::resent_in_any_order;
use crate::sync_merge_laws::{history, simulate};
use proptest::prelude::*;
use serde_json::{json, Value};
use std::collections::{BTreeMap, BTreeSet};
use ventanilla::domain::history::HISTORY;
use ventanilla::sync::splice::{merge_rows, spliced, StoredRows};
use ventanilla::sync::stored::{
    bucket_of, decode_bucket_into, kind_buckets, merge_bucket, MergedBucket,
};
use ventanilla::sync::{Op, RecordId, State};

/// Each merge-law record becomes three records of one kind resting in the
/// same bucket (so every bucket holds records a save leaves alone); a
/// contact's `f2` becomes its status, so contacts move into and out of the
/// history row, and `f1` the customer its trace names.
fn spread(op: &Op) -> Vec<Op> {
    let kinds = ["customer", "contact", "visit"];
    let n = op.id.0 as usize;
    let kind = kinds[n % kinds.len()];
    let range = kind_buckets(kind);
    let len = u128::from(range.end - range.start);
    let (field, value) = match (kind, op.field.as_str()) {
        ("customer", _) => (op.field.clone(), op.value.clone()),
        (_, "f2") => {
            let done = !op.stamp.ms.is_multiple_of(3);
            (
                "status".to_string(),
                json!(if done { "done" } else { "open" }),
            )
        }
        (_, "f1") => ("customer".to_string(), op.value.clone()),
        _ => (op.field.clone(), op.value.clone()),
    };
    (0..3u128)
        .filter(|k| !(op.stamp.ms as u128 + k).is_multiple_of(4))
        .map(|k| Op {
            kind: kind.to_string(),
            id: RecordId(op.id.0 + 7 + k * len),
            field: field.clone(),
            value: value.clone(),
            ..op.clone()
        })
        .collect()
}

/// The rows of every bucket, as stored.
#[derive(Default, Clone, PartialEq, Debug)]
struct Rows {
    bucket: String,
    open: String,
    closed: String,
    summary: String,
}

impl Rows {
    fn stored(&self) -> StoredRows<'_> {
        StoredRows {
            bucket: &self.bucket,
            open: &self.open,
            closed: &self.closed,
            summary: &self.summary,
        }
    }

    fn from(m: &MergedBucket) -> Rows {
        Rows {
            bucket: m.bucket.clone(),
            open: m.views.open.clone(),
            closed: if m.views.closed == "{}" {
                String::new()
            } else {
                m.views.closed.clone()
            },
            summary: if m.views.summary.is_empty() {
                String::new()
            } else {
                m.views.summary.encode()
            },
        }
    }
}

/// The whole path: every record of the bucket decoded, merged, encoded.
fn whole(rows: &Rows, ops: &[Op], bucket: u32) -> MergedBucket {
    let mut state = State::default();
    if !rows.bucket.is_empty() {
        decode_bucket_into(&rows.bucket, &mut state).expect("a stored bucket reads");
    }
    merge_bucket(&mut state, ops, bucket, HISTORY)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn r_rep_01_a_spliced_save_writes_the_bytes_of_the_whole_rewrite(
        h in history(), dup_every in 1usize..5, chunk in 1usize..9,
    ) {
        let (steps, skews, seed) = h;
        let ops: Vec<Op> = simulate(&steps, skews, seed).batches.concat().iter().flat_map(spread).collect();
        let shuffled = resent_in_any_order(&ops, dup_every, seed ^ 0x0059_11ce);
        let mut stored: BTreeMap<u32, Rows> = BTreeMap::new();
        let (mut cut, mut saves) = (0, 0);
        for batch in shuffled.chunks(chunk) {
            let touched: BTreeSet<u32> = batch.iter().map(|o| bucket_of(&o.kind, o.id)).collect();
            for b in touched {
                let rows = stored.get(&b).cloned().unwrap_or_default();
                let expected = whole(&rows, batch, b);
                saves += 1;
                if let Some(s) = spliced(rows.stored(), rows.stored().cut(), batch, b, HISTORY) {
                    cut += 1;
                    prop_assert_eq!(&s, &expected);
                }
                let merged = merge_rows(rows.stored(), rows.stored().cut(), batch, b, HISTORY).expect("rows read");
                prop_assert_eq!(&merged, &expected);
                stored.insert(b, Rows::from(&merged));
            }
        }
        // Most saves splice: the whole path is for the rare save that took a
        // device's first or last stamp away.
        prop_assert!(cut * 2 >= saves, "{cut} of {saves} saves spliced");
        // And the stored rows are those of every operation applied at once.
        let mut all = State::default();
        all.apply(&ops);
        for (b, rows) in &stored {
            let mut one = State::default();
            for (k, id, e) in all.iter().filter(|(k, id, _)| bucket_of(k, *id) == *b) {
                one.insert(k, id, e.clone());
            }
            let again = merge_bucket(&mut one, &[], *b, HISTORY);
            prop_assert_eq!(&rows.bucket, &again.bucket);
            prop_assert_eq!(&rows.open, &again.views.open);
        }
    }
}

fn op(kind: &str, id: u128, field: &str, value: Value, ms: u64) -> Op {
    Op {
        stamp: ventanilla::sync::Stamp {
            ms,
            counter: 0,
            device: ventanilla::sync::DeviceId(9),
        },
        kind: kind.into(),
        id: RecordId(id),
        field: field.into(),
        value,
        p: None,
    }
}

/// A customer bucket of forty records, stored by the whole path.
fn forty() -> (Rows, u32, Vec<u128>) {
    let bucket = bucket_of("customer", RecordId(5));
    let ids: Vec<u128> = (5..100_000u128)
        .filter(|i| bucket_of("customer", RecordId(*i)) == bucket)
        .take(40)
        .collect();
    let ops: Vec<Op> = ids
        .iter()
        .map(|i| {
            op(
                "customer",
                *i,
                "name",
                json!(format!("N{i}")),
                1_000 + *i as u64,
            )
        })
        .collect();
    (
        Rows::from(&whole(&Rows::default(), &ops, bucket)),
        bucket,
        ids,
    )
}

#[test]
fn r_rep_01_an_edit_of_one_record_in_forty_splices_and_matches() {
    let (rows, bucket, ids) = forty();
    let edit = [op("customer", ids[17], "name", json!("Ana"), 900_000)];
    let s = spliced(rows.stored(), rows.stored().cut(), &edit, bucket, HISTORY)
        .expect("one edit splices");
    assert_eq!(s, whole(&rows, &edit, bucket));
    assert_eq!(s.changed.len(), 1);
    // An edit that saw the value it replaces takes away the first stamp of
    // the bucket's only device (without `p` the old value would stay as a
    // conflict, with its stamp): which stamp is first now is read from the
    // stamps of the other records, still without decoding them.
    let first = [seen_edit(ids[0], "Eve")];
    let s = spliced(rows.stored(), rows.stored().cut(), &first, bucket, HISTORY).expect("splices");
    assert_eq!(s, whole(&rows, &first, bucket));
    assert!(s
        .views
        .summary
        .encode()
        .contains(&format!(",{},900001]", 1_000 + ids[1])));
}

/// An edit of customer `id`'s name that saw the value `forty` gave it.
fn seen_edit(id: u128, name: &str) -> Op {
    let mut edit = op("customer", id, "name", json!(name), 900_001);
    edit.p = Some(ventanilla::sync::Stamp {
        ms: 1_000 + id as u64,
        ..edit.stamp
    });
    edit
}

#[test]
fn r_rep_01_rows_the_splice_cannot_trust_take_the_whole_path_never_a_panic() {
    let (rows, bucket, ids) = forty();
    let edit = [op("customer", ids[17], "name", json!("Ana"), 900_000)];
    let expected = whole(&rows, &edit, bucket);
    let damaged = |f: &dyn Fn(&mut Rows)| {
        let mut r = rows.clone();
        f(&mut r);
        r
    };
    let first_two = |t: &str| {
        let members = ventanilla::sync::split::members(t).expect("a list");
        (members[0].value.to_string(), members[1].value.to_string())
    };
    let (a, b) = first_two(&rows.bucket);
    let cases = [
        damaged(&|r| r.bucket = r.bucket.replacen(&a, &b, 1)), // twice, out of order
        damaged(&|r| {
            r.bucket.pop(); // cut short
        }),
        damaged(&|r| r.open = "{\"customer\":[1,2]}".into()),
        damaged(&|r| r.open = "{}".into()), // the views do not list the record
        damaged(&|r| r.summary = "{\"d\":[[\"x\"]]}".into()),
        damaged(&|r| r.summary = String::new()),
        damaged(&|r| r.open = "[".repeat(10_000)),
    ];
    for (n, r) in cases.iter().enumerate() {
        assert_eq!(
            spliced(r.stored(), r.stored().cut(), &edit, bucket, HISTORY),
            None,
            "case {n}"
        );
    }
    // The touched record itself damaged: the whole path skips it and
    // reports, as it always has.
    let touched = rows
        .bucket
        .replacen(&format!("\"i\":\"{}\"", RecordId(ids[17])), "\"i\":5", 1);
    let r = Rows {
        bucket: touched,
        ..rows.clone()
    };
    assert_eq!(
        spliced(r.stored(), r.stored().cut(), &edit, bucket, HISTORY),
        None
    );
    assert!(merge_rows(r.stored(), r.stored().cut(), &edit, bucket, HISTORY).is_ok());
    // A damaged record the save does not touch is carried as it is, unless
    // the summary needs its stamps: then the whole path reads the rest.
    let other = format!("\"i\":\"{}\",\"g\":[", RecordId(ids[30]));
    let r = Rows {
        bucket: rows.bucket.replacen(&other, &format!("{other}5,"), 1),
        ..rows.clone()
    };
    assert!(spliced(r.stored(), r.stored().cut(), &edit, bucket, HISTORY).is_some());
    let first = [seen_edit(ids[0], "Eve")];
    assert_eq!(
        spliced(r.stored(), r.stored().cut(), &first, bucket, HISTORY),
        None
    );
    assert!(merge_rows(r.stored(), r.stored().cut(), &first, bucket, HISTORY).is_ok());
    // A bucket that is not a list at all is an error, as before.
    let r = Rows {
        bucket: "{}".into(),
        ..rows.clone()
    };
    assert!(merge_rows(r.stored(), r.stored().cut(), &edit, bucket, HISTORY).is_err());
    // Untouched, the rows as written splice to the whole path's bytes.
    assert_eq!(
        spliced(rows.stored(), rows.stored().cut(), &edit, bucket, HISTORY),
        Some(expected)
    );
}
