//! The weekly summary and training plan (R-QA-03): for a chosen week, the
//! figures drafted from the reviews (each agent's average and count, the
//! weakest criteria, the most frequent root causes); then the week's plan,
//! which the inspector writes (items for everyone or named people, each
//! with who runs it and by when) and sends to the department director, who
//! acknowledges it; and the training items a person has on Today.

use super::records::*;
use super::review::{effective_scores, require_inspector, review_total, reviews_between};
use super::scorecard::{round_div, share, valid};
use crate::domain::base::dates::Shift;
use crate::domain::base::limits::{text, Need, MAX_LONG_TEXT, MAX_TEXT};
use crate::domain::base::order;
use crate::domain::base::record::{Audit, Record};
use crate::domain::base::text::fold;
use crate::domain::base::zone::{derived_id, week_start};
use crate::domain::error::RuleError;
use crate::domain::model::Model;
use crate::domain::staff::{require, Action, Staff};
use crate::sync::RecordId;
use chrono::{DateTime, Duration, NaiveDate, Utc};
use std::collections::BTreeMap;

/// The summary lists this many weakest criteria.
pub const WEAKEST: usize = 3;
/// … and this many most frequent root causes.
pub const TOP_CAUSES: usize = 5;
/// At most this many people named on one training item.
pub const MAX_PEOPLE: usize = 100;
/// An item is due at most this many days after its week starts.
const MAX_DUE_DAYS: i64 = 366;

/// One agent's line: reviews counted and their average total.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgentLine {
    pub agent: RecordId,
    pub reviews: usize,
    /// Tenths of a percent; None when no review has a total.
    pub average: Option<u32>,
}

/// One criterion's line: how often it was scored and its average share.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CriterionLine {
    pub key: String,
    /// Its name in the newest version met (empty: a standard criterion).
    pub name: String,
    pub scored: usize,
    pub average: Option<u32>,
}

/// The figures of some reviews: per agent (by agent id) and per criterion
/// (by key).
pub(crate) fn lines(model: &Model, reviews: &[&Review]) -> (Vec<AgentLine>, Vec<CriterionLine>) {
    let mut agents: BTreeMap<RecordId, (usize, u64, u64)> = BTreeMap::new();
    let mut criteria: BTreeMap<String, (String, u64, u64)> = BTreeMap::new();
    for r in reviews {
        let a = agents.entry(r.agent).or_default();
        a.0 = a.0.saturating_add(1);
        if let Some(t) = review_total(model, r) {
            a.1 = a.1.saturating_add(u64::from(t));
            a.2 = a.2.saturating_add(1);
        }
        let version = model.qa.scorecards.get(&r.scorecard);
        for s in effective_scores(model, r) {
            let name = version
                .and_then(|v| v.criteria.iter().find(|c| c.key == s.criterion))
                .map(|c| c.name.clone())
                .unwrap_or_default();
            let e = criteria.entry(s.criterion.clone()).or_default();
            if !name.is_empty() {
                e.0 = name;
            }
            if let Some(n) = valid(s.score) {
                e.1 = e.1.saturating_add(u64::from(share(n)));
                e.2 = e.2.saturating_add(1);
            }
        }
    }
    let avg = |sum: u64, n: u64| round_div(sum, n).and_then(|x| u32::try_from(x).ok());
    let agents = agents
        .into_iter()
        .map(|(agent, (reviews, sum, n))| AgentLine {
            agent,
            reviews,
            average: avg(sum, n),
        })
        .collect();
    let criteria = criteria
        .into_iter()
        .map(|(key, (name, sum, n))| CriterionLine {
            key,
            name,
            scored: usize::try_from(n).unwrap_or(usize::MAX),
            average: avg(sum, n),
        })
        .collect();
    (agents, criteria)
}

/// Root-cause tags by how often they were given (compared folded, shown
/// as first written), most frequent first, then alphabetically.
pub(crate) fn causes(model: &Model, reviews: &[&Review]) -> Vec<(String, usize)> {
    let mut count: BTreeMap<String, (String, usize)> = BTreeMap::new();
    for r in reviews {
        for s in effective_scores(model, r) {
            for c in &s.causes {
                let e = count
                    .entry(fold(c))
                    .or_insert_with(|| (c.trim().to_string(), 0));
                e.1 = e.1.saturating_add(1);
            }
        }
    }
    let mut v: Vec<(String, String, usize)> = count
        .into_iter()
        .map(|(f, (shown, n))| (f, shown, n))
        .collect();
    order::sort_by(&mut v, |a, b| b.2.cmp(&a.2).then_with(|| a.0.cmp(&b.0)));
    v.into_iter().map(|(_, shown, n)| (shown, n)).collect()
}

