//! The buckets' summaries (`sync::summary`): what Sync's conflicts and the
//! report's devices (R-REP-02) read instead of every bucket. Saved bucket by
//! bucket, in any order, with duplicates and skewed clocks, they name exactly
//! the records with an open conflict and each device's first and last stamp
//! of the whole state; a stored summary no bucket could have written is
//! refused, never a panic.

use crate::sync_gen::resent_in_any_order;
use crate::sync_merge_laws::{history, simulate};
use proptest::prelude::*;
use serde_json::json;
use std::collections::{BTreeMap, BTreeMap as Map, BTreeSet};
use ventanilla::domain::history::HISTORY;
use ventanilla::sync::stored::{bucket_of, decode_bucket_into, merge_bucket};
use ventanilla::sync::summary::{BucketSummary, Summaries};
use ventanilla::sync::{DeviceId, Op, RecordId, RecordKey, State};

/// The merge-law histories write three records of one kind; here each
/// becomes a record of its own kind and bucket, so several buckets share
/// the work.
fn spread(op: &Op) -> Op {
    let kinds = ["customer", "contact", "staff"];
    let n = op.id.0 as usize;
    Op {
        kind: kinds[n % kinds.len()].to_string(),
        id: RecordId(
            op.id
                .0
                .wrapping_mul(0x9e37_79b9_7f4a_7c15_f39c_c060_5ced_c835)
                | 1,
        ),
        ..op.clone()
    }
}

/// Saves `ops` as the store does, a chunk at a time: each touched bucket
/// is read from its stored text, merged, and written back with its
/// summary. Returns the stored summaries, by bucket.
fn saved(ops: &[Op], chunk: usize) -> BTreeMap<u32, String> {
    let mut buckets: BTreeMap<u32, String> = BTreeMap::new();
    let mut summaries = BTreeMap::new();
    for batch in ops.chunks(chunk.max(1)) {
        let touched: BTreeSet<u32> = batch.iter().map(|o| bucket_of(&o.kind, o.id)).collect();
        for b in touched {
            let mut state = State::default();
            if let Some(text) = buckets.get(&b) {
                decode_bucket_into(text, &mut state).expect("a stored bucket reads");
            }
            let merged = merge_bucket(&mut state, batch, b, HISTORY);
            buckets.insert(b, merged.bucket);
            summaries.insert(b, merged.views.summary.encode());
        }
    }
    summaries
}

/// What the summaries must say, from the whole state at once.
fn expected(state: &State) -> (BTreeSet<RecordKey>, Map<DeviceId, (u64, u64)>) {
    let conflicted = state.conflicts().into_iter().map(|(k, _)| k).collect();
    let mut devices: Map<DeviceId, (u64, u64)> = Map::new();
    for (_, _, e) in state.iter() {
        let stamps = e
            .fields
            .values()
            .map(|f| f.stamp)
            .chain(e.losers.iter().map(|l| l.stamp));
        for s in stamps {
            let seen = devices.entry(s.device).or_insert((s.ms, s.ms));
            *seen = (seen.0.min(s.ms), seen.1.max(s.ms));
        }
    }
    (conflicted, devices)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn summaries_saved_bucket_by_bucket_in_any_order_name_every_conflict_and_device(
        h in history(), dup_every in 1usize..5, chunk in 1usize..9,
    ) {
        let (steps, skews, seed) = h;
        let ops: Vec<Op> = simulate(&steps, skews, seed).batches.concat().iter().map(spread).collect();
        let mut whole = State::default();
        whole.apply(&ops);
        let shuffled = resent_in_any_order(&ops, dup_every, seed ^ 0x50_11);
        let mut all = Summaries::default();
        for text in saved(&shuffled, chunk).values() {
            all.add(&BucketSummary::decode(text).expect("a written summary reads back"));
        }
        let (conflicted, devices) = expected(&whole);
        prop_assert_eq!(all.conflicted(), &conflicted);
        let every: BTreeSet<DeviceId> = devices.keys().copied().collect();
        let first: Map<DeviceId, u64> = devices.iter().map(|(d, s)| (*d, s.0)).collect();
        let last: Map<DeviceId, u64> = devices.iter().map(|(d, s)| (*d, s.1)).collect();
        prop_assert_eq!(all.first_seen(&every), first);
        prop_assert_eq!(all.last_seen(), last);
    }
}

#[test]
fn a_stored_summary_no_bucket_could_have_written_is_refused_not_a_panic() {
    let good = json!({"c": [["customer", RecordId(7)]], "d": [[DeviceId(3), 5, 9]]}).to_string();
    let read = BucketSummary::decode(&good).expect("a summary as written reads");
    let mut all = Summaries::default();
    all.add(&read);
    assert_eq!(all.last_seen().get(&DeviceId(3)), Some(&9));
    assert_eq!(all.conflicted().len(), 1);

    let many: Vec<_> = (0..100_001u64)
        .map(|n| json!([DeviceId(n), 1, 2]))
        .collect();
    let deep = format!("{}{}", "[".repeat(5_000), "]".repeat(5_000));
    let hostile = [
        "not json".to_string(),
        String::new(),
        "[]".into(),
        "{\"c\": 5}".into(),
        json!({"c": [["", RecordId(7)]]}).to_string(),
        json!({"c": [["k".repeat(65), RecordId(7)]]}).to_string(),
        json!({"c": [["customer", "not an id"]]}).to_string(),
        json!({"d": [[DeviceId(3), 9, 5]]}).to_string(),
        json!({"d": [[DeviceId(3), -1, 5]]}).to_string(),
        json!({"d": many}).to_string(),
        json!({"x": 1}).to_string(),
        format!("{{\"c\": {deep}}}"),
    ];
    for text in hostile {
        let shown: String = text.chars().take(60).collect();
        assert!(BucketSummary::decode(&text).is_err(), "accepted: {shown}");
    }
}
