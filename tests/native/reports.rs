//! Reports (R-REP-01, R-REP-03): a day's workload per person and team from
//! the records, the records behind each figure, and its CSV.

use crate::common::*;
use crate::dept_common::*;
use chrono::{DateTime, Duration, Utc};
use proptest::prelude::*;
use ventanilla::domain::base::csv::{self, Sep};
use ventanilla::domain::contact::{Category, Channel, Contact, Direction};
use ventanilla::domain::reports::{
    behind, workload, Behind, Cell, Column, RowNames, Who, Workload,
};
use ventanilla::domain::visits::VisitAttempt;
use ventanilla::domain::{Audit, Model};

/// A contact owned by `owner`, received at `at`, answered `answer` minutes later.
fn call(
    n: u128,
    owner: u128,
    at: DateTime<Utc>,
    channel: Channel,
    category: Category,
    answer: Option<i64>,
) -> Contact {
    Contact {
        id: id(n),
        owner: id(owner),
        channel,
        category,
        summary: format!("Contacto {n}"),
        received_at: at,
        first_response_at: answer.map(|m| at + Duration::minutes(m)),
        audit: Audit::new(id(owner), at),
        ..Contact::default()
    }
}

const NAMES: RowNames<'static> = RowNames {
    team: "Equipo",
    no_team: "Sin equipo",
    unknown: "Persona desconocida",
    total: "Total",
};

/// Three contacts for rep 3 (team Mañana) on 10 November, one for rep 7
/// (team Tarde), one for rep 3 the day before (Madrid's day, not UTC's),
/// and a return-visit call by rep 7.
fn day_of_work() -> Model {
    let mut m = dept();
    // 00:30 in Madrid on the 10th is still the 9th in UTC: the 10th's.
    put(
        &mut m,
        &call(
            10,
            3,
            madrid(2026, 11, 10, 0, 30),
            Channel::Phone,
            Category::Enquiry,
            Some(2),
        ),
    );
    put(
        &mut m,
        &call(
            11,
            3,
            madrid(2026, 11, 10, 9, 0),
            Channel::Phone,
            Category::Claim,
            Some(7),
        ),
    );
    let mut out = call(
        12,
        3,
        madrid(2026, 11, 10, 12, 0),
        Channel::Email,
        Category::Enquiry,
        None,
    );
    out.direction = Direction::Out;
    put(&mut m, &out);
    put(
        &mut m,
        &call(
            13,
            7,
            madrid(2026, 11, 10, 18, 0),
            Channel::OnlineChat,
            Category::Order,
            None,
        ),
    );
    // 23:30 on the 9th in Madrid is the 9th, though the UTC day is too.
    put(
        &mut m,
        &call(
            14,
            3,
            madrid(2026, 11, 9, 23, 30),
            Channel::Phone,
            Category::Enquiry,
            Some(1),
        ),
    );
    put(
        &mut m,
        &VisitAttempt {
            id: id(20),
            visit: id(30),
            at: madrid(2026, 11, 10, 16, 0),
            by: id(7),
            audit: Audit::new(id(7), madrid(2026, 11, 10, 16, 0)),
            ..VisitAttempt::default()
        },
    );
    m
}

