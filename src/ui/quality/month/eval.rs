//! The month's best / worst evaluation (R-QA-04): the weights and the
//! minimum the department director set (edited at /quality/setup), the
//! best and the worst, and each person's breakdown: quality, attendance
//! and workload with their weights, the combined score, and for those not
//! ranked, why. The figures are the domain's (`qa::evaluation`,
//! `qa::best_and_worst`).

use super::Rated;
use crate::domain::qa::{self, Evaluation, QaSettings};
use crate::domain::Lang;
use crate::ui::kit::widgets::{fmt_count, Empty};
use crate::ui::words::{t, total_text, Key};
use leptos::prelude::*;
use leptos_router::components::A;

/// Why a person is not ranked, in words (None: ranked).
pub(super) fn not_ranked(lang: Lang, e: &Evaluation, s: &QaSettings) -> Option<String> {
    if e.ranked {
        return None;
    }
    Some(if (e.reviews as u64) < u64::from(s.min_reviews_to_rank) {
        t(lang, Key::QaMoNotRankedFew)
            .replace("{r}", &e.reviews.to_string())
            .replace("{n}", &s.min_reviews_to_rank.to_string())
    } else {
        t(lang, Key::QaMoNotRankedNoTotal).to_string()
    })
}

/// "72,5 · peso 50", or "sin datos, no cuenta" (no data, or weight 0).
fn part(lang: Lang, value: Option<u32>, weight: u32) -> String {
    match value.filter(|_| weight > 0) {
        Some(v) => format!(
            "{} · {}",
            total_text(lang, v),
            t(lang, Key::QaMoWeightN).replace("{w}", &weight.to_string())
        ),
        None => t(lang, Key::QaMoLeftOut).to_string(),
    }
}

#[component]
pub(super) fn Evaluations(
    rated: Rated,
    settings: QaSettings,
    issued: bool,
    lang: Lang,
) -> impl IntoView {
    let s = settings;
    let weights = t(lang, Key::QaMoWeights)
        .replace("{q}", &s.weight_quality.to_string())
        .replace("{a}", &s.weight_attendance.to_string())
        .replace("{w}", &s.weight_workload.to_string())
        .replace("{n}", &s.min_reviews_to_rank.to_string());
    let evals: Vec<Evaluation> = rated.iter().map(|(_, e)| e.clone()).collect();
    let name = |id| {
        rated
            .iter()
            .find(|(_, e)| e.person == id)
            .map(|(n, e)| (n.clone(), e.score))
    };
    let podium = qa::best_and_worst(&evals).and_then(|(b, w)| Some((name(b)?, name(w)?)));
    let score = move |v: Option<u32>| v.map_or_else(|| "—".to_string(), |v| total_text(lang, v));
    let mut rank = 0usize;
    let people = rated
        .into_iter()
        .map(|(name, e)| {
            let place = e.ranked.then(|| {
                rank = rank.saturating_add(1);
                rank
            });
            let why = not_ranked(lang, &e, &s);
            let unranked = why.is_some();
            let kept = e.shifts.saturating_sub(e.violations);
            view! {
                <li class="card item qa-person" class:unranked=unranked>
                    <p class="qa-person-head">
                        <strong>{place.map(|p| format!("{p}. "))}{name}</strong>
                        <span class="qa-score">{t(lang, Key::QaMoScore)} ": " <strong>{score(e.score.filter(|_| e.ranked))}</strong></span>
                    </p>
                    <dl class="qa-breakdown">
                        <dt>{t(lang, Key::QaMoQuality)}</dt>
                        <dd>{part(lang, e.quality, s.weight_quality)}
                            <span class="meta block">{t(lang, Key::QaMoReviewsN).replace("{n}", &fmt_count(lang, e.reviews))}</span></dd>
                        <dt>{t(lang, Key::QaMoAttendance)}</dt>
                        <dd>{part(lang, e.attendance, s.weight_attendance)}
                            <span class="meta block">{t(lang, Key::QaMoShiftsN).replace("{ok}", &fmt_count(lang, kept)).replace("{n}", &fmt_count(lang, e.shifts))}</span></dd>
                        <dt>{t(lang, Key::QaMoWorkload)}</dt>
                        <dd>{part(lang, e.workload, s.weight_workload)}
                            <span class="meta block">{t(lang, Key::QaMoContactsN).replace("{n}", &fmt_count(lang, e.contacts))}</span></dd>
                    </dl>
                    {why.map(|w| view! { <p class="meta">{w}</p> })}
                </li>
            }
        })
        .collect_view();
    let empty = evals.is_empty();
    view! {
        <section class="qa-eval" aria-labelledby="qa-eval-h">
            <h2 id="qa-eval-h">{t(lang, Key::QaMoEval)}</h2>
            <p class="hint">{t(lang, Key::QaMoEvalLead)}</p>
            <p>{weights} <span class="no-print">" "<A href="/quality/setup">{t(lang, Key::QaMoSettingsLink)}</A></span></p>
            {issued.then(|| view! { <p class="hint">{t(lang, Key::QaMoEvalNow)}</p> })}
            {match podium {
                Some(((best, bs), (worst, ws))) => view! {
                    <ul class="qa-podium" aria-label=t(lang, Key::QaMoPodium)>
                        <li class="card qa-best"><span class="meta">{t(lang, Key::QaMoBest)}</span>
                            <strong>{best}</strong><span>{t(lang, Key::QaMoScore)} ": " {score(bs)}</span></li>
                        <li class="card qa-worst"><span class="meta">{t(lang, Key::QaMoWorst)}</span>
                            <strong>{worst}</strong><span>{t(lang, Key::QaMoScore)} ": " {score(ws)}</span></li>
                    </ul>
                }.into_any(),
                None => (!empty).then(|| view! { <p class="hint">{t(lang, Key::QaMoNoBestWorst)}</p> }).into_any(),
            }}
            {empty.then(|| view! { <Empty text=Key::QaNoAgents/> })}
            {(!empty).then(|| view! {
                <ul class="cards qa-people" aria-labelledby="qa-eval-h">{people}</ul>
            })}
        </section>
    }
}
