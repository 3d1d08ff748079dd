//! Reviews (R-QA-01): an inspector scores an agent on a date, optionally on
//! a recorded contact, with a comment per criterion and root-cause tags on
//! low scores. The agent acknowledges it or disputes it with a comment; a
//! dispute goes to the department director, who upholds or changes the
//! score (the review's own scores stay beside the ruling's). Who sees which
//! review is here too.

use super::quota::{count_for, month_of, settings};
use super::records::*;
use super::scorecard::{self, standard_card_id, standard_scorecard, valid, MAX_CRITERIA};
use crate::domain::base::dates::Shift;
use crate::domain::base::limits::{check_len, text, Need, MAX_NAME, MAX_TEXT};
use crate::domain::base::order;
use crate::domain::base::record::Audit;
use crate::domain::base::text::fold;
use crate::domain::error::RuleError;
use crate::domain::model::Model;
use crate::domain::staff::{require, Action, Role, Staff};
use crate::sync::RecordId;
use chrono::{DateTime, Duration, NaiveDate, Utc};

/// At most this many root-cause tags on one score.
pub const MAX_CAUSES: usize = 10;
/// Root-cause tags go on scores up to this one.
pub const LOW_SCORE: u8 = 2;
/// A review's date lies at most this many days back.
const MAX_DAYS_BACK: i64 = 366;

/// Who reviews and writes the summaries: the quality inspector, and the
/// directors, who may inspect too.
pub fn inspects(actor: &Staff) -> bool {
    actor.active
        && (actor.role == Role::QualityInspector
            || actor.role.rank() >= Role::DepartmentDirector.rank())
}

/// R-ROL-02 for inspection work. The refusal names the quality inspector's
/// role (the interface's words add "or higher": the directors).
pub fn require_inspector(actor: &Staff) -> Result<(), RuleError> {
    match inspects(actor) {
        true => Ok(()),
        false => Err(RuleError::NotAllowed {
            action: Action::SetStandards,
            needs: Role::QualityInspector,
        }),
    }
}

/// What the review form hands in.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ReviewDraft {
    pub agent: RecordId,
    pub date: NaiveDate,
    pub contact: Option<RecordId>,
    /// The scorecard (its `card`); None: the standard one.
    pub scorecard: Option<RecordId>,
    pub scores: Vec<Score>,
    pub comment: String,
}

/// Root-cause tags trimmed, without empties or repeats (compared folded).
fn causes(list: &[String]) -> Result<Vec<String>, RuleError> {
    let mut seen: Vec<String> = Vec::new();
    let mut out = Vec::new();
    for c in list.iter().take(MAX_CAUSES.saturating_add(1)) {
        let c = c.trim();
        check_len(c, "qa_causes", MAX_NAME)?;
        let f = fold(c);
        if f.is_empty() || seen.contains(&f) {
            continue;
        }
        seen.push(f);
        out.push(c.to_string());
    }
    if list.len() > MAX_CAUSES || out.len() > MAX_CAUSES {
        return Err(RuleError::OutOfRange { field: "qa_causes" });
    }
    Ok(out)
}

