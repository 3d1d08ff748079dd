//! Complaints (docs/rules.md "Complaints: the closed loop"): the list with its
//! filters, sorted by urgency; registration; the complaint page with the
//! form of the next stage and the full timeline; statistics; printing.
//! Every rule is in `domain::complaint`: these screens collect input and
//! show what the rules return.

mod forms;
mod new;
mod page;
mod print;
mod stats;
mod today;

pub use new::NewComplaintPage;
pub use page::ComplaintPage;
pub use print::{PrintRecordPage, PrintRegistrationPage};
pub use stats::ComplaintStatsPage;
pub use today::ComplaintsToday;

use crate::domain::complaint::{self, ComplaintFilter, Severity, Stage, Status};
use crate::store::platform;
use crate::ui::kit::cards::ComplaintCard;
use crate::ui::kit::options::code_options;
use crate::ui::kit::widgets::{active_staff_names, parse_date, Empty, SelectField, TextField};
use crate::ui::shell::state::use_ctx;
use crate::ui::words::complaint_labels::{severity_label, stage_label};
use crate::ui::words::Key;
use leptos::prelude::*;
use leptos_router::components::A;

fn stage_code(s: Stage) -> &'static str {
    s.code()
}

#[component]
pub fn ComplaintsPage() -> impl IntoView {
    let ctx = use_ctx();
    let stage = RwSignal::new(String::new());
    let status = RwSignal::new("open".to_string());
    let severity = RwSignal::new(String::new());
    let department = RwSignal::new(String::new());
    let assignee = RwSignal::new(String::new());
    let from = RwSignal::new(String::new());
    let to = RwSignal::new(String::new());
    let text = RwSignal::new(String::new());
    let overdue = RwSignal::new(false);
    let rows = Memo::new(move |_| {
        let filter = ComplaintFilter {
            stage: Stage::from_code(&stage.get()),
            status: match status.get().as_str() {
                "open" => Some(Status::Open),
                "closed" => Some(Status::Closed),
                _ => None,
            },
            overdue_only: overdue.get(),
            severity: Severity::from_code(&severity.get()),
            department: Some(department.get().trim().to_string()).filter(|d| !d.is_empty()),
            assignee: assignee.get().parse().ok(),
            from: parse_date(&from.get()),
            to: parse_date(&to.get()),
            text: text.get(),
        };
        ctx.model
            .with(|m| complaint::list(m, &filter, m.zone(), platform::now()))
    });
    let none_at_all = move || ctx.model.with(|m| m.complaints.is_empty());
    let status_options = vec![
        (
            "open".to_string(),
            Signal::derive(move || ctx.tr(Key::StatusOpen).to_string()),
        ),
        (
            "closed".to_string(),
            Signal::derive(move || ctx.tr(Key::StatusClosed).to_string()),
        ),
        (
            String::new(),
            Signal::derive(move || ctx.tr(Key::AnyStatus).to_string()),
        ),
    ];
    let mut people = vec![(
        String::new(),
        Signal::derive(move || ctx.tr(Key::Anyone).to_string()),
    )];
    people.extend(
        ctx.model
            .with_untracked(active_staff_names)
            .into_iter()
            .map(|(id, name)| (id.to_string(), Signal::derive(move || name.clone()))),
    );
    view! {
        <section class="page">
            <h1>{move || ctx.tr(Key::NavComplaints)}</h1>
            <p class="lead">{move || ctx.tr(Key::ComplaintsLead)}</p>
            <div class="actions">
                <A href="/complaints/new" attr:class="button primary">{move || ctx.tr(Key::NewComplaint)}</A>
                <A href="/complaints/stats" attr:class="button">{move || ctx.tr(Key::ComplaintStats)}</A>
                <A href="/escalations" attr:class="button">{move || ctx.tr(Key::NavEscalations)}</A>
            </div>
            <Show when=move || !none_at_all() fallback=|| view! { <Empty text=Key::NoComplaintsYet/> }>
                <div class="card filters">
                    <TextField id="cmp-search" label=Key::SearchComplaints value=text kind="search"/>
                    <div class="grid2">
                        <SelectField id="cmp-status" label=Key::FilterStatus value=status options=status_options.clone()/>
                        <SelectField id="cmp-stage" label=Key::FilterStage value=stage options=code_options(Some(Key::AnyStage), Stage::ALL, stage_code, stage_label)/>
                        <SelectField id="cmp-severity" label=Key::SeverityLabel value=severity options=code_options(Some(Key::AnySeverity), Severity::ALL, Severity::code, severity_label)/>
                        <SelectField id="cmp-owner" label=Key::AssigneeLabel value=assignee options=people.clone()/>
                        <TextField id="cmp-dept" label=Key::DepartmentLabel value=department/>
                        <TextField id="cmp-from" label=Key::FromDate value=from kind="date"/>
                        <TextField id="cmp-to" label=Key::ToDate value=to kind="date"/>
                    </div>
                    <label class="check"><input type="checkbox" prop:checked=move || overdue.get()
                        on:change=move |ev| overdue.set(event_target_checked(&ev))/>{move || ctx.tr(Key::OverdueOnly)}</label>
                </div>
                <Show when=move || rows.with(|r| !r.is_empty()) fallback=|| view! { <Empty text=Key::NoComplaints/> }>
                    <ul class="cards" aria-label=move || ctx.tr(Key::ComplaintList)>
                        {move || rows.get().into_iter().map(|r| view! { <ComplaintCard row=r/> }).collect_view()}
                    </ul>
                </Show>
            </Show>
        </section>
    }
}
