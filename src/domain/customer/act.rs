//! The customer's operations as the screens call them: ids in, writes or a
//! refusal out. The rules are in the modules beside this one; this file
//! looks records up (NotFound when absent) and turns a rule's result into
//! writes.

use super::files::{self, CustomerDraft};
use crate::domain::base::lookup::{find, find_opt};
use crate::domain::base::record::to_writes;
use crate::domain::error::RuleError;
use crate::domain::model::Model;
use crate::domain::staff::Staff;
use crate::sync::{RecordId, Write};
use chrono::{DateTime, Utc};

/// Saves the customer form: edits `customer` when given (it must exist),
/// else creates a customer with the id `new_id` (R-CUS-01 assigns them).
pub fn save(
    model: &Model,
    actor: &Staff,
    customer: Option<RecordId>,
    draft: CustomerDraft,
    new_id: RecordId,
    now: DateTime<Utc>,
) -> Result<Vec<Write>, Vec<RuleError>> {
    let old = find_opt(&model.customers, customer, "customer").map_err(|e| vec![e])?;
    let id = customer.unwrap_or(new_id);
    let new = files::save_customer(model, actor, old, draft, id, now)?;
    Ok(to_writes(old, &new))
}

/// R-CUS-01: who the customer would be given to automatically (the
/// screen's "assign automatically"); None when the customer is unknown or
/// nobody can take customers.
pub fn auto_assignee(model: &Model, customer: RecordId) -> Option<RecordId> {
    let c = model.customers.get(&customer)?;
    files::auto_assign(model, &c.tags)
}

/// R-CUS-01: a team leader (or higher) assigns the customer to `specialist`.
pub fn assign(
    model: &Model,
    actor: &Staff,
    customer: RecordId,
    specialist: RecordId,
    now: DateTime<Utc>,
) -> Result<Vec<Write>, RuleError> {
    let old = find(&model.customers, customer, "customer")?;
    let new = files::override_assign(model, actor, old, specialist, now)?;
    Ok(to_writes(Some(old), &new))
}

/// The customer came to the store today (docs/rules.md "Return visits").
pub fn record_store_visit(
    model: &Model,
    actor: &Staff,
    customer: RecordId,
    now: DateTime<Utc>,
) -> Result<Vec<Write>, RuleError> {
    let old = find(&model.customers, customer, "customer")?;
    let new = files::store_visit(actor, old, now);
    Ok(to_writes(Some(old), &new))
}

/// R-CUS-03: merges `drop` into `keep` (the rule already takes ids).
pub fn merge(
    model: &Model,
    actor: &Staff,
    keep: RecordId,
    drop: RecordId,
    now: DateTime<Utc>,
) -> Result<Vec<Write>, RuleError> {
    super::merge_customers(model, actor, keep, drop, now)
}
