//! R-QA-04: the monthly report (due before the 22nd, frozen when issued,
//! later changes counted apart) and the best / worst evaluation.

use crate::common::*;
use crate::dept_common::*;
use crate::qa_common::*;
use chrono::Duration;
use ventanilla::domain::dept::attendance::clock_in;
use ventanilla::domain::qa::{self, act, SettingsDraft};
use ventanilla::domain::RuleError;

#[test]
fn r_qa_04_the_report_is_warned_about_from_the_15th_and_overdue_from_the_22nd() {
    let mut dev = qa_device(1);
    let inspector = dev.who(INSPECTOR);
    let warn = |dev: &Device, who: u128, day: u32| {
        qa::report_warning(&dev.model, &dev.who(who), madrid(2026, 11, day, 12, 0))
    };
    assert_eq!(warn(&dev, INSPECTOR, 14), None);
    let w = warn(&dev, INSPECTOR, 15).expect("from the 15th");
    assert_eq!((w.month, w.deadline, w.overdue), (nov(1), nov(21), false));
    assert!(!warn(&dev, DIRECTOR, 21).expect("the director too").overdue);
    assert!(
        warn(&dev, LEADER, 22)
            .expect("the team leader writes it")
            .overdue
    );
    assert_eq!(warn(&dev, REP, 22), None, "not for agents");
    dev.save(act::issue_report(&dev.model, &inspector, nov(20), now()));
    assert_eq!(warn(&dev, INSPECTOR, 22), None, "issued");
    assert!(qa::report_warning(&dev.model, &inspector, madrid(2026, 12, 16, 12, 0)).is_some());
    let (e, _) = refused(act::issue_report(&dev.model, &inspector, nov(2), now()));
    assert_eq!(e, RuleError::AlreadyDecided);
    let (e, rule) = refused(act::issue_report(
        &dev.model,
        &inspector,
        d(2026, 12, 1),
        now(),
    ));
    assert_eq!((e.field(), rule), (Some("qa_month"), Some("R-QA-04")));
    let (e, rule) = refused(act::issue_report(
        &dev.model,
        &dev.who(REP),
        d(2026, 10, 1),
        now(),
    ));
    assert_eq!(
        (matches!(e, RuleError::NotAllowed { .. }), rule),
        (true, Some("R-ROL-02"))
    );
}

#[test]
fn r_qa_04_an_issued_report_stays_frozen_and_later_changes_are_counted_not_merged() {
    let mut dev = qa_device(1);
    dev.review(100, REP, nov(3), all(5));
    dev.review(101, REP, nov(10), all(3));
    dev.review(102, REP2, nov(12), all(1));
    dev.review(103, REP2, d(2026, 10, 30), all(1));
    let inspector = dev.who(INSPECTOR);
    dev.save(act::issue_report(&dev.model, &inspector, nov(20), now()));
    let report = dev.model.qa.reports[&qa::report_id(nov(1))].clone();
    assert_eq!(
        (report.month, report.reviews, report.average),
        (nov(1), 3, Some(500))
    );
    let agents: Vec<_> = report
        .agents
        .iter()
        .map(|a| (a.agent, a.reviews, a.average))
        .collect();
    assert_eq!(
        agents,
        vec![(id(REP), 2, Some(750)), (id(REP2), 1, Some(0))]
    );
    assert_eq!(report.criteria.len(), 5);
    assert_eq!(qa::changes_since(&dev.model, &report), 0);
    // A comment changes no figure; a new score, a new review and a ruling do.
    dev.save(act::edit_review(
        &dev.model,
        &inspector,
        id(100),
        &all(5),
        "Muy bien",
        now(),
    ));
    assert_eq!(qa::changes_since(&dev.model, &report), 0);
    dev.save(act::edit_review(
        &dev.model,
        &inspector,
        id(101),
        &all(4),
        "",
        now(),
    ));
    dev.review(104, REP_TARDE, nov(21), all(2));
    let rep2 = dev.who(REP2);
    dev.save(act::reply(
        &dev.model,
        &rep2,
        id(102),
        qa::ReplyKind::Dispute,
        "No",
        id(200),
        now(),
    ));
    let boss = dev.who(DIRECTOR);
    dev.save(act::rule_dispute(
        &dev.model,
        &boss,
        id(102),
        qa::RulingOutcome::Change,
        &all(2),
        "",
        id(300),
        now(),
    ));
    assert_eq!(qa::changes_since(&dev.model, &report), 3);
    let stored = &dev.model.qa.reports[&qa::report_id(nov(1))];
    assert_eq!(stored, &report, "the issued figures never change");
    let fresh = qa::month_figures(&dev.model, nov(1), now());
    assert_eq!(fresh.reviews, 4);
}

