//! One time model: the organisation's saved time zone is
//! the wall clock of every local day and deadline, summer time included.
//! The summer-time rules are checked against the instants the IANA database
//! gives (zdump, tzdata 2025), the complaint deadline (R-CMP-02) and the
//! return visit's due day (R-RV-04) against the org's zone, and a hostile
//! zone name from storage or a file against the fallback and the schema.

use crate::common::*;
use crate::visits_common::{visit, World};
use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, Utc};
use serde_json::json;
use ventanilla::domain::base::record::to_writes;
use ventanilla::domain::base::zone::Zone;
use ventanilla::domain::base::zones::{self, DEFAULT_ZONE, ZONES};
use ventanilla::domain::complaint::*;
use ventanilla::domain::contact::Channel;
use ventanilla::domain::schema::importable;
use ventanilla::domain::staff::time_zone::{needs_choosing, set_time_zone};
use ventanilla::domain::staff::{setup_organisation, Action, Org, Role};
use ventanilla::domain::visits::VisitReason;
use ventanilla::domain::{Model, RuleError};
use ventanilla::sync::bundle::{Limit, Problem};
use ventanilla::sync::RecordId;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid test day")
}

fn wall(y: i32, m: u32, d: u32, h: u32, min: u32) -> NaiveDateTime {
    day(y, m, d)
        .and_hms_opt(h, min, 0)
        .expect("valid wall time")
}

fn named(name: &str) -> Zone {
    zones::find(name).expect("a supported zone").zone
}

fn org(zone: Option<&str>) -> Org {
    Org {
        id: id(900),
        name: "Tienda Centro".into(),
        time_zone: zone.map(String::from),
        ..Org::default()
    }
}

/// The offset just before and at each change, as zdump prints them.
fn changes_at(zone: &str, cases: &[(DateTime<Utc>, i32, i32)]) {
    let z = named(zone);
    for &(t, before, after) in cases {
        assert_eq!(
            z.offset_minutes(t - Duration::seconds(1)),
            before,
            "{zone} before {t}"
        );
        assert_eq!(z.offset_minutes(t), after, "{zone} at {t}");
    }
}

#[test]
fn time_zone_madrid_changes_on_the_eu_sundays_at_one_utc() {
    changes_at(
        "Europe/Madrid",
        &[
            (at(2026, 3, 29, 1, 0), 60, 120),
            (at(2026, 10, 25, 1, 0), 120, 60),
            (at(2027, 3, 28, 1, 0), 60, 120),
        ],
    );
    changes_at(
        "Atlantic/Canary",
        &[
            (at(2026, 3, 29, 1, 0), 0, 60),
            (at(2026, 10, 25, 1, 0), 60, 0),
        ],
    );
    // 02:30 on the spring Sunday does not exist: read an hour later.
    let madrid = named("Europe/Madrid");
    assert_eq!(
        madrid.to_utc(wall(2026, 3, 29, 2, 30)),
        at(2026, 3, 29, 1, 30)
    );
    // 02:30 on the autumn Sunday happens twice: the first one.
    assert_eq!(
        madrid.to_utc(wall(2026, 10, 25, 2, 30)),
        at(2026, 10, 25, 0, 30)
    );
}

