//! Stored values in people's words, for the conflict list: a field's label
//! as its form shows it, a value as the form shows it (phones as a comma
//! list, dates formatted, codes by their labels, yes / no), a record's
//! kind, and a device by the name it chose. Never JSON, never an id.
//!
//! What is shown may come from any device, so it is bounded: at most
//! `MAX_CHARS` characters and `MAX_ITEMS` items, nesting read `MAX_DEPTH`
//! levels down, control and direction-changing characters dropped; a value
//! that does not fit its field's schema is shown by its plain parts.

use super::complaint_labels::{
    acceptance_label, cause_label, matter_label, severity_label, stage_label, step_label,
};
use super::dates::month_abbr;
use super::labels::{
    category_label, channel_label, direction_label, kind_label, preferred_label, role_label,
    status_label,
};
use super::visit_labels::{campaign_label, method_label, outcome_label, reason_label};
use super::{pick, t, Key};
use crate::domain::base::zone::Zone;
use crate::domain::schema::{self, Spec};
use crate::domain::Lang;
use crate::sync::RecordId;
use chrono::{DateTime, Datelike, NaiveDate, Utc};
use serde::de::DeserializeOwned;
use serde_json::Value;

/// The longest value shown, in characters (then "…").
pub const MAX_CHARS: usize = 300;
/// The most items of a list shown (then "…").
pub const MAX_ITEMS: usize = 20;
/// How deep inside nested values the plain reading goes.
const MAX_DEPTH: usize = 3;

/// What formatting needs besides the value: the language, the
/// organisation's zone (instants are local times), and the name of a
/// record an id points at (a person, a customer …).
pub struct Shown<'a> {
    pub lang: Lang,
    pub zone: Zone,
    pub name_of: &'a dyn Fn(RecordId) -> Option<String>,
}

/// A day as the screens show it: "3 Mar 2025" / "3 mar 2025".
pub fn day(lang: Lang, d: NaiveDate) -> String {
    format!(
        "{} {} {}",
        d.day(),
        month_abbr(lang, d.month0() as usize),
        d.year()
    )
}

/// An instant as a local day and time in `zone`: "3 Mar 2025, 14:05".
pub fn moment(lang: Lang, zone: Zone, at: DateTime<Utc>) -> String {
    let local = zone.local(at);
    format!("{}, {}", day(lang, local.date()), local.format("%H:%M"))
}

/// Text made safe to show: control characters become spaces, characters
/// that reorder text (bidi controls) are dropped, runs of spaces shrink,
/// and at most `max` characters are kept (then "…").
pub fn clean(text: &str, max: usize) -> String {
    let mut out = String::new();
    let mut count = 0;
    let mut space = false;
    for c in text.trim().chars() {
        if matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}')
        {
            continue;
        }
        let c = if c.is_control() { ' ' } else { c };
        if c == ' ' && space {
            continue;
        }
        space = c == ' ';
        if count == max {
            out.truncate(out.trim_end().len());
            out.push('…');
            return out;
        }
        out.push(c);
        count += 1;
    }
    out.trim_end().to_string()
}

/// A device as people know it: the name it chose, else words (with when
/// it was first seen, when known); "(this device)" for this one.
pub fn device_words(
    lang: Lang,
    zone: Zone,
    name: Option<&str>,
    first_seen_ms: Option<u64>,
    this_device: bool,
) -> String {
    let named = name
        .map(|n| clean(n, crate::domain::base::limits::MAX_NAME))
        .filter(|n| !n.is_empty());
    let mut out = match named {
        Some(n) => n,
        None => {
            let first = first_seen_ms
                .and_then(|ms| DateTime::from_timestamp_millis(i64::try_from(ms).ok()?))
                .map(|at| day(lang, zone.local_date(at)));
            match first {
                Some(d) => format!(
                    "{} ({} {d})",
                    t(lang, Key::DeviceUnnamed),
                    t(lang, Key::DeviceFirstSeen)
                ),
                None => t(lang, Key::DeviceUnnamed).to_string(),
            }
        }
    };
    if this_device {
        out.push_str(&format!(" ({})", t(lang, Key::DeviceThisOne)));
    }
    out
}

