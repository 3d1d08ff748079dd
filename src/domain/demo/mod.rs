//! Demo and benchmark data, generated from a seed (no random source here:
//! the shell passes the seed in). Everything it makes carries `demo: true`,
//! so "clear demo data" removes exactly this and nothing of yours.

use crate::domain::base::dates::Shift;
use crate::domain::base::record::{to_writes, Audit, Record};
use crate::domain::contact::{Category, Channel, Contact, ContactStatus, Direction, ForwardStep};
use crate::domain::customer::{Customer, CustomerKind, PreferredChannel};
use crate::domain::model::Model;
use crate::domain::staff::{Role, Staff};
use crate::sync::{RecordId, Write};
use chrono::{DateTime, Duration, NaiveDate, Utc};

/// SplitMix64: tiny, fast, good enough for sample data.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: u64) -> u64 {
        if n == 0 {
            0
        } else {
            self.next() % n
        }
    }
    fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len() as u64) as usize]
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
    fn id(&mut self) -> RecordId {
        RecordId(((self.next() as u128) << 64) | self.next() as u128)
    }
}

const FIRST: &[&str] = &[
    "José", "María", "Lucía", "Álvaro", "Sofía", "Martín", "Carmen", "Andrés", "Inés", "Raúl",
    "Begoña", "Íñigo", "Nuria", "Óscar", "Ángela", "Jesús", "Rocío", "Tomás", "Elena", "Adrián",
    "Maite", "Sergio", "Paula", "Joaquín", "Marta", "Rubén", "Beatriz", "Ramón", "Noemí", "Víctor",
    "Pilar", "Hugo", "Aitana", "Germán", "Iria", "Julián",
];
const LAST: &[&str] = &[
    "García",
    "Pérez",
    "Martínez",
    "López",
    "Sánchez",
    "Gómez",
    "Fernández",
    "Rodríguez",
    "Muñoz",
    "Jiménez",
    "Núñez",
    "Álvarez",
    "Romero",
    "Suárez",
    "Ibáñez",
    "Domínguez",
    "Vázquez",
    "Gutiérrez",
    "Castaño",
    "Peña",
    "Ortiz",
    "Rubio",
    "Marín",
    "Herrera",
    "Cortés",
    "Delgado",
    "Morán",
    "Calvo",
    "León",
    "Méndez",
    "Sáez",
    "Bermúdez",
];
const TAGS: &[&str] = &[
    "socios",
    "reparaciones",
    "empresas",
    "vip",
    "sofás",
    "cocinas",
    "electrodomésticos",
    "online",
];
const SUMMARIES: &[(&str, Category)] = &[
    (
        "Pregunta por la fecha de entrega del sofá",
        Category::Enquiry,
    ),
    ("Quiere ampliar el pedido con dos sillas", Category::Order),
    (
        "La lavadora llegó con un golpe en el lateral",
        Category::GoodsInspection,
    ),
    (
        "Reclama el reembolso de un cargo duplicado",
        Category::Claim,
    ),
    ("Se queja del trato recibido en tienda", Category::Complaint),
    (
        "Sugiere ampliar el horario del sábado",
        Category::Suggestion,
    ),
    (
        "Solicita reparación en garantía del frigorífico",
        Category::AfterSales,
    ),
    (
        "Consulta el estado de su tarjeta de socio",
        Category::Enquiry,
    ),
    (
        "Why has my payment not arrived within 15 days?",
        Category::Claim,
    ),
    (
        "Asks to reschedule the kitchen installation",
        Category::Order,
    ),
    (
        "El técnico no se presentó a la cita acordada",
        Category::Complaint,
    ),
    ("Pide factura a nombre de la empresa", Category::Enquiry),
    (
        "Montaje incompleto: faltan tornillos del armario",
        Category::AfterSales,
    ),
    (
        "Wants to know the return policy for online orders",
        Category::Enquiry,
    ),
];
const RESOLUTIONS: &[&str] = &[
    "Informado del plazo; entrega confirmada para el jueves",
    "Pedido actualizado y confirmado por correo",
    "Se envía técnico para revisar; cambio aprobado",
    "Reembolso tramitado con contabilidad",
    "Customer informed; follow-up call scheduled",
];
const DEPARTMENTS: &[&str] = &[
    "Posventa",
    "Logística",
    "Contabilidad",
    "Inspección de calidad",
];

