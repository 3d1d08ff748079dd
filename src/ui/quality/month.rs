//! The monthly quality report (R-QA-04): choose a month; before it is
//! issued, its figures as the reviews say now, the due date (before the
//! 22nd) and whether it is late, and the button to issue it; once issued,
//! the frozen figures with who issued them and when, and how many reviews
//! changed since (`qa::changes_since`), never merged in. Then the trend
//! over six months and the best / worst evaluation (`month/eval.rs`).
//! Charts (`month/chart.rs`) stand beside tables with the same numbers
//! (`month/figures.rs`); the page prints on A4 and exports a CSV file
//! (`month/csv.rs`). Who sees it is the domain's to say (`qa::reports`).

mod chart;
mod csv;
mod eval;
mod figures;

use super::nav::QualityNav;
use crate::domain::base::order;
use crate::domain::base::text::fold;
use crate::domain::qa::{self, Evaluation};
use crate::domain::staff::Staff;
use crate::domain::{Lang, Model};
use crate::store::platform;
use crate::sync::RecordId;
use crate::ui::kit::time::today;
use crate::ui::kit::widgets::{download_text, fmt_date, fmt_datetime};
use crate::ui::shell::state::use_ctx;
pub(crate) use crate::ui::words::dates::month_title;
use crate::ui::words::{criterion_label, t, Key};
use chrono::{DateTime, Datelike, Months, NaiveDate, Utc};
use leptos::prelude::*;
use leptos_router::components::A;

/// How many months the trend shows, the chosen one last.
const TREND_MONTHS: u32 = 6;

/// The first day of the month `n` months before the one starting `first`
/// (`first` itself when the calendar runs out).
fn months_back(first: NaiveDate, n: u32) -> NaiveDate {
    first.checked_sub_months(Months::new(n)).unwrap_or(first)
}

/// The figures on screen: the issued ones once issued, else today's.
/// Words already in the language on screen.
#[derive(Clone, PartialEq, Default)]
pub(crate) struct Figs {
    pub reviews: u32,
    pub average: Option<u32>,
    /// Name, reviews, average, evaluation (None: not ranked); by name.
    pub agents: Vec<(String, u32, Option<u32>, Option<u32>)>,
    /// Criterion's words, times scored, average.
    pub criteria: Vec<(String, u32, Option<u32>)>,
}

/// A staff member's name, or a dash when the record is gone.
fn name_of(m: &Model, id: RecordId) -> String {
    m.staff
        .get(&id)
        .map_or_else(|| "—".to_string(), |s| s.name.clone())
}

/// A criterion's words by its key: a custom criterion's name comes from
/// the scorecard versions that have it.
fn criterion_words(m: &Model, lang: Lang, key: &str) -> String {
    let name =
        m.qa.scorecards
            .values()
            .flat_map(|s| s.criteria.iter())
            .find(|c| c.key == key && !c.name.trim().is_empty())
            .map(|c| c.name.as_str())
            .unwrap_or("");
    criterion_label(lang, key, name)
}

fn figs_of(
    m: &Model,
    lang: Lang,
    reviews: u32,
    average: Option<u32>,
    agents: &[qa::AgentFigure],
    criteria: &[qa::CriterionFigure],
) -> Figs {
    let mut agents: Vec<_> = agents
        .iter()
        .map(|a| (name_of(m, a.agent), a.reviews, a.average, a.evaluation))
        .collect();
    agents.sort_by_cached_key(|a| fold(&a.0));
    // The standard criteria in the scorecard's order, then the others.
    let mut criteria: Vec<_> = criteria
        .iter()
        .map(|c| {
            let place = qa::STANDARD_CRITERIA
                .iter()
                .position(|k| *k == c.key)
                .unwrap_or(qa::STANDARD_CRITERIA.len());
            let words = criterion_words(m, lang, &c.key);
            (place, fold(&words), (words, c.scored, c.average))
        })
        .collect();
    order::sort_by(&mut criteria, |a, b| (a.0, &a.1).cmp(&(b.0, &b.1)));
    Figs {
        reviews,
        average,
        agents,
        criteria: criteria.into_iter().map(|(_, _, c)| c).collect(),
    }
}

