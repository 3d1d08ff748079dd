//! Device names: each device may carry a name people chose ("Tablet
//! mostrador"), synced like any record, so the screens say which device
//! did something in words rather than by its hex id.
//!
//! A device's record has the device id as its record id, so there is one
//! per device and it is found without an index. What arrives from other
//! devices is untrusted: a name is read only when it is text within the
//! typed limit, and the greatest stamp wins, as for every field.

use super::records::Device;
use crate::domain::base::limits::{text, Need, MAX_NAME};
use crate::domain::base::record::{to_writes, Audit};
use crate::domain::base::text::fold;
use crate::domain::error::RuleError;
use crate::domain::model::Model;
use crate::sync::{DeviceId, Op, RecordId, Write};
use chrono::{DateTime, Utc};

/// The kind's name in bundles (as `kinds.rs` declares it).
const KIND: &str = "device";

/// The id of `device`'s name record.
pub fn record_id(device: DeviceId) -> RecordId {
    RecordId(u128::from(device.0))
}

/// The device a name record belongs to (None: an id no device has).
pub fn device_of(id: RecordId) -> Option<DeviceId> {
    u64::try_from(id.0).ok().map(DeviceId)
}

/// A stored or received name, if it is one: trimmed, not empty, within
/// the typed limit.
fn usable(name: &str) -> Option<&str> {
    let name = name.trim();
    (!name.is_empty() && name.chars().count() <= MAX_NAME).then_some(name)
}

/// The name `device` chose, as this device knows it.
pub fn name_of(model: &Model, device: DeviceId) -> Option<&str> {
    model
        .devices
        .get(&record_id(device))
        .and_then(|d| usable(&d.name))
}

/// The name `device` carries in a bundle's operations (the latest one),
/// for the import preview before anything is applied.
pub fn name_in_ops(ops: &[Op], device: DeviceId) -> Option<String> {
    let id = record_id(device);
    let latest = ops
        .iter()
        .filter(|o| o.kind == KIND && o.id == id && o.field == "name")
        .max_by_key(|o| o.stamp)?;
    usable(latest.value.as_str()?).map(str::to_string)
}

/// How `device` goes into a file name: its name in lowercase ASCII letters,
/// digits and dashes ("Tablet mostrador" -> "tablet-mostrador", at most 40
/// characters), or its id while it has no usable name (ids keep two
/// devices' files apart).
pub fn file_label(model: &Model, device: DeviceId) -> String {
    let folded = name_of(model, device).map(fold).unwrap_or_default();
    let mut out = String::new();
    for c in folded.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
        if out.len() >= 40 {
            break;
        }
    }
    let out = out.trim_end_matches('-');
    match out.is_empty() {
        true => device.to_string(),
        false => out.to_string(),
    }
}

/// The device's record after naming it `name` (typed text, required, at
/// most `MAX_NAME` characters), as writes; the same name again writes
/// nothing. The operations are in `act.rs`.
pub(super) fn named(
    old: Option<&Device>,
    device: DeviceId,
    name: &str,
    actor: RecordId,
    now: DateTime<Utc>,
) -> Result<Vec<Write>, RuleError> {
    let name = text(name, "name", MAX_NAME, Need::Required)?;
    if old.is_some_and(|o| o.name == name) {
        return Ok(Vec::new());
    }
    let mut new = match old {
        Some(o) => o.clone(),
        None => Device {
            id: record_id(device),
            name: String::new(),
            audit: Audit::new(actor, now),
        },
    };
    new.name = name;
    new.audit.touch(actor, now);
    Ok(to_writes(old, &new))
}
