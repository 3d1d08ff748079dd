//! Call scripts (R-RV-05): editable templates per language, with the
//! customer's and agent's names filled in, branching on the answer.

use super::Script;
use crate::domain::base::lang::Lang;
use crate::domain::base::limits::{text_into, Need};
use crate::domain::base::record::{to_writes, Audit};
use crate::domain::customer::Customer;
use crate::domain::error::RuleError;
use crate::domain::model::Model;
use crate::domain::staff::{require, Action, Staff};
use crate::domain::visits::{VisitOutcome, VisitReason};
use crate::sync::{RecordId, Write};
use chrono::{DateTime, Utc};

/// What a template may say in braces.
pub const PLACEHOLDERS: &[&str] = &["greeting", "customer", "agent", "reason", "org"];

/// The greeting for the hour of the day (0–23) where the organisation is:
/// "Buenos días" until noon, "Buenas tardes" until 20:00, then "Buenas
/// noches"; in English the evening starts at 18:00. Before 05:00 it is
/// still night.
pub fn greeting(lang: Lang, local_hour: u32) -> &'static str {
    let evening_from = match lang {
        Lang::Es => 20,
        Lang::En => 18,
    };
    let (es, en) = match local_hour {
        5..=11 => ("Buenos días", "Good morning"),
        h if (12..evening_from).contains(&h) => ("Buenas tardes", "Good afternoon"),
        _ => ("Buenas noches", "Good evening"),
    };
    match lang {
        Lang::Es => es,
        Lang::En => en,
    }
}

/// Why we call, as the script says it.
pub fn reason_phrase(reason: VisitReason, lang: Lang) -> &'static str {
    let (es, en) = match reason {
        VisitReason::StoreVisit => ("su visita a nuestra tienda", "your visit to our store"),
        VisitReason::ComplaintClosed => ("la queja que nos presentó", "the complaint you made"),
        VisitReason::Member => ("su condición de socio", "being one of our members"),
        VisitReason::Birthday => (
            "su cumpleaños: ¡felicidades!",
            "your birthday: happy birthday!",
        ),
        VisitReason::CardRenewal => ("la renovación de su tarjeta", "renewing your card"),
        VisitReason::Campaign => ("nuestra campaña", "our campaign"),
    };
    match lang {
        Lang::Es => es,
        Lang::En => en,
    }
}

/// The built-in script of a language, used until someone saves one.
pub fn default_script(lang: Lang) -> Script {
    let t = |es: &str, en: &str| match lang {
        Lang::Es => es.to_string(),
        Lang::En => en.to_string(),
    };
    Script {
        lang,
        opening: t(
            "{greeting}, {customer}. Le llama {agent}, de {org}. Le llamamos por {reason}. ¿Tiene un momento?",
            "{greeting}, {customer}. This is {agent} from {org}. We are calling about {reason}. Do you have a moment?",
        ),
        question: t(
            "¿Cómo valora nuestro servicio: satisfecho, normal o insatisfecho?",
            "How would you rate our service: satisfied, average or dissatisfied?",
        ),
        satisfied: t(
            "¡Nos alegra mucho! ¿Tiene alguna sugerencia para que lo hagamos aún mejor?",
            "We are glad to hear it! Do you have any suggestion to help us do even better?",
        ),
        not_satisfied: t(
            "Lamentamos mucho que no haya quedado satisfecho y le pedimos disculpas. ¿Qué deberíamos mejorar? Le prometemos que lo trasladaremos y trabajaremos para mejorarlo.",
            "We are very sorry you were not satisfied, and we apologise. What should we improve? We promise to pass it on and work to improve it.",
        ),
        closing: t(
            "Muchas gracias por su tiempo, {customer}. Que tenga un buen día.",
            "Thank you very much for your time, {customer}. Have a good day.",
        ),
        ..Script::default()
    }
}

/// The script for a reason and language: a saved one for that reason, else
/// a saved general one, else the built-in one. The latest edit wins.
pub fn script_for(model: &Model, reason: VisitReason, lang: Lang) -> Script {
    let newest = |want: Option<VisitReason>| {
        model
            .rv
            .scripts
            .values()
            .filter(|s| s.lang == lang && s.reason == want)
            .max_by_key(|s| (s.audit.changed_at, s.id))
            .cloned()
    };
    newest(Some(reason))
        .or_else(|| newest(None))
        .unwrap_or_else(|| default_script(lang))
}

