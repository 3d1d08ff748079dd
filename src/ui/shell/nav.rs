//! The main navigation: every area in four groups. One markup, three
//! layouts (style/main.css): wide screens show everything as a sidebar; a
//! tablet a bar of the four groups, each a disclosure button opening its
//! list; a phone, where four buttons cannot hold the groups' names, one
//! menu button opening all four groups at once. The current area's group is
//! marked and the buttons name the current area, so a person always sees
//! where they are, and every area is at most two taps away.

use crate::ui::shell::state::use_ctx;
use crate::ui::words::Key;
use leptos::ev;
use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use leptos_router::components::A;
use leptos_router::hooks::use_location;

struct Group {
    /// Ties the button, heading and list together (`nav-b-…`, `nav-h-…`, `nav-p-…`).
    id: &'static str,
    name: Key,
    areas: &'static [(&'static str, Key)],
}

const GROUPS: &[Group] = &[
    Group {
        id: "work",
        name: Key::NavGroupWork,
        areas: &[
            ("/", Key::NavToday),
            ("/customers", Key::NavCustomers),
            ("/contacts", Key::NavContacts),
            ("/answers", Key::NavAnswers),
            ("/visits", Key::NavVisits),
        ],
    },
    Group {
        id: "cases",
        name: Key::NavGroupCases,
        areas: &[
            ("/complaints", Key::NavComplaints),
            ("/escalations", Key::NavEscalations),
        ],
    },
    Group {
        id: "dept",
        name: Key::NavGroupDepartment,
        areas: &[
            ("/department", Key::NavDepartment),
            ("/team", Key::NavTeam),
            ("/quality", Key::NavQuality),
            ("/standards", Key::NavStandards),
            ("/reports", Key::NavReports),
        ],
    },
    Group {
        id: "device",
        name: Key::NavGroupDevice,
        areas: &[("/sync", Key::NavSync), ("/settings", Key::NavSettings)],
    },
];

/// Whether `path` lies in the area at `href`, as the links' `aria-current`
/// decides it: "/" only itself, any other area its own pages too.
fn in_area(href: &str, path: &str) -> bool {
    if href == "/" {
        return path == "/";
    }
    path.strip_prefix(href)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
}

/// The group and the area the page at `path` belongs to (none for an
/// unknown page).
fn area_at(path: &str) -> Option<(usize, Key)> {
    GROUPS.iter().enumerate().find_map(|(g, group)| {
        group
            .areas
            .iter()
            .find(|(href, _)| in_area(href, path))
            .map(|(_, key)| (g, *key))
    })
}

fn as_node(target: Option<web_sys::EventTarget>) -> Option<web_sys::Node> {
    target.and_then(|t| t.dyn_into::<web_sys::Node>().ok())
}

/// What is open: one group's list (tablet bar) or every group (phone menu).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Open {
    Group(usize),
    All,
}

/// Whether focus moves from inside the element handling `e` to somewhere
/// outside it (a click elsewhere names no next element in some browsers:
/// the outside-click handler covers that).
fn focus_leaves(e: &ev::FocusEvent) -> bool {
    match (as_node(e.current_target()), as_node(e.related_target())) {
        (Some(mine), Some(next)) => !mine.contains(Some(&next)),
        _ => false,
    }
}

fn focus_button(open: Open) {
    let id = match open {
        Open::Group(g) => GROUPS.get(g).map_or("", |g| g.id),
        Open::All => "all",
    };
    let button = document()
        .get_element_by_id(&format!("nav-b-{id}"))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(b) = button {
        let _ = b.focus();
    }
}

