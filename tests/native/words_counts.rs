//! Every count the interface shows reads right in both languages: "1
//! registro actualizado", "2 registros actualizados", "0 records updated"
//! (`ui::words::counts`, one table of singular and plural forms).

use ventanilla::domain::staff::Role;
use ventanilla::domain::{Lang, RuleError};
use ventanilla::sync::bundle::Limit;
use ventanilla::ui::words::counts::{count, number, Counted};
use ventanilla::ui::words::limits::limit_text;
use ventanilla::ui::words::refusal;

/// Each message at one, in Spanish and English: the singular.
fn singular(what: Counted) -> (&'static str, &'static str) {
    use Counted::*;
    match what {
        RecordsUpdated => ("1 registro actualizado.", "1 record updated."),
        FilesDownloaded => (
            "1 archivo descargado. Guárdalo o envíalo al otro dispositivo.",
            "1 file downloaded. Keep it or send it to the other device.",
        ),
        FilesChosen => ("1 archivo elegido", "1 file chosen"),
        BundlesSent => ("1 paquete enviado", "1 bundle sent"),
        BundlesReceived => ("1 recibido", "1 received"),
        BundlesRefused => ("1 rechazado", "1 refused"),
        HubDocsRefused => (
            "1 documento del hub rechazado: el motivo está en Sincronizar → Rechazados.",
            "1 hub document refused: the reason is under Sync → Refused.",
        ),
        SnapshotsSetAside => (
            "1 instantánea del hub apartada (dañada, fechada en el futuro o de otra organización)",
            "1 snapshot on the hub set aside (damaged, dated in the future or of another organisation)",
        ),
        Customers => ("1 cliente", "1 customer"),
        Contacts => ("1 contacto", "1 contact"),
        Days => ("1 día", "1 day"),
        UpcomingShifts => ("1 turno próximo", "1 upcoming shift"),
        WaitingForYou => ("1 espera tu decisión", "1 waiting for you"),
        ToAcknowledge => ("1 por confirmar", "1 to acknowledge"),
        Unread => ("1 sin leer", "1 unread"),
        OpenTasks => ("1 tarea abierta", "1 open task"),
        Characters => ("1 carácter", "1 character"),
        Bytes => ("1 byte", "1 byte"),
        Levels => ("1 nivel", "1 level"),
        Items => ("1 elemento", "1 item"),
    }
}

/// Each message at two, in Spanish and English: the plural.
fn plural(what: Counted) -> (&'static str, &'static str) {
    use Counted::*;
    match what {
        RecordsUpdated => ("2 registros actualizados.", "2 records updated."),
        FilesDownloaded => (
            "2 archivos descargados. Guárdalos o envíalos al otro dispositivo.",
            "2 files downloaded. Keep them or send them to the other device.",
        ),
        FilesChosen => ("2 archivos elegidos", "2 files chosen"),
        BundlesSent => ("2 paquetes enviados", "2 bundles sent"),
        BundlesReceived => ("2 recibidos", "2 received"),
        BundlesRefused => ("2 rechazados", "2 refused"),
        HubDocsRefused => (
            "2 documentos del hub rechazados: el motivo está en Sincronizar → Rechazados.",
            "2 hub documents refused: the reason is under Sync → Refused.",
        ),
        SnapshotsSetAside => (
            "2 instantáneas del hub apartadas (dañadas, fechadas en el futuro o de otra organización)",
            "2 snapshots on the hub set aside (damaged, dated in the future or of another organisation)",
        ),
        Customers => ("2 clientes", "2 customers"),
        Contacts => ("2 contactos", "2 contacts"),
        Days => ("2 días", "2 days"),
        UpcomingShifts => ("2 turnos próximos", "2 upcoming shifts"),
        WaitingForYou => ("2 esperan tu decisión", "2 waiting for you"),
        ToAcknowledge => ("2 por confirmar", "2 to acknowledge"),
        Unread => ("2 sin leer", "2 unread"),
        OpenTasks => ("2 tareas abiertas", "2 open tasks"),
        Characters => ("2 caracteres", "2 characters"),
        Bytes => ("2 bytes", "2 bytes"),
        Levels => ("2 niveles", "2 levels"),
        Items => ("2 elementos", "2 items"),
    }
}

