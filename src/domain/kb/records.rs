//! The records of the knowledge base of standard answers (R-KB-01, R-KB-02):
//! the answer, each wording it had, each use on a contact, and each question
//! that found no answer. Data only; the rules are in the modules beside this.
//!
//! Every field is last-writer-wins, so what several people add is a record
//! of its own: a new wording is a new `answer_version` (two devices editing
//! offline keep both; the newest is current), a use is an `answer_use` (two
//! devices using an answer offline count twice). The answer itself holds
//! only what one value may settle: its status, category, keywords and who
//! agreed it.

use crate::domain::base::lang::Lang;
use crate::domain::base::order;
use crate::domain::base::record::{code_enum, Audit};
use crate::domain::contact::records::Category;
use crate::sync::RecordId;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};

code_enum!(AnswerStatus { Draft => "draft", InUse => "in_use", Outdated => "outdated" });

/// A standard answer. Its wording (question and answer text) lives in its
/// versions; the newest is current.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Answer {
    #[serde(skip)]
    pub id: RecordId,
    /// The contact category it answers: searched first for such contacts.
    pub category: Category,
    pub lang: Lang,
    /// Words it is found by besides its own, as typed.
    pub keywords: Vec<String>,
    pub status: AnswerStatus,
    /// R-KB-01: who agreed it, when, and the meeting that decided it.
    pub agreed_by: Option<RecordId>,
    #[serde(deserialize_with = "crate::domain::base::when::utc_opt")]
    pub agreed_at: Option<DateTime<Utc>>,
    pub meeting: Option<RecordId>,
    /// R-KB-02: who marked it outdated and when, and what replaces it.
    pub outdated_by: Option<RecordId>,
    #[serde(deserialize_with = "crate::domain::base::when::utc_opt")]
    pub outdated_at: Option<DateTime<Utc>>,
    pub replaced_by: Option<RecordId>,
    /// The question without an answer (`answer_gap`) it was drafted from.
    pub gap: Option<RecordId>,
    /// Made by "load demo data", so "clear demo data" can find it.
    pub demo: bool,
    #[serde(flatten)]
    pub audit: Audit,
}

/// One wording of an answer, never changed once written: a contact that
/// used it shows it as it was then. Each names the wording it was edited
/// from, so the order of the wordings follows the edits, not the clocks of
/// the devices that wrote them (two made at the same millisecond, or on a
/// device whose clock is behind, still come in the order they were made).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct AnswerVersion {
    #[serde(skip)]
    pub id: RecordId,
    pub answer: RecordId,
    /// The wording this one replaced (None: the first).
    pub previous: Option<RecordId>,
    pub question: String,
    pub text: String,
    /// Made by "load demo data", so "clear demo data" can find it.
    pub demo: bool,
    #[serde(flatten)]
    pub audit: Audit,
}

/// One use of an answer, on a contact or not, in the wording of `version`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct AnswerUse {
    #[serde(skip)]
    pub id: RecordId,
    pub answer: RecordId,
    pub version: RecordId,
    pub contact: Option<RecordId>,
    pub by: RecordId,
    #[serde(deserialize_with = "crate::domain::base::when::utc")]
    pub at: DateTime<Utc>,
    /// Made by "load demo data", so "clear demo data" can find it.
    pub demo: bool,
    #[serde(flatten)]
    pub audit: Audit,
}

/// "No standard answer for this": a contact's question for the next weekly
/// meeting. Its id is derived from the contact, so marking the same contact
/// on two devices makes one record.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct AnswerGap {
    #[serde(skip)]
    pub id: RecordId,
    pub contact: RecordId,
    pub question: String,
    pub category: Category,
    pub lang: Lang,
    /// Set aside by a director or inspector: no answer is needed.
    #[serde(deserialize_with = "crate::domain::base::when::utc_opt")]
    pub dismissed_at: Option<DateTime<Utc>>,
    /// Made by "load demo data", so "clear demo data" can find it.
    pub demo: bool,
    #[serde(flatten)]
    pub audit: Audit,
}

/// The knowledge base's records: one field in `Model`.
#[derive(Debug, Clone, Default)]
pub struct Kb {
    pub answers: BTreeMap<RecordId, Answer>,
    pub versions: BTreeMap<RecordId, AnswerVersion>,
    pub uses: BTreeMap<RecordId, AnswerUse>,
    pub gaps: BTreeMap<RecordId, AnswerGap>,
    versions_by_answer: HashMap<RecordId, Vec<RecordId>>,
}

impl Kb {
    /// Keeps the answer → versions index right after version `id` changed
    /// (`old`: what it was before).
    pub(crate) fn version_moved(&mut self, id: RecordId, old: Option<AnswerVersion>) {
        let old = old.map(|v| v.answer);
        let new = self.versions.get(&id).map(|v| v.answer);
        if old == new {
            return;
        }
        if let Some(list) = old.and_then(|o| self.versions_by_answer.get_mut(&o)) {
            list.retain(|v| *v != id);
        }
        if let Some(n) = new {
            self.versions_by_answer.entry(n).or_default().push(id);
        }
    }

    /// How many edits lie behind wording `v`: the length of its chain of
    /// `previous` wordings of the same answer. Bounded by the answer's
    /// wordings, so a chain that loops (hostile data) still ends.
    fn depth(&self, v: &AnswerVersion, limit: usize) -> usize {
        let mut depth = 0;
        let mut at = v;
        while let Some(prev) = at.previous.and_then(|p| self.versions.get(&p)) {
            if prev.answer != v.answer || depth >= limit {
                break;
            }
            depth += 1;
            at = prev;
        }
        depth
    }

    /// An answer's wordings, oldest first: by the edits behind each, then
    /// (for two edits made apart on two devices) by time and id.
    pub fn versions_of(&self, answer: RecordId) -> Vec<&AnswerVersion> {
        let ids = self.versions_by_answer.get(&answer);
        let limit = ids.map_or(0, Vec::len);
        let mut v: Vec<(usize, &AnswerVersion)> = ids
            .map(|ids| {
                ids.iter()
                    .filter_map(|id| self.versions.get(id))
                    .map(|x| (self.depth(x, limit), x))
                    .collect()
            })
            .unwrap_or_default();
        order::sort_by_key(&mut v, |(depth, x)| (*depth, x.audit.created_at, x.id));
        v.into_iter().map(|(_, x)| x).collect()
    }

    /// An answer's current wording: its latest (`versions_of`'s last).
    pub fn current(&self, answer: RecordId) -> Option<&AnswerVersion> {
        self.versions_of(answer).pop()
    }

    /// Version `version`'s number among its answer's wordings (1 = first).
    pub fn version_number(&self, version: RecordId) -> Option<usize> {
        let v = self.versions.get(&version)?;
        let all = self.versions_of(v.answer);
        all.iter()
            .position(|x| x.id == version)
            .map(|i| i.saturating_add(1))
    }
}