#[component]
pub fn Nav() -> impl IntoView {
    let ctx = use_ctx();
    let location = use_location();
    let here = Memo::new(move |_| location.pathname.with(|p| area_at(p)));
    let open = RwSignal::new(None::<Open>);
    let toggle = move |what: Open| open.update(|o| *o = (*o != Some(what)).then_some(what));
    let nav_ref = NodeRef::<leptos::html::Nav>::new();

    // A new page (a link chosen, Back pressed) closes the list.
    Effect::new(move |_| {
        location.pathname.track();
        open.set(None);
    });
    // A tap or click anywhere outside the navigation closes it.
    let outside = window_event_listener(ev::click, move |e| {
        if open.get_untracked().is_none() {
            return;
        }
        let inside = as_node(e.target())
            .zip(nav_ref.get_untracked())
            .is_some_and(|(t, nav)| nav.contains(Some(&t)));
        if !inside {
            open.set(None);
        }
    });
    // Escape closes it and gives focus back to its button.
    let escape = window_event_listener(ev::keydown, move |e| {
        if e.key() == "Escape" {
            if let Some(what) = open.get_untracked() {
                open.set(None);
                focus_button(what);
            }
        }
    });
    // Turning the tablet may switch between phone, bar and sidebar: start
    // closed. Only a change of width counts (a phone's address bar sliding
    // away changes the height).
    let width = StoredValue::new(window().inner_width().ok().and_then(|w| w.as_f64()));
    let resize = window_event_listener(ev::resize, move |_| {
        let now = window().inner_width().ok().and_then(|w| w.as_f64());
        if width.get_value() != now {
            width.set_value(now);
            open.set(None);
        }
    });
    on_cleanup(move || {
        outside.remove();
        escape.remove();
        resize.remove();
    });

    let groups = GROUPS.iter().enumerate().map(|(g, group)| {
        let is_open = move || open.get() == Some(Open::Group(g));
        let is_here = move || here.get().is_some_and(|(h, _)| h == g);
        let area_here = move || here.get().filter(|(h, _)| *h == g).map(|(_, k)| k);
        let name = move || ctx.tr(group.name);
        // Tabbing out of an open list closes it.
        let leave = move |e: ev::FocusEvent| {
            if open.get_untracked() == Some(Open::Group(g)) && focus_leaves(&e) {
                open.set(None);
            }
        };
        let links = group.areas.iter().map(|(href, key)| {
            let key = *key;
            view! { <li><A href=*href exact={*href == "/"}>{move || ctx.tr(key)}</A></li> }
        });
        view! {
            <div class="nav-group" class:here=is_here on:focusout=leave>
                <button type="button" class="nav-toggle" id=format!("nav-b-{}", group.id)
                    aria-expanded=move || is_open().to_string()
                    aria-controls=format!("nav-p-{}", group.id)
                    on:click=move |_| toggle(Open::Group(g))>
                    <span class="nav-toggle-name">{name}</span>
                    {move || area_here().map(|k| view! {
                        <span class="sr-only">": "</span>
                        <span class="nav-here">{ctx.tr(k)}</span>
                    })}
                </button>
                <p class="nav-heading" id=format!("nav-h-{}", group.id)>{name}</p>
                <ul class="nav-list" class:open=is_open id=format!("nav-p-{}", group.id)
                    aria-labelledby=format!("nav-h-{}", group.id)
                    on:click=move |_| open.set(None)>
                    {links.collect_view()}
                </ul>
            </div>
        }
    });
    let all_open = move || open.get() == Some(Open::All);
    let where_now = move || {
        here.get().and_then(|(g, area)| {
            let group = GROUPS.get(g)?;
            Some(view! {
                <span class="sr-only">": "</span>
                <span class="nav-where">
                    <span class="nav-where-group">{ctx.tr(group.name)}</span>
                    <span class="sr-only">", "</span>
                    <span class="nav-here">{ctx.tr(area)}</span>
                </span>
            })
        })
    };
    // Tabbing out of the whole menu closes it too.
    let leave_all = move |e: ev::FocusEvent| {
        if open.get_untracked() == Some(Open::All) && focus_leaves(&e) {
            open.set(None);
        }
    };
    view! {
        <nav class="nav" class:all-open=all_open node_ref=nav_ref on:focusout=leave_all aria-label=move || ctx.tr(Key::MainNavigation)>
            <button type="button" class="nav-menu" id="nav-b-all" aria-expanded=move || all_open().to_string()
                aria-controls="nav-all" on:click=move |_| toggle(Open::All)>
                <span class="nav-menu-label">{move || ctx.tr(Key::NavMenu)}</span>
                {where_now}
            </button>
            <div class="nav-inner" id="nav-all">{groups.collect_view()}</div>
        </nav>
    }
}
