//! R-REP-01: a day's workload per person and per team: contacts by channel
//! and by category (enquiries are the category "enquiry"), outbound
//! (proactive) service (contacts made to a customer, and return-visit
//! calls), and the first-response target met or late. Each contact counts
//! for its owner on the organisation's local day it was received; a
//! return-visit call for who made it, on the day it was made.
//!
//! The table (`Workload::columns` and each line's `cells`) is what the page
//! shows and the CSV exports, cell for cell (R-REP-03), and `behind` lists
//! the records behind any figure.

use crate::domain::base::csv::{self, Sep};
use crate::domain::base::order;
use crate::domain::contact::{
    response_status, Category, Channel, Contact, Direction, ResponseStatus,
};
use crate::domain::model::Model;
use crate::sync::RecordId;
use chrono::{DateTime, NaiveDate, Utc};
use std::collections::BTreeMap;

fn channel_index(c: Channel) -> Option<usize> {
    Channel::ALL.iter().position(|x| *x == c)
}

fn category_index(c: Category) -> Option<usize> {
    Category::ALL.iter().position(|x| *x == c)
}

/// One day's figures for a person, a team or everyone.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Counts {
    pub contacts: u32,
    /// In the order of `Channel::ALL`.
    pub by_channel: [u32; 6],
    /// In the order of `Category::ALL`.
    pub by_category: [u32; 7],
    /// Contacts made to a customer (direction "out").
    pub outbound: u32,
    /// Return-visit calls made.
    pub visit_calls: u32,
    /// First-response target met, and missed (late, or still unanswered
    /// past its target); contacts without a target, or not yet due, in
    /// neither.
    pub met: u32,
    pub late: u32,
}

impl Counts {
    /// The share of first responses on target, in tenths of a percent.
    pub fn met_tenths(&self) -> Option<u32> {
        let all = u64::from(self.met) + u64::from(self.late);
        (all > 0).then(|| (u64::from(self.met) * 1000 / all) as u32)
    }

    fn add(&mut self, o: &Counts) {
        self.contacts = self.contacts.saturating_add(o.contacts);
        for (a, b) in self.by_channel.iter_mut().zip(o.by_channel) {
            *a = a.saturating_add(b);
        }
        for (a, b) in self.by_category.iter_mut().zip(o.by_category) {
            *a = a.saturating_add(b);
        }
        self.outbound = self.outbound.saturating_add(o.outbound);
        self.visit_calls = self.visit_calls.saturating_add(o.visit_calls);
        self.met = self.met.saturating_add(o.met);
        self.late = self.late.saturating_add(o.late);
    }

    fn count_contact(&mut self, c: &Contact, now: DateTime<Utc>) {
        self.contacts = self.contacts.saturating_add(1);
        if let Some(i) = channel_index(c.channel) {
            self.by_channel[i] = self.by_channel[i].saturating_add(1);
        }
        if let Some(i) = category_index(c.category) {
            self.by_category[i] = self.by_category[i].saturating_add(1);
        }
        if c.direction == Direction::Out {
            self.outbound = self.outbound.saturating_add(1);
        }
        match response_status(c, now) {
            ResponseStatus::Met => self.met = self.met.saturating_add(1),
            ResponseStatus::Late | ResponseStatus::Overdue => {
                self.late = self.late.saturating_add(1)
            }
            ResponseStatus::Pending { .. } | ResponseStatus::NoTarget => {}
        }
    }
}

/// One person's line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub person: RecordId,
    /// Empty for someone no longer on the staff list.
    pub name: String,
    /// Empty for no team.
    pub team: String,
    pub counts: Counts,
}

/// A day's workload: people by name, teams by name, and the total.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Workload {
    pub day: NaiveDate,
    pub people: Vec<Line>,
    pub teams: Vec<(String, Counts)>,
    pub total: Counts,
}

/// A column of the table, in the order shown and exported.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    Contacts,
    Channel(Channel),
    Category(Category),
    Outbound,
    VisitCalls,
    Met,
    Late,
    MetRate,
}

/// What a figure counts, to list the records behind it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cell {
    All,
    Channel(Channel),
    Category(Category),
    Outbound,
    VisitCalls,
    Met,
    Late,
}

