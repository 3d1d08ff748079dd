//! The demo's customers and their contacts. Customers are entered by a team
//! leader through the customer form's rules, each given to a specialist;
//! members, birthdays and cards are placed around today so that greetings
//! and renewals fall due in the month shown. Contacts arrive on every
//! channel over the last thirty days, are answered, forwarded and closed by
//! whoever took them, at the time they did it.

use super::people::{ascii, phone, Crew};
use super::sim::Sim;
use super::text::{self, Tr};
use crate::domain::base::dates::Shift;
use crate::domain::base::order;
use crate::domain::contact::{
    act as contact, Channel, ContactDraft, ContactStatus, Direction, ForwardTo,
};
use crate::domain::customer::{act as customer, CustomerDraft, CustomerKind, PreferredChannel};
use crate::domain::Lang;
use crate::sync::RecordId;
use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};

/// How many customers the demo enters.
pub(super) const CUSTOMERS: usize = 150;
/// The last few are new this month; the first two of them still wait for
/// their first contact (R-CUS-02), one of them for over a week.
const NEW_FROM: usize = CUSTOMERS - 8;
/// Days before today whose birthdays fall in the month shown.
const BIRTHDAYS: [i64; 10] = [19, 16, 13, 11, 8, 6, 4, 2, 1, 0];
/// Days after today on which some members' cards expire: their renewal
/// calls fall due this month (30 days ahead, R-CUS-05).
const EXPIRIES: [i64; 6] = [10, 14, 19, 23, 27, 30];

/// One demo customer, as the other parts of the demo need them.
pub(super) struct Cust {
    pub id: RecordId,
    pub specialist: RecordId,
    pub created: DateTime<Utc>,
    pub vip: bool,
    /// Prefers e-mail: called back by e-mail, whatever the hour.
    pub by_email: bool,
    /// New, and not contacted yet (R-CUS-02): nobody calls them.
    pub waiting: bool,
}

fn full_name(sim: &mut Sim) -> String {
    match sim.lang {
        Lang::Es => format!(
            "{} {} {}",
            sim.names.pick(text::FIRST_ES),
            sim.names.pick(text::LAST_ES),
            sim.names.pick(text::LAST_ES)
        ),
        Lang::En => format!(
            "{} {}",
            sim.names.pick(text::FIRST_EN),
            sim.names.pick(text::LAST_EN)
        ),
    }
}

/// A birthday whose day and month are `offset` days from today, for a
/// person of `age`: 29 February only in a leap year of birth.
fn birthday(sim: &Sim, offset: i64, age: i32) -> NaiveDate {
    let d = sim.day(offset);
    let year = d.year() - age;
    NaiveDate::from_ymd_opt(year, d.month(), d.day())
        .or_else(|| NaiveDate::from_ymd_opt(year, d.month(), 28))
        .unwrap_or(d)
}

