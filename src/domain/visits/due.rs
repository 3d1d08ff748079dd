//! Visits that fall due by rule (docs/rules.md "Return visits", R-CUS-05), and
//! making the missing ones. Idempotent: each rule-made visit has a key, and
//! its id is derived from the key.

use super::VisitSettings;
use super::{add_days, id_for_key, local_day, queue, sub_days, Campaign, CampaignReason};
use crate::domain::base::limits::{text_into, Need};
use crate::domain::base::order;
use crate::domain::base::record::{to_writes, Audit};
use crate::domain::base::text::fold;
use crate::domain::base::zone::Zone;
use crate::domain::customer::{Customer, CustomerKind};
use crate::domain::error::RuleError;
use crate::domain::history::ClosedKind;
use crate::domain::model::Model;
use crate::domain::staff::{require, Action, Staff};
use crate::domain::visits::{ReturnVisit, VisitReason, VisitStatus};
use crate::sync::{RecordId, Write};
use chrono::{DateTime, Datelike, NaiveDate, Utc};
use std::collections::{HashMap, HashSet};

/// A visit that should exist today.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DueVisit {
    pub customer: RecordId,
    pub reason: VisitReason,
    pub due: NaiveDate,
    /// Empty for visits not made by a rule here (closed complaints).
    pub key: String,
    pub campaign: Option<RecordId>,
    /// The visit already made for it.
    pub existing: Option<RecordId>,
}

/// The day of a birthday in `year`: 29 February falls on the 28th in
/// other years. None before the person was born.
pub fn birthday_in(birthday: NaiveDate, year: i32) -> Option<NaiveDate> {
    if year < birthday.year() {
        return None;
    }
    NaiveDate::from_ymd_opt(year, birthday.month(), birthday.day())
        .or_else(|| NaiveDate::from_ymd_opt(year, 2, 28))
}

fn in_segment(c: &Customer, campaign: &Campaign) -> bool {
    let tag_ok = campaign.tag.is_empty() || c.tags.iter().any(|t| fold(t) == campaign.tag);
    tag_ok && campaign.customer_kind.is_none_or(|k| k == c.kind)
}

/// Every visit the rules want on `today` (local): the day after a store
/// visit, members every `member_every_days` since their last completed
/// visit, birthdays on the day, card renewals `card_days_ahead` before
/// expiry, running campaigns, and open visits of closed complaints (made by
/// the complaint itself). Missed days are caught up for `grace_days`, but
/// never from before the organisation existed (`Model::org_since`): no
/// greeting for a birthday it was not there for, and a card renewal that
/// would have fallen due earlier falls due on its first day.
pub fn due_visits(
    model: &Model,
    today: NaiveDate,
    zone: Zone,
    settings: &VisitSettings,
) -> Vec<DueVisit> {
    let by_key: HashMap<&str, &ReturnVisit> = model
        .visits
        .values()
        .filter(|v| !v.key.is_empty())
        .map(|v| (v.key.as_str(), v))
        .collect();
    let mut last_done: HashMap<RecordId, NaiveDate> = HashMap::new();
    let mut note_done = |customer: RecordId, t: DateTime<Utc>| {
        let d = last_done.entry(customer).or_insert(local_day(t, zone));
        *d = (*d).max(local_day(t, zone));
    };
    let mut open_member: HashSet<RecordId> = HashSet::new();
    for v in model.visits.values() {
        if let (VisitStatus::Done, Some(t)) = (v.status, v.completed_at) {
            note_done(v.customer, t);
        } else if v.status == VisitStatus::Open && v.reason == VisitReason::Member {
            open_member.insert(v.customer);
        }
    }
    // The visits made that rest in the history (Today runs this before the
    // history is read): their traces say whose, and when.
    for (customer, made) in model.traces().visits_made() {
        if let Some(t) = made {
            note_done(customer, t);
        }
    }
    let grace = settings.grace_days;
    let since = model.org_since().unwrap_or(NaiveDate::MIN);
    let mut out = Vec::new();
    let mut push = |customer: RecordId, reason, due, key: String, campaign| {
        let id = id_for_key(&key);
        let existing = by_key
            .get(key.as_str())
            .copied()
            .or_else(|| model.visits.get(&id));
        out.push(DueVisit {
            customer,
            reason,
            due: existing.map_or(due, |v| v.due),
            existing: existing.map(|v| v.id).or_else(|| made_already(model, id)),
            key,
            campaign,
        });
    };
    let campaigns: Vec<&Campaign> = model
        .rv
        .campaigns
        .values()
        .filter(|c| c.starts <= today && today <= c.ends)
        .collect();
    for c in model.customers.values() {
        let id = c.id;
        if let Some(t) = c.last_store_visit {
            let visited = local_day(t, zone);
            let due = add_days(visited, 1);
            if visited >= since && today <= add_days(due, grace) {
                let key = store_visit_key(id, visited);
                push(id, VisitReason::StoreVisit, due, key, None);
            }
        }
        if c.kind == CustomerKind::Member && !open_member.contains(&id) {
            let base = last_done
                .get(&id)
                .copied()
                .unwrap_or_else(|| local_day(c.audit.created_at, zone));
            let due = add_days(base, settings.member_every_days);
            if due <= today {
                // Made on the day; a member missed for longer (an import, an
                // unused app) is due now rather than born overdue.
                push(
                    id,
                    VisitReason::Member,
                    today,
                    format!("member:{id}:{base}"),
                    None,
                );
            }
        }
        if let Some(b) = c.birthday {
            for year in [today.year() - 1, today.year()] {
                let Some(day) = birthday_in(b, year) else {
                    continue;
                };
                if since <= day && day <= today && today <= add_days(day, grace) {
                    let key = format!("birthday:{year}:{id}");
                    push(id, VisitReason::Birthday, day, key, None);
                }
            }
        }
        if let Some(expiry) = c.card_expiry {
            let due = sub_days(expiry, settings.card_days_ahead).max(since);
            if due <= today && today <= expiry {
                let key = format!("card_renewal:{expiry}:{id}");
                push(id, VisitReason::CardRenewal, due, key, None);
            }
        }
        for camp in campaigns.iter().filter(|camp| in_segment(c, camp)) {
            let key = format!("campaign:{}:{id}", camp.id);
            let due = camp.starts.max(today);
            push(id, VisitReason::Campaign, due, key, Some(camp.id));
        }
    }
    for v in model.visits.values() {
        if v.reason == VisitReason::ComplaintClosed && v.status == VisitStatus::Open {
            out.push(DueVisit {
                customer: v.customer,
                reason: v.reason,
                due: v.due,
                key: v.key.clone(),
                campaign: v.campaign,
                existing: Some(v.id),
            });
        }
    }
    order::sort_by(&mut out, |a, b| {
        (a.due, &a.key, a.customer).cmp(&(b.due, &b.key, b.customer))
    });
    out
}

