//! Demo and benchmark data.
//!
//! "Load demo data" tells a recent month of a small customer-service
//! center, in the language the app is shown in: its people, customers and
//! their contacts, complaints at every stage, escalations, return visits,
//! and the department's roster, leave, swaps, handovers, announcements and
//! meetings, the standard answers the weekly meetings agreed, two
//! months of quality inspection, and the departments' service standards
//! with an audit, all placed around the day it is loaded. Every record is made
//! by the operations the screens call, as the person who would make it, at
//! the moment it happened, so nothing the rules refuse is in it. The story
//! comes from a fixed seed; only the ids come from the seed passed in, so
//! a demo cleared and loaded again makes new records. Everything it makes
//! is marked `demo`, so "clear demo data" removes exactly that (`clear`).

mod answers;
mod answers_text;
mod bench;
mod branch_year;
mod clear;
mod complaints;
mod customers;
mod dept;
mod ops;
mod people;
mod quality;
mod quality_text;
mod scale;
mod sim;
mod standards;
mod text;
mod visits;

pub use bench::{bench_customer, customer_field_edits, large_writes};
pub use branch_year::{branch_year, YearSize, BRANCH_YEAR};
pub use clear::demo_ids;
pub use scale::{ScaleSet, PARTS as SCALE_PARTS};
pub use sim::{Refused, Why};

use crate::domain::base::lang::Lang;
use crate::domain::complaint;
use crate::domain::model::Model;
use crate::sync::{RecordId, Write};
use chrono::{DateTime, Utc};

/// The demo, and any step the rules refused (none, on an ordinary
/// organisation: the tests see to it).
#[derive(Debug, Clone, PartialEq)]
pub struct DemoSet {
    pub writes: Vec<Write>,
    pub refused: Vec<Refused>,
}

/// The demo for `model`'s organisation, loaded by `me` at `now` in `lang`;
/// `id_seed` gives the new records' ids.
pub fn build(model: &Model, me: RecordId, lang: Lang, now: DateTime<Utc>, id_seed: u64) -> DemoSet {
    let mut sim = sim::Sim::new(model, lang, now, id_seed);
    if let Some(crew) = people::hire(&mut sim, me) {
        let customers = customers::enter(&mut sim, &crew);
        customers::welcome(&mut sim, &customers);
        customers::month_of_contacts(&mut sim, &crew, &customers);
        customers::mine(&mut sim, &crew, &customers);
        let complaints = complaints::loop_cases(&mut sim, &crew, &customers);
        complaints::escalate(&mut sim, &crew, &customers, &complaints);
        visits::month_of_visits(&mut sim, &crew, &customers);
        let open: Vec<RecordId> = complaints
            .iter()
            .flatten()
            .copied()
            .filter(|c| complaint::history(&sim.m, *c).is_ok_and(|v| !v.closed))
            .collect();
        if let Some(shifts) = dept::department(&mut sim, &crew) {
            ops::handovers(&mut sim, &crew, shifts, &open);
        }
        ops::announcements(&mut sim, &crew);
        ops::meetings(&mut sim, &crew);
        answers::standard_answers(&mut sim, &crew);
        quality::inspection(&mut sim, &crew);
        standards::service_standards(&mut sim, &crew);
    }
    let (writes, refused) = sim.finish();
    DemoSet { writes, refused }
}

/// The demo's writes (see [`build`]).
pub fn demo_writes(
    model: &Model,
    me: RecordId,
    lang: Lang,
    now: DateTime<Utc>,
    id_seed: u64,
) -> Vec<Write> {
    build(model, me, lang, now, id_seed).writes
}
