//! R-KB-01 and R-KB-02 across devices: what two devices do to the same
//! answer offline is all kept once they meet, through the sync layer's
//! last-writer-wins merge (a use or a wording is a record of its own).

use crate::common::*;
use crate::kb_common::*;
use chrono::Duration;
use ventanilla::domain::kb::{self, act, AnswerStatus};
use ventanilla::domain::Lang;

/// Two devices that both hold answer 100, agreed on the first.
fn pair() -> (Device, Device) {
    let mut a = kb_device(1);
    a.agreed(100, refund());
    let mut b = kb_device(2);
    b.receive(&a);
    assert_eq!(b.model.kb.answers[&id(100)].status, AnswerStatus::InUse);
    (a, b)
}

/// Each device takes in what the other saved (its own come back too:
/// applying an operation twice changes nothing).
fn meet(a: &mut Device, b: &mut Device) {
    a.receive(b);
    b.receive(a);
}

#[test]
fn r_kb_01_uses_and_rewordings_made_offline_on_two_devices_are_all_kept() {
    let (mut a, mut b) = pair();
    a.used(100, 900, now());
    a.used(100, 901, now() + Duration::minutes(1));
    b.used(100, 902, now() + Duration::minutes(2));
    let (da, db) = (a.who(DIRECTOR), b.who(INSPECTOR));
    let mut wa = refund();
    wa.text = "Versión del dispositivo A.".into();
    let mut wb = refund();
    wb.text = "Versión del dispositivo B.".into();
    wb.keywords = vec!["abono".into()];
    let (ta, tb) = (now() + Duration::hours(1), now() + Duration::hours(2));
    a.save(act::edit_answer(&a.model, &da, id(100), wa, id(110), ta));
    b.save(act::edit_answer(&b.model, &db, id(100), wb, id(120), tb));
    meet(&mut a, &mut b);
    for d in [&a, &b] {
        let u = kb::usage_of(&d.model, id(100));
        assert_eq!((u.count, u.last), (3, Some(now() + Duration::minutes(2))));
        let versions: Vec<_> = d
            .model
            .kb
            .versions_of(id(100))
            .iter()
            .map(|v| v.id)
            .collect();
        assert_eq!(versions, vec![id(101), id(110), id(120)], "no wording lost");
        assert_eq!(d.model.kb.current(id(100)).map(|v| v.id), Some(id(120)));
        assert_eq!(kb::used_on_contact(&d.model, id(CONTACT)).len(), 3);
    }
    assert_eq!(
        a.replica.state.to_canonical_json(),
        b.replica.state.to_canonical_json(),
        "both devices hold the same state"
    );
    assert_eq!(a.find("dispositivo", None), b.find("dispositivo", None));
}

#[test]
fn r_kb_02_outdated_on_one_device_while_used_on_another_keeps_the_use_and_hides_it() {
    let (mut a, mut b) = pair();
    let boss = a.who(DIRECTOR);
    a.save(act::mark_outdated(&a.model, &boss, id(100), None, now()));
    b.used(100, 900, now() + Duration::minutes(1));
    meet(&mut a, &mut b);
    for d in [&a, &b] {
        assert_eq!(d.model.kb.answers[&id(100)].status, AnswerStatus::Outdated);
        assert!(d.find("devolucion", None).is_empty());
        assert_eq!(kb::usage_of(&d.model, id(100)).count, 1);
        let used = kb::used_on_contact(&d.model, id(CONTACT));
        assert!(used[0].text.contains("15 días hábiles"));
    }
}

#[test]
fn r_kb_01_the_same_contact_marked_without_an_answer_on_two_devices_is_one_question() {
    let (mut a, mut b) = pair();
    let rep = a.who(REP);
    a.save(act::mark_no_answer(
        &a.model,
        &rep,
        id(CONTACT),
        "¿Y el abono?",
        Lang::Es,
        now(),
    ));
    let other = b.who(4);
    b.save(act::mark_no_answer(
        &b.model,
        &other,
        id(CONTACT),
        "¿Cuándo me abonan?",
        Lang::Es,
        now() + Duration::minutes(1),
    ));
    meet(&mut a, &mut b);
    for d in [&a, &b] {
        assert_eq!(d.model.kb.gaps.len(), 1);
        assert_eq!(kb::next_agenda(&d.model, "", now()).gaps.len(), 1);
    }
    assert_eq!(
        a.model.kb.gaps[&kb::gap_id(id(CONTACT))].question,
        b.model.kb.gaps[&kb::gap_id(id(CONTACT))].question
    );
}

#[test]
fn r_kb_01_wordings_follow_the_edits_not_the_clock_and_a_looping_chain_still_ends() {
    let mut d = kb_device(1);
    d.agreed(100, refund());
    let boss = d.who(DIRECTOR);
    // Two edits stamped with the same instant (a frozen or coarse clock),
    // then one from a device whose clock is a day behind: each still
    // becomes the current wording, in the order made.
    let texts = [
        "Primera corrección.",
        "Segunda corrección.",
        "Tercera corrección.",
    ];
    let times = [now(), now(), now() - Duration::days(1)];
    for (i, (text, at)) in texts.iter().zip(times).enumerate() {
        let mut draft = refund();
        draft.text = (*text).into();
        let version = id(300 + i as u128);
        d.save(act::edit_answer(
            &d.model,
            &boss,
            id(100),
            draft,
            version,
            at,
        ));
        assert_eq!(d.model.kb.current(id(100)).map(|v| v.id), Some(version));
    }
    let order: Vec<String> = d
        .model
        .kb
        .versions_of(id(100))
        .iter()
        .map(|v| v.text.clone())
        .collect();
    assert_eq!(order.len(), 4);
    assert_eq!(&order[1..], texts.map(String::from).as_slice());

    // A stored chain that loops (hostile data) is read without hanging.
    for (v, prev) in [(300u128, 302u128), (302, 301), (301, 300)] {
        if let Some(x) = d.model.kb.versions.get_mut(&id(v)) {
            x.previous = Some(id(prev));
        }
    }
    assert_eq!(d.model.kb.versions_of(id(100)).len(), 4);
    assert!(d.model.kb.current(id(100)).is_some());
}
