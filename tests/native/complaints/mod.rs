//! R-CMP-01..05: the complaint's closed loop (split by stage below), deadlines, directors' lists,
//! the return visit on closing, statistics, and the offline double advance.

mod deadlines;
mod offline;
mod settled;
mod stages;
mod stats;

use crate::common::*;
use chrono::{DateTime, Duration, NaiveDate, Utc};
use ventanilla::domain::base::zone::Zone;
use ventanilla::domain::complaint::*;
use ventanilla::domain::contact::Channel;
use ventanilla::domain::staff::Role;
use ventanilla::domain::Model;
use ventanilla::sync::{DeviceId, Op, RecordId, Replica, Write};

/// One device: its replica, the model it shows, and what it wrote.
pub(super) struct Device {
    replica: Replica,
    model: Model,
    log: Vec<Op>,
}

impl Device {
    fn new(n: u64) -> Device {
        let mut model = team();
        put(
            &mut model,
            &staff(5, "Dora Departamento", Role::DepartmentDirector, &[]),
        );
        put(&mut model, &customer(10, "Lucía Pérez"));
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

    fn apply(&mut self, writes: Vec<Write>) {
        let ms = now().timestamp_millis() as u64 + self.log.len() as u64;
        let (action, changed) = self.replica.commit(writes, ms);
        self.log.extend(action.ops);
        self.refresh(changed);
    }

    /// Takes in everything `other` wrote.
    fn receive(&mut self, other: &Device) {
        let changed = self
            .replica
            .receive(&other.log, now().timestamp_millis() as u64 + 1_000)
            .expect("clocks agree");
        self.log.extend(other.log.iter().cloned());
        self.refresh(changed);
    }

    fn who(&self, n: u128) -> ventanilla::domain::staff::Staff {
        person(&self.model, n)
    }

    fn view(&self) -> ComplaintView {
        history(&self.model, C).expect("complaint exists")
    }
}

pub(super) const C: RecordId = RecordId(100);

pub(super) fn utc() -> Zone {
    Zone::UTC
}

pub(super) fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

pub(super) fn min(n: i64) -> DateTime<Utc> {
    now() + Duration::minutes(n)
}

pub(super) fn registered(d: &mut Device) {
    let draft = ComplaintDraft {
        customer: Some(id(10)),
        channel: Channel::Phone,
        content: "La nevera llegó con un golpe".into(),
        asks: "Cambio del aparato".into(),
        received_at: now(),
    };
    let w = register(&d.model, &d.who(3), draft, C, now()).unwrap();
    d.apply(w);
}

pub(super) fn founded(severity: Severity, deadline: NaiveDate) -> JudgementForm {
    JudgementForm {
        founded: Some(true),
        department: "Logística".into(),
        severity: Some(severity),
        deadline: Some(deadline),
    }
}

pub(super) fn judged(d: &mut Device, severity: Severity) {
    let w = judge(
        &d.model,
        &d.who(3),
        C,
        founded(severity, day(2026, 11, 25)),
        utc(),
        id(201),
        min(10),
    )
    .unwrap();
    d.apply(w);
}

pub(super) fn investigation() -> InvestigationForm {
    InvestigationForm {
        cause: Some(Cause::Delivery),
        cause_text: "El transportista dejó caer la caja".into(),
        responsible: "Transportes Rápidos".into(),
    }
}

pub(super) fn investigated(d: &mut Device) {
    let w = investigate(&d.model, &d.who(3), C, investigation(), id(202), min(60)).unwrap();
    d.apply(w);
}

pub(super) fn proposed(d: &mut Device, n: u128, text: &str) {
    let w = propose_plan(&d.model, &d.who(3), C, text, id(n), min(70)).unwrap();
    d.apply(w);
}

pub(super) fn implementation() -> ImplementationForm {
    ImplementationForm {
        done: "Se cambió la nevera".into(),
        acceptance: Some(Acceptance::Accepted),
        customer_words: "Conforme, gracias".into(),
        ..ImplementationForm::default()
    }
}

pub(super) fn ids(event: u128, visit: u128) -> CloseIds {
    CloseIds {
        event: id(event),
        visit: id(visit),
    }
}

/// Registered, judged, investigated, one plan proposed and chosen, implemented.
pub(super) fn implemented() -> Device {
    let mut d = Device::new(1);
    registered(&mut d);
    judged(&mut d, Severity::Normal);
    investigated(&mut d);
    proposed(&mut d, 203, "Cambiar el aparato");
    let w = choose_plan(&d.model, &d.who(5), C, id(203), id(204), min(80)).unwrap();
    d.apply(w);
    let w = implement(&d.model, &d.who(3), C, implementation(), id(205), min(90)).unwrap();
    d.apply(w);
    d
}
