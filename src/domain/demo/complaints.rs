//! The demo's complaints, one at every stage of the closed loop (one of
//! them overdue, one serious, one unfounded and closed with the reply),
//! each step taken by whoever takes it in the department, on the day it
//! was taken; and the matters escalated up the chain.

use super::customers::Cust;
use super::people::Crew;
use super::sim::Sim;
use super::text::{self, Tr};
use crate::domain::base::dates::Shift;
use crate::domain::complaint::{
    self, Acceptance, Cause, CloseIds, ComplaintDraft, ImplementationForm, InvestigationForm,
    JudgementForm, Severity,
};
use crate::domain::contact::{act as contact, Category, Channel, ContactDraft, Direction};
use crate::domain::escalation::{self, EscalationDraft, Matter, RaiseIds};
use crate::domain::staff::Role;
use crate::sync::RecordId;
use chrono::{DateTime, Duration, Utc};

/// How far a complaint got.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Reach {
    Registered,
    Judged,
    Investigated,
    Planned,
    Implemented,
    Closed,
    /// Judged unfounded and closed with the reply.
    Unfounded,
}

struct Case {
    reach: Reach,
    /// Days before today it came in, and the hour (0: an hour ago).
    received: (i64, u32),
    channel: Channel,
    /// Registered from the customer's contact (R-CON-04).
    from_contact: bool,
    /// The representative who took it: (team, which).
    owner: (usize, usize),
    content: Tr,
    asks: Tr,
    department: Tr,
    severity: Severity,
    /// The day promised for the investigation, from today.
    deadline: i64,
    cause: Cause,
    cause_text: Tr,
    responsible: Tr,
    plans: [Tr; 2],
    done: Tr,
    words: Tr,
    sanctions: Tr,
    /// The improvement, or for an unfounded one the reply.
    last: Tr,
    /// Days before today of judging, investigating, planning, choosing,
    /// implementing and closing.
    days: [i64; 6],
}

const NONE: Tr = ("", "");

