//! One training item of a week's plan (R-QA-03): what, for whom (everyone
//! or named people), who runs it and by when; done or overdue. Inspectors
//! edit it in place or remove it (after a confirmation); its owner or an
//! inspector marks it done. The same form adds a new item (`week_plan.rs`).

use super::Viewer;
use crate::domain::qa::{self, ItemDraft, TrainingItem};
use crate::sync::RecordId;
use crate::ui::kit::time::today;
use crate::ui::kit::widgets::{
    active_staff_names, fmt_date, fmt_datetime, parse_date, ConfirmButton,
};
use crate::ui::shell::state::use_ctx;
use crate::ui::words::Key;
use chrono::{DateTime, NaiveDate, Utc};
use leptos::prelude::*;

/// The item form's fields, as typed.
#[derive(Clone, Copy)]
pub(crate) struct Fields {
    pub text: RwSignal<String>,
    pub everyone: RwSignal<bool>,
    pub people: RwSignal<Vec<RecordId>>,
    /// A staff id, or "" (not chosen yet).
    pub owner: RwSignal<String>,
    /// YYYY-MM-DD, or "".
    pub due: RwSignal<String>,
}

impl Fields {
    pub fn new() -> Fields {
        Fields {
            text: RwSignal::new(String::new()),
            everyone: RwSignal::new(true),
            people: RwSignal::new(Vec::new()),
            owner: RwSignal::new(String::new()),
            due: RwSignal::new(String::new()),
        }
    }

    /// The fields as `i` has them (to edit it).
    fn fill(&self, i: &TrainingItem) {
        self.text.set(i.text.clone());
        self.everyone.set(i.people.is_empty());
        self.people.set(i.people.clone());
        self.owner.set(i.owner.to_string());
        self.due.set(i.due.format("%Y-%m-%d").to_string());
    }

    pub fn clear(&self) {
        self.text.set(String::new());
        self.everyone.set(true);
        self.people.set(Vec::new());
        self.owner.set(String::new());
        self.due.set(String::new());
    }

    /// What the rule is handed, or the words for what is still missing
    /// (the rule itself checks the text, the people and the date's range).
    pub fn draft(&self) -> Result<ItemDraft, Key> {
        let people = if self.everyone.get_untracked() {
            Vec::new()
        } else {
            self.people.get_untracked()
        };
        if !self.everyone.get_untracked() && people.is_empty() {
            return Err(Key::QaWkChoosePeople);
        }
        let owner = self
            .owner
            .get_untracked()
            .parse::<RecordId>()
            .map_err(|_| Key::QaWkOwnerNeeded)?;
        let due = parse_date(&self.due.get_untracked()).ok_or(Key::QaWkDueNeeded)?;
        Ok(ItemDraft {
            text: self.text.get_untracked(),
            people,
            owner,
            due,
        })
    }
}

