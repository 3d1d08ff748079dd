//! R-CUS-01..04: assignment, first-contact deadline, duplicates and merge, search.

use crate::common::*;
use chrono::Duration;
use ventanilla::domain::contact::Contact;
use ventanilla::domain::customer::*;
use ventanilla::domain::staff::Role;
use ventanilla::domain::{Audit, RuleError};

#[test]
fn r_cus_01_auto_assign_prefers_matching_skills_then_balances_load() {
    let mut m = team();
    // A "socios" customer goes to Pablo (skill match) even though all are idle.
    assert_eq!(auto_assign(&m, &["socios".into()]), Some(id(3)));
    // With no matching skill, the least loaded wins; give 3 and 4 one each.
    for (n, s) in [(10, 3), (11, 4), (12, 2)] {
        let mut c = customer(n, "X");
        c.specialist = Some(id(s));
        put(&mut m, &c);
    }
    let mut c = customer(13, "Y");
    c.specialist = Some(id(3));
    put(&mut m, &c);
    // Loads: 2 -> 1, 3 -> 2, 4 -> 1. No skill "vip": the least loaded
    // representative; the team leader (2) only when no representative can.
    assert_eq!(auto_assign(&m, &["vip".into()]), Some(id(4)));
    // Skill match beats load: Pablo has the most but matches "socios".
    assert_eq!(auto_assign(&m, &["Socios".into()]), Some(id(3)));
}

#[test]
fn r_cus_01_balancing_spreads_many_customers_evenly() {
    let mut m = team();
    for n in 0..30u128 {
        let specialist = auto_assign(&m, &[]);
        let mut c = customer(100 + n, "C");
        c.specialist = specialist;
        put(&mut m, &c);
    }
    let load = |s: u128| {
        m.customers
            .values()
            .filter(|c| c.specialist == Some(id(s)))
            .count()
    };
    // The representatives share them; the team leader and the director do not.
    assert_eq!((load(1), load(2), load(3), load(4)), (0, 0, 15, 15));
}

#[test]
fn r_cus_01_override_needs_a_team_leader() {
    let m = team();
    let c = customer(10, "Luis");
    let err = override_assign(&m, &person(&m, 3), &c, id(4), now()).unwrap_err();
    assert_eq!(
        err,
        RuleError::NotAllowed {
            action: ventanilla::domain::staff::Action::AssignCustomer,
            needs: Role::TeamLeader
        }
    );
    let done = override_assign(&m, &person(&m, 2), &c, id(4), now()).unwrap();
    assert_eq!(done.specialist, Some(id(4)));
    assert_eq!(done.assigned_at, Some(now()));
    assert_eq!(done.audit.changed_by, id(2));
}

#[test]
fn r_cus_01_new_customer_is_assigned_on_save() {
    let m = team();
    let draft = CustomerDraft {
        name: "Rocío Núñez".into(),
        tags: "reparaciones".into(),
        ..CustomerDraft::default()
    };
    let c = save_customer(&m, &person(&m, 3), None, draft, id(50), now()).unwrap();
    assert_eq!(c.specialist, Some(id(4)));
    assert_eq!(c.assigned_at, Some(now()));
}

#[test]
fn r_cus_02_first_contact_due_within_seven_days_then_overdue() {
    let mut m = team();
    let mut c = customer(10, "Lucía");
    c.specialist = Some(id(3));
    c.assigned_at = Some(at(2026, 11, 28, 9, 0)); // crosses the month end
    put(&mut m, &c);
    assert_eq!(first_contact_due(&c), Some(at(2026, 12, 5, 9, 0)));
    assert!(
        overdue_first_contacts(&m, Some(id(3)), at(2026, 12, 5, 9, 0)).is_empty(),
        "due, not yet overdue"
    );
    assert_eq!(
        overdue_first_contacts(&m, Some(id(3)), at(2026, 12, 5, 9, 1)),
        vec![id(10)]
    );
    assert!(
        overdue_first_contacts(&m, Some(id(4)), at(2026, 12, 6, 0, 0)).is_empty(),
        "only the specialist's own"
    );
    // A contact after assignment clears it.
    let k = Contact {
        id: id(90),
        customer: Some(id(10)),
        owner: id(3),
        received_at: at(2026, 12, 1, 12, 0),
        audit: Audit::new(id(3), now()),
        ..Contact::default()
    };
    put(&mut m, &k);
    assert!(overdue_first_contacts(&m, Some(id(3)), at(2026, 12, 9, 0, 0)).is_empty());
}