#[test]
fn r_rep_01_a_days_workload_per_person_team_and_in_all_from_the_records() {
    let m = day_of_work();
    let w = workload(&m, d(2026, 11, 10), now());
    let ch = |c| {
        Channel::ALL
            .iter()
            .position(|x| *x == c)
            .expect("a channel")
    };
    let cat = |c| {
        Category::ALL
            .iter()
            .position(|x| *x == c)
            .expect("a category")
    };

    assert_eq!(w.people.len(), 2);
    let ana = &w
        .people
        .iter()
        .find(|l| l.person == id(3))
        .expect("rep 3")
        .counts;
    assert_eq!(ana.contacts, 3, "the 9th's contact is not the 10th's");
    assert_eq!(
        (
            ana.by_channel[ch(Channel::Phone)],
            ana.by_channel[ch(Channel::Email)]
        ),
        (2, 1)
    );
    assert_eq!(
        (
            ana.by_category[cat(Category::Enquiry)],
            ana.by_category[cat(Category::Claim)]
        ),
        (2, 1)
    );
    assert_eq!(ana.outbound, 1, "the email made to the customer");
    // Phone within 3 minutes: 2 minutes met, 7 late; email has no target.
    assert_eq!((ana.met, ana.late), (1, 1));
    assert_eq!(ana.met_tenths(), Some(500));

    let tomas = &w
        .people
        .iter()
        .find(|l| l.person == id(7))
        .expect("rep 7")
        .counts;
    // An unanswered chat, long past its 5 minutes by `now`: late.
    assert_eq!((tomas.contacts, tomas.met, tomas.late), (1, 0, 1));
    assert_eq!((tomas.visit_calls, tomas.outbound), (1, 1));

    let team = |name: &str| {
        w.teams
            .iter()
            .find(|(t, _)| t == name)
            .map(|(_, c)| c.clone())
    };
    assert_eq!(team("Mañana").map(|c| c.contacts), Some(3));
    assert_eq!(
        team("Tarde").map(|c| (c.contacts, c.visit_calls)),
        Some((1, 1))
    );
    assert_eq!(w.total.contacts, 4);
    assert_eq!((w.total.met, w.total.late, w.total.outbound), (1, 2, 2));
    assert_eq!(w.total.met_tenths(), Some(333));
}

#[test]
fn r_rep_01_a_contact_not_yet_due_is_neither_met_nor_late() {
    let mut m = dept();
    let at = madrid(2026, 11, 10, 9, 0);
    put(
        &mut m,
        &call(10, 3, at, Channel::Phone, Category::Enquiry, None),
    );
    let w = workload(&m, d(2026, 11, 10), at + Duration::minutes(1));
    assert_eq!((w.total.contacts, w.total.met, w.total.late), (1, 0, 0));
    assert_eq!(w.total.met_tenths(), None, "no rate with nothing measured");
    let later = workload(&m, d(2026, 11, 10), at + Duration::minutes(4));
    assert_eq!(later.total.late, 1);
}

#[test]
fn r_rep_01_r_rep_03_the_records_behind_each_figure() {
    let m = day_of_work();
    let day = d(2026, 11, 10);
    let ids = |who: Who, cell| behind(&m, day, now(), &who, cell);
    assert_eq!(
        ids(Who::Everyone, Cell::All),
        vec![
            Behind::Contact(id(10)),
            Behind::Contact(id(11)),
            Behind::Contact(id(12)),
            Behind::Contact(id(13))
        ]
    );
    assert_eq!(
        ids(Who::Person(id(3)), Cell::Late),
        vec![Behind::Contact(id(11))]
    );
    assert_eq!(
        ids(Who::Team("Tarde".into()), Cell::Late),
        vec![Behind::Contact(id(13))]
    );
    assert_eq!(
        ids(Who::Everyone, Cell::Outbound),
        vec![Behind::Contact(id(12)), Behind::Visit(id(30))]
    );
    assert_eq!(
        ids(Who::Everyone, Cell::VisitCalls),
        vec![Behind::Visit(id(30))]
    );
    assert_eq!(
        ids(Who::Person(id(3)), Cell::Category(Category::Enquiry)),
        vec![Behind::Contact(id(10)), Behind::Contact(id(12))]
    );
    // Every figure of the table and its list agree.
    let w = workload(&m, day, now());
    for l in &w.people {
        let who = Who::Person(l.person);
        assert_eq!(ids(who.clone(), Cell::All).len() as u32, l.counts.contacts);
        assert_eq!(ids(who.clone(), Cell::Met).len() as u32, l.counts.met);
        assert_eq!(ids(who.clone(), Cell::Late).len() as u32, l.counts.late);
        for c in Channel::ALL {
            assert_eq!(
                ids(who.clone(), Cell::Channel(*c)).len() as u32,
                Workload::cell(&l.counts, Column::Channel(*c)).unwrap_or(0)
            );
        }
    }
}

