//! Leave (R-LV-01..06): the request form, my requests, the requests
//! waiting for my decision (and others I may try: the refusal names the
//! level R-LV-03 asks for), certificates, and a team leave calendar.

use super::{
    day_label, default_team, is_leader, leader_now, me_tracked, name_of, parse_date,
    people_options, team_options, today_local, DeptNav, DynField,
};
use crate::domain::base::order;
use crate::domain::dept::act;
use crate::domain::dept::leave::{self, LeaveDraft};
use crate::domain::dept::leave_status;
use crate::domain::dept::leave_status::LeaveStatus;
use crate::domain::dept::records::Decision;
use crate::domain::dept::records::LeaveKind;
use crate::domain::{Lang, RuleError};
use crate::sync::RecordId;
use crate::ui::kit::widgets::{fmt_date, Empty, SelectField, TextArea, TextField};
use crate::ui::shell::state::use_ctx;
use crate::ui::words::{count, role_label, Counted, Key};
use chrono::Duration;
use leptos::prelude::*;

pub(crate) fn kind_label(lang: Lang, k: LeaveKind) -> &'static str {
    let key = match k {
        LeaveKind::Personal => Key::DeptLeavePersonal,
        LeaveKind::Sick => Key::DeptLeaveSick,
        LeaveKind::Business => Key::DeptLeaveBusiness,
        LeaveKind::Study => Key::DeptLeaveStudy,
    };
    crate::ui::words::t(lang, key)
}

pub(crate) fn status_key(s: LeaveStatus) -> (Key, &'static str) {
    match s {
        LeaveStatus::Pending => (Key::DeptPending, "pending"),
        LeaveStatus::Approved => (Key::DeptApproved, "ok"),
        LeaveStatus::Refused => (Key::DeptRefused, "bad"),
        LeaveStatus::Cancelled => (Key::DeptCancelled, ""),
        LeaveStatus::Conflict => (Key::DeptConflict, "bad"),
    }
}

#[component]
pub fn LeavePage() -> impl IntoView {
    let ctx = use_ctx();
    let mine = Memo::new(move |_| {
        let me = ctx.me.get();
        ctx.model.with(|m| {
            let mut v: Vec<RecordId> = m
                .dept
                .leaves
                .values()
                .filter(|l| Some(l.person) == me || Some(l.audit.created_by) == me)
                .map(|l| l.id)
                .collect();
            order::sort_by_key(&mut v, |id| {
                std::cmp::Reverse(m.dept.leaves.get(id).map(|l| l.first_day))
            });
            v
        })
    });
    let waiting = Memo::new(move |_| {
        let me = me_tracked(ctx);
        ctx.model
            .with(|m| me.map(|s| leave::waiting_for(m, &s)).unwrap_or_default())
    });
    // Pending requests a leader can see but that need another level.
    let others = Memo::new(move |_| {
        let Some(s) = me_tracked(ctx).filter(is_leader) else {
            return Vec::new();
        };
        let w = waiting.get();
        ctx.model.with(|m| {
            m.dept
                .leaves
                .values()
                .filter(|l| l.person != s.id && !w.contains(&l.id))
                .filter(|l| leave_status::status(m, l) == LeaveStatus::Pending)
                .map(|l| l.id)
                .collect::<Vec<_>>()
        })
    });
    let missing = Memo::new(move |_| {
        let Some(s) = me_tracked(ctx) else {
            return Vec::new();
        };
        let today = today_local(ctx);
        ctx.model.with(|m| {
            leave::certificates_missing(m, today)
                .into_iter()
                .filter(|id| {
                    m.dept.leaves.get(id).is_some_and(|l| {
                        l.person == s.id
                            || m.staff
                                .get(&l.person)
                                .is_some_and(|p| crate::domain::dept::teams::leads(&s, &p.team))
                    })
                })
                .collect::<Vec<_>>()
        })
    });
    view! {
        <section class="page">
            <h1>{move || ctx.tr(Key::DeptLeave)}</h1>
            <DeptNav/>
            <p class="lead">{move || ctx.tr(Key::DeptLeaveLead)}</p>
            <RequestLeave/>

            <Show when=move || leader_now(ctx) || !waiting.with(|w| w.is_empty())>
            <h2 id="leave-waiting-h">{move || ctx.tr(Key::DeptLeaveToDecide)}
                <span class="count">{move || waiting.with(|w| w.len())}</span></h2>
            <Show when=move || !waiting.with(|w| w.is_empty()) fallback=|| view! { <Empty text=Key::DeptNothingToDecide/> }>
                <ul class="cards" aria-labelledby="leave-waiting-h">
                    {move || waiting.get().into_iter().map(|id| view! { <LeaveCard id decide=true/> }).collect_view()}
                </ul>
            </Show>
            </Show>

            <Show when=move || !others.with(|w| w.is_empty())>
                <h2 id="leave-others-h">{move || ctx.tr(Key::DeptLeaveOthers)}</h2>
                <p class="hint">{move || ctx.tr(Key::DeptLeaveOthersHint)}</p>
                <ul class="cards" aria-labelledby="leave-others-h">
                    {move || others.get().into_iter().map(|id| view! { <LeaveCard id decide=true/> }).collect_view()}
                </ul>
            </Show>

            <Show when=move || !missing.with(|w| w.is_empty())>
                <h2 id="cert-h">{move || ctx.tr(Key::DeptCertificatesMissing)}</h2>
                <ul class="cards" aria-labelledby="cert-h">
                    {move || missing.get().into_iter().map(|id| view! { <LeaveCard id decide=false/> }).collect_view()}
                </ul>
            </Show>

            <h2 id="my-leave-h">{move || ctx.tr(Key::DeptMyLeave)}</h2>
            <Show when=move || !mine.with(|w| w.is_empty()) fallback=|| view! { <Empty text=Key::DeptNoLeaveYet/> }>
                <ul class="cards" aria-labelledby="my-leave-h">
                    {move || mine.get().into_iter().map(|id| view! { <LeaveCard id decide=false/> }).collect_view()}
                </ul>
            </Show>
            <LeaveCalendar/>
        </section>
    }
}

