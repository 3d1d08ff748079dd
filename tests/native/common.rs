//! Shared fixtures for the native domain tests.

use chrono::{DateTime, TimeZone, Utc};
use ventanilla::domain::base::record::Record;
use ventanilla::domain::customer::Customer;
use ventanilla::domain::staff::{Role, Staff};
use ventanilla::domain::{Audit, Model};
use ventanilla::sync::RecordId;
/// The refusals' words (`err.message(lang)`) live in the interface's words.
pub use ventanilla::ui::words::RefusalWords;

pub fn at(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, d, h, min, 0)
        .single()
        .expect("valid test date")
}

pub fn now() -> DateTime<Utc> {
    at(2026, 11, 22, 10, 0)
}

pub fn id(n: u128) -> RecordId {
    RecordId(n)
}

/// Puts a record into the model the way the store does: through its JSON fields.
pub fn put<T: Record>(model: &mut Model, record: &T) {
    let json = serde_json::to_value(record).expect("records serialise");
    model.refresh(T::KIND, record.id(), Some(&json));
}

pub fn staff(n: u128, name: &str, role: Role, skills: &[&str]) -> Staff {
    Staff {
        id: id(n),
        name: name.into(),
        role,
        team: "Mañana".into(),
        skills: skills.iter().map(|s| s.to_string()).collect(),
        active: true,
        audit: Audit::new(id(n), now()),
        ..Staff::default()
    }
}

pub fn customer(n: u128, name: &str) -> Customer {
    Customer {
        id: id(n),
        name: name.into(),
        audit: Audit::new(id(1), now()),
        ..Customer::default()
    }
}

/// A small team: director 1, team leader 2, representatives 3 and 4.
pub fn team() -> Model {
    let mut m = Model::default();
    put(
        &mut m,
        &staff(1, "Ana Directora", Role::CenterDirector, &[]),
    );
    put(
        &mut m,
        &staff(2, "Javier Líder", Role::TeamLeader, &["empresas"]),
    );
    put(
        &mut m,
        &staff(3, "Pablo Rep", Role::Representative, &["socios"]),
    );
    put(
        &mut m,
        &staff(4, "Sofía Rep", Role::Representative, &["reparaciones"]),
    );
    m
}

pub fn person(m: &Model, n: u128) -> Staff {
    m.staff.get(&id(n)).cloned().expect("staff exists")
}

/// The buckets' summaries of a state as the store keeps them: one per
/// bucket, through its stored text (`sync::summary`).
pub fn summaries_of(state: &ventanilla::sync::State) -> ventanilla::sync::summary::Summaries {
    use ventanilla::sync::summary::{BucketSummary, Summaries};
    let mut out = Summaries::default();
    for rows in
        ventanilla::sync::stored::encode_all_split(state, ventanilla::domain::history::HISTORY)
            .values()
    {
        let stored = BucketSummary::decode(&rows.summary.encode()).expect("a summary reads back");
        out.add(&stored);
    }
    out
}
