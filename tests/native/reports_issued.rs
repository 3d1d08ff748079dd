//! Issued reports (R-REP-02): issuing freezes the figures; what changes in
//! the period later (a late sync, an edit) is counted, never merged in; who
//! may issue; an issued record from elsewhere is read back only when every
//! code in it is known.

use crate::common::*;
use crate::dept_common::*;
use crate::reports_period::november;
use crate::standards_common::*;
use chrono::Duration;
use proptest::prelude::*;
use ventanilla::domain::error::RuleError;
use ventanilla::domain::reports::issued::{changes_since, issue, issue_id, thaw};
use ventanilla::domain::reports::records::{FrozenPart, FrozenRow};
use ventanilla::domain::reports::{period_of, period_report, Figure, Label, Part};
use ventanilla::domain::standards::PeriodKind;

#[test]
fn r_rep_02_issuing_freezes_the_figures_and_counts_what_changed_since() {
    let mut m = november();
    let month = period_of(PeriodKind::Month, d(2026, 11, 10));
    let boss = person(&m, DIRECTOR);
    let issued_at = now();
    let r = issue(&m, &boss, month, issued_at).expect("a director issues");
    assert_eq!(r.id, issue_id(month));
    let live = period_report(&m, month, issued_at);
    let frozen: Vec<_> = r
        .parts
        .iter()
        .map(|p| thaw(p).expect("its own codes"))
        .collect();
    assert_eq!(frozen, live.sections, "the issued figures are the report's");
    put(&mut m, &r);
    assert_eq!(changes_since(&m, &r), 0);

    // A contact of the 3rd arrives late from another device: edited before
    // the report was issued, received after.
    let mut late = contact(15, nov(3, 9, 0), Vec::new(), None);
    late.audit.changed_at = issued_at - Duration::days(10);
    put(&mut m, &late);
    assert_eq!(changes_since(&m, &r), 1, "the late contact");
    // An edit today of a contact of the 16th.
    let mut edited = m.contacts.get(&id(11)).cloned().expect("contact 11");
    edited.summary = "Otra cosa".into();
    edited.audit.changed_at = issued_at + Duration::hours(1);
    put(&mut m, &edited);
    assert_eq!(changes_since(&m, &r), 2, "and the edited one");
    // A contact of December changes nothing in November's report.
    put(
        &mut m,
        &contact(14, madrid(2026, 12, 1, 9, 0), Vec::new(), None),
    );
    assert_eq!(changes_since(&m, &r), 2);

    // The issued figures stay as they were: three contacts, not four.
    let workload = r
        .parts
        .iter()
        .filter_map(thaw)
        .find(|s| s.part == Part::Workload)
        .expect("workload");
    let total = workload
        .rows
        .iter()
        .find(|x| x.label == Label::Total)
        .expect("a total row");
    assert_eq!(total.figures.first(), Some(&Figure::Count(3)));

    // Issued again: today's figures, nothing changed since.
    let again = issue(&m, &boss, month, issued_at + Duration::hours(2)).expect("issued again");
    assert_eq!(again.id, r.id, "one issued report per period");
    put(&mut m, &again);
    assert_eq!(changes_since(&m, &again), 0);
}

#[test]
fn r_rep_02_only_directors_issue_and_never_a_period_not_begun() {
    let m = november();
    let month = period_of(PeriodKind::Month, d(2026, 11, 10));
    for n in [REP, LEADER] {
        let got = issue(&m, &person(&m, n), month, now());
        assert!(
            matches!(got, Err(RuleError::NotAllowed { .. })),
            "{n}: {got:?}"
        );
    }
    let next_year = period_of(PeriodKind::Month, d(2027, 1, 10));
    let got = issue(&m, &person(&m, DIRECTOR), next_year, now());
    let (e, rule) = refused(got);
    assert_eq!(rule, Some("R-REP-02"), "{e:?}");
}

fn part(code: &str, columns: &[&str], rows: &[(&str, &[&str])]) -> FrozenPart {
    FrozenPart {
        part: code.into(),
        columns: columns.iter().map(|c| c.to_string()).collect(),
        rows: rows
            .iter()
            .map(|(l, f)| FrozenRow {
                label: l.to_string(),
                figures: f.iter().map(|x| x.to_string()).collect(),
            })
            .collect(),
    }
}

#[test]
fn r_rep_02_an_issued_part_with_an_unknown_code_is_not_shown() {
    assert!(thaw(&part("complaints", &["count"], &[("received", &["c4"])])).is_some());
    for bad in [
        part("payroll", &["count"], &[("received", &["c4"])]),
        part("complaints", &["salary"], &[("received", &["c4"])]),
        part("complaints", &["count"], &[("bonus", &["c4"])]),
        part("complaints", &["count"], &[("cause:weather", &["c4"])]),
        part("complaints", &["count"], &[("received", &["c4", "c5"])]),
        part("complaints", &["count"], &[("received", &["x4"])]),
        part("complaints", &["count"], &[("received", &["c-4"])]),
        part(
            "complaints",
            &["count"],
            &[("received", &["c99999999999999999999999"])],
        ),
        part(
            "standards",
            &["standard_period"],
            &[("total", &["d2026-13-01/2026-11-30"])],
        ),
        part("standards", &["light"], &[("total", &["lamber"])]),
        part("quality", &["reviews"], &[("person:zz", &["c1"])]),
    ] {
        assert_eq!(thaw(&bad), None, "{bad:?}");
    }
}

proptest! {
    /// Whatever a stored or received part holds, reading it never panics.
    #[test]
    fn r_rep_02_reading_any_issued_part_never_panics(
        code in ".{0,12}",
        columns in proptest::collection::vec(".{0,10}", 0..4),
        rows in proptest::collection::vec((".{0,20}", proptest::collection::vec(".{0,12}", 0..4)), 0..4),
    ) {
        let p = FrozenPart {
            part: code,
            columns,
            rows: rows.into_iter().map(|(label, figures)| FrozenRow { label, figures }).collect(),
        };
        let _ = thaw(&p);
    }
}
