//! Escalation (R-ESC-01): anyone raises a matter that must be reported at
//! once; it goes up one level at a time (or skips one in an emergency, and
//! the skipped person is told); superiors record instructions; the chain is
//! visible to everyone it reached.

use crate::domain::base::order;
use crate::domain::escalation::{self, EscalationDraft, EscalationView, Matter, RaiseIds};
use crate::domain::staff::Role;
use crate::sync::RecordId;
use crate::ui::kit::widgets::{fmt_datetime, Empty, SelectField, TextArea};
use crate::ui::shell::state::{use_ctx, Ctx};
use crate::ui::words::complaint_labels::{matter_label, step_label};
use crate::ui::words::{role_label, Key};
use leptos::prelude::*;

fn person(ctx: Ctx, id: Option<RecordId>) -> String {
    id.and_then(|id| {
        ctx.model
            .with_untracked(|m| m.staff.get(&id).map(|s| s.name.clone()))
    })
    .unwrap_or_else(|| "—".into())
}

#[component]
pub fn EscalationsPage() -> impl IntoView {
    let ctx = use_ctx();
    let views = Memo::new(move |_| {
        ctx.model.with(|m| {
            let mut v: Vec<EscalationView> = m
                .escalations
                .keys()
                .filter_map(|id| escalation::chain(m, *id).ok())
                .collect();
            order::sort_by_key(&mut v, |x| {
                (x.closed, std::cmp::Reverse(x.escalation.raised_at))
            });
            v
        })
    });
    view! {
        <section class="page">
            <h1>{move || ctx.tr(Key::NavEscalations)}</h1>
            <p class="lead">{move || ctx.tr(Key::EscalationsLead)}</p>
            <RaiseForm/>
            <h2 id="esc-list">{move || ctx.tr(Key::EscalationList)}</h2>
            <Show when=move || views.with(|v| !v.is_empty()) fallback=|| view! { <Empty text=Key::NoEscalations/> }>
                <ul class="cards" aria-labelledby="esc-list">
                    {move || views.get().into_iter().map(|v| view! { <EscalationCard view=v/> }).collect_view()}
                </ul>
            </Show>
        </section>
    }
}

#[component]
fn RaiseForm() -> impl IntoView {
    let ctx = use_ctx();
    let matter = RwSignal::new(String::new());
    let description = RwSignal::new(String::new());
    let emergency = RwSignal::new(false);
    let to = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let draft = EscalationDraft {
            matter: Matter::from_code(&matter.get_untracked()),
            description: description.get_untracked(),
            complaint: None,
            customer: None,
            to: Role::ALL
                .iter()
                .copied()
                .find(|r| r.code() == to.get_untracked()),
            emergency: emergency.get_untracked(),
        };
        let ids = RaiseIds {
            escalation: ctx.new_id(),
            step: ctx.new_id(),
        };
        ctx.act(
            error,
            Key::EscalationRaised,
            move |m, actor, now| escalation::raise(m, actor, draft, ids, now),
            move || description.set(String::new()),
        );
    };
    let mut matters = vec![(
        String::new(),
        Signal::derive(move || ctx.tr(Key::NoneYet).to_string()),
    )];
    matters.extend(Matter::ALL.iter().map(|m| {
        let m = *m;
        (
            m.code().to_string(),
            Signal::derive(move || matter_label(ctx.lang.get(), m).to_string()),
        )
    }));
    let mut levels = vec![(
        String::new(),
        Signal::derive(move || ctx.tr(Key::NextLevel).to_string()),
    )];
    levels.extend(
        [
            Role::TeamLeader,
            Role::DepartmentDirector,
            Role::CenterDirector,
        ]
        .into_iter()
        .map(|r| {
            (
                r.code().to_string(),
                Signal::derive(move || role_label(ctx.lang.get(), r).to_string()),
            )
        }),
    );
    view! {
        <form class="card" on:submit=submit novalidate>
            <h2>{move || ctx.tr(Key::RaiseEscalation)}</h2>
            <SelectField id="esc-matter" label=Key::MatterLabel value=matter options=matters/>
            <TextArea id="esc-description" label=Key::DescriptionLabel value=description required=true/>
            <SelectField id="esc-to" label=Key::SendToRole value=to options=levels/>
            <label class="check"><input type="checkbox" prop:checked=move || emergency.get()
                on:change=move |ev| emergency.set(event_target_checked(&ev))/>{move || ctx.tr(Key::EmergencySkip)}</label>
            <p class="error" role="alert">{move || error.get().map(crate::ui::kit::rules::rule_links)}</p>
            <button type="submit" class="primary">{move || ctx.tr(Key::RaiseButton)}</button>
        </form>
    }
}

