//! Service standards (R-STD-01..R-STD-03): every department's standing at
//! a glance and the departments the organisation keeps (`overview.rs`), a
//! department's standards, this period's compliance with the records that
//! missed, and its printable service agreement (`department.rs`), audits
//! with findings and improvement actions (`audits.rs`), and the area's
//! part of Today (`today.rs`). `nav.rs` links the pages. What is computed
//! is the domain's to say (`domain::standards`); this file holds the
//! words and figures the pages share.

mod audits;
mod department;
mod nav;
mod overview;
mod today;

pub use audits::AuditsPage;
pub use department::DepartmentPage;
pub use overview::StandardsPage;
pub use today::StandardsTodaySection;

use crate::domain::staff::{require, Action};
use crate::domain::standards::{self, Compliance, Metric, PeriodKind, Standard, Standing, Trend};
use crate::domain::{Lang, Model};
use crate::sync::RecordId;
use crate::ui::kit::widgets::fmt_date;
use crate::ui::shell::state::Ctx;
pub(crate) use crate::ui::words::dates::tenths_text;
pub(crate) use crate::ui::words::standard_labels::{light_words, metric_key};
use crate::ui::words::{t, Key};
use leptos::prelude::*;

/// The most records a drill-down lists (the rest are counted).
pub(crate) const MAX_MISSED: usize = 100;

/// Whether the current person may keep departments, set standards and
/// audit (a department director or higher).
pub(crate) fn may_set(ctx: Ctx) -> Memo<bool> {
    Memo::new(move |_| {
        let me = ctx.me.get();
        ctx.model.with(|m| {
            me.and_then(|i| m.staff.get(&i))
                .is_some_and(|s| s.active && require(s, Action::SetStandards).is_ok())
        })
    })
}

/// What a metric counts, in words: its numerator and denominator.
pub(crate) fn metric_help(m: Metric) -> Key {
    match m {
        Metric::FirstResponse => Key::StdHelpFirstResponse,
        Metric::Resolution => Key::StdHelpResolution,
        Metric::ReturnVisitRate => Key::StdHelpReturnVisits,
        Metric::SatisfactionRate => Key::StdHelpSatisfaction,
        Metric::ComplaintRate => Key::StdHelpComplaints,
    }
}

pub(crate) fn period_key(p: PeriodKind) -> Key {
    match p {
        PeriodKind::Month => Key::StdPeriodMonth,
        PeriodKind::Week => Key::StdPeriodWeek,
    }
}

pub(crate) fn trend_key(tr: Trend) -> Key {
    match tr {
        Trend::Better => Key::StdTrendBetter,
        Trend::Same => Key::StdTrendSame,
        Trend::Worse => Key::StdTrendWorse,
        Trend::Unknown => Key::StdTrendUnknown,
    }
}

/// A value of `metric` in tenths, with its unit: "85,5 %" or "1,5 por 100
/// contactos".
pub(crate) fn value_text(lang: Lang, metric: Metric, v: u32) -> String {
    if metric == Metric::ComplaintRate {
        format!("{} {}", tenths_text(lang, v), t(lang, Key::StdPer100))
    } else {
        format!("{} %", tenths_text(lang, v))
    }
}

/// Minutes as a person says them: "45 min", "2 h", "1 h 30 min", "3 días".
pub(crate) fn minutes_text(lang: Lang, minutes: u32) -> String {
    const DAY: u32 = 24 * 60;
    if minutes >= DAY && minutes.is_multiple_of(DAY) {
        let n = minutes / DAY;
        let word = t(lang, if n == 1 { Key::StdDay } else { Key::StdDays });
        return format!("{n} {word}");
    }
    match (minutes / 60, minutes % 60) {
        (0, m) => format!("{m} min"),
        (h, 0) => format!("{h} h"),
        (h, m) => format!("{h} h {m} min"),
    }
}

/// The standard's threshold and target in words: "En 30 min como máximo,
/// en el 90 % de los casos" / "Al menos 85,0 %" / "Como máximo 1,5 por 100
/// contactos".
pub(crate) fn rule_text(lang: Lang, s: &Standard) -> String {
    if s.metric.is_duration() {
        t(lang, Key::StdRuleDuration)
            .replace("{time}", &minutes_text(lang, s.threshold))
            .replace("{target}", &s.target.to_string())
    } else {
        let key = if s.metric.lower_is_better() {
            Key::StdRuleAtMost
        } else {
            Key::StdRuleAtLeast
        };
        t(lang, key).replace("{value}", &value_text(lang, s.metric, s.threshold))
    }
}

