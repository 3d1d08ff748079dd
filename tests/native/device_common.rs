//! A device in the tests of areas that merge: its replica (the stamped
//! state) and the model refreshed from it, as the store keeps them; saving an
//! operation's writes, taking in another device's, and reading a refusal.
//! Each area's common module starts it from its own organisation.

use crate::common::*;
use ventanilla::domain::staff::Staff;
use ventanilla::domain::{Model, RuleError};
use ventanilla::sync::{DeviceId, Op, Replica, Write};

/// The refusal's rule, or a panic naming what came instead.
pub fn refused<T: std::fmt::Debug>(got: Result<T, RuleError>) -> (RuleError, Option<&'static str>) {
    match got {
        Err(e) => {
            let rule = e.rule();
            (e, rule)
        }
        Ok(v) => panic!("expected a refusal, got {v:?}"),
    }
}

/// One device: its replica (the stamped state) and the model refreshed
/// from it, as the store keeps them.
pub struct Device {
    pub replica: Replica,
    pub model: Model,
    pub log: Vec<Op>,
}

impl Device {
    /// Device `n`, starting from `model` (an organisation set up by the test).
    pub fn on(n: u64, model: Model) -> Device {
        Device {
            replica: Replica::new(DeviceId(n)),
            model,
            log: Vec::new(),
        }
    }

    fn refresh(&mut self, keys: Vec<ventanilla::sync::RecordKey>) {
        for k in keys {
            let json = self.replica.state.get(&k.kind, k.id).map(|e| e.to_json());
            self.model.refresh(&k.kind, k.id, json.as_ref());
        }
    }

    /// Saves an operation's writes (it must have been accepted).
    pub fn save(&mut self, writes: Result<Vec<Write>, RuleError>) {
        let writes = writes.expect("the operation is accepted");
        let ms = now().timestamp_millis() as u64 + self.log.len() as u64;
        let (action, changed) = self.replica.commit(writes, ms);
        self.log.extend(action.ops);
        self.refresh(changed);
    }

    /// Takes in everything `other` has saved.
    pub fn receive(&mut self, other: &Device) {
        let changed = self
            .replica
            .receive(&other.log, now().timestamp_millis() as u64 + 10_000)
            .expect("clocks agree");
        self.log.extend(other.log.iter().cloned());
        self.refresh(changed);
    }

    pub fn who(&self, n: u128) -> Staff {
        person(&self.model, n)
    }
}
