//! One device's replica: state plus clock plus its sequence counter. Turns
//! the domain's writes into stamped operations, and takes in others' ones.

use super::clock::{Clock, ClockError, Stamp};
use super::id::{DeviceId, RecordId};
use super::op::{Op, Write};
use super::state::{RecordKey, State};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// The operations of one user action: the unit that is persisted in one
/// transaction and announced to other tabs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Action {
    pub device: DeviceId,
    pub seq: u64,
    pub ops: Vec<Op>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Replica {
    pub state: State,
    pub clock: Clock,
    /// Last sequence number this device allocated.
    pub seq: u64,
}

impl Replica {
    pub fn new(device: DeviceId) -> Self {
        Replica {
            state: State::default(),
            clock: Clock::new(device),
            seq: 0,
        }
    }

    pub fn device(&self) -> DeviceId {
        self.clock.device
    }

    /// Stamps the writes of one action (one stamp for all of them: they touch
    /// distinct fields) and records what each overwrote in `base` (the
    /// stored state of the records written). Does not apply them.
    pub fn stamp(&mut self, base: &State, writes: Vec<Write>, now_ms: u64) -> Action {
        let stamp = self.clock.tick(now_ms);
        self.seq += 1;
        let mut ops: Vec<Op> = Vec::with_capacity(writes.len());
        // The same field written twice in one action: the last one counts.
        let mut seen: HashMap<(String, RecordId, String), usize> =
            HashMap::with_capacity(writes.len());
        for w in writes {
            let p = base
                .get(&w.kind, w.id)
                .and_then(|e| e.fields.get(&w.field))
                .map(|f| f.stamp);
            if let Some(&at) = seen.get(&(w.kind.clone(), w.id, w.field.clone())) {
                ops[at].value = w.value;
                continue;
            }
            seen.insert((w.kind.clone(), w.id, w.field.clone()), ops.len());
            ops.push(Op {
                stamp,
                kind: w.kind,
                id: w.id,
                field: w.field,
                value: w.value,
                p,
            });
        }
        Action {
            device: self.device(),
            seq: self.seq,
            ops,
        }
    }

    /// Stamps and applies a local action.
    pub fn commit(&mut self, writes: Vec<Write>, now_ms: u64) -> (Action, Vec<RecordKey>) {
        let state = std::mem::take(&mut self.state);
        let action = self.stamp(&state, writes, now_ms);
        self.state = state;
        let changed = self.state.apply(&action.ops);
        (action, changed)
    }

    /// Takes in operations from elsewhere: all or nothing. A stamp more than
    /// a day ahead refuses the whole batch before the clock moves.
    pub fn receive(&mut self, ops: &[Op], now_ms: u64) -> Result<Vec<RecordKey>, ClockError> {
        for op in ops {
            self.clock.check(&op.stamp, now_ms)?;
        }
        if let Some(max) = ops.iter().map(|o| o.stamp).max() {
            self.observe(&max);
        }
        Ok(self.state.apply(ops))
    }

    fn observe(&mut self, stamp: &Stamp) {
        self.clock.observe(stamp);
    }
}
