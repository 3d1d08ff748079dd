//! The week's training plan (R-QA-03): where it stands (draft, sent by
//! whom and when, acknowledged by whom and when); for inspectors, the
//! notes on the common problems, the items (`week_item.rs`) and sending to
//! the department director; for the director, acknowledging it, and the
//! plans of any week still waiting for that. Others read a sent plan, an
//! agent only the items that concern them; and anyone with training to
//! attend or run sees it first, whichever week's plan it is from.

use super::week_item::{Fields, ItemCard, ItemForm};
use super::{counted, draft_notes, week_label, Viewer};
use crate::domain::qa::{self, TrainingPlan};
use crate::domain::staff::{require, Action, Role, Staff};
use crate::domain::Model;
use crate::sync::RecordId;
use crate::ui::kit::time::today;
use crate::ui::kit::widgets::{fmt_datetime, Empty};
use crate::ui::shell::state::{use_ctx, Ctx};
use crate::ui::words::Key;
use chrono::{DateTime, NaiveDate, Utc};
use leptos::prelude::*;

fn directs(v: &Option<Staff>) -> bool {
    v.as_ref()
        .is_some_and(|s| require(s, Action::SetStandards).is_ok())
}

fn name_of(m: &Model, id: Option<RecordId>) -> String {
    id.and_then(|i| m.staff.get(&i))
        .map_or_else(|| "—".to_string(), |s| s.name.clone())
}

/// Whether the plan changed after it was sent: its notes, or an item
/// added or edited since (marking an item done is not a change to send).
fn changed_since_sent(m: &Model, p: &TrainingPlan) -> bool {
    let Some(sent) = p.sent_at else {
        return false;
    };
    p.audit.changed_at > sent
        || m.qa.items_of(p.id).iter().any(|i| {
            i.audit.created_at > sent
                || (i.audit.changed_at > sent && i.done_at != Some(i.audit.changed_at))
        })
}

/// Whether item `i` concerns `me`: for everyone, naming me, or run by me.
fn concerns(i: &qa::TrainingItem, me: RecordId) -> bool {
    i.people.is_empty() || i.people.contains(&me) || i.owner == me
}

/// Where the plan stands, read once per change of the model.
#[derive(Clone, PartialEq, Default)]
struct Standing {
    exists: bool,
    notes: String,
    /// Who sent it and when.
    sent: Option<(String, DateTime<Utc>)>,
    acknowledged: Option<(String, DateTime<Utc>)>,
    changed: bool,
}

/// Runs `then` once the plan of `day`'s week exists with `notes` (made
/// or saved first when needed: items and sending need the plan).
fn with_plan(
    ctx: Ctx,
    error: RwSignal<Option<String>>,
    day: NaiveDate,
    notes: String,
    then: impl FnOnce() + 'static,
) {
    ctx.act_then(
        error,
        None,
        move |m, a, now| qa::act::save_plan(m, a, day, &notes, now),
        move |saved| {
            if saved {
                then()
            }
        },
    );
}

