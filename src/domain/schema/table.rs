//! Every field of every record kind, with its type and limit. The limits
//! are `limits`' constants, the ones the forms use; the enum codes are read
//! by the record types' own serde. `tests/native/import_limits.rs` checks that this
//! table lists exactly each record type's fields and that every value it
//! accepts reads back into the record.

use super::Spec::{self, *};
use crate::domain::base::lang::Lang;
use crate::domain::base::limits::*;
use crate::domain::base::zones;
use crate::domain::complaint::{Acceptance, Cause, Severity, Stage};
use crate::domain::contact::{Category, Channel, ContactStatus, Direction};
use crate::domain::customer::{CustomerKind, PreferredChannel};
use crate::domain::dept::records::Decision;
use crate::domain::dept::records::LeaveKind;
use crate::domain::dept::records::MeetingKind;
use crate::domain::dept::records::ReceiptKind;
use crate::domain::dept::records::ShiftKind;
use crate::domain::escalation::{Matter, StepKind};
use crate::domain::kb::AnswerStatus;
use crate::domain::qa::{ReplyKind, RulingOutcome, MAX_EVAL_WEIGHT, MAX_PER_MONTH, MAX_WEIGHT};
use crate::domain::staff::Role;
use crate::domain::visits::CampaignReason;
use crate::domain::visits::{VisitMethod, VisitOutcome, VisitReason, VisitStatus};
use serde::de::DeserializeOwned;
use serde_json::Value;

/// Whether `v` reads as a `T` (the enum codes its serde knows).
fn is<T: DeserializeOwned>(v: &Value) -> bool {
    T::deserialize(v).is_ok()
}

pub type Fields = &'static [(&'static str, Spec)];

const NAME: Spec = Text(MAX_NAME);
const TEXT: Spec = Text(MAX_TEXT);
const LONG: Spec = Text(MAX_LONG_TEXT);
const OPT_ID: Spec = Opt(&Id);
const OPT_DATE: Spec = Opt(&Date);
const OPT_INSTANT: Spec = Opt(&Instant);
const IDS: Spec = List(&Id);
const NAMES: Spec = List(&NAME);
const ROLE: Spec = Code(is::<Role>);

/// Fields every kind has: the audit (R-ROL-01) and the tombstone.
pub const COMMON: Fields = &[
    ("created_by", Id),
    ("created_at", Instant),
    ("changed_by", Id),
    ("changed_at", Instant),
    ("deleted", Bool),
];

/// One hand-over in a contact's forwarding chain.
pub const FORWARD_STEP: Fields = &[
    ("to_staff", OPT_ID),
    ("to_department", Opt(&NAME)),
    ("note", TEXT),
    ("by", Id),
    ("at", Instant),
    ("responded_at", OPT_INSTANT),
];

/// One criterion of a scorecard version (R-QA-01).
pub const QA_CRITERION: Fields = &[
    ("key", NAME),
    ("name", NAME),
    ("weight", Int(1, MAX_WEIGHT as i64)),
    ("critical", Bool),
];

/// One criterion's score on a review or a ruling: 1..=5, or null (N/A).
pub const QA_SCORE: Fields = &[
    ("criterion", NAME),
    ("score", Opt(&Int(1, 5))),
    ("comment", TEXT),
    ("causes", NAMES),
];

/// A tenth of a percent (a total or an average), or null.
const QA_TENTHS: Spec = Opt(&Int(0, 1000));
/// A count in a frozen report.
const QA_COUNT: Spec = Int(0, u32::MAX as i64);

/// A monthly report's frozen lines (R-QA-04).
pub const QA_AGENT_FIGURE: Fields = &[
    ("agent", Id),
    ("reviews", QA_COUNT),
    ("average", QA_TENTHS),
    ("evaluation", QA_TENTHS),
];
pub const QA_CRITERION_FIGURE: Fields =
    &[("key", NAME), ("scored", QA_COUNT), ("average", QA_TENTHS)];
/// An issued report's part (R-REP-02): codes, checked again when read.
pub const FROZEN_PART: Fields = &[
    ("part", NAME),
    ("columns", NAMES),
    ("rows", List(&Object(FROZEN_ROW))),
];
pub const FROZEN_ROW: Fields = &[("label", NAME), ("figures", NAMES)];
pub const DAY_MARK: Fields = &[
    ("day", Date),
    ("kind", NAME),
    ("count", QA_COUNT),
    ("digest", NAME),
];
pub const QA_REVIEW_MARK: Fields = &[("review", Id), ("agent", Id), ("total", QA_TENTHS)];

