//! Hooks for the benchmark harness (`scripts/bench`), reachable from the
//! page as `window.wasmBindings.bench*`. They measure inside the real app:
//! same store, same search index, same save path as a person uses.

use crate::domain::demo;
use crate::domain::record::to_writes;
use crate::store::platform;
use crate::ui::state::Ctx;
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
    let ctx = ctx()?;
    let me = ctx
        .me
        .get_untracked()
        .ok_or_else(|| JsValue::from_str("no current person"))?;
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

/// Runs each query through the live search index; returns each duration in ms.
#[wasm_bindgen(js_name = benchSearch)]
pub fn bench_search(queries: Vec<String>) -> Result<Vec<f64>, JsValue> {
    let ctx = ctx()?;
    Ok(queries
        .iter()
        .map(|q| {
            let start = now();
            let n = ctx.search.with_untracked(|idx| idx.search(q, 50).len());
            std::hint::black_box(n);
            now() - start
        })
        .collect())
}

/// Saves `n` new customers one by one through the normal save path;
/// returns each save's duration in ms (including the IndexedDB commit).
#[wasm_bindgen(js_name = benchSave)]
pub async fn bench_save(n: u32) -> Result<Vec<f64>, JsValue> {
    let ctx = ctx()?;
    let me = ctx
        .me
        .get_untracked()
        .ok_or_else(|| JsValue::from_str("no current person"))?;
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

/// How many records the app holds (to check a seed landed).
#[wasm_bindgen(js_name = benchCounts)]
pub fn bench_counts() -> Result<Vec<u32>, JsValue> {
    let ctx = ctx()?;
    Ok(ctx
        .model
        .with_untracked(|m| vec![m.customers.len() as u32, m.contacts.len() as u32]))
}

/// Test hook: `_changes` pages of `n` documents (see `store::hub`).
#[wasm_bindgen(js_name = testHubPageSize)]
pub fn test_hub_page_size(n: u32) {
    crate::store::hub::set_page_size(n);
}
