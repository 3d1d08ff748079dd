//! Quality inspection on Today: reviews waiting for my answer, disputes
//! waiting for my ruling, training plans to acknowledge (R-QA-03), the
//! training I attend or run (R-QA-03), and the monthly report's warning
//! from the 15th (R-QA-04). Nothing at all when none applies.

use crate::domain::qa::{self, ReportWarning};
use crate::store::platform;
use crate::sync::RecordId;
use crate::ui::kit::widgets::fmt_date;
use crate::ui::shell::state::use_ctx;
use crate::ui::words::Key;
use chrono::NaiveDate;
use leptos::prelude::*;
use leptos_router::components::A;

/// What quality inspection asks of me today.
#[derive(Clone, Default, PartialEq)]
struct QualityToday {
    to_answer: usize,
    disputes: usize,
    plans: usize,
    /// Item, its text, its due day, whether I run it.
    training: Vec<(RecordId, String, NaiveDate, bool)>,
    warning: Option<ReportWarning>,
}

impl QualityToday {
    fn is_empty(&self) -> bool {
        self.to_answer == 0
            && self.disputes == 0
            && self.plans == 0
            && self.training.is_empty()
            && self.warning.is_none()
    }
}

#[component]
pub fn QualityTodaySection() -> impl IntoView {
    let ctx = use_ctx();
    let today = Memo::new(move |_| {
        let me = ctx.me.get();
        ctx.model.with(|m| {
            let Some(viewer) = me.and_then(|id| m.staff.get(&id)) else {
                return QualityToday::default();
            };
            let now = platform::now();
            let day = m.zone().local_date(now);
            let training = qa::training_for(m, viewer.id, day)
                .into_iter()
                .filter_map(|id| {
                    let item = m.qa.items.get(&id)?;
                    Some((id, item.text.clone(), item.due, item.owner == viewer.id))
                })
                .collect();
            QualityToday {
                to_answer: qa::to_answer(m, viewer.id).len(),
                disputes: qa::open_disputes(m, viewer).len(),
                plans: qa::plans_to_acknowledge(m, viewer).len(),
                training,
                warning: qa::report_warning(m, viewer, now),
            }
        })
    });
    move || {
        if today.with(QualityToday::is_empty) {
            return None;
        }
        let t = today.get();
        let lines: Vec<(&'static str, Key, usize)> = [
            ("/quality", Key::QaTodayToAnswer, t.to_answer),
            ("/quality", Key::QaTodayDisputes, t.disputes),
            ("/quality/week", Key::QaTodayPlans, t.plans),
        ]
        .into_iter()
        .filter(|(_, _, n)| *n > 0)
        .collect();
        Some(view! {
            <section aria-labelledby="quality-today-h">
                <h2 id="quality-today-h">{move || ctx.tr(Key::NavQuality)}</h2>
                {t.warning.map(|w| view! {
                    <p class="banner warn" role="status">
                        {move || ctx.tr(if w.overdue { Key::QaReportOverdue } else { Key::QaReportDue })}
                        " "<A href="/quality/month">{move || ctx.tr(Key::QaIssueReport)}</A>
                    </p>
                })}
                {(!lines.is_empty()).then(|| view! {
                    <ul class="cards">
                        {lines.into_iter().map(|(href, key, n)| view! {
                            <li class="card item"><A href=href>{move || format!("{} ({n})", ctx.tr(key))}</A></li>
                        }).collect_view()}
                    </ul>
                })}
                {(!t.training.is_empty()).then(|| view! {
                    <h3 id="quality-training-h">{move || ctx.tr(Key::QaTodayTraining)}</h3>
                    <ul class="cards" aria-labelledby="quality-training-h">
                        {t.training.into_iter().map(|(_, text, due, runs)| view! {
                            <li class="card item">
                                <A href="/quality/week">{text}</A>
                                <span class="meta">
                                    {move || format!("{} {}", ctx.tr(Key::QaTodayDue), fmt_date(ctx.lang.get(), due))}
                                    {move || runs.then(|| format!(" · {}", ctx.tr(Key::QaTodayRuns)))}
                                </span>
                            </li>
                        }).collect_view()}
                    </ul>
                })}
            </section>
        })
    }
}