/// Enters the customers; returns them in the order entered.
pub(super) fn enter(sim: &mut Sim, crew: &Crew) -> Vec<Cust> {
    let members = (0..NEW_FROM).filter(|i| i % 5 < 2).count() as i64;
    let mut member_n = 0i64;
    let mut groups = 0usize;
    let mut names: Vec<String> = Vec::with_capacity(CUSTOMERS);
    let mut out = Vec::with_capacity(CUSTOMERS);
    for i in 0..CUSTOMERS {
        let new = i >= NEW_FROM;
        let member = !new && i % 5 < 2;
        let mut kind = if member {
            CustomerKind::Member
        } else {
            *sim.rng.pick(&[
                CustomerKind::Individual,
                CustomerKind::Individual,
                CustomerKind::Individual,
                CustomerKind::Group,
                CustomerKind::Potential,
                CustomerKind::Potential,
            ])
        };
        // Each group has its own name; once they run out, a person.
        if kind == CustomerKind::Group && groups == text::GROUPS.len() {
            kind = CustomerKind::Individual;
        }
        // Members joined over the last months, so a few reach their 90
        // days in the month shown (R-RV-02); the new ones this month.
        let days_ago = if new {
            [12, 9, 2, 18, 15, 7, 5, 3][i - NEW_FROM]
        } else if member {
            member_n += 1;
            105 - (member_n - 1) * 83 / members.max(1)
        } else {
            sim.rng.range(22, 180)
        };
        let (h, min) = (sim.rng.range(9, 19) as u32, sim.rng.range(0, 59) as u32);
        let created = sim.at(-days_ago, h, min);
        let mut name = if kind == CustomerKind::Group {
            groups += 1;
            sim.tr(text::GROUPS[groups - 1]).to_string()
        } else {
            full_name(sim)
        };
        while names.contains(&name) {
            name = full_name(sim);
        }
        names.push(name.clone());
        let mut tags: Vec<Tr> = Vec::new();
        if member {
            tags.push(text::MEMBERS);
        }
        for _ in 0..sim.rng.below(3) {
            let t = *sim.rng.pick(&text::TAGS);
            if !tags.contains(&t) {
                tags.push(t);
            }
        }
        let vip = tags.contains(&text::VIP);
        // A representative with a skill for one of the tags, taking turns;
        // else the next in line; now and then a team leader.
        let reps: Vec<RecordId> = crew.reps.iter().flatten().copied().collect();
        let skilled: Vec<RecordId> = reps
            .iter()
            .copied()
            .filter(|s| {
                let skills = &sim.who(*s).skills;
                tags.iter()
                    .filter(|t| **t != text::MEMBERS)
                    .any(|t| skills.contains(&crate::domain::base::text::fold(sim.tr(*t))))
            })
            .collect();
        let specialist = if i % 12 == 5 {
            crew.leads[i % 2]
        } else if skilled.is_empty() {
            reps[i % reps.len()]
        } else {
            skilled[i % skilled.len()]
        };
        let age = sim.rng.range(19, 78) as i32;
        // A few birthdays fall in the month shown; the rest well away from it.
        let later = sim.rng.range(30, 330);
        let person = kind != CustomerKind::Group;
        let birthday = match i / 7 {
            k if i % 7 == 3 && !new && k < BIRTHDAYS.len() => {
                Some(birthday(sim, -BIRTHDAYS[k], age))
            }
            _ if sim.rng.chance(60) => Some(birthday(sim, later, age)),
            _ => None,
        }
        .filter(|_| person);
        let k = member_n as usize / 8;
        let far = sim.rng.range(45, 700);
        let expiry = member.then(|| match member_n % 8 == 3 && k < EXPIRIES.len() {
            true => sim.day(EXPIRIES[k]),
            false => sim.day(far),
        });
        let preferred = *sim.rng.pick(&[
            PreferredChannel::Phone,
            PreferredChannel::Phone,
            PreferredChannel::Phone,
            PreferredChannel::Phone,
            PreferredChannel::Email,
            PreferredChannel::Sms,
            PreferredChannel::Chat,
        ]);
        let draft = CustomerDraft {
            name: name.clone(),
            kind,
            phones: phone(sim, i as u64),
            email: if sim.rng.chance(75) || preferred == PreferredChannel::Email {
                let domain = match sim.lang {
                    Lang::Es => "correo.example",
                    Lang::En => "mail.example",
                };
                format!(
                    "{}.{}@{domain}",
                    ascii(name.split(' ').next().unwrap_or("c")),
                    i
                )
            } else {
                String::new()
            },
            preferred_channel: preferred,
            birthday: birthday.map(|d| d.to_string()).unwrap_or_default(),
            card_number: if member {
                let prefix = sim.tr(("SOC", "MEM"));
                format!("{prefix}-{:06}", 104_200 + i)
            } else {
                String::new()
            },
            card_expiry: expiry.map(|d| d.to_string()).unwrap_or_default(),
            tags: tags
                .iter()
                .map(|t| sim.tr(*t))
                .collect::<Vec<_>>()
                .join(", "),
            quiet_hours: if i % 23 == 9 {
                "14:00-17:00, 21:30-09:30".into()
            } else {
                "12:00-14:00, 21:00-09:00".into()
            },
            source: sim.say(&text::SOURCES).to_string(),
            notes: if i % 11 == 4 {
                sim.tr(text::NOTES[(i / 11) % text::NOTES.len()])
                    .to_string()
            } else {
                String::new()
            },
            specialist: Some(specialist),
        };
        let id = sim.id();
        let lead = crew.leads[crew.team_of(specialist)];
        let actor = sim.who(lead);
        let saved = customer::save(&sim.m, &actor, None, draft, id, created);
        if sim.take("customer", saved) {
            out.push(Cust {
                id,
                specialist,
                created,
                vip,
                by_email: preferred == PreferredChannel::Email,
                waiting: (NEW_FROM..NEW_FROM + 3).contains(&i),
            });
        }
    }
    out
}

