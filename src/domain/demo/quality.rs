//! The demo's quality inspection (R-QA-01..R-QA-04): the department
//! director sets the standard scorecard up before last month and reweighs
//! it on this month's first day (a new version: last month's reviews keep
//! theirs). The inspector reviews every representative on days both work,
//! one to five times a month over last month and this one (fewer so far
//! this month, more for the one who struggles), half of them on a recorded
//! contact. The agents acknowledge most reviews; three are disputed: one
//! changed and one upheld by the director, one still waiting for her. Last
//! week's training plan was sent, with an item for everyone and one for the
//! week's weakest agent, and acknowledged; last month's report was issued
//! on time. Every step goes through the quality operations, as the person
//! who took it, when it happened.

use super::people::Crew;
use super::quality_text as words;
use super::sim::{time, Sim};
use super::text::Tr;
use crate::domain::base::dates::Shift;
use crate::domain::base::order;
use crate::domain::dept::leave_status::{self, LeaveStatus};
use crate::domain::qa::{
    self, act, CriterionDraft, ItemDraft, ReplyKind, ReviewDraft, RulingOutcome, Score, Scorecard,
};
use crate::sync::RecordId;
use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc, Weekday};

/// Each representative's usual score, in tenths, in the order of
/// `Crew::reps` team by team; the last one struggles and is reviewed more.
const LEVEL: [i64; 6] = [44, 40, 42, 39, 46, 35];
const STRUGGLING: usize = 5;

/// This month's version of the standard scorecard: more weight on attitude
/// and on answering, and attitude critical (R-QA-01).
const REWEIGHED: [(&str, u32, bool); 5] = [
    ("wording", 15, false),
    ("attitude", 25, true),
    ("tone", 15, false),
    ("summary", 20, false),
    ("answering", 25, false),
];

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Dispute {
    No,
    /// Disputed and changed by the director: a low summary.
    Changed,
    /// Disputed and upheld: a low tone.
    Upheld,
    /// Disputed, waiting for the director: a low answer.
    Open,
}

impl Dispute {
    fn low(self) -> Option<&'static str> {
        match self {
            Dispute::No => None,
            Dispute::Changed => Some("summary"),
            Dispute::Upheld => Some("tone"),
            Dispute::Open => Some("answering"),
        }
    }
}

/// One review the inspector will make.
struct Planned {
    id: RecordId,
    /// Place in `Crew::reps`, team by team.
    agent: usize,
    date: NaiveDate,
    at: DateTime<Utc>,
    contact: Option<RecordId>,
    dispute: Dispute,
    /// The summary criterion does not apply (a quick question).
    skip_summary: bool,
}

/// The steps, taken in the order they happened.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
enum Step {
    Review(usize),
    Acknowledge(usize),
    Dispute(usize),
    Rule(usize),
    Reweigh,
    Report(NaiveDate),
    Plan,
    PlanSeen,
    ItemDone,
}

