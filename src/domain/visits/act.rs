//! The return visits' operations as the screens call them: ids in, writes
//! or a refusal out. The rules are in the modules beside this one; this
//! file looks records up (NotFound when absent) and turns a rule's result
//! into writes. The call, task and reassignment rules already take ids and
//! return writes; the screens call them directly.

use super::calendar::local_day;
use super::due::{self, CampaignDraft};
use super::script::{self, ScriptDraft};
use crate::domain::base::lookup::find_opt;
use crate::domain::error::RuleError;
use crate::domain::model::Model;
use crate::domain::staff::Staff;
use crate::sync::{RecordId, Write};
use chrono::{DateTime, Utc};

/// Creates a campaign with the id `new_id`, or edits `campaign` when given
/// (it must exist). "Today" is the organisation's day at `now`.
pub fn save_campaign(
    model: &Model,
    actor: &Staff,
    campaign: Option<RecordId>,
    draft: CampaignDraft,
    new_id: RecordId,
    now: DateTime<Utc>,
) -> Result<Vec<Write>, Vec<RuleError>> {
    let old = find_opt(&model.rv.campaigns, campaign, "campaign").map_err(|e| vec![e])?;
    let today = local_day(now, model.zone());
    due::create_campaign(
        model,
        actor,
        old,
        draft,
        campaign.unwrap_or(new_id),
        today,
        now,
    )
}

/// Saves a call script: edits `script` when given (it must exist), else
/// creates one with the id `new_id`.
pub fn save_script(
    model: &Model,
    actor: &Staff,
    script: Option<RecordId>,
    draft: ScriptDraft,
    new_id: RecordId,
    now: DateTime<Utc>,
) -> Result<Vec<Write>, Vec<RuleError>> {
    let old = find_opt(&model.rv.scripts, script, "script").map_err(|e| vec![e])?;
    script::save_script(model, actor, old, draft, script.unwrap_or(new_id), now)
}
