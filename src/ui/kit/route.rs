//! The record an address names (`/customers/:id`): the frame matches the
//! address (`ui::paths`) and hands the `:id` segment down; a page reads it
//! here as a record id.

use crate::sync::RecordId;
use leptos::prelude::*;

/// The `:id` segment of the address the frame matched, as text.
#[derive(Clone, Copy)]
pub struct RouteId(pub Memo<Option<String>>);

/// The record id in the address, or `None` when the address has none or
/// it is not an id (the page then says no such record exists).
pub fn route_id() -> Memo<Option<RecordId>> {
    let given = use_context::<RouteId>();
    Memo::new(move |_| given.and_then(|g| g.0.with(|id| id.as_deref()?.parse().ok())))
}
