//! The weekly summary (R-QA-03): choose a week; for inspectors and
//! directors, the figures drafted from that week's reviews (each agent's
//! average and count, the weakest criteria, the most frequent root
//! causes); then the week's training plan (`week_plan.rs`, its items
//! `week_item.rs`), which the inspector writes and sends to the department
//! director, who acknowledges it. Everyone else reads the sent plan, an
//! agent only the training that concerns them.

#[path = "week_item.rs"]
mod week_item;
#[path = "week_plan.rs"]
mod week_plan;

use super::nav::QualityNav;
use crate::domain::base::dates::Shift;
use crate::domain::base::zone::week_start;
use crate::domain::qa::{self, WeekSummary};
use crate::domain::staff::{Role, Staff};
use crate::domain::Lang;
use crate::ui::kit::time::today;
use crate::ui::kit::widgets::{parse_date, Empty};
use crate::ui::shell::state::use_ctx;
use crate::ui::words::dates::{month_abbr, weekday_abbr};
use crate::ui::words::{criterion_label, total_text, Key};
use chrono::{Datelike, Duration, NaiveDate};
use leptos::prelude::*;
use leptos_router::components::A;
use week_plan::{MyTraining, PlanSection, WaitingPlans};

/// The person using the page, when known.
pub(crate) type Viewer = Memo<Option<Staff>>;

/// "Mon 30 Nov – Sun 6 Dec 2026" (the year once, unless the week spans two).
pub(crate) fn week_label(lang: Lang, monday: NaiveDate) -> String {
    let sunday = monday.plus(Duration::days(6));
    let day = |d: NaiveDate| {
        format!(
            "{} {} {}",
            weekday_abbr(lang, d.weekday().num_days_from_monday() as usize),
            d.day(),
            month_abbr(lang, d.month0() as usize)
        )
    };
    if monday.year() == sunday.year() {
        format!("{} – {} {}", day(monday), day(sunday), sunday.year())
    } else {
        format!(
            "{} {} – {} {}",
            day(monday),
            monday.year(),
            day(sunday),
            sunday.year()
        )
    }
}

/// A count with its noun: "1 escucha", "3 reviews".
pub(crate) fn counted(lang: Lang, n: usize, one: Key, many: Key) -> String {
    let noun = crate::ui::words::t(lang, if n == 1 { one } else { many });
    format!("{n} {noun}")
}

#[component]
pub fn WeekPage() -> impl IntoView {
    let ctx = use_ctx();
    let viewer: Viewer = Memo::new(move |_| {
        let id = ctx.me.get();
        ctx.model
            .with(|m| id.and_then(|i| m.staff.get(&i).cloned()))
    });
    let inspector = Memo::new(move |_| viewer.with(|s| s.as_ref().is_some_and(qa::inspects)));
    let lead = move || {
        if inspector.get() {
            Key::QaWeekLead
        } else if viewer.with(|s| s.as_ref().is_some_and(|s| s.role == Role::Representative)) {
            Key::QaWkLeadAgent
        } else {
            Key::QaWkLeadOthers
        }
    };
    let monday = RwSignal::new(week_start(today(ctx)));
    view! {
        <section class="page qa-week">
            <h1>{move || ctx.tr(Key::QaWeek)}</h1>
            <QualityNav/>
            <p class="lead">{move || ctx.tr(lead())}</p>
            <WaitingPlans viewer monday/>
            <MyTraining viewer/>
            <WeekChooser monday/>
            <h2 id="qa-week-h" class="qa-week-title">{move || week_label(ctx.lang.get(), monday.get())}</h2>
            <Show when=move || inspector.get()>
                <Summary viewer monday/>
            </Show>
            <PlanSection viewer inspector monday/>
        </section>
    }
}

/// Previous / this / next week, and any day's week by its date.
#[component]
fn WeekChooser(monday: RwSignal<NaiveDate>) -> impl IntoView {
    let ctx = use_ctx();
    let go = move |days: i64| monday.update(|d| *d = week_start(d.plus(Duration::days(days))));
    let this_week = move || monday.get() == week_start(today(ctx));
    view! {
        <div class="card no-print qa-week-tools">
            <div class="actions" role="group" aria-label=move || ctx.tr(Key::DeptWeekNav)>
                <button type="button" on:click=move |_| go(-7)>"‹ " {move || ctx.tr(Key::DeptPrevWeek)}</button>
                <button type="button" aria-pressed=move || this_week().to_string()
                    on:click=move |_| monday.set(week_start(today(ctx)))>{move || ctx.tr(Key::DeptThisWeek)}</button>
                <button type="button" on:click=move |_| go(7)>{move || ctx.tr(Key::DeptNextWeek)} " ›"</button>
            </div>
            <div class="field">
                <label for="qa-week-day">{move || ctx.tr(Key::QaWkDay)}</label>
                <input id="qa-week-day" type="date"
                    prop:value=move || monday.get().format("%Y-%m-%d").to_string()
                    on:change=move |ev| {
                        if let Some(d) = parse_date(&event_target_value(&ev)) {
                            monday.set(week_start(d));
                        }
                    }/>
            </div>
        </div>
    }
}

