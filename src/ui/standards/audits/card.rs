//! One audit's card: the department and day, its auditor and summary, its
//! findings and its improvement actions; for a department director or
//! higher, a finding or an action added (each folded away until opened).

use super::super::{audit_title, staff_name};
use super::action::ActionItem;
use crate::domain::complaint::Severity;
use crate::domain::standards::{act, ActionDraft};
use crate::sync::RecordId;
use crate::ui::kit::options::code_options;
use crate::ui::kit::widgets::{active_staff_names, parse_date};
use crate::ui::shell::state::use_ctx;
use crate::ui::words::complaint_labels::severity_label;
use crate::ui::words::Key;
use leptos::prelude::*;

#[component]
pub(super) fn AuditCard(id: RecordId, director: Memo<bool>) -> impl IntoView {
    let ctx = use_ctx();
    let head = format!("audit-{id}-h");
    let labelled = head.clone();
    let title = move || ctx.model.with(|m| audit_title(ctx.lang.get(), m, id));
    let facts = Memo::new(move |_| {
        ctx.model.with(|m| {
            m.standards
                .audits
                .get(&id)
                .map(|a| (staff_name(m, a.auditor), a.summary.clone()))
        })
    });
    let findings = Memo::new(move |_| {
        ctx.model.with(|m| {
            m.standards
                .findings_of(id)
                .into_iter()
                .map(|f| (f.id, f.severity, f.evidence.clone()))
                .collect::<Vec<_>>()
        })
    });
    let actions = Memo::new(move |_| {
        ctx.model.with(|m| {
            m.standards
                .actions_of(id)
                .into_iter()
                .map(|a| a.id)
                .collect::<Vec<_>>()
        })
    });
    let findings_h = format!("audit-{id}-findings");
    let actions_h = format!("audit-{id}-actions");
    let (fh, ah) = (findings_h.clone(), actions_h.clone());
    view! {
        <article class="card std-audit" id=format!("audit-{id}") tabindex="-1" aria-labelledby=labelled>
            <h3 id=head>{title}</h3>
            <p class="meta">{move || facts.with(|f| f.as_ref().map(|(who, _)| format!("{} {who}", ctx.tr(Key::StdAuditor))))}</p>
            {move || facts.with(|f| f.as_ref().filter(|(_, s)| !s.trim().is_empty()).map(|(_, s)| view! { <p class="pre">{s.clone()}</p> }))}
            <h4 id=findings_h.clone()>{move || ctx.tr(Key::StdFindings)} <span class="count">{move || findings.with(Vec::len)}</span></h4>
            <Show when=move || findings.with(|f| !f.is_empty()) fallback=|| view! { <p class="meta">{move || use_ctx().tr(Key::StdNoFindings)}</p> }>
                <ul class="std-findings" aria-labelledby=fh.clone()>
                    {move || {
                        let lang = ctx.lang.get();
                        findings.get().into_iter().map(|(_, sev, text)| {
                            let class = match sev {
                                Severity::Serious => "badge bad",
                                Severity::Normal => "badge pending",
                                Severity::Low => "badge",
                            };
                            view! { <li><span class=class>{severity_label(lang, sev)}</span> " " <span class="pre">{text}</span></li> }
                        }).collect_view()
                    }}
                </ul>
            </Show>
            <h4 id=actions_h.clone()>{move || ctx.tr(Key::StdActions)} <span class="count">{move || actions.with(Vec::len)}</span></h4>
            <Show when=move || actions.with(|a| !a.is_empty()) fallback=|| view! { <p class="meta">{move || use_ctx().tr(Key::StdNoActions)}</p> }>
                <ul class="cards std-actions" aria-labelledby=ah.clone()>
                    <For each=move || actions.get() key=|a| *a let:action>
                        <ActionItem id=action director/>
                    </For>
                </ul>
            </Show>
            <Show when=move || director.get()>
                <AddFinding audit=id/>
                <AddAction audit=id findings/>
            </Show>
        </article>
    }
}

