//! R-CMP-01: the six stages in order, each with its fields, reopening, the
//! unfounded path, the plan choice and the customer's acceptance.

#![allow(unused_imports)]
use super::*;
use crate::common::*;
use chrono::{DateTime, Duration, NaiveDate, Utc};
use ventanilla::domain::base::record::to_writes;
use ventanilla::domain::base::zone::Zone;
use ventanilla::domain::complaint::*;
use ventanilla::domain::contact::{make_complaint, Channel, Contact};
use ventanilla::domain::staff::Role;
use ventanilla::domain::visits::VisitReason;
use ventanilla::domain::{Lang, Model, RuleError};
use ventanilla::sync::{DeviceId, Op, RecordId, Replica, Write};

#[test]
fn r_cmp_01_a_complaint_walks_all_six_stages_and_closes() {
    let mut d = implemented();
    assert_eq!(d.view().stage, Stage::Implemented);
    let w = evaluate(
        &d.model,
        &d.who(2),
        C,
        "Formar al transportista",
        utc(),
        ids(206, 300),
        min(100),
    )
    .unwrap();
    d.apply(w);
    let v = d.view();
    assert_eq!(v.stage, Stage::Evaluated);
    assert!(v.closed);
    assert_eq!(v.closed_at, Some(min(100)));
    assert_eq!(v.next_stage(), None);
    let kinds: Vec<&str> = v.timeline.iter().map(|t| t.event.data.code()).collect();
    assert_eq!(
        kinds,
        [
            "judged",
            "investigated",
            "plan_proposed",
            "plan_chosen",
            "implemented",
            "evaluated"
        ]
    );
    assert_eq!(v.chosen.as_ref().map(|c| c.value), Some(id(203)));
    assert_eq!(v.chosen.as_ref().map(|c| c.by), Some(id(5)));
    assert!(v.conflicts.is_empty());
    assert_eq!(
        implement(&d.model, &d.who(3), C, implementation(), id(207), min(110)).unwrap_err(),
        vec![RuleError::ComplaintClosed]
    );
}

#[test]
fn r_cmp_01_stage_cannot_be_skipped() {
    let mut d = Device::new(1);
    registered(&mut d);
    let err = investigate(&d.model, &d.who(3), C, investigation(), id(202), min(5)).unwrap_err();
    assert_eq!(
        err,
        vec![RuleError::StageNotReady {
            needs: Stage::Judged
        }]
    );
    assert_eq!(err[0].rule(), Some("R-CMP-01"));
    assert!(err[0].message(Lang::Es).contains("Valoración"));
    assert_eq!(
        propose_plan(&d.model, &d.who(3), C, "x", id(203), min(5)).unwrap_err(),
        vec![RuleError::StageNotReady {
            needs: Stage::Investigated
        }]
    );
    assert_eq!(
        choose_plan(&d.model, &d.who(1), C, id(203), id(204), min(5)).unwrap_err(),
        RuleError::StageNotReady {
            needs: Stage::Investigated
        }
    );
    assert_eq!(
        evaluate(&d.model, &d.who(3), C, "x", utc(), ids(206, 300), min(5)).unwrap_err(),
        vec![RuleError::StageNotReady {
            needs: Stage::Implemented
        }]
    );
    judged(&mut d, Severity::Low);
    let again = judge(
        &d.model,
        &d.who(3),
        C,
        founded(Severity::Low, day(2026, 11, 25)),
        utc(),
        id(209),
        min(20),
    )
    .unwrap_err();
    assert_eq!(
        again,
        vec![RuleError::StageDone {
            stage: Stage::Judged
        }]
    );
    assert!(again[0].message(Lang::En).contains("reopen"));
}

