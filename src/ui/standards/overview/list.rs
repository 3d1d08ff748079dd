//! The departments the organisation keeps (R-STD-01): each with the other
//! spellings adopted into it; a department director or higher adds one,
//! renames one (its old name stays a spelling) or makes one inactive
//! after a confirmation. Then the free-text departments written in
//! contacts' forwards and complaints' judgements that no department has
//! adopted, offered as a new department or as another spelling of one:
//! nothing stored is rewritten.

use crate::domain::standards::{self, act, Candidate, Department};
use crate::sync::RecordId;
use crate::ui::kit::widgets::{ConfirmButton, Empty, TextField};
use crate::ui::shell::state::use_ctx;
use crate::ui::words::{t, Key};
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub(super) fn DepartmentsSection(director: Memo<bool>) -> impl IntoView {
    let ctx = use_ctx();
    let list = Memo::new(move |_| {
        ctx.model.with(|m| {
            m.standards
                .departments_by_name()
                .into_iter()
                .cloned()
                .collect::<Vec<Department>>()
        })
    });
    let name = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let text = name.get_untracked();
        ctx.act(
            error,
            Key::StdDeptAdded,
            move |m, a, now| act::add_department(m, a, &text, now),
            move || name.set(String::new()),
        );
    };
    view! {
        <section aria-labelledby="std-depts-h">
            <h2 id="std-depts-h">{move || ctx.tr(Key::StdDepartments)}
                <span class="count">{move || list.with(Vec::len)}</span></h2>
            <p class="hint">{move || ctx.tr(if director.get() { Key::StdDepartmentsHint } else { Key::StdDepartmentsReadOnly })}</p>
            <Show when=move || list.with(|l| !l.is_empty()) fallback=move || view! {
                <Empty text=if director.get() { Key::StdNoDepartmentsKept } else { Key::StdNoDepartmentsOthers }/>
            }>
                <ul class="cards std-depts" aria-labelledby="std-depts-h">
                    <For each=move || list.get() key=|d| (d.id, d.name.clone(), d.active, d.aliases.len()) let:d>
                        <DeptItem d director/>
                    </For>
                </ul>
            </Show>
            <Show when=move || director.get()>
                <form class="card std-add-dept" on:submit=add novalidate>
                    <h3>{move || ctx.tr(Key::StdAddDept)}</h3>
                    <TextField id="std-new-dept" label=Key::StdDeptName value=name required=true/>
                    <p class="error" role="alert">{move || error.get().map(crate::ui::kit::rules::rule_links)}</p>
                    <button type="submit" class="primary">{move || ctx.tr(Key::StdAddDept)}</button>
                </form>
            </Show>
        </section>
    }
}

#[component]
fn DeptItem(d: Department, director: Memo<bool>) -> impl IntoView {
    let ctx = use_ctx();
    let id = d.id;
    let head = format!("std-kept-{id}");
    let labelled = head.clone();
    let renaming = RwSignal::new(false);
    let name = RwSignal::new(d.name.clone());
    let error = RwSignal::new(None::<String>);
    let active = d.active;
    let aliases = d.aliases.join(", ");
    let has_aliases = !d.aliases.is_empty();
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let text = name.get_untracked();
        ctx.act(
            error,
            Key::StdDeptRenamed,
            move |m, a, now| act::rename_department(m, a, id, &text, now),
            move || renaming.set(false),
        );
    };
    let set_active = move |on: bool| {
        ctx.act(
            error,
            if on {
                Key::StdDeptReactivated
            } else {
                Key::StdDeptDeactivated
            },
            move |m, a, now| act::set_department_active(m, a, id, on, now),
            || {},
        );
    };
    let dname = StoredValue::new(d.name.clone());
    let label = move |k: Key| format!("{} — {}", t(ctx.lang.get(), k), dname.get_value());
    view! {
        <li class="card item std-kept" aria-labelledby=labelled>
            <p id=head><strong><A href=format!("/standards/department/{id}")>{d.name.clone()}</A></strong>
                {(!active).then(|| view! { " " <span class="badge">{move || ctx.tr(Key::StdInactive)}</span> })}</p>
            {has_aliases.then(|| view! { <p class="meta">{move || ctx.tr(Key::StdAlsoWritten)} " " {aliases.clone()}</p> })}
            <Show when=move || director.get()>
                <Show when=move || renaming.get() fallback=move || {
                    view! {
                        <div class="actions">
                            <button type="button" aria-label=move || label(Key::StdRename) on:click=move |_| renaming.set(true)>{move || ctx.tr(Key::StdRename)}</button>
                            {if active {
                                view! { <ConfirmButton label=Key::StdDeactivate confirm=Key::StdDeactivateConfirm
                                    on_confirm=Callback::new(move |_| set_active(false))/> }.into_any()
                            } else {
                                view! { <button type="button" aria-label=move || label(Key::StdReactivate) on:click=move |_| set_active(true)>{move || ctx.tr(Key::StdReactivate)}</button> }.into_any()
                            }}
                        </div>
                    }
                }>
                    <form on:submit=save novalidate>
                        <div class="field">
                            <label for=format!("std-rename-{id}")>{move || ctx.tr(Key::StdNewName)}</label>
                            <input id=format!("std-rename-{id}") type="text" bind:value=name autocomplete="off"/>
                        </div>
                        <p class="hint">{move || ctx.tr(Key::StdRenameHint)}</p>
                        <div class="actions">
                            <button type="submit" class="primary">{move || ctx.tr(Key::StdSaveName)}</button>
                            <button type="button" on:click=move |_| renaming.set(false)>{move || ctx.tr(Key::Cancel)}</button>
                        </div>
                    </form>
                </Show>
            </Show>
            <p class="error" role="alert">{move || error.get().map(crate::ui::kit::rules::rule_links)}</p>
        </li>
    }
}

