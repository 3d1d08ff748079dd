//! One improvement action: what, whose, by when, and where it stands
//! (open, overdue, done and waiting for the auditor, verified). Its owner
//! (or a director) marks it done; the auditor (or a director standing in),
//! never its owner, verifies it or sends it back with a note, after a
//! confirmation.

use super::super::staff_name;
use crate::domain::standards::{self, act};
use crate::sync::RecordId;
use crate::ui::kit::time::today;
use crate::ui::kit::widgets::{fmt_date, fmt_datetime, ConfirmButton};
use crate::ui::shell::state::use_ctx;
use crate::ui::words::{t, Key};
use leptos::prelude::*;

/// The action as shown, read once per change of the model.
#[derive(Clone, PartialEq)]
struct View {
    text: String,
    owner: RecordId,
    owner_name: String,
    due: chrono::NaiveDate,
    done: Option<(String, chrono::DateTime<chrono::Utc>)>,
    verified: Option<(String, chrono::DateTime<chrono::Utc>)>,
    note: String,
    overdue: bool,
    auditor: Option<RecordId>,
}

#[component]
pub(super) fn ActionItem(id: RecordId, director: Memo<bool>) -> impl IntoView {
    let ctx = use_ctx();
    let view_of = Memo::new(move |_| {
        let day = today(ctx);
        ctx.model.with(|m| {
            let i = m.standards.actions.get(&id)?;
            Some(View {
                text: i.text.clone(),
                owner: i.owner,
                owner_name: staff_name(m, i.owner),
                due: i.due,
                done: i
                    .done_at
                    .map(|at| (i.done_by.map(|p| staff_name(m, p)).unwrap_or_default(), at)),
                verified: i.verified_at.map(|at| {
                    (
                        i.verified_by.map(|p| staff_name(m, p)).unwrap_or_default(),
                        at,
                    )
                }),
                note: i.verify_note.clone(),
                overdue: standards::is_overdue(i, day),
                auditor: m.standards.audits.get(&i.dept_audit).map(|a| a.auditor),
            })
        })
    });
    let me = Memo::new(move |_| ctx.me.get());
    let error = RwSignal::new(None::<String>);
    let note = RwSignal::new(String::new());
    let head = format!("action-{id}-h");
    let labelled = head.clone();
    let note_id = format!("action-{id}-note");
    let may_complete = move || {
        view_of.with(|v| {
            v.as_ref().is_some_and(|v| {
                v.done.is_none()
                    && v.verified.is_none()
                    && (me.get() == Some(v.owner) || director.get())
            })
        })
    };
    let may_verify = move || {
        view_of.with(|v| {
            v.as_ref().is_some_and(|v| {
                v.done.is_some()
                    && v.verified.is_none()
                    && me.get() != Some(v.owner)
                    && (me.get().is_some() && me.get() == v.auditor || director.get())
            })
        })
    };
    let complete = move |_| {
        ctx.act(
            error,
            Key::StdActionDone,
            move |m, a, now| act::complete_action(m, a, id, now),
            || {},
        )
    };
    let verify = move |accepted: bool| {
        let text = note.get_untracked();
        ctx.act(
            error,
            if accepted {
                Key::StdActionVerified
            } else {
                Key::StdActionSentBack
            },
            move |m, a, now| act::verify_action(m, a, id, accepted, &text, now),
            move || note.set(String::new()),
        )
    };
    let status = move || {
        let lang = ctx.lang.get();
        view_of.with(|v| {
            let v = v.as_ref()?;
            Some(match (&v.verified, &v.done) {
                (Some((who, at)), _) => (
                    "badge ok",
                    t(lang, Key::StdVerifiedBy)
                        .replace("{who}", who)
                        .replace("{when}", &fmt_datetime(lang, *at)),
                ),
                (None, Some((who, at))) => (
                    "badge pending",
                    t(lang, Key::StdDoneBy)
                        .replace("{who}", who)
                        .replace("{when}", &fmt_datetime(lang, *at)),
                ),
                _ if v.overdue => ("badge late", t(lang, Key::StdOverdue).to_string()),
                _ => ("badge", t(lang, Key::StdOpen).to_string()),
            })
        })
    };
    view! {
        <li class="card item std-action" id=format!("action-{id}") tabindex="-1" aria-labelledby=labelled
            class:overdue=move || view_of.with(|v| v.as_ref().is_some_and(|v| v.overdue))>
            <p id=head><strong>{move || view_of.with(|v| v.as_ref().map(|v| v.text.clone()))}</strong></p>
            <p class="meta">{move || {
                let lang = ctx.lang.get();
                view_of.with(|v| v.as_ref().map(|v| format!("{} {} · {} {}",
                    t(lang, Key::StdOwner), v.owner_name, t(lang, Key::StdDue), fmt_date(lang, v.due))))
            }}</p>
            <p class="meta">{move || status().map(|(class, text)| view! { <span class=class>{text}</span> })}</p>
            {move || view_of.with(|v| v.as_ref().filter(|v| !v.note.trim().is_empty()).map(|v| {
                let text = v.note.clone();
                view! { <p class="meta">{move || ctx.tr(Key::StdVerifyNote)} ": " <span class="pre">{text.clone()}</span></p> }
            }))}
            <Show when=may_complete>
                <div class="actions">
                    <button type="button" class="primary" on:click=complete>{move || ctx.tr(Key::StdMarkDone)}</button>
                </div>
            </Show>
            <Show when=may_verify>
                <div class="field">
                    <label for=note_id.clone()>{move || ctx.tr(Key::StdVerifyNote)}</label>
                    <p class="hint" id=format!("{note_id}-hint")>{move || ctx.tr(Key::StdVerifyNoteHint)}</p>
                    <textarea id=note_id.clone() rows="2" aria-describedby=format!("{note_id}-hint") bind:value=note></textarea>
                </div>
                <div class="actions">
                    <button type="button" class="primary" on:click=move |_| verify(true)>{move || ctx.tr(Key::StdVerify)}</button>
                    <ConfirmButton label=Key::StdSendBack confirm=Key::StdSendBackConfirm on_confirm=Callback::new(move |_| verify(false))/>
                </div>
            </Show>
            <p class="error" role="alert">{move || error.get().map(crate::ui::kit::rules::rule_links)}</p>
        </li>
    }
}
