//! Shared by the issue-10 tests: the record schema walked into leaves (to
//! generate values for every field of every kind), a bundle from ops, and
//! every derived view the screens call.

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use serde::Deserialize;
use serde_json::{json, Value};
use ventanilla::domain::base::dates::Shift;
use ventanilla::domain::base::record::Record;
use ventanilla::domain::base::zone::week_start;
use ventanilla::domain::complaint::{self, Complaint, ComplaintEvent, ComplaintFilter};
use ventanilla::domain::contact::{self, Contact};
use ventanilla::domain::customer::{self, Customer, SearchIndex};
use ventanilla::domain::dept::attendance::{self};
use ventanilla::domain::dept::leave::{self};
use ventanilla::domain::dept::leave_status;
use ventanilla::domain::dept::meeting::{self};
use ventanilla::domain::dept::ops::{self};
use ventanilla::domain::dept::profile::{self};
use ventanilla::domain::dept::records::Approval;
use ventanilla::domain::dept::records::Attendance;
use ventanilla::domain::dept::records::Leave;
use ventanilla::domain::dept::records::StaffProfile;
use ventanilla::domain::dept::records::Swap;
use ventanilla::domain::dept::records::{Announcement, Handover, Receipt};
use ventanilla::domain::dept::records::{Holiday, RosterEntry, ShiftDef, Team};
use ventanilla::domain::dept::records::{Meeting, MeetingDecision};
use ventanilla::domain::dept::roster::{self};
use ventanilla::domain::dept::shifts;
use ventanilla::domain::dept::swap::{self};
use ventanilla::domain::dept::swap_status;
use ventanilla::domain::escalation::{self, Escalation, EscalationStep};
use ventanilla::domain::kb::{self, Answer, AnswerGap, AnswerUse, AnswerVersion};
use ventanilla::domain::qa::{
    self, MonthlyReport, QaSettings, Reply, Review, Ruling, Scorecard, TrainingItem, TrainingPlan,
};
use ventanilla::domain::reports::records::IssuedReport;
use ventanilla::domain::schema::{fields, Spec, COMMON};
use ventanilla::domain::staff::{Device, Org, Staff};
use ventanilla::domain::standards::{Department, DeptAudit, Finding, Improvement, Standard};
use ventanilla::domain::visits::{self, Campaign, Script, Task, VisitAttempt, VisitSettings};
use ventanilla::domain::visits::{ReturnVisit, VisitReason};
use ventanilla::domain::{Lang, Model, KNOWN_KINDS};
use ventanilla::sync::bundle::{make_delta_bundles, Bundle};
use ventanilla::sync::{DeviceId, Op, RecordId, Stamp};

pub const DEVICE: DeviceId = DeviceId(0x72f1_ecbd_066f_5967);
/// 2026-11-22T10:00:00Z: "now" for stamps.
pub const NOW_MS: u64 = 1_763_805_600_000;

macro_rules! kinds {
    ($($t:ty),* $(,)?) => {
        /// Whether `fields` reads strictly (no lenient fallback) as the
        /// record type of `kind`; None for a kind without a type here.
        pub fn reads(kind: &str, fields: &Value) -> Option<Result<(), String>> {
            $(if kind == <$t as Record>::KIND {
                return Some(<$t>::deserialize(fields).map(|_| ()).map_err(|e| e.to_string()));
            })*
            None
        }
        /// The JSON fields of the record type's default value.
        pub fn default_fields(kind: &str) -> Option<Value> {
            $(if kind == <$t as Record>::KIND {
                return serde_json::to_value(<$t>::default()).ok();
            })*
            None
        }
    };
}

kinds!(
    Org,
    Staff,
    StaffProfile,
    Customer,
    Contact,
    Complaint,
    ComplaintEvent,
    Escalation,
    EscalationStep,
    ReturnVisit,
    VisitAttempt,
    Campaign,
    Script,
    Task,
    Team,
    ShiftDef,
    Holiday,
    RosterEntry,
    Leave,
    Approval,
    Swap,
    Attendance,
    Handover,
    Receipt,
    Announcement,
    Meeting,
    MeetingDecision,
    Device,
    Answer,
    AnswerVersion,
    AnswerUse,
    AnswerGap,
    Scorecard,
    Review,
    Reply,
    Ruling,
    QaSettings,
    TrainingPlan,
    TrainingItem,
    MonthlyReport,
    IssuedReport,
    Department,
    Standard,
    DeptAudit,
    Finding,
    Improvement,
);

