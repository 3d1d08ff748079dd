//! Issue 10, items 1, 2 and 8: what arrives meets the limits of what is
//! typed. Every field of every kind is generated from the schema
//! (`domain::schema`), not listed by hand, and the schema itself is checked
//! against the record types.

use crate::hostile::*;
use serde_json::{json, Value};
use std::collections::BTreeSet;
use ventanilla::domain::base::limits::{MAX_YEAR, MIN_YEAR};
use ventanilla::domain::contact::ForwardStep;
use ventanilla::domain::schema::{fields, RecordSchema, Spec, COMMON, EVENTS, FORWARD_STEP};
use ventanilla::domain::KNOWN_KINDS;
use ventanilla::sync::bundle::{
    decode, parse, parse_bytes, BundleError, Limit, Schema, MAX_BUNDLE_BYTES, MAX_VALUE_BYTES,
    MAX_VALUE_DEPTH,
};

fn keys(v: &Value) -> BTreeSet<String> {
    v.as_object()
        .map(|m| m.keys().cloned().collect())
        .unwrap_or_default()
}

fn names(f: &[(&str, Spec)]) -> BTreeSet<String> {
    f.iter().map(|(n, _)| n.to_string()).collect()
}

/// What decoding one op (through the file path: JSON text, parse, decode) says.
fn verdict(kind: &str, field: &str, value: Value) -> Result<(), BundleError> {
    let b = bundle(vec![op(kind, 1, field, value)]);
    let b = parse(&b.to_json())?;
    decode(&b, &RecordSchema).map(|_| ())
}

#[test]
fn the_schema_lists_exactly_each_record_types_fields() {
    for kind in KNOWN_KINDS {
        let typed = default_fields(kind).unwrap_or_else(|| panic!("{kind} has a record type"));
        let mut listed = names(fields(kind).unwrap_or_else(|| panic!("{kind} in the schema")));
        listed.extend(names(COMMON));
        listed.remove("deleted");
        assert_eq!(listed, keys(&typed), "{kind}");
    }
    let forward = serde_json::to_value(ForwardStep::default()).unwrap_or_default();
    assert_eq!(names(FORWARD_STEP), keys(&forward));
    let variants = event_defaults();
    assert_eq!(variants.len(), EVENTS.len());
    for v in variants {
        let tag = v["kind"].as_str().unwrap_or_default().to_string();
        let (_, f) = EVENTS
            .iter()
            .find(|(t, _)| *t == tag)
            .expect("every step kind listed");
        let mut expected = keys(&v);
        expected.remove("kind");
        assert_eq!(names(f), expected, "{tag}");
    }
}

#[test]
fn every_default_record_passes_and_every_boundary_value_reads_back_strictly() {
    for kind in KNOWN_KINDS {
        let defaults = default_fields(kind).unwrap_or_default();
        for (field, value) in defaults.as_object().into_iter().flatten() {
            assert_eq!(
                RecordSchema.check(kind, field, value),
                Ok(()),
                "{kind}.{field}"
            );
        }
    }
    let mut checked = 0;
    for leaf in leaves() {
        let samples: Vec<Value> = match leaf.spec {
            Spec::Text(max) => vec![json!("ñ".repeat(max)), json!("")],
            Spec::Bytes(max) => vec![json!("a".repeat(max))],
            Spec::Date => vec![
                json!(format!("{MIN_YEAR}-01-01")),
                json!(format!("{MAX_YEAR}-12-31")),
            ],
            Spec::Instant => vec![
                json!(format!("{MIN_YEAR}-01-01T00:00:00Z")),
                json!(format!("{MAX_YEAR}-12-31T23:59:59.999Z")),
            ],
            Spec::Int(min, max) => vec![json!(min), json!(max)],
            Spec::Code(_) => continue,
            other => vec![sample(other)],
        };
        for s in samples {
            let value = leaf.place(s);
            let at = format!("{}.{} {}", leaf.kind, leaf.field, leaf.at());
            assert_eq!(
                RecordSchema.check(leaf.kind, leaf.field, &value),
                Ok(()),
                "{at}"
            );
            let fields = json!({ leaf.field: value });
            let read = reads(leaf.kind, &fields).unwrap_or_else(|| Err("no type".into()));
            assert_eq!(read, Ok(()), "{at} must read back strictly");
            checked += 1;
        }
    }
    assert!(checked > 250, "only {checked} boundary values");
}

