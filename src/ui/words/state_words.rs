//! Words: what the app says about its own state: backups, warnings about the past, visits on the customer's file, queues.
//! One part of the `Key` table (`words/mod.rs` joins the parts): every
//! entry gives Spanish then English, so a key without both does not compile.
//! Below the table, the backup line put together (pure, tested natively).

macro_rules! state_words {
    ([$($rest:ident),*] $($acc:tt)*) => {
        chain! { [$($rest),*] $($acc)*
        // Backups: the shell's line and the Sync page.
        BackupNothingHere => "Ningún cambio solo en este dispositivo", "No changes only on this device";
        BackupNeverOne => "Sin copia: 1 cambio solo en este dispositivo", "Not backed up: 1 change only on this device";
        BackupNeverMany => "Sin copia: {n} cambios solo en este dispositivo", "Not backed up: {n} changes only on this device";
        BackupDone => "Copia hecha: todo hasta {when} ({how})", "Backed up: everything up to {when} ({how})";
        BackupDoneUndated => "Copia hecha ({how})", "Backed up ({how})";
        BackupSinceOne => "1 cambio aún sin copiar", "1 change not yet copied";
        BackupSinceMany => "{n} cambios aún sin copiar", "{n} changes not yet copied";
        BackupViaHub => "enviado al hub", "sent to the hub";
        BackupViaChanges => "archivo de cambios", "changes file";
        BackupViaSnapshot => "exportación completa a archivo", "full export to a file";
        WhenToday => "hoy a las {t}", "{t} today";
        WhenYesterday => "ayer a las {t}", "{t} yesterday";
        WhenOn => "el {d} a las {t}", "{d}, {t}";
        BackupPendingFact => "Cambios aún sin copiar", "Changes not copied yet";
        LastChangesExport => "Último archivo de cambios", "Last changes file";
        LastSnapshotExport => "Última exportación completa", "Last full export";
        SnapshotCounts => "Cuenta como copia de todo lo que hay hasta ahora.", "It counts as a copy of everything up to now.";
        ExportNotStarted => "El navegador no empezó la descarga: no cuenta como copia. Inténtalo de nuevo.", "The browser did not start the download: it does not count as a copy. Try again.";
        // A customer's last store visit and the return visit it made.
        LastStoreVisit => "Última visita a tienda", "Last store visit";
        StoreVisitWhen => "Cuándo", "When";
        StoreVisitReturn => "Su visita de regreso", "Its return visit";
        StoreVisitNotMade => "Aún no creada: se crea al abrir Hoy o Visitas de regreso.", "Not made yet: it is made when Today or Return visits opens.";
        VisitOpen => "Pendiente", "Open";
        VisitDone => "Hecha", "Done";
        // Queues: whose visits, and the team's.
        TeamHasNoOpenVisits => "El equipo no tiene visitas de regreso abiertas.", "The team has no open return visits.";
        MyVisitsLaterOne => "1 visita tuya vence más adelante.", "1 visit of yours falls due later.";
        MyVisitsLaterMany => "{n} visitas tuyas vencen más adelante.", "{n} visits of yours fall due later.";
        }
    };
}

use super::{t, Key};
use crate::domain::Lang;
use crate::sync::backup::{BackupStatus, CopyKind};
use chrono::{NaiveDate, NaiveDateTime};

/// `key`'s words with `{n}` as the count: the one or the many form.
pub fn count_words(lang: Lang, n: u64, one: Key, many: Key) -> String {
    if n == 1 {
        t(lang, one).to_string()
    } else {
        t(lang, many).replace("{n}", &grouped(lang, n))
    }
}

/// 20000 -> "20.000" (es) / "20,000" (en).
fn grouped(lang: Lang, n: u64) -> String {
    let digits = n.to_string();
    let (sep, _) = super::dates::digit_marks(lang);
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// A local time said against `today`: "12:40 today", "12:40 yesterday",
/// or the date and the time.
pub fn when_words(lang: Lang, at: NaiveDateTime, today: NaiveDate, date: &str) -> String {
    let time = at.format("%H:%M").to_string();
    let key = if at.date() == today {
        Key::WhenToday
    } else if today.pred_opt() == Some(at.date()) {
        Key::WhenYesterday
    } else {
        Key::WhenOn
    };
    t(lang, key).replace("{t}", &time).replace("{d}", date)
}

/// How a copy left the device, in words.
pub fn copy_words(lang: Lang, kind: CopyKind) -> &'static str {
    t(
        lang,
        match kind {
            CopyKind::Hub => Key::BackupViaHub,
            CopyKind::ChangesFile => Key::BackupViaChanges,
            CopyKind::Snapshot => Key::BackupViaSnapshot,
        },
    )
}

/// The backup line's parts, in order: what is not copied yet (when
/// anything), then what the last copy holds and how it was made. `when`
/// says a copy's time (`when_words`); a copy whose stored time cannot be
/// read is told without one rather than with a wrong one.
pub fn backup_parts(
    lang: Lang,
    status: &BackupStatus,
    when: impl Fn(chrono::DateTime<chrono::Utc>) -> String,
) -> Vec<String> {
    let last = status.last_copy();
    let mut parts = Vec::new();
    match (status.pending, last) {
        (0, None) => parts.push(t(lang, Key::BackupNothingHere).to_string()),
        (n, None) => parts.push(count_words(
            lang,
            n,
            Key::BackupNeverOne,
            Key::BackupNeverMany,
        )),
        (0, Some(_)) => {}
        (n, Some(_)) => parts.push(count_words(
            lang,
            n,
            Key::BackupSinceOne,
            Key::BackupSinceMany,
        )),
    }
    if let Some(copy) = last {
        let words = match copy.at {
            Some(at) => t(lang, Key::BackupDone).replace("{when}", &when(at)),
            None => t(lang, Key::BackupDoneUndated).to_string(),
        };
        parts.push(words.replace("{how}", copy_words(lang, copy.kind)));
    }
    parts
}
