//! An answer's life (R-KB-01, R-KB-02): drafted by anyone (often from a
//! question without an answer), agreed at a meeting by a director or a
//! quality inspector, which puts it in use for everyone from that moment;
//! reworded as a new version (the old ones stay); marked outdated, hidden
//! from agents but kept, and restored.

use super::records::*;
use crate::domain::base::lang::Lang;
use crate::domain::base::limits::{
    check_len, text, Need, MAX_ITEMS, MAX_LONG_TEXT, MAX_NAME, MAX_TEXT,
};
use crate::domain::base::order;
use crate::domain::base::record::Audit;
use crate::domain::base::text::fold;
use crate::domain::contact::records::Category;
use crate::domain::dept::records::MeetingDecision;
use crate::domain::error::RuleError;
use crate::domain::model::Model;
use crate::domain::staff::{Action, Role, Staff};
use crate::sync::RecordId;
use chrono::{DateTime, Utc};

/// At most this many keywords on one answer: each is searched on every
/// keystroke.
pub const MAX_KEYWORDS: usize = 30;

/// How many `replaced_by` hops `replacement` follows before giving up: two
/// devices can each point an answer at the other.
const MAX_HOPS: usize = 16;

/// Who keeps the knowledge base: agrees answers, marks them outdated and
/// restores them. Directors, and the quality inspector, who listens to
/// the calls the answers are for.
pub fn keeps_answers(actor: &Staff) -> bool {
    actor.active
        && matches!(
            actor.role,
            Role::QualityInspector | Role::DepartmentDirector | Role::CenterDirector
        )
}

/// R-ROL-02 for the knowledge base. The refusal names the director's role
/// (the inspector is the one exception below it) and the standards action:
/// an agreed answer is a service standard for what is said.
pub fn require_keeper(actor: &Staff) -> Result<(), RuleError> {
    match keeps_answers(actor) {
        true => Ok(()),
        false => Err(RuleError::NotAllowed {
            action: Action::SetStandards,
            needs: Role::DepartmentDirector,
        }),
    }
}

/// What the answer form hands in.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct AnswerDraft {
    pub question: String,
    pub text: String,
    pub category: Category,
    pub lang: Lang,
    pub keywords: Vec<String>,
    /// The question without an answer it answers, if any.
    pub gap: Option<RecordId>,
}

/// The ids a new answer needs: the answer and its first version.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct AnswerIds {
    pub answer: RecordId,
    pub version: RecordId,
}

/// Keywords trimmed, without empties or repeats (compared folded), checked.
fn keywords(list: &[String]) -> Result<Vec<String>, RuleError> {
    if list.len() > MAX_ITEMS {
        return Err(RuleError::OutOfRange { field: "keywords" });
    }
    let mut seen: Vec<String> = Vec::new();
    let mut out = Vec::new();
    for k in list {
        let k = k.trim();
        check_len(k, "keywords", MAX_NAME)?;
        let f = fold(k);
        if f.is_empty() || seen.contains(&f) {
            continue;
        }
        seen.push(f);
        out.push(k.to_string());
    }
    if out.len() > MAX_KEYWORDS {
        return Err(RuleError::OutOfRange { field: "keywords" });
    }
    Ok(out)
}

/// The question and answer text, checked as they are stored.
fn wording(draft: &AnswerDraft) -> Result<(String, String), RuleError> {
    let q = text(&draft.question, "answer_question", MAX_TEXT, Need::Required)?;
    let t = text(&draft.text, "answer_text", MAX_LONG_TEXT, Need::Required)?;
    Ok((q, t))
}

fn version(
    answer: RecordId,
    previous: Option<RecordId>,
    (question, text): (String, String),
    id: RecordId,
    actor: &Staff,
    now: DateTime<Utc>,
) -> AnswerVersion {
    AnswerVersion {
        id,
        answer,
        previous,
        question,
        text,
        demo: false,
        audit: Audit::new(actor.id, now),
    }
}

