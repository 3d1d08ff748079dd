//! R-STD-03: audits of a department. An audit on a date records findings
//! (severity and evidence) and improvement actions, each with an owner, a
//! due date and a verification step: the owner marks it done, the auditor
//! verifies it or sends it back with a note. Open actions are on their
//! owners' Today, done ones on the auditor's, overdue ones on the
//! directors'. Findings and actions are records of their own, so a tablet
//! with no network adds them beside another device's.

use super::records::{DeptAudit, Finding, Improvement};
use crate::domain::base::dates::Shift;
use crate::domain::base::limits::{text, Need, MAX_TEXT, MAX_YEAR, MIN_YEAR};
use crate::domain::base::order;
use crate::domain::base::record::Audit;
use crate::domain::complaint::Severity;
use crate::domain::error::RuleError;
use crate::domain::model::Model;
use crate::domain::staff::{require, Action, Role, Staff};
use crate::sync::RecordId;
use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};

/// What the audit form hands in.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct AuditDraft {
    pub department: RecordId,
    pub date: NaiveDate,
    pub summary: String,
}

/// What the action form hands in.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ActionDraft {
    pub finding: Option<RecordId>,
    pub text: String,
    pub owner: RecordId,
    pub due: NaiveDate,
}

fn in_years(d: NaiveDate, field: &'static str) -> Result<(), RuleError> {
    match (MIN_YEAR..=MAX_YEAR).contains(&d.year()) {
        true => Ok(()),
        false => Err(RuleError::InvalidDate { field }),
    }
}

/// The audit checked: its department exists, its date is not after
/// tomorrow (an audit records what was seen; a day of slack for another
/// device's clock), its summary fits.
fn checked(model: &Model, draft: &AuditDraft, now: DateTime<Utc>) -> Result<String, RuleError> {
    if !model.standards.departments.contains_key(&draft.department) {
        return Err(RuleError::NotFound {
            what: "std_department",
        });
    }
    in_years(draft.date, "std_audit_date")?;
    let today = model.zone().local_date(now);
    if draft.date > today.plus(Duration::days(1)) {
        return Err(RuleError::InvalidDate {
            field: "std_audit_date",
        });
    }
    text(&draft.summary, "std_summary", MAX_TEXT, Need::Optional)
}

/// R-STD-03: audit `id`; whoever records it is its auditor.
pub fn record_audit(
    model: &Model,
    actor: &Staff,
    draft: &AuditDraft,
    id: RecordId,
    now: DateTime<Utc>,
) -> Result<DeptAudit, RuleError> {
    require(actor, Action::SetStandards)?;
    let summary = checked(model, draft, now)?;
    Ok(DeptAudit {
        id,
        department: draft.department,
        date: draft.date,
        auditor: actor.id,
        summary,
        audit: Audit::new(actor.id, now),
    })
}

/// R-STD-03: audit `a` corrected (its auditor stays).
pub fn edit_audit(
    model: &Model,
    actor: &Staff,
    a: &DeptAudit,
    draft: &AuditDraft,
    now: DateTime<Utc>,
) -> Result<DeptAudit, RuleError> {
    require(actor, Action::SetStandards)?;
    let summary = checked(model, draft, now)?;
    let mut next = a.clone();
    next.department = draft.department;
    next.date = draft.date;
    next.summary = summary;
    next.audit.touch(actor.id, now);
    Ok(next)
}

/// R-STD-03: finding `id` of audit `a`.
pub fn add_finding(
    actor: &Staff,
    a: &DeptAudit,
    severity: Severity,
    evidence: &str,
    id: RecordId,
    now: DateTime<Utc>,
) -> Result<Finding, RuleError> {
    require(actor, Action::SetStandards)?;
    let evidence = text(evidence, "std_evidence", MAX_TEXT, Need::Required)?;
    Ok(Finding {
        id,
        dept_audit: a.id,
        severity,
        evidence,
        audit: Audit::new(actor.id, now),
    })
}