pub(super) fn inspection(sim: &mut Sim, crew: &Crew) {
    let reps: Vec<RecordId> = crew.reps.iter().flatten().copied().collect();
    let (this_month, _) = qa::month_of(sim.today);
    let Some(last_day) = this_month.pred_opt() else {
        return;
    };
    let (last_month, _) = qa::month_of(last_day);
    let ours = sim.m.qa.current(qa::standard_card_id()).is_none();
    if ours {
        let t = sim.at_date(last_month.minus(Duration::days(7)), 10, 0);
        reweigh(sim, crew, &[], t);
    }
    let most = qa::settings(&sim.m).max_per_month as i64;
    let mut plan: Vec<Planned> = Vec::new();
    let month_days = i64::from(last_day.day());
    let issued = sim.zone.local_date(report_day(last_month, sim));
    for (n, agent) in reps.iter().enumerate() {
        let full = if n == STRUGGLING {
            5
        } else {
            sim.rng.range(2, 4)
        };
        let k = (full.min(most), Some(issued));
        plan_month(sim, crew, (n, *agent), (last_month, last_day), k, &mut plan);
        // This month so far: its share of a month's reviews, at least one.
        let full = if n == STRUGGLING {
            4
        } else {
            sim.rng.range(2, 4)
        };
        let share = (full * i64::from(sim.today.day()) + month_days - 1) / month_days;
        let (today, k) = (sim.today, (share.clamp(1, most), None));
        plan_month(sim, crew, (n, *agent), (this_month, today), k, &mut plan);
    }
    order::sort_by_key(&mut plan, |p| (p.at, p.agent));
    choose_disputes(sim, &mut plan, last_month);
    for (n, p) in plan.iter_mut().enumerate() {
        p.skip_summary = n % 6 == 2 && p.dispute == Dispute::No;
    }

    let mut steps: Vec<(DateTime<Utc>, Step)> = Vec::new();
    for (n, p) in plan.iter().enumerate() {
        steps.push((p.at, Step::Review(n)));
        match p.dispute {
            Dispute::No => {
                let t = p.at.plus(Duration::minutes(sim.rng.range(90, 2900)));
                steps.push((t, Step::Acknowledge(n)));
            }
            Dispute::Open => {
                let wait = ((sim.now - p.at) / 2).min(Duration::hours(26));
                steps.push((p.at.plus(wait), Step::Dispute(n)));
            }
            Dispute::Changed | Dispute::Upheld => {
                let t = p.at.plus(Duration::hours(20));
                steps.push((t, Step::Dispute(n)));
                steps.push((t.plus(Duration::hours(46)), Step::Rule(n)));
            }
        }
    }
    if ours {
        steps.push((sim.at_date(this_month, 9, 0), Step::Reweigh));
    }
    steps.push((report_day(last_month, sim), Step::Report(last_month)));
    let week = sim.last_monday();
    let friday = week.plus(Duration::days(4));
    steps.push((sim.at_date(friday, 12, 30), Step::Plan));
    steps.push((sim.at_date(friday, 17, 50), Step::PlanSeen));
    steps.push((
        sim.at_date(week.plus(Duration::days(10)), 16, 0),
        Step::ItemDone,
    ));
    steps.retain(|(t, _)| *t <= sim.now);
    order::sort(&mut steps);

    let mut everyone: Option<RecordId> = None;
    for (t, step) in steps {
        match step {
            Step::Review(n) => review(sim, crew, &reps, &plan[n], t),
            Step::Acknowledge(n) => {
                let comment = *sim.rng.pick(&words::ACKNOWLEDGED);
                answer(sim, &reps, &plan[n], ReplyKind::Acknowledge, comment, t);
            }
            Step::Dispute(n) => {
                let comment = match plan[n].dispute {
                    Dispute::Changed => words::DISPUTES[0],
                    Dispute::Upheld => words::DISPUTES[1],
                    _ => words::DISPUTES[2],
                };
                answer(sim, &reps, &plan[n], ReplyKind::Dispute, comment, t);
            }
            Step::Rule(n) => rule(sim, crew, &plan[n], t),
            Step::Reweigh => reweigh(sim, crew, &REWEIGHED, t),
            Step::Report(month) => {
                if !sim.m.qa.reports.contains_key(&qa::report_id(month)) {
                    let qi = sim.who(crew.qi);
                    let issued = act::issue_report(&sim.m, &qi, month, t);
                    sim.take("qa_report", issued);
                }
            }
            Step::Plan => everyone = training_plan(sim, crew, &reps, week, t),
            Step::PlanSeen => {
                let dd = sim.who(crew.dd);
                let plan = qa::plan_id(week);
                let ours = |p: &qa::TrainingPlan| p.sent_by == Some(crew.qi);
                if sim.m.qa.plans.get(&plan).is_some_and(ours) {
                    let seen = act::acknowledge_plan(&sim.m, &dd, plan, t);
                    sim.take("qa_plan", seen);
                }
            }
            Step::ItemDone => {
                if let Some(item) = everyone {
                    let owner = sim.who(crew.qi);
                    let done = act::complete_item(&sim.m, &owner, item, t);
                    sim.take("qa_plan_item", done);
                }
            }
        }
    }
}

