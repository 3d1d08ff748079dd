//! The records of quality inspection (R-QA-01..R-QA-04): scorecard
//! versions, reviews, the agent's replies, the director's rulings, the
//! settings, the weekly training plans with their items, and the issued
//! monthly reports. Data only; the rules are in the modules beside this.
//!
//! Every field is last-writer-wins, so what several people add is a record
//! of its own: a scorecard edit is a new `qa_scorecard` version (the old one
//! stays, and reviews keep pointing at it), an acknowledgement or a dispute
//! is a `qa_reply`, a director's ruling a `qa_ruling`, a training item a
//! `qa_plan_item`. Two devices acting offline then add records instead of
//! overwriting each other's. One-per-something records (the settings, a
//! week's plan, a month's report) have ids derived from what they are
//! about, so two devices write the same record.

use crate::domain::base::order;
use crate::domain::base::record::{code_enum, Audit};
use crate::sync::RecordId;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One criterion of a scorecard version.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Criterion {
    /// Stable across versions (`wording`, `attitude` … or a custom one):
    /// weakest criteria are gathered by it.
    pub key: String,
    /// Empty for the five standard criteria (their words are the
    /// interface's, by key); a custom criterion's name as typed.
    pub name: String,
    /// 1..=100 (`scorecard::MAX_WEIGHT`).
    pub weight: u32,
    /// Scored below 3, it sets the whole review to 0.
    pub critical: bool,
}

/// One version of a scorecard. Never changed once written: editing makes a
/// new version with the same `card`, and the newest is current.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Scorecard {
    #[serde(skip)]
    pub id: RecordId,
    /// The scorecard this is a version of: its first version's id.
    pub card: RecordId,
    pub name: String,
    pub criteria: Vec<Criterion>,
    #[serde(flatten)]
    pub audit: Audit,
}

/// One criterion's score on a review (or a ruling).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Score {
    /// The criterion's key in the review's scorecard version.
    pub criterion: String,
    /// 1..=5; None: not applicable (left out of the total).
    pub score: Option<u8>,
    pub comment: String,
    /// Root-cause tags, only on a low score (1 or 2).
    pub causes: Vec<String>,
    /// A standard answer to train on, only on a low score (R-KB-01: the
    /// agreed wording the agent should have used).
    pub train_on: Option<RecordId>,
}

/// R-QA-01: an inspector's review of an agent on a date, optionally on a
/// recorded contact, scored with one scorecard version.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Review {
    #[serde(skip)]
    pub id: RecordId,
    pub agent: RecordId,
    pub inspector: RecordId,
    /// The local day of the inspection: the month it counts in.
    pub date: NaiveDate,
    pub contact: Option<RecordId>,
    /// The scorecard version it was scored with.
    pub scorecard: RecordId,
    pub scores: Vec<Score>,
    pub comment: String,
    #[serde(flatten)]
    pub audit: Audit,
}

code_enum!(ReplyKind { Acknowledge => "acknowledge", Dispute => "dispute" });

/// The agent's answer to a review: seen and accepted, or disputed with a
/// comment (which goes to the department director).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Reply {
    #[serde(skip)]
    pub id: RecordId,
    pub review: RecordId,
    pub by: RecordId,
    pub kind: ReplyKind,
    pub comment: String,
    #[serde(flatten)]
    pub audit: Audit,
}

code_enum!(RulingOutcome { Uphold => "uphold", Change => "change" });

/// A department director's ruling on a disputed review. The review keeps
/// its own scores; a change's scores stand beside them and count instead.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Ruling {
    #[serde(skip)]
    pub id: RecordId,
    pub review: RecordId,
    pub by: RecordId,
    pub outcome: RulingOutcome,
    /// The scores that count after a change (empty when upheld).
    pub scores: Vec<Score>,
    pub comment: String,
    #[serde(flatten)]
    pub audit: Audit,
}

/// The numbers a department director sets (R-QA-02, R-QA-04). One record
/// (`quota::settings_id`); missing, the defaults hold.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct QaSettings {
    #[serde(skip)]
    pub id: RecordId,
    /// R-QA-02: reviews per agent and month, at least and at most.
    pub min_per_month: u32,
    pub max_per_month: u32,
    /// R-QA-04: the best / worst evaluation's weights (0..=100 each) and
    /// how many reviews in the month a person needs to be ranked.
    pub weight_quality: u32,
    pub weight_attendance: u32,
    pub weight_workload: u32,
    pub min_reviews_to_rank: u32,
    #[serde(flatten)]
    pub audit: Audit,
}

impl Default for QaSettings {
    fn default() -> Self {
        QaSettings {
            id: RecordId::default(),
            min_per_month: 1,
            max_per_month: 5,
            weight_quality: 50,
            weight_attendance: 25,
            weight_workload: 25,
            min_reviews_to_rank: 1,
            audit: Audit::default(),
        }
    }
}

