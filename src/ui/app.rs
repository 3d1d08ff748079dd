//! The frame: header, navigation, status line, and the routes of every area.

use crate::ui::kit::widgets::{ComingPage, StatusLine, StoreLostBanner};
use crate::ui::pieces;
use crate::ui::shell::header::Header;
use crate::ui::shell::hub_sync;
use crate::ui::shell::later;
use crate::ui::shell::nav::Nav;
use crate::ui::shell::state::{use_ctx, Ctx, Phase};
use crate::ui::words::Key;
use crate::ui::{complaints, dept, people, quality, standards, today, visits};
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

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
            pieces::first_run().into_any()
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
                <Routes fallback=move || view! { <ComingPage title=Key::NotFound/> }>
                    <Route path=path!("/") view=move || view! {
                        // Today lists what each area needs from me now; the
                        // areas bring their own sections. Quality's and
                        // standards' come once their records are read
                        // (`shell::later`), just after the first paint.
                        <today::TodayPage>
                            <dept::TodayDept/>
                            <visits::VisitsToday/>
                            <complaints::ComplaintsToday/>
                            <Show when=move || ctx.later_ready.get()>
                                <quality::QualityTodaySection/>
                                <standards::StandardsTodaySection/>
                            </Show>
                        </today::TodayPage>
                    }/>
                    <Route path=path!("/customers") view=pieces::customers_list/>
                    <Route path=path!("/customers/new") view=pieces::customer_new/>
                    <Route path=path!("/customers/:id") view=pieces::customer_file/>
                    <Route path=path!("/customers/:id/edit") view=pieces::customer_edit/>
                    <Route path=path!("/contacts") view=pieces::contacts_list/>
                    <Route path=path!("/contacts/:id") view=pieces::contact_page/>
                    <Route path=path!("/complaints") view=pieces::complaints_list/>
                    <Route path=path!("/complaints/new") view=pieces::complaint_new/>
                    <Route path=path!("/complaints/stats") view=pieces::complaint_stats/>
                    <Route path=path!("/complaints/:id") view=pieces::complaint_page/>
                    <Route path=path!("/complaints/:id/print/registration") view=pieces::complaint_print_registration/>
                    <Route path=path!("/complaints/:id/print/record") view=pieces::complaint_print_record/>
                    <Route path=path!("/escalations") view=pieces::escalations_list/>
                    <Route path=path!("/visits") view=pieces::visits_queue/>
                    <Route path=path!("/visits/summary") view=pieces::visits_summary/>
                    <Route path=path!("/visits/campaigns") view=pieces::visits_campaigns/>
                    <Route path=path!("/visits/scripts") view=pieces::visits_scripts/>
                    <Route path=path!("/visits/:id") view=pieces::visit_call/>
                    <Route path=path!("/team") view=pieces::team_page/>
                    <Route path=path!("/answers") view=pieces::answers_page/>
                    // Department
                    <Route path=path!("/department") view=pieces::dept_overview/>
                    <Route path=path!("/department/roster") view=pieces::dept_roster/>
                    <Route path=path!("/department/leave") view=pieces::dept_leave/>
                    <Route path=path!("/department/swaps") view=pieces::dept_swaps/>
                    <Route path=path!("/department/attendance") view=pieces::dept_attendance/>
                    <Route path=path!("/department/handover") view=pieces::dept_handover/>
                    <Route path=path!("/department/announcements") view=pieces::dept_announcements/>
                    <Route path=path!("/department/meetings") view=pieces::dept_meetings/>
                    <Route path=path!("/department/emergency") view=pieces::dept_emergency/>
                    <Route path=path!("/department/setup") view=pieces::dept_setup/>
                    <Route path=path!("/quality") view=pieces::quality_page/>
                    <Route path=path!("/quality/week") view=pieces::quality_week/>
                    <Route path=path!("/quality/month") view=pieces::quality_month/>
                    <Route path=path!("/quality/setup") view=pieces::quality_setup/>
                    <Route path=path!("/standards") view=pieces::standards_page/>
                    <Route path=path!("/standards/audits") view=pieces::standards_audits/>
                    <Route path=path!("/standards/department/:id") view=pieces::standards_department/>
                    <Route path=path!("/reports") view=pieces::reports_workload/>
                    <Route path=path!("/reports/period") view=pieces::reports_period/>
                    <Route path=path!("/sync") view=pieces::sync_page/>
                    <Route path=path!("/settings") view=pieces::settings_page/>
                    <Route path=path!("/handbook") view=pieces::handbook_page/>
                </Routes>
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
