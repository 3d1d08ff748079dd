//! Demo and benchmark data. The demo is a recent month of a small center,
//! made through the rules (nothing they refuse), in the language it is
//! loaded in, with something in every area on any day it is loaded;
//! clearing it removes exactly what it made. The benchmark set is fast
//! enough for 20,000 / 100,000.

use crate::common::*;
use chrono::{DateTime, Datelike, Duration, Utc};
use std::collections::{BTreeMap, BTreeSet};
use ventanilla::domain::base::record::tombstone;
use ventanilla::domain::complaint::{self, Severity, Stage};
use ventanilla::domain::contact::{Channel, ContactStatus};
use ventanilla::domain::customer::CustomerKind;
use ventanilla::domain::demo::{build, demo_ids, large_writes};
use ventanilla::domain::dept::leave_status::{self, LeaveStatus};
use ventanilla::domain::dept::swap_status::{self, SwapStatus};
use ventanilla::domain::dept::teams::entry_id;
use ventanilla::domain::escalation::{self, StepKind};
use ventanilla::domain::schema::check_writes;
use ventanilla::domain::staff::{self, Role};
use ventanilla::domain::visits::{self, VisitReason, VisitStatus};
use ventanilla::domain::{Lang, Model};
use ventanilla::sync::{RecordId, Write};

/// Folds writes into one JSON object per entity and refreshes the model,
/// keeping what each entity already holds.
pub(crate) fn load(
    model: &mut Model,
    objects: &mut BTreeMap<(String, RecordId), serde_json::Value>,
    writes: &[Write],
) {
    let mut touched = BTreeSet::new();
    for w in writes {
        let o = objects
            .entry((w.kind.clone(), w.id))
            .or_insert_with(|| serde_json::json!({}));
        o[w.field.as_str()] = w.value.clone();
        touched.insert((w.kind.clone(), w.id));
    }
    for key in touched {
        model.refresh(&key.0, key.1, objects.get(&key));
    }
}

/// A new organisation in `zone`, its first person (the center director,
/// id 1) made a year before `now`.
pub(crate) fn org(
    zone: &str,
    now: DateTime<Utc>,
) -> (Model, BTreeMap<(String, RecordId), serde_json::Value>) {
    let mut m = Model::default();
    let mut objects = BTreeMap::new();
    let writes = staff::act::setup_organisation(
        "Tienda Centro",
        zone,
        "Ana Directora",
        id(100),
        id(1),
        now - Duration::days(365),
    )
    .expect("a valid organisation");
    load(&mut m, &mut objects, &writes);
    (m, objects)
}

/// Loads the demo into a new organisation; fails on any refused step.
pub(crate) fn loaded(lang: Lang, zone: &str, now: DateTime<Utc>) -> (Model, Vec<Write>) {
    let (mut m, mut objects) = org(zone, now);
    let demo = build(&m, id(1), lang, now, 7);
    assert_eq!(demo.refused, vec![], "{lang:?} {zone} {now}: refused steps");
    assert_eq!(check_writes(&demo.writes), Ok(()), "{lang:?} {now}");
    load(&mut m, &mut objects, &demo.writes);
    (m, demo.writes)
}

const STOP_ES: &[&str] = &[
    "el", "la", "los", "las", "de", "del", "que", "con", "por", "para", "y", "una",
];
const STOP_EN: &[&str] = &[
    "the", "and", "to", "of", "with", "for", "was", "is", "on", "their",
];

/// Every text the demo wrote is in `lang`: no sentence of it holds a
/// common word of the other language.
fn all_in(lang: Lang, writes: &[Write]) {
    let foreign = match lang {
        Lang::Es => STOP_EN,
        Lang::En => STOP_ES,
    };
    let mut texts = BTreeSet::new();
    for w in writes {
        let mut stack = vec![&w.value];
        while let Some(v) = stack.pop() {
            match v {
                serde_json::Value::String(s) if s.contains(' ') => {
                    texts.insert(s.clone());
                }
                serde_json::Value::Array(a) => stack.extend(a),
                serde_json::Value::Object(o) => stack.extend(o.values()),
                _ => {}
            }
        }
    }
    assert!(texts.len() > 100, "{}", texts.len());
    for t in &texts {
        let words: Vec<String> = t
            .split(|c: char| !c.is_alphanumeric())
            .map(|w| w.to_lowercase())
            .collect();
        assert!(
            !words.iter().any(|w| foreign.contains(&w.as_str())),
            "{lang:?} demo holds {t:?}"
        );
    }
}

