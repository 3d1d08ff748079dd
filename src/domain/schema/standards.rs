//! The fields of service standards' kinds (R-STD-01..R-STD-03), with their
//! types and limits: the ones the forms check (`standards::standard`,
//! `limits`), so what one device saves another accepts.

use super::Spec::{self, *};
use crate::domain::base::limits::{MAX_NAME, MAX_TEXT};
use crate::domain::complaint::Severity;
use crate::domain::standards::{Metric, PeriodKind, MAX_THRESHOLD_MINUTES};
use serde::de::DeserializeOwned;
use serde_json::Value;

fn is<T: DeserializeOwned>(v: &Value) -> bool {
    T::deserialize(v).is_ok()
}

const NAME: Spec = Text(MAX_NAME);
const TEXT: Spec = Text(MAX_TEXT);
const OPT_ID: Spec = Opt(&Id);
const OPT_INSTANT: Spec = Opt(&Instant);

/// The fields of a service-standards kind; None: not one of them.
pub fn fields(kind: &str) -> Option<&'static [(&'static str, Spec)]> {
    Some(match kind {
        "std_department" => &[("name", NAME), ("aliases", List(&NAME)), ("active", Bool)],
        "std_standard" => &[
            ("department", Id),
            ("metric", Code(is::<Metric>)),
            ("threshold", Int(0, MAX_THRESHOLD_MINUTES as i64)),
            ("target", Int(0, 100)),
            ("period", Code(is::<PeriodKind>)),
            ("from", Date),
            ("active", Bool),
        ],
        "std_audit" => &[
            ("department", Id),
            ("date", Date),
            ("auditor", Id),
            ("summary", TEXT),
        ],
        "std_finding" => &[
            ("dept_audit", Id),
            ("severity", Code(is::<Severity>)),
            ("evidence", TEXT),
        ],
        "std_action" => &[
            ("dept_audit", Id),
            ("finding", OPT_ID),
            ("text", TEXT),
            ("owner", Id),
            ("due", Date),
            ("done_at", OPT_INSTANT),
            ("done_by", OPT_ID),
            ("verified_at", OPT_INSTANT),
            ("verified_by", OPT_ID),
            ("verify_note", TEXT),
        ],
        _ => return None,
    })
}