/// The week's figures, drafted from its reviews (inspectors and directors).
#[component]
fn Summary(viewer: Viewer, monday: RwSignal<NaiveDate>) -> impl IntoView {
    let ctx = use_ctx();
    let summary = Memo::new(move |_| {
        let day = monday.get();
        viewer.with(|v| {
            let v = v.as_ref()?;
            ctx.model.with(|m| qa::weekly_summary(m, v, day).ok())
        })
    });
    view! {
        <section class="qa-summary" aria-labelledby="qa-summary-h">
            <h2 id="qa-summary-h">{move || ctx.tr(Key::QaWkSummary)}
                <span class="count">{move || counted(ctx.lang.get(), summary.with(|s| s.as_ref().map_or(0, |s| s.reviews)), Key::QaWkOneReview, Key::QaWkManyReviews)}</span></h2>
            <p class="hint">{move || ctx.tr(Key::QaWkSummaryHint)}</p>
            {move || {
                ctx.lang.track();
                match summary.get() {
                Some(s) if s.reviews > 0 => view! { <Figures s/> }.into_any(),
                _ => view! {
                    <Empty text=Key::QaWkNoReviews>
                        <p><A href="/quality">{move || ctx.tr(Key::QaWkGoReviews)}</A></p>
                    </Empty>
                }.into_any(),
            }}}
        </section>
    }
}

/// The three tables of a week with reviews.
#[component]
fn Figures(s: WeekSummary) -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang.get_untracked();
    let average = move |a: Option<u32>| match a {
        Some(t) => total_text(lang, t),
        None => ctx.tr_now(Key::QaWkNoAverage).to_string(),
    };
    let agents = ctx.model.with_untracked(|m| {
        s.agents
            .iter()
            .map(|a| {
                let name = m
                    .staff
                    .get(&a.agent)
                    .map_or_else(|| "—".to_string(), |p| p.name.clone());
                (name, a.reviews, average(a.average))
            })
            .collect::<Vec<_>>()
    });
    let weakest: Vec<(String, String, usize)> = s
        .weakest
        .iter()
        .map(|c| {
            (
                criterion_label(lang, &c.key, &c.name),
                average(c.average),
                c.scored,
            )
        })
        .collect();
    let causes = s.causes.clone();
    view! {
        <div class="qa-figures">
            <div class="card">
                <h3 id="qa-per-agent">{ctx.tr(Key::QaWkPerAgent)}</h3>
                <table class="table" aria-labelledby="qa-per-agent">
                    <thead><tr>
                        <th scope="col">{ctx.tr(Key::QaWkPerson)}</th>
                        <th scope="col" class="num">{ctx.tr(Key::QaReviews)}</th>
                        <th scope="col" class="num">{ctx.tr(Key::QaWkAverage)}</th>
                    </tr></thead>
                    <tbody>
                        {agents.into_iter().map(|(name, n, avg)| view! {
                            <tr><th scope="row">{name}</th><td class="num">{n}</td><td class="num"><strong>{avg}</strong></td></tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            <div class="card">
                <h3 id="qa-weakest">{ctx.tr(Key::QaWkWeakest)}</h3>
                <table class="table" aria-labelledby="qa-weakest">
                    <thead><tr>
                        <th scope="col">{ctx.tr(Key::QaWkCriterion)}</th>
                        <th scope="col" class="num">{ctx.tr(Key::QaWkAverage)}</th>
                        <th scope="col" class="num">{ctx.tr(Key::QaWkScored)}</th>
                    </tr></thead>
                    <tbody>
                        {weakest.into_iter().map(|(name, avg, n)| view! {
                            <tr><th scope="row">{name}</th><td class="num"><strong>{avg}</strong></td><td class="num">{n}</td></tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            <div class="card">
                <h3 id="qa-causes">{ctx.tr(Key::QaWkCauses)}</h3>
                {if causes.is_empty() {
                    view! { <p class="hint">{ctx.tr(Key::QaWkNoCauses)}</p> }.into_any()
                } else {
                    view! {
                        <table class="table" aria-labelledby="qa-causes">
                            <thead><tr>
                                <th scope="col">{ctx.tr(Key::QaWkCause)}</th>
                                <th scope="col" class="num">{ctx.tr(Key::QaWkTimes)}</th>
                            </tr></thead>
                            <tbody>
                                {causes.into_iter().map(|(cause, n)| view! {
                                    <tr><th scope="row">{cause}</th><td class="num">{n}</td></tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    }.into_any()
                }}
            </div>
        </div>
    }
}

/// The notes a summary suggests: the weakest criteria and the most
/// frequent root causes, one line each (the inspector edits them).
pub(crate) fn draft_notes(lang: Lang, s: &WeekSummary) -> String {
    let t = |k| crate::ui::words::t(lang, k);
    let mut lines = Vec::new();
    if !s.weakest.is_empty() {
        let names: Vec<String> = s
            .weakest
            .iter()
            .map(|c| {
                let avg = c.average.map(|a| total_text(lang, a)).unwrap_or_default();
                format!("{} ({avg})", criterion_label(lang, &c.key, &c.name))
            })
            .collect();
        lines.push(format!("{}: {}", t(Key::QaWkWeakest), names.join(", ")));
    }
    if !s.causes.is_empty() {
        let causes: Vec<String> = s.causes.iter().map(|(c, n)| format!("{c} ({n})")).collect();
        lines.push(format!("{}: {}", t(Key::QaWkCauses), causes.join(", ")));
    }
    lines.join("\n")
}