/// What the page shows of the chosen month.
#[derive(Clone, PartialEq)]
pub(crate) struct MonthView {
    pub first: NaiveDate,
    /// Issued: by whom, when, and how many reviews changed since.
    pub issued: Option<(String, DateTime<Utc>, usize)>,
    pub shown: Figs,
    /// Once issued, the figures as the reviews say now.
    pub live: Option<Figs>,
    /// The month ended before the organisation began: nothing was due.
    pub before_org: bool,
}

fn month_view(m: &Model, lang: Lang, first: NaiveDate, now: DateTime<Utc>) -> MonthView {
    let f = qa::month_figures(m, first, now);
    let live = figs_of(m, lang, f.reviews, f.average, &f.agents, &f.criteria);
    let before_org = m
        .org_since()
        .is_some_and(|since| first < qa::month_of(since).0);
    match m.qa.reports.get(&qa::report_id(first)) {
        Some(r) => MonthView {
            first,
            issued: Some((
                name_of(m, r.issued_by),
                r.issued_at,
                qa::changes_since(m, r),
            )),
            shown: figs_of(m, lang, r.reviews, r.average, &r.agents, &r.criteria),
            live: Some(live),
            before_org,
        },
        None => MonthView {
            first,
            issued: None,
            shown: live,
            live: None,
            before_org,
        },
    }
}

/// One month of the trend: its first day, reviews, average, issued.
pub(crate) type TrendPoint = (NaiveDate, u32, Option<u32>, bool);

/// The trend up to `first`: an issued month counts as issued, the others
/// as their reviews say now.
fn trend(m: &Model, first: NaiveDate, now: DateTime<Utc>) -> Vec<TrendPoint> {
    (0..TREND_MONTHS)
        .rev()
        .map(|back| {
            let month = months_back(first, back);
            match m.qa.reports.get(&qa::report_id(month)) {
                Some(r) => (month, r.reviews, r.average, true),
                None => {
                    let f = qa::month_figures(m, month, now);
                    (month, f.reviews, f.average, false)
                }
            }
        })
        .collect()
}

/// Each person's evaluation with their name.
pub(crate) type Rated = Vec<(String, Evaluation)>;

/// "N reviews changed since this report was issued", in the right number.
pub(crate) fn changed_text(lang: Lang, n: usize) -> String {
    match n {
        1 => t(lang, Key::QaMoChangedOne).to_string(),
        _ => {
            t(lang, Key::QaMoChangedMany).replace("{n}", &crate::ui::words::counts::number(lang, n))
        }
    }
}

/// The last day the month's report is on time: the 21st.
pub(crate) fn deadline(first: NaiveDate) -> NaiveDate {
    first
        .with_day(qa::DUE_BEFORE_DAY.saturating_sub(1))
        .unwrap_or(first)
}

#[component]
pub fn MonthPage() -> impl IntoView {
    let ctx = use_ctx();
    let me = Memo::new(move |_| {
        let id = ctx.me.get();
        ctx.model
            .with(|m| id.and_then(|i| m.staff.get(&i).cloned()))
    });
    let allowed = Memo::new(move |_| me.with(|s| s.as_ref().is_some_and(qa::reports)));
    let current = qa::month_of(today(ctx)).0;
    let month = RwSignal::new(current);
    view! {
        <section class="page qa-month">
            <h1>{move || ctx.tr(Key::QaMonth)}</h1>
            <QualityNav/>
            <p class="lead no-print">{move || ctx.tr(Key::QaMonthLead)}</p>
            <Show when=move || allowed.get() fallback=move || view! {
                <div class="empty">
                    <p>{move || ctx.tr(Key::QaMoNotAllowed)}</p>
                    <p><A href="/quality">{move || ctx.tr(Key::QaMoYourReviews)}</A></p>
                </div>
            }>
                <Report me month current/>
            </Show>
        </section>
    }
}

