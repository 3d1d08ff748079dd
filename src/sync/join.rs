//! Joining an organisation from a hub: which snapshot a new device starts
//! from, judged by what can be checked rather than by what a snapshot says
//! of itself, and what the person is shown before confirming.
//!
//! Every device keeps one snapshot on the hub (`snapshot:<device>:<part>`).
//! A candidate is a device's complete set of parts. It is set aside when a
//! part is damaged (parse, checksum, decoding, authorship), when it is
//! dated or holds changes more than a day ahead of this device's clock
//! (`9999-12-31` never wins), or when it does not hold exactly one
//! organisation. Among the rest the order is:
//!
//! 1. the organisation is confirmed by the hub: the device that created
//!    the organisation record (the author of its earliest stamp) created it
//!    in its first bundle on the hub, `bundle:<device>:1`, with that stamp;
//! 2. coverage of the hub's bundles: how many of the delta documents on
//!    the hub fall inside the snapshot's claims that its payload backs
//!    (`bundle::claims`): a newer snapshot of the same organisation covers
//!    more, and a frontier without the changes behind it covers nothing;
//! 3. then the date, then the device id (so the choice is deterministic).
//!
//! Candidates of another organisation than the chosen one are set aside.
//! The person then sees the organisation's name, the date, the number of
//! records, people and devices, and confirms.

use super::bundle::{self, Bundle, BundleError, BundleKind, Contents};
use super::clock::{Stamp, MAX_FUTURE_MS};
use super::hub::{check_doc, parse_doc_id, DocId};
use super::id::{DeviceId, RecordId};
use super::state::State;
use serde_json::Value;
use std::collections::BTreeMap;

/// The record kinds a preview counts (the domain's names).
#[derive(Debug, Clone, Copy)]
pub struct JoinKinds<'a> {
    /// Every kind this version reads.
    pub known: &'a [&'a str],
    /// The organisation record's kind and its name field.
    pub org: &'a str,
    pub org_name: &'a str,
    /// People (staff) records.
    pub people: &'a str,
}

/// The organisation a snapshot holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Org {
    pub id: RecordId,
    pub name: String,
    /// The earliest stamp on the record: its creation.
    pub created: Stamp,
}

/// What a person is shown before joining.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Summary {
    pub org: Option<Org>,
    /// Records that are not deleted, of every kind.
    pub records: usize,
    pub people: usize,
    /// Every device the snapshot names (its frontier and its changes' authors).
    pub devices: Vec<DeviceId>,
}

/// Why a snapshot on the hub is not the one to join from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SetAside {
    /// Some part is missing, or parts of different exports are mixed.
    Incomplete,
    Damaged(BundleError),
    /// Dated more than a day ahead of this device's clock.
    FromTheFuture,
    /// It holds no organisation, or more than one.
    NoOrganisation,
    /// It holds another organisation than the one chosen.
    OtherOrganisation,
}

#[derive(Debug, Clone)]
pub struct Candidate {
    pub device: DeviceId,
    pub created: String,
    pub parts: Vec<Bundle>,
    pub contents: Vec<Contents>,
    pub summary: Summary,
    /// Delta documents on the hub inside the claims its payload backs.
    pub covers: usize,
    /// Whether the hub confirmed its organisation (see the module notes).
    pub confirmed: bool,
    pub verdict: Result<(), SetAside>,
}

/// The delta documents on the hub, by device: their first numbers, from
/// the document ids alone.
pub fn hub_index<'a>(ids: impl IntoIterator<Item = &'a str>) -> BTreeMap<DeviceId, Vec<u64>> {
    let mut out: BTreeMap<DeviceId, Vec<u64>> = BTreeMap::new();
    for id in ids {
        if let Some(DocId::Delta { device, first }) = parse_doc_id(id) {
            out.entry(device).or_default().push(first);
        }
    }
    out
}

