//! Return visits (DOMAIN.md "Return visits", issue 5): the records beside
//! the visit itself, and the settings. Rules live in the submodules: due
//! (R-RV-04, R-CUS-05), queue (R-RV-01, R-RV-06), script (R-RV-05), call
//! (R-RV-03, R-RV-08) and report (R-RV-02, R-RV-07).

use crate::domain::base::lang::Lang;
use crate::domain::base::record::{code_enum, load, put, record, Audit, Record};
use crate::domain::base::zone::Zone;
use crate::domain::customer::CustomerKind;
use crate::domain::visits::{ReturnVisit, VisitMethod, VisitOutcome, VisitReason, VisitStatus};
use crate::sync::RecordId;
use chrono::{DateTime, Days, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;

/// One call try. A log of records, not a counter field: two devices that
/// both record an attempt offline keep both after merging (last writer
/// wins per field would lose one).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct VisitAttempt {
    #[serde(skip)]
    pub id: RecordId,
    pub visit: RecordId,
    #[serde(deserialize_with = "crate::domain::base::when::utc")]
    pub at: DateTime<Utc>,
    pub by: RecordId,
    pub method: VisitMethod,
    pub outcome: VisitOutcome,
    pub quiet_override: String,
    pub demo: bool,
    #[serde(flatten)]
    pub audit: Audit,
}
record!(VisitAttempt, "visit_attempt");

code_enum!(CampaignReason { Holiday => "holiday", Anniversary => "anniversary", Promotion => "promotion" });

/// A team leader's campaign: every customer of the segment gets a visit
/// while it runs.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Campaign {
    #[serde(skip)]
    pub id: RecordId,
    pub name: String,
    pub reason: CampaignReason,
    /// Folded, as customers' tags are; empty: any tag.
    pub tag: String,
    /// None: any kind.
    pub customer_kind: Option<CustomerKind>,
    pub starts: NaiveDate,
    pub ends: NaiveDate,
    pub demo: bool,
    #[serde(flatten)]
    pub audit: Audit,
}
record!(Campaign, "campaign");

/// An editable call script (R-RV-05) for one language and, optionally, one
/// reason. Texts may use the placeholders in `PLACEHOLDERS`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Script {
    #[serde(skip)]
    pub id: RecordId,
    pub lang: Lang,
    /// None: for every reason without its own script.
    pub reason: Option<VisitReason>,
    pub opening: String,
    pub question: String,
    /// Satisfied: ask for suggestions.
    pub satisfied: String,
    /// Average or dissatisfied: ask what to improve, apologise, promise.
    pub not_satisfied: String,
    pub closing: String,
    #[serde(flatten)]
    pub audit: Audit,
}
record!(Script, "script");

/// A follow-up for Today: a reply promised on a call (R-RV-03).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Task {
    #[serde(skip)]
    pub id: RecordId,
    pub owner: RecordId,
    pub title: String,
    pub due: NaiveDate,
    pub customer: Option<RecordId>,
    pub visit: Option<RecordId>,
    #[serde(deserialize_with = "crate::domain::base::when::utc_opt")]
    pub done_at: Option<DateTime<Utc>>,
    pub demo: bool,
    #[serde(flatten)]
    pub audit: Audit,
}
record!(Task, "task");

/// The return-visit records beside `Model::visits`: one field in `Model`.
#[derive(Debug, Clone, Default)]
pub struct VisitBook {
    pub attempts: BTreeMap<RecordId, VisitAttempt>,
    pub campaigns: BTreeMap<RecordId, Campaign>,
    pub scripts: BTreeMap<RecordId, Script>,
    pub tasks: BTreeMap<RecordId, Task>,
}

impl VisitBook {
    /// Re-reads one record; false when the kind is not one of these.
    pub fn refresh(&mut self, kind: &str, id: RecordId, fields: Option<&Value>) -> bool {
        match kind {
            k if k == VisitAttempt::KIND => {
                put(&mut self.attempts, id, fields);
            }
            k if k == Campaign::KIND => {
                put(&mut self.campaigns, id, fields);
            }
            k if k == Script::KIND => {
                put(&mut self.scripts, id, fields);
            }
            k if k == Task::KIND => {
                put(&mut self.tasks, id, fields);
            }
            _ => return false,
        }
        true
    }

    pub(crate) fn load(&mut self, rows: VisitRows) -> usize {
        load(&mut self.attempts, rows.visit_attempt)
            + load(&mut self.campaigns, rows.campaign)
            + load(&mut self.scripts, rows.script)
            + load(&mut self.tasks, rows.task)
    }

