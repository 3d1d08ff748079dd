//! A department's page (R-STD-01, R-STD-02, R-STD-03): its standards in
//! force (metric, threshold, target, period, who set it and when, earlier
//! versions folded away), this period's compliance with each, and the very
//! records that missed it, as links to their pages; the form to set or
//! replace a standard (`department/form.rs`, a department director or
//! higher; the others are told who may); the open improvement actions of
//! its audits; and a one-page A4 service agreement to print
//! (`department/agreement.rs`).

mod agreement;
mod form;

use super::nav::StandardsNav;
use super::{
    counts_text, figure_text, light_words, may_set, metric_help, metric_key, missed_records,
    period_key, period_text, rule_text, staff_name, trend_text, MissedRecord, MAX_MISSED,
};
use crate::domain::base::order;
use crate::domain::standards::{
    self, act, Compliance, Department, Metric, Period, Standard, StandardDraft,
};
use crate::domain::Model;
use crate::store::platform;
use crate::sync::RecordId;
use crate::ui::kit::route::route_id;
use crate::ui::kit::widgets::{fmt_date, fmt_datetime, ConfirmButton, Empty};
use crate::ui::shell::state::use_ctx;
use crate::ui::words::{t, Key};
use chrono::NaiveDate;
use leptos::prelude::*;
use leptos_router::components::A;

/// Earlier versions shown at most.
const MAX_EARLIER: usize = 30;

/// One metric of the department: its version in force, the earlier ones
/// (newest first), this period's compliance and the records that missed.
#[derive(Clone, PartialEq)]
pub(crate) struct MetricView {
    pub metric: Metric,
    pub current: Option<Standard>,
    /// Who set the current version.
    pub setter: String,
    pub earlier: Vec<(Standard, String)>,
    pub compliance: Option<Compliance>,
    pub missed: Vec<MissedRecord>,
}

/// An open improvement action of one of the department's audits.
#[derive(Clone, PartialEq)]
pub(crate) struct OpenAction {
    pub id: RecordId,
    pub text: String,
    pub owner: String,
    pub due: NaiveDate,
    pub overdue: bool,
}

/// Every metric that has a version, in `Metric::ALL` order.
fn metric_views(m: &Model, dept: RecordId) -> Vec<MetricView> {
    let now = platform::now();
    let today = m.zone().local_date(now);
    let facts = standards::gather(m, now);
    Metric::ALL
        .iter()
        .filter_map(|metric| {
            let all = standards::versions(m, dept, *metric);
            if all.is_empty() {
                return None;
            }
            let current = standards::in_force(m, dept, *metric, today).cloned();
            let compliance = standards::judge(m, &facts, dept, *metric, today);
            let missed = compliance
                .as_ref()
                .map(|c| missed_records(m, &c.missed))
                .unwrap_or_default();
            let earlier = all
                .iter()
                .rev()
                .filter(|s| current.as_ref().is_none_or(|c| c.id != s.id))
                .take(MAX_EARLIER)
                .map(|s| ((*s).clone(), staff_name(m, s.audit.created_by)))
                .collect();
            Some(MetricView {
                metric: *metric,
                setter: current
                    .as_ref()
                    .map(|s| staff_name(m, s.audit.created_by))
                    .unwrap_or_default(),
                current,
                earlier,
                compliance,
                missed,
            })
        })
        .collect()
}

/// The open actions of the department's audits, soonest due first.
fn open_actions(m: &Model, dept: RecordId) -> Vec<OpenAction> {
    let today = m.zone().local_date(platform::now());
    let mut v: Vec<OpenAction> = m
        .standards
        .audits_of(dept)
        .into_iter()
        .flat_map(|a| m.standards.actions_of(a.id))
        .filter(|i| i.verified_at.is_none())
        .map(|i| OpenAction {
            id: i.id,
            text: i.text.clone(),
            owner: staff_name(m, i.owner),
            due: i.due,
            overdue: standards::is_overdue(i, today),
        })
        .collect();
    order::sort_by_key(&mut v, |a| (a.due, a.id));
    v.truncate(MAX_MISSED);
    v
}

/// Who may set standards: the active department directors and above.
fn who_may(m: &Model) -> String {
    let mut names: Vec<String> = m
        .active_staff()
        .filter(|s| {
            crate::domain::staff::require(s, crate::domain::staff::Action::SetStandards).is_ok()
        })
        .map(|s| s.name.clone())
        .collect();
    order::sort(&mut names);
    names.join(", ")
}

