//! Audits of the departments (R-STD-03): a department director or higher
//! records an audit of a department on a date, then its findings (severity
//! and evidence) and improvement actions (owner, due date) on the audit's
//! card (`audits/card.rs`); the owner marks an action done, the auditor
//! verifies it or sends it back with a note (`audits/action.rs`). Every
//! step is a record of its own, so a tablet with no network adds them
//! beside another device's.

mod action;
mod card;

use super::may_set;
use super::nav::StandardsNav;
use crate::domain::base::order;
use crate::domain::standards::{act, AuditDraft};
use crate::sync::RecordId;
use crate::ui::kit::time::today;
use crate::ui::kit::widgets::{parse_date, Empty, TextArea};
use crate::ui::shell::state::use_ctx;
use crate::ui::words::Key;
use leptos::prelude::*;

/// Audits listed at most (newest first).
const MAX_AUDITS: usize = 100;

#[component]
pub fn AuditsPage() -> impl IntoView {
    let ctx = use_ctx();
    let director = may_set(ctx);
    let filter = RwSignal::new(String::new());
    let depts = Memo::new(move |_| {
        ctx.model.with(|m| {
            m.standards
                .departments_by_name()
                .into_iter()
                .map(|d| (d.id, d.name.clone(), d.active))
                .collect::<Vec<_>>()
        })
    });
    let audits = Memo::new(move |_| {
        let only = filter.get().parse::<RecordId>().ok();
        ctx.model.with(|m| {
            let mut v: Vec<_> = m
                .standards
                .audits
                .values()
                .filter(|a| only.is_none_or(|d| a.department == d))
                .map(|a| (a.date, a.id))
                .collect();
            order::sort_by(&mut v, |a, b| b.cmp(a));
            v.truncate(MAX_AUDITS);
            v.into_iter().map(|(_, id)| id).collect::<Vec<_>>()
        })
    });
    crate::ui::kit::anchor::land_after_render();
    view! {
        <section class="page std-page">
            <h1>{move || ctx.tr(Key::StdAudits)}</h1>
            <StandardsNav/>
            <p class="lead">{move || ctx.tr(Key::StdAuditsLead)}</p>
            <Show when=move || director.get() fallback=move || view! {
                <p class="hint">{move || ctx.tr(Key::StdAuditsReadOnly)}</p>
            }>
                <NewAudit depts/>
            </Show>
            <section aria-labelledby="std-audits-h">
                <h2 id="std-audits-h">{move || ctx.tr(Key::StdAuditList)}
                    <span class="count">{move || audits.with(Vec::len)}</span></h2>
                <Show when=move || depts.with(|d| d.len() > 1)>
                    <div class="field std-filter">
                        <label for="std-audit-filter">{move || ctx.tr(Key::StdShowDept)}</label>
                        <select id="std-audit-filter" on:change=move |ev| filter.set(event_target_value(&ev)) prop:value=move || filter.get()>
                            <option value="">{move || ctx.tr(Key::StdAllDepts)}</option>
                            {move || depts.get().into_iter().map(|(id, n, _)| view! { <option value=id.to_string()>{n}</option> }).collect_view()}
                        </select>
                    </div>
                </Show>
                <Show when=move || audits.with(|a| !a.is_empty()) fallback=move || view! {
                    <Empty text=if director.get() && depts.with(|d| d.iter().any(|(_, _, a)| *a)) { Key::StdNoAuditsDirector } else { Key::StdNoAudits }/>
                }>
                    <For each=move || audits.get() key=|id| *id let:id>
                        <card::AuditCard id director/>
                    </For>
                </Show>
            </section>
        </section>
    }
}

/// Records an audit: the department, the day, a summary.
#[component]
fn NewAudit(depts: Memo<Vec<(RecordId, String, bool)>>) -> impl IntoView {
    let ctx = use_ctx();
    let dept = RwSignal::new(String::new());
    let date = RwSignal::new(today(ctx).format("%Y-%m-%d").to_string());
    let summary = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Ok(department) = dept.get_untracked().parse::<RecordId>() else {
            return error.set(Some(ctx.tr_now(Key::StdChooseDept).into()));
        };
        let Some(day) = parse_date(&date.get_untracked()) else {
            return error.set(Some(ctx.tr_now(Key::StdErrAuditDate).into()));
        };
        let draft = AuditDraft {
            department,
            date: day,
            summary: summary.get_untracked(),
        };
        let id = ctx.new_id();
        ctx.act(
            error,
            Key::StdAuditSaved,
            move |m, a, now| act::record_audit(m, a, &draft, id, now),
            move || summary.set(String::new()),
        );
    };
    let has_depts = move || depts.with(|d| d.iter().any(|(_, _, active)| *active));
    view! {
        <Show when=has_depts fallback=move || view! {
            <Empty text=Key::StdAuditNeedsDept>
                <p><leptos_router::components::A href="/standards">{move || ctx.tr(Key::StdBackToStandards)}</leptos_router::components::A></p>
            </Empty>
        }>
            <form class="card std-new-audit" on:submit=save novalidate aria-labelledby="std-new-audit-h">
                <h2 id="std-new-audit-h">{move || ctx.tr(Key::StdNewAudit)}</h2>
                <div class="grid2">
                    <div class="field">
                        <label for="std-audit-dept">{move || ctx.tr(Key::StdAuditDept)}</label>
                        <select id="std-audit-dept" on:change=move |ev| dept.set(event_target_value(&ev)) prop:value=move || dept.get()>
                            <option value="">{move || ctx.tr(Key::StdChooseDeptOption)}</option>
                            {move || depts.get().into_iter().filter(|(_, _, a)| *a).map(|(id, n, _)| view! { <option value=id.to_string()>{n}</option> }).collect_view()}
                        </select>
                    </div>
                    <div class="field">
                        <label for="std-audit-date">{move || ctx.tr(Key::StdAuditDate)}</label>
                        <input id="std-audit-date" type="date" bind:value=date/>
                    </div>
                </div>
                <TextArea id="std-audit-summary" label=Key::StdAuditSummary value=summary/>
                <p class="error" role="alert">{move || error.get().map(crate::ui::kit::rules::rule_links)}</p>
                <button type="submit" class="primary">{move || ctx.tr(Key::StdSaveAudit)}</button>
            </form>
        </Show>
    }
}