/// Issue 10 item 1: `+262142-12-31T23:59:59Z` in `meeting.scheduled_at`
/// crashed Today; every date of every kind, nested ones included, is now
/// refused outside the years 1900–2200 and named in the refusal.
#[test]
fn dates_out_of_range_are_refused_on_every_date_field_of_every_kind() {
    let mut seen = BTreeSet::new();
    for leaf in leaves() {
        let hostile: &[&str] = match leaf.spec {
            Spec::Date => &["+262142-12-31", "-262143-01-01", "1899-12-31", "2201-01-01"],
            Spec::Instant => &[
                "+262142-12-31T23:59:59Z",
                "-262143-01-01T00:00:00Z",
                "1899-12-31T23:59:59Z",
                "2201-01-01T00:00:00Z",
                "2200-12-31T23:30:00-01:00",
            ],
            _ => continue,
        };
        for h in hostile {
            let got = verdict(leaf.kind, leaf.field, leaf.place(json!(h)));
            let expected = BundleError::BadValue {
                kind: leaf.kind.into(),
                field: leaf.field.into(),
                at: leaf.at(),
                limit: Limit::DateOutOfRange {
                    min: MIN_YEAR,
                    max: MAX_YEAR,
                },
            };
            assert_eq!(got, Err(expected), "{h}");
        }
        seen.insert(format!("{}.{}/{}", leaf.kind, leaf.field, leaf.at()));
    }
    for must in [
        "meeting.scheduled_at/",
        "customer.assigned_at/",
        "contact.received_at/",
        "contact.forwarded/0/at",
        "complaint_event.data/deadline",
        "leave.last_day/",
        "visit.due/",
        "roster_entry.date/",
        "task.created_at/",
    ] {
        assert!(seen.contains(must), "{must} not generated: {seen:?}");
    }
    assert!(seen.len() > 27 * 2 + 20, "{} date fields", seen.len());
}

#[test]
fn text_longer_than_its_limit_is_refused_naming_kind_field_and_limit() {
    let mut n = 0;
    for leaf in leaves() {
        let max = match leaf.spec {
            Spec::Text(max) => max,
            _ => continue,
        };
        let fits = verdict(leaf.kind, leaf.field, leaf.place(json!("é".repeat(max))));
        assert_eq!(fits, Ok(()), "{}.{}", leaf.kind, leaf.field);
        let over = verdict(
            leaf.kind,
            leaf.field,
            leaf.place(json!("é".repeat(max + 1))),
        );
        let limit = Limit::TooLong { max };
        assert!(
            matches!(&over, Err(BundleError::BadValue { limit: l, .. }) if *l == limit),
            "{}.{}: {over:?}",
            leaf.kind,
            leaf.field
        );
        n += 1;
    }
    assert!(n > 60, "{n} text fields");
    // The 10 MB name: refused as a name, before any screen sees it.
    let name = "x".repeat(4 * 1024 * 1024);
    let e = verdict("customer", "name", json!(name)).unwrap_err();
    let limit = Limit::TooLong { max: 120 };
    assert!(
        matches!(e, BundleError::BadValue { ref kind, ref field, limit: ref l, .. } if kind == "customer" && field == "name" && *l == limit),
        "{e}"
    );
}

#[test]
fn wrong_types_unknown_codes_bad_ids_and_numbers_out_of_range_are_refused() {
    let cases = [
        ("customer", "kind", json!("alien"), Limit::UnknownCode),
        (
            "contact",
            "owner",
            json!("not an id"),
            Limit::WrongType {
                expected: "record id".into(),
            },
        ),
        (
            "contact",
            "summary",
            json!(12),
            Limit::WrongType {
                expected: "text".into(),
            },
        ),
        (
            "team",
            "min_weekly_hours",
            json!(81),
            Limit::OutOfRange { min: 0, max: 80 },
        ),
        (
            "team",
            "min_weekly_hours",
            json!(1e300),
            Limit::OutOfRange { min: 0, max: 80 },
        ),
        (
            "team",
            "min_weekly_hours",
            json!(-1),
            Limit::OutOfRange { min: 0, max: 80 },
        ),
        (
            "customer",
            "tags",
            json!(vec!["t"; 501]),
            Limit::TooMany { max: 500 },
        ),
        (
            "customer",
            "quiet_hours",
            json!([["25:00", "08:00"]]),
            Limit::WrongType {
                expected: "time".into(),
            },
        ),
        (
            "shift",
            "start",
            json!("8 o'clock"),
            Limit::WrongType {
                expected: "time".into(),
            },
        ),
        (
            "staff",
            "active",
            json!("yes"),
            Limit::WrongType {
                expected: "yes/no".into(),
            },
        ),
        (
            "customer",
            "deleted",
            json!(1),
            Limit::WrongType {
                expected: "yes/no".into(),
            },
        ),
        (
            "complaint_event",
            "data",
            json!({ "kind": 3 }),
            Limit::WrongType {
                expected: "text".into(),
            },
        ),
    ];
    for (kind, field, value, limit) in cases {
        match verdict(kind, field, value) {
            Err(BundleError::BadValue { limit: l, .. }) => assert_eq!(l, limit, "{kind}.{field}"),
            other => panic!("{kind}.{field}: {other:?}"),
        }
    }
    let judged = json!({ "kind": "judged", "utc_offset_minutes": 100_000 });
    let e = verdict("complaint_event", "data", judged).unwrap_err();
    assert!(
        matches!(e, BundleError::BadValue { ref at, .. } if at == "utc_offset_minutes"),
        "{e}"
    );
}