#[component]
fn RequestLeave() -> impl IntoView {
    let ctx = use_ctx();
    let person = RwSignal::new(
        ctx.me
            .get_untracked()
            .map(|i| i.to_string())
            .unwrap_or_default(),
    );
    let kind = RwSignal::new(LeaveKind::Personal.code().to_string());
    let first = RwSignal::new(String::new());
    let last = RwSignal::new(String::new());
    let part = RwSignal::new(false);
    let urgent = RwSignal::new(false);
    let reason = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let submit_form = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (Some(f), l) = (
            parse_date(&first.get_untracked()),
            parse_date(&last.get_untracked()),
        ) else {
            error.set(Some(ctx.tr_now(Key::DeptDateNeeded).into()));
            return;
        };
        let draft = LeaveDraft {
            person: person
                .get_untracked()
                .parse()
                .ok()
                .or(ctx.me.get_untracked())
                .unwrap_or_default(),
            kind: LeaveKind::from_code(&kind.get_untracked()).unwrap_or_default(),
            first_day: f,
            last_day: l.unwrap_or(f),
            part_day: part.get_untracked(),
            urgent: urgent.get_untracked(),
            reason: reason.get_untracked(),
        };
        let id = ctx.new_id();
        ctx.act(
            error,
            Key::DeptLeaveRequested,
            move |m, a, now| act::request_leave(m, a, draft, id, now),
            move || {
                for s in [first, last, reason] {
                    s.set(String::new());
                }
                part.set(false);
                urgent.set(false);
            },
        );
    };
    let kinds =
        crate::ui::kit::options::code_options(None, LeaveKind::ALL, LeaveKind::code, kind_label);
    view! {
        <form class="card" on:submit=submit_form novalidate>
            <h2>{move || ctx.tr(Key::DeptRequestLeave)}</h2>
            <div class="grid2">
                <SelectField id="lv-kind" label=Key::DeptLeaveKind value=kind options=kinds/>
                <SelectField id="lv-person" label=Key::DeptLeaveWho value=person options=people_options(ctx)/>
                <TextField id="lv-first" label=Key::DeptFirstDay value=first kind="date" required=true/>
                <TextField id="lv-last" label=Key::DeptLastDay value=last kind="date" required=true/>
            </div>
            <p class="hint">{move || ctx.tr(Key::DeptLeaveWhoHint)}</p>
            <label class="check"><input type="checkbox" prop:checked=move || part.get()
                on:change=move |ev| part.set(event_target_checked(&ev))/>{move || ctx.tr(Key::DeptPartDay)}</label>
            <label class="check"><input type="checkbox" prop:checked=move || urgent.get()
                on:change=move |ev| urgent.set(event_target_checked(&ev))/>{move || ctx.tr(Key::DeptUrgent)}</label>
            <TextArea id="lv-reason" label=Key::DeptReason value=reason/>
            <p class="error" role="alert">{move || error.get().map(crate::ui::kit::rules::rule_links)}</p>
            <button type="submit" class="primary">{move || ctx.tr(Key::DeptRequestLeave)}</button>
        </form>
    }
}

