//! Shift swaps (R-SW-01..05): ask a colleague, the colleague accepts, the
//! team leaders approve; each card says who has agreed and who is still
//! awaited, by name. Every refusal names the rule it comes from.

use super::{day_label, hm, me_tracked, name_of, shift_label, DeptNav, DynField};
use crate::domain::base::order;
use crate::domain::dept::act;
use crate::domain::dept::records::Decision;
use crate::domain::dept::records::Swap;
use crate::domain::dept::shifts;
use crate::domain::dept::shifts::ShiftView;
use crate::domain::dept::swap::{self};
use crate::domain::dept::swap_status;
use crate::domain::dept::swap_status::SwapStatus;
use crate::domain::Model;
use crate::store::platform;
use crate::sync::RecordId;
use crate::ui::kit::widgets::{Empty, SelectField, TextArea};
use crate::ui::shell::state::use_ctx;
use crate::ui::words::agreement::{agreement_words, PartyNames, Reader};
use crate::ui::words::Key;
use chrono::Duration;
use leptos::prelude::*;

fn status_key(s: SwapStatus) -> (Key, &'static str) {
    match s {
        SwapStatus::Pending => (Key::DeptPending, "pending"),
        SwapStatus::Approved => (Key::DeptApproved, "ok"),
        SwapStatus::Refused => (Key::DeptRefused, "bad"),
        SwapStatus::Cancelled => (Key::DeptCancelled, ""),
        SwapStatus::Conflict => (Key::DeptConflict, "bad"),
    }
}

/// Future shifts (as rostered, before swaps) from tomorrow-ish to 60 days on.
fn future_shifts(m: &Model, mine: Option<RecordId>, me: RecordId) -> Vec<ShiftView> {
    let now = platform::now();
    let today = m.zone().local_date(now);
    let mut v: Vec<ShiftView> = m
        .dept
        .roster
        .values()
        .filter(|e| e.date >= today && e.date <= today + Duration::days(60))
        .filter(|e| match mine {
            Some(p) => e.person == p,
            None => e.person != me,
        })
        .filter(|e| m.staff.get(&e.person).is_some_and(|s| s.active))
        .filter_map(|e| shifts::view_entry(m, e, e.person))
        .filter(|s| s.start > now)
        .collect();
    order::sort_by_key(&mut v, |s| (s.start, s.entry));
    v
}

#[component]
pub fn SwapsPage() -> impl IntoView {
    let ctx = use_ctx();
    let waiting = Memo::new(move |_| {
        let me = me_tracked(ctx);
        ctx.model
            .with(|m| me.map(|s| swap::waiting_for(m, &s)).unwrap_or_default())
    });
    let mine = Memo::new(move |_| {
        let me = ctx.me.get();
        ctx.model.with(|m| {
            let mut v: Vec<&Swap> = m
                .dept
                .swaps
                .values()
                .filter(|s| Some(s.requester) == me || Some(s.colleague) == me)
                .collect();
            order::sort_by_key(&mut v, |s| std::cmp::Reverse((s.audit.created_at, s.id)));
            v.into_iter().map(|s| s.id).collect::<Vec<_>>()
        })
    });
    view! {
        <section class="page">
            <h1>{move || ctx.tr(Key::DeptSwaps)}</h1>
            <DeptNav/>
            <p class="lead">{move || ctx.tr(Key::DeptSwapsLead)}</p>
            <RequestSwap/>
            <h2 id="sw-waiting-h">{move || ctx.tr(Key::DeptSwapsToDecide)}
                <span class="count">{move || waiting.with(|w| w.len())}</span></h2>
            <Show when=move || !waiting.with(|w| w.is_empty()) fallback=|| view! { <Empty text=Key::DeptNothingToDecide/> }>
                <ul class="cards" aria-labelledby="sw-waiting-h">
                    {move || waiting.get().into_iter().map(|id| view! { <SwapCard id decide=true/> }).collect_view()}
                </ul>
            </Show>
            <h2 id="sw-mine-h">{move || ctx.tr(Key::DeptMySwaps)}</h2>
            <Show when=move || !mine.with(|w| w.is_empty()) fallback=|| view! { <Empty text=Key::DeptNoSwapsYet/> }>
                <ul class="cards" aria-labelledby="sw-mine-h">
                    {move || mine.get().into_iter().map(|id| view! { <SwapCard id decide=false/> }).collect_view()}
                </ul>
            </Show>
        </section>
    }
}