/// A record kind in words ("Customer", "Leave request"); every kind
/// `KNOWN_KINDS` lists has its own (a native test checks), others "Record".
pub fn kind_words(lang: Lang, kind: &str) -> &'static str {
    let (es, en) = match kind {
        "org" => ("Organización", "Organisation"),
        "staff" => ("Persona", "Person"),
        "device" => ("Dispositivo", "Device"),
        "customer" => ("Cliente", "Customer"),
        "contact" => ("Contacto", "Contact"),
        "complaint" => ("Queja", "Complaint"),
        "complaint_event" => ("Paso de una queja", "Complaint step"),
        "escalation" => ("Escalado", "Escalation"),
        "escalation_step" => ("Paso de un escalado", "Escalation step"),
        "visit" => ("Visita de regreso", "Return visit"),
        "visit_attempt" => ("Intento de visita", "Visit attempt"),
        "campaign" => ("Campaña", "Campaign"),
        "script" => ("Guion de llamada", "Call script"),
        "task" => ("Tarea", "Task"),
        "team" => ("Equipo", "Team"),
        "shift" => ("Turno", "Shift"),
        "holiday" => ("Festivo", "Holiday"),
        "roster_entry" => ("Turno del cuadrante", "Roster entry"),
        "staff_profile" => ("Ficha de la persona", "Staff profile"),
        "leave" => ("Permiso", "Leave request"),
        "approval" => ("Decisión", "Decision"),
        "swap" => ("Cambio de turno", "Shift swap"),
        "attendance" => ("Asistencia", "Attendance"),
        "handover" => ("Relevo", "Handover"),
        "announcement" => ("Aviso", "Announcement"),
        "receipt" => ("Lectura o acuse", "Receipt"),
        "meeting" => ("Reunión", "Meeting"),
        "decision" => ("Acuerdo de reunión", "Meeting decision"),
        "answer" => ("Respuesta unificada", "Standard answer"),
        "answer_version" => ("Redacción de una respuesta", "Answer wording"),
        "answer_use" => ("Uso de una respuesta", "Answer use"),
        "answer_gap" => ("Pregunta sin respuesta", "Question without an answer"),
        "qa_scorecard" => ("Ficha de evaluación de calidad", "Quality scorecard"),
        "qa_review" => ("Escucha de calidad", "Quality review"),
        "qa_reply" => ("Respuesta a una escucha", "Reply to a quality review"),
        "qa_ruling" => (
            "Resolución de una reclamación de escucha",
            "Ruling on a disputed review",
        ),
        "qa_settings" => ("Ajustes de calidad", "Quality settings"),
        "qa_plan" => ("Plan de formación semanal", "Weekly training plan"),
        "qa_plan_item" => ("Acción de formación", "Training item"),
        "qa_report" => ("Informe mensual de calidad", "Monthly quality report"),
        "report_issue" => (
            "Informe semanal o mensual emitido",
            "Issued weekly or monthly report",
        ),
        "std_department" => ("Departamento", "Department"),
        "std_standard" => (
            "Versión de un estándar de servicio",
            "Service standard version",
        ),
        "std_audit" => ("Auditoría de un departamento", "Department audit"),
        "std_finding" => ("Hallazgo de una auditoría", "Audit finding"),
        "std_action" => ("Acción de mejora", "Improvement action"),
        _ => ("Registro", "Record"),
    };
    pick(lang, es, en)
}

