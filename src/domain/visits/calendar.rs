//! Return visits (docs/rules.md "Return visits"): the records beside
//! the visit itself, and the settings. Rules live in the submodules: due
//! (R-RV-04, R-CUS-05), queue (R-RV-01, R-RV-06), script (R-RV-05), call
//! (R-RV-03, R-RV-08) and report (R-RV-02, R-RV-07).

use super::records::*;
use crate::domain::base::order;
use crate::domain::base::zone::Zone;
use crate::sync::RecordId;
use chrono::{DateTime, Days, NaiveDate, Utc};
use sha2::{Digest, Sha256};

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

/// R-RV-04: open past its deadline on `today` (local).
pub fn is_overdue(model: &crate::domain::Model, v: &ReturnVisit, today: NaiveDate) -> bool {
    v.is_open() && today > deadline(model, v)
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
        .open_visits_of(me)
        .filter(|v| v.due <= today)
        .collect();
    order::sort_by_key(&mut mine, |v| (v.due, v.id));
    let (overdue, due): (Vec<&ReturnVisit>, Vec<&ReturnVisit>) =
        mine.into_iter().partition(|v| is_overdue(model, v, today));
    let mut tasks: Vec<&Task> = model
        .rv
        .tasks
        .values()
        .filter(|t| t.owner == me && t.done_at.is_none())
        .collect();
    order::sort_by_key(&mut tasks, |t| (t.due, t.id));
    (
        due.into_iter().map(|v| v.id).collect(),
        overdue.into_iter().map(|v| v.id).collect(),
        tasks.into_iter().map(|t| t.id).collect(),
    )
}

/// How many open visits of `me` fall due after `today`: already in my
/// queue's future, so an empty "due today" is not read as "nothing coming".
pub fn later_for(model: &crate::domain::Model, me: RecordId, today: NaiveDate) -> usize {
    model.open_visits_of(me).filter(|v| v.due > today).count()
}
