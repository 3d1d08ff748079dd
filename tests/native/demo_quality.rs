//! The demo's knowledge base and quality inspection (R-KB-01, R-KB-02,
//! R-QA-01..R-QA-04): thirty standard answers in the language it is loaded
//! in, agreed at the weekly meetings and used since, two of them outdated
//! with their replacement; the standard scorecard in two versions, two
//! months of reviews of every representative within the quota and never
//! on a day of leave, disputes open, upheld and changed, last week's
//! training plan sent and acknowledged, last month's report issued.

use crate::common::*;
use crate::demo::loaded;
use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};
use std::collections::BTreeSet;
use ventanilla::domain::base::zone::week_start;
use ventanilla::domain::dept::leave_status::{self, LeaveStatus};
use ventanilla::domain::dept::MeetingKind;
use ventanilla::domain::kb::{self, AnswerStatus, SearchFor};
use ventanilla::domain::qa::{self, ReviewStatus};
use ventanilla::domain::staff::Role;
use ventanilla::domain::{Lang, Model};
use ventanilla::sync::RecordId;

/// Days in the middle of a month, when both months have reviews: a
/// Wednesday, a Monday morning, a Saturday at closing time.
fn mid_month() -> [DateTime<Utc>; 3] {
    [
        at(2026, 11, 18, 12, 0),
        at(2027, 4, 12, 8, 0),
        at(2026, 7, 18, 20, 30),
    ]
}

fn people(m: &Model, role: Role) -> Vec<RecordId> {
    m.staff
        .values()
        .filter(|s| s.demo && s.role == role)
        .map(|s| s.id)
        .collect()
}

fn one(m: &Model, role: Role) -> RecordId {
    people(m, role)[0]
}

/// Last month's first day and this month's, on the organisation's calendar.
fn months(m: &Model, now: DateTime<Utc>) -> (NaiveDate, NaiveDate) {
    let (this, _) = qa::month_of(m.zone().local_date(now));
    let (last, _) = qa::month_of(this - Duration::days(1));
    (last, this)
}

/// What every demo holds, whatever the day it is loaded (called from the
/// demo's every-area check).
pub(crate) fn kb_and_qa_in_place(m: &Model, now: DateTime<Utc>, what: &str) {
    assert_eq!(m.kb.answers.len(), 30, "{what}");
    let (last, _) = months(m, now);
    for rep in people(m, Role::Representative) {
        let n =
            m.qa.reviews
                .values()
                .filter(|r| r.agent == rep && qa::month_of(r.date).0 == last)
                .count();
        assert!((1..=5).contains(&n), "{what}: {n} reviews last month");
    }
    let statuses: Vec<ReviewStatus> = m.qa.reviews.values().map(|r| qa::status(m, r)).collect();
    for s in [
        ReviewStatus::Disputed,
        ReviewStatus::Upheld,
        ReviewStatus::Changed,
    ] {
        assert!(statuses.contains(&s), "{what}: {s:?}");
    }
    let plan = &m.qa.plans[&qa::plan_id(week_start(m.zone().local_date(now)) - Duration::days(7))];
    assert!(
        plan.sent_at.is_some() && plan.acknowledged_at.is_some(),
        "{what}"
    );
    assert!(m.qa.reports.contains_key(&qa::report_id(last)), "{what}");
}

