//! Names of the return-visit code lists, in both languages.

use crate::domain::visits::CampaignReason;
use crate::domain::visits::{VisitMethod, VisitOutcome, VisitReason};
use crate::domain::Lang;

use super::pick;

pub fn reason_label(lang: Lang, r: VisitReason) -> &'static str {
    match r {
        VisitReason::StoreVisit => pick(lang, "Tras visita a tienda", "After a store visit"),
        VisitReason::ComplaintClosed => {
            pick(lang, "Tras cerrar una queja", "After a complaint closed")
        }
        VisitReason::Member => pick(lang, "Socio (periódica)", "Member (periodic)"),
        VisitReason::Birthday => pick(lang, "Cumpleaños", "Birthday"),
        VisitReason::CardRenewal => pick(lang, "Renovación de tarjeta", "Card renewal"),
        VisitReason::Campaign => pick(lang, "Campaña", "Campaign"),
    }
}

pub fn method_label(lang: Lang, m: VisitMethod) -> &'static str {
    match m {
        VisitMethod::Phone => pick(lang, "Teléfono", "Phone"),
        VisitMethod::Email => pick(lang, "Correo", "E-mail"),
        VisitMethod::Sms => pick(lang, "SMS", "SMS"),
    }
}

pub fn outcome_label(lang: Lang, o: VisitOutcome) -> &'static str {
    match o {
        VisitOutcome::Satisfied => pick(lang, "Satisfecho", "Satisfied"),
        VisitOutcome::Average => pick(lang, "Regular", "Average"),
        VisitOutcome::Dissatisfied => pick(lang, "Insatisfecho", "Dissatisfied"),
        VisitOutcome::Unreachable => pick(lang, "No localizable", "Unreachable"),
        VisitOutcome::CallbackRequested => {
            pick(lang, "Pide que le llamen más tarde", "Callback requested")
        }
    }
}

pub fn campaign_label(lang: Lang, r: CampaignReason) -> &'static str {
    match r {
        CampaignReason::Holiday => pick(lang, "Festividad", "Holiday"),
        CampaignReason::Anniversary => pick(lang, "Aniversario", "Anniversary"),
        CampaignReason::Promotion => pick(lang, "Promoción", "Promotion"),
    }
}
