//! Issue 10, the property: any bundle a device accepts leaves every stored
//! row readable and every screen renderable. Values are drawn for every
//! field of every kind from the schema, boundary and hostile alike
//! (extreme dates, deep nesting, large and odd strings, wrong types,
//! unknown fields and codes); an accepted bundle is applied, its buckets
//! and views encoded and read back, the typed model built both ways (start-
//! up and refresh) and every derived view the screens use is called.
//! A second property does the same for rows stored without any check (an
//! older version's): readable, and no screen panics.

use crate::hostile::*;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use serde_json::{json, Value};
use std::cell::Cell;
use ventanilla::domain::schema::{RecordSchema, Spec};
use ventanilla::domain::Model;
use ventanilla::sync::bundle::{apply_contents, decode, parse, MAX_VALUE_DEPTH};
use ventanilla::sync::stored::{decode_bucket_into, encode_all, encode_all_views};
use ventanilla::sync::{Op, RecordId, Replica, State};

/// Every code of every enum the records use, and some no version knows.
fn codes() -> Vec<String> {
    use ventanilla::domain::{complaint, contact, dept, escalation, visits, visits as visit};
    let mut all: Vec<&str> = vec![
        "member",
        "individual",
        "group",
        "potential",
        "phone",
        "email",
        "sms",
        "chat",
        "Es",
        "En",
        "representative",
        "quality_inspector",
        "team_leader",
        "department_director",
        "center_director",
        "accepted",
        "judged",
        "investigated",
        "plan_chosen",
        "implemented",
        "evaluated",
        "alien",
        "",
        "ES",
        "Member",
    ];
    all.extend(contact::Channel::ALL.iter().map(|c| c.code()));
    all.extend(contact::Category::ALL.iter().map(|c| c.code()));
    all.extend(contact::Direction::ALL.iter().map(|c| c.code()));
    all.extend(complaint::Acceptance::ALL.iter().map(|c| c.code()));
    all.extend(visit::VisitStatus::ALL.iter().map(|c| c.code()));
    all.extend(visit::VisitMethod::ALL.iter().map(|c| c.code()));
    all.extend(contact::ContactStatus::ALL.iter().map(|c| c.code()));
    all.extend(complaint::Severity::ALL.iter().map(|c| c.code()));
    all.extend(complaint::Cause::ALL.iter().map(|c| c.code()));
    all.extend(escalation::Matter::ALL.iter().map(|c| c.code()));
    all.extend(escalation::StepKind::ALL.iter().map(|c| c.code()));
    all.extend(visit::VisitReason::ALL.iter().map(|c| c.code()));
    all.extend(visit::VisitOutcome::ALL.iter().map(|c| c.code()));
    all.extend(visits::CampaignReason::ALL.iter().map(|c| c.code()));
    all.extend(dept::records::LeaveKind::ALL.iter().map(|c| c.code()));
    all.extend(dept::records::Decision::ALL.iter().map(|c| c.code()));
    all.extend(dept::records::ReceiptKind::ALL.iter().map(|c| c.code()));
    all.extend(dept::records::MeetingKind::ALL.iter().map(|c| c.code()));
    all.extend(dept::records::ShiftKind::ALL.iter().map(|c| c.code()));
    all.extend(
        ventanilla::domain::kb::AnswerStatus::ALL
            .iter()
            .map(|c| c.code()),
    );
    all.extend(
        ventanilla::domain::qa::ReplyKind::ALL
            .iter()
            .map(|c| c.code()),
    );
    all.extend(
        ventanilla::domain::qa::RulingOutcome::ALL
            .iter()
            .map(|c| c.code()),
    );
    all.extend(
        ventanilla::domain::standards::Metric::ALL
            .iter()
            .map(|c| c.code()),
    );
    all.extend(
        ventanilla::domain::standards::PeriodKind::ALL
            .iter()
            .map(|c| c.code()),
    );
    // The org's time zone, and names no version supports.
    all.extend(
        ventanilla::domain::base::zones::ZONES
            .iter()
            .map(|z| z.name),
    );
    all.extend(["Europe/Atlantis", "europe/madrid", "Europe/Madrid\u{7}"]);
    all.into_iter().map(String::from).collect()
}

fn pick(options: Vec<Value>) -> BoxedStrategy<Value> {
    proptest::sample::select(options).boxed()
}

fn strings(options: &[&str]) -> BoxedStrategy<Value> {
    pick(options.iter().map(|s| json!(s)).collect())
}

/// A date in 1900–2200 (`fit`), or one outside it or not a date at all.
fn date(fit: bool) -> BoxedStrategy<String> {
    let days =
        |years| (years, 1u32..=12, 1u32..=28).prop_map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}"));
    match fit {
        true => prop_oneof![
            3 => days(1900i32..=2200),
            1 => proptest::sample::select(vec!["1900-01-01", "2200-12-31", "2024-02-29"]).prop_map(String::from),
        ]
        .boxed(),
        false => prop_oneof![
            days(1000i32..=1899),
            days(2201i32..=9999),
            proptest::sample::select(vec!["+262142-12-31", "-262143-01-01", "2026-02-30", "0000-01-01"])
                .prop_map(String::from),
        ]
        .boxed(),
    }
}