/// One step from a field's value down to a leaf.
#[derive(Clone, Copy, Debug)]
pub enum Step {
    Item,
    First(Spec),
    Second(Spec),
    Key(&'static str),
    Tag(&'static str, &'static str),
}

pub fn spec_name(s: Spec) -> &'static str {
    match s {
        Spec::Text(_) => "text",
        Spec::Bytes(_) => "bytes",
        Spec::Bool => "bool",
        Spec::Id => "id",
        Spec::Date => "date",
        Spec::Instant => "instant",
        Spec::Time => "time",
        Spec::HhMm => "hhmm",
        Spec::Int(..) => "int",
        Spec::Code(_) => "code",
        Spec::Opt(_) => "opt",
        Spec::List(_) => "list",
        Spec::Pair(..) => "pair",
        Spec::Object(_) => "object",
        Spec::Tagged(_) => "tagged",
    }
}

/// A leaf of the schema: kind, field, the steps inside, and its spec.
#[derive(Clone, Debug)]
pub struct Leaf {
    pub kind: &'static str,
    pub field: &'static str,
    pub path: Vec<Step>,
    pub spec: Spec,
}

impl Leaf {
    /// Where a refusal says the leaf is ("" for the field itself).
    pub fn at(&self) -> String {
        let parts: Vec<String> = self
            .path
            .iter()
            .map(|s| match s {
                Step::Item | Step::First(_) => "0".to_string(),
                Step::Second(_) => "1".to_string(),
                Step::Key(k) | Step::Tag(_, k) => k.to_string(),
            })
            .collect();
        parts.join("/")
    }

    /// The field's value holding `leaf` at this leaf's place.
    pub fn place(&self, leaf: Value) -> Value {
        self.path.iter().rev().fold(leaf, |inner, step| match step {
            Step::Item => json!([inner]),
            Step::First(other) => json!([inner, sample(*other)]),
            Step::Second(other) => json!([sample(*other), inner]),
            Step::Key(k) => json!({ *k: inner }),
            Step::Tag(t, k) => {
                let mut step = event_default(t);
                step[*k] = inner;
                step
            }
        })
    }
}

fn walk(kind: &'static str, field: &'static str, spec: Spec, path: Vec<Step>, out: &mut Vec<Leaf>) {
    let with = |step: Step| {
        let mut p = path.clone();
        p.push(step);
        p
    };
    match spec {
        Spec::Opt(inner) => walk(kind, field, *inner, path, out),
        Spec::List(inner) => walk(kind, field, *inner, with(Step::Item), out),
        Spec::Pair(a, b) => {
            walk(kind, field, *a, with(Step::First(*b)), out);
            walk(kind, field, *b, with(Step::Second(*a)), out);
        }
        Spec::Object(fs) => {
            for (n, s) in fs {
                walk(kind, field, *s, with(Step::Key(n)), out);
            }
        }
        Spec::Tagged(tags) => {
            for (t, fs) in tags {
                for (n, s) in *fs {
                    walk(kind, field, *s, with(Step::Tag(t, n)), out);
                }
            }
        }
        leaf => out.push(Leaf {
            kind,
            field,
            path,
            spec: leaf,
        }),
    }
}

/// Every leaf of every field of every kind, generated from the schema.
pub fn leaves() -> Vec<Leaf> {
    let mut out = Vec::new();
    for kind in KNOWN_KINDS {
        let own = fields(kind).unwrap_or_default();
        for (field, spec) in COMMON.iter().chain(own.iter()) {
            walk(kind, field, *spec, Vec::new(), &mut out);
        }
    }
    out
}

/// A plain valid value for a spec (codes: none known here, so null).
pub fn sample(spec: Spec) -> Value {
    match spec {
        Spec::Text(_) | Spec::Bytes(_) => json!("a"),
        Spec::Bool => json!(true),
        Spec::Id => json!(RecordId(7).to_string()),
        Spec::Date => json!("2026-11-22"),
        Spec::Instant => json!("2026-11-22T10:00:00Z"),
        Spec::Time => json!("08:00:00"),
        Spec::HhMm => json!("08:00"),
        Spec::Int(min, _) => json!(min),
        Spec::Code(_) | Spec::Opt(_) => Value::Null,
        Spec::List(_) => json!([]),
        Spec::Pair(a, b) => json!([sample(*a), sample(*b)]),
        Spec::Object(_) => json!({}),
        Spec::Tagged(_) => json!({ "kind": "unknown" }),
    }
}

