//! The hub's network-free parts (sync::hub, sync::join): document ids and
//! whether a body fits its id, settings checks, what a push came to (a
//! planted bundle under our number), paging a feed that goes round in
//! circles, refused documents listed once, and which snapshot a new device
//! joins from (a forged one is not chosen).

use serde_json::{json, Value};
use ventanilla::domain::base::record::to_writes;
use ventanilla::domain::staff::setup_organisation;
use ventanilla::domain::KNOWN_KINDS;
use ventanilla::sync::bundle::{
    make_delta_bundles, make_snapshot_bundles, BundleError, MAX_PAYLOAD_BYTES,
};
use ventanilla::sync::hub::*;
use ventanilla::sync::join::{self, JoinKinds, SetAside};
use ventanilla::sync::{DeviceId, RecordId, Replica, State, MAX_FUTURE_MS};

fn dev(n: u64) -> DeviceId {
    DeviceId(n)
}

#[test]
fn document_ids_name_deltas_by_first_sequence_and_snapshots_by_part() {
    let delta = &make_delta_bundles(dev(0xab), 7, &[(7, vec![])], "", 1, "2026-11-23T00:00:00Z")[0];
    assert_eq!(doc_id(delta), "bundle:00000000000000ab:7");
    assert_eq!(
        parse_doc_id("bundle:00000000000000ab:7"),
        Some(DocId::Delta {
            device: dev(0xab),
            first: 7
        })
    );
    let snap = &make_snapshot_bundles(
        dev(1),
        &State::default(),
        &Default::default(),
        1,
        "2026-11-23T00:00:00Z",
    )[0];
    assert_eq!(doc_id(snap), "snapshot:0000000000000001:1");
    assert_eq!(
        parse_doc_id(&doc_id(snap)),
        Some(DocId::Snapshot {
            device: dev(1),
            part: 1
        })
    );
    for junk in [
        "",
        "_design/ventanilla",
        "bundle:xyz:1",
        "bundle:00000000000000ab",
        "bundle:00000000000000ab:7:8",
        "other:00000000000000ab:1",
        "bundle:00000000000000ab:-1",
    ] {
        assert_eq!(parse_doc_id(junk), None, "{junk}");
    }
}

#[test]
fn hub_settings_are_checked_before_any_request() {
    let s = |url: &str| HubSettings {
        url: url.into(),
        ..Default::default()
    };
    assert_eq!(
        s("https://couch.example.org/shop1/").database_url(),
        Ok("https://couch.example.org/shop1".into())
    );
    assert_eq!(
        s("  http://127.0.0.1:5984/ventanilla ").database_url(),
        Ok("http://127.0.0.1:5984/ventanilla".into())
    );
    assert_eq!(
        s("http://127.0.0.1:5984/ventanilla").server_url(),
        Ok("http://127.0.0.1:5984".into())
    );
    assert_eq!(
        s("ftp://host/db").database_url(),
        Err(HubSettingsError::NotHttp)
    );
    assert_eq!(
        s("couch.example.org/db").database_url(),
        Err(HubSettingsError::NotHttp)
    );
    assert_eq!(
        s("https://couch.example.org").database_url(),
        Err(HubSettingsError::NoDatabase)
    );
    assert_eq!(
        s("https://couch.example.org/").database_url(),
        Err(HubSettingsError::NoDatabase)
    );
    assert_eq!(
        s("https://host/my db").database_url(),
        Err(HubSettingsError::BadCharacters)
    );
    assert_eq!(
        s("https://host/db?x=1").database_url(),
        Err(HubSettingsError::BadCharacters)
    );
    let cookie = HubSettings {
        url: "https://h/db".into(),
        auth: HubAuth::Cookie,
        ..Default::default()
    };
    assert_eq!(cookie.check(), Err(HubSettingsError::UserMissing));
    let cookie = HubSettings {
        user: "shop1".into(),
        ..cookie
    };
    assert_eq!(cookie.check(), Ok(()));
}

