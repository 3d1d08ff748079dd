//! Words: quality inspection (reviews, the monthly minimum, the agent's
//! answer and the director's ruling), and the five standard criteria by key.
//! One part of the `Key` table (`words/mod.rs` joins the parts): every
//! entry gives Spanish then English, so a key without both does not compile.

use super::{t, Key};
use crate::domain::Lang;

macro_rules! quality_words {
    ([$($rest:ident),*] $($acc:tt)*) => {
        chain! { [$($rest),*] $($acc)*
        QaLead => "Las escuchas de calidad: cada persona recibe al menos una al mes y como mucho cinco. Puntúa cada criterio de 1 a 5, o «No aplica»; el total va sobre 100.", "Quality reviews: each person gets at least one a month and at most five. Score each criterion from 1 to 5, or \u{201c}N/A\u{201d}; the total is out of 100.";
        QaLeadAgent => "Aquí ves las escuchas de tu trabajo. Acepta cada una o, si no estás de acuerdo, explícalo: tu desacuerdo llega a la dirección del departamento.", "Here are the reviews of your work. Acknowledge each one or, if you disagree, say why: your dispute goes to the department director.";
        QaLeadTeam => "Las escuchas de calidad de las personas de tu turno, con su respuesta y la resolución de la dirección.", "The quality reviews of the people in your team, with their answers and the director's rulings.";
        QaNewReview => "Evaluar a una persona", "Review an agent";
        QaAgent => "Persona evaluada", "Person reviewed";
        QaChooseAgent => "Elige a una persona", "Choose a person";
        QaNoAgents => "Aún no hay especialistas a quien evaluar: añádelos en Equipo.", "There are no representatives to review yet: add them under Team.";
        QaDate => "Fecha de la escucha", "Review date";
        QaContact => "Contacto escuchado (opcional)", "Contact reviewed (optional)";
        QaNoContact => "(ninguno)", "(none)";
        QaContactHint => "Contactos de este mes aún sin escuchar, repartidos entre canales y categorías.", "This month's contacts not reviewed yet, spread over channels and categories.";
        QaNoContactsToSuggest => "Esta persona no tiene contactos de este mes sin escuchar; puedes evaluar sin contacto.", "This person has no contact this month that is not reviewed yet; you may review without one.";
        QaReviewsLeft => "Escuchas que quedan este mes para esta persona:", "Reviews left this month for this person:";
        QaScorecard => "Ficha de evaluación", "Scorecard";
        QaStandardScorecard => "Ficha estándar", "Standard scorecard";
        QaScaleHint => "1 es 0 % y 5 es 100 %. «No aplica» deja el criterio fuera del total.", "1 is 0 % and 5 is 100 %. \u{201c}N/A\u{201d} leaves the criterion out of the total.";
        QaNotApplicable => "No aplica", "N/A";
        QaCritical => "crítico: por debajo de 3, el total es 0", "critical: below 3, the total is 0";
        QaWeight => "peso", "weight";
        QaComment => "Comentario", "Comment";
        QaCauses => "Causas (separadas por comas)", "Root causes (separated by commas)";
        QaCausesShown => "causas", "root causes";
        QaCausesHint => "Solo en puntuaciones de 1 o 2: por ejemplo «no verificó la identidad, tono brusco».", "Only on scores of 1 or 2: for example \u{201c}did not check identity, abrupt tone\u{201d}.";
        QaOverallComment => "Comentario general", "Overall comment";
        QaTotal => "Total", "Total";
        QaOutOf100 => "de 100", "out of 100";
        QaNoTotalYet => "Sin total todavía: puntúa al menos un criterio.", "No total yet: score at least one criterion.";
        QaNoTotal => "Sin total (nada puntuable)", "No total (nothing applicable)";
        QaScoreEvery => "Puntúa cada criterio o marca «No aplica».", "Score every criterion or mark it \u{201c}N/A\u{201d}.";
        QaChooseAgentFirst => "Elige a la persona evaluada.", "Choose the person reviewed.";
        QaDateNeeded => "Escribe la fecha de la escucha.", "Enter the review date.";
        QaSaveReview => "Guardar la escucha", "Save the review";
        QaReviewSaved => "Escucha guardada", "Review saved";
        QaBelowMinimum => "Por debajo del mínimo mensual", "Below the monthly minimum";
        QaBelowMinimumHint => "Personas con menos escuchas este mes de las que pide el mínimo; quien está de permiso el resto del mes no aparece.", "People with fewer reviews this month than the minimum; those on leave for the rest of the month are left out.";
        QaNobodyBelow => "Todo el mundo tiene ya las escuchas mínimas de este mes.", "Everyone has this month's minimum of reviews.";
        QaReviewsThisMonth => "Escuchas este mes:", "Reviews this month:";
        QaMinimum => "mínimo", "minimum";
        QaReviewThem => "Evaluar", "Review";
        QaReviews => "Escuchas", "Reviews";
        QaNoReviews => "Aún no hay escuchas. Registra la primera con el formulario de arriba.", "No reviews yet. Record the first one with the form above.";
        QaNoReviewsAgent => "Aún no hay escuchas de tu trabajo. Cuando la inspección de calidad evalúe uno de tus contactos, aparecerá aquí para que la aceptes o expliques tu desacuerdo.", "No reviews of your work yet. When the quality inspector reviews one of your contacts it appears here, for you to acknowledge or dispute.";
        QaNoReviewsSeen => "No hay escuchas que puedas ver.", "There are no reviews you may see.";
        QaToAnswer => "Esperan tu respuesta:", "Waiting for your answer:";
        QaReviewedBy => "Evaluó", "Reviewed by";
        QaOnContact => "Sobre un contacto", "On a contact";
        QaStatusPending => "Pendiente de respuesta", "Waiting for the answer";
        QaStatusAcknowledged => "Aceptada", "Acknowledged";
        QaStatusDisputed => "En desacuerdo", "Disputed";
        QaStatusUpheld => "Resuelta: se mantiene", "Ruled: upheld";
        QaStatusChanged => "Resuelta: puntuación cambiada", "Ruled: score changed";
        QaDetails => "Puntuaciones y comentarios", "Scores and comments";
        QaAcknowledge => "Aceptar la escucha", "Acknowledge";
        QaAcknowledged => "Escucha aceptada", "Review acknowledged";
        QaDispute => "No estoy de acuerdo", "Dispute";
        QaDisputeWhy => "Por qué no estás de acuerdo", "Why you disagree";
        QaSendDispute => "Enviar el desacuerdo", "Send the dispute";
        QaDisputed => "Desacuerdo enviado a la dirección del departamento", "Dispute sent to the department director";
        QaAgentSaid => "Respuesta de la persona evaluada:", "The agent's answer:";
        QaRulingBy => "Resolución de", "Ruling by";
        QaOpenDisputes => "Desacuerdos por resolver", "Disputes to rule on";
        QaNoDisputes => "Ningún desacuerdo espera tu resolución.", "No dispute is waiting for your ruling.";
        QaRulingComment => "Comentario de la resolución", "Comment on the ruling";
        QaUphold => "Mantener la puntuación", "Uphold the score";
        QaChangeScore => "Cambiar la puntuación", "Change the score";
        QaSaveChange => "Guardar la nueva puntuación", "Save the new score";
        QaRuled => "Resolución guardada", "Ruling saved";
        QaNewScore => "Nueva puntuación", "New score";
        QaCritWording => "Términos de servicio", "Service wording";
        QaCritAttitude => "Actitud de servicio", "Service attitude";
        QaCritTone => "Tono de voz", "Tone of voice";
        QaCritSummary => "Capacidad para resumir las necesidades del cliente", "Summarising the customer's needs";
        QaTodayToAnswer => "Escuchas que esperan tu respuesta", "Reviews waiting for your answer";
        QaTodayDisputes => "Desacuerdos de escuchas por resolver", "Review disputes to rule on";
        QaTodayPlans => "Planes de formación por confirmar", "Training plans to acknowledge";
        QaTodayTraining => "Formación", "Training";
        QaTodayRuns => "la impartes tú", "you run it";
        QaTodayDue => "para el", "by";
        QaReportDue => "El informe de calidad de este mes aún no se ha emitido: hay que emitirlo antes del día 22.", "This month's quality report is not issued yet: it is due before the 22nd.";
        QaReportOverdue => "El informe de calidad de este mes está atrasado: debía emitirse antes del día 22.", "This month's quality report is late: it was due before the 22nd.";
        QaIssueReport => "Ir al informe mensual", "Go to the monthly report";
        QaAreas => "Partes de la inspección de calidad", "Parts of quality inspection";
        QaTrainOn => "Respuesta unificada para formarse (opcional)", "Standard answer to train on (optional)";
        QaNoAnswerToTrainOn => "(ninguna)", "(none)";
        QaTrainOnShown => "Para formarse", "To train on";
        QaCritAnswering => "Capacidad para responder", "Answering the customer";
        }
    };
}

/// A criterion's words: the interface's for the five standard ones (by
/// key), else its name as typed (a custom criterion).
pub fn criterion_label(lang: Lang, key: &str, name: &str) -> String {
    let standard = match key {
        "wording" => Some(Key::QaCritWording),
        "attitude" => Some(Key::QaCritAttitude),
        "tone" => Some(Key::QaCritTone),
        "summary" => Some(Key::QaCritSummary),
        "answering" => Some(Key::QaCritAnswering),
        _ => None,
    };
    match standard {
        Some(k) if name.trim().is_empty() => t(lang, k).to_string(),
        _ if !name.trim().is_empty() => name.to_string(),
        _ => key.to_string(),
    }
}

/// A total in tenths of a percent as a person reads it: "72,5" (es),
/// "72.5" (en), "80" when whole.
pub fn total_text(lang: Lang, tenths: u32) -> String {
    let (whole, tenth) = (tenths / 10, tenths % 10);
    if tenth == 0 {
        return whole.to_string();
    }
    let (_, decimal) = super::dates::digit_marks(lang);
    format!("{whole}{decimal}{tenth}")
}
