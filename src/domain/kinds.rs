//! Every record kind this version knows, declared once.
//!
//! One line per kind: its name in bundles and stores, its record type, and
//! where the model keeps it. From this table follow the `Record` impls, the
//! known-kinds list imports check against, the stored view row start-up
//! reads, and the model's refresh. A kind missing here is unknown to all of
//! them at once; a kind cannot be spelt two ways.
//!
//! A slot is a `BTreeMap<RecordId, T>`, or an `Option<T>` for a kind of which
//! there is one (the organisation). After a record changes, an optional
//! hook keeps the model's indexes right (`Model::contact_moved` …).

use crate::domain::complaint::records::{Complaint, ComplaintEvent};
use crate::domain::contact::records::Contact;
use crate::domain::customer::records::Customer;
use crate::domain::dept::records::{
    Announcement, Approval, Attendance, Handover, Holiday, Leave, Meeting, MeetingDecision,
    Receipt, RosterEntry, ShiftDef, StaffProfile, Swap, Team,
};
use crate::domain::escalation::records::{Escalation, EscalationStep};
use crate::domain::kb::records::{Answer, AnswerGap, AnswerUse, AnswerVersion};
use crate::domain::model::{Model, Slot};
use crate::domain::qa::records::{
    MonthlyReport, QaSettings, Reply, Review, Ruling, Scorecard, TrainingItem, TrainingPlan,
};
use crate::domain::reports::records::IssuedReport;
use crate::domain::staff::records::{Device, Org, Staff};
use crate::domain::standards::records::{Department, DeptAudit, Finding, Improvement, Standard};
use crate::domain::visits::records::{Campaign, ReturnVisit, Script, Task, VisitAttempt};
use crate::sync::RecordId;
use serde_json::Value;

macro_rules! kinds {
    ($( $kind:ident : $ty:ty => $($slot:ident).+ $(, then $hook:ident)? ;)*) => {
        $(
            impl $crate::domain::base::record::Record for $ty {
                const KIND: &'static str = stringify!($kind);
                fn id(&self) -> RecordId {
                    self.id
                }
                fn set_id(&mut self, id: RecordId) {
                    self.id = id;
                }
            }
        )*

        /// Every record kind this version knows. A bundle naming another
        /// kind comes from a newer version and is refused whole.
        pub const KNOWN_KINDS: &[&str] = &[$(stringify!($kind)),*];

        /// One stored view row (`sync::stored::encode_view`): plain records
        /// grouped by kind. Kinds this version does not know are skipped.
        #[derive(serde::Deserialize, Default)]
        #[serde(default)]
        pub(crate) struct ViewRow {
            $( $kind: Vec<(RecordId, $ty)>, )*
        }

        impl Model {
            /// Re-reads one record from its entity's fields (None: gone).
            /// False for a kind this version does not know (kept in the
            /// store, ignored here).
            pub(crate) fn put_kind(&mut self, kind: &str, id: RecordId, fields: Option<&Value>) -> bool {
                match kind {
                    $(stringify!($kind) => {
                        let _old = self.$($slot).+.reread(id, fields);
                        $( self.$hook(id, _old); )?
                        true
                    })*
                    _ => false,
                }
            }

            /// Adds the records of one parsed view row; returns how many.
            pub(crate) fn load_row(&mut self, row: ViewRow) -> usize {
                let mut n = 0;
                $(
                    for (id, record) in row.$kind {
                        n += 1;
                        let _old = self.$($slot).+.add(id, record);
                        $( self.$hook(id, _old); )?
                    }
                )*
                n
            }

            /// Whether the model holds a live record of this kind and id.
            pub fn holds(&self, kind: &str, id: RecordId) -> bool {
                match kind {
                    $(stringify!($kind) => self.$($slot).+.holds(id),)*
                    _ => false,
                }
            }
        }
    };
}

kinds! {
    org: Org => org;
    staff: Staff => staff;
    customer: Customer => customers, then customer_changed;
    contact: Contact => contacts, then contact_moved;
    complaint: Complaint => complaints;
    complaint_event: ComplaintEvent => complaint_events, then event_moved;
    escalation: Escalation => escalations;
    escalation_step: EscalationStep => escalation_steps, then step_moved;
    visit: ReturnVisit => visits;
    visit_attempt: VisitAttempt => rv.attempts;
    campaign: Campaign => rv.campaigns;
    script: Script => rv.scripts;
    task: Task => rv.tasks;
    team: Team => dept.teams;
    shift: ShiftDef => dept.shift_defs;
    holiday: Holiday => dept.holidays;
    roster_entry: RosterEntry => dept.roster;
    staff_profile: StaffProfile => dept.profiles;
    leave: Leave => dept.leaves;
    approval: Approval => dept.approvals;
    swap: Swap => dept.swaps;
    attendance: Attendance => dept.attendance;
    handover: Handover => dept.handovers;
    announcement: Announcement => dept.announcements;
    receipt: Receipt => dept.receipts;
    meeting: Meeting => dept.meetings;
    decision: MeetingDecision => dept.decisions;
    device: Device => devices;
    answer: Answer => kb.answers;
    answer_version: AnswerVersion => kb.versions, then answer_version_moved;
    answer_use: AnswerUse => kb.uses;
    answer_gap: AnswerGap => kb.gaps;
    qa_scorecard: Scorecard => qa.scorecards;
    qa_review: Review => qa.reviews;
    qa_reply: Reply => qa.replies;
    qa_ruling: Ruling => qa.rulings;
    qa_settings: QaSettings => qa.settings;
    qa_plan: TrainingPlan => qa.plans;
    qa_plan_item: TrainingItem => qa.items;
    qa_report: MonthlyReport => qa.reports;
    report_issue: IssuedReport => reports;
    std_department: Department => standards.departments;
    std_standard: Standard => standards.standards;
    std_audit: DeptAudit => standards.audits;
    std_finding: Finding => standards.findings;
    std_action: Improvement => standards.actions;
}
