//! The scale series' data (`benches/scale_series.mjs` seeds it through the
//! `benchSeedScale` hook): each part's records rest in that part's few
//! storage buckets, so seeding holds one part at a time; the parts together
//! make the whole set; and the set reads like a branch's history, four in
//! five complaints and visits closed.

use crate::common::*;
use crate::demo::load;
use std::collections::BTreeMap;
use ventanilla::domain::complaint;
use ventanilla::domain::contact::ContactStatus;
use ventanilla::domain::demo::{ScaleSet, SCALE_PARTS};
use ventanilla::domain::schema::check_writes;
use ventanilla::domain::visits::VisitStatus;
use ventanilla::domain::Model;
use ventanilla::sync::stored::{bucket_of, BUCKETS};

#[test]
fn the_scale_set_rests_part_by_part_and_reads_as_a_branchs_history() {
    let set = ScaleSet::new(7, 1, id(1), now());
    let mut model = Model::default();
    let mut objects = BTreeMap::new();
    let per_part = BUCKETS / SCALE_PARTS;
    for part in 0..SCALE_PARTS {
        let writes = set.part(part);
        assert_eq!(check_writes(&writes), Ok(()), "part {part}");
        let elsewhere = writes
            .iter()
            .filter(|w| w.kind != "staff" && bucket_of(&w.kind, w.id) / per_part != part)
            .count();
        assert_eq!(elsewhere, 0, "part {part}: records outside its buckets");
        load(&mut model, &mut objects, &writes);
    }
    assert_eq!(
        (
            model.customers.len(),
            model.contacts.len(),
            model.complaints.len(),
            model.visits.len()
        ),
        (20_000, 100_000, 2_000, 10_000)
    );
    // Nine people own the work: the one seeding and eight specialists.
    assert_eq!(model.staff.len(), 8);
    assert!(model.contacts.values().all(|c| c
        .customer
        .is_some_and(|id| model.customers.contains_key(&id))));
    assert!(model
        .visits
        .values()
        .all(|v| model.customers.contains_key(&v.customer)));
    let closed = model
        .complaints
        .keys()
        .filter(|c| complaint::history(&model, **c).is_ok_and(|h| h.closed))
        .count();
    assert!(
        (1_500..=1_700).contains(&closed),
        "{closed} of 2,000 complaints closed"
    );
    let done = model
        .visits
        .values()
        .filter(|v| v.status == VisitStatus::Done)
        .count();
    assert!(
        (7_500..=8_500).contains(&done),
        "{done} of 10,000 visits done"
    );
    let open = model
        .contacts
        .values()
        .filter(|c| c.status != ContactStatus::Done)
        .count();
    assert!(
        open < 2_000,
        "{open} contacts open: the open work is a week's"
    );
    let today = model.today(id(1), now());
    assert!(!today.open_contacts.is_empty() && !today.overdue_first_contacts.is_empty());
    // The open work is a branch's: every 25th of 20,000 customers waits for
    // a first contact, most of them still (a few had one since).
    let waiting = model.awaiting_first_contact().count();
    assert!(
        (600..=900).contains(&waiting),
        "{waiting} customers waiting"
    );
    // The same seed makes the same part: the series compares like with like.
    assert_eq!(ScaleSet::new(7, 1, id(1), now()).part(30), set.part(30));
}
