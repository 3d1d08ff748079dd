//! The hub's and the bundles' messages: a hub setting that cannot work,
//! a hub that failed, a sync's outcome, a refused file. Both languages in
//! each arm.

use super::pick;
use crate::domain::Lang;
use crate::store::couch::HubError;
use crate::store::hub::SyncReport;
use crate::sync::bundle::BundleError;
use crate::sync::hub::HubSettingsError;

pub fn settings_error_text(lang: Lang, e: HubSettingsError) -> &'static str {
    match e {
        HubSettingsError::NotHttp => pick(
            lang,
            "La dirección del hub debe empezar por http:// o https://.",
            "The hub address must start with http:// or https://.",
        ),
        HubSettingsError::NoDatabase => pick(
            lang,
            "La dirección debe incluir la base de datos, p. ej. https://servidor:5984/ventanilla.",
            "The address must include the database, e.g. https://server:5984/ventanilla.",
        ),
        HubSettingsError::BadCharacters => pick(
            lang,
            "La dirección no puede tener espacios, ? ni #.",
            "The address cannot contain spaces, ? or #.",
        ),
        HubSettingsError::UserMissing => pick(
            lang,
            "Con inicio de sesión por cookie, escribe el usuario.",
            "With cookie sign-in, type the user name.",
        ),
    }
}

/// A sync failure in plain words, with what to do about it.
pub fn hub_error_text(lang: Lang, e: &HubError) -> String {
    match e {
        HubError::Settings(s) => settings_error_text(lang, *s).into(),
        HubError::Unreachable(_) => pick(lang, "No se pudo contactar con el hub (sin conexión, servidor apagado o sin permiso CORS para esta dirección). Nada se ha perdido: se reintentará solo.", "Could not reach the hub (no connection, server down, or CORS not allowing this address). Nothing is lost: it will retry by itself.").into(),
        HubError::Denied(_) => pick(lang, "El hub rechazó el usuario o la contraseña: revísalos abajo.", "The hub refused the user name or password: check them below.").into(),
        HubError::NoDatabase => pick(lang, "Esa base de datos no existe en el hub: revisa la dirección o créala (README, «CouchDB»).", "That database does not exist on the hub: check the address or create it (README, \"CouchDB\").").into(),
        HubError::Server { status, reason } => pick(lang, format!("El hub respondió con un error (HTTP {status}: {reason}). Se reintentará."), format!("The hub answered with an error (HTTP {status}: {reason}). It will retry.")),
        HubError::Contradiction(detail) => pick(lang, format!("El hub guarda otro paquete con los números de este dispositivo: los cambios de este dispositivo desde ahí no se envían (se siguen recibiendo los de los demás y nada se sobrescribe). Avisa a quien administra el hub. ({detail})"), format!("The hub holds a different bundle under this device's numbers: this device's changes from there on are not sent (everyone else's still arrive, and nothing is overwritten). Tell whoever runs the hub. ({detail})")),
        HubError::FeedCycle(seq) => pick(lang, format!("La lista de cambios del hub da vueltas en círculo (el punto {seq} volvió a aparecer): la sincronización se detuvo. Lo enviado está en el hub; avisa a quien administra el hub."), format!("The hub's list of changes goes round in a circle (checkpoint {seq} came back): the sync stopped. What was sent is on the hub; tell whoever runs the hub.")),
        HubError::BadAnswer(detail) => pick(lang, format!("El hub respondió algo inesperado: ¿es la dirección de una base de datos CouchDB? ({detail})"), format!("The hub's answer was unexpected: is this the address of a CouchDB database? ({detail})")),
    }
}

pub fn report_text(lang: Lang, r: &SyncReport) -> String {
    use super::counts::{count, Counted};
    let mut text = format!(
        "{}, {}",
        count(lang, r.pushed, Counted::BundlesSent),
        count(lang, r.pulled, Counted::BundlesReceived)
    );
    if !r.refused.is_empty() {
        text.push_str(", ");
        text.push_str(&count(lang, r.refused.len(), Counted::BundlesRefused));
    }
    text
}

/// A refused bundle or file: what is wrong, that nothing was applied, and
/// the technical detail.
pub fn bundle_error_text(lang: Lang, e: &BundleError) -> String {
    let (s, en): (&str, &str) = match e {
        BundleError::Truncated => ("El archivo está incompleto (cortado).", "The file is incomplete (cut short)."),
        BundleError::NotJson(_) => ("No es un archivo de Ventanilla (no es JSON).", "Not a Ventanilla file (not JSON)."),
        BundleError::WrongFormat(_) => ("No es un paquete de Ventanilla.", "Not a Ventanilla bundle."),
        BundleError::UnsupportedVersion(_) => ("Es de una versión más nueva de Ventanilla: actualiza esta primero.", "It comes from a newer Ventanilla: update this one first."),
        BundleError::ChecksumMismatch { .. } => ("El contenido no coincide con su suma de control: el archivo se dañó.", "The content does not match its checksum: the file is damaged."),
        BundleError::UnknownRecordKind(_) => ("Contiene registros de un tipo que esta versión no conoce: actualízala.", "It holds records of a kind this version does not know: update it."),
        BundleError::FromFuture { .. } => ("Tiene cambios fechados más de un día en el futuro: revisa la fecha del otro dispositivo.", "It has changes dated over a day in the future: check the other device's date."),
        BundleError::Contradiction { .. } => ("Contradice un paquete ya recibido del mismo dispositivo.", "It contradicts a bundle already received from the same device."),
        BundleError::ContradictsOwnLog { .. } => ("Dice venir de este dispositivo pero no coincide con lo que este guardó.", "It claims to come from this device but does not match what this device saved."),
        BundleError::ForeignAuthor { .. } => ("Trae cambios atribuidos a otro dispositivo: cada dispositivo solo envía los suyos, así que fue alterado.", "It carries changes attributed to another device: each device only sends its own, so it was altered."),
        BundleError::WrongDocument { .. } => ("El documento del hub no contiene el paquete que su nombre dice.", "The hub document does not hold the bundle its name says."),
        BundleError::TooLarge { .. } | BundleError::BadValue { .. } => {
            return super::limits::refusal_text(lang, e)
        }
        _ => ("El archivo está mal formado.", "The file is malformed."),
    };
    let what = pick(lang, s, en);
    let then = pick(lang, "No se ha aplicado nada.", "Nothing was applied.");
    format!("{what} {then} ({e})")
}
