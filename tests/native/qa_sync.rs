//! R-QA-01..R-QA-04 across devices: what two devices do offline is all
//! kept once they meet (a review, a reply, a ruling, an item is a record
//! of its own; one-per-thing records have derived ids).

use crate::common::*;
use crate::qa_common::*;
use chrono::Duration;
use ventanilla::domain::qa::{self, act, standard_card_id, ReplyKind, ReviewStatus};

fn meet(a: &mut Device, b: &mut Device) {
    a.receive(b);
    b.receive(a);
}

#[test]
fn r_qa_01_reviews_made_offline_on_two_devices_are_all_kept_with_one_standard_scorecard() {
    let mut a = qa_device(1);
    let mut b = qa_device(2);
    a.review(100, REP, nov(20), all(5));
    b.review(101, REP, nov(21), all(3));
    meet(&mut a, &mut b);
    for dev in [&a, &b] {
        assert_eq!(dev.model.qa.reviews.len(), 2);
        assert_eq!(dev.model.qa.scorecards.len(), 1, "the same derived id");
        assert!(dev.model.qa.scorecards.contains_key(&standard_card_id()));
        assert_eq!((dev.total(100), dev.total(101)), (Some(1000), Some(500)));
    }
    assert_eq!(
        a.replica.state.to_canonical_json(),
        b.replica.state.to_canonical_json()
    );
}

#[test]
fn r_qa_01_an_acknowledgement_and_a_dispute_made_apart_are_both_kept_and_the_dispute_stands() {
    let mut a = qa_device(1);
    a.review(100, REP, nov(20), all(2));
    let mut b = qa_device(2);
    b.receive(&a);
    let (ra, rb) = (a.who(REP), b.who(REP));
    a.save(act::reply(
        &a.model,
        &ra,
        id(100),
        ReplyKind::Acknowledge,
        "",
        id(200),
        now(),
    ));
    b.save(act::reply(
        &b.model,
        &rb,
        id(100),
        ReplyKind::Dispute,
        "Fue el sistema",
        id(201),
        now() + Duration::minutes(1),
    ));
    meet(&mut a, &mut b);
    for dev in [&a, &b] {
        assert_eq!(dev.model.qa.replies_to(id(100)).len(), 2);
        let r = &dev.model.qa.reviews[&id(100)];
        assert_eq!(qa::status(&dev.model, r), ReviewStatus::Disputed);
    }
    // Two directors rule apart: both rulings kept, the newest counts.
    let (da, db) = (a.who(DIRECTOR), b.who(1));
    a.save(act::rule_dispute(
        &a.model,
        &da,
        id(100),
        qa::RulingOutcome::Uphold,
        &[],
        "",
        id(300),
        now(),
    ));
    b.save(act::rule_dispute(
        &b.model,
        &db,
        id(100),
        qa::RulingOutcome::Change,
        &all(4),
        "",
        id(301),
        now() + Duration::hours(1),
    ));
    meet(&mut a, &mut b);
    for dev in [&a, &b] {
        assert_eq!(dev.model.qa.rulings_on(id(100)).len(), 2);
        assert_eq!(dev.total(100), Some(750));
    }
}

#[test]
fn r_qa_03_items_added_apart_to_the_same_weeks_plan_are_all_kept() {
    let mut a = qa_device(1);
    let mut b = qa_device(2);
    let (ia, ib) = (a.who(INSPECTOR), b.who(INSPECTOR));
    a.save(act::save_plan(&a.model, &ia, nov(18), "Notas A", now()));
    b.save(act::save_plan(
        &b.model,
        &ib,
        nov(17),
        "Notas B",
        now() + Duration::minutes(1),
    ));
    let plan = qa::plan_id(nov(16));
    let item = |t: &str| qa::ItemDraft {
        text: t.into(),
        people: vec![],
        owner: id(LEADER),
        due: nov(25),
    };
    a.save(act::add_item(
        &a.model,
        &ia,
        plan,
        &item("A"),
        id(700),
        now(),
    ));
    b.save(act::add_item(
        &b.model,
        &ib,
        plan,
        &item("B"),
        id(701),
        now(),
    ));
    meet(&mut a, &mut b);
    for dev in [&a, &b] {
        assert_eq!(dev.model.qa.plans.len(), 1);
        assert_eq!(dev.model.qa.items_of(plan).len(), 2);
        assert_eq!(dev.model.qa.plans[&plan].notes, "Notas B");
    }
}