/// A week's summary, drafted from the records.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WeekSummary {
    /// The Monday of the week.
    pub week: NaiveDate,
    pub reviews: usize,
    /// Each agent reviewed that week, lowest average first (none last).
    pub agents: Vec<AgentLine>,
    /// The `WEAKEST` criteria with the lowest average share.
    pub weakest: Vec<CriterionLine>,
    /// The `TOP_CAUSES` most frequent root causes.
    pub causes: Vec<(String, usize)>,
}

/// R-QA-03: the summary of the week holding `day`, for inspectors and
/// directors.
pub fn weekly_summary(
    model: &Model,
    viewer: &Staff,
    day: NaiveDate,
) -> Result<WeekSummary, RuleError> {
    require_inspector(viewer)?;
    let week = week_start(day);
    let reviews = reviews_between(model, week, week.plus(Duration::days(6)));
    let (mut agents, criteria) = lines(model, &reviews);
    order::sort_by_key(&mut agents, |a| (a.average.is_none(), a.average, a.agent));
    let mut weakest: Vec<CriterionLine> = criteria
        .into_iter()
        .filter(|c| c.average.is_some())
        .collect();
    order::sort_by(&mut weakest, |a, b| {
        a.average.cmp(&b.average).then_with(|| a.key.cmp(&b.key))
    });
    weakest.truncate(WEAKEST);
    let mut causes = causes(model, &reviews);
    causes.truncate(TOP_CAUSES);
    Ok(WeekSummary {
        week,
        reviews: reviews.len(),
        agents,
        weakest,
        causes,
    })
}

/// The plan of the week holding `day`: one record per week.
pub fn plan_id(day: NaiveDate) -> RecordId {
    derived_id(TrainingPlan::KIND, &[], &week_start(day).to_string())
}

/// R-QA-03: the week's plan with the inspector's notes on the common
/// problems (made when missing).
pub fn save_plan(
    model: &Model,
    actor: &Staff,
    day: NaiveDate,
    notes: &str,
    now: DateTime<Utc>,
) -> Result<TrainingPlan, RuleError> {
    require_inspector(actor)?;
    let notes = text(notes, "qa_plan_notes", MAX_LONG_TEXT, Need::Optional)?;
    let id = plan_id(day);
    let mut p = model
        .qa
        .plans
        .get(&id)
        .cloned()
        .unwrap_or_else(|| TrainingPlan {
            id,
            week: week_start(day),
            audit: Audit::new(actor.id, now),
            ..TrainingPlan::default()
        });
    let before = p.clone();
    p.notes = notes;
    if p != before {
        p.audit.touch(actor.id, now);
    }
    Ok(p)
}

/// What the training item form hands in.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ItemDraft {
    pub text: String,
    /// Empty: everyone.
    pub people: Vec<RecordId>,
    pub owner: RecordId,
    pub due: NaiveDate,
}

fn check_item(model: &Model, plan: &TrainingPlan, d: &ItemDraft) -> Result<ItemDraft, RuleError> {
    let text = text(&d.text, "qa_item_text", MAX_TEXT, Need::Required)?;
    if d.people.len() > MAX_PEOPLE {
        return Err(RuleError::OutOfRange {
            field: "qa_item_people",
        });
    }
    let mut people: Vec<RecordId> = Vec::new();
    for p in &d.people {
        if !model.staff.contains_key(p) {
            return Err(RuleError::NotFound { what: "staff" });
        }
        if !people.contains(p) {
            people.push(*p);
        }
    }
    if !model.staff.get(&d.owner).is_some_and(|s| s.active) {
        return Err(RuleError::InactiveStaff);
    }
    if d.due < plan.week || d.due > plan.week.plus(Duration::days(MAX_DUE_DAYS)) {
        return Err(RuleError::InvalidDate {
            field: "qa_item_due",
        });
    }
    Ok(ItemDraft {
        text,
        people,
        owner: d.owner,
        due: d.due,
    })
}

/// R-QA-03: a new item `id` of plan `plan`.
pub fn add_item(
    model: &Model,
    actor: &Staff,
    plan: RecordId,
    draft: &ItemDraft,
    id: RecordId,
    now: DateTime<Utc>,
) -> Result<TrainingItem, RuleError> {
    require_inspector(actor)?;
    let p = model
        .qa
        .plans
        .get(&plan)
        .ok_or(RuleError::NotFound { what: "qa_plan" })?;
    let d = check_item(model, p, draft)?;
    Ok(TrainingItem {
        id,
        plan,
        text: d.text,
        people: d.people,
        owner: d.owner,
        due: d.due,
        done_at: None,
        audit: Audit::new(actor.id, now),
    })
}