#[test]
fn a_retried_push_that_meets_the_same_hash_is_success_and_a_different_hash_is_not() {
    assert_eq!(put_outcome(201), PutOutcome::Stored);
    assert_eq!(put_outcome(202), PutOutcome::Stored);
    assert_eq!(put_outcome(409), PutOutcome::AlreadyThere);
    assert_eq!(put_outcome(401), PutOutcome::Denied);
    assert_eq!(put_outcome(500), PutOutcome::Failed(500));
    let ours = &make_delta_bundles(dev(2), 1, &[(1, vec![])], "", 1, "2026-11-23T00:00:00Z")[0];
    let stored = serde_json::to_value(ours).unwrap();
    assert_eq!(conflict_outcome(ours, &stored), Ok(()));
    let other = json!({ "sha256": "0".repeat(64) });
    assert!(conflict_outcome(ours, &other).is_err());
    assert!(
        conflict_outcome(ours, &json!({})).is_err(),
        "a document without a hash is not ours"
    );
}

#[test]
fn the_feed_is_read_whatever_form_its_sequence_takes() {
    let couch3: ChangesPage = serde_json::from_value(json!({
        "results": [{ "seq": "3-g1AAAA", "id": "bundle:0000000000000002:1", "changes": [], "doc": { "a": 1 } }],
        "last_seq": "3-g1AAAA", "pending": 0
    }))
    .unwrap();
    assert_eq!(checkpoint_of(&couch3.last_seq), Some("3-g1AAAA".into()));
    let pouch: ChangesPage =
        serde_json::from_value(json!({ "results": [], "last_seq": 12 })).unwrap();
    assert_eq!(checkpoint_of(&pouch.last_seq), Some("12".into()));
    assert_eq!(checkpoint_of(&Value::Null), None);
    assert_eq!(checkpoint_of(&json!("")), None);
}

#[test]
fn only_deltas_of_other_devices_not_held_yet_are_fetched() {
    let page: ChangesPage = serde_json::from_value(json!({
        "results": [
            { "id": "bundle:0000000000000001:1", "doc": { "n": "own" } },
            { "id": "bundle:0000000000000002:1", "doc": { "n": "held" } },
            { "id": "bundle:0000000000000002:5", "doc": { "n": "new" } },
            { "id": "bundle:0000000000000003:1", "deleted": true },
            { "id": "bundle:0000000000000004:1" },
            { "id": "snapshot:0000000000000002:1", "doc": {} },
            { "id": "_design/ventanilla", "doc": {} }
        ],
        "last_seq": 7
    }))
    .unwrap();
    let got = wanted(&page, dev(1), |d, first| d == dev(2) && first == 1);
    assert_eq!(
        got,
        vec![(
            "bundle:0000000000000002:5".to_string(),
            r#"{"n":"new"}"#.to_string()
        )]
    );
}

#[test]
fn hub_id_body_mismatch_a_document_must_hold_the_bundle_its_id_names() {
    let e = dev(0xe);
    let f = dev(0xf);
    let f1 = &make_delta_bundles(f, 1, &[(1, vec![])], "", 1, "2026-11-23T00:00:00Z")[0];
    // `bundle:E:5` whose body is F's bundle 1.
    for id in [
        format!("bundle:{e}:5"),
        format!("bundle:{f}:5"),
        format!("bundle:{e}:1"),
        format!("snapshot:{f}:1"),
        "_design/ventanilla".to_string(),
        String::new(),
    ] {
        assert_eq!(
            check_doc(&id, f1),
            Err(BundleError::WrongDocument { id: id.clone() }),
            "{id}"
        );
    }
    assert_eq!(check_doc(&format!("bundle:{f}:1"), f1), Ok(()));
    let snap = &make_snapshot_bundles(f, &State::default(), &Default::default(), 1, NOW_TEXT)[0];
    assert_eq!(check_doc(&format!("snapshot:{f}:1"), snap), Ok(()));
    assert!(check_doc(&format!("bundle:{f}:1"), snap).is_err());
    assert!(check_doc(&format!("snapshot:{e}:1"), snap).is_err());
}

#[test]
fn planted_409_a_different_bundle_under_our_number_is_a_contradiction_not_an_abort() {
    let ours = &make_delta_bundles(dev(2), 3, &[(3, vec![])], "", 1, "2026-11-23T00:00:00Z")[0];
    let mine = serde_json::to_value(ours).unwrap();
    let planted = json!({ "_id": doc_id(ours), "sha256": "f".repeat(64), "payload": "[]" });
    assert_eq!(push_verdict(201, None, ours), PushVerdict::Stored);
    // A lost reply: the retry meets our own bytes.
    assert_eq!(push_verdict(409, Some(&mine), ours), PushVerdict::Stored);
    assert_eq!(push_verdict(403, Some(&mine), ours), PushVerdict::Stored);
    // A planted bundle: CouchDB answers 409, pouchdb-server's validation 403.
    for status in [409, 403] {
        assert!(
            matches!(push_verdict(status, Some(&planted), ours), PushVerdict::Contradicted(ref d) if d.contains(&doc_id(ours))),
            "{status}"
        );
    }
    // Nothing readable there: a real refusal, or a transient failure.
    assert_eq!(push_verdict(403, None, ours), PushVerdict::Denied(403));
    assert_eq!(push_verdict(401, None, ours), PushVerdict::Denied(401));
    assert_eq!(push_verdict(409, None, ours), PushVerdict::Failed(409));
    assert_eq!(push_verdict(500, None, ours), PushVerdict::Failed(500));
}