#[test]
fn r_cus_03_duplicates_are_flagged_by_normalised_phone_or_email() {
    let mut m = team();
    let mut c = customer(10, "José Pérez");
    c.phones = vec!["+34 600 111 222".into()];
    c.email = "jose@tienda.es".into();
    put(&mut m, &c);
    let by_phone = CustomerDraft {
        name: "Pepe".into(),
        phones: "600-111-222".into(),
        ..CustomerDraft::default()
    };
    assert_eq!(find_duplicates(&m, &by_phone, None), vec![id(10)]);
    let by_email = CustomerDraft {
        name: "Pepe".into(),
        email: " JOSE@Tienda.es ".into(),
        ..CustomerDraft::default()
    };
    assert_eq!(find_duplicates(&m, &by_email, None), vec![id(10)]);
    assert!(
        find_duplicates(&m, &by_email, Some(id(10))).is_empty(),
        "editing itself is no duplicate"
    );
    let other = CustomerDraft {
        name: "Pepe".into(),
        phones: "600 111 223".into(),
        ..CustomerDraft::default()
    };
    assert!(find_duplicates(&m, &other, None).is_empty());
}

#[test]
fn r_cus_03_merge_keeps_every_contact_of_both() {
    let mut m = team();
    let mut keep = customer(10, "José Pérez");
    keep.phones = vec!["600111222".into()];
    let mut drop = customer(11, "Jose Perez");
    drop.phones = vec!["600 111 222".into(), "911 000 000".into()];
    drop.email = "jose@x.es".into();
    drop.tags = vec!["vip".into()];
    put(&mut m, &keep);
    put(&mut m, &drop);
    for (n, c) in [(20, 10), (21, 11), (22, 11)] {
        put(
            &mut m,
            &Contact {
                id: id(n),
                customer: Some(id(c)),
                owner: id(3),
                received_at: now() - Duration::days(n as i64),
                ..Contact::default()
            },
        );
    }
    let refused = merge_customers(&m, &person(&m, 3), id(10), id(11), now()).unwrap_err();
    assert!(matches!(
        refused,
        RuleError::NotAllowed {
            needs: Role::TeamLeader,
            ..
        }
    ));
    assert_eq!(
        merge_customers(&m, &person(&m, 2), id(10), id(10), now()).unwrap_err(),
        RuleError::MergeWithItself
    );

    let writes = merge_customers(&m, &person(&m, 2), id(10), id(11), now()).unwrap();
    // Apply the writes the way the store would, then look again.
    let mut state = ventanilla::sync::State::default();
    for (kind, map) in [
        ("customer", vec![id(10), id(11)]),
        ("contact", vec![id(20), id(21), id(22)]),
    ] {
        for rid in map {
            let json = match kind {
                "customer" => serde_json::to_value(m.customers.get(&rid).unwrap()).unwrap(),
                _ => serde_json::to_value(m.contacts.get(&rid).unwrap()).unwrap(),
            };
            let writes: Vec<_> = json
                .as_object()
                .unwrap()
                .iter()
                .map(|(f, v)| ventanilla::sync::Write {
                    kind: kind.into(),
                    id: rid,
                    field: f.clone(),
                    value: v.clone(),
                })
                .collect();
            let mut r = ventanilla::sync::Replica::new(ventanilla::sync::DeviceId(1));
            let (a, _) = r.commit(writes, 1);
            state.apply(&a.ops);
        }
    }
    let mut r = ventanilla::sync::Replica::new(ventanilla::sync::DeviceId(2));
    r.state = state;
    r.commit(writes, 10);
    let mut after = ventanilla::domain::Model::default();
    for (kind, rid, e) in r.state.iter() {
        after.refresh(kind, rid, Some(&e.to_json()));
    }
    assert!(
        !after.customers.contains_key(&id(11)),
        "the duplicate is gone from lists"
    );
    let kept = &after.customers[&id(10)];
    assert_eq!(
        kept.phones.len(),
        2,
        "phones united without repeating the same number: {:?}",
        kept.phones
    );
    assert_eq!(kept.email, "jose@x.es");
    assert_eq!(kept.tags, vec!["vip".to_string()]);
    let timeline: Vec<_> = after.contacts_of(id(10)).iter().map(|c| c.id).collect();
    assert_eq!(
        timeline,
        vec![id(20), id(21), id(22)],
        "every contact of both, newest first"
    );
    assert!(
        r.state.get("customer", id(11)).unwrap().is_deleted(),
        "tombstoned, not erased"
    );
}

