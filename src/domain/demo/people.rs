//! The demo's staff: a department director, two teams (morning and
//! afternoon), each with its team leader and three representatives, and a
//! quality inspector; hired by the center director through the staff
//! rules, with their department details (job, level, emergency contact).

use super::sim::{Refused, Sim, Why};
use super::text::{self, Tr};
use crate::domain::base::text::fold;
use crate::domain::dept::act as dept;
use crate::domain::dept::profile::ProfileDraft;
use crate::domain::error::RuleError;
use crate::domain::staff::{self, Role, StaffDraft};
use crate::sync::RecordId;

/// Who is who in the demo.
pub(super) struct Crew {
    /// The person who loaded the demo.
    pub me: RecordId,
    pub dd: RecordId,
    /// The team leaders of the two teams.
    pub leads: [RecordId; 2],
    /// Each team's representatives.
    pub reps: [[RecordId; 3]; 2],
    pub qi: RecordId,
    /// The teams' names, in the demo's language.
    pub teams: [String; 2],
}

impl Crew {
    /// Who looks after customers: the representatives, then the leaders.
    pub fn specialists(&self) -> Vec<RecordId> {
        let mut v: Vec<RecordId> = self.reps.iter().flatten().copied().collect();
        v.extend(self.leads);
        v
    }

    /// Everyone on a team's roster: its leader, its representatives and
    /// (on the morning team) the inspector.
    pub fn members(&self, team: usize) -> Vec<RecordId> {
        let mut v = vec![self.leads[team]];
        v.extend(self.reps[team]);
        if team == 0 {
            v.push(self.qi);
        }
        v
    }

    /// The team on duty at a local hour: mornings until 15:00.
    pub fn team_at(hour: u32) -> usize {
        usize::from(hour >= 15)
    }

    pub fn team_of(&self, person: RecordId) -> usize {
        usize::from(self.leads[1] == person || self.reps[1].contains(&person))
    }
}

struct Person {
    name: Tr,
    role: Role,
    /// None: the whole department.
    team: Option<usize>,
    skills: &'static [Tr],
    level: Tr,
}

const fn p(name: Tr, role: Role, team: Option<usize>, skills: &'static [Tr], level: Tr) -> Person {
    Person {
        name,
        role,
        team,
        skills,
        level,
    }
}

const AGENT: Tr = ("Nivel 1", "Level 1");
const LEADER: Tr = ("Nivel 2", "Level 2");
const MANAGER: Tr = ("Dirección", "Management");

/// In order: director, the two leaders, three representatives per team,
/// the inspector.
const PEOPLE: [Person; 10] = [
    p(
        ("Carmen Ortega", "Caroline Hughes"),
        Role::DepartmentDirector,
        None,
        &[],
        MANAGER,
    ),
    p(
        ("Javier Molina", "James Miller"),
        Role::TeamLeader,
        Some(0),
        &[text::MEMBERS, text::BUSINESS],
        LEADER,
    ),
    p(
        ("Lucía Fernández", "Lucy Foster"),
        Role::TeamLeader,
        Some(1),
        &[text::REPAIRS],
        LEADER,
    ),
    p(
        ("Pablo Sánchez", "Paul Bennett"),
        Role::Representative,
        Some(0),
        &[text::MEMBERS, text::VIP],
        AGENT,
    ),
    p(
        ("Sofía Ramírez", "Sophie Turner"),
        Role::Representative,
        Some(0),
        &[text::REPAIRS, text::APPLIANCES],
        AGENT,
    ),
    p(
        ("Marta Gil", "Megan Price"),
        Role::Representative,
        Some(0),
        &[text::ONLINE, text::KITCHENS],
        AGENT,
    ),
    p(
        ("Diego Navarro", "Daniel Reed"),
        Role::Representative,
        Some(1),
        &[text::BUSINESS, text::KITCHENS],
        AGENT,
    ),
    p(
        ("Elena Castro", "Ellen Carter"),
        Role::Representative,
        Some(1),
        &[text::MEMBERS, text::SOFAS],
        AGENT,
    ),
    p(
        ("Hugo Vidal", "Harry Walsh"),
        Role::Representative,
        Some(1),
        &[text::ONLINE, text::APPLIANCES],
        AGENT,
    ),
    p(
        ("Raúl Iglesias", "Ralph Irving"),
        Role::QualityInspector,
        Some(0),
        &[],
        AGENT,
    ),
];

