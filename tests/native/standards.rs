//! R-STD-01: the departments the organisation keeps (free-text ones
//! adopted, nothing lost), and standards: who may set them, their bounds,
//! and their versions (a past period keeps the version it had).

use crate::common::*;
use crate::dept_common::{d, madrid};
use crate::standards_common::*;
use chrono::Duration;
use ventanilla::domain::staff::{Action, Role};
use ventanilla::domain::standards::{
    self, act, department_candidates, Metric, PeriodKind, StandardDraft,
};
use ventanilla::domain::{Model, RuleError};

#[test]
fn r_std_01_departments_are_kept_by_a_department_director_or_higher_under_unique_names() {
    let mut m = std_world();
    for n in [REP, LEADER] {
        let (e, rule) = refused(act::add_department(&m, &person(&m, n), "Almacén", now()));
        assert_eq!(
            e,
            RuleError::NotAllowed {
                action: Action::SetStandards,
                needs: Role::DepartmentDirector
            }
        );
        assert_eq!(rule, Some("R-ROL-02"));
    }
    let almacen = add_dept(&mut m, "  Almacén ");
    assert_eq!(m.standards.departments[&almacen].name, "Almacén");
    assert!(m.standards.departments[&almacen].active);
    // The same name, folded, is taken; so is an empty one.
    for name in ["almacen", "ALMACÉN"] {
        let (e, rule) = refused(act::add_department(&m, &person(&m, CENTER), name, now()));
        assert_eq!(
            e,
            RuleError::Duplicate {
                field: "std_department_name"
            }
        );
        assert_eq!(rule, Some("R-STD-01"));
    }
    let (e, _) = refused(act::add_department(&m, &person(&m, CENTER), "  ", now()));
    assert_eq!(
        e,
        RuleError::Required {
            field: "std_department_name"
        }
    );
    let (e, _) = refused(act::add_department(
        &m,
        &person(&m, CENTER),
        &"x".repeat(121),
        now(),
    ));
    assert_eq!(
        e,
        RuleError::TooLong {
            field: "std_department_name",
            max: 120
        }
    );
    // Renamed, its old name stays one of its spellings and cannot be reused.
    let boss = person(&m, DIRECTOR);
    let w = act::rename_department(&m, &boss, almacen, "Logística", now()).expect("renamed");
    keep(w, &mut m);
    let dept = &m.standards.departments[&almacen];
    assert_eq!(
        (dept.name.as_str(), dept.aliases.clone()),
        ("Logística", vec!["Almacén".to_string()])
    );
    let (e, _) = refused(act::add_department(&m, &boss, "Almacen", now()));
    assert_eq!(
        e,
        RuleError::Duplicate {
            field: "std_department_name"
        }
    );
    // Made inactive, it keeps its history and takes no new standard.
    let w = act::set_department_active(&m, &boss, almacen, false, now()).expect("inactive");
    keep(w, &mut m);
    let draft = StandardDraft {
        department: almacen,
        metric: Metric::Resolution,
        threshold: 60,
        target: 90,
        period: PeriodKind::Month,
        from: d(2026, 11, 1),
        active: true,
    };
    let (e, rule) = refused(act::set_standard(&m, &boss, &draft, id(50), now()));
    assert_eq!(
        (e, rule),
        (
            RuleError::OutOfRange {
                field: "std_department"
            },
            Some("R-STD-01")
        )
    );
}

