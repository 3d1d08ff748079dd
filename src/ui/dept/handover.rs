//! Handover log (R-OPS-02): the shift's leader writes what the next shift
//! must know (equipment, difficult problems, staffing, open contacts and
//! complaints picked from the records); the next shift's leader acknowledges.

use super::{
    day_label, default_team, leader_now, name_of, parse_date, team_options, today_local, DeptNav,
};
use crate::domain::base::order;
use crate::domain::dept::act;
use crate::domain::dept::ops::{self, HandoverDraft};
use crate::sync::RecordId;
use crate::ui::kit::widgets::{fmt_datetime, Empty, SelectField, TextArea, TextField};
use crate::ui::shell::state::use_ctx;
use crate::ui::words::Key;
use leptos::prelude::*;

#[component]
pub fn HandoverPage() -> impl IntoView {
    let ctx = use_ctx();
    let team = RwSignal::new(default_team(ctx));
    let list = Memo::new(move |_| {
        let t = crate::domain::base::text::fold(&team.get());
        ctx.model.with(|m| {
            let mut v: Vec<_> = m
                .dept
                .handovers
                .values()
                .filter(|h| crate::domain::base::text::fold(&h.team) == t)
                .map(|h| (h.date, h.audit.created_at, h.id))
                .collect();
            order::sort_by(&mut v, |a, b| b.cmp(a));
            v.into_iter().map(|(_, _, id)| id).collect::<Vec<_>>()
        })
    });
    view! {
        <section class="page">
            <h1>{move || ctx.tr(Key::DeptHandover)}</h1>
            <DeptNav/>
            <p class="lead">{move || ctx.tr(Key::DeptHandoverLead)}</p>
            <div class="grid2">
                <SelectField id="ho-team" label=Key::Team value=team options=team_options(ctx, None)/>
            </div>
            <Show when=move || leader_now(ctx)>
                <WriteHandover team/>
            </Show>
            <h2 id="ho-list-h">{move || ctx.tr(Key::DeptHandoverLog)}</h2>
            <Show when=move || !list.with(|l| l.is_empty()) fallback=|| view! { <Empty text=Key::DeptNoHandovers/> }>
                <ul class="cards" aria-labelledby="ho-list-h">
                    {move || list.get().into_iter().map(|id| view! { <HandoverCard id/> }).collect_view()}
                </ul>
            </Show>
        </section>
    }
}

#[component]
fn WriteHandover(team: RwSignal<String>) -> impl IntoView {
    let ctx = use_ctx();
    let date = RwSignal::new(today_local(ctx).to_string());
    let shift = RwSignal::new(String::new());
    let equipment = RwSignal::new(String::new());
    let problems = RwSignal::new(String::new());
    let staffing = RwSignal::new(String::new());
    let picked = RwSignal::new(Vec::<RecordId>::new());
    let error = RwSignal::new(None::<String>);
    let shift_options = move || {
        let mut out = vec![(
            String::new(),
            Signal::derive(move || ctx.tr(Key::DeptPickShift).to_string()),
        )];
        ctx.model.with_untracked(|m| {
            for s in m.dept.shift_defs.values() {
                let label = format!(
                    "{} ({}–{})",
                    s.name,
                    s.start.format("%H:%M"),
                    s.end.format("%H:%M")
                );
                out.push((s.id.to_string(), Signal::derive(move || label.clone())));
            }
        });
        out
    };
    let candidates = Memo::new(move |_| {
        let t = team.get();
        let lang = ctx.lang.get();
        ctx.model.with(|m| {
            ops::handover_candidates(m, &t)
                .into_iter()
                .map(|id| (id, item_label(m, lang, id)))
                .collect::<Vec<_>>()
        })
    });
    let submit_form = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(d) = parse_date(&date.get_untracked()) else {
            error.set(Some(ctx.tr_now(Key::DeptDateNeeded).into()));
            return;
        };
        let draft = HandoverDraft {
            team: team.get_untracked(),
            date: d,
            shift: shift.get_untracked().parse().unwrap_or_default(),
            equipment: equipment.get_untracked(),
            problems: problems.get_untracked(),
            staffing: staffing.get_untracked(),
            open_items: picked.get_untracked(),
        };
        let id = ctx.new_id();
        ctx.act(
            error,
            Key::DeptHandoverSaved,
            move |m, a, now| act::write_handover(m, a, None, draft, id, now),
            move || {
                for s in [equipment, problems, staffing] {
                    s.set(String::new());
                }
                picked.set(Vec::new());
            },
        );
    };
    view! {
        <form class="card" on:submit=submit_form novalidate>
            <h2>{move || ctx.tr(Key::DeptWriteHandover)}</h2>
            <div class="grid2">
                <TextField id="ho-date" label=Key::DeptShiftDate value=date kind="date" required=true/>
                {move || { ctx.model.track(); view! { <SelectField id="ho-shift" label=Key::DeptShift value=shift options=shift_options()/> } }}
            </div>
            <TextArea id="ho-equipment" label=Key::DeptEquipment value=equipment required=true/>
            <TextArea id="ho-problems" label=Key::DeptProblems value=problems/>
            <TextArea id="ho-staffing" label=Key::DeptStaffing value=staffing required=true/>
            <fieldset class="pick-list">
                <legend>{move || ctx.tr(Key::DeptOpenItems)}</legend>
                <Show when=move || !candidates.with(|c| c.is_empty()) fallback=move || view! { <p class="hint">{move || ctx.tr(Key::DeptNoOpenItems)}</p> }>
                    {move || candidates.get().into_iter().map(|(id, label)| view! {
                        <label class="check"><input type="checkbox"
                            prop:checked=move || picked.with(|p| p.contains(&id))
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                picked.update(|p| { p.retain(|x| *x != id); if on { p.push(id); } });
                            }/>{label}</label>
                    }).collect_view()}
                </Show>
            </fieldset>
            <p class="error" role="alert">{move || error.get().map(crate::ui::kit::rules::rule_links)}</p>
            <button type="submit" class="primary">{move || ctx.tr(Key::DeptSaveHandover)}</button>
        </form>
    }
}

