//! R-ESC-01: matters reported at once go up the chain one level at a time
//! (representative / inspector → team leader → department director →
//! center director); an emergency may skip a level, and the skipped people
//! are informed afterwards. Every hop, instruction and acknowledgement is
//! its own `escalation_step` record, so concurrent steps survive a merge.

use super::records::*;
use crate::domain::base::order;
use crate::domain::base::record::{to_writes, Audit};
use crate::domain::base::text::fold;
use crate::domain::error::RuleError;
use crate::domain::model::Model;
use crate::domain::staff::{Role, Staff};
use crate::sync::{RecordId, Write};
use chrono::{DateTime, Utc};

/// The chain as its steps make it.
#[derive(Debug, Clone, PartialEq)]
pub struct EscalationView {
    pub escalation: Escalation,
    /// Every step, in (at, id) order.
    pub steps: Vec<EscalationStep>,
    /// Who has it now (the highest level reached).
    pub holder: Option<RecordId>,
    pub level: Role,
    /// Skipped superiors who have not acknowledged yet.
    pub notify: Vec<RecordId>,
    pub closed: bool,
}

impl EscalationView {
    pub fn instructions(&self) -> impl Iterator<Item = &EscalationStep> {
        self.steps
            .iter()
            .filter(|s| s.kind == StepKind::Instruction)
    }

    /// Everyone the matter reached: holders and skipped superiors.
    pub fn reached(&self, who: RecordId) -> bool {
        self.steps
            .iter()
            .any(|s| s.to == Some(who) || s.notify.contains(&who))
    }
}

const LEVELS: [Role; 3] = [
    Role::TeamLeader,
    Role::DepartmentDirector,
    Role::CenterDirector,
];
use crate::domain::base::limits::{text, Need, MAX_TEXT};

/// The concrete superior at `level` for someone of `team`: an active
/// person with that role, preferring the same team, then by name.
pub fn superior<'a>(model: &'a Model, team: &str, level: Role) -> Option<&'a Staff> {
    model
        .active_staff()
        .filter(|s| s.role == level)
        .min_by_key(|s| (s.team != team || team.is_empty(), fold(&s.name), s.id))
}

pub fn chain(model: &Model, id: RecordId) -> Result<EscalationView, RuleError> {
    let escalation = model
        .escalations
        .get(&id)
        .cloned()
        .ok_or(RuleError::NotFound { what: "escalation" })?;
    let mut steps: Vec<EscalationStep> = model.steps_of(id).into_iter().cloned().collect();
    order::sort_by(&mut steps, |a, b| a.at.cmp(&b.at).then(a.id.cmp(&b.id)));
    let mut level = escalation.raised_role;
    let mut holder = None;
    for s in steps.iter().filter(|s| s.kind == StepKind::Up) {
        // Concurrent hops: the highest level reached holds it.
        if s.to_role.rank() > level.rank() || holder.is_none() {
            level = s.to_role;
            holder = s.to;
        }
    }
    let acknowledged = |who: &RecordId| {
        steps
            .iter()
            .any(|s| s.kind == StepKind::Acknowledged && s.by == *who)
    };
    let mut notify: Vec<RecordId> = Vec::new();
    for s in &steps {
        for n in &s.notify {
            if !acknowledged(n) && !notify.contains(n) {
                notify.push(*n);
            }
        }
    }
    let closed = steps.iter().any(|s| s.kind == StepKind::Closed);
    Ok(EscalationView {
        escalation,
        steps,
        holder,
        level,
        notify,
        closed,
    })
}

