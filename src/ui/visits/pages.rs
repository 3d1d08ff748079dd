//! Campaigns (team leaders create them for a segment), the summary and
//! member coverage for any period (R-RV-02, R-RV-07) with a CSV download,
//! and the call scripts in each language (R-RV-05).

use crate::domain::visits::{self, CampaignDraft, CampaignReason, ScriptDraft};
use crate::domain::Lang;
use crate::ui::kit::chart::BarChart;
use crate::ui::kit::options::code_options;
use crate::ui::kit::widgets::{
    download_text, fmt_date, parse_date, Empty, SelectField, TextArea, TextField,
};
use crate::ui::shell::state::use_ctx;
use crate::ui::words::dates::lang_name;
use crate::ui::words::visit_labels::{campaign_label, outcome_label};
use crate::ui::words::Key;
use crate::ui::words::RefusalWords;
use chrono::Datelike;
use leptos::prelude::*;

fn pct(rate: Option<f64>) -> String {
    rate.map(|r| format!("{:.0} %", r * 100.0))
        .unwrap_or_else(|| "—".into())
}

#[component]
pub fn CampaignsPage() -> impl IntoView {
    let ctx = use_ctx();
    let name = RwSignal::new(String::new());
    let reason = RwSignal::new(CampaignReason::Promotion.code().to_string());
    let tag = RwSignal::new(String::new());
    let today = crate::ui::kit::time::today(ctx);
    let starts = RwSignal::new(today.format("%Y-%m-%d").to_string());
    let ends = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let draft = CampaignDraft {
            name: name.get_untracked(),
            reason: CampaignReason::from_code(&reason.get_untracked())
                .unwrap_or(CampaignReason::Promotion),
            tag: tag.get_untracked(),
            customer_kind: None,
            starts: starts.get_untracked(),
            ends: ends.get_untracked(),
        };
        let id = ctx.new_id();
        ctx.act(
            error,
            Key::CampaignCreated,
            move |m, actor, now| visits::act::save_campaign(m, actor, None, draft, id, now),
            move || {
                name.set(String::new());
                super::ensure_due(ctx);
            },
        );
    };
    let list = Memo::new(move |_| {
        ctx.model
            .with(|m| m.rv.campaigns.values().cloned().collect::<Vec<_>>())
    });
    view! {
        <section class="page">
            <h1>{move || ctx.tr(Key::CampaignsTitle)}</h1>
            <form class="card" on:submit=submit novalidate>
                <h2>{move || ctx.tr(Key::NewCampaign)}</h2>
                <TextField id="cp-name" label=Key::CampaignName value=name required=true/>
                <div class="grid2">
                    <SelectField id="cp-reason" label=Key::CampaignReasonLabel value=reason options=code_options(None, CampaignReason::ALL, CampaignReason::code, campaign_label)/>
                    <TextField id="cp-tag" label=Key::SegmentTag value=tag/>
                    <TextField id="cp-starts" label=Key::StartsOn value=starts kind="date" required=true/>
                    <TextField id="cp-ends" label=Key::EndsOn value=ends kind="date" required=true/>
                </div>
                <p class="error" role="alert">{move || error.get().map(crate::ui::kit::rules::rule_links)}</p>
                <button type="submit" class="primary">{move || ctx.tr(Key::CreateCampaign)}</button>
            </form>
            <Show when=move || list.with(|l| !l.is_empty()) fallback=|| view! { <Empty text=Key::NoCampaigns/> }>
                <ul class="cards">
                    {move || list.get().into_iter().map(|c| {
                        let lang = ctx.lang.get();
                        view! { <li class="card item"><strong>{c.name.clone()}</strong>
                            <p class="meta">{campaign_label(lang, c.reason)} " · #" {c.tag.clone()} " · " {fmt_date(lang, c.starts)} " – " {fmt_date(lang, c.ends)}</p></li> }
                    }).collect_view()}
                </ul>
            </Show>
        </section>
    }
}