/// The label a form gives this field (the same words), else the name
/// refusals use for it, else "Other detail".
pub fn field_words(lang: Lang, kind: &str, field: &str) -> &'static str {
    let key = match (kind, field) {
        ("customer", "kind") => Some(Key::CustomerKind),
        ("customer", "phones") => Some(Key::Phones),
        ("customer", "preferred_channel") => Some(Key::PreferredChannel),
        ("customer", "card_number") => Some(Key::CardNumber),
        ("customer", "card_expiry") => Some(Key::CardExpiry),
        ("customer", "source") => Some(Key::Source),
        ("customer", "specialist") => Some(Key::Specialist),
        ("org", "name") => Some(Key::OrganisationName),
        ("org", "time_zone") => Some(Key::TimeZone),
        ("device", "name") => Some(Key::DeviceName),
        ("staff", "role") => Some(Key::Role),
        ("staff", "skills") => Some(Key::Skills),
        ("contact", "channel") => Some(Key::Channel),
        ("contact", "direction") => Some(Key::Direction),
        ("contact", "category") => Some(Key::Category),
        ("contact", "owner") => Some(Key::Owner),
        ("contact", "status") => Some(Key::Status),
        (_, "name") => Some(Key::Name),
        (_, "email") => Some(Key::Email),
        (_, "phone") => Some(Key::Phone),
        (_, "birthday") => Some(Key::Birthday),
        (_, "tags") => Some(Key::Tags),
        (_, "quiet_hours") => Some(Key::QuietHours),
        (_, "notes") => Some(Key::Notes),
        (_, "team") => Some(Key::Team),
        (_, "summary") => Some(Key::Summary),
        (_, "resolution") => Some(Key::Resolution),
        (_, "received_at") => Some(Key::ReceivedAt),
        (_, "first_response_at") => Some(Key::FirstResponse),
        _ => None,
    };
    if let Some(key) = key {
        return t(lang, key);
    }
    let named = super::field_names::field_label(field, lang);
    if named != super::field_names::field_label("", lang) {
        return named;
    }
    t(lang, Key::OtherDetail)
}

/// A stored value as the form shows it, bounded; any JSON at all is
/// shown without panicking.
pub fn value_words(s: &Shown, kind: &str, field: &str, value: &Value) -> String {
    let text = match schema::spec(kind, field) {
        Some((_, spec)) if schema::check(spec, value).is_ok() => {
            by_spec(s, kind, field, spec, value)
        }
        // A code this version does not know (a newer one's): its words.
        Some((_, Spec::Code(_))) if value.is_string() => code_words(s.lang, kind, field, value),
        _ => plain(s, value, 0),
    };
    let text = clean(&text, MAX_CHARS);
    match text.is_empty() {
        true => t(s.lang, Key::ValueEmpty).to_string(),
        false => text,
    }
}

fn yes_no(lang: Lang, b: bool) -> String {
    t(lang, if b { Key::ValueYes } else { Key::ValueNo }).to_string()
}

/// At most `MAX_ITEMS` items, then "…".
fn join(items: impl Iterator<Item = String>, sep: &str) -> String {
    let mut out: Vec<String> = Vec::new();
    for (i, item) in items.enumerate() {
        if i == MAX_ITEMS {
            out.push("…".into());
            break;
        }
        if !item.is_empty() {
            out.push(item);
        }
    }
    out.join(sep)
}

/// A value that met its field's schema.
fn by_spec(s: &Shown, kind: &str, field: &str, spec: Spec, v: &Value) -> String {
    let text = || v.as_str().unwrap_or_default().to_string();
    match spec {
        Spec::Text(_) | Spec::HhMm => text(),
        Spec::Bytes(_) => t(s.lang, Key::ValueSignature).into(),
        Spec::Bool => yes_no(s.lang, v.as_bool().unwrap_or_default()),
        Spec::Id => {
            let id = v.as_str().and_then(|t| t.parse::<RecordId>().ok());
            id.and_then(|id| (s.name_of)(id))
                .unwrap_or_else(|| t(s.lang, Key::ValueOtherRecord).into())
        }
        Spec::Date => read::<NaiveDate>(v)
            .map(|d| day(s.lang, d))
            .unwrap_or_default(),
        Spec::Instant => crate::domain::base::when::utc(v)
            .map(|at| moment(s.lang, s.zone, at))
            .unwrap_or_default(),
        Spec::Time => text().chars().take(5).collect(),
        Spec::Int(..) => v.as_i64().map(|n| n.to_string()).unwrap_or_default(),
        Spec::Code(_) => code_words(s.lang, kind, field, v),
        Spec::Opt(inner) if !v.is_null() => by_spec(s, kind, field, *inner, v),
        Spec::Opt(_) => String::new(),
        Spec::List(inner) => join(
            v.as_array()
                .into_iter()
                .flatten()
                .map(|item| by_spec(s, kind, field, *inner, item)),
            ", ",
        ),
        Spec::Pair(a, b) => match v.as_array().map(Vec::as_slice) {
            Some([x, y]) => format!(
                "{}–{}",
                by_spec(s, kind, field, *a, x),
                by_spec(s, kind, field, *b, y)
            ),
            _ => plain(s, v, 0),
        },
        Spec::Object(fields) => join(
            fields.iter().filter_map(|(name, inner)| {
                let item = v.get(*name).filter(|x| !x.is_null())?;
                Some(by_spec(s, kind, name, *inner, item))
            }),
            " · ",
        ),
        Spec::Tagged(_) => plain(s, v, 0),
    }
}