#[component]
pub(super) fn Candidates(director: Memo<bool>) -> impl IntoView {
    let ctx = use_ctx();
    let list = Memo::new(move |_| ctx.model.with(standards::department_candidates));
    let kept = Memo::new(move |_| {
        ctx.model.with(|m| {
            m.standards
                .departments_by_name()
                .into_iter()
                .filter(|d| d.active)
                .map(|d| (d.id, d.name.clone()))
                .collect::<Vec<_>>()
        })
    });
    view! {
        <section aria-labelledby="std-cand-h">
            <h2 id="std-cand-h">{move || ctx.tr(Key::StdCandidates)}
                <span class="count">{move || list.with(Vec::len)}</span></h2>
            <p class="hint">{move || ctx.tr(Key::StdCandidatesHint)}</p>
            <Show when=move || list.with(|l| !l.is_empty()) fallback=|| view! { <Empty text=Key::StdNoCandidates/> }>
                <ul class="cards std-cands" aria-labelledby="std-cand-h">
                    {move || list.get().into_iter().enumerate().map(|(i, c)| view! { <CandidateItem i c director kept/> }).collect_view()}
                </ul>
            </Show>
        </section>
    }
}

#[component]
fn CandidateItem(
    i: usize,
    c: Candidate,
    director: Memo<bool>,
    kept: Memo<Vec<(RecordId, String)>>,
) -> impl IntoView {
    let ctx = use_ctx();
    let head = format!("std-cand-{i}");
    let labelled = head.clone();
    let error = RwSignal::new(None::<String>);
    let into = RwSignal::new(String::new());
    let name = c.name.clone();
    let counts = move || {
        t(ctx.lang.get(), Key::StdCandidateCounts)
            .replace("{contacts}", &c.contacts.to_string())
            .replace("{complaints}", &c.complaints.to_string())
    };
    let spellings = c.spellings.join(" · ");
    let adopt = move |target: Option<RecordId>, text: String| {
        ctx.act(
            error,
            Key::StdAdopted,
            move |m, a, now| act::adopt(m, a, &text, target, now),
            || {},
        );
    };
    // Every spelling folds to the same text: adopting one adopts them all.
    let stored = StoredValue::new(name.clone());
    let as_spelling = move |_| {
        let Ok(target) = into.get_untracked().parse::<RecordId>() else {
            return error.set(Some(ctx.tr_now(Key::StdChooseDept).into()));
        };
        adopt(Some(target), stored.get_value());
    };
    let as_new = move |_| adopt(None, stored.get_value());
    view! {
        <li class="card item std-cand" aria-labelledby=labelled>
            <p id=head><strong>{name.clone()}</strong></p>
            <p class="meta">{counts}</p>
            <p class="meta">{move || ctx.tr(Key::StdSpellings)} " " {spellings.clone()}</p>
            <Show when=move || director.get()>
                <div class="actions">
                    <button type="button" class="primary" aria-label=move || format!("{} — {}", ctx.tr(Key::StdAdoptNew), stored.get_value())
                        on:click=as_new>{move || ctx.tr(Key::StdAdoptNew)}</button>
                </div>
                <Show when=move || kept.with(|k| !k.is_empty())>
                    <div class="std-into">
                        <div class="field">
                            <label for=format!("std-cand-into-{i}")>{move || format!("{} — {}", ctx.tr(Key::StdAdoptInto), stored.get_value())}</label>
                            <select id=format!("std-cand-into-{i}") on:change=move |ev| into.set(event_target_value(&ev))>
                                <option value="">{move || ctx.tr(Key::StdChooseDeptOption)}</option>
                                {move || kept.get().into_iter().map(|(id, n)| view! { <option value=id.to_string()>{n}</option> }).collect_view()}
                            </select>
                        </div>
                        <button type="button" on:click=as_spelling>{move || ctx.tr(Key::StdAdoptAsSpelling)}</button>
                    </div>
                </Show>
            </Show>
            <p class="error" role="alert">{move || error.get().map(crate::ui::kit::rules::rule_links)}</p>
        </li>
    }
}
