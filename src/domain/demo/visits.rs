//! The demo's return visits, day by day over the last three weeks: each
//! morning the visits that fall due are made by the rules (store visits the
//! day before, complaints closed, members every 90 days, birthdays, cards
//! about to expire, the kitchen campaign), exactly as the app makes them
//! when a queue is opened; then the specialists call, outside the
//! customers' quiet hours. Most are done within three days, some answer
//! only at the second try or ask to be called back, some are not reached
//! yet: those are due or overdue today.

use super::customers::Cust;
use super::people::Crew;
use super::sim::Sim;
use super::text;
use crate::domain::base::dates::Shift;
use crate::domain::base::order;
use crate::domain::customer::act as customer;
use crate::domain::error::RuleError;
use crate::domain::visits::{
    self, act as visit_act, CallIds, CallResult, CampaignDraft, CampaignReason, RaiseIds, Raised,
    ReturnVisit, VisitMethod, VisitOutcome, VisitSettings,
};
use crate::sync::{RecordId, Write};
use chrono::{DateTime, Duration, Utc};
use std::collections::{BTreeMap, HashMap, HashSet};

/// The three weeks simulated.
const FIRST_DAY: i64 = -21;
/// (day, customer): who came to the store when; their visit is due the
/// next day.
const STORE_VISITS: [(i64, usize); 10] = [
    (-20, 5),
    (-17, 21),
    (-15, 33),
    (-12, 47),
    (-9, 58),
    (-7, 70),
    (-5, 84),
    (-3, 96),
    (-2, 103),
    (-1, 117),
];
/// The campaign: made on day -9, running from -8 to +6.
const CAMPAIGN: (i64, i64, i64) = (-9, -8, 6);

/// What will become of a visit.
#[derive(Clone, Copy)]
enum Plan {
    /// Nobody gets to it: it stays open, and overdue after three days.
    Never,
    /// Called this many days after it falls due, reached at once.
    Reached(i64, VisitOutcome),
    /// Unreachable on the day it falls due, reached the day after.
    SecondTry(VisitOutcome),
    /// The customer asks to be called back the next evening.
    Callback(VisitOutcome),
}

pub(super) fn month_of_visits(sim: &mut Sim, crew: &Crew, customers: &[Cust]) {
    let index: HashMap<RecordId, usize> = customers
        .iter()
        .enumerate()
        .map(|(i, c)| (c.id, i))
        .collect();
    let by_email: HashSet<RecordId> = customers
        .iter()
        .filter(|c| c.by_email)
        .map(|c| c.id)
        .collect();
    let mut plans: BTreeMap<RecordId, Plan> = BTreeMap::new();
    let mut calls = Calls::default();
    for d in FIRST_DAY..=0 {
        if let Some(t) = sim.past(d, 8, 30) {
            make_due(sim, crew, &index, d, t);
        }
        if d == CAMPAIGN.0 {
            campaign(sim, crew);
        }
        for (_, n) in STORE_VISITS.iter().filter(|(day, _)| *day == d) {
            if let (Some(c), Some(t)) = (customers.get(*n), sim.past(d, 17, 40)) {
                let rep = sim.who(c.specialist);
                let done = customer::record_store_visit(&sim.m, &rep, c.id, t);
                sim.take("customer", done);
            }
        }
        call_day(sim, crew, &index, &by_email, &mut plans, &mut calls, d);
    }
    give_me_some(sim, crew);
}

/// The visits due by rule on day `d`, made as the app makes them, for the
/// demo's customers only (the user's own are the app's business).
fn make_due(
    sim: &mut Sim,
    crew: &Crew,
    index: &HashMap<RecordId, usize>,
    d: i64,
    t: DateTime<Utc>,
) {
    let actor = sim.who(crew.leads[0]);
    let day = sim.day(d);
    let settings = VisitSettings::default();
    let writes = visits::materialise(&sim.m, &actor, day, sim.zone, &settings, t);
    let ours: HashSet<RecordId> = writes
        .iter()
        .filter(|w| w.field == "customer")
        .filter(|w| {
            serde_json::from_value::<RecordId>(w.value.clone())
                .is_ok_and(|c| index.contains_key(&c))
        })
        .map(|w| w.id)
        .collect();
    let writes: Vec<Write> = writes
        .into_iter()
        .filter(|w| ours.contains(&w.id))
        .collect();
    sim.take::<RuleError>("visit", Ok(writes));
}

