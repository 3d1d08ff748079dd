//! The weekly and monthly report (R-REP-02): choose a week or a month;
//! each part (workload, complaints, return visits, quality, standards,
//! attendance) as a table, the workload also as a chart, each with a link
//! to its own page for the detail; which devices' work it includes; one
//! CSV with every part as shown; A4 print headed with the organisation,
//! the period, who printed it and when, and what each part counts.

use super::behind::{open, RecordsBehind};
use super::devices::DevicesCard;
use super::issue::IssueCard;
use super::period_text::{
    col_words, figure_text, label_words, part_link, part_title, period_title, report_csv,
};
use super::tools::{download_csv, printed_header, sep_now, ExportTools};
use super::ReportsNav;
use crate::domain::base::csv::Sep;
use crate::domain::reports::{self, issued, Figure, Label, Part, PeriodReport, Section};
use crate::domain::standards::{Period, PeriodKind};
use crate::domain::{Lang, Model};
use crate::store::platform;
use crate::ui::kit::chart::BarChart;
use crate::ui::kit::time::today;
use crate::ui::kit::widgets::parse_date;
use crate::ui::shell::state::use_ctx;
use crate::ui::words::standard_labels::light_words;
use crate::ui::words::{t, Key};
use chrono::{DateTime, Utc};
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn PeriodPage() -> impl IntoView {
    let ctx = use_ctx();
    let current = today(ctx);
    let kind = RwSignal::new(PeriodKind::Week);
    // Any day of the chosen period; never after today.
    let day = RwSignal::new(current);
    let period = Memo::new(move |_| reports::period_of(kind.get(), day.get()));
    let allowed = Memo::new(move |_| ctx.me_staff().is_some_and(|s| reports::may_read(&s)));
    let chosen_sep = RwSignal::new(None::<Sep>);
    // The row whose records are listed; none once the period changes.
    let chosen: Chosen = RwSignal::new(None);
    Effect::new(move |_| {
        period.track();
        chosen.set(None);
    });
    // None for someone who may not read it; Some(None) for an issued
    // report this version cannot read; else the issued figures, once
    // issued, or today's.
    let report = Memo::new(move |_| {
        let p = period.get();
        allowed.get().then(|| {
            ctx.model
                .with(|m| match m.reports.get(&issued::issue_id(p)) {
                    Some(r) => r
                        .parts
                        .iter()
                        .map(issued::thaw)
                        .collect::<Option<Vec<_>>>()
                        .map(|sections| PeriodReport {
                            period: p,
                            sections,
                        }),
                    None => Some(reports::period_report(m, p, platform::now())),
                })
        })
    });
    // The period's end as an instant (now while it runs): a device whose
    // latest change is older may have done more since.
    let until = Signal::derive(move || {
        let last = period.get().last;
        let end = ctx.model.with(|m| m.zone().end_of_day(last));
        let now = platform::now();
        end.map_or(now, |e: DateTime<Utc>| e.min(now))
    });
    let step = move |forward: bool| {
        let p = period.get_untracked();
        let target = if forward {
            reports::next(p)
        } else {
            p.previous()
        };
        day.set(target.first.min(current));
    };
    let csv = move |()| {
        let lang = ctx.lang.get_untracked();
        let s = sep_now(ctx, chosen_sep);
        let Some(Some(r)) = report.get_untracked() else {
            return;
        };
        let text = ctx.model.with_untracked(|m| report_csv(lang, m, &r, s));
        let name = format!(
            "{}-{}.csv",
            t(lang, Key::PerCsvFile),
            r.period.first.format("%Y-%m-%d")
        );
        download_csv(ctx, &name, &text);
    };
    let printed = move || {
        printed_header(ctx, Key::PerPrinted)
            .replace("{period}", &period_title(ctx.lang.get(), period.get()))
    };
    let on_day = move |ev| {
        if let Some(d) = parse_date(&event_target_value(&ev)) {
            day.set(d.min(current));
        }
    };
    let span_button = move |k: PeriodKind, key: Key| {
        view! {
            <button type="button" aria-pressed=move || (kind.get() == k).to_string()
                on:click=move |_| kind.set(k)>{move || ctx.tr(key)}</button>
        }
    };
    view! {
        <section class="page rep-page per-page">
            <h1>{move || ctx.tr(Key::PerTitle)}</h1>
            <ReportsNav/>
            <p class="lead no-print">{move || ctx.tr(Key::PerLead)}</p>
            <p class="print-only rep-printed">{printed}</p>
            <Show when=move || allowed.get()
                fallback=move || view! { <p class="card">{ctx.tr(Key::PerNotAllowed)}</p> }>
                <div class="card no-print rep-tools">
                    <div class="actions" role="group" aria-label=move || ctx.tr(Key::PerSpan)>
                        {span_button(PeriodKind::Week, Key::PerWeek)}
                        {span_button(PeriodKind::Month, Key::PerMonth)}
                    </div>
                    <div class="actions" role="group" aria-label=move || ctx.tr(Key::PerNav)>
                        <button type="button" on:click=move |_| step(false)>{move || ctx.tr(Key::PerPrev)}</button>
                        <button type="button" on:click=move |_| day.set(current)
                            disabled=move || period.get().contains(current)>{move || ctx.tr(Key::PerCurrent)}</button>
                        <button type="button" on:click=move |_| step(true)
                            disabled=move || period.get().contains(current)>{move || ctx.tr(Key::PerNext)}</button>
                        <label class="rep-day">{move || ctx.tr(Key::PerDayOf)}
                            <input type="date" max=current.format("%Y-%m-%d").to_string()
                                prop:value=move || day.get().format("%Y-%m-%d").to_string()
                                on:change=on_day/>
                        </label>
                    </div>
                    <ExportTools chosen=chosen_sep on_csv=Callback::new(csv)/>
                </div>
                <h2 class="rep-day-title">{move || period_title(ctx.lang.get(), period.get())}</h2>
                <DevicesCard until/>
                <IssueCard period=Signal::derive(move || period.get())/>
                <p id="per-row-hint" class="hint no-print">{move || ctx.tr(Key::PerRowHint)}</p>
                {move || report.get().map(|r| {
                    let lang = ctx.lang.get();
                    match r {
                        Some(r) => ctx.model.with(|m| parts(r, lang, m, chosen)).into_any(),
                        None => view! { <p class="card banner warn">{t(lang, Key::PerCannotShow)}</p> }.into_any(),
                    }
                })}
                <section class="rep-definitions" aria-labelledby="per-def-h">
                    <h2 id="per-def-h">{move || ctx.tr(Key::PerDefinitions)}</h2>
                    <ul>
                        <li>{move || ctx.tr(Key::PerDefWorkload)}</li>
                        <li>{move || ctx.tr(Key::RepDefTarget)}</li>
                        <li>{move || ctx.tr(Key::PerDefComplaints)}</li>
                        <li>{move || ctx.tr(Key::PerDefVisits)}</li>
                        <li>{move || ctx.tr(Key::PerDefQuality)}</li>
                        <li>{move || ctx.tr(Key::PerDefStandards)}</li>
                        <li>{move || ctx.tr(Key::PerDefAttendance)}</li>
                    </ul>
                </section>
            </Show>
        </section>
    }
}

