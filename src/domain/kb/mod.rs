//! The knowledge base of standard answers (R-KB-01, R-KB-02): the records
//! (records), an answer's life from draft to outdated (answer), search and
//! placeholders (search), uses, review and the questions without an answer
//! (usage), and the operations the screens call (act).

pub mod act;
mod answer;
pub mod records;
mod search;
mod usage;

pub use answer::{
    agree_answer, agreed_at_meeting, answers_with_status, decisions_about, draft_answer,
    edit_answer, keeps_answers, mark_outdated, point_decision, replacement, require_keeper,
    restore_answer, AnswerDraft, AnswerIds, MAX_KEYWORDS,
};
pub use records::*;
pub use search::{fill, search, Fill, Hit, SearchFor, MAX_FILLED, MAX_HITS, PLACEHOLDERS};
pub use usage::{
    dismiss_gap, gap_answer, gap_id, mark_no_answer, next_agenda, unused_for_review, usage,
    usage_of, use_answer, used_on_contact, Agenda, Usage, UsedAnswer, REVIEW_AFTER_DAYS,
};