#[test]
fn time_zone_santiago_keeps_southern_summer_time_from_september_to_april() {
    // Real rule (tzdata "Chile" since 2019): Sun>=2 of September at 04:00
    // UTC and Sun>=2 of April at 03:00 UTC, i.e. Saturday 24:00 local.
    changes_at(
        "America/Santiago",
        &[
            (at(2026, 4, 5, 3, 0), -180, -240),
            (at(2026, 9, 6, 4, 0), -240, -180),
            (at(2027, 4, 4, 3, 0), -180, -240),
            // 1 September 2024 was a Sunday: the change waited a week.
            (at(2024, 9, 8, 4, 0), -240, -180),
        ],
    );
    let santiago = named("America/Santiago");
    assert_eq!(
        santiago.offset_minutes(at(2026, 1, 15, 12, 0)),
        -180,
        "January is summer"
    );
    assert_eq!(
        santiago.offset_minutes(at(2026, 7, 15, 12, 0)),
        -240,
        "July is winter"
    );
    // Sunday 00:30 on the spring change does not exist: 01:30 summer time.
    assert_eq!(
        santiago.to_utc(wall(2026, 9, 6, 0, 30)),
        at(2026, 9, 6, 4, 30)
    );
    // The Saturday before ends at 04:00 UTC either way (the autumn Saturday
    // has its last hour twice).
    assert_eq!(
        santiago.end_of_day(day(2026, 9, 5)),
        Some(at(2026, 9, 6, 4, 0))
    );
    assert_eq!(
        santiago.end_of_day(day(2026, 4, 4)),
        Some(at(2026, 4, 5, 4, 0))
    );
}

#[test]
fn time_zone_us_and_fixed_zones() {
    changes_at(
        "America/New_York",
        &[
            (at(2026, 3, 8, 7, 0), -300, -240),
            (at(2026, 11, 1, 6, 0), -240, -300),
        ],
    );
    changes_at(
        "America/Los_Angeles",
        &[
            (at(2026, 3, 8, 10, 0), -480, -420),
            (at(2026, 11, 1, 9, 0), -420, -480),
        ],
    );
    for (name, minutes) in [
        ("America/Mexico_City", -360),
        ("America/Bogota", -300),
        ("America/Lima", -300),
        ("America/Argentina/Buenos_Aires", -180),
        ("UTC", 0),
    ] {
        for t in [at(2026, 1, 15, 12, 0), at(2026, 7, 15, 12, 0)] {
            assert_eq!(named(name).offset_minutes(t), minutes, "{name} {t}");
        }
    }
}

#[test]
fn time_zone_list_names_each_zone_once_with_labels_in_both_languages() {
    for (i, z) in ZONES.iter().enumerate() {
        assert!(!z.es.is_empty() && !z.en.is_empty(), "{}", z.name);
        assert_eq!(zones::find(z.name).map(|f| f.name), Some(z.name));
        assert!(
            ZONES[..i].iter().all(|o| o.name != z.name),
            "{} twice",
            z.name
        );
    }
    assert_eq!(zones::default_zone().name, DEFAULT_ZONE);
}

#[test]
fn time_zone_first_run_suggests_the_browser_zone_or_the_nearest() {
    let winter = at(2026, 1, 15, 12, 0);
    assert_eq!(
        zones::suggest("America/Lima", -300, winter).name,
        "America/Lima"
    );
    // Not in the list: the supported zone with the nearest offset now.
    assert_eq!(
        zones::suggest("Europe/Vienna", 60, winter).name,
        "Europe/Madrid"
    );
    assert_eq!(
        zones::suggest("America/Caracas", -240, winter).name,
        "America/Bogota",
        "an hour away at most; the list's order breaks ties"
    );
    let july = at(2026, 7, 15, 12, 0);
    assert_eq!(
        zones::suggest("America/Caracas", -240, july).name,
        "America/Santiago"
    );
    assert_eq!(zones::suggest("Asia/Tokyo", 540, winter).name, DEFAULT_ZONE);
    assert_eq!(zones::suggest("", i32::MIN, winter).name, DEFAULT_ZONE);
}

