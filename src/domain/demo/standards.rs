//! The demo's service standards (R-STD-01..R-STD-03): on the first day of
//! last month the department director adopts the departments the
//! contacts and complaints name (all but one, left to adopt on the page)
//! and sets their standards, so this month has a previous one to compare
//! with; the departments answer most contacts forwarded to them, now and
//! then late. Last week she audited Logistics: two findings and three
//! improvement actions, one open, one overdue, one done and waiting for
//! her to verify. Every step goes through the standards' operations, as
//! the person who took it, when it happened.

use super::people::Crew;
use super::sim::Sim;
use super::text::{self, Tr};
use crate::domain::base::dates::Shift;
use crate::domain::complaint::Severity;
use crate::domain::contact;
use crate::domain::standards::{
    self, act, ActionDraft, AuditDraft, Metric, Period, PeriodKind, StandardDraft,
};
use crate::sync::RecordId;
use chrono::Duration;

/// The departments adopted, and each one's standard: metric, threshold
/// (minutes, or tenths of a percent for a rate) and target.
const ADOPTED: [(Tr, Metric, u32, u32); 4] = [
    (text::LOGISTICS, Metric::FirstResponse, 240, 80),
    (text::INSTALLATION, Metric::Resolution, 3 * 24 * 60, 85),
    (text::ACCOUNTS, Metric::ComplaintRate, 10, 0),
    (text::AFTER_SALES, Metric::ReturnVisitRate, 900, 0),
];

const FINDINGS: [(Severity, Tr); 2] = [
    (
        Severity::Serious,
        (
            "Varios contactos reenviados esperaron más de un día sin respuesta del departamento.",
            "Several forwarded contacts waited over a day without an answer from the department.",
        ),
    ),
    (
        Severity::Normal,
        (
            "Nadie atiende el buzón de reenvíos durante la pausa de mediodía.",
            "Nobody watches the forwarded-contacts inbox over the lunch break.",
        ),
    ),
];

const ACTIONS: [Tr; 3] = [
    (
        "Nombrar en cada turno a una persona que responda los contactos reenviados.",
        "Name a person on each shift to answer forwarded contacts.",
    ),
    (
        "Cubrir el buzón de reenvíos en la pausa de mediodía.",
        "Cover the forwarded-contacts inbox over the lunch break.",
    ),
    (
        "Revisar con el equipo los contactos que esperaron más de un día.",
        "Go through the contacts that waited over a day with the team.",
    ),
];

const SUMMARY: Tr = (
    "Revisión de los reenvíos del último mes con la responsable de Logística.",
    "Review of last month's forwards with the head of Logistics.",
);

pub(super) fn service_standards(sim: &mut Sim, crew: &Crew) {
    let boss = sim.who(crew.dd);
    let first = Period::of(PeriodKind::Month, sim.today).previous().first;
    let start = sim.at_date(first, 9, 0);
    for (name, metric, threshold, target) in ADOPTED {
        let name = sim.tr(name);
        let added = act::add_department(&sim.m, &boss, name, start);
        let Some(dept) = added.as_ref().ok().and_then(|w| w.first()).map(|w| w.id) else {
            sim.take("std_department", added);
            continue;
        };
        if !sim.take("std_department", added) {
            continue;
        }
        let draft = StandardDraft {
            department: dept,
            metric,
            threshold,
            target,
            period: PeriodKind::Month,
            from: first,
            active: true,
        };
        let id = sim.id();
        let set = act::set_standard(&sim.m, &boss, &draft, id, start.plus(Duration::minutes(5)));
        sim.take("std_standard", set);
    }
    answers(sim);
    audit(sim, crew);
}

/// The departments answer the open contacts forwarded to them: mostly
/// within a couple of hours, one in five late.
fn answers(sim: &mut Sim) {
    let waiting: Vec<(RecordId, chrono::DateTime<chrono::Utc>, RecordId)> = sim
        .m
        .contacts
        .values()
        .filter(|c| c.status != contact::ContactStatus::Done)
        .filter_map(|c| {
            let last = c.forwarded.last()?;
            (last.to_department.is_some() && last.responded_at.is_none())
                .then_some((c.id, last.at, c.owner))
        })
        .collect();
    for (id, at, owner) in waiting {
        let minutes = if sim.rng.chance(20) {
            sim.rng.range(300, 1500)
        } else {
            sim.rng.range(15, 180)
        };
        let when = at.plus(Duration::minutes(minutes));
        if when > sim.now {
            continue;
        }
        let actor = sim.who(owner);
        let answered = contact::act::department_answered(&sim.m, &actor, id, when);
        sim.take("contact", answered);
    }
}

/// Last week's audit of Logistics, its findings and actions.
fn audit(sim: &mut Sim, crew: &Crew) {
    let boss = sim.who(crew.dd);
    let Some(dept) = standards::Resolver::new(&sim.m).resolve(sim.tr(text::LOGISTICS)) else {
        return;
    };
    let (day, at) = (sim.day(-6), sim.at(-6, 10, 0));
    let audit = sim.id();
    let draft = AuditDraft {
        department: dept,
        date: day,
        summary: sim.tr(SUMMARY).to_string(),
    };
    let recorded = act::record_audit(&sim.m, &boss, &draft, audit, at);
    if !sim.take("std_audit", recorded) {
        return;
    }
    let mut findings = Vec::new();
    for (i, (severity, words)) in FINDINGS.into_iter().enumerate() {
        let id = sim.id();
        let when = at.plus(Duration::minutes(10 + i as i64));
        let added = act::add_finding(&sim.m, &boss, audit, severity, sim.tr(words), id, when);
        if sim.take("std_finding", added) {
            findings.push(id);
        }
    }
    // Open (due next week), overdue (due two days ago), done yesterday.
    let owners = [crew.leads[0], crew.leads[1], crew.reps[0][0]];
    let dues = [sim.day(7), sim.day(-2), sim.day(1)];
    for (i, words) in ACTIONS.into_iter().enumerate() {
        let id = sim.id();
        let draft = ActionDraft {
            finding: findings.get(i.min(1)).copied(),
            text: sim.tr(words).to_string(),
            owner: owners[i],
            due: dues[i],
        };
        let when = at.plus(Duration::minutes(20 + i as i64));
        let added = act::add_action(&sim.m, &boss, audit, &draft, id, when);
        if !sim.take("std_action", added) || i != 2 {
            continue;
        }
        if let Some(done_at) = sim.past(-1, 12, 30) {
            let owner = sim.who(owners[i]);
            let done = act::complete_action(&sim.m, &owner, id, done_at);
            sim.take("std_action", done);
        }
    }
}
