//! The day's workload (R-REP-01): choose a day; contacts per person as a
//! chart, then every figure per person, team and in all in a table
//! (`workload_table.rs`), where a figure opens the records behind it. The
//! CSV holds exactly the table's rows and columns, with the separator the
//! reader's spreadsheet expects (R-REP-03); print gives one A4 page headed
//! with the organisation, the day, who printed it and when, and what each
//! figure counts.

use super::columns::{column_words, row_names};
use super::tools::{download_csv, printed_header, sep_now, ExportTools};
use super::workload_table::WorkloadTable;
use super::ReportsNav;
use crate::domain::base::csv::Sep;
use crate::domain::reports::{self, Workload};
use crate::domain::Lang;
use crate::store::platform;
use crate::ui::kit::chart::BarChart;
use crate::ui::kit::time::today;
use crate::ui::kit::widgets::{fmt_date, parse_date, Empty};
use crate::ui::shell::state::use_ctx;
use crate::ui::words::{t, Key};
use chrono::{Days, NaiveDate};
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn WorkloadPage() -> impl IntoView {
    let ctx = use_ctx();
    let current = today(ctx);
    let day = RwSignal::new(current);
    // None until the person chooses: then the language's usual one.
    let chosen_sep = RwSignal::new(None::<Sep>);
    let work = Memo::new(move |_| {
        let d = day.get();
        ctx.model.with(|m| reports::workload(m, d, platform::now()))
    });
    let step = move |forward: bool| {
        day.update(|d| {
            let next = if forward {
                d.checked_add_days(Days::new(1))
            } else {
                d.checked_sub_days(Days::new(1))
            };
            *d = next.unwrap_or(*d).min(current);
        })
    };
    let csv = move |()| {
        let lang = ctx.lang.get_untracked();
        let s = sep_now(ctx, chosen_sep);
        let w = work.get_untracked();
        let text = w.csv(
            s,
            t(lang, Key::RepPerson),
            |c| column_words(lang, c),
            row_names(lang),
        );
        let name = format!(
            "{}-{}.csv",
            t(lang, Key::RepCsvFile),
            w.day.format("%Y-%m-%d")
        );
        download_csv(ctx, &name, &text);
    };
    // The print header: who printed it and when is read when the page is
    // drawn, which is when the print button is pressed or soon before.
    let printed = move || {
        printed_header(ctx, Key::RepPrinted).replace("{day}", &fmt_date(ctx.lang.get(), day.get()))
    };
    let on_day = move |ev| {
        if let Some(d) = parse_date(&event_target_value(&ev)) {
            day.set(d.min(current));
        }
    };
    view! {
        <section class="page rep-page">
            <h1>{move || ctx.tr(Key::RepWorkload)}</h1>
            <ReportsNav/>
            <p class="lead no-print">{move || ctx.tr(Key::RepWorkloadLead)}</p>
            <p class="print-only rep-printed">{printed}</p>
            <div class="card no-print rep-tools">
                <div class="actions" role="group" aria-label=move || ctx.tr(Key::RepDayNav)>
                    <button type="button" on:click=move |_| step(false)>{move || ctx.tr(Key::RepPrevDay)}</button>
                    <button type="button" on:click=move |_| day.set(current)
                        disabled=move || day.get() == current>{move || ctx.tr(Key::RepToday)}</button>
                    <button type="button" on:click=move |_| step(true)
                        disabled=move || { day.get() >= current }>{move || ctx.tr(Key::RepNextDay)}</button>
                    <label class="rep-day">{move || ctx.tr(Key::RepDay)}
                        <input type="date" max=current.format("%Y-%m-%d").to_string()
                            prop:value=move || day.get().format("%Y-%m-%d").to_string()
                            on:change=on_day/>
                    </label>
                </div>
                <ExportTools chosen=chosen_sep on_csv=Callback::new(csv)/>
            </div>
            <h2 class="rep-day-title">{move || fmt_date(ctx.lang.get(), day.get())}</h2>
            {move || {
                let w = work.get();
                let lang = ctx.lang.get();
                if w.people.is_empty() {
                    return view! {
                        <Empty text=Key::RepNothing>
                            <p class="no-print"><A href="/contacts">{t(lang, Key::RepGoContacts)}</A></p>
                        </Empty>
                    }.into_any();
                }
                view! { <Figures w=w lang/> }.into_any()
            }}
            <section class="rep-definitions" aria-labelledby="rep-def-h">
                <h2 id="rep-def-h">{move || ctx.tr(Key::RepDefinitions)}</h2>
                <ul>
                    <li>{move || ctx.tr(Key::RepDefContacts)}</li>
                    <li>{move || ctx.tr(Key::RepDefOutbound)}</li>
                    <li>{move || ctx.tr(Key::RepDefTarget)}</li>
                </ul>
            </section>
        </section>
    }
}

/// The chart and the table of a day with something in it.
#[component]
fn Figures(w: Workload, lang: Lang) -> impl IntoView {
    let bars: Vec<(String, f64)> = w
        .people
        .iter()
        .map(|l| {
            let name = if l.name.is_empty() {
                t(lang, Key::RepUnknown).to_string()
            } else {
                l.name.clone()
            };
            (name, f64::from(l.counts.contacts))
        })
        .collect();
    let day: NaiveDate = w.day;
    view! {
        <div class="card rep-chart">
            <h3 id="rep-chart-h">{t(lang, Key::RepChart)}</h3>
            <BarChart title=t(lang, Key::RepChart).to_string() bars/>
        </div>
        <WorkloadTable w day lang/>
    }
}