/// One op setting `field` of (`kind`, `id`) to `value`, stamped now.
pub fn op(kind: &str, id: u128, field: &str, value: Value) -> Op {
    Op {
        stamp: Stamp {
            ms: NOW_MS,
            counter: 0,
            device: DEVICE,
        },
        kind: kind.into(),
        id: RecordId(id),
        field: field.into(),
        value,
        p: None,
    }
}

/// A delta bundle holding `ops`, as another device would send it.
pub fn bundle(ops: Vec<Op>) -> Bundle {
    let b = make_delta_bundles(DEVICE, 1, &[(1, ops)], "", 1, "2026-11-22T10:00:00Z");
    b.into_iter().next().expect("one bundle")
}

/// Every complaint step kind's default, as stored.
pub fn event_defaults() -> Vec<Value> {
    use ventanilla::domain::complaint::{EventData, Implementation, Judgement};
    let data = |d: EventData| serde_json::to_value(d).unwrap_or_default();
    vec![
        data(EventData::Judged(Judgement::default())),
        data(EventData::Implemented(Implementation::default())),
        data(EventData::Investigated(Default::default())),
        data(EventData::PlanProposed(Default::default())),
        data(EventData::PlanChosen {
            plan: Default::default(),
        }),
        data(EventData::Evaluated(Default::default())),
        data(EventData::ReplyRecorded {
            reply: String::new(),
        }),
        data(EventData::Reopened {
            from: Default::default(),
            reason: String::new(),
        }),
        data(EventData::Resolved {
            keep: None,
            overrule: Vec::new(),
        }),
    ]
}

/// The default of the step kind `tag` (a bare tag for one not known here).
pub fn event_default(tag: &str) -> Value {
    event_defaults()
        .into_iter()
        .find(|v| v["kind"] == tag)
        .unwrap_or_else(|| json!({ "kind": tag }))
}

/// Records of every kind linked to each other (ids 1..=3): staff who own,
/// lead and are rostered, customers with contacts, complaints with steps,
/// visits, leave, meetings. What the screens follow from one to another.
pub fn links() -> Vec<Op> {
    let mut ops = Vec::new();
    for id in 1..=3u128 {
        let who = RecordId(id).to_string();
        ops.push(op("staff", id, "name", json!(format!("P{id}"))));
        ops.push(op("staff", id, "active", json!(true)));
        ops.push(op(
            "staff",
            id,
            "role",
            json!(["team_leader", "center_director", "representative"][id as usize - 1]),
        ));
        ops.push(op("staff", id, "team", json!("Mañana")));
        for (kind, field) in [
            ("contact", "owner"),
            ("contact", "customer"),
            ("complaint", "owner"),
            ("complaint_event", "complaint"),
            ("visit", "customer"),
            ("visit", "assignee"),
            ("roster_entry", "person"),
            ("roster_entry", "shift"),
            ("leave", "person"),
            ("attendance", "person"),
            ("decision", "owner"),
            ("decision", "meeting"),
            ("task", "owner"),
            ("escalation_step", "escalation"),
            ("escalation", "raised_by"),
            ("customer", "specialist"),
            ("swap", "requester"),
            ("swap", "give"),
            ("approval", "subject"),
            ("handover", "shift"),
            ("answer", "replaced_by"),
            ("answer", "meeting"),
            ("answer", "gap"),
            ("answer_version", "answer"),
            ("answer_use", "answer"),
            ("answer_use", "version"),
            ("answer_use", "contact"),
            ("answer_gap", "contact"),
            ("decision", "answer"),
            ("qa_scorecard", "card"),
            ("qa_review", "agent"),
            ("qa_review", "inspector"),
            ("qa_review", "contact"),
            ("qa_review", "scorecard"),
            ("qa_reply", "review"),
            ("qa_reply", "by"),
            ("qa_ruling", "review"),
            ("qa_ruling", "by"),
            ("qa_plan_item", "plan"),
            ("qa_plan_item", "owner"),
            ("qa_report", "issued_by"),
            ("report_issue", "issued_by"),
            ("std_standard", "department"),
            ("std_audit", "department"),
            ("std_audit", "auditor"),
            ("std_finding", "dept_audit"),
            ("std_action", "dept_audit"),
            ("std_action", "finding"),
            ("std_action", "owner"),
        ] {
            ops.push(op(kind, id, field, json!(who)));
        }
        ops.push(op("customer", id, "kind", json!("member")));
        ops.push(op("shift", id, "kind", json!("night")));
        ops.push(op("shift", id, "start", json!("22:00:00")));
        ops.push(op("shift", id, "end", json!("06:00:00")));
        ops.push(op("meeting", id, "kind", json!("monthly")));
        ops.push(op("meeting", id, "team", json!("Mañana")));
        ops.push(op("answer", id, "status", json!("in_use")));
        ops.push(op(
            "qa_scorecard",
            id,
            "criteria",
            json!([{"key": "tone", "weight": 100, "critical": true}, {"key": "tone", "weight": 1}]),
        ));
        ops.push(op("qa_review", id, "scores", json!([{"criterion": "tone", "score": 1, "causes": ["prisa"]}, {"criterion": "x", "score": 5}])));
        ops.push(op("qa_review", id, "date", json!("2026-11-20")));
        ops.push(op("qa_reply", id, "kind", json!("dispute")));
        ops.push(op("qa_ruling", id, "outcome", json!("change")));
        ops.push(op("qa_settings", id, "max_per_month", json!(1)));
        ops.push(op("qa_plan", id, "sent_at", json!("2026-11-20T10:00:00Z")));
        ops.push(op("qa_plan_item", id, "people", json!([who])));
        ops.push(op(
            "qa_report",
            id,
            "marks",
            json!([{"review": who, "agent": who, "total": 1000}]),
        ));
        ops.push(op(
            "std_department",
            id,
            "name",
            json!(format!("Departamento {id}")),
        ));
        ops.push(op("std_department", id, "active", json!(true)));
        ops.push(op("std_standard", id, "from", json!("2026-11-01")));
        ops.push(op("std_standard", id, "active", json!(true)));
        ops.push(op("std_standard", id, "metric", json!("resolution")));
        ops.push(op("std_action", id, "due", json!("2026-11-20")));
        ops.push(op("contact", id, "forwarded", json!([{"to_department": format!("Departamento {id}"), "at": "2026-11-20T10:00:00Z", "responded_at": "2026-11-20T09:00:00Z"}])));
        ops.push(op("complaint_event", id, "data", json!({"kind": "judged", "founded": true, "severity": "serious", "deadline": "2026-11-20", "utc_offset_minutes": 840})));
    }
    ops
}