/// The report of the chosen month, for someone who may see it.
#[component]
fn Report(
    me: Memo<Option<Staff>>,
    month: RwSignal<NaiveDate>,
    current: NaiveDate,
) -> impl IntoView {
    let ctx = use_ctx();
    let view_ = Memo::new(move |_| {
        let (lang, first) = (ctx.lang.get(), month.get());
        ctx.model
            .with(|m| month_view(m, lang, first, platform::now()))
    });
    let points = Memo::new(move |_| {
        let first = month.get();
        ctx.model.with(|m| trend(m, first, platform::now()))
    });
    let rated = Memo::new(move |_| {
        let first = month.get();
        me.with(|s| {
            let Some(s) = s else { return Rated::new() };
            ctx.model.with(|m| {
                qa::evaluation(m, s, first, platform::now())
                    .unwrap_or_default()
                    .into_iter()
                    .map(|e| (name_of(m, e.person), e))
                    .collect()
            })
        })
    });
    let settings = Memo::new(move |_| ctx.model.with(qa::settings));
    let csv = move |_| {
        let lang = ctx.lang.get_untracked();
        let v = view_.get_untracked();
        let text = csv::month_csv(lang, &v, &rated.get_untracked(), &settings.get_untracked());
        let name = format!(
            "{}-{}.csv",
            t(lang, Key::QaMoCsvFile),
            v.first.format("%Y-%m")
        );
        let started = download_text(&name, &text, "text/csv;charset=utf-8");
        let said = if started {
            Key::QaMoCsvStarted
        } else {
            Key::QaMoCsvFailed
        };
        ctx.toast.set(Some(t(lang, said).to_string()));
    };
    let print = move |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    view! {
        <div class="card no-print qa-month-tools">
            <div class="actions" role="group" aria-label=move || ctx.tr(Key::QaMoMonthNav)>
                <button type="button" on:click=move |_| month.update(|d| *d = months_back(*d, 1))>
                    {move || ctx.tr(Key::QaMoPrev)}</button>
                <button type="button" on:click=move |_| month.set(current)
                    disabled=move || month.get() == current>{move || ctx.tr(Key::QaMoThis)}</button>
                <button type="button" disabled=move || { month.get() >= current }
                    on:click=move |_| month.update(|d| *d = d.checked_add_months(Months::new(1)).unwrap_or(*d).min(current))>
                    {move || ctx.tr(Key::QaMoNext)}</button>
            </div>
            <div class="actions">
                <button type="button" on:click=csv>{move || ctx.tr(Key::DownloadCsv)}</button>
                <button type="button" on:click=print>{move || ctx.tr(Key::PrintNow)}</button>
            </div>
        </div>
        <h2 id="qa-month-h" class="qa-month-title">{move || month_title(ctx.lang.get(), month.get())}</h2>
        <Status view_ current/>
        {move || {
            let v = view_.get();
            let lang = ctx.lang.get();
            let title = if v.issued.is_some() { Key::QaMoFiguresIssued } else { Key::QaMoFigures };
            view! {
                <figures::Figures figs=v.shown.clone() title lang id="qa-shown"/>
                {v.live.map(|live| view! {
                    <details class="card qa-live no-print">
                        <summary>{t(lang, Key::QaMoFiguresNow)}</summary>
                        <figures::Figures figs=live title=Key::QaMoFiguresNow lang id="qa-live" quiet=true/>
                    </details>
                })}
            }
        }}
        {move || view! { <figures::Trend points=points.get() lang=ctx.lang.get()/> }}
        {move || view! {
            <eval::Evaluations rated=rated.get() settings=settings.get()
                issued=view_.with(|v| v.issued.is_some()) lang=ctx.lang.get()/>
        }}
    }
}

