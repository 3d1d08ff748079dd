//! Decisions on leave and swaps (R-LV-03, R-SW-01) as append-only events:
//! each approval or refusal is its own record with a fresh id, so two
//! devices deciding offline both keep their decision, and the status is
//! derived. An approve and a refuse that crossed show as a conflict until
//! someone decides again, naming the decisions they override.

use super::records::*;
use crate::domain::base::order;
use crate::domain::base::record::Audit;
use crate::domain::model::Model;
use crate::domain::staff::Staff;
use crate::sync::RecordId;
use chrono::{DateTime, Utc};

pub(crate) fn new_approval(
    actor: &Staff,
    subject: RecordId,
    decision: Decision,
    note: &str,
    supersedes: Vec<RecordId>,
    id: RecordId,
    now: DateTime<Utc>,
) -> Approval {
    Approval {
        id,
        subject,
        by: actor.id,
        role: actor.role,
        team: actor.team.clone(),
        decision,
        supersedes,
        note: note.trim().to_string(),
        demo: false,
        audit: Audit::new(actor.id, now),
    }
}

/// A subject's decisions that no other decision overrides, oldest first.
pub fn live_decisions(model: &Model, subject: RecordId) -> Vec<&Approval> {
    let all: Vec<&Approval> = model
        .dept
        .approvals
        .values()
        .filter(|a| a.subject == subject)
        .collect();
    let mut live: Vec<&Approval> = all
        .iter()
        .copied()
        .filter(|a| !all.iter().any(|o| o.supersedes.contains(&a.id)))
        .collect();
    order::sort_by_key(&mut live, |a| (a.audit.created_at, a.id));
    live
}
