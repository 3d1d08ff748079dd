//! R-KB-01 (the knowledge base of standard answers: agreed at a meeting,
//! searched while typing, filled in, counted) and R-KB-02 (outdated
//! answers hidden from agents but kept, restored, reviewed).

use crate::common::*;
use crate::kb_common::*;
use chrono::Duration;
use ventanilla::domain::base::limits::{MAX_LONG_TEXT, MAX_NAME, MAX_TEXT};
use ventanilla::domain::contact::Category;
use ventanilla::domain::kb::{self, act, AnswerStatus, Fill, MAX_FILLED, MAX_KEYWORDS};
use ventanilla::domain::staff::Role;
use ventanilla::domain::RuleError;

#[test]
fn r_kb_01_a_draft_agreed_at_a_meeting_is_in_use_for_everyone_from_then() {
    let mut d = kb_device(1);
    let rep = d.who(REP);
    d.save(act::draft_answer(&d.model, &rep, refund(), ids(100), now()));
    let a = &d.model.kb.answers[&id(100)];
    assert_eq!(a.status, AnswerStatus::Draft);
    assert!(
        d.find("devolucion", None).is_empty(),
        "a draft is not searched"
    );
    assert_eq!(
        kb::answers_with_status(&d.model, &rep, AnswerStatus::Draft),
        Ok(vec![id(100)]),
        "its author sees their draft"
    );
    let other = d.who(4);
    assert_eq!(
        kb::answers_with_status(&d.model, &other, AnswerStatus::Draft),
        Ok(vec![]),
        "another agent does not"
    );
    let later = now() + Duration::minutes(5);
    let boss = d.who(DIRECTOR);
    d.save(act::agree_answer(&d.model, &boss, id(100), id(HELD), later));
    let a = &d.model.kb.answers[&id(100)];
    assert_eq!(a.status, AnswerStatus::InUse);
    assert_eq!(
        (a.agreed_by, a.agreed_at, a.meeting),
        (Some(id(DIRECTOR)), Some(later), Some(id(HELD)))
    );
    assert_eq!(kb::agreed_at_meeting(&d.model, id(HELD)), vec![id(100)]);
    assert_eq!(d.find("devolucion", None), vec![id(100)]);
    let hit = &kb::search(&d.model, &kb::SearchFor::default(), 5)[0];
    assert_eq!(hit.question, "¿Por qué no ha llegado mi devolución?");
    assert_eq!(hit.version, id(101));
}

#[test]
fn r_kb_01_only_directors_and_the_inspector_agree_outdate_and_restore() {
    let mut d = kb_device(1);
    let rep = d.who(REP);
    d.save(act::draft_answer(&d.model, &rep, refund(), ids(100), now()));
    for who in [REP, 2] {
        let p = d.who(who);
        let (e, rule) = refused(act::agree_answer(&d.model, &p, id(100), id(HELD), now()));
        assert!(matches!(e, RuleError::NotAllowed { .. }), "{e:?}");
        assert_eq!(rule, Some("R-ROL-02"));
        refused(act::mark_outdated(&d.model, &p, id(100), None, now()));
        refused(act::restore_answer(&d.model, &p, id(100), now()));
    }
    let mut gone = d.who(DIRECTOR);
    gone.active = false;
    refused(act::agree_answer(&d.model, &gone, id(100), id(HELD), now()));
    for who in [INSPECTOR, DIRECTOR, 1] {
        let p = d.who(who);
        assert!(kb::keeps_answers(&p), "{:?}", p.role);
        assert!(act::agree_answer(&d.model, &p, id(100), id(HELD), now()).is_ok());
    }
    assert_eq!(d.who(INSPECTOR).role, Role::QualityInspector);
}

