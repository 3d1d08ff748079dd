//! "Clear demo data": every record the demo made (each is marked `demo`,
//! or, for quality inspection and service standards, made by or about its
//! people), and what
//! hangs from them and cannot stand alone once they are gone (a decision
//! on a demo leave, a read receipt of a demo announcement, a demo person's
//! roster day, a reply to a demo review). The user's own customers,
//! contacts, complaints, people and teams are never among them.

use crate::domain::base::record::Record;
use crate::domain::complaint::{Complaint, ComplaintEvent};
use crate::domain::contact::Contact;
use crate::domain::customer::Customer;
use crate::domain::dept::{
    Announcement, Approval, Attendance, Handover, Holiday, Leave, Meeting, MeetingDecision,
    Receipt, RosterEntry, ShiftDef, StaffProfile, Swap, Team,
};
use crate::domain::escalation::{Escalation, EscalationStep};
use crate::domain::kb::{Answer, AnswerGap, AnswerUse, AnswerVersion};
use crate::domain::model::Model;
use crate::domain::qa::{
    standard_card_id, MonthlyReport, Reply, Review, Ruling, Scorecard, TrainingItem, TrainingPlan,
};
use crate::domain::staff::Staff;
use crate::domain::standards::{Department, DeptAudit, Finding, Improvement, Standard};
use crate::domain::visits::{Campaign, ReturnVisit, Task, VisitAttempt};
use crate::sync::RecordId;
use std::collections::{BTreeMap, HashSet};

fn marked<'a, T: Record + 'a>(
    out: &mut Vec<(&'static str, RecordId)>,
    records: &'a BTreeMap<RecordId, T>,
    is_demo: impl Fn(&T) -> bool,
) -> HashSet<RecordId> {
    let ids: Vec<RecordId> = records
        .iter()
        .filter(|(_, r)| is_demo(r))
        .map(|(id, _)| *id)
        .collect();
    out.extend(ids.iter().map(|id| (T::KIND, *id)));
    ids.into_iter().collect()
}

/// Every record the demo made, for "clear demo data".
pub fn demo_ids(model: &Model) -> Vec<(&'static str, RecordId)> {
    let mut out = Vec::new();
    let o = &mut out;
    // Demo staff made before the `demo` field are known by their address.
    let staff = marked(o, &model.staff, |s: &Staff| {
        s.demo || s.email.ends_with("@ventanilla.example")
    });
    let customers = marked(o, &model.customers, |c: &Customer| c.demo);
    marked(o, &model.contacts, |c: &Contact| c.demo);
    let complaints = marked(o, &model.complaints, |c: &Complaint| c.demo);
    marked(o, &model.complaint_events, |e: &ComplaintEvent| {
        e.demo || complaints.contains(&e.complaint)
    });
    let escalations = marked(o, &model.escalations, |e: &Escalation| e.demo);
    marked(o, &model.escalation_steps, |s: &EscalationStep| {
        s.demo || escalations.contains(&s.escalation)
    });
    let visits = marked(o, &model.visits, |v: &ReturnVisit| {
        v.demo || customers.contains(&v.customer)
    });
    let rv = &model.rv;
    marked(o, &rv.attempts, |a: &VisitAttempt| {
        a.demo || visits.contains(&a.visit)
    });
    marked(o, &rv.campaigns, |c: &Campaign| c.demo);
    marked(o, &rv.tasks, |t: &Task| {
        t.demo || t.visit.is_some_and(|v| visits.contains(&v))
    });
    let d = &model.dept;
    marked(o, &d.teams, |t: &Team| t.demo);
    marked(o, &d.shift_defs, |s: &ShiftDef| s.demo);
    marked(o, &d.holidays, |h: &Holiday| h.demo);
    marked(o, &d.profiles, |p: &StaffProfile| {
        p.demo || staff.contains(&p.id)
    });
    let roster = marked(o, &d.roster, |e: &RosterEntry| {
        e.demo || staff.contains(&e.person)
    });
    marked(o, &d.attendance, |a: &Attendance| {
        a.demo || staff.contains(&a.person) || roster.contains(&a.entry)
    });
    let leaves = marked(o, &d.leaves, |l: &Leave| {
        l.demo || staff.contains(&l.person)
    });
    let swaps = marked(o, &d.swaps, |s: &Swap| {
        s.demo || staff.contains(&s.requester) || staff.contains(&s.colleague)
    });
    marked(o, &d.approvals, |a: &Approval| {
        a.demo || leaves.contains(&a.subject) || swaps.contains(&a.subject)
    });
    let handovers = marked(o, &d.handovers, |h: &Handover| h.demo);
    let announcements = marked(o, &d.announcements, |a: &Announcement| a.demo);
    marked(o, &d.receipts, |r: &Receipt| {
        r.demo
            || staff.contains(&r.person)
            || handovers.contains(&r.subject)
            || announcements.contains(&r.subject)
    });
    let meetings = marked(o, &d.meetings, |m: &Meeting| m.demo);
    marked(o, &d.decisions, |x: &MeetingDecision| {
        x.demo || meetings.contains(&x.meeting)
    });
    let kb = &model.kb;
    let answers = marked(o, &kb.answers, |a: &Answer| a.demo);
    marked(o, &kb.versions, |v: &AnswerVersion| {
        v.demo || answers.contains(&v.answer)
    });
    marked(o, &kb.uses, |u: &AnswerUse| {
        u.demo || answers.contains(&u.answer)
    });
    marked(o, &kb.gaps, |g: &AnswerGap| g.demo);
    // Quality records carry no mark: they are the demo's by its people.
    // The standard scorecard's own id is never taken (the app makes it
    // again when a review needs it); the demo's versions of it are.
    let q = &model.qa;
    let demo = |who: &RecordId| staff.contains(who);
    let standard = standard_card_id();
    let reviews = marked(o, &q.reviews, |r: &Review| {
        demo(&r.agent) || demo(&r.inspector)
    });
    // A version someone's own review was scored with stays: its total is
    // computed from it.
    let in_use: HashSet<RecordId> = q
        .reviews
        .values()
        .filter(|r| !reviews.contains(&r.id))
        .map(|r| r.scorecard)
        .collect();
    marked(o, &q.scorecards, |s: &Scorecard| {
        s.id != standard && demo(&s.audit.created_by) && !in_use.contains(&s.id)
    });
    marked(o, &q.replies, |r: &Reply| reviews.contains(&r.review));
    marked(o, &q.rulings, |r: &Ruling| reviews.contains(&r.review));
    let plans = marked(o, &q.plans, |p: &TrainingPlan| demo(&p.audit.created_by));
    marked(o, &q.items, |i: &TrainingItem| {
        plans.contains(&i.plan) || demo(&i.owner)
    });
    marked(o, &q.reports, |r: &MonthlyReport| demo(&r.issued_by));
    // Service standards' records carry no mark either: the demo's are
    // those its people made, and what hangs from them.
    let s = &model.standards;
    let depts = marked(o, &s.departments, |d: &Department| {
        demo(&d.audit.created_by)
    });
    marked(o, &s.standards, |x: &Standard| {
        demo(&x.audit.created_by) || depts.contains(&x.department)
    });
    let audits = marked(o, &s.audits, |a: &DeptAudit| {
        demo(&a.auditor) || depts.contains(&a.department)
    });
    marked(o, &s.findings, |f: &Finding| audits.contains(&f.dept_audit));
    marked(o, &s.actions, |i: &Improvement| {
        audits.contains(&i.dept_audit) || demo(&i.owner)
    });
    out
}