/// Any JSON by its plain parts: text, numbers, yes / no, items and
/// member values (not their keys), bounded in count and depth.
fn plain(s: &Shown, v: &Value, depth: usize) -> String {
    if depth > MAX_DEPTH {
        return "…".into();
    }
    match v {
        Value::Null => String::new(),
        Value::Bool(b) => yes_no(s.lang, *b),
        Value::Number(n) => n.to_string(),
        Value::String(text) => clean(text, MAX_CHARS),
        Value::Array(items) => join(items.iter().map(|i| plain(s, i, depth + 1)), ", "),
        Value::Object(map) => join(map.values().map(|i| plain(s, i, depth + 1)), " · "),
    }
}

fn read<T: DeserializeOwned>(v: &Value) -> Option<T> {
    T::deserialize(v).ok()
}

/// A code by its label, as the forms list it; a code with no label here
/// reads as its words ("holiday_duty" -> "holiday duty").
fn code_words(lang: Lang, kind: &str, field: &str, v: &Value) -> String {
    use crate::domain::complaint::{Acceptance, Cause, Severity, Stage};
    use crate::domain::contact::{Category, Channel, ContactStatus, Direction};
    use crate::domain::customer::{CustomerKind, PreferredChannel};
    use crate::domain::escalation::{Matter, StepKind};
    use crate::domain::staff::Role;
    use crate::domain::visits::{CampaignReason, VisitMethod, VisitOutcome, VisitReason};
    let label: Option<String> = match (kind, field) {
        (_, "kind" | "customer_kind") if kind == "customer" || kind == "campaign" => {
            read::<CustomerKind>(v).map(|k| kind_label(lang, k).into())
        }
        ("escalation_step", "kind") => read::<StepKind>(v).map(|k| step_label(lang, k).into()),
        ("customer", "preferred_channel") => {
            read::<PreferredChannel>(v).map(|c| preferred_label(lang, c).into())
        }
        (_, "role" | "raised_role" | "to_role" | "needs") => {
            read::<Role>(v).map(|r| role_label(lang, r))
        }
        (_, "channel") => read::<Channel>(v).map(|c| channel_label(lang, c).into()),
        (_, "direction") => read::<Direction>(v).map(|d| direction_label(lang, d).into()),
        (_, "category") => read::<Category>(v).map(|c| category_label(lang, c).into()),
        ("contact", "status") => read::<ContactStatus>(v).map(|c| status_label(lang, c).into()),
        (_, "stage" | "from") => read::<Stage>(v).map(|st| stage_label(lang, st).into()),
        (_, "severity") => read::<Severity>(v).map(|x| severity_label(lang, x).into()),
        (_, "cause") => read::<Cause>(v).map(|x| cause_label(lang, x).into()),
        (_, "acceptance") => read::<Acceptance>(v).map(|x| acceptance_label(lang, x).into()),
        (_, "matter") => read::<Matter>(v).map(|x| matter_label(lang, x).into()),
        ("campaign", "reason") => read::<CampaignReason>(v).map(|x| campaign_label(lang, x).into()),
        (_, "reason") => read::<VisitReason>(v).map(|x| reason_label(lang, x).into()),
        (_, "method") => read::<VisitMethod>(v).map(|x| method_label(lang, x).into()),
        (_, "outcome") => read::<VisitOutcome>(v).map(|x| outcome_label(lang, x).into()),
        ("script", "lang") => read::<Lang>(v).map(|l| super::dates::lang_name(l).into()),
        _ => None,
    };
    label.unwrap_or_else(|| v.as_str().unwrap_or_default().replace('_', " "))
}