#[test]
fn r_kb_01_search_ignores_accents_and_case_and_reads_question_answer_and_keywords() {
    let mut d = kb_device(1);
    d.agreed(100, refund());
    for q in [
        "devolucion",
        "DEVOLUCIÓN",
        "Devol",
        "  llegado   devolución ",
        "hábiles",
        "habiles 15",
        "REEMBOLSO",
        "abo",
    ] {
        assert_eq!(d.find(q, None), vec![id(100)], "{q}");
    }
    for q in ["devolucion garantía", "xyz", "olucion"] {
        assert!(
            d.find(q, None).is_empty(),
            "{q}: every word must begin a word"
        );
    }
    // Hostile queries: long, punctuation only, braces, many words.
    let long = "devolución ".repeat(5_000);
    assert_eq!(d.find(&long, None), vec![id(100)]);
    assert_eq!(
        d.find("¿¡!?{}[]", None),
        vec![id(100)],
        "no words: everything"
    );
    let many = "a b c d e f g h i j k l m n o p q r s t u v w x y z".to_string();
    let _ = d.find(&many, None);
    assert!(kb::search(&d.model, &kb::SearchFor::default(), 10_000).len() <= kb::MAX_HITS);
}

#[test]
fn r_kb_01_search_lists_the_contacts_category_first_then_the_best_match() {
    let mut d = kb_device(1);
    d.agreed(
        100,
        draft(
            "¿Cómo pido una factura?",
            "Desde su área de cliente.",
            Category::Enquiry,
            &[],
        ),
    );
    d.agreed(
        110,
        draft(
            "Me cobraron dos veces",
            "Revisamos la factura y le devolvemos el cargo.",
            Category::Claim,
            &[],
        ),
    );
    d.agreed(
        120,
        draft(
            "Duplicado de recibo",
            "Le enviamos otra copia.",
            Category::Enquiry,
            &["factura"],
        ),
    );
    // Keyword before question before text; then the category decides first.
    assert_eq!(d.find("factura", None), vec![id(120), id(100), id(110)]);
    assert_eq!(
        d.find("factura", Some(Category::Claim)),
        vec![id(110), id(120), id(100)]
    );
    assert_eq!(
        d.find("factura", Some(Category::Enquiry)),
        vec![id(120), id(100), id(110)]
    );
    let hits = kb::search(
        &d.model,
        &kb::SearchFor {
            query: "factura".into(),
            category: Some(Category::Claim),
            lang: None,
        },
        10,
    );
    assert!(hits[0].in_category && !hits[1].in_category);
    // Among equals, the most used first.
    d.used(100, 900, now());
    assert_eq!(d.find("", Some(Category::Enquiry))[0], id(100));
}

#[test]
fn r_kb_02_outdated_answers_are_hidden_from_agents_listed_for_keepers_and_restored() {
    let mut d = kb_device(1);
    d.agreed(100, refund());
    d.agreed(
        110,
        draft(
            "¿Cuándo llega mi devolución?",
            "Desde este mes, en 5 días hábiles.",
            Category::Claim,
            &[],
        ),
    );
    let (rep, boss, qa) = (d.who(REP), d.who(DIRECTOR), d.who(INSPECTOR));
    d.save(act::mark_outdated(
        &d.model,
        &qa,
        id(100),
        Some(id(110)),
        now(),
    ));
    let a = &d.model.kb.answers[&id(100)];
    assert_eq!(a.status, AnswerStatus::Outdated);
    assert_eq!(
        (a.outdated_by, a.replaced_by),
        (Some(id(INSPECTOR)), Some(id(110)))
    );
    assert_eq!(
        d.find("devolucion", None),
        vec![id(110)],
        "hidden, not lost"
    );
    assert!(d.model.kb.answers.contains_key(&id(100)));
    assert!(d.model.kb.current(id(100)).is_some(), "its wording is kept");
    assert_eq!(kb::replacement(&d.model, id(100)), Some(id(110)));
    let (e, rule) = refused(kb::answers_with_status(
        &d.model,
        &rep,
        AnswerStatus::Outdated,
    ));
    assert!(matches!(e, RuleError::NotAllowed { .. }));
    assert_eq!(rule, Some("R-ROL-02"));
    assert_eq!(
        kb::answers_with_status(&d.model, &boss, AnswerStatus::Outdated),
        Ok(vec![id(100)])
    );
    let (e, _) = refused(act::use_answer(
        &d.model,
        &rep,
        id(100),
        None,
        id(900),
        now(),
    ));
    assert_eq!(
        e,
        RuleError::NotFound { what: "record" },
        "an agent cannot use it"
    );
    // Marking it again writes nothing; restoring puts it back as agreed.
    assert_eq!(
        act::mark_outdated(&d.model, &boss, id(100), Some(id(110)), now()),
        Ok(vec![])
    );
    d.save(act::restore_answer(&d.model, &boss, id(100), now()));
    let a = &d.model.kb.answers[&id(100)];
    assert_eq!(
        (a.status, a.replaced_by, a.outdated_at),
        (AnswerStatus::InUse, None, None)
    );
    assert_eq!(d.find("devolucion", Some(Category::Claim)).len(), 2);
    assert_eq!(
        act::restore_answer(&d.model, &boss, id(100), now()),
        Ok(vec![])
    );
    // A draft thrown away and restored is a draft again, still unseen.
    d.save(act::draft_answer(&d.model, &rep, refund(), ids(130), now()));
    d.save(act::mark_outdated(&d.model, &boss, id(130), None, now()));
    d.save(act::restore_answer(&d.model, &boss, id(130), now()));
    assert_eq!(d.model.kb.answers[&id(130)].status, AnswerStatus::Draft);
    assert_eq!(d.find("devolucion", None).len(), 2);
}