#[test]
fn r_qa_03_r_qa_04_a_weeks_plan_and_a_months_report_deleted_before_are_made_again_whole() {
    // Clearing demo data deletes the demo's plan and report; their ids are
    // derived from the week and the month, so the user's own come under
    // the same ids and must show, with nothing of the deleted ones.
    use ventanilla::domain::base::record::tombstone;
    let mut a = qa_device(1);
    let (inspector, director) = (a.who(INSPECTOR), a.who(DIRECTOR));
    a.review(100, REP, nov(3), all(4));
    let plan = qa::plan_id(nov(16));
    a.save(act::save_plan(
        &a.model,
        &inspector,
        nov(16),
        "Notas demo",
        now(),
    ));
    a.save(act::send_plan(&a.model, &inspector, plan, now()));
    a.save(act::acknowledge_plan(&a.model, &director, plan, now()));
    let report = qa::report_id(nov(1));
    a.save(act::issue_report(&a.model, &inspector, nov(1), now()));
    assert_eq!(a.model.qa.reports[&report].reviews, 1);
    a.save(Ok(vec![
        tombstone("qa_plan", plan),
        tombstone("qa_report", report),
        tombstone("qa_review", id(100)),
    ]));
    assert!(a.model.qa.plans.is_empty() && a.model.qa.reports.is_empty());

    let later = now() + Duration::minutes(5);
    a.save(act::save_plan(&a.model, &inspector, nov(17), "", later));
    let p = &a.model.qa.plans[&plan];
    assert_eq!(
        (p.notes.as_str(), p.sent_at, p.acknowledged_at),
        ("", None, None)
    );
    a.save(act::issue_report(&a.model, &inspector, nov(2), later));
    let r = &a.model.qa.reports[&report];
    assert_eq!((r.reviews, r.average, r.marks.len()), (0, None, 0));
    assert_eq!(r.issued_at, later);
    // On another device too.
    let mut b = qa_device(2);
    b.receive(&a);
    assert_eq!(b.model.qa.plans[&plan].sent_at, None);
    assert_eq!(b.model.qa.reports[&report].reviews, 0);
}

#[test]
fn r_qa_01_the_standard_scorecard_written_later_by_a_review_elsewhere_does_not_undo_an_edit() {
    let mut a = qa_device(1);
    let mut b = qa_device(2);
    let boss = a.who(DIRECTOR);
    let mut crit: Vec<qa::CriterionDraft> = FIVE
        .iter()
        .map(|k| qa::CriterionDraft {
            key: Some(k.to_string()),
            weight: 20,
            ..qa::CriterionDraft::default()
        })
        .collect();
    crit[0].weight = 80;
    a.save(act::save_scorecard(
        &a.model,
        &boss,
        Some(standard_card_id()),
        "",
        &crit,
        id(90),
        now(),
    ));
    // Device b knows nothing of the edit: its first review, an hour later,
    // writes the standard scorecard's first version.
    b.review(
        100,
        REP,
        nov(20),
        scores([Some(5), Some(1), Some(1), Some(1), Some(1)]),
    );
    meet(&mut a, &mut b);
    for dev in [&a, &b] {
        let versions: Vec<_> = dev
            .model
            .qa
            .versions_of(standard_card_id())
            .iter()
            .map(|v| v.id)
            .collect();
        assert_eq!(
            versions,
            vec![standard_card_id(), id(90)],
            "first, then the edit"
        );
        assert_eq!(
            dev.model.qa.current(standard_card_id()).map(|v| v.id),
            Some(id(90)),
            "the edit stays current"
        );
        assert_eq!(dev.total(100), Some(200), "scored with the first version");
    }
}
