//! Sorting without a copy of the sort per call site. The standard library's
//! stable sort is generic over the element and the comparison, so every
//! `sort_by_key` in the app compiled its own copy of the algorithm (58 of
//! them, ~4 KB each, in the first load). Here one sort, compiled once,
//! orders positions through a `dyn` comparison, and a small generic step
//! moves the elements. The order is exactly `slice::sort_by`'s (stable:
//! ties keep their first order), tested against it with random input.
//!
//! Use these in screens and rules; the few sorts over a whole store at
//! start-up or on every keystroke (the contacts by date, the search index)
//! keep the standard sort, which is faster on 100,000 items.

use std::cmp::Ordering;

/// The positions `0..n` in the order `cmp` puts them, ties in first order.
fn positions(n: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut p: Vec<usize> = (0..n).collect();
    p.sort_by(|a, b| cmp(*a, *b));
    p
}

/// Moves each element to its place: position `i` gets the element that
/// was at `order[i]` (a permutation of `0..v.len()`), following each cycle.
pub(crate) fn arrange<T>(v: &mut [T], mut order: Vec<usize>) {
    for start in 0..order.len() {
        let mut at = start;
        loop {
            let from = order.get(at).copied().unwrap_or(start);
            if let Some(slot) = order.get_mut(at) {
                *slot = at;
            }
            if from == start || from == at {
                break;
            }
            v.swap(at, from);
            at = from;
        }
    }
}

/// `v.sort_by(cmp)`, stable.
pub fn sort_by<T>(v: &mut [T], cmp: impl Fn(&T, &T) -> Ordering) {
    let order = positions(v.len(), &|a, b| match (v.get(a), v.get(b)) {
        (Some(x), Some(y)) => cmp(x, y),
        _ => Ordering::Equal,
    });
    arrange(v, order);
}

/// `v.sort_by_key(key)`, stable.
pub fn sort_by_key<T, K: Ord>(v: &mut [T], key: impl Fn(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// `v.sort()`, stable.
pub fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, T::cmp);
}
