//! Return visits, part 1: due rules (R-RV-04, R-CUS-05, R-RV-02's periodic
//! member visits), idempotent materialising, distribution (R-RV-06) and
//! quiet hours (R-RV-01). Calls, scripts and reports: domain_visits_calls.rs.

use crate::common::*;
use crate::visits_common::*;
use chrono::{Duration, NaiveDate};
use ventanilla::domain::base::zone::Zone;
use ventanilla::domain::customer::{Customer, CustomerKind};
use ventanilla::domain::staff::{Action, Role};
use ventanilla::domain::visits::*;
use ventanilla::domain::visits::{ReturnVisit, VisitMethod, VisitReason, VisitStatus};
use ventanilla::domain::{Audit, Model, RuleError};

fn due_of(m: &Model, today: NaiveDate) -> Vec<DueVisit> {
    due_visits(m, today, madrid(), &VisitSettings::default())
}

fn one(m: &Model, today: NaiveDate, reason: VisitReason) -> Option<DueVisit> {
    let all: Vec<DueVisit> = due_of(m, today)
        .into_iter()
        .filter(|d| d.reason == reason)
        .collect();
    assert!(all.len() <= 1, "{all:?}");
    all.into_iter().next()
}

#[test]
fn r_rv_04_store_visit_falls_due_the_next_local_day_across_year_end() {
    let mut m = team();
    let mut c = customer(10, "Lucía");
    c.last_store_visit = Some(at(2026, 12, 31, 15, 0));
    put(&mut m, &c);
    let d = one(&m, day(2026, 12, 31), VisitReason::StoreVisit).expect("tomorrow's visit");
    assert_eq!(d.due, day(2027, 1, 1));
    assert_eq!(d.key, format!("store_visit:{}:2026-12-31", id(10)));
    // Caught up for three days after it fell due, then left.
    assert!(one(&m, day(2027, 1, 4), VisitReason::StoreVisit).is_some());
    assert!(one(&m, day(2027, 1, 5), VisitReason::StoreVisit).is_none());
}

#[test]
fn r_rv_04_store_visit_late_at_night_counts_in_local_time_across_month_end() {
    let mut m = team();
    let mut c = customer(10, "Lucía");
    // 23:30 UTC on 31 January is 00:30 on 1 February in Madrid.
    c.last_store_visit = Some(at(2026, 1, 31, 23, 30));
    put(&mut m, &c);
    let d = one(&m, day(2026, 2, 1), VisitReason::StoreVisit).expect("due");
    assert_eq!(d.due, day(2026, 2, 2));
    // Leap year: a visit on 28 February 2028 falls due on the 29th.
    c.last_store_visit = Some(at(2028, 2, 28, 10, 0));
    put(&mut m, &c);
    let d = one(&m, day(2028, 2, 28), VisitReason::StoreVisit).expect("due");
    assert_eq!(d.due, day(2028, 2, 29));
}

#[test]
fn r_cus_05_birthday_visit_on_the_day_and_leap_day_birthdays() {
    let mut m = team();
    let mut c = customer(10, "Lucía");
    c.birthday = Some(day(1990, 3, 15));
    put(&mut m, &c);
    assert!(one(&m, day(2026, 3, 14), VisitReason::Birthday).is_none());
    let d = one(&m, day(2026, 3, 15), VisitReason::Birthday).expect("on the day");
    assert_eq!(
        (d.due, d.key.as_str()),
        (
            day(2026, 3, 15),
            format!("birthday:2026:{}", id(10)).as_str()
        )
    );
    // 29 February: the 28th in other years, the 29th in leap years.
    c.birthday = Some(day(1992, 2, 29));
    put(&mut m, &c);
    let d = one(&m, day(2027, 2, 28), VisitReason::Birthday).expect("28th");
    assert_eq!(d.due, day(2027, 2, 28));
    assert!(one(&m, day(2028, 2, 28), VisitReason::Birthday).is_none());
    assert_eq!(
        one(&m, day(2028, 2, 29), VisitReason::Birthday).map(|d| d.due),
        Some(day(2028, 2, 29))
    );
    assert_eq!(birthday_in(day(1992, 2, 29), 2100), Some(day(2100, 2, 28)));
    assert_eq!(birthday_in(day(2020, 5, 1), 2019), None, "not born yet");
}

