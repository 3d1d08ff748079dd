//! The demo's department: the two teams and their shifts, three weeks of
//! roster (last week, this week, next week), clocking in and out, leave
//! (approved, pending, a sick day with the certificate still to come),
//! shift swaps (one approved, one agreed by the colleague and waiting for
//! the leader), the leaders' handovers, two announcements, and the
//! weekly and monthly meetings with their minutes and decisions (those in
//! `ops`). Every step is taken by the person the rules expect, through the
//! department's operations.

use super::people::Crew;
use super::sim::{time, Sim};
use super::text::Tr;
use crate::domain::base::dates::Shift;
use crate::domain::base::zone::week_start;
use crate::domain::dept::act as dept;
use crate::domain::dept::leave::LeaveDraft;
use crate::domain::dept::leave_status::{self, LeaveStatus};
use crate::domain::dept::roster::ShiftDraft;
use crate::domain::dept::shifts;
use crate::domain::dept::teams::{entry_id, team_named};
use crate::domain::dept::{Decision, LeaveKind, ShiftKind};
use crate::sync::RecordId;
use chrono::{DateTime, Duration, NaiveDate, Utc, Weekday};

/// Days off by place in the team (Monday = 0): leader, the three
/// representatives, the inspector.
const DAYS_OFF: [[u32; 2]; 5] = [[5, 6], [6, 0], [1, 2], [3, 4], [5, 6]];

/// The teams, their shifts, roster, leave, swaps and attendance; returns
/// the two shifts (morning, afternoon) for the handovers.
pub(super) fn department(sim: &mut Sim, crew: &Crew) -> Option<[RecordId; 2]> {
    let shifts = setup(sim, crew)?;
    roster(sim, crew, shifts);
    let sick = leave(sim, crew);
    swaps(sim, crew);
    attendance(sim, crew, sick);
    Some(shifts)
}

/// The teams (a team of the user's with the same name is used as it is)
/// and one shift for each: mornings 08:00–15:00, afternoons 15:00–22:00.
fn setup(sim: &mut Sim, crew: &Crew) -> Option<[RecordId; 2]> {
    let dd = sim.who(crew.dd);
    let t = sim.at(-200, 10, 0);
    let mut shifts = [RecordId::default(); 2];
    for (n, name) in crew.teams.iter().enumerate() {
        if team_named(&sim.m, name).is_none() {
            let id = sim.id();
            let saved = dept::save_team(&sim.m, &dd, None, name, 30, id, t);
            sim.take("team", saved);
        }
        let (start, end) = if n == 0 { (8, 15) } else { (15, 22) };
        let shift_name = sim.tr([
            ("Turno de mañana", "Morning shift"),
            ("Turno de tarde", "Afternoon shift"),
        ][n]);
        let draft = ShiftDraft {
            name: shift_name.to_string(),
            kind: ShiftKind::Day,
            start: time(start, 0),
            end: time(end, 0),
            holiday: false,
        };
        let id = sim.id();
        if !sim.take("shift", dept::save_shift(&sim.m, &dd, None, draft, id, t)) {
            return None;
        }
        shifts[n] = id;
    }
    Some(shifts)
}

fn next_monday(sim: &Sim) -> NaiveDate {
    week_start(sim.today).plus(Duration::days(7))
}

/// Each team's leader fills in the week, a few days before it starts.
fn roster(sim: &mut Sim, crew: &Crew, shifts: [RecordId; 2]) {
    let first = sim.last_monday();
    for week in 0..3i64 {
        let monday = first.plus(Duration::days(7 * week));
        let planned = sim
            .zone
            .to_utc(monday.minus(Duration::days(4)).and_time(time(12, 0)))
            .min(sim.now);
        for (team, def) in shifts.into_iter().enumerate() {
            let lead = sim.who(crew.leads[team]);
            for (place, person) in crew.members(team).into_iter().enumerate() {
                for day in 0..7u32 {
                    let date = monday.plus(Duration::days(i64::from(day)));
                    let shift = (!DAYS_OFF[place].contains(&day)).then_some(def);
                    let set = dept::set_roster_day(&sim.m, &lead, person, date, shift, planned);
                    sim.take("roster_entry", set);
                }
            }
        }
    }
}

/// The day `weekday` of next week.
fn next(sim: &Sim, weekday: Weekday) -> NaiveDate {
    next_monday(sim).plus(Duration::days(i64::from(weekday.num_days_from_monday())))
}

fn ask_leave(
    sim: &mut Sim,
    actor: RecordId,
    draft: LeaveDraft,
    t: DateTime<Utc>,
) -> Option<RecordId> {
    let id = sim.id();
    let who = sim.who(actor);
    let asked = dept::request_leave(&sim.m, &who, draft, id, t);
    sim.take("leave", asked).then_some(id)
}

fn decide_leave(sim: &mut Sim, by: RecordId, leave: RecordId, t: DateTime<Utc>) {
    let id = sim.id();
    let who = sim.who(by);
    let decided = dept::decide_leave(&sim.m, &who, leave, Decision::Approve, "", id, t);
    sim.take("approval", decided);
}

