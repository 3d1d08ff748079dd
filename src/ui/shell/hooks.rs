//! Hooks for the benchmark harness (`scripts/bench`) and the e2e specs,
//! reachable from the page as `window.wasmBindings.bench*` / `test*`. They
//! measure inside the real app: same store, same search index, same save
//! path as a person uses. Compiled only with the cargo feature `hooks`
//! (`scripts/test` and `scripts/bench` turn it on): the release users get
//! has none of them.

use crate::domain::base::record::to_writes;
use crate::domain::demo;
use crate::store::platform;
use crate::ui::shell::state::Ctx;
use leptos::prelude::*;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;

thread_local! {
    static CTX: RefCell<Option<Ctx>> = const { RefCell::new(None) };
}

pub fn install(ctx: Ctx) {
    CTX.with(|c| *c.borrow_mut() = Some(ctx));
}

fn ctx() -> Result<Ctx, JsValue> {
    CTX.with(|c| *c.borrow())
        .ok_or_else(|| JsValue::from_str("app not started"))
}

/// The app and the person working in it (the hooks act as them).
fn ctx_and_me() -> Result<(Ctx, crate::sync::RecordId), JsValue> {
    let ctx = ctx()?;
    let me = ctx
        .me
        .get_untracked()
        .ok_or_else(|| JsValue::from_str("no current person"))?;
    Ok((ctx, me))
}

fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map(|p| p.now())
        .unwrap_or(0.0)
}

/// Replaces the store with `customers` + `contacts` generated records.
/// Resolves with the milliseconds it took (generation + commit).
#[wasm_bindgen(js_name = benchSeedLarge)]
pub async fn bench_seed_large(customers: u32, contacts: u32) -> Result<f64, JsValue> {
    let (ctx, me) = ctx_and_me()?;
    let start = now();
    let writes = demo::large_writes(
        platform::random_u64(),
        customers as usize,
        contacts as usize,
        platform::now(),
        me,
    );
    ctx.bulk_write(writes)
        .await
        .map_err(|e| JsValue::from_str(&e))?;
    Ok(now() - start)
}

/// Runs each query through the live search index with at most `limit`
/// results (0: no limit, as the customer list asks), `reps` times in a row;
/// returns each query's mean duration in ms (repeating it measures below
/// the 0.1 ms grain of `performance.now()` in a page that is not
/// cross-origin isolated).
#[wasm_bindgen(js_name = benchSearch)]
pub fn bench_search(queries: Vec<String>, limit: u32, reps: u32) -> Result<Vec<f64>, JsValue> {
    let ctx = ctx()?;
    // Just after a start the index may still be made a slice at a time:
    // the benchmark searches every customer, so it is finished first.
    ctx.finish_search_now();
    let limit = match limit {
        0 => usize::MAX,
        n => n as usize,
    };
    let reps = reps.max(1);
    Ok(queries
        .iter()
        .map(|q| {
            let start = now();
            for _ in 0..reps {
                let n = ctx.search.with_untracked(|idx| idx.search(q, limit).len());
                std::hint::black_box(n);
            }
            (now() - start) / f64::from(reps)
        })
        .collect())
}

/// The stored customers' searchable fields as JSON
/// `[{name, phones, email, card, tags}]`, so a baseline indexes the very
/// records the app holds. Not timed.
#[wasm_bindgen(js_name = benchCustomers)]
pub fn bench_customers() -> Result<String, JsValue> {
    let ctx = ctx()?;
    let rows: Vec<serde_json::Value> = ctx.model.with_untracked(|m| {
        m.customers
            .values()
            .map(|c| {
                serde_json::json!({
                    "name": c.name,
                    "phones": c.phones,
                    "email": c.email,
                    "card": c.card_number,
                    "tags": c.tags,
                })
            })
            .collect()
    });
    serde_json::to_string(&rows).map_err(|e| JsValue::from_str(&e.to_string()))
}

/// Saves `n` new customers one by one through the normal save path;
/// returns each save's duration in ms (including the IndexedDB commit).
/// Timed once start-up's background work is done: a search index still
/// being made a slice at a time is finished first, so its slices are not
/// timed as the saves' own.
#[wasm_bindgen(js_name = benchSave)]
pub async fn bench_save(n: u32) -> Result<Vec<f64>, JsValue> {
    let (ctx, me) = ctx_and_me()?;
    ctx.finish_search_now();
    let mut times = Vec::with_capacity(n as usize);
    for i in 0..n {
        let id = ctx.new_id();
        let customer = demo::bench_customer(id, i as u64, me, platform::now());
        let start = now();
        ctx.save(to_writes(None, &customer))
            .await
            .map_err(|e| JsValue::from_str(&e))?;
        times.push(now() - start);
    }
    Ok(times)
}