#[test]
fn r_cus_05_new_year_eve_birthday_is_caught_up_after_year_end() {
    let mut m = team();
    let mut c = customer(10, "Lucía");
    c.birthday = Some(day(1980, 12, 31));
    put(&mut m, &c);
    let d = one(&m, day(2027, 1, 2), VisitReason::Birthday).expect("still in grace");
    assert_eq!(d.due, day(2026, 12, 31));
    assert!(d.key.starts_with("birthday:2026:"));
    assert!(one(&m, day(2027, 1, 4), VisitReason::Birthday).is_none());
}

#[test]
fn r_cus_05_card_renewal_falls_due_30_days_before_expiry() {
    let mut m = team();
    let mut c = customer(10, "Lucía");
    c.card_expiry = Some(day(2027, 1, 15));
    put(&mut m, &c);
    assert!(one(&m, day(2026, 12, 15), VisitReason::CardRenewal).is_none());
    let d = one(&m, day(2026, 12, 16), VisitReason::CardRenewal).expect("30 days ahead");
    assert_eq!(d.due, day(2026, 12, 16));
    assert!(one(&m, day(2027, 1, 15), VisitReason::CardRenewal).is_some());
    assert!(
        one(&m, day(2027, 1, 16), VisitReason::CardRenewal).is_none(),
        "expired"
    );
    // Across a leap day: 30 March 2028 minus 30 days is 29 February.
    c.card_expiry = Some(day(2028, 3, 30));
    put(&mut m, &c);
    let d = one(&m, day(2028, 3, 1), VisitReason::CardRenewal).expect("due");
    assert_eq!(d.due, day(2028, 2, 29));
}

#[test]
fn r_rv_02_members_fall_due_every_90_days_since_their_last_completed_visit() {
    let mut m = team();
    let mut c = customer(10, "Socia");
    c.kind = CustomerKind::Member;
    c.audit = Audit::new(id(1), at(2025, 11, 2, 10, 0));
    put(&mut m, &c);
    // 2 November + 90 days = 31 January, across the year end.
    assert!(one(&m, day(2026, 1, 30), VisitReason::Member).is_none());
    let d = one(&m, day(2026, 1, 31), VisitReason::Member).expect("due");
    assert_eq!(d.due, day(2026, 1, 31));
    // Visited (for any reason) on 1 March: next on 30 May.
    let mut v = visit(20, 10, VisitReason::StoreVisit, day(2026, 2, 28));
    v.status = VisitStatus::Done;
    v.completed_at = Some(at(2026, 3, 1, 11, 0));
    put(&mut m, &v);
    assert!(one(&m, day(2026, 5, 29), VisitReason::Member).is_none());
    let d = one(&m, day(2026, 5, 30), VisitReason::Member).expect("due");
    assert!(d.key.ends_with(":2026-03-01"));
    // Not a member: nothing; a shorter setting: sooner.
    let settings = VisitSettings {
        member_every_days: 30,
        ..VisitSettings::default()
    };
    let sooner = due_visits(&m, day(2026, 3, 31), madrid(), &settings);
    assert!(sooner.iter().any(|d| d.reason == VisitReason::Member));
    c.kind = CustomerKind::Individual;
    put(&mut m, &c);
    assert!(one(&m, day(2026, 5, 30), VisitReason::Member).is_none());
}

#[test]
fn r_rv_02_a_member_long_unvisited_is_due_today_and_an_open_one_is_not_doubled() {
    let mut m = team();
    let mut c = customer(10, "Socia");
    c.kind = CustomerKind::Member;
    c.audit = Audit::new(id(1), at(2020, 1, 1, 10, 0));
    put(&mut m, &c);
    let d = one(&m, day(2026, 11, 22), VisitReason::Member).expect("due");
    assert_eq!(d.due, day(2026, 11, 22), "due now, not born overdue");
    let mut open = visit(20, 10, VisitReason::Member, day(2026, 11, 1));
    open.key = "member:older".into();
    put(&mut m, &open);
    assert!(one(&m, day(2026, 11, 22), VisitReason::Member).is_none());
}

#[test]
fn r_rv_04_open_visits_of_closed_complaints_are_included() {
    let mut m = team();
    put(&mut m, &customer(10, "Lucía"));
    let mut v = visit(20, 10, VisitReason::ComplaintClosed, day(2026, 11, 25));
    v.complaint = Some(id(30));
    put(&mut m, &v);
    let d = one(&m, day(2026, 11, 22), VisitReason::ComplaintClosed).expect("listed");
    assert_eq!((d.existing, d.due), (Some(id(20)), day(2026, 11, 25)));
}

