//! R-CUS-04 on the indexed search: whatever the history of saves, removals
//! and imports, the index answers every query exactly as the rule reads,
//! checked against a plain scan written here from the rule itself.

use crate::common::{customer, id, team};
use proptest::prelude::*;
use ventanilla::domain::base::text::{digits, fold};
use ventanilla::domain::customer::{Customer, SearchBuilder, SearchIndex};
use ventanilla::domain::Model;
use ventanilla::sync::RecordId;

/// The rule, read plainly: every word of the folded query is a part of the
/// folded name, e-mail, card or a `#tag`; a phone-like word of three
/// digits or more may also be a part of a phone's digits. Name order, ties
/// by id.
fn by_the_rule(model: &Model, query: &str, limit: usize) -> Vec<RecordId> {
    let words: Vec<String> = fold(query)
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect();
    let matches = |c: &Customer, w: &str| {
        let mut texts = vec![fold(&c.name), fold(&c.email), fold(&c.card_number)];
        texts.extend(c.tags.iter().map(|t| format!("#{}", fold(t))));
        let phone_like = w.chars().any(|ch| ch.is_ascii_digit())
            && w.chars()
                .all(|ch| ch.is_ascii_digit() || "+-().".contains(ch));
        let d = digits(w);
        if phone_like && d.len() >= 3 {
            texts.iter().any(|t| t.contains(&d)) || c.phones.iter().any(|p| digits(p).contains(&d))
        } else {
            texts.iter().any(|t| t.contains(w))
        }
    };
    let mut found: Vec<&Customer> = model
        .customers
        .values()
        .filter(|c| words.iter().all(|w| matches(c, w)))
        .collect();
    found.sort_by_key(|c| (fold(&c.name), c.id));
    found.into_iter().take(limit).map(|c| c.id).collect()
}

const PARTS: &[&str] = &[
    "Pé", "pe", "rez", "Ná", "ñez", "ma", "RÍA", "ria", "lo", "Gar", "cía", "an", "a", " ", "ß",
    "日本", "🙂", "-", "o'", "\u{301}",
];

fn text(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PARTS), 0..max).prop_map(|p| p.concat())
}

fn phone() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop::sample::select(&["6", "0", "1", "+34 ", "-", "22", "9"][..]),
        0..8,
    )
    .prop_map(|p| p.concat())
}

fn a_customer() -> impl Strategy<Value = Drawn> {
    (
        0u8..40,
        text(6),
        prop::collection::vec(phone(), 0..3),
        text(3),
        prop::sample::select(&["", "SOC-0042", "soc-600", "A1"][..]).prop_map(str::to_string),
        prop::collection::vec(text(2), 0..3),
    )
}

/// A customer as generated: number, name, phones, e-mail, card, tags.
type Drawn = (u8, String, Vec<String>, String, String, Vec<String>);

#[derive(Debug, Clone)]
enum Step {
    Save(Drawn),
    Remove(u8),
    /// An import: many at once (the batch path, small or large).
    Import(Vec<(u8, Option<Drawn>)>),
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        4 => a_customer().prop_map(Step::Save),
        1 => (0u8..40).prop_map(Step::Remove),
        1 => prop::collection::vec((0u8..40, prop::option::of(a_customer())), 0..90).prop_map(Step::Import),
    ]
}

fn make((n, name, phones, email, card, tags): Drawn) -> Customer {
    let mut c = customer(1000 + u128::from(n), &name);
    c.phones = phones;
    c.email = email;
    c.card_number = card;
    c.tags = tags;
    c
}

fn query() -> impl Strategy<Value = String> {
    prop_oneof![
        text(4),
        phone(),
        prop::sample::select(
            &["", "#", "soc", "0042", "600", "42", "perez ma", "a a", "pe rez"][..]
        )
        .prop_map(str::to_string),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn r_cus_04_the_index_answers_as_the_rule_reads_after_any_history(
        steps in prop::collection::vec(step(), 0..25),
        queries in prop::collection::vec(query(), 1..12),
    ) {
        let mut model = team();
        let mut index = SearchIndex::build(&model);
        for s in steps {
            match s {
                Step::Save(c) => {
                    let c = make(c);
                    index.update(c.id, Some(&c));
                    model.customers.insert(c.id, c);
                }
                Step::Remove(n) => {
                    let cid = id(1000 + u128::from(n));
                    model.customers.remove(&cid);
                    index.update(cid, None);
                }
                Step::Import(changes) => {
                    let mut batch: Vec<(RecordId, Option<Customer>)> = Vec::new();
                    for (n, c) in changes {
                        // The batch names each customer once, as an import's refresh does.
                        let cid = id(1000 + u128::from(n));
                        let c = c.map(|c| Customer { id: cid, ..make(c) });
                        batch.retain(|(other, _)| *other != cid);
                        match &c {
                            Some(c) => model.customers.insert(cid, c.clone()),
                            None => model.customers.remove(&cid),
                        };
                        batch.push((cid, c));
                    }
                    index.update_many(batch.iter().map(|(cid, c)| (*cid, c.as_ref())));
                }
            }
        }
        prop_assert_eq!(index.len(), model.customers.len());
        prop_assert!(index == SearchIndex::build(&model), "updated index differs from a rebuild");
        for q in &queries {
            for limit in [1, 3, 50, usize::MAX] {
                prop_assert_eq!(index.search(q, limit), by_the_rule(&model, q, limit), "query {:?} limit {}", q, limit);
            }
        }
        // Parts of real texts find their customer.
        for c in model.customers.values().take(5) {
            let name = fold(&c.name);
            let part: String = name.chars().skip(1).take(4).collect();
            prop_assert_eq!(index.search(&part, usize::MAX), by_the_rule(&model, &part, usize::MAX));
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// R-CUS-04 for the index start-up makes a slice at a time
    /// (`ui::shell::search_build`): customers saved or removed between two
    /// slices are noted and brought up to date at the end, and the index
    /// is the one made at once from the model as it then is.
    #[test]
    fn r_cus_04_the_index_made_in_slices_while_customers_change_is_the_whole_index(
        start in prop::collection::vec(a_customer(), 0..12),
        between in prop::collection::vec(prop::collection::vec(step(), 0..4), 1..6),
        slice in 1usize..4,
    ) {
        let mut model = team();
        for c in start {
            let c = make(c);
            model.customers.insert(c.id, c);
        }
        let ids: Vec<RecordId> = model.customers.keys().copied().collect();
        let mut builder = SearchBuilder::default();
        let mut noted = Vec::new();
        let mut steps = between.into_iter();
        for part in ids.chunks(slice) {
            for s in steps.next().unwrap_or_default() {
                match s {
                    Step::Save(c) => {
                        let c = make(c);
                        noted.push(c.id);
                        model.customers.insert(c.id, c);
                    }
                    Step::Remove(n) => {
                        let cid = id(1000 + u128::from(n));
                        model.customers.remove(&cid);
                        noted.push(cid);
                    }
                    Step::Import(changes) => {
                        for (n, c) in changes {
                            let cid = id(1000 + u128::from(n));
                            match c {
                                Some(c) => model.customers.insert(cid, Customer { id: cid, ..make(c) }),
                                None => model.customers.remove(&cid),
                            };
                            noted.push(cid);
                        }
                    }
                }
            }
            builder.add(part.iter().filter_map(|cid| model.customers.get(cid)));
        }
        let mut index = builder.finish();
        index.update_many(noted.iter().map(|cid| (*cid, model.customers.get(cid))));
        prop_assert!(index == SearchIndex::build(&model), "the index made in slices differs");
    }
}
