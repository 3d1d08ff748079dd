//! Editing a scorecard (R-QA-01), for a department director: its name,
//! and its criteria (rename, weigh, mark critical, reorder, add up to
//! `MAX_CRITERIA`, remove after a confirmation). Saving makes a new version
//! (`qa::act::save_scorecard`); a new scorecard starts from the standard
//! criteria. What the form can tell by itself (a name missing, a weight
//! that is not 1..=MAX_WEIGHT) it says naming the criterion, before asking
//! the rule.

use super::{refusal_words, with_n};
use crate::domain::qa::{self, Criterion, CriterionDraft, STANDARD_CRITERIA};
use crate::domain::Lang;
use crate::sync::RecordId;
use crate::ui::kit::rules::rule_links;
use crate::ui::kit::widgets::ConfirmButton;
use crate::ui::shell::act::Outcome;
use crate::ui::shell::state::use_ctx;
use crate::ui::words::{criterion_label, t, Key};
use leptos::prelude::*;

/// Weight of a criterion added on the form.
const NEW_WEIGHT: &str = "10";

/// One criterion as the form holds it. `uid` tells rows apart while they
/// move; `key` is kept from the version edited (None: a new criterion).
#[derive(Clone)]
struct Row {
    uid: usize,
    key: Option<String>,
    name: RwSignal<String>,
    weight: RwSignal<String>,
    critical: RwSignal<bool>,
}

type Rows = RwSignal<Vec<Row>>;

fn standard_key(key: &Option<String>) -> bool {
    key.as_deref()
        .is_some_and(|k| STANDARD_CRITERIA.contains(&k))
}

/// A row's name as stored: a standard criterion whose name still reads as
/// the interface's words (in either language) stays unnamed, so each
/// person keeps reading it in their own language.
fn stored_name(key: &Option<String>, typed: &str) -> String {
    let typed = typed.trim();
    if let Some(k) = key.as_deref().filter(|_| standard_key(key)) {
        if [Lang::Es, Lang::En]
            .into_iter()
            .any(|l| criterion_label(l, k, "") == typed)
        {
            return String::new();
        }
    }
    typed.to_string()
}

/// A row's title: its name as typed, the standard words, or "New criterion".
fn row_title(lang: Lang, key: &Option<String>, typed: &str) -> String {
    let shown = criterion_label(lang, key.as_deref().unwrap_or_default(), typed.trim());
    if shown.trim().is_empty() {
        t(lang, Key::QaSetNewCriterion).to_string()
    } else {
        shown
    }
}

/// What the form can refuse by itself, naming the criterion, with the id
/// of the input to fix; None when it is for the rule to judge.
fn first_problem(
    lang: Lang,
    standard: bool,
    name: &str,
    rows: &[Row],
    prefix: &str,
) -> Option<(String, String)> {
    if !standard && name.trim().is_empty() {
        return Some((
            t(lang, Key::QaSetErrCardName).to_string(),
            format!("{prefix}-name"),
        ));
    }
    for (i, r) in rows.iter().enumerate() {
        let typed = r.name.get_untracked();
        if !standard_key(&r.key) && typed.trim().is_empty() {
            return Some((
                with_n(lang, Key::QaSetErrCriterionName, i + 1),
                format!("{prefix}-{}-name", r.uid),
            ));
        }
        let weight = r.weight.get_untracked().trim().parse::<u32>().ok();
        if !weight.is_some_and(|w| (1..=qa::MAX_WEIGHT).contains(&w)) {
            let text = t(lang, Key::QaSetErrWeight)
                .replace("{name}", &row_title(lang, &r.key, &typed))
                .replace("{max}", &qa::MAX_WEIGHT.to_string());
            return Some((text, format!("{prefix}-{}-weight", r.uid)));
        }
    }
    None
}

fn drafts(rows: &[Row]) -> Vec<CriterionDraft> {
    rows.iter()
        .map(|r| CriterionDraft {
            key: r.key.clone(),
            name: stored_name(&r.key, &r.name.get_untracked()),
            // Checked before: a stray value reads as 0, which the rule refuses.
            weight: r.weight.get_untracked().trim().parse().unwrap_or(0),
            critical: r.critical.get_untracked(),
        })
        .collect()
}

/// Whether the drafts say what `criteria` (and the name) already say.
fn unchanged(name: &str, typed: &str, criteria: &[Criterion], drafts: &[CriterionDraft]) -> bool {
    name.trim() == typed.trim()
        && criteria.len() == drafts.len()
        && criteria.iter().zip(drafts).all(|(c, d)| {
            d.key.as_deref() == Some(c.key.as_str())
                && d.name == c.name
                && d.weight == c.weight
                && d.critical == c.critical
        })
}