/// Whose figures.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Who {
    Everyone,
    Person(RecordId),
    /// A team by its name (empty: people with no team).
    Team(String),
}

/// A record behind a figure of a report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Behind {
    Contact(RecordId),
    /// A return visit (for one of its calls, or due in the period).
    Visit(RecordId),
    Complaint(RecordId),
    /// A quality review.
    Review(RecordId),
}

impl Workload {
    pub fn columns() -> Vec<Column> {
        let mut v = vec![Column::Contacts];
        v.extend(Channel::ALL.iter().map(|c| Column::Channel(*c)));
        v.extend(Category::ALL.iter().map(|c| Column::Category(*c)));
        v.extend([
            Column::Outbound,
            Column::VisitCalls,
            Column::Met,
            Column::Late,
            Column::MetRate,
        ]);
        v
    }

    /// The figure in a column, or None (a rate with nothing to measure).
    pub fn cell(counts: &Counts, col: Column) -> Option<u32> {
        match col {
            Column::Contacts => Some(counts.contacts),
            Column::Channel(c) => channel_index(c).map(|i| counts.by_channel[i]),
            Column::Category(c) => category_index(c).map(|i| counts.by_category[i]),
            Column::Outbound => Some(counts.outbound),
            Column::VisitCalls => Some(counts.visit_calls),
            Column::Met => Some(counts.met),
            Column::Late => Some(counts.late),
            Column::MetRate => counts.met_tenths(),
        }
    }

    /// The CSV (R-REP-03): a heading row, then each person, each team and
    /// the total, exactly the table's rows and columns. `heading` gives a
    /// column's words, `row_names` the words for "team", "no team",
    /// "unknown person" and "total" in the reader's language.
    pub fn csv(
        &self,
        sep: Sep,
        first: &str,
        heading: impl Fn(Column) -> String,
        names: RowNames<'_>,
    ) -> String {
        let cols = Self::columns();
        let mut rows = Vec::with_capacity(self.people.len() + self.teams.len() + 2);
        let mut head = vec![first.to_string()];
        head.extend(cols.iter().map(|c| heading(*c)));
        rows.push(head);
        let figures = |label: String, counts: &Counts| {
            let mut r = vec![label];
            r.extend(cols.iter().map(|c| {
                match c {
                    Column::MetRate => csv::tenths(Self::cell(counts, *c), sep),
                    _ => Self::cell(counts, *c)
                        .map(|n| n.to_string())
                        .unwrap_or_default(),
                }
            }));
            r
        };
        for l in &self.people {
            let name = if l.name.is_empty() {
                names.unknown
            } else {
                &l.name
            };
            rows.push(figures(name.to_string(), &l.counts));
        }
        for (team, counts) in &self.teams {
            let t = if team.is_empty() { names.no_team } else { team };
            rows.push(figures(format!("{}: {t}", names.team), counts));
        }
        rows.push(figures(names.total.to_string(), &self.total));
        csv::table(&rows, sep)
    }
}

/// The words for the CSV's row names.
#[derive(Debug, Clone, Copy)]
pub struct RowNames<'a> {
    pub team: &'a str,
    pub no_team: &'a str,
    pub unknown: &'a str,
    pub total: &'a str,
}

/// R-REP-01: the workload of `day` (the organisation's local day); `now`
/// decides whether an unanswered contact has missed its target yet.
pub fn workload(model: &Model, day: NaiveDate, now: DateTime<Utc>) -> Workload {
    workload_between(model, day, day, now)
}

