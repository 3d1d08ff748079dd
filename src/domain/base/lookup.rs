//! Looking a record up by id for an operation: absent is a refusal that
//! names what was not found, never a panic.

use crate::domain::error::RuleError;
use crate::sync::RecordId;
use std::collections::BTreeMap;

/// The record `id` in `stored`, or NotFound naming `what`.
pub fn find<'a, T>(
    stored: &'a BTreeMap<RecordId, T>,
    id: RecordId,
    what: &'static str,
) -> Result<&'a T, RuleError> {
    stored.get(&id).ok_or(RuleError::NotFound { what })
}

/// `Some(id)`: that record (NotFound when absent); `None`: a new one.
pub fn find_opt<'a, T>(
    stored: &'a BTreeMap<RecordId, T>,
    id: Option<RecordId>,
    what: &'static str,
) -> Result<Option<&'a T>, RuleError> {
    id.map(|i| find(stored, i, what)).transpose()
}
