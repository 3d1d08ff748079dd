//! Scorecards and totals (R-QA-01). A scorecard is a list of weighted
//! criteria (the seeds' five by default), each scored 1–5 or not
//! applicable. A department director edits it; each edit is a new version,
//! and a review keeps the version it was scored with, so its total never
//! changes. Totals are whole tenths of a percent (0..=1000), in integers.

use super::records::*;
use crate::domain::base::limits::{text, Need, MAX_NAME};
use crate::domain::base::order;
use crate::domain::base::record::{Audit, Record};
use crate::domain::base::text::fold;
use crate::domain::base::zone::derived_id;
use crate::domain::error::RuleError;
use crate::domain::model::Model;
use crate::domain::staff::{require, Action, Staff};
use crate::sync::RecordId;
use chrono::{DateTime, Utc};

/// At most this many criteria on one scorecard.
pub const MAX_CRITERIA: usize = 12;
/// A criterion's weight is 1..=MAX_WEIGHT.
pub const MAX_WEIGHT: u32 = 100;
/// Scores run 1..=MAX_SCORE; 1 is 0 % and 5 is 100 %.
pub const MAX_SCORE: u8 = 5;
/// A critical criterion scored below this sets the review to 0.
pub const CRITICAL_BELOW: u8 = 3;
/// A total out of 100, in tenths of a percent.
pub const FULL_TENTHS: u32 = 1000;

/// The seeds' five criteria ("términos de servicio, actitud de servicio,
/// tono de voz, capacidad para resumir las necesidades del cliente,
/// capacidad para responder"), by key.
pub const STANDARD_CRITERIA: [&str; 5] = ["wording", "attitude", "tone", "summary", "answering"];

/// The standard scorecard's id (its first version's): a review made before
/// any scorecard exists uses it, and two devices doing so write one record.
pub fn standard_card_id() -> RecordId {
    derived_id(Scorecard::KIND, &[], "standard")
}

/// The five standard criteria, equal weights, none critical.
pub fn standard_criteria() -> Vec<Criterion> {
    STANDARD_CRITERIA
        .iter()
        .map(|k| Criterion {
            key: k.to_string(),
            name: String::new(),
            weight: 20,
            critical: false,
        })
        .collect()
}

/// The standard scorecard's first version, written with the first review
/// when no scorecard exists yet.
pub fn standard_scorecard(actor: RecordId, now: DateTime<Utc>) -> Scorecard {
    let id = standard_card_id();
    Scorecard {
        id,
        card: id,
        name: String::new(),
        criteria: standard_criteria(),
        audit: Audit::new(actor, now),
    }
}

/// What the scorecard form hands in for one criterion: an existing key (a
/// standard one, or one kept from the version edited), or none for a new
/// criterion, whose key is made from its name.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CriterionDraft {
    pub key: Option<String>,
    pub name: String,
    pub weight: u32,
    pub critical: bool,
}

/// A key from a name: folded, letters and digits, `_` between words.
fn key_from(name: &str) -> String {
    let mut out = String::new();
    for c in fold(name).chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('_') {
            out.push('_');
        }
    }
    out.trim_end_matches('_').chars().take(MAX_NAME).collect()
}

/// The criteria as stored, checked: 1..=12 of them, weights 1..=100,
/// names up to 120 characters (required for a custom one), no key twice.
pub fn check_criteria(drafts: &[CriterionDraft]) -> Result<Vec<Criterion>, RuleError> {
    if drafts.is_empty() || drafts.len() > MAX_CRITERIA {
        return Err(RuleError::OutOfRange {
            field: "qa_criteria",
        });
    }
    let mut out: Vec<Criterion> = Vec::new();
    for d in drafts {
        let standard = d
            .key
            .as_deref()
            .is_some_and(|k| STANDARD_CRITERIA.contains(&k));
        let need = if standard {
            Need::Optional
        } else {
            Need::Required
        };
        let name = text(&d.name, "qa_criterion_name", MAX_NAME, need)?;
        let key = match &d.key {
            Some(k) => key_from(k),
            None => key_from(&name),
        };
        if key.is_empty() {
            return Err(RuleError::Required {
                field: "qa_criterion_name",
            });
        }
        if !(1..=MAX_WEIGHT).contains(&d.weight) {
            return Err(RuleError::OutOfRange { field: "qa_weight" });
        }
        if out.iter().any(|c| c.key == key) {
            return Err(RuleError::Duplicate {
                field: "qa_criteria",
            });
        }
        out.push(Criterion {
            key,
            name,
            weight: d.weight,
            critical: d.critical,
        });
    }
    Ok(out)
}

