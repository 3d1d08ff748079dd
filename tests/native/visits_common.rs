//! Fixtures for the return-visit tests: dates, visits, and a device whose
//! model is fed only through its replica, so merges are real.

use crate::common::{id, now, person, team};
use chrono::NaiveDate;
use ventanilla::domain::base::record::{to_writes, Record};
use ventanilla::domain::base::zone::Zone;
use ventanilla::domain::staff::Staff;
use ventanilla::domain::visits::{ReturnVisit, VisitReason, VisitStatus};
use ventanilla::domain::{Audit, Model};
use ventanilla::sync::{DeviceId, Op, RecordKey, Replica, Write};

/// The organisation's zone these tests run in.
pub fn madrid() -> Zone {
    Zone::MADRID
}

pub fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid test day")
}

pub fn visit(n: u128, customer: u128, reason: VisitReason, due: NaiveDate) -> ReturnVisit {
    ReturnVisit {
        id: id(n),
        customer: id(customer),
        reason,
        due,
        status: VisitStatus::Open,
        audit: Audit::new(id(1), now()),
        ..ReturnVisit::default()
    }
}

pub struct World {
    pub replica: Replica,
    pub model: Model,
    pub log: Vec<Op>,
}

impl World {
    /// The common team (1 director, 2 leader, 3 and 4 representatives).
    pub fn new(device: u64) -> World {
        let mut w = World {
            replica: Replica::new(DeviceId(device)),
            model: Model::default(),
            log: Vec::new(),
        };
        for s in team().staff.values() {
            w.add(s);
        }
        w
    }

    pub fn who(&self, n: u128) -> Staff {
        person(&self.model, n)
    }

    fn refresh(&mut self, keys: Vec<RecordKey>) {
        for k in keys {
            let json = self.replica.state.get(&k.kind, k.id).map(|e| e.to_json());
            self.model.refresh(&k.kind, k.id, json.as_ref());
        }
    }

    /// Commits writes `late_ms` after the fixed test time.
    pub fn later(&mut self, writes: Vec<Write>, late_ms: u64) {
        let ms = now().timestamp_millis() as u64 + late_ms + self.log.len() as u64;
        let (action, changed) = self.replica.commit(writes, ms);
        self.log.extend(action.ops);
        self.refresh(changed);
    }

    pub fn apply(&mut self, writes: Vec<Write>) {
        self.later(writes, 0);
    }

    pub fn add<T: Record>(&mut self, r: &T) {
        self.apply(to_writes(None, r));
    }

    /// Takes in everything `other` has seen.
    pub fn receive(&mut self, other: &World) {
        let changed = self
            .replica
            .receive(&other.log, now().timestamp_millis() as u64 + 600_000)
            .expect("clocks agree");
        self.log.extend(other.log.iter().cloned());
        self.refresh(changed);
    }
}
