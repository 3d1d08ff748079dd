//! The monthly report as one CSV file (R-REP-03): UTF-8 with a byte-order
//! mark (so a spreadsheet keeps the accents), comma-separated with CRLF
//! line ends and decimal points, as the project's other CSV files; every
//! cell through `base::csv`, which quotes and defuses formulas.
//! The headings are in the language on screen; the figures are those on
//! the page (the issued ones once issued) and the evaluation.

use super::eval::not_ranked;
use super::{changed_text, issued_line, month_title, MonthView, Rated};
use crate::domain::base::csv::{self, Sep};
use crate::domain::qa::{best_and_worst, QaSettings};
use crate::domain::Lang;
use crate::ui::words::{t, Key};

/// Tenths of a percent as a spreadsheet reads them: "72.5"; empty for none.
fn num(v: Option<u32>) -> String {
    v.map(|v| format!("{}.{}", v / 10, v % 10))
        .unwrap_or_default()
}

pub(super) fn month_csv(lang: Lang, v: &MonthView, rated: &Rated, s: &QaSettings) -> String {
    let w = |k: Key| t(lang, k).to_string();
    let mut rows: Vec<Vec<String>> = vec![
        vec![w(Key::QaMoCsvTitle), month_title(lang, v.first)],
        vec![w(Key::QaMoStatus), issued_line(lang, v)],
    ];
    if let Some((_, _, n)) = v.issued.as_ref().filter(|(_, _, n)| *n > 0) {
        rows.push(vec![String::new(), changed_text(lang, *n)]);
    }
    let f = &v.shown;
    rows.push(vec![w(Key::QaReviews), f.reviews.to_string()]);
    rows.push(vec![w(Key::QaMoAverage), num(f.average)]);
    rows.push(Vec::new());
    rows.push(vec![
        w(Key::QaMoPerson),
        w(Key::QaReviews),
        w(Key::QaMoAverage),
        w(Key::QaMoEvaluation),
    ]);
    for (name, reviews, average, eval) in &f.agents {
        rows.push(vec![
            name.clone(),
            reviews.to_string(),
            num(*average),
            num(*eval),
        ]);
    }
    rows.push(Vec::new());
    rows.push(vec![
        w(Key::QaMoCriterion),
        w(Key::QaMoScored),
        w(Key::QaMoAverage),
    ]);
    for (name, scored, average) in &f.criteria {
        rows.push(vec![name.clone(), scored.to_string(), num(*average)]);
    }
    rows.push(Vec::new());
    rows.push(vec![
        w(Key::QaMoEval),
        t(lang, Key::QaMoWeights)
            .replace("{q}", &s.weight_quality.to_string())
            .replace("{a}", &s.weight_attendance.to_string())
            .replace("{w}", &s.weight_workload.to_string())
            .replace("{n}", &s.min_reviews_to_rank.to_string()),
    ]);
    let evals: Vec<_> = rated.iter().map(|(_, e)| e.clone()).collect();
    if let Some((best, worst)) = best_and_worst(&evals) {
        let name = |id| {
            rated
                .iter()
                .find(|(_, e)| e.person == id)
                .map(|(n, _)| n.clone())
                .unwrap_or_default()
        };
        rows.push(vec![w(Key::QaMoBest), name(best)]);
        rows.push(vec![w(Key::QaMoWorst), name(worst)]);
    }
    rows.push(vec![
        w(Key::QaMoRank),
        w(Key::QaMoPerson),
        w(Key::QaReviews),
        w(Key::QaMoQuality),
        w(Key::QaMoCsvShifts),
        w(Key::QaMoCsvViolations),
        w(Key::QaMoAttendance),
        w(Key::QaMoCsvContacts),
        w(Key::QaMoWorkload),
        w(Key::QaMoScore),
        w(Key::QaMoNotRanked),
    ]);
    let mut rank = 0usize;
    for (name, e) in rated {
        let place = if e.ranked {
            rank = rank.saturating_add(1);
            rank.to_string()
        } else {
            String::new()
        };
        rows.push(vec![
            place,
            name.clone(),
            e.reviews.to_string(),
            num(e.quality),
            e.shifts.to_string(),
            e.violations.to_string(),
            num(e.attendance),
            e.contacts.to_string(),
            num(e.workload),
            num(e.score.filter(|_| e.ranked)),
            not_ranked(lang, e, s).unwrap_or_default(),
        ]);
    }
    csv::table(&rows, Sep::Comma)
}