/// Test hook: the next save aborts its transaction and reports a full disk
/// (see `Store::fail_next_commit_as_quota`).
#[wasm_bindgen(js_name = testFailNextSaveAsQuota)]
pub fn test_fail_next_save_as_quota() -> Result<(), JsValue> {
    let store = ctx()?
        .store()
        .ok_or_else(|| JsValue::from_str("store not open"))?;
    store.fail_next_commit_as_quota();
    Ok(())
}

/// Test hook: the next import holds its transaction open, uncommitted
/// (see `store::hold`), so a test can close the page inside it.
#[wasm_bindgen(js_name = testHoldNextImport)]
pub fn test_hold_next_import() {
    crate::store::hold::hold_next_import();
}

/// R-STD-02 and R-REP-02 in the browser: a year of a branch (100,000
/// contacts, 2,000 complaints, 10,000 return visits) built in memory, not
/// stored; then every department's standing (the standards page) and last
/// month's report, each timed. Returns [standards ms, monthly report ms].
#[wasm_bindgen(js_name = benchYearReports)]
pub fn bench_year_reports() -> Result<Vec<f64>, JsValue> {
    use crate::domain::{reports, standards};
    let me = ctx()?
        .me
        .get_untracked()
        .ok_or_else(|| JsValue::from_str("no current person"))?;
    let at = platform::now();
    let year = demo::branch_year(7, demo::BRANCH_YEAR, at, me);
    let day = year.zone().local_date(at);
    let start = now();
    let facts = standards::gather(&year, at);
    std::hint::black_box(standards::standing_from(&year, &facts, day));
    let standards_ms = now() - start;
    let month = reports::period_of(standards::PeriodKind::Month, day).previous();
    let start = now();
    std::hint::black_box(reports::period_report(&year, month, at));
    Ok(vec![standards_ms, now() - start])
}

/// What this tab holds of the closed history (`domain::history`), as JSON:
/// whether it is read, how many closed records are known by their trace
/// only, how many contacts are held whole, and the customer whose latest
/// closed contact is the oldest, with no open contact (name unique among
/// the customers), with how many closed contacts and visits they have.
#[wasm_bindgen(js_name = benchHistory)]
pub fn bench_history() -> Result<String, JsValue> {
    use crate::ui::shell::state::History;
    let ctx = ctx()?;
    let read = ctx.history.get_untracked() == History::Read;
    let json = ctx.model.with_untracked(|m| {
        let traces = m.traces();
        let mut names: std::collections::HashMap<&str, usize> = Default::default();
        for c in m.customers.values() {
            *names.entry(c.name.as_str()).or_default() += 1;
        }
        let oldest = traces
            .customers()
            .filter(|c| m.contacts_of(*c).is_empty())
            .filter_map(|c| Some((traces.latest_contact(c)?, c, m.customers.get(&c)?)))
            .filter(|(_, _, c)| names.get(c.name.as_str()) == Some(&1))
            .min_by_key(|(at, id, _)| (*at, *id))
            .map(|(_, id, c)| {
                let (contacts, visits) = traces.count_of(id);
                serde_json::json!({ "name": c.name, "contacts": contacts, "visits": visits })
            });
        serde_json::json!({
            "read": read,
            "traced": m.traced(),
            "contactsHeld": m.contacts.len(),
            "oldestClosedCustomer": oldest,
        })
    });
    Ok(json.to_string())
}

/// How many records the app holds (to check a seed landed).
#[wasm_bindgen(js_name = benchCounts)]
pub fn bench_counts() -> Result<Vec<u32>, JsValue> {
    let ctx = ctx()?;
    Ok(ctx
        .model
        .with_untracked(|m| vec![m.customers.len() as u32, m.contact_count() as u32]))
}

/// Test hook: `_changes` pages of `n` documents (see `store::hub`).
#[wasm_bindgen(js_name = testHubPageSize)]
pub fn test_hub_page_size(n: u32) {
    crate::store::hub::set_page_size(n);
}

fn store_and_core() -> Result<
    (
        crate::store::Store,
        std::rc::Rc<crate::ui::shell::state::Core>,
    ),
    JsValue,
> {
    let ctx = ctx()?;
    match (ctx.store(), ctx.replica()) {
        (Some(s), Some(c)) => Ok((s, c)),
        _ => Err(JsValue::from_str("store not open")),
    }
}