/// A visit made from a rule's key (its id, `id_for_key`) that rests in the
/// history, known by its trace.
fn made_already(model: &Model, id: RecordId) -> Option<RecordId> {
    model.traces().holds(ClosedKind::Visit, id).then_some(id)
}

/// The key of the return visit a store visit on `day` (local) makes.
fn store_visit_key(customer: RecordId, day: NaiveDate) -> String {
    format!("store_visit:{customer}:{day}")
}

/// A rule-made visit, open and not yet assigned; its id comes from its key.
fn new_visit(model: &Model, d: DueVisit, actor: &Staff, now: DateTime<Utc>) -> ReturnVisit {
    ReturnVisit {
        id: id_for_key(&d.key),
        customer: d.customer,
        reason: d.reason,
        due: d.due,
        key: d.key,
        campaign: d.campaign,
        status: VisitStatus::Open,
        demo: model.customers.get(&d.customer).is_some_and(|c| c.demo),
        audit: Audit::new(actor.id, now),
        ..ReturnVisit::default()
    }
}

/// The return visit a store visit makes (due the next local day), for
/// `customer` as it stands after the store visit was noted; assigned by
/// R-RV-06. Nothing when the customer has no store visit or the visit of
/// that day exists already.
pub fn store_visit_return(
    model: &Model,
    actor: &Staff,
    customer: &Customer,
    now: DateTime<Utc>,
) -> Vec<Write> {
    let Some(t) = customer.last_store_visit else {
        return Vec::new();
    };
    let day = local_day(t, model.zone());
    let key = store_visit_key(customer.id, day);
    let id = id_for_key(&key);
    if model.visits.contains_key(&id) || made_already(model, id).is_some() {
        return Vec::new();
    }
    let due = DueVisit {
        customer: customer.id,
        reason: VisitReason::StoreVisit,
        due: add_days(day, 1),
        key,
        campaign: None,
        existing: None,
    };
    let mut visit = new_visit(model, due, actor, now);
    let people = queue::specialists(model);
    visit.assignee = queue::distribute(model, std::slice::from_ref(&visit), &people)
        .first()
        .map(|(_, p)| *p);
    to_writes(None, &visit)
        .into_iter()
        .filter(|w| w.field != "status")
        .collect()
}

/// What a customer's file shows of their last store visit: when it was,
/// and the return visit it made (None until made).
#[derive(Debug, Clone, PartialEq)]
pub struct StoreVisitTrace {
    pub visited: DateTime<Utc>,
    pub visit: Option<RecordId>,
    /// The return visit's due day (the day after the store visit when not
    /// made yet).
    pub due: NaiveDate,
    pub done: bool,
    /// R-RV-04: open past its three days on `today`.
    pub overdue: bool,
    pub assignee: Option<RecordId>,
}