#[test]
fn r_kb_02_a_replacement_must_be_in_use_and_pointers_round_a_loop_lead_nowhere() {
    let mut d = kb_device(1);
    d.agreed(100, refund());
    d.agreed(110, refund());
    let boss = d.who(DIRECTOR);
    for bad in [id(100), id(999)] {
        let (e, rule) = refused(act::mark_outdated(
            &d.model,
            &boss,
            id(100),
            Some(bad),
            now(),
        ));
        assert_eq!(
            e,
            RuleError::OutOfRange {
                field: "replaced_by"
            }
        );
        assert_eq!(rule, Some("R-KB-02"));
    }
    d.save(act::mark_outdated(&d.model, &boss, id(110), None, now()));
    refused(act::mark_outdated(
        &d.model,
        &boss,
        id(100),
        Some(id(110)),
        now(),
    ));
    // Two devices each pointed one at the other: the loop ends nowhere.
    let mut a = d.model.kb.answers[&id(100)].clone();
    a.status = AnswerStatus::Outdated;
    a.replaced_by = Some(id(110));
    put(&mut d.model, &a);
    let mut b = d.model.kb.answers[&id(110)].clone();
    b.replaced_by = Some(id(100));
    put(&mut d.model, &b);
    assert_eq!(kb::replacement(&d.model, id(100)), None);
    assert_eq!(kb::replacement(&d.model, id(110)), None);
}

#[test]
fn r_kb_01_editing_keeps_every_version_and_a_contact_shows_the_wording_it_used() {
    let mut d = kb_device(1);
    d.agreed(100, refund());
    d.used(100, 900, now());
    let boss = d.who(DIRECTOR);
    let mut reworded = refund();
    reworded.text = "Hola {customer}, desde enero las devoluciones tardan 5 días.".into();
    let later = now() + Duration::days(3);
    d.save(act::edit_answer(
        &d.model,
        &boss,
        id(100),
        reworded.clone(),
        id(102),
        later,
    ));
    assert_eq!(d.model.kb.versions_of(id(100)).len(), 2);
    assert_eq!(d.model.kb.current(id(100)).map(|v| v.id), Some(id(102)));
    assert_eq!(d.model.kb.answers[&id(100)].status, AnswerStatus::InUse);
    assert!(d.find("enero", None) == vec![id(100)] && d.find("15", None).is_empty());
    // Saving the same wording again makes no new version.
    assert_eq!(
        act::edit_answer(&d.model, &boss, id(100), reworded, id(103), later),
        Ok(vec![])
    );
    d.used(100, 901, later + Duration::hours(1));
    let used = kb::used_on_contact(&d.model, id(CONTACT));
    assert_eq!(used.len(), 2);
    assert_eq!(used[0].version_number, Some(1));
    assert!(used[0].text.contains("15 días hábiles"), "{}", used[0].text);
    assert_eq!(used[1].version_number, Some(2));
    assert!(used[1].text.contains("5 días."));
    // Outdated later: the contact still reads what was said.
    d.save(act::mark_outdated(&d.model, &boss, id(100), None, later));
    let used = kb::used_on_contact(&d.model, id(CONTACT));
    assert!(used[0].text.contains("15 días hábiles"));
    assert_eq!(used[0].status, AnswerStatus::Outdated);
    // An agent may not reword an answer in use, only their own draft.
    let rep = d.who(REP);
    refused(act::edit_answer(
        &d.model,
        &rep,
        id(100),
        refund(),
        id(104),
        later,
    ));
    d.save(act::draft_answer(&d.model, &rep, refund(), ids(110), now()));
    assert!(act::edit_answer(&d.model, &rep, id(110), refund(), id(112), later).is_ok());
}

