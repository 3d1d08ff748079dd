//! R-QA-01: scorecards, reviews and their totals, the agent's answer, the
//! director's ruling, and who sees which review.

use crate::common::*;
use crate::dept_common::d;
use crate::qa_common::*;
use chrono::Duration;
use ventanilla::domain::qa::{
    self, act, standard_card_id, CriterionDraft, ReplyKind, ReviewStatus, RulingOutcome, Score,
    Scorecard,
};
use ventanilla::domain::{Audit, Lang, RuleError};

fn criterion(key: &str, weight: u32, critical: bool) -> CriterionDraft {
    CriterionDraft {
        key: Some(key.into()),
        name: String::new(),
        weight,
        critical,
    }
}

#[test]
fn r_qa_01_the_standard_scorecard_scores_the_seeds_five_criteria_out_of_100() {
    let mut dev = qa_device(1);
    assert!(dev.model.qa.scorecards.is_empty());
    dev.review(100, REP, nov(20), all(5));
    let card = &dev.model.qa.scorecards[&standard_card_id()];
    let keys: Vec<&str> = card.criteria.iter().map(|c| c.key.as_str()).collect();
    assert_eq!(keys, FIVE, "the seeds' five criteria, by default");
    assert!(card.criteria.iter().all(|c| c.weight == 20 && !c.critical));
    assert_eq!(dev.total(100), Some(1000), "5 everywhere is 100 %");
    dev.review(101, REP, nov(20), all(1));
    assert_eq!(dev.total(101), Some(0), "1 everywhere is 0 %");
    dev.review(102, REP, nov(20), all(3));
    assert_eq!(dev.total(102), Some(500));
    // Not applicable is left out of numerator and denominator.
    dev.review(
        103,
        REP,
        nov(20),
        scores([Some(5), Some(1), None, None, None]),
    );
    assert_eq!(dev.total(103), Some(500));
    dev.review(
        104,
        REP2,
        nov(20),
        scores([Some(4), None, None, None, None]),
    );
    assert_eq!(dev.total(104), Some(750));
    dev.review(105, REP2, nov(20), scores([None; 5]));
    assert_eq!(dev.total(105), None, "nothing applicable: no total");
    // A second review did not write the standard scorecard again.
    assert_eq!(dev.model.qa.scorecards.len(), 1);
}

#[test]
fn r_qa_01_weights_count_and_a_critical_criterion_below_3_sets_the_review_to_0() {
    let mut dev = qa_device(1);
    let boss = dev.who(DIRECTOR);
    let crit = [
        criterion("wording", 40, false),
        criterion("attitude", 10, true),
        criterion("tone", 10, false),
        criterion("summary", 20, false),
        criterion("answering", 20, false),
    ];
    dev.save(act::save_scorecard(
        &dev.model,
        &boss,
        Some(standard_card_id()),
        "",
        &crit,
        id(90),
        now(),
    ));
    // wording 5 (40 × 100 %), attitude 3 (10 × 50 %), the rest 1 (0 %).
    dev.review(
        100,
        REP,
        nov(20),
        scores([Some(5), Some(3), Some(1), Some(1), Some(1)]),
    );
    assert_eq!(dev.total(100), Some(450));
    assert_eq!(dev.model.qa.reviews[&id(100)].scorecard, id(90));
    dev.review(
        101,
        REP,
        nov(20),
        scores([Some(5), Some(2), Some(5), Some(5), Some(5)]),
    );
    assert_eq!(dev.total(101), Some(0), "critical attitude scored 2");
    // A critical criterion not applicable does not zero anything.
    dev.review(
        102,
        REP2,
        nov(20),
        scores([Some(5), None, Some(5), Some(5), Some(5)]),
    );
    assert_eq!(dev.total(102), Some(1000));
    // Rounding is half up, in tenths: 1 of 3 equal weights at 4 = 25 %.
    let three = Scorecard {
        criteria: vec![
            ventanilla::domain::qa::Criterion {
                key: "a".into(),
                weight: 1,
                ..Default::default()
            },
            ventanilla::domain::qa::Criterion {
                key: "b".into(),
                weight: 1,
                ..Default::default()
            },
            ventanilla::domain::qa::Criterion {
                key: "c".into(),
                weight: 1,
                ..Default::default()
            },
        ],
        ..Scorecard::default()
    };
    let s = |k: &str, n: u8| Score {
        criterion: k.into(),
        score: Some(n),
        ..Score::default()
    };
    assert_eq!(
        qa::total(&three, &[s("a", 4), s("b", 1), s("c", 1)]),
        Some(250)
    );
    assert_eq!(
        qa::total(&three, &[s("a", 2), s("b", 1), s("c", 1)]),
        Some(83)
    );
}

