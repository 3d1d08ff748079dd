//! The rules' refusals in words (R-…): what went wrong and what to do, in
//! both languages. The domain's `RuleError` is data (the variant and its
//! values); every word about it lives here. The match is exhaustive: a new
//! refusal without words does not compile.

use super::complaint_labels::stage_label;
use super::labels::{action_name, role_name};
use super::pick;
use crate::domain::{Lang, RuleError};

/// A refusal in plain words.
pub fn refusal(lang: Lang, e: &RuleError) -> String {
    use RuleError::*;
    match e {
        OutOfRange { .. } | Duplicate { .. } | EndBeforeStart { .. } | OtherTeam
        | Overlap { .. } | LeaveBySelf | WrongApprover { .. } | OwnRequest
        | AlreadyDecided | NoCertificateNeeded | HolidayDuty | HolidayNotice
        | NightLeaveTooLate | LeaveDuringSwap | SwapWithSelf | NotYourShift | ChainedSwap
        | SwapMismatch | TooManySwaps { .. } | ConsecutiveShifts | NotClockedIn
        | OwnHandover => super::refusal_dept::refusal(lang, e),
        NotAllowed { action, needs } => {
            let (a, r) = (action_name(lang, *action), role_name(lang, *needs));
            pick(lang, format!("No puedes {a}: hace falta el rol {r} o superior. Pide a esa persona que lo haga o cambia de persona."), format!("You cannot {a}: it needs the role {r} or higher. Ask that person to do it, or change person."))
        }
        Required { field } => {
            let f = super::field_names::field_label(field, lang);
            pick(lang, format!("{f}: este dato es obligatorio."), format!("{f}: this is required."))
        }
        TooLong { field, max } => {
            let f = super::field_names::field_label(field, lang);
            let max = super::counts::count(lang, *max, super::counts::Counted::Characters);
            pick(lang, format!("{f}: demasiado largo (máximo {max})."), format!("{f}: too long (at most {max})."))
        }
        InvalidEmail { field } => {
            let f = super::field_names::field_label(field, lang);
            pick(lang, format!("{f}: no parece un correo válido; escribe algo como nombre@dominio.es."), format!("{f}: that does not look like an e-mail address; write something like name@domain.com."))
        }
        InvalidPhone { field } => {
            let f = super::field_names::field_label(field, lang);
            pick(lang, format!("{f}: cada teléfono necesita entre 6 y 15 dígitos; separa varios con comas."), format!("{f}: each phone needs 6 to 15 digits; separate several with commas."))
        }
        InvalidDate { field } => {
            let f = super::field_names::field_label(field, lang);
            pick(lang, format!("{f}: la fecha no es válida o no es razonable; revísala."), format!("{f}: the date is not valid or not plausible; please check it."))
        }
        InvalidQuietHours => pick(lang, "Horas de descanso: usa rangos HH:MM-HH:MM separados por comas, p. ej. 12:00-14:00, 21:00-09:00.", "Quiet hours: use HH:MM-HH:MM ranges separated by commas, e.g. 12:00-14:00, 21:00-09:00.").into(),
        NotFound { what } => {
            let w = super::field_names::field_label(what, lang);
            pick(lang, format!("{w}: no se encontró; puede que otra persona lo haya borrado o fusionado. Vuelve a la lista y búscalo de nuevo."), format!("{w}: not found; someone may have deleted or merged it. Go back to the list and search again."))
        }
        ContactClosed => pick(lang, "Este contacto ya está cerrado; registra uno nuevo si el cliente vuelve a llamar.", "This contact is already closed; record a new one if the customer calls again.").into(),
        AlreadyComplaint => pick(lang, "Este contacto ya se convirtió en queja (R-CON-04); abre la queja enlazada.", "This contact is already a complaint (R-CON-04); open the linked complaint.").into(),
        ForwardTargetMissing => pick(lang, "Para derivar, elige una persona o escribe un departamento (R-CON-03).", "To forward, pick a person or type a department (R-CON-03).").into(),
        MergeWithItself => pick(lang, "No se puede fusionar un cliente consigo mismo.", "A customer cannot be merged with itself.").into(),
        InactiveStaff => pick(lang, "Esa persona no está activa en el personal; elige otra.", "That person is not active staff; pick someone else.").into(),
        LastDirector => pick(lang, "Es la última persona activa con dirección del centro: nombra antes a otra, o nadie podrá gestionar el personal.", "This is the last active center director: appoint another first, or nobody could manage staff.").into(),
        StageNotReady { needs } => {
            let s = stage_label(lang, *needs);
            pick(lang, format!("Primero hay que completar la etapa «{s}»: las etapas no se saltan (R-CMP-01)."), format!("Complete the stage \"{s}\" first: stages cannot be skipped (R-CMP-01)."))
        }
        StageDone { stage } => {
            let s = stage_label(lang, *stage);
            pick(lang, format!("La etapa «{s}» ya está registrada; para cambiarla, reabre la queja (R-CMP-01)."), format!("The stage \"{s}\" is already recorded; to change it, reopen the complaint (R-CMP-01)."))
        }
        ComplaintClosed => pick(lang, "Esta queja ya está cerrada; reábrela si hay que cambiar algo.", "This complaint is closed; reopen it if something must change.").into(),
        WrongPath { founded: true } => pick(lang, "La queja se valoró como fundada: sigue con la investigación. Solo las infundadas se cierran con la respuesta (R-CMP-01).", "The complaint was judged founded: go on with the investigation. Only unfounded ones close with the reply (R-CMP-01).").into(),
        WrongPath { founded: false } => pick(lang, "La queja se valoró como infundada: registra la respuesta al cliente, que la cierra, o reábrela para valorarla de nuevo (R-CMP-01).", "The complaint was judged unfounded: record the reply to the customer, which closes it, or reopen it to judge again (R-CMP-01).").into(),
        NothingToReopen => pick(lang, "No hay nada que reabrir: la queja está en su primera etapa; corrige el registro directamente.", "Nothing to reopen: the complaint is at its first stage; correct the registration directly.").into(),
        UnresolvedConflict => pick(lang, "Dos dispositivos registraron pasos incompatibles en esta queja; una persona de dirección debe resolver el conflicto antes de seguir.", "Two devices recorded incompatible steps on this complaint; a director must resolve the conflict before it can go on.").into(),
        NoConflict => pick(lang, "Ese conflicto ya no está abierto (quizá otra persona lo resolvió); vuelve a abrir la queja.", "That conflict is no longer open (someone may have resolved it); open the complaint again.").into(),
        SignatureTooLarge { max_kb } => {
            pick(lang, format!("La firma dibujada ocupa más de {max_kb} KB; bórrala y firma con un trazo más sencillo, o escribe las palabras del cliente."), format!("The drawn signature is larger than {max_kb} KB; clear it and sign with a simpler stroke, or type the customer's words."))
        }
        SkipNeedsEmergency { skipped } => {
            let r = role_name(lang, *skipped);
            pick(lang, format!("Solo en una emergencia se puede saltar un nivel ({r}); márcala como emergencia o escala al nivel inmediato (R-ESC-01)."), format!("A level ({r}) can only be skipped in an emergency; mark it as an emergency or escalate to the next level (R-ESC-01)."))
        }
        NoSuperior => pick(lang, "No hay nadie activo en ese nivel por encima; elige otro nivel o resuelve el asunto tú (R-ESC-01).", "There is nobody active at that level above; pick another level or settle the matter yourself (R-ESC-01).").into(),
        NotInChain => pick(lang, "Este asunto no ha llegado a ti: solo quien lo tiene o sus superiores pueden hacerlo (R-ESC-01).", "This matter has not reached you: only whoever holds it, or their superiors, can do that (R-ESC-01).").into(),
        QuietHours { .. } | VisitDone | UnhappyWithRequired | NoConversation
        | CallbackNotFuture | UnknownPlaceholder { .. } => super::refusal_visits::refusal(lang, e),
        EscalationClosed => pick(lang, "Este escalado ya está cerrado; abre uno nuevo si el asunto vuelve.", "This escalation is closed; raise a new one if the matter comes back.").into(),
    }
}

/// Several refusals as one message (each sentence ends with a full stop).
pub fn refusals(lang: Lang, errors: &[RuleError]) -> String {
    errors
        .iter()
        .map(|e| refusal(lang, e))
        .collect::<Vec<_>>()
        .join(" ")
}

/// `error.message(lang)`: the refusal's words, for code that holds a
/// `RuleError` (the screens, the native tests).
pub trait RefusalWords {
    fn message(&self, lang: Lang) -> String;
}

impl RefusalWords for RuleError {
    fn message(&self, lang: Lang) -> String {
        refusal(lang, self)
    }
}