/// Scores checked against `version`: each names one of its criteria, once;
/// a score is 1..=5 or none (not applicable); comments up to 2,000
/// characters; tags and an answer to train on only on a score of 1 or 2. Stored in the version's
/// order; a criterion left out is not applicable.
pub fn check_scores(version: &Scorecard, scores: &[Score]) -> Result<Vec<Score>, RuleError> {
    if scores.len() > MAX_CRITERIA.max(version.criteria.len()) {
        return Err(RuleError::OutOfRange { field: "qa_scores" });
    }
    for (i, s) in scores.iter().enumerate() {
        let known = version.criteria.iter().any(|c| c.key == s.criterion);
        let twice = scores.iter().take(i).any(|o| o.criterion == s.criterion);
        if !known || twice {
            return Err(RuleError::OutOfRange { field: "qa_scores" });
        }
        if s.score.is_some() && valid(s.score).is_none() {
            return Err(RuleError::OutOfRange { field: "qa_score" });
        }
    }
    let mut out = Vec::new();
    for c in &version.criteria {
        let Some(s) = scores.iter().find(|s| s.criterion == c.key) else {
            continue;
        };
        let comment = text(&s.comment, "qa_comment", MAX_TEXT, Need::Optional)?;
        let causes = causes(&s.causes)?;
        let low = s.score.is_some_and(|n| n <= LOW_SCORE);
        if !causes.is_empty() && !low {
            return Err(RuleError::OutOfRange { field: "qa_causes" });
        }
        if s.train_on.is_some() && !low {
            return Err(RuleError::OutOfRange {
                field: "qa_train_on",
            });
        }
        out.push(Score {
            criterion: c.key.clone(),
            score: s.score,
            comment,
            causes,
            train_on: s.train_on,
        });
    }
    Ok(out)
}

/// Each answer to train on is one of the knowledge base's answers (a
/// synced review may still name one this device has not received yet:
/// its link then simply does not show).
fn answers_exist(model: &Model, scores: &[Score]) -> Result<(), RuleError> {
    match scores
        .iter()
        .filter_map(|s| s.train_on)
        .all(|a| model.kb.answers.contains_key(&a))
    {
        true => Ok(()),
        false => Err(RuleError::NotFound { what: "answer" }),
    }
}

/// R-QA-01, R-QA-02: a new review `id`. The standard scorecard's first
/// version comes back too when no version of it exists yet (write it with
/// the review). A review beyond the month's maximum for the agent is
/// refused (R-QA-02).
pub fn record_review(
    model: &Model,
    actor: &Staff,
    draft: ReviewDraft,
    id: RecordId,
    now: DateTime<Utc>,
) -> Result<(Review, Option<Scorecard>), RuleError> {
    require_inspector(actor)?;
    let agent = model
        .staff
        .get(&draft.agent)
        .ok_or(RuleError::NotFound { what: "staff" })?;
    if !agent.active {
        return Err(RuleError::InactiveStaff);
    }
    if agent.id == actor.id {
        return Err(RuleError::OutOfRange { field: "qa_agent" });
    }
    let today = model.zone().local_date(now);
    if draft.date > today || draft.date < today.minus(Duration::days(MAX_DAYS_BACK)) {
        return Err(RuleError::InvalidDate { field: "qa_date" });
    }
    if let Some(c) = draft.contact {
        let contact = model
            .contacts
            .get(&c)
            .ok_or(RuleError::NotFound { what: "contact" })?;
        if contact.owner != agent.id {
            return Err(RuleError::OutOfRange {
                field: "qa_contact",
            });
        }
    }
    let card = draft.scorecard.unwrap_or_else(standard_card_id);
    let (version, new_card) = match model.qa.current(card) {
        Some(v) => (v.clone(), None),
        None if card == standard_card_id() => {
            let s = standard_scorecard(actor.id, now);
            (s.clone(), Some(s))
        }
        None => {
            return Err(RuleError::NotFound {
                what: "qa_scorecard",
            })
        }
    };
    let scores = check_scores(&version, &draft.scores)?;
    answers_exist(model, &scores)?;
    let comment = text(&draft.comment, "qa_comment", MAX_TEXT, Need::Optional)?;
    let (first, last) = month_of(draft.date);
    let max = settings(model).max_per_month as usize;
    if count_for(model, agent.id, first, last, id) >= max {
        return Err(RuleError::OutOfRange {
            field: "qa_reviews_month",
        });
    }
    let review = Review {
        id,
        agent: agent.id,
        inspector: actor.id,
        date: draft.date,
        contact: draft.contact,
        scorecard: version.id,
        scores,
        comment,
        audit: Audit::new(actor.id, now),
    };
    Ok((review, new_card))
}