#[test]
fn r_qa_01_editing_a_scorecard_makes_a_version_and_old_reviews_keep_their_totals() {
    let mut dev = qa_device(1);
    dev.review(
        100,
        REP,
        nov(10),
        scores([Some(5), Some(1), Some(1), Some(1), Some(1)]),
    );
    assert_eq!(dev.total(100), Some(200));
    let boss = dev.who(DIRECTOR);
    let mut crit: Vec<CriterionDraft> = FIVE.iter().map(|k| criterion(k, 10, false)).collect();
    crit[0].weight = 60;
    crit.push(CriterionDraft {
        key: None,
        name: "Cierre de la llamada".into(),
        weight: 10,
        critical: false,
    });
    dev.save(act::save_scorecard(
        &dev.model,
        &boss,
        Some(standard_card_id()),
        "Escucha telefónica",
        &crit,
        id(90),
        now() + Duration::hours(1),
    ));
    let versions = dev.model.qa.versions_of(standard_card_id());
    assert_eq!(versions.len(), 2, "the old version stays");
    assert_eq!(
        dev.model.qa.current(standard_card_id()).map(|v| v.id),
        Some(id(90))
    );
    assert_eq!(versions[1].criteria[5].key, "cierre_de_la_llamada");
    assert_eq!(
        dev.total(100),
        Some(200),
        "an old review's total never changes"
    );
    assert_eq!(dev.model.qa.reviews[&id(100)].scorecard, standard_card_id());
    let inspector = dev.who(INSPECTOR);
    dev.save(act::record_review(
        &dev.model,
        &inspector,
        draft(
            REP,
            nov(21),
            scores([Some(5), Some(1), Some(1), Some(1), Some(1)]),
        ),
        id(101),
        now() + Duration::hours(2),
    ));
    assert_eq!(dev.model.qa.reviews[&id(101)].scorecard, id(90));
    assert_eq!(
        dev.total(101),
        Some(600),
        "the new weights for the new review"
    );
    assert_eq!(qa::current_scorecards(&dev.model).len(), 1);
}

#[test]
fn r_qa_01_only_a_department_director_edits_scorecards_and_bad_criteria_are_refused() {
    let dev = qa_device(1);
    let boss = dev.who(DIRECTOR);
    let inspector = dev.who(INSPECTOR);
    let five: Vec<CriterionDraft> = FIVE.iter().map(|k| criterion(k, 20, false)).collect();
    let save = |who, crit: &[CriterionDraft]| {
        act::save_scorecard(&dev.model, who, None, "Otra", crit, id(90), now())
    };
    let (e, rule) = refused(save(&inspector, &five));
    assert!(matches!(e, RuleError::NotAllowed { .. }));
    assert_eq!(rule, Some("R-ROL-02"));
    let thirteen: Vec<CriterionDraft> = (0..13)
        .map(|i| CriterionDraft {
            key: None,
            name: format!("Criterio {i}"),
            weight: 5,
            critical: false,
        })
        .collect();
    let mut twice = five.clone();
    twice[1].key = Some("wording".into());
    let mut heavy = five.clone();
    heavy[0].weight = 101;
    let mut light = five.clone();
    light[0].weight = 0;
    let unnamed = [CriterionDraft {
        key: None,
        name: "  ".into(),
        weight: 5,
        critical: false,
    }];
    let long = [CriterionDraft {
        key: None,
        name: "x".repeat(121),
        weight: 5,
        critical: false,
    }];
    for (crit, field) in [
        (&thirteen[..], "qa_criteria"),
        (&[][..], "qa_criteria"),
        (&twice[..], "qa_criteria"),
        (&heavy[..], "qa_weight"),
        (&light[..], "qa_weight"),
        (&unnamed[..], "qa_criterion_name"),
        (&long[..], "qa_criterion_name"),
    ] {
        let (e, rule) = refused(save(&boss, crit));
        assert_eq!(e.field(), Some(field), "{e:?}");
        assert_eq!(rule, Some("R-QA-01"), "{e:?}");
    }
    assert!(save(&boss, &thirteen[..12]).is_ok(), "12 criteria are fine");
    let (e, _) = refused(act::save_scorecard(
        &dev.model,
        &boss,
        Some(id(999)),
        "",
        &five,
        id(90),
        now(),
    ));
    assert_eq!(
        e,
        RuleError::NotFound {
            what: "qa_scorecard"
        }
    );
}