fn created_ms(created: &str) -> Option<u64> {
    let t = chrono::DateTime::parse_from_rfc3339(created).ok()?;
    u64::try_from(t.timestamp_millis()).ok().or(Some(0))
}

/// Reads one device's snapshot documents into a candidate (checked, not
/// yet ranked). `hub` is [`hub_index`] of the hub's documents.
fn candidate(
    device: DeviceId,
    docs: &[&Value],
    hub: &BTreeMap<DeviceId, Vec<u64>>,
    now_ms: u64,
    kinds: &JoinKinds,
) -> Candidate {
    let mut c = Candidate {
        device,
        created: String::new(),
        parts: Vec::new(),
        contents: Vec::new(),
        summary: Summary::default(),
        covers: 0,
        confirmed: false,
        verdict: Ok(()),
    };
    let mut parts: Vec<Bundle> = Vec::new();
    for d in docs {
        let id = d.get("_id").and_then(Value::as_str).unwrap_or_default();
        let parsed = bundle::parse(&d.to_string()).and_then(|b| check_doc(id, &b).map(|()| b));
        match parsed {
            Ok(b) => parts.push(b),
            Err(e) => {
                c.verdict = Err(SetAside::Damaged(e));
                return c;
            }
        }
    }
    // The newest export whose every part is there (a part left over from an
    // older, larger export does not mix in).
    let Some(head) = parts
        .iter()
        .filter(|b| b.first == 1)
        .max_by(|a, b| a.created.cmp(&b.created))
    else {
        c.verdict = Err(SetAside::Incomplete);
        return c;
    };
    let (n, created, frontier) = (head.last, head.created.clone(), head.frontier.clone());
    let mut set: Vec<Bundle> = parts
        .iter()
        .filter(|b| b.last == n && b.created == created && b.frontier == frontier)
        .filter(|b| b.frontier_gap_free == head.frontier_gap_free)
        .cloned()
        .collect();
    set.sort_by_key(|b| b.first);
    set.dedup_by_key(|b| b.first);
    c.created = created;
    let complete = set.len() as u64 == n
        && set
            .iter()
            .zip(1u64..)
            .all(|(b, i)| b.first == i && b.kind == BundleKind::Snapshot);
    if !complete {
        c.verdict = Err(SetAside::Incomplete);
        return c;
    }
    if created_ms(&c.created).is_none_or(|ms| ms > now_ms.saturating_add(MAX_FUTURE_MS)) {
        c.verdict = Err(SetAside::FromTheFuture);
        return c;
    }
    for b in &set {
        let contents = bundle::decode(b, kinds.known)
            .and_then(|x| bundle::check_stamps(&x.ops, now_ms).map(|()| x));
        match contents {
            Ok(x) => c.contents.push(x),
            Err(e) => {
                c.verdict = Err(SetAside::Damaged(e));
                return c;
            }
        }
    }
    c.summary = summarize(&c.contents, &frontier.unwrap_or_default(), kinds);
    let contents: Vec<&Contents> = c.contents.iter().collect();
    let claims = set
        .first()
        .map(|b| bundle::claims(b, &contents))
        .unwrap_or_default();
    c.covers = hub
        .iter()
        .filter_map(|(d, firsts)| Some((claims.get(d)?.seq, firsts)))
        .map(|(seq, firsts)| firsts.iter().filter(|f| **f <= seq).count())
        .sum();
    c.parts = set;
    if c.summary.org.is_none() {
        c.verdict = Err(SetAside::NoOrganisation);
    }
    c
}

