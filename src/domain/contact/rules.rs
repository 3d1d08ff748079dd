//! Contacts and work orders (docs/rules.md "Contacts and work orders"): ownership (R-CON-01),
//! first-response targets (R-CON-02), forwarding (R-CON-03), and the one
//! step into a complaint (R-CON-04).

use super::records::*;
use crate::domain::base::dates::Shift;
use crate::domain::base::limits;
use crate::domain::base::limits::{text_into, Need};
use crate::domain::base::record::Audit;
use crate::domain::complaint::{Complaint, Stage};
use crate::domain::error::RuleError;
use crate::domain::model::Model;
use crate::domain::staff::{require, Action, Staff};
use crate::sync::RecordId;
use chrono::{DateTime, Duration, Utc};

/// R-CON-02: phone within 3 minutes, online chat and messaging within 5.
pub fn target_minutes(channel: Channel) -> Option<i64> {
    match channel {
        Channel::Phone => Some(3),
        Channel::OnlineChat | Channel::Messaging => Some(5),
        Channel::Email | Channel::Sms | Channel::WalkIn => None,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResponseStatus {
    Met,
    Late,
    Pending { due: DateTime<Utc> },
    Overdue,
    NoTarget,
}

pub fn response_status(c: &Contact, now: DateTime<Utc>) -> ResponseStatus {
    let Some(minutes) = target_minutes(c.channel) else {
        return ResponseStatus::NoTarget;
    };
    let due = c.received_at.plus(Duration::minutes(minutes));
    match c.first_response_at {
        Some(at) if at <= due => ResponseStatus::Met,
        Some(_) => ResponseStatus::Late,
        None if now <= due => ResponseStatus::Pending { due },
        None => ResponseStatus::Overdue,
    }
}

/// The record-a-contact form.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ContactDraft {
    pub customer: Option<RecordId>,
    pub channel: Channel,
    pub direction: Direction,
    pub category: Category,
    pub summary: String,
    pub received_at: DateTime<Utc>,
    pub first_response_at: Option<DateTime<Utc>>,
}

use crate::domain::base::limits::MAX_TEXT as MAX_SUMMARY;
/// A contact typed in with a clock slip (a wrong year) is caught here;
/// older paper records are not what this form is for.
const MAX_AGE_DAYS: i64 = 366;
/// Devices' clocks disagree by a little; a contact "received" later than
/// this is a typing mistake.
const CLOCK_SLACK_MINUTES: i64 = 5;

/// R-CON-01: the person recording the contact accepts and owns it.
pub fn record_contact(
    model: &Model,
    actor: &Staff,
    draft: ContactDraft,
    id: RecordId,
    now: DateTime<Utc>,
) -> Result<Contact, Vec<RuleError>> {
    let mut errors = Vec::new();
    let summary = text_into(
        &draft.summary,
        "summary",
        MAX_SUMMARY,
        Need::Required,
        &mut errors,
    );
    let summary = summary.as_str();
    if let Some(c) = draft.customer {
        if !model.customers.contains_key(&c) {
            errors.push(RuleError::NotFound { what: "customer" });
        }
    }
    let latest = now.plus(Duration::minutes(CLOCK_SLACK_MINUTES));
    if draft.received_at > latest || draft.received_at < now.minus(Duration::days(MAX_AGE_DAYS)) {
        errors.push(RuleError::InvalidDate {
            field: "received_at",
        });
    }
    if draft
        .first_response_at
        .is_some_and(|r| r < draft.received_at || r > latest)
    {
        errors.push(RuleError::InvalidDate {
            field: "first_response_at",
        });
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(Contact {
        id,
        customer: draft.customer,
        channel: draft.channel,
        direction: draft.direction,
        category: draft.category,
        summary: summary.to_string(),
        owner: actor.id,
        received_at: draft.received_at,
        first_response_at: draft.first_response_at,
        status: ContactStatus::Open,
        audit: Audit::new(actor.id, now),
        ..Contact::default()
    })
}

fn open(c: &Contact) -> Result<Contact, RuleError> {
    if c.status == ContactStatus::Done {
        return Err(RuleError::ContactClosed);
    }
    Ok(c.clone())
}

/// Records the first response now (once).
pub fn respond(
    _model: &Model,
    actor: &Staff,
    c: &Contact,
    now: DateTime<Utc>,
) -> Result<Contact, RuleError> {
    let mut next = open(c)?;
    if next.first_response_at.is_none() {
        next.first_response_at = Some(now.max(c.received_at));
        next.audit.touch(actor.id, now);
    }
    Ok(next)
}

pub enum ForwardTo {
    Staff(RecordId),
    Department(String),
}

/// R-CON-03: forwards with a note; the owner stays the owner (R-CON-01).
pub fn forward(
    model: &Model,
    actor: &Staff,
    c: &Contact,
    to: ForwardTo,
    note: &str,
    now: DateTime<Utc>,
) -> Result<Contact, RuleError> {
    let mut next = open(c)?;
    let (to_staff, to_department) = match to {
        ForwardTo::Staff(id) => {
            if !model.staff.get(&id).is_some_and(|s| s.active) {
                return Err(RuleError::InactiveStaff);
            }
            (Some(id), None)
        }
        ForwardTo::Department(d) if !d.trim().is_empty() => (None, Some(d.trim().to_string())),
        ForwardTo::Department(_) => return Err(RuleError::ForwardTargetMissing),
    };
    if note.trim().is_empty() {
        return Err(RuleError::Required { field: "note" });
    }
    limits::check_len(note, "note", MAX_SUMMARY)?;
    if let Some(d) = &to_department {
        limits::check_len(d, "department", limits::MAX_NAME)?;
    }
    if next.forwarded.len() >= limits::MAX_ITEMS {
        return Err(RuleError::OutOfRange { field: "forwarded" });
    }
    next.forwarded.push(ForwardStep {
        to_staff,
        to_department,
        note: note.trim().to_string(),
        by: actor.id,
        at: now,
        responded_at: None,
    });
    next.status = ContactStatus::Forwarded;
    next.audit.touch(actor.id, now);
    Ok(next)
}

/// R-STD-02: the department now holding the contact (its last forward)
/// answered, at `now` (never before it got the contact). Recorded once:
/// a second call changes nothing. Anyone may record it, as the owner
/// keeps the contact (R-CON-01) while a department works on it.
pub fn department_answered(
    _model: &Model,
    actor: &Staff,
    c: &Contact,
    now: DateTime<Utc>,
) -> Result<Contact, RuleError> {
    let mut next = open(c)?;
    let Some(step) = next
        .forwarded
        .last_mut()
        .filter(|s| s.to_department.is_some())
    else {
        return Err(RuleError::Required {
            field: "std_held_by",
        });
    };
    if step.responded_at.is_none() {
        step.responded_at = Some(now.max(step.at));
        next.audit.touch(actor.id, now);
    }
    Ok(next)
}

/// Closes with a resolution: the owner, or a team leader and above.
pub fn close(
    _model: &Model,
    actor: &Staff,
    c: &Contact,
    resolution: &str,
    now: DateTime<Utc>,
) -> Result<Contact, RuleError> {
    let mut next = open(c)?;
    if c.owner != actor.id {
        require(actor, Action::CloseOthersContact)?;
    }
    if resolution.trim().is_empty() {
        return Err(RuleError::Required {
            field: "resolution",
        });
    }
    limits::check_len(resolution, "resolution", MAX_SUMMARY)?;
    next.resolution = resolution.trim().to_string();
    next.status = ContactStatus::Done;
    next.done_at = Some(now);
    next.first_response_at = next.first_response_at.or(Some(now));
    next.audit.touch(actor.id, now);
    Ok(next)
}

/// R-CON-04: the same customer's other unresolved contacts about the same
/// matter (category), not yet in a complaint, newest first: what makes a
/// contact "repeated", so the screen can offer the one step.
pub fn repeated_contacts(model: &Model, c: &Contact) -> Vec<RecordId> {
    let Some(customer) = c.customer else {
        return Vec::new();
    };
    model
        .contacts_of(customer)
        .into_iter()
        .filter(|o| o.id != c.id && o.category == c.category)
        .filter(|o| o.status != ContactStatus::Done && o.complaint.is_none())
        .map(|o| o.id)
        .collect()
}

/// R-CON-04: one step from a contact to a complaint, linked both ways. A
/// complaint needs its complainant (stage Accepted), so the contact must
/// name the customer.
pub fn make_complaint(
    _model: &Model,
    actor: &Staff,
    c: &Contact,
    complaint_id: RecordId,
    now: DateTime<Utc>,
) -> Result<(Complaint, Contact), RuleError> {
    if c.complaint.is_some() {
        return Err(RuleError::AlreadyComplaint);
    }
    if c.customer.is_none() {
        return Err(RuleError::Required { field: "customer" });
    }
    let complaint = Complaint {
        id: complaint_id,
        customer: c.customer,
        contacts: vec![c.id],
        channel: c.channel,
        content: c.summary.clone(),
        asks: String::new(),
        received_at: c.received_at,
        stage: Stage::Accepted,
        owner: actor.id,
        demo: c.demo,
        audit: Audit::new(actor.id, now),
    };
    let mut linked = c.clone();
    linked.complaint = Some(complaint_id);
    linked.category = Category::Complaint;
    linked.audit.touch(actor.id, now);
    Ok((complaint, linked))
}
