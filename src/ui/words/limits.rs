//! What a refused value or file says, in both languages: which record kind,
//! which field, and which limit (the limits are `domain::base::limits` and
//! `sync::bundle`'s structural ones).

use crate::domain::Lang;
use crate::sync::bundle::{BundleError, Limit};

fn type_name(es: bool, expected: &str) -> &str {
    if !es {
        return expected;
    }
    match expected {
        "text" => "texto",
        "date" => "fecha",
        "date and time" => "fecha y hora",
        "time" => "hora",
        "record id" => "identificador de registro",
        "yes/no" => "sí/no",
        "whole number" => "número entero",
        "list" => "lista",
        "pair" => "par de valores",
        "object" => "objeto",
        other => other,
    }
}

/// The limit a value broke, as the end of a sentence.
pub fn limit_text(lang: Lang, limit: &Limit) -> String {
    let es = lang == Lang::Es;
    match limit {
        Limit::TooLong { max } if es => format!("tiene más de {max} caracteres"),
        Limit::TooLong { max } => format!("it has more than {max} characters"),
        Limit::TooLarge { max } if es => format!("ocupa más de {max} bytes"),
        Limit::TooLarge { max } => format!("it takes more than {max} bytes"),
        Limit::TooDeep { max } if es => format!("está anidado a más de {max} niveles"),
        Limit::TooDeep { max } => format!("it is nested more than {max} levels deep"),
        Limit::TooMany { max } if es => format!("tiene más de {max} elementos"),
        Limit::TooMany { max } => format!("it has more than {max} items"),
        Limit::WrongType { expected } if es => {
            format!("no es {} como debe", type_name(es, expected))
        }
        Limit::WrongType { expected } => format!("it is not a {expected} as it must be"),
        Limit::UnknownCode if es => {
            "trae un código que esta versión no conoce (quizá de una versión más nueva: actualiza)"
                .into()
        }
        Limit::UnknownCode => {
            "it holds a code this version does not know (perhaps from a newer version: update)"
                .into()
        }
        Limit::DateOutOfRange { min, max } if es => {
            format!("es una fecha fuera de los años {min}–{max}")
        }
        Limit::DateOutOfRange { min, max } => {
            format!("it is a date outside the years {min}–{max}")
        }
        Limit::OutOfRange { min, max } if es => format!("es un número fuera de {min}–{max}"),
        Limit::OutOfRange { min, max } => format!("it is a number outside {min}–{max}"),
        Limit::BadName if es => "no es un nombre de campo válido".into(),
        Limit::BadName => "it is not a valid field name".into(),
    }
}

fn megabytes(bytes: usize) -> String {
    format!("{:.1}", bytes as f64 / (1024.0 * 1024.0))
}

/// A bundle refused for its size or for one of its values.
pub fn refusal_text(lang: Lang, e: &BundleError) -> String {
    let es = lang == Lang::Es;
    let what = match e {
        BundleError::TooLarge { bytes, max } if es => format!(
            "El archivo ocupa {} MB y un paquete puede ocupar como mucho {} MB: no se ha leído.",
            megabytes(*bytes),
            megabytes(*max)
        ),
        BundleError::TooLarge { bytes, max } => format!(
            "The file is {} MB and a bundle may be at most {} MB: it was not read.",
            megabytes(*bytes),
            megabytes(*max)
        ),
        BundleError::BadValue {
            kind,
            field,
            at,
            limit,
        } => {
            let place = match (at.is_empty(), es) {
                (true, _) => String::new(),
                (false, true) => format!(" (en {at})"),
                (false, false) => format!(" (at {at})"),
            };
            let limit = limit_text(lang, limit);
            match es {
                true => format!("Un registro de tipo «{kind}» trae en su campo «{field}»{place} un valor fuera de los límites: {limit}."),
                false => format!("A record of kind “{kind}” holds a value beyond the limits in its field “{field}”{place}: {limit}."),
            }
        }
        other => other.to_string(),
    };
    let then = match es {
        true => "No se ha aplicado nada.",
        false => "Nothing was applied.",
    };
    format!("{what} {then}")
}
