//! R-CMP-05: complaint statistics for any period, as tables and bar charts.

use crate::domain::complaint::{self, local_day};
use crate::domain::Lang;
use crate::store::platform;
use crate::ui::kit::chart::BarChart;
use crate::ui::kit::widgets::{parse_date, Empty, TextField};
use crate::ui::shell::state::use_ctx;
use crate::ui::words::complaint_labels::{cause_label, severity_label, stage_label};
use crate::ui::words::{t, Key};
use chrono::Datelike;
use leptos::prelude::*;

fn fmt_hours(hours: f64, lang: Lang) -> String {
    if hours >= 48.0 {
        format!("{:.1} {}", hours / 24.0, t(lang, Key::StatsDays))
    } else {
        format!("{hours:.1} h")
    }
}

#[component]
pub fn ComplaintStatsPage() -> impl IntoView {
    let ctx = use_ctx();
    let today = local_day(platform::now(), crate::ui::kit::time::zone(ctx));
    let first = today.with_day(1).unwrap_or(today);
    let from = RwSignal::new(first.format("%Y-%m-%d").to_string());
    let to = RwSignal::new(today.format("%Y-%m-%d").to_string());
    let stats = Memo::new(move |_| {
        let (f, t) = (parse_date(&from.get()), parse_date(&to.get()));
        let (f, t) = (f.unwrap_or(first), t.unwrap_or(today));
        ctx.model.with(|m| complaint::statistics(m, f, t, m.zone()))
    });
    let table = move |title: Key, rows: Vec<(String, f64)>| {
        let chart_rows = rows.clone();
        view! {
            <div class="card">
                <h2>{move || ctx.tr(title)}</h2>
                <BarChart title=ctx.tr_now(title).to_string() bars=chart_rows/>
                <table class="table">
                    <thead><tr><th scope="col">{move || ctx.tr(title)}</th><th scope="col">{move || ctx.tr(Key::CountLabel)}</th></tr></thead>
                    <tbody>{rows.into_iter().map(|(label, n)| view! { <tr><td>{label}</td><td>{n}</td></tr> }).collect_view()}</tbody>
                </table>
            </div>
        }
    };
    view! {
        <section class="page">
            <h1>{move || ctx.tr(Key::StatsTitle)}</h1>
            <div class="card grid2">
                <TextField id="st-from" label=Key::FromDate value=from kind="date"/>
                <TextField id="st-to" label=Key::ToDate value=to kind="date"/>
            </div>
            {move || {
                let s = stats.get();
                let lang = ctx.lang.get();
                view! {
                    <div class="card">
                        <dl class="facts">
                            <dt>{ctx.tr(Key::StatsTotal)}</dt><dd>{s.total}</dd>
                            <dt>{ctx.tr(Key::StatsFounded)}</dt><dd>{s.founded}</dd>
                            <dt>{ctx.tr(Key::StatsUnfounded)}</dt><dd>{s.unfounded}</dd>
                            <dt>{ctx.tr(Key::StatsPending)}</dt><dd>{s.pending}</dd>
                            <dt>{ctx.tr(Key::StatsClosed)}</dt><dd>{s.closed}</dd>
                        </dl>
                    </div>
                    {(s.total == 0).then(|| view! { <Empty text=Key::NoComplaintsInPeriod/> })}
                    {(s.total > 0).then(|| view! {
                    {table(Key::ByCause, s.by_cause.iter().map(|(c, n)| (cause_label(lang, *c).to_string(), *n as f64)).collect())}
                    {table(Key::BySeverity, s.by_severity.iter().map(|(c, n)| (severity_label(lang, *c).to_string(), *n as f64)).collect())}
                    {table(Key::ByDepartment, s.by_department.iter().map(|(d, n)| (d.clone(), *n as f64)).collect())}
                    <div class="card">
                        <h2>{ctx.tr(Key::MeanStageTime)}</h2>
                        <table class="table">
                            <thead><tr><th scope="col">{ctx.tr(Key::FilterStage)}</th><th scope="col">{ctx.tr(Key::CountLabel)}</th><th scope="col">{ctx.tr(Key::MeanTime)}</th></tr></thead>
                            <tbody>{s.stage_times.iter().map(|t| view! {
                                <tr><td>{stage_label(lang, t.stage)}</td><td>{t.count}</td>
                                <td>{t.mean.map(|d| fmt_hours(d.num_minutes() as f64 / 60.0, lang)).unwrap_or_else(|| "—".into())}</td></tr>
                            }).collect_view()}</tbody>
                        </table>
                    </div>
                    })}
                }
            }}
        </section>
    }
}
