//! Benchmark data: the large set (thousands of customers and their
//! contacts, made directly as records: it measures the store, not the
//! rules), a plausible customer for the save benchmark, and another
//! device's edits for the sync benchmarks.

use super::people::ascii;
use super::sim::Rng;
use super::text;
use crate::domain::base::dates::Shift;
use crate::domain::base::order;
use crate::domain::base::record::{to_writes, Audit, Record};
use crate::domain::contact::{Channel, Contact, ContactStatus, Direction, ForwardStep};
use crate::domain::customer::{Customer, CustomerKind, PreferredChannel};
use crate::domain::staff::{Role, Staff};
use crate::sync::{RecordId, Write};
use chrono::{DateTime, Duration, NaiveDate, Utc};

fn audit(actor: RecordId, at: DateTime<Utc>) -> Audit {
    Audit::new(actor, at)
}

/// The benchmark set: `customers` customers and `contacts` contacts spread
/// among them, owned by `me` and a few generated specialists.
pub fn large_writes(
    seed: u64,
    customers: usize,
    contacts: usize,
    now: DateTime<Utc>,
    me: RecordId,
) -> Vec<Write> {
    let mut rng = Rng(seed);
    let mut writes = Vec::with_capacity(customers * 8 + contacts * 9);
    let mut specialists = vec![me];
    for i in 0..8 {
        let s = Staff {
            id: rng.id(),
            name: format!(
                "{} {} (bench {i})",
                rng.pick(text::FIRST_ES),
                rng.pick(text::LAST_ES)
            ),
            role: Role::Representative,
            active: true,
            demo: true,
            audit: audit(me, now),
            ..Staff::default()
        };
        specialists.push(s.id);
        writes.extend(to_writes(None, &s));
    }
    let mut ids = Vec::with_capacity(customers);
    for i in 0..customers {
        let c = demo_customer(&mut rng, i as u64, &specialists, me, now);
        ids.push((c.id, c.specialist.unwrap_or(me)));
        writes.extend(to_writes(None, &c));
    }
    for _ in 0..contacts {
        let (cid, owner) = if ids.is_empty() {
            (None, me)
        } else {
            let (c, o) = ids[rng.below(ids.len() as u64) as usize];
            (Some(c), o)
        };
        writes.extend(to_writes(
            None,
            &demo_contact(&mut rng, cid, owner, me, now, 365),
        ));
    }
    writes
}

pub(super) fn demo_customer(
    rng: &mut Rng,
    i: u64,
    specialists: &[RecordId],
    actor: RecordId,
    now: DateTime<Utc>,
) -> Customer {
    let name = format!(
        "{} {} {}",
        rng.pick(text::FIRST_ES),
        rng.pick(text::LAST_ES),
        rng.pick(text::LAST_ES)
    );
    let member = rng.chance(40);
    let mut tags: Vec<String> = (0..rng.below(3))
        .map(|_| rng.pick(&text::TAGS).0.to_string())
        .collect();
    if member {
        tags.push(text::MEMBERS.0.into());
    }
    order::sort(&mut tags);
    tags.dedup();
    // Most were assigned within the 60 days the contacts span; every 25th is
    // still waiting for its first contact (R-CUS-02 shows them on Today).
    let assigned_days = if i.is_multiple_of(25) {
        8 + rng.below(5) as i64
    } else {
        10 + rng.below(50) as i64
    };
    let created = now.minus(Duration::days(assigned_days));
    Customer {
        id: rng.id(),
        name: name.clone(),
        kind: if member {
            CustomerKind::Member
        } else {
            *rng.pick(&[
                CustomerKind::Individual,
                CustomerKind::Individual,
                CustomerKind::Group,
                CustomerKind::Potential,
            ])
        },
        phones: vec![format!(
            "6{:02} {:03} {:03}",
            rng.below(100),
            rng.below(1000),
            rng.below(1000)
        )],
        email: if rng.chance(75) {
            format!(
                "{}.{}@correo.example",
                ascii(name.split(' ').next().unwrap_or("c")),
                i
            )
        } else {
            String::new()
        },
        preferred_channel: *rng.pick(PreferredChannel::ALL),
        birthday: rng
            .chance(60)
            .then(|| {
                NaiveDate::from_ymd_opt(
                    1950 + rng.below(55) as i32,
                    1 + rng.below(12) as u32,
                    1 + rng.below(28) as u32,
                )
            })
            .flatten(),
        card_number: if member {
            format!("SOC-{:06}", 100_000 + i)
        } else {
            String::new()
        },
        card_expiry: member.then(|| {
            now.plus(Duration::days(rng.below(500) as i64 - 30))
                .date_naive()
        }),
        tags,
        specialist: Some(specialists[(i as usize) % specialists.len()]),
        assigned_at: Some(created),
        source: rng
            .pick(&["tienda", "web", "teléfono", "recomendación"])
            .to_string(),
        demo: true,
        audit: audit(actor, created),
        ..Customer::default()
    }
}

