//! Return visits, part 2: complete records (R-RV-03), callbacks and
//! overdue (R-RV-04), scripts (R-RV-05), coverage (R-RV-02), the summary
//! and its CSV (R-RV-07), and raising contacts from a call (R-RV-08).

use crate::common::*;
use crate::visits_common::*;
use chrono::{DateTime, Duration, Utc};
use ventanilla::domain::contact::Category;
use ventanilla::domain::customer::CustomerKind;
use ventanilla::domain::staff::{Action, Role};
use ventanilla::domain::visits::*;
use ventanilla::domain::visits::{VisitMethod, VisitOutcome, VisitReason, VisitStatus};
use ventanilla::domain::{Lang, Model, RuleError};
use ventanilla::sync::RecordId;

const V: u128 = 20;

/// Lucía (10) with an open visit (20) due today, for Pablo (3).
fn world(device: u64) -> World {
    let mut w = World::new(device);
    w.add(&customer(10, "Lucía Pérez"));
    let mut v = visit(V, 10, VisitReason::StoreVisit, day(2026, 11, 22));
    v.assignee = Some(id(3));
    w.add(&v);
    w
}

fn call(outcome: VisitOutcome) -> CallResult {
    CallResult {
        method: Some(VisitMethod::Phone),
        outcome: Some(outcome),
        ..CallResult::default()
    }
}

fn ids(n: u128) -> CallIds {
    CallIds {
        attempt: id(n),
        task: id(n + 1),
    }
}

/// 10:00 in Madrid: outside quiet hours.
fn t() -> DateTime<Utc> {
    now() - Duration::hours(1)
}

fn record(w: &World, r: CallResult) -> Result<Vec<ventanilla::sync::Write>, Vec<RuleError>> {
    record_call(&w.model, &w.who(3), id(V), r, ids(100), t(), madrid())
}

#[test]
fn r_rv_03_completing_needs_method_outcome_and_what_they_dislike() {
    let w = world(1);
    let err = record(&w, CallResult::default()).unwrap_err();
    assert_eq!(
        err,
        vec![
            RuleError::Required { field: "method" },
            RuleError::Required { field: "outcome" }
        ]
    );
    assert!(err.iter().all(|e| e.rule() == Some("R-RV-03")));
    for o in [VisitOutcome::Average, VisitOutcome::Dissatisfied] {
        let mut r = call(o);
        r.unhappy_with = "   ".into();
        let err = record(&w, r).unwrap_err();
        assert_eq!(err, vec![RuleError::UnhappyWithRequired]);
        assert_eq!(err[0].field(), Some("unhappy_with"));
        assert!(err[0].message(Lang::Es).contains("no le gustó"));
    }
    let mut r = call(VisitOutcome::Satisfied);
    r.suggestions = "x".repeat(2_001);
    assert!(matches!(
        record(&w, r).unwrap_err()[..],
        [RuleError::TooLong {
            field: "suggestions",
            ..
        }]
    ));
    let err = record_call(
        &w.model,
        &w.who(3),
        id(99),
        call(VisitOutcome::Satisfied),
        ids(100),
        t(),
        madrid(),
    )
    .unwrap_err();
    assert_eq!(err, vec![RuleError::NotFound { what: "visit" }]);
}

#[test]
fn r_rv_03_a_dissatisfied_call_completes_with_their_words() {
    let mut w = world(1);
    let mut r = call(VisitOutcome::Dissatisfied);
    r.unhappy_with = "  La entrega llegó tarde ".into();
    r.suggestions = "Avisar por SMS".into();
    w.apply(record(&w, r).unwrap());
    let v = &w.model.visits[&id(V)];
    assert_eq!(v.status, VisitStatus::Done);
    assert_eq!(v.completed_at, Some(t()));
    assert_eq!(v.unhappy_with, "La entrega llegó tarde");
    assert_eq!(v.method, Some(VisitMethod::Phone));
    assert_eq!(w.model.rv.attempts_of(id(V)).len(), 1);
    // Done is done.
    assert_eq!(
        record(&w, call(VisitOutcome::Satisfied)).unwrap_err(),
        vec![RuleError::VisitDone]
    );
    assert!(w.model.today(id(3), now()).due_visits.is_empty());
}

