//! The areas as separate pieces of the app, downloaded when first opened.
//!
//! With the cargo feature `split` (the release build, `scripts/build`), each
//! page function below is marked `#[wasm_split(<piece>)]`: the `wasm-split`
//! tool moves it and everything only it reaches into `<piece>.wasm`, and a
//! call becomes "fetch the piece, then call". Without the feature (the dev
//! server, the wasm tests, clippy) the same functions are plain calls, so the
//! app behaves the same either way.
//!
//! Today, the shell and choosing a person stay in the main piece: they are
//! what the first paint needs. First run is a piece of its own: a device
//! needs it once. The service worker fetches every
//! piece in the background after the first paint (`precache_pieces`), so the
//! areas open offline later; a piece that cannot be fetched anyway shows a
//! message with "Try again", and the rest of the app keeps working.

use crate::ui::shell::state::use_ctx;
use crate::ui::shell::{history, later};
use crate::ui::words::Key;
use leptos::prelude::*;
use leptos::wasm_split::SplitLoaderError;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll, Waker};

/// Declares, for each `piece: name => Page`, a page `name()` (the form
/// `app::PAGES` lists) that shows `Page` from its piece. The function in the piece returns how to
/// build the page rather than the page itself, so the page is built like any
/// other route's, under the route, and goes with it. (Built inside the
/// loading future, a page outlived its signals when the person changed.)
/// The inner function keeps the route's name so the split tool's generated
/// symbols stay unique and readable.
macro_rules! pieces {
    ($($piece:ident: $name:ident => $page:path;)*) => {$(
        pub fn $name() -> AnyView {
            mod $name {
                use super::*;
                #[cfg_attr(
                    feature = "split",
                    leptos::wasm_split::wasm_split($piece, wasm_split_path = ::leptos::wasm_split, fallible)
                )]
                pub fn $name() -> Result<MakePage, SplitLoaderError> {
                    Ok(|| untrack($page).into_any())
                }
            }
            from_piece(stringify!($piece), || {
                #[cfg(feature = "split")]
                let load: Loading = Box::pin($name::$name());
                #[cfg(not(feature = "split"))]
                let load: Loading = Box::pin(std::future::ready($name::$name()));
                load
            })
            .into_any()
        }
    )*};
}

use crate::ui::customers::{contacts, form as customer_form, page as customer_page};
use crate::ui::{
    answers, complaints, customers, dept, escalations, people, quality, reports, settings,
    standards, sync, visits,
};

pieces! {
    customers: customers_list => customers::CustomersPage;
    customers: customer_new => customer_form::NewCustomerPage;
    customers: customer_file => customer_page::CustomerPage;
    customers: customer_edit => customer_form::EditCustomerPage;
    contacts: contacts_list => contacts::ContactsPage;
    contacts: contact_page => contacts::ContactPage;
    complaints: complaints_list => complaints::ComplaintsPage;
    complaints: complaint_new => complaints::NewComplaintPage;
    complaints: complaint_stats => complaints::ComplaintStatsPage;
    complaints: complaint_page => complaints::ComplaintPage;
    complaints: complaint_print_registration => complaints::PrintRegistrationPage;
    complaints: complaint_print_record => complaints::PrintRecordPage;
    escalations: escalations_list => escalations::EscalationsPage;
    visits: visits_queue => visits::VisitsPage;
    visits: visits_summary => visits::VisitSummaryPage;
    visits: visits_campaigns => visits::CampaignsPage;
    visits: visits_scripts => visits::ScriptsPage;
    visits: visit_call => visits::CallPage;
    team: team_page => people::TeamPage;
    answers: answers_page => answers::AnswersPage;
    quality: quality_page => quality::QualityPage;
    quality: quality_week => quality::WeekPage;
    quality: quality_month => quality::MonthPage;
    quality: quality_setup => quality::SetupPage;
    reports: reports_workload => reports::WorkloadPage;
    reports: reports_period => reports::PeriodPage;
    standards: standards_page => standards::StandardsPage;
    standards: standards_department => standards::DepartmentPage;
    standards: standards_audits => standards::AuditsPage;
    department: dept_overview => dept::DepartmentPage;
    department: dept_roster => dept::RosterPage;
    department: dept_leave => dept::LeavePage;
    department: dept_swaps => dept::SwapsPage;
    department: dept_attendance => dept::AttendancePage;
    department: dept_handover => dept::HandoverPage;
    department: dept_announcements => dept::AnnouncementsPage;
    department: dept_meetings => dept::MeetingsPage;
    department: dept_emergency => dept::EmergencyPage;
    department: dept_setup => dept::DeptSetupPage;
    sync: sync_page => sync::SyncPage;
    settings: settings_page => settings::page::SettingsPage;
    handbook: handbook_page => settings::handbook::HandbookPage;
    first_run: first_run => settings::setup::Setup;
    later_records: today_later => later_today_sections;
}

/// Today's sections for the `later` kinds (quality, standards). Today shows
/// them once those records are read, so they travel in the piece that
/// reads them (`shell::later`), not in the first load.
fn later_today_sections() -> impl IntoView {
    view! {
        <quality::QualityTodaySection/>
        <standards::StandardsTodaySection/>
    }
}