pub fn utc(y: i32, m: u32, d: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, d, 10, 0, 0)
        .single()
        .expect("valid test date")
}

/// Every derived view the screens show, for every person, at `now`: what a
/// device renders after an import. Panics are what the tests look for.
pub fn screens(m: &Model, now: DateTime<Utc>) {
    let tz = m.zone();
    let today = tz.local_date(now);
    let settings = VisitSettings::default();
    let monday = week_start(today);
    let long_ago = NaiveDate::from_ymd_opt(1900, 1, 1).expect("date");
    let far_on = NaiveDate::from_ymd_opt(2200, 12, 31).expect("date");
    let teams: Vec<String> = m.staff.values().map(|s| s.team.clone()).collect();
    for s in m.staff.values() {
        let _ = m.today(s.id, now);
        let _ = visits::my_queue(m, s.id, now, tz);
        let _ = visits::materialise(m, s, today, tz, &settings, now);
        let _ = leave::waiting_for(m, s);
        let _ = swap::waiting_for(m, s);
        let _ = ops::unread_for(m, s.id);
        let _ = meeting::tasks_for(m, s.id);
        let _ = shifts::my_shifts(m, s.id, now, 7);
        let _ = escalation::held_by(m, s.id);
        let _ = escalation::to_acknowledge(m, s.id);
        let _ = complaint::overdue_for(m, &m.unsettled_replays(), s, now);
    }
    for team in &teams {
        let _ = attendance::violations(m, team, monday, monday.plus(Duration::days(6)), now);
        let _ = attendance::weekly_hours(m, team, monday);
        let _ = roster::roster_week(m, team, monday);
        let _ = leave::leave_calendar(m, team, today, today.plus(Duration::days(41)));
        let _ = leave::leave_calendar(m, team, long_ago, far_on);
        let _ = ops::handover_candidates(m, team);
        let _ = ops::unacknowledged_handovers(m, team);
        let _ = ops::unread_counts(m, team, now);
        let _ = meeting::monthly_meeting_warning(m, team, now);
    }
    let _ = complaint::list(m, &ComplaintFilter::default(), tz, now);
    for id in m.complaints.keys() {
        let _ = complaint::row(m, *id, now);
    }
    let _ = complaint::statistics(m, long_ago, far_on, tz);
    let _ = complaint::statistics(m, today.minus(Duration::days(30)), today, tz);
    for (from, to) in [(long_ago, far_on), (today.minus(Duration::days(30)), today)] {
        if let Ok(s) = visits::summary(m, from, to, tz) {
            let _ = visits::summary_csv(&s);
        }
        let _ = visits::coverage(m, from, to, tz);
    }
    let _ = visits::due_visits(m, today, tz, &settings);
    for v in m.visits.values() {
        let _ = visits::is_overdue(m, v, today);
    }
    let agent = m.staff.values().next().cloned().unwrap_or_default();
    for c in m.customers.values() {
        let _ = m.contacts_of(c.id);
        let _ = visits::callable_now(c, now, tz);
        let _ = visits::next_callable(c, now, tz);
        let _ = customer::first_contact_due(c);
        let script = visits::script_for(m, VisitReason::Birthday, Lang::Es);
        let _ = visits::render_script(&script, c, &agent, VisitReason::Birthday, "Org", 10);
    }
    let _ = customer::overdue_first_contacts(m, None, now);
    for c in m.contacts.values() {
        let _ = contact::response_status(c, now);
        let _ = contact::repeated_contacts(m, c);
    }
    for id in m.escalations.keys() {
        let _ = escalation::chain(m, *id);
    }
    for l in m.dept.leaves.values() {
        let _ = leave_status::status(m, l);
        let _ = leave::first_day_back(m, l);
    }
    for s in m.dept.swaps.values() {
        let _ = swap_status::status(m, s);
        let _ = swap_status::agreed(m, s);
    }
    for e in m.dept.roster.values() {
        let _ = shifts::view_entry(m, e, e.person);
    }
    let _ = leave::certificates_missing(m, today);
    let _ = profile::emergency_contacts(m);
    let index = SearchIndex::build(m);
    for q in ["a", "ñ", "600", "@", ""] {
        let _ = index.search(q, 50);
    }
    kb_screens(m, now);
    qa_screens(m, now);
    crate::standards_common::std_screens(m, now);
}

