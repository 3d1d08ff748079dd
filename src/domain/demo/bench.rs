//! Benchmark data: a plausible customer for the save benchmark, and another
//! device's edits for the sync benchmarks.

use super::{demo_customer, Rng};
use crate::domain::base::record::Record;
use crate::domain::customer::Customer;
use crate::sync::{RecordId, Write};
use chrono::{DateTime, Utc};

/// One plausible customer for the save benchmark.
pub fn bench_customer(id: RecordId, i: u64, me: RecordId, now: DateTime<Utc>) -> Customer {
    let mut rng = Rng(i.wrapping_mul(7919).wrapping_add(17));
    let mut c = demo_customer(&mut rng, i, &[me], me, now);
    c.id = id;
    c.demo = false;
    c
}

/// Another device's edits, for the sync benchmarks: `n_ops` field changes
/// over the customers in `base` (notes, e-mail, source, card number,
/// tags in turn), as actions of `per_action` writes, stamped by `replica` against
/// `base` so each overwrites the current value knowingly (no conflicts).
pub fn customer_field_edits(
    base: &crate::sync::State,
    replica: &mut crate::sync::Replica,
    n_ops: usize,
    per_action: usize,
    now_ms: u64,
) -> Vec<(u64, Vec<crate::sync::Op>)> {
    let ids: Vec<RecordId> = base
        .iter()
        .filter(|(kind, _, e)| *kind == Customer::KIND && !e.is_deleted())
        .map(|(_, id, _)| id)
        .collect();
    if ids.is_empty() {
        return Vec::new();
    }
    let fields = ["notes", "email", "source", "card_number", "tags"];
    let writes: Vec<Write> = (0..n_ops)
        .map(|i| {
            let field = fields[(i / ids.len()) % fields.len()];
            let value = match field {
                "email" => format!("cliente{i}@example.es").into(),
                "card_number" => format!("{:012}", i).into(),
                "tags" => serde_json::json!(["bench", format!("t{}", i % 7)]),
                _ => format!("{field} {i}").into(),
            };
            Write {
                kind: Customer::KIND.into(),
                id: ids[i % ids.len()],
                field: field.into(),
                value,
            }
        })
        .collect();
    writes
        .chunks(per_action.max(1))
        .map(|chunk| {
            let action = replica.stamp(base, chunk.to_vec(), now_ms);
            (action.seq, action.ops)
        })
        .collect()
}