/// The inspector who wrote it (or a director) corrects its scores and
/// comment, on the version it was scored with, until a director ruled.
pub fn edit_review(
    model: &Model,
    actor: &Staff,
    review: &Review,
    scores: &[Score],
    comment: &str,
    now: DateTime<Utc>,
) -> Result<Review, RuleError> {
    require_inspector(actor)?;
    let director = actor.role.rank() >= Role::DepartmentDirector.rank();
    if actor.id != review.inspector && !director {
        return Err(RuleError::OutOfRange {
            field: "qa_inspector",
        });
    }
    if !model.qa.rulings_on(review.id).is_empty() {
        return Err(RuleError::AlreadyDecided);
    }
    let version = model
        .qa
        .scorecards
        .get(&review.scorecard)
        .ok_or(RuleError::NotFound {
            what: "qa_scorecard",
        })?;
    let mut next = review.clone();
    next.scores = check_scores(version, scores)?;
    answers_exist(model, &next.scores)?;
    next.comment = text(comment, "qa_comment", MAX_TEXT, Need::Optional)?;
    if next != *review {
        next.audit.touch(actor.id, now);
    }
    Ok(next)
}

/// Where a review stands with its agent and the director.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ReviewStatus {
    /// The agent has not answered yet.
    Pending,
    Acknowledged,
    /// Disputed, waiting for the department director. A dispute made on
    /// one device counts even if an acknowledgement came from another.
    Disputed,
    Upheld,
    Changed,
}

/// A review's newest ruling, if any.
pub fn ruling(model: &Model, review: RecordId) -> Option<&Ruling> {
    model.qa.rulings_on(review).last().copied()
}

pub fn status(model: &Model, review: &Review) -> ReviewStatus {
    if let Some(r) = ruling(model, review.id) {
        return match r.outcome {
            RulingOutcome::Uphold => ReviewStatus::Upheld,
            RulingOutcome::Change => ReviewStatus::Changed,
        };
    }
    let replies = model.qa.replies_to(review.id);
    let by_agent = || replies.iter().filter(|r| r.by == review.agent);
    if by_agent().any(|r| r.kind == ReplyKind::Dispute) {
        ReviewStatus::Disputed
    } else if by_agent().any(|r| r.kind == ReplyKind::Acknowledge) {
        ReviewStatus::Acknowledged
    } else {
        ReviewStatus::Pending
    }
}

/// The scores that count: a change's, else the review's own.
pub fn effective_scores<'a>(model: &'a Model, review: &'a Review) -> &'a [Score] {
    match ruling(model, review.id) {
        Some(r) if r.outcome == RulingOutcome::Change => &r.scores,
        _ => &review.scores,
    }
}

/// R-QA-01: a review's total (tenths of a percent) on the version it was
/// scored with, after a ruling. None: nothing applicable scored, or the
/// version has not arrived on this device yet.
pub fn review_total(model: &Model, review: &Review) -> Option<u32> {
    let version = model.qa.scorecards.get(&review.scorecard)?;
    scorecard::total(version, effective_scores(model, review))
}

/// The agent acknowledges review `review`, or disputes it with a comment
/// (required). One answer per review; only its agent answers.
pub fn reply(
    model: &Model,
    actor: &Staff,
    review: &Review,
    kind: ReplyKind,
    comment: &str,
    id: RecordId,
    now: DateTime<Utc>,
) -> Result<Reply, RuleError> {
    if !actor.active {
        return Err(RuleError::InactiveStaff);
    }
    if actor.id != review.agent {
        return Err(RuleError::OutOfRange { field: "qa_reply" });
    }
    if status(model, review) != ReviewStatus::Pending {
        return Err(RuleError::AlreadyDecided);
    }
    let need = match kind {
        ReplyKind::Dispute => Need::Required,
        ReplyKind::Acknowledge => Need::Optional,
    };
    let comment = text(comment, "qa_dispute", MAX_TEXT, need)?;
    Ok(Reply {
        id,
        review: review.id,
        by: actor.id,
        kind,
        comment,
        audit: Audit::new(actor.id, now),
    })
}