const ADDRESSES: [Tr; 10] = [
    ("C/ Mayor 12, 3.º B, Madrid", "12 Albert Road, Leeds"),
    ("Av. de América 40, 1.º A, Madrid", "4 Mill Lane, Leeds"),
    ("C/ Toledo 88, bajo, Madrid", "27 Park Avenue, Bradford"),
    ("C/ Alcalá 201, 5.º C, Madrid", "9 Church Street, Leeds"),
    (
        "Pza. de Castilla 3, 2.º D, Madrid",
        "61 Station Road, Wakefield",
    ),
    (
        "C/ Bravo Murillo 15, 4.º A, Madrid",
        "3 Victoria Street, Leeds",
    ),
    (
        "C/ Arturo Soria 120, 1.º B, Madrid",
        "18 Queens Road, Harrogate",
    ),
    ("C/ Embajadores 52, 6.º, Madrid", "45 King Street, York"),
    ("Av. de la Albufera 7, 3.º, Madrid", "7 Green Lane, Leeds"),
    ("C/ Princesa 30, 2.º izq., Madrid", "22 High Street, Otley"),
];
const RELATIONS: [Tr; 4] = [
    ("pareja", "partner"),
    ("madre", "mother"),
    ("hermano", "brother"),
    ("padre", "father"),
];

/// A phone number for person or customer `n`, in the language's country.
pub(super) fn phone(sim: &mut Sim, n: u64) -> String {
    match sim.lang {
        crate::domain::Lang::Es => format!(
            "6{:02} {:03} {:03}",
            sim.names.below(100),
            sim.names.below(1000),
            sim.names.below(1000)
        ),
        crate::domain::Lang::En => format!("07700 9{:05}", n % 100_000),
    }
}

/// Letters and digits only, for e-mail addresses.
pub(super) fn ascii(s: &str) -> String {
    fold(s)
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .collect()
}

/// Hires the demo staff, as the center director, two hundred days ago.
/// None when nobody may hire (no active center director).
pub(super) fn hire(sim: &mut Sim, me: RecordId) -> Option<Crew> {
    let mine = sim.m.staff.get(&me);
    let director = match mine {
        Some(s) if s.active && s.role == Role::CenterDirector => s.id,
        _ => match sim
            .m
            .active_staff()
            .find(|s| s.role == Role::CenterDirector)
        {
            Some(s) => s.id,
            None => {
                sim.refused.push(Refused {
                    what: "staff",
                    why: Why::Rules(vec![RuleError::NotAllowed {
                        action: staff::Action::ManageStaff,
                        needs: Role::CenterDirector,
                    }]),
                });
                return None;
            }
        },
    };
    let teams = team_names(sim);
    let hired = sim.at(-200, 9, 0);
    let mut ids = Vec::with_capacity(PEOPLE.len());
    for (n, person) in PEOPLE.iter().enumerate() {
        let id = sim.id();
        let name = sim.tr(person.name);
        let draft = StaffDraft {
            name: name.to_string(),
            role: person.role,
            team: person.team.map(|t| teams[t].clone()).unwrap_or_default(),
            skills: person
                .skills
                .iter()
                .map(|s| sim.tr(*s).to_string())
                .collect(),
            phone: phone(sim, 99_900 + n as u64),
            email: format!(
                "{}@ventanilla.example",
                ascii(name.split(' ').next().unwrap_or("staff"))
            ),
        };
        let actor = sim.who(director);
        let made = staff::act::create(&sim.m, &actor, draft, id, hired);
        if !sim.take("staff", made) {
            return None;
        }
        ids.push(id);
    }
    for (n, person) in PEOPLE.iter().enumerate() {
        let job = if person.role == Role::QualityInspector {
            ("Calidad", "Quality")
        } else {
            ("Atención al cliente", "Customer service")
        };
        let relation = sim.tr(RELATIONS[n % RELATIONS.len()]);
        let first = match sim.lang {
            crate::domain::Lang::Es => text::FIRST_ES[(n * 7) % text::FIRST_ES.len()],
            crate::domain::Lang::En => text::FIRST_EN[(n * 7) % text::FIRST_EN.len()],
        };
        let draft = ProfileDraft {
            job_type: sim.tr(job).to_string(),
            level: sim.tr(person.level).to_string(),
            address: sim.tr(ADDRESSES[n]).to_string(),
            emergency_contact: format!("{first} ({relation})"),
            emergency_phone: phone(sim, 99_800 + n as u64),
        };
        let actor = sim.who(director);
        let saved = dept::save_profile(&sim.m, &actor, ids[n], draft, hired);
        sim.take("staff_profile", saved);
    }
    Some(Crew {
        me,
        dd: ids[0],
        leads: [ids[1], ids[2]],
        reps: [[ids[3], ids[4], ids[5]], [ids[6], ids[7], ids[8]]],
        qi: ids[9],
        teams,
    })
}

fn team_names(sim: &Sim) -> [String; 2] {
    text::TEAMS.map(|t| sim.tr(t).to_string())
}
