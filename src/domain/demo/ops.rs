//! The department's running of the shift in the demo: the leaders'
//! handovers, the announcements and who has read them, and the weekly and
//! monthly meetings with their minutes and decisions.

use super::people::Crew;
use super::sim::{time, Sim};
use super::text::Tr;
use crate::domain::base::dates::Shift;
use crate::domain::dept::act as dept;
use crate::domain::dept::meeting::MeetingDraft;
use crate::domain::dept::ops::HandoverDraft;
use crate::domain::dept::shifts;
use crate::domain::dept::MeetingKind;
use crate::sync::RecordId;
use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc, Weekday};

/// What each handover says: the morning's latest and the one before, the
/// afternoon's latest. Equipment, problems, staffing.
const HANDOVER_TEXTS: [[Tr; 3]; 3] = [
    [
        (
            "Todo en orden; la impresora de la sala 2 atasca papel, avisado a mantenimiento",
            "All fine; the printer in room 2 jams, maintenance told",
        ),
        (
            "Reembolso de 349 € pendiente con Contabilidad; insistir mañana a primera hora",
            "The overdue refund is still with Accounts; chase them first thing tomorrow",
        ),
        ("Turno completo", "Full shift"),
    ],
    [
        (
            "Centralita reiniciada a las 11:00 por cortes; funciona bien desde entonces",
            "Switchboard restarted at 11:00 after dropouts; fine since",
        ),
        (
            "Dos clientes esperan respuesta de Posventa; repasar sus contactos por la mañana",
            "Two customers are waiting for After-sales; go over their contacts in the morning",
        ),
        (
            "Turno completo; el inspector de calidad escuchó llamadas de 10 a 12",
            "Full shift; the quality inspector listened in on calls from 10 to 12",
        ),
    ],
    [
        (
            "Todo en orden; un auricular de repuesto en el armario",
            "All fine; a spare headset in the cupboard",
        ),
        (
            "Un cliente de la campaña de cocinas pide que le llamen el sábado; anotado en su ficha",
            "A kitchen-campaign customer wants a call on Saturday; noted on their file",
        ),
        ("Turno completo", "Full shift"),
    ],
];

/// Each leader's handovers at the end of their last shifts: two from the
/// morning (the older acknowledged by the department director the next
/// morning), one from the afternoon; the latest ones still waiting. Each
/// hands over what was open when it was written.
pub(super) fn handovers(
    sim: &mut Sim,
    crew: &Crew,
    shifts: [RecordId; 2],
    open_complaints: &[RecordId],
) {
    for team in 0..2 {
        let lead = crew.leads[team];
        let worked: Vec<(NaiveDate, DateTime<Utc>)> =
            shifts::shifts_of(&sim.m, lead, sim.day(-14), sim.today)
                .into_iter()
                .filter(|s| s.end.minus(Duration::minutes(15)) <= sim.now)
                .map(|s| (s.date, s.end))
                .collect();
        let open = super::customers::open_of(sim, &crew.members(team));
        let complaints: Vec<RecordId> = open_complaints
            .iter()
            .copied()
            .filter(|c| {
                sim.m
                    .complaints
                    .get(c)
                    .is_some_and(|c| crew.team_of(c.owner) == team)
            })
            .collect();
        let mut made = Vec::new();
        for (n, (date, end)) in worked.iter().rev().take(2 - team).enumerate() {
            let t = end.minus(Duration::minutes(15));
            let before = |id: &RecordId| {
                let contact = sim.m.contacts.get(id).map(|c| c.received_at);
                let complaint = sim.m.complaints.get(id).map(|c| c.received_at);
                contact.or(complaint).is_some_and(|r| r < t)
            };
            let mut items: Vec<RecordId> = open.iter().copied().filter(before).take(2).collect();
            items.extend(complaints.iter().copied().filter(before).take(1));
            let [equipment, problems, staffing] = HANDOVER_TEXTS[team * 2 + n];
            let draft = HandoverDraft {
                team: crew.teams[team].clone(),
                date: *date,
                shift: shifts[team],
                equipment: sim.tr(equipment).to_string(),
                problems: sim.tr(problems).to_string(),
                staffing: sim.tr(staffing).to_string(),
                open_items: items,
            };
            let id = sim.id();
            let who = sim.who(lead);
            if sim.take(
                "handover",
                dept::write_handover(&sim.m, &who, None, draft, id, t),
            ) {
                made.push((id, *date));
            }
        }
        if let Some((older, date)) = made.get(1).copied() {
            let t = sim
                .zone
                .to_utc(date.plus(Duration::days(1)).and_time(time(8, 5)))
                .min(sim.now);
            let dd = sim.who(crew.dd);
            let ack = dept::acknowledge_handover(&sim.m, &dd, older, t);
            sim.take("receipt", ack);
        }
    }
}

