//! R-QA-03: the weekly summary drafted from the reviews, and the training
//! plan the inspector sends to the department director.

use crate::common::*;
use crate::dept_common::d;
use crate::qa_common::*;
use chrono::Duration;
use ventanilla::domain::qa::{self, act, plan_id, ItemDraft};
use ventanilla::domain::RuleError;

#[test]
fn r_qa_03_the_weekly_summary_gives_averages_weakest_criteria_and_frequent_causes() {
    let mut dev = qa_device(1);
    // Week of Monday 16 November.
    let mut low = scores([Some(5), Some(2), Some(1), Some(5), Some(5)]);
    low[1].causes = vec!["Prisa".into()];
    low[2].causes = vec!["prisa ".into(), "Jerga".into()];
    dev.review(100, REP, nov(16), low);
    dev.review(101, REP, nov(18), all(4));
    let mut other = scores([Some(5), Some(1), Some(3), Some(5), None]);
    other[1].causes = vec!["Jerga".into(), "Escucha".into()];
    dev.review(102, REP2, nov(22), other);
    dev.review(103, REP_TARDE, nov(15), all(1)); // the week before
    let inspector = dev.who(INSPECTOR);
    let s = qa::weekly_summary(&dev.model, &inspector, nov(19)).expect("for the inspector");
    assert_eq!(s.week, nov(16));
    assert_eq!(s.reviews, 3);
    let agents: Vec<_> = s
        .agents
        .iter()
        .map(|a| (a.agent, a.reviews, a.average))
        .collect();
    // Rep 3: 650 and 750 → 700; rep 4: (1000+0+500+1000)/4 = 625.
    assert_eq!(
        agents,
        vec![(id(REP2), 1, Some(625)), (id(REP), 2, Some(700))]
    );
    let weakest: Vec<_> = s
        .weakest
        .iter()
        .map(|c| (c.key.as_str(), c.average))
        .collect();
    // attitude (250, 750, 0) → 333; tone (0, 750, 500) → 417; answering 875.
    assert_eq!(
        weakest,
        vec![
            ("attitude", Some(333)),
            ("tone", Some(417)),
            ("answering", Some(875))
        ]
    );
    assert_eq!(
        s.causes,
        vec![
            ("Jerga".to_string(), 2),
            ("Prisa".to_string(), 2),
            ("Escucha".to_string(), 1)
        ]
    );
    let (e, rule) = refused(qa::weekly_summary(&dev.model, &dev.who(REP), nov(19)));
    assert_eq!(
        (matches!(e, RuleError::NotAllowed { .. }), rule),
        (true, Some("R-ROL-02"))
    );
    let empty = qa::weekly_summary(&dev.model, &inspector, nov(2)).expect("an empty week");
    assert_eq!(
        (empty.reviews, empty.agents.len(), empty.weakest.len()),
        (0, 0, 0)
    );
}