/// A version of the standard scorecard by the department director: the
/// standard weights (`weights` empty) or those given.
fn reweigh(sim: &mut Sim, crew: &Crew, weights: &[(&str, u32, bool)], t: DateTime<Utc>) {
    let criteria: Vec<CriterionDraft> = match weights.is_empty() {
        true => qa::standard_criteria()
            .into_iter()
            .map(|c| CriterionDraft {
                key: Some(c.key),
                name: String::new(),
                weight: c.weight,
                critical: c.critical,
            })
            .collect(),
        false => weights
            .iter()
            .map(|(key, weight, critical)| CriterionDraft {
                key: Some(key.to_string()),
                name: String::new(),
                weight: *weight,
                critical: *critical,
            })
            .collect(),
    };
    let dd = sim.who(crew.dd);
    let id = sim.id();
    let card = Some(qa::standard_card_id());
    let saved = act::save_scorecard(&sim.m, &dd, card, "", &criteria, id, t);
    sim.take("qa_scorecard", saved);
}

/// Whether `person` works on `day` (by the roster, or Monday to Friday
/// before it) and is not on approved leave.
fn works(sim: &Sim, person: RecordId, day: NaiveDate) -> bool {
    !qa::working_days(&sim.m, person, day, day).is_empty()
        && !leave_status::leave_on(&sim.m, person, day)
            .is_some_and(|l| leave_status::status(&sim.m, l) == LeaveStatus::Approved)
}

/// `k` days of `days`, spread over them.
fn spread(sim: &mut Sim, days: &[NaiveDate], k: usize) -> Vec<NaiveDate> {
    let k = k.min(days.len());
    (0..k)
        .map(|part| {
            let (lo, hi) = (days.len() * part / k, days.len() * (part + 1) / k);
            days[lo + sim.rng.below((hi - lo) as u64) as usize]
        })
        .collect()
}

/// `k` reviews of agent `n` on days of `from..=to` when the inspector and
/// the agent both work, spread over them, each made before now; most
/// before `report` (the day the month's report is issued) when given, so
/// the report has them. Some are on a contact the agent handled in the
/// three days before.
fn plan_month(
    sim: &mut Sim,
    crew: &Crew,
    (n, agent): (usize, RecordId),
    (from, to): (NaiveDate, NaiveDate),
    (k, report): (i64, Option<NaiveDate>),
    plan: &mut Vec<Planned>,
) {
    let late = time(14, 30);
    let days: Vec<NaiveDate> = crate::domain::base::dates::days(from, to)
        .filter(|d| works(sim, crew.qi, *d) && works(sim, agent, *d))
        .filter(|d| sim.zone.to_utc(d.and_time(late)) <= sim.now)
        .collect();
    let k = usize::try_from(k).unwrap_or(0);
    let dates = match report {
        Some(r) => {
            let (before, after): (Vec<NaiveDate>, Vec<NaiveDate>) =
                days.iter().partition(|d| **d <= r);
            let later = (k / 3).min(after.len());
            let mut v = spread(sim, &before, k - later);
            v.extend(spread(sim, &after, later));
            v
        }
        None => spread(sim, &days, k),
    };
    for date in dates {
        let minute = sim.rng.range(0, 300);
        let at = sim.at_date(date, 9, 30).plus(Duration::minutes(minute));
        let taken: Vec<RecordId> = plan.iter().filter_map(|p| p.contact).collect();
        let start = sim
            .zone
            .to_utc(date.minus(Duration::days(3)).and_time(time(0, 0)));
        let mut handled: Vec<(DateTime<Utc>, RecordId)> = sim
            .m
            .contacts
            .values()
            .filter(|c| c.owner == agent && c.received_at >= start && c.received_at < at)
            .filter(|c| qa::month_of(sim.zone.local_date(c.received_at)).0 == from)
            .filter(|c| !taken.contains(&c.id))
            .map(|c| (c.received_at, c.id))
            .collect();
        order::sort(&mut handled);
        let contact = match !handled.is_empty() && sim.rng.chance(60) {
            true => Some(handled[sim.rng.below(handled.len() as u64) as usize].1),
            false => None,
        };
        plan.push(Planned {
            id: sim.id(),
            agent: n,
            date,
            at,
            contact,
            dispute: Dispute::No,
            skip_summary: false,
        });
    }
}

