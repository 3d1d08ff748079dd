//! Registering a complaint (stage 1, Accepted): complainant, channel, what
//! it is about and what the customer asks for. The person registering owns
//! it. (A contact becomes a complaint from the contact page instead.)

use super::{code_options, me};
use crate::domain::complaint::{self, ComplaintDraft};
use crate::domain::contact::Channel;
use crate::store::platform;
use crate::sync::RecordId;
use crate::ui::i18n::{channel_label, Key};
use crate::ui::state::use_ctx;
use crate::ui::widgets::{SelectField, TextArea};
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};

#[component]
pub fn NewComplaintPage() -> impl IntoView {
    let ctx = use_ctx();
    let query = use_query_map();
    let preset: Option<RecordId> =
        query.with_untracked(|q| q.get("customer").and_then(|c| c.parse().ok()));
    let picked = RwSignal::new(preset);
    let find = RwSignal::new(String::new());
    let channel = RwSignal::new(Channel::Phone.code().to_string());
    let content = RwSignal::new(String::new());
    let asks = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let navigate = use_navigate();
    let matches = Memo::new(move |_| {
        let q = find.get();
        if q.trim().len() < 2 {
            return Vec::new();
        }
        let ids = ctx.search.with(|idx| idx.search(&q, 6));
        ctx.model.with(|m| {
            ids.into_iter()
                .filter_map(|id| m.customers.get(&id).map(|c| (id, c.name.clone())))
                .collect::<Vec<_>>()
        })
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(actor) = me(ctx) else { return };
        let now = platform::now();
        let draft = ComplaintDraft {
            customer: picked.get_untracked(),
            channel: Channel::from_code(&channel.get_untracked()).unwrap_or(Channel::Phone),
            content: content.get_untracked(),
            asks: asks.get_untracked(),
            received_at: now,
        };
        let id = ctx.new_id();
        match ctx
            .model
            .with_untracked(|m| complaint::register(m, &actor, draft, id, now))
        {
            Err(errs) => error.set(Some(ctx.rule_errors_text(&errs))),
            Ok(writes) => {
                busy.set(true);
                let navigate = navigate.clone();
                leptos::task::spawn_local(async move {
                    match ctx.save_with_toast(writes, Key::ComplaintRegistered).await {
                        Ok(()) => navigate(&format!("/complaints/{id}"), Default::default()),
                        Err(msg) => error.set(Some(msg)),
                    }
                    busy.set(false);
                });
            }
        }
    };
    let picked_name = move || {
        picked.get().and_then(|id| {
            ctx.model
                .with(|m| m.customers.get(&id).map(|c| c.name.clone()))
        })
    };
    view! {
        <section class="page narrow">
            <h1>{move || ctx.tr(Key::NewComplaint)}</h1>
            <form class="card" on:submit=submit novalidate>
                <div class="field">
                    <label for="cmp-customer">{move || ctx.tr(Key::Complainant)}<span class="req" aria-hidden="true">" *"</span></label>
                    <input id="cmp-customer" type="search" bind:value=find autocomplete="off" placeholder=move || ctx.tr(Key::SearchPlaceholder)/>
                    <p class="hint" aria-live="polite">{move || match picked_name() {
                        Some(name) => format!("{}: {name}", ctx.tr(Key::Selected)),
                        None => ctx.tr(Key::NoCustomer).to_string(),
                    }}</p>
                    <div class="actions">
                        {move || matches.get().into_iter().map(|(id, name)| view! {
                            <button type="button" on:click=move |_| { picked.set(Some(id)); find.set(String::new()); }>{name}</button>
                        }).collect_view()}
                    </div>
                </div>
                <SelectField id="cmp-channel" label=Key::Channel value=channel options=code_options(None, Channel::ALL, Channel::code, channel_label)/>
                <TextArea id="cmp-content" label=Key::ComplaintContent value=content required=true/>
                <TextArea id="cmp-asks" label=Key::CustomerAsks value=asks required=true/>
                <p class="error" role="alert">{move || error.get()}</p>
                <button type="submit" class="primary" disabled=move || busy.get()>{move || ctx.tr(Key::RegisterComplaint)}</button>
            </form>
        </section>
    }
}
