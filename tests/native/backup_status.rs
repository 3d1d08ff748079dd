//! The backup status (`sync::backup`) and its words: a full export to a
//! file counts as a copy of everything up to it, like a changes file or a
//! push to the hub; the line says how many changes are not copied yet and
//! what the last copy holds, how it was made, in both languages with the
//! right plurals.

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use ventanilla::domain::Lang;
use ventanilla::sync::backup::{BackupStatus, Copy, CopyKind, BACKUP_REMINDER_MS};
use ventanilla::ui::words::state_words::{backup_parts, when_words};

fn at(h: u32, m: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 20, h, m, 0)
        .single()
        .unwrap()
}

fn copy(kind: CopyKind, seq: u64, t: DateTime<Utc>) -> Copy {
    Copy {
        kind,
        seq,
        at: Some(t),
    }
}

/// Times said plainly (the app says them in the organisation's zone).
fn words(lang: Lang, s: &BackupStatus) -> Vec<String> {
    backup_parts(lang, s, |t| t.format("%H:%M").to_string())
}

#[test]
fn backup_first_run_and_a_customer_are_only_on_this_device() {
    let s = BackupStatus::new(3, vec![], Some(at(9, 0).timestamp_millis() as u64));
    assert_eq!(s.pending, 3);
    assert_eq!(s.last_copy(), None);
    assert_eq!(
        words(Lang::En, &s),
        vec!["Not backed up: 3 changes only on this device"]
    );
    assert_eq!(
        words(Lang::Es, &s),
        vec!["Sin copia: 3 cambios solo en este dispositivo"]
    );
    let one = BackupStatus::new(1, vec![], None);
    assert_eq!(
        words(Lang::En, &one),
        vec!["Not backed up: 1 change only on this device"]
    );
    assert_eq!(
        words(Lang::Es, &one),
        vec!["Sin copia: 1 cambio solo en este dispositivo"]
    );
}

#[test]
fn backup_a_full_export_counts_as_a_copy_of_everything_up_to_it() {
    let oldest = at(9, 0).timestamp_millis() as u64;
    let s = BackupStatus::new(
        3,
        vec![copy(CopyKind::Snapshot, 3, at(12, 40))],
        Some(oldest),
    );
    assert_eq!(s.pending, 0);
    assert_eq!(s.oldest_pending_ms, None);
    assert!(!s.remind(oldest + 10 * BACKUP_REMINDER_MS), "no reminder");
    assert_eq!(
        words(Lang::En, &s),
        vec!["Backed up: everything up to 12:40 (full export to a file)"]
    );
    assert_eq!(
        words(Lang::Es, &s),
        vec!["Copia hecha: todo hasta 12:40 (exportación completa a archivo)"]
    );
    // One change later: one not yet copied, the copy still said.
    let later = BackupStatus::new(4, s.copies.clone(), Some(oldest));
    assert_eq!(later.pending, 1);
    assert_eq!(
        words(Lang::En, &later),
        vec![
            "1 change not yet copied",
            "Backed up: everything up to 12:40 (full export to a file)"
        ]
    );
    assert_eq!(words(Lang::Es, &later)[0], "1 cambio aún sin copiar");
    let more = BackupStatus::new(1250, s.copies.clone(), Some(oldest));
    assert_eq!(words(Lang::En, &more)[0], "1,247 changes not yet copied");
    assert_eq!(words(Lang::Es, &more)[0], "1.247 cambios aún sin copiar");
}

#[test]
fn backup_the_line_tells_hub_changes_file_and_full_export_apart() {
    let hub = BackupStatus::new(5, vec![copy(CopyKind::Hub, 5, at(8, 0))], None);
    assert_eq!(
        words(Lang::En, &hub),
        vec!["Backed up: everything up to 08:00 (sent to the hub)"]
    );
    assert_eq!(
        words(Lang::Es, &hub),
        vec!["Copia hecha: todo hasta 08:00 (enviado al hub)"]
    );
    let file = BackupStatus::new(5, vec![copy(CopyKind::ChangesFile, 5, at(8, 0))], None);
    assert_eq!(
        words(Lang::En, &file),
        vec!["Backed up: everything up to 08:00 (changes file)"]
    );
    assert_eq!(
        words(Lang::Es, &file),
        vec!["Copia hecha: todo hasta 08:00 (archivo de cambios)"]
    );
}

