//! What a refused value or file says, in both languages: which record kind,
//! which field, and which limit (the limits are `domain::base::limits` and
//! `sync::bundle`'s structural ones). Every arm names both languages.

use super::counts::{count, Counted};
use super::pick;
use crate::domain::Lang;
use crate::sync::bundle::{BundleError, Limit};

/// A value type's name (the bundle checker's English name, or in Spanish).
fn type_name(lang: Lang, expected: &str) -> &str {
    let es = match expected {
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
    };
    pick(lang, es, expected)
}

/// The limit a value broke, as the end of a sentence.
pub fn limit_text(lang: Lang, limit: &Limit) -> String {
    let (es, en): (String, String) = match limit {
        Limit::TooLong { max } => (
            format!(
                "tiene más de {}",
                count(Lang::Es, *max, Counted::Characters)
            ),
            format!(
                "it has more than {}",
                count(Lang::En, *max, Counted::Characters)
            ),
        ),
        Limit::TooLarge { max } => (
            format!("ocupa más de {}", count(Lang::Es, *max, Counted::Bytes)),
            format!(
                "it takes more than {}",
                count(Lang::En, *max, Counted::Bytes)
            ),
        ),
        Limit::TooDeep { max } => (
            format!(
                "está anidado a más de {}",
                count(Lang::Es, *max, Counted::Levels)
            ),
            format!(
                "it is nested more than {} deep",
                count(Lang::En, *max, Counted::Levels)
            ),
        ),
        Limit::TooMany { max } => (
            format!("tiene más de {}", count(Lang::Es, *max, Counted::Items)),
            format!("it has more than {}", count(Lang::En, *max, Counted::Items)),
        ),
        Limit::WrongType { expected } => (
            format!("no es {} como debe", type_name(Lang::Es, expected)),
            format!("it is not a {expected} as it must be"),
        ),
        Limit::UnknownCode => (
            "trae un código que esta versión no conoce (quizá de una versión más nueva: actualiza)"
                .into(),
            "it holds a code this version does not know (perhaps from a newer version: update)"
                .into(),
        ),
        Limit::DateOutOfRange { min, max } => (
            format!("es una fecha fuera de los años {min}–{max}"),
            format!("it is a date outside the years {min}–{max}"),
        ),
        Limit::OutOfRange { min, max } => (
            format!("es un número fuera de {min}–{max}"),
            format!("it is a number outside {min}–{max}"),
        ),
        Limit::BadName => (
            "no es un nombre de campo válido".into(),
            "it is not a valid field name".into(),
        ),
    };
    pick(lang, es, en)
}

fn megabytes(bytes: usize) -> String {
    format!("{:.1}", bytes as f64 / (1024.0 * 1024.0))
}

/// A bundle refused for its size or for one of its values.
pub fn refusal_text(lang: Lang, e: &BundleError) -> String {
    let what = match e {
        BundleError::TooLarge { bytes, max } => {
            let (bytes, max) = (megabytes(*bytes), megabytes(*max));
            pick(
                lang,
                format!("El archivo ocupa {bytes} MB y un paquete puede ocupar como mucho {max} MB: no se ha leído."),
                format!("The file is {bytes} MB and a bundle may be at most {max} MB: it was not read."),
            )
        }
        BundleError::BadValue {
            kind,
            field,
            at,
            limit,
        } => {
            let place = if at.is_empty() {
                String::new()
            } else {
                pick(lang, format!(" (en {at})"), format!(" (at {at})"))
            };
            let limit = limit_text(lang, limit);
            pick(
                lang,
                format!("Un registro de tipo «{kind}» trae en su campo «{field}»{place} un valor fuera de los límites: {limit}."),
                format!("A record of kind “{kind}” holds a value beyond the limits in its field “{field}”{place}: {limit}."),
            )
        }
        other => other.to_string(),
    };
    let then = pick(lang, "No se ha aplicado nada.", "Nothing was applied.");
    format!("{what} {then}")
}