#[test]
fn r_kb_01_placeholders_are_filled_and_anything_else_is_left_as_typed() {
    let f = Fill {
        customer: "Marta Gil",
        agent: " Pablo ",
        org: "Tienda Sol",
    };
    let cases = [
        (
            "Hola {customer}, soy {agent} de {org}.",
            "Hola Marta Gil, soy Pablo de Tienda Sol.",
        ),
        ("{desconocido} y {Customer}", "{desconocido} y {Customer}"),
        ("sin cerrar {customer", "sin cerrar {customer"),
        ("}{ {} {{agent}} }", "}{ {} {Pablo} }"),
        ("ñ{org}ñ{org}", "ñTienda SolñTienda Sol"),
        ("{", "{"),
        ("", ""),
    ];
    for (text, want) in cases {
        assert_eq!(kb::fill(text, &f), want, "{text}");
    }
    // An unknown value stays a placeholder; a value is never re-read.
    let partial = Fill {
        customer: "",
        agent: "{org}",
        org: "Sol",
    };
    assert_eq!(kb::fill("{customer} {agent}", &partial), "{customer} {org}");
    // Bounded: long values are cut, the result too.
    let huge = "x".repeat(10_000);
    let big = Fill {
        customer: &huge,
        agent: "",
        org: "",
    };
    assert_eq!(kb::fill("{customer}", &big).chars().count(), MAX_NAME);
    let text = "{customer}".repeat(MAX_LONG_TEXT / 10);
    assert_eq!(kb::fill(&text, &big).chars().count(), MAX_FILLED);
    let braces = "{".repeat(MAX_LONG_TEXT * 4);
    assert_eq!(kb::fill(&braces, &f).chars().count(), MAX_FILLED);
    assert_eq!(kb::PLACEHOLDERS, &["customer", "agent", "org"]);
}

#[test]
fn r_kb_01_what_is_typed_is_bounded_and_a_refusal_names_its_rule() {
    let d = kb_device(1);
    let rep = d.who(REP);
    let try_draft = |dr| act::draft_answer(&d.model, &rep, dr, ids(100), now());
    let mut long_q = refund();
    long_q.question = "q".repeat(MAX_TEXT + 1);
    let mut long_t = refund();
    long_t.text = "t".repeat(MAX_LONG_TEXT + 1);
    let mut empty = refund();
    empty.text = "   ".into();
    let mut many = refund();
    many.keywords = (0..=MAX_KEYWORDS).map(|i| format!("k{i}")).collect();
    let mut long_k = refund();
    long_k.keywords = vec!["k".repeat(MAX_NAME + 1)];
    let mut lost = refund();
    lost.gap = Some(id(999));
    for (dr, want) in [
        (
            long_q,
            RuleError::TooLong {
                field: "answer_question",
                max: MAX_TEXT,
            },
        ),
        (
            long_t,
            RuleError::TooLong {
                field: "answer_text",
                max: MAX_LONG_TEXT,
            },
        ),
        (
            empty,
            RuleError::Required {
                field: "answer_text",
            },
        ),
        (many, RuleError::OutOfRange { field: "keywords" }),
        (
            long_k,
            RuleError::TooLong {
                field: "keywords",
                max: MAX_NAME,
            },
        ),
    ] {
        let (e, rule) = refused(try_draft(dr));
        assert_eq!(e, want);
        assert_eq!(rule, Some("R-KB-01"), "{e:?}");
    }
    assert_eq!(
        refused(try_draft(lost)).0,
        RuleError::NotFound { what: "record" }
    );
    // Repeats and blanks among the keywords are dropped, not refused.
    let mut dup = refund();
    dup.keywords = vec![
        "Factura".into(),
        " factura ".into(),
        " ".into(),
        "FÁCTURA".into(),
    ];
    let (a, _) = kb::draft_answer(&d.model, &rep, dup, ids(100), now()).expect("accepted");
    assert_eq!(a.keywords, vec!["Factura".to_string()]);
    // Unknown ids are NotFound, never a panic.
    let boss = d.who(DIRECTOR);
    for got in [
        act::agree_answer(&d.model, &boss, id(999), id(HELD), now()),
        act::mark_outdated(&d.model, &boss, id(999), None, now()),
        act::restore_answer(&d.model, &boss, id(999), now()),
        act::edit_answer(&d.model, &boss, id(999), refund(), id(1), now()),
        act::use_answer(&d.model, &rep, id(999), None, id(1), now()),
        act::dismiss_gap(&d.model, &boss, id(999), now()),
    ] {
        assert_eq!(refused(got).0, RuleError::NotFound { what: "record" });
    }
}

