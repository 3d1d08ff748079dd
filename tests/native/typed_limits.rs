//! Issue 10 item 8: the limits of what arrives are the limits of what is
//! typed. For each form that limits a text, one character over its limit is
//! refused by the form with the very maximum the import refuses with (both
//! read `domain::base::limits`); and a save may hold nothing an import refuses.

use crate::common::*;
use serde_json::json;
use ventanilla::domain::complaint::{register, ComplaintDraft};
use ventanilla::domain::contact::{record_contact, ContactDraft};
use ventanilla::domain::customer::{validate_draft, CustomerDraft};
use ventanilla::domain::dept::meeting::{schedule_meeting, MeetingDraft};
use ventanilla::domain::dept::ops::publish_announcement;
use ventanilla::domain::dept::roster::save_team;
use ventanilla::domain::escalation::{raise, EscalationDraft, Matter, RaiseIds};
use ventanilla::domain::schema::{check_writes, spec, Spec};
use ventanilla::domain::staff::{create_staff, StaffDraft};
use ventanilla::domain::RuleError;
use ventanilla::sync::Write;

fn first_too_long(errors: Vec<RuleError>) -> Option<(&'static str, usize)> {
    errors.into_iter().find_map(|e| match e {
        RuleError::TooLong { field, max } => Some((field, max)),
        _ => None,
    })
}

fn import_max(kind: &str, field: &str) -> usize {
    match spec(kind, field) {
        Some((_, Spec::Text(max))) => max,
        other => panic!("{kind}.{field} is not text: {other:?}"),
    }
}

/// Runs a form with `text` in one field: accepted, or its refusals.
type Form = Box<dyn Fn(String) -> Result<(), Vec<RuleError>>>;

#[test]
fn each_form_refuses_one_character_over_the_limit_imports_apply() {
    let mut m = team();
    put(&mut m, &customer(10, "Lucía Cliente"));
    let (director, leader, rep) = (person(&m, 1), person(&m, 2), person(&m, 3));
    let forms: Vec<(&str, &str, Form)> = vec![
        (
            "customer",
            "name",
            Box::new(move |t| {
                let d = CustomerDraft {
                    name: t,
                    ..CustomerDraft::default()
                };
                validate_draft(&d, now()).map(|_| ())
            }),
        ),
        (
            "customer",
            "notes",
            Box::new(move |t| {
                let d = CustomerDraft {
                    name: "Ana".into(),
                    notes: t,
                    ..CustomerDraft::default()
                };
                validate_draft(&d, now()).map(|_| ())
            }),
        ),
        (
            "customer",
            "card_number",
            Box::new(move |t| {
                let d = CustomerDraft {
                    name: "Ana".into(),
                    card_number: t,
                    ..CustomerDraft::default()
                };
                validate_draft(&d, now()).map(|_| ())
            }),
        ),
        (
            "contact",
            "summary",
            Box::new({
                let (m, rep) = (m.clone(), rep.clone());
                move |t| {
                    let d = ContactDraft {
                        summary: t,
                        received_at: now(),
                        ..ContactDraft::default()
                    };
                    record_contact(&m, &rep, d, id(90), now()).map(|_| ())
                }
            }),
        ),
        (
            "complaint",
            "content",
            Box::new({
                let (m, rep) = (m.clone(), rep.clone());
                move |t| {
                    let d = ComplaintDraft {
                        customer: Some(id(10)),
                        content: t,
                        asks: "x".into(),
                        received_at: now(),
                        ..ComplaintDraft::default()
                    };
                    register(&m, &rep, d, id(91), now()).map(|_| ())
                }
            }),
        ),
        (
            "escalation",
            "description",
            Box::new({
                let (m, rep) = (m.clone(), rep.clone());
                move |t| {
                    let d = EscalationDraft {
                        matter: Some(Matter::MajorError),
                        description: t,
                        ..EscalationDraft::default()
                    };
                    let ids = RaiseIds {
                        escalation: id(92),
                        step: id(93),
                    };
                    raise(&m, &rep, d, ids, now()).map(|_| ())
                }
            }),
        ),
        (
            "staff",
            "team",
            Box::new({
                let (m, director) = (m.clone(), director.clone());
                move |t| {
                    let d = StaffDraft {
                        name: "Eva".into(),
                        team: t,
                        ..StaffDraft::default()
                    };
                    create_staff(&m, &director, d, id(94), now()).map(|_| ())
                }
            }),
        ),
        (
            "announcement",
            "body",
            Box::new({
                let (m, director) = (m.clone(), director.clone());
                move |t| {
                    let r = publish_announcement(&m, &director, "Aviso", &t, &[], id(95), now());
                    r.map(|_| ()).map_err(|e| vec![e])
                }
            }),
        ),
        (
            "meeting",
            "title",
            Box::new({
                let (m, leader) = (m.clone(), leader.clone());
                move |t| {
                    let d = MeetingDraft {
                        title: t,
                        scheduled_at: now(),
                        ..MeetingDraft::default()
                    };
                    let r = schedule_meeting(&m, &leader, None, d, id(96), now());
                    r.map(|_| ()).map_err(|e| vec![e])
                }
            }),
        ),
        (
            "team",
            "name",
            Box::new({
                let (m, director) = (m.clone(), director.clone());
                move |t| {
                    let r = save_team(&m, &director, None, &t, 30, id(97), now());
                    r.map(|_| ()).map_err(|e| vec![e])
                }
            }),
        ),
    ];
    for (kind, field, form) in forms {
        let max = import_max(kind, field);
        assert_eq!(
            form("é".repeat(max)),
            Ok(()),
            "{kind}.{field}: the limit itself is typed"
        );
        let refused = form("é".repeat(max + 1)).err().and_then(first_too_long);
        assert!(
            matches!(refused, Some((_, typed)) if typed == max),
            "{kind}.{field}: the form refuses with {refused:?}, imports at {max}"
        );
    }
}

