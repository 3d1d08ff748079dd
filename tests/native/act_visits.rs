//! Issue 11 item 4: the return visits' operations by id (`visits::act`)
//! give the same writes as the rules, and refuse an unknown id.

use crate::common::*;
use ventanilla::domain::base::lang::Lang;
use ventanilla::domain::visits::{self, *};
use ventanilla::domain::RuleError;

fn campaign_draft() -> CampaignDraft {
    CampaignDraft {
        name: "Navidad socios".into(),
        reason: CampaignReason::Holiday,
        tag: "Socios".into(),
        customer_kind: None,
        starts: "2026-12-20".into(),
        ends: "2027-01-06".into(),
    }
}

fn script_draft() -> ScriptDraft {
    ScriptDraft {
        lang: Lang::Es,
        reason: None,
        opening: "Hola, {customer}. Soy {agent}.".into(),
        question: "¿Qué tal con nosotros?".into(),
        satisfied: "¿Alguna sugerencia?".into(),
        not_satisfied: "Lo sentimos. ¿Qué mejoramos?".into(),
        closing: String::new(),
    }
}

/// Applies writes to the model the way the store does.
fn apply(m: &mut ventanilla::domain::Model, writes: &[ventanilla::sync::Write]) {
    let mut by_record: std::collections::BTreeMap<_, serde_json::Map<_, _>> = Default::default();
    for w in writes {
        by_record
            .entry((w.kind.clone(), w.id))
            .or_default()
            .insert(w.field.clone(), w.value.clone());
    }
    for ((kind, rid), fields) in by_record {
        m.refresh(&kind, rid, Some(&serde_json::Value::Object(fields)));
    }
}

#[test]
fn r_cus_05_a_campaign_by_id_gives_the_same_writes_as_the_rule() {
    let mut m = team();
    let lead = person(&m, 2);
    let today = local_day(now(), m.zone());
    let rule = create_campaign(&m, &lead, None, campaign_draft(), id(70), today, now()).unwrap();
    let by_id =
        visits::act::save_campaign(&m, &lead, None, campaign_draft(), id(70), now()).unwrap();
    assert_eq!(by_id, rule);
    // Editing it by id: the same as the rule given the stored campaign.
    apply(&mut m, &by_id);
    let old = m.rv.campaigns.get(&id(70)).cloned().unwrap();
    let renamed = CampaignDraft {
        name: "Navidad".into(),
        ..campaign_draft()
    };
    let rule =
        create_campaign(&m, &lead, Some(&old), renamed.clone(), id(70), today, now()).unwrap();
    let by_id =
        visits::act::save_campaign(&m, &lead, Some(id(70)), renamed, id(99), now()).unwrap();
    assert_eq!(by_id, rule);
    assert!(by_id.iter().all(|w| w.id == id(70)));
}

#[test]
fn r_rv_05_a_script_by_id_gives_the_same_writes_as_the_rule() {
    let mut m = team();
    let lead = person(&m, 2);
    let rule = save_script(&m, &lead, None, script_draft(), id(80), now()).unwrap();
    let by_id = visits::act::save_script(&m, &lead, None, script_draft(), id(80), now()).unwrap();
    assert_eq!(by_id, rule);
    apply(&mut m, &by_id);
    let old = m.rv.scripts.get(&id(80)).cloned().unwrap();
    let edited = ScriptDraft {
        question: "¿Cómo le fue?".into(),
        ..script_draft()
    };
    let rule = save_script(&m, &lead, Some(&old), edited.clone(), id(80), now()).unwrap();
    let by_id = visits::act::save_script(&m, &lead, Some(id(80)), edited, id(99), now()).unwrap();
    assert_eq!(by_id, rule);
    assert!(by_id.iter().any(|w| w.field == "question"));
}

#[test]
fn an_unknown_campaign_or_script_id_is_refused_as_not_found() {
    let m = team();
    let lead = person(&m, 2);
    assert_eq!(
        visits::act::save_campaign(&m, &lead, Some(id(77)), campaign_draft(), id(78), now())
            .unwrap_err(),
        vec![RuleError::NotFound { what: "campaign" }]
    );
    assert_eq!(
        visits::act::save_script(&m, &lead, Some(id(77)), script_draft(), id(78), now())
            .unwrap_err(),
        vec![RuleError::NotFound { what: "script" }]
    );
}