#[test]
fn r_rv_01_a_call_in_quiet_hours_needs_and_keeps_the_reason() {
    let mut w = world(1);
    let lunch = t() + Duration::hours(3); // 13:00 local
    let go = |w: &World, reason: &str| {
        let mut r = call(VisitOutcome::Satisfied);
        r.quiet_override = reason.into();
        record_call(&w.model, &w.who(3), id(V), r, ids(100), lunch, madrid())
    };
    assert_eq!(
        go(&w, "").unwrap_err(),
        vec![RuleError::QuietHours {
            until: "14:00".into()
        }]
    );
    w.apply(go(&w, "Lo pidió ella por correo").unwrap());
    assert_eq!(
        w.model.visits[&id(V)].quiet_override,
        "Lo pidió ella por correo"
    );
    let a = &w.model.rv.attempts_of(id(V))[0];
    assert_eq!(a.quiet_override, "Lo pidió ella por correo");
}

#[test]
fn r_rv_03_unreachable_keeps_the_visit_open_and_counts_attempts() {
    let mut w = world(1);
    for n in 0..3 {
        let x = record_call(
            &w.model,
            &w.who(3),
            id(V),
            call(VisitOutcome::Unreachable),
            ids(200 + 2 * n),
            t() + Duration::minutes(n as i64),
            madrid(),
        )
        .unwrap();
        w.apply(x);
    }
    let v = &w.model.visits[&id(V)];
    assert_eq!(v.status, VisitStatus::Open);
    assert_eq!(v.outcome, Some(VisitOutcome::Unreachable));
    assert_eq!(w.model.rv.attempts_of(id(V)).len(), 3);
    let q = my_queue(&w.model, id(3), t(), madrid());
    assert_eq!(q[0].attempts, 3);
}

#[test]
fn r_rv_03_attempts_from_two_offline_devices_both_count_after_merge() {
    let mut a = world(1);
    let mut b = World::new(2);
    b.receive(&a);
    let wa = record_call(
        &a.model,
        &a.who(3),
        id(V),
        call(VisitOutcome::Unreachable),
        ids(300),
        t(),
        madrid(),
    )
    .unwrap();
    a.apply(wa);
    let wb = record_call(
        &b.model,
        &b.who(4),
        id(V),
        call(VisitOutcome::Unreachable),
        ids(310),
        t(),
        madrid(),
    )
    .unwrap();
    b.apply(wb);
    a.receive(&b);
    b.receive(&a);
    for w in [&a, &b] {
        assert_eq!(w.model.rv.attempts_of(id(V)).len(), 2, "neither is lost");
        assert_eq!(w.model.visits[&id(V)].status, VisitStatus::Open);
    }
}

#[test]
fn r_rv_04_a_callback_reschedules_to_the_agreed_future_time() {
    let mut w = world(1);
    let mut r = call(VisitOutcome::CallbackRequested);
    assert_eq!(
        record(&w, r.clone()).unwrap_err(),
        vec![RuleError::Required {
            field: "callback_at"
        }]
    );
    r.callback_at = Some(t() - Duration::minutes(1));
    let err = record(&w, r.clone()).unwrap_err();
    assert_eq!(err, vec![RuleError::CallbackNotFuture]);
    assert_eq!(err[0].rule(), Some("R-RV-04"));
    r.callback_at = Some(t() + Duration::days(400));
    assert_eq!(
        record(&w, r.clone()).unwrap_err(),
        vec![RuleError::InvalidDate {
            field: "callback_at"
        }]
    );
    // Tuesday 25 November at 18:30 Madrid (17:30 UTC).
    let agreed = at(2026, 11, 25, 17, 30);
    r.callback_at = Some(agreed);
    w.apply(record(&w, r).unwrap());
    let v = &w.model.visits[&id(V)];
    assert_eq!(
        (v.status, v.due, v.callback_at),
        (VisitStatus::Open, day(2026, 11, 25), Some(agreed))
    );
    assert!(
        my_queue(&w.model, id(3), t(), madrid()).is_empty(),
        "not before the day"
    );
    let q = my_queue(&w.model, id(3), agreed - Duration::hours(2), madrid());
    assert_eq!((q[0].callable, q[0].from), (false, Some(agreed)));
    let q = my_queue(&w.model, id(3), agreed, madrid());
    assert!(q[0].callable);
}

