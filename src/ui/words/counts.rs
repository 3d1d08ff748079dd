//! Every count the interface shows, with its singular and its plural in
//! both languages: "1 registro actualizado", "2 registros actualizados".
//! Each message is a template where `{n}` stands for the number (grouped
//! the language's way); a whole sentence when the rest of it agrees with
//! the number ("Guárdalo" / "Guárdalos").

use super::dates::digit_marks;
use super::pick;
use crate::domain::Lang;

/// What is counted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Counted {
    /// An import applied: the records it changed.
    RecordsUpdated,
    /// An export: the files the browser downloaded.
    FilesDownloaded,
    /// A file picker: the files chosen.
    FilesChosen,
    /// A hub sync: bundles sent, received and refused.
    BundlesSent,
    BundlesReceived,
    BundlesRefused,
    /// A hub sync: documents newly refused.
    HubDocsRefused,
    /// Joining from the hub: snapshots not offered.
    SnapshotsSetAside,
    /// The customer list ("3 de 20 clientes") and a file's contacts.
    Customers,
    Contacts,
    /// A leave's length, and the leave an approver may decide.
    Days,
    /// The department's badges.
    UpcomingShifts,
    WaitingForYou,
    ToAcknowledge,
    Unread,
    OpenTasks,
    /// The limits a refused value broke.
    Characters,
    Bytes,
    Levels,
    Items,
}

impl Counted {
    /// Every message, for the test that reads each at 0, 1 and 2.
    pub const ALL: &'static [Counted] = &[
        Counted::RecordsUpdated,
        Counted::FilesDownloaded,
        Counted::FilesChosen,
        Counted::BundlesSent,
        Counted::BundlesReceived,
        Counted::BundlesRefused,
        Counted::HubDocsRefused,
        Counted::SnapshotsSetAside,
        Counted::Customers,
        Counted::Contacts,
        Counted::Days,
        Counted::UpcomingShifts,
        Counted::WaitingForYou,
        Counted::ToAcknowledge,
        Counted::Unread,
        Counted::OpenTasks,
        Counted::Characters,
        Counted::Bytes,
        Counted::Levels,
        Counted::Items,
    ];
}

/// (Spanish one, Spanish many, English one, English many).
type Forms = (&'static str, &'static str, &'static str, &'static str);

fn forms(what: Counted) -> Forms {
    use Counted::*;
    match what {
        RecordsUpdated => (
            "{n} registro actualizado.",
            "{n} registros actualizados.",
            "{n} record updated.",
            "{n} records updated.",
        ),
        FilesDownloaded => (
            "{n} archivo descargado. Guárdalo o envíalo al otro dispositivo.",
            "{n} archivos descargados. Guárdalos o envíalos al otro dispositivo.",
            "{n} file downloaded. Keep it or send it to the other device.",
            "{n} files downloaded. Keep them or send them to the other device.",
        ),
        FilesChosen => (
            "{n} archivo elegido",
            "{n} archivos elegidos",
            "{n} file chosen",
            "{n} files chosen",
        ),
        BundlesSent => (
            "{n} paquete enviado",
            "{n} paquetes enviados",
            "{n} bundle sent",
            "{n} bundles sent",
        ),
        BundlesReceived => (
            "{n} recibido",
            "{n} recibidos",
            "{n} received",
            "{n} received",
        ),
        BundlesRefused => (
            "{n} rechazado",
            "{n} rechazados",
            "{n} refused",
            "{n} refused",
        ),
        HubDocsRefused => (
            "{n} documento del hub rechazado: el motivo está en Sincronizar → Rechazados.",
            "{n} documentos del hub rechazados: el motivo está en Sincronizar → Rechazados.",
            "{n} hub document refused: the reason is under Sync → Refused.",
            "{n} hub documents refused: the reason is under Sync → Refused.",
        ),
        SnapshotsSetAside => (
            "{n} instantánea del hub apartada (dañada, fechada en el futuro o de otra organización)",
            "{n} instantáneas del hub apartadas (dañadas, fechadas en el futuro o de otra organización)",
            "{n} snapshot on the hub set aside (damaged, dated in the future or of another organisation)",
            "{n} snapshots on the hub set aside (damaged, dated in the future or of another organisation)",
        ),
        Customers => ("{n} cliente", "{n} clientes", "{n} customer", "{n} customers"),
        Contacts => ("{n} contacto", "{n} contactos", "{n} contact", "{n} contacts"),
        Days => ("{n} día", "{n} días", "{n} day", "{n} days"),
        UpcomingShifts => (
            "{n} turno próximo",
            "{n} turnos próximos",
            "{n} upcoming shift",
            "{n} upcoming shifts",
        ),
        WaitingForYou => (
            "{n} espera tu decisión",
            "{n} esperan tu decisión",
            "{n} waiting for you",
            "{n} waiting for you",
        ),
        ToAcknowledge => (
            "{n} por confirmar",
            "{n} por confirmar",
            "{n} to acknowledge",
            "{n} to acknowledge",
        ),
        Unread => ("{n} sin leer", "{n} sin leer", "{n} unread", "{n} unread"),
        OpenTasks => (
            "{n} tarea abierta",
            "{n} tareas abiertas",
            "{n} open task",
            "{n} open tasks",
        ),
        Characters => (
            "{n} carácter",
            "{n} caracteres",
            "{n} character",
            "{n} characters",
        ),
        Bytes => ("{n} byte", "{n} bytes", "{n} byte", "{n} bytes"),
        Levels => ("{n} nivel", "{n} niveles", "{n} level", "{n} levels"),
        Items => ("{n} elemento", "{n} elementos", "{n} item", "{n} items"),
    }
}

/// Whether `n` takes the singular: in Spanish and in English only one
/// does ("0 registros", "0 records").
fn singular(_lang: Lang, n: usize) -> bool {
    n == 1
}

/// 20000 -> "20.000" (es) / "20,000" (en).
pub fn number(lang: Lang, n: usize) -> String {
    let digits = n.to_string();
    let (sep, _) = digit_marks(lang);
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// `n` things, in the right number: `count(Lang::En, 1, RecordsUpdated)`
/// is "1 record updated.".
pub fn count(lang: Lang, n: usize, what: Counted) -> String {
    let (es_one, es_many, en_one, en_many) = forms(what);
    let template = if singular(lang, n) {
        pick(lang, es_one, en_one)
    } else {
        pick(lang, es_many, en_many)
    };
    template.replace("{n}", &number(lang, n))
}
