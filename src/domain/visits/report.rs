//! Member coverage (R-RV-02) and the period summary (R-RV-07), with CSV.

use super::{local_day, on_time};
use crate::domain::base::order;
use crate::domain::base::text::fold;
use crate::domain::base::zone::Zone;
use crate::domain::customer::CustomerKind;
use crate::domain::error::RuleError;
use crate::domain::model::Model;
use crate::domain::visits::{ReturnVisit, VisitOutcome, VisitStatus};
use crate::sync::RecordId;
use chrono::NaiveDate;
use std::collections::{BTreeMap, HashSet};

fn ratio(part: usize, whole: usize) -> Option<f64> {
    (whole > 0).then(|| part as f64 / whole as f64)
}

fn period(from: NaiveDate, to: NaiveDate) -> Result<(), RuleError> {
    if to < from {
        Err(RuleError::EndBeforeStart { field: "to" })
    } else {
        Ok(())
    }
}

/// The return visits due on the days `from..=to`, by due day: what the
/// summary counts and what a report lists behind it.
pub fn due_between(model: &Model, from: NaiveDate, to: NaiveDate) -> Vec<&ReturnVisit> {
    let mut visits: Vec<&ReturnVisit> = model
        .visits
        .values()
        .filter(|v| from <= v.due && v.due <= to)
        .collect();
    order::sort_by_key(&mut visits, |v| (v.due, v.id));
    visits
}

/// R-RV-02 for a period (local days, both included).
#[derive(Debug, Clone, PartialEq)]
pub struct Coverage {
    pub members: usize,
    pub visited: usize,
    /// Members without a completed visit in the period, by name.
    pub missing: Vec<RecordId>,
}

impl Coverage {
    /// visited / members; None without members.
    pub fn rate(&self) -> Option<f64> {
        ratio(self.visited, self.members)
    }
}

/// R-RV-02: members with a visit completed in the period (any reason), of
/// all current members. A period that ended before the organisation
/// existed judges nobody.
pub fn coverage(
    model: &Model,
    from: NaiveDate,
    to: NaiveDate,
    zone: Zone,
) -> Result<Coverage, RuleError> {
    period(from, to)?;
    let visited: HashSet<RecordId> = model
        .visits
        .values()
        .filter(|v| v.status == VisitStatus::Done)
        .filter(|v| {
            v.completed_at
                .map(|t| local_day(t, zone))
                .is_some_and(|d| from <= d && d <= to)
        })
        .map(|v| v.customer)
        .collect();
    let mut members = 0;
    let mut missing = Vec::new();
    let before_org = model.org_since().is_some_and(|since| to < since);
    for c in model.customers.values() {
        if before_org || c.kind != CustomerKind::Member {
            continue;
        }
        members += 1;
        if !visited.contains(&c.id) {
            missing.push((fold(&c.name), c.id));
        }
    }
    order::sort(&mut missing);
    Ok(Coverage {
        members,
        visited: members - missing.len(),
        missing: missing.into_iter().map(|(_, id)| id).collect(),
    })
}

/// What a customer said on a visit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Said {
    pub visit: RecordId,
    pub customer: RecordId,
    pub name: String,
    pub words: String,
}

/// R-RV-07 for the visits falling due in a period.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub due: usize,
    /// Of those due, completed.
    pub done: usize,
    /// Of those due, completed within R-RV-04's three days.
    pub on_time: usize,
    /// The last outcome of each visit due, every outcome listed.
    pub outcomes: Vec<(VisitOutcome, usize)>,
    /// The most frequent words in suggestions, most frequent first.
    pub top_words: Vec<(String, usize)>,
    pub suggestions: Vec<Said>,
    pub dissatisfied: Vec<Said>,
}

impl Summary {
    pub fn completion_rate(&self) -> Option<f64> {
        ratio(self.done, self.due)
    }
    /// On time of all those due: a late visit and a missing one both count against.
    pub fn on_time_rate(&self) -> Option<f64> {
        ratio(self.on_time, self.due)
    }
}

