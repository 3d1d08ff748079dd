//! The scale series' data (`benchSeedScale`): a branch that kept `times`
//! years of its history, `times` × (20,000 customers, 100,000 contacts,
//! 2,000 complaints, 10,000 return visits). Four in five complaints and
//! visits are closed, and every contact older than a week is done, so the
//! open work stays about a branch's while the history grows.
//!
//! It is made in [`PARTS`] parts, and every record of a part rests in the
//! same few storage buckets (`sync::stored::bucket_of`), so seeding reads
//! and writes a few buckets at a time and never holds the whole set: at
//! five times a branch, the set does not fit a tablet's memory. Each record
//! comes from its own random stream, keyed by its index, so a contact can
//! name its customer without the customers being kept anywhere.

use super::bench::{demo_contact, demo_customer};
use super::sim::Rng;
use crate::domain::base::dates::Shift;
use crate::domain::base::record::{to_writes, Audit, Record};
use crate::domain::complaint::{
    Cause, Complaint, ComplaintEvent, Evaluation, EventData, Implementation, Investigation,
    Judgement, Plan, Severity,
};
use crate::domain::contact::Channel;
use crate::domain::staff::{Role, Staff};
use crate::domain::visits::{ReturnVisit, VisitOutcome, VisitReason, VisitStatus};
use crate::sync::stored::{bucket_of, kind_buckets, BUCKETS};
use crate::sync::{RecordId, Write};
use chrono::{DateTime, Duration, Utc};

/// Storage buckets per part: the parts cover every bucket once.
const BUCKETS_PER_PART: u32 = 8;
/// How many parts a seed is made in.
pub const PARTS: u32 = BUCKETS / BUCKETS_PER_PART;

/// One branch-year of records, the unit the series multiplies.
const CUSTOMERS: usize = 20_000;
const CONTACTS: usize = 100_000;
const COMPLAINTS: usize = 2_000;
const VISITS: usize = 10_000;
/// Bench specialists besides the person seeding.
const SPECIALISTS: u64 = 8;

/// The random streams: one per record, keyed by what it is and its index.
#[derive(Clone, Copy)]
enum Stream {
    Staff = 0,
    Customer = 1,
    Contact = 2,
    Complaint = 3,
    Visit = 4,
}

fn stream(seed: u64, what: Stream, index: usize) -> Rng {
    let mut rng = Rng(seed ^ ((what as u64) << 56) ^ (index as u64));
    rng.next();
    rng
}

/// The part a record of `kind` with `id` rests in.
fn part_of(kind: &str, id: RecordId) -> u32 {
    bucket_of(kind, id) / BUCKETS_PER_PART
}

/// A fresh id of `kind` that rests in `part`. Tries are capped (a try
/// misses with probability 23/24 at worst); after them the id may rest
/// elsewhere, which costs one more bucket in that part's write, not a fault.
fn id_in(rng: &mut Rng, kind: &str, part: u32) -> RecordId {
    let mut id = rng.id();
    for _ in 0..4096 {
        if part_of(kind, id) == part {
            break;
        }
        id = rng.id();
    }
    id
}

/// The records of one kind spread over a run of parts: `per` records in
/// each, the last one short.
#[derive(Clone, Copy)]
struct Spread {
    first_part: u32,
    parts: u32,
    total: usize,
}

impl Spread {
    fn new(kind: &str, total: usize) -> Spread {
        let buckets = kind_buckets(kind);
        Spread {
            first_part: buckets.start / BUCKETS_PER_PART,
            parts: (buckets.end - buckets.start) / BUCKETS_PER_PART,
            total,
        }
    }
    fn per(self) -> usize {
        self.total.div_ceil(self.parts.max(1) as usize)
    }
    /// The part record `index` rests in.
    fn part(self, index: usize) -> u32 {
        self.first_part + (index / self.per().max(1)) as u32
    }
    /// The indexes of the records resting in `part` (empty for another kind's).
    fn indexes(self, part: u32) -> std::ops::Range<usize> {
        let Some(k) = part
            .checked_sub(self.first_part)
            .filter(|k| *k < self.parts)
        else {
            return 0..0;
        };
        let start = (k as usize * self.per()).min(self.total);
        start..(start + self.per()).min(self.total)
    }
}

/// The series' set at `times` branch-years, seeded by `me` at `now`.
pub struct ScaleSet {
    seed: u64,
    times: usize,
    me: RecordId,
    now: DateTime<Utc>,
}