fn publish(
    sim: &mut Sim,
    by: RecordId,
    (title, body): (Tr, Tr),
    teams: &[String],
    t: DateTime<Utc>,
) -> Option<RecordId> {
    let id = sim.id();
    let who = sim.who(by);
    let (title, body) = (sim.tr(title), sim.tr(body));
    let done = dept::publish_announcement(&sim.m, &who, title, body, teams, id, t);
    sim.take("announcement", done).then_some(id)
}

fn read(sim: &mut Sim, people: &[RecordId], announcement: RecordId, from: DateTime<Utc>) {
    for (n, p) in people.iter().enumerate() {
        let t = from
            .plus(Duration::minutes(37 * (n as i64 + 1)))
            .min(sim.now);
        let who = sim.who(*p);
        let done = dept::mark_read(&sim.m, &who, announcement, t);
        sim.take("receipt", done);
    }
}

/// A business change for everyone from the department director, and the
/// afternoon leader's promotion for their team; not everyone has read them.
pub(super) fn announcements(sim: &mut Sim, crew: &Crew) {
    let policy = (
        (
            "Nueva política de devoluciones online",
            "New return policy for online orders",
        ),
        (
            "Desde el lunes, los pedidos online se pueden devolver en 30 días con recogida gratuita. Usad la respuesta estándar acordada en la reunión semanal.",
            "From Monday, online orders can be returned within 30 days with free collection. Use the standard answer agreed at the weekly meeting.",
        ),
    );
    let t = sim.ago(2 * 24 * 60 + 300);
    if let Some(a) = publish(sim, crew.dd, policy, &[], t) {
        let mut readers = vec![crew.dd];
        readers.extend(crew.members(0));
        readers.retain(|p| *p != crew.reps[0][2]);
        readers.extend([crew.leads[1], crew.reps[1][0]]);
        read(sim, &readers, a, t);
    }
    let promo = (
        (
            "Semana de la cocina: 10 % en encimeras",
            "Kitchen week: 10% off worktops",
        ),
        (
            "Mientras dure la campaña, 10 % en encimeras y montaje gratis. Ofrecedlo en las visitas de la campaña.",
            "While the campaign runs, 10% off worktops and free fitting. Offer it on the campaign calls.",
        ),
    );
    let t = sim.ago(24 * 60 + 60);
    let team = [crew.teams[1].clone()];
    if let Some(a) = publish(sim, crew.leads[1], promo, &team, t) {
        read(sim, &[crew.leads[1], crew.reps[1][0]], a, t);
    }
}

fn schedule(sim: &mut Sim, crew: &Crew, draft: MeetingDraft, t: DateTime<Utc>) -> Option<RecordId> {
    let id = sim.id();
    let dd = sim.who(crew.dd);
    let done = dept::schedule_meeting(&sim.m, &dd, None, draft, id, t);
    sim.take("meeting", done).then_some(id)
}

fn minutes(sim: &mut Sim, crew: &Crew, meeting: RecordId, text: Tr, t: DateTime<Utc>) -> bool {
    let dd = sim.who(crew.dd);
    let text = sim.tr(text);
    let done = dept::record_minutes(&sim.m, &dd, meeting, text, t);
    sim.take("meeting", done)
}

fn decide(
    sim: &mut Sim,
    crew: &Crew,
    meeting: RecordId,
    (text, owner, due): (Tr, RecordId, NaiveDate),
    t: DateTime<Utc>,
) -> Option<RecordId> {
    let id = sim.id();
    let dd = sim.who(crew.dd);
    let text = sim.tr(text);
    let done = dept::add_decision(&sim.m, &dd, meeting, text, owner, due, id, t);
    sim.take("decision", done).then_some(id)
}

/// The minutes of the three weekly meetings before last week's, oldest
/// first: each agreed standard answers (`answers` agrees them).
const EARLIER_MINUTES: [Tr; 3] = [
    (
        "Se repasa la semana y se acuerdan las primeras respuestas estándar del mostrador: horario, tarjeta de socio, facturas, pagos, seguimiento de pedidos, montaje, devoluciones y daños en la entrega.",
        "Week reviewed; the first standard answers for the front desk agreed: opening hours, member card, invoices, payment, order tracking, assembly, returns and damage on delivery.",
    ),
    (
        "Se escuchan dos llamadas difíciles sobre paquetes perdidos. Se acuerdan respuestas para cambios, anulaciones, piezas, paquetes perdidos y quejas; la pregunta sobre los puntos de la tarjeta ya tiene respuesta.",
        "Two difficult calls about lost parcels played back. Answers agreed for exchanges, cancellations, parts, lost parcels and complaints; the question about member card points now has an answer.",
    ),
    (
        "Nueva financiación a 3, 6 o 12 meses: se acuerda su respuesta y se retira la anterior. También se acuerdan respuestas sobre stock, tarjetas regalo, recogida en tienda, cocinas y daños ocultos.",
        "New 3, 6 or 12-month finance: its answer agreed and the old one withdrawn. Answers also agreed about stock, gift cards, store collection, kitchens and hidden damage.",
    ),
];