/// The editor of scorecard `card` (None: a new one) whose current version
/// has `name` and `criteria`; saving makes version `next`. `on_close` is
/// told the scorecard saved, or None when cancelled.
#[component]
pub(super) fn ScorecardEditor(
    card: Option<RecordId>,
    name: String,
    criteria: Vec<Criterion>,
    next: usize,
    on_close: Callback<Option<RecordId>>,
) -> impl IntoView {
    let ctx = use_ctx();
    let standard = card == Some(qa::standard_card_id());
    let prefix = match card {
        Some(c) => format!("sc-{c}"),
        None => "sc-new".to_string(),
    };
    let lang = ctx.lang.get_untracked();
    let typed_name = RwSignal::new(name.clone());
    let seq = StoredValue::new(0usize);
    let owner = Owner::current();
    // Rows are made in click handlers too: their signals belong to the form.
    let new_row = move |key: Option<String>, name: String, weight: String, critical: bool| {
        let make = move || {
            let uid = seq.get_value();
            seq.set_value(uid + 1);
            Row {
                uid,
                key,
                name: RwSignal::new(name),
                weight: RwSignal::new(weight),
                critical: RwSignal::new(critical),
            }
        };
        match &owner {
            Some(o) => o.with(make),
            None => make(),
        }
    };
    let rows: Rows = RwSignal::new(
        criteria
            .iter()
            .map(|c| {
                let key = Some(c.key.clone());
                let shown = criterion_label(lang, &c.key, &c.name);
                new_row(key, shown, c.weight.to_string(), c.critical)
            })
            .collect(),
    );
    let error = RwSignal::new(None::<String>);
    let invalid = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let full = move || rows.with(|v| v.len() >= qa::MAX_CRITERIA);
    let add = {
        let prefix = prefix.clone();
        let new_row = new_row.clone();
        move |_| {
            if full() {
                return;
            }
            let row = new_row(None, String::new(), NEW_WEIGHT.to_string(), false);
            let focus_id = format!("{prefix}-{}-name", row.uid);
            rows.update(|v| v.push(row));
            super::focus(&focus_id);
        }
    };
    let submit = {
        let prefix = prefix.clone();
        let (name, criteria) = (name.clone(), criteria.clone());
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            if busy.get_untracked() {
                return;
            }
            let lang = ctx.lang.get_untracked();
            let typed = typed_name.get_untracked();
            let problem =
                rows.with_untracked(|v| first_problem(lang, standard, &typed, v, &prefix));
            if let Some((text, field)) = problem {
                error.set(Some(text));
                invalid.set(Some(field.clone()));
                super::focus(&field);
                return;
            }
            invalid.set(None);
            let drafts = rows.with_untracked(|v| drafts(v));
            if card.is_some() && unchanged(&name, &typed, &criteria, &drafts) {
                error.set(None);
                ctx.toast
                    .set(Some(ctx.tr_now(Key::QaSetNothingChanged).into()));
                on_close.run(None);
                return;
            }
            let id = ctx.new_id();
            let saved = card.unwrap_or(id);
            busy.set(true);
            ctx.act_with(
                if card.is_some() {
                    Key::QaSetCardSaved
                } else {
                    Key::QaSetCardCreated
                },
                move |m, actor, now| {
                    qa::act::save_scorecard(m, actor, card, &typed, &drafts, id, now)
                },
                move |outcome| {
                    busy.set(false);
                    match outcome {
                        Outcome::Saved => {
                            error.set(None);
                            on_close.run(Some(saved));
                        }
                        Outcome::Refused(r) => error.set(refusal_words(ctx, &r)),
                        Outcome::Failed(msg) => error.set(Some(msg)),
                    }
                },
            );
        }
    };
    let name_id = format!("{prefix}-name");
    let hint_id = format!("{prefix}-name-hint");
    let form_label = move || {
        let title = super::card_name(ctx.lang.get(), standard, &name);
        if card.is_some() {
            format!("{} — {title}", ctx.tr(Key::QaSetEdit))
        } else {
            ctx.tr(Key::QaSetNewCard).to_string()
        }
    };
    let name_invalid = {
        let id = name_id.clone();
        Signal::derive(move || invalid.get().as_deref() == Some(id.as_str()))
    };
    super::focus(&name_id);
    view! {
        <form class="qa-editor" on:submit=submit novalidate aria-label=form_label>
            <div class="field" class:invalid=name_invalid>
                <label for=name_id.clone()>{move || ctx.tr(Key::QaSetCardName)}
                    {(!standard).then_some(view! { <span class="req" aria-hidden="true">" *"</span> })}</label>
                {standard.then(|| view! { <p class="hint" id=hint_id.clone()>{move || ctx.tr(Key::QaSetCardNameHint)}</p> })}
                <input id=name_id type="text" bind:value=typed_name required=!standard autocomplete="off"
                    aria-describedby=standard.then_some(hint_id.clone())
                    aria-invalid=move || name_invalid.get().to_string()/>
            </div>
            <p class="hint">{move || t(ctx.lang.get(), Key::QaSetWeightsHint).replace("{max}", &qa::MAX_WEIGHT.to_string())}</p>
            <For each=move || rows.get() key=|r| r.uid let:row>
                <CriterionEditor row rows prefix=prefix.clone() invalid/>
            </For>
            <div class="actions">
                <button type="button" on:click=add disabled=full>{move || format!("+ {}", ctx.tr(Key::QaSetAddCriterion))}</button>
                <span class="meta">{move || t(ctx.lang.get(), Key::QaSetCriteriaCount)
                    .replace("{n}", &rows.with(Vec::len).to_string())
                    .replace("{max}", &qa::MAX_CRITERIA.to_string())}</span>
            </div>
            {card.is_some().then(|| view! {
                <p class="hint qa-new-version">{move || with_n(ctx.lang.get(), Key::QaSetNewVersionNote, next)}</p>
            })}
            <p class="error" role="alert">{move || error.get().map(rule_links)}</p>
            <div class="actions">
                <button type="submit" class="primary" disabled=move || busy.get()>
                    {move || ctx.tr(if card.is_some() { Key::QaSetSaveCard } else { Key::QaSetCreateCard })}</button>
                <button type="button" on:click=move |_| on_close.run(None)>{move || ctx.tr(Key::Cancel)}</button>
            </div>
        </form>
    }
}

