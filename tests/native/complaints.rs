//! R-CMP-01..05: the complaint's closed loop, deadlines, directors' lists,
//! the return visit on closing, statistics, and the offline double advance.

use crate::common::*;
use chrono::{DateTime, Duration, NaiveDate, Utc};
use ventanilla::domain::base::record::to_writes;
use ventanilla::domain::base::zone::Zone;
use ventanilla::domain::complaint::*;
use ventanilla::domain::contact::{make_complaint, Channel, Contact};
use ventanilla::domain::staff::Role;
use ventanilla::domain::visits::VisitReason;
use ventanilla::domain::{Lang, Model, RuleError};
use ventanilla::sync::{DeviceId, Op, RecordId, Replica, Write};

/// One device: its replica, the model it shows, and what it wrote.
struct Device {
    replica: Replica,
    model: Model,
    log: Vec<Op>,
}

impl Device {
    fn new(n: u64) -> Device {
        let mut model = team();
        put(
            &mut model,
            &staff(5, "Dora Departamento", Role::DepartmentDirector, &[]),
        );
        put(&mut model, &customer(10, "Lucía Pérez"));
        Device {
            replica: Replica::new(DeviceId(n)),
            model,
            log: Vec::new(),
        }
    }

    fn refresh(&mut self, keys: Vec<ventanilla::sync::RecordKey>) {
        for k in keys {
            let json = self.replica.state.get(&k.kind, k.id).map(|e| e.to_json());
            self.model.refresh(&k.kind, k.id, json.as_ref());
        }
    }

    fn apply(&mut self, writes: Vec<Write>) {
        let ms = now().timestamp_millis() as u64 + self.log.len() as u64;
        let (action, changed) = self.replica.commit(writes, ms);
        self.log.extend(action.ops);
        self.refresh(changed);
    }

    /// Takes in everything `other` wrote.
    fn receive(&mut self, other: &Device) {
        let changed = self
            .replica
            .receive(&other.log, now().timestamp_millis() as u64 + 1_000)
            .expect("clocks agree");
        self.log.extend(other.log.iter().cloned());
        self.refresh(changed);
    }

    fn who(&self, n: u128) -> ventanilla::domain::staff::Staff {
        person(&self.model, n)
    }

    fn view(&self) -> ComplaintView {
        history(&self.model, C).expect("complaint exists")
    }
}

const C: RecordId = RecordId(100);

