//! The demo's quality inspection words, in Spanish and English: what the
//! inspector writes on a score, the root causes of low ones, the agents'
//! answers, the director's rulings and the week's training plan. By the
//! standard criteria's keys; a criterion of another scorecard gets the
//! general words.

use super::text::Tr;

/// Root-cause tags of a low score.
pub(super) fn causes(key: &str) -> &'static [Tr] {
    match key {
        "wording" => &[
            ("tutea al cliente", "too familiar"),
            ("muletillas", "filler words"),
            ("sin saludo estándar", "no standard greeting"),
        ],
        "attitude" => &[
            ("interrumpe al cliente", "interrupts the customer"),
            ("poca empatía", "little empathy"),
            (
                "se justifica en vez de ayudar",
                "makes excuses instead of helping",
            ),
        ],
        "tone" => &[
            ("tono brusco", "curt tone"),
            ("habla muy deprisa", "speaks too fast"),
            ("tono monótono", "flat tone"),
        ],
        "summary" => &[
            ("no resume la necesidad", "does not sum up the need"),
            ("no confirma los datos", "does not confirm details"),
        ],
        _ => &[
            ("desconoce la política", "does not know the policy"),
            (
                "no usa la respuesta estándar",
                "does not use the standard answer",
            ),
            ("no ofrece alternativa", "offers no alternative"),
            ("promete plazos sin confirmar", "promises unconfirmed times"),
        ],
    }
}

/// The inspector's note on a low score.
pub(super) fn low(key: &str) -> Tr {
    match key {
        "wording" => (
            "Tutea al cliente desde el saludo y no usa la despedida estándar.",
            "Too familiar from the greeting on, and skips the standard closing.",
        ),
        "attitude" => (
            "Interrumpe dos veces al cliente mientras explica el problema.",
            "Interrupts the customer twice while they explain the problem.",
        ),
        "tone" => (
            "El tono se vuelve seco cuando el cliente insiste.",
            "The tone turns curt when the customer presses the point.",
        ),
        "summary" => (
            "No repite lo que pide el cliente antes de buscar la solución.",
            "Does not repeat back what the customer wants before looking for a fix.",
        ),
        _ => (
            "Da un plazo que no es el acordado y no usa la respuesta estándar.",
            "Gives a time that is not the agreed one and does not use the standard answer.",
        ),
    }
}

/// … and on a top score, now and then.
pub(super) fn praise(key: &str) -> Tr {
    match key {
        "wording" => (
            "Saludo y despedida impecables.",
            "Spotless greeting and closing.",
        ),
        "attitude" => (
            "Muy paciente con un cliente enfadado.",
            "Very patient with an angry customer.",
        ),
        "tone" => (
            "Tono cálido y tranquilo toda la llamada.",
            "Warm, calm tone throughout.",
        ),
        "summary" => (
            "Resume la necesidad en una frase y el cliente lo confirma.",
            "Sums up the need in one sentence, confirmed by the customer.",
        ),
        _ => (
            "Usa la respuesta estándar y resuelve a la primera.",
            "Uses the standard answer and sorts it out first time.",
        ),
    }
}

/// A criterion left out of a review.
pub(super) const NOT_APPLICABLE: Tr = (
    "No aplica: consulta breve, sin necesidad que resumir.",
    "Not applicable: a quick question, nothing to sum up.",
);

/// The review's comment by its total: 80 or more; 60 or more (with low
/// scores noted, or none); less.
pub(super) const OVERALL: [[Tr; 2]; 3] = [
    [
        (
            "Muy buena atención: clara, amable y resolutiva.",
            "Very good service: clear, friendly and effective.",
        ),
        (
            "Llamada ejemplar; la usaremos en la formación.",
            "A model call; we will use it in training.",
        ),
    ],
    [
        (
            "Buena atención; mejorar los puntos señalados.",
            "Good service; work on the points noted.",
        ),
        (
            "Correcta en general; falta cerrar confirmando los datos.",
            "Sound overall; close by confirming the details.",
        ),
    ],
    [
        (
            "Por debajo del estándar: repasamos juntos la grabación esta semana.",
            "Below standard: we will go through the recording together this week.",
        ),
        (
            "Hay que mejorar el trato y la respuesta; se propone formación.",
            "Manner and answer need work; training proposed.",
        ),
    ],
];