#[test]
fn r_qa_01_hostile_or_mistaken_reviews_are_refused_naming_the_field() {
    let dev = qa_device(1);
    let inspector = dev.who(INSPECTOR);
    let try_review = |who: &ventanilla::domain::staff::Staff, d| {
        act::record_review(&dev.model, who, d, id(100), now())
    };
    let with = |f: &dyn Fn(&mut Vec<Score>)| {
        let mut s = all(3);
        f(&mut s);
        draft(REP, nov(20), s)
    };
    let cases: Vec<(ventanilla::domain::qa::ReviewDraft, &str)> = vec![
        (with(&|s| s[0].score = Some(0)), "qa_score"),
        (with(&|s| s[0].score = Some(6)), "qa_score"),
        (with(&|s| s[0].criterion = "nope".into()), "qa_scores"),
        (with(&|s| s[1].criterion = "wording".into()), "qa_scores"),
        (with(&|s| s.extend(all(3))), "qa_scores"),
        (with(&|s| s[0].causes = vec!["prisa".into()]), "qa_causes"),
        (
            with(&|s| {
                s[0].score = Some(1);
                s[0].causes = (0..11).map(|i| format!("c{i}")).collect();
            }),
            "qa_causes",
        ),
        (with(&|s| s[0].train_on = Some(id(7))), "qa_train_on"),
        (with(&|s| s[0].comment = "x".repeat(2001)), "qa_comment"),
        (draft(REP, nov(23), all(3)), "qa_date"),
        (draft(REP, d(2025, 11, 1), all(3)), "qa_date"),
        (draft(INSPECTOR, nov(20), all(3)), "qa_agent"),
        (
            ventanilla::domain::qa::ReviewDraft {
                contact: Some(id(40)),
                ..draft(REP, nov(20), all(3))
            },
            "qa_contact",
        ),
    ];
    for (d, field) in cases {
        let (e, rule) = refused(try_review(&inspector, d));
        assert_eq!(e.field(), Some(field), "{e:?}");
        assert_eq!(rule, Some("R-QA-01"), "{e:?}");
        if !matches!(
            e,
            RuleError::OutOfRange { .. } | RuleError::Duplicate { .. }
        ) {
            assert!(!e.message(Lang::Es).starts_with("Campo"), "{e:?}");
        }
    }
    let (e, rule) = refused(try_review(&dev.who(REP2), draft(REP, nov(20), all(3))));
    assert!(matches!(e, RuleError::NotAllowed { .. }));
    assert_eq!(rule, Some("R-ROL-02"));
    let (e, _) = refused(try_review(&inspector, draft(999, nov(20), all(3))));
    assert_eq!(e, RuleError::NotFound { what: "staff" });
    let on_contact = ventanilla::domain::qa::ReviewDraft {
        contact: Some(id(30)),
        ..draft(REP, nov(20), all(3))
    };
    assert!(try_review(&inspector, on_contact).is_ok());
    // Tags on a low score are kept, trimmed and without repeats.
    let low = with(&|s| {
        s[2].score = Some(2);
        s[2].causes = vec![" Prisa ".into(), "prisa".into(), "Jerga".into()];
    });
    let (r, _) =
        qa::review::record_review(&dev.model, &inspector, low, id(100), now()).expect("accepted");
    assert_eq!(
        r.scores[2].causes,
        vec!["Prisa".to_string(), "Jerga".to_string()]
    );
}

