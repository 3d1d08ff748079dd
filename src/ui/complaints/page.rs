//! One complaint: its registration, where it stands, the form of the next
//! stage, conflicts from offline devices for a director to settle, reopen,
//! the full timeline, its return visit once closed, and printing.

use super::forms::{NextStageForm, RegistrationForm, ReopenForm};
use crate::domain::complaint::{self, ComplaintView, Conflict, EventData, Stage};
use crate::domain::Lang;
use crate::store::platform;
use crate::sync::RecordId;
use crate::ui::kit::route::route_id;
use crate::ui::kit::widgets::{fmt_date, fmt_datetime, person};
use crate::ui::shell::state::{use_ctx, Ctx};
use crate::ui::words::complaint_labels::{
    acceptance_label, cause_label, severity_label, stage_label,
};
use crate::ui::words::{channel_label, t, Key};
use leptos::prelude::*;
use leptos_router::components::A;

/// One line saying what a step did, for the timeline.
pub(super) fn describe(ctx: Ctx, lang: Lang, view: &ComplaintView, data: &EventData) -> String {
    match data {
        EventData::Judged(j) if j.founded => format!(
            "{} · {} · {} · {}",
            ctx.tr_now(Key::FoundedYes),
            j.department,
            severity_label(lang, j.severity),
            j.deadline.map(|d| fmt_date(lang, d)).unwrap_or_default()
        ),
        EventData::Judged(_) => ctx.tr_now(Key::FoundedNo).into(),
        EventData::Investigated(i) => {
            format!(
                "{}: {} ({})",
                cause_label(lang, i.cause),
                i.cause_text,
                i.responsible
            )
        }
        EventData::PlanProposed(p) => p.proposal.clone(),
        EventData::PlanChosen { plan } => view
            .plan(*plan)
            .map(|p| p.value.proposal.clone())
            .unwrap_or_default(),
        EventData::Implemented(i) => {
            format!("{} · {}", i.done, acceptance_label(lang, i.acceptance))
        }
        EventData::Evaluated(e) => e.improvements.clone(),
        EventData::ReplyRecorded { reply } => reply.clone(),
        EventData::Reopened { from, reason } => format!(
            "{} ← {}: {reason}",
            stage_label(lang, *from),
            t(lang, Key::TimelineReopenedNote)
        ),
        EventData::Resolved { .. } => t(lang, Key::TimelineResolvedNote).into(),
        EventData::Unknown => t(lang, Key::TimelineNewerStep).into(),
    }
}

pub(super) fn event_title(lang: Lang, data: &EventData) -> &'static str {
    match data {
        EventData::Judged(_) => stage_label(lang, Stage::Judged),
        EventData::Investigated(_) => stage_label(lang, Stage::Investigated),
        EventData::PlanProposed(_) => t(lang, Key::TimelinePlanProposed),
        EventData::PlanChosen { .. } => stage_label(lang, Stage::PlanChosen),
        EventData::Implemented(_) => stage_label(lang, Stage::Implemented),
        EventData::Evaluated(_) => stage_label(lang, Stage::Evaluated),
        EventData::ReplyRecorded { .. } => t(lang, Key::TimelineReply),
        EventData::Reopened { .. } => t(lang, Key::TimelineReopened),
        EventData::Resolved { .. } => t(lang, Key::TimelineResolution),
        EventData::Unknown => "?",
    }
}

#[component]
pub fn ComplaintPage() -> impl IntoView {
    let ctx = use_ctx();
    let id = route_id();
    let view_of = Memo::new(move |_| {
        let id = id.get()?;
        ctx.model.with(|m| complaint::history(m, id).ok())
    });
    move || match view_of.get() {
        None => view! {
            <section class="page"><h1>{move || ctx.tr(Key::NotFound)}</h1>
            <p><A href="/complaints">{move || ctx.tr(Key::NavComplaints)}</A></p></section>
        }
        .into_any(),
        Some(v) => view! { <ComplaintDetail view=v/> }.into_any(),
    }
}