#[component]
pub(crate) fn PlanSection(
    viewer: Viewer,
    inspector: Memo<bool>,
    monday: RwSignal<NaiveDate>,
) -> impl IntoView {
    let ctx = use_ctx();
    let standing = Memo::new(move |_| {
        let id = qa::plan_id(monday.get());
        ctx.model.with(|m| {
            m.qa.plans
                .get(&id)
                .map_or_else(Standing::default, |p| Standing {
                    exists: true,
                    notes: p.notes.clone(),
                    sent: p.sent_at.map(|at| (name_of(m, p.sent_by), at)),
                    acknowledged: p
                        .acknowledged_at
                        .map(|at| (name_of(m, p.acknowledged_by), at)),
                    changed: changed_since_sent(m, p),
                })
        })
    });
    let director = Memo::new(move |_| viewer.with(directs));
    // The items this person may read: an inspector all, others those of a
    // sent plan, an agent only those concerning them.
    let items = Memo::new(move |_| {
        let id = qa::plan_id(monday.get());
        let sent = standing.with(|s| s.sent.is_some());
        let me = viewer.get();
        ctx.model.with(|m| {
            m.qa.items_of(id)
                .into_iter()
                .filter(|i| match &me {
                    Some(_) if inspector.get() => true,
                    Some(s) if s.role == Role::Representative => sent && concerns(i, s.id),
                    Some(_) => sent,
                    None => false,
                })
                .map(|i| i.id)
                .collect::<Vec<_>>()
        })
    });
    let agent = Memo::new(move |_| {
        viewer.with(|v| v.as_ref().is_some_and(|s| s.role == Role::Representative))
    });
    let readable = move || inspector.get() || standing.with(|s| s.sent.is_some());
    let error = RwSignal::new(None::<String>);
    // The notes as typed. What is stored for the week shown (another week,
    // or notes saved here or on another device) starts the field anew.
    let notes = RwSignal::new(String::new());
    let stored = Memo::new(move |_| (monday.get(), standing.with(|s| s.notes.clone())));
    Effect::new(move |_| notes.set(stored.get().1));
    let acknowledge = move |_| {
        let id = qa::plan_id(monday.get_untracked());
        ctx.act(
            error,
            Key::QaWkAcknowledged,
            move |m, a, now| qa::act::acknowledge_plan(m, a, id, now),
            || {},
        )
    };
    let badge = move || {
        standing.with(|s| match (&s.sent, &s.acknowledged) {
            (_, Some(_)) => ("badge ok", Key::QaWkAckBadge),
            (Some(_), None) => ("badge pending", Key::QaWkSentBadge),
            _ => ("badge", Key::QaWkDraft),
        })
    };
    view! {
        <section class="qa-plan" aria-labelledby="qa-plan-h">
            <h2 id="qa-plan-h">{move || ctx.tr(Key::QaWkPlan)}
                <Show when=readable><span class=move || badge().0>{move || ctx.tr(badge().1)}</span></Show></h2>
            <Show when=move || inspector.get()>
                <p class="hint">{move || ctx.tr(Key::QaWkPlanHint)}</p>
            </Show>
            {move || {
                let lang = ctx.lang.get();
                let s = standing.get();
                let sent = s.sent.map(|(by, at)| view! {
                    <p class="qa-plan-status">{ctx.tr(Key::QaWkSentBy)} " " <strong>{by}</strong> " · " {fmt_datetime(lang, at)}</p>
                });
                let acked = s.acknowledged.map(|(by, at)| view! {
                    <p class="qa-plan-status">{ctx.tr(Key::QaWkAckBy)} " " <strong>{by}</strong> " · " {fmt_datetime(lang, at)}</p>
                });
                let changed = (s.changed && inspector.get()).then(|| view! {
                    <p class="banner warn" role="status">{ctx.tr(Key::QaWkChangedSinceSent)}</p>
                });
                view! { {sent} {acked} {changed} }
            }}
            <Show when=move || director.get() && standing.with(|s| s.sent.is_some() && s.acknowledged.is_none())>
                <div class="actions">
                    <button type="button" class="primary" on:click=acknowledge>{move || ctx.tr(Key::QaWkAcknowledge)}</button>
                </div>
            </Show>
            <Show when=readable fallback=|| view! { <Empty text=Key::QaWkNotSent/> }>
                {move || if inspector.get() {
                    view! { <Notes monday notes error viewer/> }.into_any()
                } else {
                    let notes = standing.with(|s| s.notes.clone());
                    (!notes.trim().is_empty()).then(|| view! {
                        <h3>{move || ctx.tr(Key::QaWkNotes)}</h3>
                        <p class="pre">{notes}</p>
                    }).into_any()
                }}
                <h3 id="qa-items-h">{move || ctx.tr(Key::QaWkItems)}
                    <span class="count">{move || items.with(Vec::len)}</span></h3>
                <Show when=move || items.with(|v| !v.is_empty()) fallback=move || view! {
                    <Empty text=if inspector.get() { Key::QaWkNoItems } else if agent.get() { Key::QaWkNoItemsForYou } else { Key::QaWkNoItemsSeen }/>
                }>
                    <ul class="cards" aria-labelledby="qa-items-h">
                        <For each=move || items.get() key=|id| *id let:id>
                            <ItemCard id viewer editable=inspector.get_untracked() with_week=false/>
                        </For>
                    </ul>
                </Show>
            </Show>
            <Show when=move || inspector.get()>
                <NewItem monday standing/>
                <Send monday standing notes error/>
            </Show>
            <Show when=move || !inspector.get()>
                <p class="error" role="alert">{move || error.get().map(crate::ui::kit::rules::rule_links)}</p>
            </Show>
        </section>
    }
}