#[test]
fn r_rv_04_overdue_after_three_days_and_on_today() {
    let mut m = team();
    put(&mut m, &customer(10, "Lucía"));
    for (v, due) in [(20, 18), (21, 19), (22, 22), (23, 23)] {
        let mut x = visit(v, 10, VisitReason::Member, day(2026, 11, due));
        x.assignee = Some(id(3));
        put(&mut m, &x);
    }
    let today = day(2026, 11, 22);
    assert!(
        is_overdue(&m, &m.visits[&id(20)], today),
        "18 + 3 = 21 < 22"
    );
    assert!(!is_overdue(&m, &m.visits[&id(21)], today), "19 + 3 = 22");
    let t = m.today(id(3), now());
    assert_eq!(t.overdue_visits, vec![id(20)]);
    assert_eq!(t.due_visits, vec![id(21), id(22)], "not the 23rd's yet");
    assert!(m.today(id(4), now()).due_visits.is_empty(), "only mine");
}

#[test]
fn r_rv_03_a_promised_reply_becomes_a_task_on_today() {
    let mut w = world(1);
    let mut r = call(VisitOutcome::Satisfied);
    r.reply_promised_by = Some(day(2026, 11, 24));
    assert_eq!(
        record(&w, r.clone()).unwrap_err(),
        vec![RuleError::Required {
            field: "reply_about"
        }]
    );
    r.reply_about = "¿Cubre la garantía el cable?".into();
    let mut past = r.clone();
    past.reply_promised_by = Some(day(2026, 11, 21));
    assert_eq!(
        record(&w, past).unwrap_err(),
        vec![RuleError::InvalidDate {
            field: "reply_promised_by"
        }]
    );
    let mut nobody = r.clone();
    nobody.outcome = Some(VisitOutcome::Unreachable);
    let err = record(&w, nobody).unwrap_err();
    assert_eq!(err, vec![RuleError::NoConversation]);
    assert!(err[0].message(Lang::En).contains("Nobody answered"));
    w.apply(record(&w, r).unwrap());
    let task = &w.model.rv.tasks[&id(101)];
    assert_eq!(
        (task.owner, task.due, task.visit),
        (id(3), day(2026, 11, 24), Some(id(V)))
    );
    assert_eq!(w.model.today(id(3), now()).visit_tasks, vec![id(101)]);
    let done = task_done(&w.model, &w.who(3), id(101), now()).unwrap();
    w.apply(done);
    assert!(w.model.today(id(3), now()).visit_tasks.is_empty());
    assert!(task_done(&w.model, &w.who(3), id(101), now())
        .unwrap()
        .is_empty());
}

#[test]
fn r_rv_08_a_suggestion_or_complaint_heard_on_the_call_in_one_step() {
    let mut w = world(1);
    let raise = |w: &World, what, text: &str, n: u128| {
        let ids = RaiseIds {
            contact: id(n),
            complaint: id(n + 1),
        };
        raise_from_visit(&w.model, &w.who(3), id(V), what, text, ids, now())
    };
    assert_eq!(
        raise(&w, Raised::Suggestion, " ", 400).unwrap_err(),
        vec![RuleError::Required { field: "summary" }]
    );
    w.apply(raise(&w, Raised::Suggestion, "Abrir los sábados", 400).unwrap());
    let c = &w.model.contacts[&id(400)];
    assert_eq!(
        (c.category, c.customer, c.owner),
        (Category::Suggestion, Some(id(10)), id(3))
    );
    w.apply(raise(&w, Raised::Complaint, "El técnico no vino", 410).unwrap());
    let complaint = &w.model.complaints[&id(411)];
    assert_eq!(complaint.contacts, vec![id(410)]);
    assert_eq!(w.model.contacts[&id(410)].complaint, Some(id(411)));
    assert_eq!(w.model.visits[&id(V)].raised, vec![id(400), id(410)]);
}

