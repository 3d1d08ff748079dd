//! Picking a customer inside another form (a complaint, a contact), and a
//! new customer without leaving that form: when the caller is not a
//! customer yet, the picker opens a short form (name and phones) in place.
//! It saves through the customer form's own operation and checks
//! (`customer::act::save`; R-CUS-01 assigns them), warns of a customer
//! with the same phone (R-CUS-03, offering to pick that one instead), then
//! picks the new customer.
//!
//! The short form sits inside another form, so it is a group, not a
//! `<form>`: Enter in its fields saves the customer instead of sending the
//! outer form, and Escape closes it. One picker per page, so its ids are
//! fixed.

use crate::domain::customer::{self, find_duplicates, CustomerDraft};
use crate::domain::RuleError;
use crate::sync::RecordId;
use crate::ui::kit::widgets::field_error;
use crate::ui::kit::widgets::TextField;
use crate::ui::shell::act::{Outcome, Refusal};
use crate::ui::shell::state::use_ctx;
use crate::ui::words::{refusals, Key};
use leptos::prelude::*;

const NAME_ID: &str = "new-customer-name";
const PHONES_ID: &str = "new-customer-phones";
/// The fields this form shows; a refusal about any other goes above the
/// buttons.
const FIELDS: [&str; 2] = ["name", "phones"];

/// Picks a customer by typing part of a name, phone, e-mail or card: the
/// best matches appear as buttons; the choice is shown under the box.
/// Someone who is not a customer yet is created in place ("New customer",
/// `NewCustomerInline`) and picked.
#[component]
pub fn CustomerPicker(
    id: &'static str,
    label: Key,
    picked: RwSignal<Option<crate::sync::RecordId>>,
    #[prop(optional)] required: bool,
) -> impl IntoView {
    let ctx = use_ctx();
    let find = RwSignal::new(String::new());
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
    let chosen = move || {
        picked.get().and_then(|id| {
            ctx.model
                .with(|m| m.customers.get(&id).map(|c| c.name.clone()))
        })
    };
    let creating = RwSignal::new(false);
    let new_id = format!("{id}-new");
    let nothing_found =
        move || find.with(|q| q.trim().len() >= 2) && matches.with(|m| m.is_empty());
    view! {
        <div class="field">
            <label for=id>{move || ctx.tr(label)}{required.then_some(view! { <span class="req" aria-hidden="true">" *"</span> })}</label>
            <input id=id type="search" bind:value=find autocomplete="off" placeholder=move || ctx.tr(Key::SearchPlaceholder)/>
            <p class="hint" aria-live="polite">{move || match chosen() {
                Some(name) => format!("{}: {name}", ctx.tr(Key::Selected)),
                None if nothing_found() => ctx.tr(Key::NoCustomerMatches).to_string(),
                None => ctx.tr(Key::NoCustomer).to_string(),
            }}</p>
            <div class="actions">
                {move || matches.get().into_iter().map(|(cid, name)| view! {
                    <button type="button" on:click=move |_| { picked.set(Some(cid)); find.set(String::new()); }>{name}</button>
                }).collect_view()}
                <button type="button" id=new_id.clone() aria-expanded=move || creating.get().to_string()
                    on:click=move |_| creating.update(|c| *c = !*c)>{move || ctx.tr(Key::NewCustomer)}</button>
            </div>
            <Show when=move || creating.get()>
                <NewCustomerInline search=find picked open=creating back=new_id.clone()/>
            </Show>
        </div>
    }
}

/// Whether what was typed in the search box looks like a phone number
/// (then it fills the phones, else the name).
fn looks_like_phone(typed: &str) -> bool {
    let digits = typed.chars().filter(char::is_ascii_digit).count();
    digits >= 3
        && typed
            .chars()
            .all(|c| c.is_ascii_digit() || " +-().".contains(c))
}

/// Moves focus to an element by id once the view has rendered.
fn focus_later(id: String) {
    use wasm_bindgen::JsCast;
    leptos::task::spawn_local(async move {
        gloo_timers::future::TimeoutFuture::new(0).await;
        if let Some(el) = document()
            .get_element_by_id(&id)
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = el.focus();
        }
    });
}

