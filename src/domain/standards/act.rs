//! Service standards' operations as the screens call them: ids in, writes
//! or a refusal out. The rules are in the modules beside this one; this
//! file looks records up (NotFound when absent) and turns a rule's result
//! into writes, comparing it with what the model holds under the same id.

use super::audits::{self, ActionDraft, AuditDraft};
use super::departments;
use super::standard::{self, StandardDraft};
use crate::domain::base::lookup::{find, find_opt};
use crate::domain::base::record::{anew, diff};
use crate::domain::complaint::Severity;
use crate::domain::error::RuleError;
use crate::domain::model::Model;
use crate::domain::staff::Staff;
use crate::sync::{RecordId, Write};
use chrono::{DateTime, Utc};

/// R-STD-01: a new department named `name` (its id derived from the name).
pub fn add_department(
    model: &Model,
    actor: &Staff,
    name: &str,
    now: DateTime<Utc>,
) -> Result<Vec<Write>, RuleError> {
    let d = departments::add_department(model, actor, name, now)?;
    Ok(anew(&model.standards.departments, &d))
}

/// R-STD-01: department `target` renamed (the old name stays adopted).
pub fn rename_department(
    model: &Model,
    actor: &Staff,
    target: RecordId,
    name: &str,
    now: DateTime<Utc>,
) -> Result<Vec<Write>, RuleError> {
    let d = find(&model.standards.departments, target, "std_department")?;
    let next = departments::rename_department(model, actor, d, name, now)?;
    Ok(diff(&model.standards.departments, &next))
}

/// R-STD-01: department `target` made active or inactive.
pub fn set_department_active(
    model: &Model,
    actor: &Staff,
    target: RecordId,
    active: bool,
    now: DateTime<Utc>,
) -> Result<Vec<Write>, RuleError> {
    let d = find(&model.standards.departments, target, "std_department")?;
    let next = departments::set_department_active(actor, d, active, now)?;
    Ok(diff(&model.standards.departments, &next))
}

/// R-STD-01: the free-text department `text` adopted, as a new department
/// (`into` None) or as another spelling of department `into`.
pub fn adopt(
    model: &Model,
    actor: &Staff,
    text: &str,
    into: Option<RecordId>,
    now: DateTime<Utc>,
) -> Result<Vec<Write>, RuleError> {
    let into = find_opt(&model.standards.departments, into, "std_department")?;
    let d = departments::adopt(model, actor, text, into, now)?;
    Ok(anew(&model.standards.departments, &d))
}

/// R-STD-01: version `id` of a department's standard for one metric.
pub fn set_standard(
    model: &Model,
    actor: &Staff,
    draft: &StandardDraft,
    id: RecordId,
    now: DateTime<Utc>,
) -> Result<Vec<Write>, RuleError> {
    let s = standard::set_standard(model, actor, draft, id, now)?;
    Ok(diff(&model.standards.standards, &s))
}

/// R-STD-03: audit `id` of a department, by the actor.
pub fn record_audit(
    model: &Model,
    actor: &Staff,
    draft: &AuditDraft,
    id: RecordId,
    now: DateTime<Utc>,
) -> Result<Vec<Write>, RuleError> {
    let a = audits::record_audit(model, actor, draft, id, now)?;
    Ok(diff(&model.standards.audits, &a))
}

/// R-STD-03: audit `target` corrected.
pub fn edit_audit(
    model: &Model,
    actor: &Staff,
    target: RecordId,
    draft: &AuditDraft,
    now: DateTime<Utc>,
) -> Result<Vec<Write>, RuleError> {
    let a = find(&model.standards.audits, target, "std_audit")?;
    let next = audits::edit_audit(model, actor, a, draft, now)?;
    Ok(diff(&model.standards.audits, &next))
}

/// R-STD-03: finding `id` of audit `target`.
pub fn add_finding(
    model: &Model,
    actor: &Staff,
    target: RecordId,
    severity: Severity,
    evidence: &str,
    id: RecordId,
    now: DateTime<Utc>,
) -> Result<Vec<Write>, RuleError> {
    let a = find(&model.standards.audits, target, "std_audit")?;
    let f = audits::add_finding(actor, a, severity, evidence, id, now)?;
    Ok(diff(&model.standards.findings, &f))
}

/// R-STD-03: improvement action `id` of audit `target`.
pub fn add_action(
    model: &Model,
    actor: &Staff,
    target: RecordId,
    draft: &ActionDraft,
    id: RecordId,
    now: DateTime<Utc>,
) -> Result<Vec<Write>, RuleError> {
    let a = find(&model.standards.audits, target, "std_audit")?;
    let i = audits::add_action(model, actor, a, draft, id, now)?;
    Ok(diff(&model.standards.actions, &i))
}

/// R-STD-03: action `target` done.
pub fn complete_action(
    model: &Model,
    actor: &Staff,
    target: RecordId,
    now: DateTime<Utc>,
) -> Result<Vec<Write>, RuleError> {
    let i = find(&model.standards.actions, target, "std_action")?;
    let next = audits::complete_action(actor, i, now)?;
    Ok(diff(&model.standards.actions, &next))
}

/// R-STD-03: action `target` verified (`accepted`) or sent back with `note`.
pub fn verify_action(
    model: &Model,
    actor: &Staff,
    target: RecordId,
    accepted: bool,
    note: &str,
    now: DateTime<Utc>,
) -> Result<Vec<Write>, RuleError> {
    let i = find(&model.standards.actions, target, "std_action")?;
    let next = audits::verify_action(model, actor, i, accepted, note, now)?;
    Ok(diff(&model.standards.actions, &next))
}