#[test]
fn time_zone_is_chosen_at_first_run_and_changed_by_a_center_director_only() {
    let (o, _) =
        setup_organisation("Tienda", " America/Santiago ", "Ana", id(1), id(2), now()).unwrap();
    assert_eq!(o.time_zone.as_deref(), Some("America/Santiago"));
    for bad in ["", "Mars/Olympus", "europe/madrid"] {
        assert_eq!(
            setup_organisation("Tienda", bad, "Ana", id(1), id(2), now()).unwrap_err(),
            RuleError::Required { field: "time_zone" },
            "{bad:?}"
        );
    }
    let mut w = World::new(1);
    w.add(&org(None));
    assert!(needs_choosing(&w.model), "an org made by an older version");
    assert_eq!(w.model.zone(), Zone::MADRID, "read as before: Madrid");
    let refused = set_time_zone(&w.model, &w.who(2), "America/Lima", now()).unwrap_err();
    assert_eq!(
        refused,
        RuleError::NotAllowed {
            action: Action::SetTimeZone,
            needs: Role::CenterDirector
        }
    );
    assert_eq!(
        set_time_zone(&w.model, &w.who(1), "Nowhere/City", now()).unwrap_err(),
        RuleError::Required { field: "time_zone" }
    );
    let writes = set_time_zone(&w.model, &w.who(1), "America/Lima", now()).unwrap();
    let fields: Vec<&str> = writes.iter().map(|w| w.field.as_str()).collect();
    assert!(fields.contains(&"time_zone") && fields.contains(&"changed_by"));
    assert!(!fields.contains(&"name"), "only what changed is written");
    w.apply(writes);
    assert!(!needs_choosing(&w.model));
    assert_eq!(w.model.zone(), named("America/Lima"));
}

/// A complaint registered and judged at `judged_at` with its deadline
/// `promised`, in a model whose org lives in `zone`.
fn judged_in(zone: &str, judged_at: DateTime<Utc>, promised: NaiveDate) -> World {
    let mut w = World::new(1);
    w.add(&org(Some(zone)));
    w.add(&customer(10, "Lucía Pérez"));
    let draft = ComplaintDraft {
        customer: Some(id(10)),
        channel: Channel::Phone,
        content: "La nevera llegó con un golpe".into(),
        asks: "Cambio del aparato".into(),
        received_at: judged_at,
    };
    let writes = register(&w.model, &w.who(3), draft, id(100), judged_at).unwrap();
    w.apply(writes);
    let form = JudgementForm {
        founded: Some(true),
        department: "Logística".into(),
        severity: Some(Severity::Normal),
        deadline: Some(promised),
    };
    let z = w.model.zone();
    let writes = judge(&w.model, &w.who(3), id(100), form, z, id(101), judged_at).unwrap();
    w.apply(writes);
    w
}

fn overdue_on_today(w: &World, t: DateTime<Utc>) -> bool {
    w.model.today(id(3), t).overdue_complaints == vec![id(100)]
}

#[test]
fn r_cmp_02_deadline_promised_in_winter_ends_at_summer_midnight_in_madrid() {
    // Promised on 20 March (UTC+1) for 31 March, which is in summer time
    // (UTC+2): the day ends at 22:00 UTC, not at the promise's 23:00.
    let w = judged_in("Europe/Madrid", at(2026, 3, 20, 10, 0), day(2026, 3, 31));
    let view = history(&w.model, id(100)).unwrap();
    let zone = w.model.zone();
    assert_eq!(view.deadline_at(zone), Some(at(2026, 3, 31, 22, 0)));
    assert!(!overdue_on_today(&w, at(2026, 3, 31, 21, 59)));
    assert!(overdue_on_today(&w, at(2026, 3, 31, 22, 0)));
    let row = list(
        &w.model,
        &ComplaintFilter::default(),
        zone,
        at(2026, 3, 31, 22, 0),
    );
    assert!(row[0].overdue);
    assert_eq!(row[0].deadline_at, Some(at(2026, 3, 31, 22, 0)));
}

#[test]
fn r_cmp_02_deadline_across_the_southern_spring_change_in_santiago() {
    // Promised on 1 September (UTC−4) for 10 September (UTC−3 from the 6th).
    let w = judged_in("America/Santiago", at(2026, 9, 1, 15, 0), day(2026, 9, 10));
    let zone = w.model.zone();
    let view = history(&w.model, id(100)).unwrap();
    assert_eq!(view.deadline_at(zone), Some(at(2026, 9, 11, 3, 0)));
    assert!(!overdue_on_today(&w, at(2026, 9, 11, 2, 59)));
    assert!(overdue_on_today(&w, at(2026, 9, 11, 3, 0)));
    // And back in April: 5 April is already winter time again.
    let w = judged_in("America/Santiago", at(2026, 3, 30, 15, 0), day(2026, 4, 5));
    let view = history(&w.model, id(100)).unwrap();
    assert_eq!(view.deadline_at(w.model.zone()), Some(at(2026, 4, 6, 4, 0)));
}