/// The short form. `search` is the picker's search box: what it holds
/// starts the name (or the phones), and it is cleared once a customer is
/// picked; `back` is the id focus returns to when the form closes.
#[component]
fn NewCustomerInline(
    search: RwSignal<String>,
    picked: RwSignal<Option<RecordId>>,
    open: RwSignal<bool>,
    back: String,
) -> impl IntoView {
    let ctx = use_ctx();
    let typed = search.get_untracked();
    let (name0, phones0) = if looks_like_phone(&typed) {
        (String::new(), typed.trim().to_string())
    } else {
        (typed.trim().to_string(), String::new())
    };
    let name = RwSignal::new(name0);
    let phones = RwSignal::new(phones0);
    let errors = RwSignal::new(Vec::<RuleError>::new());
    let general = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let draft = move || CustomerDraft {
        name: name.get(),
        phones: phones.get(),
        ..CustomerDraft::default()
    };
    let duplicates = duplicates_of(draft, None);
    let field_error = move |field| field_error(errors, field);
    // Callbacks are Copy: the buttons, the keys and the save share them.
    let close = Callback::new(move |()| {
        open.set(false);
        focus_later(back.clone());
    });
    let choose = Callback::new(move |id: RecordId| {
        picked.set(Some(id));
        search.set(String::new());
        close.run(());
    });
    let save = Callback::new(move |()| {
        if busy.get_untracked() {
            return;
        }
        let d = draft();
        let id = ctx.new_id();
        busy.set(true);
        ctx.act_with(
            Key::CustomerSaved,
            move |m, actor, now| customer::act::save(m, actor, None, d, id, now),
            move |outcome| {
                busy.set(false);
                match outcome {
                    Outcome::Saved => {
                        errors.set(Vec::new());
                        general.set(None);
                        choose.run(id);
                    }
                    Outcome::Refused(Refusal::Rules(errs)) => {
                        let (mine, other): (Vec<_>, Vec<_>) = errs
                            .into_iter()
                            .partition(|e| e.field().is_some_and(|f| FIELDS.contains(&f)));
                        general.set(if other.is_empty() {
                            Some(ctx.tr_now(Key::FixFields).into())
                        } else {
                            Some(refusals(ctx.lang.get_untracked(), &other))
                        });
                        if let Some(first) = mine.first().and_then(|e| e.field()) {
                            focus_later(if first == "name" { NAME_ID } else { PHONES_ID }.into());
                        }
                        errors.set(mine);
                    }
                    Outcome::Refused(r) => general.set(ctx.refusal_text(&r)),
                    Outcome::Failed(msg) => general.set(Some(msg)),
                }
            },
        );
    });
    let keys = move |ev: leptos::ev::KeyboardEvent| match ev.key().as_str() {
        // Enter in a field saves this customer, not the form around it.
        "Enter" if is_input(&ev) => {
            ev.prevent_default();
            save.run(());
        }
        "Escape" => {
            ev.prevent_default();
            close.run(());
        }
        _ => {}
    };
    focus_later(NAME_ID.into());
    view! {
        <div class="card new-customer" role="group" aria-labelledby="new-customer-h" on:keydown=keys>
            <h3 id="new-customer-h">{move || ctx.tr(Key::NewCustomer)}</h3>
            <p class="hint">{move || ctx.tr(Key::NewCustomerInlineLead)}</p>
            <TextField id=NAME_ID label=Key::Name value=name required=true error=field_error("name") autocomplete="name"/>
            <TextField id=PHONES_ID label=Key::Phones value=phones kind="tel" hint=Key::CommaSeparated error=field_error("phones")/>
            <Show when=move || !duplicates.with(|d| d.is_empty())>
                <div class="banner warn" role="status">
                    <p>{move || ctx.tr(Key::PossibleDuplicate)} " " {move || ctx.tr(Key::PickExistingInstead)}</p>
                    <div class="actions">
                        {move || duplicates.get().into_iter().map(|(id, n)| view! {
                            <button type="button" on:click=move |_| choose.run(id)>{n}</button>
                        }).collect_view()}
                    </div>
                </div>
            </Show>
            <p class="error" role="alert">{move || general.get()}</p>
            <div class="actions">
                <button type="button" class="primary" disabled=move || busy.get()
                    on:click=move |_| save.run(())>{move || ctx.tr(Key::CreateAndChoose)}</button>
                <button type="button" on:click=move |_| close.run(())>{move || ctx.tr(Key::Cancel)}</button>
            </div>
        </div>
    }
}

/// Whether a key went to a text field (Enter on a button keeps its own
/// meaning).
fn is_input(ev: &leptos::ev::KeyboardEvent) -> bool {
    use wasm_bindgen::JsCast;
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        .is_some()
}

/// The customers with the same phone or e-mail as the draft (R-CUS-03),
/// with their names, kept current as the person types; `except` is the
/// customer being edited.
pub fn duplicates_of(
    draft: impl Fn() -> CustomerDraft + Send + Sync + 'static,
    except: Option<RecordId>,
) -> Memo<Vec<(RecordId, String)>> {
    let ctx = use_ctx();
    Memo::new(move |_| {
        let d = draft();
        ctx.model.with(|m| {
            find_duplicates(m, &d, except)
                .into_iter()
                .filter_map(|id| m.customers.get(&id).map(|c| (id, c.name.clone())))
                .collect()
        })
    })
}
