//! Every record kind round-trips through the path start-up reads: saved as
//! the store saves it (`encode_all_views`), read back through the model's
//! typed view row, and through the one-record refresh a save or a sync
//! uses. A kind the table names in one place but not another would vanish
//! here.

use crate::hostile::op;
use serde_json::json;
use ventanilla::domain::{Model, KNOWN_KINDS};
use ventanilla::sync::stored::encode_all_views;
use ventanilla::sync::{RecordId, State};

/// One record of every kind, with a field every record has (its audit).
fn one_of_each() -> State {
    let mut state = State::default();
    let ops: Vec<_> = KNOWN_KINDS
        .iter()
        .enumerate()
        .map(|(i, kind)| {
            let id = 1000 + i as u128;
            op(kind, id, "created_at", json!("2026-01-05T09:00:00Z"))
        })
        .collect();
    state.apply(ops.iter());
    state
}

#[test]
fn every_kind_saved_as_a_view_row_is_read_back_by_the_model() {
    let state = one_of_each();
    let mut model = Model::default();
    let mut read = 0;
    for (_, row) in encode_all_views(&state) {
        let report = model.load_view_report(&row).expect("the row reads");
        assert!(report.skipped.is_empty(), "{:?}", report.skipped);
        read += report.records;
    }
    let missing: Vec<&str> = KNOWN_KINDS
        .iter()
        .enumerate()
        .filter(|(i, kind)| !model.holds(kind, RecordId(1000 + *i as u128)))
        .map(|(_, kind)| *kind)
        .collect();
    assert!(
        missing.is_empty(),
        "these kinds did not come back: {missing:?}"
    );
    assert_eq!(read, KNOWN_KINDS.len());
}

#[test]
fn every_kind_refreshed_one_record_at_a_time_is_held_and_a_deletion_removes_it() {
    let mut model = Model::default();
    for (i, kind) in KNOWN_KINDS.iter().enumerate() {
        let id = RecordId(1000 + i as u128);
        model.refresh(
            kind,
            id,
            Some(&json!({"created_at": "2026-01-05T09:00:00Z"})),
        );
        assert!(model.holds(kind, id), "{kind} was not held after a refresh");
        model.refresh(kind, id, Some(&json!({"deleted": true})));
        assert!(!model.holds(kind, id), "{kind} survived its deletion");
    }
}

#[test]
fn a_kind_no_version_knows_is_held_by_nobody_and_breaks_nothing() {
    let mut model = Model::default();
    model.refresh("kind_from_the_future", RecordId(7), Some(&json!({"x": 1})));
    assert!(!model.holds("kind_from_the_future", RecordId(7)));
    let row = r#"{"kind_from_the_future":[["7",{"x":1}]]}"#;
    assert!(model.load_view(row).is_ok());
}
