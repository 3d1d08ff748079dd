//! Running the shift: handover logs (R-OPS-02) and announcements with read
//! receipts (R-OPS-03). Acknowledgements and read receipts are records of
//! their own, one per (subject, person) with a derived id: reading on two
//! devices writes the same receipt, and nobody's receipt overwrites another's.

use super::records::*;
use crate::domain::base::order;
use crate::domain::base::record::{Audit, Record};
use crate::domain::base::text::fold;
use crate::domain::base::zone::derived_id;
use crate::domain::dept::shifts;
use crate::domain::dept::teams::leads;
use crate::domain::error::RuleError;
use crate::domain::model::Model;
use crate::domain::staff::{require, Action, Role, Staff};
use crate::sync::RecordId;
use chrono::{DateTime, NaiveDate, Utc};

pub fn receipt_id(kind: ReceiptKind, subject: RecordId, person: RecordId) -> RecordId {
    derived_id(Receipt::KIND, &[subject, person], kind.code())
}

fn receipt(
    model: &Model,
    kind: ReceiptKind,
    subject: RecordId,
    actor: &Staff,
    now: DateTime<Utc>,
) -> Receipt {
    let id = receipt_id(kind, subject, actor.id);
    model
        .dept
        .receipts
        .get(&id)
        .cloned()
        .unwrap_or_else(|| Receipt {
            id,
            kind,
            subject,
            person: actor.id,
            demo: false,
            audit: Audit::new(actor.id, now),
        })
}

