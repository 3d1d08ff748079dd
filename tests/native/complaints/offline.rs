//! Complaints across devices and bad input: two devices advancing offline,
//! concurrent judgements, hostile text, newer versions' steps, restarts.

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
fn r_cmp_01_offline_double_advance_keeps_both_histories_and_shows_a_conflict() {
    let mut a = Device::new(1);
    registered(&mut a);
    judged(&mut a, Severity::Normal);
    investigated(&mut a);
    let mut b = Device::new(2);
    b.receive(&a);
    assert_eq!(b.view().stage, Stage::Investigated);
    // Offline: each device proposes a plan and a director chooses it.
    proposed(&mut a, 230, "Cambiar el aparato");
    let w = choose_plan(&a.model, &a.who(5), C, id(230), id(231), min(80)).unwrap();
    a.apply(w);
    let w = propose_plan(&b.model, &b.who(4), C, "Reparar en casa", id(240), min(75)).unwrap();
    b.apply(w);
    let w = choose_plan(&b.model, &b.who(1), C, id(240), id(241), min(85)).unwrap();
    b.apply(w);
    let (a_log, b_log) = (a.log.len(), b.log.len());
    a.receive(&b);
    b.receive(&a);
    assert!(a_log < a.log.len() && b_log < b.log.len());
    let (va, vb) = (a.view(), b.view());
    assert_eq!(va, vb, "both devices derive the same complaint");
    let events: Vec<RecordId> = va.timeline.iter().map(|t| t.event.id).collect();
    for e in [230, 231, 240, 241] {
        assert!(events.contains(&id(e)), "step {e} survived the merge");
    }
    assert_eq!(va.plans.len(), 2, "both proposals");
    assert_eq!(
        va.conflicts,
        vec![Conflict {
            kind: ConflictKind::PlanChoice,
            events: vec![id(231), id(241)]
        }]
    );
    assert_eq!(
        va.chosen.as_ref().map(|c| c.value),
        Some(id(230)),
        "first in force"
    );
    // Nothing goes on until a director resolves it.
    assert_eq!(
        implement(&a.model, &a.who(3), C, implementation(), id(250), min(90)).unwrap_err(),
        vec![RuleError::UnresolvedConflict]
    );
    assert_eq!(a.model.today(id(5), min(90)).conflicted_complaints, vec![C]);
    let conflict = va.conflicts[0].clone();
    assert!(matches!(
        resolve_conflict(
            &a.model,
            &a.who(2),
            C,
            &conflict,
            Some(id(241)),
            id(260),
            min(90)
        ),
        Err(RuleError::NotAllowed { .. })
    ));
    assert_eq!(
        resolve_conflict(
            &a.model,
            &a.who(5),
            C,
            &conflict,
            Some(id(999)),
            id(260),
            min(90)
        )
        .unwrap_err(),
        RuleError::NotFound { what: "event" }
    );
    let w = resolve_conflict(
        &a.model,
        &a.who(5),
        C,
        &conflict,
        Some(id(241)),
        id(260),
        min(90),
    )
    .unwrap();
    a.apply(w);
    let v = a.view();
    assert!(v.conflicts.is_empty());
    assert_eq!(v.chosen.as_ref().map(|c| c.value), Some(id(240)));
    assert!(v
        .timeline
        .iter()
        .any(|t| t.event.id == id(231) && t.overruled));
    assert_eq!(
        resolve_conflict(
            &a.model,
            &a.who(5),
            C,
            &conflict,
            Some(id(241)),
            id(261),
            min(91)
        )
        .unwrap_err(),
        RuleError::NoConflict
    );
    let w = implement(&a.model, &a.who(3), C, implementation(), id(250), min(95)).unwrap();
    a.apply(w);
    b.receive(&a);
    assert_eq!(b.view(), a.view());
    assert_eq!(b.view().stage, Stage::Implemented);
}