#[test]
fn r_std_01_free_text_departments_are_offered_for_adoption_and_nothing_is_lost() {
    let mut m = std_world();
    let t = |h| nov(10, h, 0);
    put(
        &mut m,
        &contact(30, t(9), vec![to_dept("Almacén", t(10), None)], None),
    );
    put(
        &mut m,
        &contact(31, t(9), vec![to_dept(" almacen", t(10), None)], None),
    );
    put(
        &mut m,
        &contact(
            32,
            t(9),
            vec![
                to_dept("Reparto", t(10), None),
                to_dept("Almacén", t(11), None),
            ],
            None,
        ),
    );
    complaint(&mut m, 60, t(8), &[("Servicio técnico", t(9))], None);
    complaint(&mut m, 61, t(8), &[("Almacén", t(9))], None);
    let c = department_candidates(&m);
    let names: Vec<(&str, usize, usize)> = c
        .iter()
        .map(|c| (c.name.as_str(), c.contacts, c.complaints))
        .collect();
    assert_eq!(
        names,
        vec![
            ("Almacén", 3, 1),
            ("Reparto", 1, 0),
            ("Servicio técnico", 0, 1)
        ],
        "grouped by folded text, most used first, the commonest spelling named"
    );
    assert_eq!(
        c[0].spellings,
        vec!["Almacén".to_string(), "almacen".to_string()]
    );
    // Adopted as a new department: its id is the one the name derives.
    let boss = person(&m, DIRECTOR);
    let w = act::adopt(&m, &boss, "Almacén", None, now()).expect("adopted");
    let almacen = w[0].id;
    assert_eq!(almacen, standards::department_id(&m, "almacen"));
    keep(w, &mut m);
    // "Reparto" adopted as another spelling of it.
    let w = act::adopt(&m, &boss, "Reparto", Some(almacen), now()).expect("adopted into");
    keep(w, &mut m);
    let left: Vec<String> = department_candidates(&m)
        .into_iter()
        .map(|c| c.name)
        .collect();
    assert_eq!(left, vec!["Servicio técnico".to_string()]);
    let (e, rule) = refused(act::adopt(&m, &boss, "reparto", Some(almacen), now()));
    assert_eq!(
        (e, rule),
        (
            RuleError::Duplicate {
                field: "std_department_name"
            },
            Some("R-STD-01")
        )
    );
    let (e, _) = refused(act::adopt(&m, &boss, "Nuevo", Some(id(999)), now()));
    assert_eq!(
        e,
        RuleError::NotFound {
            what: "std_department"
        }
    );
    // No stored record was rewritten: the free text is as it was typed.
    assert_eq!(
        m.contacts[&id(31)].forwarded[0].to_department.as_deref(),
        Some(" almacen")
    );
    // Every case now counts for the department it was adopted into.
    let facts = standards::gather(&m, now());
    let f = &facts.departments[&almacen];
    let mut held: Vec<u128> = f.resolution.iter().map(|c| c.record.0).collect();
    held.sort();
    assert_eq!(
        held,
        vec![30, 31, 32, 61],
        "contact 32 once: its two holdings sum"
    );
    assert_eq!(f.first_response.len(), 4, "one per forward");
}

fn draft(
    dept: ventanilla::sync::RecordId,
    metric: Metric,
    threshold: u32,
    target: u32,
) -> StandardDraft {
    StandardDraft {
        department: dept,
        metric,
        threshold,
        target,
        period: PeriodKind::Month,
        from: d(2026, 11, 1),
        active: true,
    }
}

#[test]
fn r_std_01_a_standard_is_set_by_a_department_director_or_higher_within_bounds() {
    let mut m = std_world();
    let dept = add_dept(&mut m, "Almacén");
    let ok = draft(dept, Metric::FirstResponse, 240, 90);
    for n in [REP, LEADER] {
        let (_, rule) = refused(act::set_standard(&m, &person(&m, n), &ok, id(50), now()));
        assert_eq!(rule, Some("R-ROL-02"));
    }
    let boss = person(&m, DIRECTOR);
    let cases: Vec<(StandardDraft, RuleError)> = vec![
        (
            draft(dept, Metric::FirstResponse, 0, 90),
            RuleError::OutOfRange {
                field: "std_threshold",
            },
        ),
        (
            draft(dept, Metric::Resolution, 366 * 24 * 60 + 1, 90),
            RuleError::OutOfRange {
                field: "std_threshold",
            },
        ),
        (
            draft(dept, Metric::Resolution, 60, 0),
            RuleError::OutOfRange {
                field: "std_target",
            },
        ),
        (
            draft(dept, Metric::Resolution, 60, 101),
            RuleError::OutOfRange {
                field: "std_target",
            },
        ),
        (
            draft(dept, Metric::SatisfactionRate, 1001, 0),
            RuleError::OutOfRange {
                field: "std_threshold",
            },
        ),
        (
            StandardDraft {
                from: d(2026, 11, 2),
                ..ok.clone()
            },
            RuleError::InvalidDate { field: "std_from" },
        ),
        (
            StandardDraft {
                from: d(2026, 10, 1),
                ..ok.clone()
            },
            RuleError::InvalidDate { field: "std_from" },
        ),
        (
            StandardDraft {
                period: PeriodKind::Week,
                from: d(2026, 11, 17),
                ..ok.clone()
            },
            RuleError::InvalidDate { field: "std_from" },
        ),
        (
            StandardDraft {
                department: id(999),
                ..ok.clone()
            },
            RuleError::NotFound {
                what: "std_department",
            },
        ),
    ];
    for (bad, expected) in cases {
        let (e, rule) = refused(act::set_standard(&m, &boss, &bad, id(50), now()));
        assert_eq!(e, expected, "{bad:?}");
        assert_eq!(rule, Some("R-STD-01"), "{bad:?}");
    }
    // A week from this Monday, a month from the 1st of this one or later.
    let week = StandardDraft {
        period: PeriodKind::Week,
        from: d(2026, 11, 16),
        ..ok.clone()
    };
    assert!(act::set_standard(&m, &boss, &week, id(51), now()).is_ok());
    // A rate's threshold is its target: the compliance target is not kept.
    let rate = draft(dept, Metric::ComplaintRate, 15, 80);
    keep(
        act::set_standard(&m, &boss, &rate, id(52), now()).expect("rate set"),
        &mut m,
    );
    let s = &m.standards.standards[&id(52)];
    assert_eq!((s.threshold, s.target), (15, 0));
    // Who set it and when.
    assert_eq!(
        (s.audit.created_by, s.audit.created_at),
        (id(DIRECTOR), now())
    );
    assert_eq!(standards::goal(s), 15);
}