#[component]
fn ComplaintDetail(view: ComplaintView) -> impl IntoView {
    let ctx = use_ctx();
    let c = view.complaint.clone();
    let id = c.id;
    let lang = ctx.lang.get_untracked();
    let customer_name = ctx.model.with_untracked(|m| {
        c.customer
            .and_then(|id| m.customers.get(&id))
            .map(|c| c.name.clone())
            .unwrap_or_default()
    });
    let now = platform::now();
    let zone = crate::ui::kit::time::zone(ctx);
    let overdue = view.is_overdue(now, zone);
    let visit = ctx.model.with_untracked(|m| {
        m.visits
            .values()
            .find(|v| v.complaint == Some(id))
            .map(|v| v.due)
    });
    let stage_text = if view.closed {
        ctx.tr_now(Key::ClosedBadge).to_string()
    } else {
        stage_label(lang, view.stage).to_string()
    };
    let timeline = view.timeline.clone();
    let conflicts = view.conflicts.clone();
    let next = view.next_stage();
    let can_reopen = complaint::reopen_allowed(&view).is_ok();
    let v_for_timeline = view.clone();
    let v_for_conflicts = view.clone();
    let v_for_form = view.clone();
    view! {
        <section class="page">
            <p class="crumbs"><A href="/complaints">{move || ctx.tr(Key::NavComplaints)}</A></p>
            <h1>{move || ctx.tr(Key::ComplaintOf)} " " {customer_name.clone()}</h1>
            <p class="meta">
                <span class="badge">{stage_text}</span>
                {view.severity().map(|s| view! { <span class="badge" class:bad=s == complaint::Severity::Serious>{severity_label(lang, s)}</span> })}
                {overdue.then(|| view! { <span class="badge bad">{move || ctx.tr(Key::OverdueBadge)}</span> })}
            </p>
            <div class="actions no-print">
                <A href=format!("/complaints/{id}/print/registration") attr:class="button">{move || ctx.tr(Key::PrintRegistration)}</A>
                <A href=format!("/complaints/{id}/print/record") attr:class="button">{move || ctx.tr(Key::PrintRecord)}</A>
            </div>

            <div class="card">
                <h2>{move || ctx.tr(Key::RegistrationTitle)}</h2>
                <dl class="facts">
                    <dt>{move || ctx.tr(Key::ReceivedLabel)}</dt><dd>{fmt_datetime(lang, c.received_at)}</dd>
                    <dt>{move || ctx.tr(Key::Channel)}</dt><dd>{channel_label(lang, c.channel)}</dd>
                    <dt>{move || ctx.tr(Key::ComplaintContent)}</dt><dd>{c.content.clone()}</dd>
                    <dt>{move || ctx.tr(Key::CustomerAsks)}</dt><dd>{if c.asks.is_empty() { "—".to_string() } else { c.asks.clone() }}</dd>
                    <dt>{move || ctx.tr(Key::AssigneeLabel)}</dt><dd>{person(ctx, c.owner)}</dd>
                    {view.deadline_at(zone).is_some().then(|| view! {
                        <dt>{move || ctx.tr(Key::DeadlineLabel)}</dt>
                        <dd>{view.judgement.as_ref().and_then(|j| j.value.deadline).map(|d| fmt_date(lang, d))}</dd>
                    })}
                    {view.closed_at.map(|at| view! { <dt>{move || ctx.tr(Key::ClosedOnLabel)}</dt><dd>{fmt_datetime(lang, at)}</dd> })}
                    {visit.map(|due| view! { <dt>{move || ctx.tr(Key::ReturnVisitDue)}</dt><dd>{fmt_date(lang, due)}</dd> })}
                </dl>
                {(!c.contacts.is_empty()).then(|| view! {
                    <p>{move || ctx.tr(Key::OriginContacts)} ": "
                        {c.contacts.iter().map(|cid| view! { <A href=format!("/contacts/{cid}")>{move || ctx.tr(Key::Contact)}</A> " " }).collect_view()}
                    </p>
                })}
                {(view.stage == Stage::Accepted && !view.closed).then(|| view! { <RegistrationForm complaint=c.clone()/> })}
            </div>

            {(!conflicts.is_empty()).then(|| view! { <ConflictsCard view=v_for_conflicts conflicts=conflicts/> })}

            {match next {
                Some(stage) => view! { <NextStageForm view=v_for_form stage=stage/> }.into_any(),
                None => view! { <div class="card"><p><strong>{move || ctx.tr(Key::ClosedComplaint)}</strong></p></div> }.into_any(),
            }}

            {can_reopen.then(|| view! { <ReopenForm complaint=id/> })}

            <div class="card">
                <h2 id="cmp-timeline">{move || ctx.tr(Key::ComplaintTimeline)}</h2>
                <ol class="timeline" aria-labelledby="cmp-timeline">
                    <li>
                        <strong>{stage_label(lang, Stage::Accepted)}</strong>" · " {fmt_datetime(lang, c.received_at)} " · " {person(ctx, c.audit.created_by)}
                    </li>
                    {timeline.into_iter().map(|t| {
                        let text = describe(ctx, lang, &v_for_timeline, &t.event.data);
                        view! {
                            <li class:overruled=t.overruled>
                                <strong>{event_title(lang, &t.event.data)}</strong>
                                " · " {fmt_datetime(lang, t.event.at)} " · " {person(ctx, t.event.by)}
                                {t.overruled.then(|| view! { " · " <em>{move || ctx.tr(Key::Overruled)}</em> })}
                                <br/>{text}
                            </li>
                        }
                    }).collect_view()}
                </ol>
            </div>
        </section>
    }
}

