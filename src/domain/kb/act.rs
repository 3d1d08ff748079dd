//! The knowledge base's operations as the screens call them: ids in, writes
//! or a refusal out. The rules are in the modules beside this one; this
//! file looks records up (NotFound when absent) and turns a rule's result
//! into writes, comparing it with what the model holds under the same id:
//! a step already taken (an answer already outdated, a question already
//! marked with the same words) writes nothing.

use super::answer::{self, AnswerDraft, AnswerIds};
use super::usage;
use crate::domain::base::lang::Lang;
use crate::domain::base::lookup::find;
use crate::domain::base::record::diff;
use crate::domain::error::RuleError;
use crate::domain::model::Model;
use crate::domain::staff::Staff;
use crate::sync::{RecordId, Write};
use chrono::{DateTime, Utc};

/// R-KB-01: a new draft answer `ids.answer` with its first wording
/// `ids.version`.
pub fn draft_answer(
    model: &Model,
    actor: &Staff,
    draft: AnswerDraft,
    ids: AnswerIds,
    now: DateTime<Utc>,
) -> Result<Vec<Write>, RuleError> {
    let (a, v) = answer::draft_answer(model, actor, draft, ids, now)?;
    let mut w = diff(&model.kb.answers, &a);
    w.extend(diff(&model.kb.versions, &v));
    Ok(w)
}

/// Edits answer `target`; a changed wording is the new version `version`.
pub fn edit_answer(
    model: &Model,
    actor: &Staff,
    target: RecordId,
    draft: AnswerDraft,
    version: RecordId,
    now: DateTime<Utc>,
) -> Result<Vec<Write>, RuleError> {
    let a = find(&model.kb.answers, target, "record")?;
    let (next, v) = answer::edit_answer(model, actor, a, draft, version, now)?;
    let mut w = diff(&model.kb.answers, &next);
    if let Some(v) = v {
        w.extend(diff(&model.kb.versions, &v));
    }
    Ok(w)
}

/// R-KB-01: answer `target` agreed at meeting `meeting`: in use from now.
pub fn agree_answer(
    model: &Model,
    actor: &Staff,
    target: RecordId,
    meeting: RecordId,
    now: DateTime<Utc>,
) -> Result<Vec<Write>, RuleError> {
    let a = find(&model.kb.answers, target, "record")?;
    let next = answer::agree_answer(model, actor, a, meeting, now)?;
    Ok(diff(&model.kb.answers, &next))
}

/// R-KB-02: answer `target` is outdated, replaced by `replaced_by` if given.
pub fn mark_outdated(
    model: &Model,
    actor: &Staff,
    target: RecordId,
    replaced_by: Option<RecordId>,
    now: DateTime<Utc>,
) -> Result<Vec<Write>, RuleError> {
    let a = find(&model.kb.answers, target, "record")?;
    let next = answer::mark_outdated(model, actor, a, replaced_by, now)?;
    Ok(diff(&model.kb.answers, &next))
}

/// R-KB-02: outdated answer `target` back in use.
pub fn restore_answer(
    model: &Model,
    actor: &Staff,
    target: RecordId,
    now: DateTime<Utc>,
) -> Result<Vec<Write>, RuleError> {
    let a = find(&model.kb.answers, target, "record")?;
    let next = answer::restore_answer(model, actor, a, now)?;
    Ok(diff(&model.kb.answers, &next))
}

/// R-KB-01: the use `id` of answer `target` (on `contact`, if given).
pub fn use_answer(
    model: &Model,
    actor: &Staff,
    target: RecordId,
    contact: Option<RecordId>,
    id: RecordId,
    now: DateTime<Utc>,
) -> Result<Vec<Write>, RuleError> {
    let u = usage::use_answer(model, actor, target, contact, id, now)?;
    Ok(diff(&model.kb.uses, &u))
}

/// "No standard answer for this" on contact `contact`.
pub fn mark_no_answer(
    model: &Model,
    actor: &Staff,
    contact: RecordId,
    question: &str,
    lang: Lang,
    now: DateTime<Utc>,
) -> Result<Vec<Write>, RuleError> {
    let g = usage::mark_no_answer(model, actor, contact, question, lang, now)?;
    Ok(diff(&model.kb.gaps, &g))
}

/// A keeper sets question `target` aside.
pub fn dismiss_gap(
    model: &Model,
    actor: &Staff,
    target: RecordId,
    now: DateTime<Utc>,
) -> Result<Vec<Write>, RuleError> {
    let g = find(&model.kb.gaps, target, "record")?;
    let next = usage::dismiss_gap(model, actor, g, now)?;
    Ok(diff(&model.kb.gaps, &next))
}

/// R-KB-01: meeting decision `target` points to answer `answer` (or to none).
pub fn point_decision(
    model: &Model,
    actor: &Staff,
    target: RecordId,
    answer: Option<RecordId>,
    now: DateTime<Utc>,
) -> Result<Vec<Write>, RuleError> {
    let d = find(&model.dept.decisions, target, "decision")?;
    let next = answer::point_decision(model, actor, d, answer, now)?;
    Ok(diff(&model.dept.decisions, &next))
}
