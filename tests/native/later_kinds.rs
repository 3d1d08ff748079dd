//! The `later` kinds (`domain/kinds.rs`): the release build starts without
//! their reader, keeps their stored text and every change to them in order,
//! and reads it all when the reader arrives. Whatever came in between, the
//! model it ends with is the one that read everything at once.

use crate::hostile::op;
use proptest::prelude::*;
use serde_json::{json, Value};
use ventanilla::domain::kinds::{LATER_KINDS, LATER_READER};
use ventanilla::domain::{Lang, Model, KNOWN_KINDS};
use ventanilla::sync::stored::encode_all_views;
use ventanilla::sync::{RecordId, Replica, State};

/// What the `later` kinds' maps hold, and the knowledge base's index of
/// versions by answer, as text (every map is ordered, so equal models give
/// equal text).
fn later_part(m: &Model) -> String {
    let versions: Vec<_> =
        m.kb.answers
            .keys()
            .map(|a| {
                (
                    a,
                    m.kb.versions_of(*a).len(),
                    m.kb.current(*a).map(|v| v.id),
                )
            })
            .collect();
    format!(
        "{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{versions:?}",
        m.kb.answers,
        m.kb.versions,
        m.kb.uses,
        m.kb.gaps,
        m.qa.scorecards,
        m.qa.reviews,
        m.qa.replies,
        m.qa.rulings,
        m.qa.settings,
        m.qa.plans,
        m.qa.items,
        m.qa.reports,
        m.reports,
        m.standards.departments,
        m.standards.standards,
        m.standards.audits,
        m.standards.findings,
        m.standards.actions,
    )
}

/// The demo month (something in every area) as the store keeps it.
fn demo_rows() -> Vec<String> {
    let now = crate::common::at(2026, 3, 18, 10, 0);
    let (model, _) = crate::demo::org("Europe/Madrid", now);
    let writes =
        ventanilla::domain::demo::demo_writes(&model, crate::common::id(1), Lang::Es, now, 7);
    let mut replica = Replica::new(ventanilla::sync::DeviceId(1));
    replica.commit(writes, 1);
    encode_all_views(&replica.state).into_values().collect()
}

fn read_rows(mut model: Model, rows: &[String]) -> Model {
    for row in rows {
        let read = model.load_view_report(row).expect("the row reads");
        assert!(read.skipped.is_empty(), "{:?}", read.skipped);
    }
    model
}

#[test]
fn later_kinds_are_kept_until_their_reader_comes_then_read_as_if_at_once() {
    let rows = demo_rows();
    let eager = read_rows(Model::default(), &rows);
    assert!(eager.later_ready());
    assert!(
        !eager.qa.reviews.is_empty()
            && !eager.kb.answers.is_empty()
            && !eager.standards.actions.is_empty(),
        "the demo has records of the later kinds"
    );

    let mut waiting = read_rows(Model::reading_later(), &rows);
    assert!(!waiting.later_ready());
    assert!(waiting.qa.reviews.is_empty() && waiting.kb.answers.is_empty());
    assert_eq!(waiting.standards.actions.len(), 0);
    // What Today reads is there from the start.
    assert_eq!(waiting.contacts.len(), eager.contacts.len());
    assert_eq!(waiting.dept.roster.len(), eager.dept.roster.len());
    assert_eq!(
        format!("{:?}", waiting.complaints),
        format!("{:?}", eager.complaints)
    );

    let read = waiting.install_later(LATER_READER);
    assert!(read.skipped.is_empty(), "{:?}", read.skipped);
    assert!(read.records > 0);
    assert!(waiting.later_ready());
    assert_eq!(later_part(&waiting), later_part(&eager));
    // Installing again reads nothing twice.
    assert_eq!(waiting.install_later(LATER_READER).records, 0);
    assert_eq!(later_part(&waiting), later_part(&eager));
}

#[test]
fn every_later_kind_is_known_and_held_once_read() {
    let mut state = State::default();
    let ops: Vec<_> = LATER_KINDS
        .iter()
        .enumerate()
        .map(|(i, kind)| {
            op(
                kind,
                500 + i as u128,
                "created_at",
                json!("2026-01-05T09:00:00Z"),
            )
        })
        .collect();
    state.apply(ops.iter());
    let mut model = Model::reading_later();
    for (_, row) in encode_all_views(&state) {
        model.load_view(&row).expect("the row reads");
    }
    for (i, kind) in LATER_KINDS.iter().enumerate() {
        assert!(KNOWN_KINDS.contains(kind), "{kind} is not a known kind");
        assert!(
            !model.holds(kind, RecordId(500 + i as u128)),
            "{kind} read early"
        );
    }
    model.install_later(LATER_READER);
    for (i, kind) in LATER_KINDS.iter().enumerate() {
        assert!(
            model.holds(kind, RecordId(500 + i as u128)),
            "{kind} not read"
        );
    }
}