#[test]
fn r_std_01_a_new_version_applies_from_its_start_and_past_periods_keep_theirs() {
    let mut m = std_world();
    let dept = add_dept(&mut m, "Almacén");
    let boss = person(&m, DIRECTOR);
    let set = |m: &mut Model, n: u128, from, threshold, active, at| {
        let s = StandardDraft {
            from,
            active,
            ..draft(dept, Metric::Resolution, threshold, 50)
        };
        let w = act::set_standard(m, &boss, &s, id(n), at).expect("version set");
        keep(w, m);
    };
    set(
        &mut m,
        50,
        d(2026, 10, 1),
        60,
        true,
        madrid(2026, 10, 3, 9, 0),
    );
    set(&mut m, 51, d(2026, 12, 1), 120, true, now());
    // Two set apart for the same start: the one set last counts.
    set(&mut m, 52, d(2027, 1, 1), 30, true, now());
    set(
        &mut m,
        53,
        d(2027, 1, 1),
        45,
        true,
        now() + Duration::minutes(1),
    );
    set(&mut m, 54, d(2027, 3, 1), 45, false, now());
    let judged = |day| {
        standards::judged_period(&m, dept, Metric::Resolution, day).map(|(p, s)| (p.first, s.id))
    };
    assert_eq!(judged(d(2026, 9, 30)), None, "before its first version");
    assert_eq!(judged(d(2026, 10, 15)), Some((d(2026, 10, 1), id(50))));
    assert_eq!(
        judged(d(2026, 11, 30)),
        Some((d(2026, 11, 1), id(50))),
        "set in November, from December"
    );
    assert_eq!(judged(d(2026, 12, 1)), Some((d(2026, 12, 1), id(51))));
    assert_eq!(judged(d(2027, 1, 20)), Some((d(2027, 1, 1), id(53))));
    assert_eq!(judged(d(2027, 3, 2)), None, "stopped from March");
    assert_eq!(standards::versions(&m, dept, Metric::Resolution).len(), 5);
    // A contact held 90 minutes in November misses November's 60 minutes,
    // and is within December's 120.
    let t = |day, h, min| madrid(2026, 11, day, h, min);
    put(
        &mut m,
        &contact(
            30,
            t(20, 9, 0),
            vec![to_dept("Almacén", t(20, 10, 0), None)],
            Some(t(20, 11, 30)),
        ),
    );
    let dec = madrid(2026, 12, 20, 10, 0);
    put(
        &mut m,
        &contact(
            31,
            dec,
            vec![to_dept("Almacén", dec, None)],
            Some(dec + Duration::minutes(90)),
        ),
    );
    let nov = standards::compliance(&m, dept, Metric::Resolution, d(2026, 11, 20), now())
        .expect("judged");
    assert_eq!(
        (nov.standard, nov.numerator, nov.denominator, nov.goal),
        (id(50), 0, 1, 500)
    );
    assert_eq!(nov.missed, vec![id(30)]);
    let later = madrid(2026, 12, 31, 10, 0);
    let december = standards::compliance(&m, dept, Metric::Resolution, d(2026, 12, 20), later)
        .expect("judged");
    assert_eq!(
        (december.standard, december.numerator, december.denominator),
        (id(51), 1, 1)
    );
    assert!(december.missed.is_empty());
}

#[test]
fn r_std_01_refusals_name_their_rule_and_have_words() {
    use ventanilla::domain::Lang;
    use ventanilla::ui::words::refusal;
    for e in [
        RuleError::OutOfRange {
            field: "std_threshold",
        },
        RuleError::InvalidDate { field: "std_from" },
        RuleError::Required {
            field: "std_evidence",
        },
        RuleError::NotFound { what: "std_action" },
        RuleError::Required {
            field: "std_held_by",
        },
        RuleError::EndBeforeStart {
            field: "std_action_due",
        },
    ] {
        assert!(e.rule().is_some_and(|r| r.starts_with("R-STD-")), "{e:?}");
        for lang in [Lang::Es, Lang::En] {
            let words = refusal(lang, &e);
            assert!(
                !words.starts_with("Campo") && !words.starts_with("Field"),
                "{words}"
            );
        }
    }
}
