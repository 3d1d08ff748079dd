//! Start-up reads the stored view rows (`sync::stored::encode_view`)
//! straight into typed records, through the kinds table, tolerating rows an
//! older or buggier version wrote.

use crate::domain::history::TraceBatch;
use crate::domain::kinds::ViewRow;
use crate::domain::model::Model;
use crate::sync::bundle::check_structure;
use crate::sync::split;
use crate::sync::stored::{BucketRead, CLOSED_KEY};
use crate::sync::RecordId;
use serde_json::Value;
use std::collections::BTreeMap;

impl Model {
    /// Adds the records of one view row: start-up parses these straight into
    /// typed records, without going through `serde_json::Value`.
    /// A row with a field this version cannot read (a newer version's value)
    /// is read record by record instead, through `refresh`'s forgiving path.
    /// Only a row that is not an object of lists at all is an error; see
    /// [`Model::load_view_report`] for the records it had to skip.
    pub fn load_view(&mut self, text: &str) -> Result<usize, serde_json::Error> {
        self.load_view_report(text).map(|r| r.records)
    }

    /// [`Model::load_view`], also saying which records it skipped: a row
    /// written by an older version may hold one nested too deep to read or
    /// beyond the limits imports meet; the rest of the row still loads.
    pub fn load_view_report(&mut self, text: &str) -> Result<BucketRead, serde_json::Error> {
        let mut batch = TraceBatch::default();
        let read = self.read_view_row(text, &mut batch);
        self.add_traces(batch);
        read
    }

    /// [`Model::load_view_report`] for one row of many: the row's traces
    /// are gathered in `batch`, for [`Model::add_traces`] once every row
    /// is read (start-up, a reload).
    pub fn read_view_row(
        &mut self,
        text: &str,
        batch: &mut TraceBatch,
    ) -> Result<BucketRead, serde_json::Error> {
        let row: ViewRow = match serde_json::from_str(text) {
            Ok(row) => row,
            Err(e) => {
                let loose = serde_json::from_str::<BTreeMap<String, Vec<(RecordId, Value)>>>(text);
                let mut read = BucketRead::default();
                match loose {
                    Ok(loose) => {
                        for (kind, records) in loose {
                            for (id, fields) in records {
                                self.refresh(&kind, id, Some(&fields));
                                read.records += 1;
                            }
                        }
                    }
                    Err(_) => self.load_view_split(text, &mut read, batch).ok_or(e)?,
                }
                return Ok(read);
            }
        };
        let mut read = BucketRead::default();
        self.load_row(row, &mut read, batch);
        Ok(read)
    }

    /// The last resort for a view row: record by record, skipping those that
    /// do not read or break the structural limits. None: not an object of lists.
    fn load_view_split(
        &mut self,
        text: &str,
        read: &mut BucketRead,
        batch: &mut TraceBatch,
    ) -> Option<()> {
        for kind in split::members(text)? {
            let name = kind.key?;
            if name == CLOSED_KEY {
                self.load_traces_split(kind.value, read, batch);
            } else {
                self.load_list_split(&name, kind.value, read);
            }
        }
        Some(())
    }

    /// One kind's list, `[[id, fields], …]`, record by record: a record that
    /// does not read, or breaks the structural limits imports meet, is left
    /// out and named in `read.skipped`; the others are read.
    pub(crate) fn load_list_split(&mut self, kind: &str, list: &str, read: &mut BucketRead) {
        let Some(members) = split::members(list) else {
            return read.skipped.push(format!("{kind}: not a list"));
        };
        for (i, m) in members.into_iter().enumerate() {
            let record = serde_json::from_str::<(RecordId, Value)>(m.value);
            let problem = match &record {
                Ok((_, Value::Object(fields))) => fields
                    .iter()
                    .find_map(|(f, v)| check_structure(v).err().map(|p| (f, p.limit)))
                    .map(|(f, limit)| format!("field {f}: {limit}")),
                Ok(_) => Some("not an object".to_string()),
                Err(e) => Some(e.to_string()),
            };
            match (record, problem) {
                (Ok((id, fields)), None) => {
                    self.refresh(kind, id, Some(&fields));
                    read.records += 1;
                }
                (_, why) => read.skipped.push(format!(
                    "{kind} record {}: {}",
                    i + 1,
                    why.unwrap_or_default()
                )),
            }
        }
    }
}