/// The hop from `from_rank` to `to` (None: the next level that has anyone),
/// with the people of the levels skipped on the way.
fn hop<'a>(
    model: &'a Model,
    team: &str,
    from_rank: u8,
    to: Option<Role>,
    emergency: bool,
) -> Result<(&'a Staff, Vec<RecordId>), RuleError> {
    let above = LEVELS.iter().filter(|l| l.rank() > from_rank);
    let target = match to {
        Some(t) if t.rank() <= from_rank || !LEVELS.contains(&t) => {
            return Err(RuleError::NoSuperior)
        }
        Some(t) => t,
        None => *above
            .clone()
            .find(|l| superior(model, team, **l).is_some())
            .ok_or(RuleError::NoSuperior)?,
    };
    let person = superior(model, team, target).ok_or(RuleError::NoSuperior)?;
    // A level with nobody in it is not a skip.
    let skipped: Vec<&Staff> = above
        .filter(|l| l.rank() < target.rank())
        .filter_map(|l| superior(model, team, *l))
        .collect();
    if let Some(first) = skipped.first() {
        if !emergency {
            return Err(RuleError::SkipNeedsEmergency {
                skipped: first.role,
            });
        }
    }
    Ok((person, skipped.iter().map(|s| s.id).collect()))
}

fn up_step(
    escalation: &Escalation,
    actor: &Staff,
    (person, notify): (&Staff, Vec<RecordId>),
    emergency: bool,
    note: String,
    id: RecordId,
    now: DateTime<Utc>,
) -> EscalationStep {
    EscalationStep {
        id,
        escalation: escalation.id,
        kind: StepKind::Up,
        by: actor.id,
        at: now,
        to: Some(person.id),
        to_role: person.role,
        emergency: emergency && !notify.is_empty(),
        notify,
        text: note,
        demo: escalation.demo,
        audit: Audit::new(actor.id, now),
    }
}

/// The raise form. `to: None` goes to the next level up.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct EscalationDraft {
    pub matter: Option<Matter>,
    pub description: String,
    pub complaint: Option<RecordId>,
    pub customer: Option<RecordId>,
    pub to: Option<Role>,
    pub emergency: bool,
}

/// The ids a raise needs: the escalation and its first hop.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RaiseIds {
    pub escalation: RecordId,
    pub step: RecordId,
}

/// Anyone may raise a matter; it goes to their superior one level up.
pub fn raise(
    model: &Model,
    actor: &Staff,
    draft: EscalationDraft,
    ids: RaiseIds,
    now: DateTime<Utc>,
) -> Result<Vec<Write>, Vec<RuleError>> {
    let mut errors = Vec::new();
    if draft.matter.is_none() {
        errors.push(RuleError::Required { field: "matter" });
    }
    let description = text(&draft.description, "description", MAX_TEXT, Need::Required)
        .map_err(|e| errors.push(e))
        .unwrap_or_default();
    if draft
        .complaint
        .is_some_and(|c| !model.complaints.contains_key(&c))
    {
        errors.push(RuleError::NotFound { what: "complaint" });
    }
    if draft
        .customer
        .is_some_and(|c| !model.customers.contains_key(&c))
    {
        errors.push(RuleError::NotFound { what: "customer" });
    }
    let target = hop(
        model,
        &actor.team,
        actor.role.rank(),
        draft.to,
        draft.emergency,
    )
    .map_err(|e| errors.push(e))
    .ok();
    let (Some(matter), Some(target), true) = (draft.matter, target, errors.is_empty()) else {
        return Err(errors);
    };
    let escalation = Escalation {
        id: ids.escalation,
        matter,
        description,
        raised_by: actor.id,
        raised_role: actor.role,
        raised_at: now,
        complaint: draft.complaint,
        customer: draft.customer,
        demo: false,
        audit: Audit::new(actor.id, now),
    };
    let step = up_step(
        &escalation,
        actor,
        target,
        draft.emergency,
        String::new(),
        ids.step,
        now,
    );
    let mut w = to_writes(None, &escalation);
    w.extend(to_writes(None, &step));
    Ok(w)
}

/// Whoever holds it now (or anyone at that level or above) passes it up.
fn holds(view: &EscalationView, actor: &Staff) -> Result<(), RuleError> {
    if view.closed {
        return Err(RuleError::EscalationClosed);
    }
    if view.holder == Some(actor.id) || actor.role.rank() >= view.level.rank() {
        Ok(())
    } else {
        Err(RuleError::NotInChain)
    }
}