#[test]
fn r_cmp_01_each_stage_requires_its_fields() {
    let mut d = Device::new(1);
    registered(&mut d);
    let e = judge(
        &d.model,
        &d.who(3),
        C,
        JudgementForm::default(),
        utc(),
        id(201),
        min(1),
    )
    .unwrap_err();
    assert_eq!(e, vec![RuleError::Required { field: "founded" }]);
    let e = judge(
        &d.model,
        &d.who(3),
        C,
        JudgementForm {
            founded: Some(true),
            department: "  ".into(),
            ..JudgementForm::default()
        },
        utc(),
        id(201),
        min(1),
    )
    .unwrap_err();
    assert_eq!(
        e,
        vec![
            RuleError::Required {
                field: "department"
            },
            RuleError::Required { field: "severity" },
            RuleError::Required { field: "deadline" },
        ]
    );
    assert!(e[2].message(Lang::Es).starts_with("Plazo de investigación"));
    judged(&mut d, Severity::Normal);
    let e = investigate(
        &d.model,
        &d.who(3),
        C,
        InvestigationForm::default(),
        id(202),
        min(30),
    )
    .unwrap_err();
    assert_eq!(
        e.iter().filter_map(|e| e.field()).collect::<Vec<_>>(),
        ["cause", "cause_text", "responsible"]
    );
    investigated(&mut d);
    assert_eq!(
        propose_plan(&d.model, &d.who(3), C, " ", id(203), min(70)).unwrap_err(),
        vec![RuleError::Required { field: "proposal" }]
    );
    assert_eq!(
        choose_plan(&d.model, &d.who(5), C, id(203), id(204), min(80)).unwrap_err(),
        RuleError::Required { field: "proposal" },
        "a plan is chosen among proposals"
    );
    proposed(&mut d, 203, "Cambiar el aparato");
    assert_eq!(
        choose_plan(&d.model, &d.who(5), C, id(999), id(204), min(80)).unwrap_err(),
        RuleError::NotFound { what: "plan" }
    );
    let w = choose_plan(&d.model, &d.who(5), C, id(203), id(204), min(80)).unwrap();
    d.apply(w);
    let e = implement(
        &d.model,
        &d.who(3),
        C,
        ImplementationForm::default(),
        id(205),
        min(90),
    )
    .unwrap_err();
    assert_eq!(
        e.iter().filter_map(|e| e.field()).collect::<Vec<_>>(),
        ["done", "acceptance", "signature"]
    );
    let w = implement(&d.model, &d.who(3), C, implementation(), id(205), min(90)).unwrap();
    d.apply(w);
    assert_eq!(
        evaluate(&d.model, &d.who(3), C, "", utc(), ids(206, 300), min(99)).unwrap_err(),
        vec![RuleError::Required {
            field: "improvements"
        }]
    );
}

#[test]
fn r_cmp_01_a_complaint_from_a_contact_needs_what_the_customer_asks_before_judging() {
    let mut d = Device::new(1);
    let contact = Contact {
        id: id(50),
        customer: Some(id(10)),
        summary: "Llama otra vez por la nevera".into(),
        received_at: now(),
        owner: id(3),
        ..Contact::default()
    };
    let (complaint, _) = make_complaint(&d.model, &d.who(3), &contact, C, now()).unwrap();
    d.apply(to_writes(None, &complaint));
    let form = founded(Severity::Low, day(2026, 11, 25));
    let e = judge(&d.model, &d.who(3), C, form.clone(), utc(), id(201), min(1)).unwrap_err();
    assert_eq!(e, vec![RuleError::Required { field: "asks" }]);
    let draft = ComplaintDraft {
        customer: Some(id(10)),
        channel: Channel::Phone,
        content: complaint.content.clone(),
        asks: "Que se la cambien".into(),
        received_at: now(),
    };
    let w = update_registration(&d.model, &d.who(3), C, draft.clone(), min(2)).unwrap();
    assert!(w
        .iter()
        .all(|w| w.field == "asks" || w.field.starts_with("changed_")));
    d.apply(w);
    let w = judge(&d.model, &d.who(3), C, form, utc(), id(201), min(3)).unwrap();
    d.apply(w);
    assert_eq!(
        update_registration(&d.model, &d.who(3), C, draft, min(4)).unwrap_err(),
        vec![RuleError::StageDone {
            stage: Stage::Accepted
        }]
    );
}

#[test]
fn r_cmp_01_reopen_goes_back_one_stage_and_is_recorded() {
    let mut d = implemented();
    assert_eq!(
        reopen(&d.model, &d.who(2), C, "  ", id(210), min(95)).unwrap_err(),
        vec![RuleError::Required { field: "reason" }]
    );
    let w = reopen(
        &d.model,
        &d.who(2),
        C,
        "El cliente no firmó en realidad",
        id(210),
        min(95),
    )
    .unwrap();
    d.apply(w);
    let v = d.view();
    assert_eq!(v.stage, Stage::PlanChosen, "back one stage");
    assert!(v.implementation.is_none());
    assert_eq!(v.chosen.as_ref().map(|c| c.value), Some(id(203)), "kept");
    let last = &v.timeline.last().unwrap().event;
    assert_eq!(last.by, id(2));
    assert!(matches!(
        &last.data,
        EventData::Reopened {
            from: Stage::Implemented,
            ..
        }
    ));
    // The stage can be done again, and further reopens go on back.
    let w = implement(&d.model, &d.who(3), C, implementation(), id(211), min(96)).unwrap();
    d.apply(w);
    assert_eq!(d.view().stage, Stage::Implemented);
    let mut fresh = Device::new(2);
    registered(&mut fresh);
    assert_eq!(
        reopen(&fresh.model, &fresh.who(2), C, "x", id(210), min(1)).unwrap_err(),
        vec![RuleError::NothingToReopen]
    );
}