#[test]
fn r_qa_01_an_agent_acknowledges_or_disputes_and_the_director_rules_keeping_both_scores() {
    let mut dev = qa_device(1);
    dev.review(100, REP, nov(20), all(2));
    dev.review(101, REP, nov(21), all(4));
    let rep = dev.who(REP);
    let review = |dev: &Device, n| dev.model.qa.reviews[&id(n)].clone();
    assert_eq!(qa::to_answer(&dev.model, id(REP)), vec![id(100), id(101)]);
    // Only the agent answers; a dispute needs a comment.
    let (e, rule) = refused(act::reply(
        &dev.model,
        &dev.who(REP2),
        id(100),
        ReplyKind::Acknowledge,
        "",
        id(200),
        now(),
    ));
    assert_eq!((e.field(), rule), (Some("qa_reply"), Some("R-QA-01")));
    let (e, rule) = refused(act::reply(
        &dev.model,
        &rep,
        id(100),
        ReplyKind::Dispute,
        " ",
        id(200),
        now(),
    ));
    assert_eq!(
        (e, rule),
        (
            RuleError::Required {
                field: "qa_dispute"
            },
            Some("R-QA-01")
        )
    );
    dev.save(act::reply(
        &dev.model,
        &rep,
        id(101),
        ReplyKind::Acknowledge,
        "",
        id(201),
        now(),
    ));
    assert_eq!(
        qa::status(&dev.model, &review(&dev, 101)),
        ReviewStatus::Acknowledged
    );
    let (e, _) = refused(act::reply(
        &dev.model,
        &rep,
        id(101),
        ReplyKind::Dispute,
        "no",
        id(202),
        now(),
    ));
    assert_eq!(e, RuleError::AlreadyDecided);
    dev.save(act::reply(
        &dev.model,
        &rep,
        id(100),
        ReplyKind::Dispute,
        "La llamada se cortó",
        id(200),
        now(),
    ));
    assert_eq!(
        qa::status(&dev.model, &review(&dev, 100)),
        ReviewStatus::Disputed
    );
    let boss = dev.who(DIRECTOR);
    assert_eq!(qa::open_disputes(&dev.model, &boss), vec![id(100)]);
    assert!(qa::open_disputes(&dev.model, &dev.who(INSPECTOR)).is_empty());
    // The inspector cannot rule; a ruling on an undisputed review is refused.
    let rule_on = |dev: &Device, who, n, outcome, s: &[Score]| {
        act::rule_dispute(&dev.model, who, id(n), outcome, s, "", id(300), now())
    };
    let inspector = dev.who(INSPECTOR);
    let (e, rule) = refused(rule_on(&dev, &inspector, 100, RulingOutcome::Uphold, &[]));
    assert_eq!(
        (matches!(e, RuleError::NotAllowed { .. }), rule),
        (true, Some("R-ROL-02"))
    );
    let (e, rule) = refused(rule_on(&dev, &boss, 101, RulingOutcome::Uphold, &[]));
    assert_eq!((e.field(), rule), (Some("qa_ruling"), Some("R-QA-01")));
    let (e, _) = refused(rule_on(&dev, &boss, 100, RulingOutcome::Change, &all(9)));
    assert_eq!(e.field(), Some("qa_score"));
    assert_eq!(dev.total(100), Some(250));
    dev.save(rule_on(&dev, &boss, 100, RulingOutcome::Change, &all(4)));
    assert_eq!(
        qa::status(&dev.model, &review(&dev, 100)),
        ReviewStatus::Changed
    );
    assert_eq!(dev.total(100), Some(750), "the changed score counts");
    assert_eq!(
        review(&dev, 100).scores,
        all(2),
        "the inspector's scores stay"
    );
    let (e, _) = refused(rule_on(&dev, &boss, 100, RulingOutcome::Uphold, &[]));
    assert_eq!(e, RuleError::AlreadyDecided);
    // After a ruling the inspector cannot rewrite the review.
    let (e, _) = refused(act::edit_review(
        &dev.model,
        &dev.who(INSPECTOR),
        id(100),
        &all(5),
        "",
        now(),
    ));
    assert_eq!(e, RuleError::AlreadyDecided);
    assert!(qa::to_answer(&dev.model, id(REP)).is_empty());
}

