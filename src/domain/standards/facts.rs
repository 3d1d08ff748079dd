//! R-STD-02: the cases the standards are judged on, gathered from the
//! records in one pass over contacts, complaints and return visits (a year
//! of a branch is 100,000 contacts: nothing here is quadratic).
//!
//! The clock of a duration runs only while the department holds the case.
//! A contact is held by a department from the forward that sends it there
//! until the next forward (to anyone) or its closing; a complaint from the
//! judgement that names the department until a judgement naming another,
//! a reopening of the judgement, or its closing. A department that gets a
//! case back starts its clock again; its time is the sum.
//!
//! Untrusted times: an end before its start (two devices' clocks apart)
//! counts as 0 seconds, so the case stays counted and is within any
//! threshold; sums saturate. A contact closed by a version that did not
//! keep `done_at` has no known end: the department holding it then is left
//! without that case (it is neither within nor over).

use super::departments::Resolver;
use crate::domain::base::limits::MAX_ITEMS;
use crate::domain::base::zone::Zone;
use crate::domain::complaint::{replay, EventData, Stage};
use crate::domain::contact::{Contact, ContactStatus};
use crate::domain::model::Model;
use crate::domain::visits::{deadline, VisitOutcome, VisitStatus};
use crate::sync::RecordId;
use chrono::{DateTime, NaiveDate, Utc};
use std::collections::{BTreeMap, HashMap};

/// One case of a duration metric.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Case {
    pub record: RecordId,
    /// Seconds the department held it (or took to answer), never negative.
    pub seconds: i64,
    /// The local day its clock stopped; None: still running at `now`.
    pub stopped: Option<NaiveDate>,
}

/// One record counted by a rate: the day it counts on and whether it is in
/// the numerator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mark {
    pub record: RecordId,
    pub day: NaiveDate,
    pub hit: bool,
}

/// One department's cases.
#[derive(Debug, Clone, Default)]
pub struct DeptFacts {
    /// Each forward of a contact to it, until it answered.
    pub first_response: Vec<Case>,
    /// Each contact and complaint it held, for as long as it held it.
    pub resolution: Vec<Case>,
    /// Return visits after its complaints, on the day they fell due, once
    /// decided (done, or open past their deadline); hit: done.
    pub visits_due: Vec<Mark>,
    /// Those visits that reached the customer, on the day they were
    /// completed; hit: satisfied.
    pub answers: Vec<Mark>,
    /// Complaints judged founded against it, on the day received.
    pub complaints: Vec<Mark>,
}

/// Every department's cases, and the contacts the branch received per day.
#[derive(Debug, Clone)]
pub struct Facts {
    pub now: DateTime<Utc>,
    /// The local day of `now`: running cases count in its periods.
    pub today: NaiveDate,
    /// The organisation's wall clock, read once.
    pub zone: Zone,
    pub departments: HashMap<RecordId, DeptFacts>,
    /// Contacts received per local day: complaints per 100 contacts.
    pub contacts_per_day: BTreeMap<NaiveDate, u64>,
}

/// `end - start` in seconds, 0 when the end comes first.
pub fn held_seconds(start: DateTime<Utc>, end: DateTime<Utc>) -> i64 {
    end.signed_duration_since(start).num_seconds().max(0)
}

/// One department's time with one case, over its holdings.
#[derive(Clone, Copy)]
struct Held {
    dept: RecordId,
    seconds: i64,
    last_end: Option<DateTime<Utc>>,
    running: bool,
    unknown: bool,
}

fn add_held(
    list: &mut Vec<Held>,
    dept: RecordId,
    start: DateTime<Utc>,
    end: End,
    now: DateTime<Utc>,
) {
    let i = match list.iter().position(|h| h.dept == dept) {
        Some(i) => i,
        None => {
            list.push(Held {
                dept,
                seconds: 0,
                last_end: None,
                running: false,
                unknown: false,
            });
            list.len() - 1
        }
    };
    let h = &mut list[i];
    let secs = match end {
        End::At(t) => {
            h.last_end = Some(h.last_end.map_or(t, |l| l.max(t)));
            held_seconds(start, t)
        }
        End::Running => {
            h.running = true;
            held_seconds(start, now)
        }
        End::Unknown => {
            h.unknown = true;
            0
        }
    };
    h.seconds = h.seconds.saturating_add(secs);
}

#[derive(Clone, Copy)]
enum End {
    At(DateTime<Utc>),
    Running,
    Unknown,
}

impl Facts {
    fn dept(&mut self, d: RecordId) -> &mut DeptFacts {
        self.departments.entry(d).or_default()
    }

    fn day(&self, t: DateTime<Utc>) -> NaiveDate {
        self.zone.local_date(t)
    }

    fn resolution(&mut self, record: RecordId, held: &[Held]) {
        for h in held.iter().filter(|h| !h.unknown) {
            let stopped = match (h.running, h.last_end) {
                (false, Some(t)) => Some(self.day(t)),
                (false, None) => continue,
                (true, _) => None,
            };
            let case = Case {
                record,
                seconds: h.seconds,
                stopped,
            };
            self.dept(h.dept).resolution.push(case);
        }
    }

