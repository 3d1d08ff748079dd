//! R-CUS-04: find a customer by any part of the name (accent- and
//! case-insensitive), phone digits, e-mail, card number or tag.
//!
//! One precomputed, folded haystack per customer, kept in name order; a
//! query word matches where it is a substring of it. Beside each row sits
//! a 256-bit signature of its text: one bit for each byte, pair and triple
//! of bytes in it (hashed, so unrelated ones share bits). A row can contain
//! a word only if it has every bit of the word's own signature, so a query
//! first compares four machine words per row and looks for the words in
//! the text only on the few rows that pass: the matching rules stay the plain scan's,
//! and the cost per row is a few nanoseconds. Signatures cost 32 bytes a
//! customer, are made with the row (no separate build, nothing to keep in
//! step) and live in their own array so a query reads 32 contiguous bytes
//! per row, not the rows.

use super::Customer;
use crate::domain::base::order;
use crate::domain::base::text::{digits, fold};
use crate::domain::model::Model;
use crate::sync::RecordId;

/// Digits in a query word from which it may match phone numbers: fewer
/// would match nearly every phone in the file.
const MIN_PHONE_DIGITS: usize = 3;

/// Bits of the bytes (word 0), pairs (word 1) and triples (words 2 and 3)
/// a text contains. A superset test: `row & word == word` whenever the row
/// contains the word, never the other way round for sure.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
struct Signature([u64; 4]);

impl Signature {
    fn of(text: &str) -> Signature {
        let mut sig = Signature::default();
        // Query words have no spaces: windows across one are never asked for.
        for part in text.split(' ') {
            sig.add(part.as_bytes());
        }
        sig
    }

    fn add(&mut self, bytes: &[u8]) {
        for (n, window) in bytes.iter().enumerate() {
            self.set(0, 1, u64::from(*window));
            if let Some(pair) = bytes.get(n..n + 2) {
                self.set(1, 2, gram(pair));
            }
            if let Some(triple) = bytes.get(n..n + 3) {
                self.set(2, 3, gram(triple));
            }
        }
    }

    /// Hashes a window into its words: one word (64 bits) for bytes and
    /// pairs, two (128 bits) for triples, the most varied.
    fn set(&mut self, first: usize, size: u64, window: u64) {
        let h = (window | size << 32).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        let (word, bit) = match size {
            3 => (first + (h >> 63) as usize, (h >> 57) & 63),
            _ => (first, h >> 58),
        };
        if let Some(w) = self.0.get_mut(word) {
            *w |= 1 << bit;
        }
    }

    fn covers(&self, other: &Signature) -> bool {
        self.0.iter().zip(other.0.iter()).all(|(a, b)| a & b == *b)
    }

    fn union(mut self, other: &Signature) -> Signature {
        for (a, b) in self.0.iter_mut().zip(other.0.iter()) {
            *a |= b;
        }
        self
    }
}

fn gram(w: &[u8]) -> u64 {
    w.iter().fold(0, |g, b| g << 8 | u64::from(*b))
}

#[derive(Debug, Clone, Default, PartialEq)]
struct Row {
    id: RecordId,
    /// Folded name, e-mail, card and `#tags`, then (from `phones_at`) the
    /// digits of every phone.
    hay: String,
    phones_at: usize,
    /// The folded name is `hay[..name_len]`: the sort key.
    name_len: usize,
}

impl Row {
    fn new(c: &Customer) -> Row {
        let name = fold(&c.name);
        let mut hay = String::with_capacity(name.len() + 64);
        hay.push_str(&name);
        for part in [&c.email, &c.card_number] {
            if !part.is_empty() {
                hay.push(' ');
                hay.push_str(&fold(part));
            }
        }
        for t in &c.tags {
            hay.push_str(" #");
            hay.push_str(&fold(t));
        }
        let phones_at = hay.len();
        for p in &c.phones {
            hay.push(' ');
            hay.push_str(&digits(p));
        }
        Row {
            id: c.id,
            hay,
            phones_at,
            name_len: name.len(),
        }
    }

    /// A customer's row with its signature.
    fn signed(c: &Customer) -> (Row, Signature) {
        let row = Row::new(c);
        let signature = Signature::of(&row.hay);
        (row, signature)
    }

    /// Name order, ties by id: the order results come in.
    fn key(&self) -> (&str, RecordId) {
        (&self.hay[..self.name_len], self.id)
    }
}

/// A query word, prepared once per query.
enum Word {
    /// Matches the text part only.
    Text(String),
    /// Phone-like ("600-111", "+34"): its digits match anywhere.
    Digits(String),
}

impl Word {
    fn parse(w: &str) -> Word {
        let phone_like = w.chars().any(|c| c.is_ascii_digit())
            && w.chars().all(|c| c.is_ascii_digit() || "+-().".contains(c));
        let d = digits(w);
        if phone_like && d.len() >= MIN_PHONE_DIGITS {
            Word::Digits(d)
        } else {
            // "42" still finds card SOC-0042 or a name part, not every phone.
            Word::Text(w.to_string())
        }
    }

    fn text(&self) -> &str {
        match self {
            Word::Text(w) | Word::Digits(w) => w,
        }
    }

