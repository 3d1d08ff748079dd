//! Every value that lost a concurrent edit, in people's words: the record
//! by its kind and name, the field by its form label, both values as the
//! form shows them (`words::values`), and when and on which device (by its
//! name). Restore it, or dismiss it.

use crate::domain::history::ClosedKind;
use crate::domain::restore::restore_value;
use crate::domain::staff::device;
use crate::domain::Model;
use crate::store::settings;
use crate::sync::{DeviceId, Loser, RecordId, RecordKey};
use crate::ui::kit::device::device_label;
use crate::ui::kit::widgets::{fmt_datetime, Empty};
use crate::ui::shell::state::{use_ctx, Ctx};
use crate::ui::words::values::{clean, field_words, kind_words, value_words, Shown};
use crate::ui::words::Key;
use leptos::prelude::*;
use serde_json::Value;
use std::collections::BTreeSet;

/// One row: the record, the lost value, what the field holds now, and
/// when the losing device was first seen (for a device without a name).
#[derive(Clone)]
struct Row {
    key: RecordKey,
    loser: Loser,
    current: Value,
    first_seen: Option<u64>,
}

const AUDIT_FIELDS: &[&str] = &["changed_at", "changed_by"];

fn conflict_key(k: &RecordKey, l: &Loser) -> String {
    format!("{}/{}/{}/{}", k.kind, k.id, l.field, l.stamp)
}

#[component]
pub fn ConflictsCard() -> impl IntoView {
    let ctx = use_ctx();
    let list = RwSignal::new(None::<Vec<Row>>);
    let load = move || {
        leptos::task::spawn_local(async move {
            let Some(store) = ctx.store() else { return };
            // The summaries name the records with a conflict; only their
            // buckets are read, never every record's stamps.
            let Ok(summaries) = store.summaries().await else {
                return;
            };
            if let Ok(state) = store.read_records(summaries.conflicted().iter()).await {
                let dismissed = settings::dismissed_conflicts();
                let shown: Vec<(RecordKey, &Loser)> = state
                    .conflicts()
                    .into_iter()
                    .filter(|(k, l)| !dismissed.contains(&conflict_key(k, l)))
                    // "Who changed it last, when" always differs between two
                    // concurrent edits; it is bookkeeping, not a lost value.
                    .filter(|(_, l)| !AUDIT_FIELDS.contains(&l.field.as_str()))
                    .collect();
                // Devices without a name are told apart by when they were
                // first seen.
                let unnamed: BTreeSet<DeviceId> = ctx.model.with_untracked(|m| {
                    shown
                        .iter()
                        .map(|(_, l)| l.stamp.device)
                        .filter(|d| device::name_of(m, *d).is_none())
                        .collect()
                });
                let first_seen = summaries.first_seen(&unnamed);
                let rows = shown
                    .into_iter()
                    .map(|(k, l)| Row {
                        current: state
                            .get(&k.kind, k.id)
                            .and_then(|e| e.get(&l.field))
                            .cloned()
                            .unwrap_or_default(),
                        first_seen: first_seen.get(&l.stamp.device).copied(),
                        loser: l.clone(),
                        key: k,
                    })
                    .collect();
                list.set(Some(rows));
            }
        })
    };
    load();
    // Reload when records change (a restore, an import, another tab).
    Effect::new(move |prev: Option<()>| {
        ctx.model.track();
        if prev.is_some() {
            load();
        }
    });
    view! {
        <div class="card">
            <h2 id="conflicts">{move || ctx.tr(Key::ConflictsTitle)}</h2>
            <p class="hint">{move || ctx.tr(Key::ConflictsExplain)}</p>
            {move || match list.get() {
                None => view! { <p>{ctx.tr(Key::Loading)}</p> }.into_any(),
                Some(rows) if rows.is_empty() => view! { <Empty text=Key::NoConflicts/> }.into_any(),
                Some(rows) => view! {
                    <table class="table" aria-labelledby="conflicts">
                        <thead><tr>
                            <th scope="col">{ctx.tr(Key::Record)}</th>
                            <th scope="col">{ctx.tr(Key::FieldName)}</th>
                            <th scope="col">{ctx.tr(Key::CurrentValue)}</th>
                            <th scope="col">{ctx.tr(Key::LostValue)}</th>
                            <th scope="col">{ctx.tr(Key::WhenWho)}</th>
                            <th scope="col"><span class="sr-only">{ctx.tr(Key::Actions)}</span></th>
                        </tr></thead>
                        <tbody>
                            {rows.into_iter().map(|row| conflict_row(ctx, row)).collect_view()}
                        </tbody>
                    </table>
                }.into_any(),
            }}
        </div>
    }
}