/// Passes the matter one level further up (or more, in an emergency).
#[allow(clippy::too_many_arguments)]
pub fn escalate(
    model: &Model,
    actor: &Staff,
    escalation: RecordId,
    to: Option<Role>,
    emergency: bool,
    note: &str,
    id: RecordId,
    now: DateTime<Utc>,
) -> Result<Vec<Write>, RuleError> {
    let view = chain(model, escalation)?;
    if !actor.active {
        return Err(RuleError::InactiveStaff);
    }
    holds(&view, actor)?;
    let note = text(note, "note", MAX_TEXT, Need::Optional)?;
    let team = model
        .staff
        .get(&view.escalation.raised_by)
        .map(|s| s.team.clone())
        .unwrap_or_default();
    let target = hop(model, &team, view.level.rank(), to, emergency)?;
    let step = up_step(&view.escalation, actor, target, emergency, note, id, now);
    Ok(to_writes(None, &step))
}

fn plain_step(
    view: &EscalationView,
    actor: &Staff,
    kind: StepKind,
    text: String,
    id: RecordId,
    now: DateTime<Utc>,
) -> Vec<Write> {
    let step = EscalationStep {
        id,
        escalation: view.escalation.id,
        kind,
        by: actor.id,
        at: now,
        text,
        demo: view.escalation.demo,
        audit: Audit::new(actor.id, now),
        ..EscalationStep::default()
    };
    to_writes(None, &step)
}

/// A superior the matter reached records their instructions.
pub fn instruct(
    model: &Model,
    actor: &Staff,
    escalation: RecordId,
    instruction: &str,
    id: RecordId,
    now: DateTime<Utc>,
) -> Result<Vec<Write>, RuleError> {
    let view = chain(model, escalation)?;
    let superior = actor.role.rank() > view.escalation.raised_role.rank();
    if !actor.active
        || !superior
        || !(view.reached(actor.id) || actor.role.rank() >= view.level.rank())
    {
        return Err(RuleError::NotInChain);
    }
    let instruction = text(instruction, "instruction", MAX_TEXT, Need::Required)?;
    Ok(plain_step(
        &view,
        actor,
        StepKind::Instruction,
        instruction,
        id,
        now,
    ))
}

/// A skipped superior confirms they were informed.
pub fn acknowledge(
    model: &Model,
    actor: &Staff,
    escalation: RecordId,
    id: RecordId,
    now: DateTime<Utc>,
) -> Result<Vec<Write>, RuleError> {
    let view = chain(model, escalation)?;
    if !view.notify.contains(&actor.id) {
        return Err(RuleError::NotInChain);
    }
    Ok(plain_step(
        &view,
        actor,
        StepKind::Acknowledged,
        String::new(),
        id,
        now,
    ))
}

/// The holder (or someone above) closes the matter with a remark.
pub fn close(
    model: &Model,
    actor: &Staff,
    escalation: RecordId,
    remark: &str,
    id: RecordId,
    now: DateTime<Utc>,
) -> Result<Vec<Write>, RuleError> {
    let view = chain(model, escalation)?;
    holds(&view, actor)?;
    let remark = text(remark, "remark", MAX_TEXT, Need::Required)?;
    Ok(plain_step(&view, actor, StepKind::Closed, remark, id, now))
}

/// Open matters `me` holds now.
pub fn held_by(model: &Model, me: RecordId) -> Vec<RecordId> {
    model
        .escalations
        .keys()
        .filter_map(|id| chain(model, *id).ok())
        .filter(|v| !v.closed && v.holder == Some(me))
        .map(|v| v.escalation.id)
        .collect()
}

/// Matters that skipped `me` and that I have not acknowledged yet.
pub fn to_acknowledge(model: &Model, me: RecordId) -> Vec<RecordId> {
    model
        .escalations
        .keys()
        .filter_map(|id| chain(model, *id).ok())
        .filter(|v| v.notify.contains(&me))
        .map(|v| v.escalation.id)
        .collect()
}
