//! Customer files (docs/rules.md "Customers"): classification and assignment
//! (R-CUS-01), the first-contact deadline (R-CUS-02), duplicates and merge
//! (R-CUS-03), and search (R-CUS-04).

use super::records::*;
use crate::domain::base::dates::Shift;
use crate::domain::base::limits::{text_into, Need};
use crate::domain::base::order;
use crate::domain::base::record::Audit;
use crate::domain::base::text::{self, fold};
use crate::domain::error::RuleError;
use crate::domain::model::Model;
use crate::domain::staff::{require, Action, Role, Staff};
use crate::sync::RecordId;
use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};

/// The customer form, as typed.
#[derive(Debug, Clone, PartialEq)]
pub struct CustomerDraft {
    pub name: String,
    pub kind: CustomerKind,
    /// Comma separated.
    pub phones: String,
    pub email: String,
    pub preferred_channel: PreferredChannel,
    /// YYYY-MM-DD (what `<input type=date>` gives), or empty.
    pub birthday: String,
    pub card_number: String,
    pub card_expiry: String,
    /// Comma separated.
    pub tags: String,
    /// "HH:MM-HH:MM, HH:MM-HH:MM"; empty means the defaults.
    pub quiet_hours: String,
    pub source: String,
    pub notes: String,
    /// A chosen specialist; None assigns automatically on creation.
    pub specialist: Option<RecordId>,
}

impl Default for CustomerDraft {
    fn default() -> Self {
        CustomerDraft {
            name: String::new(),
            kind: CustomerKind::default(),
            phones: String::new(),
            email: String::new(),
            preferred_channel: PreferredChannel::default(),
            birthday: String::new(),
            card_number: String::new(),
            card_expiry: String::new(),
            tags: String::new(),
            quiet_hours: format_quiet_hours(&default_quiet_hours()),
            source: String::new(),
            notes: String::new(),
            specialist: None,
        }
    }
}

pub fn format_quiet_hours(q: &QuietHours) -> String {
    q.iter()
        .map(|(a, b)| format!("{a}-{b}"))
        .collect::<Vec<_>>()
        .join(", ")
}

impl CustomerDraft {
    pub fn from_customer(c: &Customer) -> CustomerDraft {
        let quiet = if c.quiet_hours.is_empty() {
            default_quiet_hours()
        } else {
            c.quiet_hours.clone()
        };
        CustomerDraft {
            name: c.name.clone(),
            kind: c.kind,
            phones: c.phones.join(", "),
            email: c.email.clone(),
            preferred_channel: c.preferred_channel,
            birthday: c.birthday.map(|d| d.to_string()).unwrap_or_default(),
            card_number: c.card_number.clone(),
            card_expiry: c.card_expiry.map(|d| d.to_string()).unwrap_or_default(),
            tags: c.tags.join(", "),
            quiet_hours: format_quiet_hours(&quiet),
            source: c.source.clone(),
            notes: c.notes.clone(),
            specialist: c.specialist,
        }
    }
}

use crate::domain::base::limits::{self, MAX_NAME, MAX_NOTES};

fn parse_hhmm(s: &str) -> Option<String> {
    let (h, m) = s.trim().split_once(':')?;
    let (h, m): (u32, u32) = (h.parse().ok()?, m.parse().ok()?);
    (h < 24 && m < 60).then(|| format!("{h:02}:{m:02}"))
}

pub fn parse_quiet_hours(s: &str) -> Result<QuietHours, RuleError> {
    if s.trim().is_empty() {
        return Ok(default_quiet_hours());
    }
    text::list(s)
        .iter()
        .map(|range| {
            let (a, b) = range.split_once('-').ok_or(RuleError::InvalidQuietHours)?;
            match (parse_hhmm(a), parse_hhmm(b)) {
                (Some(a), Some(b)) if a != b => Ok((a, b)),
                _ => Err(RuleError::InvalidQuietHours),
            }
        })
        .collect()
}