const TOP_WORDS: usize = 10;
/// Short words say nothing; these longer ones neither.
const STOP: &[&str] = &[
    "para", "como", "pero", "porque", "esta", "este", "estos", "muy", "mas", "todo", "with",
    "that", "this", "have", "would", "more", "very", "they", "there", "their", "about", "from",
];

fn top_words(texts: &[&str]) -> Vec<(String, usize)> {
    let mut count: BTreeMap<String, usize> = BTreeMap::new();
    for t in texts {
        let folded = fold(t);
        let words: HashSet<&str> = folded
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.chars().count() >= 4 && !STOP.contains(w))
            .collect();
        for w in words {
            *count.entry(w.to_string()).or_default() += 1;
        }
    }
    let mut v: Vec<(String, usize)> = count.into_iter().collect();
    order::sort_by(&mut v, |a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    v.truncate(TOP_WORDS);
    v
}

/// R-RV-07: visits falling due in `from..=to` (local days): how many, done,
/// on time, outcomes, suggestions and the dissatisfied in their words.
pub fn summary(
    model: &Model,
    from: NaiveDate,
    to: NaiveDate,
    zone: Zone,
) -> Result<Summary, RuleError> {
    period(from, to)?;
    let visits = due_between(model, from, to);
    let said = |v: &ReturnVisit, words: &str| Said {
        visit: v.id,
        customer: v.customer,
        name: model
            .customers
            .get(&v.customer)
            .map(|c| c.name.clone())
            .unwrap_or_default(),
        words: words.to_string(),
    };
    let done: Vec<&&ReturnVisit> = visits
        .iter()
        .filter(|v| v.status == VisitStatus::Done)
        .collect();
    let on_time = done.iter().filter(|v| on_time(model, v, zone)).count();
    let outcomes = VisitOutcome::ALL
        .iter()
        .map(|o| (*o, visits.iter().filter(|v| v.outcome == Some(*o)).count()))
        .collect();
    let suggestions: Vec<Said> = done
        .iter()
        .filter(|v| !v.suggestions.is_empty())
        .map(|v| said(v, &v.suggestions))
        .collect();
    let texts: Vec<&str> = suggestions.iter().map(|s| s.words.as_str()).collect();
    Ok(Summary {
        from,
        to,
        due: visits.len(),
        done: done.len(),
        on_time,
        outcomes,
        top_words: top_words(&texts),
        dissatisfied: done
            .iter()
            .filter(|v| v.outcome == Some(VisitOutcome::Dissatisfied))
            .map(|v| said(v, &v.unhappy_with))
            .collect(),
        suggestions,
    })
}

/// One CSV field, comma-separated (see `base::csv::field`).
pub fn csv_field(s: &str) -> String {
    crate::domain::base::csv::field(s, crate::domain::base::csv::Sep::Comma)
}

fn percent(r: Option<f64>) -> String {
    r.map(|r| format!("{:.1}", r * 100.0)).unwrap_or_default()
}

/// R-RV-07 as one CSV table (section, item, value), CRLF line ends.
pub fn summary_csv(s: &Summary) -> String {
    let mut rows: Vec<[String; 3]> = vec![["section".into(), "item".into(), "value".into()]];
    let mut row = |a: &str, b: &str, c: String| rows.push([a.into(), b.into(), c]);
    row("period", "from", s.from.to_string());
    row("period", "to", s.to.to_string());
    row("totals", "due", s.due.to_string());
    row("totals", "done", s.done.to_string());
    row("totals", "on_time", s.on_time.to_string());
    row(
        "totals",
        "completion_rate_pct",
        percent(s.completion_rate()),
    );
    row("totals", "on_time_rate_pct", percent(s.on_time_rate()));
    for (o, n) in &s.outcomes {
        row("outcome", o.code(), n.to_string());
    }
    for (w, n) in &s.top_words {
        row("top_word", w, n.to_string());
    }
    for x in &s.suggestions {
        row("suggestion", &x.name, x.words.clone());
    }
    for x in &s.dissatisfied {
        row("dissatisfied", &x.name, x.words.clone());
    }
    let mut out = String::new();
    for r in rows {
        let line: Vec<String> = r.iter().map(|f| csv_field(f)).collect();
        out.push_str(&line.join(","));
        out.push_str("\r\n");
    }
    out
}
