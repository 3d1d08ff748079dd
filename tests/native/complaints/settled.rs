//! R-CMP-01, for Today's speed: the model keeps the complaints whose steps
//! do not plainly close them (`complaint::records::plainly_closed`), and
//! Today replays only those. Sound only if "plainly closed" never says so of
//! a complaint the replay would find open or in conflict: proven here over
//! random steps (plain chains with random changes, and random soups), fed
//! to the model in any order, some of them deleted again. Today keeps each
//! replay until its complaint or a step changes: the kept replay is proven
//! to be the replay of the steps held at the end.

use super::min;
use crate::common::*;
use chrono::Duration;
use proptest::prelude::*;
use ventanilla::domain::base::record::Record;
use ventanilla::domain::complaint::*;
use ventanilla::domain::Model;
use ventanilla::sync::RecordId;

const C: u128 = 900;

/// A step as the test draws it; ids and times are given when placed.
#[derive(Clone, Debug)]
enum Draw {
    Judged(bool),
    Investigated,
    Proposed,
    /// Chooses the n-th proposal made so far (or an id nobody proposed).
    Chosen(usize),
    Implemented,
    Evaluated,
    Reply,
    Reopened(Stage),
    Resolved,
    Unknown,
}

fn data(d: &Draw, proposals: &[RecordId], earlier: &[RecordId]) -> EventData {
    match d {
        Draw::Judged(founded) => EventData::Judged(Judgement {
            founded: *founded,
            department: "Almacén".into(),
            ..Judgement::default()
        }),
        Draw::Investigated => EventData::Investigated(Investigation::default()),
        Draw::Proposed => EventData::PlanProposed(Plan {
            proposal: "Reponer".into(),
        }),
        Draw::Chosen(n) => EventData::PlanChosen {
            plan: proposals.get(*n).copied().unwrap_or(id(12_345)),
        },
        Draw::Implemented => EventData::Implemented(Implementation::default()),
        Draw::Evaluated => EventData::Evaluated(Evaluation::default()),
        Draw::Reply => EventData::ReplyRecorded {
            reply: "Respuesta".into(),
        },
        Draw::Reopened(from) => EventData::Reopened {
            from: *from,
            reason: "Otra vez".into(),
        },
        Draw::Resolved => EventData::Resolved {
            keep: earlier.first().copied(),
            overrule: earlier.iter().skip(1).copied().collect(),
        },
        Draw::Unknown => EventData::Unknown,
    }
}

fn draw() -> impl Strategy<Value = Draw> {
    prop_oneof![
        any::<bool>().prop_map(Draw::Judged),
        Just(Draw::Investigated),
        Just(Draw::Proposed),
        (0usize..3).prop_map(Draw::Chosen),
        Just(Draw::Implemented),
        Just(Draw::Evaluated),
        Just(Draw::Reply),
        prop::sample::select(Stage::ALL.to_vec()).prop_map(Draw::Reopened),
        Just(Draw::Resolved),
        Just(Draw::Unknown),
    ]
}

/// A founded complaint's plain chain, judged to evaluated.
fn founded_chain() -> Vec<Draw> {
    vec![
        Draw::Judged(true),
        Draw::Investigated,
        Draw::Proposed,
        Draw::Chosen(0),
        Draw::Implemented,
        Draw::Evaluated,
    ]
}

/// A plain chain (founded or not) with up to three random changes: a step
/// put in, a step taken out, two steps swapped.
fn near_plain() -> impl Strategy<Value = Vec<Draw>> {
    let founded = founded_chain();
    let unfounded = vec![Draw::Judged(false), Draw::Reply];
    (
        prop::sample::select(vec![founded, unfounded]),
        prop::collection::vec((0usize..3, 0usize..8, 0usize..8, draw()), 0..4),
    )
        .prop_map(|(mut steps, changes)| {
            for (what, i, j, extra) in changes {
                let n = steps.len();
                match what {
                    0 => steps.insert(i % (n + 1), extra),
                    1 if n > 0 => {
                        steps.remove(i % n);
                    }
                    _ if n > 0 => steps.swap(i % n, j % n),
                    _ => {}
                }
            }
            steps
        })
}