    fn matches(&self, row: &Row) -> bool {
        match self {
            Word::Text(w) => has(&row.hay.as_bytes()[..row.phones_at], w.as_bytes()),
            Word::Digits(d) => has(row.hay.as_bytes(), d.as_bytes()),
        }
    }
}

/// Whether `needle` occurs in `hay`: the plain way, which on texts of a
/// few dozen bytes beats `str::contains` (it prepares a searcher on every
/// call, and a one-letter query calls it for every customer). Both are
/// valid UTF-8, so a byte match is a text match.
fn has(hay: &[u8], needle: &[u8]) -> bool {
    let Some((first, rest)) = needle.split_first() else {
        return true;
    };
    hay.iter()
        .enumerate()
        .any(|(at, b)| b == first && hay.get(at + 1..at + 1 + rest.len()) == Some(rest))
}

/// An index made a slice of customers at a time: start-up yields to the
/// page between slices (`ui::shell::search_build`), so Today answers while
/// the index of a hundred thousand customers is made.
#[derive(Default)]
pub struct SearchBuilder {
    rows: Vec<Row>,
    signatures: Vec<Signature>,
}

impl SearchBuilder {
    pub fn add<'a>(&mut self, customers: impl IntoIterator<Item = &'a Customer>) {
        for (row, signature) in customers.into_iter().map(Row::signed) {
            self.rows.push(row);
            self.signatures.push(signature);
        }
    }

    /// The index, its rows in name order: sorted in place through their
    /// positions, so no second copy of a hundred thousand rows is made
    /// (the wasm memory never shrinks).
    pub fn finish(self) -> SearchIndex {
        let SearchBuilder {
            mut rows,
            mut signatures,
        } = self;
        let mut order: Vec<usize> = (0..rows.len()).collect();
        let key = |i: &usize| rows.get(*i).map(Row::key);
        order.sort_by(|a, b| key(a).cmp(&key(b)));
        order::arrange(&mut signatures, order.clone());
        order::arrange(&mut rows, order);
        SearchIndex { rows, signatures }
    }
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct SearchIndex {
    /// Every live customer's row, in name order.
    rows: Vec<Row>,
    /// `signatures[i]` is `rows[i]`'s.
    signatures: Vec<Signature>,
}

impl SearchIndex {
    /// Rebuilds from every live customer (merged ones are not in the model).
    pub fn build(model: &Model) -> SearchIndex {
        let mut builder = SearchBuilder::default();
        builder.add(model.customers.values());
        builder.finish()
    }

    /// Brings one customer's row up to date (None: gone) without
    /// rebuilding: a save touches one customer, not twenty thousand.
    pub fn update(&mut self, id: RecordId, customer: Option<&Customer>) {
        if let Some(at) = self.rows.iter().position(|r| r.id == id) {
            self.rows.remove(at);
            self.signatures.remove(at);
        }
        if let Some(c) = customer {
            let (row, signature) = Row::signed(c);
            let at = self.rows.partition_point(|r| r.key() < row.key());
            self.signatures.insert(at, signature);
            self.rows.insert(at, row);
        }
    }

    /// Many updates at once (an import): one pass and one sort instead of
    /// a linear search and shift per customer.
    pub fn update_many<'a>(
        &mut self,
        changes: impl IntoIterator<Item = (RecordId, Option<&'a Customer>)>,
    ) {
        let changes: Vec<_> = changes.into_iter().collect();
        if changes.len() < 64 {
            for (id, c) in changes {
                self.update(id, c);
            }
            return;
        }
        // A customer named twice (changes noted over several refreshes)
        // counts once, as its last change says.
        let mut gone = std::collections::HashSet::new();
        let latest: Vec<_> = changes
            .iter()
            .rev()
            .filter(|(id, _)| gone.insert(*id))
            .collect();
        // Unchanged rows keep their signatures: only the changed ones are
        // hashed again; the builder puts them all in name order.
        let (mut rows, mut signatures) = (Vec::new(), Vec::new());
        let old = std::mem::take(&mut self.rows)
            .into_iter()
            .zip(std::mem::take(&mut self.signatures));
        for (row, signature) in old.filter(|(r, _)| !gone.contains(&r.id)) {
            rows.push(row);
            signatures.push(signature);
        }
        let mut builder = SearchBuilder { rows, signatures };
        builder.add(latest.iter().filter_map(|(_, c)| *c));
        *self = builder.finish();
    }

    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// Up to `limit` customers matching every word of the query, in name
    /// order. An empty query lists everyone.
    pub fn search(&self, query: &str, limit: usize) -> Vec<RecordId> {
        let folded = fold(query);
        let mut words: Vec<Word> = folded
            .split(' ')
            .filter(|w| !w.is_empty())
            .map(Word::parse)
            .collect();
        let wanted = words.iter().fold(Signature::default(), |s, w| {
            s.union(&Signature::of(w.text()))
        });
        // The longest word is usually the rarest: test it first.
        order::sort_by_key(&mut words, |w| std::cmp::Reverse(w.text().len()));
        self.signatures
            .iter()
            .zip(&self.rows)
            .filter(|(sig, row)| sig.covers(&wanted) && words.iter().all(|w| w.matches(row)))
            .take(limit)
            .map(|(_, row)| row.id)
            .collect()
    }
}
