//! No internals on screen: the rules handbook the refusals link to, rule
//! ids only where they help (refusals), devices by their names, conflict
//! values in the form's words, and a swap's agreements by name.

use crate::common::*;
use crate::dept_common::*;
use crate::hostile::{bundle, op, DEVICE, NOW_MS};
use crate::words::every_refusal;
use chrono::{TimeZone, Utc};
use serde_json::{json, Value};
use std::collections::BTreeSet;
use ventanilla::domain::base::limits::MAX_NAME;
use ventanilla::domain::base::zone::Zone;
use ventanilla::domain::dept::records::Decision;
use ventanilla::domain::dept::swap::{decide_swap, request_swap};
use ventanilla::domain::dept::swap_status::{agreements, Party};
use ventanilla::domain::schema::RecordSchema;
use ventanilla::domain::staff::{act, device};
use ventanilla::domain::{Lang, Model, RuleError, KNOWN_KINDS};
use ventanilla::sync::bundle::{decode, parse};
use ventanilla::sync::{DeviceId, Op, RecordId, Stamp, State};
use ventanilla::ui::words::agreement::{agreement_words, PartyNames, Reader};
use ventanilla::ui::words::handbook::{
    blocks, cited, document, has_rule, inline, rule_ids, rule_spans, Block, Span, RULE_IDS,
};
use ventanilla::ui::words::values::{
    device_words, field_words, kind_words, value_words, Shown, MAX_CHARS,
};
use ventanilla::ui::words::{refusal, t, ALL_KEYS};

const LANGS: [Lang; 2] = [Lang::Es, Lang::En];

// ---------------------------------------------------------------- handbook

#[test]
fn every_rule_id_a_refusal_cites_has_its_anchor_in_both_handbooks() {
    let mut seen = BTreeSet::new();
    for e in every_refusal() {
        for lang in LANGS {
            let text = refusal(lang, &e);
            for id in cited(&text) {
                assert!(
                    rule_ids(document(lang)).contains(&id) && has_rule(id),
                    "{e:?} cites {id}, which the {lang:?} handbook lacks"
                );
                seen.insert(id.to_string());
            }
        }
        // The domain's own rule for a refusal is one the handbook holds.
        if let Some(id) = e.rule() {
            assert!(has_rule(id), "{e:?} belongs to {id}, not in the handbook");
        }
    }
    for id in ["R-LV-03", "R-SW-02", "R-CMP-01", "R-RV-01", "R-ESC-01"] {
        assert!(seen.contains(id), "no refusal cites {id}: {seen:?}");
    }
}

#[test]
fn the_handbook_is_the_rules_docs_with_one_anchor_per_rule_in_the_same_order() {
    let (es, en) = (rule_ids(document(Lang::Es)), rule_ids(document(Lang::En)));
    assert_eq!(es, en);
    // The list links are checked against, kept without the documents.
    assert_eq!(en, RULE_IDS, "RULE_IDS is not the handbook's headings");
    assert!(en.len() > 50, "only {} rules", en.len());
    assert_eq!(
        en.iter().collect::<BTreeSet<_>>().len(),
        en.len(),
        "an id twice"
    );
    for lang in LANGS {
        let doc = blocks(document(lang));
        assert!(
            matches!(doc[0], Block::Title(_)),
            "{lang:?} starts with its title"
        );
        let ids_in_text: BTreeSet<&str> = cited(document(lang)).into_iter().collect();
        let headings: BTreeSet<&str> = rule_ids(document(lang)).into_iter().collect();
        assert!(
            ids_in_text.is_subset(&headings),
            "{lang:?}: a rule cited without heading"
        );
        // Every rule has its text under it, and items are items.
        let mut last_rule = None;
        for b in &doc {
            match b {
                Block::Rule { id, title } => {
                    assert!(!title.is_empty(), "{id} has a title");
                    last_rule = Some(*id);
                }
                Block::Paragraph(p) | Block::Item(p) => {
                    assert!(!p.starts_with('#') && !p.starts_with("- "), "{p}")
                }
                _ => {}
            }
        }
        assert!(last_rule.is_some());
    }
    let r_lv_03 = blocks(document(Lang::En))
        .into_iter()
        .find(|b| matches!(b, Block::Rule { id: "R-LV-03", .. }));
    assert_eq!(
        r_lv_03,
        Some(Block::Rule {
            id: "R-LV-03",
            title: "Who approves, with no level skipped"
        })
    );
}

