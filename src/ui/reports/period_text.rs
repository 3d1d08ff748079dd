//! The weekly and monthly report in words: each part's title, its columns,
//! its rows' labels and its figures, written one way for the page and the
//! CSV (R-REP-03), plus the CSV itself: each part as a block (its title,
//! its heading row, its rows), exactly as the page shows them.

use super::columns::column_words;
use crate::domain::base::csv::{self, Sep};
use crate::domain::reports::{Col, Column, Figure, Label, Part, PeriodReport};
use crate::domain::standards::{Period, PeriodKind};
use crate::domain::{Lang, Model};
use crate::ui::kit::widgets::fmt_date;
use crate::ui::words::complaint_labels::cause_label;
use crate::ui::words::dates::{month_title, tenths_text};
use crate::ui::words::standard_labels::{light_words, metric_key};
use crate::ui::words::visit_labels::outcome_label;
use crate::ui::words::{t, Key};

pub(super) fn part_title(lang: Lang, p: Part) -> &'static str {
    t(
        lang,
        match p {
            Part::Workload => Key::PerSecWorkload,
            Part::Complaints => Key::PerSecComplaints,
            Part::Visits => Key::PerSecVisits,
            Part::Quality => Key::PerSecQuality,
            Part::Standards => Key::PerSecStandards,
            Part::Attendance => Key::PerSecAttendance,
        },
    )
}

/// Where each part's own page shows it in detail.
pub(super) fn part_link(p: Part) -> &'static str {
    match p {
        Part::Workload => "/reports",
        Part::Complaints => "/complaints/stats",
        Part::Visits => "/visits/summary",
        Part::Quality => "/quality/month",
        Part::Standards => "/standards",
        Part::Attendance => "/department/attendance",
    }
}

pub(super) fn col_words(lang: Lang, c: Col) -> String {
    let key = match c {
        Col::Contacts => return column_words(lang, Column::Contacts),
        Col::Outbound => return column_words(lang, Column::Outbound),
        Col::VisitCalls => return column_words(lang, Column::VisitCalls),
        Col::Met => return column_words(lang, Column::Met),
        Col::Late => return column_words(lang, Column::Late),
        Col::MetRate => return column_words(lang, Column::MetRate),
        Col::Count => Key::PerColCount,
        Col::ShareOfDue => Key::PerColShareOfDue,
        Col::Reviews => Key::PerColReviews,
        Col::Average => Key::PerColAverage,
        Col::StandardPeriod => Key::PerColStdPeriod,
        Col::Value => Key::PerColValue,
        Col::Goal => Key::PerColGoal,
        Col::Light => Key::PerColLight,
        Col::Shifts => Key::PerColShifts,
        Col::LateArrivals => Key::PerColLateArrivals,
        Col::LeftEarly => Key::PerColLeftEarly,
        Col::Absent => Key::PerColAbsent,
        Col::Worked => Key::PerColWorked,
        Col::Scheduled => Key::PerColScheduled,
    };
    t(lang, key).to_string()
}

/// A row's label: people and departments by their names today.
pub(super) fn label_words(lang: Lang, m: &Model, l: &Label) -> String {
    let fixed = |k: Key| t(lang, k).to_string();
    match l {
        Label::Person(id) => m
            .staff
            .get(id)
            .map(|s| s.name.clone())
            .unwrap_or_else(|| fixed(Key::RepUnknown)),
        Label::Team(name) => {
            let team = if name.is_empty() {
                t(lang, Key::RepNoTeam)
            } else {
                name
            };
            t(lang, Key::PerRowTeam).replace("{team}", team)
        }
        Label::Total => fixed(Key::RepTotal),
        Label::Received => fixed(Key::PerRowReceived),
        Label::Founded => fixed(Key::PerRowFounded),
        Label::Unfounded => fixed(Key::PerRowUnfounded),
        Label::Pending => fixed(Key::PerRowPending),
        Label::Closed => fixed(Key::PerRowClosed),
        Label::Cause(c) => t(lang, Key::PerRowCause).replace("{name}", cause_label(lang, *c)),
        Label::Due => fixed(Key::PerRowDue),
        Label::Done => fixed(Key::PerRowDone),
        Label::OnTime => fixed(Key::PerRowOnTime),
        Label::Outcome(o) => t(lang, Key::PerRowOutcome).replace("{name}", outcome_label(lang, *o)),
        Label::Standard { department, metric } => {
            let dept = m
                .standards
                .departments
                .get(department)
                .map(|d| d.name.clone())
                .unwrap_or_default();
            format!("{dept} · {}", t(lang, metric_key(*metric)))
        }
    }
}

/// Minutes as hours and minutes: 125 -> "2:05".
fn hours(minutes: u64) -> String {
    format!("{}:{:02}", minutes / 60, minutes % 60)
}

/// A figure as the page shows it ("—" for nothing to measure).
pub(super) fn figure_text(lang: Lang, f: Figure) -> String {
    match f {
        Figure::Count(n) => n.to_string(),
        Figure::Share(v) => format!("{} %", tenths_text(lang, v)),
        Figure::Per100(v) => t(lang, Key::PerPer100).replace("{n}", &tenths_text(lang, v)),
        Figure::Minutes(m) => hours(m),
        Figure::Span(a, b) => format!("{} – {}", fmt_date(lang, a), fmt_date(lang, b)),
        Figure::Light(l) => t(lang, light_words(l).0).to_string(),
        Figure::None => "—".to_string(),
    }
}

/// A figure as the CSV holds it: numbers a spreadsheet reads as numbers
/// (the decimal mark follows the separator), nothing for nothing.
fn figure_csv(lang: Lang, f: Figure, sep: Sep) -> String {
    match f {
        Figure::Share(v) | Figure::Per100(v) => csv::tenths(Some(v), sep),
        Figure::None => String::new(),
        other => figure_text(lang, other),
    }
}

/// "Semana del 30 nov 2026 al 6 dic 2026" / "noviembre de 2026".
pub(super) fn period_title(lang: Lang, p: Period) -> String {
    match p.kind {
        PeriodKind::Week => t(lang, Key::PerWeekTitle)
            .replace("{from}", &fmt_date(lang, p.first))
            .replace("{to}", &fmt_date(lang, p.last)),
        PeriodKind::Month => month_title(lang, p.first),
    }
}

/// The CSV of the whole report: a title row, then each part as a block.
pub(super) fn report_csv(lang: Lang, m: &Model, r: &PeriodReport, sep: Sep) -> String {
    let mut rows: Vec<Vec<String>> = vec![vec![
        t(lang, Key::PerTitle).to_string(),
        period_title(lang, r.period),
    ]];
    for s in &r.sections {
        rows.push(Vec::new());
        rows.push(vec![part_title(lang, s.part).to_string()]);
        if s.rows.is_empty() {
            rows.push(vec![t(lang, Key::PerNothing).to_string()]);
            continue;
        }
        let mut head = vec![t(lang, Key::PerRow).to_string()];
        head.extend(s.columns.iter().map(|c| col_words(lang, *c)));
        rows.push(head);
        for row in &s.rows {
            let mut line = vec![label_words(lang, m, &row.label)];
            line.extend(row.figures.iter().map(|f| figure_csv(lang, *f, sep)));
            rows.push(line);
        }
    }
    csv::table(&rows, sep)
}