#[test]
fn r_kb_01_the_demo_has_thirty_answers_in_its_language_agreed_at_weekly_meetings_and_used_since() {
    for lang in [Lang::Es, Lang::En] {
        for now in [mid_month()[0], at(2026, 3, 1, 17, 0)] {
            let (m, _) = loaded(lang, "Europe/Madrid", now);
            let what = format!("{lang:?} {now}");
            let answers: Vec<_> = m.kb.answers.values().collect();
            assert_eq!(answers.len(), 30, "{what}");
            assert!(answers.iter().all(|a| a.demo && a.lang == lang), "{what}");
            let questions: BTreeSet<&str> = answers
                .iter()
                .filter_map(|a| m.kb.current(a.id))
                .map(|v| v.question.as_str())
                .collect();
            assert_eq!(questions.len(), 30, "{what}: each its own question");
            let hello = match lang {
                Lang::Es => "Hola {customer}",
                Lang::En => "Hello {customer}",
            };
            assert!(answers
                .iter()
                .filter_map(|a| m.kb.current(a.id))
                .all(|v| v.text.starts_with(hello)));
            let categories: BTreeSet<&str> = answers.iter().map(|a| a.category.code()).collect();
            assert_eq!(categories.len(), 7, "{what}: every category");
            assert!(answers.iter().all(|a| a.keywords.len() >= 3));
            // Agreed by the department director at four held weekly meetings.
            let dd = one(&m, Role::DepartmentDirector);
            let meetings: BTreeSet<RecordId> = answers.iter().filter_map(|a| a.meeting).collect();
            assert_eq!(meetings.len(), 4, "{what}");
            assert!(meetings.iter().all(|x| {
                let x = &m.dept.meetings[x];
                x.held && x.kind == MeetingKind::Weekly
            }));
            assert!(answers
                .iter()
                .all(|a| a.agreed_by == Some(dd) && a.agreed_at.is_some_and(|t| t <= now)));
            // Used on contacts, by whoever handled them, after agreement.
            for u in m.kb.uses.values() {
                let a = &m.kb.answers[&u.answer];
                let c = &m.contacts[&u.contact.expect("on a contact")];
                assert_eq!(c.owner, u.by);
                assert!(a.agreed_at.is_some_and(|t| t <= u.at) && u.at <= now);
            }
            let usage = kb::usage(&m);
            let counts: BTreeSet<usize> = usage.values().map(|u| u.count).collect();
            let lasts: BTreeSet<_> = usage.values().filter_map(|u| u.last).collect();
            assert!(usage.len() >= 20, "{what}: {} answers used", usage.len());
            assert!(counts.len() >= 5, "{what}: used {counts:?} times");
            assert!(
                lasts.len() >= 15,
                "{what}: last used on {} days",
                lasts.len()
            );
            // One answer came from a question without an answer; another
            // question still waits for the next meeting.
            let from_gap: Vec<_> = answers.iter().filter(|a| a.gap.is_some()).collect();
            assert_eq!(from_gap.len(), 1, "{what}");
            let gap = from_gap[0].gap.expect("a question");
            assert_eq!(kb::gap_answer(&m, gap), Some(from_gap[0].id));
            assert_eq!(kb::next_agenda(&m, "", now).gaps.len(), 1, "{what}");
            assert!(kb::unused_for_review(&m, now).is_empty(), "{what}");
        }
    }
}

#[test]
fn r_kb_02_the_demos_two_outdated_answers_point_to_their_replacement_and_are_not_found() {
    for lang in [Lang::Es, Lang::En] {
        let now = mid_month()[1];
        let (m, _) = loaded(lang, "Europe/Madrid", now);
        let outdated: Vec<_> =
            m.kb.answers
                .values()
                .filter(|a| a.status == AnswerStatus::Outdated)
                .collect();
        assert_eq!(outdated.len(), 2);
        for a in outdated {
            let new = kb::replacement(&m, a.id).expect("a replacement");
            assert_eq!(m.kb.answers[&new].status, AnswerStatus::InUse);
            assert_eq!(
                a.outdated_at,
                m.kb.answers[&new]
                    .agreed_at
                    .map(|t| t + Duration::minutes(1))
            );
            // Used while it was in use, never since.
            let uses: Vec<_> = m.kb.uses.values().filter(|u| u.answer == a.id).collect();
            assert!(!uses.is_empty(), "{lang:?}: used before");
            assert!(uses.iter().all(|u| Some(u.at) < a.outdated_at));
            let hits = kb::search(&m, &SearchFor::default(), 100);
            assert!(hits.iter().all(|h| h.answer != a.id));
            assert!(hits.iter().any(|h| h.answer == new));
        }
        // Typed without accents, the return policy in force is found, the
        // 14-day one is not.
        let query = match lang {
            Lang::Es => "devolucion",
            Lang::En => "returning",
        };
        let want = SearchFor {
            query: query.into(),
            ..SearchFor::default()
        };
        let found: Vec<String> = kb::search(&m, &want, 10)
            .into_iter()
            .map(|h| h.text)
            .collect();
        assert!(found.iter().any(|t| t.contains("30")), "{found:?}");
        assert!(found.iter().all(|t| !t.contains("14")), "{found:?}");
    }
}