fn page(n: usize, last_seq: Value) -> ChangesPage {
    let results = (0..n)
        .map(|i| json!({ "id": format!("bundle:0000000000000002:{i}") }))
        .collect::<Vec<_>>();
    serde_json::from_value(json!({ "results": results, "last_seq": last_seq })).unwrap()
}

#[test]
fn cycling_feed_a_checkpoint_that_comes_back_stops_the_sync_with_an_error() {
    // A feed whose last_seq cycles a -> b -> a, every page full.
    let mut g = FeedGuard::new(Some("a"), MAX_PAGES_PER_SYNC);
    assert_eq!(
        g.page(Some("a"), &page(2, json!("b")), 2),
        FeedStep::Apply {
            next: Some("b".into()),
            more: true
        }
    );
    assert_eq!(
        g.page(Some("b"), &page(2, json!("a")), 2),
        FeedStep::Cycle("a".into())
    );
    // Starting from nothing: 1, 2, 3, 2.
    let mut g = FeedGuard::new(None, MAX_PAGES_PER_SYNC);
    let mut since: Option<String> = None;
    let mut steps = Vec::new();
    for seq in [1, 2, 3, 2] {
        let step = g.page(since.as_deref(), &page(5, json!(seq)), 5);
        if let FeedStep::Apply { next, .. } = &step {
            since = next.clone();
        }
        steps.push(step);
    }
    assert_eq!(steps[3], FeedStep::Cycle("2".into()));
    assert!(matches!(steps[2], FeedStep::Apply { more: true, .. }));
}

#[test]
fn cycling_feed_the_normal_ends_and_the_page_bound() {
    let mut g = FeedGuard::new(None, MAX_PAGES_PER_SYNC);
    // A short page is the last one.
    assert_eq!(
        g.page(None, &page(1, json!(7)), 50),
        FeedStep::Apply {
            next: Some("7".into()),
            more: false
        }
    );
    // No progress (the checkpoint asked for) or no checkpoint: stop, no error.
    let mut g = FeedGuard::new(Some("7"), MAX_PAGES_PER_SYNC);
    assert_eq!(
        g.page(Some("7"), &page(3, json!(7)), 3),
        FeedStep::Apply {
            next: Some("7".into()),
            more: false
        }
    );
    assert_eq!(
        g.page(Some("7"), &page(3, Value::Null), 3),
        FeedStep::Apply {
            next: None,
            more: false
        }
    );
    // Ever-new checkpoints with full pages: at most `max_pages` pages.
    let mut g = FeedGuard::new(None, 10);
    let mut pages = 0;
    let mut since: Option<String> = None;
    for seq in 1.. {
        pages += 1;
        match g.page(since.as_deref(), &page(4, json!(seq)), 4) {
            FeedStep::Apply { next, more: true } => since = next,
            FeedStep::Apply { more: false, .. } => break,
            FeedStep::Cycle(c) => panic!("no cycle here: {c}"),
        }
        assert!(pages < 1000, "unbounded");
    }
    assert_eq!(pages, 10);
}