/// Which row of which part has its records listed.
type Chosen = RwSignal<Option<(Part, Label)>>;

/// Every part of a report, in order.
fn parts(r: PeriodReport, lang: Lang, m: &Model, chosen: Chosen) -> impl IntoView {
    let period = r.period;
    let issued = m.reports.contains_key(&issued::issue_id(period));
    r.sections
        .into_iter()
        .map(|s| part(s, lang, m, chosen, period, issued))
        .collect_view()
}

/// A row's name: a button that lists its records when the part lists
/// records and the row counts any (described by the page's hint; its name
/// stays the row's name).
fn row_name(
    part: Part,
    row: &crate::domain::reports::Row,
    text: String,
    chosen: Chosen,
) -> AnyView {
    let label = &row.label;
    let counts_any = row
        .figures
        .iter()
        .any(|f| matches!(f, Figure::Count(n) if *n > 0));
    if !reports::lists_records(part) || !counts_any {
        return view! { <th scope="row">{text}</th> }.into_any();
    }
    let pick = (part, label.clone());
    let is_open = pick.clone();
    view! {
        <th scope="row"><button type="button" class="rep-row" aria-describedby="per-row-hint"
            aria-expanded=move || (chosen.get().as_ref() == Some(&is_open)).to_string()
            on:click=move |_| open(chosen, pick.clone())>{text}</button></th>
    }
    .into_any()
}

