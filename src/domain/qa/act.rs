//! Quality inspection's operations as the screens call them: ids in, writes
//! or a refusal out. The rules are in the modules beside this one; this
//! file looks records up (NotFound when absent) and turns a rule's result
//! into writes, comparing it with what the model holds under the same id.

use super::quota::{self, SettingsDraft};
use super::records::*;
use super::report;
use super::review::{self, ReviewDraft};
use super::scorecard::{self, CriterionDraft};
use super::summary::{self, ItemDraft};
use crate::domain::base::lookup::find;
use crate::domain::base::record::{anew, diff, tombstone, Record};
use crate::domain::error::RuleError;
use crate::domain::model::Model;
use crate::domain::staff::Staff;
use crate::sync::{RecordId, Write};
use chrono::{DateTime, NaiveDate, Utc};

/// R-QA-01: a new scorecard (`card` None) or a new version `id` of `card`.
pub fn save_scorecard(
    model: &Model,
    actor: &Staff,
    card: Option<RecordId>,
    name: &str,
    criteria: &[CriterionDraft],
    id: RecordId,
    now: DateTime<Utc>,
) -> Result<Vec<Write>, RuleError> {
    let s = scorecard::save_scorecard(model, actor, card, name, criteria, id, now)?;
    Ok(diff(&model.qa.scorecards, &s))
}

/// R-QA-01, R-QA-02: review `id` (with the standard scorecard's first
/// version when none exists yet).
pub fn record_review(
    model: &Model,
    actor: &Staff,
    draft: ReviewDraft,
    id: RecordId,
    now: DateTime<Utc>,
) -> Result<Vec<Write>, RuleError> {
    let (r, card) = review::record_review(model, actor, draft, id, now)?;
    let mut w = Vec::new();
    if let Some(c) = card {
        w.extend(diff(&model.qa.scorecards, &c));
    }
    w.extend(diff(&model.qa.reviews, &r));
    Ok(w)
}

/// R-QA-01: review `target`'s scores and comment corrected.
pub fn edit_review(
    model: &Model,
    actor: &Staff,
    target: RecordId,
    scores: &[Score],
    comment: &str,
    now: DateTime<Utc>,
) -> Result<Vec<Write>, RuleError> {
    let r = find(&model.qa.reviews, target, "qa_review")?;
    let next = review::edit_review(model, actor, r, scores, comment, now)?;
    Ok(diff(&model.qa.reviews, &next))
}

/// R-QA-01: the agent acknowledges or disputes review `target` (reply `id`).
#[allow(clippy::too_many_arguments)]
pub fn reply(
    model: &Model,
    actor: &Staff,
    target: RecordId,
    kind: ReplyKind,
    comment: &str,
    id: RecordId,
    now: DateTime<Utc>,
) -> Result<Vec<Write>, RuleError> {
    let r = find(&model.qa.reviews, target, "qa_review")?;
    let reply = review::reply(model, actor, r, kind, comment, id, now)?;
    Ok(diff(&model.qa.replies, &reply))
}

/// R-QA-01: a department director's ruling `id` on disputed review `target`.
#[allow(clippy::too_many_arguments)]
pub fn rule_dispute(
    model: &Model,
    actor: &Staff,
    target: RecordId,
    outcome: RulingOutcome,
    scores: &[Score],
    comment: &str,
    id: RecordId,
    now: DateTime<Utc>,
) -> Result<Vec<Write>, RuleError> {
    let r = find(&model.qa.reviews, target, "qa_review")?;
    let ruling = review::rule_dispute(model, actor, r, outcome, scores, comment, id, now)?;
    Ok(diff(&model.qa.rulings, &ruling))
}

/// R-QA-02, R-QA-04: the quota, the evaluation's weights and minimum.
pub fn save_settings(
    model: &Model,
    actor: &Staff,
    draft: SettingsDraft,
    now: DateTime<Utc>,
) -> Result<Vec<Write>, RuleError> {
    let s = quota::save_settings(model, actor, draft, now)?;
    Ok(diff(&model.qa.settings, &s))
}

/// R-QA-03: the notes of the plan of the week holding `day`.
pub fn save_plan(
    model: &Model,
    actor: &Staff,
    day: NaiveDate,
    notes: &str,
    now: DateTime<Utc>,
) -> Result<Vec<Write>, RuleError> {
    let p = summary::save_plan(model, actor, day, notes, now)?;
    Ok(anew(&model.qa.plans, &p))
}

/// R-QA-03: item `id` added to plan `plan`.
pub fn add_item(
    model: &Model,
    actor: &Staff,
    plan: RecordId,
    draft: &ItemDraft,
    id: RecordId,
    now: DateTime<Utc>,
) -> Result<Vec<Write>, RuleError> {
    let i = summary::add_item(model, actor, plan, draft, id, now)?;
    Ok(diff(&model.qa.items, &i))
}

/// R-QA-03: item `target` changed.
pub fn edit_item(
    model: &Model,
    actor: &Staff,
    target: RecordId,
    draft: &ItemDraft,
    now: DateTime<Utc>,
) -> Result<Vec<Write>, RuleError> {
    let i = find(&model.qa.items, target, "qa_item")?;
    let next = summary::edit_item(model, actor, i, draft, now)?;
    Ok(diff(&model.qa.items, &next))
}

/// R-QA-03: item `target` taken off its plan (a tombstone).
pub fn remove_item(
    model: &Model,
    actor: &Staff,
    target: RecordId,
) -> Result<Vec<Write>, RuleError> {
    find(&model.qa.items, target, "qa_item")?;
    review::require_inspector(actor)?;
    Ok(vec![tombstone(TrainingItem::KIND, target)])
}

/// R-QA-03: item `target` done.
pub fn complete_item(
    model: &Model,
    actor: &Staff,
    target: RecordId,
    now: DateTime<Utc>,
) -> Result<Vec<Write>, RuleError> {
    let i = find(&model.qa.items, target, "qa_item")?;
    let next = summary::complete_item(model, actor, i, now)?;
    Ok(diff(&model.qa.items, &next))
}

/// R-QA-03: plan `target` sent to the department director.
pub fn send_plan(
    model: &Model,
    actor: &Staff,
    target: RecordId,
    now: DateTime<Utc>,
) -> Result<Vec<Write>, RuleError> {
    let p = find(&model.qa.plans, target, "qa_plan")?;
    let next = summary::send_plan(model, actor, p, now)?;
    Ok(diff(&model.qa.plans, &next))
}

/// R-QA-03: the department director acknowledges plan `target`.
pub fn acknowledge_plan(
    model: &Model,
    actor: &Staff,
    target: RecordId,
    now: DateTime<Utc>,
) -> Result<Vec<Write>, RuleError> {
    let p = find(&model.qa.plans, target, "qa_plan")?;
    let next = summary::acknowledge_plan(model, actor, p, now)?;
    Ok(diff(&model.qa.plans, &next))
}

/// R-QA-04: the report of the month holding `day`, issued and frozen.
pub fn issue_report(
    model: &Model,
    actor: &Staff,
    day: NaiveDate,
    now: DateTime<Utc>,
) -> Result<Vec<Write>, RuleError> {
    let r = report::issue_report(model, actor, day, now)?;
    Ok(anew(&model.qa.reports, &r))
}