#[test]
fn backup_the_last_copy_is_the_one_that_carries_the_most_then_the_latest() {
    let copies = vec![
        copy(CopyKind::ChangesFile, 10, at(12, 0)),
        copy(CopyKind::Snapshot, 10, at(13, 0)),
        copy(CopyKind::Hub, 8, at(14, 0)),
    ];
    let s = BackupStatus::new(12, copies, None);
    assert_eq!(s.pending, 2);
    assert_eq!(s.copied_seq(), 10);
    assert_eq!(s.last_copy().map(|c| c.kind), Some(CopyKind::Snapshot));
    // The same moment: the snapshot holds the most.
    let tie = BackupStatus::new(
        10,
        vec![
            copy(CopyKind::Hub, 10, at(12, 0)),
            copy(CopyKind::Snapshot, 10, at(12, 0)),
        ],
        None,
    );
    assert_eq!(tie.last_copy().map(|c| c.kind), Some(CopyKind::Snapshot));
    assert_eq!(tie.last_of(CopyKind::Hub).map(|c| c.seq), Some(10));
}

#[test]
fn backup_a_device_that_only_joined_has_nothing_of_its_own_to_copy() {
    let joined = BackupStatus::new(0, vec![], None);
    assert_eq!(
        words(Lang::En, &joined),
        vec!["No changes only on this device"]
    );
    assert_eq!(
        words(Lang::Es, &joined),
        vec!["Ningún cambio solo en este dispositivo"]
    );
    // Its full export still copies everything it holds.
    let exported = BackupStatus::new(0, vec![copy(CopyKind::Snapshot, 0, at(9, 5))], None);
    assert_eq!(
        words(Lang::En, &exported),
        vec!["Backed up: everything up to 09:05 (full export to a file)"]
    );
}

#[test]
fn backup_stored_numbers_out_of_line_neither_panic_nor_overcount() {
    // A cursor beyond the device's sequence (restored meta) copies all.
    let s = BackupStatus::new(
        3,
        vec![copy(CopyKind::Hub, u64::MAX, at(9, 0))],
        Some(u64::MAX),
    );
    assert_eq!((s.pending, s.oldest_pending_ms), (0, None));
    assert!(!s.remind(0));
    // A clock behind the oldest change reminds nobody.
    let t = BackupStatus::new(u64::MAX, vec![], Some(u64::MAX));
    assert!(!t.remind(0));
    assert!(!t.remind(u64::MAX));
    // An unreadable time is told without one.
    let undated = BackupStatus::new(
        2,
        vec![Copy {
            kind: CopyKind::ChangesFile,
            seq: 2,
            at: None,
        }],
        None,
    );
    assert_eq!(words(Lang::En, &undated), vec!["Backed up (changes file)"]);
    assert_eq!(
        words(Lang::Es, &undated),
        vec!["Copia hecha (archivo de cambios)"]
    );
}

#[test]
fn backup_reminds_after_three_days_of_changes_only_here() {
    let oldest = at(9, 0).timestamp_millis() as u64;
    let s = BackupStatus::new(3, vec![], Some(oldest));
    assert!(!s.remind(oldest + BACKUP_REMINDER_MS));
    assert!(s.remind(oldest + BACKUP_REMINDER_MS + 1));
}

#[test]
fn backup_times_are_said_against_today() {
    let today = NaiveDate::from_ymd_opt(2026, 11, 20).unwrap();
    let t = |d: u32| {
        NaiveDate::from_ymd_opt(2026, 11, d)
            .unwrap()
            .and_hms_opt(12, 40, 0)
            .unwrap()
    };
    assert_eq!(
        when_words(Lang::En, t(20), today, "20 Nov 2026"),
        "12:40 today"
    );
    assert_eq!(
        when_words(Lang::Es, t(20), today, "20 nov 2026"),
        "hoy a las 12:40"
    );
    assert_eq!(
        when_words(Lang::En, t(19), today, "19 Nov 2026"),
        "12:40 yesterday"
    );
    assert_eq!(
        when_words(Lang::Es, t(19), today, "19 nov 2026"),
        "ayer a las 12:40"
    );
    assert_eq!(
        when_words(Lang::En, t(2), today, "2 Nov 2026"),
        "2 Nov 2026, 12:40"
    );
    assert_eq!(
        when_words(Lang::Es, t(2), today, "2 nov 2026"),
        "el 2 nov 2026 a las 12:40"
    );
}
