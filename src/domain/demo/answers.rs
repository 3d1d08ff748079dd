//! The demo's standard answers (R-KB-01): the weekly meeting agrees the
//! answers the week's cases asked for, representatives use them on their
//! contacts afterwards, and one contact's question is still waiting for
//! an answer at the next meeting.

use super::people::Crew;
use super::sim::Sim;
use super::text::Tr;
use crate::domain::contact::records::Category;
use crate::domain::dept::MeetingKind;
use crate::domain::kb::{act, AnswerDraft, AnswerIds};
use crate::sync::RecordId;
use chrono::Duration;

/// (question, answer, category, keywords)
type Answer = (Tr, Tr, Category, Tr);

const ANSWERS: [Answer; 3] = [
    (
        ("Devolución de un pedido online", "Returning an online order"),
        (
            "Hola {customer}: tiene 30 días para devolverlo. Pasamos a recogerlo sin coste y le reembolsamos el importe en 5 días hábiles. Un saludo, {agent} ({org}).",
            "Hello {customer}: you have 30 days to return it. We collect it free of charge and refund you within 5 working days. Kind regards, {agent} ({org}).",
        ),
        Category::AfterSales,
        ("devolución, reembolso, recogida", "return, refund, collection"),
    ),
    (
        ("Plazo de entrega de muebles", "Furniture delivery times"),
        (
            "Hola {customer}: los muebles en stock se entregan en 3 a 5 días laborables; los de fabricación, en 4 a 6 semanas. Le avisamos la víspera con la franja horaria.",
            "Hello {customer}: furniture in stock is delivered in 3 to 5 working days; made-to-order pieces in 4 to 6 weeks. We call the day before with the time slot.",
        ),
        Category::Order,
        ("entrega, plazo, muebles", "delivery, time, furniture"),
    ),
    (
        ("Garantía de electrodomésticos", "Appliance warranty"),
        (
            "Hola {customer}: los electrodomésticos tienen 3 años de garantía desde la fecha del ticket. Con el ticket o la factura, el servicio técnico pasa por su casa sin coste.",
            "Hello {customer}: appliances carry a 3-year warranty from the receipt date. With the receipt or invoice, the technician visits your home free of charge.",
        ),
        Category::Claim,
        ("garantía, reparación, técnico", "warranty, repair, technician"),
    ),
];

pub(super) fn standard_answers(sim: &mut Sim, crew: &Crew) {
    // The weekly meeting that took place (ops::meetings held it).
    let Some((meeting, held)) = sim
        .m
        .dept
        .meetings
        .values()
        .filter(|m| m.kind == MeetingKind::Weekly && m.held)
        .map(|m| {
            (
                m.id,
                m.scheduled_at.checked_add_signed(Duration::minutes(75)),
            )
        })
        .find_map(|(id, t)| t.map(|t| (id, t)))
    else {
        return;
    };
    if held > sim.now {
        return;
    }
    let me = sim.who(crew.me);
    let mut agreed: Vec<(RecordId, Category)> = Vec::new();
    for (question, text, category, keywords) in ANSWERS {
        let draft = AnswerDraft {
            question: sim.tr(question).to_string(),
            text: sim.tr(text).to_string(),
            category,
            lang: sim.lang,
            keywords: sim
                .tr(keywords)
                .split(',')
                .map(|k| k.trim().to_string())
                .collect(),
            gap: None,
        };
        let ids = AnswerIds {
            answer: sim.id(),
            version: sim.id(),
        };
        let drafted = act::draft_answer(&sim.m, &me, draft, ids, held);
        if !sim.take("answer", drafted) {
            continue;
        }
        let done = act::agree_answer(&sim.m, &me, ids.answer, meeting, held);
        if sim.take("answer", done) {
            agreed.push((ids.answer, category));
        }
    }
    // Used since on the contacts of their category, by whoever owns them.
    let mut uses: Vec<(RecordId, RecordId, RecordId, chrono::DateTime<chrono::Utc>)> = Vec::new();
    for (answer, category) in &agreed {
        uses.extend(
            sim.m
                .contacts
                .values()
                .filter(|c| {
                    c.category == *category && c.received_at > held && c.received_at <= sim.now
                })
                .take(3)
                .map(|c| (*answer, c.id, c.owner, c.received_at)),
        );
    }
    for (answer, contact, owner, at) in uses {
        let who = sim.who(owner);
        let id = sim.id();
        let done = act::use_answer(&sim.m, &who, answer, Some(contact), id, at);
        sim.take("answer use", done);
    }
    // A question nobody has an answer for yet: on the next meeting's agenda.
    let waiting = sim
        .m
        .contacts
        .values()
        .filter(|c| c.category == Category::Enquiry && c.received_at <= sim.now)
        .max_by_key(|c| c.received_at)
        .map(|c| (c.id, c.owner, c.received_at, c.summary.clone()));
    if let Some((contact, owner, at, question)) = waiting {
        let who = sim.who(owner);
        let done = act::mark_no_answer(&sim.m, &who, contact, &question, sim.lang, at);
        sim.take("answer gap", done);
    }
}