/// A leave action: (model, actor, leave id, note, new id, now) to writes.
type LeaveStep = fn(
    &crate::domain::Model,
    &crate::domain::staff::Staff,
    RecordId,
    &str,
    RecordId,
    chrono::DateTime<chrono::Utc>,
) -> Result<Vec<crate::sync::Write>, RuleError>;

/// One leave: who, what, when, where it stands; and the actions the
/// current person may try (decide, hand in the certificate, cancel).
#[component]
fn LeaveCard(id: RecordId, decide: bool) -> impl IntoView {
    let ctx = use_ctx();
    let note = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let data = move || {
        ctx.model.with(|m| {
            m.dept.leaves.get(&id).map(|l| {
                (
                    l.clone(),
                    leave_status::status(m, l),
                    name_of(m, l.person),
                    leave::needs_certificate(l),
                )
            })
        })
    };
    let run = move |step: LeaveStep, done: Key| {
        let text = note.get_untracked();
        let aid = ctx.new_id();
        ctx.act(
            error,
            done,
            move |m, a, now| step(m, a, id, &text, aid, now),
            move || note.set(String::new()),
        );
    };
    let approve = move |_| {
        run(
            |m, a, lid, t, aid, now| act::decide_leave(m, a, lid, Decision::Approve, t, aid, now),
            Key::DeptDecisionSaved,
        )
    };
    let refuse = move |_| {
        run(
            |m, a, lid, t, aid, now| act::decide_leave(m, a, lid, Decision::Refuse, t, aid, now),
            Key::DeptDecisionSaved,
        )
    };
    let certificate = move |_| {
        run(
            |m, a, lid, _, _, now| act::hand_in_certificate(m, a, lid, now),
            Key::DeptCertificateSaved,
        )
    };
    let cancel = move |_| {
        run(
            |m, a, lid, _, _, now| act::cancel_leave(m, a, lid, now),
            Key::DeptLeaveCancelled,
        )
    };
    let my_id = ctx.me.get_untracked();
    move || {
        data().map(|(l, status, name, needs_cert)| {
        let (skey, sclass) = status_key(status);
        let lang = ctx.lang.get();
        let dates = if l.first_day == l.last_day {
            day_label(lang, l.first_day)
        } else {
            format!("{} – {}", day_label(lang, l.first_day), day_label(lang, l.last_day))
        };
        let label = format!("{name}: {} · {dates}", kind_label(lang, l.kind));
        let note_id = format!("lv-note-{id}");
        let open = matches!(status, LeaveStatus::Pending | LeaveStatus::Conflict);
        let mine = Some(l.person) == my_id || Some(l.audit.created_by) == my_id;
        let cert_in = l.certificate_at;
        let can_cancel = mine && !l.cancelled && l.first_day >= today_local(ctx) && status != LeaveStatus::Refused;
        let show_cert = needs_cert && cert_in.is_none() && (mine || ctx.me_staff().is_some_and(|s| is_leader(&s)));
        view! {
            <li class="card item" aria-label=label.clone()>
                <strong>{label.clone()}</strong>
                <p class="meta">
                    <span class=format!("badge {sclass}")>{ctx.tr(skey)}</span>
                    {usize::try_from(l.days()).ok().filter(|d| *d > 1).map(|d| view! { <span class="badge">{count(lang, d, Counted::Days)}</span> })}
                    {l.part_day.then(|| view! { <span class="badge">{ctx.tr(Key::DeptPartDay)}</span> })}
                    {l.late.then(|| view! { <span class="badge late">{ctx.tr(Key::DeptLate)}</span> })}
                    {l.urgent.then(|| view! { <span class="badge">{ctx.tr(Key::DeptUrgentBadge)}</span> })}
                    {open.then(|| format!("{}: {}", ctx.tr(Key::DeptDecidedBy), role_label(lang, l.needs)))}
                </p>
                {(!l.reason.is_empty()).then(|| view! { <p>{l.reason.clone()}</p> })}
                {needs_cert.then(|| view! { <p class="meta">{match cert_in {
                    Some(at) => format!("{}: {}", ctx.tr(Key::DeptCertificateIn), fmt_date(lang, crate::ui::kit::time::zone(ctx).local_date(at))),
                    None => ctx.tr(Key::DeptCertificateDue).to_string(),
                }}</p> })}
                <p class="error" role="alert">{move || error.get().map(crate::ui::kit::rules::rule_links)}</p>
                {(decide && open).then(|| view! {
                    <DynField id=note_id.clone() label=Key::DeptDecisionNote value=note/>
                    <div class="actions">
                        <button type="button" class="primary" on:click=approve>{ctx.tr(Key::DeptApprove)}</button>
                        <button type="button" class="danger" on:click=refuse>{ctx.tr(Key::DeptRefuse)}</button>
                    </div>
                })}
                {(show_cert || can_cancel).then(|| view! {
                    <div class="actions">
                        {show_cert.then(|| view! { <button type="button" on:click=certificate>{ctx.tr(Key::DeptHandInCertificate)}</button> })}
                        {can_cancel.then(|| view! { <button type="button" on:click=cancel>{ctx.tr(Key::DeptCancelLeave)}</button> })}
                    </div>
                })}
            </li>
        }
    })
    }
}