/// A stored row an older or buggier version wrote: one later record nested
/// too deep, one of the wrong shape, one kind's list not a list at all. The
/// reader leaves those out, says which, and reads the rest.
#[test]
fn hostile_later_records_are_left_out_when_read_and_the_rest_stays() {
    let deep = "[".repeat(200) + &"]".repeat(200);
    let row = format!(
        r#"{{"qa_review":[["{good}",{{"created_at":"2026-01-05T09:00:00Z"}}],["{deep_id}",{{"notes":{deep}}}],["{odd}",7]],
            "answer":5,
            "customer":[["{cust}",{{"name":"Ana"}}]]}}"#,
        good = RecordId(1),
        deep_id = RecordId(2),
        odd = RecordId(3),
        cust = RecordId(4),
    );
    let mut model = Model::reading_later();
    let read = model.load_view_report(&row).expect("the row reads");
    assert!(model.holds("customer", RecordId(4)));
    assert!(
        read.skipped.is_empty(),
        "nothing later is judged before its reader"
    );

    let read = model.install_later(LATER_READER);
    assert!(model.holds("qa_review", RecordId(1)));
    assert!(!model.holds("qa_review", RecordId(2)));
    assert!(!model.holds("qa_review", RecordId(3)));
    assert_eq!(read.records, 1);
    assert_eq!(read.skipped.len(), 3, "{:?}", read.skipped);
    assert!(read
        .skipped
        .iter()
        .any(|s| s.starts_with("answer: not a list")));
    assert!(read
        .skipped
        .iter()
        .any(|s| s.starts_with("qa_review record 2")));

    // The same row read at once leaves out the same records.
    let mut eager = Model::default();
    let read = eager.load_view_report(&row).expect("the row reads");
    assert_eq!(read.skipped.len(), 3, "{:?}", read.skipped);
    assert_eq!(later_part(&eager), later_part(&model));
}

/// One step a device can take while the later reader is away.
#[derive(Debug, Clone)]
enum Step {
    /// A changed record of a later kind (None: deleted).
    Change(usize, u128, Option<Value>),
    /// The reader arrives.
    Install,
}

fn step() -> impl Strategy<Value = Step> {
    let fields = prop_oneof![
        Just(None),
        Just(Some(json!({"deleted": true}))),
        "[a-zá ]{0,8}".prop_map(|t| Some(
            json!({"created_at": "2026-01-05T09:00:00Z", "text": t, "question": t, "name": t})
        )),
        // Hostile: a field of the wrong type, a value from a newer version.
        Just(Some(
            json!({"text": 5, "status": "from_the_future", "created_at": "never"})
        )),
        Just(Some(json!([1, 2]))),
    ];
    prop_oneof![
        8 => (0..LATER_KINDS.len(), 1u128..6, fields).prop_map(|(k, id, f)| Step::Change(k, id, f)),
        1 => Just(Step::Install),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Stored rows, then changes in any order, with the reader arriving at
    /// any point (or twice): the same model as reading each at once.
    #[test]
    fn later_kinds_end_the_same_whenever_their_reader_arrives(steps in prop::collection::vec(step(), 0..40)) {
        let rows = stored_later_rows();
        let mut eager = Model::default();
        let mut waiting = Model::reading_later();
        for row in &rows {
            eager.load_view(row).expect("reads");
            waiting.load_view(row).expect("reads");
        }
        for s in &steps {
            match s {
                Step::Change(k, id, fields) => {
                    eager.refresh(LATER_KINDS[*k], RecordId(*id), fields.as_ref());
                    waiting.refresh(LATER_KINDS[*k], RecordId(*id), fields.as_ref());
                }
                Step::Install => {
                    waiting.install_later(LATER_READER);
                }
            }
        }
        waiting.install_later(LATER_READER);
        prop_assert_eq!(later_part(&waiting), later_part(&eager));
        for kind in LATER_KINDS {
            for id in 1u128..6 {
                prop_assert_eq!(waiting.holds(kind, RecordId(id)), eager.holds(kind, RecordId(id)));
            }
        }
    }
}

/// Two records of every later kind, as stored rows.
fn stored_later_rows() -> Vec<String> {
    let mut state = State::default();
    let ops: Vec<_> = LATER_KINDS
        .iter()
        .flat_map(|kind| {
            [1u128, 3].map(|id| op(kind, id, "created_at", json!("2026-01-05T09:00:00Z")))
        })
        .collect();
    state.apply(ops.iter());
    encode_all_views(&state).into_values().collect()
}
