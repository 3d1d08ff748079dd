//! Shift swaps (R-SW-01..05). A swap exchanges two roster entries: the
//! requester's `give` and the colleague's `take`. Roster entries are never
//! rewritten; the roster view applies approved swaps, so a swap decided on
//! two devices cannot leave a half-moved roster.
//!
//! Choices made here: a swap's month (R-SW-02) is the month of the
//! requester's given shift; "consecutive" (R-SW-03) means less than
//! `MIN_REST_HOURS` between the end of one shift and the start of the next;
//! a chained swap is one touching an entry already in a standing swap.

use super::records::*;
use super::swap_status::*;
use crate::domain::base::dates::Shift;
use crate::domain::base::limits::{check_len, MAX_TEXT};
use crate::domain::base::order;
use crate::domain::base::record::Audit;
use crate::domain::base::text::fold;
use crate::domain::dept::approval::{live_decisions, new_approval};
use crate::domain::dept::leave_status;
use crate::domain::dept::records::RosterEntry;
use crate::domain::dept::records::{Approval, Decision};
use crate::domain::dept::shifts;
use crate::domain::dept::shifts::ShiftView;
use crate::domain::dept::teams;
use crate::domain::error::RuleError;
use crate::domain::model::Model;
use crate::domain::staff::{require, Action, Staff};
use crate::sync::RecordId;
use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};

/// R-SW-03: less rest than this between two shifts makes them consecutive.
pub const MIN_REST_HOURS: i64 = 8;
/// R-SW-02.
pub const MAX_SWAPS_PER_MONTH: usize = 2;

fn month(d: NaiveDate) -> (i32, u32) {
    (d.year(), d.month())
}

/// R-SW-02: standing swaps of `person` in the month of `date`.
pub fn swaps_in_month(
    model: &Model,
    person: RecordId,
    date: NaiveDate,
    skip: Option<RecordId>,
) -> usize {
    model
        .dept
        .swaps
        .values()
        .filter(|s| Some(s.id) != skip && (s.requester == person || s.colleague == person))
        .filter(|s| {
            model
                .dept
                .roster
                .get(&s.give)
                .is_some_and(|e| month(e.date) == month(date))
        })
        .filter(|s| standing(model, s))
        .count()
}

fn view(model: &Model, entry: &RosterEntry) -> Result<ShiftView, RuleError> {
    shifts::view_entry(model, entry, entry.person).ok_or(RuleError::NotFound { what: "shift" })
}

/// R-SW-03: whether working `shift` leaves `person` too little rest around
/// their other shifts (`except` is the entry they hand away).
fn back_to_back(model: &Model, person: RecordId, shift: &ShiftView, except: RecordId) -> bool {
    let rest = Duration::hours(MIN_REST_HOURS);
    shifts::shifts_of(
        model,
        person,
        shift.date.minus(Duration::days(2)),
        shift.date.plus(Duration::days(2)),
    )
    .into_iter()
    .filter(|o| o.entry != except && o.entry != shift.entry)
    .any(|o| o.start < shift.end + rest && shift.start < o.end + rest)
}

/// Every R-SW rule (and R-LV-06) for exchanging `give` and `take`.
pub fn check_swap(
    model: &Model,
    give: RecordId,
    take: RecordId,
    skip: Option<RecordId>,
    now: DateTime<Utc>,
) -> Result<(RosterEntry, RosterEntry), RuleError> {
    let g = model.dept.roster.get(&give).ok_or(RuleError::NotFound {
        what: "roster_entry",
    })?;
    let t = model.dept.roster.get(&take).ok_or(RuleError::NotFound {
        what: "roster_entry",
    })?;
    let (a, b) = (g.person, t.person);
    if a == b {
        return Err(RuleError::SwapWithSelf);
    }
    let (gv, tv) = (view(model, g)?, view(model, t)?);
    if gv.start <= now || tv.start <= now {
        return Err(RuleError::InvalidDate { field: "shift" });
    }
    if gv.holiday_duty || tv.holiday_duty {
        return Err(RuleError::HolidayDuty);
    }
    let chained = |e: &RosterEntry| {
        shifts::worker(model, e) != e.person
            || standing_swap_on(model, e.id).is_some_and(|s| Some(s.id) != skip)
    };
    if chained(g) || chained(t) {
        return Err(RuleError::ChainedSwap);
    }
    let pa = model.dept.profiles.get(&a).cloned().unwrap_or_default();
    let pb = model.dept.profiles.get(&b).cloned().unwrap_or_default();
    if fold(&pa.job_type) != fold(&pb.job_type) || fold(&pa.level) != fold(&pb.level) {
        return Err(RuleError::SwapMismatch);
    }
    for p in [a, b] {
        if swaps_in_month(model, p, g.date, skip) >= MAX_SWAPS_PER_MONTH {
            let name = model
                .staff
                .get(&p)
                .map(|s| s.name.clone())
                .unwrap_or_default();
            return Err(RuleError::TooManySwaps { name });
        }
    }
    if leave_status::leave_on(model, a, t.date).is_some()
        || leave_status::leave_on(model, b, g.date).is_some()
    {
        return Err(RuleError::LeaveDuringSwap);
    }
    if back_to_back(model, a, &tv, g.id) || back_to_back(model, b, &gv, t.id) {
        return Err(RuleError::ConsecutiveShifts);
    }
    Ok((g.clone(), t.clone()))
}

