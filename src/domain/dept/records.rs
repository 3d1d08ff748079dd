//! The records of the department: teams, shift definitions, holidays, the roster, staff profiles, leave, approvals, swaps, attendance, handovers, announcements with their read receipts, meetings and their decisions. Data only; each rule module beside this one holds the rules of one of them.

use crate::domain::base::record::{code_enum, Audit};
use crate::domain::base::text::fold;
use crate::domain::staff::records::{Role, Staff};
use crate::sync::RecordId;
use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

code_enum!(Decision { Approve => "approve", Refuse => "refuse" });

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Approval {
    #[serde(skip)]
    pub id: RecordId,
    /// The leave or swap decided on.
    pub subject: RecordId,
    pub by: RecordId,
    /// The decider's role and team when deciding: a later promotion does
    /// not change what a decision was worth.
    pub role: Role,
    pub team: String,
    pub decision: Decision,
    /// Decisions this one overrides (set when resolving a conflict).
    pub supersedes: Vec<RecordId>,
    pub note: String,
    /// Made by "load demo data", so "clear demo data" can find it.
    pub demo: bool,
    #[serde(flatten)]
    pub audit: Audit,
}

/// One person's clocking for one roster entry; the id is derived from
/// both, so a second device clocking the same shift edits the same record.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Attendance {
    #[serde(skip)]
    pub id: RecordId,
    pub person: RecordId,
    pub entry: RecordId,
    #[serde(deserialize_with = "crate::domain::base::when::utc_opt")]
    pub arrived_at: Option<DateTime<Utc>>,
    #[serde(deserialize_with = "crate::domain::base::when::utc_opt")]
    pub left_at: Option<DateTime<Utc>>,
    /// Made by "load demo data", so "clear demo data" can find it.
    pub demo: bool,
    #[serde(flatten)]
    pub audit: Audit,
}

code_enum!(MeetingKind { Handover => "handover", Weekly => "weekly", Monthly => "monthly" });

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Meeting {
    #[serde(skip)]
    pub id: RecordId,
    pub kind: MeetingKind,
    /// Empty: the whole department.
    pub team: String,
    #[serde(deserialize_with = "crate::domain::base::when::utc")]
    pub scheduled_at: DateTime<Utc>,
    pub title: String,
    /// Weekly: service, safety, training, attendance, difficult cases.
    pub agenda: String,
    pub minutes: String,
    pub held: bool,
    /// Made by "load demo data", so "clear demo data" can find it.
    pub demo: bool,
    #[serde(flatten)]
    pub audit: Audit,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct MeetingDecision {
    #[serde(skip)]
    pub id: RecordId,
    pub meeting: RecordId,
    pub text: String,
    pub owner: RecordId,
    pub due: NaiveDate,
    #[serde(deserialize_with = "crate::domain::base::when::utc_opt")]
    pub done_at: Option<DateTime<Utc>>,
    /// The standard answer this decision agreed (R-KB-01), if any.
    pub answer: Option<RecordId>,
    /// Made by "load demo data", so "clear demo data" can find it.
    pub demo: bool,
    #[serde(flatten)]
    pub audit: Audit,
}

code_enum!(ReceiptKind { AnnouncementRead => "announcement_read", HandoverAck => "handover_ack" });

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Receipt {
    #[serde(skip)]
    pub id: RecordId,
    pub kind: ReceiptKind,
    pub subject: RecordId,
    pub person: RecordId,
    /// Made by "load demo data", so "clear demo data" can find it.
    pub demo: bool,
    #[serde(flatten)]
    pub audit: Audit,
}

/// R-OPS-02: what one shift hands to the next.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Handover {
    #[serde(skip)]
    pub id: RecordId,
    pub team: String,
    /// The shift handed over: its day and definition.
    pub date: NaiveDate,
    pub shift: RecordId,
    pub equipment: String,
    pub problems: String,
    pub staffing: String,
    /// Open contacts and complaints, picked from the records.
    pub open_items: Vec<RecordId>,
    /// Made by "load demo data", so "clear demo data" can find it.
    pub demo: bool,
    #[serde(flatten)]
    pub audit: Audit,
}

/// R-OPS-03: a business change or preferential policy everyone must read.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Announcement {
    #[serde(skip)]
    pub id: RecordId,
    pub title: String,
    pub body: String,
    /// Empty: everyone.
    pub teams: Vec<String>,
    /// Made by "load demo data", so "clear demo data" can find it.
    pub demo: bool,
    #[serde(flatten)]
    pub audit: Audit,
}

impl Announcement {
    pub fn for_person(&self, person: &Staff) -> bool {
        self.teams.is_empty() || self.teams.iter().any(|t| fold(t) == fold(&person.team))
    }
}

/// What the department needs to know about a person beyond `Staff`: kept
/// apart (same id as the staff record) because addresses are private and
/// only the roster and the emergency list read them.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct StaffProfile {
    #[serde(skip)]
    pub id: RecordId,
    /// R-SW-04: swaps only between the same job type and level.
    pub job_type: String,
    pub level: String,
    /// R-SEC-02.
    pub address: String,
    pub emergency_contact: String,
    pub emergency_phone: String,
    /// Made by "load demo data", so "clear demo data" can find it.
    pub demo: bool,
    #[serde(flatten)]
    pub audit: Audit,
}

