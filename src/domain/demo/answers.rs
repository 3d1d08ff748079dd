//! The demo's standard answers (R-KB-01, R-KB-02): the last four weekly
//! meetings agreed thirty answers (`answers_text`) the week's cases asked
//! for, one of them drafted from a question a representative had marked
//! "no standard answer"; two older answers were marked outdated when their
//! replacement was agreed. Representatives use the answers on their
//! contacts between one meeting and the next, each as often as its
//! questions come up, and one contact's question is still waiting for an
//! answer at the next meeting.

use super::answers_text::{AnswerText, ANSWERS, FROM_GAP, OUTDATED, STILL_OPEN};
use super::people::Crew;
use super::sim::Sim;
use super::text::CONTACTS;
use crate::domain::base::dates::Shift;
use crate::domain::base::order;
use crate::domain::dept::MeetingKind;
use crate::domain::kb::{act, gap_id, AnswerDraft, AnswerIds};
use crate::sync::RecordId;
use chrono::{DateTime, Duration, Utc};

/// An answer in use: where it is in `ANSWERS`, and how likely a contact it
/// fits is to use it (percent).
struct Live {
    id: RecordId,
    n: usize,
    chance: u64,
}

pub(super) fn standard_answers(sim: &mut Sim, crew: &Crew) {
    // The demo's weekly meetings that took place (ops::meetings held them),
    // oldest first, with the moment each ended.
    let mut meetings: Vec<(DateTime<Utc>, RecordId)> = sim
        .m
        .dept
        .meetings
        .values()
        .filter(|m| m.demo && m.kind == MeetingKind::Weekly && m.held)
        .map(|m| (m.scheduled_at.plus(Duration::minutes(75)), m.id))
        .filter(|(held, _)| *held <= sim.now)
        .collect();
    order::sort(&mut meetings);
    let Some(last) = meetings.len().checked_sub(1) else {
        return;
    };
    let mut live: Vec<Live> = Vec::new();
    for (k, (held, meeting)) in meetings.iter().copied().enumerate() {
        if let Some((before, _)) = k.checked_sub(1).and_then(|p| meetings.get(p)) {
            uses(sim, &live, *before, held);
        }
        let weeks_before = last - k;
        for (n, answer) in ANSWERS.iter().enumerate() {
            // A meeting older than the demo's four agrees nothing; the
            // oldest of them agrees what was meant for older ones.
            let at = answer.weeks_before.min(last);
            if at != weeks_before {
                continue;
            }
            let gap = match n == FROM_GAP.0 {
                true => mark_gap(sim, &[FROM_GAP.1], held.minus(Duration::days(2))),
                false => None,
            };
            if let Some(id) = agree(sim, crew, n, answer, gap, (meeting, held)) {
                let chance = match answer.fits.is_empty() {
                    true => sim.rng.range(2, 6) as u64,
                    false => *sim.rng.pick(&[15, 30, 45, 60]),
                };
                live.push(Live { id, n, chance });
            }
        }
        // Replaced at this meeting: outdated, pointing to what replaces them.
        let dd = sim.who(crew.dd);
        for (old, new) in OUTDATED {
            let find = |n: usize| live.iter().find(|l| l.n == n).map(|l| l.id);
            let (Some(old_id), Some(new_id)) = (find(old), find(new)) else {
                continue;
            };
            if ANSWERS[new].weeks_before.min(last) != weeks_before {
                continue;
            }
            let at = held.plus(Duration::minutes(1));
            let done = act::mark_outdated(&sim.m, &dd, old_id, Some(new_id), at);
            if sim.take("answer", done) {
                live.retain(|l| l.id != old_id);
            }
        }
    }
    if let Some((held, _)) = meetings.last() {
        let (from, to) = (*held, sim.now);
        uses(sim, &live, from, to);
    }
    // A question nobody has an answer for yet: on the next meeting's agenda.
    let now = sim.now;
    if mark_gap(sim, &[STILL_OPEN], now).is_none() {
        mark_gap(sim, &[], now);
    }
}