const CASES: [Case; 9] = [
    Case {
        reach: Reach::Registered,
        received: (0, 0),
        channel: Channel::Phone,
        from_contact: true,
        owner: (0, 0),
        content: ("La encimera nueva tiene una grieta junto al fregadero", "The new worktop has a crack next to the sink"),
        asks: ("Cambio de la encimera sin coste", "A free replacement worktop"),
        department: INSTALL, severity: Severity::Normal, deadline: 0, cause: Cause::ProductQuality,
        cause_text: NONE, responsible: NONE, plans: [NONE, NONE], done: NONE, words: NONE, sanctions: NONE, last: NONE,
        days: [0; 6],
    },
    Case {
        reach: Reach::Judged,
        received: (4, 17),
        channel: Channel::WalkIn,
        from_contact: false,
        owner: (1, 1),
        content: ("El sofá entregado no es del color que encargó", "The sofa delivered is not the colour ordered"),
        asks: ("Cambio por el sofá del color correcto", "An exchange for the right colour"),
        department: text::LOGISTICS, severity: Severity::Normal, deadline: 4, cause: Cause::Delivery,
        cause_text: NONE, responsible: NONE, plans: [NONE, NONE], done: NONE, words: NONE, sanctions: NONE, last: NONE,
        days: [3, 0, 0, 0, 0, 0],
    },
    Case {
        reach: Reach::Judged,
        received: (12, 10),
        channel: Channel::Email,
        from_contact: true,
        owner: (0, 1),
        content: ("El reembolso de la devolución lleva tres semanas sin llegar", "The refund for a return has not arrived after three weeks"),
        asks: ("Que le devuelvan los 349 € cuanto antes", "The refund for the return, as soon as possible"),
        department: text::ACCOUNTS, severity: Severity::Normal, deadline: -3, cause: Cause::Billing,
        cause_text: NONE, responsible: NONE, plans: [NONE, NONE], done: NONE, words: NONE, sanctions: NONE, last: NONE,
        days: [11, 0, 0, 0, 0, 0],
    },
    Case {
        reach: Reach::Investigated,
        received: (3, 10),
        channel: Channel::Phone,
        from_contact: false,
        owner: (0, 2),
        content: ("Tras el montaje de la cocina, una fuga de agua ha dañado el piso de abajo", "After the kitchen was fitted, a water leak damaged the flat below"),
        asks: ("Que se reparen los daños y la empresa se haga cargo", "The damage repaired, at the company's expense"),
        department: INSTALL, severity: Severity::Serious, deadline: 2, cause: Cause::Maintenance,
        cause_text: ("La toma del lavavajillas quedó sin apretar durante el montaje", "The dishwasher inlet was left loose during fitting"),
        responsible: ("Montajes Rivas (subcontrata)", "Rivers Fitting Ltd (subcontractor)"),
        plans: [
            ("Pagar la reparación del vecino con el seguro y revisar la instalación", "Pay the neighbour's repair through the insurance and inspect the fitting"),
            ("Reparación a cargo de la subcontrata y un mes de garantía extra", "Repair at the subcontractor's cost plus an extra month of warranty"),
        ],
        done: NONE, words: NONE, sanctions: NONE, last: NONE,
        days: [3, 1, 0, 0, 0, 0],
    },
    Case {
        reach: Reach::Planned,
        received: (9, 18),
        channel: Channel::Phone,
        from_contact: false,
        owner: (1, 0),
        content: ("Le cobraron la entrega aunque era gratuita por la promoción", "Charged for delivery although it was free under the promotion"),
        asks: ("Devolución de los 45 € del transporte", "The delivery charge refunded"),
        department: text::ACCOUNTS, severity: Severity::Low, deadline: -4, cause: Cause::Billing,
        cause_text: ("El TPV aplicó la tarifa de entrega estándar", "The till applied the standard delivery rate"),
        responsible: ("Caja de tienda, turno de tarde", "Store till, afternoon shift"),
        plans: [
            ("Devolver 45 € y enviar una disculpa por escrito", "Refund the delivery charge and send a written apology"),
            ("Devolver 45 € y regalar 500 puntos de socio", "Refund the delivery charge and add 500 member points"),
        ],
        done: NONE, words: NONE, sanctions: NONE, last: NONE,
        days: [8, 6, 5, 4, 0, 0],
    },
    Case {
        reach: Reach::Implemented,
        received: (14, 19),
        channel: Channel::OnlineChat,
        from_contact: true,
        owner: (1, 2),
        content: ("El técnico fue maleducado y se fue sin terminar la reparación", "The technician was rude and left without finishing the repair"),
        asks: ("Otro técnico y una disculpa", "Another technician and an apology"),
        department: text::AFTER_SALES, severity: Severity::Normal, deadline: -10, cause: Cause::ServiceAttitude,
        cause_text: ("El técnico tenía tres avisos más y cortó la visita", "The technician had three more calls and cut the visit short"),
        responsible: ("Técnico de la subcontrata, ruta norte", "Subcontracted technician, north route"),
        plans: [
            ("Enviar a otro técnico y disculpa del jefe de taller", "Send another technician; apology from the workshop manager"),
            NONE,
        ],
        done: ("Reparación terminada por otro técnico; el jefe de taller llamó para disculparse", "Repair finished by another technician; the workshop manager rang to apologise"),
        words: ("Me parece bien, gracias por solucionarlo", "That's fine, thank you for sorting it out"),
        sanctions: ("Amonestación por escrito al técnico", "Written warning to the technician"),
        last: NONE,
        days: [13, 11, 10, 10, 7, 0],
    },
    Case {
        reach: Reach::Closed,
        received: (20, 11),
        channel: Channel::Phone,
        from_contact: false,
        owner: (0, 0),
        content: ("El pedido llegó incompleto: faltaba la mesita de noche", "The order arrived incomplete: the bedside table was missing"),
        asks: ("Que le entreguen la mesita esta semana", "The bedside table delivered this week"),
        department: text::LOGISTICS, severity: Severity::Normal, deadline: -15, cause: Cause::Delivery,
        cause_text: ("La mesita se quedó en el almacén por un error de etiquetado", "The table stayed in the warehouse because of a labelling error"),
        responsible: ("Almacén central", "Central warehouse"),
        plans: [("Entrega urgente de la mesita sin coste", "Urgent delivery of the table at no cost"), NONE],
        done: ("Mesita entregada el jueves", "Table delivered on Thursday"),
        words: ("Ya la tengo, todo correcto", "Got it, all fine"),
        sanctions: NONE,
        last: ("Revisar las etiquetas de los pedidos de más de un bulto antes de cargar", "Check the labels of multi-parcel orders before loading"),
        days: [19, 17, 16, 16, 14, 12],
    },
    Case {
        reach: Reach::Closed,
        received: (10, 16),
        channel: Channel::Messaging,
        from_contact: false,
        owner: (1, 1),
        content: ("El colchón nuevo tiene un olor fuerte que no se va", "The new mattress has a strong smell that will not go"),
        asks: ("Cambiarlo por otro modelo", "An exchange for another model"),
        department: text::INSPECTION, severity: Severity::Low, deadline: -6, cause: Cause::ProductQuality,
        cause_text: ("Lote con olor de fábrica por un embalaje sin ventilar", "A batch with a factory smell from unventilated packing"),
        responsible: ("Proveedor de colchones", "Mattress supplier"),
        plans: [("Cambio por el modelo superior sin coste", "Exchange for the next model up at no cost"), NONE],
        done: ("Colchón cambiado; el lote se devuelve al proveedor", "Mattress exchanged; the batch goes back to the supplier"),
        words: ("Este sí, muchas gracias", "This one is fine, many thanks"),
        sanctions: NONE,
        last: ("Airear los colchones del lote nuevo 48 horas antes de la entrega", "Air new-batch mattresses for 48 hours before delivery"),
        days: [9, 8, 7, 7, 5, 4],
    },
    Case {
        reach: Reach::Unfounded,
        received: (6, 12),
        channel: Channel::Email,
        from_contact: false,
        owner: (0, 2),
        content: ("Exige que le devuelvan el dinero de una lámpara usada durante ocho meses", "Demands a refund for a lamp used for eight months"),
        asks: ("Reembolso completo", "A full refund"),
        department: NONE, severity: Severity::Low, deadline: 0, cause: Cause::Other,
        cause_text: NONE, responsible: NONE, plans: [NONE, NONE], done: NONE, words: NONE, sanctions: NONE,
        last: ("Le explicamos que la garantía cubre defectos, no el desgaste por uso, y le ofrecemos un 15 % en su próxima compra", "We explained that the warranty covers defects, not wear from use, and offered 15% off their next purchase"),
        days: [5, 0, 0, 0, 0, 5],
    },
];

