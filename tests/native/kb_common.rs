//! Fixtures for the knowledge-base tests: the department of `dept_common`
//! with a quality inspector, a weekly meeting held and one to come, a
//! customer's contact, and a device that saves through the sync layer as
//! the store does (so two of them can merge).

use crate::common::*;
use crate::dept_common::*;
pub use crate::device_common::{refused, Device};
use chrono::{DateTime, Duration, Utc};
use ventanilla::domain::base::lang::Lang;
use ventanilla::domain::contact::{record_contact, Category, ContactDraft};
use ventanilla::domain::dept::records::{Meeting, MeetingKind};
use ventanilla::domain::kb::{self, act, AnswerDraft, AnswerIds};
use ventanilla::domain::staff::Role;
use ventanilla::domain::{Audit, Model};
use ventanilla::sync::RecordId;

/// The weekly meeting held two days before `now()`.
pub const HELD: u128 = 200;
/// The next weekly meeting, two days after `now()`.
pub const NEXT: u128 = 201;
/// A contact of representative 3: a claim about a refund.
pub const CONTACT: u128 = 30;
/// The quality inspector.
pub const INSPECTOR: u128 = 8;
/// The department director.
pub const DIRECTOR: u128 = 5;
/// A representative.
pub const REP: u128 = 3;

fn meeting(n: u128, at: DateTime<Utc>) -> Meeting {
    Meeting {
        id: id(n),
        kind: MeetingKind::Weekly,
        scheduled_at: at,
        title: "Semanal".into(),
        audit: Audit::new(id(DIRECTOR), at - Duration::days(7)),
        ..Meeting::default()
    }
}

/// `dept()` plus inspector 8, meetings `HELD` and `NEXT`, contact `CONTACT`.
pub fn world() -> Model {
    let mut m = dept();
    put(
        &mut m,
        &staff(INSPECTOR, "Inés Calidad", Role::QualityInspector, &[]),
    );
    put(&mut m, &meeting(HELD, now() - Duration::days(2)));
    put(&mut m, &meeting(NEXT, now() + Duration::days(2)));
    let c = record_contact(
        &m,
        &person(&m, REP),
        ContactDraft {
            category: Category::Claim,
            summary: "¿Por qué no ha llegado mi devolución en 15 días?".into(),
            received_at: now() - Duration::hours(1),
            ..ContactDraft::default()
        },
        id(CONTACT),
        now(),
    )
    .expect("contact recorded");
    put(&mut m, &c);
    m
}

pub fn draft(question: &str, text: &str, category: Category, keywords: &[&str]) -> AnswerDraft {
    AnswerDraft {
        question: question.into(),
        text: text.into(),
        category,
        lang: Lang::Es,
        keywords: keywords.iter().map(|k| k.to_string()).collect(),
        gap: None,
    }
}

/// Answer `n`'s ids: the answer `n`, its first version `n + 1`.
pub fn ids(n: u128) -> AnswerIds {
    AnswerIds {
        answer: id(n),
        version: id(n + 1),
    }
}

/// Device `n` of this organisation (`device_common::Device`).
pub fn kb_device(n: u64) -> Device {
    Device::on(n, world())
}

impl Device {
    /// Drafts answer `n` as the representative and agrees it at `HELD`.
    pub fn agreed(&mut self, n: u128, d: AnswerDraft) {
        let rep = self.who(REP);
        self.save(act::draft_answer(&self.model, &rep, d, ids(n), now()));
        let boss = self.who(DIRECTOR);
        self.save(act::agree_answer(
            &self.model,
            &boss,
            id(n),
            id(HELD),
            now(),
        ));
    }

    /// Uses answer `n` on `CONTACT` as the representative, the use `use_id`.
    pub fn used(&mut self, n: u128, use_id: u128, at: DateTime<Utc>) {
        let rep = self.who(REP);
        self.save(act::use_answer(
            &self.model,
            &rep,
            id(n),
            Some(id(CONTACT)),
            id(use_id),
            at,
        ));
    }

    /// What an agent's search for `q` finds, for a contact of `category`.
    pub fn find(&self, q: &str, category: Option<Category>) -> Vec<RecordId> {
        let want = kb::SearchFor {
            query: q.into(),
            category,
            lang: Some(Lang::Es),
        };
        kb::search(&self.model, &want, 20)
            .into_iter()
            .map(|h| h.answer)
            .collect()
    }
}

/// The refund answer: a claim, keyword "reembolso".
pub fn refund() -> AnswerDraft {
    draft(
        "¿Por qué no ha llegado mi devolución?",
        "Hola {customer}, las devoluciones tardan hasta 15 días hábiles. Le atiende {agent}, de {org}.",
        Category::Claim,
        &["reembolso", "abono"],
    )
}