#[test]
fn rule_ids_are_found_in_text_and_nothing_else_is() {
    assert_eq!(
        rule_spans("lo aprueba X (R-LV-03: un día)."),
        vec![
            Span::Text("lo aprueba X ("),
            Span::Rule("R-LV-03"),
            Span::Text(": un día).")
        ]
    );
    assert_eq!(
        cited("R-SW-01..05 and R-OPS-04."),
        vec!["R-SW-01", "R-OPS-04"]
    );
    for not_one in [
        "XR-LV-03", "R-L-03", "R-LV-", "R-LV-03a", "R-lv-03", "R-", "-R-LV-03",
    ] {
        assert!(cited(not_one).is_empty(), "{not_one}");
    }
    assert_eq!(cited("«R-LV-03»"), vec!["R-LV-03"]);
    assert_eq!(
        inline("**Bold** then R-CUS-02 and **"),
        vec![
            Span::Bold("Bold"),
            Span::Text(" then "),
            Span::Rule("R-CUS-02"),
            Span::Text(" and **")
        ]
    );
    // (Built, so the scan of cited ids in `rules_doc` does not see it.)
    assert!(!has_rule(&format!("R-{}-99", "ZZ")));
}

#[test]
fn outside_refusals_no_word_on_screen_cites_a_rule_id() {
    for lang in LANGS {
        for key in ALL_KEYS {
            let text = t(lang, *key);
            assert!(
                cited(text).is_empty(),
                "{key:?} ({lang:?}) cites a rule: {text}"
            );
        }
    }
}

// ---------------------------------------------------------------- devices

const TABLET: DeviceId = DeviceId(0x0123_4567_89ab_cdef);

fn named(m: &mut Model, name: &str) -> Result<(), RuleError> {
    let writes = act::name_device(m, &person(m, 3), TABLET, name, now())?;
    let mut state = State::default();
    let ops: Vec<Op> = writes
        .iter()
        .map(|w| Op {
            stamp: Stamp {
                ms: 1,
                counter: 0,
                device: TABLET,
            },
            kind: w.kind.clone(),
            id: w.id,
            field: w.field.clone(),
            value: w.value.clone(),
            p: None,
        })
        .collect();
    for k in state.apply(ops.iter()) {
        m.refresh(
            &k.kind,
            k.id,
            state.get(&k.kind, k.id).map(|e| e.to_json()).as_ref(),
        );
    }
    Ok(())
}

#[test]
fn a_device_is_named_with_the_typed_text_limits_and_its_record_is_its_own() {
    let mut m = team();
    assert_eq!(device::name_of(&m, TABLET), None);
    named(&mut m, "  Tablet mostrador ").unwrap();
    assert_eq!(device::name_of(&m, TABLET), Some("Tablet mostrador"));
    let rec = device::record_id(TABLET);
    assert_eq!(device::device_of(rec), Some(TABLET));
    assert_eq!(device::device_of(RecordId(u128::MAX)), None);
    assert_eq!(m.devices[&rec].audit.created_by, id(3));
    assert_eq!(device::file_label(&m, TABLET), "tablet-mostrador");
    assert_eq!(device::file_label(&m, DEVICE), DEVICE.to_string());
    // Renamed; the same name again writes nothing.
    named(&mut m, "Caja 2").unwrap();
    assert_eq!(device::name_of(&m, TABLET), Some("Caja 2"));
    named(&mut m, "¡Caja Nº 2 — Mostrador/Éxito!").unwrap();
    assert_eq!(device::file_label(&m, TABLET), "caja-n-2-mostrador-exito");
    named(&mut m, "Caja 2").unwrap();
    let again = act::name_device(&m, &person(&m, 3), TABLET, "Caja 2", now()).unwrap();
    assert!(again.is_empty());
    assert_eq!(
        named(&mut m, "   "),
        Err(RuleError::Required { field: "name" })
    );
    assert_eq!(
        named(&mut m, &"x".repeat(MAX_NAME + 1)),
        Err(RuleError::TooLong {
            field: "name",
            max: MAX_NAME
        })
    );
    let mut gone = person(&m, 4);
    gone.active = false;
    assert_eq!(
        act::name_device(&m, &gone, TABLET, "Otra", now()),
        Err(RuleError::InactiveStaff)
    );
    // First run: optional.
    assert!(act::name_first_device(TABLET, " ", id(1), now())
        .unwrap()
        .is_empty());
    let first = act::name_first_device(TABLET, "Tablet", id(1), now()).unwrap();
    assert!(first.iter().all(|w| w.kind == "device" && w.id == rec));
}