/// The welcome call a specialist makes to each new customer (R-CUS-02),
/// except to the new ones still waiting for it.
pub(super) fn welcome(sim: &mut Sim, customers: &[Cust]) {
    for c in customers.iter().filter(|c| !c.waiting) {
        let received = c
            .created
            .plus(Duration::hours(sim.rng.range(18, 80)))
            .min(sim.base);
        if received <= c.created {
            continue;
        }
        let draft = ContactDraft {
            customer: Some(c.id),
            channel: Channel::Phone,
            direction: Direction::Out,
            category: crate::domain::contact::Category::Enquiry,
            summary: sim.tr(text::WELCOME).to_string(),
            received_at: received,
            first_response_at: Some(received),
        };
        let resolution = sim.tr(text::WELCOME_DONE);
        contact_life(sim, c.specialist, draft, Life::Close(8), resolution, None);
    }
}

/// What happens to a contact after it is recorded.
#[derive(Clone, Copy)]
enum Life {
    Open,
    /// Closed this many minutes after it came in (if that time has come).
    Close(i64),
    /// Forwarded (to the department, or to the team leader) and left there.
    Forward(bool),
    /// Forwarded, then closed this many minutes after it came in.
    ForwardThenClose(bool, i64),
}

/// Records a contact as its owner, then forwards and closes it as `life`
/// says, each at its own time. Returns the contact's id when recorded.
fn contact_life(
    sim: &mut Sim,
    owner: RecordId,
    draft: ContactDraft,
    life: Life,
    resolution: &str,
    forward: Option<(&str, &str, RecordId)>,
) -> Option<RecordId> {
    let received = draft.received_at;
    let recorded = draft
        .first_response_at
        .unwrap_or(received)
        .max(received)
        .min(sim.now);
    let id = sim.id();
    let actor = sim.who(owner);
    let made = contact::record(&sim.m, &actor, draft, id, recorded);
    if !sim.take("contact", made) {
        return None;
    }
    let close_after = match life {
        Life::Open => None,
        Life::Close(m) => Some(m),
        Life::Forward(to_dept) | Life::ForwardThenClose(to_dept, _) => {
            let at = recorded
                .plus(Duration::minutes(sim.rng.range(6, 40)))
                .min(sim.now);
            if let Some((department, note, lead)) = forward {
                let to = if to_dept || lead == owner {
                    ForwardTo::Department(department.to_string())
                } else {
                    ForwardTo::Staff(lead)
                };
                let sent = contact::forward(&sim.m, &actor, id, to, note, at);
                sim.take("contact", sent);
            }
            match life {
                Life::ForwardThenClose(_, m) => Some(m),
                _ => None,
            }
        }
    };
    if let Some(m) = close_after {
        let at = received.plus(Duration::minutes(m)).max(recorded);
        if at <= sim.now {
            let closed = contact::close(&sim.m, &actor, id, resolution, at);
            sim.take("contact", closed);
        }
    }
    Some(id)
}

/// Minutes to the first answer on a channel: within R-CON-02's target
/// mostly, now and then late.
fn first_answer(sim: &mut Sim, channel: Channel) -> i64 {
    let late = sim.rng.chance(10);
    match channel {
        Channel::Phone if late => sim.rng.range(4, 9),
        Channel::Phone => sim.rng.range(0, 2),
        Channel::OnlineChat | Channel::Messaging if late => sim.rng.range(6, 14),
        Channel::OnlineChat | Channel::Messaging => sim.rng.range(1, 4),
        Channel::Email => sim.rng.range(40, 300),
        Channel::Sms => sim.rng.range(10, 60),
        Channel::WalkIn => 0,
    }
}

