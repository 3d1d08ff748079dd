//! The monthly quota (R-QA-02): every agent reviewed at least once and at
//! most five times a month (numbers a department director may change, in
//! the one `qa_settings` record); the agents still below the minimum this
//! month, and contacts worth reviewing, spread over channels and
//! categories.
//!
//! Who is left out of "below the minimum": an agent whose remaining working
//! days this month (today to the month's last day, in the organisation's
//! calendar) are all covered by approved whole-day leave. Their working
//! days are their rostered shifts when the roster holds any day of theirs
//! in that span (a day off is a rostered day without a shift); with no
//! roster at all for them there, Monday to Friday but public holidays. An
//! agent with no working day left is still listed: a recorded contact can
//! be reviewed without them.

use super::records::*;
use crate::domain::base::dates::{days, Shift};
use crate::domain::base::order;
use crate::domain::base::record::{Audit, Record};
use crate::domain::base::text::fold;
use crate::domain::base::zone::derived_id;
use crate::domain::contact::records::Contact;
use crate::domain::dept::leave_status::{self, LeaveStatus};
use crate::domain::dept::shifts::shifts_of;
use crate::domain::dept::teams::{entry_id, is_holiday};
use crate::domain::error::RuleError;
use crate::domain::model::Model;
use crate::domain::staff::{require, Action, Role, Staff};
use crate::sync::RecordId;
use chrono::{DateTime, Datelike, Duration, Months, NaiveDate, Utc, Weekday};
use std::collections::{BTreeMap, BTreeSet};

/// The most reviews a month's maximum may be set to (one a day).
pub const MAX_PER_MONTH: u32 = 31;
/// An evaluation weight is 0..=MAX_EVAL_WEIGHT.
pub const MAX_EVAL_WEIGHT: u32 = 100;
/// At most this many contacts are suggested at once.
pub const MAX_SUGGESTIONS: usize = 20;

/// The one settings record's id.
pub fn settings_id() -> RecordId {
    derived_id(QaSettings::KIND, &[], "")
}

/// The settings in force: the stored ones made sane (a maximum of 1..=31,
/// a minimum not above it, weights and ranking minimum within bounds), or
/// the defaults.
pub fn settings(model: &Model) -> QaSettings {
    let mut s = model
        .qa
        .settings
        .get(&settings_id())
        .cloned()
        .unwrap_or_default();
    s.max_per_month = s.max_per_month.clamp(1, MAX_PER_MONTH);
    s.min_per_month = s.min_per_month.min(s.max_per_month);
    s.weight_quality = s.weight_quality.min(MAX_EVAL_WEIGHT);
    s.weight_attendance = s.weight_attendance.min(MAX_EVAL_WEIGHT);
    s.weight_workload = s.weight_workload.min(MAX_EVAL_WEIGHT);
    s.min_reviews_to_rank = s.min_reviews_to_rank.min(MAX_PER_MONTH);
    s
}

/// What the settings form hands in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct SettingsDraft {
    pub min_per_month: u32,
    pub max_per_month: u32,
    pub weight_quality: u32,
    pub weight_attendance: u32,
    pub weight_workload: u32,
    pub min_reviews_to_rank: u32,
}

/// R-QA-02, R-QA-04: a department director sets the quota, the
/// evaluation's weights (0..=100, not all 0) and its ranking minimum.
pub fn save_settings(
    model: &Model,
    actor: &Staff,
    d: SettingsDraft,
    now: DateTime<Utc>,
) -> Result<QaSettings, RuleError> {
    require(actor, Action::SetStandards)?;
    if !(1..=MAX_PER_MONTH).contains(&d.max_per_month) || d.min_per_month > d.max_per_month {
        return Err(RuleError::OutOfRange { field: "qa_quota" });
    }
    let weights = [d.weight_quality, d.weight_attendance, d.weight_workload];
    if weights.iter().any(|w| *w > MAX_EVAL_WEIGHT) || weights.iter().all(|w| *w == 0) {
        return Err(RuleError::OutOfRange {
            field: "qa_weights",
        });
    }
    if d.min_reviews_to_rank > MAX_PER_MONTH {
        return Err(RuleError::OutOfRange {
            field: "qa_min_reviews",
        });
    }
    let id = settings_id();
    let mut s = model
        .qa
        .settings
        .get(&id)
        .cloned()
        .unwrap_or_else(|| QaSettings {
            id,
            audit: Audit::new(actor.id, now),
            ..QaSettings::default()
        });
    let before = s.clone();
    s.min_per_month = d.min_per_month;
    s.max_per_month = d.max_per_month;
    s.weight_quality = d.weight_quality;
    s.weight_attendance = d.weight_attendance;
    s.weight_workload = d.weight_workload;
    s.min_reviews_to_rank = d.min_reviews_to_rank;
    if s != before {
        s.audit.touch(actor.id, now);
    }
    Ok(s)
}

/// The reviews of `agent` dated in `from..=to`, but `except`.
pub(crate) fn count_for(
    model: &Model,
    agent: RecordId,
    from: NaiveDate,
    to: NaiveDate,
    except: RecordId,
) -> usize {
    model
        .qa
        .reviews
        .values()
        .filter(|r| r.agent == agent && r.id != except && (from..=to).contains(&r.date))
        .count()
}