/// A new draft and its first wording. Anyone may draft; nobody sees it in
/// search until it is agreed.
pub fn draft_answer(
    model: &Model,
    actor: &Staff,
    draft: AnswerDraft,
    ids: AnswerIds,
    now: DateTime<Utc>,
) -> Result<(Answer, AnswerVersion), RuleError> {
    if !actor.active {
        return Err(RuleError::InactiveStaff);
    }
    let (question, text) = wording(&draft)?;
    let keywords = keywords(&draft.keywords)?;
    if let Some(g) = draft.gap {
        if !model.kb.gaps.contains_key(&g) {
            return Err(RuleError::NotFound { what: "record" });
        }
    }
    let answer = Answer {
        id: ids.answer,
        category: draft.category,
        lang: draft.lang,
        keywords,
        status: AnswerStatus::Draft,
        gap: draft.gap,
        audit: Audit::new(actor.id, now),
        ..Answer::default()
    };
    let v = version(ids.answer, None, (question, text), ids.version, actor, now);
    Ok((answer, v))
}

/// Edits an answer. Its category, language and keywords change in place;
/// a new wording is a new version `version_id` (none when the wording is
/// unchanged), so the earlier ones stay readable. A draft may be edited by
/// its author or a keeper; an agreed or outdated answer only by a keeper,
/// and it stays as it was agreed (in use, or outdated).
pub fn edit_answer(
    model: &Model,
    actor: &Staff,
    answer: &Answer,
    draft: AnswerDraft,
    version_id: RecordId,
    now: DateTime<Utc>,
) -> Result<(Answer, Option<AnswerVersion>), RuleError> {
    let own_draft = answer.status == AnswerStatus::Draft && answer.audit.created_by == actor.id;
    if !(own_draft && actor.active) {
        require_keeper(actor)?;
    }
    let (question, text) = wording(&draft)?;
    let mut next = answer.clone();
    next.category = draft.category;
    next.lang = draft.lang;
    next.keywords = keywords(&draft.keywords)?;
    let current = model.kb.current(answer.id);
    let same = current.is_some_and(|c| c.question == question && c.text == text);
    let previous = current.map(|c| c.id);
    let v = (!same).then(|| {
        version(
            answer.id,
            previous,
            (question, text),
            version_id,
            actor,
            now,
        )
    });
    if next != *answer || v.is_some() {
        next.audit.touch(actor.id, now);
    }
    Ok((next, v))
}

/// R-KB-01: agreed at meeting `meeting` (held today or before, in the
/// organisation's calendar): in use for everyone from `now`. Agreeing an
/// outdated answer puts it back in use.
pub fn agree_answer(
    model: &Model,
    actor: &Staff,
    answer: &Answer,
    meeting: RecordId,
    now: DateTime<Utc>,
) -> Result<Answer, RuleError> {
    require_keeper(actor)?;
    let m = model
        .dept
        .meetings
        .get(&meeting)
        .ok_or(RuleError::NotFound { what: "meeting" })?;
    let zone = model.zone();
    if zone.local_date(m.scheduled_at) > zone.local_date(now) {
        return Err(RuleError::InvalidDate {
            field: "agreed_meeting",
        });
    }
    if model.kb.current(answer.id).is_none() {
        return Err(RuleError::Required {
            field: "answer_text",
        });
    }
    let mut next = answer.clone();
    next.status = AnswerStatus::InUse;
    next.agreed_by = Some(actor.id);
    next.agreed_at = Some(now);
    next.meeting = Some(meeting);
    next.outdated_by = None;
    next.outdated_at = None;
    next.replaced_by = None;
    next.audit.touch(actor.id, now);
    Ok(next)
}

/// R-KB-02: outdated, hidden from agents but kept, optionally replaced by
/// `replaced_by` (an answer in use, not itself). Marking it again only
/// changes the replacement.
pub fn mark_outdated(
    model: &Model,
    actor: &Staff,
    answer: &Answer,
    replaced_by: Option<RecordId>,
    now: DateTime<Utc>,
) -> Result<Answer, RuleError> {
    require_keeper(actor)?;
    if let Some(r) = replaced_by {
        let usable = model
            .kb
            .answers
            .get(&r)
            .is_some_and(|x| x.status == AnswerStatus::InUse);
        if r == answer.id || !usable {
            return Err(RuleError::OutOfRange {
                field: "replaced_by",
            });
        }
    }
    let mut next = answer.clone();
    if next.status != AnswerStatus::Outdated {
        next.status = AnswerStatus::Outdated;
        next.outdated_by = Some(actor.id);
        next.outdated_at = Some(now);
    }
    next.replaced_by = replaced_by;
    if next != *answer {
        next.audit.touch(actor.id, now);
    }
    Ok(next)
}