    fn contact(&mut self, r: &mut Resolver, c: &Contact) {
        let day = self.day(c.received_at);
        *self.contacts_per_day.entry(day).or_default() += 1;
        if c.forwarded.is_empty() {
            return;
        }
        let closing = match (c.status, c.done_at) {
            (ContactStatus::Done, Some(t)) => End::At(t),
            (ContactStatus::Done, None) => End::Unknown,
            _ => End::Running,
        };
        let steps = &c.forwarded[..c.forwarded.len().min(MAX_ITEMS)];
        let mut held = Vec::new();
        for (i, step) in steps.iter().enumerate() {
            let Some(dept) = step.to_department.as_deref().and_then(|t| r.resolve(t)) else {
                continue;
            };
            let end = steps.get(i + 1).map_or(closing, |next| End::At(next.at));
            add_held(&mut held, dept, step.at, end, self.now);
            // Its answer, or its letting the case go, stops the first-response clock.
            let answered = match (step.responded_at, end) {
                (Some(a), End::At(e)) => End::At(a.min(e)),
                (Some(a), _) => End::At(a),
                (None, e) => e,
            };
            let case = match answered {
                End::At(t) => Case {
                    record: c.id,
                    seconds: held_seconds(step.at, t),
                    stopped: Some(self.day(t)),
                },
                End::Running => Case {
                    record: c.id,
                    seconds: held_seconds(step.at, self.now),
                    stopped: None,
                },
                End::Unknown => continue,
            };
            self.dept(dept).first_response.push(case);
        }
        self.resolution(c.id, &held);
    }

    /// A complaint's holdings, its department for the rates, its mark.
    fn complaint(&mut self, model: &Model, r: &mut Resolver, id: RecordId) -> Option<RecordId> {
        let c = model.complaints.get(&id)?;
        let mut events = model.events_of(id);
        events.sort_by(|a, b| a.at.cmp(&b.at).then(a.id.cmp(&b.id)));
        let view = replay(c, &events);
        let mut held = Vec::new();
        let mut holder: Option<(RecordId, DateTime<Utc>)> = None;
        for e in view
            .timeline
            .iter()
            .filter(|t| !t.overruled)
            .map(|t| &t.event)
        {
            let next = match &e.data {
                EventData::Judged(j) if j.founded => r.resolve(&j.department),
                EventData::Judged(_) => None,
                EventData::Reopened { from, .. } if *from == Stage::Judged => None,
                _ => continue,
            };
            if holder.map(|(d, _)| d) == next && next.is_some() {
                continue;
            }
            if let Some((d, start)) = holder.take() {
                add_held(&mut held, d, start, End::At(e.at), self.now);
            }
            holder = next.map(|d| (d, e.at));
        }
        if let Some((d, start)) = holder {
            let end = match (view.closed, view.closed_at) {
                (true, Some(t)) => End::At(t),
                _ => End::Running,
            };
            add_held(&mut held, d, start, end, self.now);
        }
        self.resolution(id, &held);
        let current = view
            .judgement
            .as_ref()
            .filter(|j| j.value.founded)
            .and_then(|j| r.resolve(&j.value.department))?;
        let day = self.day(c.received_at);
        self.dept(current).complaints.push(Mark {
            record: id,
            day,
            hit: true,
        });
        Some(current)
    }
}

/// Every department's cases from the records, as they stand at `now`.
pub fn gather(model: &Model, now: DateTime<Utc>) -> Facts {
    let zone = model.zone();
    let mut facts = Facts {
        now,
        today: zone.local_date(now),
        zone,
        departments: HashMap::new(),
        contacts_per_day: BTreeMap::new(),
    };
    let mut r = Resolver::new(model);
    for c in model.contacts.values() {
        facts.contact(&mut r, c);
    }
    let mut dept_of: HashMap<RecordId, RecordId> = HashMap::new();
    for id in model.complaints.keys() {
        if let Some(d) = facts.complaint(model, &mut r, *id) {
            dept_of.insert(*id, d);
        }
    }
    for v in model.visits.values() {
        let Some(dept) = v.complaint.and_then(|c| dept_of.get(&c)).copied() else {
            continue;
        };
        let done = v.status == VisitStatus::Done;
        if done || facts.today > deadline(model, v) {
            let mark = Mark {
                record: v.id,
                day: v.due,
                hit: done,
            };
            facts.dept(dept).visits_due.push(mark);
        }
        let answered = matches!(
            v.outcome,
            Some(VisitOutcome::Satisfied | VisitOutcome::Average | VisitOutcome::Dissatisfied)
        );
        if let (true, true, Some(at)) = (done, answered, v.completed_at) {
            let mark = Mark {
                record: v.id,
                day: facts.day(at),
                hit: v.outcome == Some(VisitOutcome::Satisfied),
            };
            facts.dept(dept).answers.push(mark);
        }
    }
    facts
}