fn campaign_draft() -> CampaignDraft {
    CampaignDraft {
        name: "Navidad socios".into(),
        reason: CampaignReason::Holiday,
        tag: "Socios".into(),
        customer_kind: Some(CustomerKind::Member),
        starts: "2026-12-20".into(),
        ends: "2027-01-06".into(),
    }
}

#[test]
fn r_cus_05_campaign_reaches_its_segment_while_it_runs() {
    let mut w = World::new(1);
    let leader = w.who(2);
    let writes = create_campaign(
        &w.model,
        &leader,
        None,
        campaign_draft(),
        id(40),
        day(2026, 11, 22),
        now(),
    )
    .expect("a team leader creates campaigns");
    w.apply(writes);
    assert_eq!(w.model.rv.campaigns[&id(40)].tag, "socios");
    for (n, kind, tags) in [
        (10, CustomerKind::Member, vec!["socios"]),
        (11, CustomerKind::Member, vec!["otros"]),
        (12, CustomerKind::Individual, vec!["socios"]),
    ] {
        let mut c = customer(n, "C");
        c.kind = kind;
        c.tags = tags.into_iter().map(String::from).collect();
        w.add(&c);
    }
    let campaign_dues = |w: &World, d: NaiveDate| -> Vec<DueVisit> {
        due_of(&w.model, d)
            .into_iter()
            .filter(|d| d.reason == VisitReason::Campaign)
            .collect()
    };
    assert!(campaign_dues(&w, day(2026, 12, 19)).is_empty());
    let dues = campaign_dues(&w, day(2026, 12, 31));
    assert_eq!(dues.len(), 1);
    assert_eq!((dues[0].customer, dues[0].campaign), (id(10), Some(id(40))));
    assert!(campaign_dues(&w, day(2027, 1, 7)).is_empty());
    // Made on the 31st, it is on time until the campaign ends.
    w.apply(materialise(
        &w.model,
        &leader,
        day(2026, 12, 31),
        madrid(),
        &VisitSettings::default(),
        now(),
    ));
    let v = w
        .model
        .visits
        .values()
        .find(|v| v.reason == VisitReason::Campaign)
        .expect("made");
    assert_eq!(deadline(&w.model, v), day(2027, 1, 6));
}

#[test]
fn r_cus_05_campaigns_are_for_team_leaders_and_refuse_bad_input() {
    let w = World::new(1);
    let today = day(2026, 11, 22);
    let err = create_campaign(
        &w.model,
        &w.who(3),
        None,
        campaign_draft(),
        id(40),
        today,
        now(),
    )
    .unwrap_err();
    assert_eq!(
        err,
        vec![RuleError::NotAllowed {
            action: Action::RunCampaigns,
            needs: Role::TeamLeader
        }]
    );
    assert_eq!(err[0].rule(), Some("R-ROL-02"));
    let bad = |f: &dyn Fn(&mut CampaignDraft)| {
        let mut d = campaign_draft();
        f(&mut d);
        create_campaign(&w.model, &w.who(2), None, d, id(40), today, now()).unwrap_err()
    };
    assert_eq!(
        bad(&|d| d.name = "  ".into()),
        vec![RuleError::Required { field: "name" }]
    );
    assert_eq!(
        bad(&|d| d.starts = "2026-02-30".into()),
        vec![RuleError::InvalidDate { field: "starts" }]
    );
    assert_eq!(
        bad(&|d| d.ends = "mañana".into()),
        vec![RuleError::InvalidDate { field: "ends" }]
    );
    assert_eq!(
        bad(&|d| d.ends = "2026-12-01".into()),
        vec![RuleError::EndBeforeStart { field: "ends" }]
    );
    assert_eq!(
        bad(&|d| d.ends = "2027-12-31".into()),
        vec![RuleError::OutOfRange { field: "ends" }]
    );
    assert_eq!(
        bad(&|d| {
            d.starts = "2026-01-01".into();
            d.ends = "2026-01-31".into();
        }),
        vec![RuleError::InvalidDate { field: "ends" }],
        "already over"
    );
}

/// A customer for every due rule on 22 November 2026.
fn busy_world(n: u64) -> World {
    let mut w = World::new(n);
    let mut a = customer(10, "Tienda");
    a.last_store_visit = Some(at(2026, 11, 21, 17, 0));
    let mut b = customer(11, "Cumple");
    b.birthday = Some(day(1970, 11, 22));
    let mut c = customer(12, "Tarjeta");
    c.card_expiry = Some(day(2026, 12, 10));
    let mut d = customer(13, "Socia");
    d.kind = CustomerKind::Member;
    d.audit = Audit::new(id(1), at(2026, 1, 1, 9, 0));
    for x in [a, b, c, d] {
        w.add(&x);
    }
    w
}

