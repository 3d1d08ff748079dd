//! The operations the report screens call: the acting person, the period
//! and now in; the writes, or a refusal, out.

use super::issued;
use crate::domain::base::record::anew;
use crate::domain::error::RuleError;
use crate::domain::model::Model;
use crate::domain::staff::Staff;
use crate::domain::standards::Period;
use crate::sync::Write;
use chrono::{DateTime, Utc};

/// R-REP-02: issues (or issues again) the report of period `p`.
pub fn issue_report(
    model: &Model,
    actor: &Staff,
    p: Period,
    now: DateTime<Utc>,
) -> Result<Vec<Write>, RuleError> {
    let r = issued::issue(model, actor, p, now)?;
    Ok(anew(&model.reports, &r))
}
