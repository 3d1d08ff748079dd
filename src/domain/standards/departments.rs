//! Departments as a list the organisation keeps (R-STD-01). Contacts and
//! complaints name departments in free text; those texts keep meaning what
//! they meant: a text belongs to the department whose name or adopted
//! spelling folds to the same ("Almacén" = "almacen"), and the texts no
//! department has adopted yet are offered for adoption, so nothing is lost
//! and no stored record is rewritten. A department director or higher
//! manages the list.

use super::records::Department;
use crate::domain::base::limits::{text, Need, MAX_ITEMS, MAX_NAME};
use crate::domain::base::order;
use crate::domain::base::record::{Audit, Record};
use crate::domain::base::text::fold;
use crate::domain::base::zone::derived_id;
use crate::domain::complaint::EventData;
use crate::domain::error::RuleError;
use crate::domain::model::Model;
use crate::domain::staff::{require, Action, Staff};
use crate::sync::RecordId;
use chrono::{DateTime, Utc};
use std::collections::{BTreeMap, HashMap, HashSet};

/// The id a new department named `name` gets: derived from the folded
/// name, so two devices adding or adopting the same department write one
/// record. When that id is taken (a department since renamed), the next
/// free one of the series, which the other device computes alike.
pub fn department_id(model: &Model, name: &str) -> RecordId {
    let key = fold(name);
    let mut id = derived_id(Department::KIND, &[], &key);
    // A few renames at most; bounded all the same.
    for n in 1..=MAX_ITEMS {
        if !model.standards.departments.contains_key(&id) {
            break;
        }
        id = derived_id(Department::KIND, &[], &format!("{key}#{n}"));
    }
    id
}

/// Free text to department: each department's folded name, then its
/// adopted spellings. When two departments claim the same text (adopted
/// apart on two devices), names win over spellings and the lower id over
/// the higher, the same on every device.
#[derive(Debug, Default)]
pub struct Resolver {
    /// Every department, in id order: a department's place in this list
    /// is what [`Resolver::place`] gives.
    ids: Vec<RecordId>,
    by_key: HashMap<String, usize>,
    cache: HashMap<String, Option<usize>>,
}

impl Resolver {
    pub fn new(model: &Model) -> Resolver {
        let all = &model.standards.departments;
        let mut by_key = HashMap::new();
        for (i, d) in all.values().enumerate() {
            by_key.entry(fold(&d.name)).or_insert(i);
        }
        for (i, d) in all.values().enumerate() {
            for a in d.aliases.iter().take(MAX_ITEMS) {
                by_key.entry(fold(a)).or_insert(i);
            }
        }
        by_key.remove("");
        Resolver {
            ids: all.keys().copied().collect(),
            by_key,
            cache: HashMap::new(),
        }
    }

    /// Every department, in id order.
    pub fn ids(&self) -> &[RecordId] {
        &self.ids
    }

    /// The place in [`Resolver::ids`] of the department `text` names, if
    /// one was adopted. Remembers each text, so a year of records folds
    /// each spelling once.
    pub fn place(&mut self, text: &str) -> Option<usize> {
        if let Some(hit) = self.cache.get(text) {
            return *hit;
        }
        let hit = self.by_key.get(&fold(text)).copied();
        // Bounded: at most one entry per distinct spelling met.
        if self.cache.len() < 100_000 {
            self.cache.insert(text.to_string(), hit);
        }
        hit
    }

    /// The department `text` names, if one was adopted.
    pub fn resolve(&mut self, text: &str) -> Option<RecordId> {
        let place = self.place(text)?;
        self.ids.get(place).copied()
    }
}

/// A free-text department no department has adopted yet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    /// The spelling written most often (ties: the first in order).
    pub name: String,
    /// Every spelling met that folds to the same.
    pub spellings: Vec<String>,
    /// Contacts forwarded to it, and complaints judged against it.
    pub contacts: usize,
    pub complaints: usize,
}

#[derive(Default)]
struct Tally {
    spellings: BTreeMap<String, usize>,
    contacts: HashSet<RecordId>,
    complaints: HashSet<RecordId>,
}

