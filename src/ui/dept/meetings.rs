//! Meetings (R-OPS-04): handover, weekly and monthly; minutes; decisions
//! with an owner and a due date that land on the owner's Today.

use super::today::MyTasks;
use super::{
    default_team, leader_now, name_of, parse_date, parse_local, people_options, team_options,
    DeptNav, DynField,
};
use crate::domain::base::order;
use crate::domain::dept::act;
use crate::domain::dept::meeting::{self, MeetingDraft};
use crate::domain::dept::records::MeetingKind;
use crate::domain::Lang;
use crate::store::platform;
use crate::sync::RecordId;
use crate::ui::kit::widgets::{fmt_date, fmt_datetime, Empty, SelectField, TextArea, TextField};
use crate::ui::shell::state::use_ctx;
use crate::ui::words::Key;
use leptos::prelude::*;

fn kind_label(lang: Lang, k: MeetingKind) -> &'static str {
    crate::ui::words::t(
        lang,
        match k {
            MeetingKind::Handover => Key::DeptMeetingHandover,
            MeetingKind::Weekly => Key::DeptMeetingWeekly,
            MeetingKind::Monthly => Key::DeptMeetingMonthly,
        },
    )
}

#[component]
pub fn MeetingsPage() -> impl IntoView {
    let ctx = use_ctx();
    let warning = Memo::new(move |_| {
        let t = default_team(ctx);
        ctx.me.track();
        ctx.model
            .with(|m| meeting::monthly_meeting_warning(m, &t, platform::now()))
    });
    let tasks = Memo::new(move |_| {
        let me = ctx.me.get();
        ctx.model
            .with(|m| me.map(|me| meeting::tasks_for(m, me)).unwrap_or_default())
    });
    let list = Memo::new(move |_| {
        ctx.model.with(|m| {
            let mut v: Vec<_> = m
                .dept
                .meetings
                .values()
                .map(|x| (x.scheduled_at, x.id))
                .collect();
            order::sort_by(&mut v, |a, b| b.cmp(a));
            v.into_iter().map(|(_, id)| id).collect::<Vec<_>>()
        })
    });
    crate::ui::kit::anchor::land_after_render();
    view! {
        <section class="page">
            <h1>{move || ctx.tr(Key::DeptMeetings)}</h1>
            <DeptNav/>
            <p class="lead">{move || ctx.tr(Key::DeptMeetingsLead)}</p>
            {move || warning.get().map(|w| view! {
                <p class="banner warn" role="status">{move || format!("{} ({})",
                    ctx.tr(if w.overdue { Key::DeptMonthlyOverdue } else { Key::DeptMonthlyMissing }),
                    fmt_date(ctx.lang.get(), w.deadline))}</p>
            })}
            <MyTasks ids=Signal::derive(move || tasks.get())/>
            <Show when=move || leader_now(ctx)><Schedule/></Show>
            <h2 id="mt-list-h">{move || ctx.tr(Key::DeptMeetingList)}</h2>
            <Show when=move || !list.with(|l| l.is_empty()) fallback=|| view! { <Empty text=Key::DeptNoMeetings/> }>
                <ul class="cards" aria-labelledby="mt-list-h">
                    {move || list.get().into_iter().map(|id| view! { <MeetingCard id/> }).collect_view()}
                </ul>
            </Show>
        </section>
    }
}

#[component]
fn Schedule() -> impl IntoView {
    let ctx = use_ctx();
    let kind = RwSignal::new(MeetingKind::Weekly.code().to_string());
    let team = RwSignal::new(default_team(ctx));
    let when = RwSignal::new(String::new());
    let title = RwSignal::new(String::new());
    let agenda = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let submit_form = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(local) = parse_local(&when.get_untracked()) else {
            error.set(Some(ctx.tr_now(Key::DeptDateNeeded).into()));
            return;
        };
        let draft = MeetingDraft {
            kind: MeetingKind::from_code(&kind.get_untracked()).unwrap_or_default(),
            team: team.get_untracked(),
            scheduled_at: super::zone(ctx).to_utc(local),
            title: title.get_untracked(),
            agenda: agenda.get_untracked(),
        };
        let id = ctx.new_id();
        ctx.act(
            error,
            Key::DeptMeetingSaved,
            move |m, a, now| act::schedule_meeting(m, a, None, draft, id, now),
            move || {
                title.set(String::new());
                agenda.set(String::new());
            },
        );
    };
    let kinds = crate::ui::kit::options::code_options(
        None,
        MeetingKind::ALL,
        MeetingKind::code,
        kind_label,
    );
    view! {
        <form class="card" on:submit=submit_form novalidate>
            <h2>{move || ctx.tr(Key::DeptScheduleMeeting)}</h2>
            <div class="grid2">
                <SelectField id="mt-kind" label=Key::DeptMeetingKind value=kind options=kinds/>
                <SelectField id="mt-team" label=Key::Team value=team options=team_options(ctx, Some(Key::DeptWholeDepartment))/>
                <TextField id="mt-when" label=Key::DeptWhen value=when kind="datetime-local" required=true/>
                <TextField id="mt-title" label=Key::DeptTitle value=title required=true/>
            </div>
            <TextArea id="mt-agenda" label=Key::DeptAgenda value=agenda/>
            <p class="error" role="alert">{move || error.get().map(crate::ui::kit::rules::rule_links)}</p>
            <button type="submit" class="primary">{move || ctx.tr(Key::DeptScheduleMeeting)}</button>
        </form>
    }
}