#[test]
fn a_bundle_carries_its_devices_name_and_a_hostile_one_is_not_shown() {
    let rec = device::record_id(DEVICE).0;
    let stamped = |ms: u64, value: Value| {
        let mut o = op("device", rec, "name", value);
        o.stamp.ms = ms;
        o
    };
    let ops = vec![
        stamped(NOW_MS - 10, json!("Tablet vieja")),
        stamped(NOW_MS, json!("Tablet mostrador")),
        op("customer", 5, "name", json!("Otro")),
    ];
    assert_eq!(
        device::name_in_ops(&ops, DEVICE).as_deref(),
        Some("Tablet mostrador")
    );
    assert_eq!(device::name_in_ops(&ops, TABLET), None);
    for hostile in [
        json!(["a"]),
        json!(7),
        json!(""),
        json!("x".repeat(MAX_NAME + 1)),
    ] {
        assert_eq!(
            device::name_in_ops(&[stamped(NOW_MS, hostile.clone())], DEVICE),
            None,
            "{hostile}"
        );
    }
    // An import refuses a name over the limit, as for every record.
    let long = bundle(vec![op(
        "device",
        rec,
        "name",
        json!("ñ".repeat(MAX_NAME + 1)),
    )]);
    let refused = parse(&long.to_json()).and_then(|b| decode(&b, &RecordSchema).map(|_| ()));
    assert!(refused.is_err(), "{refused:?}");
    let fine = bundle(vec![op("device", rec, "name", json!("ñ".repeat(MAX_NAME)))]);
    assert!(parse(&fine.to_json())
        .and_then(|b| decode(&b, &RecordSchema).map(|_| ()))
        .is_ok());
}

#[test]
fn devices_are_shown_by_name_or_in_words_never_by_id() {
    let z = Zone::MADRID;
    let seen = Utc
        .with_ymd_and_hms(2025, 3, 3, 9, 0, 0)
        .unwrap()
        .timestamp_millis() as u64;
    assert_eq!(
        device_words(Lang::En, z, Some("Tablet mostrador"), None, false),
        "Tablet mostrador"
    );
    assert_eq!(
        device_words(Lang::En, z, None, Some(seen), false),
        "Unnamed device (first seen 3 Mar 2025)"
    );
    assert_eq!(
        device_words(Lang::Es, z, None, None, true),
        "Dispositivo sin nombre (este dispositivo)"
    );
    let hostile = format!("\u{202e}Caja\n{}", "a".repeat(500));
    let shown = device_words(Lang::En, z, Some(&hostile), Some(u64::MAX), false);
    assert!(
        shown.starts_with("Caja a") && shown.chars().count() <= MAX_NAME + 1,
        "{shown}"
    );
    // The first seen: the earliest stamp held, for the devices asked about.
    let mut state = State::default();
    let mut a = op("customer", 1, "name", json!("A"));
    a.stamp.ms = 5;
    let mut b = op("customer", 2, "name", json!("B"));
    b.stamp.ms = 9;
    state.apply([a, b].iter());
    let asked: BTreeSet<DeviceId> = [DEVICE, TABLET].into_iter().collect();
    let first = crate::common::summaries_of(&state).first_seen(&asked);
    assert_eq!(first.get(&DEVICE), Some(&5));
    assert_eq!(first.get(&TABLET), None);
}

// ---------------------------------------------------------------- conflicts

fn names(id: RecordId) -> Option<String> {
    (id == RecordId(7)).then(|| "Javier Líder".to_string())
}

fn shown(lang: Lang) -> Shown<'static> {
    Shown {
        lang,
        zone: Zone::MADRID,
        name_of: &names,
    }
}