#[component]
fn EscalationCard(view: EscalationView) -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang.get_untracked();
    let id = view.escalation.id;
    let text = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let me_id = ctx.me.get_untracked();
    let holds = view.holder.is_some() && view.holder == me_id && !view.closed;
    let must_ack = me_id.is_some_and(|m| view.notify.contains(&m));
    let act = move |kind: &'static str| {
        let (note, sid) = (text.get_untracked(), ctx.new_id());
        ctx.act(
            error,
            Key::StepSaved,
            move |m, actor, now| match kind {
                "instruct" => escalation::instruct(m, actor, id, &note, sid, now),
                "up" => escalation::escalate(m, actor, id, None, false, &note, sid, now),
                "ack" => escalation::acknowledge(m, actor, id, sid, now),
                _ => escalation::close(m, actor, id, &note, sid, now),
            },
            move || text.set(String::new()),
        );
    };
    let raised_by = person(ctx, Some(view.escalation.raised_by));
    let holder = person(ctx, view.holder);
    view! {
        <li class="card item">
            <p><strong>{matter_label(lang, view.escalation.matter)}</strong>
                " · " {raised_by} " · " {fmt_datetime(lang, view.escalation.raised_at)}
                {view.closed.then(|| view! { " · " <span class="badge">{move || ctx.tr(Key::ClosedBadge)}</span> })}</p>
            <p>{view.escalation.description.clone()}</p>
            <p class="meta">{move || ctx.tr(Key::HolderLabel)} ": " {holder.clone()} " (" {role_label(lang, view.level)} ")"</p>
            <ol class="timeline" aria-label=move || ctx.tr(Key::ChainTitle)>
                {view.steps.iter().map(|s| view! {
                    <li><strong>{step_label(lang, s.kind)}</strong> " " {person(ctx, s.to.or(Some(s.by)))}
                        " · " {fmt_datetime(lang, s.at)}
                        {s.emergency.then_some(" · ⚠")}
                        {(!s.text.is_empty()).then(|| view! { <br/>{s.text.clone()} })}</li>
                }).collect_view()}
            </ol>
            {(holds || must_ack).then(|| view! {
                <div class="field">
                    <label for=format!("esc-note-{id}")>{move || ctx.tr(Key::InstructionLabel)}</label>
                    <textarea id=format!("esc-note-{id}") bind:value=text></textarea>
                </div>
                <div class="actions">
                    {holds.then(|| view! {
                        <button type="button" class="primary" on:click=move |_| act("instruct")>{move || ctx.tr(Key::GiveInstruction)}</button>
                        <button type="button" on:click=move |_| act("up")>{move || ctx.tr(Key::EscalateFurther)}</button>
                        <button type="button" on:click=move |_| act("close")>{move || ctx.tr(Key::CloseMatter)}</button>
                    })}
                    {must_ack.then(|| view! { <button type="button" on:click=move |_| act("ack")>{move || ctx.tr(Key::AcknowledgeButton)}</button> })}
                </div>
            })}
            <p class="error" role="alert">{move || error.get().map(crate::ui::kit::rules::rule_links)}</p>
        </li>
    }
}
