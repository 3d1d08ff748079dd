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
use crate::domain::base::dates::Shift;
use crate::domain::base::limits::MAX_ITEMS;
use crate::domain::base::order;
use crate::domain::base::zone::Zone;
use crate::domain::complaint::{replay, EventData, Stage};
use crate::domain::contact::{Contact, ContactStatus};
use crate::domain::model::Model;
use crate::domain::visits::{deadline, VisitOutcome, VisitStatus};
use crate::sync::RecordId;
use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Utc};
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
    /// Every department kept, with its cases (none: an empty list).
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
    /// The department's place (`Resolver::place`).
    dept: usize,
    seconds: i64,
    last_end: Option<DateTime<Utc>>,
    running: bool,
    unknown: bool,
}

#[derive(Clone, Copy)]
enum End {
    At(DateTime<Utc>),
    Running,
    Unknown,
}

/// How many UTC days' offsets the day memo keeps (a year and more).
const DAY_SLOTS: usize = 1024;

/// The pass itself: departments by their place in the resolver's list (no
/// lookup by id per case), a memo of local days, one scratch list.
struct Gather {
    now: DateTime<Utc>,
    zone: Zone,
    resolver: Resolver,
    depts: Vec<DeptFacts>,
    contacts_per_day: BTreeMap<NaiveDate, u64>,
    /// UTC day number -> its offset when it holds all day (None: a summer
    /// time change that day). Direct-mapped: a clash only recomputes.
    offsets: Vec<(i64, Option<i32>)>,
    held: Vec<Held>,
}

impl Gather {
    /// The local day of `t`, as `Zone::local_date` gives it.
    fn day(&mut self, t: DateTime<Utc>) -> NaiveDate {
        let n = t.timestamp().div_euclid(86_400);
        let slot = n.rem_euclid(DAY_SLOTS as i64) as usize;
        let offset = match self.offsets.get(slot) {
            Some((key, offset)) if *key == n => *offset,
            _ => {
                let start = t.date_naive().and_time(NaiveTime::MIN).and_utc();
                let end = start.plus(Duration::seconds(86_399));
                let minutes = self.zone.offset_minutes(start);
                let offset = (minutes == self.zone.offset_minutes(end)).then_some(minutes);
                if let Some(s) = self.offsets.get_mut(slot) {
                    *s = (n, offset);
                }
                offset
            }
        };
        match offset {
            Some(m) => t.naive_utc().plus(Duration::minutes(i64::from(m))).date(),
            None => self.zone.local_date(t),
        }
    }

    fn dept(&mut self, place: usize) -> Option<&mut DeptFacts> {
        self.depts.get_mut(place)
    }

    /// Adds one holding of department `dept` to the scratch list.
    fn hold(&mut self, dept: usize, start: DateTime<Utc>, end: End) {
        let i = match self.held.iter().position(|h| h.dept == dept) {
            Some(i) => i,
            None => {
                self.held.push(Held {
                    dept,
                    seconds: 0,
                    last_end: None,
                    running: false,
                    unknown: false,
                });
                self.held.len() - 1
            }
        };
        let now = self.now;
        let Some(h) = self.held.get_mut(i) else {
            return;
        };
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

    /// The scratch list's holdings become resolution cases of `record`.
    fn resolution(&mut self, record: RecordId) {
        let held = std::mem::take(&mut self.held);
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
            if let Some(d) = self.dept(h.dept) {
                d.resolution.push(case);
            }
        }
        self.held = held;
        self.held.clear();
    }

    fn contact(&mut self, c: &Contact) {
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
        for (i, step) in steps.iter().enumerate() {
            let Some(dept) = step
                .to_department
                .as_deref()
                .and_then(|t| self.resolver.place(t))
            else {
                continue;
            };
            let end = steps.get(i + 1).map_or(closing, |next| End::At(next.at));
            self.hold(dept, step.at, end);
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
            if let Some(d) = self.dept(dept) {
                d.first_response.push(case);
            }
        }
        self.resolution(c.id);
    }

    /// A complaint's holdings and its mark; returns the place of the
    /// department it stands against now (for its return visits).
    fn complaint(&mut self, model: &Model, id: RecordId) -> Option<usize> {
        let c = model.complaints.get(&id)?;
        let mut events = model.events_of(id);
        order::sort_by(&mut events, |a, b| a.at.cmp(&b.at).then(a.id.cmp(&b.id)));
        let view = replay(c, &events);
        let mut holder: Option<(usize, DateTime<Utc>)> = None;
        for e in view
            .timeline
            .iter()
            .filter(|t| !t.overruled)
            .map(|t| &t.event)
        {
            let next = match &e.data {
                EventData::Judged(j) if j.founded => self.resolver.place(&j.department),
                EventData::Judged(_) => None,
                EventData::Reopened { from, .. } if *from == Stage::Judged => None,
                _ => continue,
            };
            if holder.map(|(d, _)| d) == next && next.is_some() {
                continue;
            }
            if let Some((d, start)) = holder.take() {
                self.hold(d, start, End::At(e.at));
            }
            holder = next.map(|d| (d, e.at));
        }
        if let Some((d, start)) = holder {
            let end = match (view.closed, view.closed_at) {
                (true, Some(t)) => End::At(t),
                _ => End::Running,
            };
            self.hold(d, start, end);
        }
        self.resolution(id);
        let current = view
            .judgement
            .as_ref()
            .filter(|j| j.value.founded)
            .and_then(|j| self.resolver.place(&j.value.department))?;
        let day = self.day(c.received_at);
        let mark = Mark {
            record: id,
            day,
            hit: true,
        };
        self.dept(current)?.complaints.push(mark);
        Some(current)
    }
}

/// Every department's cases from the records, as they stand at `now`.
pub fn gather(model: &Model, now: DateTime<Utc>) -> Facts {
    let zone = model.zone();
    let resolver = Resolver::new(model);
    let mut g = Gather {
        now,
        zone,
        depts: vec![DeptFacts::default(); resolver.ids().len()],
        resolver,
        contacts_per_day: BTreeMap::new(),
        offsets: vec![(i64::MIN, None); DAY_SLOTS],
        held: Vec::new(),
    };
    for c in model.contacts.values() {
        g.contact(c);
    }
    let mut dept_of: HashMap<RecordId, usize> = HashMap::new();
    for id in model.complaints.keys() {
        if let Some(d) = g.complaint(model, *id) {
            dept_of.insert(*id, d);
        }
    }
    let today = zone.local_date(now);
    for v in model.visits.values() {
        let Some(dept) = v.complaint.and_then(|c| dept_of.get(&c)).copied() else {
            continue;
        };
        let done = v.status == VisitStatus::Done;
        if done || today > deadline(model, v) {
            let mark = Mark {
                record: v.id,
                day: v.due,
                hit: done,
            };
            if let Some(d) = g.dept(dept) {
                d.visits_due.push(mark);
            }
        }
        let answered = matches!(
            v.outcome,
            Some(VisitOutcome::Satisfied | VisitOutcome::Average | VisitOutcome::Dissatisfied)
        );
        if let (true, true, Some(at)) = (done, answered, v.completed_at) {
            let mark = Mark {
                record: v.id,
                day: g.day(at),
                hit: v.outcome == Some(VisitOutcome::Satisfied),
            };
            if let Some(d) = g.dept(dept) {
                d.answers.push(mark);
            }
        }
    }
    Facts {
        now,
        today,
        departments: g.resolver.ids().iter().copied().zip(g.depts).collect(),
        contacts_per_day: g.contacts_per_day,
    }
}