#[test]
fn r_cmp_02_today_in_the_org_zone_decides_whether_a_promise_is_past() {
    // 23:30 UTC on 30 November is already 1 December in Madrid, but still
    // 30 November in Santiago (20:30, summer time).
    let late = at(2026, 11, 30, 23, 30);
    let w = judged_in("America/Santiago", late, day(2026, 11, 30));
    assert!(history(&w.model, id(100)).unwrap().judgement.is_some());
    let mut w = World::new(1);
    w.add(&org(Some("Europe/Madrid")));
    w.add(&customer(10, "Lucía Pérez"));
    let draft = ComplaintDraft {
        customer: Some(id(10)),
        channel: Channel::Phone,
        content: "Golpe".into(),
        asks: "Cambio".into(),
        received_at: late,
    };
    let writes = register(&w.model, &w.who(3), draft, id(100), late).unwrap();
    w.apply(writes);
    let form = JudgementForm {
        founded: Some(true),
        department: "Logística".into(),
        severity: Some(Severity::Normal),
        deadline: Some(day(2026, 11, 30)),
    };
    let zone = w.model.zone();
    assert_eq!(
        judge(&w.model, &w.who(3), id(100), form, zone, id(101), late).unwrap_err(),
        vec![RuleError::InvalidDate { field: "deadline" }]
    );
}

#[test]
fn r_rv_04_the_return_visit_is_due_three_local_days_after_closing_in_the_org_zone() {
    // Closed at 23:30 UTC on 28 March: 29 March in Madrid (the night the
    // clocks go forward), still 28 March in UTC.
    let closed = at(2026, 3, 28, 23, 30);
    for (zone, due) in [
        ("Europe/Madrid", day(2026, 4, 1)),
        ("UTC", day(2026, 3, 31)),
    ] {
        let mut w = judged_in(zone, at(2026, 3, 20, 10, 0), day(2026, 3, 27));
        let z = w.model.zone();
        let t = at(2026, 3, 21, 10, 0);
        let inv = InvestigationForm {
            cause: Some(Cause::Delivery),
            cause_text: "Caja caída".into(),
            responsible: "Transportes".into(),
        };
        let writes = investigate(&w.model, &w.who(3), id(100), inv, id(102), t).unwrap();
        w.apply(writes);
        let writes = propose_plan(&w.model, &w.who(2), id(100), "Cambiar", id(103), t).unwrap();
        w.apply(writes);
        w.add(&ventanilla::domain::staff::Staff {
            id: id(5),
            name: "Dora Departamento".into(),
            role: Role::DepartmentDirector,
            active: true,
            ..Default::default()
        });
        let writes = choose_plan(&w.model, &w.who(5), id(100), id(103), id(104), t).unwrap();
        w.apply(writes);
        let done = ImplementationForm {
            done: "Cambiada".into(),
            acceptance: Some(Acceptance::Accepted),
            customer_words: "Conforme".into(),
            ..ImplementationForm::default()
        };
        let writes = implement(&w.model, &w.who(3), id(100), done, id(105), t).unwrap();
        w.apply(writes);
        let ids = CloseIds {
            event: id(106),
            visit: id(300),
        };
        let writes = evaluate(
            &w.model,
            &w.who(3),
            id(100),
            "Embalar mejor",
            z,
            ids,
            closed,
        )
        .unwrap();
        w.apply(writes);
        assert_eq!(w.model.visits[&id(300)].due, due, "{zone}");
    }
}