/// The inspector's notes on the common problems, and a start drafted
/// from the week's summary.
#[component]
fn Notes(
    monday: RwSignal<NaiveDate>,
    notes: RwSignal<String>,
    error: RwSignal<Option<String>>,
    viewer: Viewer,
) -> impl IntoView {
    let ctx = use_ctx();
    let draft = Memo::new(move |_| {
        let (day, lang) = (monday.get(), ctx.lang.get());
        viewer.with(|v| {
            let v = v.as_ref()?;
            let s = ctx.model.with(|m| qa::weekly_summary(m, v, day).ok())?;
            (s.reviews > 0).then(|| draft_notes(lang, &s))
        })
    });
    let start = move |_| {
        if let Some(d) = draft.get_untracked() {
            notes.update(|n| {
                if !n.trim().is_empty() {
                    n.push('\n');
                }
                n.push_str(&d);
            });
        }
    };
    let save = move |_| {
        let (day, text) = (monday.get_untracked(), notes.get_untracked());
        ctx.act(
            error,
            Key::QaWkNotesSaved,
            move |m, a, now| qa::act::save_plan(m, a, day, &text, now),
            || {},
        )
    };
    view! {
        <div class="card">
        <div class="field">
            <label for="qa-notes">{move || ctx.tr(Key::QaWkNotes)}</label>
            <p class="hint" id="qa-notes-hint">{move || ctx.tr(Key::QaWkNotesHint)}</p>
            <textarea id="qa-notes" rows="4" aria-describedby="qa-notes-hint" bind:value=notes></textarea>
        </div>
        <div class="actions">
            <button type="button" on:click=save>{move || ctx.tr(Key::QaWkSaveNotes)}</button>
            <Show when=move || draft.with(Option::is_some)>
                <button type="button" on:click=start>{move || ctx.tr(Key::QaWkFromSummary)}</button>
            </Show>
        </div>
        </div>
    }
}

/// A new item; the week's plan is made first when it does not exist yet.
#[component]
fn NewItem(monday: RwSignal<NaiveDate>, standing: Memo<Standing>) -> impl IntoView {
    let ctx = use_ctx();
    let fields = Fields::new();
    let error = RwSignal::new(None::<String>);
    let add = Callback::new(move |_| {
        let draft = match fields.draft() {
            Ok(d) => d,
            Err(k) => return error.set(Some(ctx.tr_now(k).into())),
        };
        let day = monday.get_untracked();
        let notes = standing.with_untracked(|s| s.notes.clone());
        let (plan, id) = (qa::plan_id(day), ctx.new_id());
        with_plan(ctx, error, day, notes, move || {
            ctx.act(
                error,
                Key::QaWkItemAdded,
                move |m, a, now| qa::act::add_item(m, a, plan, &draft, id, now),
                move || fields.clear(),
            )
        });
    });
    view! {
        <div class="card qa-new-item">
            <h3>{move || ctx.tr(Key::QaWkNewItem)}</h3>
            <ItemForm prefix="qa-new".to_string() fields submit=Key::QaWkAddItem on_submit=add error/>
        </div>
    }
}