    /// Attempts on one visit, oldest first.
    pub fn attempts_of(&self, visit: RecordId) -> Vec<&VisitAttempt> {
        let mut v: Vec<&VisitAttempt> = self
            .attempts
            .values()
            .filter(|a| a.visit == visit)
            .collect();
        v.sort_by_key(|a| (a.at, a.id));
        v
    }
}

/// These kinds in a stored view row (see `Model::load_view`).
#[derive(serde::Deserialize, Default)]
#[serde(default)]
pub(crate) struct VisitRows {
    visit_attempt: Vec<(RecordId, VisitAttempt)>,
    campaign: Vec<(RecordId, Campaign)>,
    script: Vec<(RecordId, Script)>,
    task: Vec<(RecordId, Task)>,
}

/// The organisation's return-visit settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VisitSettings {
    /// Members are visited at least this often (R-RV-02).
    pub member_every_days: u64,
    /// Card renewal visits fall due this long before expiry (R-CUS-05).
    pub card_days_ahead: u64,
    /// A missed store-visit, birthday or card visit is still made this many
    /// days late (the app was not opened); older ones are pointless.
    pub grace_days: u64,
}

impl Default for VisitSettings {
    fn default() -> Self {
        VisitSettings {
            member_every_days: 90,
            card_days_ahead: 30,
            grace_days: OVERDUE_DAYS,
        }
    }
}

/// R-RV-04: not completed within this many days of falling due = overdue.
pub const OVERDUE_DAYS: u64 = 3;

/// The id of a rule-made visit: derived from its key, so the same visit
/// made on two offline devices is one record after merging.
pub fn id_for_key(key: &str) -> RecordId {
    let hash = Sha256::digest(format!("ventanilla/visit/{key}").as_bytes());
    let mut bytes = [0u8; 16];
    bytes.copy_from_slice(&hash[..16]);
    RecordId(u128::from_be_bytes(bytes))
}

pub fn local_day(t: DateTime<Utc>, zone: Zone) -> NaiveDate {
    zone.local_date(t)
}

/// `d` plus `n` days, or the calendar's last day.
pub(crate) fn add_days(d: NaiveDate, n: u64) -> NaiveDate {
    d.checked_add_days(Days::new(n)).unwrap_or(NaiveDate::MAX)
}

/// `d` less `n` days, or the calendar's first day.
pub(crate) fn sub_days(d: NaiveDate, n: u64) -> NaiveDate {
    d.checked_sub_days(Days::new(n)).unwrap_or(NaiveDate::MIN)
}

/// The last day a visit is on time (R-RV-04): three days after it falls
/// due, or a campaign's last day when that is later.
pub fn deadline(model: &crate::domain::Model, v: &ReturnVisit) -> NaiveDate {
    let base = add_days(v.due, OVERDUE_DAYS);
    v.campaign
        .and_then(|c| model.rv.campaigns.get(&c))
        .map_or(base, |c| base.max(c.ends))
}

pub fn is_open(v: &ReturnVisit) -> bool {
    v.status != VisitStatus::Done
}

/// R-RV-04: open past its deadline on `today` (local).
pub fn is_overdue(model: &crate::domain::Model, v: &ReturnVisit, today: NaiveDate) -> bool {
    is_open(v) && today > deadline(model, v)
}

/// Completed on time: on or before its deadline, in local days.
pub fn on_time(model: &crate::domain::Model, v: &ReturnVisit, zone: Zone) -> bool {
    v.completed_at
        .is_some_and(|t| local_day(t, zone) <= deadline(model, v))
}

/// Today's lists for `me` (R-RV-04): open visits of mine already due and
/// not yet overdue, the overdue ones, and my open follow-up tasks; each
/// soonest first.
pub fn today_for(
    model: &crate::domain::Model,
    me: RecordId,
    today: NaiveDate,
) -> (Vec<RecordId>, Vec<RecordId>, Vec<RecordId>) {
    let mut mine: Vec<&ReturnVisit> = model
        .visits
        .values()
        .filter(|v| v.assignee == Some(me) && is_open(v) && v.due <= today)
        .collect();
    mine.sort_by_key(|v| (v.due, v.id));
    let (overdue, due): (Vec<&ReturnVisit>, Vec<&ReturnVisit>) =
        mine.into_iter().partition(|v| is_overdue(model, v, today));
    let mut tasks: Vec<&Task> = model
        .rv
        .tasks
        .values()
        .filter(|t| t.owner == me && t.done_at.is_none())
        .collect();
    tasks.sort_by_key(|t| (t.due, t.id));
    (
        due.into_iter().map(|v| v.id).collect(),
        overdue.into_iter().map(|v| v.id).collect(),
        tasks.into_iter().map(|t| t.id).collect(),
    )
}