/// A new scorecard (`card` None: its first version is `id`) or a new
/// version `id` of scorecard `card`. For a department director or above.
/// Any scorecard but the standard one needs a name: the review form lists
/// them by it.
pub fn save_scorecard(
    model: &Model,
    actor: &Staff,
    card: Option<RecordId>,
    name: &str,
    criteria: &[CriterionDraft],
    id: RecordId,
    now: DateTime<Utc>,
) -> Result<Scorecard, RuleError> {
    require(actor, Action::SetStandards)?;
    let need = if card == Some(standard_card_id()) {
        Need::Optional
    } else {
        Need::Required
    };
    let criteria = check_criteria(criteria)?;
    let card = match card {
        Some(c) => {
            let known = model.qa.scorecards.values().any(|s| s.card == c);
            if !known && c != standard_card_id() {
                return Err(RuleError::NotFound {
                    what: "qa_scorecard",
                });
            }
            c
        }
        None => id,
    };
    let name = text(name, "qa_scorecard_name", MAX_NAME, need)?;
    if model.qa.scorecards.contains_key(&id) {
        return Err(RuleError::Duplicate {
            field: "qa_scorecard_name",
        });
    }
    Ok(Scorecard {
        id,
        card,
        name,
        criteria,
        audit: Audit::new(actor.id, now),
    })
}

/// Every scorecard's current version, the standard one first, then by name.
pub fn current_scorecards(model: &Model) -> Vec<&Scorecard> {
    let mut cards: Vec<RecordId> = model.qa.scorecards.values().map(|s| s.card).collect();
    order::sort(&mut cards);
    cards.dedup();
    let mut v: Vec<&Scorecard> = cards
        .into_iter()
        .filter_map(|c| model.qa.current(c))
        .collect();
    let standard = standard_card_id();
    order::sort_by_key(&mut v, |s| (s.card != standard, fold(&s.name), s.card));
    v
}

/// A score that counts: 1..=5; anything else reads as not applicable.
pub fn valid(score: Option<u8>) -> Option<u8> {
    score.filter(|s| (1..=MAX_SCORE).contains(s))
}

/// One score as tenths of a percent: 1 → 0, 5 → 1000.
pub fn share(score: u8) -> u32 {
    u32::from(score.saturating_sub(1))
        .saturating_mul(FULL_TENTHS)
        .checked_div(u32::from(MAX_SCORE - 1))
        .unwrap_or(0)
}

/// `num / den` rounded half up, in integers; None for a zero denominator.
pub(crate) fn round_div(num: u64, den: u64) -> Option<u64> {
    num.checked_mul(2)?
        .checked_add(den)?
        .checked_div(den.checked_mul(2)?)
}

/// R-QA-01: the weighted total of `scores` on `version`, tenths of a
/// percent: each criterion's share (1 → 0 %, 5 → 100 %) weighted, not
/// applicable ones left out of numerator and denominator. A critical
/// criterion scored below 3 makes it 0. None when nothing applicable was
/// scored. A score naming no criterion of the version is ignored; a
/// criterion scored twice counts once (the first).
pub fn total(version: &Scorecard, scores: &[Score]) -> Option<u32> {
    let mut num: u64 = 0;
    let mut den: u64 = 0;
    let mut zero = false;
    for c in version.criteria.iter().take(MAX_CRITERIA) {
        let Some(s) = scores
            .iter()
            .find(|s| s.criterion == c.key)
            .and_then(|s| valid(s.score))
        else {
            continue;
        };
        let w = u64::from(c.weight.min(MAX_WEIGHT));
        if c.critical && s < CRITICAL_BELOW {
            zero = true;
        }
        num = num.saturating_add(w.saturating_mul(u64::from(s.saturating_sub(1))));
        den = den.saturating_add(w);
    }
    if den == 0 {
        return None;
    }
    if zero {
        return Some(0);
    }
    let scaled = num.saturating_mul(u64::from(FULL_TENTHS));
    let t = round_div(scaled, den.saturating_mul(u64::from(MAX_SCORE - 1)))?;
    Some(u32::try_from(t).unwrap_or(FULL_TENTHS).min(FULL_TENTHS))
}
