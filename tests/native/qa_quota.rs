//! R-QA-02: every agent reviewed once to five times a month; the agents
//! below the minimum, without those away for the rest of the month; the
//! contacts to review, spread over channels and categories.

use crate::common::*;
use crate::dept_common::*;
use crate::qa_common::*;
use ventanilla::domain::dept::leave::decide_leave;
use ventanilla::domain::dept::records::{Decision, LeaveKind};
use ventanilla::domain::qa::{self, act, ReviewDraft, SettingsDraft};
use ventanilla::domain::RuleError;

#[test]
fn r_qa_02_a_sixth_review_in_a_month_is_refused_naming_the_rule() {
    let mut dev = qa_device(1);
    for n in 0..5 {
        dev.review(100 + n, REP, nov(2 + n as u32), all(3));
    }
    assert_eq!(qa::reviews_left(&dev.model, id(REP), nov(20)), 0);
    let inspector = dev.who(INSPECTOR);
    let sixth = act::record_review(
        &dev.model,
        &inspector,
        draft(REP, nov(20), all(3)),
        id(110),
        now(),
    );
    let (e, rule) = refused(sixth);
    assert_eq!(
        e,
        RuleError::OutOfRange {
            field: "qa_reviews_month"
        }
    );
    assert_eq!(rule, Some("R-QA-02"));
    // Another month, another agent: fine.
    dev.review(111, REP, d(2026, 10, 31), all(3));
    dev.review(112, REP2, nov(20), all(3));
    // Editing one of the five is not a sixth.
    dev.save(act::edit_review(
        &dev.model,
        &inspector,
        id(100),
        &all(4),
        "mejor",
        now(),
    ));
    assert_eq!(dev.model.qa.reviews.len(), 7);
}

#[test]
fn r_qa_02_the_department_director_sets_the_quota_and_bad_numbers_are_refused() {
    let mut dev = qa_device(1);
    let boss = dev.who(DIRECTOR);
    let set = |dev: &Device, who, min, max| {
        act::save_settings(
            &dev.model,
            who,
            SettingsDraft {
                min_per_month: min,
                max_per_month: max,
                weight_quality: 50,
                weight_attendance: 25,
                weight_workload: 25,
                min_reviews_to_rank: 1,
            },
            now(),
        )
    };
    let inspector = dev.who(INSPECTOR);
    let (e, rule) = refused(set(&dev, &inspector, 1, 5));
    assert_eq!(
        (matches!(e, RuleError::NotAllowed { .. }), rule),
        (true, Some("R-ROL-02"))
    );
    for (min, max) in [(3, 2), (0, 0), (1, 32)] {
        let (e, rule) = refused(set(&dev, &boss, min, max));
        assert_eq!((e.field(), rule), (Some("qa_quota"), Some("R-QA-02")));
    }
    dev.save(set(&dev, &boss, 2, 2));
    let s = qa::settings(&dev.model);
    assert_eq!((s.min_per_month, s.max_per_month), (2, 2));
    dev.review(100, REP, nov(2), all(3));
    dev.review(101, REP, nov(3), all(3));
    let inspector = dev.who(INSPECTOR);
    let (e, _) = refused(act::record_review(
        &dev.model,
        &inspector,
        draft(REP, nov(20), all(3)),
        id(102),
        now(),
    ));
    assert_eq!(
        e,
        RuleError::OutOfRange {
            field: "qa_reviews_month"
        }
    );
    dev.review(103, REP2, nov(3), all(3));
    let below: Vec<_> = qa::below_minimum(&dev.model, now())
        .into_iter()
        .map(|b| (b.agent, b.reviews, b.min))
        .collect();
    assert_eq!(below, vec![(id(REP_TARDE), 0, 2), (id(REP2), 1, 2)]);
}