const INSTALL: Tr = text::INSTALLATION;

fn step_time(sim: &Sim, days_ago: i64, hour: u32) -> DateTime<Utc> {
    sim.at(-days_ago, hour, 10).min(sim.now)
}

/// A customer entered before `t`, near the `n`th.
fn complainant(customers: &[Cust], n: usize, t: DateTime<Utc>) -> Option<RecordId> {
    let len = customers.len();
    (0..len)
        .map(|k| &customers[(n + k) % len])
        .find(|c| c.created < t.minus(Duration::days(2)))
        .map(|c| c.id)
}

/// Registers and moves on every case; returns each case's complaint.
pub(super) fn loop_cases(sim: &mut Sim, crew: &Crew, customers: &[Cust]) -> Vec<Option<RecordId>> {
    CASES
        .iter()
        .enumerate()
        .map(|(n, case)| one_case(sim, crew, customers, n, case))
        .collect()
}

fn one_case(
    sim: &mut Sim,
    crew: &Crew,
    customers: &[Cust],
    n: usize,
    case: &Case,
) -> Option<RecordId> {
    let (team, which) = case.owner;
    let owner = sim.who(crew.reps[team][which]);
    let lead = sim.who(crew.leads[team]);
    let dd = sim.who(crew.dd);
    let received = match case.received {
        (0, _) => sim.recent(60),
        (d, h) => sim.at(-d, h, 25),
    };
    let customer = complainant(customers, 11 + n * 13, received)?;
    let id = sim.id();
    let draft = ComplaintDraft {
        customer: Some(customer),
        channel: case.channel,
        content: sim.tr(case.content).to_string(),
        asks: sim.tr(case.asks).to_string(),
        received_at: received,
    };
    let registered = received.plus(Duration::minutes(12)).min(sim.now);
    if case.from_contact {
        // The customer's contact, turned into a complaint in one step and
        // then completed with what they ask for (R-CON-04).
        let contact_id = sim.id();
        let c = ContactDraft {
            customer: Some(customer),
            channel: case.channel,
            direction: Direction::In,
            category: Category::Complaint,
            summary: draft.content.clone(),
            received_at: received,
            first_response_at: Some(received.plus(Duration::minutes(1)).min(sim.now)),
        };
        let recorded = received.plus(Duration::minutes(2)).min(sim.now);
        let made = contact::record(&sim.m, &owner, c, contact_id, recorded);
        if !sim.take("contact", made) {
            return None;
        }
        let turned = contact::make_complaint(&sim.m, &owner, contact_id, id, registered);
        if !sim.take("complaint", turned) {
            return None;
        }
        let completed = complaint::update_registration(&sim.m, &owner, id, draft, registered);
        sim.take("complaint", completed);
    } else {
        let made = complaint::register(&sim.m, &owner, draft, id, registered);
        if !sim.take("complaint", made) {
            return None;
        }
    }
    if case.reach == Reach::Registered {
        return Some(id);
    }
    let [judged, investigated, planned, chosen, implemented, closed] = case.days;
    let zone = sim.zone;
    let founded = case.reach != Reach::Unfounded;
    let serious = case.severity == Severity::Serious;
    let judge = if serious { &dd } else { &lead };
    let form = JudgementForm {
        founded: Some(founded),
        department: sim.tr(case.department).to_string(),
        severity: founded.then_some(case.severity),
        deadline: founded.then(|| sim.day(case.deadline)),
    };
    let event = sim.id();
    let t = step_time(sim, judged, 13);
    let done = complaint::judge(&sim.m, judge, id, form, zone, event, t);
    if !sim.take("complaint_event", done) {
        return Some(id);
    }
    if !founded {
        let ids = CloseIds {
            event: sim.id(),
            visit: sim.id(),
        };
        let t = step_time(sim, closed, 17);
        let reply = sim.tr(case.last);
        let done = complaint::record_reply(&sim.m, &owner, id, reply, zone, ids, t);
        sim.take("complaint_event", done);
        return Some(id);
    }
    if case.reach < Reach::Investigated {
        return Some(id);
    }
    let form = InvestigationForm {
        cause: Some(case.cause),
        cause_text: sim.tr(case.cause_text).to_string(),
        responsible: sim.tr(case.responsible).to_string(),
    };
    let event = sim.id();
    let t = step_time(sim, investigated, 11);
    let done = complaint::investigate(&sim.m, &lead, id, form, event, t);
    if !sim.take("complaint_event", done) {
        return Some(id);
    }
    let mut proposals = Vec::new();
    for (k, plan) in case
        .plans
        .iter()
        .enumerate()
        .filter(|(_, p)| !p.0.is_empty())
    {
        let who = if k == 0 { &lead } else { &owner };
        let event = sim.id();
        let t = step_time(sim, planned, 12 + k as u32);
        let text = sim.tr(*plan);
        let done = complaint::propose_plan(&sim.m, who, id, text, event, t);
        if sim.take("complaint_event", done) {
            proposals.push(event);
        }
    }
    if case.reach < Reach::Planned {
        return Some(id);
    }
    let plan = *proposals.last()?;
    let event = sim.id();
    let t = step_time(sim, chosen, 16);
    let done = complaint::choose_plan(&sim.m, &dd, id, plan, event, t);
    if !sim.take("complaint_event", done) || case.reach < Reach::Implemented {
        return Some(id);
    }
    let form = ImplementationForm {
        done: sim.tr(case.done).to_string(),
        acceptance: Some(Acceptance::Accepted),
        signature: String::new(),
        customer_words: sim.tr(case.words).to_string(),
        sanctions: sim.tr(case.sanctions).to_string(),
    };
    let event = sim.id();
    let t = step_time(sim, implemented, 12);
    let done = complaint::implement(&sim.m, &owner, id, form, event, t);
    if !sim.take("complaint_event", done) || case.reach < Reach::Closed {
        return Some(id);
    }
    let ids = CloseIds {
        event: sim.id(),
        visit: sim.id(),
    };
    let t = step_time(sim, closed, 10);
    let improvements = sim.tr(case.last);
    let done = complaint::evaluate(&sim.m, &dd, id, improvements, zone, ids, t);
    sim.take("complaint_event", done);
    Some(id)
}

