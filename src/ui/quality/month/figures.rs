//! A month's figures (R-QA-04): how many reviews and their average, each
//! person's average and count, each criterion's average; and the trend
//! over the last months. Each chart has a table with the same numbers.

use super::chart::{Columns, HBars};
use super::{month_title, Figs, TrendPoint};
use crate::domain::Lang;
use crate::ui::kit::widgets::{fmt_count, Empty};
use crate::ui::words::{t, total_text, Key};
use chrono::Datelike;
use leptos::prelude::*;
use leptos_router::components::A;

fn avg(lang: Lang, v: Option<u32>) -> String {
    v.map_or_else(|| "—".to_string(), |t| total_text(lang, t))
}

fn chart_title(lang: Lang, what: Key) -> String {
    t(lang, Key::QaMoChart).replace("{what}", t(lang, what))
}

/// The figures under a heading `title`; `id` keeps the headings' ids apart
/// when two sets are on the page (issued and today's). `quiet`: the
/// heading is for screen readers only (a summary above says it already).
#[component]
pub(super) fn Figures(
    figs: Figs,
    title: Key,
    lang: Lang,
    id: &'static str,
    #[prop(optional)] quiet: bool,
) -> impl IntoView {
    let (agents_h, criteria_h) = (format!("{id}-agents"), format!("{id}-criteria"));
    let empty = figs.reviews == 0;
    let bars_agents: Vec<_> = figs.agents.iter().map(|a| (a.0.clone(), a.2)).collect();
    let bars_criteria: Vec<_> = figs.criteria.iter().map(|c| (c.0.clone(), c.2)).collect();
    view! {
        <section class="qa-figures" aria-labelledby=id>
            <h2 id=id class:sr-only=quiet>{t(lang, title)}</h2>
            <dl class="facts qa-facts">
                <dt>{t(lang, Key::QaReviews)}</dt><dd>{fmt_count(lang, figs.reviews as usize)}</dd>
                <dt>{t(lang, Key::QaMoAverage)}</dt><dd>{avg(lang, figs.average)}</dd>
            </dl>
            {empty.then(|| view! {
                <Empty text=Key::QaMoNoReviews><p class="no-print"><A href="/quality">{t(lang, Key::QaMoGoReview)}</A></p></Empty>
            })}
            {(!empty).then(|| view! {
                <div class="qa-month-grid">
                    <div class="card">
                        <h3 id=agents_h.clone()>{t(lang, Key::QaMoByAgent)}</h3>
                        <HBars title=chart_title(lang, Key::QaMoByAgent) lang rows=bars_agents/>
                        <table class="table qa-table" aria-labelledby=agents_h>
                            <thead><tr>
                                <th scope="col">{t(lang, Key::QaMoPerson)}</th>
                                <th scope="col" class="num">{t(lang, Key::QaReviews)}</th>
                                <th scope="col" class="num">{t(lang, Key::QaMoAverage)}</th>
                                <th scope="col" class="num">{t(lang, Key::QaMoEvaluation)}</th>
                            </tr></thead>
                            <tbody>{figs.agents.into_iter().map(|(name, reviews, average, eval)| view! {
                                <tr>
                                    <th scope="row">{name}</th>
                                    <td class="num">{reviews}</td>
                                    <td class="num">{avg(lang, average)}</td>
                                    <td class="num">{eval.map_or_else(|| t(lang, Key::QaMoNotRanked).to_string(), |e| total_text(lang, e))}</td>
                                </tr>
                            }).collect_view()}</tbody>
                        </table>
                    </div>
                    <div class="card">
                        <h3 id=criteria_h.clone()>{t(lang, Key::QaMoByCriterion)}</h3>
                        <HBars title=chart_title(lang, Key::QaMoByCriterion) lang rows=bars_criteria/>
                        <table class="table qa-table" aria-labelledby=criteria_h>
                            <thead><tr>
                                <th scope="col">{t(lang, Key::QaMoCriterion)}</th>
                                <th scope="col" class="num">{t(lang, Key::QaMoScored)}</th>
                                <th scope="col" class="num">{t(lang, Key::QaMoAverage)}</th>
                            </tr></thead>
                            <tbody>{figs.criteria.into_iter().map(|(name, scored, average)| view! {
                                <tr>
                                    <th scope="row">{name}</th>
                                    <td class="num">{scored}</td>
                                    <td class="num">{avg(lang, average)}</td>
                                </tr>
                            }).collect_view()}</tbody>
                        </table>
                    </div>
                </div>
            })}
        </section>
    }
}

/// The average of each of the last months, the chosen one last.
#[component]
pub(super) fn Trend(points: Vec<TrendPoint>, lang: Lang) -> impl IntoView {
    let cols: Vec<_> = points
        .iter()
        .enumerate()
        .map(|(i, (month, _, average, _))| {
            // The year under the first column and under each January.
            let year = (i == 0 || month.month() == 1).then(|| month.year().to_string());
            let abbr = crate::ui::words::dates::month_abbr(lang, month.month0() as usize);
            (abbr.to_string(), year, *average)
        })
        .collect();
    view! {
        <section class="card qa-trend" aria-labelledby="qa-trend-h">
            <h2 id="qa-trend-h">{t(lang, Key::QaMoTrend)}</h2>
            <Columns title=chart_title(lang, Key::QaMoTrend) lang cols/>
            <table class="table qa-table" aria-labelledby="qa-trend-h">
                <thead><tr>
                    <th scope="col">{t(lang, Key::QaMoMonthCol)}</th>
                    <th scope="col" class="num">{t(lang, Key::QaReviews)}</th>
                    <th scope="col" class="num">{t(lang, Key::QaMoAverage)}</th>
                    <th scope="col">{t(lang, Key::QaMoIssuedCol)}</th>
                </tr></thead>
                <tbody>{points.into_iter().map(|(month, reviews, average, issued)| view! {
                    <tr>
                        <th scope="row">{month_title(lang, month)}</th>
                        <td class="num">{reviews}</td>
                        <td class="num">{avg(lang, average)}</td>
                        <td>{t(lang, if issued { Key::QaMoYes } else { Key::QaMoNo })}</td>
                    </tr>
                }).collect_view()}</tbody>
            </table>
        </section>
    }
}
