//! R-QA-01: a scorecard other than the standard one needs a name (the
//! review form lists them by it); the standard one may stay unnamed.

use crate::common::*;
use crate::qa_common::*;
use ventanilla::domain::qa::{act, standard_card_id, CriterionDraft};
use ventanilla::domain::RuleError;

fn five() -> Vec<CriterionDraft> {
    FIVE.iter()
        .map(|k| CriterionDraft {
            key: Some(k.to_string()),
            weight: 20,
            ..CriterionDraft::default()
        })
        .collect()
}

#[test]
fn r_qa_01_a_scorecard_other_than_the_standard_one_needs_a_name() {
    let mut dev = qa_device(1);
    let boss = dev.who(DIRECTOR);
    let (e, rule) = refused(act::save_scorecard(
        &dev.model,
        &boss,
        None,
        "   ",
        &five(),
        id(90),
        now(),
    ));
    assert_eq!(
        e,
        RuleError::Required {
            field: "qa_scorecard_name"
        }
    );
    assert_eq!(rule, Some("R-QA-01"));
    dev.save(act::save_scorecard(
        &dev.model,
        &boss,
        None,
        "Mostrador",
        &five(),
        id(90),
        now(),
    ));
    // Its next version needs one too; the standard one does not.
    let (e, _) = refused(act::save_scorecard(
        &dev.model,
        &boss,
        Some(id(90)),
        "",
        &five(),
        id(91),
        now(),
    ));
    assert_eq!(
        e,
        RuleError::Required {
            field: "qa_scorecard_name"
        }
    );
    dev.save(act::save_scorecard(
        &dev.model,
        &boss,
        Some(standard_card_id()),
        "",
        &five(),
        id(92),
        now(),
    ));
    assert_eq!(dev.model.qa.scorecards.len(), 2);
}