#[test]
fn r_rep_03_the_csv_has_a_bom_the_chosen_separator_and_the_tables_rows_and_columns() {
    let mut m = day_of_work();
    let mut stranger = call(
        15,
        99,
        madrid(2026, 11, 10, 10, 0),
        Channel::WalkIn,
        Category::Suggestion,
        None,
    );
    stranger.summary = "=HYPERLINK(\"x\")".into();
    put(&mut m, &stranger);
    let w = workload(&m, d(2026, 11, 10), now());
    let heading = |c: Column| match c {
        Column::Contacts => "Contactos; total".to_string(),
        Column::MetRate => "% en plazo".into(),
        other => format!("{other:?}"),
    };
    for sep in [Sep::Semicolon, Sep::Comma] {
        let text = w.csv(sep, "Persona", heading, NAMES);
        assert!(text.starts_with('\u{feff}'), "a byte-order mark first");
        let lines: Vec<&str> = text
            .trim_start_matches('\u{feff}')
            .split("\r\n")
            .filter(|l| !l.is_empty())
            .collect();
        // Heading, 3 people, 3 teams (Mañana, Tarde, none), total.
        assert_eq!(lines.len(), 1 + 3 + 3 + 1);
        let cols = Workload::columns().len() + 1;
        let s = sep.char();
        if sep == Sep::Semicolon {
            assert!(
                lines[0].starts_with("Persona;\"Contactos; total\";"),
                "{}",
                lines[0]
            );
        } else {
            assert!(
                lines[0].starts_with("Persona,Contactos; total,"),
                "{}",
                lines[0]
            );
        }
        for l in &lines[1..] {
            assert_eq!(l.split(s).count(), cols, "every row has every column: {l}");
        }
        assert!(lines.iter().any(|l| l.starts_with("Persona desconocida")));
        assert!(lines.iter().any(|l| l.starts_with("Equipo: Sin equipo")));
        let total = lines.last().expect("a total row");
        let rate = if sep == Sep::Semicolon {
            "33,3"
        } else {
            "33.3"
        };
        assert!(
            total.starts_with("Total") && total.ends_with(rate),
            "{total}"
        );
    }
}

#[test]
fn r_rep_03_csv_cells_never_run_as_formulas_and_keep_accents() {
    for (cell, want) in [
        ("=1+1", "'=1+1"),
        ("  +34 600", "'  +34 600"),
        ("-5", "'-5"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("＝1", "'＝1"),
        ("Peña; Ibáñez", "\"Peña; Ibáñez\""),
        ("dice \"hola\"", "\"dice \"\"hola\"\"\""),
        ("línea\nnueva", "\"línea\nnueva\""),
    ] {
        assert_eq!(csv::field(cell, Sep::Semicolon), want);
    }
    assert_eq!(csv::field("Peña, Ibáñez", Sep::Semicolon), "Peña, Ibáñez");
    assert_eq!(csv::field("Peña, Ibáñez", Sep::Comma), "\"Peña, Ibáñez\"");
    assert_eq!(csv::tenths(Some(725), Sep::Semicolon), "72,5");
    assert_eq!(csv::tenths(None, Sep::Comma), "");
}

proptest! {
    /// Hostile stored values (an owner nobody knows, instants at the ends
    /// of time, any channel and answer) never panic, and the total is the
    /// sum of the lines.
    #[test]
    fn r_rep_01_hostile_contacts_never_panic_and_the_total_adds_up(
        items in proptest::collection::vec((0u128..6, -2_000_000i64..2_000_000, 0usize..6, 0usize..7, proptest::option::of(-100_000i64..100_000)), 0..40),
        edge in any::<bool>(),
    ) {
        let mut m = dept();
        let base = madrid(2026, 11, 10, 12, 0);
        for (i, (owner, secs, ch, cat, answer)) in items.iter().enumerate() {
            let at = if edge && i == 0 { DateTime::<Utc>::MAX_UTC } else { base + Duration::seconds(*secs) };
            let mut c = call(1000 + i as u128, *owner, at, Channel::ALL[*ch], Category::ALL[*cat], None);
            c.first_response_at = answer.and_then(|a| at.checked_add_signed(Duration::seconds(a)));
            put(&mut m, &c);
        }
        let day = d(2026, 11, 10);
        let w = workload(&m, day, base);
        let sum: u32 = w.people.iter().map(|l| l.counts.contacts).sum();
        prop_assert_eq!(sum, w.total.contacts);
        let teams: u32 = w.teams.iter().map(|(_, c)| c.contacts).sum();
        prop_assert_eq!(teams, w.total.contacts);
        prop_assert_eq!(behind(&m, day, base, &Who::Everyone, Cell::All).len() as u32, w.total.contacts);
        let _ = w.csv(Sep::Semicolon, "x", |c| format!("{c:?}"), NAMES);
    }
}