/// One criterion on the form: a group named by its place and name.
#[component]
fn CriterionEditor(
    row: Row,
    rows: Rows,
    prefix: String,
    invalid: RwSignal<Option<String>>,
) -> impl IntoView {
    let ctx = use_ctx();
    let uid = row.uid;
    let place = move || {
        rows.with(|v| v.iter().position(|r| r.uid == uid))
            .unwrap_or(0)
    };
    let count = move || rows.with(Vec::len);
    let key = row.key.clone();
    let name = row.name;
    let title = move || {
        format!(
            "{}. {}",
            place() + 1,
            row_title(ctx.lang.get(), &key, &name.get())
        )
    };
    let name_id = format!("{prefix}-{uid}-name");
    let weight_id = format!("{prefix}-{uid}-weight");
    let bad =
        move |id: String| Signal::derive(move || invalid.get().as_deref() == Some(id.as_str()));
    let (name_bad, weight_bad) = (bad(name_id.clone()), bad(weight_id.clone()));
    let shift = move |up: bool| {
        rows.update(|v| {
            let Some(i) = v.iter().position(|r| r.uid == uid) else {
                return;
            };
            let j = if up {
                i.checked_sub(1)
            } else {
                Some(i + 1).filter(|j| *j < v.len())
            };
            if let Some(j) = j {
                v.swap(i, j);
            }
        })
    };
    let remove = Callback::new(move |_| rows.update(|v| v.retain(|r| r.uid != uid)));
    let placeholder = row
        .key
        .as_deref()
        .filter(|_| standard_key(&row.key))
        .map(|k| k.to_string());
    view! {
        <fieldset class="qa-crit-edit">
            <legend>{title}</legend>
            <div class="qa-crit-fields">
                <div class="field qa-crit-name" class:invalid=name_bad>
                    <label for=name_id.clone()>{move || ctx.tr(Key::QaSetCriterionName)}</label>
                    <input id=name_id type="text" bind:value=row.name autocomplete="off"
                        placeholder=move || placeholder.as_deref().map(|k| criterion_label(ctx.lang.get(), k, ""))
                        aria-invalid=move || name_bad.get().to_string()/>
                </div>
                <div class="field qa-crit-weight" class:invalid=weight_bad>
                    <label for=weight_id.clone()>{move || ctx.tr(Key::QaSetCriterionWeight)}</label>
                    <input id=weight_id type="number" inputmode="numeric" min="1" max=qa::MAX_WEIGHT.to_string()
                        bind:value=row.weight aria-invalid=move || weight_bad.get().to_string()/>
                </div>
            </div>
            <label class="check"><input type="checkbox" bind:checked=row.critical/>
                {move || ctx.tr(Key::QaSetCriticalCheck)}</label>
            <div class="actions qa-crit-actions">
                <button type="button" disabled=move || place() == 0 on:click=move |_| shift(true)>
                    {move || format!("↑ {}", ctx.tr(Key::QaSetMoveUp))}</button>
                <button type="button" disabled=move || { place() + 1 >= count() } on:click=move |_| shift(false)>
                    {move || format!("↓ {}", ctx.tr(Key::QaSetMoveDown))}</button>
                <ConfirmButton label=Key::QaSetRemove confirm=Key::QaSetRemoveConfirm on_confirm=remove
                    disabled=Signal::derive(move || count() <= 1)/>
            </div>
        </fieldset>
    }
}