/// Replaces known placeholders in one pass: a name that itself contains
/// "{agent}" stays as typed.
fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let hit = after.find('}').and_then(|close| {
            let name = &after[..close];
            values
                .iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| (*v, close))
        });
        match hit {
            Some((value, close)) => {
                out.push_str(value);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// A script with the names filled in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    pub opening: String,
    pub question: String,
    pub satisfied: String,
    pub not_satisfied: String,
    pub closing: String,
}

impl Rendered {
    /// What to say after the answer: satisfied → ask for suggestions;
    /// average / dissatisfied → ask what to improve, apologise, promise.
    pub fn branch(&self, answer: VisitOutcome) -> Vec<&str> {
        match answer {
            VisitOutcome::Satisfied => vec![&self.satisfied, &self.closing],
            VisitOutcome::Average | VisitOutcome::Dissatisfied => {
                vec![&self.not_satisfied, &self.closing]
            }
            VisitOutcome::CallbackRequested => vec![&self.closing],
            VisitOutcome::Unreachable => Vec::new(),
        }
    }
}

/// R-RV-05: the script with {greeting}, {customer}, {agent}, {reason} and
/// {org} filled in; `local_hour` is the hour of the call where the
/// organisation is (its time zone), which the greeting follows.
pub fn render_script(
    script: &Script,
    customer: &Customer,
    agent: &Staff,
    reason: VisitReason,
    org: &str,
    local_hour: u32,
) -> Rendered {
    let values = [
        ("greeting", greeting(script.lang, local_hour)),
        ("customer", customer.name.as_str()),
        ("agent", agent.name.as_str()),
        ("reason", reason_phrase(reason, script.lang)),
        ("org", org),
    ];
    let f = |t: &str| fill(t, &values);
    Rendered {
        opening: f(&script.opening),
        question: f(&script.question),
        satisfied: f(&script.satisfied),
        not_satisfied: f(&script.not_satisfied),
        closing: f(&script.closing),
    }
}

/// The script editor's form.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ScriptDraft {
    pub lang: Lang,
    pub reason: Option<VisitReason>,
    pub opening: String,
    pub question: String,
    pub satisfied: String,
    pub not_satisfied: String,
    pub closing: String,
}

use crate::domain::base::limits::MAX_TEXT;

/// Names in braces that are not placeholders.
fn unknown_placeholders(t: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = t;
    while let Some(open) = rest.find('{') {
        rest = &rest[open + 1..];
        if let Some(close) = rest.find('}') {
            let name = &rest[..close];
            if !PLACEHOLDERS.contains(&name) && !out.iter().any(|o| o == name) {
                out.push(name.to_string());
            }
            rest = &rest[close + 1..];
        }
    }
    out
}

/// Saves a script (team leader or higher). Every part but the closing is
/// needed, and only known placeholders may be used.
pub fn save_script(
    _model: &Model,
    actor: &Staff,
    existing: Option<&Script>,
    draft: ScriptDraft,
    id: RecordId,
    now: DateTime<Utc>,
) -> Result<Vec<Write>, Vec<RuleError>> {
    require(actor, Action::EditScripts).map_err(|e| vec![e])?;
    let mut errors = Vec::new();
    let parts = [
        ("opening", &draft.opening, true),
        ("question", &draft.question, true),
        ("satisfied", &draft.satisfied, true),
        ("not_satisfied", &draft.not_satisfied, true),
        ("closing", &draft.closing, false),
    ];
    for (field, text, needed) in parts {
        let need = if needed {
            Need::Required
        } else {
            Need::Optional
        };
        let t = text_into(text, field, MAX_TEXT, need, &mut errors);
        for name in unknown_placeholders(&t) {
            errors.push(RuleError::UnknownPlaceholder { field, name });
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut s = existing.cloned().unwrap_or_else(|| Script {
        id,
        audit: Audit::new(actor.id, now),
        ..Script::default()
    });
    s.lang = draft.lang;
    s.reason = draft.reason;
    s.opening = draft.opening.trim().to_string();
    s.question = draft.question.trim().to_string();
    s.satisfied = draft.satisfied.trim().to_string();
    s.not_satisfied = draft.not_satisfied.trim().to_string();
    s.closing = draft.closing.trim().to_string();
    s.audit.touch(actor.id, now);
    Ok(to_writes(existing, &s))
}