fn receipts_of(
    model: &Model,
    kind: ReceiptKind,
    subject: RecordId,
) -> impl Iterator<Item = &Receipt> {
    model
        .dept
        .receipts
        .values()
        .filter(move |r| r.kind == kind && r.subject == subject)
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct HandoverDraft {
    pub team: String,
    pub date: NaiveDate,
    pub shift: RecordId,
    pub equipment: String,
    pub problems: String,
    pub staffing: String,
    pub open_items: Vec<RecordId>,
}

use crate::domain::base::limits::{text, Need, MAX_LONG_TEXT};

fn require_lead(actor: &Staff, team: &str) -> Result<(), RuleError> {
    require(actor, Action::LeadTeam)?;
    if leads(actor, team) {
        Ok(())
    } else {
        Err(RuleError::OtherTeam)
    }
}

/// The shift's leader writes (or corrects) the handover.
pub fn write_handover(
    model: &Model,
    actor: &Staff,
    existing: Option<&Handover>,
    draft: HandoverDraft,
    id: RecordId,
    now: DateTime<Utc>,
) -> Result<Handover, RuleError> {
    require_lead(actor, &draft.team)?;
    if draft.team.trim().is_empty() {
        return Err(RuleError::Required { field: "team" });
    }
    if !model.dept.shift_defs.contains_key(&draft.shift) {
        return Err(RuleError::NotFound { what: "shift" });
    }
    let equipment = text(&draft.equipment, "equipment", MAX_LONG_TEXT, Need::Required)?;
    let staffing = text(&draft.staffing, "staffing", MAX_LONG_TEXT, Need::Required)?;
    let problems = text(&draft.problems, "problems", MAX_LONG_TEXT, Need::Optional)?;
    let mut items = draft.open_items.clone();
    order::sort(&mut items);
    items.dedup();
    if items
        .iter()
        .any(|i| !model.contacts.contains_key(i) && !model.complaints.contains_key(i))
    {
        return Err(RuleError::NotFound { what: "contact" });
    }
    let mut h = existing.cloned().unwrap_or_else(|| Handover {
        id,
        audit: Audit::new(actor.id, now),
        ..Handover::default()
    });
    if existing.is_some() && handover_ack(model, h.id).is_some() {
        return Err(RuleError::AlreadyDecided);
    }
    h.team = draft.team.trim().to_string();
    h.date = draft.date;
    h.shift = draft.shift;
    h.equipment = equipment;
    h.problems = problems;
    h.staffing = staffing;
    h.open_items = items;
    h.audit.touch(actor.id, now);
    Ok(h)
}

/// What can be handed over: the team's open contacts and its complaints,
/// newest first, to pick from instead of retyping.
pub fn handover_candidates(model: &Model, team: &str) -> Vec<RecordId> {
    let in_team = |owner: RecordId| {
        model
            .staff
            .get(&owner)
            .is_some_and(|s| fold(&s.team) == fold(team))
    };
    let mut v: Vec<(DateTime<Utc>, RecordId)> = model
        .contacts
        .values()
        .filter(|c| c.status != crate::domain::contact::ContactStatus::Done && in_team(c.owner))
        .map(|c| (c.received_at, c.id))
        .chain(
            model
                .complaints
                .values()
                .filter(|c| in_team(c.owner))
                .map(|c| (c.received_at, c.id)),
        )
        .collect();
    order::sort_by(&mut v, |a, b| b.cmp(a));
    v.into_iter().map(|(_, id)| id).collect()
}

/// R-OPS-02: the next shift's leader (a leader of the team, not the author)
/// acknowledges. Pressing twice, or on two devices, writes one receipt.
pub fn acknowledge_handover(
    model: &Model,
    actor: &Staff,
    handover: RecordId,
    now: DateTime<Utc>,
) -> Result<Receipt, RuleError> {
    let h = model
        .dept
        .handovers
        .get(&handover)
        .ok_or(RuleError::NotFound { what: "handover" })?;
    require_lead(actor, &h.team)?;
    if actor.id == h.audit.created_by {
        return Err(RuleError::OwnHandover);
    }
    Ok(receipt(model, ReceiptKind::HandoverAck, h.id, actor, now))
}

/// The first acknowledgement of a handover, if any.
pub fn handover_ack(model: &Model, handover: RecordId) -> Option<&Receipt> {
    receipts_of(model, ReceiptKind::HandoverAck, handover)
        .min_by_key(|r| (r.audit.created_at, r.id))
}

/// A team's handovers nobody has acknowledged yet, oldest first.
pub fn unacknowledged_handovers(model: &Model, team: &str) -> Vec<RecordId> {
    let mut v: Vec<&Handover> = model
        .dept
        .handovers
        .values()
        .filter(|h| fold(&h.team) == fold(team) && handover_ack(model, h.id).is_none())
        .collect();
    order::sort_by_key(&mut v, |h| (h.date, h.audit.created_at, h.id));
    v.into_iter().map(|h| h.id).collect()
}

/// Leaders announce to their team; directors to any team or everyone.
pub fn publish_announcement(
    _model: &Model,
    actor: &Staff,
    title: &str,
    body: &str,
    teams: &[String],
    id: RecordId,
    now: DateTime<Utc>,
) -> Result<Announcement, RuleError> {
    require(actor, Action::LeadTeam)?;
    let teams: Vec<String> = teams
        .iter()
        .map(|t| t.trim().to_string())
        .filter(|t| !t.is_empty())
        .collect();
    let director = actor.role.rank() >= Role::DepartmentDirector.rank();
    if !director && (teams.is_empty() || teams.iter().any(|t| !leads(actor, t))) {
        return Err(RuleError::OtherTeam);
    }
    Ok(Announcement {
        id,
        title: text(title, "title", MAX_LONG_TEXT, Need::Required)?,
        body: text(body, "body", MAX_LONG_TEXT, Need::Required)?,
        teams,
        demo: false,
        audit: Audit::new(actor.id, now),
    })
}

pub fn mark_read(
    model: &Model,
    actor: &Staff,
    announcement: RecordId,
    now: DateTime<Utc>,
) -> Result<Receipt, RuleError> {
    if !model.dept.announcements.contains_key(&announcement) {
        return Err(RuleError::NotFound {
            what: "announcement",
        });
    }
    Ok(receipt(
        model,
        ReceiptKind::AnnouncementRead,
        announcement,
        actor,
        now,
    ))
}

pub fn has_read(model: &Model, person: RecordId, announcement: RecordId) -> bool {
    model.dept.receipts.contains_key(&receipt_id(
        ReceiptKind::AnnouncementRead,
        announcement,
        person,
    ))
}

/// R-OPS-03: announcements for `person` not yet read, newest first.
pub fn unread_for(model: &Model, person: RecordId) -> Vec<RecordId> {
    let Some(p) = model.staff.get(&person) else {
        return Vec::new();
    };
    let mut v: Vec<&Announcement> = model
        .dept
        .announcements
        .values()
        .filter(|a| a.for_person(p) && !has_read(model, person, a.id))
        .collect();
    order::sort_by_key(&mut v, |a| std::cmp::Reverse((a.audit.created_at, a.id)));
    v.into_iter().map(|a| a.id).collect()
}

/// R-OPS-03 for the leader: unread count per member of `team`, only those
/// with something unread, and whether their next shift starts within the
/// next 24 hours (they must read before it).
pub fn unread_counts(
    model: &Model,
    team: &str,
    now: DateTime<Utc>,
) -> Vec<(RecordId, usize, bool)> {
    let mut v: Vec<(RecordId, usize, bool)> = model
        .active_staff()
        .filter(|s| fold(&s.team) == fold(team))
        .filter_map(|s| {
            let n = unread_for(model, s.id).len();
            let soon = !shifts::my_shifts(model, s.id, now, 1).is_empty();
            (n > 0).then_some((s.id, n, soon))
        })
        .collect();
    order::sort_by_key(&mut v, |(id, n, soon)| {
        (std::cmp::Reverse((*soon, *n)), *id)
    });
    v
}
