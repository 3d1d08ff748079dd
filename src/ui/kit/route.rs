//! The record an address names (`/customers/:id`): the frame matches the
//! address (`ui::paths`), reads its `:id` segment as a record id once, and
//! hands it down; a page reads it here.

use crate::sync::RecordId;
use leptos::prelude::*;

/// The record id in the address the frame matched (`None` when the address
/// has none or it is not an id).
#[derive(Clone, Copy)]
pub struct RouteId(pub Memo<Option<RecordId>>);

/// The record id in the address, or `None` when there is none or it is not
/// an id (the page then says no such record exists).
pub fn route_id() -> Signal<Option<RecordId>> {
    use_context::<RouteId>().map_or(Signal::stored(None), |given| given.0.into())
}