/// R-KB-02: an outdated answer back in use (or back to a draft, if it was
/// never agreed). Anything else is left as it is.
pub fn restore_answer(
    _model: &Model,
    actor: &Staff,
    answer: &Answer,
    now: DateTime<Utc>,
) -> Result<Answer, RuleError> {
    require_keeper(actor)?;
    let mut next = answer.clone();
    if next.status != AnswerStatus::Outdated {
        return Ok(next);
    }
    next.status = match next.agreed_at {
        Some(_) => AnswerStatus::InUse,
        None => AnswerStatus::Draft,
    };
    next.outdated_by = None;
    next.outdated_at = None;
    next.replaced_by = None;
    next.audit.touch(actor.id, now);
    Ok(next)
}

/// What an outdated answer sends the agent to: the first answer in use
/// along its `replaced_by` pointers. None without one, or round a loop.
pub fn replacement(model: &Model, answer: RecordId) -> Option<RecordId> {
    let mut at = model.kb.answers.get(&answer)?.replaced_by?;
    for _ in 0..MAX_HOPS {
        let a = model.kb.answers.get(&at)?;
        if a.status == AnswerStatus::InUse && at != answer {
            return Some(at);
        }
        at = a.replaced_by?;
    }
    None
}

/// Answers of one status, newest change first. Agents may list answers in
/// use and their own drafts; every draft and every outdated answer is for
/// keepers (R-KB-02).
pub fn answers_with_status(
    model: &Model,
    viewer: &Staff,
    status: AnswerStatus,
) -> Result<Vec<RecordId>, RuleError> {
    let keeper = keeps_answers(viewer);
    if status == AnswerStatus::Outdated && !keeper {
        require_keeper(viewer)?;
    }
    let mut v: Vec<&Answer> = model
        .kb
        .answers
        .values()
        .filter(|a| a.status == status)
        .filter(|a| keeper || status != AnswerStatus::Draft || a.audit.created_by == viewer.id)
        .collect();
    order::sort_by_key(&mut v, |a| std::cmp::Reverse((a.audit.changed_at, a.id)));
    Ok(v.into_iter().map(|a| a.id).collect())
}

/// The answers agreed at meeting `meeting`, for its minutes.
pub fn agreed_at_meeting(model: &Model, meeting: RecordId) -> Vec<RecordId> {
    let mut v: Vec<&Answer> = model
        .kb
        .answers
        .values()
        .filter(|a| a.meeting == Some(meeting))
        .collect();
    order::sort_by_key(&mut v, |a| (a.agreed_at, a.id));
    v.into_iter().map(|a| a.id).collect()
}

/// R-KB-01: meeting decision `decision` records the agreement of answer
/// `answer` (None: it no longer does). For keepers, like agreeing.
pub fn point_decision(
    model: &Model,
    actor: &Staff,
    decision: &MeetingDecision,
    answer: Option<RecordId>,
    now: DateTime<Utc>,
) -> Result<MeetingDecision, RuleError> {
    require_keeper(actor)?;
    if let Some(a) = answer {
        if !model.kb.answers.contains_key(&a) {
            return Err(RuleError::NotFound { what: "record" });
        }
    }
    let mut next = decision.clone();
    if next.answer != answer {
        next.answer = answer;
        next.audit.touch(actor.id, now);
    }
    Ok(next)
}

/// The meeting decisions that point to answer `answer`, oldest first.
pub fn decisions_about(model: &Model, answer: RecordId) -> Vec<RecordId> {
    let mut v: Vec<&MeetingDecision> = model
        .dept
        .decisions
        .values()
        .filter(|d| d.answer == Some(answer))
        .collect();
    order::sort_by_key(&mut v, |d| (d.audit.created_at, d.id));
    v.into_iter().map(|d| d.id).collect()
}
