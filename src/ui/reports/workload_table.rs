//! The day's workload as a table: a row per person, then per team, then the
//! total; a column per figure (`Workload::columns`, the CSV's too). Every
//! figure above zero is a button that lists the records behind it below
//! the table, each a link to its page.

use super::behind::{self, RecordsBehind};
use super::columns::column_words;
use crate::domain::reports::{self, Cell, Column, Counts, Who, Workload};
use crate::domain::Lang;
use crate::store::platform;
use crate::ui::shell::state::use_ctx;
use crate::ui::words::{t, total_text, Key};
use chrono::NaiveDate;
use leptos::prelude::*;

/// What a column's figure counts; None for the rate.
fn cell_of(c: Column) -> Option<Cell> {
    Some(match c {
        Column::Contacts => Cell::All,
        Column::Channel(x) => Cell::Channel(x),
        Column::Category(x) => Cell::Category(x),
        Column::Outbound => Cell::Outbound,
        Column::VisitCalls => Cell::VisitCalls,
        Column::Met => Cell::Met,
        Column::Late => Cell::Late,
        Column::MetRate => return None,
    })
}

/// One row: whose, its label, its figures.
struct Row {
    who: Who,
    label: String,
    counts: Counts,
    kind: RowKind,
}

#[derive(Clone, Copy, PartialEq)]
enum RowKind {
    Person,
    Team,
    Total,
}

fn rows(w: &Workload, lang: Lang) -> Vec<Row> {
    let mut v: Vec<Row> = w
        .people
        .iter()
        .map(|l| Row {
            who: Who::Person(l.person),
            label: if l.name.is_empty() {
                t(lang, Key::RepUnknown).to_string()
            } else {
                l.name.clone()
            },
            counts: l.counts.clone(),
            kind: RowKind::Person,
        })
        .collect();
    v.extend(w.teams.iter().map(|(team, counts)| Row {
        who: Who::Team(team.clone()),
        label: format!(
            "{}: {}",
            t(lang, Key::RepTeam),
            if team.is_empty() {
                t(lang, Key::RepNoTeam)
            } else {
                team
            }
        ),
        counts: counts.clone(),
        kind: RowKind::Team,
    }));
    v.push(Row {
        who: Who::Everyone,
        label: t(lang, Key::RepTotal).to_string(),
        counts: w.total.clone(),
        kind: RowKind::Total,
    });
    v
}

/// The chosen figure: whose, which column, its words.
#[derive(Clone, PartialEq)]
struct Chosen {
    who: Who,
    column: Column,
    label: String,
}

#[component]
pub(super) fn WorkloadTable(w: Workload, day: NaiveDate, lang: Lang) -> impl IntoView {
    let ctx = use_ctx();
    let chosen = RwSignal::new(None::<Chosen>);
    let cols = Workload::columns();
    let heads = cols
        .iter()
        .map(|c| view! { <th scope="col" class="num">{column_words(lang, *c)}</th> })
        .collect_view();
    let body = rows(&w, lang)
        .into_iter()
        .map(|r| {
            let cells = cols
                .iter()
                .map(|c| {
                    let value = Workload::cell(&r.counts, *c);
                    let text = match c {
                        Column::MetRate => {
                            value.map_or_else(|| "—".into(), |v| total_text(lang, v))
                        }
                        _ => value.unwrap_or(0).to_string(),
                    };
                    let open = cell_of(*c).filter(|_| value.unwrap_or(0) > 0);
                    match open {
                        Some(_) => {
                            let pick = Chosen {
                                who: r.who.clone(),
                                column: *c,
                                label: r.label.clone(),
                            };
                            let name = t(lang, Key::RepShow)
                                .replace("{who}", &r.label)
                                .replace("{what}", &column_words(lang, *c));
                            view! {
                                // The figure, then what it opens, for a screen reader
                                // (the name starts with what is seen: WCAG 2.5.3).
                                <td class="num"><button type="button" class="rep-cell"
                                    on:click=move |_| behind::open(chosen, pick.clone())>
                                    {text}<span class="sr-only">", " {name}</span></button></td>
                            }
                            .into_any()
                        }
                        None => view! { <td class="num">{text}</td> }.into_any(),
                    }
                })
                .collect_view();
            let class = match r.kind {
                RowKind::Person => "",
                RowKind::Team => "rep-team",
                RowKind::Total => "rep-total",
            };
            view! { <tr class=class><th scope="row">{r.label}</th>{cells}</tr> }
        })
        .collect_view();
    view! {
        <div class="card rep-table-card">
            <h3 id="rep-table-h">{t(lang, Key::RepTable)}</h3>
            <p class="hint no-print">{t(lang, Key::RepTableHint)}</p>
            <div class="rep-scroll" role="region" aria-labelledby="rep-table-h" tabindex="0">
                <table class="table rep-table" aria-labelledby="rep-table-h">
                    <thead><tr><th scope="col">{t(lang, Key::RepPerson)}</th>{heads}</tr></thead>
                    <tbody>{body}</tbody>
                </table>
            </div>
        </div>
        {move || chosen.get().and_then(|c| {
            let cell = cell_of(c.column)?;
            let found = ctx.model.with(|m| reports::behind(m, day, platform::now(), &c.who, cell));
            let title = t(lang, Key::RepBehind)
                .replace("{who}", &c.label)
                .replace("{what}", &column_words(lang, c.column))
                .replace("{n}", &found.len().to_string());
            Some(view! { <RecordsBehind title found on_close=Callback::new(move |()| chosen.set(None))/> })
        })}
    }
}
