//! Names of the complaint and escalation code lists, in both languages.

use crate::domain::complaint::{Acceptance, Cause, Severity, Stage};
use crate::domain::escalation::{Matter, StepKind};
use crate::domain::Lang;

use super::pick;

pub fn severity_label(lang: Lang, s: Severity) -> &'static str {
    match s {
        Severity::Low => pick(lang, "Leve", "Low"),
        Severity::Normal => pick(lang, "Normal", "Normal"),
        Severity::Serious => pick(lang, "Grave", "Serious"),
    }
}

pub fn cause_label(lang: Lang, c: Cause) -> &'static str {
    match c {
        Cause::ProductQuality => pick(lang, "Calidad del producto", "Product quality"),
        Cause::ServiceAttitude => pick(lang, "Actitud en el servicio", "Service attitude"),
        Cause::Delivery => pick(lang, "Entrega / logística", "Delivery / logistics"),
        Cause::Billing => pick(lang, "Facturación", "Billing"),
        Cause::Maintenance => pick(lang, "Calidad del mantenimiento", "Maintenance quality"),
        Cause::Other => pick(lang, "Otra", "Other"),
    }
}

pub fn acceptance_label(lang: Lang, a: Acceptance) -> &'static str {
    match a {
        Acceptance::Accepted => pick(lang, "El cliente acepta", "The customer accepts"),
        Acceptance::NotAccepted => {
            pick(lang, "El cliente no acepta", "The customer does not accept")
        }
    }
}

pub fn matter_label(lang: Lang, m: Matter) -> &'static str {
    match m {
        Matter::ConfidentialityLeak => pick(
            lang,
            "Fuga de información confidencial",
            "Confidentiality leak",
        ),
        Matter::MajorError => pick(lang, "Error grave o accidente", "Major error or accident"),
        Matter::EquipmentSafety => pick(lang, "Seguridad de los equipos", "Safety of equipment"),
        Matter::BeyondScope => pick(lang, "Fuera de mis competencias", "Beyond my scope"),
        Matter::TroublemakerCustomer => pick(
            lang,
            "Cliente que provoca problemas a propósito",
            "A customer deliberately making trouble",
        ),
    }
}

pub fn step_label(lang: Lang, k: StepKind) -> &'static str {
    match k {
        StepKind::Up => pick(lang, "Escalado a", "Escalated to"),
        StepKind::Instruction => pick(lang, "Instrucción", "Instruction"),
        StepKind::Acknowledged => pick(lang, "Enterado", "Acknowledged"),
        StepKind::Closed => pick(lang, "Cerrado", "Closed"),
    }
}

/// A complaint stage's name.
pub fn stage_label(lang: Lang, value: Stage) -> &'static str {
    let (es, en) = match value {
        Stage::Accepted => ("Aceptación", "Accepted"),
        Stage::Judged => ("Valoración", "Judged"),
        Stage::Investigated => ("Investigación", "Investigated"),
        Stage::PlanChosen => ("Elección del plan", "Plan chosen"),
        Stage::Implemented => ("Ejecución", "Implemented"),
        Stage::Evaluated => ("Evaluación", "Evaluated"),
    };
    match lang {
        Lang::Es => es,
        Lang::En => en,
    }
}