/// Quality inspection's views: reviews, totals, quota, suggestions, the
/// week's summary, training, the month's figures, evaluation and report.
fn qa_screens(m: &Model, now: DateTime<Utc>) {
    let today = m.zone().local_date(now);
    let days = [
        today,
        NaiveDate::from_ymd_opt(1900, 1, 1).unwrap_or_default(),
        NaiveDate::from_ymd_opt(2200, 12, 31).unwrap_or_default(),
    ];
    for s in m.staff.values() {
        let _ = qa::visible_reviews(m, s);
        let _ = qa::to_answer(m, s.id);
        let _ = qa::open_disputes(m, s);
        let _ = qa::plans_to_acknowledge(m, s);
        let _ = qa::report_warning(m, s, now);
        let _ = qa::suggest_contacts(m, s.id, now, 50);
        for d in days {
            let _ = qa::weekly_summary(m, s, d);
            let _ = qa::training_for(m, s.id, d);
            if let Ok(e) = qa::evaluation(m, s, d, now) {
                let _ = qa::best_and_worst(&e);
            }
        }
    }
    for r in m.qa.reviews.values() {
        let _ = qa::review_total(m, r);
        let _ = qa::status(m, r);
    }
    for r in m.qa.reports.values() {
        let _ = qa::changes_since(m, r);
    }
    for d in days {
        let _ = qa::month_figures(m, d, now);
    }
    let _ = qa::below_minimum(m, now);
    let _ = qa::current_scorecards(m);
}

/// The knowledge base's views: search, lists, usage, agenda, what a
/// contact used, an answer's wordings and where an outdated one sends.
fn kb_screens(m: &Model, now: DateTime<Utc>) {
    for q in ["a", "ñ", "{", "devolución", ""] {
        let want = kb::SearchFor {
            query: q.into(),
            ..kb::SearchFor::default()
        };
        for h in kb::search(m, &want, kb::MAX_HITS) {
            let _ = kb::fill(&h.text, &kb::Fill::default());
        }
    }
    for s in m.staff.values() {
        for status in kb::AnswerStatus::ALL {
            let _ = kb::answers_with_status(m, s, *status);
        }
        let _ = kb::next_agenda(m, &s.team, now);
    }
    for id in m.kb.answers.keys() {
        let _ = kb::replacement(m, *id);
        let _ = kb::usage_of(m, *id);
        let _ = kb::decisions_about(m, *id);
        let _ = m.kb.versions_of(*id);
    }
    for id in m.contacts.keys() {
        let _ = kb::used_on_contact(m, *id);
    }
    for id in m.dept.meetings.keys() {
        let _ = kb::agreed_at_meeting(m, *id);
    }
    let _ = kb::unused_for_review(m, now);
}