#[test]
fn r_qa_02_agents_below_the_minimum_leave_out_those_on_approved_leave_for_the_rest_of_the_month() {
    let mut m = world();
    // Rep 4: approved leave for every weekday left (23–30 November).
    let l = ask_leave(
        &mut m,
        REP2,
        LeaveKind::Personal,
        nov(23),
        nov(30),
        500,
        now(),
    );
    let yes = decide_leave(
        &m,
        &person(&m, 1),
        &l,
        Decision::Approve,
        "",
        id(501),
        now(),
    )
    .expect("approved");
    put(&mut m, &yes);
    // Rep 7: leave for part of it only.
    let l = ask_leave(
        &mut m,
        REP_TARDE,
        LeaveKind::Personal,
        nov(23),
        nov(26),
        502,
        now(),
    );
    let yes = decide_leave(
        &m,
        &person(&m, 1),
        &l,
        Decision::Approve,
        "",
        id(503),
        now(),
    )
    .expect("approved");
    put(&mut m, &yes);
    let below: Vec<_> = qa::below_minimum(&m, now())
        .into_iter()
        .map(|b| b.agent)
        .collect();
    assert_eq!(below, vec![id(REP), id(REP_TARDE)], "by name: Pablo, Tomás");
    assert!(qa::away_rest_of_month(&m, id(REP2), nov(22)));
    // Rostered, the roster decides: rep 7 works the 28th (a Saturday).
    rostered(&mut m, REP_TARDE, nov(24), DAY);
    rostered(&mut m, REP_TARDE, nov(28), DAY);
    assert_eq!(
        qa::working_days(&m, id(REP_TARDE), nov(22), nov(30)),
        vec![nov(24), nov(28)]
    );
    assert!(!qa::away_rest_of_month(&m, id(REP_TARDE), nov(22)));
    // A pending leave is no excuse.
    let mut m2 = world();
    ask_leave(
        &mut m2,
        REP2,
        LeaveKind::Personal,
        nov(23),
        nov(30),
        500,
        now(),
    );
    assert!(qa::below_minimum(&m2, now())
        .iter()
        .any(|b| b.agent == id(REP2)));
    // Reviewed once: off the list.
    let inspector = person(&m, INSPECTOR);
    let (r, card) =
        qa::review::record_review(&m, &inspector, draft(REP, nov(20), all(3)), id(600), now())
            .expect("ok");
    put(&mut m, &card.expect("the standard scorecard"));
    put(&mut m, &r);
    let below: Vec<_> = qa::below_minimum(&m, now())
        .into_iter()
        .map(|b| b.agent)
        .collect();
    assert_eq!(below, vec![id(REP_TARDE)]);
}

#[test]
fn r_qa_02_suggested_contacts_take_one_of_each_channel_and_category_in_turn() {
    let mut dev = qa_device(1);
    let got = qa::suggest_contacts(&dev.model, id(REP), now(), 3);
    // Groups in code order: (email, enquiry), (phone, claim), (phone,
    // enquiry), (walk_in, complaint); newest first in each.
    assert_eq!(got, vec![id(33), id(32), id(35)]);
    let every = qa::suggest_contacts(&dev.model, id(REP), now(), 100);
    assert_eq!(
        every,
        vec![id(33), id(32), id(35), id(34), id(31), id(30)],
        "October's 36 left out"
    );
    assert_eq!(
        qa::suggest_contacts(&dev.model, id(REP), now(), 100),
        every,
        "deterministic"
    );
    let inspector = dev.who(INSPECTOR);
    dev.save(act::record_review(
        &dev.model,
        &inspector,
        ReviewDraft {
            contact: Some(id(32)),
            ..draft(REP, nov(20), all(3))
        },
        id(100),
        now(),
    ));
    let got = qa::suggest_contacts(&dev.model, id(REP), now(), 3);
    assert_eq!(
        got,
        vec![id(33), id(31), id(35)],
        "a reviewed contact is not suggested again"
    );
    assert_eq!(
        qa::suggest_contacts(&dev.model, id(REP2), now(), 3),
        vec![id(40)]
    );
    assert!(qa::suggest_contacts(&dev.model, id(REP), now(), 0).is_empty());
}