#[test]
fn conflict_fields_and_values_read_as_the_form_shows_them() {
    let en = shown(Lang::En);
    let es = shown(Lang::Es);
    assert_eq!(field_words(Lang::En, "customer", "phones"), "Phones");
    assert_eq!(field_words(Lang::Es, "customer", "phones"), "Teléfonos");
    assert_eq!(
        field_words(Lang::En, "customer", "card_number"),
        "Member card number"
    );
    assert_eq!(field_words(Lang::En, "customer", "notes"), "Notes");
    assert_eq!(
        field_words(Lang::En, "device", "name"),
        "Name of this device"
    );
    assert_eq!(
        field_words(Lang::En, "customer", "from_a_newer_version"),
        "Other detail"
    );
    let v = |kind: &str, field: &str, value: Value| value_words(&en, kind, field, &value);
    assert_eq!(
        v("customer", "phones", json!(["+34 655 222 222"])),
        "+34 655 222 222"
    );
    assert_eq!(
        v(
            "customer",
            "phones",
            json!(["+34 655 222 222", "600 111 222"])
        ),
        "+34 655 222 222, 600 111 222"
    );
    assert_eq!(
        v("customer", "birthday", json!("1980-05-17")),
        "17 May 1980"
    );
    assert_eq!(
        value_words(&es, "customer", "birthday", &json!("1980-05-17")),
        "17 may 1980"
    );
    assert_eq!(v("customer", "kind", json!("member")), "Member");
    assert_eq!(
        value_words(&es, "customer", "preferred_channel", &json!("email")),
        "Correo electrónico"
    );
    assert_eq!(v("staff", "role", json!("team_leader")), "Team leader");
    assert_eq!(v("staff", "active", json!(false)), "No");
    assert_eq!(v("customer", "demo", json!(true)), "Yes");
    assert_eq!(
        v(
            "customer",
            "quiet_hours",
            json!([["12:00", "14:00"], ["21:00", "09:00"]])
        ),
        "12:00–14:00, 21:00–09:00"
    );
    assert_eq!(
        v("customer", "specialist", json!(RecordId(7).to_string())),
        "Javier Líder"
    );
    assert_eq!(
        v("customer", "specialist", json!(RecordId(8).to_string())),
        "(a record not on this device)"
    );
    assert_eq!(v("customer", "email", json!("")), "(empty)");
    assert_eq!(v("customer", "card_expiry", Value::Null), "(empty)");
    // Instants in the organisation's zone (Madrid: UTC+1 in winter).
    assert_eq!(
        v(
            "customer",
            "last_store_visit",
            json!("2026-01-05T09:30:00Z")
        ),
        "5 Jan 2026, 10:30"
    );
    assert_eq!(
        v("complaint_event", "at", json!("2026-01-05T09:30:00Z")),
        "5 Jan 2026, 10:30"
    );
    assert_eq!(v("shift", "start", json!("08:00:00")), "08:00");
}

#[test]
fn a_hostile_or_unknown_value_is_shown_bounded_and_never_as_json() {
    let en = shown(Lang::En);
    let v = |kind: &str, field: &str, value: Value| value_words(&en, kind, field, &value);
    // Not what the field holds: its plain parts, no brackets or quotes.
    let odd = v(
        "customer",
        "phones",
        json!({"a": ["+34 600", {"b": true}], "c": null}),
    );
    assert_eq!(odd, "+34 600, Yes");
    assert_eq!(v("customer", "name", json!(42)), "42");
    assert_eq!(
        v("customer", "unknown_field", json!([1, "dos", [3]])),
        "1, dos, 3"
    );
    // Deep, long, wide: bounded, no panic.
    let mut deep = json!("fondo");
    for _ in 0..200 {
        deep = json!([deep]);
    }
    assert_eq!(v("customer", "x", deep), "…");
    let long = v("customer", "notes", json!("ñ".repeat(20_000)));
    assert_eq!(long.chars().count(), MAX_CHARS + 1);
    assert!(long.ends_with('…'));
    let wide = v(
        "customer",
        "tags",
        json!((0..1000).map(|i| i.to_string()).collect::<Vec<_>>()),
    );
    assert!(
        wide.ends_with('…') && wide.chars().count() <= MAX_CHARS + 1,
        "{wide}"
    );
    // Characters that hide or reorder text are dropped; controls are spaces.
    assert_eq!(
        v("customer", "name", json!("\u{202e}Ana\u{0}\n\tLópez")),
        "Ana López"
    );
    assert_eq!(
        v("customer", "kind", json!("from_the_future")),
        "from the future"
    );
    assert_eq!(
        v("customer", "birthday", json!("99999-01-01")),
        "99999-01-01"
    );
    for value in [
        json!(f64::MAX),
        json!(i64::MIN),
        json!(u64::MAX),
        Value::Null,
        json!({}),
    ] {
        let text = v("customer", "phones", value.clone());
        assert!(
            !text.contains('{') && !text.contains('['),
            "{value} -> {text}"
        );
    }
}