fn indexed(names: &[(&str, &str, &str, &str, &str)]) -> SearchIndex {
    let mut m = team();
    for (i, (name, phone, email, card, tags)) in names.iter().enumerate() {
        let mut c = customer(100 + i as u128, name);
        c.phones = vec![phone.to_string()];
        c.email = email.to_string();
        c.card_number = card.to_string();
        c.tags = tags
            .split(',')
            .filter(|t| !t.is_empty())
            .map(|t| t.to_string())
            .collect();
        put(&mut m, &c);
    }
    SearchIndex::build(&m)
}

#[test]
fn r_cus_04_search_ignores_accents_and_case_and_matches_any_name_part() {
    let idx = indexed(&[
        (
            "José Pérez Núñez",
            "600 111 222",
            "jose@x.es",
            "SOC-1",
            "socios",
        ),
        ("Ana López", "611 000 000", "", "", ""),
    ]);
    for q in ["perez", "PÉREZ", "jose nunez", "núñez", "Pér"] {
        assert_eq!(idx.search(q, 10), vec![id(100)], "query {q:?}");
    }
    assert_eq!(idx.search("lopez ana", 10), vec![id(101)]);
    assert!(
        idx.search("perez ana", 10).is_empty(),
        "every word must match"
    );
}

#[test]
fn r_cus_04_search_by_phone_digits_email_card_and_tag() {
    let idx = indexed(&[
        (
            "José Pérez",
            "+34 600 111 222",
            "jose@tienda.es",
            "SOC-0042",
            "socios,vip",
        ),
        ("Ana López", "611 000 000", "ana@x.es", "", ""),
    ]);
    assert_eq!(idx.search("600111", 10), vec![id(100)]);
    assert_eq!(idx.search("600-111-222", 10), vec![id(100)]);
    assert_eq!(idx.search("tienda.es", 10), vec![id(100)]);
    assert_eq!(idx.search("soc-0042", 10), vec![id(100)]);
    assert_eq!(idx.search("vip", 10), vec![id(100)]);
    assert_eq!(idx.search("", 10).len(), 2, "empty query lists everyone");
    assert_eq!(idx.search("", 10), vec![id(101), id(100)], "in name order");
}

#[test]
fn r_cus_04_search_over_20000_customers_finds_a_name_and_a_phone_together() {
    let mut m = team();
    for i in 0..20_000u128 {
        let mut c = customer(1000 + i, &format!("Cliente {i} Pérez"));
        c.phones = vec![format!("600{i:06}")];
        put(&mut m, &c);
    }
    let idx = SearchIndex::build(&m);
    let hits = idx.search("perez 1234", 50);
    assert!(!hits.is_empty());
    // Speed is not a test's business on a shared machine: `scripts/bench`
    // prints the search figures (benches/native.rs, benches/browser.mjs).
}

#[test]
fn r_cus_04_a_batch_update_of_the_index_equals_one_update_at_a_time() {
    let mut m = team();
    for i in 0..300u128 {
        put(&mut m, &customer(1000 + i, &format!("Cliente {i}")));
    }
    let (mut one_by_one, mut batched) = (SearchIndex::build(&m), SearchIndex::build(&m));
    // Renames, removals and new customers, 200 of them (the batch path).
    let mut changes = Vec::new();
    for i in 0..200u128 {
        let mut c = customer(1000 + i * 2, &format!("Zeta {i}"));
        if i % 5 == 0 {
            c.id = id(5000 + i);
        }
        changes.push((c.id, (i % 7 != 0).then_some(c)));
    }
    for (cid, c) in &changes {
        one_by_one.update(*cid, c.as_ref());
    }
    batched.update_many(changes.iter().map(|(cid, c)| (*cid, c.as_ref())));
    for q in ["", "zeta", "cliente 1", "zeta 15"] {
        assert_eq!(
            batched.search(q, 1000),
            one_by_one.search(q, 1000),
            "query {q:?}"
        );
    }
}

