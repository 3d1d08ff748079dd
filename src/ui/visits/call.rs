//! The call screen (R-RV-01, R-RV-03, R-RV-05, R-RV-08): who to call and how
//! (tel:, mailto:, sms: links), a warning and a required reason inside the
//! customer's quiet hours, the script with names filled in that branches on
//! the answer, the outcome form, and raising what was heard in one step.

use crate::domain::visits::{self, CallIds, CallResult, RaiseIds, Raised};
use crate::domain::visits::{VisitMethod, VisitOutcome};
use crate::store::platform;
use crate::ui::kit::options::code_options;
use crate::ui::kit::route::route_id;
use crate::ui::kit::widgets::{fmt_date, SelectField, TextArea, TextField};
use crate::ui::shell::state::use_ctx;
use crate::ui::words::visit_labels::{method_label, outcome_label, reason_label};
use crate::ui::words::Key;
use chrono::NaiveDate;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn CallPage() -> impl IntoView {
    let ctx = use_ctx();
    let id = route_id().get_untracked();
    let found = id.and_then(|id| {
        ctx.model.with_untracked(|m| {
            let v = m.visits.get(&id)?.clone();
            let c = m.customers.get(&v.customer)?.clone();
            Some((v, c))
        })
    });
    let Some((visit, customer)) = found else {
        return view! { <section class="page"><h1>{move || ctx.tr(Key::NotFound)}</h1>
        <p><A href="/visits">{move || ctx.tr(Key::NavVisits)}</A></p></section> }
        .into_any();
    };
    let lang = ctx.lang.get_untracked();
    let visit_id = visit.id;
    // Reactive: the page stays while the call is saved, then says so.
    let done = move || {
        ctx.model
            .with(|m| m.visits.get(&visit_id).is_none_or(|v| !v.is_open()))
    };
    let quiet = !visits::callable_now(&customer, platform::now(), crate::ui::kit::time::zone(ctx));
    // The greeting follows the hour where the organisation is.
    let hour = {
        use chrono::Timelike;
        crate::ui::kit::time::zone(ctx)
            .local(platform::now())
            .hour()
    };
    let rendered = ctx.me_staff().map(|agent| {
        ctx.model.with_untracked(|m| {
            let script = visits::script_for(m, visit.reason, lang);
            let org = m.org.as_ref().map(|o| o.name.clone()).unwrap_or_default();
            visits::render_script(&script, &customer, &agent, visit.reason, &org, hour)
        })
    });
    let method = RwSignal::new(VisitMethod::Phone.code().to_string());
    let outcome = RwSignal::new(String::new());
    let unhappy = RwSignal::new(String::new());
    let suggestions = RwSignal::new(String::new());
    let notes = RwSignal::new(String::new());
    let callback = RwSignal::new(String::new());
    let reply_by = RwSignal::new(String::new());
    let reply_about = RwSignal::new(String::new());
    let quiet_reason = RwSignal::new(String::new());
    let raise_text = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let result = CallResult {
            method: VisitMethod::from_code(&method.get_untracked()),
            outcome: VisitOutcome::from_code(&outcome.get_untracked()),
            unhappy_with: unhappy.get_untracked(),
            suggestions: suggestions.get_untracked(),
            notes: notes.get_untracked(),
            callback_at: crate::ui::kit::time::parse_local(ctx, &callback.get_untracked()),
            reply_promised_by: NaiveDate::parse_from_str(
                reply_by.get_untracked().trim(),
                "%Y-%m-%d",
            )
            .ok(),
            reply_about: reply_about.get_untracked(),
            quiet_override: quiet_reason.get_untracked(),
        };
        let ids = CallIds {
            attempt: ctx.new_id(),
            task: ctx.new_id(),
        };
        ctx.act(
            error,
            Key::CallSaved,
            move |m, actor, now| {
                visits::record_call(m, actor, visit_id, result, ids, now, m.zone())
            },
            || {},
        );
    };
    let raise = move |what: Raised| {
        let ids = RaiseIds {
            contact: ctx.new_id(),
            complaint: ctx.new_id(),
        };
        let text = raise_text.get_untracked();
        ctx.act(
            error,
            Key::RaisedDone,
            move |m, actor, now| {
                visits::raise_from_visit(m, actor, visit_id, what, &text, ids, now)
            },
            move || raise_text.set(String::new()),
        );
    };
    let answer = Memo::new(move |_| VisitOutcome::from_code(&outcome.get()));
    let branch = {
        let rendered = rendered.clone();
        move || {
            let (Some(r), Some(a)) = (rendered.as_ref(), answer.get()) else {
                return Vec::new();
            };
            r.branch(a)
                .into_iter()
                .map(str::to_string)
                .collect::<Vec<_>>()
        }
    };
    let phones = customer.phones.clone();
    let email = customer.email.clone();
    view! {
        <section class="page">
            <p class="crumbs"><A href="/visits">{move || ctx.tr(Key::NavVisits)}</A></p>
            <h1>{move || ctx.tr(Key::CallTitle)} ": " {customer.name.clone()}</h1>
            <p class="meta"><span class="badge">{reason_label(lang, visit.reason)}</span>
                {format!("{}: {}", ctx.tr_now(Key::DueOn), fmt_date(lang, visit.due))}</p>
            <div class="actions">
                {phones.iter().map(|p| {
                    let digits: String = p.chars().filter(|c| c.is_ascii_digit() || *c == '+').collect();
                    view! {
                        <a class="button primary" href=format!("tel:{digits}")>{move || ctx.tr(Key::CallNumber)} " " {p.clone()}</a>
                        <a class="button" href=format!("sms:{digits}")>{move || ctx.tr(Key::SendSms)}</a>
                    }
                }).collect_view()}
                {(!email.is_empty()).then(|| view! { <a class="button" href=format!("mailto:{email}")>{move || ctx.tr(Key::WriteEmail)}</a> })}
            </div>
            <Show when=done>
                <div class="card" role="status"><p><strong>{move || ctx.tr(Key::VisitDoneLabel)}</strong></p></div>
            </Show>
            {quiet.then(|| view! { <p class="banner warn" role="note">{move || ctx.tr(Key::QuietWarning)}</p> })}
            {rendered.clone().map(|r| view! {
                <div class="card script">
                    <h2>{move || ctx.tr(Key::ScriptTitle)}</h2>
                    <p>{r.opening.clone()}</p>
                    <p><strong>{r.question.clone()}</strong></p>
                    <div aria-live="polite">{move || branch().into_iter().map(|line| view! { <p class="branch">{line}</p> }).collect_view()}</div>
                </div>
            })}
            <Show when=move || !done()>
                <form class="card" on:submit=submit novalidate>
                    {quiet.then(|| view! { <TextField id="rv-quiet" label=Key::QuietOverride value=quiet_reason/> })}
                    <div class="grid2">
                        <SelectField id="rv-outcome" label=Key::AnswerLabel value=outcome options=code_options(Some(Key::NoneYet), VisitOutcome::ALL, VisitOutcome::code, outcome_label)/>
                        <SelectField id="rv-method" label=Key::MethodLabel value=method options=code_options(None, VisitMethod::ALL, VisitMethod::code, method_label)/>
                    </div>
                    <Show when=move || matches!(answer.get(), Some(VisitOutcome::Average | VisitOutcome::Dissatisfied))>
                        <TextArea id="rv-unhappy" label=Key::UnhappyWith value=unhappy required=true/>
                    </Show>
                    <Show when=move || answer.get() == Some(VisitOutcome::CallbackRequested)>
                        <TextField id="rv-callback" label=Key::CallbackAt value=callback kind="datetime-local" required=true/>
                    </Show>
                    <TextArea id="rv-suggestions" label=Key::SuggestionsLabel value=suggestions/>
                    <div class="grid2">
                        <TextField id="rv-reply-by" label=Key::ReplyPromisedBy value=reply_by kind="date"/>
                        <TextField id="rv-reply-about" label=Key::ReplyAbout value=reply_about/>
                    </div>
                    <TextArea id="rv-notes" label=Key::Notes value=notes/>
                    <p class="error" role="alert">{move || error.get().map(crate::ui::kit::rules::rule_links)}</p>
                    <button type="submit" class="primary">{move || ctx.tr(Key::SaveCall)}</button>
                </form>
            </Show>
            <div class="card">
                <TextArea id="rv-raise" label=Key::Summary value=raise_text/>
                <div class="actions">
                    <button type="button" on:click=move |_| raise(Raised::Suggestion)>{move || ctx.tr(Key::RaiseSuggestion)}</button>
                    <button type="button" on:click=move |_| raise(Raised::Complaint)>{move || ctx.tr(Key::RaiseComplaint)}</button>
                </div>
            </div>
        </section>
    }
    .into_any()
}