/// R-STD-03: improvement action `id` of audit `a`, for an active person,
/// due on or after the audit's date, answering one of its findings or none.
pub fn add_action(
    model: &Model,
    actor: &Staff,
    a: &DeptAudit,
    draft: &ActionDraft,
    id: RecordId,
    now: DateTime<Utc>,
) -> Result<Improvement, RuleError> {
    require(actor, Action::SetStandards)?;
    let text_value = text(&draft.text, "std_action_text", MAX_TEXT, Need::Required)?;
    if !model.staff.get(&draft.owner).is_some_and(|s| s.active) {
        return Err(RuleError::InactiveStaff);
    }
    let finding_of = |f: RecordId| model.standards.findings.get(&f).map(|f| f.dept_audit);
    if draft.finding.is_some_and(|f| finding_of(f) != Some(a.id)) {
        return Err(RuleError::NotFound {
            what: "std_finding",
        });
    }
    in_years(draft.due, "std_action_due")?;
    if draft.due < a.date {
        return Err(RuleError::EndBeforeStart {
            field: "std_action_due",
        });
    }
    Ok(Improvement {
        id,
        dept_audit: a.id,
        finding: draft.finding,
        text: text_value,
        owner: draft.owner,
        due: draft.due,
        audit: Audit::new(actor.id, now),
        ..Improvement::default()
    })
}

/// R-STD-03: the owner (or a department director or higher) marks action
/// `i` done. Once verified it stays as it is.
pub fn complete_action(
    actor: &Staff,
    i: &Improvement,
    now: DateTime<Utc>,
) -> Result<Improvement, RuleError> {
    if i.owner != actor.id {
        require(actor, Action::SetStandards)?;
    }
    if i.verified_at.is_some() {
        return Err(RuleError::AlreadyDecided);
    }
    let mut next = i.clone();
    if next.done_at.is_none() {
        next.done_at = Some(now);
        next.done_by = Some(actor.id);
        next.audit.touch(actor.id, now);
    }
    Ok(next)
}

/// R-STD-03: the auditor verifies done action `i` (`accepted`), or sends it
/// back to its owner with a note saying why. A department director or
/// higher may stand in for an auditor; nobody verifies their own action.
pub fn verify_action(
    model: &Model,
    actor: &Staff,
    i: &Improvement,
    accepted: bool,
    note: &str,
    now: DateTime<Utc>,
) -> Result<Improvement, RuleError> {
    let auditor = model.standards.audits.get(&i.dept_audit).map(|a| a.auditor);
    if auditor != Some(actor.id) {
        require(actor, Action::SetStandards)?;
    }
    if i.owner == actor.id {
        return Err(RuleError::OwnRequest);
    }
    if i.verified_at.is_some() {
        return Err(RuleError::AlreadyDecided);
    }
    if i.done_at.is_none() {
        return Err(RuleError::Required {
            field: "std_action_done",
        });
    }
    let need = if accepted {
        Need::Optional
    } else {
        Need::Required
    };
    let note = text(note, "std_verify_note", MAX_TEXT, need)?;
    let mut next = i.clone();
    next.verify_note = note;
    if accepted {
        next.verified_at = Some(now);
        next.verified_by = Some(actor.id);
    } else {
        next.done_at = None;
        next.done_by = None;
    }
    next.audit.touch(actor.id, now);
    Ok(next)
}

/// Open: neither done nor verified.
pub fn is_open(i: &Improvement) -> bool {
    i.done_at.is_none() && i.verified_at.is_none()
}

/// Overdue on `today` (local): open past its due day.
pub fn is_overdue(i: &Improvement, today: NaiveDate) -> bool {
    is_open(i) && today > i.due
}

fn sorted(mut v: Vec<&Improvement>) -> Vec<RecordId> {
    order::sort_by_key(&mut v, |i| (i.due, i.id));
    v.into_iter().map(|i| i.id).collect()
}

/// R-STD-03, for Today: `owner`'s open actions, soonest due first.
pub fn open_actions_for(model: &Model, owner: RecordId) -> Vec<RecordId> {
    sorted(
        model
            .standards
            .actions
            .values()
            .filter(|i| i.owner == owner && is_open(i))
            .collect(),
    )
}

/// R-STD-03, for Today: actions done and waiting for `auditor` to verify.
pub fn to_verify(model: &Model, auditor: RecordId) -> Vec<RecordId> {
    sorted(
        model
            .standards
            .actions
            .values()
            .filter(|i| i.done_at.is_some() && i.verified_at.is_none())
            .filter(|i| {
                model
                    .standards
                    .audits
                    .get(&i.dept_audit)
                    .is_some_and(|a| a.auditor == auditor)
            })
            .collect(),
    )
}

/// R-STD-03, for Today: every open action past its due day, for a
/// department director or higher (nobody else).
pub fn overdue_actions(model: &Model, me: &Staff, today: NaiveDate) -> Vec<RecordId> {
    if !me.active || me.role.rank() < Role::DepartmentDirector.rank() {
        return Vec::new();
    }
    sorted(
        model
            .standards
            .actions
            .values()
            .filter(|i| is_overdue(i, today))
            .collect(),
    )
}