/// The counts behind a figure: "7 de 10 casos dentro del umbral".
pub(crate) fn counts_text(lang: Lang, c: &Compliance) -> String {
    let key = match c.metric {
        Metric::FirstResponse | Metric::Resolution => Key::StdCountWithin,
        Metric::ReturnVisitRate => Key::StdCountVisits,
        Metric::SatisfactionRate => Key::StdCountSatisfied,
        Metric::ComplaintRate => Key::StdCountComplaints,
    };
    t(lang, key)
        .replace("{num}", &c.numerator.to_string())
        .replace("{den}", &c.denominator.to_string())
}

/// "85,0 % (objetivo 90 %)", or that there is nothing to judge yet.
pub(crate) fn figure_text(lang: Lang, c: &Compliance) -> String {
    let goal = value_text(lang, c.metric, c.goal);
    match c.value {
        Some(v) => t(lang, Key::StdFigure)
            .replace("{value}", &value_text(lang, c.metric, v))
            .replace("{goal}", &goal),
        None => t(lang, Key::StdFigureNone).replace("{goal}", &goal),
    }
}

/// "Mejor que el periodo anterior (80,0 %)".
pub(crate) fn trend_text(lang: Lang, c: &Compliance) -> String {
    let words = t(lang, trend_key(c.trend));
    match c.previous {
        Some(v) => format!("{words} ({})", value_text(lang, c.metric, v)),
        None => words.to_string(),
    }
}

/// "1 nov 2026 – 30 nov 2026".
pub(crate) fn period_text(lang: Lang, p: standards::Period) -> String {
    format!("{} – {}", fmt_date(lang, p.first), fmt_date(lang, p.last))
}

/// A department's name, or a dash when the record is gone.
pub(crate) fn dept_name(m: &Model, id: RecordId) -> String {
    m.standards
        .departments
        .get(&id)
        .map_or_else(|| "—".to_string(), |d| d.name.clone())
}

/// A staff member's name, or a dash.
pub(crate) fn staff_name(m: &Model, id: RecordId) -> String {
    m.staff
        .get(&id)
        .map_or_else(|| "—".to_string(), |s| s.name.clone())
}

/// One record of a drill-down: where it is, what it is, how it is named.
#[derive(Clone, PartialEq)]
pub(crate) struct MissedRecord {
    pub href: String,
    pub kind: Key,
    pub label: String,
}

/// The records that missed, as links to their pages (at most `MAX_MISSED`).
pub(crate) fn missed_records(m: &Model, ids: &[RecordId]) -> Vec<MissedRecord> {
    ids.iter()
        .take(MAX_MISSED)
        .map(|id| {
            if let Some(c) = m.contacts.get(id) {
                MissedRecord {
                    href: format!("/contacts/{id}"),
                    kind: Key::StdKindContact,
                    label: c.summary.clone(),
                }
            } else if let Some(c) = m.complaints.get(id) {
                MissedRecord {
                    href: format!("/complaints/{id}"),
                    kind: Key::StdKindComplaint,
                    label: c.content.chars().take(120).collect(),
                }
            } else if let Some(v) = m.visits.get(id) {
                let who = m
                    .customers
                    .get(&v.customer)
                    .map(|c| c.name.clone())
                    .unwrap_or_default();
                MissedRecord {
                    href: format!("/visits/{id}"),
                    kind: Key::StdKindVisit,
                    label: who,
                }
            } else {
                MissedRecord {
                    href: String::new(),
                    kind: Key::StdKindGone,
                    label: String::new(),
                }
            }
        })
        .collect()
}

/// Every active department's standing now (one pass over the records).
pub(crate) fn standing_now(m: &Model) -> Vec<Standing> {
    let now = crate::store::platform::now();
    standards::standing(m, m.zone().local_date(now), now)
}

/// An audit as named in lists: "Almacén · 3 dic 2026".
pub(crate) fn audit_title(lang: Lang, m: &Model, id: RecordId) -> String {
    m.standards.audits.get(&id).map_or_else(String::new, |a| {
        format!(
            "{} · {}",
            dept_name(m, a.department),
            fmt_date(lang, a.date)
        )
    })
}