#[test]
fn r_qa_01_the_demo_scores_on_the_standard_scorecard_with_disputes_open_upheld_and_changed() {
    for lang in [Lang::Es, Lang::En] {
        for now in mid_month() {
            let (m, _) = loaded(lang, "Europe/Madrid", now);
            let what = format!("{lang:?} {now}");
            let (last, this) = months(&m, now);
            // Two versions: last month's reviews keep the first.
            let versions = m.qa.versions_of(qa::standard_card_id());
            assert_eq!(versions.len(), 2, "{what}");
            assert!(versions[1].criteria.iter().any(|c| c.critical));
            for r in m.qa.reviews.values() {
                let v = if r.date < this {
                    versions[0].id
                } else {
                    versions[1].id
                };
                assert_eq!(r.scorecard, v, "{what}");
                assert!(qa::review_total(&m, r).is_some());
                if let Some(c) = r.contact {
                    assert_eq!(m.contacts[&c].owner, r.agent);
                }
            }
            let reviews: Vec<_> = m.qa.reviews.values().collect();
            assert!(
                reviews.iter().filter(|r| r.contact.is_some()).count() >= 8,
                "{what}"
            );
            // A realistic spread: a few low scores with causes, N/A now and then.
            let totals: BTreeSet<u32> = reviews
                .iter()
                .filter_map(|r| qa::review_total(&m, r))
                .collect();
            assert!(totals.len() >= 8, "{what}: {totals:?}");
            assert!(
                totals.first() < Some(&600) && totals.last() >= Some(&850),
                "{what}: {totals:?}"
            );
            let scores = || reviews.iter().flat_map(|r| r.scores.iter());
            let low: Vec<_> = scores()
                .filter(|s| s.score.is_some_and(|n| n <= 2))
                .collect();
            assert!(low.len() >= 3, "{what}");
            assert!(low
                .iter()
                .all(|s| !s.causes.is_empty() && !s.comment.is_empty()));
            assert!(scores().any(|s| s.score.is_none()), "{what}: N/A");
            // Most acknowledged; one dispute open, one upheld, one changed.
            let count =
                |want: ReviewStatus| reviews.iter().filter(|r| qa::status(&m, r) == want).count();
            assert_eq!(count(ReviewStatus::Disputed), 1, "{what}");
            assert_eq!(count(ReviewStatus::Upheld), 1, "{what}");
            assert_eq!(count(ReviewStatus::Changed), 1, "{what}");
            assert!(
                count(ReviewStatus::Acknowledged) * 3 > reviews.len() * 2,
                "{what}"
            );
            let changed = reviews
                .iter()
                .find(|r| qa::status(&m, r) == ReviewStatus::Changed)
                .expect("a changed review");
            let version = &m.qa.scorecards[&changed.scorecard];
            assert!(qa::review_total(&m, changed) > qa::total(version, &changed.scores));
            assert!(qa::month_of(changed.date).0 == last);
            // The open one waits on the directors' lists.
            let dd = person(&m, one(&m, Role::DepartmentDirector).0);
            assert_eq!(qa::open_disputes(&m, &dd).len(), 1);
            assert_eq!(qa::open_disputes(&m, &person(&m, 1)).len(), 1);
        }
    }
}