#[test]
fn bad_input_is_refused_field_by_field_and_never_panics() {
    let m = team();
    let draft = CustomerDraft {
        name: "   ".into(),
        phones: "12".into(),
        email: "not-an-email".into(),
        birthday: "2099-01-01".into(),
        card_expiry: "31/12/2026".into(),
        quiet_hours: "25:00-26:00".into(),
        ..CustomerDraft::default()
    };
    let errors = save_customer(&m, &person(&m, 3), None, draft, id(9), now()).unwrap_err();
    let fields: Vec<_> = errors.iter().filter_map(|e| e.field()).collect();
    assert_eq!(
        fields,
        vec![
            "name",
            "phones",
            "email",
            "birthday",
            "card_expiry",
            "quiet_hours"
        ]
    );
    for e in &errors {
        assert!(!e.message(ventanilla::domain::Lang::Es).is_empty());
        assert!(!e.message(ventanilla::domain::Lang::En).is_empty());
    }
}

#[test]
fn quiet_hours_default_and_parse_across_midnight() {
    assert_eq!(parse_quiet_hours("").unwrap(), default_quiet_hours());
    assert_eq!(
        parse_quiet_hours("22:00-8:30").unwrap(),
        vec![("22:00".to_string(), "08:30".to_string())]
    );
    assert!(parse_quiet_hours("12-14").is_err());
}

#[test]
fn r_cus_03_merge_writes_conflicting_details_into_notes_and_keeps_the_assignment() {
    let mut m = team();
    let mut keep = customer(10, "José Pérez");
    keep.email = "jose@casa.es".into();
    keep.card_number = "SOC-1".into();
    keep.tags = vec!["socios".into()];
    let mut drop = customer(11, "Pepe Pérez");
    drop.email = "pepe@trabajo.es".into();
    drop.card_number = "SOC-2".into();
    drop.tags = vec!["Socios".into(), "empresas".into()];
    drop.specialist = Some(id(4));
    drop.assigned_at = Some(now());
    put(&mut m, &keep);
    put(&mut m, &drop);
    let writes = merge_customers(&m, &person(&m, 2), id(10), id(11), now()).unwrap();
    let field = |rid, f: &str| {
        writes
            .iter()
            .find(|w| w.id == rid && w.field == f)
            .map(|w| w.value.clone())
    };
    let notes = field(id(10), "notes").expect("notes written");
    let notes = notes.as_str().unwrap();
    assert!(
        notes.contains("pepe@trabajo.es") && notes.contains("SOC-2"),
        "{notes}"
    );
    assert_eq!(
        field(id(10), "tags"),
        Some(serde_json::json!(["socios", "empresas"]))
    );
    assert_eq!(field(id(10), "specialist"), Some(serde_json::json!(id(4))));
    assert_eq!(
        field(id(11), "merged_into"),
        Some(serde_json::json!(id(10)))
    );
    assert_eq!(field(id(11), "deleted"), Some(serde_json::json!(true)));
    assert_eq!(
        merge_customers(&m, &person(&m, 2), id(10), id(404), now()).unwrap_err(),
        RuleError::NotFound { what: "customer" }
    );
}

#[test]
fn r_cus_04_short_numbers_match_cards_and_names_not_every_phone() {
    let idx = indexed(&[
        ("Ana López", "600 421 000", "", "", ""),
        ("Luis Mora", "611 000 000", "", "SOC-0042", ""),
    ]);
    assert_eq!(
        idx.search("42", 10),
        vec![id(101)],
        "two digits: card, not phone"
    );
    assert_eq!(
        idx.search("421", 10),
        vec![id(100)],
        "three digits: phones too"
    );
    assert_eq!(idx.search("#", 10).len(), 0, "no tags, no '#' matches");
}

#[test]
fn r_cus_04_typical_queries_over_20000_accented_customers_find_them() {
    let mut m = team();
    let first = [
        "José", "María", "Íñigo", "Begoña", "Raúl", "Lucía", "Óscar", "Nuria",
    ];
    let last = [
        "Pérez", "Núñez", "Ibáñez", "García", "Sáez", "Muñoz", "Álvarez", "Peña",
    ];
    for i in 0..20_000u128 {
        let n = i as usize;
        let name = format!(
            "{} {} {}",
            first[n % 8],
            last[(n / 8) % 8],
            last[(n / 64) % 8]
        );
        let mut c = customer(1000 + i, &name);
        c.phones = vec![format!(
            "6{:02} {:03} {:03}",
            n % 97,
            n % 1000,
            (n * 7) % 1000
        )];
        c.email = format!("cliente{n}@correo.example");
        c.card_number = format!("SOC-{:06}", n);
        c.tags = vec![["socios", "vip", "empresas"][n % 3].into()];
        put(&mut m, &c);
    }
    let idx = SearchIndex::build(&m);
    let queries = [
        "perez",
        "nunez garcia",
        "jose",
        "600",
        "612 345",
        "correo",
        "soc-0123",
        "vip",
        "zzz",
        "ma",
    ];
    for q in queries {
        let hits = idx.search(q, 50);
        assert_eq!(hits.is_empty(), q == "zzz", "{q}");
        assert!(hits.len() <= 50, "{q}: the limit holds");
    }
}