#[component]
pub fn DepartmentPage() -> impl IntoView {
    let ctx = use_ctx();
    let id = route_id();
    let dept = Memo::new(move |_| {
        id.get().and_then(|id| {
            ctx.model
                .with(|m| m.standards.departments.get(&id).cloned())
        })
    });
    view! {
        <section class="page std-page">
            {move || match dept.get() {
                None => view! {
                    <h1>{move || ctx.tr(Key::NavStandards)}</h1>
                    <StandardsNav/>
                    <Empty text=Key::StdDeptNotFound>
                        <p><A href="/standards">{move || ctx.tr(Key::StdBackToStandards)}</A></p>
                    </Empty>
                }.into_any(),
                Some(d) => view! { <Page d/> }.into_any(),
            }}
        </section>
    }
}

#[component]
fn Page(d: Department) -> impl IntoView {
    let ctx = use_ctx();
    let director = may_set(ctx);
    let dept = d.id;
    let views = Memo::new(move |_| ctx.model.with(|m| metric_views(m, dept)));
    let actions = Memo::new(move |_| ctx.model.with(|m| open_actions(m, dept)));
    let who = Memo::new(move |_| ctx.model.with(who_may));
    let print = move |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    let name = d.name.clone();
    view! {
        <div class="no-print">
            <h1>{d.name.clone()}</h1>
            <StandardsNav/>
            <p class="lead">{move || ctx.tr(Key::StdDeptLead)}</p>
            {(!d.active).then(|| view! { <p class="banner warn" role="status">{move || ctx.tr(Key::StdDeptInactiveNote)}</p> })}
            <div class="actions">
                <button type="button" on:click=print>{move || ctx.tr(Key::StdPrintAgreement)}</button>
                <A href="/standards/audits">{move || ctx.tr(Key::StdGoAudits)}</A>
            </div>
            <section aria-labelledby="std-current-h">
                <h2 id="std-current-h">{move || ctx.tr(Key::StdCurrent)}</h2>
                <Show when=move || views.with(|v| !v.is_empty()) fallback=move || view! {
                    <Empty text=if director.get() { Key::StdNoStandardsDirector } else { Key::StdNoStandardsOthers }/>
                }>
                    <For each=move || views.get() key=|v| (v.metric, v.current.as_ref().map(|s| s.id), v.earlier.len(),
                        v.compliance.as_ref().map(|c| (c.numerator, c.denominator, c.missed.len()))) let:v>
                        <MetricCard v director dept/>
                    </For>
                </Show>
            </section>
            <Show when=move || director.get() fallback=move || view! {
                <p class="hint std-who">{move || t(ctx.lang.get(), Key::StdOnlyDirectors).replace("{names}", &who.get())}</p>
            }>
                <form::SetStandard dept active=d.active/>
            </Show>
            <section aria-labelledby="std-actions-h">
                <h2 id="std-actions-h">{move || ctx.tr(Key::StdOpenActions)}
                    <span class="count">{move || actions.with(Vec::len)}</span></h2>
                <Show when=move || actions.with(|a| !a.is_empty()) fallback=|| view! { <Empty text=Key::StdNoOpenActions/> }>
                    <ul class="cards" aria-labelledby="std-actions-h">
                        {move || {
                            let lang = ctx.lang.get();
                            actions.get().into_iter().map(|a| view! {
                                <li class="card item" class:overdue=a.overdue>
                                    <A href=format!("/standards/audits#action-{}", a.id)>{a.text.clone()}</A>
                                    <span class="meta">{format!("{} {} · {} {}", t(lang, Key::StdOwner), a.owner, t(lang, Key::StdDue), fmt_date(lang, a.due))}
                                        {a.overdue.then(|| view! { " " <span class="badge late">{t(lang, Key::StdOverdue)}</span> })}</span>
                                </li>
                            }).collect_view()
                        }}
                    </ul>
                </Show>
            </section>
        </div>
        <agreement::Agreement name views actions/>
    }
}

