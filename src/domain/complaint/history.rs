//! The complaint as its events make it: replayed in (at, id) order, so
//! every device derives the same stage, timeline and conflicts from the same
//! set of events, whatever order they arrived in.

use super::{
    Complaint, ComplaintEvent, Evaluation, EventData, Implementation, Investigation, Judgement,
    Plan, Severity, Stage,
};
use crate::domain::base::zone::Zone;
use crate::sync::RecordId;
use chrono::{DateTime, NaiveDate, Utc};
use std::collections::BTreeSet;

/// One stage's form as recorded, with its step.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry<T> {
    pub event: RecordId,
    pub by: RecordId,
    pub at: DateTime<Utc>,
    pub value: T,
    /// Identical steps recorded by other devices.
    pub repeats: Vec<RecordId>,
}

/// What a conflict is about.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Hash)]
pub enum ConflictKind {
    Judgement,
    Investigation,
    PlanChoice,
    Implementation,
    Evaluation,
    Reply,
    /// A step that no longer fits (made offline while someone else reopened
    /// or took another path).
    OutOfOrder,
}

/// An impossible combination from concurrent steps, for a director to
/// resolve (`resolve_conflict`). `events[0]` is the one currently in force.
#[derive(Debug, Clone, PartialEq)]
pub struct Conflict {
    pub kind: ConflictKind,
    pub events: Vec<RecordId>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TimelineEntry {
    pub event: ComplaintEvent,
    /// Set aside by a director's resolution.
    pub overruled: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ComplaintView {
    pub complaint: Complaint,
    /// The last completed stage.
    pub stage: Stage,
    pub closed: bool,
    pub closed_at: Option<DateTime<Utc>>,
    pub judgement: Option<Entry<Judgement>>,
    pub investigation: Option<Entry<Investigation>>,
    /// Every proposal ever made, oldest first.
    pub plans: Vec<Entry<Plan>>,
    /// The chosen proposal's event id.
    pub chosen: Option<Entry<RecordId>>,
    pub implementation: Option<Entry<Implementation>>,
    pub evaluation: Option<Entry<Evaluation>>,
    pub reply: Option<Entry<String>>,
    /// When each stage (by index) was last completed; Accepted = received.
    pub completed_at: [Option<DateTime<Utc>>; 6],
    pub timeline: Vec<TimelineEntry>,
    pub conflicts: Vec<Conflict>,
}

impl ComplaintView {
    pub fn founded(&self) -> Option<bool> {
        self.judgement.as_ref().map(|j| j.value.founded)
    }

    pub fn severity(&self) -> Option<Severity> {
        self.judgement
            .as_ref()
            .filter(|j| j.value.founded)
            .map(|j| j.value.severity)
    }

    /// The stage to do next; None once closed.
    pub fn next_stage(&self) -> Option<Stage> {
        if self.closed {
            None
        } else {
            self.stage.next()
        }
    }

    /// The instant the promised deadline passes: the end of the promised
    /// local day in the organisation's `zone`, summer time included
    /// (R-CMP-02).
    pub fn deadline_at(&self, zone: Zone) -> Option<DateTime<Utc>> {
        let j = &self.judgement.as_ref()?.value;
        if !j.founded {
            return None;
        }
        end_of_day(j.deadline?, zone)
    }

    /// R-CMP-02: past the promised deadline and not yet investigated.
    pub fn is_overdue(&self, now: DateTime<Utc>, zone: Zone) -> bool {
        !self.closed
            && self.investigation.is_none()
            && self.deadline_at(zone).is_some_and(|d| now >= d)
    }

    pub fn plan(&self, event: RecordId) -> Option<&Entry<Plan>> {
        self.plans.iter().find(|p| p.event == event)
    }
}

/// The first instant after the local day `day` in `zone`.
pub fn end_of_day(day: NaiveDate, zone: Zone) -> Option<DateTime<Utc>> {
    zone.end_of_day(day)
}

/// The local calendar day of `now` in `zone`.
pub fn local_day(now: DateTime<Utc>, zone: Zone) -> NaiveDate {
    zone.local_date(now)
}

/// A deadline `days` local days after today: the form's default promise.
pub fn days_from_today(now: DateTime<Utc>, zone: Zone, days: u64) -> Option<NaiveDate> {
    local_day(now, zone).checked_add_days(chrono::Days::new(days))
}

/// Later resolutions win over earlier ones about the same events.
fn overruled(events: &[&ComplaintEvent]) -> BTreeSet<RecordId> {
    let mut out = BTreeSet::new();
    for e in events {
        if let EventData::Resolved { keep, overrule } = &e.data {
            if let Some(k) = keep {
                out.remove(k);
            }
            out.extend(overrule.iter().copied().filter(|o| Some(*o) != *keep));
        }
    }
    out
}

fn entry<T>(e: &ComplaintEvent, value: T) -> Option<Entry<T>> {
    Some(Entry {
        event: e.id,
        by: e.by,
        at: e.at,
        value,
        repeats: Vec::new(),
    })
}

pub fn replay(complaint: &Complaint, events: &[&ComplaintEvent]) -> ComplaintView {
    let skip = overruled(events);
    let mut v = ComplaintView {
        complaint: complaint.clone(),
        stage: Stage::Accepted,
        closed: false,
        closed_at: None,
        judgement: None,
        investigation: None,
        plans: Vec::new(),
        chosen: None,
        implementation: None,
        evaluation: None,
        reply: None,
        completed_at: [Some(complaint.received_at), None, None, None, None, None],
        timeline: events
            .iter()
            .map(|e| TimelineEntry {
                event: (*e).clone(),
                overruled: skip.contains(&e.id),
            })
            .collect(),
        conflicts: Vec::new(),
    };
    for e in events.iter().filter(|e| !skip.contains(&e.id)) {
        apply(&mut v, e);
    }
    v
}

/// Every step recorded for the slot goes in the conflict, repeats too, so
/// that keeping one sets all the others aside.
fn conflict(v: &mut ComplaintView, kind: ConflictKind, current: &[RecordId], other: RecordId) {
    match v
        .conflicts
        .iter_mut()
        .find(|c| c.kind == kind && c.events.contains(&current[0]))
    {
        Some(c) if !c.events.contains(&other) => c.events.push(other),
        Some(_) => {}
        None => v.conflicts.push(Conflict {
            kind,
            events: current.iter().copied().chain([other]).collect(),
        }),
    }
}

fn out_of_order(v: &mut ComplaintView, e: &ComplaintEvent) {
    v.conflicts.push(Conflict {
        kind: ConflictKind::OutOfOrder,
        events: vec![e.id],
    });
}

/// The same stage recorded again: the same form is a harmless repeat, a
/// different one is a conflict. Returns false when the stage has no entry.
fn repeat<T: PartialEq>(
    v: &mut ComplaintView,
    slot: impl Fn(&mut ComplaintView) -> Option<&mut Entry<T>>,
    value: &T,
    kind: ConflictKind,
    e: &ComplaintEvent,
) -> bool {
    let Some(s) = slot(v) else {
        return false;
    };
    let same = s.value == *value;
    if same {
        s.repeats.push(e.id);
    }
    let current: Vec<RecordId> = [s.event].into_iter().chain(s.repeats.clone()).collect();
    let open = v
        .conflicts
        .iter()
        .any(|c| c.kind == kind && c.events.contains(&current[0]));
    if !same || open {
        conflict(v, kind, &current, e.id);
    }
    true
}

fn apply(v: &mut ComplaintView, e: &ComplaintEvent) {
    if let Some(stage) = e.data.completes() {
        advance(v, e, stage);
        return;
    }
    match &e.data {
        EventData::PlanProposed(p) => {
            v.plans.extend(entry(e, p.clone()));
        }
        EventData::ReplyRecorded { reply } => {
            if repeat(v, |v| v.reply.as_mut(), reply, ConflictKind::Reply, e) {
                return;
            }
            if v.stage == Stage::Judged && v.founded() == Some(false) {
                v.reply = entry(e, reply.clone());
                v.closed = true;
                v.closed_at = Some(e.at);
            } else {
                out_of_order(v, e);
            }
        }
        EventData::Reopened { from, .. } => reopen(v, e, *from),
        _ => {}
    }
}

fn reopen(v: &mut ComplaintView, e: &ComplaintEvent, from: Stage) {
    let Some(back) = from.prev() else {
        return out_of_order(v, e);
    };
    if v.stage == back && !v.closed {
        // Someone else reopened the same stage at the same time.
        return;
    }
    if v.stage != from {
        return out_of_order(v, e);
    }
    let kinds: &[ConflictKind] = match from {
        Stage::Judged => {
            v.judgement = None;
            v.reply = None;
            &[ConflictKind::Judgement, ConflictKind::Reply]
        }
        Stage::Investigated => {
            v.investigation = None;
            &[ConflictKind::Investigation]
        }
        Stage::PlanChosen => {
            v.chosen = None;
            &[ConflictKind::PlanChoice]
        }
        Stage::Implemented => {
            v.implementation = None;
            &[ConflictKind::Implementation]
        }
        Stage::Evaluated => {
            v.evaluation = None;
            &[ConflictKind::Evaluation]
        }
        Stage::Accepted => &[],
    };
    v.conflicts.retain(|c| !kinds.contains(&c.kind));
    v.completed_at[from.index()] = None;
    v.stage = back;
    v.closed = false;
    v.closed_at = None;
}

fn advance(v: &mut ComplaintView, e: &ComplaintEvent, stage: Stage) {
    use ConflictKind as K;
    let repeated = match &e.data {
        EventData::Judged(j) => repeat(v, |v| v.judgement.as_mut(), j, K::Judgement, e),
        EventData::Investigated(i) => {
            repeat(v, |v| v.investigation.as_mut(), i, K::Investigation, e)
        }
        EventData::PlanChosen { plan } => repeat(v, |v| v.chosen.as_mut(), plan, K::PlanChoice, e),
        EventData::Implemented(i) => {
            repeat(v, |v| v.implementation.as_mut(), i, K::Implementation, e)
        }
        EventData::Evaluated(x) => repeat(v, |v| v.evaluation.as_mut(), x, K::Evaluation, e),
        _ => false,
    };
    if repeated {
        return;
    }
    let fits = v.next_stage() == Some(stage)
        && match &e.data {
            EventData::Investigated(_) => v.founded() == Some(true),
            EventData::PlanChosen { plan } => v.plan(*plan).is_some(),
            _ => true,
        };
    if !fits {
        return out_of_order(v, e);
    }
    match &e.data {
        EventData::Judged(j) => v.judgement = entry(e, j.clone()),
        EventData::Investigated(i) => v.investigation = entry(e, i.clone()),
        EventData::PlanChosen { plan } => v.chosen = entry(e, *plan),
        EventData::Implemented(i) => v.implementation = entry(e, i.clone()),
        EventData::Evaluated(x) => {
            v.evaluation = entry(e, x.clone());
            v.closed = true;
            v.closed_at = Some(e.at);
        }
        _ => {}
    }
    v.stage = stage;
    v.completed_at[stage.index()] = Some(e.at);
}
