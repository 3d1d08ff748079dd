//! The complaint list: filters, search, urgency order; and who must see a
//! complaint on their Today page (R-CMP-02, R-CMP-03).

use super::{local_day, replay, ComplaintEvent, ComplaintView, Severity, Stage};
use crate::domain::base::order;
use crate::domain::base::text::fold;
use crate::domain::base::zone::Zone;
use crate::domain::error::RuleError;
use crate::domain::model::Model;
use crate::domain::staff::{Role, Staff};
use crate::sync::RecordId;
use chrono::{DateTime, NaiveDate, Utc};
use std::cmp::Reverse;
use std::sync::Arc;

/// Open or closed, for the list filter.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Status {
    Open,
    Closed,
}

/// Every field narrows the list; the default shows everything.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ComplaintFilter {
    /// The last completed stage.
    pub stage: Option<Stage>,
    pub status: Option<Status>,
    pub overdue_only: bool,
    pub severity: Option<Severity>,
    /// Compared folded ("Logística" = "logistica").
    pub department: Option<String>,
    /// The owner.
    pub assignee: Option<RecordId>,
    /// Received on or after this local day.
    pub from: Option<NaiveDate>,
    /// Received on or before this local day.
    pub to: Option<NaiveDate>,
    /// Any part of the content, request, department, cause, customer name.
    pub text: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ComplaintRow {
    /// Shared with the replays the model keeps (Today's cards).
    pub view: Arc<ComplaintView>,
    pub overdue: bool,
    pub deadline_at: Option<DateTime<Utc>>,
}

fn haystack(model: &Model, v: &ComplaintView) -> String {
    let c = &v.complaint;
    let mut parts = vec![c.content.as_str(), c.asks.as_str()];
    if let Some(j) = &v.judgement {
        parts.push(&j.value.department);
    }
    if let Some(i) = &v.investigation {
        parts.push(&i.value.cause_text);
        parts.push(&i.value.responsible);
    }
    if let Some(cu) = c.customer.and_then(|id| model.customers.get(&id)) {
        parts.push(&cu.name);
    }
    fold(&parts.join(" "))
}

fn department_of(v: &ComplaintView) -> Option<&str> {
    v.judgement
        .as_ref()
        .filter(|j| j.value.founded)
        .map(|j| j.value.department.as_str())
}

/// Every complaint's view (the list, statistics and Today all start here).
pub fn all_views(model: &Model) -> Vec<ComplaintView> {
    model
        .complaints
        .values()
        .map(|c| replay(c, &super::events_of(model, c.id)))
        .collect()
}

/// The complaint's events in replay order.
pub fn events_of(model: &Model, complaint: RecordId) -> Vec<&ComplaintEvent> {
    model.steps_in_order(complaint)
}

/// Derives the complaint's state from its events.
pub fn history(model: &Model, id: RecordId) -> Result<ComplaintView, RuleError> {
    let complaint = model
        .complaints
        .get(&id)
        .ok_or(RuleError::NotFound { what: "complaint" })?;
    Ok(replay(complaint, &events_of(model, id)))
}

/// The list: open before closed, serious first, overdue first, then the
/// oldest deadline, then the oldest complaint.
pub fn list(
    model: &Model,
    filter: &ComplaintFilter,
    zone: Zone,
    now: DateTime<Utc>,
) -> Vec<ComplaintRow> {
    let needle = fold(&filter.text);
    let department = filter.department.as_deref().map(fold);
    let mut rows: Vec<ComplaintRow> = all_views(model)
        .into_iter()
        .filter(|v| {
            let day = local_day(v.complaint.received_at, zone);
            filter.stage.is_none_or(|s| v.stage == s)
                && filter
                    .status
                    .is_none_or(|s| (s == Status::Closed) == v.closed)
                && (!filter.overdue_only || v.is_overdue(now, zone))
                && filter.severity.is_none_or(|s| v.severity() == Some(s))
                && department
                    .as_ref()
                    .is_none_or(|d| department_of(v).is_some_and(|x| fold(x) == *d))
                && filter.assignee.is_none_or(|a| v.complaint.owner == a)
                && filter.from.is_none_or(|f| day >= f)
                && filter.to.is_none_or(|t| day <= t)
                && (needle.is_empty() || haystack(model, v).contains(&needle))
        })
        .map(|v| ComplaintRow {
            overdue: v.is_overdue(now, zone),
            deadline_at: v.deadline_at(zone),
            view: Arc::new(v),
        })
        .collect();
    order::sort_by_key(&mut rows, |r| {
        (
            r.view.closed,
            Reverse(r.view.severity() == Some(Severity::Serious)),
            Reverse(r.overdue),
            r.deadline_at.is_none(),
            r.deadline_at,
            r.view.complaint.received_at,
            r.view.complaint.id,
        )
    });
    rows
}

/// R-CMP-02: overdue complaints `me` must see: my own, and as team leader
/// those owned by my team. Most urgent first.
///
/// `unsettled`: [`Model::unsettled_replays`], kept for all of Today's lists.
pub fn overdue_for(
    model: &Model,
    unsettled: &[Arc<ComplaintView>],
    me: &Staff,
    now: DateTime<Utc>,
) -> Vec<RecordId> {
    let mine = |v: &ComplaintView| {
        v.complaint.owner == me.id
            || (me.role == Role::TeamLeader
                && !me.team.trim().is_empty()
                && model
                    .staff
                    .get(&v.complaint.owner)
                    .is_some_and(|o| o.team == me.team))
    };
    let zone = model.zone();
    let mut v: Vec<&ComplaintView> = unsettled
        .iter()
        .map(|v| &**v)
        .filter(|v| v.is_overdue(now, zone) && mine(v))
        .collect();
    order::sort_by_key(&mut v, |v| (v.deadline_at(zone), v.complaint.id));
    v.into_iter().map(|v| v.complaint.id).collect()
}

/// R-CMP-03: open serious complaints, on both directors' lists at once.
pub fn serious_for(unsettled: &[Arc<ComplaintView>], me: &Staff) -> Vec<RecordId> {
    if !matches!(me.role, Role::DepartmentDirector | Role::CenterDirector) {
        return Vec::new();
    }
    let mut v: Vec<&ComplaintView> = unsettled
        .iter()
        .map(|v| &**v)
        .filter(|v| !v.closed && v.severity() == Some(Severity::Serious))
        .collect();
    order::sort_by_key(&mut v, |v| {
        (v.completed_at[Stage::Judged.index()], v.complaint.id)
    });
    v.into_iter().map(|v| v.complaint.id).collect()
}

/// Complaints with a conflict a director must resolve.
pub fn conflicted_for(unsettled: &[Arc<ComplaintView>], me: &Staff) -> Vec<RecordId> {
    if me.role.rank() < Role::DepartmentDirector.rank() {
        return Vec::new();
    }
    unsettled
        .iter()
        .filter(|v| !v.conflicts.is_empty())
        .map(|v| v.complaint.id)
        .collect()
}

/// One complaint's row, for its page and Today's cards: an unsettled one's
/// replay is the one the model keeps.
pub fn row(model: &Model, id: RecordId, now: DateTime<Utc>) -> Option<ComplaintRow> {
    let v = match model.unsettled_replay(id) {
        Some(kept) => kept,
        None => Arc::new(history(model, id).ok()?),
    };
    let zone = model.zone();
    Some(ComplaintRow {
        overdue: v.is_overdue(now, zone),
        deadline_at: v.deadline_at(zone),
        view: v,
    })
}
