//! Every refusal the rules make, with a message in both languages that says
//! what went wrong and what to do. The UI shows `message(lang)`; forms use
//! `field()` to put it next to the right input.

use crate::domain::base::lang::Lang;
use crate::domain::complaint::Stage;
use crate::domain::staff::{Action, Role};

mod dept;
pub(crate) mod visits;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RuleError {
    /// R-ROL-02: the action needs a higher role.
    #[error("{action:?} needs the role {needs:?}")]
    NotAllowed { action: Action, needs: Role },
    #[error("{field} is required")]
    Required { field: &'static str },
    #[error("{field} is too long (max {max})")]
    TooLong { field: &'static str, max: usize },
    #[error("{field} is not a valid e-mail address")]
    InvalidEmail { field: &'static str },
    #[error("{field} is not a valid phone number")]
    InvalidPhone { field: &'static str },
    #[error("{field} is not a valid date")]
    InvalidDate { field: &'static str },
    #[error("quiet hours are not HH:MM-HH:MM ranges")]
    InvalidQuietHours,
    #[error("the {what} was not found")]
    NotFound { what: &'static str },
    #[error("this contact is already closed")]
    ContactClosed,
    #[error("this contact is already a complaint")]
    AlreadyComplaint,
    #[error("forwarding needs a person or a department")]
    ForwardTargetMissing,
    #[error("a customer cannot be merged with itself")]
    MergeWithItself,
    #[error("that person is not an active member of staff")]
    InactiveStaff,
    #[error("the last active center director cannot be deactivated")]
    LastDirector,
    #[error("{field} is out of range")]
    OutOfRange { field: &'static str },
    #[error("{field} is already used")]
    Duplicate { field: &'static str },
    #[error("{field} is before the start")]
    EndBeforeStart { field: &'static str },
    #[error("only a leader of that team may do this")]
    OtherTeam,
    #[error("the {what} overlaps another")]
    Overlap { what: &'static str },
    /// R-LV-04.
    #[error("personal leave is requested by the person")]
    LeaveBySelf,
    /// R-LV-03.
    #[error("this leave of {days} day(s) is decided by {needs:?}")]
    WrongApprover { needs: Role, days: i64 },
    #[error("nobody decides their own request")]
    OwnRequest,
    #[error("already decided or cancelled")]
    AlreadyDecided,
    /// R-LV-05.
    #[error("no medical certificate is needed")]
    NoCertificateNeeded,
    /// R-LV-06.
    #[error("staff on holiday duty cannot take leave or swap")]
    HolidayDuty,
    /// R-LV-06.
    #[error("holiday leave needs two days' notice")]
    HolidayNotice,
    /// R-LV-06.
    #[error("night-shift leave must be requested before 12:00 the same day")]
    NightLeaveTooLate,
    /// R-SW-05.
    #[error("no leave during a swapped shift")]
    LeaveDuringSwap,
    #[error("a swap needs two people")]
    SwapWithSelf,
    #[error("that shift is not yours")]
    NotYourShift,
    /// R-SW-03.
    #[error("chained swaps are not allowed")]
    ChainedSwap,
    /// R-SW-04.
    #[error("job type or level differ")]
    SwapMismatch,
    /// R-SW-02.
    #[error("{name} already has 2 swaps this month")]
    TooManySwaps { name: String },
    /// R-SW-03.
    #[error("the swap would make two consecutive shifts")]
    ConsecutiveShifts,
    #[error("no arrival recorded")]
    NotClockedIn,
    /// R-OPS-02.
    #[error("the author cannot acknowledge their own handover")]
    OwnHandover,
    /// R-CMP-01: a stage cannot start before the one before it is complete.
    #[error("stage {needs:?} must be completed first")]
    StageNotReady { needs: Stage },
    /// R-CMP-01: the stage is recorded; changing it means reopening.
    #[error("stage {stage:?} is already recorded")]
    StageDone { stage: Stage },
    #[error("this complaint is closed")]
    ComplaintClosed,
    /// R-CMP-01: founded complaints are investigated, unfounded ones get a reply.
    #[error("this step is not on the path of a complaint judged founded={founded}")]
    WrongPath { founded: bool },
    #[error("nothing to reopen: the complaint is at its first stage")]
    NothingToReopen,
    #[error("the complaint has conflicting steps to resolve first")]
    UnresolvedConflict,
    #[error("that conflict is no longer open")]
    NoConflict,
    #[error("the signature is larger than {max_kb} KB")]
    SignatureTooLarge { max_kb: usize },
    /// R-ESC-01: skipping a level needs an emergency.
    #[error("skipping {skipped:?} needs an emergency")]
    SkipNeedsEmergency { skipped: Role },
    #[error("there is nobody above to escalate to")]
    NoSuperior,
    #[error("this matter did not reach this person")]
    NotInChain,
    #[error("this escalation is closed")]
    EscalationClosed,
    /// R-RV-01: inside the customer's quiet hours, without a reason.
    #[error("quiet hours until {until}")]
    QuietHours { until: String },
    #[error("this return visit is already completed")]
    VisitDone,
    /// R-RV-03.
    #[error("what the customer is unhappy with is required")]
    UnhappyWithRequired,
    #[error("nobody answered: nothing was promised")]
    NoConversation,
    /// R-RV-04.
    #[error("the callback time is not in the future")]
    CallbackNotFuture,
    /// R-RV-05.
    #[error("{{{name}}} is not a placeholder")]
    UnknownPlaceholder { field: &'static str, name: String },
}

/// Human names of the fields that messages mention.
fn field_label(field: &str, lang: Lang) -> &'static str {
    if let Some((es, en)) = crate::domain::error::dept::label(field) {
        return if lang == Lang::Es { es } else { en };
    }
    if let Some((es, en)) = crate::domain::error::visits::label(field) {
        return if lang == Lang::Es { es } else { en };
    }
    let (es, en) = match field {
        "name" => ("Nombre", "Name"),
        "org_name" => ("Nombre de la organización", "Organisation name"),
        "phones" => ("Teléfonos", "Phones"),
        "phone" => ("Teléfono", "Phone"),
        "email" => ("Correo electrónico", "E-mail"),
        "birthday" => ("Cumpleaños", "Birthday"),
        "card_number" => ("Número de tarjeta", "Card number"),
        "card_expiry" => ("Caducidad de la tarjeta", "Card expiry"),
        "tags" => ("Etiquetas", "Tags"),
        "quiet_hours" => ("Horas de descanso", "Quiet hours"),
        "summary" => ("Resumen", "Summary"),
        "note" => ("Nota", "Note"),
        "resolution" => ("Resolución", "Resolution"),
        "notes" => ("Notas", "Notes"),
        "team" => ("Turno / equipo", "Shift / team"),
        "received_at" => ("Recibido", "Received at"),
        "first_response_at" => ("Primera respuesta", "First response"),
        "customer" => ("Cliente", "Customer"),
        "contact" => ("Contacto", "Contact"),
        "staff" => ("Persona", "Person"),
        "complaint" => ("Queja", "Complaint"),
        "content" => ("Contenido de la queja", "Complaint content"),
        "asks" => ("Lo que pide el cliente", "What the customer asks for"),
        "founded" => ("Fundada o no", "Founded or not"),
        "department" => ("Departamento responsable", "Responsible department"),
        "severity" => ("Gravedad", "Severity"),
        "deadline" => (
            "Plazo de investigación prometido",
            "Promised investigation deadline",
        ),
        "cause" => ("Categoría de la causa", "Cause category"),
        "cause_text" => ("Causa", "Cause"),
        "responsible" => ("Persona responsable", "Responsible person"),
        "proposal" => ("Plan propuesto", "Proposed plan"),
        "plan" => ("Plan", "Plan"),
        "done" => ("Lo que se hizo", "What was done"),
        "acceptance" => ("Aceptación del cliente", "Customer acceptance"),
        "signature" => (
            "Firma o palabras del cliente",
            "Customer signature or words",
        ),
        "customer_words" => ("Palabras del cliente", "Customer's words"),
        "sanctions" => ("Sanciones", "Sanctions"),
        "improvements" => ("Acciones de mejora", "Improvement actions"),
        "reply" => ("Respuesta al cliente", "Reply to the customer"),
        "reason" => ("Motivo", "Reason"),
        "event" => ("Paso", "Step"),
        "due" => ("Fecha prevista", "Due date"),
        "matter" => ("Asunto", "Matter"),
        "description" => ("Descripción", "Description"),
        "instruction" => ("Instrucciones", "Instructions"),
        "remark" => ("Comentario de cierre", "Closing remark"),
        "escalation" => ("Escalado", "Escalation"),
        "time_zone" => ("Zona horaria", "Time zone"),
        _ => ("Campo", "Field"),
    };
    match lang {
        Lang::Es => es,
        Lang::En => en,
    }
}

impl RuleError {
    /// The rule (docs/rules.md) behind this refusal, when there is one.
    pub fn rule(&self) -> Option<&'static str> {
        if let Some(rule) = crate::domain::error::dept::rule(self) {
            return Some(rule);
        }
        if let Some(rule) = crate::domain::error::visits::rule(self) {
            return Some(rule);
        }
        match self {
            RuleError::NotAllowed { .. } => Some("R-ROL-02"),
            RuleError::AlreadyComplaint => Some("R-CON-04"),
            RuleError::ForwardTargetMissing | RuleError::Required { field: "note" } => {
                Some("R-CON-03")
            }
            RuleError::MergeWithItself => Some("R-CUS-03"),
            RuleError::StageNotReady { .. }
            | RuleError::StageDone { .. }
            | RuleError::WrongPath { .. }
            | RuleError::NothingToReopen => Some("R-CMP-01"),
            RuleError::SkipNeedsEmergency { .. }
            | RuleError::NoSuperior
            | RuleError::NotInChain
            | RuleError::EscalationClosed => Some("R-ESC-01"),
            _ => None,
        }
    }

    /// The form field this message belongs next to.
    pub fn field(&self) -> Option<&'static str> {
        if let Some(field) = crate::domain::error::dept::field(self) {
            return Some(field);
        }
        if let Some(field) = crate::domain::error::visits::field(self) {
            return Some(field);
        }
        match self {
            RuleError::Required { field }
            | RuleError::TooLong { field, .. }
            | RuleError::InvalidEmail { field }
            | RuleError::InvalidPhone { field }
            | RuleError::InvalidDate { field } => Some(field),
            RuleError::InvalidQuietHours => Some("quiet_hours"),
            RuleError::SignatureTooLarge { .. } => Some("signature"),
            _ => None,
        }
    }

    pub fn message(&self, lang: Lang) -> String {
        use RuleError::*;
        if let Some(m) = crate::domain::error::visits::message(self, lang) {
            return m;
        }
        let es = lang == Lang::Es;
        match self {
            OutOfRange { .. } | Duplicate { .. } | EndBeforeStart { .. } | OtherTeam
            | Overlap { .. } | LeaveBySelf | WrongApprover { .. } | OwnRequest
            | AlreadyDecided | NoCertificateNeeded | HolidayDuty | HolidayNotice
            | NightLeaveTooLate | LeaveDuringSwap | SwapWithSelf | NotYourShift | ChainedSwap
            | SwapMismatch | TooManySwaps { .. } | ConsecutiveShifts | NotClockedIn
            | OwnHandover => crate::domain::error::dept::message(self, lang),
            NotAllowed { action, needs } => {
                let (a, r) = (action.label(lang), needs.label(lang));
                if es {
                    format!("No puedes {a}: hace falta el rol {r} o superior. Pide a esa persona que lo haga o cambia de persona.")
                } else {
                    format!("You cannot {a}: it needs the role {r} or higher. Ask that person to do it, or change person.")
                }
            }
            Required { field } => {
                let f = field_label(field, lang);
                if es {
                    format!("{f}: este dato es obligatorio.")
                } else {
                    format!("{f}: this is required.")
                }
            }
            TooLong { field, max } => {
                let f = field_label(field, lang);
                if es {
                    format!("{f}: demasiado largo (máximo {max} caracteres).")
                } else {
                    format!("{f}: too long (at most {max} characters).")
                }
            }
            InvalidEmail { field } => {
                let f = field_label(field, lang);
                if es {
                    format!("{f}: no parece un correo válido; escribe algo como nombre@dominio.es.")
                } else {
                    format!("{f}: that does not look like an e-mail address; write something like name@domain.com.")
                }
            }
            InvalidPhone { field } => {
                let f = field_label(field, lang);
                if es {
                    format!("{f}: cada teléfono necesita entre 6 y 15 dígitos; separa varios con comas.")
                } else {
                    format!("{f}: each phone needs 6 to 15 digits; separate several with commas.")
                }
            }
            InvalidDate { field } => {
                let f = field_label(field, lang);
                if es {
                    format!("{f}: la fecha no es válida o no es razonable; revísala.")
                } else {
                    format!("{f}: the date is not valid or not plausible; please check it.")
                }
            }
            InvalidQuietHours => if es {
                "Horas de descanso: usa rangos HH:MM-HH:MM separados por comas, p. ej. 12:00-14:00, 21:00-09:00."
            } else {
                "Quiet hours: use HH:MM-HH:MM ranges separated by commas, e.g. 12:00-14:00, 21:00-09:00."
            }
            .into(),
            NotFound { what } => {
                let w = field_label(what, lang);
                if es {
                    format!("{w}: no se encontró; puede que otra persona lo haya borrado o fusionado. Vuelve a la lista y búscalo de nuevo.")
                } else {
                    format!("{w}: not found; someone may have deleted or merged it. Go back to the list and search again.")
                }
            }
            ContactClosed => if es {
                "Este contacto ya está cerrado; registra uno nuevo si el cliente vuelve a llamar."
            } else {
                "This contact is already closed; record a new one if the customer calls again."
            }
            .into(),
            AlreadyComplaint => if es {
                "Este contacto ya se convirtió en queja (R-CON-04); abre la queja enlazada."
            } else {
                "This contact is already a complaint (R-CON-04); open the linked complaint."
            }
            .into(),
            ForwardTargetMissing => if es {
                "Para derivar, elige una persona o escribe un departamento (R-CON-03)."
            } else {
                "To forward, pick a person or type a department (R-CON-03)."
            }
            .into(),
            MergeWithItself => if es {
                "No se puede fusionar un cliente consigo mismo."
            } else {
                "A customer cannot be merged with itself."
            }
            .into(),
            InactiveStaff => if es {
                "Esa persona no está activa en el personal; elige otra."
            } else {
                "That person is not active staff; pick someone else."
            }
            .into(),
            LastDirector => if es {
                "Es la última persona activa con dirección del centro: nombra antes a otra, o nadie podrá gestionar el personal."
            } else {
                "This is the last active center director: appoint another first, or nobody could manage staff."
            }
            .into(),
            StageNotReady { needs } => {
                let s = needs.label(lang);
                if es {
                    format!("Primero hay que completar la etapa «{s}»: las etapas no se saltan (R-CMP-01).")
                } else {
                    format!("Complete the stage \"{s}\" first: stages cannot be skipped (R-CMP-01).")
                }
            }
            StageDone { stage } => {
                let s = stage.label(lang);
                if es {
                    format!("La etapa «{s}» ya está registrada; para cambiarla, reabre la queja (R-CMP-01).")
                } else {
                    format!("The stage \"{s}\" is already recorded; to change it, reopen the complaint (R-CMP-01).")
                }
            }
            ComplaintClosed => if es {
                "Esta queja ya está cerrada; reábrela si hay que cambiar algo."
            } else {
                "This complaint is closed; reopen it if something must change."
            }
            .into(),
            WrongPath { founded: true } => if es {
                "La queja se valoró como fundada: sigue con la investigación. Solo las infundadas se cierran con la respuesta (R-CMP-01)."
            } else {
                "The complaint was judged founded: go on with the investigation. Only unfounded ones close with the reply (R-CMP-01)."
            }
            .into(),
            WrongPath { founded: false } => if es {
                "La queja se valoró como infundada: registra la respuesta al cliente, que la cierra, o reábrela para valorarla de nuevo (R-CMP-01)."
            } else {
                "The complaint was judged unfounded: record the reply to the customer, which closes it, or reopen it to judge again (R-CMP-01)."
            }
            .into(),
            NothingToReopen => if es {
                "No hay nada que reabrir: la queja está en su primera etapa; corrige el registro directamente."
            } else {
                "Nothing to reopen: the complaint is at its first stage; correct the registration directly."
            }
            .into(),
            UnresolvedConflict => if es {
                "Dos dispositivos registraron pasos incompatibles en esta queja; una persona de dirección debe resolver el conflicto antes de seguir."
            } else {
                "Two devices recorded incompatible steps on this complaint; a director must resolve the conflict before it can go on."
            }
            .into(),
            NoConflict => if es {
                "Ese conflicto ya no está abierto (quizá otra persona lo resolvió); vuelve a abrir la queja."
            } else {
                "That conflict is no longer open (someone may have resolved it); open the complaint again."
            }
            .into(),
            SignatureTooLarge { max_kb } => {
                if es {
                    format!("La firma dibujada ocupa más de {max_kb} KB; bórrala y firma con un trazo más sencillo, o escribe las palabras del cliente.")
                } else {
                    format!("The drawn signature is larger than {max_kb} KB; clear it and sign with a simpler stroke, or type the customer's words.")
                }
            }
            SkipNeedsEmergency { skipped } => {
                let r = skipped.label(lang);
                if es {
                    format!("Solo en una emergencia se puede saltar un nivel ({r}); márcala como emergencia o escala al nivel inmediato (R-ESC-01).")
                } else {
                    format!("A level ({r}) can only be skipped in an emergency; mark it as an emergency or escalate to the next level (R-ESC-01).")
                }
            }
            NoSuperior => if es {
                "No hay nadie activo en ese nivel por encima; elige otro nivel o resuelve el asunto tú (R-ESC-01)."
            } else {
                "There is nobody active at that level above; pick another level or settle the matter yourself (R-ESC-01)."
            }
            .into(),
            NotInChain => if es {
                "Este asunto no ha llegado a ti: solo quien lo tiene o sus superiores pueden hacerlo (R-ESC-01)."
            } else {
                "This matter has not reached you: only whoever holds it, or their superiors, can do that (R-ESC-01)."
            }
            .into(),
            QuietHours { .. } | VisitDone | UnhappyWithRequired | NoConversation
            | CallbackNotFuture | UnknownPlaceholder { .. } => String::new(),
            EscalationClosed => if es {
                "Este escalado ya está cerrado; abre uno nuevo si el asunto vuelve."
            } else {
                "This escalation is closed; raise a new one if the matter comes back."
            }
            .into(),
        }
    }
}