#[component]
fn AddFinding(audit: RecordId) -> impl IntoView {
    let ctx = use_ctx();
    let severity = RwSignal::new(Severity::Normal.code().to_string());
    let evidence = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let (sev_id, ev_id) = (format!("find-sev-{audit}"), format!("find-ev-{audit}"));
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let sev = Severity::from_code(&severity.get_untracked()).unwrap_or(Severity::Normal);
        let text = evidence.get_untracked();
        let id = ctx.new_id();
        ctx.act(
            error,
            Key::StdFindingSaved,
            move |m, a, now| act::add_finding(m, a, audit, sev, &text, id, now),
            move || evidence.set(String::new()),
        );
    };
    let options = code_options(None, Severity::ALL, Severity::code, severity_label);
    view! {
        <details class="std-add">
            <summary>{move || ctx.tr(Key::StdAddFinding)}</summary>
            <form on:submit=save novalidate>
                <div class="field">
                    <label for=sev_id.clone()>{move || ctx.tr(Key::SeverityLabel)}</label>
                    <select id=sev_id.clone() on:change=move |ev| severity.set(event_target_value(&ev)) prop:value=move || severity.get()>
                        {options.into_iter().map(|(code, text)| {
                            let c = code.clone();
                            view! { <option value=code selected=move || severity.get() == c>{move || text.get()}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for=ev_id.clone()>{move || ctx.tr(Key::StdEvidence)}</label>
                    <textarea id=ev_id.clone() rows="3" bind:value=evidence></textarea>
                </div>
                <p class="error" role="alert">{move || error.get().map(crate::ui::kit::rules::rule_links)}</p>
                <button type="submit" class="primary">{move || ctx.tr(Key::StdSaveFinding)}</button>
            </form>
        </details>
    }
}

#[component]
fn AddAction(audit: RecordId, findings: Memo<Vec<(RecordId, Severity, String)>>) -> impl IntoView {
    let ctx = use_ctx();
    let text = RwSignal::new(String::new());
    let owner = RwSignal::new(String::new());
    let due = RwSignal::new(String::new());
    let finding = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let ids = [
        format!("act-text-{audit}"),
        format!("act-owner-{audit}"),
        format!("act-due-{audit}"),
        format!("act-finding-{audit}"),
    ];
    let people = Memo::new(move |_| ctx.model.with(active_staff_names));
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Ok(owner_id) = owner.get_untracked().parse::<RecordId>() else {
            return error.set(Some(ctx.tr_now(Key::StdChooseOwner).into()));
        };
        let Some(day) = parse_date(&due.get_untracked()) else {
            return error.set(Some(ctx.tr_now(Key::StdErrDue).into()));
        };
        let draft = ActionDraft {
            finding: finding.get_untracked().parse::<RecordId>().ok(),
            text: text.get_untracked(),
            owner: owner_id,
            due: day,
        };
        let id = ctx.new_id();
        ctx.act(
            error,
            Key::StdActionSaved,
            move |m, a, now| act::add_action(m, a, audit, &draft, id, now),
            move || {
                text.set(String::new());
                finding.set(String::new());
            },
        );
    };
    let [t_id, o_id, d_id, f_id] = ids;
    view! {
        <details class="std-add">
            <summary>{move || ctx.tr(Key::StdAddAction)}</summary>
            <form on:submit=save novalidate>
                <div class="field">
                    <label for=t_id.clone()>{move || ctx.tr(Key::StdAction)}</label>
                    <textarea id=t_id.clone() rows="2" bind:value=text></textarea>
                </div>
                <div class="grid2">
                    <div class="field">
                        <label for=o_id.clone()>{move || ctx.tr(Key::StdOwnerLabel)}</label>
                        <select id=o_id.clone() on:change=move |ev| owner.set(event_target_value(&ev)) prop:value=move || owner.get()>
                            <option value="">{move || ctx.tr(Key::StdChoosePerson)}</option>
                            {move || people.get().into_iter().map(|(id, n)| view! { <option value=id.to_string()>{n}</option> }).collect_view()}
                        </select>
                    </div>
                    <div class="field">
                        <label for=d_id.clone()>{move || ctx.tr(Key::StdDueLabel)}</label>
                        <input id=d_id.clone() type="date" bind:value=due/>
                    </div>
                </div>
                <Show when=move || findings.with(|f| !f.is_empty())>
                    <div class="field">
                        <label for=f_id.clone()>{move || ctx.tr(Key::StdAnswersFinding)}</label>
                        <select id=f_id.clone() on:change=move |ev| finding.set(event_target_value(&ev)) prop:value=move || finding.get()>
                            <option value="">{move || ctx.tr(Key::StdNoFinding)}</option>
                            {move || findings.get().into_iter().map(|(id, _, text)| {
                                let short: String = text.chars().take(60).collect();
                                view! { <option value=id.to_string()>{short}</option> }
                            }).collect_view()}
                        </select>
                    </div>
                </Show>
                <p class="error" role="alert">{move || error.get().map(crate::ui::kit::rules::rule_links)}</p>
                <button type="submit" class="primary">{move || ctx.tr(Key::StdSaveAction)}</button>
            </form>
        </details>
    }
}