fn run(w: &World) -> Vec<ventanilla::sync::Write> {
    materialise(
        &w.model,
        &w.who(3),
        day(2026, 11, 22),
        madrid(),
        &VisitSettings::default(),
        now(),
    )
}

#[test]
fn r_cus_05_materialise_makes_each_due_visit_once() {
    let mut w = busy_world(1);
    let writes = run(&w);
    assert!(writes.iter().all(|x| x.field != "status"));
    w.apply(writes);
    let reasons: Vec<VisitReason> = w.model.visits.values().map(|v| v.reason).collect();
    assert_eq!(reasons.len(), 4, "{reasons:?}");
    for v in w.model.visits.values() {
        assert_eq!(v.status, VisitStatus::Open);
        assert_eq!(v.id, id_for_key(&v.key));
        assert!(v.assignee.is_some(), "assigned on creation (R-RV-06)");
    }
    assert!(run(&w).is_empty(), "running again makes nothing");
    // A day later nothing new falls due either.
    let again = materialise(
        &w.model,
        &w.who(3),
        day(2026, 11, 23),
        madrid(),
        &VisitSettings::default(),
        now(),
    );
    assert!(again.is_empty(), "{again:?}");
}

#[test]
fn r_cus_05_two_offline_devices_make_the_same_visits_and_a_late_run_reopens_nothing() {
    let mut a = busy_world(1);
    let mut b = World::new(2);
    b.receive(&a);
    let wa = run(&a);
    a.apply(wa);
    // A completes one visit before B, offline, runs the rules.
    let first = *a.model.visits.keys().next().expect("made");
    let result = CallResult {
        method: Some(VisitMethod::Email),
        outcome: Some(ventanilla::domain::visits::VisitOutcome::Satisfied),
        ..CallResult::default()
    };
    let ids = CallIds {
        attempt: id(500),
        task: id(501),
    };
    let w = record_call(&a.model, &a.who(3), first, result, ids, now(), madrid()).unwrap();
    a.apply(w);
    let wb = run(&b);
    b.later(wb, 60_000);
    a.receive(&b);
    b.receive(&a);
    assert_eq!(a.model.visits.len(), 4, "no duplicates");
    assert_eq!(a.model.visits, b.model.visits);
    assert_eq!(a.model.visits[&first].status, VisitStatus::Done);
}

#[test]
fn r_rv_06_own_specialist_first_then_skills_then_load() {
    let mut m = team();
    let mut own = customer(10, "Propia");
    own.specialist = Some(id(4));
    let mut tagged = customer(11, "Socio");
    tagged.tags = vec!["socios".into()];
    let mut gone = customer(12, "Sin especialista activo");
    gone.specialist = Some(id(1)); // a director is not a specialist
    for c in [&own, &tagged, &gone] {
        put(&mut m, c);
    }
    let vs = [
        visit(20, 10, VisitReason::Birthday, day(2026, 11, 22)),
        visit(21, 11, VisitReason::Birthday, day(2026, 11, 22)),
        visit(22, 12, VisitReason::Birthday, day(2026, 11, 22)),
    ];
    let people = specialists(&m);
    assert_eq!(people, vec![id(2), id(3), id(4)]);
    let got = distribute(&m, &vs, &people);
    assert_eq!(
        got,
        vec![(id(20), id(4)), (id(21), id(3)), (id(22), id(3))],
        "own (4), skill socios (3), then the least loaded representative by id (3): \
         the leader (2) only when no representative can"
    );
    assert!(
        distribute(&m, &vs, &[]).is_empty(),
        "nobody to give them to"
    );
}

/// A tiny deterministic generator: the property loop needs no crate.
fn lcg(seed: &mut u64) -> u64 {
    *seed = seed
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    *seed >> 33
}