fn campaign(sim: &mut Sim, crew: &Crew) {
    let (made, starts, ends) = CAMPAIGN;
    let Some(t) = sim.past(made, 16, 0) else {
        return;
    };
    let draft = CampaignDraft {
        name: sim.tr(("Semana de la cocina", "Kitchen week")).to_string(),
        reason: CampaignReason::Promotion,
        tag: sim.tr(text::KITCHENS).to_string(),
        customer_kind: None,
        starts: sim.day(starts).to_string(),
        ends: sim.day(ends).to_string(),
    };
    let lead = sim.who(crew.leads[1]);
    let id = sim.id();
    let done = visit_act::save_campaign(&sim.m, &lead, None, draft, id, t);
    sim.take("campaign", done);
}

/// Counts what the day's calls have done, for the extras a few get.
#[derive(Default)]
struct Calls {
    replies_promised: usize,
    raised: bool,
}

fn plan(sim: &mut Sim) -> Plan {
    let outcome = match sim.rng.below(100) {
        0..=69 => VisitOutcome::Satisfied,
        70..=89 => VisitOutcome::Average,
        _ => VisitOutcome::Dissatisfied,
    };
    match sim.rng.below(100) {
        0..=14 => Plan::Never,
        15..=24 => Plan::SecondTry(outcome),
        25..=29 => Plan::Callback(outcome),
        _ => Plan::Reached(sim.rng.range(0, 2), outcome),
    }
}

/// Calls on day `d`: each open visit whose plan says today, in the
/// morning (10:00–11:45) and evening (18:00–20:30) slots.
#[allow(clippy::too_many_arguments)]
fn call_day(
    sim: &mut Sim,
    crew: &Crew,
    index: &HashMap<RecordId, usize>,
    by_email: &HashSet<RecordId>,
    plans: &mut BTreeMap<RecordId, Plan>,
    calls: &mut Calls,
    d: i64,
) {
    let day = sim.day(d);
    let callers = crew.specialists();
    let mut open: Vec<ReturnVisit> = sim
        .m
        .visits
        .values()
        .filter(|v| v.demo && v.is_open() && v.due <= day)
        .filter(|v| v.assignee.is_some_and(|a| callers.contains(&a)))
        .filter(|v| index.contains_key(&v.customer))
        .cloned()
        .collect();
    // An order that does not depend on the ids, so the story does not either.
    order::sort_by_key(&mut open, |v| {
        (v.due, v.reason.code(), index.get(&v.customer).copied())
    });
    let mut slot = 0i64;
    for v in open {
        let p = match plans.get(&v.id) {
            Some(p) => *p,
            None => {
                // The first two to fall due are never reached: overdue today.
                let p = if plans.len() < 2 {
                    Plan::Never
                } else {
                    plan(sim)
                };
                plans.insert(v.id, p);
                p
            }
        };
        let late = (day - v.due).num_days();
        let attempts = sim.m.rv.attempts_of(v.id).len();
        let outcome = match p {
            Plan::Never => continue,
            Plan::Reached(after, o) if late >= after => o,
            Plan::SecondTry(_) if attempts == 0 => VisitOutcome::Unreachable,
            Plan::SecondTry(o) if late >= 1 => o,
            Plan::Callback(_) if attempts == 0 => VisitOutcome::CallbackRequested,
            Plan::Callback(o) if v.callback_at.is_some_and(|t| sim.zone.local_date(t) <= day) => o,
            _ => continue,
        };
        let minutes = if slot < 16 {
            10 * 60 + slot * 7
        } else {
            18 * 60 + (slot - 16) * 6
        };
        slot += 1;
        if minutes > 20 * 60 + 30 {
            continue;
        }
        let Some(t) = sim.past(d, (minutes / 60) as u32, (minutes % 60) as u32) else {
            continue;
        };
        let t = match v.callback_at {
            Some(cb) if outcome != VisitOutcome::CallbackRequested && cb > t => cb,
            _ => t,
        };
        if t <= v.audit.created_at || t > sim.now {
            continue;
        }
        call(sim, &v, outcome, by_email.contains(&v.customer), calls, t);
    }
}

