//! Contacts and work orders: record one (R-CON-01: whoever accepts owns it),
//! first-response status (R-CON-02), forward with a note (R-CON-03), close,
//! and turn into a complaint in one step (R-CON-04).

use crate::domain::base::order;
use crate::domain::contact::{
    self, response_status, Category, Channel, ContactDraft, ContactStatus, Direction, ForwardTo,
};
use crate::domain::Lang;
use crate::store::platform;
use crate::sync::RecordId;
use crate::ui::kit::answer_picker::AnswerPicker;
use crate::ui::kit::cards::{ContactCard, ResponseBadge};
use crate::ui::kit::customer_picker::CustomerPicker;
use crate::ui::kit::route::route_id;
use crate::ui::kit::widgets::{fmt_datetime, Empty, SelectField, TextArea, TextField};
use crate::ui::shell::state::use_ctx;
use crate::ui::words::{category_label, channel_label, direction_label, status_label, Key};
use leptos::prelude::*;
use leptos_router::components::A;

fn options<T: Copy + Send + Sync + 'static>(
    all: &[T],
    code: fn(T) -> &'static str,
    label: fn(Lang, T) -> &'static str,
) -> Vec<(String, Signal<String>)> {
    let ctx = use_ctx();
    all.iter()
        .map(|v| {
            let v = *v;
            (
                code(v).to_string(),
                Signal::derive(move || label(ctx.lang.get(), v).to_string()),
            )
        })
        .collect()
}

/// Records a contact, for a given customer or one picked by searching.
#[component]
pub fn RecordContactForm(customer: Option<RecordId>) -> impl IntoView {
    let ctx = use_ctx();
    let channel = RwSignal::new(Channel::Phone.code().to_string());
    let direction = RwSignal::new(Direction::In.code().to_string());
    let category = RwSignal::new(Category::Enquiry.code().to_string());
    let summary = RwSignal::new(String::new());
    let answered = RwSignal::new(true);
    let picked = RwSignal::new(customer);
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let now = platform::now();
        let draft = ContactDraft {
            customer: picked.get(),
            channel: Channel::from_code(&channel.get()).unwrap_or(Channel::Phone),
            direction: Direction::from_code(&direction.get()).unwrap_or(Direction::In),
            category: Category::from_code(&category.get()).unwrap_or(Category::Enquiry),
            summary: summary.get(),
            received_at: now,
            first_response_at: answered.get().then_some(now),
        };
        let id = ctx.new_id();
        busy.set(true);
        ctx.act_then(
            error,
            Key::ContactRecorded,
            move |m, actor, _| contact::act::record(m, actor, draft, id, now),
            move |saved| {
                if saved {
                    summary.set(String::new());
                }
                busy.set(false);
            },
        );
    };

    view! {
        <form class="card" on:submit=submit novalidate>
            {customer.is_none().then(|| view! { <CustomerPicker id="contact-customer" label=Key::CustomerOptional picked=picked/> })}
            <div class="grid2">
                <SelectField id=if customer.is_some() { "cc-channel" } else { "c2-channel" } label=Key::Channel value=channel options=options(Channel::ALL, Channel::code, channel_label)/>
                <SelectField id=if customer.is_some() { "cc-direction" } else { "c2-direction" } label=Key::Direction value=direction options=options(Direction::ALL, Direction::code, direction_label)/>
                <SelectField id=if customer.is_some() { "cc-category" } else { "c2-category" } label=Key::Category value=category options=options(Category::ALL, Category::code, category_label)/>
            </div>
            <TextArea id=if customer.is_some() { "cc-summary" } else { "c2-summary" } label=Key::Summary value=summary required=true/>
            <div class="field">
                <label class="check"><input type="checkbox" prop:checked=move || answered.get()
                    on:change=move |ev| answered.set(event_target_checked(&ev))/>" " {move || ctx.tr(Key::AnsweredNow)}</label>
            </div>
            <p class="error" role="alert">{move || error.get().map(crate::ui::kit::rules::rule_links)}</p>
            <button type="submit" class="primary" disabled=move || busy.get()>{move || ctx.tr(Key::SaveContact)}</button>
        </form>
    }
}

/// One contact on a customer's timeline.
#[component]
pub fn TimelineItem(id: RecordId) -> impl IntoView {
    let ctx = use_ctx();
    let data = move || {
        ctx.model.with(|m| {
            m.contacts.get(&id).map(|c| {
                let owner = m
                    .staff
                    .get(&c.owner)
                    .map(|s| s.name.clone())
                    .unwrap_or_default();
                (
                    c.received_at,
                    c.channel,
                    c.direction,
                    c.category,
                    c.summary.clone(),
                    c.status,
                    owner,
                    response_status(c, platform::now()),
                )
            })
        })
    };
    move || {
        data().map(|(at, channel, direction, category, summary, status, owner, response)| {
            let lang = ctx.lang.get();
            view! {
                <li>
                    <div class="when">{fmt_datetime(lang, at)} " · " {channel_label(lang, channel)} " · " {direction_label(lang, direction)} " · " {category_label(lang, category)}</div>
                    <A href=format!("/contacts/{id}")>{if summary.is_empty() { ctx.tr(Key::NoSummary).to_string() } else { summary }}</A>
                    <div class="meta">{status_label(lang, status)} " · " {owner} " " <ResponseBadge status=response/></div>
                </li>
            }
        })
    }
}

