//! Create / edit a customer: validation messages next to each field, and a
//! duplicate warning (R-CUS-03) as soon as a phone or e-mail matches.

use crate::domain::customer::{self, Customer, CustomerDraft, CustomerKind, PreferredChannel};
use crate::domain::RuleError;
use crate::ui::kit::customer_picker::duplicates_of;
use crate::ui::kit::route::route_id;
use crate::ui::kit::widgets::{field_error, SelectField, TextArea, TextField};
use crate::ui::shell::act::{Outcome, Refusal};
use crate::ui::shell::state::use_ctx;
use crate::ui::words::{kind_label, preferred_label, Key};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

#[component]
pub fn NewCustomerPage() -> impl IntoView {
    view! { <CustomerForm existing=None/> }
}

#[component]
pub fn EditCustomerPage() -> impl IntoView {
    let ctx = use_ctx();
    let id = route_id();
    let existing = move || {
        id.get()
            .and_then(|id| ctx.model.with_untracked(|m| m.customers.get(&id).cloned()))
    };
    move || match existing() {
        Some(c) => view! { <CustomerForm existing=Some(c)/> }.into_any(),
        None => view! { <p class="empty">{ctx.tr(Key::CustomerNotFound)}</p> }.into_any(),
    }
}

/// Form state: one signal per input, strings as typed.
#[derive(Clone, Copy)]
struct Inputs {
    name: RwSignal<String>,
    kind: RwSignal<String>,
    phones: RwSignal<String>,
    email: RwSignal<String>,
    preferred: RwSignal<String>,
    birthday: RwSignal<String>,
    card_number: RwSignal<String>,
    card_expiry: RwSignal<String>,
    tags: RwSignal<String>,
    quiet_hours: RwSignal<String>,
    source: RwSignal<String>,
    notes: RwSignal<String>,
}

impl Inputs {
    fn from(c: Option<&Customer>) -> Inputs {
        let d = c.map(CustomerDraft::from_customer).unwrap_or_default();
        Inputs {
            name: RwSignal::new(d.name),
            kind: RwSignal::new(d.kind.code().to_string()),
            phones: RwSignal::new(d.phones),
            email: RwSignal::new(d.email),
            preferred: RwSignal::new(d.preferred_channel.code().to_string()),
            birthday: RwSignal::new(d.birthday),
            card_number: RwSignal::new(d.card_number),
            card_expiry: RwSignal::new(d.card_expiry),
            tags: RwSignal::new(d.tags),
            quiet_hours: RwSignal::new(d.quiet_hours),
            source: RwSignal::new(d.source),
            notes: RwSignal::new(d.notes),
        }
    }

    fn draft(&self) -> CustomerDraft {
        CustomerDraft {
            name: self.name.get(),
            kind: CustomerKind::from_code(&self.kind.get()).unwrap_or_default(),
            phones: self.phones.get(),
            email: self.email.get(),
            preferred_channel: PreferredChannel::from_code(&self.preferred.get())
                .unwrap_or_default(),
            birthday: self.birthday.get(),
            card_number: self.card_number.get(),
            card_expiry: self.card_expiry.get(),
            tags: self.tags.get(),
            quiet_hours: self.quiet_hours.get(),
            source: self.source.get(),
            notes: self.notes.get(),
            specialist: None,
        }
    }
}