#[test]
fn r_qa_04_best_and_worst_combine_quality_attendance_and_workload_with_the_directors_weights() {
    let mut dev = qa_device(1);
    // Quality: rep 3 1000, rep 4 500, rep 7 0 (two reviews each but rep 7).
    dev.review(100, REP, nov(3), all(5));
    dev.review(101, REP, nov(4), all(5));
    dev.review(102, REP2, nov(3), all(3));
    dev.review(103, REP2, nov(4), all(3));
    dev.review(104, REP_TARDE, nov(3), all(1));
    // Attendance: rep 4 worked two shifts, on time once, absent once.
    let mut m = dev.model.clone();
    let e1 = rostered(&mut m, REP2, nov(16), DAY);
    rostered(&mut m, REP2, nov(17), DAY);
    let a = clock_in(&m, &person(&m, REP2), e1, madrid(2026, 11, 16, 7, 55)).expect("clocked in");
    put(&mut m, &a);
    dev.model = m;
    let leader = dev.who(LEADER);
    let e = qa::evaluation(&dev.model, &leader, nov(20), now()).expect("for team leaders");
    let row = |p: u128| {
        e.iter()
            .find(|x| x.person == id(p))
            .cloned()
            .expect("a row")
    };
    let r3 = row(REP);
    // Rep 3: 6 contacts in November (the busiest), no shifts.
    assert_eq!(
        (r3.quality, r3.attendance, r3.contacts, r3.workload),
        (Some(1000), None, 6, Some(1000))
    );
    assert_eq!(
        r3.score,
        Some(1000),
        "no shifts: weighted over quality and workload"
    );
    let r4 = row(REP2);
    assert_eq!((r4.shifts, r4.violations, r4.attendance), (2, 1, Some(500)));
    assert_eq!((r4.contacts, r4.workload), (1, Some(167)));
    // (50×500 + 25×500 + 25×167) / 100 = 417 (rounded).
    assert_eq!(r4.score, Some(417));
    let order: Vec<_> = e.iter().map(|x| x.person).collect();
    assert_eq!(order, vec![id(REP), id(REP2), id(REP_TARDE)]);
    assert_eq!(qa::best_and_worst(&e), Some((id(REP), id(REP_TARDE))));
    // The director sets quality only and two reviews to be ranked.
    let boss = dev.who(DIRECTOR);
    dev.save(act::save_settings(
        &dev.model,
        &boss,
        SettingsDraft {
            min_per_month: 1,
            max_per_month: 5,
            weight_quality: 100,
            weight_attendance: 0,
            weight_workload: 0,
            min_reviews_to_rank: 2,
        },
        now(),
    ));
    let e = qa::evaluation(&dev.model, &leader, nov(20), now() + Duration::minutes(1)).expect("ok");
    let ranked: Vec<_> = e
        .iter()
        .filter(|x| x.ranked)
        .map(|x| (x.person, x.score))
        .collect();
    assert_eq!(ranked, vec![(id(REP), Some(1000)), (id(REP2), Some(500))]);
    assert!(
        !e.iter().any(|x| x.person == id(REP_TARDE) && x.ranked),
        "one review: shown, not ranked"
    );
    assert_eq!(qa::best_and_worst(&e), Some((id(REP), id(REP2))));
    let f = qa::month_figures(&dev.model, nov(20), now());
    let evals: Vec<_> = f.agents.iter().map(|a| (a.agent, a.evaluation)).collect();
    assert_eq!(
        evals,
        vec![
            (id(REP), Some(1000)),
            (id(REP2), Some(500)),
            (id(REP_TARDE), None)
        ]
    );
    let (e, rule) = refused(act::save_settings(
        &dev.model,
        &boss,
        SettingsDraft {
            max_per_month: 5,
            ..SettingsDraft::default()
        },
        now(),
    ));
    assert_eq!((e.field(), rule), (Some("qa_weights"), Some("R-QA-04")));
    let (e, _) = refused(qa::evaluation(&dev.model, &dev.who(REP), nov(20), now()));
    assert!(matches!(e, RuleError::NotAllowed { .. }));
}
