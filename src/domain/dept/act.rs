//! The department's operations as the screens call them: ids in, writes or
//! a refusal out. The rules are in the modules beside this one; this file
//! looks records up (NotFound when absent) and turns a rule's result into
//! writes.
//!
//! A rule's result is compared with what the model holds under the same id
//! (`diff`): a new record writes every field it has, a changed one only the
//! fields that changed, and a step already taken (a receipt that exists, a
//! certificate already in) writes nothing.

use super::leave::{self, LeaveDraft};
use super::meeting::{self, MeetingDraft};
use super::ops::{self, HandoverDraft};
use super::profile::{self, ProfileDraft};
use super::records::Decision;
use super::roster::{self, ShiftDraft};
use super::{attendance, swap, teams};
use crate::domain::base::lookup::{find, find_opt};
use crate::domain::base::record::diff;
use crate::domain::error::RuleError;
use crate::domain::model::Model;
use crate::domain::staff::Staff;
use crate::sync::{RecordId, Write};
use chrono::{DateTime, NaiveDate, Utc};

// ---- leave (R-LV-…) ----

/// R-LV-01/02/04: a new leave `id`.
pub fn request_leave(
    model: &Model,
    actor: &Staff,
    draft: LeaveDraft,
    id: RecordId,
    now: DateTime<Utc>,
) -> Result<Vec<Write>, RuleError> {
    let l = leave::request_leave(model, actor, draft, id, now)?;
    Ok(diff(&model.dept.leaves, &l))
}

/// R-LV-03: the decision `id` on leave `target`.
pub fn decide_leave(
    model: &Model,
    actor: &Staff,
    target: RecordId,
    decision: Decision,
    note: &str,
    id: RecordId,
    now: DateTime<Utc>,
) -> Result<Vec<Write>, RuleError> {
    let l = find(&model.dept.leaves, target, "leave")?;
    let a = leave::decide_leave(model, actor, l, decision, note, id, now)?;
    Ok(diff(&model.dept.approvals, &a))
}

/// R-LV-05: the certificate for leave `target` is in.
pub fn hand_in_certificate(
    model: &Model,
    actor: &Staff,
    target: RecordId,
    now: DateTime<Utc>,
) -> Result<Vec<Write>, RuleError> {
    let l = find(&model.dept.leaves, target, "leave")?;
    let next = leave::hand_in_certificate(model, actor, l, now)?;
    Ok(diff(&model.dept.leaves, &next))
}

/// Withdraws leave `target` before it starts.
pub fn cancel_leave(
    model: &Model,
    actor: &Staff,
    target: RecordId,
    now: DateTime<Utc>,
) -> Result<Vec<Write>, RuleError> {
    let l = find(&model.dept.leaves, target, "leave")?;
    let next = leave::cancel_leave(model, actor, l, now)?;
    Ok(diff(&model.dept.leaves, &next))
}

// ---- swaps (R-SW-…) ----

/// A new swap `id`: the actor gives roster entry `give` for `take`.
pub fn request_swap(
    model: &Model,
    actor: &Staff,
    give: RecordId,
    take: RecordId,
    reason: &str,
    id: RecordId,
    now: DateTime<Utc>,
) -> Result<Vec<Write>, RuleError> {
    let s = swap::request_swap(model, actor, give, take, reason, id, now)?;
    Ok(diff(&model.dept.swaps, &s))
}

/// The decision `id` on swap `target` (colleague or leader).
pub fn decide_swap(
    model: &Model,
    actor: &Staff,
    target: RecordId,
    decision: Decision,
    note: &str,
    id: RecordId,
    now: DateTime<Utc>,
) -> Result<Vec<Write>, RuleError> {
    let s = find(&model.dept.swaps, target, "swap")?;
    let a = swap::decide_swap(model, actor, s, decision, note, id, now)?;
    Ok(diff(&model.dept.approvals, &a))
}