/// The disputes: changed and upheld on reviews of last month's first half
/// (settled long ago; the upheld one the struggling agent's), the open one
/// on the latest review disputed by now.
fn choose_disputes(sim: &Sim, plan: &mut [Planned], last_month: NaiveDate) {
    let early = |p: &Planned| qa::month_of(p.date).0 == last_month && p.date.day() <= 14;
    let upheld = plan
        .iter()
        .position(|p| early(p) && p.agent == STRUGGLING)
        .or_else(|| plan.iter().position(early));
    if let Some(n) = upheld {
        plan[n].dispute = Dispute::Upheld;
    }
    let changed = plan
        .iter()
        .position(|p| early(p) && p.dispute == Dispute::No && p.agent != STRUGGLING);
    if let Some(n) = changed {
        plan[n].dispute = Dispute::Changed;
    }
    let open = plan
        .iter()
        .rposition(|p| p.dispute == Dispute::No && p.at.plus(Duration::hours(3)) <= sim.now);
    if let Some(n) = open {
        plan[n].dispute = Dispute::Open;
    }
}

/// The scores of a review on `version`: around the agent's usual level, a
/// critical criterion kept at 3 or more, the disputed one low; tags and a
/// note on every low score, praise now and then, and now and then a
/// criterion that does not apply.
fn scores(sim: &mut Sim, p: &Planned, version: &Scorecard) -> Vec<Score> {
    let low = p.dispute.low();
    let skip = p.skip_summary.then_some("summary");
    let mut out = Vec::new();
    for c in &version.criteria {
        let key = c.key.as_str();
        if skip == Some(key) {
            out.push(Score {
                criterion: c.key.clone(),
                score: None,
                comment: sim.tr(words::NOT_APPLICABLE).to_string(),
                causes: Vec::new(),
                train_on: None,
            });
            continue;
        }
        let tenths = LEVEL[p.agent] + sim.rng.range(-13, 10);
        let mut s = ((tenths + 5) / 10).clamp(1, 5) as u8;
        if c.critical {
            s = s.max(qa::CRITICAL_BELOW);
        }
        if low == Some(key) {
            s = qa::LOW_SCORE;
        }
        let (comment, causes) = if s <= qa::LOW_SCORE {
            let tags = words::causes(key);
            let first = sim.rng.below(tags.len() as u64) as usize;
            let mut causes = vec![sim.tr(tags[first]).to_string()];
            if sim.rng.chance(40) {
                causes.push(sim.tr(tags[(first + 1) % tags.len()]).to_string());
            }
            (sim.tr(words::low(key)).to_string(), causes)
        } else if s == 5 && sim.rng.chance(25) {
            (sim.tr(words::praise(key)).to_string(), Vec::new())
        } else {
            (String::new(), Vec::new())
        };
        out.push(Score {
            criterion: c.key.clone(),
            score: Some(s),
            comment,
            causes,
            train_on: None,
        });
    }
    out
}

fn review(sim: &mut Sim, crew: &Crew, reps: &[RecordId], p: &Planned, t: DateTime<Utc>) {
    let Some(version) = sim.m.qa.current(qa::standard_card_id()).cloned() else {
        return;
    };
    let scores = scores(sim, p, &version);
    let noted = scores.iter().any(|s| !s.causes.is_empty());
    let comment = match qa::total(&version, &scores) {
        Some(t) if t >= 800 => sim.say(&words::OVERALL[0]),
        Some(t) if t >= 600 => sim.tr(words::OVERALL[1][usize::from(!noted)]),
        _ => sim.say(&words::OVERALL[2]),
    }
    .to_string();
    let draft = ReviewDraft {
        agent: reps[p.agent],
        date: p.date,
        contact: p.contact,
        scorecard: None,
        scores,
        comment,
    };
    let qi = sim.who(crew.qi);
    let made = act::record_review(&sim.m, &qi, draft, p.id, t);
    sim.take("qa_review", made);
}

