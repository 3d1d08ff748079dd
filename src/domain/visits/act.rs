//! The return visits' operations as the screens call them: ids in, writes
//! or a refusal out. The rules are in the modules beside this one; this
//! file looks records up (NotFound when absent) and turns a rule's result
//! into writes. The call, task and reassignment rules already take ids and
//! return writes; the screens call them directly.

use super::calendar::local_day;
use super::due::{self, CampaignDraft};
use super::script::{self, ScriptDraft};
use crate::domain::base::lookup::{find, find_opt};
use crate::domain::base::record::to_writes;
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

/// The customer came to the store today: the day goes on their file
/// (`customer::store_visit`) and the return visit it makes, due tomorrow,
/// is made at once and assigned (R-RV-06), so the file shows it.
pub fn record_store_visit(
    model: &Model,
    actor: &Staff,
    customer: RecordId,
    now: DateTime<Utc>,
) -> Result<Vec<Write>, RuleError> {
    let old = find(&model.customers, customer, "customer")?;
    let new = crate::domain::customer::store_visit(actor, old, now);
    let mut writes = to_writes(Some(old), &new);
    writes.extend(due::store_visit_return(model, actor, &new, now));
    Ok(writes)
}
