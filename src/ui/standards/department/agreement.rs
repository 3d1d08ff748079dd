//! The department's service agreement as printed (R-STD-01..R-STD-03):
//! one A4 page with the organisation, the department, who printed it and
//! when, its standards in force, this period's compliance with each, and
//! the open improvement actions of its audits. Hidden on screen; the print
//! stylesheet shows only this.

use super::super::{counts_text, figure_text, light_words, metric_key, period_key, rule_text};
use super::{MetricView, OpenAction};
use crate::store::platform;
use crate::ui::kit::widgets::{fmt_date, fmt_datetime};
use crate::ui::shell::state::use_ctx;
use crate::ui::words::{t, Key};
use leptos::prelude::*;

/// Open actions printed at most (the page holds one sheet).
const MAX_PRINTED: usize = 12;

#[component]
pub(super) fn Agreement(
    name: String,
    views: Memo<Vec<MetricView>>,
    actions: Memo<Vec<OpenAction>>,
) -> impl IntoView {
    let ctx = use_ctx();
    let header = move || {
        let lang = ctx.lang.get();
        let org = ctx
            .model
            .with(|m| m.org.as_ref().map(|o| o.name.clone()).unwrap_or_default());
        let me = ctx.me.get();
        let who = ctx.model.with(|m| {
            me.and_then(|i| m.staff.get(&i))
                .map(|s| s.name.clone())
                .unwrap_or_default()
        });
        t(lang, Key::StdPrintedBy)
            .replace("{org}", &org)
            .replace("{who}", &who)
            .replace("{when}", &fmt_datetime(lang, platform::now()))
    };
    view! {
        <div class="std-print print-doc">
            <h1>{move || format!("{} — {}", ctx.tr(Key::StdAgreementTitle), name)}</h1>
            <p>{header}</p>
            <h2>{move || ctx.tr(Key::StdCurrent)}</h2>
            {move || {
                let lang = ctx.lang.get();
                if views.with(|v| v.iter().all(|v| v.current.is_none())) {
                    return view! { <p>{t(lang, Key::StdNoStandardsOthers)}</p> }.into_any();
                }
                let rows = views.get().into_iter().filter_map(|v| {
                    let s = v.current?;
                    let figure = v.compliance.as_ref().map(|c| {
                        format!("{} · {} · {}", t(lang, light_words(c.light).0), figure_text(lang, c), counts_text(lang, c))
                    }).unwrap_or_default();
                    Some(view! {
                        <tr>
                            <td>{t(lang, metric_key(v.metric))}</td>
                            <td>{format!("{} · {} · {} {}", rule_text(lang, &s), t(lang, period_key(s.period)), t(lang, Key::StdSince), fmt_date(lang, s.from))}</td>
                            <td>{figure}</td>
                        </tr>
                    })
                }).collect_view();
                view! {
                    <table>
                        <thead><tr>
                            <th scope="col">{t(lang, Key::StdMetric)}</th>
                            <th scope="col">{t(lang, Key::StdStandardCol)}</th>
                            <th scope="col">{t(lang, Key::StdThisPeriod)}</th>
                        </tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                }.into_any()
            }}
            <h2>{move || ctx.tr(Key::StdOpenActions)}</h2>
            {move || {
                let lang = ctx.lang.get();
                let all = actions.get();
                if all.is_empty() {
                    return view! { <p>{t(lang, Key::StdNoOpenActions)}</p> }.into_any();
                }
                let more = all.len().saturating_sub(MAX_PRINTED);
                view! {
                    <table>
                        <thead><tr>
                            <th scope="col">{t(lang, Key::StdAction)}</th>
                            <th scope="col">{t(lang, Key::StdOwner)}</th>
                            <th scope="col">{t(lang, Key::StdDue)}</th>
                        </tr></thead>
                        <tbody>{all.into_iter().take(MAX_PRINTED).map(|a| view! {
                            <tr><td>{a.text}</td><td>{a.owner}</td><td>{fmt_date(lang, a.due)}</td></tr>
                        }).collect_view()}</tbody>
                    </table>
                    {(more > 0).then(|| view! { <p>{t(lang, Key::StdMoreActions).replace("{n}", &more.to_string())}</p> })}
                }.into_any()
            }}
            <p class="std-sign">{move || ctx.tr(Key::StdSignatures)}</p>
        </div>
    }
}