#[test]
fn a_save_holds_nothing_an_import_refuses() {
    let w = |kind: &str, field: &str, value: serde_json::Value| Write {
        kind: kind.into(),
        id: id(1),
        field: field.into(),
        value,
    };
    let cases = [
        (
            w("customer", "name", json!("x".repeat(121))),
            RuleError::TooLong {
                field: "name",
                max: 120,
            },
        ),
        (
            w("customer", "birthday", json!("1899-12-31")),
            RuleError::InvalidDate { field: "birthday" },
        ),
        (
            w("meeting", "scheduled_at", json!("+262142-12-31T23:59:59Z")),
            RuleError::InvalidDate {
                field: "scheduled_at",
            },
        ),
        (
            w(
                "contact",
                "forwarded",
                json!([{ "note": "n".repeat(2_001) }]),
            ),
            RuleError::TooLong {
                field: "note",
                max: 2_000,
            },
        ),
        (
            w("team", "min_weekly_hours", json!(500)),
            RuleError::OutOfRange {
                field: "min_weekly_hours",
            },
        ),
        (
            w("customer", "Bad Name", json!(1)),
            RuleError::OutOfRange { field: "value" },
        ),
        (
            w(
                "complaint_event",
                "data",
                json!({ "kind": "implemented", "signature": "s".repeat(60_001) }),
            ),
            RuleError::SignatureTooLarge { max_kb: 60 },
        ),
    ];
    for (write, expected) in cases {
        assert_eq!(
            check_writes(std::slice::from_ref(&write)),
            Err(expected),
            "{write:?}"
        );
    }
    // What the app itself writes passes: a realistic center of demo data.
    let demo = ventanilla::domain::demo::demo_writes(
        &team(),
        id(1),
        ventanilla::domain::Lang::Es,
        now(),
        7,
    );
    assert!(demo.len() > 10_000, "{}", demo.len());
    assert_eq!(check_writes(&demo), Ok(()));
}