/// What a snapshot holds, for the person to see.
pub fn summarize(
    contents: &[Contents],
    frontier: &BTreeMap<DeviceId, u64>,
    kinds: &JoinKinds,
) -> Summary {
    let mut state = State::default();
    for c in contents {
        state.apply(&c.ops);
    }
    let mut devices: Vec<DeviceId> = frontier.keys().copied().collect();
    let mut orgs = Vec::new();
    let (mut records, mut people) = (0, 0);
    for (kind, id, e) in state.iter() {
        devices.extend(e.ops(kind, id).map(|o| o.stamp.device));
        if e.is_deleted() {
            continue;
        }
        records += 1;
        people += usize::from(kind == kinds.people);
        if kind == kinds.org {
            let name = e
                .get(kinds.org_name)
                .and_then(Value::as_str)
                .unwrap_or_default();
            if let Some(created) = e.ops(kind, id).map(|o| o.stamp).min() {
                orgs.push(Org {
                    id,
                    name: name.to_string(),
                    created,
                });
            }
        }
    }
    devices.sort_unstable();
    devices.dedup();
    Summary {
        org: if orgs.len() == 1 { orgs.pop() } else { None },
        records,
        people,
        devices,
    }
}

/// Every device's snapshot on the hub as a checked candidate, unranked.
pub fn candidates(
    docs: &[Value],
    hub: &BTreeMap<DeviceId, Vec<u64>>,
    now_ms: u64,
    kinds: &JoinKinds,
) -> Vec<Candidate> {
    let mut by_device: BTreeMap<DeviceId, Vec<&Value>> = BTreeMap::new();
    for d in docs {
        if let Some(DocId::Snapshot { device, .. }) =
            d.get("_id").and_then(Value::as_str).and_then(parse_doc_id)
        {
            by_device.entry(device).or_default().push(d);
        }
    }
    by_device
        .into_iter()
        .map(|(device, docs)| candidate(device, &docs, hub, now_ms, kinds))
        .collect()
}

/// The hub document to fetch to confirm a candidate's organisation: the
/// first bundle of the device that created it.
pub fn confirming_doc(c: &Candidate) -> Option<String> {
    let org = c.summary.org.as_ref()?;
    Some(format!("bundle:{}:1", org.created.device))
}

/// Whether `doc` (the hub's `bundle:<device>:1`) created the organisation
/// `org` with the stamp the snapshot gives it.
pub fn confirms_org(doc: &Value, org: &Org, kinds: &JoinKinds) -> bool {
    let id = format!("bundle:{}:1", org.created.device);
    let Ok(b) = bundle::parse(&doc.to_string()) else {
        return false;
    };
    if check_doc(&id, &b).is_err() {
        return false;
    }
    bundle::decode(&b, kinds.known).is_ok_and(|c| {
        c.ops
            .iter()
            .any(|o| o.kind == kinds.org && o.id == org.id && o.stamp == org.created)
    })
}

/// Ranks the candidates (see the module notes): the one to join first, if
/// any, then every other with the reason it was set aside (a sound
/// snapshot of the same organisation that merely covers less is set aside
/// with `Ok`).
pub fn rank(mut all: Vec<Candidate>) -> (Option<Candidate>, Vec<Candidate>) {
    all.sort_by(|a, b| {
        let key = |c: &Candidate| (c.verdict.is_ok(), c.confirmed, c.covers);
        let date = |c: &Candidate| created_ms(&c.created).unwrap_or(0);
        key(b)
            .cmp(&key(a))
            .then_with(|| date(b).cmp(&date(a)))
            .then_with(|| a.device.cmp(&b.device))
    });
    let mut rest = all.into_iter();
    let (best, first_other) = match rest.next() {
        Some(c) if c.verdict.is_ok() => (Some(c), None),
        other => (None, other),
    };
    let org = best
        .as_ref()
        .and_then(|c| c.summary.org.as_ref().map(|o| o.id));
    let others = first_other
        .into_iter()
        .chain(rest)
        .map(|mut c| {
            let other_org = c.summary.org.as_ref().map(|o| o.id) != org;
            if c.verdict.is_ok() && other_org {
                c.verdict = Err(SetAside::OtherOrganisation);
            }
            c
        })
        .collect();
    (best, others)
}