/// The item form: `prefix` makes its ids unique on the page.
#[component]
pub(crate) fn ItemForm(
    prefix: String,
    fields: Fields,
    submit: Key,
    on_submit: Callback<()>,
    error: RwSignal<Option<String>>,
    #[prop(optional)] on_cancel: Option<Callback<()>>,
) -> impl IntoView {
    let ctx = use_ctx();
    let staff = Memo::new(move |_| ctx.model.with(active_staff_names));
    let (text_id, owner_id, due_id, who) = (
        format!("{prefix}-text"),
        format!("{prefix}-owner"),
        format!("{prefix}-due"),
        format!("{prefix}-who"),
    );
    let Fields {
        text,
        everyone,
        people,
        owner,
        due,
    } = fields;
    let send = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        on_submit.run(());
    };
    view! {
        <form class="qa-item-form" on:submit=send novalidate>
            <div class="field">
                <label for=text_id.clone()>{move || ctx.tr(Key::QaWkItemText)}<span class="req" aria-hidden="true">" *"</span></label>
                <input id=text_id type="text" required=true bind:value=text autocomplete="off"/>
            </div>
            <fieldset class="qa-who">
                <legend>{move || ctx.tr(Key::QaWkWho)}</legend>
                <div class="qa-scale">
                    <label class="qa-choice"><input type="radio" name=who.clone() prop:checked=move || everyone.get()
                        on:change=move |_| everyone.set(true)/>{move || ctx.tr(Key::QaWkEveryone)}</label>
                    <label class="qa-choice"><input type="radio" name=who prop:checked=move || !everyone.get()
                        on:change=move |_| everyone.set(false)/>{move || ctx.tr(Key::QaWkNamed)}</label>
                </div>
                <Show when=move || !everyone.get()>
                    <div class="qa-people">
                        {move || staff.get().into_iter().map(|(id, name)| {
                            let toggle = move |ev: leptos::ev::Event| {
                                let on = event_target_checked(&ev);
                                people.update(|p| {
                                    p.retain(|x| *x != id);
                                    if on { p.push(id); }
                                });
                            };
                            view! {
                                <label class="check"><input type="checkbox"
                                    prop:checked=move || people.with(|p| p.contains(&id)) on:change=toggle/>{name}</label>
                            }
                        }).collect_view()}
                    </div>
                </Show>
            </fieldset>
            <div class="grid2">
                <div class="field">
                    <label for=owner_id.clone()>{move || ctx.tr(Key::QaWkOwner)}<span class="req" aria-hidden="true">" *"</span></label>
                    <select id=owner_id on:change=move |ev| owner.set(event_target_value(&ev)) prop:value=move || owner.get()>
                        <option value="" selected=move || owner.get().is_empty()>{move || ctx.tr(Key::QaChooseAgent)}</option>
                        {move || staff.get().into_iter().map(|(id, name)| {
                            let code = id.to_string();
                            let same = code.clone();
                            view! { <option value=code selected=move || owner.get() == same>{name}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for=due_id.clone()>{move || ctx.tr(Key::QaWkDue)}<span class="req" aria-hidden="true">" *"</span></label>
                    <input id=due_id type="date" bind:value=due/>
                </div>
            </div>
            <p class="error" role="alert">{move || error.get().map(crate::ui::kit::rules::rule_links)}</p>
            <div class="actions">
                <button type="submit" class="primary">{move || ctx.tr(submit)}</button>
                {on_cancel.map(|c| view! {
                    <button type="button" on:click=move |_| c.run(())>{move || ctx.tr(Key::Cancel)}</button>
                })}
            </div>
        </form>
    }
}

/// What an item card shows, read once per change of the model.
#[derive(Clone, PartialEq)]
struct Shown {
    item: TrainingItem,
    people: Vec<String>,
    owner: String,
    week: Option<NaiveDate>,
}

/// One item. `editable`: an inspector's controls (edit, remove);
/// `with_week`: says which week's plan it is from (the list of my training).
#[component]
pub(crate) fn ItemCard(
    id: RecordId,
    viewer: Viewer,
    editable: bool,
    with_week: bool,
) -> impl IntoView {
    let ctx = use_ctx();
    let data = Memo::new(move |_| {
        ctx.model.with(|m| {
            let item = m.qa.items.get(&id)?.clone();
            let name = |p: &RecordId| {
                m.staff
                    .get(p)
                    .map_or_else(|| "—".to_string(), |s| s.name.clone())
            };
            Some(Shown {
                people: item.people.iter().map(name).collect(),
                owner: name(&item.owner),
                week: m.qa.plans.get(&item.plan).map(|p| p.week),
                item,
            })
        })
    });
    let editing = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let fields = Fields::new();
    let edit = move |_| {
        if let Some(s) = data.get_untracked() {
            fields.fill(&s.item);
            error.set(None);
            editing.set(true);
        }
    };
    let save = Callback::new(move |_| match fields.draft() {
        Err(k) => error.set(Some(ctx.tr_now(k).into())),
        Ok(draft) => ctx.act(
            error,
            Key::QaWkItemSaved,
            move |m, a, now| qa::act::edit_item(m, a, id, &draft, now),
            move || editing.set(false),
        ),
    });
    let remove = Callback::new(move |_| {
        ctx.act(
            error,
            Key::QaWkItemRemoved,
            move |m, a, _| qa::act::remove_item(m, a, id),
            || {},
        )
    });
    let done = move |_| {
        ctx.act(
            error,
            Key::QaWkItemDone,
            move |m, a, now| qa::act::complete_item(m, a, id, now),
            || {},
        )
    };
    move || {
        let s = data.get()?;
        let lang = ctx.lang.get();
        let mine = viewer.with(|v| v.as_ref().is_some_and(|v| v.id == s.item.owner));
        let may_finish = s.item.done_at.is_none() && (editable || mine);
        let overdue = s.item.done_at.is_none() && s.item.due < today(ctx);
        let label = s.item.text.clone();
        if editing.get() {
            return Some(view! {
                <li class="card item qa-item editing" aria-label=label>
                    <ItemForm prefix=format!("qa-item-{id}") fields submit=Key::QaWkSaveItem on_submit=save error
                        on_cancel=Callback::new(move |_| editing.set(false))/>
                </li>
            }.into_any());
        }
        let who = if s.people.is_empty() {
            ctx.tr(Key::QaWkForEveryone).to_string()
        } else {
            s.people.join(", ")
        };
        Some(view! {
            <li class="card item qa-item" class:overdue=overdue aria-label=label>
                <p class="qa-item-text"><strong>{s.item.text.clone()}</strong></p>
                {with_week.then(|| s.week.map(|w| view! {
                    <p class="meta">{ctx.tr(Key::QaWkPlanOfWeek)} " " {super::week_label(lang, w)}</p>
                }))}
                <p class="meta">{ctx.tr(Key::QaWkFor)} " " {who}</p>
                <p class="meta">{ctx.tr(Key::QaWkRunBy)} " " {s.owner.clone()}
                    {mine.then(|| format!(" ({})", ctx.tr(Key::QaTodayRuns)))}
                    " · " {ctx.tr(Key::QaWkDueShown)} " " {fmt_date(lang, s.item.due)}</p>
                {status(s.item.done_at, overdue, lang)}
                <p class="error" role="alert">{move || error.get().map(crate::ui::kit::rules::rule_links)}</p>
                {(may_finish || editable).then(|| view! {
                    <div class="actions">
                        {may_finish.then(|| view! {
                            <button type="button" on:click=done>{ctx.tr(Key::QaWkMarkDone)}</button>
                        })}
                        {editable.then(|| view! {
                            <button type="button" on:click=edit>{ctx.tr(Key::QaWkEdit)}</button>
                            <ConfirmButton label=Key::QaWkRemove confirm=Key::QaWkRemoveConfirm on_confirm=remove/>
                        })}
                    </div>
                })}
            </li>
        }.into_any())
    }
}

/// Done (and when), overdue, or nothing.
fn status(
    done_at: Option<DateTime<Utc>>,
    overdue: bool,
    lang: crate::domain::Lang,
) -> impl IntoView {
    let ctx = use_ctx();
    match done_at {
        Some(at) => Some(view! {
            <p class="meta"><span class="badge ok">{ctx.tr(Key::QaWkDone)}</span> {fmt_datetime(lang, at)}</p>
        }.into_any()),
        None if overdue => Some(view! {
            <p class="meta"><span class="badge late">{ctx.tr(Key::QaWkOverdue)}</span></p>
        }.into_any()),
        None => None,
    }
}