code_enum!(ShiftKind { Day => "day", Night => "night" });

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Team {
    #[serde(skip)]
    pub id: RecordId,
    /// Matches `Staff::team` (compared without accents or case).
    pub name: String,
    /// 0 means the default of 30 h (R-ATT-02).
    pub min_weekly_hours: u32,
    /// Made by "load demo data", so "clear demo data" can find it.
    pub demo: bool,
    #[serde(flatten)]
    pub audit: Audit,
}

impl Team {
    pub fn min_hours(&self) -> u32 {
        if self.min_weekly_hours == 0 {
            DEFAULT_MIN_WEEKLY_HOURS
        } else {
            self.min_weekly_hours
        }
    }
}

/// A kind of shift: "Día 08:00–20:00", "Noche 20:00–08:00", "Festivo".
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ShiftDef {
    #[serde(skip)]
    pub id: RecordId,
    pub name: String,
    pub kind: ShiftKind,
    /// Local wall-clock times; an end at or before the start is the next day.
    pub start: NaiveTime,
    pub end: NaiveTime,
    /// Holiday duty: whoever works it cannot take leave or swap (R-LV-06).
    pub holiday: bool,
    /// Made by "load demo data", so "clear demo data" can find it.
    pub demo: bool,
    #[serde(flatten)]
    pub audit: Audit,
}

impl ShiftDef {
    pub fn crosses_midnight(&self) -> bool {
        self.end <= self.start
    }
}

/// A public holiday: leave touching it needs two days' notice (R-LV-06).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Holiday {
    #[serde(skip)]
    pub id: RecordId,
    pub date: NaiveDate,
    pub name: String,
    /// Made by "load demo data", so "clear demo data" can find it.
    pub demo: bool,
    #[serde(flatten)]
    pub audit: Audit,
}

/// One person's shift on one day. `shift: None` is a day off.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct RosterEntry {
    #[serde(skip)]
    pub id: RecordId,
    pub person: RecordId,
    pub date: NaiveDate,
    pub shift: Option<RecordId>,
    pub team: String,
    /// Made by "load demo data", so "clear demo data" can find it.
    pub demo: bool,
    #[serde(flatten)]
    pub audit: Audit,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Swap {
    #[serde(skip)]
    pub id: RecordId,
    pub requester: RecordId,
    pub colleague: RecordId,
    /// The requester's roster entry the colleague will work.
    pub give: RecordId,
    /// The colleague's roster entry the requester will work.
    pub take: RecordId,
    pub reason: String,
    pub cancelled: bool,
    /// Made by "load demo data", so "clear demo data" can find it.
    pub demo: bool,
    #[serde(flatten)]
    pub audit: Audit,
}

code_enum!(LeaveKind { Personal => "personal", Sick => "sick", Business => "business", Study => "study" });

impl LeaveKind {
    /// R-LV-01: official business and study are "official" leave.
    pub fn official(self) -> bool {
        matches!(self, LeaveKind::Business | LeaveKind::Study)
    }
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Leave {
    #[serde(skip)]
    pub id: RecordId,
    pub person: RecordId,
    pub kind: LeaveKind,
    pub first_day: NaiveDate,
    pub last_day: NaiveDate,
    /// A few hours of one day, not the whole day.
    pub part_day: bool,
    pub reason: String,
    /// An urgent special leave: one hour's notice is enough (R-LV-02).
    pub urgent: bool,
    /// Asked later than R-LV-02 allows: absence unless approved.
    pub late: bool,
    /// The level that decides it (R-LV-03), fixed when requested.
    pub needs: Role,
    pub cancelled: bool,
    /// R-LV-05: when the medical certificate was handed in, and to whom.
    #[serde(deserialize_with = "crate::domain::base::when::utc_opt")]
    pub certificate_at: Option<DateTime<Utc>>,
    pub certificate_by: Option<RecordId>,
    /// Made by "load demo data", so "clear demo data" can find it.
    pub demo: bool,
    #[serde(flatten)]
    pub audit: Audit,
}

impl Leave {
    pub fn days(&self) -> i64 {
        (self.last_day - self.first_day).num_days() + 1
    }

    pub fn covers(&self, date: NaiveDate) -> bool {
        (self.first_day..=self.last_day).contains(&date)
    }
}

/// R-ATT-02: weekly hours below this are flagged unless the team says otherwise.
pub const DEFAULT_MIN_WEEKLY_HOURS: u32 = 30;

#[derive(Debug, Clone, Default)]
pub struct Dept {
    pub teams: BTreeMap<RecordId, Team>,
    pub shift_defs: BTreeMap<RecordId, ShiftDef>,
    pub holidays: BTreeMap<RecordId, Holiday>,
    pub roster: BTreeMap<RecordId, RosterEntry>,
    pub profiles: BTreeMap<RecordId, StaffProfile>,
    pub leaves: BTreeMap<RecordId, Leave>,
    pub approvals: BTreeMap<RecordId, Approval>,
    pub swaps: BTreeMap<RecordId, Swap>,
    pub attendance: BTreeMap<RecordId, Attendance>,
    pub handovers: BTreeMap<RecordId, Handover>,
    pub announcements: BTreeMap<RecordId, Announcement>,
    pub receipts: BTreeMap<RecordId, Receipt>,
    pub meetings: BTreeMap<RecordId, Meeting>,
    pub decisions: BTreeMap<RecordId, MeetingDecision>,
}