#[component]
pub fn ContactsPage() -> impl IntoView {
    let ctx = use_ctx();
    let open = Memo::new(move |_| {
        ctx.model.with(|m| {
            let mut v: Vec<_> = m
                .contacts
                .values()
                .filter(|c| c.status != ContactStatus::Done)
                .map(|c| (c.received_at, c.id))
                .collect();
            order::sort_by(&mut v, |a, b| b.cmp(a));
            v.into_iter()
                .take(200)
                .map(|(_, id)| id)
                .collect::<Vec<_>>()
        })
    });
    view! {
        <section class="page">
            <h1>{move || ctx.tr(Key::NavContacts)}</h1>
            <h2>{move || ctx.tr(Key::RecordContact)}</h2>
            <RecordContactForm customer=None/>
            <h2 id="all-open">{move || ctx.tr(Key::OpenContacts)} <span class="count">{move || open.with(|o| o.len())}</span></h2>
            <Show when=move || open.with(|o| !o.is_empty()) fallback=|| view! { <Empty text=Key::NoOpenContactsAll/> }>
                <ul class="cards" aria-labelledby="all-open">
                    {move || open.get().into_iter().map(|id| view! { <ContactCard id/> }).collect_view()}
                </ul>
            </Show>
        </section>
    }
}

/// One domain operation on a contact, given its id: returns the writes to
/// save, or a refusal.
type Step = Box<
    dyn FnOnce(
        &crate::domain::Model,
        &crate::domain::staff::Staff,
        RecordId,
        chrono::DateTime<chrono::Utc>,
    ) -> Result<Vec<crate::sync::Write>, crate::domain::RuleError>,
>;

