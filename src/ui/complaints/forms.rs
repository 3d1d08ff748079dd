//! The form of each stage. Each one gathers input, asks the domain for the
//! step's writes, and saves them; refusals come back as messages next to the
//! form and what was typed stays.

use crate::domain::complaint::{
    self, Acceptance, Cause, CloseIds, Complaint, ComplaintDraft, ComplaintView,
    ImplementationForm, InvestigationForm, JudgementForm, Severity, Stage,
};
use crate::sync::RecordId;
use crate::ui::kit::options::code_options;
use crate::ui::kit::signature::SignaturePad;
use crate::ui::kit::widgets::{parse_date, SelectField, TextArea, TextField};
use crate::ui::shell::state::{use_ctx, Ctx};
use crate::ui::words::complaint_labels::{acceptance_label, cause_label, severity_label};
use crate::ui::words::Key;
use leptos::prelude::*;

/// Fresh ids for what closing a complaint creates (its event, its visit).
fn close_ids(ctx: Ctx) -> CloseIds {
    CloseIds {
        event: ctx.new_id(),
        visit: ctx.new_id(),
    }
}

/// Completing the registration while the complaint is still at stage 1 (a
/// contact turned into a complaint has no "what the customer asks" yet).
#[component]
pub fn RegistrationForm(complaint: Complaint) -> impl IntoView {
    let ctx = use_ctx();
    let content = RwSignal::new(complaint.content.clone());
    let asks = RwSignal::new(complaint.asks.clone());
    let error = RwSignal::new(None::<String>);
    let id = complaint.id;
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let draft = ComplaintDraft {
            customer: complaint.customer,
            channel: complaint.channel,
            content: content.get_untracked(),
            asks: asks.get_untracked(),
            received_at: complaint.received_at,
        };
        ctx.act(
            error,
            Key::StepSaved,
            |m, a, now| complaint::update_registration(m, a, id, draft, now),
            || {},
        );
    };
    view! {
        <form on:submit=submit novalidate class="no-print">
            <TextArea id="reg-content" label=Key::ComplaintContent value=content required=true/>
            <TextArea id="reg-asks" label=Key::CustomerAsks value=asks required=true/>
            <p class="error" role="alert">{move || error.get().map(crate::ui::kit::rules::rule_links)}</p>
            <button type="submit">{move || ctx.tr(Key::Save)}</button>
        </form>
    }
}

/// The form of the step that comes next.
#[component]
pub fn NextStageForm(view: ComplaintView, stage: Stage) -> impl IntoView {
    let id = view.complaint.id;
    if view.founded() == Some(false) {
        return view! { <ReplyForm complaint=id/> }.into_any();
    }
    match stage {
        Stage::Judged => view! { <JudgeForm complaint=id/> }.into_any(),
        Stage::Investigated => view! { <InvestigateForm complaint=id/> }.into_any(),
        Stage::PlanChosen => view! { <PlansForm view=view/> }.into_any(),
        Stage::Implemented => view! { <ImplementForm complaint=id/> }.into_any(),
        Stage::Evaluated | Stage::Accepted => view! { <EvaluateForm complaint=id/> }.into_any(),
    }
}

#[component]
fn JudgeForm(complaint: RecordId) -> impl IntoView {
    let ctx = use_ctx();
    let founded = RwSignal::new(String::new());
    let department = RwSignal::new(String::new());
    let severity = RwSignal::new(Severity::Normal.code().to_string());
    let deadline = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let form = JudgementForm {
            founded: match founded.get_untracked().as_str() {
                "yes" => Some(true),
                "no" => Some(false),
                _ => None,
            },
            department: department.get_untracked(),
            severity: Severity::from_code(&severity.get_untracked()),
            deadline: parse_date(&deadline.get_untracked()),
        };
        let eid = ctx.new_id();
        ctx.act(
            error,
            Key::StepSaved,
            |m, a, now| complaint::judge(m, a, complaint, form, m.zone(), eid, now),
            || {},
        );
    };
    let is_founded = move || founded.get() == "yes";
    view! {
        <form class="card no-print" on:submit=submit novalidate>
            <h2>{move || ctx.tr(Key::JudgeTitle)}</h2>
            <fieldset class="choices">
                <legend>{move || ctx.tr(Key::FoundedQuestion)}</legend>
                <label><input type="radio" name="founded" value="yes" on:change=move |_| founded.set("yes".into())/>{move || ctx.tr(Key::FoundedYes)}</label>
                <label><input type="radio" name="founded" value="no" on:change=move |_| founded.set("no".into())/>{move || ctx.tr(Key::FoundedNo)}</label>
            </fieldset>
            <Show when=is_founded>
                <TextField id="jd-dept" label=Key::ResponsibleDepartment value=department required=true/>
                <SelectField id="jd-severity" label=Key::SeverityLabel value=severity options=code_options(None, Severity::ALL, Severity::code, severity_label)/>
                <TextField id="jd-deadline" label=Key::PromisedDeadline value=deadline kind="date" required=true/>
            </Show>
            <p class="error" role="alert">{move || error.get().map(crate::ui::kit::rules::rule_links)}</p>
            <button type="submit" class="primary">{move || ctx.tr(Key::SaveJudgement)}</button>
        </form>
    }
}

