//! The frame: header, navigation, status line, and every page by its address.

use crate::ui::kit::route::RouteId;
use crate::ui::kit::widgets::{NotFoundPage, StatusLine, StoreLostBanner};
use crate::ui::paths::find_page;
use crate::ui::pieces;
use crate::ui::shell::header::Header;
use crate::ui::shell::hub_sync;
use crate::ui::shell::later;
use crate::ui::shell::nav::Nav;
use crate::ui::shell::state::{use_ctx, Ctx, Phase};
use crate::ui::words::Key;
use crate::ui::{complaints, dept, people, today, visits};
use leptos::prelude::*;
use leptos_router::components::Router;
use leptos_router::hooks::use_location;
use leptos_router::location::{BrowserUrl, LocationProvider};

#[component]
pub fn App() -> impl IntoView {
    let ctx = Ctx::new();
    provide_context(ctx);
    #[cfg(feature = "hooks")]
    crate::ui::shell::hooks::install(ctx);
    // Under the app's owner: what `start` sets up (tabs, automatic sync)
    // ends with the app.
    leptos::task::spawn_local_scoped(async move {
        ctx.start().await;
        if ctx.phase.get_untracked() == Phase::Ready {
            hub_sync::start_autosync(ctx);
        }
    });
    register_service_worker();
    crate::ui::shell::connectivity::watch(ctx);

    // Language and theme live on <html> so CSS and screen readers follow.
    Effect::new(move |_| {
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", ctx.lang.get().code());
            let _ = root.set_attribute("data-theme", ctx.theme.get().code());
        }
        document().set_title(&format!("Ventanilla · {}", ctx.tr(Key::AppTagline)));
    });
    // index.html paints a frame with the organisation's name before the app
    // runs; it goes once the app shows more than its loading line. The name
    // is a memo so that a save (a new model) writes localStorage only when
    // the name itself changed.
    let org_name = Memo::new(move |_| ctx.model.with(|m| m.org.as_ref().map(|o| o.name.clone())));
    Effect::new(move |_| {
        if ctx.phase.get() != Phase::Loading {
            if let Some(boot) = document().get_element_by_id("boot") {
                boot.remove();
            }
            crate::store::settings::set_org_name(org_name.get().as_deref());
        }
    });

    view! {
        <Router>
            <StoreLostBanner/>
            {move || match ctx.phase.get() {
                Phase::Loading => view! { <p class="splash" role="status">{ctx.tr(Key::Loading)}</p> }.into_any(),
                // A lost database is explained by the banner above.
                Phase::Failed(_) if ctx.lost.get().is_some() => ().into_any(),
                Phase::Failed(why) => view! { <StartFailed why/> }.into_any(),
                Phase::Ready => view! { <Gate/> }.into_any(),
                Phase::NoWords(_) => view! { <NoWords/> }.into_any(),
            }}
        </Router>
    }
}

/// First run asks for the organisation; then a person says who they are.
#[component]
fn Gate() -> impl IntoView {
    let ctx = use_ctx();
    let has_org = Memo::new(move |_| ctx.model.with(|m| m.org.is_some()));
    let me_known = Memo::new(move |_| {
        let me = ctx.me.get();
        ctx.model
            .with(|m| me.is_some_and(|id| m.staff.get(&id).is_some_and(|s| s.active)))
    });
    move || {
        if !has_org.get() {
            // First run comes once per device: its piece (with joining
            // from a hub) is left out of the first load of every later day.
            pieces::first_run()
        } else if !me_known.get() {
            view! { <people::PickPerson/> }.into_any()
        } else {
            view! { <Shell/> }.into_any()
        }
    }
}

#[component]
fn Shell() -> impl IntoView {
    let ctx = use_ctx();
    // The page is rebuilt when the address names another page, not when
    // only its `:id` changes (the page follows `route_id`).
    let location = use_location();
    let found = Memo::new(move |_| {
        location.pathname.with(|path| {
            find_page(PAGES.iter().map(|(pattern, _)| *pattern), path)
                .map(|(at, id)| (at, id.and_then(|id| id.parse().ok())))
        })
    });
    let page = Memo::new(move |_| found.with(|f| f.map(|(at, _)| at)));
    let id = Memo::new(move |_| found.with(|f| f.and_then(|(_, id)| id)));
    provide_context(RouteId(id));
    // A followed link is "pending" in leptos_router until the routes say the
    // new page is drawn; only then is the address bar updated and the page
    // scrolled. Without its `Routes`, this says so once the page switched
    // (an effect runs after the render).
    let browser_url = use_context::<BrowserUrl>();
    Effect::new(move |_| {
        location.pathname.track();
        if let Some(url) = &browser_url {
            url.ready_to_complete();
        }
    });
    // The benchmark harness waits for this.
    Effect::new(move |_| {
        if let Some(body) = document().body() {
            let _ = body.set_attribute("data-ready", "true");
        }
        // The other areas' pieces, fetched in the background now that the
        // first page is on screen, and the records only some areas show.
        pieces::precache_pieces();
        leptos::task::spawn_local(async move {
            gloo_timers::future::TimeoutFuture::new(0).await;
            later::ensure(ctx).await;
        });
    });
    view! {
        <a class="skip" href="#main">{move || ctx.tr(Key::SkipToContent)}</a>
        <Header>
            <people::WhoAmI/>
        </Header>
        <div class="layout">
            <Nav/>
            <main id="main" tabindex="-1">
                <StatusLine/>
                {move || match page.get().and_then(|at| PAGES.get(at)) {
                    Some((_, show)) => untrack(*show),
                    None => view! { <NotFoundPage/> }.into_any(),
                }}
            </main>
        </div>
        <Toast/>
    }
}

