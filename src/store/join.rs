//! Joining an organisation from the hub: find the snapshot to start from
//! (`sync::join` judges the candidates), let the person see what it holds,
//! and only then apply it (one transaction); `hub::sync` fetches the rest.

use super::couch::Couch;
use super::hub::{import_err, SyncError};
use super::Store;
use crate::domain::base::order;
use crate::domain::base::record::Record;
use crate::domain::staff::{Org, Staff};
use crate::domain::KNOWN_KINDS;
use crate::sync::join::{self, Candidate, JoinKinds};
use crate::sync::stored::ChangedRecord;
use crate::sync::Replica;
use std::cell::RefCell;

const KINDS: JoinKinds<'static> = JoinKinds {
    known: KNOWN_KINDS,
    org: <Org as Record>::KIND,
    org_name: "name",
    people: <Staff as Record>::KIND,
};

/// What the hub offers a new device: the snapshot to join from (None when
/// no snapshot passed the checks), and every other one with its reason.
#[derive(Clone)]
pub struct JoinOffer {
    pub chosen: Option<Candidate>,
    pub others: Vec<Candidate>,
}

/// Reads the hub's snapshots and the ids of its bundles, checks every
/// candidate, asks the hub to confirm each organisation (its creator's
/// first bundle), and ranks them. Changes nothing on this device.
pub async fn offer_join(couch: &Couch, now_ms: u64) -> Result<JoinOffer, SyncError> {
    let docs = couch.snapshot_docs().await?;
    let ids = couch.delta_ids().await?;
    let index = join::hub_index(ids.iter().map(String::as_str));
    let mut all = join::candidates(&docs, &index, now_ms, &KINDS);
    let mut wanted: Vec<String> = all
        .iter()
        .filter(|c| c.verdict.is_ok())
        .filter_map(join::confirming_doc)
        .filter(|id| ids.contains(id))
        .collect();
    order::sort(&mut wanted);
    wanted.dedup();
    let confirming = couch.docs(&wanted).await?;
    for c in all.iter_mut() {
        let Some(org) = c.summary.org.clone() else {
            continue;
        };
        let doc_id = join::confirming_doc(c);
        c.confirmed = confirming
            .iter()
            .any(|(id, doc)| Some(id) == doc_id.as_ref() && join::confirms_org(doc, &org, &KINDS));
    }
    let (chosen, others) = join::rank(all);
    Ok(JoinOffer { chosen, others })
}

/// Applies the chosen snapshot (checked again against this device, all
/// parts in one transaction). Returns the number of parts applied.
pub async fn join_offer(
    store: &Store,
    replica: &RefCell<Replica>,
    chosen: &Candidate,
    now_ms: u64,
    on_changed: &dyn Fn(&[ChangedRecord]),
) -> Result<usize, SyncError> {
    let texts: Vec<String> = chosen.parts.iter().map(|b| b.to_json()).collect();
    let mut checked = Vec::new();
    for verdict in store.check_files(replica, &texts, now_ms).await? {
        checked.push(verdict?);
    }
    let changed = store
        .import(replica, &checked, now_ms)
        .await
        .map_err(import_err)?;
    on_changed(&changed);
    Ok(checked.len())
}