/// Three matters reported up the chain (R-ESC-01): one settled by the
/// team leader's instruction, one with the department director, who has
/// given instructions, and one sent straight to the center director in an
/// emergency (the department director, skipped, must acknowledge it).
pub(super) fn escalate(
    sim: &mut Sim,
    crew: &Crew,
    customers: &[Cust],
    complaints: &[Option<RecordId>],
) {
    // The serious complaint, fourth of the cases.
    let serious = complaints.get(3).copied().flatten();
    let serious_customer = serious
        .and_then(|c| sim.m.complaints.get(&c))
        .and_then(|c| c.customer);
    let difficult = customers.get(40).map(|c| c.id);

    // 1. A customer making trouble: the leader instructs, then closes it.
    let rep = sim.who(crew.reps[1][2]);
    let lead = sim.who(crew.leads[1]);
    let ids = RaiseIds {
        escalation: sim.id(),
        step: sim.id(),
    };
    let draft = EscalationDraft {
        matter: Some(Matter::TroublemakerCustomer),
        description: sim
            .tr((
                "Amenaza con publicar reseñas falsas si no le regalamos el envío; ya se le compensó dos veces",
                "Threatens fake reviews unless delivery is free; already compensated twice",
            ))
            .to_string(),
        customer: difficult,
        ..EscalationDraft::default()
    };
    let t = sim.at(-6, 17, 30).min(sim.now);
    let raised = escalation::raise(&sim.m, &rep, draft, ids, t);
    if sim.take("escalation", raised) {
        let step = sim.id();
        let t = sim.at(-6, 18, 10).min(sim.now);
        let said = sim.tr((
            "No ofrecer más compensaciones sin mi visto bueno; si vuelve a llamar, pasádmelo",
            "No more compensation without my approval; if they call again, put them through to me",
        ));
        let done = escalation::instruct(&sim.m, &lead, ids.escalation, said, step, t);
        sim.take("escalation_step", done);
        let step = sim.id();
        let t = sim.at(-2, 19, 0).min(sim.now);
        let said = sim.tr((
            "Atendido por la jefa de equipo; aceptó las condiciones habituales",
            "Handled by the team leader; accepted the usual terms",
        ));
        let done = escalation::close(&sim.m, &lead, ids.escalation, said, step, t);
        sim.take("escalation_step", done);
    }

    // 2. The serious complaint's damage: up to the department director.
    let rep = sim.who(crew.reps[0][2]);
    let lead = sim.who(crew.leads[0]);
    let dd = sim.who(crew.dd);
    let ids = RaiseIds {
        escalation: sim.id(),
        step: sim.id(),
    };
    let draft = EscalationDraft {
        matter: Some(Matter::MajorError),
        description: sim
            .tr((
                "Fuga de agua tras nuestro montaje: daños en el piso de abajo y el vecino habla de denunciar",
                "Water leak after our fitting: damage in the flat below and the neighbour mentions legal action",
            ))
            .to_string(),
        complaint: serious,
        customer: serious_customer,
        ..EscalationDraft::default()
    };
    let t = sim.at(-3, 11, 30).min(sim.now);
    if sim.take("escalation", escalation::raise(&sim.m, &rep, draft, ids, t)) {
        let step = sim.id();
        let t = sim.at(-3, 11, 50).min(sim.now);
        let note = sim.tr((
            "Riesgo de reclamación al seguro; lo paso a dirección",
            "Possible insurance claim; passing it up",
        ));
        let up = escalation::escalate(&sim.m, &lead, ids.escalation, None, false, note, step, t);
        sim.take("escalation_step", up);
        let step = sim.id();
        let t = sim.at(-3, 12, 30).min(sim.now);
        let said = sim.tr((
            "Avisad hoy al seguro y que Montaje vaya mañana a primera hora; nadie admite culpa por escrito hasta tener el informe",
            "Tell the insurer today and send Installation first thing tomorrow; nobody admits fault in writing until the report is in",
        ));
        let done = escalation::instruct(&sim.m, &dd, ids.escalation, said, step, t);
        sim.take("escalation_step", done);
    }

    // 3. A leak of customer data: straight to the center director.
    let lead = sim.who(crew.leads[1]);
    let ids = RaiseIds {
        escalation: sim.id(),
        step: sim.id(),
    };
    let draft = EscalationDraft {
        matter: Some(Matter::ConfidentialityLeak),
        description: sim
            .tr((
                "Un correo con la lista de clientes de la campaña se envió por error a un proveedor externo",
                "An e-mail with the campaign's customer list went to an outside supplier by mistake",
            ))
            .to_string(),
        to: Some(Role::CenterDirector),
        emergency: true,
        ..EscalationDraft::default()
    };
    let t = sim.recent(100);
    let raised = escalation::raise(&sim.m, &lead, draft, ids, t);
    sim.take("escalation", raised);
}
