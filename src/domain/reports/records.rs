//! The reports' one record kind: an issued weekly or monthly report
//! (R-REP-02), its parts in codes and its marks per day and kind. Plain
//! data; `issued.rs` makes and reads it.

use crate::domain::base::record::Audit;
use crate::domain::standards::records::PeriodKind;
use crate::sync::RecordId;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// One part as issued: its code, its columns' codes and its rows.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct FrozenPart {
    pub part: String,
    pub columns: Vec<String>,
    pub rows: Vec<FrozenRow>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct FrozenRow {
    pub label: String,
    pub figures: Vec<String>,
}

/// One local day and kind of record: how many the report counted, and a
/// digest of their (id, last change).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct DayMark {
    pub day: NaiveDate,
    pub kind: String,
    pub count: u32,
    /// 16 hex digits.
    pub digest: String,
}

/// An issued report (kind `report_issue`); its id is derived from the
/// period (`issued::issue_id`), so issuing again replaces it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct IssuedReport {
    #[serde(skip)]
    pub id: RecordId,
    pub span: PeriodKind,
    pub first: NaiveDate,
    pub last: NaiveDate,
    pub issued_by: RecordId,
    #[serde(deserialize_with = "crate::domain::base::when::utc")]
    pub issued_at: DateTime<Utc>,
    pub parts: Vec<FrozenPart>,
    pub marks: Vec<DayMark>,
    #[serde(flatten)]
    pub audit: Audit,
}
