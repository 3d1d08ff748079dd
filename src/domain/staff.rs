//! People and roles (DOMAIN.md "People and roles"): who may do what, the
//! organisation, and the first run that makes its first center director.

use super::error::RuleError;
use super::model::Model;
use super::record::{record, Audit};
use super::text;
use crate::sync::RecordId;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug, Default, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    #[default]
    Representative,
    QualityInspector,
    TeamLeader,
    DepartmentDirector,
    CenterDirector,
}

impl Role {
    pub const ALL: &'static [Role] = &[
        Role::Representative,
        Role::QualityInspector,
        Role::TeamLeader,
        Role::DepartmentDirector,
        Role::CenterDirector,
    ];

    /// Seniority. The quality inspector sits beside the representative for
    /// everything but quality work, which the later quality release adds.
    pub fn rank(self) -> u8 {
        match self {
            Role::Representative | Role::QualityInspector => 0,
            Role::TeamLeader => 1,
            Role::DepartmentDirector => 2,
            Role::CenterDirector => 3,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Role::Representative => "representative",
            Role::QualityInspector => "quality_inspector",
            Role::TeamLeader => "team_leader",
            Role::DepartmentDirector => "department_director",
            Role::CenterDirector => "center_director",
        }
    }

    pub fn from_code(code: &str) -> Option<Role> {
        Role::ALL.iter().copied().find(|r| r.code() == code)
    }
}

/// Actions that need more than a representative (DOMAIN.md role table).
#[derive(Clone, Copy, PartialEq, Eq, Debug, Hash)]
pub enum Action {
    AssignCustomer,
    MergeCustomers,
    ManageStaff,
    CloseOthersContact,
    ChoosePlan,
}

impl Action {
    pub fn needs(self) -> Role {
        match self {
            Action::AssignCustomer | Action::MergeCustomers | Action::CloseOthersContact => Role::TeamLeader,
            Action::ChoosePlan => Role::DepartmentDirector,
            Action::ManageStaff => Role::CenterDirector,
        }
    }
}

/// R-ROL-02: refuses an action beyond the actor's role, naming the role needed.
pub fn require(actor: &Staff, action: Action) -> Result<(), RuleError> {
    let needs = action.needs();
    if actor.active && actor.role.rank() >= needs.rank() {
        Ok(())
    } else {
        Err(RuleError::NotAllowed { action, needs })
    }
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Org {
    #[serde(skip)]
    pub id: RecordId,
    pub name: String,
    #[serde(flatten)]
    pub audit: Audit,
}
record!(Org, "org");

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Staff {
    #[serde(skip)]
    pub id: RecordId,
    pub name: String,
    pub role: Role,
    pub team: String,
    pub skills: Vec<String>,
    pub phone: String,
    pub email: String,
    pub active: bool,
    #[serde(flatten)]
    pub audit: Audit,
}
record!(Staff, "staff");

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

const MAX_NAME: usize = 120;

fn check_name(value: &str, field: &'static str, errors: &mut Vec<RuleError>) {
    let v = value.trim();
    if v.is_empty() {
        errors.push(RuleError::Required { field });
    } else if v.chars().count() > MAX_NAME {
        errors.push(RuleError::TooLong { field, max: MAX_NAME });
    }
}

/// First run: the organisation and its first person, a center director.
pub fn setup_organisation(
    org_name: &str,
    director_name: &str,
    org_id: RecordId,
    director_id: RecordId,
    now: DateTime<Utc>,
) -> Result<(Org, Staff), RuleError> {
    let mut errors = Vec::new();
    check_name(org_name, "org_name", &mut errors);
    check_name(director_name, "name", &mut errors);
    if let Some(e) = errors.into_iter().next() {
        return Err(e);
    }
    let audit = Audit::new(director_id, now);
    let org = Org {
        id: org_id,
        name: org_name.trim().to_string(),
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
    check_name(&draft.name, "name", &mut errors);
    let email = text::normalise_email(&draft.email);
    if !email.is_empty() && !text::is_valid_email(&email) {
        errors.push(RuleError::InvalidEmail { field: "email" });
    }
    if !draft.phone.trim().is_empty() && !(6..=15).contains(&text::digits(&draft.phone).len()) {
        errors.push(RuleError::InvalidPhone { field: "phone" });
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(Staff {
        id,
        name: draft.name.trim().to_string(),
        role: draft.role,
        team: draft.team.trim().to_string(),
        skills: draft.skills.iter().map(|s| text::fold(s)).filter(|s| !s.is_empty()).collect(),
        phone: draft.phone.trim().to_string(),
        email,
        active: true,
        audit: Audit::new(actor.id, now),
    })
}