#[test]
fn r_rv_06_fairness_nobody_gets_more_than_one_above_another() {
    let mut seed = 7u64;
    for round in 0..200 {
        let mut m = Model::default();
        let n_people = 1 + lcg(&mut seed) % 5;
        for p in 0..n_people {
            put(
                &mut m,
                &staff(100 + p as u128, "P", Role::Representative, &["socios"]),
            );
        }
        let n_visits = lcg(&mut seed) % 40;
        let mut vs = Vec::new();
        for k in 0..n_visits {
            let mut c = customer(1000 + k as u128, "C");
            // Skills allow: every one of them matches, or none is asked for.
            if lcg(&mut seed).is_multiple_of(2) {
                c.tags = vec!["socios".into()];
            }
            put(&mut m, &c);
            let due = day(2026, 11, 1) + Duration::days((lcg(&mut seed) % 30) as i64);
            vs.push(visit(
                5000 + k as u128,
                1000 + k as u128,
                VisitReason::Member,
                due,
            ));
        }
        let people = specialists(&m);
        let got = distribute(&m, &vs, &people);
        assert_eq!(got.len(), vs.len());
        let counts: Vec<usize> = people
            .iter()
            .map(|p| got.iter().filter(|(_, q)| q == p).count())
            .collect();
        let (lo, hi) = (counts.iter().min(), counts.iter().max());
        assert!(
            hi.zip(lo).is_none_or(|(h, l)| h - l <= 1),
            "round {round}: {counts:?}"
        );
    }
}

#[test]
fn r_rv_06_distribution_evens_out_an_uneven_open_load() {
    let mut m = team();
    put(&mut m, &customer(10, "C"));
    // Pablo (3) already has three open visits.
    for k in 0..3 {
        let mut v = visit(30 + k, 10, VisitReason::Member, day(2026, 11, 1));
        v.assignee = Some(id(3));
        put(&mut m, &v);
    }
    let vs: Vec<ReturnVisit> = (0..7)
        .map(|k| visit(40 + k, 10, VisitReason::Member, day(2026, 11, 22)))
        .collect();
    let got = distribute(&m, &vs, &specialists(&m));
    let to = |p: u128| got.iter().filter(|(_, q)| *q == id(p)).count();
    // Ten open visits over the two representatives: five each; the leader
    // takes none while they can.
    assert_eq!((to(2), to(3) + to(4)), (0, 7));
    let totals = [3 + to(3), to(4)];
    assert!(totals.iter().max().unwrap() - totals.iter().min().unwrap() <= 1);
}

#[test]
fn r_rv_06_bulk_reassign_is_for_team_leaders() {
    let mut w = World::new(1);
    w.add(&customer(10, "C"));
    for k in 0..4 {
        let mut v = visit(20 + k, 10, VisitReason::Member, day(2026, 11, 22));
        v.assignee = Some(id(3));
        w.add(&v);
    }
    let ids: Vec<_> = (20..24).map(id).collect();
    let err = reassign(&w.model, &w.who(3), &ids, Some(id(4)), now()).unwrap_err();
    assert_eq!(err.rule(), Some("R-ROL-02"));
    assert!(err
        .message(ventanilla::domain::Lang::Es)
        .contains("líder de turno"));
    let writes = reassign(&w.model, &w.who(2), &ids, Some(id(4)), now()).unwrap();
    w.apply(writes);
    assert!(ids
        .iter()
        .all(|v| w.model.visits[v].assignee == Some(id(4))));
    // Spread away from Sofía (4): to the other representative; the leader
    // (2) only when no representative is left.
    let writes = reassign(&w.model, &w.who(2), &ids, None, now()).unwrap();
    w.apply(writes);
    let to = |p: u128| {
        ids.iter()
            .filter(|v| w.model.visits[v].assignee == Some(id(p)))
            .count()
    };
    assert_eq!((to(2), to(3), to(4)), (0, 4, 0));
    assert_eq!(
        reassign(&w.model, &w.who(2), &ids, Some(id(99)), now()),
        Err(RuleError::InactiveStaff)
    );
    assert_eq!(
        reassign(&w.model, &w.who(2), &[id(99)], Some(id(4)), now()),
        Err(RuleError::NotFound { what: "visit" })
    );
}

fn quiet_customer() -> Customer {
    customer(10, "Lucía")
}

/// 10:00 local in Madrid winter (UTC+1) is 09:00 UTC.
fn local(h: u32, min: u32) -> chrono::DateTime<chrono::Utc> {
    at(2026, 11, 22, h, min) - Duration::hours(1)
}

#[test]
fn r_rv_01_quiet_hours_at_the_exact_boundaries() {
    let c = quiet_customer();
    for (h, m, callable) in [
        (11, 59, true),
        (12, 0, false),
        (13, 59, false),
        (14, 0, true),
        (20, 59, true),
        (21, 0, false),
        (8, 59, false),
        (9, 0, true),
    ] {
        assert_eq!(
            callable_now(&c, local(h, m), madrid()),
            callable,
            "{h:02}:{m:02}"
        );
    }
}