/// Conflicting steps: a director keeps one, or sets them all aside.
#[component]
fn ConflictsCard(view: ComplaintView, conflicts: Vec<Conflict>) -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang.get_untracked();
    let error = RwSignal::new(None::<String>);
    let complaint_id = view.complaint.id;
    let resolve = move |conflict: Conflict, keep: Option<RecordId>| {
        let id = ctx.new_id();
        ctx.act(
            error,
            Key::StepSaved,
            move |m, actor, now| {
                complaint::resolve_conflict(m, actor, complaint_id, &conflict, keep, id, now)
            },
            || {},
        );
    };
    let events = view.timeline.clone();
    view! {
        <div class="card warn" role="region" aria-labelledby="cmp-conflicts">
            <h2 id="cmp-conflicts">{move || ctx.tr(Key::StepConflicts)}</h2>
            <p>{move || ctx.tr(Key::StepConflictsExplain)}</p>
            {conflicts.into_iter().map(|conflict| {
                let rows = conflict.events.iter().filter_map(|eid| events.iter().find(|t| t.event.id == *eid)).map(|t| {
                    let (c2, keep) = (conflict.clone(), t.event.id);
                    view! {
                        <li>
                            <strong>{event_title(lang, &t.event.data)}</strong> " · " {person(ctx, t.event.by)} " · " {fmt_datetime(lang, t.event.at)}
                            <br/>{describe(ctx, lang, &view, &t.event.data)}
                            <div class="actions"><button type="button" on:click=move |_| resolve(c2.clone(), Some(keep))>{move || ctx.tr(Key::KeepThis)}</button></div>
                        </li>
                    }
                }).collect_view();
                let c3 = conflict.clone();
                view! {
                    <ul class="cards">{rows}</ul>
                    <div class="actions"><button type="button" class="link" on:click=move |_| resolve(c3.clone(), None)>{move || ctx.tr(Key::DiscardAll)}</button></div>
                }
            }).collect_view()}
            <p class="error" role="alert">{move || error.get().map(crate::ui::kit::rules::rule_links)}</p>
        </div>
    }
}