/// The agent's answer to a review of theirs.
fn answer(
    sim: &mut Sim,
    reps: &[RecordId],
    p: &Planned,
    kind: ReplyKind,
    comment: Tr,
    t: DateTime<Utc>,
) {
    let agent = sim.who(reps[p.agent]);
    let (id, comment) = (sim.id(), sim.tr(comment));
    let done = act::reply(&sim.m, &agent, p.id, kind, comment, id, t);
    sim.take("qa_reply", done);
}

/// The department director settles a dispute: the summary raised to 3 on
/// the changed one, the score kept on the upheld one.
fn rule(sim: &mut Sim, crew: &Crew, p: &Planned, t: DateTime<Utc>) {
    let Some(r) = sim.m.qa.reviews.get(&p.id) else {
        return;
    };
    let (outcome, scores, comment) = match p.dispute {
        Dispute::Changed => {
            let mut scores = r.scores.clone();
            for s in scores
                .iter_mut()
                .filter(|s| Some(s.criterion.as_str()) == p.dispute.low())
            {
                s.score = Some(3);
                s.causes.clear();
            }
            (RulingOutcome::Change, scores, words::RULINGS[0])
        }
        _ => (RulingOutcome::Uphold, Vec::new(), words::RULINGS[1]),
    };
    let dd = sim.who(crew.dd);
    let (id, comment) = (sim.id(), sim.tr(comment));
    let done = act::rule_dispute(&sim.m, &dd, p.id, outcome, &scores, comment, id, t);
    sim.take("qa_ruling", done);
}

/// Last month's report is issued by the inspector on the last working day
/// before the 21st (R-QA-04: due before the 22nd).
fn report_day(month: NaiveDate, sim: &Sim) -> DateTime<Utc> {
    let mut day = month.plus(Duration::days(i64::from(qa::DUE_BEFORE_DAY) - 3));
    while matches!(day.weekday(), Weekday::Sat | Weekday::Sun) {
        day = day.minus(Duration::days(1));
    }
    sim.at_date(day, 16, 30)
}

/// Last week's training plan (R-QA-03), from the week's summary: the
/// weakest criterion's problem and a session for everyone the inspector
/// runs this week; side-by-side calls for the weakest agent with their
/// team leader next week; sent to the department director. Returns the
/// item for everyone.
fn training_plan(
    sim: &mut Sim,
    crew: &Crew,
    reps: &[RecordId],
    week: NaiveDate,
    t: DateTime<Utc>,
) -> Option<RecordId> {
    let plan = qa::plan_id(week);
    if sim.m.qa.plans.contains_key(&plan) {
        return None;
    }
    let qi = sim.who(crew.qi);
    let summary = qa::weekly_summary(&sim.m, &qi, week).ok()?;
    let weakest = summary
        .weakest
        .first()
        .map(|c| c.key.clone())
        .unwrap_or_default();
    let (notes, session) = words::plan_for(&weakest);
    let notes = sim.tr(notes);
    let saved = act::save_plan(&sim.m, &qi, week, notes, t);
    if !sim.take("qa_plan", saved) {
        return None;
    }
    let agent = summary
        .agents
        .iter()
        .find(|a| a.average.is_some())
        .map(|a| a.agent)
        .unwrap_or(reps[STRUGGLING]);
    let items = [
        (session, Vec::new(), crew.qi, week.plus(Duration::days(10))),
        (
            words::ONE_TO_ONE,
            vec![agent],
            crew.leads[crew.team_of(agent)],
            week.plus(Duration::days(15)),
        ),
    ];
    let mut first = None;
    for (n, (text, people, owner, due)) in items.into_iter().enumerate() {
        let draft = ItemDraft {
            text: sim.tr(text).to_string(),
            people,
            owner,
            due,
        };
        let id = sim.id();
        let at = t.plus(Duration::minutes(5 * (n as i64 + 1)));
        let added = act::add_item(&sim.m, &qi, plan, &draft, id, at);
        if sim.take("qa_plan_item", added) && n == 0 {
            first = Some(id);
        }
    }
    let sent = act::send_plan(&sim.m, &qi, plan, t.plus(Duration::minutes(15)));
    sim.take("qa_plan", sent);
    first
}