/// The first and last day of the month holding `date`.
pub fn month_of(date: NaiveDate) -> (NaiveDate, NaiveDate) {
    let first = date.minus(Duration::days(i64::from(date.day0())));
    let last = first
        .checked_add_months(Months::new(1))
        .and_then(|n| n.pred_opt())
        .unwrap_or(date);
    (first, last)
}

/// The agents: active representatives, by name.
pub fn agents(model: &Model) -> Vec<&Staff> {
    let mut v: Vec<&Staff> = model
        .active_staff()
        .filter(|s| s.role == Role::Representative)
        .collect();
    order::sort_by_key(&mut v, |s| (fold(&s.name), s.id));
    v
}

fn on_approved_leave(model: &Model, person: RecordId, day: NaiveDate) -> bool {
    leave_status::leave_on(model, person, day)
        .is_some_and(|l| !l.part_day && leave_status::status(model, l) == LeaveStatus::Approved)
}

/// The person's working days `from..=to` (see the module's comment).
pub fn working_days(
    model: &Model,
    person: RecordId,
    from: NaiveDate,
    to: NaiveDate,
) -> Vec<NaiveDate> {
    let rostered = days(from, to).any(|d| model.dept.roster.contains_key(&entry_id(person, d)));
    if rostered {
        let mut v: Vec<NaiveDate> = shifts_of(model, person, from, to)
            .into_iter()
            .map(|s| s.date)
            .collect();
        v.dedup();
        return v;
    }
    days(from, to)
        .filter(|d| !matches!(d.weekday(), Weekday::Sat | Weekday::Sun))
        .filter(|d| !is_holiday(model, *d))
        .collect()
}

/// Whether every working day left this month is approved leave (and at
/// least one is left).
pub fn away_rest_of_month(model: &Model, person: RecordId, today: NaiveDate) -> bool {
    let (_, last) = month_of(today);
    let left = working_days(model, person, today, last);
    !left.is_empty() && left.iter().all(|d| on_approved_leave(model, person, *d))
}

/// One agent below the month's minimum.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Below {
    pub agent: RecordId,
    /// Reviews dated this month so far.
    pub reviews: usize,
    pub min: usize,
}

/// R-QA-02: the agents below the minimum so far this month (the
/// organisation's calendar), fewest reviews first, then by name; agents
/// away on approved leave for the rest of the month left out.
pub fn below_minimum(model: &Model, now: DateTime<Utc>) -> Vec<Below> {
    let today = model.zone().local_date(now);
    let (first, last) = month_of(today);
    let min = settings(model).min_per_month as usize;
    let mut v: Vec<(Below, String)> = agents(model)
        .into_iter()
        .map(|a| {
            let reviews = count_for(model, a.id, first, last, RecordId::default());
            (
                Below {
                    agent: a.id,
                    reviews,
                    min,
                },
                fold(&a.name),
            )
        })
        .filter(|(b, _)| b.reviews < min)
        .filter(|(b, _)| !away_rest_of_month(model, b.agent, today))
        .collect();
    order::sort_by(&mut v, |(a, an), (b, bn)| {
        (a.reviews, an, a.agent).cmp(&(b.reviews, bn, b.agent))
    });
    v.into_iter().map(|(b, _)| b).collect()
}

/// How many more reviews `agent` may have in the month of `date`.
pub fn reviews_left(model: &Model, agent: RecordId, date: NaiveDate) -> usize {
    let (first, last) = month_of(date);
    let done = count_for(model, agent, first, last, RecordId::default());
    (settings(model).max_per_month as usize).saturating_sub(done)
}

/// R-QA-02: up to `limit` (at most 20) of `agent`'s contacts this month,
/// up to now, that no review looked at yet, spread over channels and
/// categories: one from each (channel, category) in turn, in code order,
/// newest first within each. The same records give the same list.
pub fn suggest_contacts(
    model: &Model,
    agent: RecordId,
    now: DateTime<Utc>,
    limit: usize,
) -> Vec<RecordId> {
    let zone = model.zone();
    let (first, _) = month_of(zone.local_date(now));
    let reviewed: BTreeSet<RecordId> = model
        .qa
        .reviews
        .values()
        .filter_map(|r| r.contact)
        .collect();
    let mut groups: BTreeMap<(&str, &str), Vec<&Contact>> = BTreeMap::new();
    for c in model.contacts.values() {
        if c.owner != agent || reviewed.contains(&c.id) || c.received_at > now {
            continue;
        }
        if zone.local_date(c.received_at) < first {
            continue;
        }
        groups
            .entry((c.channel.code(), c.category.code()))
            .or_default()
            .push(c);
    }
    let mut queues: Vec<Vec<&Contact>> = groups
        .into_values()
        .map(|mut g| {
            order::sort_by_key(&mut g, |c| (c.received_at, c.id));
            g
        })
        .collect();
    let want = limit.min(MAX_SUGGESTIONS);
    let mut out = Vec::new();
    while out.len() < want && queues.iter().any(|q| !q.is_empty()) {
        for q in queues.iter_mut() {
            if out.len() >= want {
                break;
            }
            if let Some(c) = q.pop() {
                out.push(c.id);
            }
        }
    }
    out
}
