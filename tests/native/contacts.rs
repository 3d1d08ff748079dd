//! R-CON-01..04: ownership, response targets, forwarding, contact to complaint.

use crate::common::*;
use chrono::Duration;
use ventanilla::domain::contact::*;
use ventanilla::domain::staff::Role;
use ventanilla::domain::RuleError;

fn draft(channel: Channel) -> ContactDraft {
    ContactDraft {
        customer: None,
        channel,
        summary: "Pregunta por la entrega".into(),
        received_at: now(),
        ..ContactDraft::default()
    }
}

#[test]
fn r_con_01_whoever_accepts_owns_it_even_after_forwarding() {
    let m = team();
    let c = record_contact(&m, &person(&m, 3), draft(Channel::Phone), id(50), now()).unwrap();
    assert_eq!(c.owner, id(3));
    assert_eq!(c.status, ContactStatus::Open);
    let f = forward(
        &m,
        &person(&m, 3),
        &c,
        ForwardTo::Department("Posventa".into()),
        "Revisar garantía",
        now(),
    )
    .unwrap();
    assert_eq!(f.owner, id(3), "forwarding does not hand over ownership");
    assert_eq!(f.status, ContactStatus::Forwarded);
    // Another representative cannot close it; the owner or a team leader can.
    let refused = close(&m, &person(&m, 4), &f, "hecho", now()).unwrap_err();
    assert!(matches!(
        refused,
        RuleError::NotAllowed {
            needs: Role::TeamLeader,
            ..
        }
    ));
    assert_eq!(
        close(&m, &person(&m, 3), &f, "Resuelto", now())
            .unwrap()
            .status,
        ContactStatus::Done
    );
    assert_eq!(
        close(&m, &person(&m, 2), &f, "Resuelto", now())
            .unwrap()
            .status,
        ContactStatus::Done
    );
    let closed = close(&m, &person(&m, 3), &f, "Resuelto", now()).unwrap();
    assert_eq!(
        close(&m, &person(&m, 3), &closed, "otra vez", now()).unwrap_err(),
        RuleError::ContactClosed
    );
}

#[test]
fn r_con_02_phone_3_minutes_online_and_messaging_5() {
    assert_eq!(target_minutes(Channel::Phone), Some(3));
    assert_eq!(target_minutes(Channel::OnlineChat), Some(5));
    assert_eq!(target_minutes(Channel::Messaging), Some(5));
    assert_eq!(target_minutes(Channel::Email), None);
    let mut c = Contact {
        channel: Channel::Phone,
        received_at: now(),
        ..Contact::default()
    };
    c.first_response_at = Some(now() + Duration::minutes(3));
    assert_eq!(response_status(&c, now()), ResponseStatus::Met);
    c.first_response_at = Some(now() + Duration::minutes(3) + Duration::seconds(1));
    assert_eq!(response_status(&c, now()), ResponseStatus::Late);
    c.first_response_at = None;
    assert_eq!(
        response_status(&c, now() + Duration::minutes(2)),
        ResponseStatus::Pending {
            due: now() + Duration::minutes(3)
        }
    );
    assert_eq!(
        response_status(&c, now() + Duration::minutes(4)),
        ResponseStatus::Overdue
    );
    c.channel = Channel::Messaging;
    c.first_response_at = Some(now() + Duration::minutes(5));
    assert_eq!(response_status(&c, now()), ResponseStatus::Met);
    c.channel = Channel::WalkIn;
    assert_eq!(response_status(&c, now()), ResponseStatus::NoTarget);
}

#[test]
fn r_con_02_responding_records_the_first_response_once() {
    let m = team();
    let c = record_contact(
        &m,
        &person(&m, 3),
        draft(Channel::OnlineChat),
        id(50),
        now(),
    )
    .unwrap();
    let r = respond(&m, &person(&m, 3), &c, now() + Duration::minutes(2)).unwrap();
    assert_eq!(
        response_status(&r, now() + Duration::hours(1)),
        ResponseStatus::Met
    );
    let again = respond(&m, &person(&m, 3), &r, now() + Duration::minutes(9)).unwrap();
    assert_eq!(again.first_response_at, r.first_response_at);
}

#[test]
fn r_con_03_forwarding_needs_a_target_and_a_note_and_keeps_the_chain() {
    let m = team();
    let c = record_contact(&m, &person(&m, 3), draft(Channel::Phone), id(50), now()).unwrap();
    assert_eq!(
        forward(
            &m,
            &person(&m, 3),
            &c,
            ForwardTo::Department("  ".into()),
            "nota",
            now()
        )
        .unwrap_err(),
        RuleError::ForwardTargetMissing
    );
    assert_eq!(
        forward(&m, &person(&m, 3), &c, ForwardTo::Staff(id(2)), " ", now()).unwrap_err(),
        RuleError::Required { field: "note" }
    );
    assert_eq!(
        forward(&m, &person(&m, 3), &c, ForwardTo::Staff(id(99)), "x", now()).unwrap_err(),
        RuleError::InactiveStaff
    );
    let a = forward(
        &m,
        &person(&m, 3),
        &c,
        ForwardTo::Staff(id(2)),
        "No puedo resolverlo",
        now(),
    )
    .unwrap();
    let b = forward(
        &m,
        &person(&m, 2),
        &a,
        ForwardTo::Department("Logística".into()),
        "Retraso del transportista",
        now() + Duration::minutes(10),
    )
    .unwrap();
    assert_eq!(b.forwarded.len(), 2);
    assert_eq!(b.forwarded[0].to_staff, Some(id(2)));
    assert_eq!(b.forwarded[1].to_department.as_deref(), Some("Logística"));
    assert_eq!(b.forwarded[1].by, id(2));
}