#[test]
fn r_rv_04_today_lists_a_visit_on_the_org_local_day() {
    let mut w = World::new(1);
    w.add(&customer(10, "Lucía Pérez"));
    let mut v = visit(300, 10, VisitReason::StoreVisit, day(2026, 3, 29));
    v.assignee = Some(id(3));
    w.add(&v);
    // 23:30 UTC on 28 March: 29 March in Madrid, 28 March in Lima.
    let t = at(2026, 3, 28, 23, 30);
    for (zone, listed) in [("Europe/Madrid", true), ("America/Lima", false)] {
        w.add(&org(Some(zone)));
        let today = w.model.today(id(3), t);
        assert_eq!(today.due_visits.contains(&id(300)), listed, "{zone}");
    }
}

#[test]
fn time_zone_hostile_names_from_storage_fall_back_without_panic() {
    let long = "Europe/".to_string() + &"x".repeat(100_000);
    let names: Vec<serde_json::Value> = vec![
        json!(""),
        json!(long),
        json!("Europe/Madrid\u{0}"),
        json!("\u{7}\u{1b}[2J"),
        json!("Europe/Madrid "),
        json!(42),
        json!(["Europe/Madrid"]),
        json!({"name": "UTC"}),
    ];
    for name in &names {
        let mut m = Model::default();
        let mut fields = serde_json::to_value(org(None)).unwrap();
        fields["time_zone"] = name.clone();
        m.refresh("org", RecordId(900), Some(&fields));
        assert!(m.org.is_some(), "the org stays readable with {name:.40}");
        assert_eq!(m.zone(), Zone::MADRID, "falls back for {name:.40}");
        assert!(needs_choosing(&m));
        // Every screen's computation runs in the fallback zone.
        let t = at(2200, 12, 31, 23, 59);
        let _ = m.today(id(3), t);
        let _ = m.zone().local_date(DateTime::<Utc>::MAX_UTC);
        let _ = m.zone().end_of_day(NaiveDate::MAX);
        // And an import refuses it.
        assert!(
            matches!(importable("org", "time_zone", name), Err(Problem { .. })),
            "{name:.40}"
        );
    }
    assert_eq!(
        importable("org", "time_zone", &json!("Nowhere")).map_err(|p| p.limit),
        Err(Limit::UnknownCode)
    );
    for z in ZONES {
        assert!(
            importable("org", "time_zone", &json!(z.name)).is_ok(),
            "{}",
            z.name
        );
    }
    assert!(
        importable("org", "time_zone", &serde_json::Value::Null).is_ok(),
        "an older org"
    );
    // The org record itself round-trips its zone.
    let o = org(Some("America/Bogota"));
    let w = to_writes(None, &o);
    assert!(w
        .iter()
        .any(|w| w.field == "time_zone" && w.value == json!("America/Bogota")));
}

#[test]
fn time_zone_rules_never_panic_at_the_calendar_ends() {
    for z in ZONES {
        for t in [
            DateTime::<Utc>::MIN_UTC,
            DateTime::<Utc>::MAX_UTC,
            at(1900, 1, 1, 0, 0),
            at(2200, 12, 31, 23, 59),
        ] {
            let local = z.zone.local(t);
            let _ = z.zone.to_utc(local);
            let _ = z.zone.local_date(t);
        }
        for d in [
            NaiveDate::MIN,
            NaiveDate::MAX,
            day(1900, 1, 1),
            day(2200, 12, 31),
        ] {
            let _ = z.zone.end_of_day(d);
            let _ = z.zone.to_utc(d.and_hms_opt(12, 0, 0).unwrap_or_default());
        }
    }
    // A zone built by hand with extreme numbers saturates instead.
    for std in [i32::MIN, i32::MAX] {
        for dst in [
            ventanilla::domain::base::zone::Dst::Eu,
            ventanilla::domain::base::zone::Dst::Us,
            ventanilla::domain::base::zone::Dst::Chile,
        ] {
            let z = Zone::with_dst(std, dst);
            let _ = z.local(at(2026, 6, 1, 0, 0));
            let _ = z.to_utc(wall(2026, 6, 1, 0, 0));
        }
    }
}