#[test]
fn tags_are_folded_and_deduplicated_in_order() {
    let m = team();
    let draft = CustomerDraft {
        name: "Ana".into(),
        tags: "VIP, sofás, vip, Sofas, , empresas".into(),
        ..CustomerDraft::default()
    };
    let c = save_customer(&m, &person(&m, 3), None, draft, id(9), now()).unwrap();
    assert_eq!(c.tags, vec!["vip", "sofas", "empresas"]);
}

#[test]
fn quiet_hours_default_and_cross_midnight() {
    use chrono::NaiveTime;
    let t = |h, m| NaiveTime::from_hms_opt(h, m, 0).unwrap();
    // An old record with no quiet hours field reads as the defaults.
    let c: Customer =
        ventanilla::domain::base::record::from_json(id(5), &serde_json::json!({"name": "Ana"}))
            .unwrap();
    assert_eq!(c.quiet_hours, default_quiet_hours());
    for (time, quiet) in [
        (t(12, 0), true),
        (t(13, 59), true),
        (t(14, 0), false),
        (t(20, 59), false),
        (t(21, 0), true),
        (t(3, 0), true),
        (t(9, 0), false),
        (t(10, 30), false),
    ] {
        assert_eq!(c.is_quiet_at(time), quiet, "{time}");
    }
    let mut own = c.clone();
    own.quiet_hours = parse_quiet_hours("15:00-16:00").unwrap();
    assert!(own.is_quiet_at(t(15, 30)) && !own.is_quiet_at(t(12, 30)));
}

#[test]
fn absurd_dates_and_bad_emails_are_refused() {
    for (birthday, expiry) in [
        ("1850-01-01", ""),
        ("2026-02-30", ""),
        ("", "3000-01-01"),
        ("ayer", ""),
    ] {
        let draft = CustomerDraft {
            name: "Ana".into(),
            birthday: birthday.into(),
            card_expiry: expiry.into(),
            ..CustomerDraft::default()
        };
        let errors = validate_draft(&draft, now()).unwrap_err();
        assert_eq!(errors.len(), 1, "{birthday} {expiry}: {errors:?}");
        assert!(matches!(errors[0], RuleError::InvalidDate { .. }));
    }
    for email in ["ana@", "ana en casa@x.es", "@x.es", "ana@x"] {
        let draft = CustomerDraft {
            name: "Ana".into(),
            email: email.into(),
            ..CustomerDraft::default()
        };
        assert_eq!(
            validate_draft(&draft, now()).unwrap_err(),
            vec![RuleError::InvalidEmail { field: "email" }],
            "{email}"
        );
    }
    let ok = CustomerDraft {
        name: " Ana ".into(),
        email: " Ana@Tienda.ES ".into(),
        birthday: "1980-02-29".into(),
        ..CustomerDraft::default()
    };
    let c = validate_draft(&ok, now()).unwrap();
    assert_eq!(
        (c.name.as_str(), c.email.as_str()),
        ("Ana", "ana@tienda.es")
    );
}

#[test]
fn r_cus_04_updating_one_row_gives_the_same_index_as_a_rebuild() {
    let mut m = team();
    for (n, name) in [(10, "Zoe Núñez"), (11, "Ana López"), (12, "Marta Gil")] {
        put(&mut m, &customer(n, name));
    }
    let mut idx = SearchIndex::build(&m);
    // Rename one (it moves in name order), add one, remove one.
    let mut renamed = customer(12, "Beatriz Gil");
    renamed.phones = vec!["600 123 456".into()];
    put(&mut m, &renamed);
    idx.update(id(12), m.customers.get(&id(12)));
    put(&mut m, &customer(13, "Álvaro Ruiz"));
    idx.update(id(13), m.customers.get(&id(13)));
    m.customers.remove(&id(10));
    idx.update(id(10), None);
    assert_eq!(idx, SearchIndex::build(&m));
    assert_eq!(idx.search("", 10), vec![id(13), id(11), id(12)]);
    assert_eq!(idx.search("600123", 10), vec![id(12)]);
}