#[test]
fn r_con_04_a_contact_becomes_a_complaint_in_one_step_linked_both_ways() {
    let mut m = team();
    put(&mut m, &customer(10, "Lucía"));
    let mut d = draft(Channel::Phone);
    d.customer = Some(id(10));
    let c = record_contact(&m, &person(&m, 3), d, id(50), now()).unwrap();
    let (complaint, linked) = make_complaint(&m, &person(&m, 3), &c, id(60), now()).unwrap();
    assert_eq!(complaint.contacts, vec![id(50)]);
    assert_eq!(complaint.customer, Some(id(10)));
    assert_eq!(complaint.content, c.summary);
    assert_eq!(linked.complaint, Some(id(60)));
    assert_eq!(linked.category, Category::Complaint);
    assert_eq!(
        make_complaint(&m, &person(&m, 3), &linked, id(61), now()).unwrap_err(),
        RuleError::AlreadyComplaint
    );
}

#[test]
fn recording_refuses_an_empty_summary_an_unknown_customer_and_a_future_time() {
    let m = team();
    let mut d = draft(Channel::Phone);
    d.summary = "  ".into();
    d.customer = Some(id(404));
    d.received_at = now() + Duration::hours(2);
    let errs = record_contact(&m, &person(&m, 3), d, id(50), now()).unwrap_err();
    assert_eq!(errs.len(), 3, "{errs:?}");
}

#[test]
fn today_lists_my_open_contacts_newest_first() {
    let mut m = team();
    for (n, owner, mins, status) in [
        (50, 3, 10, ContactStatus::Open),
        (51, 3, 5, ContactStatus::Forwarded),
        (52, 3, 1, ContactStatus::Done),
        (53, 4, 1, ContactStatus::Open),
    ] {
        put(
            &mut m,
            &Contact {
                id: id(n),
                owner: id(owner),
                received_at: now() - Duration::minutes(mins),
                status,
                ..Contact::default()
            },
        );
    }
    assert_eq!(m.today(id(3), now()).open_contacts, vec![id(51), id(50)]);
}

#[test]
fn recording_refuses_absurd_times() {
    let m = team();
    let mut d = draft(Channel::Phone);
    d.received_at = at(1990, 1, 1, 9, 0);
    let errs = record_contact(&m, &person(&m, 3), d, id(50), now()).unwrap_err();
    assert_eq!(
        errs,
        vec![RuleError::InvalidDate {
            field: "received_at"
        }]
    );
    let mut d = draft(Channel::Phone);
    d.first_response_at = Some(now() + Duration::days(3));
    let errs = record_contact(&m, &person(&m, 3), d, id(50), now()).unwrap_err();
    assert_eq!(
        errs,
        vec![RuleError::InvalidDate {
            field: "first_response_at"
        }]
    );
    assert!(errs[0]
        .message(ventanilla::domain::Lang::Es)
        .starts_with("Primera respuesta"));
    // A contact from this morning, answered within the target, is fine.
    let mut d = draft(Channel::Phone);
    d.received_at = now() - Duration::hours(2);
    d.first_response_at = Some(now() - Duration::hours(2) + Duration::minutes(1));
    let c = record_contact(&m, &person(&m, 3), d, id(50), now()).unwrap();
    assert_eq!(response_status(&c, now()), ResponseStatus::Met);
}

#[test]
fn r_con_04_repeated_unresolved_contacts_are_found_and_a_complaint_needs_a_customer() {
    let mut m = team();
    put(&mut m, &customer(10, "Lucía"));
    let k = |n: u128, cat, status, mins: i64| Contact {
        id: id(n),
        customer: Some(id(10)),
        category: cat,
        status,
        owner: id(3),
        received_at: now() - Duration::minutes(mins),
        ..Contact::default()
    };
    put(&mut m, &k(50, Category::Claim, ContactStatus::Open, 10));
    put(
        &mut m,
        &k(51, Category::Claim, ContactStatus::Forwarded, 20),
    );
    put(&mut m, &k(52, Category::Claim, ContactStatus::Done, 30));
    put(&mut m, &k(53, Category::Enquiry, ContactStatus::Open, 40));
    let latest = m.contacts[&id(50)].clone();
    assert_eq!(
        repeated_contacts(&m, &latest),
        vec![id(51)],
        "same matter, unresolved, not itself"
    );
    let anonymous = Contact {
        customer: None,
        ..latest.clone()
    };
    assert_eq!(
        make_complaint(&m, &person(&m, 3), &anonymous, id(60), now()).unwrap_err(),
        RuleError::Required { field: "customer" }
    );
    let (complaint, _) = make_complaint(&m, &person(&m, 3), &latest, id(60), now()).unwrap();
    assert_eq!(complaint.audit.created_by, id(3));
    assert_eq!(
        complaint.stage,
        ventanilla::domain::complaint::Stage::Accepted
    );
}

#[test]
fn r_con_01_timeline_and_index_follow_a_contact_moving_between_customers() {
    let mut m = team();
    put(&mut m, &customer(10, "A"));
    put(&mut m, &customer(11, "B"));
    let mut c = Contact {
        id: id(50),
        customer: Some(id(10)),
        received_at: now(),
        ..Contact::default()
    };
    put(&mut m, &c);
    assert_eq!(m.contacts_of(id(10)).len(), 1);
    c.customer = Some(id(11));
    put(&mut m, &c);
    assert!(m.contacts_of(id(10)).is_empty());
    assert_eq!(m.contacts_of(id(11))[0].id, id(50));
    m.refresh("contact", id(50), None);
    assert!(
        m.contacts_of(id(11)).is_empty(),
        "a deleted contact leaves the timeline"
    );
    m.refresh(
        "a_kind_from_the_future",
        id(99),
        Some(&serde_json::json!({"x": 1})),
    );
}
