//! The customer search index, made after the first paint a slice of
//! customers at a time: at five branch-years the whole index is a third of
//! a second of work, and made at once it held Today unanswering just after
//! it was drawn. Customers changed while it is made are noted by the
//! refresh (`Ctx::note_search_changes`) and brought up to date at the end;
//! a model made again meanwhile (a reload, a bulk write) cancels it.

use super::state::Ctx;
use crate::domain::customer::{SearchBuilder, SearchIndex};
use crate::sync::RecordId;
use leptos::prelude::*;

/// Customers per slice: a few milliseconds each, so a tap between two
/// slices is answered at once.
const SLICE: usize = 4_000;

impl Ctx {
    /// Makes the search index from the model, yielding to the page between
    /// slices; the index in place meanwhile keeps what refreshes put in it.
    pub fn build_search_in_slices(&self) {
        let ctx = *self;
        ctx.search_changes.set_value(Some(Vec::new()));
        leptos::task::spawn_local(async move {
            let ids: Vec<RecordId> = ctx
                .model
                .with_untracked(|m| m.customers.keys().copied().collect());
            let mut builder = SearchBuilder::default();
            for slice in ids.chunks(SLICE) {
                gloo_timers::future::TimeoutFuture::new(0).await;
                if ctx.search_changes.with_value(Option::is_none) {
                    return;
                }
                ctx.model.with_untracked(|m| {
                    builder.add(slice.iter().filter_map(|id| m.customers.get(id)));
                });
            }
            let Some(changed) = ctx.search_changes.try_update_value(Option::take).flatten() else {
                return;
            };
            let mut index = builder.finish();
            ctx.model.with_untracked(|m| {
                index.update_many(changed.iter().map(|id| (*id, m.customers.get(id))));
            });
            ctx.search.try_set(index);
        });
    }

    /// While the index is made: these customers changed.
    pub(crate) fn note_search_changes(&self, customers: impl Iterator<Item = RecordId>) {
        self.search_changes.update_value(|c| {
            if let Some(c) = c {
                c.extend(customers);
            }
        });
    }

    /// If the index is being made a slice at a time, makes it whole now
    /// (the benchmark's searches must see every customer).
    #[cfg(feature = "hooks")]
    pub(crate) fn finish_search_now(&self) {
        if self.search_changes.with_value(Option::is_some) {
            let index = self.model.with_untracked(SearchIndex::build);
            self.set_search(index);
        }
    }

    /// A whole index made at once (the model made again): any index being
    /// made a slice at a time is dropped.
    pub(crate) fn set_search(&self, index: SearchIndex) {
        self.search_changes.set_value(None);
        self.search.try_set(index);
    }
}