impl ScaleSet {
    pub fn new(seed: u64, times: u32, me: RecordId, now: DateTime<Utc>) -> ScaleSet {
        ScaleSet {
            seed,
            times: times.clamp(1, 20) as usize,
            me,
            now,
        }
    }

    fn customers(&self) -> Spread {
        Spread::new(
            crate::domain::customer::Customer::KIND,
            CUSTOMERS * self.times,
        )
    }
    fn contacts(&self) -> Spread {
        Spread::new(crate::domain::contact::Contact::KIND, CONTACTS * self.times)
    }
    fn complaints(&self) -> Spread {
        Spread::new(Complaint::KIND, COMPLAINTS * self.times)
    }
    fn visits(&self) -> Spread {
        Spread::new(ReturnVisit::KIND, VISITS * self.times)
    }
    /// How far back the history goes.
    fn span_minutes(&self) -> i64 {
        365 * 24 * 60 * self.times as i64
    }

    /// The person seeding and the bench specialists, whose customers and
    /// contacts the set gives them.
    fn specialists(&self) -> Vec<RecordId> {
        let mut all = vec![self.me];
        all.extend((0..SPECIALISTS).map(|k| stream(self.seed, Stream::Staff, k as usize).id()));
        all
    }

    /// Customer `index`'s stream, and the id drawn first from it (the rest
    /// of the stream makes the customer).
    fn customer_stream(&self, index: usize) -> (Rng, RecordId) {
        let mut rng = stream(self.seed, Stream::Customer, index);
        let part = self.customers().part(index);
        let id = id_in(&mut rng, crate::domain::customer::Customer::KIND, part);
        (rng, id)
    }

    /// Customer `index`'s id and specialist, from its own stream alone.
    fn customer_ref(&self, index: usize, specialists: &[RecordId]) -> (RecordId, RecordId) {
        let (_, id) = self.customer_stream(index);
        (id, specialists[index % specialists.len().max(1)])
    }

    /// The writes of part `part` (0..PARTS); part 0 also writes the bench
    /// specialists.
    pub fn part(&self, part: u32) -> Vec<Write> {
        let specialists = self.specialists();
        let mut writes = Vec::new();
        if part == 0 {
            for (k, id) in specialists.iter().skip(1).enumerate() {
                let s = Staff {
                    id: *id,
                    name: format!("Especialista {} (bench)", k + 1),
                    role: Role::Representative,
                    active: true,
                    demo: true,
                    audit: Audit::new(self.me, self.now),
                    ..Staff::default()
                };
                writes.extend(to_writes(None, &s));
            }
        }
        self.customers_of(part, &specialists, &mut writes);
        self.contacts_of(part, &specialists, &mut writes);
        self.complaints_of(part, &specialists, &mut writes);
        self.visits_of(part, &specialists, &mut writes);
        writes
    }

    fn customers_of(&self, part: u32, specialists: &[RecordId], out: &mut Vec<Write>) {
        let span_days = self.span_minutes() / (24 * 60);
        for index in self.customers().indexes(part) {
            let (mut rng, id) = self.customer_stream(index);
            let mut c = demo_customer(&mut rng, index as u64, specialists, self.me, self.now);
            c.id = id;
            // Every 25th of the first branch-year's customers was assigned
            // 8 to 12 days ago and waits for a first contact (R-CUS-02), as
            // in the large set; every other one was a customer before the
            // history began, so its contacts came after its assignment and
            // the open work stays a branch's at every scale.
            if index >= CUSTOMERS || !index.is_multiple_of(25) {
                let days = span_days + 1 + rng.below(365) as i64;
                let created = self.now.minus(Duration::days(days));
                c.assigned_at = Some(created);
                c.audit = Audit::new(self.me, created);
            }
            out.extend(to_writes(None, &c));
        }
    }

    fn contacts_of(&self, part: u32, specialists: &[RecordId], out: &mut Vec<Write>) {
        let customers = self.customers();
        let days = (self.span_minutes() / (24 * 60)) as u64;
        for index in self.contacts().indexes(part) {
            let mut rng = stream(self.seed, Stream::Contact, index);
            let id = id_in(&mut rng, crate::domain::contact::Contact::KIND, part);
            let of = rng.below(customers.total as u64) as usize;
            let (customer, owner) = self.customer_ref(of, specialists);
            let mut c = demo_contact(&mut rng, Some(customer), owner, self.me, self.now, days);
            c.id = id;
            out.extend(to_writes(None, &c));
        }
    }

