//! Issue 10, items 1 and 2, for what is already stored: a row an older
//! version wrote (before imports were checked) may hold a value nested too
//! deep or a date far outside 1900–2200. One such record never makes its
//! bucket or view unreadable, and no date in the store reaches a panic.

use crate::hostile::*;
use chrono::{DateTime, NaiveDate, Utc};
use serde_json::{json, Value};
use ventanilla::domain::history::HISTORY;
use ventanilla::domain::staff::Org;
use ventanilla::domain::Model;
use ventanilla::sync::stored::{
    bucket_of, decode_bucket_into, encode_all_views, encode_bucket, encode_view, merge_bucket,
};
use ventanilla::sync::{RecordId, State};

fn nested(depth: usize) -> Value {
    (0..depth).fold(json!("x"), |v, _| json!([v]))
}

/// A state as an older version could have stored it: two good customers
/// and, in the same bucket, one holding a value nested 123 deep (what the
/// issue's bundle left behind).
fn poisoned(depth: usize) -> (State, u32) {
    let bucket = bucket_of("customer", RecordId(1));
    let same_bucket = (2..10_000u128)
        .filter(|i| bucket_of("customer", RecordId(*i)) == bucket)
        .take(2)
        .collect::<Vec<_>>();
    let (bad, other) = (same_bucket[0], same_bucket[1]);
    let mut state = State::default();
    let ops = [
        op("customer", 1, "name", json!("Ana")),
        op("customer", other, "name", json!("Luis")),
        op("customer", bad, "name", json!("Eve")),
        op("customer", bad, "x", nested(depth)),
    ];
    state.apply(ops.iter());
    (state, bucket)
}

#[test]
fn a_bucket_with_one_record_nested_too_deep_still_gives_up_every_other_record() {
    let (state, bucket) = poisoned(123);
    let row = encode_bucket(state.iter());
    // The old reader failed on the whole row: "recursion limit exceeded".
    assert!(serde_json::from_str::<Value>(&row).is_err());
    let mut back = State::default();
    let read = decode_bucket_into(&row, &mut back).expect("the row is read");
    assert_eq!(read.records, 2);
    assert_eq!(read.skipped.len(), 1, "{:?}", read.skipped);
    assert!(
        read.skipped[0].contains("nested deeper"),
        "{:?}",
        read.skipped
    );
    assert_eq!(back.len(), 2);
    // A save into that bucket works and leaves a row that reads at once.
    let edit = op("customer", 1, "email", json!("ana@x.es"));
    let merged = merge_bucket(&mut back, &[edit], bucket, HISTORY);
    assert!(serde_json::from_str::<Value>(&merged.bucket).is_ok());
    let mut again = State::default();
    let read = decode_bucket_into(&merged.bucket, &mut again).expect("readable");
    assert_eq!((read.records, read.skipped.len()), (2, 0));
    let mut m = Model::default();
    let loaded = m
        .load_view_report(&merged.views.open)
        .expect("view readable");
    assert_eq!((loaded.records, loaded.skipped.len()), (2, 0));
    assert_eq!(m.customers.len(), 2);
}

#[test]
fn a_view_row_with_one_unreadable_record_loads_the_rest_and_says_which() {
    // Deep enough that even the view row (one level less) is unreadable.
    let (state, _) = poisoned(125);
    let view = encode_view(state.iter());
    assert!(serde_json::from_str::<Value>(&view).is_err());
    let mut m = Model::default();
    let read = m.load_view_report(&view).expect("the row is read");
    assert_eq!(read.records, 2);
    assert_eq!(read.skipped.len(), 1, "{:?}", read.skipped);
    assert!(
        read.skipped[0].starts_with("customer record"),
        "{:?}",
        read.skipped
    );
    assert_eq!(m.customers.len(), 2);
    assert!(
        m.load_view("{not json").is_err(),
        "a row that is no list at all"
    );
    let damaged =
        r#"{"customer":[["00000000000000000000000001",{"name":"Ana"}],["bad id",{}],[1,2,3]]}"#;
    let mut m = Model::default();
    let read = m.load_view_report(damaged).expect("read");
    assert_eq!((read.records, read.skipped.len()), (1, 2));
}