#[test]
fn refused_documents_are_listed_once_and_retried_only_when_that_can_work() {
    let now = 1_800_000_000_000;
    let mut list = Vec::new();
    let checksum = BundleError::ChecksumMismatch {
        expected: "a".into(),
        actual: "b".into(),
    };
    let ahead = BundleError::FromFuture {
        ahead_ms: MAX_FUTURE_MS + 3_600_000,
    };
    let new = note_refused(
        &mut list,
        &[],
        &[
            ("bundle:x:1".into(), checksum.clone()),
            ("bundle:y:1".into(), ahead.clone()),
        ],
        now,
        "0.1.0",
    );
    assert_eq!(
        new,
        vec!["bundle:x:1".to_string(), "bundle:y:1".to_string()]
    );
    // The damaged one is never fetched again by the same app; the one from
    // the future once it is no longer more than a day ahead.
    assert!(!list[0].due(now + 365 * 86_400_000, "0.1.0"));
    assert!(list[0].due(now, "0.2.0"), "a new version reads it again");
    assert!(!list[1].due(now + 3_599_999, "0.1.0"));
    assert!(list[1].due(now + 3_600_000, "0.1.0"));
    // Refused again: not new, first date kept; applied: leaves the list.
    let again = note_refused(
        &mut list,
        &[],
        &[("bundle:x:1".into(), checksum)],
        now + 5,
        "0.1.0",
    );
    assert!(again.is_empty());
    assert_eq!(list[0].at_ms, now);
    note_refused(&mut list, &["bundle:y:1".into()], &[], now + 6, "0.1.0");
    assert_eq!(list.len(), 1);
    // The list survives its stored form.
    let text = serde_json::to_string(&list).unwrap();
    assert_eq!(
        serde_json::from_str::<Vec<RefusedDoc>>(&text).unwrap(),
        list
    );
}

// ------------------------------------------------------------- joining

const NOW: u64 = 1_795_000_000_000; // 2026-11-18
const NOW_TEXT: &str = "2026-11-18T09:46:40Z";
const KINDS: JoinKinds = JoinKinds {
    known: KNOWN_KINDS,
    org: "org",
    org_name: "name",
    people: "staff",
};

/// A device that founds an organisation (its action 1) and adds customers.
fn founder(
    device: u64,
    org: &str,
    customers: usize,
) -> (Replica, Vec<(u64, Vec<ventanilla::sync::Op>)>) {
    let mut r = Replica::new(dev(device));
    let when = chrono::DateTime::from_timestamp_millis(NOW as i64 - 86_400_000).unwrap();
    let (o, director) = setup_organisation(
        org,
        "Europe/Madrid",
        "Ana",
        RecordId(device as u128 * 1000 + 1),
        RecordId(device as u128 * 1000 + 2),
        when,
    )
    .unwrap();
    let mut writes = to_writes(None, &o);
    writes.extend(to_writes(None, &director));
    let mut log = Vec::new();
    let (a, _) = r.commit(writes, NOW - 86_400_000);
    log.push((a.seq, a.ops));
    for i in 0..customers {
        let w = ventanilla::sync::Write {
            kind: "customer".into(),
            id: RecordId(device as u128 * 1000 + 100 + i as u128),
            field: "name".into(),
            value: json!(format!("Cliente {i}")),
        };
        let (a, _) = r.commit(vec![w], NOW - 86_000_000 + i as u64);
        log.push((a.seq, a.ops));
    }
    (r, log)
}

fn as_doc(b: &ventanilla::sync::bundle::Bundle) -> Value {
    let mut v = serde_json::to_value(b).unwrap();
    v["_id"] = json!(doc_id(b));
    v
}

