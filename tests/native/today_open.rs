//! Today reads the open work the model keeps as records change (R-CON-01
//! open contacts, R-CUS-02 customers waiting for a first contact, R-RV-04
//! return visits due), not the whole history. Whatever the order of saves, moves, closings and
//! removals, and whatever order start-up reads the records in, its lists
//! are the ones a scan of every record gives, written here from the rules.

use crate::common::{customer, id, now, put, team};
use chrono::{DateTime, Duration, Utc};
use proptest::prelude::*;
use ventanilla::domain::base::record::Record;
use ventanilla::domain::contact::records::{Contact, ContactStatus};
use ventanilla::domain::customer::{overdue_first_contacts, Customer};
use ventanilla::domain::visits::{self, ReturnVisit, VisitStatus};
use ventanilla::domain::Model;
use ventanilla::sync::RecordId;

/// My contacts not done, newest first (ties in id order).
fn open_by_scan(m: &Model, me: RecordId) -> Vec<RecordId> {
    let mut open: Vec<&Contact> = m
        .contacts
        .values()
        .filter(|c| c.owner == me && c.status != ContactStatus::Done)
        .collect();
    open.sort_by_key(|c| std::cmp::Reverse(c.received_at));
    open.into_iter().map(|c| c.id).collect()
}

/// Customers past seven days since assignment with no contact since,
/// oldest assignment first (ties by id).
fn overdue_by_scan(m: &Model, specialist: Option<RecordId>) -> Vec<RecordId> {
    let mut out: Vec<(DateTime<Utc>, RecordId)> = m
        .customers
        .values()
        .filter(|c| specialist.is_none() || c.specialist == specialist)
        .filter_map(|c| {
            let assigned = c.assigned_at?;
            let contacted = m
                .contacts
                .values()
                .any(|k| k.customer == Some(c.id) && k.received_at >= assigned);
            (now() > assigned + Duration::days(7) && !contacted).then_some((assigned, c.id))
        })
        .collect();
    out.sort();
    out.into_iter().map(|(_, id)| id).collect()
}

/// My open visits due by today, by (due, id), split into due and overdue;
/// and how many fall due later.
fn visits_by_scan(m: &Model, me: RecordId) -> (Vec<RecordId>, Vec<RecordId>, usize) {
    let today = m.zone().local_date(now());
    let mut mine: Vec<&ReturnVisit> = m
        .visits
        .values()
        .filter(|v| v.assignee == Some(me) && v.status != VisitStatus::Done && v.due <= today)
        .collect();
    mine.sort_by_key(|v| (v.due, v.id));
    let (overdue, due): (Vec<&ReturnVisit>, Vec<&ReturnVisit>) = mine
        .into_iter()
        .partition(|v| visits::is_overdue(m, v, today));
    let later = m
        .visits
        .values()
        .filter(|v| v.assignee == Some(me) && v.status != VisitStatus::Done && v.due > today)
        .count();
    (
        due.iter().map(|v| v.id).collect(),
        overdue.iter().map(|v| v.id).collect(),
        later,
    )
}

fn days_ago(d: i64) -> DateTime<Utc> {
    now() - Duration::days(d)
}

#[derive(Debug, Clone)]
enum Step {
    /// Customer n: specialist (3, 4 or none), assigned how many days ago.
    Customer(u8, Option<u8>, Option<i64>),
    /// Contact n: owner, customer, status (0 open, 1 forwarded, 2 done),
    /// received how many days ago.
    Contact(u8, u8, Option<u8>, u8, i64),
    /// Visit n: assignee (3, 4 or none), done or not, due how many days
    /// from now (negative: past).
    Visit(u8, Option<u8>, bool, i64),
    RemoveCustomer(u8),
    RemoveContact(u8),
    RemoveVisit(u8),
}