fn call(
    sim: &mut Sim,
    v: &ReturnVisit,
    outcome: VisitOutcome,
    email: bool,
    calls: &mut Calls,
    t: DateTime<Utc>,
) {
    let Some(caller) = v.assignee.map(|a| sim.who(a)) else {
        return;
    };
    let method = if email {
        VisitMethod::Email
    } else {
        VisitMethod::Phone
    };
    let talked = matches!(
        outcome,
        VisitOutcome::Satisfied | VisitOutcome::Average | VisitOutcome::Dissatisfied
    );
    let mut result = CallResult {
        method: Some(method),
        outcome: Some(outcome),
        ..CallResult::default()
    };
    match outcome {
        VisitOutcome::Average | VisitOutcome::Dissatisfied => {
            result.unhappy_with = sim.say(&text::UNHAPPY).to_string();
        }
        VisitOutcome::CallbackRequested => {
            let local = sim.zone.local_date(t).succ_opt().unwrap_or(sim.today);
            let time = chrono::NaiveTime::from_hms_opt(18, 30, 0).unwrap_or_default();
            result.callback_at = Some(sim.zone.to_utc(local.and_time(time)));
        }
        _ => {}
    }
    if talked && sim.rng.chance(40) {
        result.suggestions = sim.say(&text::SUGGESTIONS).to_string();
    }
    if talked && sim.rng.chance(30) {
        result.notes = sim.say(&text::CALL_NOTES).to_string();
    }
    if outcome == VisitOutcome::Satisfied && calls.replies_promised < text::REPLY_ABOUT.len() {
        let local = sim.zone.local_date(t);
        result.reply_promised_by = Some(local.plus(Duration::days(3)));
        result.reply_about = sim
            .tr(text::REPLY_ABOUT[calls.replies_promised])
            .to_string();
        calls.replies_promised += 1;
    }
    let ids = CallIds {
        attempt: sim.id(),
        task: sim.id(),
    };
    let done = visits::record_call(&sim.m, &caller, v.id, result, ids, t, sim.zone);
    if !sim.take("visit_attempt", done) {
        return;
    }
    // A suggestion heard on a call becomes a contact (R-RV-08).
    if outcome == VisitOutcome::Dissatisfied && !calls.raised {
        calls.raised = true;
        let ids = RaiseIds {
            contact: sim.id(),
            complaint: sim.id(),
        };
        let summary = sim.tr(text::RAISED);
        let at = t.plus(Duration::minutes(3)).min(sim.now);
        let raised =
            visits::raise_from_visit(&sim.m, &caller, v.id, Raised::Suggestion, summary, ids, at);
        sim.take("contact", raised);
    }
}

/// Two open visits moved to the person who loaded the demo by the morning
/// team's leader (R-RV-06), so their own queue has calls in it: the
/// oldest overdue one and the newest due one.
fn give_me_some(sim: &mut Sim, crew: &Crew) {
    let today = sim.today;
    let callers = crew.specialists();
    let mut open: Vec<&ReturnVisit> = sim
        .m
        .visits
        .values()
        .filter(|v| v.demo && v.is_open() && v.due <= today && v.callback_at.is_none())
        .filter(|v| v.assignee.is_some_and(|a| callers.contains(&a)))
        .collect();
    order::sort_by_key(&mut open, |v| (v.due, v.reason.code()));
    let overdue = open
        .iter()
        .find(|v| visits::is_overdue(&sim.m, v, today))
        .map(|v| v.id);
    let due = open
        .iter()
        .rev()
        .find(|v| !visits::is_overdue(&sim.m, v, today))
        .map(|v| v.id);
    let moving: Vec<RecordId> = overdue.into_iter().chain(due).collect();
    if moving.is_empty() || crew.me == crew.leads[0] {
        return;
    }
    let lead = sim.who(crew.leads[0]);
    let t = sim.now;
    let moved = visits::reassign(&sim.m, &lead, &moving, Some(crew.me), t);
    sim.take("visit", moved);
}