/// The name of the record an id points at, whatever its kind (ids are
/// random, so one id names one record).
fn name_of(m: &Model, id: RecordId) -> Option<String> {
    let customer = |c: Option<RecordId>| Some(m.customers.get(&c?)?.name.clone());
    m.staff
        .get(&id)
        .map(|s| s.name.clone())
        .or_else(|| customer(Some(id)))
        .or_else(|| m.dept.shift_defs.get(&id).map(|s| s.name.clone()))
        .or_else(|| m.dept.meetings.get(&id).map(|x| x.title.clone()))
        .or_else(|| customer(m.complaints.get(&id)?.customer))
        .or_else(|| m.contacts.get(&id).map(|c| c.summary.clone()))
        // A closed contact not read yet: its customer, from its trace.
        .or_else(|| customer(m.traces().customer_of(ClosedKind::Contact, id)))
        .filter(|n| !n.trim().is_empty())
}

/// A record as people know it: its name, title or person, when it has one.
fn record_name(m: &Model, kind: &str, id: RecordId) -> Option<String> {
    let staff = |p: RecordId| m.staff.get(&p).map(|s| s.name.clone());
    let customer = |c: RecordId| m.customers.get(&c).map(|c| c.name.clone());
    let name = match kind {
        "org" => m.org.as_ref().map(|o| o.name.clone()),
        "device" => device::device_of(id)
            .and_then(|d| device::name_of(m, d))
            .map(str::to_string),
        "team" => m.dept.teams.get(&id).map(|t| t.name.clone()),
        "holiday" => m.dept.holidays.get(&id).map(|h| h.name.clone()),
        "announcement" => m.dept.announcements.get(&id).map(|a| a.title.clone()),
        "decision" => m.dept.decisions.get(&id).map(|d| d.text.clone()),
        "leave" => m.dept.leaves.get(&id).and_then(|l| staff(l.person)),
        "swap" => m.dept.swaps.get(&id).and_then(|s| staff(s.requester)),
        "visit" => m
            .visits
            .get(&id)
            .map(|v| v.customer)
            .or_else(|| m.traces().customer_of(ClosedKind::Visit, id))
            .and_then(customer),
        "campaign" => m.rv.campaigns.get(&id).map(|c| c.name.clone()),
        "task" => m.rv.tasks.get(&id).map(|t| t.title.clone()),
        _ => name_of(m, id),
    };
    name.map(|n| clean(&n, 80)).filter(|n| !n.is_empty())
}

fn conflict_row(ctx: Ctx, row: Row) -> impl IntoView {
    let Row {
        key: k,
        loser: l,
        current,
        first_seen,
    } = row;
    let lang = ctx.lang.get_untracked();
    let (record, field, now_shown, lost_shown) = ctx.model.with_untracked(|m| {
        let names = |id: RecordId| name_of(m, id).map(|n| clean(&n, 80));
        let shown = Shown {
            lang,
            zone: m.zone(),
            name_of: &names,
        };
        let kind = kind_words(lang, &k.kind);
        let record = match record_name(m, &k.kind, k.id) {
            Some(name) => format!("{kind}: {name}"),
            None => kind.to_string(),
        };
        (
            record,
            field_words(lang, &k.kind, &l.field),
            value_words(&shown, &k.kind, &l.field, &current),
            value_words(&shown, &k.kind, &l.field, &l.value),
        )
    });
    let dismiss_key = conflict_key(&k, &l);
    let restore = {
        let (kind, id, field, value) = (k.kind.clone(), k.id, l.field.clone(), l.value.clone());
        // Through the one way to act; the rule (who may restore, the import
        // limits, the audit fields) is the domain's.
        move |_| {
            let (kind, field, value) = (kind.clone(), field.clone(), value.clone());
            ctx.act(
                ctx.save_error,
                Key::ValueRestored,
                move |m, actor, now| restore_value(m, actor.id, &kind, id, &field, &value, now),
                || {},
            );
        }
    };
    let dismiss = move |_| {
        settings::dismiss_conflict(&dismiss_key);
        ctx.model.update(|_| {});
    };
    let when = chrono::DateTime::from_timestamp_millis(i64::try_from(l.stamp.ms).unwrap_or(0))
        .map(|t| fmt_datetime(lang, t))
        .unwrap_or_default();
    let device = device_label(ctx, l.stamp.device, None, first_seen);
    view! {
        <tr>
            <td>{record}</td>
            <td>{field}</td>
            <td class="value">{now_shown}</td>
            <td class="value"><strong>{lost_shown}</strong></td>
            <td>{when} " · " {device}</td>
            <td class="row-actions">
                <button type="button" on:click=restore>{ctx.tr_now(Key::RestoreValue)}</button>
                <button type="button" on:click=dismiss>{ctx.tr_now(Key::DismissConflict)}</button>
            </td>
        </tr>
    }
}