#[test]
fn r_kb_01_agreeing_needs_a_known_meeting_and_gives_the_rules_writes() {
    let mut d = kb_device(1);
    let rep = d.who(REP);
    d.save(act::draft_answer(&d.model, &rep, refund(), ids(100), now()));
    let boss = d.who(DIRECTOR);
    let (e, _) = refused(act::agree_answer(&d.model, &boss, id(100), id(999), now()));
    assert_eq!(e, RuleError::NotFound { what: "meeting" });
    let a = d.model.kb.answers[&id(100)].clone();
    let rule = kb::agree_answer(&d.model, &boss, &a, id(HELD), now()).expect("agreed");
    let writes = act::agree_answer(&d.model, &boss, id(100), id(HELD), now()).expect("agreed");
    assert!(!writes.is_empty());
    assert_eq!(
        writes,
        ventanilla::domain::base::record::to_writes(Some(&a), &rule)
    );
}

#[test]
fn r_kb_01_a_meeting_decision_can_point_to_the_answer_it_agreed() {
    let mut d = kb_device(1);
    d.agreed(100, refund());
    let boss = d.who(DIRECTOR);
    let dec = ventanilla::domain::dept::meeting::add_decision(
        &d.model,
        &boss,
        id(HELD),
        "Respuesta unificada para devoluciones",
        id(REP),
        now().date_naive(),
        id(300),
        now(),
    )
    .expect("decision added");
    put(&mut d.model, &dec);
    let rep = d.who(REP);
    refused(act::point_decision(
        &d.model,
        &rep,
        id(300),
        Some(id(100)),
        now(),
    ));
    let (e, _) = refused(act::point_decision(
        &d.model,
        &boss,
        id(300),
        Some(id(9)),
        now(),
    ));
    assert_eq!(e, RuleError::NotFound { what: "record" });
    let w = act::point_decision(&d.model, &boss, id(300), Some(id(100)), now()).expect("ok");
    assert!(
        w.iter()
            .any(|x| x.kind == "decision" && x.field == "answer"),
        "{w:?}"
    );
    let mut linked = dec.clone();
    linked.answer = Some(id(100));
    put(&mut d.model, &linked);
    assert_eq!(kb::decisions_about(&d.model, id(100)), vec![id(300)]);
    assert_eq!(
        act::point_decision(&d.model, &boss, id(300), Some(id(100)), now()),
        Ok(vec![])
    );
}

#[test]
fn r_kb_01_clearing_demo_data_takes_demo_answers_with_their_versions_and_uses() {
    let mut d = kb_device(1);
    d.agreed(100, refund());
    d.used(100, 900, now());
    d.agreed(110, refund());
    let mut a = d.model.kb.answers[&id(100)].clone();
    a.demo = true;
    put(&mut d.model, &a);
    let ids = ventanilla::domain::demo::demo_ids(&d.model);
    for (kind, n) in [
        ("answer", 100),
        ("answer_version", 101),
        ("answer_use", 900),
    ] {
        assert!(ids.contains(&(kind, id(n))), "{kind} {n}: {ids:?}");
    }
    assert!(!ids.iter().any(|(_, i)| *i == id(110) || *i == id(111)));
}
