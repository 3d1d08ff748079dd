//! A person's department details (kept apart from `Staff`, same id:
//! addresses are private and only the roster and the emergency list read
//! them) and the printable emergency contact list (R-SEC-02).

use super::records::*;
use crate::domain::base::limits::{check_len, MAX_NAME, MAX_PHONE, MAX_TEXT};
use crate::domain::base::order;
use crate::domain::base::record::Audit;
use crate::domain::base::text;
use crate::domain::error::RuleError;
use crate::domain::model::Model;
use crate::domain::staff::{require, Action, Role, Staff};
use crate::sync::RecordId;
use chrono::{DateTime, Utc};

/// What the profile form hands in.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ProfileDraft {
    pub job_type: String,
    pub level: String,
    pub address: String,
    pub emergency_contact: String,
    pub emergency_phone: String,
}

/// A person edits their own profile; managing staff edits anyone's.
pub fn save_profile(
    model: &Model,
    actor: &Staff,
    person: RecordId,
    draft: ProfileDraft,
    now: DateTime<Utc>,
) -> Result<StaffProfile, RuleError> {
    if !model.staff.contains_key(&person) {
        return Err(RuleError::NotFound { what: "staff" });
    }
    if actor.id != person {
        require(actor, Action::ManageStaff)?;
    }
    let phone = draft.emergency_phone.trim();
    if !phone.is_empty() && !(6..=15).contains(&text::digits(phone).len()) {
        return Err(RuleError::InvalidPhone {
            field: "emergency_phone",
        });
    }
    check_len(&draft.job_type, "job_type", MAX_NAME)?;
    check_len(&draft.level, "level", MAX_NAME)?;
    check_len(&draft.address, "address", MAX_TEXT)?;
    check_len(&draft.emergency_contact, "emergency_contact", MAX_NAME)?;
    check_len(phone, "emergency_phone", MAX_PHONE)?;
    let mut p = model
        .dept
        .profiles
        .get(&person)
        .cloned()
        .unwrap_or_else(|| StaffProfile {
            id: person,
            audit: Audit::new(actor.id, now),
            ..StaffProfile::default()
        });
    p.job_type = draft.job_type.trim().to_string();
    p.level = draft.level.trim().to_string();
    p.address = draft.address.trim().to_string();
    p.emergency_contact = draft.emergency_contact.trim().to_string();
    p.emergency_phone = phone.to_string();
    p.audit.touch(actor.id, now);
    Ok(p)
}

/// One line of the printable emergency list (R-SEC-02).
#[derive(Debug, Clone, PartialEq)]
pub struct EmergencyRow {
    pub person: RecordId,
    pub name: String,
    pub team: String,
    pub role: Role,
    pub phone: String,
    pub address: String,
    pub emergency_contact: String,
    pub emergency_phone: String,
}

/// R-SEC-02: every active person with phone and address, by team and name.
pub fn emergency_contacts(model: &Model) -> Vec<EmergencyRow> {
    let mut rows: Vec<EmergencyRow> = model
        .active_staff()
        .map(|s| {
            let p = model.dept.profiles.get(&s.id).cloned().unwrap_or_default();
            EmergencyRow {
                person: s.id,
                name: s.name.clone(),
                team: s.team.clone(),
                role: s.role,
                phone: s.phone.clone(),
                address: p.address,
                emergency_contact: p.emergency_contact,
                emergency_phone: p.emergency_phone,
            }
        })
        .collect();
    order::sort_by(&mut rows, |a, b| {
        (text::fold(&a.team), text::fold(&a.name)).cmp(&(text::fold(&b.team), text::fold(&b.name)))
    });
    rows
}