#[test]
fn forged_snapshot_is_set_aside_and_the_checked_one_is_chosen() {
    // The real organisation: A founded it and pushed its changes as two
    // bundles, then published a snapshot.
    let (a, log) = founder(0xa, "Tienda Norte", 3);
    let deltas: Vec<_> = log
        .chunks(2)
        .scan((1u64, String::new()), |(next, prev), chunk| {
            let b = make_delta_bundles(dev(0xa), *next, chunk, prev, 1, NOW_TEXT).remove(0);
            *next = b.last + 1;
            *prev = b.sha256.clone();
            Some(b)
        })
        .collect();
    let frontier_a = [(dev(0xa), a.seq)].into_iter().collect();
    let real = make_snapshot_bundles(dev(0xa), &a.state, &frontier_a, 1, NOW_TEXT);
    // A forger's organisation, dated 9999-12-31 and claiming A up to 99.
    let (f, _) = founder(0xf, "Organización Falsa", 1);
    let claim = [(dev(0xa), 99u64), (dev(0xf), 2)].into_iter().collect();
    let far = make_snapshot_bundles(dev(0xf), &f.state, &claim, 1, "9999-12-31T23:59:59Z");
    // The same forgery dated now, from another device id.
    let (g, _) = founder(0x9, "Organización Falsa", 1);
    let near = make_snapshot_bundles(dev(0x9), &g.state, &claim, 1, NOW_TEXT);
    let mut docs: Vec<Value> = real.iter().chain(&far).chain(&near).map(as_doc).collect();
    docs.push(json!({ "_id": "snapshot:0000000000000005:1", "format": "ventanilla-bundle" }));
    let ids: Vec<String> = deltas.iter().map(doc_id).collect();
    let index = join::hub_index(ids.iter().map(String::as_str));
    let mut all = join::candidates(&docs, &index, NOW, &KINDS);
    assert_eq!(all.len(), 4);
    // The hub confirms an organisation through its creator's first bundle.
    let first_bundles: Vec<Value> = deltas.iter().map(as_doc).collect();
    for c in all.iter_mut() {
        let Some(org) = c.summary.org.clone() else {
            continue;
        };
        let want = join::confirming_doc(c).unwrap();
        c.confirmed = first_bundles
            .iter()
            .any(|d| d["_id"] == json!(want) && join::confirms_org(d, &org, &KINDS));
    }
    let (chosen, others) = join::rank(all);
    let chosen = chosen.expect("the real snapshot");
    assert_eq!(chosen.device, dev(0xa));
    assert!(chosen.confirmed);
    assert_eq!(chosen.covers, 2, "both of A's bundles on the hub");
    let org = chosen.summary.org.as_ref().unwrap();
    assert_eq!(org.name, "Tienda Norte");
    assert_eq!((chosen.summary.records, chosen.summary.people), (5, 1));
    assert_eq!(chosen.summary.devices, vec![dev(0xa)]);
    let why = |d: u64| {
        others
            .iter()
            .find(|c| c.device == dev(d))
            .unwrap()
            .verdict
            .clone()
    };
    assert_eq!(why(0xf), Err(SetAside::FromTheFuture));
    assert_eq!(why(0x9), Err(SetAside::OtherOrganisation));
    assert!(matches!(why(0x5), Err(SetAside::Damaged(_))));
    // The forger's claim on A is not backed by anything of A's it holds.
    let near_c = others.iter().find(|c| c.device == dev(0x9)).unwrap();
    assert_eq!(near_c.covers, 0);
    assert!(!near_c.confirmed);
}

#[test]
fn forged_snapshot_without_the_hub_confirming_coverage_and_date_decide() {
    // No bundle of the founder on the hub: nothing confirms an organisation.
    let (a, _) = founder(0xa, "Tienda Sur", 1);
    let older = make_snapshot_bundles(
        dev(0xa),
        &a.state,
        &[(dev(0xa), 2)].into_iter().collect(),
        1,
        "2026-11-10T00:00:00Z",
    );
    let newer = make_snapshot_bundles(
        dev(0xb),
        &a.state,
        &[(dev(0xa), 2)].into_iter().collect(),
        1,
        "2026-11-17T00:00:00Z",
    );
    // Two days ahead of this device's clock: set aside, whatever it covers.
    let ahead = make_snapshot_bundles(
        dev(0xc),
        &a.state,
        &[(dev(0xa), 2)].into_iter().collect(),
        1,
        "2026-11-20T10:00:00Z",
    );
    let docs: Vec<Value> = older
        .iter()
        .chain(&newer)
        .chain(&ahead)
        .map(as_doc)
        .collect();
    let (chosen, others) = join::rank(join::candidates(&docs, &Default::default(), NOW, &KINDS));
    assert_eq!(chosen.unwrap().device, dev(0xb));
    assert!(others
        .iter()
        .any(|c| c.device == dev(0xc) && c.verdict == Err(SetAside::FromTheFuture)));
    assert!(others
        .iter()
        .any(|c| c.device == dev(0xa) && c.verdict.is_ok()));
    // A snapshot cut into parts with one part missing is incomplete.
    let parts = ventanilla::sync::bundle::make_snapshot_bundles_with_limit(
        dev(0xd),
        &a.state,
        &Default::default(),
        1,
        NOW_TEXT,
        200,
    );
    assert!(parts.len() > 1 && parts.len() as u64 == parts[0].last);
    let docs: Vec<Value> = parts.iter().skip(1).map(as_doc).collect();
    let (chosen, others) = join::rank(join::candidates(&docs, &Default::default(), NOW, &KINDS));
    assert!(chosen.is_none());
    assert_eq!(others[0].verdict, Err(SetAside::Incomplete));
    let _ = MAX_PAYLOAD_BYTES;
}