/// What an agent writes when acknowledging (often nothing).
pub(super) const ACKNOWLEDGED: [Tr; 5] = [
    ("", ""),
    ("", ""),
    ("", ""),
    (
        "Gracias, lo tendré en cuenta.",
        "Thanks, I will work on it.",
    ),
    ("Entendido, lo repaso.", "Understood, I will go over it."),
];

/// The three disputes: the one whose score is changed (a low summary),
/// the one upheld (a low tone), the one still open (a low answer).
pub(super) const DISPUTES: [Tr; 3] = [
    (
        "La llamada se cortó a mitad; no pude resumir porque el cliente colgó. Pido que se escuche la grabación.",
        "The call dropped halfway; I could not sum up because the customer hung up. Please listen to the recording.",
    ),
    (
        "El cliente gritaba y mantuve la calma; no creo que mi tono fuera brusco.",
        "The customer was shouting and I kept calm; I do not think my tone was curt.",
    ),
    (
        "Sí usé la respuesta estándar de devoluciones; el plazo que di es el nuevo.",
        "I did use the standard answer on returns; the time I gave is the new one.",
    ),
];

/// The department director's rulings: changed, upheld.
pub(super) const RULINGS: [Tr; 2] = [
    (
        "Escuchada la grabación: la llamada se cortó. Se sube el resumen a 3.",
        "Recording checked: the call dropped. Summary raised to 3.",
    ),
    (
        "Escuchada la grabación: el tono fue seco al final. Se mantiene la valoración.",
        "Recording checked: the tone was curt at the end. The score stands.",
    ),
];

/// The training plan's notes and the item for everyone, by the week's
/// weakest criterion.
pub(super) fn plan_for(key: &str) -> (Tr, Tr) {
    match key {
        "wording" => (
            (
                "Problema común de la semana: saludo y despedida fuera del estándar.",
                "The week's common problem: greetings and closings off standard.",
            ),
            (
                "Repaso en la reunión de turno: saludo y despedida estándar",
                "Shift briefing: the standard greeting and closing",
            ),
        ),
        "attitude" => (
            (
                "Problema común de la semana: se interrumpe al cliente cuando se queja.",
                "The week's common problem: interrupting customers who complain.",
            ),
            (
                "Taller de 30 minutos: escuchar sin interrumpir",
                "30-minute workshop: listening without interrupting",
            ),
        ),
        "tone" => (
            (
                "Problema común de la semana: tono seco en las llamadas largas.",
                "The week's common problem: curt tone in long calls.",
            ),
            (
                "Taller de 30 minutos: el tono en las llamadas difíciles",
                "30-minute workshop: tone on difficult calls",
            ),
        ),
        "summary" => (
            (
                "Problema común de la semana: no se resume la necesidad antes de responder.",
                "The week's common problem: not summing up the need before answering.",
            ),
            (
                "Taller de 30 minutos: resumir la necesidad del cliente",
                "30-minute workshop: summing up the customer's need",
            ),
        ),
        _ => (
            (
                "Problema común de la semana: respuestas que se apartan de la respuesta estándar acordada.",
                "The week's common problem: answers that stray from the agreed standard answer.",
            ),
            (
                "Repaso de las respuestas estándar nuevas de la semana",
                "Run-through of the week's new standard answers",
            ),
        ),
    }
}

/// The item for the week's weakest agent.
pub(super) const ONE_TO_ONE: Tr = (
    "Escucha acompañada de 5 llamadas y repaso de la grabación",
    "Side-by-side on 5 calls and a recording review",
);