#[test]
fn r_rv_01_quiet_hours_across_midnight() {
    let c = quiet_customer();
    for (h, m) in [(23, 30), (0, 0), (3, 15)] {
        assert!(!callable_now(&c, local(h, m), madrid()), "{h:02}:{m:02}");
    }
    // The local day matters, not UTC's: 23:30 UTC is 00:30 in Madrid.
    assert!(!callable_now(&c, at(2026, 11, 22, 23, 30), madrid()));
    assert!(callable_now(
        &c,
        at(2026, 11, 22, 23, 30),
        Zone::fixed(-12 * 60)
    ));
    // Next callable: from 23:30 the morning's 09:00; from 12:30, 14:00.
    assert_eq!(
        next_callable(&c, local(23, 30), madrid()),
        Some(local(9, 0) + Duration::days(1))
    );
    assert_eq!(
        next_callable(&c, local(12, 30), madrid()),
        Some(local(14, 0))
    );
    assert_eq!(
        next_callable(&c, local(10, 0), madrid()),
        Some(local(10, 0))
    );
}

#[test]
fn r_rv_01_custom_quiet_hours_and_the_override() {
    let mut c = quiet_customer();
    c.quiet_hours = vec![("22:00".into(), "08:00".into())];
    assert!(
        callable_now(&c, local(13, 0), madrid()),
        "lunch is fine for this one"
    );
    assert!(!callable_now(&c, local(7, 59), madrid()));
    // Calling at 13:00 a customer with the defaults needs a reason.
    let d = quiet_customer();
    let err = check_quiet(&d, VisitMethod::Phone, local(13, 0), madrid(), "  ").unwrap_err();
    assert_eq!(
        err,
        RuleError::QuietHours {
            until: "14:00".into()
        }
    );
    assert_eq!(err.rule(), Some("R-RV-01"));
    assert_eq!(err.field(), Some("quiet_override"));
    assert!(err
        .message(ventanilla::domain::Lang::En)
        .contains("call from 14:00"));
    assert_eq!(
        check_quiet(
            &d,
            VisitMethod::Sms,
            local(13, 0),
            madrid(),
            "Pidió que fuera hoy"
        ),
        Ok("Pidió que fuera hoy".into())
    );
    assert_eq!(
        check_quiet(&d, VisitMethod::Email, local(13, 0), madrid(), ""),
        Ok(String::new()),
        "an e-mail disturbs nobody"
    );
    assert_eq!(
        check_quiet(&d, VisitMethod::Phone, local(10, 0), madrid(), "x"),
        Ok(String::new()),
        "no override outside quiet hours"
    );
    let long = "x".repeat(501);
    assert!(matches!(
        check_quiet(&d, VisitMethod::Phone, local(13, 0), madrid(), &long),
        Err(RuleError::TooLong { .. })
    ));
    // All day quiet: no time to offer, the message says so.
    let mut all = quiet_customer();
    all.quiet_hours = vec![
        ("00:00".into(), "12:00".into()),
        ("12:00".into(), "00:00".into()),
    ];
    assert_eq!(next_callable(&all, local(10, 0), madrid()), None);
    let err = check_quiet(&all, VisitMethod::Phone, local(10, 0), madrid(), "").unwrap_err();
    assert!(err.message(ventanilla::domain::Lang::Es).contains("motivo"));
}

#[test]
fn r_rv_01_my_queue_puts_callable_visits_first() {
    let mut m = team();
    let mut quiet = customer(10, "Nocturna");
    quiet.quiet_hours = vec![("08:00".into(), "11:00".into())];
    put(&mut m, &quiet);
    put(&mut m, &customer(11, "Diurna"));
    for (v, c, due) in [(20, 10, 20), (21, 11, 22), (22, 11, 30)] {
        let mut x = visit(v, c, VisitReason::Member, day(2026, 11, due));
        x.assignee = Some(id(3));
        put(&mut m, &x);
    }
    let q = my_queue(&m, id(3), local(10, 0), madrid());
    let order: Vec<_> = q.iter().map(|e| (e.visit, e.callable)).collect();
    assert_eq!(
        order,
        vec![(id(21), true), (id(20), false)],
        "future ones wait"
    );
    assert_eq!(q[1].from, Some(local(11, 0)));
    assert!(!q[1].overdue, "due the 20th: on time until the 23rd");
}
