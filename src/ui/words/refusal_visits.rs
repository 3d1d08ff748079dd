//! The return-visit refusals in words (R-RV-…), and the names of their
//! fields.

use crate::domain::{Lang, RuleError};

pub(super) fn label(field: &str) -> Option<(&'static str, &'static str)> {
    Some(match field {
        "visit" => ("Visita de regreso", "Return visit"),
        "task" => ("Tarea", "Task"),
        "method" => (
            "Medio (teléfono, correo, SMS)",
            "Method (phone, e-mail, SMS)",
        ),
        "outcome" => ("Resultado", "Outcome"),
        "unhappy_with" => ("Lo que no le gustó", "What they are unhappy with"),
        "suggestions" => ("Sugerencias", "Suggestions"),
        "callback_at" => ("Hora acordada para volver a llamar", "Agreed callback time"),
        "reply_promised_by" => ("Respuesta prometida para", "Reply promised by"),
        "reply_about" => ("Pregunta pendiente", "Open question"),
        "quiet_override" => (
            "Motivo para llamar en horas de descanso",
            "Reason to call in quiet hours",
        ),
        "opening" => ("Saludo", "Opening"),
        "question" => ("Pregunta", "Question"),
        "satisfied" => ("Si está satisfecho", "If satisfied"),
        "not_satisfied" => ("Si no está satisfecho", "If not satisfied"),
        "closing" => ("Despedida", "Closing"),
        "starts" => ("Inicio", "Start"),
        "ends" => ("Fin", "End"),
        "to" => ("Hasta", "To"),
        _ => return None,
    })
}

pub(super) fn refusal(lang: Lang, e: &RuleError) -> String {
    use RuleError::*;
    let pick = |a: String, b: String| super::pick(lang, a, b);
    match e {
        QuietHours { until } if until.is_empty() => pick(
            "Es hora de descanso del cliente (R-RV-01): escribe el motivo para llamar ahora o cambia sus horas de descanso.".into(),
            "It is the customer's quiet time (R-RV-01): write why you must call now, or change their quiet hours.".into(),
        ),
        QuietHours { until } => pick(
            format!("Es hora de descanso del cliente (R-RV-01): llama a partir de las {until} o escribe el motivo para llamar ahora."),
            format!("It is the customer's quiet time (R-RV-01): call from {until}, or write why you must call now."),
        ),
        VisitDone => pick(
            "Esta visita de regreso ya está completada; si el cliente vuelve a llamar, registra un contacto nuevo.".into(),
            "This return visit is already completed; if the customer calls again, record a new contact.".into(),
        ),
        UnhappyWithRequired => pick(
            "El cliente no quedó satisfecho: escribe con sus palabras lo que no le gustó (R-RV-03).".into(),
            "The customer was not satisfied: write, in their words, what they are unhappy with (R-RV-03).".into(),
        ),
        NoConversation => pick(
            "Nadie contestó, así que no se prometió nada: borra la fecha de respuesta o elige el resultado real de la llamada.".into(),
            "Nobody answered, so nothing was promised: clear the reply date, or choose the call's real outcome.".into(),
        ),
        CallbackNotFuture => pick(
            "La hora acordada para volver a llamar ya pasó: elige una hora futura (R-RV-04).".into(),
            "The agreed callback time has already passed: pick a time in the future (R-RV-04).".into(),
        ),
        UnknownPlaceholder { field, name } => {
            let (fes, fen) = label(field).unwrap_or(("Texto", "Text"));
            pick(
                format!("{fes}: {{{name}}} no es un marcador conocido; usa {{greeting}}, {{customer}}, {{agent}}, {{reason}} o {{org}} (R-RV-05)."),
                format!("{fen}: {{{name}}} is not a known placeholder; use {{greeting}}, {{customer}}, {{agent}}, {{reason}} or {{org}} (R-RV-05)."),
            )
        }
        _ => e.to_string(),
    }
}
