//! Quality inspection (R-QA-01..R-QA-04): the records (records), weighted
//! scorecards and totals (scorecard), reviews with the agent's answer and
//! the director's ruling, and who sees them (review), the monthly quota and
//! contacts to review (quota), the weekly summary and training plan
//! (summary), the monthly report and the best / worst evaluation (report),
//! and the operations the screens call (act).

pub mod act;
pub mod quota;
pub mod records;
pub mod report;
pub mod review;
pub mod scorecard;
pub mod summary;

pub use quota::{
    agents, away_rest_of_month, below_minimum, month_of, reviews_left, settings, settings_id,
    suggest_contacts, working_days, Below, SettingsDraft, MAX_EVAL_WEIGHT, MAX_PER_MONTH,
    MAX_SUGGESTIONS,
};
pub use records::*;
pub use report::{
    best_and_worst, changes_since, evaluation, issue_report, month_figures, report_id,
    report_warning, reports, Evaluation, MonthFigures, ReportWarning, DUE_BEFORE_DAY,
    WARN_FROM_DAY,
};
pub use review::{
    check_scores, effective_scores, inspects, may_see, open_disputes, review_total, ruling, status,
    to_answer, visible_reviews, ReviewDraft, ReviewStatus, LOW_SCORE, MAX_CAUSES,
};
pub use scorecard::{
    current_scorecards, standard_card_id, standard_criteria, total, CriterionDraft, CRITICAL_BELOW,
    MAX_CRITERIA, MAX_WEIGHT, STANDARD_CRITERIA,
};
pub use summary::{
    plan_id, plans_to_acknowledge, training_for, weekly_summary, AgentLine, CriterionLine,
    ItemDraft, WeekSummary, MAX_PEOPLE, TOP_CAUSES, WEAKEST,
};