#[test]
fn every_record_kind_has_its_words() {
    for kind in KNOWN_KINDS {
        for lang in LANGS {
            let w = kind_words(lang, kind);
            assert_ne!(w, kind_words(lang, "no_such_kind"), "{kind} ({lang:?})");
        }
    }
}

// ---------------------------------------------------------------- swaps

#[test]
fn r_sw_01_a_pending_swap_says_who_agreed_and_who_is_awaited_by_name() {
    let mut m = dept();
    let at = madrid(2026, 12, 1, 9, 0);
    let give = rostered(&mut m, 3, d(2026, 12, 10), DAY);
    let take = rostered(&mut m, 7, d(2026, 12, 11), DAY);
    let s = request_swap(&m, &person(&m, 3), give, take, "médico", id(50), at).unwrap();
    put(&mut m, &s);
    let yes = |m: &mut Model, who: u128, n: u128| {
        let a = decide_swap(m, &person(m, who), &s, Decision::Approve, "", id(n), at)
            .expect("decision");
        put(m, &a);
    };
    yes(&mut m, 7, 60);
    let parties = agreements(&m, &s);
    assert_eq!(
        parties.iter().map(|p| p.party).collect::<Vec<_>>(),
        vec![
            Party::Colleague,
            Party::RequesterLeader,
            Party::ColleagueLeader
        ]
    );
    assert_eq!(parties[0].agreed_by, Some(id(7)));
    assert_eq!(parties[1].awaited, vec![id(2)]);
    assert_eq!(parties[2].awaited, vec![id(6)]);
    let named: Vec<PartyNames> = parties
        .iter()
        .map(|p| PartyNames {
            party: p.party,
            team: p.team.clone(),
            agreed_by: p.agreed_by.map(|x| person(&m, x.0).name),
            awaited: p.awaited.iter().map(|x| person(&m, x.0).name).collect(),
        })
        .collect();
    let as_requester = Reader {
        is_requester: true,
        is_colleague: false,
        requester: "Pablo Rep",
        colleague: "Tomás Rep",
    };
    assert_eq!(
        agreement_words(Lang::En, &named, &as_requester, true),
        "Agreed: Tomás Rep (colleague). Waiting for: Javier Líder (your team leader), Lucía Líder (Tomás Rep's team leader)."
    );
    let as_leader = Reader {
        is_requester: false,
        ..as_requester
    };
    assert_eq!(
        agreement_words(Lang::Es, &named, &as_leader, true),
        "Conforme: Tomás Rep (compañero/a del cambio). Falta: Javier Líder (líder de turno de Pablo Rep), Lucía Líder (líder de turno de Tomás Rep)."
    );
    // Refused or cancelled: nobody is awaited any more.
    assert_eq!(
        agreement_words(Lang::En, &named, &as_requester, false),
        "Agreed: Tomás Rep (colleague)."
    );
    // Same team: one leader for both; a team without a leader: a director.
    let mut m2 = dept();
    let give = rostered(&mut m2, 3, d(2026, 12, 10), DAY);
    let take = rostered(&mut m2, 4, d(2026, 12, 11), DAY);
    let s2 = request_swap(&m2, &person(&m2, 3), give, take, "médico", id(51), at).unwrap();
    put(&mut m2, &s2);
    let p2 = agreements(&m2, &s2);
    assert_eq!(p2.len(), 2);
    assert_eq!(p2[1].party, Party::BothLeaders);
    let no_leader = PartyNames {
        party: Party::ColleagueLeader,
        team: "Noche".into(),
        agreed_by: None,
        awaited: vec![],
    };
    assert_eq!(
        agreement_words(Lang::En, &[no_leader], &as_requester, true),
        "Waiting for: a director, as nobody leads team Noche (Tomás Rep's team leader)."
    );
}
