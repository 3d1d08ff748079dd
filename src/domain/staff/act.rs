//! The staff's operations as the screens call them: ids in, writes or a
//! refusal out. The rules are in the modules beside this one; this file
//! looks records up (NotFound when absent) and turns a rule's result into
//! writes.

use super::records::Staff;
use super::rules::{self, StaffDraft};
use crate::domain::base::lookup::find;
use crate::domain::base::record::to_writes;
use crate::domain::error::RuleError;
use crate::domain::model::Model;
use crate::sync::{DeviceId, RecordId, Write};
use chrono::{DateTime, Utc};

/// First run: the organisation `org_id` and its first person, the center
/// director `director_id`. It takes no actor and no model: nobody exists
/// yet to act, and there is nothing to look up (the director's own id
/// stands in the records' audit).
pub fn setup_organisation(
    org_name: &str,
    time_zone: &str,
    director_name: &str,
    org_id: RecordId,
    director_id: RecordId,
    now: DateTime<Utc>,
) -> Result<Vec<Write>, RuleError> {
    let (org, director) =
        rules::setup_organisation(org_name, time_zone, director_name, org_id, director_id, now)?;
    let mut writes = to_writes(None, &org);
    writes.extend(to_writes(None, &director));
    Ok(writes)
}

/// Adds a person with the id `id` (center director only).
pub fn create(
    model: &Model,
    actor: &Staff,
    draft: StaffDraft,
    id: RecordId,
    now: DateTime<Utc>,
) -> Result<Vec<Write>, Vec<RuleError>> {
    let new = rules::create_staff(model, actor, draft, id, now)?;
    Ok(to_writes(None, &new))
}

/// Deactivates or reactivates the person `person` (center director only;
/// never the last active center director).
pub fn set_active(
    model: &Model,
    actor: &Staff,
    person: RecordId,
    active: bool,
    now: DateTime<Utc>,
) -> Result<Vec<Write>, RuleError> {
    let old = find(&model.staff, person, "staff")?;
    let new = rules::set_staff_active(model, actor, old, active, now)?;
    Ok(to_writes(Some(old), &new))
}

/// Names (or renames) the device `device`: anyone active who uses it may.
pub fn name_device(
    model: &Model,
    actor: &Staff,
    device: DeviceId,
    name: &str,
    now: DateTime<Utc>,
) -> Result<Vec<Write>, RuleError> {
    if !actor.active {
        return Err(RuleError::InactiveStaff);
    }
    let old = model.devices.get(&super::device::record_id(device));
    super::device::named(old, device, name, actor.id, now)
}

/// First run: the director, made in the same save, names the device. An
/// empty name writes nothing (it can be chosen later, in Settings).
pub fn name_first_device(
    device: DeviceId,
    name: &str,
    director_id: RecordId,
    now: DateTime<Utc>,
) -> Result<Vec<Write>, RuleError> {
    if name.trim().is_empty() {
        return Ok(Vec::new());
    }
    super::device::named(None, device, name, director_id, now)
}
