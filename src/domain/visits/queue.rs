//! Who calls whom, and when: distribution (R-RV-06), quiet hours (R-RV-01),
//! and my queue.

use super::{is_overdue, local_day};
use crate::domain::base::dates::Shift;
use crate::domain::base::limits::{text, Need};
use crate::domain::base::order;
use crate::domain::base::record::to_writes;
use crate::domain::base::text::fold;
use crate::domain::base::zone::Zone;
use crate::domain::customer::{default_quiet_hours, Customer};
use crate::domain::error::RuleError;
use crate::domain::model::Model;
use crate::domain::staff::{require, Action, Role, Staff};
use crate::domain::visits::{ReturnVisit, VisitMethod};
use crate::sync::{RecordId, Write};
use chrono::{DateTime, Duration, NaiveTime, Utc};
use std::collections::{HashMap, HashSet};

/// Who may take return visits (R-RV-06): active representatives and team
/// leaders (as for customers, R-CUS-01), by id; when there are none,
/// anyone active, so a visit always lands in someone's queue.
pub fn specialists(model: &Model) -> Vec<RecordId> {
    takers(model, &HashSet::new())
}

/// [`specialists`] other than `away`; anyone active but `away` when no
/// representative or team leader is left.
fn takers(model: &Model, away: &HashSet<RecordId>) -> Vec<RecordId> {
    let present = || model.active_staff().filter(|s| !away.contains(&s.id));
    let specialists: Vec<RecordId> = present()
        .filter(|s| matches!(s.role, Role::Representative | Role::TeamLeader))
        .map(|s| s.id)
        .collect();
    if specialists.is_empty() {
        present().map(|s| s.id).collect()
    } else {
        specialists
    }
}

/// R-RV-06: the customer's own specialist when among `people`; otherwise
/// one of `people`, asked in turn: the representatives, then (when no
/// representative is among them) everyone else in `people`. Within that
/// turn, the least loaded (open visits), only among those whose skills
/// match the customer's tags when any do. Ties go to the lower id, so
/// every device computes the same. Returns (visit, person) pairs.
pub fn distribute(
    model: &Model,
    visits: &[ReturnVisit],
    people: &[RecordId],
) -> Vec<(RecordId, RecordId)> {
    let moving: HashSet<RecordId> = visits.iter().map(|v| v.id).collect();
    let mut load: HashMap<RecordId, usize> = people.iter().map(|p| (*p, 0)).collect();
    for v in model.visits.values() {
        if v.is_open() && !moving.contains(&v.id) {
            if let Some(n) = v.assignee.and_then(|a| load.get_mut(&a)) {
                *n += 1;
            }
        }
    }
    let representatives: Vec<RecordId> = people
        .iter()
        .copied()
        .filter(|p| {
            model
                .staff
                .get(p)
                .is_some_and(|s| s.role == Role::Representative)
        })
        .collect();
    let turn: &[RecordId] = if representatives.is_empty() {
        people
    } else {
        &representatives
    };
    let mut order: Vec<&ReturnVisit> = visits.iter().collect();
    order::sort_by_key(&mut order, |v| (v.due, v.id));
    let mut out = Vec::with_capacity(order.len());
    for v in order {
        let customer = model.customers.get(&v.customer);
        let own = customer
            .and_then(|c| c.specialist)
            .filter(|s| load.contains_key(s));
        let pick = own.or_else(|| {
            let tags: Vec<String> = customer
                .map(|c| c.tags.iter().map(|t| fold(t)).collect())
                .unwrap_or_default();
            let skilled = |p: &RecordId| {
                model
                    .staff
                    .get(p)
                    .is_some_and(|s| s.skills.iter().any(|k| tags.contains(&fold(k))))
            };
            let matching: Vec<RecordId> = turn.iter().copied().filter(skilled).collect();
            let pool = if matching.is_empty() { turn } else { &matching };
            pool.iter()
                .copied()
                .min_by_key(|p| (load.get(p).copied().unwrap_or(0), *p))
        });
        if let Some(p) = pick {
            *load.entry(p).or_insert(0) += 1;
            out.push((v.id, p));
        }
    }
    out
}