pub(super) fn demo_contact(
    rng: &mut Rng,
    customer: Option<RecordId>,
    owner: RecordId,
    actor: RecordId,
    now: DateTime<Utc>,
    days: u64,
) -> Contact {
    let t = rng.pick(text::CONTACTS);
    let (summary, category) = (t.summary.0, t.category);
    let channel = *rng.pick(&[
        Channel::Phone,
        Channel::Phone,
        Channel::Phone,
        Channel::Email,
        Channel::OnlineChat,
        Channel::Messaging,
        Channel::WalkIn,
        Channel::Sms,
    ]);
    let received = now.minus(Duration::minutes(rng.below(days * 24 * 60) as i64 + 30));
    let age_days = (now - received).num_days();
    let status = if age_days > 7 || rng.chance(60) {
        ContactStatus::Done
    } else if rng.chance(30) {
        ContactStatus::Forwarded
    } else {
        ContactStatus::Open
    };
    let forwarded = if status == ContactStatus::Forwarded {
        vec![ForwardStep {
            to_staff: None,
            to_department: Some(t.forward_to.0.to_string()),
            note: "Necesita revisión técnica".into(),
            by: owner,
            at: received.plus(Duration::minutes(20)),
            responded_at: None,
        }]
    } else {
        Vec::new()
    };
    Contact {
        id: rng.id(),
        customer,
        channel,
        direction: if rng.chance(80) {
            Direction::In
        } else {
            Direction::Out
        },
        category,
        summary: summary.to_string(),
        owner,
        received_at: received,
        first_response_at: Some(received.plus(Duration::seconds(30 + rng.below(420) as i64))),
        status,
        forwarded,
        resolution: if status == ContactStatus::Done {
            t.resolution.0.to_string()
        } else {
            String::new()
        },
        demo: true,
        audit: audit(actor, received),
        ..Contact::default()
    }
}

/// One plausible customer for the save benchmark.
pub fn bench_customer(id: RecordId, i: u64, me: RecordId, now: DateTime<Utc>) -> Customer {
    let mut rng = Rng(i.wrapping_mul(7919).wrapping_add(17));
    let mut c = demo_customer(&mut rng, i, &[me], me, now);
    c.id = id;
    c.demo = false;
    c
}

/// Another device's edits, for the sync benchmarks: `n_ops` field changes
/// over the customers in `base` (notes, e-mail, source, card number,
/// tags in turn), as actions of `per_action` writes, stamped by `replica` against
/// `base` so each overwrites the current value knowingly (no conflicts).
pub fn customer_field_edits(
    base: &crate::sync::State,
    replica: &mut crate::sync::Replica,
    n_ops: usize,
    per_action: usize,
    now_ms: u64,
) -> Vec<(u64, Vec<crate::sync::Op>)> {
    let ids: Vec<RecordId> = base
        .iter()
        .filter(|(kind, _, e)| *kind == Customer::KIND && !e.is_deleted())
        .map(|(_, id, _)| id)
        .collect();
    if ids.is_empty() {
        return Vec::new();
    }
    let fields = ["notes", "email", "source", "card_number", "tags"];
    let writes: Vec<Write> = (0..n_ops)
        .map(|i| {
            let field = fields[(i / ids.len()) % fields.len()];
            let value = match field {
                "email" => format!("cliente{i}@example.es").into(),
                "card_number" => format!("{:012}", i).into(),
                "tags" => serde_json::json!(["bench", format!("t{}", i % 7)]),
                _ => format!("{field} {i}").into(),
            };
            Write {
                kind: Customer::KIND.into(),
                id: ids[i % ids.len()],
                field: field.into(),
                value,
            }
        })
        .collect();
    writes
        .chunks(per_action.max(1))
        .map(|chunk| {
            let action = replica.stamp(base, chunk.to_vec(), now_ms);
            (action.seq, action.ops)
        })
        .collect()
}