/// Something in every area, and on the Today of the person who loaded it.
fn every_area(m: &Model, now: DateTime<Utc>, what: &str) {
    let zone = m.zone();
    let today = zone.local_date(now);
    let me = id(1);
    // People: representatives and leaders, so queues look real.
    let roles: BTreeSet<Role> = m
        .staff
        .values()
        .filter(|s| s.demo)
        .map(|s| s.role)
        .collect();
    for r in [
        Role::Representative,
        Role::TeamLeader,
        Role::DepartmentDirector,
        Role::QualityInspector,
    ] {
        assert!(roles.contains(&r), "{what}: {r:?}");
    }
    assert!(
        m.staff
            .values()
            .filter(|s| s.role == Role::Representative)
            .count()
            >= 6
    );
    // Customers: members, birthdays, cards expiring within 30 days.
    let customers: Vec<_> = m.customers.values().collect();
    assert!(customers.len() >= 100, "{what}");
    assert!(customers.iter().all(|c| c.demo && c.specialist.is_some()));
    assert!(customers.iter().any(|c| c.kind == CustomerKind::Member));
    assert!(customers.iter().filter(|c| c.birthday.is_some()).count() > 20);
    assert!(customers.iter().any(|c| c
        .card_expiry
        .is_some_and(|e| e >= today && e <= today + Duration::days(30))));
    assert!(
        !ventanilla::domain::customer::overdue_first_contacts(m, None, now).is_empty(),
        "{what}"
    );
    // Contacts on every channel, in every state, none in the future.
    for ch in Channel::ALL {
        assert!(
            m.contacts.values().any(|c| c.channel == *ch),
            "{what}: {ch:?}"
        );
    }
    for st in ContactStatus::ALL {
        assert!(
            m.contacts.values().any(|c| c.status == *st),
            "{what}: {st:?}"
        );
    }
    assert!(m
        .contacts
        .values()
        .all(|c| c.received_at <= now && c.audit.created_at <= now));
    // Complaints at every stage, one overdue, one serious, one unfounded.
    let views = complaint::all_views(m);
    for stage in Stage::ALL {
        assert!(
            views.iter().any(|v| v.stage == *stage && !v.closed) || *stage == Stage::Evaluated,
            "{what}: {stage:?}"
        );
    }
    assert!(
        views.iter().any(|v| v.closed && v.founded() == Some(true)),
        "{what}"
    );
    assert!(
        views.iter().any(|v| v.closed && v.reply.is_some()),
        "{what}"
    );
    assert!(views.iter().any(|v| v.is_overdue(now, zone)), "{what}");
    assert!(
        views
            .iter()
            .any(|v| !v.closed && v.severity() == Some(Severity::Serious)),
        "{what}"
    );
    // An escalation with an instruction.
    assert!(m.escalations.keys().any(|e| escalation::chain(m, *e)
        .is_ok_and(|v| v.steps.iter().any(|s| s.kind == StepKind::Instruction))));
    // Return visits of every reason, done, due and overdue.
    for r in VisitReason::ALL {
        assert!(m.visits.values().any(|v| v.reason == *r), "{what}: {r:?}");
    }
    let done = m
        .visits
        .values()
        .filter(|v| v.status == VisitStatus::Done)
        .count();
    let open: Vec<_> = m
        .visits
        .values()
        .filter(|v| v.is_open() && v.due <= today)
        .collect();
    assert!(done >= 10, "{what}: {done} done");
    assert!(
        open.iter().any(|v| visits::is_overdue(m, v, today)),
        "{what}: overdue"
    );
    assert!(
        open.iter().any(|v| !visits::is_overdue(m, v, today)),
        "{what}: due"
    );
    // A week of roster for both teams, leave and swaps in each state.
    let week = ventanilla::domain::base::zone::week_start(today);
    for s in m
        .staff
        .values()
        .filter(|s| s.demo && s.role == Role::Representative)
    {
        for d in 0..7 {
            assert!(
                m.dept
                    .roster
                    .contains_key(&entry_id(s.id, week + Duration::days(d))),
                "{what}"
            );
        }
    }
    let leave: BTreeSet<_> = m
        .dept
        .leaves
        .values()
        .map(|l| format!("{:?}", leave_status::status(m, l)))
        .collect();
    assert!(
        leave.contains("Approved") && leave.contains("Pending"),
        "{what}: {leave:?}"
    );
    let swaps: Vec<_> = m.dept.swaps.values().collect();
    assert!(
        swaps
            .iter()
            .any(|s| swap_status::status(m, s) == SwapStatus::Approved),
        "{what}"
    );
    assert!(
        swaps.iter().any(
            |s| swap_status::status(m, s) == SwapStatus::Pending && swap_status::agreed(m, s).0
        ),
        "{what}"
    );
    assert!(
        !m.dept.handovers.is_empty() && !m.dept.announcements.is_empty(),
        "{what}"
    );
    assert!(
        m.dept
            .meetings
            .values()
            .any(|x| x.held && !x.minutes.is_empty()),
        "{what}"
    );
    assert!(m.dept.decisions.len() >= 3, "{what}");
    assert!(!m.dept.attendance.is_empty(), "{what}");
    // R-KB-01: the weekly meeting agreed standard answers (when it has been
    // held by now), used since, and a question waits for the next one.
    let held = m
        .dept
        .meetings
        .values()
        .any(|x| x.held && x.kind == ventanilla::domain::dept::MeetingKind::Weekly);
    if held {
        let in_use =
            m.kb.answers
                .values()
                .filter(|a| a.demo && a.status == ventanilla::domain::kb::AnswerStatus::InUse)
                .count();
        assert_eq!(in_use, 28, "{what}: answers in use");
        assert!(m.kb.gaps.values().all(|g| g.demo), "{what}");
        assert!(
            !m.kb.gaps.is_empty(),
            "{what}: a question without an answer"
        );
    }
    crate::demo_quality::kb_and_qa_in_place(m, now, what);
    // Service standards: the departments adopted (one left to adopt), a
    // standard each, figures this period or the one before, and an audit
    // with an open, an overdue and a done action.
    let s = &m.standards;
    assert_eq!((s.departments.len(), s.standards.len()), (4, 4), "{what}");
    assert!(
        !ventanilla::domain::standards::department_candidates(m).is_empty(),
        "{what}"
    );
    let standing = ventanilla::domain::standards::standing(m, today, now);
    assert!(
        standing
            .iter()
            .flat_map(|d| &d.lines)
            .any(|l| l.denominator > 0 || l.previous.is_some()),
        "{what}: compliance figures"
    );
    assert_eq!(
        (s.audits.len(), s.findings.len(), s.actions.len()),
        (1, 2, 3),
        "{what}"
    );
    let boss = s
        .audits
        .values()
        .map(|a| a.auditor)
        .next()
        .and_then(|a| m.staff.get(&a));
    let boss = boss.expect("the auditor");
    assert!(
        !ventanilla::domain::standards::overdue_actions(m, boss, today).is_empty(),
        "{what}"
    );
    assert_eq!(
        ventanilla::domain::standards::to_verify(m, boss.id).len(),
        1,
        "{what}"
    );
    // The person who loaded it has work on Today.
    let t = m.today(me, now);
    assert!(!t.open_contacts.is_empty(), "{what}: contacts");
    assert!(!t.serious_complaints.is_empty(), "{what}: serious");
    assert!(!t.escalations.is_empty(), "{what}: escalations");
    assert!(
        !t.dept.unread_announcements.is_empty(),
        "{what}: announcements"
    );
    assert!(!t.dept.tasks.is_empty(), "{what}: decisions");
    assert!(!t.dept.leave_to_decide.is_empty(), "{what}: leave");
    assert!(!t.dept.swaps_to_decide.is_empty(), "{what}: swaps");
    assert!(
        !t.overdue_visits.is_empty() || !t.due_visits.is_empty(),
        "{what}: visits"
    );
    let _ = LeaveStatus::Pending;
}