/// R-RV-06: a team leader moves open visits in bulk, to one person or,
/// with `to` None, spread over the others who may take them (their current
/// assignees are away).
pub fn reassign(
    model: &Model,
    actor: &Staff,
    visits: &[RecordId],
    to: Option<RecordId>,
    now: DateTime<Utc>,
) -> Result<Vec<Write>, RuleError> {
    require(actor, Action::AssignVisits)?;
    let mut chosen = Vec::with_capacity(visits.len());
    for id in visits {
        let v = model
            .visits
            .get(id)
            .ok_or(RuleError::NotFound { what: "visit" })?;
        if !v.is_open() {
            return Err(RuleError::VisitDone);
        }
        chosen.push(v.clone());
    }
    let pairs: Vec<(RecordId, RecordId)> = match to {
        Some(p) => {
            if !model.staff.get(&p).is_some_and(|s| s.active) {
                return Err(RuleError::InactiveStaff);
            }
            chosen.iter().map(|v| (v.id, p)).collect()
        }
        None => {
            let away: HashSet<RecordId> = chosen.iter().filter_map(|v| v.assignee).collect();
            let people = takers(model, &away);
            if people.is_empty() {
                return Err(RuleError::InactiveStaff);
            }
            distribute(model, &chosen, &people)
        }
    };
    let mut writes = Vec::new();
    for (id, person) in pairs {
        let Some(old) = chosen.iter().find(|v| v.id == id) else {
            continue;
        };
        let mut v = old.clone();
        v.assignee = Some(person);
        v.audit.touch(actor.id, now);
        writes.extend(to_writes(Some(old), &v));
    }
    Ok(writes)
}

/// R-RV-01: outside the customer's quiet hours at `now` in the
/// organisation's `zone`.
pub fn callable_now(customer: &Customer, now: DateTime<Utc>, zone: Zone) -> bool {
    !customer.is_quiet_at(zone.local(now).time())
}

/// The first moment from `now` outside the customer's quiet hours; None
/// when the ranges cover the whole day.
pub fn next_callable(customer: &Customer, now: DateTime<Utc>, zone: Zone) -> Option<DateTime<Utc>> {
    if callable_now(customer, now, zone) {
        return Some(now);
    }
    let local = zone.local(now);
    let ranges = if customer.quiet_hours.is_empty() {
        default_quiet_hours()
    } else {
        customer.quiet_hours.clone()
    };
    let ends = ranges
        .iter()
        .filter_map(|(_, b)| NaiveTime::parse_from_str(b.trim(), "%H:%M").ok());
    let mut best: Option<DateTime<Utc>> = None;
    for end in ends {
        for day in [local.date(), local.date().plus(Duration::days(1))] {
            let at = day.and_time(end);
            if at <= local || customer.is_quiet_at(end) {
                continue;
            }
            let t = zone.to_utc(at);
            best = Some(best.map_or(t, |b| b.min(t)));
        }
    }
    best
}

use crate::domain::base::limits::MAX_REASON as MAX_OVERRIDE;

/// R-RV-01: a call or SMS in the customer's quiet hours needs a reason,
/// which is returned to be stored; e-mail disturbs nobody. Empty when no
/// override was needed.
pub fn check_quiet(
    customer: &Customer,
    method: VisitMethod,
    now: DateTime<Utc>,
    zone: Zone,
    override_reason: &str,
) -> Result<String, RuleError> {
    if method == VisitMethod::Email || callable_now(customer, now, zone) {
        return Ok(String::new());
    }
    let reason = text(
        override_reason,
        "quiet_override",
        MAX_OVERRIDE,
        Need::Optional,
    )?;
    if reason.is_empty() {
        let until = next_callable(customer, now, zone)
            .map(|t| zone.local(t).format("%H:%M").to_string())
            .unwrap_or_default();
        return Err(RuleError::QuietHours { until });
    }
    Ok(reason.to_string())
}

/// One line of my call queue.
#[derive(Debug, Clone, PartialEq)]
pub struct QueueEntry {
    pub visit: RecordId,
    pub customer: RecordId,
    /// Outside quiet hours and past any agreed callback time.
    pub callable: bool,
    /// When the call may be made, when not now.
    pub from: Option<DateTime<Utc>>,
    pub overdue: bool,
    pub attempts: usize,
}

/// R-RV-01 + R-RV-04: my open visits already due, callable ones first, then
/// overdue ones, then by due date.
pub fn my_queue(model: &Model, me: RecordId, now: DateTime<Utc>, zone: Zone) -> Vec<QueueEntry> {
    let today = local_day(now, zone);
    let mut out: Vec<(QueueEntry, chrono::NaiveDate)> = model
        .open_visits_of(me)
        .filter(|v| v.due <= today)
        .filter_map(|v| {
            let c = model.customers.get(&v.customer)?;
            let wait = v.callback_at.filter(|t| *t > now);
            let quiet_until = next_callable(c, now, zone).filter(|t| *t > now);
            let from = match (wait, quiet_until) {
                (Some(w), _) => Some(w),
                (None, q) if !callable_now(c, now, zone) => q,
                _ => None,
            };
            let callable = wait.is_none() && callable_now(c, now, zone);
            let entry = QueueEntry {
                visit: v.id,
                customer: c.id,
                callable,
                from,
                overdue: is_overdue(model, v, today),
                attempts: model.rv.attempts_of(v.id).len(),
            };
            Some((entry, v.due))
        })
        .collect();
    order::sort_by_key(&mut out, |(e, due)| {
        (!e.callable, !e.overdue, *due, e.visit)
    });
    out.into_iter().map(|(e, _)| e).collect()
}
