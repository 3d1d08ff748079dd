//! Reading the view rows start-up needs and the history rows it leaves for
//! later (`domain::history`), a page of rows at a time.

use super::idb;
use super::records::{js_err, Store, StoreError, HISTORY, VIEWS};
use crate::sync::stored::BUCKETS as BUCKET_ROWS;

impl Store {
    /// Hands every view row (the open records' plain current values) to
    /// `each`, a page of rows at a time, asking for the next page before
    /// handing over this one: reading overlaps parsing, and start-up never
    /// holds every row's text at once. One read transaction, so the rows
    /// are of one moment.
    pub async fn each_view_row(&self, each: impl FnMut(&str)) -> Result<(), StoreError> {
        self.each_row(VIEWS, each).await
    }

    /// [`Store::each_view_row`] for the history rows: the closed records.
    pub async fn each_history_row(&self, each: impl FnMut(&str)) -> Result<(), StoreError> {
        self.each_row(HISTORY, each).await
    }

    async fn each_row(&self, store: &str, mut each: impl FnMut(&str)) -> Result<(), StoreError> {
        const PAGE: u32 = 16;
        let tx = self.tx(&[store], false)?;
        let views = tx.object_store(store).map_err(js_err)?;
        // Rows are keyed by bucket number; the last page also takes any
        // key beyond (none in this layout).
        let page = |from: u32| {
            let range = if from + PAGE >= BUCKET_ROWS {
                web_sys::IdbKeyRange::lower_bound(&from.into())
            } else {
                web_sys::IdbKeyRange::bound_with_lower_open_and_upper_open(
                    &from.into(),
                    &(from + PAGE).into(),
                    false,
                    true,
                )
            };
            range
                .and_then(|r| views.get_all_with_key(&r))
                .map_err(js_err)
        };
        let mut from = 0;
        let mut next = Some(page(from)?);
        while let Some(request) = next.take() {
            let rows = idb::request(&request).await?;
            from += PAGE;
            if from < BUCKET_ROWS {
                // Asked before this page is parsed: the transaction stays
                // alive, and the database reads while the app parses.
                next = Some(page(from)?);
            }
            for row in js_sys::Array::from(&rows).iter() {
                if let Some(text) = row.as_string() {
                    each(&text);
                }
            }
        }
        Ok(())
    }

    /// Every view row at once (tests, and small stores).
    pub async fn load_views(&self) -> Result<Vec<String>, StoreError> {
        let mut rows = Vec::new();
        self.each_view_row(|row| rows.push(row.to_string())).await?;
        Ok(rows)
    }

    /// Every history row at once (tests).
    pub async fn load_history(&self) -> Result<Vec<String>, StoreError> {
        let mut rows = Vec::new();
        self.each_history_row(|row| rows.push(row.to_string()))
            .await?;
        Ok(rows)
    }

    /// The history rows of some buckets, in one read transaction: a
    /// customer's page reads its customer's closed records only.
    pub async fn history_rows(&self, buckets: &[u32]) -> Result<Vec<String>, StoreError> {
        let tx = self.tx(&[HISTORY], false)?;
        let store = tx.object_store(HISTORY).map_err(js_err)?;
        let requests = buckets
            .iter()
            .map(|b| store.get(&(*b).into()).map_err(js_err))
            .collect::<Result<Vec<_>, _>>()?;
        let mut rows = Vec::new();
        for request in requests {
            if let Some(text) = idb::request(&request).await?.as_string() {
                rows.push(text);
            }
        }
        Ok(rows)
    }
}