#[test]
fn demo_data_passes_the_rules_and_fills_every_area_in_both_languages_on_any_day() {
    let days = [
        at(2026, 11, 22, 10, 0),  // a Sunday morning
        at(2026, 11, 23, 6, 0),   // a Monday before opening
        at(2026, 6, 1, 12, 0),    // a month's first day (a Monday)
        at(2026, 3, 1, 17, 0),    // a month's first day (a Sunday)
        at(2026, 3, 30, 9, 0),    // the Monday after the clocks went forward
        at(2028, 2, 29, 16, 0),   // a leap day
        at(2026, 12, 31, 22, 45), // a year's last night, after closing
    ];
    for now in days {
        for lang in [Lang::Es, Lang::En] {
            let (m, writes) = loaded(lang, "Europe/Madrid", now);
            every_area(&m, now, &format!("{lang:?} {now} ({})", now.weekday()));
            all_in(lang, &writes);
        }
    }
    let now = at(2026, 11, 2, 15, 0);
    let (m, _) = loaded(Lang::En, "America/New_York", now);
    every_area(&m, now, "New York");
}

#[test]
fn demo_data_is_deterministic_and_only_its_ids_come_from_the_seed() {
    let now = now();
    let (m, _) = org("Europe/Madrid", now);
    let a = build(&m, id(1), Lang::Es, now, 7);
    assert_eq!(
        a,
        build(&m, id(1), Lang::Es, now, 7),
        "same seed, same data"
    );
    let b = build(&m, id(1), Lang::Es, now, 8);
    // A week's plan and a month's report have ids derived from the week and
    // the month, a department from its name: the same on every device,
    // whatever the seed.
    let derived = ["qa_plan", "qa_report", "std_department"];
    let ids = |w: &[Write]| {
        w.iter()
            .filter(|w| !derived.contains(&w.kind.as_str()))
            .map(|w| w.id)
            .collect::<BTreeSet<_>>()
    };
    assert!(
        ids(&a.writes).is_disjoint(&ids(&b.writes)),
        "another seed, new ids"
    );
    let texts = |w: &[Write]| {
        let mut v: Vec<String> = w
            .iter()
            .filter(|w| {
                ["summary", "name", "content", "unhappy_with", "title"].contains(&w.field.as_str())
            })
            .map(|w| w.value.to_string())
            .collect();
        v.sort();
        v
    };
    assert_eq!(texts(&a.writes), texts(&b.writes), "the same story");
    assert_eq!(a.writes.len(), b.writes.len());
}

