//! Who is working: pick yourself from the staff list, see the team, and (as
//! center director) add people. No passwords yet: roles guard against
//! mistakes, not against attackers (README, "Roles").

use crate::domain::base::order;
use crate::domain::staff::{self, Role, StaffDraft};
use crate::ui::kit::widgets::{SelectField, TextField};
use crate::ui::shell::state::use_ctx;
use crate::ui::words::{role_label, Key};
use leptos::prelude::*;

#[component]
pub fn PickPerson() -> impl IntoView {
    let ctx = use_ctx();
    let people = move || {
        ctx.model.with(|m| {
            let mut v: Vec<_> = m
                .staff
                .values()
                .filter(|s| s.active)
                .map(|s| (s.id, s.name.clone(), s.role, s.team.clone()))
                .collect();
            order::sort_by(&mut v, |a, b| a.1.cmp(&b.1));
            v
        })
    };
    view! {
        <main class="narrow" id="main">
            <h1>{move || ctx.tr(Key::WhoAreYou)}</h1>
            <p class="lead">{move || ctx.tr(Key::WhoAreYouLead)}</p>
            <ul class="people">
                {move || people().into_iter().map(|(id, name, role, team)| {
                    view! {
                        <li>
                            <button type="button" class="person" on:click=move |_| ctx.set_me(Some(id))>
                                <span class="person-name">{name}</span>
                                <span class="person-role">{move || role_label(ctx.lang.get(), role)}{(!team.is_empty()).then(|| format!(" · {team}"))}</span>
                            </button>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </main>
    }
}

/// The current person in the header, with a way to hand the tablet over.
#[component]
pub fn WhoAmI() -> impl IntoView {
    let ctx = use_ctx();
    let who = move || {
        let me = ctx.me.get();
        ctx.model.with(|m| {
            me.and_then(|id| m.staff.get(&id))
                .map(|s| (s.name.clone(), s.role))
        })
    };
    view! {
        <div class="whoami">
            // The full name on hover when a narrow header cuts it short.
            <span class="whoami-name" title=move || who().map(|(n, _)| n)>{move || who().map(|(n, _)| n)}</span>
            <span class="whoami-role">{move || who().map(|(_, r)| role_label(ctx.lang.get(), r))}</span>
            <button type="button" class="tool" on:click=move |_| ctx.set_me(None)>{move || ctx.tr(Key::ChangePerson)}</button>
        </div>
    }
}

/// The team area: for now the staff list and adding people; the roster,
/// handover, leave and swaps come with the department release.
#[component]
pub fn TeamPage() -> impl IntoView {
    let ctx = use_ctx();
    let rows = move || {
        ctx.model.with(|m| {
            let mut v: Vec<_> = m.staff.values().cloned().collect();
            order::sort_by(&mut v, |a, b| a.name.cmp(&b.name));
            v
        })
    };
    view! {
        <section class="page">
            <h1>{move || ctx.tr(Key::NavTeam)}</h1>
            <p class="hint">{move || ctx.tr(Key::TeamComing)}</p>
            // Focusable so a phone can scroll it sideways from the keyboard too.
            <table class="table" tabindex="0">
                <caption class="sr-only">{move || ctx.tr(Key::StaffList)}</caption>
                <thead><tr>
                    <th scope="col">{move || ctx.tr(Key::Name)}</th>
                    <th scope="col">{move || ctx.tr(Key::Role)}</th>
                    <th scope="col">{move || ctx.tr(Key::Team)}</th>
                    <th scope="col">{move || ctx.tr(Key::Skills)}</th>
                    <th scope="col">{move || ctx.tr(Key::Phone)}</th>
                </tr></thead>
                <tbody>
                    {move || rows().into_iter().map(|s| {
                        let role = s.role;
                        view! { <tr>
                            <td>{s.name}</td>
                            <td>{move || role_label(ctx.lang.get(), role)}</td>
                            <td>{s.team}</td>
                            <td>{s.skills.join(", ")}</td>
                            <td class="nowrap">{s.phone}</td>
                        </tr> }
                    }).collect_view()}
                </tbody>
            </table>
            <AddPerson/>
        </section>
    }
}

#[component]
fn AddPerson() -> impl IntoView {
    let ctx = use_ctx();
    let name = RwSignal::new(String::new());
    let role = RwSignal::new("representative".to_string());
    let team = RwSignal::new(String::new());
    let skills = RwSignal::new(String::new());
    let phone = RwSignal::new(String::new());
    let email = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let roles: Vec<(String, Signal<String>)> = Role::ALL
        .iter()
        .map(|r| {
            let r = *r;
            (
                r.code().to_string(),
                Signal::derive(move || role_label(ctx.lang.get(), r).to_string()),
            )
        })
        .collect();

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let draft = StaffDraft {
            name: name.get(),
            role: Role::from_code(&role.get()).unwrap_or(Role::Representative),
            team: team.get(),
            skills: skills
                .get()
                .split(',')
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
                .collect(),
            phone: phone.get(),
            email: email.get(),
        };
        let id = ctx.new_id();
        ctx.act(
            error,
            Key::PersonAdded,
            move |m, actor, now| staff::act::create(m, actor, draft, id, now),
            move || {
                for s in [name, team, skills, phone, email] {
                    s.set(String::new());
                }
            },
        );
    };

    view! {
        <form class="card" on:submit=submit novalidate>
            <h2>{move || ctx.tr(Key::AddPerson)}</h2>
            <div class="grid2">
                <TextField id="staff-name" label=Key::Name value=name required=true/>
                <SelectField id="staff-role" label=Key::Role value=role options=roles/>
                <TextField id="staff-team" label=Key::Team value=team/>
                <TextField id="staff-skills" label=Key::Skills value=skills hint=Key::CommaSeparated/>
                <TextField id="staff-phone" label=Key::Phone value=phone kind="tel"/>
                <TextField id="staff-email" label=Key::Email value=email kind="email"/>
            </div>
            <p class="error" role="alert">{move || error.get().map(crate::ui::kit::rules::rule_links)}</p>
            <button type="submit" class="primary">{move || ctx.tr(Key::AddPerson)}</button>
        </form>
    }
}