#[component]
fn RequestSwap() -> impl IntoView {
    let ctx = use_ctx();
    let give = RwSignal::new(String::new());
    let take = RwSignal::new(String::new());
    let reason = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let options = move |mine: bool| {
        let me = ctx.me.get_untracked().unwrap_or_default();
        let lang = ctx.lang.get_untracked();
        let mut out = vec![(
            String::new(),
            Signal::derive(move || ctx.tr(Key::DeptPickShift).to_string()),
        )];
        ctx.model.with_untracked(|m| {
            for s in future_shifts(m, mine.then_some(me), me) {
                let label = if mine {
                    shift_label(lang, m.zone(), &s)
                } else {
                    format!(
                        "{} · {}",
                        name_of(m, s.person),
                        shift_label(lang, m.zone(), &s)
                    )
                };
                out.push((s.entry.to_string(), Signal::derive(move || label.clone())));
            }
        });
        out
    };
    let submit_form = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (Ok(g), Ok(t)) = (
            give.get_untracked().parse::<RecordId>(),
            take.get_untracked().parse::<RecordId>(),
        ) else {
            error.set(Some(ctx.tr_now(Key::DeptPickBothShifts).into()));
            return;
        };
        let (text, id) = (reason.get_untracked(), ctx.new_id());
        ctx.act(
            error,
            Key::DeptSwapRequested,
            move |m, a, now| act::request_swap(m, a, g, t, &text, id, now),
            move || {
                give.set(String::new());
                take.set(String::new());
                reason.set(String::new());
            },
        );
    };
    view! {
        <form class="card" on:submit=submit_form novalidate>
            <h2>{move || ctx.tr(Key::DeptRequestSwap)}</h2>
            {move || {
                // Rebuilt when the roster or the language changes.
                ctx.model.track();
                ctx.lang.track();
                let (g, t) = (options(true), options(false));
                view! {
                    <div class="grid2">
                        <SelectField id="sw-give" label=Key::DeptShiftToGive value=give options=g/>
                        <SelectField id="sw-take" label=Key::DeptShiftToTake value=take options=t/>
                    </div>
                }
            }}
            <TextArea id="sw-reason" label=Key::DeptReason value=reason/>
            <p class="hint">{move || ctx.tr(Key::DeptSwapRules)}</p>
            <p class="error" role="alert">{move || error.get().map(crate::ui::kit::rules::rule_links)}</p>
            <button type="submit" class="primary">{move || ctx.tr(Key::DeptRequestSwap)}</button>
        </form>
    }
}

#[component]
fn SwapCard(id: RecordId, decide: bool) -> impl IntoView {
    let ctx = use_ctx();
    let note = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let decide_as = move |decision: Decision| {
        let (text, aid) = (note.get_untracked(), ctx.new_id());
        ctx.act(
            error,
            Key::DeptDecisionSaved,
            move |m, a, now| act::decide_swap(m, a, id, decision, &text, aid, now),
            move || note.set(String::new()),
        );
    };
    let cancel = move |_| {
        ctx.act(
            error,
            Key::DeptSwapCancelled,
            move |m, a, now| act::cancel_swap(m, a, id, now),
            || {},
        );
    };
    let me = ctx.me.get_untracked();
    move || {
        let lang = ctx.lang.get();
        ctx.model.with(|m| {
            let s = m.dept.swaps.get(&id)?.clone();
            let status = swap_status::status(m, &s);
            let z = m.zone();
            let describe = |e: RecordId| {
                m.dept
                    .roster
                    .get(&e)
                    .and_then(|e| shifts::view_entry(m, e, e.person))
                    .map(|v| format!("{} {} {}–{}", day_label(lang, v.date), v.name, hm(z, v.start), hm(z, v.end)))
                    .unwrap_or_default()
            };
            let (rq, co) = (name_of(m, s.requester), name_of(m, s.colleague));
            let title = format!("{rq} ⇄ {co}");
            let gives = format!("{rq}: {} → {co}", describe(s.give));
            let takes = format!("{co}: {} → {rq}", describe(s.take));
            let (skey, sclass) = status_key(status);
            let open = matches!(status, SwapStatus::Pending | SwapStatus::Conflict);
            let as_colleague = me == Some(s.colleague);
            let can_cancel = me == Some(s.requester) && open;
            let note_id = format!("sw-note-{id}");
            let agreed_line = agreement_line(lang, m, &s, me, status);
            Some(view! {
                <li class="card item" aria-label=title.clone()>
                    <strong>{title.clone()}</strong>
                    <p class="meta"><span class=format!("badge {sclass}")>{ctx.tr(skey)}</span>" "{agreed_line}</p>
                    <p>{gives}<br/>{takes}</p>
                    {(!s.reason.is_empty()).then(|| view! { <p class="meta">{s.reason.clone()}</p> })}
                    <p class="error" role="alert">{move || error.get().map(crate::ui::kit::rules::rule_links)}</p>
                    {(decide && open).then(|| view! {
                        <DynField id=note_id.clone() label=Key::DeptDecisionNote value=note/>
                        <div class="actions">
                            <button type="button" class="primary" on:click=move |_| decide_as(Decision::Approve)>
                                {ctx.tr(if as_colleague { Key::DeptAccept } else { Key::DeptApprove })}</button>
                            <button type="button" class="danger" on:click=move |_| decide_as(Decision::Refuse)>
                                {ctx.tr(if as_colleague { Key::DeptDecline } else { Key::DeptRefuse })}</button>
                        </div>
                    })}
                    {can_cancel.then(|| view! { <div class="actions"><button type="button" on:click=cancel>{ctx.tr(Key::DeptCancelSwap)}</button></div> })}
                </li>
            })
        })
    }
}

/// Who has agreed and who is awaited, by name and in words, as `me` reads
/// it ("your team leader" to the person whose leader it is).
fn agreement_line(
    lang: crate::domain::Lang,
    m: &Model,
    s: &Swap,
    me: Option<RecordId>,
    status: SwapStatus,
) -> String {
    let parties: Vec<PartyNames> = swap_status::agreements(m, s)
        .into_iter()
        .map(|a| PartyNames {
            party: a.party,
            team: a.team,
            agreed_by: a.agreed_by.map(|p| name_of(m, p)),
            awaited: a.awaited.iter().map(|p| name_of(m, *p)).collect(),
        })
        .collect();
    let (requester, colleague) = (name_of(m, s.requester), name_of(m, s.colleague));
    let reader = Reader {
        is_requester: me == Some(s.requester),
        is_colleague: me == Some(s.colleague),
        requester: &requester,
        colleague: &colleague,
    };
    let waiting = matches!(status, SwapStatus::Pending | SwapStatus::Conflict);
    agreement_words(lang, &parties, &reader, waiting)
}