#[component]
fn ReplyForm(complaint: RecordId) -> impl IntoView {
    let ctx = use_ctx();
    let reply = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (text, ids) = (reply.get_untracked(), close_ids(ctx));
        ctx.act(
            error,
            Key::StepSaved,
            |m, a, now| complaint::record_reply(m, a, complaint, &text, m.zone(), ids, now),
            || {},
        );
    };
    view! {
        <form class="card no-print" on:submit=submit novalidate>
            <h2>{move || ctx.tr(Key::ReplyTitle)}</h2>
            <TextArea id="rp-reply" label=Key::ReplyLabel value=reply required=true/>
            <p class="error" role="alert">{move || error.get().map(crate::ui::kit::rules::rule_links)}</p>
            <button type="submit" class="primary">{move || ctx.tr(Key::SaveReply)}</button>
        </form>
    }
}

#[component]
fn InvestigateForm(complaint: RecordId) -> impl IntoView {
    let ctx = use_ctx();
    let cause = RwSignal::new(String::new());
    let cause_text = RwSignal::new(String::new());
    let responsible = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let form = InvestigationForm {
            cause: Cause::from_code(&cause.get_untracked()),
            cause_text: cause_text.get_untracked(),
            responsible: responsible.get_untracked(),
        };
        let eid = ctx.new_id();
        ctx.act(
            error,
            Key::StepSaved,
            |m, a, now| complaint::investigate(m, a, complaint, form, eid, now),
            || {},
        );
    };
    view! {
        <form class="card no-print" on:submit=submit novalidate>
            <h2>{move || ctx.tr(Key::InvestigateTitle)}</h2>
            <SelectField id="iv-cause" label=Key::CauseCategory value=cause options=code_options(Some(Key::NoneYet), Cause::ALL, Cause::code, cause_label)/>
            <TextArea id="iv-text" label=Key::CauseText value=cause_text required=true/>
            <TextField id="iv-responsible" label=Key::ResponsiblePerson value=responsible required=true/>
            <p class="error" role="alert">{move || error.get().map(crate::ui::kit::rules::rule_links)}</p>
            <button type="submit" class="primary">{move || ctx.tr(Key::SaveInvestigation)}</button>
        </form>
    }
}