/// Issued (by whom, when, what changed since) or not yet (due date, late,
/// the button to issue it, asked once more).
#[component]
fn Status(view_: Memo<MonthView>, current: NaiveDate) -> impl IntoView {
    let ctx = use_ctx();
    let error = RwSignal::new(None::<String>);
    let asking = RwSignal::new(false);
    let busy = RwSignal::new(false);
    // Another month: no question left open, no old refusal.
    Effect::new(move |_| {
        view_.with(|v| v.first);
        asking.set(false);
        error.set(None);
    });
    let issue = move |_| {
        let day = view_.with_untracked(|v| v.first);
        busy.set(true);
        ctx.act_then(
            error,
            Key::QaMoIssued,
            move |m, actor, now| qa::act::issue_report(m, actor, day, now),
            move |_| {
                busy.set(false);
                asking.set(false);
            },
        );
    };
    move || {
        let v = view_.get();
        let lang = ctx.lang.get();
        let body = match v.issued {
            Some((who, at, changes)) => view! {
                <p><span class="badge ok">{t(lang, Key::QaMoIssued)}</span> " "
                    {t(lang, Key::QaMoIssuedBy).replace("{who}", &who).replace("{when}", &fmt_datetime(lang, at))}</p>
                <p class="hint">{t(lang, Key::QaMoFrozenNote)}</p>
                {(changes > 0).then(|| view! {
                    <div class="banner warn" role="status">
                        <p><strong>{changed_text(lang, changes)}</strong> " " {t(lang, Key::QaMoChangedHint)}</p>
                    </div>
                })}
            }
            .into_any(),
            None => {
                let due = deadline(v.first);
                let late = today(ctx) > due;
                let (badge, class) = if late { (Key::QaMoLate, "badge late") } else { (Key::QaMoOnTime, "badge ok") };
                view! {
                    <p>{t(lang, Key::QaMoNotIssued)} " "
                        {t(lang, Key::QaMoDueBy).replace("{date}", &fmt_date(lang, due))} " "
                        {(!v.before_org && v.first <= current).then(|| view! { <span class=class>{t(lang, badge)}</span> })}</p>
                    {(v.shown.reviews == 0).then(|| view! { <p class="hint">{t(lang, Key::QaMoIssueEmpty)}</p> })}
                    <div class="actions">
                        <Show when=move || asking.get() fallback=move || view! {
                            <button type="button" class="primary" on:click=move |_| asking.set(true)>
                                {move || ctx.tr(Key::QaMoIssue)}</button>
                        }>
                            <span class="confirm" role="group" aria-label=move || ctx.tr(Key::QaMoIssueConfirm)>
                                <span>{move || ctx.tr(Key::QaMoIssueConfirm)}</span>
                                <button type="button" class="primary" disabled=move || busy.get() on:click=issue>
                                    {move || ctx.tr(Key::Yes)}</button>
                                <button type="button" on:click=move |_| asking.set(false)>{move || ctx.tr(Key::Cancel)}</button>
                            </span>
                        </Show>
                    </div>
                }
                .into_any()
            }
        };
        view! {
            <div class="card qa-status" role="region" aria-labelledby="qa-status-h">
                <h3 id="qa-status-h">{t(lang, Key::QaMoStatus)}</h3>
                {body}
                <p class="error" role="alert">{move || error.get().map(crate::ui::kit::rules::rule_links)}</p>
            </div>
        }
    }
}

/// The issued report of a month, when any (for the CSV's status line).
pub(crate) fn issued_line(lang: Lang, v: &MonthView) -> String {
    match &v.issued {
        Some((who, at, _)) => t(lang, Key::QaMoIssuedBy)
            .replace("{who}", who)
            .replace("{when}", &fmt_datetime(lang, *at)),
        None => t(lang, Key::QaMoNotIssued).to_string(),
    }
}
