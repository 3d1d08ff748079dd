//! R-CUS-03: duplicates (same phone or e-mail, normalised) are flagged on
//! entry and can be merged, keeping every contact record of both.

use super::{Customer, CustomerDraft};
use crate::domain::base::record::{to_writes, tombstone, Record};
use crate::domain::base::text::{self, fold, normalise_email};
use crate::domain::error::RuleError;
use crate::domain::model::Model;
use crate::domain::staff::{require, Action, Staff};
use crate::sync::{RecordId, Write};
use chrono::{DateTime, Utc};

/// R-CUS-03: customers sharing a normalised phone or the e-mail with the draft.
pub fn find_duplicates(
    model: &Model,
    draft: &CustomerDraft,
    except: Option<RecordId>,
) -> Vec<RecordId> {
    let phones: Vec<String> = text::list(&draft.phones)
        .iter()
        .map(|p| text::normalise_phone(p))
        .filter(|p| p.len() >= 6)
        .collect();
    let email = text::normalise_email(&draft.email);
    if phones.is_empty() && email.is_empty() {
        return Vec::new();
    }
    model
        .customers
        .values()
        .filter(|c| Some(c.id) != except)
        .filter(|c| {
            (!email.is_empty() && text::normalise_email(&c.email) == email)
                || c.phones
                    .iter()
                    .any(|p| phones.contains(&text::normalise_phone(p)))
        })
        .map(|c| c.id)
        .collect()
}

/// R-CUS-03: merges `drop` into `keep`. Every contact and complaint of
/// `drop` moves to `keep`, phones and tags are united, empty details filled,
/// and a detail both have but differently (e-mail, card) is written into
/// `keep`'s notes; `drop` is marked merged and tombstoned, its fields stay
/// in the store. Nothing is lost.
pub fn merge_customers(
    model: &Model,
    actor: &Staff,
    keep: RecordId,
    drop: RecordId,
    now: DateTime<Utc>,
) -> Result<Vec<Write>, RuleError> {
    require(actor, Action::MergeCustomers)?;
    if keep == drop {
        return Err(RuleError::MergeWithItself);
    }
    let k = model
        .customers
        .get(&keep)
        .ok_or(RuleError::NotFound { what: "customer" })?;
    let d = model
        .customers
        .get(&drop)
        .ok_or(RuleError::NotFound { what: "customer" })?;
    let mut writes = Vec::new();
    for contact in model.contacts_of(drop) {
        let mut moved = contact.clone();
        moved.customer = Some(keep);
        moved.audit.touch(actor.id, now);
        writes.extend(to_writes(Some(contact), &moved));
    }
    for complaint in model
        .complaints
        .values()
        .filter(|c| c.customer == Some(drop))
    {
        let mut moved = complaint.clone();
        moved.customer = Some(keep);
        moved.audit.touch(actor.id, now);
        writes.extend(to_writes(Some(complaint), &moved));
    }
    let mut merged = k.clone();
    for p in &d.phones {
        let n = text::normalise_phone(p);
        if !merged.phones.iter().any(|q| text::normalise_phone(q) == n) {
            merged.phones.push(p.clone());
        }
    }
    for t in &d.tags {
        if !merged.tags.iter().any(|m| fold(m) == fold(t)) {
            merged.tags.push(t.clone());
        }
    }
    let mut kept_aside = Vec::new();
    if !d.email.is_empty()
        && !k.email.is_empty()
        && normalise_email(&d.email) != normalise_email(&k.email)
    {
        kept_aside.push(format!("e-mail {}", d.email));
    }
    if !d.card_number.is_empty() && !k.card_number.is_empty() && d.card_number != k.card_number {
        kept_aside.push(format!("tarjeta / card {}", d.card_number));
    }
    if !kept_aside.is_empty() {
        let line = format!("[fusión / merge: {}] {}", d.name, kept_aside.join("; "));
        merged.notes = if merged.notes.is_empty() {
            line
        } else {
            format!("{}\n{line}", merged.notes)
        };
    }
    if merged.specialist.is_none() {
        merged.specialist = d.specialist;
        merged.assigned_at = d.assigned_at;
    }
    let fill = |mine: &mut String, theirs: &String| {
        if mine.is_empty() {
            *mine = theirs.clone();
        }
    };
    fill(&mut merged.email, &d.email);
    fill(&mut merged.card_number, &d.card_number);
    fill(&mut merged.source, &d.source);
    if !d.notes.is_empty() && !merged.notes.contains(&d.notes) {
        merged.notes = if merged.notes.is_empty() {
            d.notes.clone()
        } else {
            format!("{}\n{}", merged.notes, d.notes)
        };
    }
    merged.birthday = merged.birthday.or(d.birthday);
    merged.card_expiry = merged.card_expiry.or(d.card_expiry);
    merged.last_store_visit = merged.last_store_visit.max(d.last_store_visit);
    merged.audit.touch(actor.id, now);
    writes.extend(to_writes(Some(k), &merged));
    let mut gone = d.clone();
    gone.merged_into = Some(keep);
    gone.audit.touch(actor.id, now);
    writes.extend(to_writes(Some(d), &gone));
    writes.push(tombstone(Customer::KIND, drop));
    Ok(writes)
}