#[test]
fn r_qa_02_the_demo_reviews_every_representative_both_months_within_the_quota_never_on_leave() {
    for lang in [Lang::Es, Lang::En] {
        for now in mid_month() {
            let (m, _) = loaded(lang, "Europe/Madrid", now);
            let what = format!("{lang:?} {now}");
            let (last, this) = months(&m, now);
            let today = m.zone().local_date(now);
            let inspector = one(&m, Role::QualityInspector);
            let mut most = 0;
            for rep in people(&m, Role::Representative) {
                let of = |month: NaiveDate| {
                    m.qa.reviews
                        .values()
                        .filter(|r| r.agent == rep && qa::month_of(r.date).0 == month)
                        .count()
                };
                let (a, b) = (of(last), of(this));
                assert!(
                    (1..=5).contains(&a) && (1..=5).contains(&b),
                    "{what}: {a}, {b}"
                );
                most = most.max(a);
            }
            assert_eq!(most, 5, "{what}: the one who struggles, at the maximum");
            assert!(qa::below_minimum(&m, now).is_empty(), "{what}");
            for r in m.qa.reviews.values() {
                assert_eq!(r.inspector, inspector);
                assert!(r.date <= today && r.audit.created_at <= now);
                assert_eq!(m.zone().local_date(r.audit.created_at), r.date);
                let away = leave_status::leave_on(&m, r.agent, r.date)
                    .is_some_and(|l| leave_status::status(&m, l) == LeaveStatus::Approved);
                assert!(!away, "{what}: reviewed on leave");
                assert!(!qa::working_days(&m, r.agent, r.date, r.date).is_empty());
            }
        }
    }
}

#[test]
fn r_qa_03_the_demo_sent_last_weeks_training_plan_and_the_director_acknowledged_it() {
    for lang in [Lang::Es, Lang::En] {
        let now = mid_month()[0];
        let (m, _) = loaded(lang, "Europe/Madrid", now);
        let today = m.zone().local_date(now);
        let week = week_start(today) - Duration::days(7);
        let plan = &m.qa.plans[&qa::plan_id(week)];
        assert_eq!(plan.week, week);
        assert!(!plan.notes.is_empty());
        assert_eq!(plan.sent_by, Some(one(&m, Role::QualityInspector)));
        assert_eq!(
            plan.acknowledged_by,
            Some(one(&m, Role::DepartmentDirector))
        );
        assert!(plan.acknowledged_at >= plan.sent_at && plan.acknowledged_at <= Some(now));
        let items = m.qa.items_of(plan.id);
        assert_eq!(items.len(), 2);
        assert!(items[0].people.is_empty(), "one for everyone");
        assert_eq!(items[1].people.len(), 1, "one for a named person");
        let named = items[1].people[0];
        assert_eq!(m.staff[&named].role, Role::Representative);
        assert!(qa::training_for(&m, named, today).contains(&items[1].id));
        assert!(qa::training_for(&m, items[1].owner, today).contains(&items[1].id));
        assert!(qa::plans_to_acknowledge(&m, &person(&m, 1)).is_empty());
    }
}

#[test]
fn r_qa_04_the_demo_issued_last_months_report_before_the_22nd() {
    for now in mid_month() {
        let (m, _) = loaded(Lang::Es, "Europe/Madrid", now);
        let (last, _) = months(&m, now);
        let report = &m.qa.reports[&qa::report_id(last)];
        assert_eq!(report.month, last);
        assert_eq!(report.issued_by, one(&m, Role::QualityInspector));
        let issued = m.zone().local_date(report.issued_at);
        assert!(issued.month() == last.month() && issued.day() < qa::DUE_BEFORE_DAY);
        assert!(
            report.reviews >= 6 && report.agents.len() == 6,
            "{report:?}"
        );
        // The reviews made after it are reported as changes, not merged in.
        let later =
            m.qa.reviews
                .values()
                .filter(|r| qa::month_of(r.date).0 == last && r.audit.created_at > report.issued_at)
                .count();
        assert_eq!(qa::changes_since(&m, report), later);
    }
}