fn utc() -> Zone {
    Zone::UTC
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn min(n: i64) -> DateTime<Utc> {
    now() + Duration::minutes(n)
}

fn registered(d: &mut Device) {
    let draft = ComplaintDraft {
        customer: Some(id(10)),
        channel: Channel::Phone,
        content: "La nevera llegó con un golpe".into(),
        asks: "Cambio del aparato".into(),
        received_at: now(),
    };
    let w = register(&d.model, &d.who(3), draft, C, now()).unwrap();
    d.apply(w);
}

fn founded(severity: Severity, deadline: NaiveDate) -> JudgementForm {
    JudgementForm {
        founded: Some(true),
        department: "Logística".into(),
        severity: Some(severity),
        deadline: Some(deadline),
    }
}

fn judged(d: &mut Device, severity: Severity) {
    let w = judge(
        &d.model,
        &d.who(3),
        C,
        founded(severity, day(2026, 11, 25)),
        utc(),
        id(201),
        min(10),
    )
    .unwrap();
    d.apply(w);
}

fn investigation() -> InvestigationForm {
    InvestigationForm {
        cause: Some(Cause::Delivery),
        cause_text: "El transportista dejó caer la caja".into(),
        responsible: "Transportes Rápidos".into(),
    }
}

fn investigated(d: &mut Device) {
    let w = investigate(&d.model, &d.who(3), C, investigation(), id(202), min(60)).unwrap();
    d.apply(w);
}

fn proposed(d: &mut Device, n: u128, text: &str) {
    let w = propose_plan(&d.model, &d.who(3), C, text, id(n), min(70)).unwrap();
    d.apply(w);
}

fn implementation() -> ImplementationForm {
    ImplementationForm {
        done: "Se cambió la nevera".into(),
        acceptance: Some(Acceptance::Accepted),
        customer_words: "Conforme, gracias".into(),
        ..ImplementationForm::default()
    }
}

fn ids(event: u128, visit: u128) -> CloseIds {
    CloseIds {
        event: id(event),
        visit: id(visit),
    }
}

/// Registered, judged, investigated, one plan proposed and chosen, implemented.
fn implemented() -> Device {
    let mut d = Device::new(1);
    registered(&mut d);
    judged(&mut d, Severity::Normal);
    investigated(&mut d);
    proposed(&mut d, 203, "Cambiar el aparato");
    let w = choose_plan(&d.model, &d.who(5), C, id(203), id(204), min(80)).unwrap();
    d.apply(w);
    let w = implement(&d.model, &d.who(3), C, implementation(), id(205), min(90)).unwrap();
    d.apply(w);
    d
}

#[test]
fn r_cmp_01_a_complaint_walks_all_six_stages_and_closes() {
    let mut d = implemented();
    assert_eq!(d.view().stage, Stage::Implemented);
    let w = evaluate(
        &d.model,
        &d.who(2),
        C,
        "Formar al transportista",
        utc(),
        ids(206, 300),
        min(100),
    )
    .unwrap();
    d.apply(w);
    let v = d.view();
    assert_eq!(v.stage, Stage::Evaluated);
    assert!(v.closed);
    assert_eq!(v.closed_at, Some(min(100)));
    assert_eq!(v.next_stage(), None);
    let kinds: Vec<&str> = v.timeline.iter().map(|t| t.event.data.code()).collect();
    assert_eq!(
        kinds,
        [
            "judged",
            "investigated",
            "plan_proposed",
            "plan_chosen",
            "implemented",
            "evaluated"
        ]
    );
    assert_eq!(v.chosen.as_ref().map(|c| c.value), Some(id(203)));
    assert_eq!(v.chosen.as_ref().map(|c| c.by), Some(id(5)));
    assert!(v.conflicts.is_empty());
    assert_eq!(
        implement(&d.model, &d.who(3), C, implementation(), id(207), min(110)).unwrap_err(),
        vec![RuleError::ComplaintClosed]
    );
}

#[test]
fn r_cmp_01_stage_cannot_be_skipped() {
    let mut d = Device::new(1);
    registered(&mut d);
    let err = investigate(&d.model, &d.who(3), C, investigation(), id(202), min(5)).unwrap_err();
    assert_eq!(
        err,
        vec![RuleError::StageNotReady {
            needs: Stage::Judged
        }]
    );
    assert_eq!(err[0].rule(), Some("R-CMP-01"));
    assert!(err[0].message(Lang::Es).contains("Valoración"));
    assert_eq!(
        propose_plan(&d.model, &d.who(3), C, "x", id(203), min(5)).unwrap_err(),
        vec![RuleError::StageNotReady {
            needs: Stage::Investigated
        }]
    );
    assert_eq!(
        choose_plan(&d.model, &d.who(1), C, id(203), id(204), min(5)).unwrap_err(),
        RuleError::StageNotReady {
            needs: Stage::Investigated
        }
    );
    assert_eq!(
        evaluate(&d.model, &d.who(3), C, "x", utc(), ids(206, 300), min(5)).unwrap_err(),
        vec![RuleError::StageNotReady {
            needs: Stage::Implemented
        }]
    );
    judged(&mut d, Severity::Low);
    let again = judge(
        &d.model,
        &d.who(3),
        C,
        founded(Severity::Low, day(2026, 11, 25)),
        utc(),
        id(209),
        min(20),
    )
    .unwrap_err();
    assert_eq!(
        again,
        vec![RuleError::StageDone {
            stage: Stage::Judged
        }]
    );
    assert!(again[0].message(Lang::En).contains("reopen"));
}

#[test]
fn r_cmp_01_each_stage_requires_its_fields() {
    let mut d = Device::new(1);
    registered(&mut d);
    let e = judge(
        &d.model,
        &d.who(3),
        C,
        JudgementForm::default(),
        utc(),
        id(201),
        min(1),
    )
    .unwrap_err();
    assert_eq!(e, vec![RuleError::Required { field: "founded" }]);
    let e = judge(
        &d.model,
        &d.who(3),
        C,
        JudgementForm {
            founded: Some(true),
            department: "  ".into(),
            ..JudgementForm::default()
        },
        utc(),
        id(201),
        min(1),
    )
    .unwrap_err();
    assert_eq!(
        e,
        vec![
            RuleError::Required {
                field: "department"
            },
            RuleError::Required { field: "severity" },
            RuleError::Required { field: "deadline" },
        ]
    );
    assert!(e[2].message(Lang::Es).starts_with("Plazo de investigación"));
    judged(&mut d, Severity::Normal);
    let e = investigate(
        &d.model,
        &d.who(3),
        C,
        InvestigationForm::default(),
        id(202),
        min(30),
    )
    .unwrap_err();
    assert_eq!(
        e.iter().filter_map(|e| e.field()).collect::<Vec<_>>(),
        ["cause", "cause_text", "responsible"]
    );
    investigated(&mut d);
    assert_eq!(
        propose_plan(&d.model, &d.who(3), C, " ", id(203), min(70)).unwrap_err(),
        vec![RuleError::Required { field: "proposal" }]
    );
    assert_eq!(
        choose_plan(&d.model, &d.who(5), C, id(203), id(204), min(80)).unwrap_err(),
        RuleError::Required { field: "proposal" },
        "a plan is chosen among proposals"
    );
    proposed(&mut d, 203, "Cambiar el aparato");
    assert_eq!(
        choose_plan(&d.model, &d.who(5), C, id(999), id(204), min(80)).unwrap_err(),
        RuleError::NotFound { what: "plan" }
    );
    let w = choose_plan(&d.model, &d.who(5), C, id(203), id(204), min(80)).unwrap();
    d.apply(w);
    let e = implement(
        &d.model,
        &d.who(3),
        C,
        ImplementationForm::default(),
        id(205),
        min(90),
    )
    .unwrap_err();
    assert_eq!(
        e.iter().filter_map(|e| e.field()).collect::<Vec<_>>(),
        ["done", "acceptance", "signature"]
    );
    let w = implement(&d.model, &d.who(3), C, implementation(), id(205), min(90)).unwrap();
    d.apply(w);
    assert_eq!(
        evaluate(&d.model, &d.who(3), C, "", utc(), ids(206, 300), min(99)).unwrap_err(),
        vec![RuleError::Required {
            field: "improvements"
        }]
    );
}

#[test]
fn r_cmp_01_a_complaint_from_a_contact_needs_what_the_customer_asks_before_judging() {
    let mut d = Device::new(1);
    let contact = Contact {
        id: id(50),
        customer: Some(id(10)),
        summary: "Llama otra vez por la nevera".into(),
        received_at: now(),
        owner: id(3),
        ..Contact::default()
    };
    let (complaint, _) = make_complaint(&d.model, &d.who(3), &contact, C, now()).unwrap();
    d.apply(to_writes(None, &complaint));
    let form = founded(Severity::Low, day(2026, 11, 25));
    let e = judge(&d.model, &d.who(3), C, form.clone(), utc(), id(201), min(1)).unwrap_err();
    assert_eq!(e, vec![RuleError::Required { field: "asks" }]);
    let draft = ComplaintDraft {
        customer: Some(id(10)),
        channel: Channel::Phone,
        content: complaint.content.clone(),
        asks: "Que se la cambien".into(),
        received_at: now(),
    };
    let w = update_registration(&d.model, &d.who(3), C, draft.clone(), min(2)).unwrap();
    assert!(w
        .iter()
        .all(|w| w.field == "asks" || w.field.starts_with("changed_")));
    d.apply(w);
    let w = judge(&d.model, &d.who(3), C, form, utc(), id(201), min(3)).unwrap();
    d.apply(w);
    assert_eq!(
        update_registration(&d.model, &d.who(3), C, draft, min(4)).unwrap_err(),
        vec![RuleError::StageDone {
            stage: Stage::Accepted
        }]
    );
}

#[test]
fn r_cmp_01_reopen_goes_back_one_stage_and_is_recorded() {
    let mut d = implemented();
    assert_eq!(
        reopen(&d.model, &d.who(2), C, "  ", id(210), min(95)).unwrap_err(),
        vec![RuleError::Required { field: "reason" }]
    );
    let w = reopen(
        &d.model,
        &d.who(2),
        C,
        "El cliente no firmó en realidad",
        id(210),
        min(95),
    )
    .unwrap();
    d.apply(w);
    let v = d.view();
    assert_eq!(v.stage, Stage::PlanChosen, "back one stage");
    assert!(v.implementation.is_none());
    assert_eq!(v.chosen.as_ref().map(|c| c.value), Some(id(203)), "kept");
    let last = &v.timeline.last().unwrap().event;
    assert_eq!(last.by, id(2));
    assert!(matches!(
        &last.data,
        EventData::Reopened {
            from: Stage::Implemented,
            ..
        }
    ));
    // The stage can be done again, and further reopens go on back.
    let w = implement(&d.model, &d.who(3), C, implementation(), id(211), min(96)).unwrap();
    d.apply(w);
    assert_eq!(d.view().stage, Stage::Implemented);
    let mut fresh = Device::new(2);
    registered(&mut fresh);
    assert_eq!(
        reopen(&fresh.model, &fresh.who(2), C, "x", id(210), min(1)).unwrap_err(),
        vec![RuleError::NothingToReopen]
    );
}

#[test]
fn r_cmp_01_unfounded_complaints_close_after_the_reply_is_recorded() {
    let mut d = Device::new(1);
    registered(&mut d);
    let unfounded = JudgementForm {
        founded: Some(false),
        ..JudgementForm::default()
    };
    let w = judge(&d.model, &d.who(3), C, unfounded, utc(), id(201), min(5)).unwrap();
    d.apply(w);
    let v = d.view();
    assert_eq!(
        (v.stage, v.closed, v.founded()),
        (Stage::Judged, false, Some(false))
    );
    assert_eq!(
        investigate(&d.model, &d.who(3), C, investigation(), id(202), min(6)).unwrap_err(),
        vec![RuleError::WrongPath { founded: false }]
    );
    assert_eq!(
        record_reply(&d.model, &d.who(3), C, "", utc(), ids(202, 300), min(6)).unwrap_err(),
        vec![RuleError::Required { field: "reply" }]
    );
    let w = record_reply(
        &d.model,
        &d.who(3),
        C,
        "El golpe es anterior a la entrega, según las fotos firmadas.",
        utc(),
        ids(202, 300),
        min(7),
    )
    .unwrap();
    d.apply(w);
    let v = d.view();
    assert!(v.closed);
    assert_eq!(v.closed_at, Some(min(7)));
    assert!(v.reply.is_some());
    let visit = &d.model.visits[&id(300)];
    assert_eq!(visit.reason, VisitReason::ComplaintClosed);
    assert_eq!(visit.due, day(2026, 11, 25));
    // A founded complaint does not close with a reply.
    let mut f = Device::new(2);
    registered(&mut f);
    judged(&mut f, Severity::Low);
    assert_eq!(
        record_reply(&f.model, &f.who(3), C, "x", utc(), ids(202, 300), min(20)).unwrap_err(),
        vec![RuleError::WrongPath { founded: true }]
    );
}

#[test]
fn r_cmp_01_plan_choice_refused_for_team_leader_allowed_for_department_director() {
    let mut d = Device::new(1);
    registered(&mut d);
    judged(&mut d, Severity::Normal);
    investigated(&mut d);
    proposed(&mut d, 203, "Cambiar el aparato");
    proposed(&mut d, 204, "Reparar en casa y compensar con un vale");
    assert_eq!(d.view().plans.len(), 2, "several proposals");
    let err = choose_plan(&d.model, &d.who(2), C, id(204), id(205), min(80)).unwrap_err();
    assert_eq!(err.rule(), Some("R-ROL-02"));
    assert!(err.message(Lang::Es).contains("dirección del departamento"));
    assert!(choose_plan(&d.model, &d.who(3), C, id(204), id(205), min(80)).is_err());
    let w = choose_plan(&d.model, &d.who(5), C, id(204), id(205), min(80)).unwrap();
    d.apply(w);
    assert_eq!(d.view().chosen.map(|c| c.value), Some(id(204)));
    assert!(
        choose_plan(&d.model, &d.who(1), C, id(203), id(206), min(81)).is_err(),
        "once chosen, changing it means reopening"
    );
}

#[test]
fn r_cmp_01_acceptance_by_drawn_signature_or_typed_words_and_no_oversized_drawing() {
    let mut d = implemented();
    let w = reopen(&d.model, &d.who(2), C, "rehacer", id(210), min(95)).unwrap();
    d.apply(w);
    let drawing = |n: usize| ImplementationForm {
        signature: format!("M0 0 {}", "L1 1 ".repeat(n)),
        customer_words: String::new(),
        ..implementation()
    };
    let e = implement(&d.model, &d.who(3), C, drawing(20_000), id(211), min(96)).unwrap_err();
    assert_eq!(e, vec![RuleError::SignatureTooLarge { max_kb: 60 }]);
    assert_eq!(e[0].field(), Some("signature"));
    let w = implement(&d.model, &d.who(3), C, drawing(50), id(211), min(96)).unwrap();
    d.apply(w);
    let v = d.view();
    let i = &v.implementation.unwrap().value;
    assert!(i.signature.starts_with("M0 0"));
    assert!(i.customer_words.is_empty());
    assert_eq!(i.sanctions, "", "sanctions are optional");
    let too_long = ImplementationForm {
        sanctions: "x".repeat(2_001),
        ..implementation()
    };
    let w = reopen(&d.model, &d.who(2), C, "otra vez", id(212), min(97)).unwrap();
    d.apply(w);
    assert_eq!(
        implement(&d.model, &d.who(3), C, too_long, id(213), min(98)).unwrap_err(),
        vec![RuleError::TooLong {
            field: "sanctions",
            max: 2_000
        }]
    );
}

#[test]
fn r_cmp_02_deadline_is_the_end_of_the_promised_day_across_a_month_end() {
    let judgement = |d: NaiveDate, off: i32| Judgement {
        founded: true,
        deadline: Some(d),
        utc_offset_minutes: off,
        ..Judgement::default()
    };
    assert_eq!(
        end_of_day(day(2026, 1, 31), utc()),
        Some(at(2026, 2, 1, 0, 0))
    );
    assert_eq!(
        end_of_day(day(2028, 2, 28), utc()),
        Some(at(2028, 2, 29, 0, 0)),
        "leap year"
    );
    assert_eq!(
        end_of_day(day(2026, 12, 31), utc()),
        Some(at(2027, 1, 1, 0, 0))
    );
    assert_eq!(
        days_from_today(at(2026, 1, 29, 12, 0), utc(), 3),
        Some(day(2026, 2, 1))
    );
    let mut d = Device::new(1);
    registered(&mut d);
    let mut v = d.view();
    v.judgement = Some(Entry {
        event: id(1),
        by: id(3),
        at: now(),
        value: judgement(day(2026, 11, 30), 0),
        repeats: vec![],
    });
    assert!(!v.is_overdue(at(2026, 11, 30, 23, 59), utc()));
    assert!(v.is_overdue(at(2026, 12, 1, 0, 0), utc()));
    v.investigation = Some(Entry {
        event: id(2),
        by: id(3),
        at: now(),
        value: Investigation::default(),
        repeats: vec![],
    });
    assert!(
        !v.is_overdue(at(2026, 12, 5, 0, 0), utc()),
        "investigated in time"
    );
}

#[test]
fn r_cmp_02_deadline_in_two_time_zones_around_midnight() {
    let minus5 = Zone::fixed(-300);
    let plus1 = Zone::fixed(60);
    // 23:30 UTC on 30 November: still the 30th in UTC-5, already 1 December in UTC+1.
    let late = at(2026, 11, 30, 23, 30);
    assert_eq!(local_day(late, minus5), day(2026, 11, 30));
    assert_eq!(local_day(late, plus1), day(2026, 12, 1));
    let promise = founded(Severity::Normal, day(2026, 11, 30));
    let mut west = Device::new(1);
    registered(&mut west);
    let w = judge(
        &west.model,
        &west.who(3),
        C,
        promise.clone(),
        minus5,
        id(201),
        late,
    )
    .unwrap();
    west.apply(w);
    let mut east = Device::new(2);
    registered(&mut east);
    assert_eq!(
        judge(&east.model, &east.who(3), C, promise, plus1, id(201), late).unwrap_err(),
        vec![RuleError::InvalidDate { field: "deadline" }],
        "a deadline already past in UTC+1"
    );
    let w = judge(
        &east.model,
        &east.who(3),
        C,
        founded(Severity::Normal, day(2026, 12, 1)),
        plus1,
        id(201),
        late,
    )
    .unwrap();
    east.apply(w);
    let (west, east) = (west.view(), east.view());
    // UTC-5: the 30th ends at 05:00 UTC on 1 December.
    assert_eq!(west.deadline_at(minus5), Some(at(2026, 12, 1, 5, 0)));
    assert!(!west.is_overdue(at(2026, 12, 1, 4, 59), minus5));
    assert!(west.is_overdue(at(2026, 12, 1, 5, 0), minus5));
    // UTC+1: 1 December ends at 23:00 UTC that day.
    assert_eq!(east.deadline_at(plus1), Some(at(2026, 12, 1, 23, 0)));
    assert!(!east.is_overdue(at(2026, 12, 1, 22, 59), plus1));
    assert!(east.is_overdue(at(2026, 12, 1, 23, 0), plus1));
}

#[test]
fn r_cmp_02_overdue_shows_to_owner_and_team_leader_and_in_the_list_filter() {
    let mut d = Device::new(1);
    let mut other_leader = staff(6, "Otro Líder", Role::TeamLeader, &[]);
    other_leader.team = "Tarde".into();
    put(&mut d.model, &other_leader);
    registered(&mut d);
    judged(&mut d, Severity::Normal);
    let late = at(2026, 11, 26, 0, 0);
    assert!(d.view().is_overdue(late, d.model.zone()));
    assert_eq!(d.model.today(id(3), late).overdue_complaints, vec![C]);
    assert_eq!(d.model.today(id(2), late).overdue_complaints, vec![C]);
    assert!(d.model.today(id(4), late).overdue_complaints.is_empty());
    assert!(d.model.today(id(6), late).overdue_complaints.is_empty());
    assert!(d.model.today(id(3), min(20)).overdue_complaints.is_empty());
    let overdue = ComplaintFilter {
        overdue_only: true,
        ..ComplaintFilter::default()
    };
    assert_eq!(list(&d.model, &overdue, utc(), late).len(), 1);
    assert!(list(&d.model, &overdue, utc(), min(20)).is_empty());
    let w = investigate(&d.model, &d.who(3), C, investigation(), id(202), late).unwrap();
    d.apply(w);
    assert!(d.model.today(id(3), late).overdue_complaints.is_empty());
}

#[test]
fn r_cmp_03_a_serious_complaint_is_at_once_on_both_directors_lists() {
    let mut d = Device::new(1);
    registered(&mut d);
    assert!(d.model.today(id(5), now()).serious_complaints.is_empty());
    judged(&mut d, Severity::Serious);
    assert_eq!(d.model.today(id(5), min(10)).serious_complaints, vec![C]);
    assert_eq!(d.model.today(id(1), min(10)).serious_complaints, vec![C]);
    assert!(d.model.today(id(2), min(10)).serious_complaints.is_empty());
    assert!(d.model.today(id(3), min(10)).serious_complaints.is_empty());
}

#[test]
fn r_cmp_04_closing_creates_a_return_visit_due_within_three_days() {
    let mut d = implemented();
    let plus1 = Zone::fixed(60);
    // 23:30 UTC on 29 November is 30 November in UTC+1: due 3 December.
    let w = evaluate(
        &d.model,
        &d.who(3),
        C,
        "Revisar embalaje",
        plus1,
        ids(206, 300),
        at(2026, 11, 29, 23, 30),
    )
    .unwrap();
    assert!(w.iter().any(|w| w.kind == "visit"));
    d.apply(w);
    let visit = &d.model.visits[&id(300)];
    assert_eq!(visit.due, day(2026, 12, 3));
    assert_eq!(visit.reason, VisitReason::ComplaintClosed);
    assert_eq!(visit.customer, id(10));
    assert_eq!(visit.complaint, Some(C));
    assert_eq!(visit.assignee, Some(id(3)), "the complaint's owner");
}

fn complaint_at(d: &mut Device, n: u128, received: DateTime<Utc>) {
    let draft = ComplaintDraft {
        customer: Some(id(10)),
        channel: Channel::Email,
        content: format!("Queja {n}"),
        asks: "Solución".into(),
        received_at: received,
    };
    let w = register(&d.model, &d.who(3), draft, id(n), received).unwrap();
    d.apply(w);
}

#[test]
fn r_cmp_05_statistics_count_by_cause_department_severity_and_time_per_stage() {
    let mut d = implemented(); // 10:00 received, judged +10 min, investigated +60, chosen +80, implemented +90
    let w = evaluate(&d.model, &d.who(3), C, "x", utc(), ids(206, 300), min(130)).unwrap();
    d.apply(w);
    complaint_at(&mut d, 101, now());
    let unfounded = JudgementForm {
        founded: Some(false),
        ..JudgementForm::default()
    };
    let w = judge(
        &d.model,
        &d.who(3),
        id(101),
        unfounded,
        utc(),
        id(220),
        min(30),
    )
    .unwrap();
    d.apply(w);
    complaint_at(&mut d, 102, now());
    let form = JudgementForm {
        department: "Posventa".into(),
        ..founded(Severity::Serious, day(2026, 11, 30))
    };
    let w = judge(&d.model, &d.who(3), id(102), form, utc(), id(221), min(50)).unwrap();
    d.apply(w);
    complaint_at(&mut d, 103, now());
    complaint_at(&mut d, 104, at(2026, 10, 1, 9, 0)); // outside the period
    let s = statistics(&d.model, day(2026, 11, 1), day(2026, 11, 30), utc());
    assert_eq!(s.total, 4);
    assert_eq!((s.founded, s.unfounded, s.pending, s.closed), (2, 1, 1, 1));
    let cause = |c| s.by_cause.iter().find(|x| x.0 == c).unwrap().1;
    assert_eq!(cause(Cause::Delivery), 1);
    assert_eq!(cause(Cause::Billing), 0);
    assert_eq!(s.by_cause.len(), Cause::ALL.len());
    assert_eq!(
        s.by_department,
        vec![("Logística".to_string(), 1), ("Posventa".to_string(), 1)]
    );
    assert_eq!(
        s.by_severity,
        vec![
            (Severity::Low, 0),
            (Severity::Normal, 1),
            (Severity::Serious, 1)
        ]
    );
    let t = |st: Stage| {
        s.stage_times
            .iter()
            .find(|x| x.stage == st)
            .unwrap()
            .clone()
    };
    // Judged: 10, 30 and 50 minutes after acceptance → mean 30.
    assert_eq!(t(Stage::Judged).count, 3);
    assert_eq!(t(Stage::Judged).mean, Some(Duration::minutes(30)));
    assert_eq!(t(Stage::Investigated).mean, Some(Duration::minutes(50)));
    assert_eq!(t(Stage::PlanChosen).mean, Some(Duration::minutes(20)));
    assert_eq!(t(Stage::Implemented).mean, Some(Duration::minutes(10)));
    assert_eq!(t(Stage::Evaluated).mean, Some(Duration::minutes(40)));
    let empty = statistics(&d.model, day(2025, 1, 1), day(2025, 1, 31), utc());
    assert_eq!(empty.total, 0);
    assert!(empty.stage_times.iter().all(|t| t.mean.is_none()));
}

#[test]
fn complaint_list_filters_searches_and_sorts_by_urgency() {
    let mut d = Device::new(1);
    complaint_at(&mut d, 101, now() - Duration::days(3));
    complaint_at(&mut d, 102, now() - Duration::days(2));
    complaint_at(&mut d, 103, now() - Duration::days(1));
    let judge_it = |d: &mut Device, n: u128, sev, deadline, ev: u128| {
        let w = judge(
            &d.model,
            &d.who(3),
            id(n),
            founded(sev, deadline),
            utc(),
            id(ev),
            min(1),
        )
        .unwrap();
        d.apply(w);
    };
    judge_it(&mut d, 101, Severity::Low, day(2026, 11, 22), 201);
    judge_it(&mut d, 102, Severity::Serious, day(2026, 11, 28), 202);
    let later = at(2026, 11, 23, 12, 0);
    let all = list(&d.model, &ComplaintFilter::default(), utc(), later);
    let order: Vec<RecordId> = all.iter().map(|r| r.view.complaint.id).collect();
    assert_eq!(
        order,
        vec![id(102), id(101), id(103)],
        "serious, overdue, rest"
    );
    assert!(all[1].overdue);
    let by = |f: ComplaintFilter| -> Vec<RecordId> {
        list(&d.model, &f, utc(), later)
            .iter()
            .map(|r| r.view.complaint.id)
            .collect()
    };
    assert_eq!(
        by(ComplaintFilter {
            stage: Some(Stage::Accepted),
            ..ComplaintFilter::default()
        }),
        vec![id(103)]
    );
    assert_eq!(
        by(ComplaintFilter {
            severity: Some(Severity::Serious),
            ..ComplaintFilter::default()
        }),
        vec![id(102)]
    );
    assert_eq!(
        by(ComplaintFilter {
            department: Some("LOGISTICA".into()),
            ..ComplaintFilter::default()
        })
        .len(),
        2
    );
    assert_eq!(
        by(ComplaintFilter {
            text: "queja 103".into(),
            ..ComplaintFilter::default()
        }),
        vec![id(103)]
    );
    assert_eq!(
        by(ComplaintFilter {
            text: "lucia perez".into(),
            ..ComplaintFilter::default()
        })
        .len(),
        3,
        "customer name, accent-insensitive"
    );
    assert_eq!(
        by(ComplaintFilter {
            from: Some(day(2026, 11, 20)),
            to: Some(day(2026, 11, 20)),
            ..ComplaintFilter::default()
        }),
        vec![id(102)]
    );
    assert!(by(ComplaintFilter {
        assignee: Some(id(4)),
        ..ComplaintFilter::default()
    })
    .is_empty());
    assert!(by(ComplaintFilter {
        status: Some(Status::Closed),
        ..ComplaintFilter::default()
    })
    .is_empty());
}

#[test]
fn r_cmp_01_offline_double_advance_keeps_both_histories_and_shows_a_conflict() {
    let mut a = Device::new(1);
    registered(&mut a);
    judged(&mut a, Severity::Normal);
    investigated(&mut a);
    let mut b = Device::new(2);
    b.receive(&a);
    assert_eq!(b.view().stage, Stage::Investigated);
    // Offline: each device proposes a plan and a director chooses it.
    proposed(&mut a, 230, "Cambiar el aparato");
    let w = choose_plan(&a.model, &a.who(5), C, id(230), id(231), min(80)).unwrap();
    a.apply(w);
    let w = propose_plan(&b.model, &b.who(4), C, "Reparar en casa", id(240), min(75)).unwrap();
    b.apply(w);
    let w = choose_plan(&b.model, &b.who(1), C, id(240), id(241), min(85)).unwrap();
    b.apply(w);
    let (a_log, b_log) = (a.log.len(), b.log.len());
    a.receive(&b);
    b.receive(&a);
    assert!(a_log < a.log.len() && b_log < b.log.len());
    let (va, vb) = (a.view(), b.view());
    assert_eq!(va, vb, "both devices derive the same complaint");
    let events: Vec<RecordId> = va.timeline.iter().map(|t| t.event.id).collect();
    for e in [230, 231, 240, 241] {
        assert!(events.contains(&id(e)), "step {e} survived the merge");
    }
    assert_eq!(va.plans.len(), 2, "both proposals");
    assert_eq!(
        va.conflicts,
        vec![Conflict {
            kind: ConflictKind::PlanChoice,
            events: vec![id(231), id(241)]
        }]
    );
    assert_eq!(
        va.chosen.as_ref().map(|c| c.value),
        Some(id(230)),
        "first in force"
    );
    // Nothing goes on until a director resolves it.
    assert_eq!(
        implement(&a.model, &a.who(3), C, implementation(), id(250), min(90)).unwrap_err(),
        vec![RuleError::UnresolvedConflict]
    );
    assert_eq!(a.model.today(id(5), min(90)).conflicted_complaints, vec![C]);
    let conflict = va.conflicts[0].clone();
    assert!(matches!(
        resolve_conflict(
            &a.model,
            &a.who(2),
            C,
            &conflict,
            Some(id(241)),
            id(260),
            min(90)
        ),
        Err(RuleError::NotAllowed { .. })
    ));
    assert_eq!(
        resolve_conflict(
            &a.model,
            &a.who(5),
            C,
            &conflict,
            Some(id(999)),
            id(260),
            min(90)
        )
        .unwrap_err(),
        RuleError::NotFound { what: "event" }
    );
    let w = resolve_conflict(
        &a.model,
        &a.who(5),
        C,
        &conflict,
        Some(id(241)),
        id(260),
        min(90),
    )
    .unwrap();
    a.apply(w);
    let v = a.view();
    assert!(v.conflicts.is_empty());
    assert_eq!(v.chosen.as_ref().map(|c| c.value), Some(id(240)));
    assert!(v
        .timeline
        .iter()
        .any(|t| t.event.id == id(231) && t.overruled));
    assert_eq!(
        resolve_conflict(
            &a.model,
            &a.who(5),
            C,
            &conflict,
            Some(id(241)),
            id(261),
            min(91)
        )
        .unwrap_err(),
        RuleError::NoConflict
    );
    let w = implement(&a.model, &a.who(3), C, implementation(), id(250), min(95)).unwrap();
    a.apply(w);
    b.receive(&a);
    assert_eq!(b.view(), a.view());
    assert_eq!(b.view().stage, Stage::Implemented);
}

#[test]
fn r_cmp_01_concurrent_judgements_conflict_only_when_they_differ() {
    let mut a = Device::new(1);
    registered(&mut a);
    let mut b = Device::new(2);
    b.receive(&a);
    let mut c = Device::new(3);
    c.receive(&a);
    judged(&mut a, Severity::Normal);
    // The same judgement on another device is a harmless repeat.
    let w = judge(
        &c.model,
        &c.who(4),
        C,
        founded(Severity::Normal, day(2026, 11, 25)),
        utc(),
        id(301),
        min(12),
    )
    .unwrap();
    c.apply(w);
    let w = judge(
        &b.model,
        &b.who(4),
        C,
        founded(Severity::Serious, day(2026, 11, 25)),
        utc(),
        id(302),
        min(11),
    )
    .unwrap();
    b.apply(w);
    a.receive(&c);
    assert!(a.view().conflicts.is_empty());
    a.receive(&b);
    let v = a.view();
    assert_eq!(v.conflicts.len(), 1);
    assert_eq!(v.conflicts[0].kind, ConflictKind::Judgement);
    assert_eq!(
        v.conflicts[0].events,
        vec![id(201), id(302), id(301)],
        "the repeat of the first judgement is in it too"
    );
    // The director keeps the serious judgement.
    let conflict = v.conflicts[0].clone();
    let w = resolve_conflict(
        &a.model,
        &a.who(1),
        C,
        &conflict,
        Some(id(302)),
        id(303),
        min(20),
    )
    .unwrap();
    a.apply(w);
    let v = a.view();
    assert!(v.conflicts.is_empty());
    assert_eq!(v.severity(), Some(Severity::Serious));
}

#[test]
fn bad_input_unknown_complaint_empty_and_too_long_text() {
    let mut d = Device::new(1);
    assert_eq!(
        history(&d.model, C).unwrap_err(),
        RuleError::NotFound { what: "complaint" }
    );
    assert_eq!(
        judge(
            &d.model,
            &d.who(3),
            C,
            JudgementForm::default(),
            utc(),
            id(1),
            now()
        )
        .unwrap_err(),
        vec![RuleError::NotFound { what: "complaint" }]
    );
    assert_eq!(
        choose_plan(&d.model, &d.who(5), C, id(1), id(2), now()).unwrap_err(),
        RuleError::NotFound { what: "complaint" }
    );
    let draft = ComplaintDraft {
        customer: Some(id(404)),
        content: "x".repeat(2_001),
        asks: " ".into(),
        received_at: now() + Duration::hours(1),
        ..ComplaintDraft::default()
    };
    let errs = register(&d.model, &d.who(3), draft, C, now()).unwrap_err();
    assert_eq!(
        errs,
        vec![
            RuleError::NotFound { what: "customer" },
            RuleError::TooLong {
                field: "content",
                max: 2_000
            },
            RuleError::Required { field: "asks" },
            RuleError::InvalidDate {
                field: "received_at"
            },
        ]
    );
    registered(&mut d);
    let far = founded(Severity::Low, day(2028, 1, 1));
    assert_eq!(
        judge(&d.model, &d.who(3), C, far, utc(), id(201), now()).unwrap_err(),
        vec![RuleError::InvalidDate { field: "deadline" }]
    );
}

#[test]
fn a_step_from_a_newer_version_is_shown_but_not_replayed() {
    let mut d = Device::new(1);
    registered(&mut d);
    let future = serde_json::json!({
        "complaint": C, "data": {"kind": "satisfaction_survey", "score": 5},
        "by": id(3), "at": "2026-11-22T10:05:00Z"
    });
    d.model.refresh("complaint_event", id(290), Some(&future));
    judged(&mut d, Severity::Low);
    let v = d.view();
    assert_eq!(v.timeline.len(), 2);
    assert_eq!(v.timeline[0].event.data, EventData::Unknown);
    assert_eq!(v.stage, Stage::Judged);
    assert!(v.conflicts.is_empty());
}

#[test]
fn complaint_steps_survive_a_restart_from_stored_views() {
    let d = implemented();
    let text = ventanilla::sync::stored::encode_view(d.replica.state.iter());
    let mut fresh = Model::default();
    fresh.load_view(&text).unwrap();
    assert_eq!(history(&fresh, C).unwrap(), d.view());
}