    fn complaints_of(&self, part: u32, specialists: &[RecordId], out: &mut Vec<Write>) {
        let customers = self.customers();
        let span = self.span_minutes();
        for index in self.complaints().indexes(part) {
            let mut rng = stream(self.seed, Stream::Complaint, index);
            let id = id_in(&mut rng, Complaint::KIND, part);
            let (customer, owner) =
                self.customer_ref(rng.below(customers.total as u64) as usize, specialists);
            let closed = rng.chance(80);
            // Closed ones over the whole history; open ones this fortnight.
            let age = if closed {
                rng.range(20 * 24 * 60, span.max(20 * 24 * 60 + 1))
            } else {
                rng.range(60, 14 * 24 * 60)
            };
            let received = self.now.minus(Duration::minutes(age));
            let c = Complaint {
                id,
                customer: Some(customer),
                channel: *rng.pick(Channel::ALL),
                content: "Queja (bench)".into(),
                received_at: received,
                owner,
                demo: true,
                audit: Audit::new(self.me, received),
                ..Complaint::default()
            };
            out.extend(to_writes(None, &c));
            let mut at = received.plus(Duration::hours(3));
            let mut step = |rng: &mut Rng, data: EventData, at: DateTime<Utc>| {
                let e = ComplaintEvent::new(
                    id_in(rng, ComplaintEvent::KIND, part),
                    id,
                    data,
                    owner,
                    at,
                );
                out.extend(to_writes(None, &e));
                e.id
            };
            let severity = *rng.pick(Severity::ALL);
            step(
                &mut rng,
                EventData::Judged(Judgement {
                    founded: true,
                    department: "Almacén".into(),
                    severity,
                    deadline: Some(at.date_naive().plus(Duration::days(5))),
                    utc_offset_minutes: 60,
                }),
                at,
            );
            if !closed {
                continue;
            }
            at = at.plus(Duration::hours(4));
            let cause = *rng.pick(Cause::ALL);
            step(
                &mut rng,
                EventData::Investigated(Investigation {
                    cause,
                    ..Investigation::default()
                }),
                at,
            );
            at = at.plus(Duration::hours(4));
            let plan = step(
                &mut rng,
                EventData::PlanProposed(Plan {
                    proposal: "Reponer".into(),
                }),
                at,
            );
            at = at.plus(Duration::hours(4));
            step(&mut rng, EventData::PlanChosen { plan }, at);
            at = at.plus(Duration::days(2));
            step(
                &mut rng,
                EventData::Implemented(Implementation {
                    done: "Hecho".into(),
                    ..Implementation::default()
                }),
                at,
            );
            at = at.plus(Duration::days(3));
            step(&mut rng, EventData::Evaluated(Evaluation::default()), at);
        }
    }

    fn visits_of(&self, part: u32, specialists: &[RecordId], out: &mut Vec<Write>) {
        let customers = self.customers();
        let span = self.span_minutes();
        for index in self.visits().indexes(part) {
            let mut rng = stream(self.seed, Stream::Visit, index);
            let id = id_in(&mut rng, ReturnVisit::KIND, part);
            let (customer, owner) =
                self.customer_ref(rng.below(customers.total as u64) as usize, specialists);
            let done = rng.chance(80);
            // Done ones over the whole history; open ones due this fortnight.
            let due = if done {
                self.now.minus(Duration::minutes(
                    rng.range(3 * 24 * 60, span.max(3 * 24 * 60 + 1)),
                ))
            } else {
                self.now
                    .minus(Duration::minutes(rng.range(-7 * 24 * 60, 7 * 24 * 60)))
            };
            let completed = due.plus(Duration::hours(26));
            let v = ReturnVisit {
                id,
                customer,
                reason: VisitReason::Member,
                due: due.date_naive(),
                assignee: Some(owner),
                status: if done {
                    VisitStatus::Done
                } else {
                    VisitStatus::Open
                },
                outcome: done.then(|| *rng.pick(VisitOutcome::ALL)),
                completed_at: done.then_some(completed),
                demo: true,
                audit: Audit::new(self.me, due),
                ..ReturnVisit::default()
            };
            out.extend(to_writes(None, &v));
        }
    }
}
