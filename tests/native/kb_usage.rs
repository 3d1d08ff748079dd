//! R-KB-01 and R-KB-02 over time: each answer's uses and the last one,
//! answers in use nobody used for 90 days (for review), and the questions
//! without an answer that make the next weekly meeting's agenda.

use crate::common::*;
use crate::kb_common::*;
use chrono::Duration;
use ventanilla::domain::contact::Category;
use ventanilla::domain::kb::{self, act};
use ventanilla::domain::{Lang, RuleError};

#[test]
fn r_kb_01_each_answer_counts_its_uses_and_the_last_one() {
    let mut d = kb_device(1);
    d.agreed(100, refund());
    d.agreed(110, refund());
    assert_eq!(kb::usage_of(&d.model, id(100)), kb::Usage::default());
    d.used(100, 900, now());
    d.used(100, 901, now() + Duration::hours(2));
    d.used(110, 902, now() + Duration::hours(1));
    let u = kb::usage_of(&d.model, id(100));
    assert_eq!((u.count, u.last), (2, Some(now() + Duration::hours(2))));
    assert_eq!(kb::usage_of(&d.model, id(110)).count, 1);
    let rep = d.who(REP);
    let (e, _) = refused(act::use_answer(
        &d.model,
        &rep,
        id(100),
        Some(id(77)),
        id(903),
        now(),
    ));
    assert_eq!(e, RuleError::NotFound { what: "contact" });
    // Used without a contact (read out on the phone): counted, on no contact.
    d.save(act::use_answer(
        &d.model,
        &rep,
        id(110),
        None,
        id(904),
        now(),
    ));
    assert_eq!(kb::usage_of(&d.model, id(110)).count, 2);
    assert_eq!(kb::used_on_contact(&d.model, id(CONTACT)).len(), 3);
}

#[test]
fn r_kb_02_answers_in_use_unused_for_90_days_are_listed_for_review() {
    let mut d = kb_device(1);
    for n in [100, 110, 120, 130] {
        d.agreed(n, refund());
    }
    d.used(100, 900, now());
    d.used(110, 901, now() + Duration::days(2));
    let rep = d.who(REP);
    d.save(act::draft_answer(&d.model, &rep, refund(), ids(140), now()));
    let boss = d.who(DIRECTOR);
    d.save(act::mark_outdated(&d.model, &boss, id(130), None, now()));
    assert!(kb::unused_for_review(&d.model, now() + Duration::days(89)).is_empty());
    // 120 was never used: it counts from its agreement, like 100's use.
    assert_eq!(
        kb::unused_for_review(&d.model, now() + Duration::days(91)),
        vec![id(100), id(120)]
    );
    assert_eq!(
        kb::unused_for_review(&d.model, now() + Duration::days(93)),
        vec![id(100), id(120), id(110)]
    );
    assert_eq!(kb::REVIEW_AFTER_DAYS, 90);
    // A date at the edge of what the records allow does not panic.
    let edge = chrono::DateTime::<chrono::Utc>::MIN_UTC;
    assert!(kb::unused_for_review(&d.model, edge).is_empty());
}

#[test]
fn r_kb_01_a_question_without_an_answer_is_on_the_next_weekly_agenda_until_agreed() {
    let mut d = kb_device(1);
    let rep = d.who(REP);
    d.save(act::mark_no_answer(
        &d.model,
        &rep,
        id(CONTACT),
        "  ",
        Lang::Es,
        now(),
    ));
    let gap = kb::gap_id(id(CONTACT));
    let g = &d.model.kb.gaps[&gap];
    assert_eq!(
        g.question,
        "¿Por qué no ha llegado mi devolución en 15 días?"
    );
    assert_eq!(g.category, Category::Claim);
    let agenda = kb::next_agenda(&d.model, "Mañana", now());
    assert_eq!(
        (agenda.meeting, agenda.gaps.clone()),
        (Some(id(NEXT)), vec![gap])
    );
    // Marking it again is the same record.
    d.save(act::mark_no_answer(
        &d.model,
        &rep,
        id(CONTACT),
        "",
        Lang::Es,
        now(),
    ));
    assert_eq!(d.model.kb.gaps.len(), 1);
    // Drafted from the question; agreeing at a meeting still to come is refused.
    let mut from = refund();
    from.gap = Some(gap);
    d.save(act::draft_answer(&d.model, &rep, from, ids(100), now()));
    assert_eq!(kb::next_agenda(&d.model, "Mañana", now()).gaps, vec![gap]);
    let boss = d.who(DIRECTOR);
    let (e, rule) = refused(act::agree_answer(&d.model, &boss, id(100), id(NEXT), now()));
    assert_eq!(
        e,
        RuleError::InvalidDate {
            field: "agreed_meeting"
        }
    );
    assert_eq!(rule, Some("R-KB-01"));
    let at_meeting = now() + Duration::days(2);
    d.save(act::agree_answer(
        &d.model,
        &boss,
        id(100),
        id(NEXT),
        at_meeting,
    ));
    assert_eq!(kb::gap_answer(&d.model, gap), Some(id(100)));
    assert!(kb::next_agenda(&d.model, "Mañana", now()).gaps.is_empty());
    assert_eq!(
        d.find("devolucion", None),
        vec![id(100)],
        "in use for everyone"
    );
    // Another question: an agent may not set it aside, the inspector may.
    let mut other = d.model.contacts[&id(CONTACT)].clone();
    other.id = id(31);
    put(&mut d.model, &other);
    d.save(act::mark_no_answer(
        &d.model,
        &rep,
        id(31),
        "¿Y el envío?",
        Lang::Es,
        now(),
    ));
    let gap2 = kb::gap_id(id(31));
    assert_eq!(kb::next_agenda(&d.model, "", now()).gaps, vec![gap2]);
    refused(act::dismiss_gap(&d.model, &rep, gap2, now()));
    let qa = d.who(INSPECTOR);
    d.save(act::dismiss_gap(&d.model, &qa, gap2, now()));
    assert!(kb::next_agenda(&d.model, "", now()).gaps.is_empty());
    let (e, _) = refused(act::mark_no_answer(
        &d.model,
        &rep,
        id(77),
        "x",
        Lang::Es,
        now(),
    ));
    assert_eq!(e, RuleError::NotFound { what: "contact" });
}