#[test]
fn r_cmp_01_unfounded_complaints_close_after_the_reply_is_recorded() {
    let mut d = Device::new(1);
    registered(&mut d);
    let unfounded = JudgementForm {
        founded: Some(false),
        ..JudgementForm::default()
    };
    let w = judge(&d.model, &d.who(3), C, unfounded, utc(), id(201), min(5)).unwrap();
    d.apply(w);
    let v = d.view();
    assert_eq!(
        (v.stage, v.closed, v.founded()),
        (Stage::Judged, false, Some(false))
    );
    assert_eq!(
        investigate(&d.model, &d.who(3), C, investigation(), id(202), min(6)).unwrap_err(),
        vec![RuleError::WrongPath { founded: false }]
    );
    assert_eq!(
        record_reply(&d.model, &d.who(3), C, "", utc(), ids(202, 300), min(6)).unwrap_err(),
        vec![RuleError::Required { field: "reply" }]
    );
    let w = record_reply(
        &d.model,
        &d.who(3),
        C,
        "El golpe es anterior a la entrega, según las fotos firmadas.",
        utc(),
        ids(202, 300),
        min(7),
    )
    .unwrap();
    d.apply(w);
    let v = d.view();
    assert!(v.closed);
    assert_eq!(v.closed_at, Some(min(7)));
    assert!(v.reply.is_some());
    let visit = &d.model.visits[&id(300)];
    assert_eq!(visit.reason, VisitReason::ComplaintClosed);
    assert_eq!(visit.due, day(2026, 11, 25));
    // A founded complaint does not close with a reply.
    let mut f = Device::new(2);
    registered(&mut f);
    judged(&mut f, Severity::Low);
    assert_eq!(
        record_reply(&f.model, &f.who(3), C, "x", utc(), ids(202, 300), min(20)).unwrap_err(),
        vec![RuleError::WrongPath { founded: true }]
    );
}

#[test]
fn r_cmp_01_plan_choice_refused_for_team_leader_allowed_for_department_director() {
    let mut d = Device::new(1);
    registered(&mut d);
    judged(&mut d, Severity::Normal);
    investigated(&mut d);
    proposed(&mut d, 203, "Cambiar el aparato");
    proposed(&mut d, 204, "Reparar en casa y compensar con un vale");
    assert_eq!(d.view().plans.len(), 2, "several proposals");
    let err = choose_plan(&d.model, &d.who(2), C, id(204), id(205), min(80)).unwrap_err();
    assert_eq!(err.rule(), Some("R-ROL-02"));
    assert!(err.message(Lang::Es).contains("dirección del departamento"));
    assert!(choose_plan(&d.model, &d.who(3), C, id(204), id(205), min(80)).is_err());
    let w = choose_plan(&d.model, &d.who(5), C, id(204), id(205), min(80)).unwrap();
    d.apply(w);
    assert_eq!(d.view().chosen.map(|c| c.value), Some(id(204)));
    assert!(
        choose_plan(&d.model, &d.who(1), C, id(203), id(206), min(81)).is_err(),
        "once chosen, changing it means reopening"
    );
}

#[test]
fn r_cmp_01_acceptance_by_drawn_signature_or_typed_words_and_no_oversized_drawing() {
    let mut d = implemented();
    let w = reopen(&d.model, &d.who(2), C, "rehacer", id(210), min(95)).unwrap();
    d.apply(w);
    let drawing = |n: usize| ImplementationForm {
        signature: format!("M0 0 {}", "L1 1 ".repeat(n)),
        customer_words: String::new(),
        ..implementation()
    };
    let e = implement(&d.model, &d.who(3), C, drawing(20_000), id(211), min(96)).unwrap_err();
    assert_eq!(e, vec![RuleError::SignatureTooLarge { max_kb: 60 }]);
    assert_eq!(e[0].field(), Some("signature"));
    let w = implement(&d.model, &d.who(3), C, drawing(50), id(211), min(96)).unwrap();
    d.apply(w);
    let v = d.view();
    let i = &v.implementation.unwrap().value;
    assert!(i.signature.starts_with("M0 0"));
    assert!(i.customer_words.is_empty());
    assert_eq!(i.sanctions, "", "sanctions are optional");
    let too_long = ImplementationForm {
        sanctions: "x".repeat(2_001),
        ..implementation()
    };
    let w = reopen(&d.model, &d.who(2), C, "otra vez", id(212), min(97)).unwrap();
    d.apply(w);
    assert_eq!(
        implement(&d.model, &d.who(3), C, too_long, id(213), min(98)).unwrap_err(),
        vec![RuleError::TooLong {
            field: "sanctions",
            max: 2_000
        }]
    );
}