fn audit(actor: RecordId, at: DateTime<Utc>) -> Audit {
    Audit::new(actor, at)
}

fn fold_ascii(s: &str) -> String {
    crate::domain::base::text::fold(s)
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .collect()
}

/// A small center: eight people, 200 customers, contacts over 60 days.
pub fn demo_writes(seed: u64, now: DateTime<Utc>, director: RecordId) -> Vec<Write> {
    let mut rng = Rng(seed);
    let team: &[(&str, Role, &str, &[&str])] = &[
        ("Carmen Ortega", Role::DepartmentDirector, "Mañana", &[]),
        (
            "Javier Molina",
            Role::TeamLeader,
            "Mañana",
            &["socios", "empresas"],
        ),
        (
            "Lucía Fernández",
            Role::TeamLeader,
            "Tarde",
            &["reparaciones"],
        ),
        (
            "Pablo Sánchez",
            Role::Representative,
            "Mañana",
            &["socios", "vip"],
        ),
        (
            "Sofía Ramírez",
            Role::Representative,
            "Mañana",
            &["reparaciones", "electrodomésticos"],
        ),
        (
            "Diego Navarro",
            Role::Representative,
            "Tarde",
            &["empresas", "cocinas"],
        ),
        (
            "Elena Castro",
            Role::Representative,
            "Tarde",
            &["socios", "sofás"],
        ),
        ("Raúl Iglesias", Role::QualityInspector, "Mañana", &[]),
    ];
    let mut writes = Vec::new();
    let mut specialists = vec![director];
    for (name, role, shift, skills) in team {
        let s = Staff {
            id: rng.id(),
            name: name.to_string(),
            role: *role,
            team: shift.to_string(),
            skills: skills
                .iter()
                .map(|s| crate::domain::base::text::fold(s))
                .collect(),
            phone: format!(
                "6{:02} {:03} {:03}",
                rng.below(100),
                rng.below(1000),
                rng.below(1000)
            ),
            email: format!(
                "{}@ventanilla.example",
                fold_ascii(name.split(' ').next().unwrap_or("staff"))
            ),
            active: true,
            demo: true,
            audit: audit(director, now.minus(Duration::days(120))),
        };
        if matches!(role, Role::Representative | Role::TeamLeader) {
            specialists.push(s.id);
        }
        writes.extend(to_writes(None, &s));
    }
    let customers: Vec<Customer> = (0..200)
        .map(|i| demo_customer(&mut rng, i, &specialists, director, now))
        .collect();
    for (i, c) in customers.iter().enumerate() {
        writes.extend(to_writes(None, c));
        // The first contact, a few days after assignment (but not for the
        // ones left overdue on purpose).
        if let (false, Some(assigned), Some(owner)) =
            (i.is_multiple_of(25), c.assigned_at, c.specialist)
        {
            let mut first = demo_contact(&mut rng, Some(c.id), owner, director, now, 1);
            first.received_at = assigned.plus(Duration::hours(2 + rng.below(96) as i64));
            first.first_response_at = Some(first.received_at.plus(Duration::minutes(1)));
            first.direction = Direction::Out;
            first.status = ContactStatus::Done;
            first.forwarded.clear();
            first.resolution = "Bienvenida y presentación del especialista".into();
            first.summary = "Llamada de bienvenida".into();
            first.category = Category::Enquiry;
            writes.extend(to_writes(None, &first));
        }
    }
    for i in 0..600u64 {
        let c = &customers[rng.below(customers.len() as u64) as usize];
        // The director owns a few recent ones so Today is not empty.
        let owner = if i.is_multiple_of(40) {
            director
        } else {
            c.specialist.unwrap_or(director)
        };
        let contact = demo_contact(&mut rng, Some(c.id), owner, director, now, 60);
        writes.extend(to_writes(None, &contact));
    }
    writes
}