/// The weekly meeting on the Tuesday of the week starting `monday`.
fn weekly(sim: &mut Sim, crew: &Crew, monday: NaiveDate) -> Option<(RecordId, DateTime<Utc>)> {
    let tuesday = monday.plus(Duration::days(1));
    let at = sim.zone.to_utc(tuesday.and_time(time(13, 30)));
    let draft = MeetingDraft {
        kind: MeetingKind::Weekly,
        team: String::new(),
        scheduled_at: at,
        title: sim.tr(("Reunión semanal de jefes de equipo", "Weekly team leaders' meeting")).to_string(),
        agenda: sim.tr((
            "Servicio, seguridad, formación y asistencia; casos difíciles de la semana y su respuesta estándar",
            "Service, safety, training and attendance; the week's difficult cases and their standard answer",
        )).to_string(),
    };
    let m = schedule(sim, crew, draft, at.minus(Duration::days(5)))?;
    Some((m, at.plus(Duration::minutes(75))))
}

/// The three weekly meetings before last week's, and last week's, held,
/// with three decisions (one already done, one for the person who loaded
/// the demo); and this month's meeting, held when its day has passed, else
/// scheduled.
pub(super) fn meetings(sim: &mut Sim, crew: &Crew) {
    for (n, text) in EARLIER_MINUTES.into_iter().enumerate() {
        let monday = sim.last_monday().minus(Duration::days(7 * (3 - n as i64)));
        if let Some((m, held)) = weekly(sim, crew, monday) {
            minutes(sim, crew, m, text, held);
        }
    }
    let monday = sim.last_monday();
    let tuesday = monday.plus(Duration::days(1));
    if let Some((m, held)) = weekly(sim, crew, monday) {
        let text = (
            "Se revisan los tiempos de respuesta del chat (dos esperas de más de 5 minutos el jueves) y las quejas de la semana por entregas. Se acuerda la respuesta estándar para devoluciones de pedidos online: 30 días, recogida gratuita, reembolso en 5 días hábiles.",
            "Chat response times reviewed (two waits over 5 minutes on Thursday) and the week's complaints about deliveries. Standard answer agreed for online returns: 30 days, free collection, refund within 5 working days.",
        );
        if minutes(sim, crew, m, text, held) {
            let decisions = [
                (
                    (
                        "Preparar la respuesta estándar sobre plazos de reembolso",
                        "Write up the standard answer on refund times",
                    ),
                    crew.leads[0],
                    tuesday.plus(Duration::days(9)),
                ),
                (
                    (
                        "Revisar con Logística las entregas incompletas",
                        "Go through incomplete deliveries with Logistics",
                    ),
                    crew.leads[1],
                    tuesday.plus(Duration::days(3)),
                ),
                (
                    (
                        "Aprobar el calendario de vacaciones de verano",
                        "Approve the summer holiday calendar",
                    ),
                    crew.me,
                    sim.day(5),
                ),
            ];
            for (n, d) in decisions.into_iter().enumerate() {
                let owner = d.1;
                let Some(id) = decide(sim, crew, m, d, held) else {
                    continue;
                };
                let done_at = held.plus(Duration::days(2));
                if n == 1 && done_at <= sim.now {
                    let who = sim.who(owner);
                    let done = dept::complete_decision(&sim.m, &who, id, done_at);
                    sim.take("decision", done);
                }
            }
        }
    }

    // The monthly meeting, on the Friday before the 25th (R-OPS-04).
    let today = sim.today;
    let mut day = today.with_day(24).unwrap_or(today);
    while day.weekday() != Weekday::Fri {
        day = day.minus(Duration::days(1));
    }
    let at = sim.zone.to_utc(day.and_time(time(12, 0)));
    let draft = MeetingDraft {
        kind: MeetingKind::Monthly,
        team: String::new(),
        scheduled_at: at,
        title: sim.tr(("Reunión mensual del departamento", "Monthly department meeting")).to_string(),
        agenda: sim.tr((
            "Resultados del mes, resultados de la inspección de calidad, problemas detectados y plan del mes que viene",
            "The month's results, the quality inspection results, problems found and next month's plan",
        )).to_string(),
    };
    let planned = at.minus(Duration::days(10)).min(sim.ago(3 * 24 * 60));
    let Some(m) = schedule(sim, crew, draft, planned) else {
        return;
    };
    let held = at.plus(Duration::minutes(90));
    if held <= sim.now {
        let text = (
            "El 92 % de las llamadas se atendió en menos de 3 minutos. Nueve quejas, dos por entregas incompletas. La inspección de calidad destaca el tono en el chat. Plan: reforzar la tarde de los sábados.",
            "92% of calls answered within 3 minutes. Nine complaints, two about incomplete deliveries. Quality inspection praises the tone on chat. Plan: more people on Saturday afternoons.",
        );
        if minutes(sim, crew, m, text, held) {
            let d = (
                (
                    "Presentar el informe de calidad del mes",
                    "Present the month's quality report",
                ),
                crew.qi,
                day.plus(Duration::days(14)),
            );
            decide(sim, crew, m, d, held);
        }
    }
}