/// The requester withdraws swap `target`.
pub fn cancel_swap(
    model: &Model,
    actor: &Staff,
    target: RecordId,
    now: DateTime<Utc>,
) -> Result<Vec<Write>, RuleError> {
    let s = find(&model.dept.swaps, target, "swap")?;
    let next = swap::cancel_swap(model, actor, s, now)?;
    Ok(diff(&model.dept.swaps, &next))
}

// ---- roster, teams, shifts, holidays ----

/// Saves team `target`; `None`: the team already named `name` if there is
/// one (names are unique), else a new team `id`.
pub fn save_team(
    model: &Model,
    actor: &Staff,
    target: Option<RecordId>,
    name: &str,
    min_weekly_hours: u32,
    id: RecordId,
    now: DateTime<Utc>,
) -> Result<Vec<Write>, RuleError> {
    let existing = match find_opt(&model.dept.teams, target, "team")? {
        Some(t) => Some(t),
        None => teams::team_named(model, name),
    };
    let id = existing.map(|t| t.id).unwrap_or(id);
    let t = roster::save_team(model, actor, existing, name, min_weekly_hours, id, now)?;
    Ok(diff(&model.dept.teams, &t))
}

/// Saves shift definition `target` (`None`: a new one, `id`).
pub fn save_shift(
    model: &Model,
    actor: &Staff,
    target: Option<RecordId>,
    draft: ShiftDraft,
    id: RecordId,
    now: DateTime<Utc>,
) -> Result<Vec<Write>, RuleError> {
    let existing = find_opt(&model.dept.shift_defs, target, "shift")?;
    let d = roster::save_shift(model, actor, existing, draft, id, now)?;
    Ok(diff(&model.dept.shift_defs, &d))
}

/// A new holiday `id` on `date`.
pub fn save_holiday(
    model: &Model,
    actor: &Staff,
    date: NaiveDate,
    name: &str,
    id: RecordId,
    now: DateTime<Utc>,
) -> Result<Vec<Write>, RuleError> {
    let h = roster::save_holiday(model, actor, date, name, id, now)?;
    Ok(diff(&model.dept.holidays, &h))
}

/// Puts `person` on `shift` (None: day off) on `date`.
pub fn set_roster_day(
    model: &Model,
    actor: &Staff,
    person: RecordId,
    date: NaiveDate,
    shift: Option<RecordId>,
    now: DateTime<Utc>,
) -> Result<Vec<Write>, RuleError> {
    let e = roster::set_roster_day(model, actor, person, date, shift, now)?;
    Ok(diff(&model.dept.roster, &e))
}

// ---- profile ----

/// Saves `person`'s profile (their own, or anyone's for staff managers).
pub fn save_profile(
    model: &Model,
    actor: &Staff,
    person: RecordId,
    draft: ProfileDraft,
    now: DateTime<Utc>,
) -> Result<Vec<Write>, RuleError> {
    let p = profile::save_profile(model, actor, person, draft, now)?;
    Ok(diff(&model.dept.profiles, &p))
}

// ---- attendance (R-ATT-…) ----

/// "I'm here" for roster entry `entry`.
pub fn clock_in(
    model: &Model,
    actor: &Staff,
    entry: RecordId,
    now: DateTime<Utc>,
) -> Result<Vec<Write>, RuleError> {
    let a = attendance::clock_in(model, actor, entry, now)?;
    Ok(diff(&model.dept.attendance, &a))
}

/// "I'm leaving" for roster entry `entry`.
pub fn clock_out(
    model: &Model,
    actor: &Staff,
    entry: RecordId,
    now: DateTime<Utc>,
) -> Result<Vec<Write>, RuleError> {
    let a = attendance::clock_out(model, actor, entry, now)?;
    Ok(diff(&model.dept.attendance, &a))
}

