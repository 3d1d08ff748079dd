//! The closed history (done contacts, return visits made: `domain::history`)
//! is not read at start-up. The areas that list it read it the first time
//! one of them opens (`ui::pieces`); a customer's page reads that customer's
//! only; Today, the team, escalations, sync and settings never wait. Read
//! once per tab; a record saved or imported while it is read is never
//! replaced by its older closed copy.

use crate::sync::RecordId;
use crate::ui::shell::state::{Ctx, History};
use crate::ui::words::Key;
use leptos::prelude::*;

/// Reads the history into the model unless it is read already. False when
/// the store could not be read: the person is told why, the model keeps
/// what it held, and the next call tries again.
pub async fn ensure(ctx: Ctx) -> bool {
    loop {
        match ctx.history.get_untracked() {
            History::Read => return true,
            // Another area asked first: wait for its read.
            History::Reading => gloo_timers::future::TimeoutFuture::new(30).await,
            History::NotRead => break,
        }
    }
    let Some(store) = ctx.store() else {
        return false;
    };
    ctx.history.set(History::Reading);
    ctx.model.update_untracked(|m| m.begin_history());
    let mut skipped = Vec::new();
    let model = ctx.model;
    let read = store
        .each_history_row(|row| {
            model.update_untracked(|m| match m.read_history_row(row) {
                Ok(read) => skipped.extend(read.skipped),
                Err(e) => skipped.push(format!("a stored history row: {e}")),
            })
        })
        .await;
    // One change for the screens, once every row is in.
    ctx.model.update(|m| m.end_history());
    ctx.report_skipped(&skipped);
    match read {
        Ok(()) => {
            ctx.history.set(History::Read);
            true
        }
        Err(e) => {
            ctx.history.set(History::NotRead);
            let why = format!("{} ({e})", ctx.tr_now(Key::HistoryFailed));
            ctx.save_error.set(Some(why));
            false
        }
    }
}

/// Reads the closed records of some customers only (a customer's page: their
/// timeline, their visits, their possible duplicates' contacts), unless the
/// whole history is read. False when the store could not be read.
pub async fn ensure_customers(ctx: Ctx, customers: Vec<RecordId>) -> bool {
    if ctx.history.get_untracked() == History::Read {
        return true;
    }
    let buckets = ctx
        .model
        .with_untracked(|m| m.closed_buckets_of(&customers));
    if buckets.is_empty() {
        return true;
    }
    let Some(store) = ctx.store() else {
        return false;
    };
    match store.history_rows(&buckets).await {
        Ok(rows) => {
            let mut skipped = Vec::new();
            ctx.model.update(|m| {
                for row in &rows {
                    match m.read_history_of(row, &customers) {
                        Ok(read) => skipped.extend(read.skipped),
                        Err(e) => skipped.push(format!("a stored history row: {e}")),
                    }
                }
            });
            ctx.report_skipped(&skipped);
            true
        }
        Err(e) => {
            let why = format!("{} ({e})", ctx.tr_now(Key::HistoryFailed));
            ctx.save_error.set(Some(why));
            false
        }
    }
}
