//! Every record kind this version knows, declared once.
//!
//! One line per kind: its name in bundles and stores, its record type, and
//! where the model keeps it. From this table follow the `Record` impls, the
//! known-kinds list imports check against, the stored view row start-up
//! reads, and the model's refresh. A kind missing here is unknown to all of
//! them at once; a kind cannot be spelt two ways.
//!
//! The table has two parts. Start-up reads the `now` kinds: what Today and
//! the shell show. The `later` kinds are read after the first paint: until
//! their reader is here (`LATER_READER`, a piece of its own in the release
//! build) the model keeps their text and their maps are empty, so the first
//! load carries no reader for them and start-up does not parse them.
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
use crate::domain::history::TraceBatch;
use crate::domain::kb::records::{Answer, AnswerGap, AnswerUse, AnswerVersion};
use crate::domain::model::{LaterReader, Model, Slot, Waiting};
use crate::domain::qa::records::{
    MonthlyReport, QaSettings, Reply, Review, Ruling, Scorecard, TrainingItem, TrainingPlan,
};
use crate::domain::reports::records::IssuedReport;
use crate::domain::staff::records::{Device, Org, Staff};
use crate::domain::standards::records::{Department, DeptAudit, Finding, Improvement, Standard};
use crate::domain::visits::records::{Campaign, ReturnVisit, Script, Task, VisitAttempt};
use crate::sync::stored::BucketRead;
use crate::sync::RecordId;
use serde_json::value::RawValue;
use serde_json::Value;

/// The `Record` impl of one kind: its name and its id.
macro_rules! record {
    ($kind:ident : $ty:ty) => {
        impl $crate::domain::base::record::Record for $ty {
            const KIND: &'static str = stringify!($kind);
            fn id(&self) -> RecordId {
                self.id
            }
            fn set_id(&mut self, id: RecordId) {
                self.id = id;
            }
        }
    };
}

macro_rules! kinds {
    (
        now { $( $kind:ident : $ty:ty => $($slot:ident).+ $(, then $hook:ident)? ;)* }
        later { $( $lkind:ident : $lty:ty => $($lslot:ident).+ $(, then $lhook:ident)? ;)* }
    ) => {
        $( record!($kind: $ty); )*
        $( record!($lkind: $lty); )*

        /// Every record kind this version knows. A bundle naming another
        /// kind comes from a newer version and is refused whole.
        pub const KNOWN_KINDS: &[&str] = &[$(stringify!($kind),)* $(stringify!($lkind)),*];

        /// The kinds read after the first paint (see the table below).
        pub const LATER_KINDS: &[&str] = &[$(stringify!($lkind)),*];

        /// One stored view row (`sync::stored::encode_view`): plain records
        /// grouped by kind. Kinds this version does not know are skipped;
        /// the `later` kinds' lists are kept as their text.
        #[derive(serde::Deserialize, Default)]
        #[serde(default)]
        pub(crate) struct ViewRow<'a> {
            $( $kind: Vec<(RecordId, $ty)>, )*
            $( #[serde(borrow)] $lkind: Option<&'a RawValue>, )*
            /// The traces of the records kept in the history row.
            #[serde(rename = "~closed")]
            closed: crate::domain::history::traces::ClosedLists,
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
                    $(stringify!($lkind))|* => self.put_later(kind, id, fields),
                    _ => false,
                }
            }

            /// Adds the records of one parsed view row to `read`.
            pub(crate) fn load_row(&mut self, row: ViewRow, read: &mut BucketRead, batch: &mut TraceBatch) {
                $(
                    for (id, record) in row.$kind {
                        read.records += 1;
                        let _old = self.$($slot).+.add(id, record);
                        $( self.$hook(id, _old); )?
                    }
                )*
                $(
                    if let Some(list) = row.$lkind {
                        self.list_later(stringify!($lkind), list.get(), read);
                    }
                )*
                for trace in row.closed.into_traces() {
                    batch.push(trace);
                }
            }

            /// Whether the model holds a live record of this kind and id.
            pub fn holds(&self, kind: &str, id: RecordId) -> bool {
                match kind {
                    $(stringify!($kind) => self.$($slot).+.holds(id),)*
                    $(stringify!($lkind) => self.$($lslot).+.holds(id),)*
                    _ => false,
                }
            }
        }

        /// One changed record of a `later` kind, read into the model.
        fn put_later_kind(m: &mut Model, kind: &str, id: RecordId, fields: Option<&Value>) -> bool {
            match kind {
                $(stringify!($lkind) => {
                    let _old = m.$($lslot).+.reread(id, fields);
                    $( m.$lhook(id, _old); )?
                    true
                })*
                _ => false,
            }
        }

        /// One `later` kind's list from a view row, read into the model; a
        /// list with a record that does not read goes record by record.
        fn list_later_kind(m: &mut Model, kind: &str, text: &str, read: &mut BucketRead) {
            match kind {
                $(stringify!($lkind) => match serde_json::from_str::<Vec<(RecordId, $lty)>>(text) {
                    Ok(list) => {
                        for (id, record) in list {
                            read.records += 1;
                            let _old = m.$($lslot).+.add(id, record);
                            $( m.$lhook(id, _old); )?
                        }
                    }
                    Err(_) => m.load_list_split(kind, text, read),
                },)*
                _ => {}
            }
        }
    };
}

/// The readers of the `later` kinds. The release build links them only from
/// the piece `later_records` (`ui::shell::later`), fetched after the first
/// paint; everywhere else they are linked and used at once.
pub const LATER_READER: LaterReader = LaterReader {
    put: put_later_kind,
    list: list_later_kind,
};

impl Model {
    /// The `later` kinds' reader when their records are read now.
    fn later_reader(&self) -> Option<LaterReader> {
        #[cfg(not(feature = "split"))]
        if !self.later.keep {
            return Some(LATER_READER);
        }
        self.later.reader
    }

    /// Whether the `later` kinds' records are read (and new ones read as
    /// they come). Until then their maps are empty.
    pub fn later_ready(&self) -> bool {
        self.later_reader().is_some()
    }

    /// A changed record of a `later` kind: read now, or kept.
    fn put_later(&mut self, kind: &str, id: RecordId, fields: Option<&Value>) -> bool {
        match self.later_reader() {
            Some(reader) => (reader.put)(self, kind, id, fields),
            None => {
                self.later.waiting.push(Waiting::One {
                    kind: kind.to_string(),
                    id,
                    fields: fields.cloned(),
                });
                true
            }
        }
    }

    /// One `later` kind's list from a view row: read now, or kept.
    fn list_later(&mut self, kind: &'static str, text: &str, read: &mut BucketRead) {
        match self.later_reader() {
            Some(reader) => (reader.list)(self, kind, text, read),
            None => self.later.waiting.push(Waiting::List {
                kind,
                text: text.to_string(),
            }),
        }
    }
}

kinds! {
    // Read at start-up: what Today and the shell show, and what their
    // rules read.
    now {
        org: Org => org;
        staff: Staff => staff;
        customer: Customer => customers, then customer_changed;
        contact: Contact => contacts, then contact_moved;
        complaint: Complaint => complaints, then complaint_changed;
        complaint_event: ComplaintEvent => complaint_events, then event_moved;
        escalation: Escalation => escalations;
        escalation_step: EscalationStep => escalation_steps, then step_moved;
        visit: ReturnVisit => visits, then visit_moved;
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
    }
    // Read after the first paint, in idle time or when an area that shows
    // them opens: the knowledge base, quality, standards, issued reports.
    later {
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
}
