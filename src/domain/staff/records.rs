//! The records of people and roles: the organisation, a person, their role, and the actions a role permits. Data only; the rules are in `rules.rs`.

use crate::domain::base::record::Audit;
use crate::sync::RecordId;
use serde::{Deserialize, Serialize};

#[derive(
    Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug, Default, Hash, Serialize, Deserialize,
)]
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

/// Actions that need more than a representative (docs/rules.md "People and roles").
#[derive(Clone, Copy, PartialEq, Eq, Debug, Hash)]
pub enum Action {
    /// Assign or reassign a customer by hand (R-CUS-01 override).
    AssignCustomer,
    /// Merge two customer files (R-CUS-03); it rewrites many records.
    MergeCustomers,
    /// Close a contact someone else owns (R-CON-01 exception).
    CloseOthersContact,
    /// Assign return visits (role table: team leader).
    AssignVisits,
    /// Create return-visit campaigns for a segment.
    RunCampaigns,
    /// Edit the return-visit call scripts (R-RV-05).
    EditScripts,
    /// Approve a shift swap for one's team (R-SW-01).
    ApproveSwap,
    /// Set teams, shifts, holidays and the roster (R-OPS-01).
    EditRoster,
    /// Write handovers, announce, run meetings (R-OPS-02..04).
    LeadTeam,
    /// Choose a complaint's handling plan (complaint stage 4).
    ChoosePlan,
    /// Settle a complaint's conflicting steps from two devices.
    ResolveConflict,
    /// Approve leave of one day or less (R-LV-03).
    ApproveShortLeave,
    /// Set the service standards of every department (R-STD-01).
    SetStandards,
    /// Issue (freeze) the weekly and monthly report (R-REP-02).
    IssueReports,
    /// Approve leave over one day, official business or study (R-LV-03).
    ApproveLongLeave,
    /// Add people, change roles, deactivate accounts.
    ManageStaff,
    /// Choose the organisation's time zone.
    SetTimeZone,
}

impl Action {
    pub const ALL: &'static [Action] = &[
        Action::AssignCustomer,
        Action::MergeCustomers,
        Action::CloseOthersContact,
        Action::AssignVisits,
        Action::RunCampaigns,
        Action::EditScripts,
        Action::ApproveSwap,
        Action::EditRoster,
        Action::LeadTeam,
        Action::ChoosePlan,
        Action::ResolveConflict,
        Action::ApproveShortLeave,
        Action::SetStandards,
        Action::IssueReports,
        Action::ApproveLongLeave,
        Action::ManageStaff,
        Action::SetTimeZone,
    ];

    /// The lowest role allowed to do it; higher ranks may too.
    pub fn needs(self) -> Role {
        match self {
            Action::AssignCustomer
            | Action::MergeCustomers
            | Action::CloseOthersContact
            | Action::AssignVisits
            | Action::RunCampaigns
            | Action::EditScripts
            | Action::ApproveSwap
            | Action::EditRoster
            | Action::LeadTeam => Role::TeamLeader,
            Action::ChoosePlan
            | Action::ResolveConflict
            | Action::ApproveShortLeave
            | Action::SetStandards
            | Action::IssueReports => Role::DepartmentDirector,
            Action::ApproveLongLeave | Action::ManageStaff | Action::SetTimeZone => {
                Role::CenterDirector
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Org {
    #[serde(skip)]
    pub id: RecordId,
    pub name: String,
    /// The IANA name of its time zone (`zones::ZONES`); None for an org
    /// made before the setting existed (read as `zones::DEFAULT_ZONE`).
    pub time_zone: Option<String>,
    #[serde(flatten)]
    pub audit: Audit,
}

/// A device's name, chosen by the people who use it ("Tablet mostrador"),
/// so screens never show its hex id. One record per device: its id is the
/// device id (`device::record_id`), so a device names only itself.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Device {
    #[serde(skip)]
    pub id: RecordId,
    pub name: String,
    #[serde(flatten)]
    pub audit: Audit,
}

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
    /// Made by "load demo data", so "clear demo data" can find it.
    pub demo: bool,
    #[serde(flatten)]
    pub audit: Audit,
}