#[test]
fn r_cmp_01_concurrent_judgements_conflict_only_when_they_differ() {
    let mut a = Device::new(1);
    registered(&mut a);
    let mut b = Device::new(2);
    b.receive(&a);
    let mut c = Device::new(3);
    c.receive(&a);
    judged(&mut a, Severity::Normal);
    // The same judgement on another device is a harmless repeat.
    let w = judge(
        &c.model,
        &c.who(4),
        C,
        founded(Severity::Normal, day(2026, 11, 25)),
        utc(),
        id(301),
        min(12),
    )
    .unwrap();
    c.apply(w);
    let w = judge(
        &b.model,
        &b.who(4),
        C,
        founded(Severity::Serious, day(2026, 11, 25)),
        utc(),
        id(302),
        min(11),
    )
    .unwrap();
    b.apply(w);
    a.receive(&c);
    assert!(a.view().conflicts.is_empty());
    a.receive(&b);
    let v = a.view();
    assert_eq!(v.conflicts.len(), 1);
    assert_eq!(v.conflicts[0].kind, ConflictKind::Judgement);
    assert_eq!(
        v.conflicts[0].events,
        vec![id(201), id(302), id(301)],
        "the repeat of the first judgement is in it too"
    );
    // The director keeps the serious judgement.
    let conflict = v.conflicts[0].clone();
    let w = resolve_conflict(
        &a.model,
        &a.who(1),
        C,
        &conflict,
        Some(id(302)),
        id(303),
        min(20),
    )
    .unwrap();
    a.apply(w);
    let v = a.view();
    assert!(v.conflicts.is_empty());
    assert_eq!(v.severity(), Some(Severity::Serious));
}

#[test]
fn bad_input_unknown_complaint_empty_and_too_long_text() {
    let mut d = Device::new(1);
    assert_eq!(
        history(&d.model, C).unwrap_err(),
        RuleError::NotFound { what: "complaint" }
    );
    assert_eq!(
        judge(
            &d.model,
            &d.who(3),
            C,
            JudgementForm::default(),
            utc(),
            id(1),
            now()
        )
        .unwrap_err(),
        vec![RuleError::NotFound { what: "complaint" }]
    );
    assert_eq!(
        choose_plan(&d.model, &d.who(5), C, id(1), id(2), now()).unwrap_err(),
        RuleError::NotFound { what: "complaint" }
    );
    let draft = ComplaintDraft {
        customer: Some(id(404)),
        content: "x".repeat(2_001),
        asks: " ".into(),
        received_at: now() + Duration::hours(1),
        ..ComplaintDraft::default()
    };
    let errs = register(&d.model, &d.who(3), draft, C, now()).unwrap_err();
    assert_eq!(
        errs,
        vec![
            RuleError::NotFound { what: "customer" },
            RuleError::TooLong {
                field: "content",
                max: 2_000
            },
            RuleError::Required { field: "asks" },
            RuleError::InvalidDate {
                field: "received_at"
            },
        ]
    );
    registered(&mut d);
    let far = founded(Severity::Low, day(2028, 1, 1));
    assert_eq!(
        judge(&d.model, &d.who(3), C, far, utc(), id(201), now()).unwrap_err(),
        vec![RuleError::InvalidDate { field: "deadline" }]
    );
}

#[test]
fn a_step_from_a_newer_version_is_shown_but_not_replayed() {
    let mut d = Device::new(1);
    registered(&mut d);
    let future = serde_json::json!({
        "complaint": C, "data": {"kind": "satisfaction_survey", "score": 5},
        "by": id(3), "at": "2026-11-22T10:05:00Z"
    });
    d.model.refresh("complaint_event", id(290), Some(&future));
    judged(&mut d, Severity::Low);
    let v = d.view();
    assert_eq!(v.timeline.len(), 2);
    assert_eq!(v.timeline[0].event.data, EventData::Unknown);
    assert_eq!(v.stage, Stage::Judged);
    assert!(v.conflicts.is_empty());
}

#[test]
fn complaint_steps_survive_a_restart_from_stored_views() {
    let d = implemented();
    let text = ventanilla::sync::stored::encode_view(d.replica.state.iter());
    let mut fresh = Model::default();
    fresh.load_view(&text).unwrap();
    assert_eq!(history(&fresh, C).unwrap(), d.view());
}