#[component]
fn MetricCard(v: MetricView, director: Memo<bool>, dept: RecordId) -> impl IntoView {
    let ctx = use_ctx();
    let metric = v.metric;
    let head = format!("std-m-{}", metric.code());
    let labelled = head.clone();
    let error = RwSignal::new(None::<String>);
    let current = v.current.clone();
    let stop = Callback::new(move |_| {
        let Some(s) = current.clone() else { return };
        ctx.act(
            error,
            Key::StdStopped,
            move |m, a, now| {
                let today = m.zone().local_date(now);
                let draft = StandardDraft {
                    department: dept,
                    metric,
                    threshold: s.threshold,
                    target: s.target,
                    period: s.period,
                    from: Period::of(s.period, today).first,
                    active: false,
                };
                act::set_standard(m, a, &draft, ctx.new_id(), now)
            },
            || {},
        );
    });
    let has_current = v.current.is_some();
    let earlier = v.earlier.clone();
    let n_earlier = earlier.len();
    let missed = v.missed.clone();
    let n_missed = v.compliance.as_ref().map_or(0, |c| c.missed.len());
    let list_id = format!("std-missed-{}", metric.code());
    view! {
        <article class="card std-metric" aria-labelledby=labelled>
            <h3 id=head>{move || ctx.tr(metric_key(metric))}</h3>
            <p class="hint">{move || ctx.tr(metric_help(metric))}</p>
            {v.current.clone().map(|s| {
                let setter = v.setter.clone();
                view! { <VersionLine s setter current=true/> }
            })}
            {(!has_current).then(|| view! { <p class="meta">{move || ctx.tr(Key::StdNotInForce)}</p> })}
            {v.compliance.clone().map(|c| {
                let (key, class) = light_words(c.light);
                let c2 = c.clone();
                view! {
                    <p class="std-figure">
                        <span class=class>{move || ctx.tr(key)}</span> " "
                        <strong>{move || figure_text(ctx.lang.get(), &c)}</strong>
                    </p>
                    <p class="meta">{move || {
                        let lang = ctx.lang.get();
                        format!("{}: {} · {} · {}", t(lang, Key::StdThisPeriod), period_text(lang, c2.period), counts_text(lang, &c2), trend_text(lang, &c2))
                    }}</p>
                }
            })}
            {(n_missed > 0).then(|| {
                let list_id = list_id.clone();
                view! {
                    <details class="std-missed">
                        <summary>{move || t(ctx.lang.get(), Key::StdMissedRecords).replace("{n}", &n_missed.to_string())}</summary>
                        <ul id=list_id.clone() class="std-missed-list" aria-label=move || ctx.tr(metric_key(metric))>
                            {missed.into_iter().map(|r| {
                                let kind = r.kind;
                                view! {
                                    <li>
                                        <span class="meta">{move || ctx.tr(kind)} ": "</span>
                                        {if r.href.is_empty() { ().into_any() } else {
                                            view! { <A href=r.href.clone()>{r.label.clone()}</A> }.into_any()
                                        }}
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                        {(n_missed > MAX_MISSED).then(|| view! {
                            <p class="hint">{move || t(ctx.lang.get(), Key::StdMoreMissed).replace("{n}", &(n_missed - MAX_MISSED).to_string())}</p>
                        })}
                    </details>
                }
            })}
            {(n_earlier > 0).then(|| view! {
                <details class="std-versions">
                    <summary>{move || t(ctx.lang.get(), Key::StdEarlier).replace("{n}", &n_earlier.to_string())}</summary>
                    <ol class="std-version-list">
                        {earlier.into_iter().map(|(s, setter)| view! { <li><VersionLine s setter current=false/></li> }).collect_view()}
                    </ol>
                </details>
            })}
            <Show when=move || director.get() && has_current>
                <div class="actions">
                    <ConfirmButton label=Key::StdStop confirm=Key::StdStopConfirm on_confirm=stop/>
                </div>
            </Show>
            <p class="error" role="alert">{move || error.get().map(crate::ui::kit::rules::rule_links)}</p>
        </article>
    }
}

/// "En 30 min como máximo, en el 90 % de los casos · por mes · desde el 1
/// nov 2026 · fijado por Ana el 2 nov 2026, 09:00".
#[component]
fn VersionLine(s: Standard, setter: String, current: bool) -> impl IntoView {
    let ctx = use_ctx();
    let text = move || {
        let lang = ctx.lang.get();
        let what = if s.active {
            format!(
                "{} · {}",
                rule_text(lang, &s),
                t(lang, period_key(s.period))
            )
        } else {
            t(lang, Key::StdStoppedVersion).to_string()
        };
        t(lang, Key::StdVersionLine)
            .replace("{what}", &what)
            .replace("{from}", &fmt_date(lang, s.from))
            .replace("{who}", &setter)
            .replace("{when}", &fmt_datetime(lang, s.audit.created_at))
    };
    view! { <p class=if current { "std-version current" } else { "meta std-version" }>{text}</p> }
}