/// A leader corrects `person`'s times on roster entry `entry`.
pub fn correct_attendance(
    model: &Model,
    actor: &Staff,
    person: RecordId,
    entry: RecordId,
    arrived_at: DateTime<Utc>,
    left_at: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> Result<Vec<Write>, RuleError> {
    let a = attendance::correct_attendance(model, actor, person, entry, arrived_at, left_at, now)?;
    Ok(diff(&model.dept.attendance, &a))
}

// ---- ops: handovers, announcements, receipts (R-OPS-…) ----

/// Writes handover `target` (`None`: a new one, `id`).
pub fn write_handover(
    model: &Model,
    actor: &Staff,
    target: Option<RecordId>,
    draft: HandoverDraft,
    id: RecordId,
    now: DateTime<Utc>,
) -> Result<Vec<Write>, RuleError> {
    let existing = find_opt(&model.dept.handovers, target, "handover")?;
    let h = ops::write_handover(model, actor, existing, draft, id, now)?;
    Ok(diff(&model.dept.handovers, &h))
}

/// R-OPS-02: the next shift's leader acknowledges handover `target`.
pub fn acknowledge_handover(
    model: &Model,
    actor: &Staff,
    target: RecordId,
    now: DateTime<Utc>,
) -> Result<Vec<Write>, RuleError> {
    let r = ops::acknowledge_handover(model, actor, target, now)?;
    Ok(diff(&model.dept.receipts, &r))
}

/// A new announcement `id` to `teams` (empty: everyone).
pub fn publish_announcement(
    model: &Model,
    actor: &Staff,
    title: &str,
    body: &str,
    teams: &[String],
    id: RecordId,
    now: DateTime<Utc>,
) -> Result<Vec<Write>, RuleError> {
    let a = ops::publish_announcement(model, actor, title, body, teams, id, now)?;
    Ok(diff(&model.dept.announcements, &a))
}

/// The actor has read announcement `target`.
pub fn mark_read(
    model: &Model,
    actor: &Staff,
    target: RecordId,
    now: DateTime<Utc>,
) -> Result<Vec<Write>, RuleError> {
    let r = ops::mark_read(model, actor, target, now)?;
    Ok(diff(&model.dept.receipts, &r))
}

// ---- meetings and their decisions ----

/// Schedules meeting `target` (`None`: a new one, `id`).
pub fn schedule_meeting(
    model: &Model,
    actor: &Staff,
    target: Option<RecordId>,
    draft: MeetingDraft,
    id: RecordId,
    now: DateTime<Utc>,
) -> Result<Vec<Write>, RuleError> {
    let existing = find_opt(&model.dept.meetings, target, "meeting")?;
    let m = meeting::schedule_meeting(model, actor, existing, draft, id, now)?;
    Ok(diff(&model.dept.meetings, &m))
}

/// The minutes of meeting `target`; it counts as held.
pub fn record_minutes(
    model: &Model,
    actor: &Staff,
    target: RecordId,
    minutes: &str,
    now: DateTime<Utc>,
) -> Result<Vec<Write>, RuleError> {
    let m = find(&model.dept.meetings, target, "meeting")?;
    let next = meeting::record_minutes(model, actor, m, minutes, now)?;
    Ok(diff(&model.dept.meetings, &next))
}

/// A new decision `id` of meeting `target`, owned by `owner`, due `due`.
#[allow(clippy::too_many_arguments)]
pub fn add_decision(
    model: &Model,
    actor: &Staff,
    target: RecordId,
    text: &str,
    owner: RecordId,
    due: NaiveDate,
    id: RecordId,
    now: DateTime<Utc>,
) -> Result<Vec<Write>, RuleError> {
    let d = meeting::add_decision(model, actor, target, text, owner, due, id, now)?;
    Ok(diff(&model.dept.decisions, &d))
}

/// Meeting decision `target` is done.
pub fn complete_decision(
    model: &Model,
    actor: &Staff,
    target: RecordId,
    now: DateTime<Utc>,
) -> Result<Vec<Write>, RuleError> {
    let d = find(&model.dept.decisions, target, "decision")?;
    let next = meeting::complete_decision(model, actor, d, now)?;
    Ok(diff(&model.dept.decisions, &next))
}
