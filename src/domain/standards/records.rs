//! The records of service standards (R-STD-01..R-STD-03): the departments
//! the organisation keeps, each standard's versions, audits with their
//! findings and improvement actions. Data only; the rules are in the
//! modules beside this.
//!
//! Every field is last-writer-wins, so what several people add is a record
//! of its own: a change to a standard is a new `std_standard` version (the
//! old one stays and still judges the periods it was in force), a finding
//! or an action is a record of its own beside its audit. Two devices
//! working apart add records instead of overwriting each other's. A
//! department's id is derived from its name, so two devices adopting the
//! same free-text department write the same record.

use crate::domain::base::order;
use crate::domain::base::record::{code_enum, Audit};
use crate::domain::complaint::Severity;
use crate::sync::RecordId;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A department of the company, as the organisation keeps it. Contacts
/// and complaints name departments in free text; a text matches the
/// department whose name or one of whose `aliases` folds to the same
/// ("Almacén" = "almacen").
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Department {
    #[serde(skip)]
    pub id: RecordId,
    pub name: String,
    /// Other spellings adopted into it (the free text of older records).
    pub aliases: Vec<String>,
    /// An inactive department keeps its history but gets no new standard.
    pub active: bool,
    #[serde(flatten)]
    pub audit: Audit,
}

code_enum!(Metric {
    FirstResponse => "first_response",
    Resolution => "resolution",
    ReturnVisitRate => "return_visit_rate",
    SatisfactionRate => "satisfaction_rate",
    ComplaintRate => "complaint_rate",
});

impl Metric {
    /// A time measured per case (its threshold is minutes), or a rate over
    /// the period (its threshold is tenths of a percent).
    pub fn is_duration(self) -> bool {
        matches!(self, Metric::FirstResponse | Metric::Resolution)
    }

    /// Whether a lower value is the better one (complaints per 100 contacts).
    pub fn lower_is_better(self) -> bool {
        self == Metric::ComplaintRate
    }
}

code_enum!(PeriodKind { Month => "month", Week => "week" });

/// R-STD-01: one version of a department's standard for one metric. Never
/// changed once written: a change is a new version from a later start
/// date. Who set it and when is its audit (`created_by`, `created_at`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Standard {
    #[serde(skip)]
    pub id: RecordId,
    pub department: RecordId,
    pub metric: Metric,
    /// A duration metric: the most minutes a case may take. A rate: the
    /// rate to reach (at least; at most for complaints per 100 contacts),
    /// in tenths of a percent (850 = 85 %, 15 = 1.5 per 100).
    pub threshold: u32,
    /// A duration metric: the share of cases (1..=100 %) that must be
    /// within the threshold. Unused (0) for a rate: its threshold is its
    /// target.
    pub target: u32,
    pub period: PeriodKind,
    /// The first day it applies: the first day of a period (a Monday, or
    /// the 1st of a month).
    pub from: NaiveDate,
    /// False: the standard no longer applies from `from` on.
    pub active: bool,
    #[serde(flatten)]
    pub audit: Audit,
}

/// R-STD-03: an audit of a department on a date, by its auditor.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct DeptAudit {
    #[serde(skip)]
    pub id: RecordId,
    pub department: RecordId,
    pub date: NaiveDate,
    pub auditor: RecordId,
    pub summary: String,
    #[serde(flatten)]
    pub audit: Audit,
}

/// One finding of an audit: how serious, and the evidence in words.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Finding {
    #[serde(skip)]
    pub id: RecordId,
    /// The audit it was found at.
    pub dept_audit: RecordId,
    pub severity: Severity,
    pub evidence: String,
    #[serde(flatten)]
    pub audit: Audit,
}

/// An improvement action agreed at an audit: its owner does it by the due
/// date, then the auditor verifies it (or sends it back with a note).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Improvement {
    #[serde(skip)]
    pub id: RecordId,
    /// The audit it was agreed at.
    pub dept_audit: RecordId,
    /// The finding it answers, when it answers one.
    pub finding: Option<RecordId>,
    pub text: String,
    pub owner: RecordId,
    pub due: NaiveDate,
    #[serde(deserialize_with = "crate::domain::base::when::utc_opt")]
    pub done_at: Option<DateTime<Utc>>,
    pub done_by: Option<RecordId>,
    #[serde(deserialize_with = "crate::domain::base::when::utc_opt")]
    pub verified_at: Option<DateTime<Utc>>,
    pub verified_by: Option<RecordId>,
    /// Why the auditor sent it back (the last time), or what was checked.
    pub verify_note: String,
    #[serde(flatten)]
    pub audit: Audit,
}

/// Service standards' records: one field in `Model`.
#[derive(Debug, Clone, Default)]
pub struct Standards {
    pub departments: BTreeMap<RecordId, Department>,
    pub standards: BTreeMap<RecordId, Standard>,
    pub audits: BTreeMap<RecordId, DeptAudit>,
    pub findings: BTreeMap<RecordId, Finding>,
    pub actions: BTreeMap<RecordId, Improvement>,
}

impl Standards {
    /// Departments by name (folded), then id.
    pub fn departments_by_name(&self) -> Vec<&Department> {
        let mut v: Vec<&Department> = self.departments.values().collect();
        v.sort_by_cached_key(|d| (crate::domain::base::text::fold(&d.name), d.id));
        v
    }

    /// An audit's findings, oldest first.
    pub fn findings_of(&self, audit: RecordId) -> Vec<&Finding> {
        let mut v: Vec<&Finding> = self
            .findings
            .values()
            .filter(|f| f.dept_audit == audit)
            .collect();
        order::sort_by_key(&mut v, |f| (f.audit.created_at, f.id));
        v
    }

    /// An audit's actions, by due date.
    pub fn actions_of(&self, audit: RecordId) -> Vec<&Improvement> {
        let mut v: Vec<&Improvement> = self
            .actions
            .values()
            .filter(|a| a.dept_audit == audit)
            .collect();
        order::sort_by_key(&mut v, |a| (a.due, a.id));
        v
    }

    /// A department's audits, newest first.
    pub fn audits_of(&self, department: RecordId) -> Vec<&DeptAudit> {
        let mut v: Vec<&DeptAudit> = self
            .audits
            .values()
            .filter(|a| a.department == department)
            .collect();
        order::sort_by_key(&mut v, |a| std::cmp::Reverse((a.date, a.id)));
        v
    }
}