/// Leave: a day next week (approved by the department director), three
/// days in a fortnight (waiting for the center director), and a sick day
/// last week entered by the leader (certificate not yet in). Returns the
/// sick day: who and when.
fn leave(sim: &mut Sim, crew: &Crew) -> Option<(RecordId, NaiveDate)> {
    let rep = crew.reps[0][0];
    let day = next(sim, Weekday::Fri);
    let draft = LeaveDraft {
        person: rep,
        kind: LeaveKind::Personal,
        first_day: day,
        last_day: day,
        reason: sim.tr(("Mudanza", "Moving house")).to_string(),
        ..LeaveDraft::default()
    };
    let t = sim.ago(5 * 24 * 60);
    if let Some(id) = ask_leave(sim, rep, draft, t) {
        let t = sim.ago(4 * 24 * 60 - 90);
        decide_leave(sim, crew.dd, id, t);
    }

    let rep = crew.reps[1][2];
    let draft = LeaveDraft {
        person: rep,
        kind: LeaveKind::Personal,
        first_day: sim.day(16),
        last_day: sim.day(18),
        reason: sim
            .tr((
                "Boda de mi hermana en Sevilla",
                "My sister's wedding in Cardiff",
            ))
            .to_string(),
        ..LeaveDraft::default()
    };
    let t = sim.ago(26 * 60);
    ask_leave(sim, rep, draft, t);

    // The sick day: the latest day two to six days ago that they were rostered.
    let rep = crew.reps[0][1];
    let day = (2..=6).map(|d| sim.day(-d)).find(|d| {
        sim.m
            .dept
            .roster
            .get(&entry_id(rep, *d))
            .is_some_and(|e| e.shift.is_some())
    })?;
    let entered = sim.zone.to_utc(day.and_time(time(7, 50)));
    let draft = LeaveDraft {
        person: rep,
        kind: LeaveKind::Sick,
        first_day: day,
        last_day: day,
        reason: sim
            .tr((
                "Llamó a las 7:30 con fiebre; no viene hoy",
                "Rang at 7:30 with a fever; not coming in today",
            ))
            .to_string(),
        ..LeaveDraft::default()
    };
    let id = ask_leave(sim, crew.leads[0], draft, entered)?;
    let t = sim.zone.to_utc(day.and_time(time(9, 40)));
    decide_leave(sim, crew.dd, id, t);
    Some((rep, day))
}

fn ask_swap(
    sim: &mut Sim,
    requester: RecordId,
    give: NaiveDate,
    colleague: RecordId,
    take: NaiveDate,
    reason: Tr,
    t: DateTime<Utc>,
) -> Option<RecordId> {
    let id = sim.id();
    let who = sim.who(requester);
    let reason = sim.tr(reason);
    let asked = dept::request_swap(
        &sim.m,
        &who,
        entry_id(requester, give),
        entry_id(colleague, take),
        reason,
        id,
        t,
    );
    sim.take("swap", asked).then_some(id)
}

fn agree_swap(sim: &mut Sim, by: RecordId, swap: RecordId, t: DateTime<Utc>) {
    let id = sim.id();
    let who = sim.who(by);
    let decided = dept::decide_swap(&sim.m, &who, swap, Decision::Approve, "", id, t);
    sim.take("approval", decided);
}

/// Two swaps next week: the afternoon's is agreed by the colleague and
/// approved by the leader; the morning's only agreed by the colleague.
fn swaps(sim: &mut Sim, crew: &Crew) {
    let [a0, a1, _] = crew.reps[1];
    let t = sim.ago(3 * 24 * 60);
    let reason = (
        "Cita médica el lunes por la tarde",
        "Hospital appointment on Monday afternoon",
    );
    let (mon, tue) = (next(sim, Weekday::Mon), next(sim, Weekday::Tue));
    if let Some(swap) = ask_swap(sim, a1, mon, a0, tue, reason, t) {
        let t = sim.ago(3 * 24 * 60 - 120);
        agree_swap(sim, a0, swap, t);
        let t = sim.ago(2 * 24 * 60);
        agree_swap(sim, crew.leads[1], swap, t);
    }
    let [_, m1, m2] = crew.reps[0];
    let t = sim.ago(24 * 60);
    let reason = (
        "Curso de formación el miércoles",
        "Training course on Wednesday",
    );
    let (wed, thu) = (next(sim, Weekday::Wed), next(sim, Weekday::Thu));
    if let Some(swap) = ask_swap(sim, m2, wed, m1, thu, reason, t) {
        let t = sim.ago(21 * 60);
        agree_swap(sim, m1, swap, t);
    }
}

/// Everyone clocks in and out of their shifts from last Monday to now: on
/// time mostly, a few minutes either way, once in a while late.
fn attendance(sim: &mut Sim, crew: &Crew, sick: Option<(RecordId, NaiveDate)>) {
    let first = sim.last_monday();
    for team in 0..2 {
        for person in crew.members(team) {
            for view in shifts::shifts_of(&sim.m, person, first, sim.today) {
                if sick == Some((person, view.date))
                    || leave_status::leave_on(&sim.m, person, view.date)
                        .is_some_and(|l| leave_status::status(&sim.m, l) == LeaveStatus::Approved)
                {
                    continue;
                }
                let late = if sim.rng.chance(4) {
                    sim.rng.range(22, 35)
                } else {
                    sim.rng.range(-9, 6)
                };
                let arrived = view.start.plus(Duration::minutes(late));
                if arrived > sim.now {
                    continue;
                }
                let who = sim.who(person);
                let done = dept::clock_in(&sim.m, &who, view.entry, arrived);
                if !sim.take("attendance", done) {
                    continue;
                }
                let left = view.end.plus(Duration::minutes(sim.rng.range(0, 12)));
                if left <= sim.now {
                    let done = dept::clock_out(&sim.m, &who, view.entry, left);
                    sim.take("attendance", done);
                }
            }
        }
    }
}