#[test]
fn clearing_demo_data_removes_exactly_the_demo_records() {
    let now = now();
    let (mut m, mut objects) = org("Europe/Madrid", now);
    // The user's own records, and a team named like the demo's.
    let mut mine = customer(500, "Cliente real");
    mine.audit = ventanilla::domain::Audit::new(id(1), now - Duration::days(3));
    put(&mut m, &mine);
    put(
        &mut m,
        &staff(2, "Javier Líder", Role::TeamLeader, &["empresas"]),
    );
    let team = ventanilla::domain::dept::Team {
        id: id(600),
        name: "Mañana".into(),
        audit: ventanilla::domain::Audit::new(id(1), now),
        ..Default::default()
    };
    put(&mut m, &team);
    let before = m.clone();
    let demo = build(&m, id(1), Lang::Es, now, 7);
    assert_eq!(demo.refused, vec![]);
    assert!(
        demo.writes.iter().all(|w| !before.holds(&w.kind, w.id)),
        "the demo writes only its own records"
    );
    load(&mut m, &mut objects, &demo.writes);
    // Someone reads a demo announcement and approves a demo leave: those
    // hang from demo records and go with them.
    let announcement = *m.dept.announcements.keys().next().expect("an announcement");
    let read = ventanilla::domain::dept::act::mark_read(&m, &person(&m, 2), announcement, now)
        .expect("read");
    load(&mut m, &mut objects, &read);
    // The user's own review, scored with the demo's current scorecard
    // version: clearing keeps that version, or its total is lost.
    let version =
        m.qa.current(ventanilla::domain::qa::standard_card_id())
            .expect("the demo's scorecard")
            .id;
    let own_review = ventanilla::domain::qa::Review {
        id: id(700),
        agent: id(2),
        inspector: id(1),
        date: m.zone().local_date(now),
        scorecard: version,
        audit: ventanilla::domain::Audit::new(id(1), now),
        ..Default::default()
    };
    put(&mut m, &own_review);
    let ids = demo_ids(&m);
    assert!(ids.len() > 1000);
    for (kind, rid) in ids {
        let t = tombstone(kind, rid);
        load(&mut m, &mut objects, &[t]);
    }
    assert_eq!(
        m.customers.keys().copied().collect::<Vec<_>>(),
        vec![id(500)]
    );
    assert_eq!(
        m.staff.keys().copied().collect::<BTreeSet<_>>(),
        BTreeSet::from([id(1), id(2)])
    );
    assert_eq!(
        m.dept.teams.keys().copied().collect::<Vec<_>>(),
        vec![id(600)]
    );
    assert!(m.contacts.is_empty() && m.complaints.is_empty() && m.complaint_events.is_empty());
    assert!(m.escalations.is_empty() && m.escalation_steps.is_empty() && m.visits.is_empty());
    assert!(m.rv.attempts.is_empty() && m.rv.campaigns.is_empty() && m.rv.tasks.is_empty());
    let d = &m.dept;
    assert!(d.shift_defs.is_empty() && d.roster.is_empty() && d.profiles.is_empty());
    assert!(
        d.leaves.is_empty()
            && d.approvals.is_empty()
            && d.swaps.is_empty()
            && d.attendance.is_empty()
    );
    assert!(d.handovers.is_empty() && d.announcements.is_empty() && d.receipts.is_empty());
    assert!(d.meetings.is_empty() && d.decisions.is_empty());
    let q = &m.qa;
    assert_eq!(q.reviews.keys().copied().collect::<Vec<_>>(), vec![id(700)]);
    assert_eq!(
        q.scorecards.keys().copied().collect::<Vec<_>>(),
        vec![version]
    );
    assert!(q.replies.is_empty());
    assert!(q.rulings.is_empty() && q.plans.is_empty() && q.items.is_empty());
    assert!(q.reports.is_empty());
    let s = &m.standards;
    assert!(s.departments.is_empty() && s.standards.is_empty() && s.audits.is_empty());
    assert!(s.findings.is_empty() && s.actions.is_empty());
    // Loaded again, it is all there again (new records, not the cleared ones).
    let again = build(&m, id(1), Lang::Es, now, 9);
    assert_eq!(again.refused, vec![]);
    load(&mut m, &mut objects, &again.writes);
    assert!(m.customers.len() > 100 && m.dept.roster.len() > 100);
    // The week's plan and the month's report come back under their ids.
    assert!(m.qa.reviews.len() > 20 && m.qa.plans.len() == 1 && m.qa.reports.len() == 1);
    // The departments come back under the ids their names give, visible
    // again, with their standards and the audit.
    let s = &m.standards;
    assert_eq!(s.departments.len(), 4);
    assert!(s
        .departments
        .values()
        .all(|d| d.active && !d.name.is_empty()));
    assert_eq!(
        (s.standards.len(), s.audits.len(), s.actions.len()),
        (4, 1, 3)
    );
}

#[test]
fn the_benchmark_set_is_generated_and_loaded_whole() {
    let start = std::time::Instant::now();
    let writes = large_writes(1, 20_000, 100_000, now(), id(1));
    let generated = start.elapsed();
    let mut m = Model::default();
    let start = std::time::Instant::now();
    load(&mut m, &mut BTreeMap::new(), &writes);
    let loaded = start.elapsed();
    assert_eq!((m.customers.len(), m.contacts.len()), (20_000, 100_000));
    eprintln!("benchmark set: generated in {generated:?}, loaded in {loaded:?}");
    // The times are printed, not judged (a shared machine is noisy):
    // `scripts/bench` reports Today's cost at this size.
    let today = m.today(id(1), now());
    assert!(!today.open_contacts.is_empty() && !today.overdue_first_contacts.is_empty());
}
