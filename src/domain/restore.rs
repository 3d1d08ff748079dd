//! Putting back a value that lost a concurrent edit (Sync → Conflicts).
//! The same rule as settling a complaint's conflicting steps: a department
//! director or above decides (`Action::ResolveConflict`), the value passes
//! the limits an import would apply, and the record says who changed it
//! and when, like any other edit.

use crate::domain::base::record::Audit;
use crate::domain::error::RuleError;
use crate::domain::model::Model;
use crate::domain::schema;
use crate::domain::staff::{require, Action};
use crate::sync::{RecordId, Write};
use chrono::{DateTime, Utc};
use serde_json::Value;

/// Fields no person sets by hand: who made a record and when.
const AUDIT_FIELDS: &[&str] = &["created_by", "created_at", "changed_by", "changed_at"];

/// The writes that put `value` back into `field` of the record `kind`/`id`.
pub fn restore_value(
    model: &Model,
    actor: RecordId,
    kind: &str,
    id: RecordId,
    field: &str,
    value: &Value,
    now: DateTime<Utc>,
) -> Result<Vec<Write>, RuleError> {
    let person = model
        .staff
        .get(&actor)
        .ok_or(RuleError::NotFound { what: "staff" })?;
    require(person, Action::ResolveConflict)?;
    if !model.holds(kind, id) {
        return Err(RuleError::NotFound { what: "record" });
    }
    if AUDIT_FIELDS.contains(&field) {
        return Err(RuleError::OutOfRange { field: "field" });
    }
    let mut audit = Audit::new(actor, now);
    audit.touch(actor, now);
    let write = |field: &str, value: Value| Write {
        kind: kind.to_string(),
        id,
        field: field.to_string(),
        value,
    };
    let writes = vec![
        write(field, value.clone()),
        write(
            "changed_by",
            serde_json::to_value(audit.changed_by).unwrap_or(Value::Null),
        ),
        write(
            "changed_at",
            serde_json::to_value(audit.changed_at).unwrap_or(Value::Null),
        ),
    ];
    schema::check_writes(&writes)?;
    Ok(writes)
}