#[component]
fn Toast() -> impl IntoView {
    let ctx = use_ctx();
    // Clear each message a few seconds after it appears: a new message
    // restarts the timer, and the timer ends with the toast.
    let timer = StoredValue::new_local(None::<gloo_timers::callback::Timeout>);
    Effect::new(move |_| {
        let next = ctx.toast.get().is_some().then(|| {
            gloo_timers::callback::Timeout::new(3500, move || {
                ctx.toast.try_set(None);
            })
        });
        // Replacing the old timer cancels it.
        timer.try_update_value(|t| *t = next);
    });
    on_cleanup(move || {
        timer.try_update_value(|t| *t = None);
    });
    view! {
        <div class="toast" role="status" aria-live="polite">
            {move || ctx.toast.get()}
        </div>
    }
}

#[component]
fn StartFailed(why: String) -> impl IntoView {
    let ctx = use_ctx();
    view! {
        <main class="narrow">
            <h1>{ctx.tr(Key::StartFailedTitle)}</h1>
            <p>{ctx.tr(Key::StartFailedHelp)}</p>
            <pre class="detail">{why}</pre>
        </main>
    }
}

/// The release build could not load its words: said in both languages
/// with the only words it has (`words::files::MISSING`); why is in the
/// console.
#[component]
fn NoWords() -> impl IntoView {
    let reload = |_| {
        let _ = web_sys::window().map(|w| w.location().reload());
    };
    view! {
        <main class="narrow">
            <h1>"Ventanilla"</h1>
            <div role="alert">
                {crate::ui::words::files::MISSING.map(|(lang, text)| view! { <p lang=lang>{text}</p> })}
            </div>
            <p><button type="button" class="primary" on:click=reload>"Recargar · Reload"</button></p>
        </main>
    }
}

fn register_service_worker() {
    let Some(window) = web_sys::window() else {
        return;
    };
    // Only over http(s) on a real origin; the worker caches the app shell.
    let container = window.navigator().service_worker();
    let _ = container.register("/sw.js");
}

/// Every page by its address (`ui::paths`): the first pattern that matches
/// wins. Today lists what each area needs from me now; the areas bring their
/// own sections. Quality's and standards' come once their records are read,
/// in the piece that reads them (`shell::later`), just after the first paint.
const PAGES: &[(&str, ShowPage)] = &[
    ("/", today_page),
    ("/customers", pieces::customers_list),
    ("/customers/new", pieces::customer_new),
    ("/customers/:id", pieces::customer_file),
    ("/customers/:id/edit", pieces::customer_edit),
    ("/contacts", pieces::contacts_list),
    ("/contacts/:id", pieces::contact_page),
    ("/complaints", pieces::complaints_list),
    ("/complaints/new", pieces::complaint_new),
    ("/complaints/stats", pieces::complaint_stats),
    ("/complaints/:id", pieces::complaint_page),
    (
        "/complaints/:id/print/registration",
        pieces::complaint_print_registration,
    ),
    (
        "/complaints/:id/print/record",
        pieces::complaint_print_record,
    ),
    ("/escalations", pieces::escalations_list),
    ("/visits", pieces::visits_queue),
    ("/visits/summary", pieces::visits_summary),
    ("/visits/campaigns", pieces::visits_campaigns),
    ("/visits/scripts", pieces::visits_scripts),
    ("/visits/:id", pieces::visit_call),
    ("/team", pieces::team_page),
    ("/answers", pieces::answers_page),
    ("/department", pieces::dept_overview),
    ("/department/roster", pieces::dept_roster),
    ("/department/leave", pieces::dept_leave),
    ("/department/swaps", pieces::dept_swaps),
    ("/department/attendance", pieces::dept_attendance),
    ("/department/handover", pieces::dept_handover),
    ("/department/announcements", pieces::dept_announcements),
    ("/department/meetings", pieces::dept_meetings),
    ("/department/emergency", pieces::dept_emergency),
    ("/department/setup", pieces::dept_setup),
    ("/quality", pieces::quality_page),
    ("/quality/week", pieces::quality_week),
    ("/quality/month", pieces::quality_month),
    ("/quality/setup", pieces::quality_setup),
    ("/standards", pieces::standards_page),
    ("/standards/audits", pieces::standards_audits),
    ("/standards/department/:id", pieces::standards_department),
    ("/reports", pieces::reports_workload),
    ("/reports/period", pieces::reports_period),
    ("/sync", pieces::sync_page),
    ("/settings", pieces::settings_page),
    ("/handbook", pieces::handbook_page),
];

/// How a page is shown (from its piece, or Today's in the main piece).
type ShowPage = fn() -> AnyView;

fn today_page() -> AnyView {
    let ctx = use_ctx();
    view! {
        <today::TodayPage>
            <dept::TodayDept/>
            <visits::VisitsToday/>
            <complaints::ComplaintsToday/>
            <Show when=move || ctx.later_ready.get()>
                {pieces::today_later()}
            </Show>
        </today::TodayPage>
    }
    .into_any()
}
