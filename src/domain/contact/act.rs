//! The contact's operations as the screens call them: ids in, writes or a
//! refusal out. The rules are in the modules beside this one; this file
//! looks records up (NotFound when absent) and turns a rule's result into
//! writes.

use super::rules::{self, ContactDraft, ForwardTo};
use crate::domain::base::lookup::find;
use crate::domain::base::record::to_writes;
use crate::domain::error::RuleError;
use crate::domain::model::Model;
use crate::domain::staff::Staff;
use crate::sync::{RecordId, Write};
use chrono::{DateTime, Utc};

/// R-CON-01: records a new contact with the id `id`; the actor owns it.
pub fn record(
    model: &Model,
    actor: &Staff,
    draft: ContactDraft,
    id: RecordId,
    now: DateTime<Utc>,
) -> Result<Vec<Write>, Vec<RuleError>> {
    let new = rules::record_contact(model, actor, draft, id, now)?;
    Ok(to_writes(None, &new))
}

/// R-CON-02: records the first response now (once).
pub fn respond(
    model: &Model,
    actor: &Staff,
    contact: RecordId,
    now: DateTime<Utc>,
) -> Result<Vec<Write>, RuleError> {
    let old = find(&model.contacts, contact, "contact")?;
    let new = rules::respond(model, actor, old, now)?;
    Ok(to_writes(Some(old), &new))
}

/// R-CON-03: forwards the contact with a note.
pub fn forward(
    model: &Model,
    actor: &Staff,
    contact: RecordId,
    to: ForwardTo,
    note: &str,
    now: DateTime<Utc>,
) -> Result<Vec<Write>, RuleError> {
    let old = find(&model.contacts, contact, "contact")?;
    let new = rules::forward(model, actor, old, to, note, now)?;
    Ok(to_writes(Some(old), &new))
}

/// R-STD-02: the department holding the contact answered now (once).
pub fn department_answered(
    model: &Model,
    actor: &Staff,
    contact: RecordId,
    now: DateTime<Utc>,
) -> Result<Vec<Write>, RuleError> {
    let old = find(&model.contacts, contact, "contact")?;
    let new = rules::department_answered(model, actor, old, now)?;
    Ok(to_writes(Some(old), &new))
}

/// Closes the contact with a resolution.
pub fn close(
    model: &Model,
    actor: &Staff,
    contact: RecordId,
    resolution: &str,
    now: DateTime<Utc>,
) -> Result<Vec<Write>, RuleError> {
    let old = find(&model.contacts, contact, "contact")?;
    let new = rules::close(model, actor, old, resolution, now)?;
    Ok(to_writes(Some(old), &new))
}

/// R-CON-04: turns the contact into a complaint with the id `complaint`,
/// linked both ways (the complaint's writes, then the contact's).
pub fn make_complaint(
    model: &Model,
    actor: &Staff,
    contact: RecordId,
    complaint: RecordId,
    now: DateTime<Utc>,
) -> Result<Vec<Write>, RuleError> {
    let old = find(&model.contacts, contact, "contact")?;
    let (made, linked) = rules::make_complaint(model, actor, old, complaint, now)?;
    let mut writes = to_writes(None, &made);
    writes.extend(to_writes(Some(old), &linked));
    Ok(writes)
}
