//! R-CMP-06: the registration form and the handling record, each one A4
//! page on paper (style/main.css `.print-doc` and `@page`); the screen
//! shows the same page with a Print button, and print hides the shell.

use crate::domain::complaint::{self, ComplaintView};
use crate::ui::kit::route::route_id;
use crate::ui::kit::signature::SignatureImage;
use crate::ui::kit::widgets::person;
use crate::ui::kit::widgets::{fmt_date, fmt_datetime};
use crate::ui::shell::state::{use_ctx, Ctx};
use crate::ui::words::complaint_labels::{acceptance_label, cause_label, severity_label};
use crate::ui::words::{channel_label, Key};
use leptos::prelude::*;

fn load(ctx: Ctx) -> Option<ComplaintView> {
    let id = route_id().get_untracked()?;
    ctx.model.with_untracked(|m| complaint::history(m, id).ok())
}

fn print_button(ctx: Ctx) -> impl IntoView {
    view! {
        <div class="actions no-print">
            <button type="button" class="primary" on:click=|_| {
                if let Some(w) = web_sys::window() { let _ = w.print(); }
            }>{move || ctx.tr(Key::PrintNow)}</button>
        </div>
    }
}

fn org_name(ctx: Ctx) -> String {
    ctx.model
        .with_untracked(|m| m.org.as_ref().map(|o| o.name.clone()))
        .unwrap_or_default()
}

fn customer_line(ctx: Ctx, v: &ComplaintView) -> (String, String) {
    ctx.model.with_untracked(|m| {
        v.complaint
            .customer
            .and_then(|id| m.customers.get(&id))
            .map(|c| (c.name.clone(), c.phones.join(", ")))
            .unwrap_or_default()
    })
}

#[component]
pub fn PrintRegistrationPage() -> impl IntoView {
    let ctx = use_ctx();
    let Some(v) = load(ctx) else {
        return view! { <section class="page"><h1>{move || ctx.tr(Key::NotFound)}</h1></section> }
            .into_any();
    };
    let lang = ctx.lang.get_untracked();
    let c = v.complaint.clone();
    let (name, phones) = customer_line(ctx, &v);
    view! {
        <section class="page">
            {print_button(ctx)}
            <article class="print-doc card">
                <p>{org_name(ctx)}</p>
                <h1>{move || ctx.tr(Key::PrintRegistrationDoc)}</h1>
                <table>
                    <tr><th>"Nº"</th><td><code>{c.id.to_string()}</code></td></tr>
                    <tr><th>{move || ctx.tr(Key::ReceivedLabel)}</th><td>{fmt_datetime(lang, c.received_at)}</td></tr>
                    <tr><th>{move || ctx.tr(Key::Channel)}</th><td>{channel_label(lang, c.channel)}</td></tr>
                    <tr><th>{move || ctx.tr(Key::Complainant)}</th><td>{name}</td></tr>
                    <tr><th>{move || ctx.tr(Key::Phones)}</th><td>{phones}</td></tr>
                    <tr><th>{move || ctx.tr(Key::ComplaintContent)}</th><td>{c.content.clone()}</td></tr>
                    <tr><th>{move || ctx.tr(Key::CustomerAsks)}</th><td>{c.asks.clone()}</td></tr>
                    <tr><th>{move || ctx.tr(Key::AssigneeLabel)}</th><td>{person(ctx, c.owner)}</td></tr>
                    <tr><th>{move || ctx.tr(Key::CustomerSignature)}</th><td style="height: 4rem"></td></tr>
                </table>
            </article>
        </section>
    }
    .into_any()
}

#[component]
pub fn PrintRecordPage() -> impl IntoView {
    let ctx = use_ctx();
    let Some(v) = load(ctx) else {
        return view! { <section class="page"><h1>{move || ctx.tr(Key::NotFound)}</h1></section> }
            .into_any();
    };
    let lang = ctx.lang.get_untracked();
    let c = v.complaint.clone();
    let (name, _) = customer_line(ctx, &v);
    let judgement = v.judgement.as_ref().map(|j| {
        let j = &j.value;
        if j.founded {
            format!(
                "{} · {} · {} · {}",
                ctx.tr_now(Key::FoundedYes),
                j.department,
                severity_label(lang, j.severity),
                j.deadline.map(|d| fmt_date(lang, d)).unwrap_or_default()
            )
        } else {
            ctx.tr_now(Key::FoundedNo).to_string()
        }
    });
    let investigation = v.investigation.as_ref().map(|i| {
        format!(
            "{}: {} ({})",
            cause_label(lang, i.value.cause),
            i.value.cause_text,
            i.value.responsible
        )
    });
    let chosen = v
        .chosen
        .as_ref()
        .and_then(|c| v.plan(c.value))
        .map(|p| p.value.proposal.clone());
    let implementation = v.implementation.as_ref().map(|i| i.value.clone());
    let evaluation = v.evaluation.as_ref().map(|e| e.value.improvements.clone());
    let reply = v.reply.as_ref().map(|r| r.value.clone());
    let visit = ctx.model.with_untracked(|m| {
        m.visits
            .values()
            .find(|x| x.complaint == Some(c.id))
            .map(|x| x.due)
    });
    let row = move |label: Key, value: Option<String>| {
        view! { <tr><th>{move || ctx.tr(label)}</th><td>{value.unwrap_or_else(|| "—".into())}</td></tr> }
    };
    view! {
        <section class="page">
            {print_button(ctx)}
            <article class="print-doc card">
                <p>{org_name(ctx)}</p>
                <h1>{move || ctx.tr(Key::PrintRecordDoc)}</h1>
                <table>
                    <tr><th>"Nº"</th><td><code>{c.id.to_string()}</code></td></tr>
                    {row(Key::Complainant, Some(name))}
                    {row(Key::ReceivedLabel, Some(fmt_datetime(lang, c.received_at)))}
                    {row(Key::ComplaintContent, Some(c.content.clone()))}
                    {row(Key::CustomerAsks, Some(c.asks.clone()))}
                    {row(Key::JudgeTitle, judgement)}
                    {reply.is_some().then(|| row(Key::ReplyLabel, reply.clone()))}
                    {row(Key::InvestigateTitle, investigation)}
                    {row(Key::ChosenPlan, chosen)}
                    {row(Key::WhatWasDone, implementation.as_ref().map(|i| i.done.clone()))}
                    {row(Key::CustomerAcceptance, implementation.as_ref().map(|i| acceptance_label(lang, i.acceptance).to_string()))}
                    <tr><th>{move || ctx.tr(Key::CustomerSignature)}</th><td>
                        {implementation.as_ref().map(|i| i.customer_words.clone()).filter(|w| !w.is_empty()).map(|w| view! { <p>"«" {w} "»"</p> })}
                        {implementation.as_ref().map(|i| i.signature.clone()).filter(|s| !s.is_empty()).map(|s| view! { <SignatureImage path=s/> })}
                    </td></tr>
                    {row(Key::Sanctions, implementation.as_ref().map(|i| i.sanctions.clone()).filter(|s| !s.is_empty()))}
                    {row(Key::Improvements, evaluation)}
                    {row(Key::ClosedOnLabel, v.closed_at.map(|at| fmt_datetime(lang, at)))}
                    {row(Key::ReturnVisitDue, visit.map(|d| fmt_date(lang, d)))}
                </table>
            </article>
        </section>
    }
    .into_any()
}
