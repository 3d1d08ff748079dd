//! The hub's network-free parts (sync::hub): document ids, settings checks,
//! what a PUT answer means, which feed documents to read, and which
//! snapshot a new device joins from.

use serde_json::{json, Value};
use ventanilla::sync::bundle::{make_delta_bundles, make_snapshot_bundles};
use ventanilla::sync::hub::*;
use ventanilla::sync::{DeviceId, State};

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

fn snap_doc(device: &str, part: u64, parts: u64, created: &str) -> Value {
    json!({ "_id": format!("snapshot:{device}:{part}"), "first": part, "last": parts, "created": created })
}

#[test]
fn a_new_device_joins_from_the_newest_complete_snapshot() {
    let a = "000000000000000a";
    let b = "000000000000000b";
    let c = "000000000000000c";
    let docs = vec![
        snap_doc(a, 1, 1, "2026-11-20T10:00:00Z"),
        snap_doc(b, 2, 2, "2026-11-22T10:00:00Z"),
        snap_doc(b, 1, 2, "2026-11-22T10:00:00Z"),
        // The newest, but its second part never arrived.
        snap_doc(c, 1, 2, "2026-11-23T10:00:00Z"),
        json!({ "_id": "bundle:000000000000000a:1", "first": 1, "last": 1 }),
    ];
    let parts = newest_snapshot(&docs);
    let ids: Vec<&str> = parts.iter().filter_map(|d| d["_id"].as_str()).collect();
    assert_eq!(
        ids,
        vec![format!("snapshot:{b}:1"), format!("snapshot:{b}:2")]
    );
    // A part left over from an older, larger snapshot does not mix in.
    let docs = vec![
        snap_doc(a, 1, 1, "2026-11-23T10:00:00Z"),
        snap_doc(a, 2, 3, "2026-11-01T10:00:00Z"),
    ];
    assert_eq!(newest_snapshot(&docs).len(), 1);
    assert!(newest_snapshot(&[]).is_empty());
}
