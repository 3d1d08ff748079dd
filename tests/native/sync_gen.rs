//! Generators shared by the merge-law and bundle properties: values that
//! are hard on a merge (deletions, unicode, nesting, extreme numbers,
//! equal-looking numbers such as `0.0` / `-0.0` / `0`), and stamps near
//! every limit (the counter maximum, a day ahead, beyond a day ahead).

use proptest::prelude::*;
use serde_json::{json, Value};
use ventanilla::sync::MAX_FUTURE_MS;

/// Text that trips naive handling: accents, combining marks, emoji,
/// right-to-left, control characters, quotes and backslashes.
pub fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        Just("Ñandú".to_string()),
        Just("Nan\u{303}du\u{301}".to_string()),
        Just("😀👩‍👩‍👧".to_string()),
        Just("مرحبا".to_string()),
        Just("\u{0}\u{1f}\t\r\n".to_string()),
        Just("\"\\/".to_string()),
        "[a-c]{0,3}",
        any::<String>().prop_map(|s| s.chars().take(6).collect()),
    ]
}

/// Numbers at the edges, and numbers that compare equal but print apart.
pub fn number() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(json!(0)),
        Just(json!(0.0)),
        Just(json!(-0.0)),
        Just(json!(1)),
        Just(json!(1.0)),
        Just(json!(u64::MAX)),
        Just(json!(i64::MIN)),
        Just(json!(f64::MAX)),
        Just(json!(-f64::MIN_POSITIVE)),
        Just(json!(9_007_199_254_740_993u64)),
        any::<i64>().prop_map(|n| json!(n)),
        any::<f64>()
            .prop_filter("JSON has no NaN or infinity", |f| f.is_finite())
            .prop_map(|f| json!(f)),
        any::<u8>().prop_map(|n| json!(n)),
    ]
}

fn leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        number(),
        text().prop_map(Value::String),
    ]
}

/// Any value, nested up to four levels, a few elements per level.
pub fn value() -> impl Strategy<Value = Value> {
    leaf().prop_recursive(4, 16, 3, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..3).prop_map(Value::Array),
            prop::collection::btree_map(text(), inner, 0..3)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// A write's field: three ordinary ones, or the tombstone (a deletion,
/// or undoing one).
pub fn field() -> impl Strategy<Value = (String, Option<Value>)> {
    prop_oneof![
        6 => (0u8..3).prop_map(|f| (format!("f{f}"), None)),
        1 => any::<bool>().prop_map(|d| ("deleted".to_string(), Some(Value::Bool(d)))),
    ]
}

/// A counter near its limits.
pub fn counter() -> impl Strategy<Value = u32> {
    prop_oneof![
        Just(0u32),
        Just(1),
        Just(u32::MAX - 1),
        Just(u32::MAX),
        any::<u32>(),
    ]
}

/// How far ahead of the sender's clock a hostile stamp is: inside the
/// one-day limit, right at it, or beyond it (refused until time passes).
pub fn ahead_ms() -> impl Strategy<Value = u64> {
    prop_oneof![
        Just(0u64),
        Just(2 * 3_600_000),
        Just(MAX_FUTURE_MS - 1),
        Just(MAX_FUTURE_MS),
        Just(MAX_FUTURE_MS + 1),
        Just(2 * MAX_FUTURE_MS),
        0..MAX_FUTURE_MS,
    ]
}

/// A device's wall clock offset: up to 30 hours either way, so that a
/// change from a fast device can be beyond the future limit of a slow one.
pub fn skew() -> impl Strategy<Value = i64> {
    prop_oneof![
        Just(0i64),
        -60_000i64..60_000,
        -30 * 3_600_000i64..30 * 3_600_000,
    ]
}

/// A small deterministic generator for delivery orders (test-only).
pub struct Rng(pub u64);
impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    pub fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            v.swap(i, self.below(i + 1));
        }
    }
}

/// `items` with every `dup_every`-th one delivered twice, all in an order
/// drawn from `seed`: what a store receives from devices that resend.
pub fn resent_in_any_order<T: Clone>(items: &[T], dup_every: usize, seed: u64) -> Vec<T> {
    let mut out = items.to_vec();
    for (i, item) in items.iter().enumerate() {
        if i % dup_every.max(1) == 0 {
            out.push(item.clone());
        }
    }
    Rng(seed).shuffle(&mut out);
    out
}

/// Local time of a device with `skew`, never below zero.
pub fn local(now: u64, skew: i64) -> u64 {
    now.saturating_add_signed(skew)
}