#[test]
fn r_qa_03_the_plan_goes_to_the_director_who_acknowledges_it_and_people_see_their_training() {
    let mut dev = qa_device(1);
    let inspector = dev.who(INSPECTOR);
    let boss = dev.who(DIRECTOR);
    let plan = plan_id(nov(18));
    assert_eq!(plan, plan_id(nov(16)), "one plan per week");
    // An empty plan is not sent.
    dev.save(act::save_plan(&dev.model, &inspector, nov(18), "", now()));
    let (e, rule) = refused(act::send_plan(&dev.model, &inspector, plan, now()));
    assert_eq!(
        (e, rule),
        (
            RuleError::Required {
                field: "qa_plan_notes"
            },
            Some("R-QA-03")
        )
    );
    dev.save(act::save_plan(
        &dev.model,
        &inspector,
        nov(18),
        "Se corta al cliente; falta resumir.",
        now(),
    ));
    let item = |text: &str, people: Vec<u128>, owner: u128, due| ItemDraft {
        text: text.into(),
        people: people.into_iter().map(id).collect(),
        owner: id(owner),
        due,
    };
    dev.save(act::add_item(
        &dev.model,
        &inspector,
        plan,
        &item("Escucha activa", vec![], LEADER, nov(25)),
        id(700),
        now(),
    ));
    dev.save(act::add_item(
        &dev.model,
        &inspector,
        plan,
        &item("Resumir la necesidad", vec![REP, REP], INSPECTOR, nov(23)),
        id(701),
        now(),
    ));
    assert_eq!(dev.model.qa.items[&id(701)].people, vec![id(REP)]);
    for (d, field) in [
        (item("", vec![], LEADER, nov(25)), "qa_item_text"),
        (item("x", vec![], LEADER, nov(15)), "qa_item_due"),
        (item("x", vec![], LEADER, d(2027, 12, 1)), "qa_item_due"),
        (
            item("x", (0..101).map(|_| REP).collect(), LEADER, nov(25)),
            "qa_item_people",
        ),
    ] {
        let (e, rule) = refused(act::add_item(
            &dev.model,
            &inspector,
            plan,
            &d,
            id(702),
            now(),
        ));
        assert_eq!((e.field(), rule), (Some(field), Some("R-QA-03")), "{e:?}");
    }
    let (e, _) = refused(act::add_item(
        &dev.model,
        &inspector,
        plan,
        &item("x", vec![999], LEADER, nov(25)),
        id(702),
        now(),
    ));
    assert_eq!(e, RuleError::NotFound { what: "staff" });
    let (e, _) = refused(act::add_item(
        &dev.model,
        &dev.who(REP),
        plan,
        &item("x", vec![], LEADER, nov(25)),
        id(702),
        now(),
    ));
    assert!(matches!(e, RuleError::NotAllowed { .. }));
    // Not sent: nobody has it on Today yet.
    assert!(qa::training_for(&dev.model, id(REP), nov(22)).is_empty());
    let (e, rule) = refused(act::acknowledge_plan(&dev.model, &boss, plan, now()));
    assert_eq!((e.field(), rule), (Some("qa_plan"), Some("R-QA-03")));
    dev.save(act::send_plan(&dev.model, &inspector, plan, now()));
    assert_eq!(qa::plans_to_acknowledge(&dev.model, &boss), vec![plan]);
    assert!(qa::plans_to_acknowledge(&dev.model, &inspector).is_empty());
    let (e, _) = refused(act::acknowledge_plan(&dev.model, &inspector, plan, now()));
    assert!(matches!(e, RuleError::NotAllowed { .. }));
    dev.save(act::acknowledge_plan(
        &dev.model,
        &boss,
        plan,
        now() + Duration::hours(1),
    ));
    let p = &dev.model.qa.plans[&plan];
    assert_eq!(
        (p.acknowledged_by, p.sent_by),
        (Some(id(DIRECTOR)), Some(id(INSPECTOR)))
    );
    assert!(qa::plans_to_acknowledge(&dev.model, &boss).is_empty());
    // Training on Today: rep 3 both, rep 4 the one for everyone, the
    // leader runs "Escucha activa".
    assert_eq!(
        qa::training_for(&dev.model, id(REP), nov(22)),
        vec![id(701), id(700)]
    );
    assert_eq!(
        qa::training_for(&dev.model, id(REP2), nov(22)),
        vec![id(700)]
    );
    assert_eq!(
        qa::training_for(&dev.model, id(LEADER), nov(22)),
        vec![id(700)]
    );
    // Past its day it drops off a participant's list, not its owner's.
    assert_eq!(
        qa::training_for(&dev.model, id(REP), nov(24)),
        vec![id(700)]
    );
    assert_eq!(
        qa::training_for(&dev.model, id(INSPECTOR), nov(24)),
        vec![id(701), id(700)]
    );
    let leader = dev.who(LEADER);
    dev.save(act::complete_item(&dev.model, &leader, id(700), now()));
    assert_eq!(
        qa::training_for(&dev.model, id(REP2), nov(22)),
        Vec::<ventanilla::sync::RecordId>::new()
    );
    let (e, _) = refused(act::complete_item(
        &dev.model,
        &dev.who(REP),
        id(701),
        now(),
    ));
    assert!(matches!(e, RuleError::NotAllowed { .. }));
    dev.save(act::remove_item(&dev.model, &inspector, id(701)));
    assert!(!dev.model.qa.items.contains_key(&id(701)));
}