#[test]
fn unknown_fields_and_step_kinds_of_a_newer_version_are_kept_within_the_structural_limits() {
    let future = json!({ "colour": "azul", "levels": [[1, 2], { "x": null }] });
    assert_eq!(verdict("customer", "future_field", future.clone()), Ok(()));
    let new_step = json!({ "kind": "mediated", "mediator": "Ana", "deadline": "+262142-01-01" });
    assert_eq!(verdict("complaint_event", "data", new_step), Ok(()));
    let b = bundle(vec![op("customer", 1, "future_field", future.clone())]);
    let contents = decode(&b, &RecordSchema).expect("accepted");
    assert_eq!(contents.ops[0].value, future, "passed on unchanged");
    for bad in ["", "Name", "a-b", "ñ"] {
        assert!(
            matches!(
                verdict("customer", bad, json!(1)),
                Err(BundleError::BadValue {
                    limit: Limit::BadName,
                    ..
                })
            ),
            "{bad:?}"
        );
    }
    let big = "a".repeat(MAX_VALUE_BYTES);
    assert!(matches!(
        verdict("customer", "future_field", json!(big)),
        Err(BundleError::BadValue {
            limit: Limit::TooLarge { .. },
            ..
        })
    ));
}

fn nested(depth: usize) -> Value {
    (0..depth).fold(json!("x"), |v, _| json!([v]))
}

/// Issue 10 item 2: a value nested 123 deep passed the reader and then made
/// its bucket unreadable. Any value deeper than the limit is refused, in a
/// known field or an unknown one.
#[test]
fn values_nested_too_deep_are_refused_at_import() {
    assert_eq!(
        verdict("customer", "future_field", nested(MAX_VALUE_DEPTH)),
        Ok(())
    );
    for depth in [MAX_VALUE_DEPTH + 1, 123] {
        let deep = nested(depth);
        let cases = [
            ("customer", "future_field", deep.clone()),
            ("meeting", "x", deep.clone()),
            (
                "contact",
                "forwarded",
                json!([{ "note": "n", "extra": deep.clone() }]),
            ),
            (
                "complaint_event",
                "data",
                json!({ "kind": "newer", "x": deep.clone() }),
            ),
        ];
        for (kind, field, value) in cases {
            let got = verdict(kind, field, value);
            // Wrapped deeper than serde_json reads, the payload itself is refused.
            let too_deep_to_parse =
                matches!(&got, Err(BundleError::Undecodable(e)) if e.contains("recursion limit"));
            assert!(
                matches!(
                    got,
                    Err(BundleError::BadValue {
                        limit: Limit::TooDeep {
                            max: MAX_VALUE_DEPTH
                        },
                        ..
                    })
                ) || (depth > 100 && too_deep_to_parse),
                "{kind}.{field} at {depth}: {got:?}"
            );
        }
        // A known field refuses it as the wrong type, before its depth.
        let got = verdict("customer", "notes", deep);
        assert!(matches!(
            got,
            Err(BundleError::BadValue {
                limit: Limit::WrongType { .. },
                ..
            })
        ));
    }
}

/// Issue 10 item 8: a 50 MB file was read and applied. A document over the
/// limit is refused by its length, before it is parsed.
#[test]
fn an_oversize_file_is_refused_before_it_is_read() {
    let huge = " ".repeat(MAX_BUNDLE_BYTES + 1);
    let e = parse(&huge).unwrap_err();
    assert_eq!(
        e,
        BundleError::TooLarge {
            bytes: MAX_BUNDLE_BYTES + 1,
            max: MAX_BUNDLE_BYTES
        }
    );
    assert_eq!(parse_bytes(huge.as_bytes()).unwrap_err(), e);
    // A real bundle over the limit: refused the same way, whatever it holds.
    let notes: Vec<_> = (0..80u128)
        .map(|i| {
            op(
                "customer",
                i + 1,
                "notes",
                json!("n".repeat(9_000).repeat(12)),
            )
        })
        .collect();
    let b = bundle(notes).to_json();
    assert!(b.len() > MAX_BUNDLE_BYTES);
    assert!(matches!(parse(&b), Err(BundleError::TooLarge { .. })));
    // At the limit it is read (and then judged on its contents).
    let fits = bundle(vec![op("customer", 1, "name", json!("Ana"))]).to_json();
    assert!(parse(&fits).is_ok());
}

#[test]
fn every_refusal_names_kind_field_and_limit_in_words() {
    let e = verdict("meeting", "scheduled_at", json!("+262142-12-31T23:59:59Z")).unwrap_err();
    let text = e.to_string();
    assert!(
        text.contains("meeting") && text.contains("scheduled_at") && text.contains("1900"),
        "{text}"
    );
    let e = verdict(
        "contact",
        "forwarded",
        json!([{ "note": "x".repeat(2_001) }]),
    )
    .unwrap_err();
    let text = e.to_string();
    assert!(
        text.contains("forwarded") && text.contains("0/note") && text.contains("2000"),
        "{text}"
    );
}
