//! R-REP-03 for the weekly and monthly report: a row lists the records
//! behind it, and as many as its figure counts, on the demo's month and
//! week in both languages.

use crate::common::*;
use crate::demo::loaded;
use ventanilla::domain::reports::{
    period_behind, period_of, period_report, Behind, Figure, Label, Part,
};
use ventanilla::domain::standards::PeriodKind;
use ventanilla::domain::Lang;

fn count(f: Option<&Figure>) -> usize {
    match f {
        Some(Figure::Count(n)) => usize::try_from(*n).unwrap_or(usize::MAX),
        other => panic!("a count, not {other:?}"),
    }
}

#[test]
fn r_rep_03_every_row_of_the_period_report_lists_as_many_records_as_it_counts() {
    let now = at(2026, 11, 26, 16, 0);
    for lang in [Lang::Es, Lang::En] {
        let (m, _) = loaded(lang, "Europe/Madrid", now);
        let today = m.zone().local_date(now);
        let mut rows_checked = 0;
        for kind in [PeriodKind::Week, PeriodKind::Month] {
            let p = period_of(kind, today);
            let r = period_report(&m, p, now);
            for s in &r.sections {
                for row in &s.rows {
                    let listed = period_behind(&m, p, now, s.part, &row.label);
                    let what = format!("{lang:?} {kind:?} {:?} {:?}", s.part, row.label);
                    match s.part {
                        Part::Standards | Part::Attendance => {
                            assert_eq!(listed, None, "{what}: its page holds the detail");
                            continue;
                        }
                        Part::Workload => {
                            let listed = listed.expect("workload rows list records");
                            let contacts = listed
                                .iter()
                                .filter(|b| matches!(b, Behind::Contact(_)))
                                .count();
                            let visits = listed.len() - contacts;
                            assert_eq!(contacts, count(row.figures.first()), "{what}");
                            // Calls are counted each; a visit called twice is listed once.
                            assert!(visits <= count(row.figures.get(2)), "{what}");
                            assert_eq!(visits > 0, count(row.figures.get(2)) > 0, "{what}");
                        }
                        _ => {
                            let listed = listed.expect("a row of records");
                            assert_eq!(listed.len(), count(row.figures.first()), "{what}");
                        }
                    }
                    rows_checked += 1;
                }
            }
        }
        // The demo fills every listing part, so the check is not vacuous.
        assert!(rows_checked >= 15, "{lang:?}: {rows_checked} rows");
        let month = period_report(&m, period_of(PeriodKind::Month, today), now);
        for part in [
            Part::Workload,
            Part::Complaints,
            Part::Visits,
            Part::Quality,
        ] {
            let s = month.sections.iter().find(|s| s.part == part);
            assert!(
                s.is_some_and(|s| !s.rows.is_empty()),
                "{lang:?}: the demo's month has {part:?}"
            );
        }
    }
}

#[test]
fn r_rep_03_a_row_lists_only_its_own_records() {
    let now = at(2026, 11, 26, 16, 0);
    let (m, _) = loaded(Lang::Es, "Europe/Madrid", now);
    let p = period_of(PeriodKind::Month, m.zone().local_date(now));
    let zone = m.zone();
    let founded = period_behind(&m, p, now, Part::Complaints, &Label::Founded).unwrap_or_default();
    assert!(!founded.is_empty(), "the demo has founded complaints");
    for b in founded {
        let Behind::Complaint(c) = b else {
            panic!("a complaint, not {b:?}")
        };
        let view = ventanilla::domain::complaint::all_views(&m)
            .into_iter()
            .find(|v| v.complaint.id == c)
            .expect("a listed complaint exists");
        assert_eq!(view.founded(), Some(true));
        assert!(p.contains(zone.local_date(view.complaint.received_at)));
    }
    let due = period_behind(&m, p, now, Part::Visits, &Label::Due).unwrap_or_default();
    for b in due {
        let Behind::Visit(v) = b else {
            panic!("a visit, not {b:?}")
        };
        assert!(p.contains(m.visits[&v].due), "due in the month");
    }
    // A label from another part lists nothing rather than everything.
    assert_eq!(
        period_behind(&m, p, now, Part::Complaints, &Label::Due),
        Some(Vec::new())
    );
}