fn parse_date(
    s: &str,
    field: &'static str,
    years: std::ops::RangeInclusive<i32>,
) -> Result<Option<NaiveDate>, RuleError> {
    let s = s.trim();
    if s.is_empty() {
        return Ok(None);
    }
    let d =
        NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| RuleError::InvalidDate { field })?;
    if years.contains(&d.year()) {
        Ok(Some(d))
    } else {
        Err(RuleError::InvalidDate { field })
    }
}

/// Every problem with a draft, so the form can mark each field at once.
pub fn validate_draft(
    draft: &CustomerDraft,
    now: DateTime<Utc>,
) -> Result<Customer, Vec<RuleError>> {
    let mut errors = Vec::new();
    let name = text_into(&draft.name, "name", MAX_NAME, Need::Required, &mut errors);
    let name = name.as_str();
    let phones = text::list(&draft.phones);
    if phones
        .iter()
        .any(|p| !(6..=15).contains(&text::digits(p).len()))
    {
        errors.push(RuleError::InvalidPhone { field: "phones" });
    }
    let email = text::normalise_email(&draft.email);
    if !email.is_empty() && !text::is_valid_email(&email) {
        errors.push(RuleError::InvalidEmail { field: "email" });
    }
    let today = now.year();
    let birthday = parse_date(&draft.birthday, "birthday", 1900..=today).unwrap_or_else(|e| {
        errors.push(e);
        None
    });
    if birthday.is_some_and(|b| b > now.date_naive()) {
        errors.push(RuleError::InvalidDate { field: "birthday" });
    }
    let card_expiry =
        parse_date(&draft.card_expiry, "card_expiry", 2000..=2100).unwrap_or_else(|e| {
            errors.push(e);
            None
        });
    let quiet_hours = parse_quiet_hours(&draft.quiet_hours).unwrap_or_else(|e| {
        errors.push(e);
        Vec::new()
    });
    if draft.notes.chars().count() > MAX_NOTES {
        errors.push(RuleError::TooLong {
            field: "notes",
            max: MAX_NOTES,
        });
    }
    let lengths = [
        limits::check_list(&phones, "phones", limits::MAX_PHONE),
        limits::check_len(&email, "email", limits::MAX_EMAIL),
        limits::check_len(&draft.card_number, "card_number", MAX_NAME),
        limits::check_list(&text::list(&draft.tags), "tags", MAX_NAME),
        limits::check_len(&draft.source, "source", MAX_NAME),
    ];
    errors.extend(lengths.into_iter().filter_map(Result::err));
    if quiet_hours.len() > limits::MAX_ITEMS {
        errors.push(RuleError::InvalidQuietHours);
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut tags: Vec<String> = Vec::new();
    for t in text::list(&draft.tags).iter().map(|t| fold(t)) {
        if !tags.contains(&t) {
            tags.push(t);
        }
    }
    Ok(Customer {
        name: name.to_string(),
        kind: draft.kind,
        phones,
        email,
        preferred_channel: draft.preferred_channel,
        quiet_hours,
        birthday,
        card_number: draft.card_number.trim().to_string(),
        card_expiry,
        tags,
        notes: draft.notes.trim().to_string(),
        source: draft.source.trim().to_string(),
        ..Customer::default()
    })
}

/// Creates or updates a customer from the form. A new customer is assigned
/// automatically (R-CUS-01); what the form does not show is kept.
pub fn save_customer(
    model: &Model,
    actor: &Staff,
    existing: Option<&Customer>,
    draft: CustomerDraft,
    id: RecordId,
    now: DateTime<Utc>,
) -> Result<Customer, Vec<RuleError>> {
    let mut c = validate_draft(&draft, now)?;
    c.id = id;
    match existing {
        Some(old) => {
            c.specialist = old.specialist;
            c.assigned_at = old.assigned_at;
            c.last_store_visit = old.last_store_visit;
            c.merged_into = old.merged_into;
            c.demo = old.demo;
            c.audit = old.audit.clone();
            c.audit.touch(actor.id, now);
        }
        None => {
            c.specialist = draft.specialist.or_else(|| auto_assign(model, &c.tags));
            c.assigned_at = c.specialist.map(|_| now);
            c.audit = Audit::new(actor.id, now);
        }
    }
    Ok(c)
}

/// Who can be given customers: active representatives and team leaders.
fn specialists(model: &Model) -> impl Iterator<Item = &Staff> {
    model
        .staff
        .values()
        .filter(|s| s.active && matches!(s.role, Role::Representative | Role::TeamLeader))
}

/// R-CUS-01: a representative, the one with the fewest customers,
/// preferring those whose skills match one of the tags; a team leader only
/// when no representative is active. Deterministic (ties by id).
pub fn auto_assign(model: &Model, tags: &[String]) -> Option<RecordId> {
    let load = |id: RecordId| {
        model
            .customers
            .values()
            .filter(|c| c.specialist == Some(id))
            .count()
    };
    let folded: Vec<String> = tags.iter().map(|t| fold(t)).collect();
    let matches = |s: &Staff| s.skills.iter().any(|k| folded.contains(&fold(k)));
    let mut candidates: Vec<(bool, bool, usize, RecordId)> = specialists(model)
        .map(|s| {
            let leader = s.role != Role::Representative;
            (leader, !matches(s), load(s.id), s.id)
        })
        .collect();
    order::sort(&mut candidates);
    candidates.first().map(|c| c.3)
}

/// R-CUS-01: a team leader (or higher) assigns or reassigns by hand.
pub fn override_assign(
    model: &Model,
    actor: &Staff,
    customer: &Customer,
    specialist: RecordId,
    now: DateTime<Utc>,
) -> Result<Customer, RuleError> {
    require(actor, Action::AssignCustomer)?;
    if !model.staff.get(&specialist).is_some_and(|s| s.active) {
        return Err(RuleError::InactiveStaff);
    }
    let mut c = customer.clone();
    if c.specialist != Some(specialist) {
        c.specialist = Some(specialist);
        c.assigned_at = Some(now);
    }
    c.audit.touch(actor.id, now);
    Ok(c)
}

/// The customer came to the store today: the day is noted, and their
/// return visit falls due from it (docs/rules.md "Return visits").
pub fn store_visit(actor: &Staff, customer: &Customer, now: DateTime<Utc>) -> Customer {
    let mut c = customer.clone();
    c.last_store_visit = Some(now);
    c.audit.touch(actor.id, now);
    c
}

/// R-CUS-02: the assigned specialist must contact a new customer within 7 days.
pub const FIRST_CONTACT_DAYS: i64 = 7;

pub fn first_contact_due(c: &Customer) -> Option<DateTime<Utc>> {
    c.assigned_at
        .map(|a| a.plus(Duration::days(FIRST_CONTACT_DAYS)))
}

/// Customers (of one specialist, or all) past their first-contact deadline
/// with no contact recorded since they were assigned. Oldest first.
pub fn overdue_first_contacts(
    model: &Model,
    specialist: Option<RecordId>,
    now: DateTime<Utc>,
) -> Vec<RecordId> {
    // The model keeps the customers still waiting as records change: this
    // reads those, not every customer on file.
    let mut out: Vec<(DateTime<Utc>, RecordId)> = model
        .awaiting_first_contact()
        .filter(|c| specialist.is_none() || c.specialist == specialist)
        .filter_map(|c| {
            let assigned = c.assigned_at?;
            let due = first_contact_due(c)?;
            (now > due).then_some((assigned, c.id))
        })
        .collect();
    order::sort(&mut out);
    out.into_iter().map(|(_, id)| id).collect()
}