/// Complaint steps, by their `kind` tag (an unknown tag is a newer version's).
pub const EVENTS: &[(&str, Fields)] = &[
    (
        "judged",
        &[
            ("founded", Bool),
            ("department", NAME),
            ("severity", Code(is::<Severity>)),
            ("deadline", OPT_DATE),
            (
                "utc_offset_minutes",
                Int(-MAX_UTC_OFFSET_MINUTES, MAX_UTC_OFFSET_MINUTES),
            ),
        ],
    ),
    (
        "investigated",
        &[
            ("cause", Code(is::<Cause>)),
            ("cause_text", TEXT),
            ("responsible", NAME),
        ],
    ),
    ("plan_proposed", &[("proposal", TEXT)]),
    ("plan_chosen", &[("plan", Id)]),
    (
        "implemented",
        &[
            ("done", TEXT),
            ("acceptance", Code(is::<Acceptance>)),
            ("signature", Bytes(MAX_SIGNATURE_BYTES)),
            ("customer_words", TEXT),
            ("sanctions", TEXT),
        ],
    ),
    ("evaluated", &[("improvements", TEXT)]),
    ("reply_recorded", &[("reply", TEXT)]),
    ("reopened", &[("from", Code(is::<Stage>)), ("reason", TEXT)]),
    ("resolved", &[("keep", OPT_ID), ("overrule", IDS)]),
];