/// Thirty days of contacts: about a dozen on a weekday, fewer at weekends.
pub(super) fn month_of_contacts(sim: &mut Sim, crew: &Crew, customers: &[Cust]) {
    for d in -30..=0i64 {
        let weekend = sim.day(d).weekday().number_from_monday() >= 6;
        let n = if weekend {
            sim.rng.range(4, 6)
        } else {
            sim.rng.range(9, 13)
        };
        for _ in 0..n {
            let minute = sim.rng.range(8 * 60 + 30, 21 * 60 + 15);
            let received = sim.at(d, (minute / 60) as u32, (minute % 60) as u32);
            let c = &customers[sim.rng.below(customers.len() as u64) as usize];
            let t = &text::CONTACTS[sim.rng.below(text::CONTACTS.len() as u64) as usize];
            let channel = *sim.rng.pick(t.channels);
            let answer = first_answer(sim, channel);
            if received > sim.base || received <= c.created || c.waiting {
                continue;
            }
            let team = Crew::team_at(sim.hour(received));
            let owner = if crew.team_of(c.specialist) == team && sim.rng.chance(60) {
                c.specialist
            } else {
                *sim.rng.pick(&crew.reps[team])
            };
            let age = sim.base - received;
            let life = if age > Duration::days(2) {
                match sim.rng.below(100) {
                    0..=2 => Life::Forward(true),
                    3..=8 => Life::ForwardThenClose(sim.rng.chance(70), sim.rng.range(180, 2880)),
                    _ => Life::Close(sim.rng.range(5, 1500)),
                }
            } else {
                match sim.rng.below(100) {
                    0..=44 => Life::Close(sim.rng.range(5, 120)),
                    45..=69 => Life::Forward(sim.rng.chance(70)),
                    _ => Life::Open,
                }
            };
            let first = received.plus(Duration::minutes(answer));
            let draft = ContactDraft {
                customer: Some(c.id),
                channel,
                direction: if sim.rng.chance(85) {
                    Direction::In
                } else {
                    Direction::Out
                },
                category: t.category,
                summary: sim.tr(t.summary).to_string(),
                received_at: received,
                first_response_at: (first <= sim.now).then_some(first),
            };
            let resolution = sim.tr(t.resolution);
            let forward = (
                sim.tr(t.forward_to),
                sim.tr(t.forward_note),
                crew.leads[team],
            );
            contact_life(sim, owner, draft, life, resolution, Some(forward));
        }
    }
}

/// A few open contacts of the person who loaded the demo, from the last
/// hours, so their Today has work on it.
pub(super) fn mine(sim: &mut Sim, crew: &Crew, customers: &[Cust]) {
    let vips: Vec<RecordId> = customers
        .iter()
        .filter(|c| c.vip)
        .map(|c| c.id)
        .take(3)
        .collect();
    let picks = [
        (3usize, Channel::Phone, 35i64),
        (7, Channel::Email, 95),
        (12, Channel::WalkIn, 240),
    ];
    for (n, (template, channel, ago)) in picks.into_iter().enumerate() {
        let Some(customer) = vips.get(n).copied().or(customers.get(n).map(|c| c.id)) else {
            continue;
        };
        let t = &text::CONTACTS[template];
        let received = sim.recent(ago);
        let draft = ContactDraft {
            customer: Some(customer),
            channel,
            direction: Direction::In,
            category: t.category,
            summary: sim.tr(t.summary).to_string(),
            received_at: received,
            first_response_at: Some(received.plus(Duration::minutes(1)).min(sim.now)),
        };
        contact_life(sim, crew.me, draft, Life::Open, "", None);
    }
}

/// Open contacts of a team, newest first, for the handover to pick from.
pub(super) fn open_of(sim: &Sim, people: &[RecordId]) -> Vec<RecordId> {
    let mut open: Vec<(DateTime<Utc>, RecordId)> = sim
        .m
        .contacts
        .values()
        .filter(|c| c.status != ContactStatus::Done && people.contains(&c.owner) && c.demo)
        .map(|c| (c.received_at, c.id))
        .collect();
    order::sort_by(&mut open, |a, b| b.cmp(a));
    open.into_iter().map(|(_, id)| id).collect()
}
