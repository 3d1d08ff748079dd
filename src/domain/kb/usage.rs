//! What the answers are used for (R-KB-01) and what they are missing: each
//! use on a contact in the wording of the moment, how often and when last
//! each answer was used, answers nobody has used for 90 days (for review),
//! and the questions without an answer that make the next weekly meeting's
//! agenda.

use super::answer::require_keeper;
use super::records::*;
use crate::domain::base::limits::{text, Need, MAX_TEXT};
use crate::domain::base::order;
use crate::domain::base::record::{Audit, Record};
use crate::domain::base::zone::derived_id;
use crate::domain::dept::records::MeetingKind;
use crate::domain::error::RuleError;
use crate::domain::model::Model;
use crate::domain::staff::Staff;
use crate::sync::RecordId;
use chrono::{DateTime, Duration, Utc};
use std::collections::BTreeMap;

/// R-KB-02: an answer in use that nobody used for this many days is listed
/// for review.
pub const REVIEW_AFTER_DAYS: i64 = 90;

/// R-KB-01: answer `answer` used by the actor (on `contact`, if given), in
/// its current wording. Only an answer in use can be used.
pub fn use_answer(
    model: &Model,
    actor: &Staff,
    answer: RecordId,
    contact: Option<RecordId>,
    id: RecordId,
    now: DateTime<Utc>,
) -> Result<AnswerUse, RuleError> {
    if !actor.active {
        return Err(RuleError::InactiveStaff);
    }
    let a = model
        .kb
        .answers
        .get(&answer)
        .filter(|a| a.status == AnswerStatus::InUse)
        .ok_or(RuleError::NotFound { what: "record" })?;
    let v = model
        .kb
        .current(a.id)
        .ok_or(RuleError::NotFound { what: "record" })?;
    if let Some(c) = contact {
        if !model.contacts.contains_key(&c) {
            return Err(RuleError::NotFound { what: "contact" });
        }
    }
    Ok(AnswerUse {
        id,
        answer: a.id,
        version: v.id,
        contact,
        by: actor.id,
        at: now,
        demo: false,
        audit: Audit::new(actor.id, now),
    })
}

/// How often an answer was used, and when last.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Usage {
    pub count: usize,
    pub last: Option<DateTime<Utc>>,
}

/// Every used answer's usage, in one pass over the uses.
pub fn usage(model: &Model) -> BTreeMap<RecordId, Usage> {
    let mut out: BTreeMap<RecordId, Usage> = BTreeMap::new();
    for u in model.kb.uses.values() {
        let e = out.entry(u.answer).or_default();
        e.count = e.count.saturating_add(1);
        e.last = e.last.max(Some(u.at));
    }
    out
}

pub fn usage_of(model: &Model, answer: RecordId) -> Usage {
    usage(model).get(&answer).copied().unwrap_or_default()
}

/// An answer as it was used on a contact: the wording of that moment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UsedAnswer {
    pub use_id: RecordId,
    pub answer: RecordId,
    /// 1 for the first wording; None when the version has not arrived.
    pub version_number: Option<usize>,
    pub question: String,
    pub text: String,
    pub by: RecordId,
    pub at: DateTime<Utc>,
    pub status: AnswerStatus,
}

/// The answers used on contact `contact`, oldest first, each in the
/// wording it had when used (even if reworded or outdated since).
pub fn used_on_contact(model: &Model, contact: RecordId) -> Vec<UsedAnswer> {
    let mut v: Vec<UsedAnswer> = model
        .kb
        .uses
        .values()
        .filter(|u| u.contact == Some(contact))
        .map(|u| {
            let wording = model
                .kb
                .versions
                .get(&u.version)
                .filter(|v| v.answer == u.answer);
            UsedAnswer {
                use_id: u.id,
                answer: u.answer,
                version_number: wording.and_then(|w| model.kb.version_number(w.id)),
                question: wording.map(|w| w.question.clone()).unwrap_or_default(),
                text: wording.map(|w| w.text.clone()).unwrap_or_default(),
                by: u.by,
                at: u.at,
                status: model
                    .kb
                    .answers
                    .get(&u.answer)
                    .map(|a| a.status)
                    .unwrap_or_default(),
            }
        })
        .collect();
    order::sort_by_key(&mut v, |x| (x.at, x.use_id));
    v
}