#[test]
fn r_qa_01_a_director_who_wrote_the_review_does_not_rule_on_it_and_an_upheld_one_keeps_its_total() {
    let mut dev = qa_device(1);
    let boss = dev.who(DIRECTOR);
    dev.save(act::record_review(
        &dev.model,
        &boss,
        draft(REP, nov(20), all(3)),
        id(100),
        now(),
    ));
    let rep = dev.who(REP);
    dev.save(act::reply(
        &dev.model,
        &rep,
        id(100),
        ReplyKind::Dispute,
        "No estoy de acuerdo",
        id(200),
        now(),
    ));
    let (e, _) = refused(act::rule_dispute(
        &dev.model,
        &boss,
        id(100),
        RulingOutcome::Uphold,
        &[],
        "",
        id(300),
        now(),
    ));
    assert_eq!(e, RuleError::OwnRequest);
    assert!(
        qa::open_disputes(&dev.model, &boss).is_empty(),
        "not listed for its author"
    );
    let center = dev.who(1);
    assert_eq!(qa::open_disputes(&dev.model, &center), vec![id(100)]);
    dev.save(act::rule_dispute(
        &dev.model,
        &center,
        id(100),
        RulingOutcome::Uphold,
        &[],
        "Se mantiene",
        id(300),
        now(),
    ));
    assert_eq!(dev.total(100), Some(500));
    assert_eq!(
        qa::status(&dev.model, &dev.model.qa.reviews[&id(100)]),
        ReviewStatus::Upheld
    );
}

#[test]
fn r_qa_01_agents_see_their_own_reviews_team_leaders_their_teams_inspectors_and_directors_all() {
    let mut dev = qa_device(1);
    dev.review(100, REP, nov(20), all(3));
    dev.review(101, REP2, nov(21), all(3));
    dev.review(102, REP_TARDE, nov(19), all(3));
    let sees = |n: u128| qa::visible_reviews(&dev.model, &dev.who(n));
    assert_eq!(sees(REP), vec![id(100)]);
    assert_eq!(sees(REP2), vec![id(101)]);
    assert_eq!(
        sees(LEADER),
        vec![id(101), id(100)],
        "team Mañana, newest first"
    );
    assert_eq!(sees(LEADER_TARDE), vec![id(102)]);
    for n in [INSPECTOR, DIRECTOR, 1] {
        assert_eq!(sees(n), vec![id(101), id(100), id(102)]);
    }
    let mut gone = dev.who(REP);
    gone.active = false;
    assert!(qa::visible_reviews(&dev.model, &gone).is_empty());
}

#[test]
fn r_qa_01_stored_scorecards_and_scores_beyond_the_limits_give_bounded_totals() {
    let crit = |w: u32, critical: bool| ventanilla::domain::qa::Criterion {
        key: format!("k{w}"),
        weight: w,
        critical,
        ..Default::default()
    };
    let wild = Scorecard {
        criteria: (0..500).map(|i| crit(i * 1000, i == 3)).collect(),
        audit: Audit::default(),
        ..Scorecard::default()
    };
    let s: Vec<Score> = (0..500)
        .map(|i| Score {
            criterion: format!("k{}", i * 1000),
            score: Some((i % 9) as u8),
            ..Score::default()
        })
        .collect();
    let t = qa::total(&wild, &s);
    assert!(t.is_none_or(|t| t <= 1000), "{t:?}");
    let zero = Scorecard {
        criteria: vec![crit(0, false)],
        ..Scorecard::default()
    };
    let s0 = vec![Score {
        criterion: "k0".into(),
        score: Some(5),
        ..Score::default()
    }];
    assert_eq!(
        qa::total(&zero, &s0),
        None,
        "a weight of 0 counts for nothing"
    );
    assert_eq!(qa::total(&Scorecard::default(), &s0), None);
}

#[test]
fn r_qa_01_a_low_score_may_name_a_standard_answer_to_train_on_that_exists() {
    let mut dev = qa_device(1);
    let inspector = dev.who(INSPECTOR);
    let mut low = all(3);
    low[0].score = Some(1);
    low[0].train_on = Some(id(77));
    let (e, _) = refused(act::record_review(
        &dev.model,
        &inspector,
        draft(REP, nov(20), low.clone()),
        id(100),
        now(),
    ));
    assert_eq!(e, RuleError::NotFound { what: "answer" });
    dev.model.kb.answers.insert(
        id(77),
        ventanilla::domain::kb::Answer {
            id: id(77),
            ..Default::default()
        },
    );
    let accepted = act::record_review(
        &dev.model,
        &inspector,
        draft(REP, nov(20), low),
        id(100),
        now(),
    );
    dev.save(accepted);
    let review = &dev.model.qa.reviews[&id(100)];
    assert_eq!(review.scores[0].train_on, Some(id(77)));
    assert_eq!(review.scores[1].train_on, None);
}