/// Stage 4: anyone proposes; a department or center director chooses.
#[component]
fn PlansForm(view: ComplaintView) -> impl IntoView {
    let ctx = use_ctx();
    let complaint = view.complaint.id;
    let proposal = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let propose = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (text, eid) = (proposal.get_untracked(), ctx.new_id());
        ctx.act(
            error,
            Key::StepSaved,
            |m, a, now| complaint::propose_plan(m, a, complaint, &text, eid, now),
            || {},
        );
        proposal.set(String::new());
    };
    let choose = move |plan: RecordId| {
        let eid = ctx.new_id();
        ctx.act(
            error,
            Key::StepSaved,
            |m, a, now| {
                complaint::choose_plan(m, a, complaint, plan, eid, now).map_err(|e| vec![e])
            },
            || {},
        );
    };
    let plans = view.plans.clone();
    view! {
        <div class="card no-print">
            <h2>{move || ctx.tr(Key::PlansTitle)}</h2>
            {if plans.is_empty() {
                view! { <p class="hint">{move || ctx.tr(Key::NoPlansYet)}</p> }.into_any()
            } else {
                view! {
                    <ul class="cards">
                        {plans.into_iter().map(|p| {
                            let who = crate::ui::kit::widgets::person(ctx, p.by);
                            view! {
                                <li class="card item">
                                    <p>{p.value.proposal.clone()}</p>
                                    <p class="meta">{who}</p>
                                    <button type="button" on:click=move |_| choose(p.event)>{move || ctx.tr(Key::ChooseThisPlan)}</button>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
            <form on:submit=propose novalidate>
                <TextArea id="pl-proposal" label=Key::ProposalLabel value=proposal/>
                <button type="submit">{move || ctx.tr(Key::ProposePlan)}</button>
            </form>
            <p class="error" role="alert">{move || error.get().map(crate::ui::kit::rules::rule_links)}</p>
        </div>
    }
}

#[component]
fn ImplementForm(complaint: RecordId) -> impl IntoView {
    let ctx = use_ctx();
    let done = RwSignal::new(String::new());
    let acceptance = RwSignal::new(Acceptance::Accepted.code().to_string());
    let signature = RwSignal::new(String::new());
    let words = RwSignal::new(String::new());
    let sanctions = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let form = ImplementationForm {
            done: done.get_untracked(),
            acceptance: Acceptance::from_code(&acceptance.get_untracked()),
            signature: signature.get_untracked(),
            customer_words: words.get_untracked(),
            sanctions: sanctions.get_untracked(),
        };
        let eid = ctx.new_id();
        ctx.act(
            error,
            Key::StepSaved,
            |m, a, now| complaint::implement(m, a, complaint, form, eid, now),
            || {},
        );
    };
    view! {
        <form class="card no-print" on:submit=submit novalidate>
            <h2>{move || ctx.tr(Key::ImplementTitle)}</h2>
            <TextArea id="im-done" label=Key::WhatWasDone value=done required=true/>
            <SelectField id="im-acceptance" label=Key::CustomerAcceptance value=acceptance options=code_options(None, Acceptance::ALL, Acceptance::code, acceptance_label)/>
            <p class="hint">{move || ctx.tr(Key::SignatureHint)}</p>
            <SignaturePad id="im-signature" value=signature/>
            <TextArea id="im-words" label=Key::CustomerWords value=words/>
            <TextArea id="im-sanctions" label=Key::Sanctions value=sanctions/>
            <p class="error" role="alert">{move || error.get().map(crate::ui::kit::rules::rule_links)}</p>
            <button type="submit" class="primary">{move || ctx.tr(Key::SaveImplementation)}</button>
        </form>
    }
}

#[component]
fn EvaluateForm(complaint: RecordId) -> impl IntoView {
    let ctx = use_ctx();
    let improvements = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (text, ids) = (improvements.get_untracked(), close_ids(ctx));
        ctx.act(
            error,
            Key::StepSaved,
            |m, a, now| complaint::evaluate(m, a, complaint, &text, m.zone(), ids, now),
            || {},
        );
    };
    view! {
        <form class="card no-print" on:submit=submit novalidate>
            <h2>{move || ctx.tr(Key::EvaluateTitle)}</h2>
            <TextArea id="ev-improvements" label=Key::Improvements value=improvements required=true/>
            <p class="error" role="alert">{move || error.get().map(crate::ui::kit::rules::rule_links)}</p>
            <button type="submit" class="primary">{move || ctx.tr(Key::SaveEvaluation)}</button>
        </form>
    }
}

#[component]
pub fn ReopenForm(complaint: RecordId) -> impl IntoView {
    let ctx = use_ctx();
    let reason = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (text, eid) = (reason.get_untracked(), ctx.new_id());
        ctx.act(
            error,
            Key::StepSaved,
            |m, a, now| complaint::reopen(m, a, complaint, &text, eid, now),
            || {},
        );
    };
    view! {
        <details class="card no-print">
            <summary>{move || ctx.tr(Key::ReopenTitle)}</summary>
            <form on:submit=submit novalidate>
                <TextField id="ro-reason" label=Key::ReopenReason value=reason required=true/>
                <p class="error" role="alert">{move || error.get().map(crate::ui::kit::rules::rule_links)}</p>
                <button type="submit">{move || ctx.tr(Key::Reopen)}</button>
            </form>
        </details>
    }
}