/// R-SW-01: the requester asks a colleague; both leaders then approve.
pub fn request_swap(
    model: &Model,
    actor: &Staff,
    give: RecordId,
    take: RecordId,
    reason: &str,
    id: RecordId,
    now: DateTime<Utc>,
) -> Result<Swap, RuleError> {
    let (g, t) = check_swap(model, give, take, None, now)?;
    if g.person != actor.id {
        return Err(RuleError::NotYourShift);
    }
    if !model.staff.get(&t.person).is_some_and(|s| s.active) {
        return Err(RuleError::InactiveStaff);
    }
    check_len(reason, "reason", MAX_TEXT)?;
    Ok(Swap {
        id,
        requester: g.person,
        colleague: t.person,
        give,
        take,
        reason: reason.trim().to_string(),
        cancelled: false,
        demo: false,
        audit: Audit::new(actor.id, now),
    })
}

/// The colleague accepts or declines; a leader of either team approves or
/// refuses. Approvals re-check every rule: other swaps may have been
/// approved since the request.
pub fn decide_swap(
    model: &Model,
    actor: &Staff,
    swap: &Swap,
    decision: Decision,
    note: &str,
    id: RecordId,
    now: DateTime<Utc>,
) -> Result<Approval, RuleError> {
    let current = model
        .dept
        .swaps
        .get(&swap.id)
        .ok_or(RuleError::NotFound { what: "swap" })?;
    if actor.id == current.requester {
        return Err(RuleError::OwnRequest);
    }
    check_len(note, "note", MAX_TEXT)?;
    if actor.id != current.colleague {
        require(actor, Action::ApproveSwap)?;
        let leads_one = teams::leads(actor, &team_of(model, current.requester))
            || teams::leads(actor, &team_of(model, current.colleague));
        if !leads_one {
            return Err(RuleError::OtherTeam);
        }
    }
    let supersedes = match status(model, current) {
        SwapStatus::Pending => Vec::new(),
        SwapStatus::Conflict => live_decisions(model, current.id)
            .into_iter()
            .map(|a| a.id)
            .collect(),
        _ => return Err(RuleError::AlreadyDecided),
    };
    if decision == Decision::Approve {
        check_swap(model, current.give, current.take, Some(current.id), now)?;
    }
    Ok(new_approval(
        actor, current.id, decision, note, supersedes, id, now,
    ))
}

/// The requester withdraws a swap before its first shift starts.
pub fn cancel_swap(
    model: &Model,
    actor: &Staff,
    swap: &Swap,
    now: DateTime<Utc>,
) -> Result<Swap, RuleError> {
    if actor.id != swap.requester {
        return Err(RuleError::NotYourShift);
    }
    if swap.cancelled {
        return Err(RuleError::AlreadyDecided);
    }
    let started = [swap.give, swap.take]
        .iter()
        .filter_map(|e| model.dept.roster.get(e))
        .filter_map(|e| shifts::view_entry(model, e, e.person))
        .any(|v| v.start <= now);
    if started {
        return Err(RuleError::InvalidDate { field: "shift" });
    }
    let mut next = swap.clone();
    next.cancelled = true;
    next.audit.touch(actor.id, now);
    Ok(next)
}

/// Swaps waiting for `actor`: as the colleague, or as a leader not yet agreed.
pub fn waiting_for(model: &Model, actor: &Staff) -> Vec<RecordId> {
    let mut v: Vec<&Swap> = model
        .dept
        .swaps
        .values()
        .filter(|s| matches!(status(model, s), SwapStatus::Pending | SwapStatus::Conflict))
        .filter(|s| {
            let (c, la, lb) = agreed(model, s);
            let mine = live_decisions(model, s.id).iter().any(|a| a.by == actor.id);
            !mine
                && ((s.colleague == actor.id && !c)
                    || (s.requester != actor.id
                        && s.colleague != actor.id
                        && ((!la && teams::leads(actor, &team_of(model, s.requester)))
                            || (!lb && teams::leads(actor, &team_of(model, s.colleague))))))
        })
        .collect();
    order::sort_by_key(&mut v, |s| (s.audit.created_at, s.id));
    v.into_iter().map(|s| s.id).collect()
}