/// The customer's last store visit and its return visit, found by its
/// key, or (a file merged from another) by reason and due day.
pub fn store_visit_trace(
    model: &Model,
    customer: RecordId,
    today: NaiveDate,
) -> Option<StoreVisitTrace> {
    let c = model.customers.get(&customer)?;
    let visited = c.last_store_visit?;
    let day = local_day(visited, model.zone());
    let due = add_days(day, 1);
    let visit = model
        .visits
        .get(&id_for_key(&store_visit_key(customer, day)))
        .or_else(|| {
            model.visits.values().find(|v| {
                v.customer == customer && v.reason == VisitReason::StoreVisit && v.due == due
            })
        });
    Some(StoreVisitTrace {
        visited,
        visit: visit.map(|v| v.id),
        due: visit.map_or(due, |v| v.due),
        done: visit.is_some_and(|v| v.status == VisitStatus::Done),
        overdue: visit.is_some_and(|v| super::is_overdue(model, v, today)),
        assignee: visit.and_then(|v| v.assignee),
    })
}

/// Makes the due visits that do not exist yet, assigned by R-RV-06, and
/// gives an open visit left without anyone (made before anyone could take
/// it, or its person deactivated) to someone. Running it again (or on
/// another device) makes nothing new: ids come from keys.
/// `status` is not written, as it reads as open anyway: a late run on an
/// offline device must not reopen a visit completed meanwhile.
pub fn materialise(
    model: &Model,
    actor: &Staff,
    today: NaiveDate,
    zone: Zone,
    settings: &VisitSettings,
    now: DateTime<Utc>,
) -> Vec<Write> {
    let mut made: Vec<ReturnVisit> = due_visits(model, today, zone, settings)
        .into_iter()
        .filter(|d| d.existing.is_none() && !d.key.is_empty())
        .map(|d| new_visit(model, d, actor, now))
        .collect();
    let orphans: Vec<ReturnVisit> = model
        .visits
        .values()
        .filter(|v| v.is_open())
        .filter(|v| {
            !v.assignee
                .and_then(|a| model.staff.get(&a))
                .is_some_and(|s| s.active)
        })
        .cloned()
        .collect();
    let new_count = made.len();
    made.extend(orphans);
    let people = queue::specialists(model);
    for (visit, person) in queue::distribute(model, &made, &people) {
        if let Some(v) = made.iter_mut().find(|v| v.id == visit) {
            v.assignee = Some(person);
        }
    }
    let mut writes: Vec<Write> = made[..new_count]
        .iter()
        .flat_map(|v| to_writes(None, v))
        .filter(|w| w.field != "status")
        .collect();
    for v in &made[new_count..] {
        let Some(old) = model.visits.get(&v.id) else {
            continue;
        };
        if v.assignee.is_some() && v.assignee != old.assignee {
            let mut v = v.clone();
            v.audit.touch(actor.id, now);
            writes.extend(to_writes(Some(old), &v));
        }
    }
    writes
}

/// The campaign form, as typed (dates YYYY-MM-DD).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CampaignDraft {
    pub name: String,
    pub reason: CampaignReason,
    pub tag: String,
    pub customer_kind: Option<CustomerKind>,
    pub starts: String,
    pub ends: String,
}

use crate::domain::base::limits::MAX_NAME;
/// A campaign is a burst of calls, not a standing rule.
const MAX_CAMPAIGN_DAYS: i64 = 92;

fn date(s: &str, field: &'static str, errors: &mut Vec<RuleError>) -> Option<NaiveDate> {
    let parsed = NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
        .ok()
        .filter(|d| (2000..=2100).contains(&d.year()));
    if parsed.is_none() {
        errors.push(RuleError::InvalidDate { field });
    }
    parsed
}

/// Creates or edits a campaign (team leader or higher). It must not have
/// ended already; its visits are made by `materialise` while it runs.
pub fn create_campaign(
    _model: &Model,
    actor: &Staff,
    existing: Option<&Campaign>,
    draft: CampaignDraft,
    id: RecordId,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Result<Vec<Write>, Vec<RuleError>> {
    require(actor, Action::RunCampaigns).map_err(|e| vec![e])?;
    let mut errors = Vec::new();
    let name = text_into(&draft.name, "name", MAX_NAME, Need::Required, &mut errors);
    let name = name.as_str();
    let starts = date(&draft.starts, "starts", &mut errors);
    let ends = date(&draft.ends, "ends", &mut errors);
    if let (Some(s), Some(e)) = (starts, ends) {
        if e < s {
            errors.push(RuleError::EndBeforeStart { field: "ends" });
        } else if (e - s).num_days() > MAX_CAMPAIGN_DAYS {
            errors.push(RuleError::OutOfRange { field: "ends" });
        } else if e < today {
            errors.push(RuleError::InvalidDate { field: "ends" });
        }
    }
    let (Some(starts), Some(ends), true) = (starts, ends, errors.is_empty()) else {
        return Err(errors);
    };
    let mut c = existing.cloned().unwrap_or_else(|| Campaign {
        id,
        audit: Audit::new(actor.id, now),
        ..Campaign::default()
    });
    c.name = name.to_string();
    c.reason = draft.reason;
    c.tag = fold(draft.tag.trim());
    c.customer_kind = draft.customer_kind;
    c.starts = starts;
    c.ends = ends;
    if existing.is_some() {
        c.audit.touch(actor.id, now);
    }
    Ok(to_writes(existing, &c))
}