fn item_label(m: &crate::domain::Model, lang: crate::domain::Lang, id: RecordId) -> String {
    let customer = |c: Option<RecordId>| {
        c.and_then(|c| m.customers.get(&c))
            .map(|c| c.name.clone())
            .unwrap_or_default()
    };
    if let Some(c) = m.contacts.get(&id) {
        let summary: String = c.summary.chars().take(80).collect();
        format!(
            "{} · {} · {summary}",
            crate::ui::words::t(lang, Key::Contact),
            customer(c.customer)
        )
    } else if let Some(c) = m.complaints.get(&id) {
        let content: String = c.content.chars().take(80).collect();
        format!(
            "{} · {} · {content}",
            crate::ui::words::t(lang, Key::DeptComplaint),
            customer(c.customer)
        )
    } else {
        String::new()
    }
}

#[component]
fn HandoverCard(id: RecordId) -> impl IntoView {
    let ctx = use_ctx();
    let error = RwSignal::new(None::<String>);
    let ack = move |_| {
        ctx.act(
            error,
            Key::DeptHandoverAcknowledged,
            move |m, a, now| act::acknowledge_handover(m, a, id, now),
            || {},
        );
    };
    move || {
        let lang = ctx.lang.get();
        let me = ctx.me.get();
        ctx.model.with(|m| {
            let h = m.dept.handovers.get(&id)?.clone();
            let shift = m.dept.shift_defs.get(&h.shift).map(|s| s.name.clone()).unwrap_or_default();
            let title = format!("{} · {shift}", day_label(lang, h.date));
            let author = name_of(m, h.audit.created_by);
            let acked = ops::handover_ack(m, id).map(|r| (name_of(m, r.person), r.audit.created_at));
            let items: Vec<String> = h.open_items.iter().map(|i| item_label(m, lang, *i)).collect();
            let can_ack = acked.is_none() && me != Some(h.audit.created_by)
                && me.and_then(|i| m.staff.get(&i)).is_some_and(|s| crate::domain::dept::teams::leads(s, &h.team));
            Some(view! {
                <li class="card item" aria-label=title.clone()>
                    <strong>{title.clone()}</strong>
                    <p class="meta">{format!("{}: {author} · {}", ctx.tr(Key::DeptWrittenBy), fmt_datetime(lang, h.audit.created_at))}</p>
                    <dl class="facts">
                        <dt>{ctx.tr(Key::DeptEquipment)}</dt><dd class="pre">{h.equipment.clone()}</dd>
                        <dt>{ctx.tr(Key::DeptProblems)}</dt><dd class="pre">{h.problems.clone()}</dd>
                        <dt>{ctx.tr(Key::DeptStaffing)}</dt><dd class="pre">{h.staffing.clone()}</dd>
                        <dt>{ctx.tr(Key::DeptOpenItems)}</dt><dd>{items.into_iter().map(|i| view! { <span class="block">{i}</span> }).collect_view()}</dd>
                    </dl>
                    {match acked {
                        Some((who, at)) => view! { <p><span class="badge ok">{format!("{} {who} · {}", ctx.tr(Key::DeptAcknowledgedBy), fmt_datetime(lang, at))}</span></p> }.into_any(),
                        None => view! { <p><span class="badge pending">{ctx.tr(Key::DeptNotAcknowledged)}</span></p> }.into_any(),
                    }}
                    <p class="error" role="alert">{move || error.get().map(crate::ui::kit::rules::rule_links)}</p>
                    {can_ack.then(|| view! { <div class="actions"><button type="button" class="primary" on:click=ack>{ctx.tr(Key::DeptAcknowledge)}</button></div> })}
                </li>
            })
        })
    }
}
