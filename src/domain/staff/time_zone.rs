//! The organisation's time zone: one saved setting every local day and
//! deadline is computed in (complaints, return visits, the department).

use super::{require, Action, Org, Staff};
use crate::domain::base::record::to_writes;
use crate::domain::base::zones::{self, NamedZone};
use crate::domain::error::RuleError;
use crate::domain::model::Model;
use crate::sync::Write;
use chrono::{DateTime, Utc};

/// The organisation's zone: the saved one, or `zones::DEFAULT_ZONE` when
/// there is no organisation yet, it was made before the setting existed,
/// or the stored name is not one this version knows.
pub fn org_zone(model: &Model) -> &'static NamedZone {
    zones::named_or_default(model.org.as_ref().and_then(|o| o.time_zone.as_deref()))
}

/// Whether a director still has to choose the zone (an organisation made
/// by an older version, or one whose stored name this version does not know).
pub fn needs_choosing(model: &Model) -> bool {
    model
        .org
        .as_ref()
        .is_some_and(|o| o.time_zone.as_deref().and_then(zones::find).is_none())
}

/// A center director changes the organisation's time zone.
pub fn set_time_zone(
    model: &Model,
    actor: &Staff,
    name: &str,
    now: DateTime<Utc>,
) -> Result<Vec<Write>, RuleError> {
    require(actor, Action::SetTimeZone)?;
    let old = model
        .org
        .as_ref()
        .ok_or(RuleError::NotFound { what: "org_name" })?;
    let zone = zones::known_name(name).ok_or(RuleError::Required { field: "time_zone" })?;
    let mut new = Org {
        time_zone: Some(zone),
        ..old.clone()
    };
    new.audit.touch(actor.id, now);
    Ok(to_writes(Some(old), &new))
}