#[test]
fn r_rv_05_default_scripts_fill_names_and_branch_on_the_answer() {
    let m = team();
    let mut c = customer(10, "Lucía {agent} Pérez");
    c.kind = CustomerKind::Member;
    for lang in [Lang::Es, Lang::En] {
        let s = script_for(&m, VisitReason::Birthday, lang);
        assert_eq!(s, default_script(lang));
        let r = render_script(
            &s,
            &c,
            &person(&m, 3),
            VisitReason::Birthday,
            "Tienda Sol",
            10,
        );
        assert!(
            r.opening.contains("Lucía {agent} Pérez"),
            "names are not re-read"
        );
        assert!(r.opening.contains("Pablo Rep") && r.opening.contains("Tienda Sol"));
        assert!(!r.opening.contains("{reason}"));
        assert_eq!(r.branch(VisitOutcome::Satisfied)[0], r.satisfied);
        assert_eq!(r.branch(VisitOutcome::Dissatisfied)[0], r.not_satisfied);
        assert_eq!(r.branch(VisitOutcome::Average)[0], r.not_satisfied);
        assert!(r.branch(VisitOutcome::Unreachable).is_empty());
    }
    let es = render_script(
        &default_script(Lang::Es),
        &c,
        &person(&m, 3),
        VisitReason::Birthday,
        "Tienda Sol",
        10,
    );
    assert!(es.opening.contains("cumpleaños"));
    assert!(es.satisfied.contains("sugerencia"));
    assert!(es.not_satisfied.contains("disculpas") && es.not_satisfied.contains("mejorar"));
}

/// The built-in opening greets by the hour where the organisation is (the
/// screen passes the hour in the org's time zone): never "Good morning"
/// at 15:00.
#[test]
fn r_rv_05_the_greeting_follows_the_hour_of_the_day() {
    let cases = [
        (0, "Buenas noches", "Good evening"),
        (4, "Buenas noches", "Good evening"),
        (5, "Buenos días", "Good morning"),
        (9, "Buenos días", "Good morning"),
        (11, "Buenos días", "Good morning"),
        (12, "Buenas tardes", "Good afternoon"),
        (15, "Buenas tardes", "Good afternoon"),
        (17, "Buenas tardes", "Good afternoon"),
        (18, "Buenas tardes", "Good evening"),
        (19, "Buenas tardes", "Good evening"),
        (20, "Buenas noches", "Good evening"),
        (23, "Buenas noches", "Good evening"),
        // An hour out of range (never given by a clock) is not a panic.
        (99, "Buenas noches", "Good evening"),
    ];
    for (hour, es, en) in cases {
        assert_eq!(greeting(Lang::Es, hour), es, "{hour}:00");
        assert_eq!(greeting(Lang::En, hour), en, "{hour}:00");
    }
    let m = team();
    let c = customer(10, "Lucía");
    let open = |lang, hour| {
        render_script(
            &default_script(lang),
            &c,
            &person(&m, 3),
            VisitReason::Member,
            "Sol",
            hour,
        )
        .opening
    };
    assert!(open(Lang::Es, 15).starts_with("Buenas tardes, Lucía."));
    assert!(open(Lang::En, 15).starts_with("Good afternoon, Lucía."));
    assert!(open(Lang::Es, 9).starts_with("Buenos días, Lucía."));
    assert!(open(Lang::En, 21).starts_with("Good evening, Lucía."));
    // A saved script may use {greeting} too; the editor accepts it.
    let mut d = script_draft();
    d.opening = "{greeting}, {customer}.".into();
    let w = World::new(1);
    assert!(save_script(&w.model, &w.who(2), None, d, id(61), now()).is_ok());
}

fn script_draft() -> ScriptDraft {
    ScriptDraft {
        lang: Lang::Es,
        reason: Some(VisitReason::Birthday),
        opening: "¡Feliz cumpleaños, {customer}! Soy {agent}.".into(),
        question: "¿Qué tal con nosotros?".into(),
        satisfied: "¿Alguna sugerencia?".into(),
        not_satisfied: "Lo sentimos. ¿Qué mejoramos?".into(),
        closing: String::new(),
    }
}

#[test]
fn r_rv_05_scripts_are_editable_templates_with_known_placeholders() {
    let mut w = World::new(1);
    let err = save_script(&w.model, &w.who(3), None, script_draft(), id(60), now()).unwrap_err();
    assert_eq!(
        err,
        vec![RuleError::NotAllowed {
            action: Action::EditScripts,
            needs: Role::TeamLeader
        }]
    );
    let mut bad = script_draft();
    bad.opening = "Hola {cliente}".into();
    bad.satisfied = String::new();
    let err = save_script(&w.model, &w.who(2), None, bad, id(60), now()).unwrap_err();
    assert_eq!(
        err,
        vec![
            RuleError::UnknownPlaceholder {
                field: "opening",
                name: "cliente".into()
            },
            RuleError::Required { field: "satisfied" }
        ]
    );
    assert_eq!(err[0].rule(), Some("R-RV-05"));
    assert!(err[0].message(Lang::Es).contains("{customer}"));
    let saved = save_script(&w.model, &w.who(2), None, script_draft(), id(60), now()).unwrap();
    w.apply(saved);
    let s = script_for(&w.model, VisitReason::Birthday, Lang::Es);
    assert_eq!(s.id, id(60));
    // Other reasons and the other language keep the defaults.
    assert_eq!(
        script_for(&w.model, VisitReason::Member, Lang::Es),
        default_script(Lang::Es)
    );
    assert_eq!(
        script_for(&w.model, VisitReason::Birthday, Lang::En),
        default_script(Lang::En)
    );
    let c = customer(10, "Lucía");
    let r = render_script(&s, &c, &w.who(3), VisitReason::Birthday, "Sol", 10);
    assert_eq!(r.opening, "¡Feliz cumpleaños, Lucía! Soy Pablo Rep.");
}