/// The free-text departments of contacts' forwards and complaints'
/// judgements that no department has adopted, most used first.
pub fn department_candidates(model: &Model) -> Vec<Candidate> {
    let mut resolver = Resolver::new(model);
    let mut tallies: HashMap<String, Tally> = HashMap::new();
    let mut note = |text: &str, record: RecordId, contact: bool, r: &mut Resolver| {
        let text = text.trim();
        if text.is_empty() || r.resolve(text).is_some() {
            return;
        }
        let t = tallies.entry(fold(text)).or_default();
        *t.spellings.entry(text.to_string()).or_default() += 1;
        if contact {
            t.contacts.insert(record);
        } else {
            t.complaints.insert(record);
        }
    };
    for c in model.contacts.values() {
        for step in &c.forwarded {
            if let Some(d) = &step.to_department {
                note(d, c.id, true, &mut resolver);
            }
        }
    }
    for e in model.complaint_events.values() {
        if let EventData::Judged(j) = &e.data {
            if j.founded {
                note(&j.department, e.complaint, false, &mut resolver);
            }
        }
    }
    let mut out: Vec<Candidate> = tallies
        .into_values()
        .map(|t| {
            let name = t
                .spellings
                .iter()
                .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
                .map(|(s, _)| s.clone())
                .unwrap_or_default();
            Candidate {
                name,
                spellings: t.spellings.into_keys().collect(),
                contacts: t.contacts.len(),
                complaints: t.complaints.len(),
            }
        })
        .collect();
    order::sort_by(&mut out, |a, b| {
        (b.contacts + b.complaints)
            .cmp(&(a.contacts + a.complaints))
            .then_with(|| fold(&a.name).cmp(&fold(&b.name)))
    });
    out
}

/// The name checked: present, at most `MAX_NAME`, and no other department
/// (but `except`) named or adopted under it.
fn checked_name(model: &Model, name: &str, except: Option<RecordId>) -> Result<String, RuleError> {
    let name = text(name, "std_department_name", MAX_NAME, Need::Required)?;
    let taken = Resolver::new(model)
        .resolve(&name)
        .is_some_and(|d| Some(d) != except);
    if taken {
        return Err(RuleError::Duplicate {
            field: "std_department_name",
        });
    }
    Ok(name)
}

/// A new department named `name`, active.
pub fn add_department(
    model: &Model,
    actor: &Staff,
    name: &str,
    now: DateTime<Utc>,
) -> Result<Department, RuleError> {
    require(actor, Action::SetStandards)?;
    let name = checked_name(model, name, None)?;
    Ok(Department {
        id: department_id(model, &name),
        name,
        aliases: Vec::new(),
        active: true,
        audit: Audit::new(actor.id, now),
    })
}

/// Department `d` renamed; its old name stays an adopted spelling, so the
/// records that wrote it still count for it.
pub fn rename_department(
    model: &Model,
    actor: &Staff,
    d: &Department,
    name: &str,
    now: DateTime<Utc>,
) -> Result<Department, RuleError> {
    require(actor, Action::SetStandards)?;
    let name = checked_name(model, name, Some(d.id))?;
    let mut next = d.clone();
    if fold(&d.name) != fold(&name) && !d.name.trim().is_empty() {
        add_alias(&mut next, d.name.trim())?;
    }
    next.name = name;
    next.audit.touch(actor.id, now);
    Ok(next)
}

/// Department `d` made active or inactive (its history is kept either way).
pub fn set_department_active(
    actor: &Staff,
    d: &Department,
    active: bool,
    now: DateTime<Utc>,
) -> Result<Department, RuleError> {
    require(actor, Action::SetStandards)?;
    let mut next = d.clone();
    next.active = active;
    next.audit.touch(actor.id, now);
    Ok(next)
}

fn add_alias(d: &mut Department, text: &str) -> Result<(), RuleError> {
    if d.aliases.iter().any(|a| fold(a) == fold(text)) {
        return Ok(());
    }
    if d.aliases.len() >= MAX_ITEMS {
        return Err(RuleError::OutOfRange {
            field: "std_aliases",
        });
    }
    d.aliases.push(text.to_string());
    Ok(())
}

/// Adopts the free-text department `text`: as a new department of that
/// name (`into` None), or as another spelling of department `into`.
pub fn adopt(
    model: &Model,
    actor: &Staff,
    text_value: &str,
    into: Option<&Department>,
    now: DateTime<Utc>,
) -> Result<Department, RuleError> {
    require(actor, Action::SetStandards)?;
    let Some(d) = into else {
        return add_department(model, actor, text_value, now);
    };
    let value = text(text_value, "std_department_name", MAX_NAME, Need::Required)?;
    if Resolver::new(model).resolve(&value).is_some() {
        return Err(RuleError::Duplicate {
            field: "std_department_name",
        });
    }
    let mut next = d.clone();
    add_alias(&mut next, &value)?;
    next.audit.touch(actor.id, now);
    Ok(next)
}