/// Records holding the calendar's extreme dates, as only an older version
/// (or a broken clock) could have stored them: every kind, every date field.
fn extreme_state(date: &str, instant: &str) -> State {
    let mut state = State::default();
    let mut ops = Vec::new();
    for leaf in leaves() {
        let value = match leaf.spec {
            ventanilla::domain::schema::Spec::Date => json!(date),
            ventanilla::domain::schema::Spec::Instant => json!(instant),
            _ => continue,
        };
        for id in 1..=3u128 {
            ops.push(op(leaf.kind, id, leaf.field, leaf.place(value.clone())));
        }
    }
    ops.extend(links());
    // A founded complaint whose promised deadline is the extreme date (a
    // later stamp than the generated steps, so it wins).
    for id in 1..=3u128 {
        let judged = json!({"kind": "judged", "founded": true, "severity": "serious", "deadline": date, "utc_offset_minutes": 840});
        let mut later = op("complaint_event", id, "data", judged);
        later.stamp.counter = 1;
        ops.push(later);
    }
    state.apply(ops.iter());
    state
}

fn model_of(state: &State) -> Model {
    let mut m = Model::default();
    for (_, view) in encode_all_views(state) {
        let read = m.load_view_report(&view).expect("views read");
        assert!(read.skipped.is_empty(), "{:?}", read.skipped);
    }
    m
}

/// Issue 10 item 1: Today panicked in `zone.rs` on `+262142-12-31T23:59:59Z`.
/// Every date computation of the domain is checked: every screen renders
/// over records at the calendar's very ends, whatever the clock says.
#[test]
fn every_domain_date_computation_is_checked_at_the_calendars_ends() {
    let ends = [
        ("+262142-12-31", "+262142-12-31T23:59:59Z"),
        ("-262143-01-01", "-262143-01-01T00:00:00Z"),
        ("1900-01-01", "1900-01-01T00:00:00Z"),
        ("2200-12-31", "2200-12-31T23:59:59Z"),
    ];
    let clocks: [DateTime<Utc>; 4] = [
        utc(2026, 11, 22),
        utc(1900, 1, 1),
        utc(2200, 12, 31),
        DateTime::<Utc>::MAX_UTC,
    ];
    for (date, instant) in ends {
        let state = extreme_state(date, instant);
        let mut m = model_of(&state);
        assert!(m.staff.len() == 3 && m.dept.roster.len() == 3 && m.complaints.len() == 3);
        let day = NaiveDate::parse_from_str(date.trim_start_matches('+'), "%Y-%m-%d").ok();
        // The org's zone: offsets both ways reach both ends.
        for zone in [
            "Europe/Madrid",
            "America/Los_Angeles",
            "UTC",
            "America/Santiago",
        ] {
            m.org = Some(Org {
                time_zone: Some(zone.into()),
                ..Org::default()
            });
            for now in clocks {
                screens(&m, now);
            }
            // The clock at the records' own instant, too.
            if let Some(d) = day.and_then(|d| d.and_hms_opt(12, 0, 0)) {
                screens(&m, d.and_utc());
            }
        }
    }
}

/// A snapshot of a store holding an older version's out-of-range values
/// leaves exactly those out, so every device accepts it.
#[test]
fn a_snapshot_leaves_out_stored_values_an_import_would_refuse() {
    use ventanilla::domain::schema::{retain_importable, RecordSchema};
    use ventanilla::sync::bundle::{decode, make_snapshot_bundles};
    let mut state = State::default();
    let ops = [
        op("meeting", 1, "title", json!("Mensual")),
        op(
            "meeting",
            1,
            "scheduled_at",
            json!("+262142-12-31T23:59:59Z"),
        ),
        op("customer", 2, "name", json!("Ana")),
        op("customer", 2, "x", nested(40)),
    ];
    state.apply(ops.iter());
    let frontier = Default::default();
    let unchecked = make_snapshot_bundles(DEVICE, &state, &frontier, 1, "2026-11-22T10:00:00Z");
    assert!(decode(&unchecked[0], &RecordSchema).is_err());
    let left_out = retain_importable(&mut state);
    assert_eq!(left_out.len(), 2, "{left_out:?}");
    let snapshot = make_snapshot_bundles(DEVICE, &state, &frontier, 1, "2026-11-22T10:00:00Z");
    let contents = decode(&snapshot[0], &RecordSchema).expect("accepted");
    let fields: Vec<&str> = contents.ops.iter().map(|o| o.field.as_str()).collect();
    assert_eq!(fields, vec!["name", "title"]);
}