fn done_visit(m: &mut Model, n: u128, customer: u128, due: u32, done: Option<(u32, VisitOutcome)>) {
    let mut v = visit(n, customer, VisitReason::Member, day(2026, 11, due));
    if let Some((d, o)) = done {
        v.status = VisitStatus::Done;
        v.completed_at = Some(at(2026, 11, d, 10, 0));
        v.outcome = Some(o);
    }
    put(m, &v);
}

#[test]
fn r_rv_02_member_coverage_for_a_period() {
    let mut m = team();
    for (n, name, kind) in [
        (10, "Zoe", CustomerKind::Member),
        (11, "Ana", CustomerKind::Member),
        (12, "Bea", CustomerKind::Member),
        (13, "Carlos", CustomerKind::Member),
        (14, "No socio", CustomerKind::Individual),
    ] {
        let mut c = customer(n, name);
        c.kind = kind;
        put(&mut m, &c);
    }
    done_visit(&mut m, 20, 10, 5, Some((6, VisitOutcome::Satisfied)));
    done_visit(&mut m, 21, 13, 10, Some((12, VisitOutcome::Average)));
    done_visit(&mut m, 22, 11, 30, Some((30, VisitOutcome::Satisfied))); // after the period
    done_visit(&mut m, 23, 12, 10, None); // open: not a visit yet
    done_visit(&mut m, 24, 14, 10, Some((10, VisitOutcome::Satisfied)));
    let c = coverage(&m, day(2026, 11, 1), day(2026, 11, 20), madrid()).unwrap();
    assert_eq!((c.members, c.visited), (4, 2));
    assert_eq!(c.rate(), Some(0.5));
    assert_eq!(c.missing, vec![id(11), id(12)], "Ana, Bea: by name");
    assert_eq!(
        coverage(
            &Model::default(),
            day(2026, 11, 1),
            day(2026, 11, 2),
            madrid()
        )
        .unwrap()
        .rate(),
        None
    );
    assert_eq!(
        coverage(&m, day(2026, 11, 2), day(2026, 11, 1), madrid()),
        Err(RuleError::EndBeforeStart { field: "to" })
    );
}