/// Send (again) to the department director, with the notes as typed.
#[component]
fn Send(
    monday: RwSignal<NaiveDate>,
    standing: Memo<Standing>,
    notes: RwSignal<String>,
    error: RwSignal<Option<String>>,
) -> impl IntoView {
    let ctx = use_ctx();
    let send = move |_| {
        let (day, notes) = (monday.get_untracked(), notes.get_untracked());
        let plan = qa::plan_id(day);
        with_plan(ctx, error, day, notes, move || {
            ctx.act(
                error,
                Key::QaWkSent,
                move |m, a, now| qa::act::send_plan(m, a, plan, now),
                || {},
            )
        });
    };
    view! {
        <div class="qa-send">
            <p class="error" role="alert">{move || error.get().map(crate::ui::kit::rules::rule_links)}</p>
            <p class="hint">{move || ctx.tr(Key::QaWkSendHint)}</p>
            <button type="button" class="primary" on:click=send>{move || ctx.tr(
                if standing.with(|s| s.sent.is_some()) { Key::QaWkSendAgain } else { Key::QaWkSend })}</button>
        </div>
    }
}

/// For directors: the sent plans of any week still waiting for their
/// acknowledgement, oldest first, each a way to its week.
#[component]
pub(crate) fn WaitingPlans(viewer: Viewer, monday: RwSignal<NaiveDate>) -> impl IntoView {
    let ctx = use_ctx();
    let waiting = Memo::new(move |_| {
        viewer.with(|v| {
            let Some(v) = v else { return Vec::new() };
            ctx.model.with(|m| {
                qa::plans_to_acknowledge(m, v)
                    .into_iter()
                    .filter_map(|id| {
                        let p = m.qa.plans.get(&id)?;
                        Some((
                            p.week,
                            name_of(m, p.sent_by),
                            p.sent_at?,
                            m.qa.items_of(id).len(),
                        ))
                    })
                    .collect::<Vec<_>>()
            })
        })
    });
    let open = move |week: NaiveDate| {
        monday.set(week);
        if let Some(el) = document().get_element_by_id("qa-plan-h") {
            el.scroll_into_view();
        }
    };
    view! {
        <Show when=move || waiting.with(|w| !w.is_empty())>
            <section class="qa-waiting" aria-labelledby="qa-waiting-h">
                <h2 id="qa-waiting-h">{move || ctx.tr(Key::QaTodayPlans)}
                    <span class="count">{move || waiting.with(Vec::len)}</span></h2>
                <ul class="cards" aria-labelledby="qa-waiting-h">
                    {move || {
                        let lang = ctx.lang.get();
                        waiting.get().into_iter().map(|(week, by, at, n)| {
                            let label = week_label(lang, week);
                            view! {
                                <li class="card item qa-waiting-plan">
                                    <p><strong>{label.clone()}</strong></p>
                                    <p class="meta">{ctx.tr(Key::QaWkSentBy)} " " {by} " · " {fmt_datetime(lang, at)}
                                        " · " {counted(lang, n, Key::QaWkOneItem, Key::QaWkManyItems)}</p>
                                    <button type="button" aria-label=format!("{} — {label}", ctx.tr(Key::QaWkOpenWeek))
                                        on:click=move |_| open(week)>{ctx.tr(Key::QaWkOpenWeek)}</button>
                                </li>
                            }
                        }).collect_view()
                    }}
                </ul>
            </section>
        </Show>
    }
}

/// The training I attend or run, from any sent plan (as on Today).
#[component]
pub(crate) fn MyTraining(viewer: Viewer) -> impl IntoView {
    let ctx = use_ctx();
    let ids = Memo::new(move |_| {
        let me = viewer.with(|v| v.as_ref().map(|s| s.id));
        let day = today(ctx);
        me.map(|me| ctx.model.with(|m| qa::training_for(m, me, day)))
            .unwrap_or_default()
    });
    view! {
        <Show when=move || ids.with(|v| !v.is_empty())>
            <section class="qa-mine" aria-labelledby="qa-mine-h">
                <h2 id="qa-mine-h">{move || ctx.tr(Key::QaWkMyTraining)}
                    <span class="count">{move || ids.with(Vec::len)}</span></h2>
                <p class="hint">{move || ctx.tr(Key::QaWkMyTrainingHint)}</p>
                <ul class="cards" aria-labelledby="qa-mine-h">
                    <For each=move || ids.get() key=|id| *id let:id>
                        <ItemCard id viewer editable=false with_week=true/>
                    </For>
                </ul>
            </section>
        </Show>
    }
}