fn step() -> impl Strategy<Value = Step> {
    let ago = prop::sample::select(&[1i64, 3, 7, 8, 20][..]);
    prop_oneof![
        2 => (0u8..8, prop::option::of(3u8..5), prop::option::of(ago.clone())).prop_map(|(n, s, a)| Step::Customer(n, s, a)),
        4 => (0u8..20, 3u8..5, prop::option::of(0u8..8), 0u8..3, ago).prop_map(|(n, o, c, st, r)| Step::Contact(n, o, c, st, r)),
        3 => (0u8..12, prop::option::of(3u8..5), any::<bool>(), -6i64..4).prop_map(|(n, a, d, due)| Step::Visit(n, a, d, due)),
        1 => (0u8..8).prop_map(Step::RemoveCustomer),
        1 => (0u8..20).prop_map(Step::RemoveContact),
        1 => (0u8..12).prop_map(Step::RemoveVisit),
    ]
}

fn customer_id(n: u8) -> RecordId {
    id(100 + u128::from(n))
}

fn contact_id(n: u8) -> RecordId {
    id(500 + u128::from(n))
}

fn visit_id(n: u8) -> RecordId {
    id(900 + u128::from(n))
}

fn apply(m: &mut Model, s: &Step) {
    match s {
        Step::Customer(n, specialist, assigned) => {
            let mut c = customer(100 + u128::from(*n), "Cliente");
            c.specialist = specialist.map(|s| id(u128::from(s)));
            c.assigned_at = assigned.map(days_ago);
            put(m, &c);
        }
        Step::Contact(n, owner, cust, status, received) => {
            let c = Contact {
                id: contact_id(*n),
                customer: cust.map(customer_id),
                owner: id(u128::from(*owner)),
                status: [
                    ContactStatus::Open,
                    ContactStatus::Forwarded,
                    ContactStatus::Done,
                ][usize::from(*status)],
                received_at: days_ago(*received),
                ..Contact::default()
            };
            put(m, &c);
        }
        Step::Visit(n, assignee, done, due) => {
            let v = ReturnVisit {
                id: visit_id(*n),
                customer: customer_id(0),
                assignee: assignee.map(|a| id(u128::from(a))),
                status: if *done {
                    VisitStatus::Done
                } else {
                    VisitStatus::Open
                },
                due: m.zone().local_date(now()) + Duration::days(*due),
                ..ReturnVisit::default()
            };
            put(m, &v);
        }
        Step::RemoveVisit(n) => m.refresh(ReturnVisit::KIND, visit_id(*n), None),
        Step::RemoveCustomer(n) => m.refresh(Customer::KIND, customer_id(*n), None),
        Step::RemoveContact(n) => m.refresh(Contact::KIND, contact_id(*n), None),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn r_con_01_r_cus_02_r_rv_04_today_reads_the_open_work_as_a_scan_would(steps in prop::collection::vec(step(), 0..60)) {
        let mut m = team();
        for s in &steps {
            apply(&mut m, s);
        }
        // Start-up reads the same records in another order: contacts first.
        let mut fresh = team();
        for c in m.contacts.values() {
            put(&mut fresh, c);
        }
        for c in m.customers.values() {
            put(&mut fresh, c);
        }
        for v in m.visits.values() {
            put(&mut fresh, v);
        }
        for model in [&m, &fresh] {
            for me in [3u128, 4] {
                let me = id(me);
                prop_assert_eq!(model.today(me, now()).open_contacts, open_by_scan(model, me));
                prop_assert_eq!(model.today(me, now()).overdue_first_contacts, overdue_by_scan(model, Some(me)));
                let today = model.today(me, now());
                let (due, overdue, later) = visits_by_scan(model, me);
                prop_assert_eq!(today.due_visits, due);
                prop_assert_eq!(today.overdue_visits, overdue);
                prop_assert_eq!(visits::later_for(model, me, model.zone().local_date(now())), later);
            }
            prop_assert_eq!(overdue_first_contacts(model, None, now()), overdue_by_scan(model, None));
        }
    }
}