#[test]
fn r_rv_07_summary_counts_rates_outcomes_and_words() {
    let mut m = team();
    for (n, name) in [(10, "Lucía"), (11, "Marta, \"la del 5º\""), (12, "Óscar")] {
        put(&mut m, &customer(n, name));
    }
    done_visit(&mut m, 20, 10, 2, Some((3, VisitOutcome::Satisfied)));
    done_visit(&mut m, 21, 11, 2, Some((9, VisitOutcome::Dissatisfied))); // late
    done_visit(&mut m, 22, 12, 4, None);
    done_visit(&mut m, 23, 12, 20, Some((20, VisitOutcome::Satisfied))); // outside
    let mut v = m.visits[&id(20)].clone();
    v.suggestions = "Más cajas abiertas; cajas rápidas".into();
    put(&mut m, &v);
    let mut v = m.visits[&id(21)].clone();
    v.unhappy_with = "=HYPERLINK(\"x\")\nNadie me llamó".into();
    v.suggestions = "Cajas".into();
    put(&mut m, &v);
    let s = summary(&m, day(2026, 11, 1), day(2026, 11, 10), madrid()).unwrap();
    assert_eq!((s.due, s.done, s.on_time), (3, 2, 1));
    assert_eq!(s.completion_rate(), Some(2.0 / 3.0));
    assert_eq!(s.on_time_rate(), Some(1.0 / 3.0));
    let count = |o| s.outcomes.iter().find(|(x, _)| *x == o).map(|(_, n)| *n);
    assert_eq!(count(VisitOutcome::Satisfied), Some(1));
    assert_eq!(count(VisitOutcome::Dissatisfied), Some(1));
    assert_eq!(count(VisitOutcome::Unreachable), Some(0));
    assert_eq!(
        s.top_words[0],
        ("cajas".to_string(), 2),
        "counted once per visit"
    );
    assert_eq!(s.dissatisfied.len(), 1);
    assert_eq!(s.dissatisfied[0].name, "Marta, \"la del 5º\"");
    let csv = summary_csv(&s);
    assert!(csv.starts_with("section,item,value\r\n"));
    assert!(csv.contains("totals,completion_rate_pct,66.7\r\n"));
    assert!(csv.contains("totals,on_time_rate_pct,33.3\r\n"));
    assert!(csv.contains(
        "dissatisfied,\"Marta, \"\"la del 5º\"\"\",\"'=HYPERLINK(\"\"x\"\")\nNadie me llamó\"\r\n"
    ));
    assert_eq!(csv_field("plain"), "plain");
    assert_eq!(csv_field("a\rb"), "\"a\rb\"");
    assert_eq!(csv_field("-5"), "'-5");
    // An empty period has no rates, not a division by zero.
    let empty = summary(&m, day(2025, 1, 1), day(2025, 1, 31), madrid()).unwrap();
    assert_eq!((empty.due, empty.completion_rate()), (0, None));
    assert!(summary_csv(&empty).contains("totals,completion_rate_pct,\r\n"));
    assert!(summary(&m, day(2026, 2, 1), day(2026, 1, 1), madrid()).is_err());
}

#[test]
fn every_return_visit_refusal_says_what_to_do_in_both_languages() {
    let all = [
        RuleError::QuietHours {
            until: "09:00".into(),
        },
        RuleError::VisitDone,
        RuleError::UnhappyWithRequired,
        RuleError::NoConversation,
        RuleError::CallbackNotFuture,
        RuleError::UnknownPlaceholder {
            field: "closing",
            name: "x".into(),
        },
    ];
    for e in all {
        let (es, en) = (e.message(Lang::Es), e.message(Lang::En));
        assert!(es.len() > 30 && en.len() > 30 && es != en, "{e:?}");
    }
    let e = RuleError::Required {
        field: "unhappy_with",
    };
    assert!(e
        .message(Lang::En)
        .starts_with("What they are unhappy with"));
    let _: RecordId = id_for_key("birthday:2026:x");
    assert_ne!(id_for_key("a"), id_for_key("b"));
}

#[test]
fn stored_view_rows_of_the_new_kinds_load_at_start_up() {
    let row = serde_json::json!({
        "visit": [[id(V).to_string(), {"customer": id(10).to_string(), "due": "2026-11-22"}]],
        "visit_attempt": [[id(30).to_string(), {"visit": id(V).to_string(), "at": "2026-11-22T09:00:00Z", "outcome": "unreachable"}]],
        "task": [[id(31).to_string(), {"owner": id(3).to_string(), "title": "Llamar", "due": "2026-11-24"}]],
        "campaign": [], "script": [],
        "team": []
    });
    let mut m = Model::default();
    assert_eq!(m.load_view(&row.to_string()).expect("reads"), 3);
    assert_eq!(m.rv.attempts_of(id(V)).len(), 1);
    assert_eq!(m.rv.tasks[&id(31)].title, "Llamar");
    assert_eq!(m.visits[&id(V)].due, day(2026, 11, 22));
}

/// Issue 10 item 12: a leading tab or carriage return (or a formula sign
/// after spaces or a line break, or its full-width form) also starts a
/// formula in some spreadsheets; every such field gets the apostrophe.
#[test]
fn csv_fields_that_a_spreadsheet_would_run_are_guarded() {
    for (raw, guarded) in [
        ("\t=1+1", "'\t=1+1"),
        ("\r=2+2", "\"'\r=2+2\""),
        ("  =1+1", "'  =1+1"),
        ("\n@SUM(A1)", "\"'\n@SUM(A1)\""),
        ("＝1+1", "'＝1+1"),
        ("+34 600", "'+34 600"),
    ] {
        assert_eq!(csv_field(raw), guarded, "{raw:?}");
    }
    for plain in ["Ana", "1+1=2", "a=b", "", " x"] {
        assert_eq!(csv_field(plain), plain);
    }
}