#[test]
fn every_count_reads_right_at_zero_one_and_two_in_both_languages() {
    assert!(Counted::ALL.len() >= 20, "the list lost messages");
    for &what in Counted::ALL {
        let (es1, en1) = singular(what);
        let (es2, en2) = plural(what);
        assert_eq!(count(Lang::Es, 1, what), es1, "{what:?}");
        assert_eq!(count(Lang::En, 1, what), en1, "{what:?}");
        assert_eq!(count(Lang::Es, 2, what), es2, "{what:?}");
        assert_eq!(count(Lang::En, 2, what), en2, "{what:?}");
        // Zero takes the plural in both languages: "0 registros".
        assert_eq!(
            count(Lang::Es, 0, what),
            es2.replacen('2', "0", 1),
            "{what:?}"
        );
        assert_eq!(
            count(Lang::En, 0, what),
            en2.replacen('2', "0", 1),
            "{what:?}"
        );
        for text in [es1, en1, es2, en2] {
            assert!(!text.contains("(s)"), "{what:?} hedges: {text}");
        }
    }
}

/// `ALL` names every message: a new one stops this compiling until it is
/// listed (and given its forms above).
#[test]
fn the_list_names_every_counted_message() {
    use Counted::*;
    let place = |c: Counted| match c {
        RecordsUpdated => 0,
        FilesDownloaded => 1,
        FilesChosen => 2,
        BundlesSent => 3,
        BundlesReceived => 4,
        BundlesRefused => 5,
        HubDocsRefused => 6,
        SnapshotsSetAside => 7,
        Customers => 8,
        Contacts => 9,
        Days => 10,
        UpcomingShifts => 11,
        WaitingForYou => 12,
        ToAcknowledge => 13,
        Unread => 14,
        OpenTasks => 15,
        Characters => 16,
        Bytes => 17,
        Levels => 18,
        Items => 19,
    };
    let mut seen = [false; 20];
    for &c in Counted::ALL {
        seen[place(c)] = true;
    }
    assert!(
        seen.iter().all(|s| *s),
        "missing from Counted::ALL: {seen:?}"
    );
}

#[test]
fn large_counts_are_grouped_the_language_s_way() {
    assert_eq!(number(Lang::Es, 20_000), "20.000");
    assert_eq!(number(Lang::En, 1_234_567), "1,234,567");
    assert_eq!(number(Lang::Es, 999), "999");
    assert_eq!(
        count(Lang::Es, 20_000, Counted::Customers),
        "20.000 clientes"
    );
    assert_eq!(
        count(Lang::En, 1_000, Counted::RecordsUpdated),
        "1,000 records updated."
    );
}

/// The refusals and limits that name a number agree with it too.
#[test]
fn refusals_and_limits_that_count_agree_with_the_number() {
    assert_eq!(
        limit_text(Lang::Es, &Limit::TooLong { max: 1 }),
        "tiene más de 1 carácter"
    );
    assert_eq!(
        limit_text(Lang::En, &Limit::TooLong { max: 120 }),
        "it has more than 120 characters"
    );
    assert_eq!(
        limit_text(Lang::En, &Limit::TooDeep { max: 16 }),
        "it is nested more than 16 levels deep"
    );
    assert_eq!(
        limit_text(Lang::Es, &Limit::TooMany { max: 1 }),
        "tiene más de 1 elemento"
    );
    let one = RuleError::WrongApprover {
        needs: Role::CenterDirector,
        days: 1,
    };
    let two = RuleError::WrongApprover {
        needs: Role::CenterDirector,
        days: 2,
    };
    assert!(
        refusal(Lang::Es, &one).starts_with("Este permiso (1 día)"),
        "{}",
        refusal(Lang::Es, &one)
    );
    assert!(refusal(Lang::Es, &two).starts_with("Este permiso (2 días)"));
    assert!(refusal(Lang::En, &one).starts_with("This leave (1 day)"));
    assert!(refusal(Lang::En, &two).starts_with("This leave (2 days)"));
    let long = RuleError::TooLong {
        field: "name",
        max: 120,
    };
    assert!(refusal(Lang::En, &long).ends_with("too long (at most 120 characters)."));
    assert!(refusal(Lang::Es, &long).ends_with("demasiado largo (máximo 120 caracteres)."));
}
