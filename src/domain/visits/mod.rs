pub mod act;
mod calendar;
mod call;
mod due;
mod queue;
pub mod records;
mod report;
mod script;

pub use calendar::*;
pub use call::{raise_from_visit, record_call, task_done, CallIds, CallResult, RaiseIds, Raised};
pub use due::birthday_in;
pub use due::{
    create_campaign, due_visits, materialise, store_visit_trace, CampaignDraft, DueVisit,
    StoreVisitTrace,
};
pub use queue::{
    callable_now, check_quiet, distribute, my_queue, next_callable, reassign, specialists,
    QueueEntry,
};
pub use records::*;
pub use report::{coverage, csv_field, due_between, summary, summary_csv, Coverage, Said, Summary};
pub use script::{
    default_script, greeting, reason_phrase, render_script, save_script, script_for, Rendered,
    ScriptDraft, PLACEHOLDERS,
};