#[component]
fn CustomerForm(existing: Option<Customer>) -> impl IntoView {
    let ctx = use_ctx();
    let navigate = use_navigate();
    let inputs = Inputs::from(existing.as_ref());
    let existing_id = existing.as_ref().map(|c| c.id);
    let errors = RwSignal::new(Vec::<RuleError>::new());
    let general_error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);

    // Duplicate check as the person types (same phone or e-mail, normalised).
    let duplicates = duplicates_of(move || inputs.draft(), existing_id);
    let field_error = move |field| field_error(errors, field);

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let id = existing_id.unwrap_or_else(|| ctx.new_id());
        let navigate = navigate.clone();
        busy.set(true);
        ctx.act_with(
            Key::CustomerSaved,
            move |m, actor, now| {
                customer::act::save(m, actor, existing_id, inputs.draft(), id, now)
            },
            move |outcome| {
                busy.set(false);
                match outcome {
                    Outcome::Refused(Refusal::Rules(errs)) => {
                        general_error.set(Some(ctx.tr_now(Key::FixFields).into()));
                        errors.set(errs);
                        focus_first_invalid();
                    }
                    Outcome::Refused(r) => general_error.set(ctx.refusal_text(&r)),
                    // On failure the inputs stay as typed; the message says why.
                    Outcome::Failed(msg) => {
                        errors.set(Vec::new());
                        general_error.set(Some(msg));
                    }
                    Outcome::Saved => {
                        errors.set(Vec::new());
                        navigate(&format!("/customers/{id}"), Default::default());
                    }
                }
            },
        );
    };

    let kinds: Vec<(String, Signal<String>)> = CustomerKind::ALL
        .iter()
        .map(|k| {
            (
                k.code().to_string(),
                Signal::derive(move || kind_label(ctx.lang.get(), *k).to_string()),
            )
        })
        .collect();
    let channels: Vec<(String, Signal<String>)> = PreferredChannel::ALL
        .iter()
        .map(|c| {
            (
                c.code().to_string(),
                Signal::derive(move || preferred_label(ctx.lang.get(), *c).to_string()),
            )
        })
        .collect();
    let title = if existing.is_some() {
        Key::EditCustomer
    } else {
        Key::NewCustomer
    };

    view! {
        <section class="page">
            <h1>{move || ctx.tr(title)}</h1>
            <form on:submit=submit novalidate class="form">
                <Show when=move || !duplicates.with(|d| d.is_empty())>
                    <div class="banner warn" role="alert">
                        <p>{move || ctx.tr(Key::PossibleDuplicate)}</p>
                        <ul>
                            {move || duplicates.get().into_iter().map(|(id, name)| view! {
                                <li><A href=format!("/customers/{id}")>{name}</A></li>
                            }).collect_view()}
                        </ul>
                        <p class="hint">{move || ctx.tr(Key::DuplicateHelp)}</p>
                    </div>
                </Show>
                <div class="grid2">
                    <TextField id="c-name" label=Key::Name value=inputs.name required=true error=field_error("name") autocomplete="name"/>
                    <SelectField id="c-kind" label=Key::CustomerKind value=inputs.kind options=kinds/>
                    <TextField id="c-phones" label=Key::Phones value=inputs.phones kind="tel" hint=Key::CommaSeparated error=field_error("phones")/>
                    <TextField id="c-email" label=Key::Email value=inputs.email kind="email" error=field_error("email")/>
                    <SelectField id="c-channel" label=Key::PreferredChannel value=inputs.preferred options=channels/>
                    <TextField id="c-birthday" label=Key::Birthday value=inputs.birthday kind="date" error=field_error("birthday")/>
                    <TextField id="c-card" label=Key::CardNumber value=inputs.card_number error=field_error("card_number")/>
                    <TextField id="c-expiry" label=Key::CardExpiry value=inputs.card_expiry kind="date" error=field_error("card_expiry")/>
                    <TextField id="c-tags" label=Key::Tags value=inputs.tags hint=Key::CommaSeparated error=field_error("tags")/>
                    <TextField id="c-quiet" label=Key::QuietHours value=inputs.quiet_hours hint=Key::QuietHoursHint error=field_error("quiet_hours")/>
                    <TextField id="c-source" label=Key::Source value=inputs.source/>
                </div>
                <TextArea id="c-notes" label=Key::Notes value=inputs.notes/>
                <p class="error" role="alert">{move || general_error.get().map(crate::ui::kit::rules::rule_links)}</p>
                <div class="actions">
                    <button type="submit" class="primary" disabled=move || busy.get()>{move || ctx.tr(Key::Save)}</button>
                    <A href=existing_id.map(|id| format!("/customers/{id}")).unwrap_or_else(|| "/customers".into()) attr:class="button">{move || ctx.tr(Key::Cancel)}</A>
                </div>
            </form>
        </section>
    }
}

fn focus_first_invalid() {
    use wasm_bindgen::JsCast;
    // After the error signals render, move focus to the first invalid input.
    leptos::task::spawn_local(async {
        gloo_timers::future::TimeoutFuture::new(0).await;
        if let Some(el) = document()
            .query_selector("[aria-invalid=true]")
            .ok()
            .flatten()
        {
            if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                let _ = el.focus();
            }
        }
    });
}