fn created() -> String {
    platform::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// Another device's `n_ops` field edits over the stored customers, as
/// bundle texts (split at the 4 MB payload limit). Not timed.
#[wasm_bindgen(js_name = benchMakeBundles)]
pub async fn bench_make_bundles(n_ops: u32) -> Result<Vec<String>, JsValue> {
    let (store, _) = store_and_core()?;
    let base = store
        .load_state()
        .await
        .map_err(|e| JsValue::from_str(&e.to_string()))?;
    let mut other = crate::sync::Replica::new(crate::sync::DeviceId(platform::random_u64()));
    let actions =
        demo::customer_field_edits(&base, &mut other, n_ops as usize, 1000, platform::now_ms());
    let device = other.device();
    let bundles = crate::sync::bundle::make_delta_bundles(
        device,
        1,
        &actions,
        "",
        crate::store::bundles::SCHEMA,
        &created(),
    );
    Ok(bundles.iter().map(|b| b.to_json()).collect())
}

/// Checks and applies bundle texts the way an import does (one IndexedDB
/// transaction) and shows them. Resolves with the milliseconds of
/// `[total, check, import transaction, screens' refresh]`.
#[wasm_bindgen(js_name = benchImport)]
pub async fn bench_import(texts: Vec<String>) -> Result<Vec<f64>, JsValue> {
    let ctx = ctx()?;
    let (store, core) = store_and_core()?;
    let start = now();
    let mut checked = Vec::new();
    for verdict in store
        .check_files(&core.replica, &texts, platform::now_ms())
        .await
        .map_err(|e| JsValue::from_str(&e.to_string()))?
    {
        checked.push(verdict.map_err(|e| JsValue::from_str(&e.to_string()))?);
    }
    let checked_at = now();
    let changed = store
        .import(&core.replica, &checked, platform::now_ms())
        .await
        .map_err(|e| JsValue::from_str(&format!("{e:?}")))?;
    let imported_at = now();
    ctx.apply_changed(&changed);
    let end = now();
    Ok(vec![
        end - start,
        checked_at - start,
        imported_at - checked_at,
        end - imported_at,
    ])
}

/// Saves `n_ops` field writes on new records through the normal commit
/// path, `per_action` per action: this device's log for the push figure.
#[wasm_bindgen(js_name = benchCommitOps)]
pub async fn bench_commit_ops(n_ops: u32, per_action: u32) -> Result<f64, JsValue> {
    let (store, core) = store_and_core()?;
    let start = now();
    let fields = ["name", "notes", "email", "source", "card_number"];
    let mut done = 0;
    while done < n_ops {
        let n = per_action.min(n_ops - done);
        let mut writes = Vec::with_capacity(n as usize);
        let mut id = platform::new_record_id();
        for i in 0..n {
            let field = fields[(i as usize) % fields.len()];
            if field == "name" {
                id = platform::new_record_id();
            }
            writes.push(crate::sync::Write {
                kind: "customer".into(),
                id,
                field: field.into(),
                value: format!("{field} {}", done + i).into(),
            });
        }
        store
            .commit(&core.replica, writes, platform::now_ms())
            .await
            .map_err(|e| JsValue::from_str(&e.to_string()))?;
        done += n;
    }
    Ok(now() - start)
}

/// One full sync with the hub at `url` (no auth); resolves with
/// `[milliseconds, bundles pushed, bundles pulled]`.
#[wasm_bindgen(js_name = benchHubSync)]
pub async fn bench_hub_sync(url: String) -> Result<Vec<f64>, JsValue> {
    let ctx = ctx()?;
    let (store, core) = store_and_core()?;
    let settings = crate::sync::hub::HubSettings {
        url,
        ..Default::default()
    };
    let couch = crate::store::couch::Couch::new(&settings)
        .map_err(|e| JsValue::from_str(&e.to_string()))?;
    let start = now();
    let apply = move |changed: &[_]| ctx.apply_changed(changed);
    let report = crate::store::hub::sync(
        &store,
        &core.replica,
        &couch,
        platform::now_ms(),
        &created(),
        &apply,
    )
    .await
    .map_err(|e| JsValue::from_str(&e.to_string()))?;
    Ok(vec![
        now() - start,
        report.pushed as f64,
        report.pulled as f64,
    ])
}

/// How many parts `benchSeedScale` makes a set in.
#[wasm_bindgen(js_name = benchScaleParts)]
pub fn bench_scale_parts() -> u32 {
    demo::SCALE_PARTS
}

/// Seeds part `part` of the scale series' set at `times` branch-years
/// (`domain::demo::scale`): one transaction over that part's few buckets,
/// kept out of the action log. The page is reloaded after the last part to
/// read it (the model in memory is not refreshed). Resolves with the ms.
#[wasm_bindgen(js_name = benchSeedScale)]
pub async fn bench_seed_scale(times: u32, part: u32) -> Result<f64, JsValue> {
    let (_, me) = ctx_and_me()?;
    let (store, core) = store_and_core()?;
    let start = now();
    let writes = demo::ScaleSet::new(7, times, me, platform::now()).part(part);
    store
        .seed(&core.replica, writes, platform::now_ms())
        .await
        .map_err(|e| JsValue::from_str(&e.to_string()))?;
    Ok(now() - start)
}

/// The bytes of the wasm memory (it only grows: its size is the peak).
#[wasm_bindgen(js_name = benchWasmMemory)]
pub fn bench_wasm_memory() -> f64 {
    wasm_bindgen::memory()
        .dyn_into::<js_sys::WebAssembly::Memory>()
        .map(|m| {
            m.buffer()
                .unchecked_into::<js_sys::ArrayBuffer>()
                .byte_length() as f64
        })
        .unwrap_or(0.0)
}
