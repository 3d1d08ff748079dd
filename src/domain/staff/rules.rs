//! People and roles (docs/rules.md "People and roles"): who may do what, the
//! organisation, and the first run that makes its first center director.

use super::records::*;
use crate::domain::base::limits;
use crate::domain::base::record::Audit;
use crate::domain::base::text;
use crate::domain::error::RuleError;
use crate::domain::model::Model;
use crate::sync::RecordId;
use chrono::{DateTime, Utc};

/// R-ROL-02: refuses an action beyond the actor's role, naming the role needed.
pub fn require(actor: &Staff, action: Action) -> Result<(), RuleError> {
    let needs = action.needs();
    if actor.active && actor.role.rank() >= needs.rank() {
        Ok(())
    } else {
        Err(RuleError::NotAllowed { action, needs })
    }
}

/// What the "add person" form hands in.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct StaffDraft {
    pub name: String,
    pub role: Role,
    pub team: String,
    pub skills: Vec<String>,
    pub phone: String,
    pub email: String,
}

use crate::domain::base::limits::{text_into, Need, MAX_NAME};

/// First run: the organisation, its time zone (one of `zones::ZONES`) and
/// its first person, a center director.
pub fn setup_organisation(
    org_name: &str,
    time_zone: &str,
    director_name: &str,
    org_id: RecordId,
    director_id: RecordId,
    now: DateTime<Utc>,
) -> Result<(Org, Staff), RuleError> {
    let mut errors = Vec::new();
    text_into(org_name, "org_name", MAX_NAME, Need::Required, &mut errors);
    text_into(director_name, "name", MAX_NAME, Need::Required, &mut errors);
    let zone = crate::domain::base::zones::known_name(time_zone);
    if zone.is_none() {
        errors.push(RuleError::Required { field: "time_zone" });
    }
    if let Some(e) = errors.into_iter().next() {
        return Err(e);
    }
    let audit = Audit::new(director_id, now);
    let org = Org {
        id: org_id,
        name: org_name.trim().to_string(),
        time_zone: zone,
        audit: audit.clone(),
    };
    let director = Staff {
        id: director_id,
        name: director_name.trim().to_string(),
        role: Role::CenterDirector,
        active: true,
        audit,
        ..Staff::default()
    };
    Ok((org, director))
}

/// Adds a person (center director only).
pub fn create_staff(
    _model: &Model,
    actor: &Staff,
    draft: StaffDraft,
    id: RecordId,
    now: DateTime<Utc>,
) -> Result<Staff, Vec<RuleError>> {
    require(actor, Action::ManageStaff).map_err(|e| vec![e])?;
    let mut errors = Vec::new();
    text_into(&draft.name, "name", MAX_NAME, Need::Required, &mut errors);
    let email = text::normalise_email(&draft.email);
    if !email.is_empty() && !text::is_valid_email(&email) {
        errors.push(RuleError::InvalidEmail { field: "email" });
    }
    if !draft.phone.trim().is_empty() && !(6..=15).contains(&text::digits(&draft.phone).len()) {
        errors.push(RuleError::InvalidPhone { field: "phone" });
    }
    let lengths = [
        limits::check_len(&draft.team, "team", MAX_NAME),
        limits::check_len(&draft.phone, "phone", limits::MAX_PHONE),
        limits::check_len(&email, "email", limits::MAX_EMAIL),
        limits::check_list(&draft.skills, "skills", MAX_NAME),
    ];
    errors.extend(lengths.into_iter().filter_map(Result::err));
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(Staff {
        id,
        name: draft.name.trim().to_string(),
        role: draft.role,
        team: draft.team.trim().to_string(),
        skills: draft
            .skills
            .iter()
            .map(|s| text::fold(s))
            .filter(|s| !s.is_empty())
            .collect(),
        phone: draft.phone.trim().to_string(),
        email,
        active: true,
        demo: false,
        audit: Audit::new(actor.id, now),
    })
}

/// Deactivates or reactivates a person (center director only). Nobody is
/// deleted: their name stays on every record they touched (R-ROL-01). The
/// last active center director cannot be deactivated, or nobody could
/// manage staff again.
pub fn set_staff_active(
    model: &Model,
    actor: &Staff,
    person: &Staff,
    active: bool,
    now: DateTime<Utc>,
) -> Result<Staff, RuleError> {
    require(actor, Action::ManageStaff)?;
    let other_directors = model
        .active_staff()
        .filter(|s| s.role == Role::CenterDirector && s.id != person.id)
        .count();
    if !active && person.role == Role::CenterDirector && other_directors == 0 {
        return Err(RuleError::LastDirector);
    }
    let mut next = person.clone();
    next.active = active;
    next.audit.touch(actor.id, now);
    Ok(next)
}
