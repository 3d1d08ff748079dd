//! Every refusal the rules make, with a message in both languages that says
//! what went wrong and what to do. The UI shows `message(lang)`; forms use
//! `field()` to put it next to the right input.

use super::lang::Lang;
use super::staff::{Action, Role};

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
}

/// Human names of the fields that messages mention.
fn field_label(field: &str, lang: Lang) -> &'static str {
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
        _ => ("Campo", "Field"),
    };
    match lang {
        Lang::Es => es,
        Lang::En => en,
    }
}

impl RuleError {
    /// The DOMAIN.md rule behind this refusal, when there is one.
    pub fn rule(&self) -> Option<&'static str> {
        match self {
            RuleError::NotAllowed { .. } => Some("R-ROL-02"),
            RuleError::AlreadyComplaint => Some("R-CON-04"),
            RuleError::ForwardTargetMissing | RuleError::Required { field: "note" } => {
                Some("R-CON-03")
            }
            RuleError::MergeWithItself => Some("R-CUS-03"),
            _ => None,
        }
    }

    /// The form field this message belongs next to.
    pub fn field(&self) -> Option<&'static str> {
        match self {
            RuleError::Required { field }
            | RuleError::TooLong { field, .. }
            | RuleError::InvalidEmail { field }
            | RuleError::InvalidPhone { field }
            | RuleError::InvalidDate { field } => Some(field),
            RuleError::InvalidQuietHours => Some("quiet_hours"),
            _ => None,
        }
    }

    pub fn message(&self, lang: Lang) -> String {
        use RuleError::*;
        let es = lang == Lang::Es;
        match self {
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
        }
    }
}