/// Answer `n` drafted the day before `meeting` by a leader or the
/// inspector (from question `gap`, if any), then agreed there by the
/// department director, who chairs it.
fn agree(
    sim: &mut Sim,
    crew: &Crew,
    n: usize,
    answer: &AnswerText,
    gap: Option<RecordId>,
    (meeting, held): (RecordId, DateTime<Utc>),
) -> Option<RecordId> {
    let draft = AnswerDraft {
        question: sim.tr(answer.question).to_string(),
        text: sim.tr(answer.text).to_string(),
        category: answer.category,
        lang: sim.lang,
        keywords: sim
            .tr(answer.keywords)
            .split(',')
            .map(|k| k.trim().to_string())
            .collect(),
        gap,
    };
    let ids = AnswerIds {
        answer: sim.id(),
        version: sim.id(),
    };
    let author = [crew.leads[0], crew.leads[1], crew.qi][n % 3];
    let who = sim.who(author);
    let drafted = act::draft_answer(&sim.m, &who, draft, ids, held.minus(Duration::hours(22)));
    if !sim.take("answer", drafted) {
        return None;
    }
    let dd = sim.who(crew.dd);
    let done = act::agree_answer(&sim.m, &dd, ids.answer, meeting, held);
    sim.take("answer", done).then_some(ids.answer)
}

/// Contacts received in `(from, to]`, in the order they came in (not by
/// id: the ids change with the seed, the story must not).
fn contacts_between(
    sim: &Sim,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Vec<(DateTime<Utc>, RecordId)> {
    let mut v: Vec<(DateTime<Utc>, String, RecordId)> = sim
        .m
        .contacts
        .values()
        .filter(|c| c.received_at > from && c.received_at <= to && c.received_at <= sim.now)
        .map(|c| (c.received_at, c.summary.clone(), c.id))
        .collect();
    order::sort(&mut v);
    v.into_iter().map(|(t, _, id)| (t, id)).collect()
}

/// The place in `text::CONTACTS` of the contact's kind, by its summary.
fn kind_of(sim: &Sim, contact: RecordId) -> Option<usize> {
    let summary = &sim.m.contacts.get(&contact)?.summary;
    CONTACTS.iter().position(|t| sim.tr(t.summary) == summary)
}

/// The answers in use put to work on the contacts of `(from, to]` that
/// they fit, by whoever handled each, when they first answered.
fn uses(sim: &mut Sim, live: &[Live], from: DateTime<Utc>, to: DateTime<Utc>) {
    for (received, contact) in contacts_between(sim, from, to) {
        let kind = kind_of(sim, contact);
        let Some(c) = sim.m.contacts.get(&contact) else {
            continue;
        };
        let (owner, category) = (c.owner, c.category);
        let at = c
            .first_response_at
            .unwrap_or(received)
            .max(received)
            .min(sim.now);
        for l in live {
            let a = &ANSWERS[l.n];
            let fits = match a.fits.is_empty() {
                true => a.category == category,
                false => kind.is_some_and(|k| a.fits.contains(&k)),
            };
            if !fits || !sim.rng.chance(l.chance) {
                continue;
            }
            let who = sim.who(owner);
            let id = sim.id();
            let done = act::use_answer(&sim.m, &who, l.id, Some(contact), id, at);
            sim.take("answer use", done);
        }
    }
}

/// "No standard answer for this", marked by its owner soon after it came
/// in, on the latest contact before `before` of one of the `kinds` (any
/// enquiry when none is given). Returns the question's record.
fn mark_gap(sim: &mut Sim, kinds: &[usize], before: DateTime<Utc>) -> Option<RecordId> {
    let wanted: Vec<&str> = kinds.iter().map(|k| sim.tr(CONTACTS[*k].summary)).collect();
    let (contact, owner, at, question) = sim
        .m
        .contacts
        .values()
        .filter(|c| c.received_at <= before && c.received_at <= sim.now)
        .filter(|c| match wanted.is_empty() {
            true => c.category == crate::domain::contact::Category::Enquiry,
            false => wanted.contains(&c.summary.as_str()),
        })
        .max_by_key(|c| (c.received_at, c.summary.clone()))
        .map(|c| (c.id, c.owner, c.received_at, c.summary.clone()))?;
    let who = sim.who(owner);
    let at = at.plus(Duration::minutes(4)).min(sim.now);
    let done = act::mark_no_answer(&sim.m, &who, contact, &question, sim.lang, at);
    sim.take("answer gap", done).then_some(gap_id(contact))
}
