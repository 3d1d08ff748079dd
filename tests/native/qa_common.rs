//! Fixtures for the quality-inspection tests: the department of
//! `dept_common` with a quality inspector, contacts of representatives 3
//! and 4 over several channels and categories, and a device that saves
//! through the sync layer as the store does (so two of them can merge).

use crate::common::*;
use crate::dept_common::*;
pub use crate::device_common::{refused, Device};
use chrono::{DateTime, Duration, NaiveDate, Utc};
use ventanilla::domain::contact::{Category, Channel, Contact};
use ventanilla::domain::qa::{act, ReviewDraft, Score};
use ventanilla::domain::staff::Role;
use ventanilla::domain::{Audit, Model};

/// The quality inspector.
pub const INSPECTOR: u128 = 8;
/// The department director.
pub const DIRECTOR: u128 = 5;
/// Representatives of team "Mañana", and of "Tarde".
pub const REP: u128 = 3;
pub const REP2: u128 = 4;
pub const REP_TARDE: u128 = 7;
/// Team leaders of "Mañana" and "Tarde".
pub const LEADER: u128 = 2;
pub const LEADER_TARDE: u128 = 6;

/// The standard criteria's keys, in order.
pub const FIVE: [&str; 5] = ["wording", "attitude", "tone", "summary", "answering"];

/// A day of November 2026 (`now()` is the 22nd, a Sunday).
pub fn nov(day: u32) -> NaiveDate {
    d(2026, 11, day)
}

fn contact(
    n: u128,
    owner: u128,
    channel: Channel,
    category: Category,
    at: DateTime<Utc>,
) -> Contact {
    Contact {
        id: id(n),
        owner: id(owner),
        channel,
        category,
        summary: format!("Contacto {n}"),
        received_at: at,
        audit: Audit::new(id(owner), at),
        ..Contact::default()
    }
}

/// `dept()` plus inspector 8 and contacts 30..=36 (rep 3) and 40 (rep 4).
pub fn world() -> Model {
    let mut m = dept();
    put(
        &mut m,
        &staff(INSPECTOR, "Inés Calidad", Role::QualityInspector, &[]),
    );
    let t = |day: u32, h: u32| madrid(2026, 11, day, h, 0);
    for (n, owner, ch, cat, at) in [
        (30, REP, Channel::Phone, Category::Claim, t(2, 9)),
        (31, REP, Channel::Phone, Category::Claim, t(9, 9)),
        (32, REP, Channel::Phone, Category::Claim, t(16, 9)),
        (33, REP, Channel::Email, Category::Enquiry, t(10, 9)),
        (34, REP, Channel::WalkIn, Category::Complaint, t(11, 9)),
        (35, REP, Channel::Phone, Category::Enquiry, t(12, 9)),
        (
            36,
            REP,
            Channel::Phone,
            Category::Claim,
            madrid(2026, 10, 30, 9, 0),
        ),
        (40, REP2, Channel::Phone, Category::Claim, t(3, 9)),
    ] {
        put(&mut m, &contact(n, owner, ch, cat, at));
    }
    m
}

/// Scores on the standard criteria, in order (None: not applicable).
pub fn scores(values: [Option<u8>; 5]) -> Vec<Score> {
    FIVE.iter()
        .zip(values)
        .map(|(k, v)| Score {
            criterion: k.to_string(),
            score: v,
            ..Score::default()
        })
        .collect()
}

/// Every standard criterion scored `n`.
pub fn all(n: u8) -> Vec<Score> {
    scores([Some(n); 5])
}

pub fn draft(agent: u128, date: NaiveDate, scores: Vec<Score>) -> ReviewDraft {
    ReviewDraft {
        agent: id(agent),
        date,
        scores,
        ..ReviewDraft::default()
    }
}

/// Device `n` of this organisation (`device_common::Device`).
pub fn qa_device(n: u64) -> Device {
    Device::on(n, world())
}

impl Device {
    /// The inspector reviews `agent` on `date` (review `n`), at `now()`
    /// plus `n` seconds so reviews are ordered.
    pub fn review(&mut self, n: u128, agent: u128, date: NaiveDate, scores: Vec<Score>) {
        let inspector = self.who(INSPECTOR);
        let at = now() + Duration::seconds(n as i64);
        self.save(act::record_review(
            &self.model,
            &inspector,
            draft(agent, date, scores),
            id(n),
            at,
        ));
    }

    /// Review `n`'s total now.
    pub fn total(&self, n: u128) -> Option<u32> {
        let r = &self.model.qa.reviews[&id(n)];
        ventanilla::domain::qa::review_total(&self.model, r)
    }
}