/// The workload of the local days `from..=to` added up (R-REP-02's weeks
/// and months); `day` is `from`.
pub fn workload_between(
    model: &Model,
    from: NaiveDate,
    to: NaiveDate,
    now: DateTime<Utc>,
) -> Workload {
    let day = from;
    let within = |d: NaiveDate| from <= d && d <= to;
    let zone = model.zone();
    let mut by_person: BTreeMap<RecordId, Counts> = BTreeMap::new();
    for c in model.contacts.values() {
        if within(zone.local_date(c.received_at)) {
            by_person.entry(c.owner).or_default().count_contact(c, now);
        }
    }
    for a in model.rv.attempts.values() {
        if within(zone.local_date(a.at)) {
            let e = by_person.entry(a.by).or_default();
            e.visit_calls = e.visit_calls.saturating_add(1);
            e.outbound = e.outbound.saturating_add(1);
        }
    }
    let mut people: Vec<Line> = by_person
        .into_iter()
        .map(|(person, counts)| {
            let staff = model.staff.get(&person);
            Line {
                person,
                name: staff.map(|s| s.name.clone()).unwrap_or_default(),
                team: staff.map(|s| s.team.trim().to_string()).unwrap_or_default(),
                counts,
            }
        })
        .collect();
    order::sort_by(&mut people, |a, b| {
        (a.name.is_empty(), &a.name, a.person).cmp(&(b.name.is_empty(), &b.name, b.person))
    });
    let mut teams: BTreeMap<String, Counts> = BTreeMap::new();
    let mut total = Counts::default();
    for l in &people {
        teams.entry(l.team.clone()).or_default().add(&l.counts);
        total.add(&l.counts);
    }
    // Named teams first, by name; people with no team last.
    let mut teams: Vec<(String, Counts)> = teams.into_iter().collect();
    order::sort_by(&mut teams, |a, b| {
        (a.0.is_empty(), &a.0).cmp(&(b.0.is_empty(), &b.0))
    });
    Workload {
        day,
        people,
        teams,
        total,
    }
}

/// The records behind a figure of `workload(model, day, now)`: contacts by
/// when they were received, return visits once each, in that order.
pub fn behind(
    model: &Model,
    day: NaiveDate,
    now: DateTime<Utc>,
    who: &Who,
    cell: Cell,
) -> Vec<Behind> {
    behind_between(model, day, day, now, who, cell)
}

/// The records behind a figure of `workload_between(model, from, to, now)`.
pub fn behind_between(
    model: &Model,
    from: NaiveDate,
    to: NaiveDate,
    now: DateTime<Utc>,
    who: &Who,
    cell: Cell,
) -> Vec<Behind> {
    let within = |d: NaiveDate| from <= d && d <= to;
    let zone = model.zone();
    let team_of = |p: RecordId| {
        model
            .staff
            .get(&p)
            .map(|s| s.team.trim().to_string())
            .unwrap_or_default()
    };
    let theirs = |p: RecordId| match who {
        Who::Everyone => true,
        Who::Person(x) => *x == p,
        Who::Team(t) => team_of(p) == *t,
    };
    // Visit calls are no contact's: their list walks no contact.
    let contacts_of_cell = (cell != Cell::VisitCalls).then_some(&model.contacts);
    let mut contacts: Vec<&Contact> = contacts_of_cell
        .into_iter()
        .flat_map(|all| all.values())
        .filter(|c| within(zone.local_date(c.received_at)) && theirs(c.owner))
        .filter(|c| match cell {
            Cell::All => true,
            Cell::Channel(x) => c.channel == x,
            Cell::Category(x) => c.category == x,
            Cell::Outbound => c.direction == Direction::Out,
            Cell::VisitCalls => false,
            Cell::Met => response_status(c, now) == ResponseStatus::Met,
            Cell::Late => matches!(
                response_status(c, now),
                ResponseStatus::Late | ResponseStatus::Overdue
            ),
        })
        .collect();
    order::sort_by_key(&mut contacts, |c| (c.received_at, c.id));
    let mut out: Vec<Behind> = contacts
        .into_iter()
        .map(|c| Behind::Contact(c.id))
        .collect();
    if matches!(cell, Cell::Outbound | Cell::VisitCalls) {
        let mut visits: Vec<(DateTime<Utc>, RecordId)> = model
            .rv
            .attempts
            .values()
            .filter(|a| within(zone.local_date(a.at)) && theirs(a.by))
            .map(|a| (a.at, a.visit))
            .collect();
        order::sort(&mut visits);
        let mut seen = std::collections::BTreeSet::new();
        out.extend(
            visits
                .into_iter()
                .filter(|(_, v)| seen.insert(*v))
                .map(|(_, v)| Behind::Visit(v)),
        );
    }
    out
}