#[component]
pub fn ContactPage() -> impl IntoView {
    let ctx = use_ctx();
    let id = route_id();
    let contact = Memo::new(move |_| {
        id.get()
            .and_then(|id| ctx.model.with(|m| m.contacts.get(&id).cloned()))
    });
    let error = RwSignal::new(None::<String>);

    // Runs a domain operation on this contact as the current person.
    let act = move |step: Step, done: Key| {
        let Some(c) = id.get() else { return };
        ctx.act(error, done, move |m, a, now| step(m, a, c, now), || {});
    };

    let forward_to = RwSignal::new(String::new());
    let department = RwSignal::new(String::new());
    let note = RwSignal::new(String::new());
    let resolution = RwSignal::new(String::new());
    let leaders = move || ctx.model.with(crate::ui::kit::widgets::active_staff_names);

    view! {
        <section class="page">
            {move || match contact.get() {
                None => view! { <Empty text=Key::ContactNotFound/> }.into_any(),
                Some(c) => {
                    let lang = ctx.lang.get();
                    let (customer_name, owner_name) = ctx.model.with(|m| (
                        c.customer.and_then(|id| m.customers.get(&id)).map(|cu| cu.name.clone()),
                        m.staff.get(&c.owner).map(|s| s.name.clone()).unwrap_or_default(),
                    ));
                    let chain = c.forwarded.clone();
                    view! {
                        <h1>{move || ctx.tr(Key::Contact)} ": " {c.summary.clone()}</h1>
                        <div class="card">
                            <dl class="facts">
                                <dt>{ctx.tr(Key::Customer)}</dt>
                                <dd>{match (c.customer, customer_name) {
                                    (Some(id), Some(name)) => view! { <A href=format!("/customers/{id}")>{name}</A> }.into_any(),
                                    _ => view! { <span>{ctx.tr(Key::NoCustomer)}</span> }.into_any(),
                                }}</dd>
                                <dt>{ctx.tr(Key::Channel)}</dt><dd>{channel_label(lang, c.channel)} " · " {direction_label(lang, c.direction)}</dd>
                                <dt>{ctx.tr(Key::Category)}</dt><dd>{category_label(lang, c.category)}</dd>
                                <dt>{ctx.tr(Key::ReceivedAt)}</dt><dd>{fmt_datetime(lang, c.received_at)}</dd>
                                <dt>{ctx.tr(Key::FirstResponse)}</dt>
                                <dd>{c.first_response_at.map(|t| fmt_datetime(lang, t))} " " <ResponseBadge status=response_status(&c, platform::now())/></dd>
                                <dt>{ctx.tr(Key::Owner)}</dt><dd>{owner_name}</dd>
                                <dt>{ctx.tr(Key::Status)}</dt><dd>{status_label(lang, c.status)}</dd>
                                <dt>{ctx.tr(Key::Resolution)}</dt><dd>{c.resolution.clone()}</dd>
                            </dl>
                            {c.complaint.map(|cid| view! { <p class="banner warn">{ctx.tr(Key::LinkedComplaint)} " " <A href=format!("/complaints/{cid}")>{ctx.tr(Key::NavComplaints)}</A></p> })}
                        </div>
                        {(!chain.is_empty()).then(|| view! {
                            <h2>{ctx.tr(Key::ForwardingChain)}</h2>
                            <ol class="chain">
                                {chain.into_iter().map(|step| {
                                    let (to, by) = ctx.model.with(|m| (
                                        step.to_staff.and_then(|s| m.staff.get(&s)).map(|s| s.name.clone()).or(step.to_department.clone()).unwrap_or_default(),
                                        m.staff.get(&step.by).map(|s| s.name.clone()).unwrap_or_default(),
                                    ));
                                    let answered = step.responded_at.map(|at| format!(" · {} {}", ctx.tr(Key::StdAnsweredAt), fmt_datetime(lang, at)));
                                    view! { <li>{fmt_datetime(lang, step.at)} ": " {by} " → " {to} " — " {step.note} {answered}</li> }
                                }).collect_view()}
                            </ol>
                        })}
                    }.into_any()
                }
            }}
            <p class="error" role="alert">{move || error.get().map(crate::ui::kit::rules::rule_links)}</p>
            <Show when=move || contact.with(|c| c.as_ref().is_some_and(|c| c.status != ContactStatus::Done))>
                <div class="actions">
                    <Show when=move || contact.with(|c| c.as_ref().is_some_and(|c| c.first_response_at.is_none()))>
                        <button type="button" on:click=move |_| act(Box::new(contact::act::respond), Key::ResponseRecorded)>
                            {move || ctx.tr(Key::MarkAnswered)}</button>
                    </Show>
                    // R-STD-02: the department holding it answered (its first-response clock stops).
                    <Show when=move || contact.with(|c| c.as_ref().is_some_and(|c| c.forwarded.last().is_some_and(|s| s.to_department.is_some() && s.responded_at.is_none())))>
                        <button type="button" on:click=move |_| act(Box::new(contact::act::department_answered), Key::StdDeptAnsweredSaved)>
                            {move || ctx.tr(Key::StdDeptAnswered)}</button>
                    </Show>
                    <Show when=move || contact.with(|c| c.as_ref().is_some_and(|c| c.complaint.is_none()))>
                        <button type="button" on:click=move |_| {
                            let complaint_id = ctx.new_id();
                            act(Box::new(move |m, a, c, now| contact::act::make_complaint(m, a, c, complaint_id, now)), Key::ComplaintCreated)
                        }>{move || ctx.tr(Key::MakeComplaint)}</button>
                    </Show>
                </div>
                <form class="card" on:submit=move |ev| {
                    ev.prevent_default();
                    let to = match forward_to.get().parse::<RecordId>() {
                        Ok(s) => ForwardTo::Staff(s),
                        Err(_) => ForwardTo::Department(department.get()),
                    };
                    let text = note.get();
                    act(Box::new(move |m, a, c, now| contact::act::forward(m, a, c, to, &text, now)), Key::Forwarded);
                    note.set(String::new());
                } novalidate>
                    <h2>{move || ctx.tr(Key::Forward)}</h2>
                    <p class="hint">{move || ctx.tr(Key::ForwardHelp)}</p>
                    <div class="grid2">
                        <div class="field">
                            <label for="fw-person">{move || ctx.tr(Key::ForwardToPerson)}</label>
                            <select id="fw-person" on:change=move |ev| forward_to.set(event_target_value(&ev))>
                                <option value="">{move || ctx.tr(Key::NoPerson)}</option>
                                {move || leaders().into_iter().map(|(id, name)| view! { <option value=id.to_string()>{name}</option> }).collect_view()}
                            </select>
                        </div>
                        <TextField id="fw-department" label=Key::ForwardToDepartment value=department/>
                    </div>
                    <TextArea id="fw-note" label=Key::ForwardNote value=note required=true/>
                    <button type="submit">{move || ctx.tr(Key::Forward)}</button>
                </form>
                <form class="card" on:submit=move |ev| {
                    ev.prevent_default();
                    let text = resolution.get();
                    act(Box::new(move |m, a, c, now| contact::act::close(m, a, c, &text, now)), Key::ContactClosed);
                } novalidate>
                    <h2>{move || ctx.tr(Key::CloseContact)}</h2>
                    {move || id.get().map(|c| view! { <AnswerPicker contact=c target="close-resolution" value=resolution/> })}
                    <TextArea id="close-resolution" label=Key::Resolution value=resolution required=true/>
                    <button type="submit" class="primary">{move || ctx.tr(Key::CloseContact)}</button>
                </form>
            </Show>
        </section>
    }
}