/// The steps placed: ids 1000.., times a few minutes apart, some equal
/// (then the id orders them, as the replay does).
fn placed(draws: &[Draw], gaps: &[i64]) -> Vec<ComplaintEvent> {
    let mut out: Vec<ComplaintEvent> = Vec::new();
    let mut proposals = Vec::new();
    let mut at = min(0);
    for (i, d) in draws.iter().enumerate() {
        at += Duration::minutes(gaps.get(i).copied().unwrap_or(1));
        let event_id = id(1000 + i as u128);
        let earlier: Vec<RecordId> = out.iter().rev().take(2).map(|e| e.id).collect();
        let e = ComplaintEvent::new(event_id, id(C), data(d, &proposals, &earlier), id(1), at);
        if matches!(d, Draw::Proposed) {
            proposals.push(event_id);
        }
        out.push(e);
    }
    out
}

fn complaint() -> Complaint {
    Complaint {
        id: id(C),
        received_at: min(0),
        owner: id(1),
        ..Complaint::default()
    }
}

fn unsettled(model: &Model) -> bool {
    model.unsettled_complaints().any(|c| c.id == id(C))
}

fn check(steps: &[ComplaintEvent], order: &[usize], deleted: &[usize]) {
    let mut model = Model::default();
    // The steps, then the complaint, in the drawn order: the index may not
    // depend on what arrived first.
    let mut complaint_placed = false;
    for &i in order {
        if i >= steps.len() {
            if !complaint_placed {
                put(&mut model, &complaint());
                complaint_placed = true;
            }
            continue;
        }
        put(&mut model, &steps[i]);
        // Today asks between arrivals: its kept replays must follow.
        let _ = model.unsettled_replays();
    }
    if !complaint_placed {
        put(&mut model, &complaint());
    }
    for &i in deleted {
        if let Some(e) = steps.get(i) {
            let _ = model.unsettled_replays();
            model.refresh(ComplaintEvent::KIND, e.id, None);
        }
    }
    let view = history(&model, id(C)).expect("the complaint is there");
    // The replay Today keeps is the replay of the steps held now.
    let kept = model.unsettled_replays();
    if let Some(kept) = kept.iter().find(|v| v.complaint.id == id(C)) {
        assert_eq!(**kept, view, "a kept replay outlived a change of its steps");
    }
    if let Some(kept) = model.unsettled_replay(id(C)) {
        assert_eq!(*kept, view, "Today's card shows an outlived replay");
    }
    if !unsettled(&model) {
        assert!(
            view.closed && view.conflicts.is_empty(),
            "left out of Today's replay, yet the replay says closed {} with conflicts {:?}: {:?}",
            view.closed,
            view.conflicts,
            view.timeline
                .iter()
                .map(|t| t.event.data.code())
                .collect::<Vec<_>>()
        );
    }
    // The index says what the steps held now say, whatever came first.
    let held = events_of(&model, id(C));
    assert_eq!(unsettled(&model), !plainly_closed(&held));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn r_cmp_01_a_complaint_left_out_of_todays_replay_is_closed_without_conflict(
        draws in prop_oneof![near_plain(), prop::collection::vec(draw(), 0..9)],
        gaps in prop::collection::vec(0i64..3, 0..12),
        order in Just((0usize..13).collect::<Vec<_>>()).prop_shuffle(),
        deleted in prop::collection::vec(0usize..12, 0..2),
    ) {
        let steps = placed(&draws, &gaps);
        check(&steps, &order, &deleted);
    }
}

#[test]
fn r_cmp_01_plain_chains_are_settled_and_a_reopening_unsettles_them() {
    let founded = founded_chain();
    for (draws, settled) in [
        (founded.to_vec(), true),
        (vec![Draw::Judged(false), Draw::Reply], true),
        (founded[..5].to_vec(), false),
        (vec![Draw::Judged(false)], false),
        (
            [founded.to_vec(), vec![Draw::Reopened(Stage::Evaluated)]].concat(),
            false,
        ),
        ([founded.to_vec(), vec![Draw::Evaluated]].concat(), false),
    ] {
        let steps = placed(&draws, &[]);
        let mut model = Model::default();
        put(&mut model, &complaint());
        for s in &steps {
            put(&mut model, s);
        }
        assert_eq!(!unsettled(&model), settled, "{draws:?}");
        if settled {
            assert!(history(&model, id(C)).is_ok_and(|v| v.closed), "{draws:?}");
        }
    }
}