#[component]
fn MeetingCard(id: RecordId) -> impl IntoView {
    let ctx = use_ctx();
    let minutes = RwSignal::new(ctx.model.with_untracked(|m| {
        m.dept
            .meetings
            .get(&id)
            .map(|x| x.minutes.clone())
            .unwrap_or_default()
    }));
    let text = RwSignal::new(String::new());
    let owner = RwSignal::new(
        ctx.me
            .get_untracked()
            .map(|i| i.to_string())
            .unwrap_or_default(),
    );
    let due = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let save_minutes = move |_| {
        let t = minutes.get_untracked();
        ctx.act(
            error,
            Key::DeptMinutesSaved,
            move |m, a, now| act::record_minutes(m, a, id, &t, now),
            || {},
        );
    };
    let add = move |_| {
        let (t, o, d, did) = (
            text.get_untracked(),
            owner.get_untracked().parse().ok(),
            parse_date(&due.get_untracked()),
            ctx.new_id(),
        );
        let (Some(o), Some(d)) = (o, d) else {
            error.set(Some(ctx.tr_now(Key::DeptOwnerAndDue).into()));
            return;
        };
        ctx.act(
            error,
            Key::DeptDecisionAdded,
            move |m, a, now| act::add_decision(m, a, id, &t, o, d, did, now),
            move || {
                text.set(String::new());
                due.set(String::new());
            },
        );
    };
    let leader = move || leader_now(ctx);
    move || {
        let lang = ctx.lang.get();
        ctx.model.with(|m| {
            let x = m.dept.meetings.get(&id)?.clone();
            let decisions: Vec<(String, String, String, bool)> = m.dept.decisions.values()
                .filter(|d| d.meeting == id)
                .map(|d| (d.text.clone(), name_of(m, d.owner), fmt_date(lang, d.due), d.done_at.is_some()))
                .collect();
            // R-KB-01: the standard answers this meeting agreed, each a link.
            let answers: Vec<(RecordId, String)> = crate::domain::kb::agreed_at_meeting(m, id)
                .into_iter()
                .filter_map(|a| Some((a, m.kb.current(a)?.question.clone())))
                .collect();
            let title = format!("{} · {}", kind_label(lang, x.kind), x.title);
            let team = if x.team.is_empty() { ctx.tr(Key::DeptWholeDepartment).to_string() } else { x.team.clone() };
            Some(view! {
                <li class="card item" aria-label=title.clone() id=format!("meeting-{id}") tabindex="-1">
                    <strong>{title.clone()}</strong>
                    <p class="meta">{format!("{} · {team}", fmt_datetime(lang, x.scheduled_at))}
                        {x.held.then(|| view! { " "<span class="badge ok">{ctx.tr(Key::DeptHeld)}</span> })}</p>
                    {(!x.agenda.is_empty()).then(|| view! { <p class="pre">{x.agenda.clone()}</p> })}
                    {(!x.minutes.is_empty()).then(|| view! { <p class="pre">{x.minutes.clone()}</p> })}
                    {(!decisions.is_empty()).then(|| view! {
                        <ul>{decisions.into_iter().map(|(t, o, d, done)| view! {
                            <li class:done=done>{format!("{t} — {o} · {}: {d}", ctx.tr(Key::DeptDue))}{done.then(|| view! { " "<span class="badge ok">{ctx.tr(Key::TaskDone)}</span> })}</li>
                        }).collect_view()}</ul>
                    })}
                    {(!answers.is_empty()).then(|| view! {
                        <p class="meta">{ctx.tr(Key::DeptAnswersAgreedHere)}</p>
                        <ul>{answers.into_iter().map(|(a, q)| view! {
                            <li><a href=format!("/answers#answer-{a}")>{q}</a></li>
                        }).collect_view()}</ul>
                    })}
                    <p class="error" role="alert">{move || error.get().map(crate::ui::kit::rules::rule_links)}</p>
                    {leader().then(|| view! {
                        <details>
                            <summary>{ctx.tr(Key::DeptMinutesAndDecisions)}</summary>
                            <DynField id=format!("mt-min-{id}") label=Key::DeptMinutes value=minutes/>
                            <div class="actions"><button type="button" on:click=save_minutes>{ctx.tr(Key::DeptSaveMinutes)}</button></div>
                            <DynField id=format!("mt-dec-{id}") label=Key::DeptDecision value=text/>
                            <div class="field">
                                <label for=format!("mt-owner-{id}")>{ctx.tr(Key::Owner)}</label>
                                <select id=format!("mt-owner-{id}") on:change=move |ev| owner.set(event_target_value(&ev))>
                                    {people_options(ctx).into_iter().map(|(v, l)| { let sel = v == owner.get_untracked(); view! { <option value=v selected=sel>{l.get_untracked()}</option> } }).collect_view()}
                                </select>
                            </div>
                            <DynField id=format!("mt-due-{id}") label=Key::DeptDue value=due kind="date"/>
                            <div class="actions"><button type="button" class="primary" on:click=add>{ctx.tr(Key::DeptAddDecision)}</button></div>
                        </details>
                    })}
                </li>
            })
        })
    }
}