/// The pieces whose pages neither show nor act on records of the `later`
/// kinds (the knowledge base, quality, standards, issued reports;
/// `shell::later`). Every other piece opens once those are read too, so an
/// area added later waits for them unless it is named here.
const WITHOUT_LATER: &[&str] = &[
    "first_run",
    "handbook",
    "complaints",
    "escalations",
    "visits",
    "team",
    "sync",
];

/// The pieces whose pages never list closed records (a done contact, a
/// return visit made: `domain::history`), or read just the ones they show
/// (a customer's page). Every other piece opens once the history is read
/// (`shell::history`), so an area added later waits for it unless it is
/// named here.
const WITHOUT_HISTORY: &[&str] = &[
    "first_run",
    // Today's quality and standards sections: reviews, plans, audits and
    // actions, never a closed contact or visit.
    "later_records",
    "customers",
    "handbook",
    "escalations",
    "team",
    "sync",
    "settings",
];

/// How a piece builds its page (a function in the piece, called from here).
type MakePage = fn() -> AnyView;
/// Fetching a piece: ready at once when it is already here.
type Loading = Pin<Box<dyn Future<Output = Result<MakePage, SplitLoaderError>>>>;

#[derive(Clone, Copy)]
enum Piece {
    Loading,
    Ready(MakePage),
    /// The piece could not be fetched.
    Failed,
    /// The history it shows could not be read from storage.
    NoHistory,
}

/// Shows the page that `load` brings from its piece. A piece already here is
/// shown at once; while one loads, a short status line; when it cannot be
/// loaded, a message and "Try again" (a failed fetch is not remembered, so
/// trying again fetches afresh).
fn from_piece(piece: &'static str, load: fn() -> Loading) -> impl IntoView {
    let ctx = use_ctx();
    let state = RwSignal::new(Piece::Loading);
    let settle = move |result: Piece| {
        // The route may be gone by the time a fetch ends.
        let _ = state.try_set(result);
    };
    let read_later = !WITHOUT_LATER.contains(&piece);
    let read_history = !WITHOUT_HISTORY.contains(&piece);
    let fetch = move || {
        let page = load();
        let mut loading = Box::pin(async move {
            let Ok(make) = page.await else {
                return Piece::Failed;
            };
            if read_later && !later::ensure(ctx).await {
                return Piece::Failed;
            }
            if read_history && !history::ensure(ctx).await {
                return Piece::NoHistory;
            }
            Piece::Ready(make)
        });
        let mut now = Context::from_waker(Waker::noop());
        match loading.as_mut().poll(&mut now) {
            Poll::Ready(result) => settle(result),
            Poll::Pending => {
                state.set(Piece::Loading);
                leptos::task::spawn_local(async move { settle(loading.await) });
            }
        }
    };
    fetch();
    move || match state.get() {
        Piece::Ready(make) => make(),
        Piece::Loading => {
            view! { <p class="splash" role="status">{ctx.tr(Key::PieceLoading)}</p> }.into_any()
        }
        Piece::Failed => view! { <PieceFailed retry=fetch why=Key::PieceFailedBody/> }.into_any(),
        Piece::NoHistory => {
            view! { <PieceFailed retry=fetch why=Key::HistoryFailedBody/> }.into_any()
        }
    }
}

#[component]
fn PieceFailed(retry: impl Fn() + Copy + 'static, why: Key) -> impl IntoView {
    let ctx = use_ctx();
    view! {
        <section class="page">
            <div class="empty" role="alert">
                <h1>{ctx.tr(Key::PieceFailedTitle)}</h1>
                <p>{ctx.tr(why)}</p>
                <p>
                    <button type="button" on:click=move |_| retry()>
                        {ctx.tr(Key::TryAgain)}
                    </button>
                </p>
            </div>
        </section>
    }
}

/// After the first paint, asks the service worker to fetch every piece it
/// does not hold yet, so that every area opens offline later. Waits for an
/// active worker (on a first visit it is still installing), and asks again
/// when a new version takes over (an update brings new pieces). Nothing
/// happens where there is no worker.
pub fn precache_pieces() {
    use wasm_bindgen::JsCast;
    let Some(window) = web_sys::window() else {
        return;
    };
    let container = window.navigator().service_worker();
    let ask = |worker: Option<web_sys::ServiceWorker>| {
        if let Some(worker) = worker {
            let _ = worker.post_message(&wasm_bindgen::JsValue::from_str("precache-pieces"));
        }
    };
    // Once per page: the listener lives as long as the page.
    static LISTENING: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);
    if !LISTENING.swap(true, std::sync::atomic::Ordering::Relaxed) {
        let again = container.clone();
        let on_change =
            wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || ask(again.controller()));
        let _ = container.add_event_listener_with_callback(
            "controllerchange",
            on_change.as_ref().unchecked_ref(),
        );
        on_change.forget();
    }
    let Ok(ready) = container.ready() else {
        return;
    };
    leptos::task::spawn_local(async move {
        let Ok(registration) = wasm_bindgen_futures::JsFuture::from(ready).await else {
            return;
        };
        let registration: web_sys::ServiceWorkerRegistration = registration.unchecked_into();
        ask(registration.active());
    });
}