/// The fields of one record kind (besides [`COMMON`]); None: not a kind.
pub fn fields(kind: &str) -> Option<Fields> {
    Some(match kind {
        "org" => &[("name", NAME), ("time_zone", Opt(&Code(zones::is_known)))],
        "device" => &[("name", NAME)],
        "staff" => &[
            ("name", NAME),
            ("role", ROLE),
            ("team", NAME),
            ("skills", NAMES),
            ("phone", Text(MAX_PHONE)),
            ("email", Text(MAX_EMAIL)),
            ("active", Bool),
            ("demo", Bool),
        ],
        "staff_profile" => &[
            ("job_type", NAME),
            ("level", NAME),
            ("address", TEXT),
            ("emergency_contact", NAME),
            ("emergency_phone", Text(MAX_PHONE)),
            ("demo", Bool),
        ],
        "customer" => &[
            ("name", NAME),
            ("kind", Code(is::<CustomerKind>)),
            ("phones", List(&Text(MAX_PHONE))),
            ("email", Text(MAX_EMAIL)),
            ("preferred_channel", Code(is::<PreferredChannel>)),
            ("quiet_hours", List(&Pair(&HhMm, &HhMm))),
            ("birthday", OPT_DATE),
            ("card_number", NAME),
            ("card_expiry", OPT_DATE),
            ("tags", NAMES),
            ("specialist", OPT_ID),
            ("assigned_at", OPT_INSTANT),
            ("notes", Text(MAX_NOTES)),
            ("source", NAME),
            ("last_store_visit", OPT_INSTANT),
            ("merged_into", OPT_ID),
            ("demo", Bool),
        ],
        "contact" => &[
            ("customer", OPT_ID),
            ("channel", Code(is::<Channel>)),
            ("direction", Code(is::<Direction>)),
            ("category", Code(is::<Category>)),
            ("summary", TEXT),
            ("owner", Id),
            ("received_at", Instant),
            ("first_response_at", OPT_INSTANT),
            ("status", Code(is::<ContactStatus>)),
            ("forwarded", List(&Object(FORWARD_STEP))),
            ("resolution", TEXT),
            ("complaint", OPT_ID),
            ("done_at", OPT_INSTANT),
            ("demo", Bool),
        ],
        "complaint" => &[
            ("customer", OPT_ID),
            ("contacts", IDS),
            ("channel", Code(is::<Channel>)),
            ("content", TEXT),
            ("asks", TEXT),
            ("received_at", Instant),
            ("stage", Code(is::<Stage>)),
            ("owner", Id),
            ("demo", Bool),
        ],
        "complaint_event" => &[
            ("complaint", Id),
            ("data", Tagged(EVENTS)),
            ("by", Id),
            ("at", Instant),
            ("demo", Bool),
        ],
        "escalation" => &[
            ("matter", Code(is::<Matter>)),
            ("description", TEXT),
            ("raised_by", Id),
            ("raised_role", ROLE),
            ("raised_at", Instant),
            ("complaint", OPT_ID),
            ("customer", OPT_ID),
            ("demo", Bool),
        ],
        "escalation_step" => &[
            ("escalation", Id),
            ("kind", Code(is::<StepKind>)),
            ("by", Id),
            ("at", Instant),
            ("to", OPT_ID),
            ("to_role", ROLE),
            ("emergency", Bool),
            ("notify", IDS),
            ("text", TEXT),
            ("demo", Bool),
        ],
        "visit" => &[
            ("customer", Id),
            ("reason", Code(is::<VisitReason>)),
            ("due", Date),
            ("assignee", OPT_ID),
            ("complaint", OPT_ID),
            ("status", Code(is::<VisitStatus>)),
            ("key", NAME),
            ("campaign", OPT_ID),
            ("method", Opt(&Code(is::<VisitMethod>))),
            ("outcome", Opt(&Code(is::<VisitOutcome>))),
            ("callback_at", OPT_INSTANT),
            ("unhappy_with", TEXT),
            ("suggestions", TEXT),
            ("notes", TEXT),
            ("quiet_override", Text(MAX_REASON)),
            ("reply_promised_by", OPT_DATE),
            ("raised", IDS),
            ("completed_at", OPT_INSTANT),
            ("demo", Bool),
        ],
        "visit_attempt" => &[
            ("visit", Id),
            ("at", Instant),
            ("by", Id),
            ("method", Code(is::<VisitMethod>)),
            ("outcome", Code(is::<VisitOutcome>)),
            ("quiet_override", Text(MAX_REASON)),
            ("demo", Bool),
        ],
        "campaign" => &[
            ("name", NAME),
            ("reason", Code(is::<CampaignReason>)),
            ("tag", NAME),
            ("customer_kind", Opt(&Code(is::<CustomerKind>))),
            ("starts", Date),
            ("ends", Date),
            ("demo", Bool),
        ],
        "script" => &[
            ("lang", Code(is::<Lang>)),
            ("reason", Opt(&Code(is::<VisitReason>))),
            ("opening", TEXT),
            ("question", TEXT),
            ("satisfied", TEXT),
            ("not_satisfied", TEXT),
            ("closing", TEXT),
        ],
        "task" => &[
            ("owner", Id),
            ("title", TEXT),
            ("due", Date),
            ("customer", OPT_ID),
            ("visit", OPT_ID),
            ("done_at", OPT_INSTANT),
            ("demo", Bool),
        ],
        "team" => &[
            ("name", NAME),
            ("min_weekly_hours", Int(0, MAX_WEEKLY_HOURS as i64)),
            ("demo", Bool),
        ],
        "shift" => &[
            ("name", NAME),
            ("kind", Code(is::<ShiftKind>)),
            ("start", Time),
            ("end", Time),
            ("holiday", Bool),
            ("demo", Bool),
        ],
        "holiday" => &[("date", Date), ("name", NAME), ("demo", Bool)],
        "roster_entry" => &[
            ("person", Id),
            ("date", Date),
            ("shift", OPT_ID),
            ("team", NAME),
            ("demo", Bool),
        ],
        "leave" => &[
            ("person", Id),
            ("kind", Code(is::<LeaveKind>)),
            ("first_day", Date),
            ("last_day", Date),
            ("part_day", Bool),
            ("reason", TEXT),
            ("urgent", Bool),
            ("late", Bool),
            ("needs", ROLE),
            ("cancelled", Bool),
            ("certificate_at", OPT_INSTANT),
            ("certificate_by", OPT_ID),
            ("demo", Bool),
        ],
        "approval" => &[
            ("subject", Id),
            ("by", Id),
            ("role", ROLE),
            ("team", NAME),
            ("decision", Code(is::<Decision>)),
            ("supersedes", IDS),
            ("note", TEXT),
            ("demo", Bool),
        ],
        "swap" => &[
            ("requester", Id),
            ("colleague", Id),
            ("give", Id),
            ("take", Id),
            ("reason", TEXT),
            ("cancelled", Bool),
            ("demo", Bool),
        ],
        "attendance" => &[
            ("person", Id),
            ("entry", Id),
            ("arrived_at", OPT_INSTANT),
            ("left_at", OPT_INSTANT),
            ("demo", Bool),
        ],
        "handover" => &[
            ("team", NAME),
            ("date", Date),
            ("shift", Id),
            ("equipment", LONG),
            ("problems", LONG),
            ("staffing", LONG),
            ("open_items", IDS),
            ("demo", Bool),
        ],
        "receipt" => &[
            ("kind", Code(is::<ReceiptKind>)),
            ("subject", Id),
            ("person", Id),
            ("demo", Bool),
        ],
        "announcement" => &[
            ("title", LONG),
            ("body", LONG),
            ("teams", NAMES),
            ("demo", Bool),
        ],
        "meeting" => &[
            ("kind", Code(is::<MeetingKind>)),
            ("team", NAME),
            ("scheduled_at", Instant),
            ("title", NAME),
            ("agenda", LONG),
            ("minutes", LONG),
            ("held", Bool),
            ("demo", Bool),
        ],
        "decision" => &[
            ("meeting", Id),
            ("text", TEXT),
            ("owner", Id),
            ("due", Date),
            ("done_at", OPT_INSTANT),
            ("answer", OPT_ID),
            ("demo", Bool),
        ],
        "answer" => &[
            ("category", Code(is::<Category>)),
            ("lang", Code(is::<Lang>)),
            ("keywords", NAMES),
            ("status", Code(is::<AnswerStatus>)),
            ("agreed_by", OPT_ID),
            ("agreed_at", OPT_INSTANT),
            ("meeting", OPT_ID),
            ("outdated_by", OPT_ID),
            ("outdated_at", OPT_INSTANT),
            ("replaced_by", OPT_ID),
            ("gap", OPT_ID),
            ("demo", Bool),
        ],
        "answer_version" => &[
            ("answer", Id),
            ("previous", OPT_ID),
            ("question", TEXT),
            ("text", LONG),
            ("demo", Bool),
        ],
        "answer_use" => &[
            ("answer", Id),
            ("version", Id),
            ("contact", OPT_ID),
            ("by", Id),
            ("at", Instant),
            ("demo", Bool),
        ],
        "answer_gap" => &[
            ("contact", Id),
            ("question", TEXT),
            ("category", Code(is::<Category>)),
            ("lang", Code(is::<Lang>)),
            ("dismissed_at", OPT_INSTANT),
            ("demo", Bool),
        ],
        "qa_scorecard" => &[
            ("card", Id),
            ("name", NAME),
            ("criteria", List(&Object(QA_CRITERION))),
        ],
        "qa_review" => &[
            ("agent", Id),
            ("inspector", Id),
            ("date", Date),
            ("contact", OPT_ID),
            ("scorecard", Id),
            ("scores", List(&Object(QA_SCORE))),
            ("comment", TEXT),
        ],
        "qa_reply" => &[
            ("review", Id),
            ("by", Id),
            ("kind", Code(is::<ReplyKind>)),
            ("comment", TEXT),
        ],
        "qa_ruling" => &[
            ("review", Id),
            ("by", Id),
            ("outcome", Code(is::<RulingOutcome>)),
            ("scores", List(&Object(QA_SCORE))),
            ("comment", TEXT),
        ],
        "qa_settings" => &[
            ("min_per_month", Int(0, MAX_PER_MONTH as i64)),
            ("max_per_month", Int(1, MAX_PER_MONTH as i64)),
            ("weight_quality", Int(0, MAX_EVAL_WEIGHT as i64)),
            ("weight_attendance", Int(0, MAX_EVAL_WEIGHT as i64)),
            ("weight_workload", Int(0, MAX_EVAL_WEIGHT as i64)),
            ("min_reviews_to_rank", Int(0, MAX_PER_MONTH as i64)),
        ],
        "qa_plan" => &[
            ("week", Date),
            ("notes", LONG),
            ("sent_at", OPT_INSTANT),
            ("sent_by", OPT_ID),
            ("acknowledged_at", OPT_INSTANT),
            ("acknowledged_by", OPT_ID),
        ],
        "qa_plan_item" => &[
            ("plan", Id),
            ("text", TEXT),
            ("people", IDS),
            ("owner", Id),
            ("due", Date),
            ("done_at", OPT_INSTANT),
        ],
        "report_issue" => &[
            ("span", Code(is::<crate::domain::standards::PeriodKind>)),
            ("first", Date),
            ("last", Date),
            ("issued_by", Id),
            ("issued_at", Instant),
            ("parts", List(&Object(FROZEN_PART))),
            ("marks", List(&Object(DAY_MARK))),
        ],
        "qa_report" => &[
            ("month", Date),
            ("issued_by", Id),
            ("issued_at", Instant),
            ("reviews", QA_COUNT),
            ("average", QA_TENTHS),
            ("agents", List(&Object(QA_AGENT_FIGURE))),
            ("criteria", List(&Object(QA_CRITERION_FIGURE))),
            ("marks", List(&Object(QA_REVIEW_MARK))),
        ],
        _ => return super::standards::fields(kind),
    })
}