fn instant(fit: bool) -> BoxedStrategy<String> {
    let times = proptest::sample::select(vec![
        "T00:00:00Z",
        "T23:59:59.999Z",
        "T10:00:00+01:00",
        "T01:30:00-12:00",
    ]);
    let bad = proptest::sample::select(vec![
        "+262142-12-31T23:59:59Z",
        "-262143-01-01T00:00:00Z",
        "2026-11-22T12:00:00",
        "2200-12-31T23:00:00-02:00",
    ]);
    match fit {
        true => (date(true), times)
            .prop_map(|(d, t)| format!("{d}{t}"))
            .prop_filter("in range", |t| !t.starts_with("2200-12-31T01"))
            .boxed(),
        false => prop_oneof![
            (date(false), times).prop_map(|(d, t)| format!("{d}{t}")),
            bad.prop_map(String::from)
        ]
        .boxed(),
    }
}

fn text(max: usize, fit: bool) -> BoxedStrategy<Value> {
    match fit {
        true => prop_oneof![
            4 => "\\PC{0,30}".prop_map(Value::from),
            1 => strings(&["", "=1+1", "\t=1+1", "\r=2+2", "ñ\u{301}\u{202e}\u{0}\u{200b}😀", "<script>x</script>"]),
            1 => Just(Value::from("é".repeat(max))),
        ]
        .boxed(),
        false => prop_oneof![
            (max + 1..max + 3).prop_map(|n| Value::from("é".repeat(n))),
            pick(vec![json!(1), json!(null), json!(["a"])]),
        ]
        .boxed(),
    }
}

/// Values for one leaf of the schema: what fits (`fit`, the extremes
/// included), or what is just beyond or of another type.
fn leaf_value(spec: Spec, fit: bool) -> BoxedStrategy<Value> {
    match (spec, fit) {
        (Spec::Text(max) | Spec::Bytes(max), _) => text(max, fit),
        (Spec::Bool, true) => any::<bool>().prop_map(Value::from).boxed(),
        (Spec::Bool, false) => strings(&["true", "0"]),
        (Spec::Id, true) => (1u128..=4)
            .prop_map(|n| json!(RecordId(n).to_string()))
            .boxed(),
        (Spec::Id, false) => strings(&["not an id", "", "0000000000000000000000000000000"]),
        (Spec::Date, _) => date(fit).prop_map(Value::from).boxed(),
        (Spec::Instant, _) => instant(fit).prop_map(Value::from).boxed(),
        (Spec::Time, true) => strings(&["00:00:00", "23:59:59", "22:00:00", "06:00:00"]),
        (Spec::Time, false) => strings(&["24:00:00", "8"]),
        (Spec::HhMm, true) => strings(&["00:00", "23:59", "12:00", "21:00"]),
        (Spec::HhMm, false) => strings(&["24:00", "xx"]),
        (Spec::Int(min, max), true) => prop_oneof![
            (min..=max).prop_map(Value::from),
            pick(vec![json!(min), json!(max)])
        ]
        .boxed(),
        (Spec::Int(min, max), false) => pick(vec![
            json!(min - 1),
            json!(max + 1),
            json!(i64::MAX),
            json!(1e300),
            json!(-0.5),
        ]),
        (Spec::Code(reads), _) => {
            let codes: Vec<String> = codes()
                .into_iter()
                .filter(|c| reads(&json!(c)) == fit)
                .collect();
            assert!(
                !codes.is_empty(),
                "no {} code for {spec:?}",
                if fit { "valid" } else { "invalid" }
            );
            proptest::sample::select(codes)
                .prop_map(Value::from)
                .boxed()
        }
        _ => Just(sample(spec)).boxed(),
    }
}

fn nested(depth: usize) -> Value {
    (0..depth).fold(json!("x"), |v, _| json!([v]))
}

/// A whole field's value, of no particular kind.
fn hostile() -> BoxedStrategy<Value> {
    prop_oneof![
        // Around the store's own limit too: 123 passed the old reader and
        // made its bucket row unreadable.
        proptest::sample::select(vec![17usize, 100, 121, 122, 123, 124, 126, 130]).prop_map(nested),
        (1usize..=130).prop_map(nested),
        (0usize..=MAX_VALUE_DEPTH).prop_map(|d| json!({ "deep": nested(d), "n": null })),
        pick(vec![
            json!(u64::MAX),
            json!(-1),
            json!(1e300),
            json!(null),
            json!(true),
            json!({})
        ]),
        (0usize..1_200).prop_map(|n| json!(vec![1; n])),
        (0usize..200_000).prop_map(|n| json!("x".repeat(n))),
        instant(false).prop_map(|t| json!([t])),
    ]
    .boxed()
}