fn demo_customer(
    rng: &mut Rng,
    i: u64,
    specialists: &[RecordId],
    actor: RecordId,
    now: DateTime<Utc>,
) -> Customer {
    let name = format!("{} {} {}", rng.pick(FIRST), rng.pick(LAST), rng.pick(LAST));
    let member = rng.chance(40);
    let mut tags: Vec<String> = (0..rng.below(3))
        .map(|_| rng.pick(TAGS).to_string())
        .collect();
    if member {
        tags.push("socios".into());
    }
    tags.sort();
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
                fold_ascii(name.split(' ').next().unwrap_or("c")),
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

fn demo_contact(
    rng: &mut Rng,
    customer: Option<RecordId>,
    owner: RecordId,
    actor: RecordId,
    now: DateTime<Utc>,
    days: u64,
) -> Contact {
    let (summary, category) = *rng.pick(SUMMARIES);
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
            to_department: Some(rng.pick(DEPARTMENTS).to_string()),
            note: "Necesita revisión técnica".into(),
            by: owner,
            at: received.plus(Duration::minutes(20)),
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
            rng.pick(RESOLUTIONS).to_string()
        } else {
            String::new()
        },
        demo: true,
        audit: audit(actor, received),
        ..Contact::default()
    }
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
            name: format!("{} {} (bench {i})", rng.pick(FIRST), rng.pick(LAST)),
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

/// Every record the demo made, for "clear demo data".
pub fn demo_ids(model: &Model) -> Vec<(&'static str, RecordId)> {
    let mut out: Vec<(&'static str, RecordId)> = Vec::new();
    out.extend(
        model
            .customers
            .values()
            .filter(|c| c.demo)
            .map(|c| (Customer::KIND, c.id)),
    );
    out.extend(
        model
            .contacts
            .values()
            .filter(|c| c.demo)
            .map(|c| (Contact::KIND, c.id)),
    );
    out.extend(
        model
            .complaints
            .values()
            .filter(|c| c.demo)
            .map(|c| (crate::domain::complaint::Complaint::KIND, c.id)),
    );
    out.extend(
        model
            .complaint_events
            .values()
            .filter(|e| e.demo)
            .map(|e| (crate::domain::complaint::ComplaintEvent::KIND, e.id)),
    );
    out.extend(
        model
            .escalations
            .values()
            .filter(|e| e.demo)
            .map(|e| (crate::domain::escalation::Escalation::KIND, e.id)),
    );
    out.extend(
        model
            .escalation_steps
            .values()
            .filter(|e| e.demo)
            .map(|e| (crate::domain::escalation::EscalationStep::KIND, e.id)),
    );
    out.extend(
        model
            .visits
            .values()
            .filter(|v| v.demo)
            .map(|v| (crate::domain::visits::ReturnVisit::KIND, v.id)),
    );
    let rv = &model.rv;
    out.extend(
        rv.attempts
            .values()
            .filter(|a| a.demo)
            .map(|a| (crate::domain::visits::VisitAttempt::KIND, a.id)),
    );
    out.extend(
        rv.campaigns
            .values()
            .filter(|c| c.demo)
            .map(|c| (crate::domain::visits::Campaign::KIND, c.id)),
    );
    out.extend(
        rv.tasks
            .values()
            .filter(|t| t.demo)
            .map(|t| (crate::domain::visits::Task::KIND, t.id)),
    );
    out.extend(
        model
            .staff
            .values()
            // Demo staff made before the `demo` field are known by their address.
            .filter(|s| s.demo || s.email.ends_with("@ventanilla.example"))
            .map(|s| (Staff::KIND, s.id)),
    );
    out
}

mod bench;
pub use bench::{bench_customer, customer_field_edits};