/// The records behind the chosen row of `part`, under its table.
fn listing(part: Part, period: Period, issued: bool, lang: Lang, chosen: Chosen) -> impl IntoView {
    let ctx = use_ctx();
    move || {
        let (_, label) = chosen.get().filter(|(p, _)| *p == part)?;
        let (found, row) = ctx.model.with(|m| {
            (
                reports::period_behind(m, period, platform::now(), part, &label),
                label_words(lang, m, &label),
            )
        });
        let found = found?;
        let title = t(lang, Key::PerBehind)
            .replace("{part}", part_title(lang, part))
            .replace("{row}", &row)
            .replace("{n}", &found.len().to_string());
        let note = issued.then(|| t(lang, Key::PerBehindIssued).to_string());
        let on_close = Callback::new(move |()| chosen.set(None));
        Some(match note {
            Some(note) => view! { <RecordsBehind title found note on_close/> }.into_any(),
            None => view! { <RecordsBehind title found on_close/> }.into_any(),
        })
    }
}

/// One part: its title, the chart for the workload, the table or "nothing
/// in this period", the records behind a chosen row, and the link to its
/// own page.
fn part(
    s: Section,
    lang: Lang,
    m: &Model,
    chosen: Chosen,
    period: Period,
    issued: bool,
) -> impl IntoView {
    let id = format!("per-{:?}", s.part).to_lowercase();
    let title = part_title(lang, s.part);
    let chart = (s.part == Part::Workload && !s.rows.is_empty()).then(|| {
        let people: Vec<&crate::domain::reports::Row> = s
            .rows
            .iter()
            .filter(|r| matches!(r.label, Label::Person(_)))
            .collect();
        let bars: Vec<(String, f64)> = people
            .iter()
            .map(|r| {
                let n = match r.figures.first() {
                    Some(Figure::Count(n)) => *n as f64,
                    _ => 0.0,
                };
                (label_words(lang, m, &r.label), n)
            })
            .collect();
        let labels: Vec<Label> = people.iter().map(|r| r.label.clone()).collect();
        // A bar opens the same list as its row's name.
        let on_pick = Callback::new(move |i: usize| {
            if let Some(l) = labels.get(i) {
                open(chosen, (Part::Workload, l.clone()));
            }
        });
        view! { <BarChart title=t(lang, Key::RepChart).to_string() bars on_pick/> }
    });
    let body = if s.rows.is_empty() {
        view! { <p class="empty-note">{t(lang, Key::PerNothing)}</p> }.into_any()
    } else {
        let heads = s
            .columns
            .iter()
            .map(|c| view! { <th scope="col" class="num">{col_words(lang, *c)}</th> })
            .collect_view();
        let rows = s
            .rows
            .iter()
            .map(|r| {
                let class = match r.label {
                    Label::Total => "rep-total",
                    Label::Team(_) => "rep-team",
                    _ => "",
                };
                let cells = r
                    .figures
                    .iter()
                    .map(|f| match f {
                        // A light in words and its symbol, never colour alone.
                        Figure::Light(l) => {
                            let class = light_words(*l).1;
                            view! { <td class="num"><span class=class>{figure_text(lang, *f)}</span></td> }.into_any()
                        }
                        _ => view! { <td class="num">{figure_text(lang, *f)}</td> }.into_any(),
                    })
                    .collect_view();
                let name = row_name(s.part, r, label_words(lang, m, &r.label), chosen);
                view! { <tr class=class>{name}{cells}</tr> }
            })
            .collect_view();
        let (region, caption) = (format!("{id}-h"), format!("{id}-h"));
        view! {
            // A group, not a region: the part around it is the region.
            <div class="rep-scroll" role="group" aria-labelledby=region tabindex="0">
                <table class="table rep-table" aria-labelledby=caption>
                    <thead><tr><th scope="col">{t(lang, Key::PerRow)}</th>{heads}</tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        }
        .into_any()
    };
    view! {
        <section class="card per-part" aria-labelledby=format!("{id}-h")>
            <h2 id=format!("{id}-h")>{title}</h2>
            {chart}
            {body}
            {listing(s.part, period, issued, lang, chosen)}
            <p class="no-print"><A href=part_link(s.part)>{t(lang, Key::PerMore)}": " {title}</A></p>
        </section>
    }
}