#[component]
pub fn VisitSummaryPage() -> impl IntoView {
    let ctx = use_ctx();
    let today = crate::ui::kit::time::today(ctx);
    let first = today.with_day(1).unwrap_or(today);
    let from = RwSignal::new(first.format("%Y-%m-%d").to_string());
    let to = RwSignal::new(today.format("%Y-%m-%d").to_string());
    let data = Memo::new(move |_| {
        let (f, t) = (
            parse_date(&from.get()).unwrap_or(first),
            parse_date(&to.get()).unwrap_or(today),
        );
        ctx.model.with(|m| {
            (
                visits::summary(m, f, t, m.zone()),
                visits::coverage(m, f, t, m.zone()),
            )
        })
    });
    let csv = move |_| {
        if let (Ok(s), _) = data.get_untracked() {
            download_text(
                &format!("visitas-{}-{}.csv", s.from, s.to),
                &visits::summary_csv(&s),
                "text/csv",
            );
        }
    };
    view! {
        <section class="page">
            <h1>{move || ctx.tr(Key::SummaryTitle)}</h1>
            <div class="card grid2 no-print">
                <TextField id="vs-from" label=Key::FromDate value=from kind="date"/>
                <TextField id="vs-to" label=Key::ToDate value=to kind="date"/>
            </div>
            <div class="actions no-print">
                <button type="button" on:click=csv>{move || ctx.tr(Key::DownloadCsv)}</button>
                <button type="button" on:click=|_| { if let Some(w) = web_sys::window() { let _ = w.print(); } }>{move || ctx.tr(Key::PrintNow)}</button>
            </div>
            {move || {
                let lang = ctx.lang.get();
                let (summary, coverage) = data.get();
                let summary = match summary {
                    Err(e) => return view! { <p class="error" role="alert">{crate::ui::kit::rules::rule_links(e.message(lang))}</p> }.into_any(),
                    Ok(s) => s,
                };
                let names = |ids: &[crate::sync::RecordId]| ctx.model.with_untracked(|m| ids.iter().filter_map(|id| m.customers.get(id).map(|c| c.name.clone())).collect::<Vec<_>>());
                view! {
                    <div class="card">
                        <dl class="facts">
                            <dt>{ctx.tr(Key::VisitsDue)}</dt><dd>{summary.due}</dd>
                            <dt>{ctx.tr(Key::VisitsDone)}</dt><dd>{summary.done}</dd>
                            <dt>{ctx.tr(Key::CompletionRate)}</dt><dd>{pct(summary.completion_rate())}</dd>
                            <dt>{ctx.tr(Key::OnTimeRate)}</dt><dd>{pct(summary.on_time_rate())}</dd>
                        </dl>
                    </div>
                    {(summary.due == 0).then(|| view! { <Empty text=Key::NoVisitsInPeriod/> })}
                    {(summary.due > 0).then(|| view! {
                        <div class="card">
                            <h2>{ctx.tr(Key::OutcomeDistribution)}</h2>
                            <BarChart title=ctx.tr(Key::OutcomeDistribution).to_string()
                                bars=summary.outcomes.iter().map(|(o, n)| (outcome_label(lang, *o).to_string(), *n as f64)).collect()/>
                        </div>
                        <div class="card">
                            <h2>{ctx.tr(Key::TopSuggestions)}</h2>
                            <ul>{summary.top_words.iter().map(|(w, n)| view! { <li>{w.clone()} " (" {*n} ")"</li> }).collect_view()}</ul>
                            <ul>{summary.suggestions.iter().map(|s| view! { <li><strong>{s.name.clone()}</strong> ": " {s.words.clone()}</li> }).collect_view()}</ul>
                        </div>
                        <div class="card">
                            <h2>{ctx.tr(Key::DissatisfiedCustomers)}</h2>
                            <ul>{summary.dissatisfied.iter().map(|s| view! { <li><strong>{s.name.clone()}</strong> ": «" {s.words.clone()} "»"</li> }).collect_view()}</ul>
                        </div>
                    })}
                    {coverage.ok().map(|c| view! {
                        <div class="card">
                            <h2>{ctx.tr(Key::MemberCoverage)}</h2>
                            <p><strong>{pct(c.rate())}</strong> " (" {c.visited} " / " {c.members} ")"</p>
                            <h3>{ctx.tr(Key::MembersWithoutVisit)}</h3>
                            <ul>{names(&c.missing).into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul>
                        </div>
                    })}
                }.into_any()
            }}
        </section>
    }
}

#[component]
pub fn ScriptsPage() -> impl IntoView {
    let ctx = use_ctx();
    let lang = RwSignal::new(ctx.lang.get_untracked().code().to_string());
    let fields: [RwSignal<String>; 5] = std::array::from_fn(|_| RwSignal::new(String::new()));
    let load = move |code: &str| {
        let l = Lang::from_code(code).unwrap_or(Lang::Es);
        let s = ctx
            .model
            .with_untracked(|m| {
                m.rv.scripts
                    .values()
                    .find(|s| s.lang == l && s.reason.is_none())
                    .cloned()
            })
            .unwrap_or_else(|| visits::default_script(l));
        for (f, v) in fields.iter().zip([
            s.opening,
            s.question,
            s.satisfied,
            s.not_satisfied,
            s.closing,
        ]) {
            f.set(v);
        }
    };
    load(&lang.get_untracked());
    Effect::new(move |_| load(&lang.get()));
    let error = RwSignal::new(None::<String>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let l = Lang::from_code(&lang.get_untracked()).unwrap_or(Lang::Es);
        let [o, q, s, n, c] = fields.map(|f| f.get_untracked());
        let draft = ScriptDraft {
            lang: l,
            reason: None,
            opening: o,
            question: q,
            satisfied: s,
            not_satisfied: n,
            closing: c,
        };
        // The script this form edits: the language's general one, if any.
        let existing = ctx.model.with_untracked(|m| {
            m.rv.scripts
                .values()
                .find(|x| x.lang == l && x.reason.is_none())
                .map(|x| x.id)
        });
        let id = existing.unwrap_or_else(|| ctx.new_id());
        ctx.act(
            error,
            Key::ScriptSaved,
            move |m, actor, now| visits::act::save_script(m, actor, existing, draft, id, now),
            || {},
        );
    };
    let langs = vec![
        (
            "es".to_string(),
            Signal::derive(|| lang_name(Lang::Es).to_string()),
        ),
        (
            "en".to_string(),
            Signal::derive(|| lang_name(Lang::En).to_string()),
        ),
    ];
    let [opening, question, satisfied, not_satisfied, closing] = fields;
    view! {
        <section class="page">
            <h1>{move || ctx.tr(Key::ScriptsTitle)}</h1>
            <p class="lead">{move || ctx.tr(Key::ScriptsLead)}</p>
            <form class="card" on:submit=submit novalidate>
                <SelectField id="sc-lang" label=Key::Language value=lang options=langs/>
                <TextArea id="sc-opening" label=Key::Opening value=opening required=true/>
                <TextArea id="sc-question" label=Key::Question value=question required=true/>
                <TextArea id="sc-satisfied" label=Key::IfSatisfied value=satisfied required=true/>
                <TextArea id="sc-not" label=Key::IfNotSatisfied value=not_satisfied required=true/>
                <TextArea id="sc-closing" label=Key::Closing value=closing required=true/>
                <p class="error" role="alert">{move || error.get().map(crate::ui::kit::rules::rule_links)}</p>
                <button type="submit" class="primary">{move || ctx.tr(Key::SaveScript)}</button>
            </form>
        </section>
    }
}