/// A department director settles a disputed review: upholds it, or changes
/// its scores (checked like the inspector's, on the same version). Nobody
/// rules on a review they wrote.
#[allow(clippy::too_many_arguments)]
pub fn rule_dispute(
    model: &Model,
    actor: &Staff,
    review: &Review,
    outcome: RulingOutcome,
    scores: &[Score],
    comment: &str,
    id: RecordId,
    now: DateTime<Utc>,
) -> Result<Ruling, RuleError> {
    require(actor, Action::SetStandards)?;
    if actor.id == review.inspector {
        return Err(RuleError::OwnRequest);
    }
    match status(model, review) {
        ReviewStatus::Disputed => {}
        ReviewStatus::Upheld | ReviewStatus::Changed => return Err(RuleError::AlreadyDecided),
        _ => return Err(RuleError::OutOfRange { field: "qa_ruling" }),
    }
    let scores = match outcome {
        RulingOutcome::Uphold => Vec::new(),
        RulingOutcome::Change => {
            let version =
                model
                    .qa
                    .scorecards
                    .get(&review.scorecard)
                    .ok_or(RuleError::NotFound {
                        what: "qa_scorecard",
                    })?;
            check_scores(version, scores)?
        }
    };
    let comment = text(comment, "qa_comment", MAX_TEXT, Need::Optional)?;
    Ok(Ruling {
        id,
        review: review.id,
        by: actor.id,
        outcome,
        scores,
        comment,
        audit: Audit::new(actor.id, now),
    })
}

/// Whether `viewer` may see review `review`: its agent; inspectors and
/// directors, every review; a team leader, the reviews of their team.
pub fn may_see(model: &Model, viewer: &Staff, review: &Review) -> bool {
    if !viewer.active {
        return false;
    }
    if viewer.id == review.agent || inspects(viewer) {
        return true;
    }
    viewer.role == Role::TeamLeader
        && model
            .staff
            .get(&review.agent)
            .is_some_and(|a| fold(&a.team) == fold(&viewer.team))
}

/// The reviews `viewer` may see, newest date first.
pub fn visible_reviews(model: &Model, viewer: &Staff) -> Vec<RecordId> {
    let mut v: Vec<&Review> = model
        .qa
        .reviews
        .values()
        .filter(|r| may_see(model, viewer, r))
        .collect();
    order::sort_by_key(&mut v, |r| std::cmp::Reverse((r.date, r.id)));
    v.into_iter().map(|r| r.id).collect()
}

/// The reviews waiting for `agent`'s answer, oldest first.
pub fn to_answer(model: &Model, agent: RecordId) -> Vec<RecordId> {
    let mut v: Vec<&Review> = model
        .qa
        .reviews
        .values()
        .filter(|r| r.agent == agent && status(model, r) == ReviewStatus::Pending)
        .collect();
    order::sort_by_key(&mut v, |r| (r.date, r.id));
    v.into_iter().map(|r| r.id).collect()
}

/// The disputes waiting for a ruling, oldest first: for department
/// directors and above (none for anyone else).
pub fn open_disputes(model: &Model, viewer: &Staff) -> Vec<RecordId> {
    if require(viewer, Action::SetStandards).is_err() {
        return Vec::new();
    }
    let mut v: Vec<&Review> = model
        .qa
        .reviews
        .values()
        .filter(|r| status(model, r) == ReviewStatus::Disputed)
        .filter(|r| r.inspector != viewer.id)
        .collect();
    order::sort_by_key(&mut v, |r| (r.date, r.id));
    v.into_iter().map(|r| r.id).collect()
}

/// The reviews dated `from..=to`, by date.
pub(crate) fn reviews_between(model: &Model, from: NaiveDate, to: NaiveDate) -> Vec<&Review> {
    let mut v: Vec<&Review> = model
        .qa
        .reviews
        .values()
        .filter(|r| (from..=to).contains(&r.date))
        .collect();
    order::sort_by_key(&mut v, |r| (r.date, r.id));
    v
}
