//! Quality inspection's refusals: which rule each names. They reuse the
//! common refusals with fields of their own (all named `qa_…`), so this
//! maps only those; a role refusal stays R-ROL-02 as everywhere.

use crate::domain::error::RuleError;

fn rule_of(field: &str) -> Option<&'static str> {
    Some(match field {
        "qa_criteria" | "qa_criterion_name" | "qa_weight" | "qa_scorecard_name" | "qa_scores"
        | "qa_score" | "qa_causes" | "qa_train_on" | "qa_comment" | "qa_agent" | "qa_date"
        | "qa_contact" | "qa_inspector" | "qa_reply" | "qa_dispute" | "qa_ruling" => "R-QA-01",
        "qa_reviews_month" | "qa_quota" => "R-QA-02",
        "qa_plan" | "qa_plan_notes" | "qa_item_text" | "qa_item_people" | "qa_item_due" => {
            "R-QA-03"
        }
        "qa_report" | "qa_month" | "qa_weights" | "qa_min_reviews" => "R-QA-04",
        _ => return None,
    })
}

pub(super) fn rule(e: &RuleError) -> Option<&'static str> {
    use RuleError::*;
    match e {
        Required { field }
        | TooLong { field, .. }
        | OutOfRange { field }
        | Duplicate { field }
        | InvalidDate { field } => rule_of(field),
        _ => None,
    }
}