/// R-QA-03: a week's training plan (its id derived from the week), sent to
/// the department director, who acknowledges it. Its items are records of
/// their own.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct TrainingPlan {
    #[serde(skip)]
    pub id: RecordId,
    /// The Monday of the week.
    pub week: NaiveDate,
    /// The common problems, in the inspector's words.
    pub notes: String,
    #[serde(deserialize_with = "crate::domain::base::when::utc_opt")]
    pub sent_at: Option<DateTime<Utc>>,
    pub sent_by: Option<RecordId>,
    #[serde(deserialize_with = "crate::domain::base::when::utc_opt")]
    pub acknowledged_at: Option<DateTime<Utc>>,
    pub acknowledged_by: Option<RecordId>,
    #[serde(flatten)]
    pub audit: Audit,
}

/// One item of a training plan: for everyone (`people` empty) or named
/// people, with who runs it and by when.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct TrainingItem {
    #[serde(skip)]
    pub id: RecordId,
    pub plan: RecordId,
    pub text: String,
    pub people: Vec<RecordId>,
    pub owner: RecordId,
    pub due: NaiveDate,
    #[serde(deserialize_with = "crate::domain::base::when::utc_opt")]
    pub done_at: Option<DateTime<Utc>>,
    #[serde(flatten)]
    pub audit: Audit,
}

/// One agent's line of a month's figures. Averages are tenths of a percent
/// (0..=1000); None with nothing scored.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct AgentFigure {
    pub agent: RecordId,
    pub reviews: u32,
    pub average: Option<u32>,
    /// The best / worst evaluation's combined score; None: not ranked.
    pub evaluation: Option<u32>,
}

/// One criterion's line of a month's figures.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct CriterionFigure {
    pub key: String,
    pub scored: u32,
    pub average: Option<u32>,
}

/// One review as a report counted it: what "changed since" compares.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ReviewMark {
    pub review: RecordId,
    pub agent: RecordId,
    pub total: Option<u32>,
}

/// R-QA-04: a month's report as issued, its figures frozen. Its id is
/// derived from the month. Later changes are compared, never merged in.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct MonthlyReport {
    #[serde(skip)]
    pub id: RecordId,
    /// The month's first day.
    pub month: NaiveDate,
    pub issued_by: RecordId,
    #[serde(deserialize_with = "crate::domain::base::when::utc")]
    pub issued_at: DateTime<Utc>,
    pub reviews: u32,
    pub average: Option<u32>,
    pub agents: Vec<AgentFigure>,
    pub criteria: Vec<CriterionFigure>,
    pub marks: Vec<ReviewMark>,
    #[serde(flatten)]
    pub audit: Audit,
}

/// Versions in order: the first version (its id is the card's) before
/// every edit, whatever its time: the standard one is written with a
/// device's first review, maybe after a director's edit made elsewhere,
/// and must not undo it once they meet. Then by `(created_at, id)`.
fn version_order(s: &Scorecard) -> (bool, DateTime<Utc>, RecordId) {
    (s.id != s.card, s.audit.created_at, s.id)
}

/// Quality inspection's records: one field in `Model`.
#[derive(Debug, Clone, Default)]
pub struct Qa {
    pub scorecards: BTreeMap<RecordId, Scorecard>,
    pub reviews: BTreeMap<RecordId, Review>,
    pub replies: BTreeMap<RecordId, Reply>,
    pub rulings: BTreeMap<RecordId, Ruling>,
    pub settings: BTreeMap<RecordId, QaSettings>,
    pub plans: BTreeMap<RecordId, TrainingPlan>,
    pub items: BTreeMap<RecordId, TrainingItem>,
    pub reports: BTreeMap<RecordId, MonthlyReport>,
}

impl Qa {
    /// A scorecard's current version: its newest (`version_order`).
    pub fn current(&self, card: RecordId) -> Option<&Scorecard> {
        self.scorecards
            .values()
            .filter(|s| s.card == card)
            .max_by_key(|s| version_order(s))
    }

    /// A scorecard's versions, oldest first (`version_order`).
    pub fn versions_of(&self, card: RecordId) -> Vec<&Scorecard> {
        let mut v: Vec<&Scorecard> = self
            .scorecards
            .values()
            .filter(|s| s.card == card)
            .collect();
        order::sort_by_key(&mut v, |s| version_order(s));
        v
    }

    /// A review's replies, oldest first.
    pub fn replies_to(&self, review: RecordId) -> Vec<&Reply> {
        let mut v: Vec<&Reply> = self
            .replies
            .values()
            .filter(|r| r.review == review)
            .collect();
        order::sort_by_key(&mut v, |r| (r.audit.created_at, r.id));
        v
    }

    /// A review's rulings, oldest first (the newest counts).
    pub fn rulings_on(&self, review: RecordId) -> Vec<&Ruling> {
        let mut v: Vec<&Ruling> = self
            .rulings
            .values()
            .filter(|r| r.review == review)
            .collect();
        order::sort_by_key(&mut v, |r| (r.audit.created_at, r.id));
        v
    }

    /// A plan's items, by due date.
    pub fn items_of(&self, plan: RecordId) -> Vec<&TrainingItem> {
        let mut v: Vec<&TrainingItem> = self.items.values().filter(|i| i.plan == plan).collect();
        order::sort_by_key(&mut v, |i| (i.due, i.id));
        v
    }
}