/// R-LV: a team's leave over the next weeks, refused and cancelled left out.
#[component]
fn LeaveCalendar() -> impl IntoView {
    let ctx = use_ctx();
    let team = RwSignal::new(default_team(ctx));
    let from = RwSignal::new(today_local(ctx).to_string());
    let lines = Memo::new(move |_| {
        let f = parse_date(&from.get()).unwrap_or_else(|| today_local(ctx));
        let t = team.get();
        ctx.model
            .with(|m| leave::leave_calendar(m, &t, f, f + Duration::days(41)))
    });
    view! {
        <h2 id="cal-h">{move || ctx.tr(Key::DeptLeaveCalendar)}</h2>
        <div class="grid2 no-print">
            <SelectField id="cal-team" label=Key::Team value=team options=team_options(ctx, None)/>
            <TextField id="cal-from" label=Key::FromDate value=from kind="date"/>
        </div>
        <Show when=move || !lines.with(|l| l.is_empty()) fallback=|| view! { <Empty text=Key::DeptNoLeaveInTeam/> }>
            <table class="table" aria-labelledby="cal-h">
                <thead><tr>
                    <th scope="col">{move || ctx.tr(Key::Name)}</th>
                    <th scope="col">{move || ctx.tr(Key::DeptLeaveKind)}</th>
                    <th scope="col">{move || ctx.tr(Key::DeptFirstDay)}</th>
                    <th scope="col">{move || ctx.tr(Key::DeptLastDay)}</th>
                    <th scope="col">{move || ctx.tr(Key::Status)}</th>
                </tr></thead>
                <tbody>
                    {move || lines.get().into_iter().map(|c| {
                        let lang = ctx.lang.get();
                        let (k, class) = status_key(c.status);
                        view! { <tr>
                            <td>{c.name}</td>
                            <td>{kind_label(lang, c.kind)}</td>
                            <td class="nowrap">{day_label(lang, c.first_day)}</td>
                            <td class="nowrap">{day_label(lang, c.last_day)}</td>
                            <td><span class=format!("badge {class}")>{ctx.tr(k)}</span></td>
                        </tr> }
                    }).collect_view()}
                </tbody>
            </table>
        </Show>
    }
}