/// One op on one of four records per kind: a leaf of some field set to what
/// fits; or (`fit` false) to what does not, or a whole field (known or not)
/// set to anything.
fn any_op(leaves: &'static [Leaf], fit: bool) -> BoxedStrategy<Op> {
    let leaf = (0..leaves.len(), 1u128..=4).prop_flat_map(move |(i, id)| {
        let l = &leaves[i];
        leaf_value(l.spec, fit).prop_map(move |v| op(l.kind, id, l.field, l.place(v)))
    });
    if fit {
        return leaf.boxed();
    }
    let kinds: Vec<&str> = ventanilla::domain::KNOWN_KINDS.to_vec();
    let field = proptest::sample::select(vec![
        "name",
        "future_field",
        "deleted",
        "data",
        "due",
        "x_1",
        "Bad",
    ]);
    let whole = (proptest::sample::select(kinds), 1u128..=4, field, hostile())
        .prop_map(|(k, id, f, v)| op(k, id, f, v));
    prop_oneof![leaf, whole].boxed()
}

/// Many ops that fit and, in about half the bundles, some that do not.
fn any_ops() -> BoxedStrategy<Vec<Op>> {
    let leaves = all_leaves();
    let fitting = proptest::collection::vec(any_op(leaves, true), 1..20);
    let beyond = proptest::collection::vec(any_op(leaves, false), 0..3);
    (fitting, prop_oneof![Just(false), Just(true)], beyond)
        .prop_map(|(mut ops, hostile, more)| {
            if hostile {
                ops.extend(more);
            }
            ops
        })
        .boxed()
}

fn stamped(mut ops: Vec<Op>) -> Vec<Op> {
    for (i, o) in ops.iter_mut().enumerate() {
        o.stamp.counter = i as u32 + 1;
    }
    ops
}

/// Buckets and views of `state` read back; the model built both ways; every
/// screen rendered at a few clocks. `strict`: nothing may be skipped.
fn stored_and_rendered(state: &State, strict: bool) -> Result<(), TestCaseError> {
    let mut back = State::default();
    for (_, row) in encode_all(state) {
        let read =
            decode_bucket_into(&row, &mut back).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert!(!strict || read.skipped.is_empty(), "{:?}", read.skipped);
    }
    if strict {
        prop_assert_eq!(back.to_canonical_json(), state.to_canonical_json());
    }
    let mut started = Model::default();
    for (_, view) in encode_all_views(state) {
        let read = started
            .load_view_report(&view)
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert!(!strict || read.skipped.is_empty(), "{:?}", read.skipped);
    }
    let mut refreshed = Model::default();
    for (kind, id, e) in back.iter() {
        refreshed.refresh(kind, id, Some(&e.to_json()));
    }
    for m in [&mut started, &mut refreshed] {
        for now in [utc(2026, 11, 22), utc(1900, 1, 2), utc(2200, 12, 30)] {
            screens(m, now);
        }
    }
    Ok(())
}

fn runner(cases: u32) -> TestRunner {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(cases);
    TestRunner::new(Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    })
}

fn all_leaves() -> &'static [Leaf] {
    static LEAVES: std::sync::OnceLock<Vec<Leaf>> = std::sync::OnceLock::new();
    LEAVES.get_or_init(leaves)
}

#[test]
fn any_bundle_a_device_accepts_leaves_every_row_readable_and_every_screen_renderable() {
    let (accepted, refused) = (Cell::new(0u32), Cell::new(0u32));
    let strategy = any_ops();
    runner(300)
        .run(&strategy, |ops| {
            let mut replica = Replica::new(ventanilla::sync::DeviceId(1));
            replica.state.apply(links().iter());
            let b = parse(&bundle(stamped(ops)).to_json())
                .map_err(|e| TestCaseError::fail(e.to_string()))?;
            let contents = match decode(&b, &RecordSchema) {
                Ok(c) => c,
                Err(_) => {
                    refused.set(refused.get() + 1);
                    return Ok(());
                }
            };
            accepted.set(accepted.get() + 1);
            apply_contents(&mut replica, &contents, NOW_MS)
                .map_err(|e| TestCaseError::fail(e.to_string()))?;
            stored_and_rendered(&replica.state, true)
        })
        .unwrap_or_else(|e| panic!("{e}"));
    // Both sides were exercised, not only refusals.
    let (a, r) = (accepted.get(), refused.get());
    eprintln!("accepted {a}, refused {r}");
    assert!(
        a * 5 >= a + r && r * 5 >= a + r,
        "accepted {a}, refused {r}"
    );
}

#[test]
fn rows_stored_without_any_check_stay_readable_and_never_reach_a_panic() {
    let strategy = any_ops();
    runner(120)
        .run(&strategy, |ops| {
            let mut state = State::default();
            state.apply(links().iter());
            state.apply(stamped(ops).iter());
            stored_and_rendered(&state, false)
        })
        .unwrap_or_else(|e| panic!("{e}"));
}
