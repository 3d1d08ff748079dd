//! Registering a complaint (stage 1, Accepted): complainant, channel, what
//! it is about and what the customer asks for. The person registering owns
//! it. (A contact becomes a complaint from the contact page instead.)

use crate::domain::complaint::{self, ComplaintDraft};
use crate::domain::contact::Channel;
use crate::store::platform;
use crate::sync::RecordId;
use crate::ui::kit::customer_picker::CustomerPicker;
use crate::ui::kit::options::code_options;
use crate::ui::kit::widgets::{SelectField, TextArea};
use crate::ui::shell::state::use_ctx;
use crate::ui::words::{channel_label, Key};
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};

#[component]
pub fn NewComplaintPage() -> impl IntoView {
    let ctx = use_ctx();
    let query = use_query_map();
    let preset: Option<RecordId> =
        query.with_untracked(|q| q.get("customer").and_then(|c| c.parse().ok()));
    let picked = RwSignal::new(preset);
    let channel = RwSignal::new(Channel::Phone.code().to_string());
    let content = RwSignal::new(String::new());
    let asks = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let navigate = use_navigate();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let now = platform::now();
        let draft = ComplaintDraft {
            customer: picked.get_untracked(),
            channel: Channel::from_code(&channel.get_untracked()).unwrap_or(Channel::Phone),
            content: content.get_untracked(),
            asks: asks.get_untracked(),
            received_at: now,
        };
        let id = ctx.new_id();
        let navigate = navigate.clone();
        busy.set(true);
        ctx.act_then(
            error,
            Key::ComplaintRegistered,
            move |m, actor, _| complaint::register(m, actor, draft, id, now),
            move |saved| {
                busy.set(false);
                if saved {
                    navigate(&format!("/complaints/{id}"), Default::default());
                }
            },
        );
    };
    view! {
        <section class="page narrow">
            <h1>{move || ctx.tr(Key::NewComplaint)}</h1>
            <form class="card" on:submit=submit novalidate>
                <CustomerPicker id="cmp-customer" label=Key::Complainant picked=picked required=true/>
                <SelectField id="cmp-channel" label=Key::Channel value=channel options=code_options(None, Channel::ALL, Channel::code, channel_label)/>
                <TextArea id="cmp-content" label=Key::ComplaintContent value=content required=true/>
                <TextArea id="cmp-asks" label=Key::CustomerAsks value=asks required=true/>
                <p class="error" role="alert">{move || error.get().map(crate::ui::kit::rules::rule_links)}</p>
                <button type="submit" class="primary" disabled=move || busy.get()>{move || ctx.tr(Key::RegisterComplaint)}</button>
            </form>
        </section>
    }
}