/// R-KB-02: answers in use not used in the last `REVIEW_AFTER_DAYS` days
/// before `now`, longest unused first. An answer never used counts from
/// when it was agreed (or, lacking that, created).
pub fn unused_for_review(model: &Model, now: DateTime<Utc>) -> Vec<RecordId> {
    let counts = usage(model);
    let cutoff = now
        .checked_sub_signed(Duration::days(REVIEW_AFTER_DAYS))
        .unwrap_or(now);
    let mut v: Vec<(DateTime<Utc>, RecordId)> = model
        .kb
        .answers
        .values()
        .filter(|a| a.status == AnswerStatus::InUse)
        .filter_map(|a| {
            let since = counts
                .get(&a.id)
                .and_then(|u| u.last)
                .or(a.agreed_at)
                .unwrap_or(a.audit.created_at);
            (since < cutoff).then_some((since, a.id))
        })
        .collect();
    order::sort(&mut v);
    v.into_iter().map(|(_, id)| id).collect()
}

// ---- questions without an answer ----

/// The one gap record of a contact.
pub fn gap_id(contact: RecordId) -> RecordId {
    derived_id(AnswerGap::KIND, &[contact], "")
}

/// "No standard answer for this" on contact `contact`: its question (the
/// contact's summary when left empty), its category and language, for the
/// next weekly meeting. Marking it again, or on another device, edits the
/// same record; a dismissed one comes back.
pub fn mark_no_answer(
    model: &Model,
    actor: &Staff,
    contact: RecordId,
    question: &str,
    lang: crate::domain::base::lang::Lang,
    now: DateTime<Utc>,
) -> Result<AnswerGap, RuleError> {
    if !actor.active {
        return Err(RuleError::InactiveStaff);
    }
    let c = model
        .contacts
        .get(&contact)
        .ok_or(RuleError::NotFound { what: "contact" })?;
    let typed = match question.trim().is_empty() {
        true => c.summary.as_str(),
        false => question,
    };
    let question = text(typed, "answer_question", MAX_TEXT, Need::Required)?;
    let id = gap_id(contact);
    let mut g = model
        .kb
        .gaps
        .get(&id)
        .cloned()
        .unwrap_or_else(|| AnswerGap {
            id,
            contact,
            audit: Audit::new(actor.id, now),
            ..AnswerGap::default()
        });
    let before = g.clone();
    g.question = question;
    g.category = c.category;
    g.lang = lang;
    g.dismissed_at = None;
    if g != before {
        g.audit.touch(actor.id, now);
    }
    Ok(g)
}

/// A keeper sets a question aside: no standard answer is needed for it.
pub fn dismiss_gap(
    _model: &Model,
    actor: &Staff,
    gap: &AnswerGap,
    now: DateTime<Utc>,
) -> Result<AnswerGap, RuleError> {
    require_keeper(actor)?;
    let mut g = gap.clone();
    if g.dismissed_at.is_none() {
        g.dismissed_at = Some(now);
        g.audit.touch(actor.id, now);
    }
    Ok(g)
}

/// The answer in use drafted from gap `gap`, if one was agreed.
pub fn gap_answer(model: &Model, gap: RecordId) -> Option<RecordId> {
    model
        .kb
        .answers
        .values()
        .filter(|a| a.gap == Some(gap) && a.status == AnswerStatus::InUse)
        .min_by_key(|a| (a.agreed_at, a.id))
        .map(|a| a.id)
}

/// The next weekly meeting and the questions it has to answer.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Agenda {
    /// The first weekly meeting not yet held that starts at or after `now`;
    /// None when none is scheduled.
    pub meeting: Option<RecordId>,
    /// Questions without an answer (not dismissed, no answer in use drafted
    /// from them) marked before that meeting starts, oldest first.
    pub gaps: Vec<RecordId>,
}

/// The agenda of the next weekly meeting. `team`: the meeting's team (an
/// empty one, the department's, counts for every team).
pub fn next_agenda(model: &Model, team: &str, now: DateTime<Utc>) -> Agenda {
    let t = crate::domain::base::text::fold(team);
    let meeting = model
        .dept
        .meetings
        .values()
        .filter(|m| m.kind == MeetingKind::Weekly && !m.held && m.scheduled_at >= now)
        .filter(|m| m.team.is_empty() || crate::domain::base::text::fold(&m.team) == t)
        .min_by_key(|m| (m.scheduled_at, m.id));
    let before = meeting.map(|m| m.scheduled_at);
    let answered: std::collections::BTreeSet<RecordId> = model
        .kb
        .answers
        .values()
        .filter(|a| a.status == AnswerStatus::InUse)
        .filter_map(|a| a.gap)
        .collect();
    let mut gaps: Vec<&AnswerGap> = model
        .kb
        .gaps
        .values()
        .filter(|g| g.dismissed_at.is_none() && !answered.contains(&g.id))
        .filter(|g| before.is_none_or(|b| g.audit.created_at < b))
        .collect();
    order::sort_by_key(&mut gaps, |g| (g.audit.created_at, g.id));
    Agenda {
        meeting: meeting.map(|m| m.id),
        gaps: gaps.into_iter().map(|g| g.id).collect(),
    }
}