/// An item changed by an inspector (its plan stays).
pub fn edit_item(
    model: &Model,
    actor: &Staff,
    item: &TrainingItem,
    draft: &ItemDraft,
    now: DateTime<Utc>,
) -> Result<TrainingItem, RuleError> {
    require_inspector(actor)?;
    let p = model
        .qa
        .plans
        .get(&item.plan)
        .ok_or(RuleError::NotFound { what: "qa_plan" })?;
    let d = check_item(model, p, draft)?;
    let mut next = item.clone();
    next.text = d.text;
    next.people = d.people;
    next.owner = d.owner;
    next.due = d.due;
    if next != *item {
        next.audit.touch(actor.id, now);
    }
    Ok(next)
}

/// Its owner or an inspector marks an item done (once).
pub fn complete_item(
    _model: &Model,
    actor: &Staff,
    item: &TrainingItem,
    now: DateTime<Utc>,
) -> Result<TrainingItem, RuleError> {
    if !(actor.active && actor.id == item.owner) {
        require_inspector(actor)?;
    }
    let mut next = item.clone();
    if next.done_at.is_none() {
        next.done_at = Some(now);
        next.audit.touch(actor.id, now);
    }
    Ok(next)
}

/// R-QA-03: the plan goes to the department director. It needs notes or
/// an item; sending again after a change sends it anew.
pub fn send_plan(
    model: &Model,
    actor: &Staff,
    plan: &TrainingPlan,
    now: DateTime<Utc>,
) -> Result<TrainingPlan, RuleError> {
    require_inspector(actor)?;
    if plan.notes.trim().is_empty() && model.qa.items_of(plan.id).is_empty() {
        return Err(RuleError::Required {
            field: "qa_plan_notes",
        });
    }
    let mut next = plan.clone();
    next.sent_at = Some(now);
    next.sent_by = Some(actor.id);
    next.acknowledged_at = None;
    next.acknowledged_by = None;
    next.audit.touch(actor.id, now);
    Ok(next)
}

/// R-QA-03: the department director acknowledges a sent plan (once).
pub fn acknowledge_plan(
    _model: &Model,
    actor: &Staff,
    plan: &TrainingPlan,
    now: DateTime<Utc>,
) -> Result<TrainingPlan, RuleError> {
    require(actor, Action::SetStandards)?;
    if plan.sent_at.is_none() {
        return Err(RuleError::OutOfRange { field: "qa_plan" });
    }
    let mut next = plan.clone();
    if next.acknowledged_at.is_none() {
        next.acknowledged_at = Some(now);
        next.acknowledged_by = Some(actor.id);
        next.audit.touch(actor.id, now);
    }
    Ok(next)
}

/// Sent plans not acknowledged yet, oldest week first: for department
/// directors and above (none for anyone else).
pub fn plans_to_acknowledge(model: &Model, viewer: &Staff) -> Vec<RecordId> {
    if require(viewer, Action::SetStandards).is_err() {
        return Vec::new();
    }
    let mut v: Vec<&TrainingPlan> = model
        .qa
        .plans
        .values()
        .filter(|p| p.sent_at.is_some() && p.acknowledged_at.is_none())
        .collect();
    order::sort_by_key(&mut v, |p| (p.week, p.id));
    v.into_iter().map(|p| p.id).collect()
}

/// R-QA-03 on Today: the training items of sent plans, not done, that
/// concern `person` on local day `today`: those for everyone or naming
/// them, due today or later; and those they run, overdue ones too.
/// Soonest due first.
pub fn training_for(model: &Model, person: RecordId, today: NaiveDate) -> Vec<RecordId> {
    let mut v: Vec<&TrainingItem> = model
        .qa
        .items
        .values()
        .filter(|i| i.done_at.is_none())
        .filter(|i| {
            model
                .qa
                .plans
                .get(&i.plan)
                .is_some_and(|p| p.sent_at.is_some())
        })
        .filter(|i| {
            let attends = i.people.is_empty() || i.people.contains(&person);
            i.owner == person || (attends && i.due >= today)
        })
        .collect();
    order::sort_by_key(&mut v, |i| (i.due, i.id));
    v.into_iter().map(|i| i.id).collect()
}
