//! The demo's workbench: a copy of the model that every step of the demo
//! goes through, as the screens' operations do, at the moment it happened
//! (a contact recorded last Tuesday at 10:14 is recorded with that `now`).
//! A step the rules refuse leaves nothing behind and is noted, so the
//! tests can insist that none is refused. Every record a step makes is
//! marked `demo`; a step that would change one of the user's own records
//! is refused here.

use super::text::Tr;
use crate::domain::base::dates::Shift;
use crate::domain::base::lang::Lang;
use crate::domain::base::zone::Zone;
use crate::domain::error::RuleError;
use crate::domain::model::Model;
use crate::domain::schema;
use crate::domain::staff::Staff;
use crate::sync::{RecordId, Write};
use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Timelike, Utc};
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// SplitMix64: tiny, fast, good enough for sample data.
pub(crate) struct Rng(pub(crate) u64);

impl Rng {
    pub(crate) fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    pub(crate) fn below(&mut self, n: u64) -> u64 {
        if n == 0 {
            0
        } else {
            self.next() % n
        }
    }
    /// A number in `lo..=hi`.
    pub(crate) fn range(&mut self, lo: i64, hi: i64) -> i64 {
        let span = hi.saturating_sub(lo).max(0) as u64;
        lo + self.below(span + 1) as i64
    }
    pub(crate) fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len() as u64) as usize]
    }
    pub(crate) fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
    pub(crate) fn id(&mut self) -> RecordId {
        RecordId(((self.next() as u128) << 64) | self.next() as u128)
    }
}

/// A step the rules refused, or one that would have changed the user's
/// own records: nothing of it was kept.
#[derive(Debug, Clone, PartialEq)]
pub struct Refused {
    /// What the step was making ("contact", "swap" …).
    pub what: &'static str,
    pub why: Why,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Why {
    Rules(Vec<RuleError>),
    /// It would have written to a record the demo did not make.
    NotDemo {
        kind: String,
    },
}

/// A rule's refusal, one or several.
pub(super) trait Errors {
    fn errors(self) -> Vec<RuleError>;
}

impl Errors for RuleError {
    fn errors(self) -> Vec<RuleError> {
        vec![self]
    }
}

impl Errors for Vec<RuleError> {
    fn errors(self) -> Vec<RuleError> {
        self
    }
}

/// Content comes from this fixed seed, so a demo loaded on a given day in
/// a given language always tells the same story; only the ids differ.
const CONTENT_SEED: u64 = 0x5645_4E54_414E_494C;

pub(super) struct Sim {
    pub m: Model,
    made: BTreeMap<(String, RecordId), Map<String, Value>>,
    ids: Rng,
    pub rng: Rng,
    /// Names and phone numbers draw from their own sequence: their draws
    /// differ between the languages, and must not shift the story's.
    pub names: Rng,
    pub lang: Lang,
    pub zone: Zone,
    pub now: DateTime<Utc>,
    pub today: NaiveDate,
    /// The last moment of the working day at or before `now` (the center
    /// is open 08:30–21:30): "just now" for what happened recently.
    pub base: DateTime<Utc>,
    pub refused: Vec<Refused>,
}

impl Sim {
    pub fn new(model: &Model, lang: Lang, now: DateTime<Utc>, id_seed: u64) -> Sim {
        let zone = model.zone();
        let local = zone.local(now);
        let today = local.date();
        let open = NaiveTime::from_hms_opt(8, 30, 0).unwrap_or_default();
        let close = NaiveTime::from_hms_opt(21, 30, 0).unwrap_or_default();
        let base = if local.time() < open {
            zone.to_utc(today.minus(Duration::days(1)).and_time(close))
        } else if local.time() > close {
            zone.to_utc(today.and_time(close))
        } else {
            now
        };
        Sim {
            m: model.clone(),
            made: BTreeMap::new(),
            ids: Rng(id_seed),
            rng: Rng(CONTENT_SEED),
            names: Rng(CONTENT_SEED.rotate_left(17)),
            lang,
            zone,
            now,
            today,
            base,
            refused: Vec::new(),
        }
    }

    pub fn id(&mut self) -> RecordId {
        self.ids.id()
    }

    pub fn tr(&self, t: Tr) -> &'static str {
        match self.lang {
            Lang::Es => t.0,
            Lang::En => t.1,
        }
    }

    /// One of `xs`, in the demo's language.
    pub fn say(&mut self, xs: &[Tr]) -> &'static str {
        let t = *self.rng.pick(xs);
        self.tr(t)
    }

    /// A person, as the operations take them.
    pub fn who(&self, id: RecordId) -> Staff {
        self.m.staff.get(&id).cloned().unwrap_or_default()
    }

    /// The local day `offset` days from today.
    pub fn day(&self, offset: i64) -> NaiveDate {
        self.today.plus(Duration::days(offset))
    }

    /// The Monday of last week: the roster's first day.
    pub fn last_monday(&self) -> NaiveDate {
        crate::domain::base::zone::week_start(self.today).minus(Duration::days(7))
    }

    /// `h:min` local time on the day `offset` days from today.
    pub fn at(&self, offset: i64, h: u32, min: u32) -> DateTime<Utc> {
        self.at_date(self.day(offset), h, min)
    }

    /// `h:min` local time on `day`.
    pub fn at_date(&self, day: NaiveDate, h: u32, min: u32) -> DateTime<Utc> {
        self.zone.to_utc(day.and_time(time(h, min)))
    }

    /// `at`, when that moment has already come.
    pub fn past(&self, offset: i64, h: u32, min: u32) -> Option<DateTime<Utc>> {
        Some(self.at(offset, h, min)).filter(|t| *t <= self.now)
    }

    /// `minutes` before the end of the recent working day.
    pub fn ago(&self, minutes: i64) -> DateTime<Utc> {
        self.base.minus(Duration::minutes(minutes))
    }

    /// `minutes` of opening hours (08:30–21:30) before the end of the recent
    /// working day: what came in "just now" never lands in the night.
    pub fn recent(&self, minutes: i64) -> DateTime<Utc> {
        let mut left = minutes.max(0);
        let mut t = self.base;
        // A working day is 780 minutes; no caller goes back a week.
        for _ in 0..8 {
            let day = self.zone.local_date(t);
            let opens = self
                .zone
                .to_utc(day.and_time(NaiveTime::from_hms_opt(8, 30, 0).unwrap_or_default()));
            let open_for = (t - opens).num_minutes().max(0);
            if left <= open_for {
                return t.minus(Duration::minutes(left));
            }
            left -= open_for;
            let close = NaiveTime::from_hms_opt(21, 30, 0).unwrap_or_default();
            t = self
                .zone
                .to_utc(day.minus(Duration::days(1)).and_time(close));
        }
        t
    }

    /// The local hour of an instant (for "who is on duty then").
    pub fn hour(&self, t: DateTime<Utc>) -> u32 {
        self.zone.local(t).hour()
    }

    /// Keeps what a step wrote, or notes its refusal. True when kept.
    pub fn take<E: Errors>(&mut self, what: &'static str, result: Result<Vec<Write>, E>) -> bool {
        let writes = match result {
            Ok(w) => w,
            Err(e) => {
                self.refused.push(Refused {
                    what,
                    why: Why::Rules(e.errors()),
                });
                return false;
            }
        };
        if let Some(w) = writes.iter().find(|w| {
            !self.made.contains_key(&(w.kind.clone(), w.id)) && self.m.holds(&w.kind, w.id)
        }) {
            self.refused.push(Refused {
                what,
                why: Why::NotDemo {
                    kind: w.kind.clone(),
                },
            });
            return false;
        }
        let mut touched: Vec<(String, RecordId)> = Vec::new();
        for w in writes {
            let key = (w.kind.clone(), w.id);
            let fields = self.made.entry(key.clone()).or_insert_with(|| {
                let mut m = Map::new();
                if schema::spec(&w.kind, "demo").is_some() {
                    m.insert("demo".into(), Value::Bool(true));
                }
                m
            });
            if w.field != "demo" {
                fields.insert(w.field, w.value);
            }
            if !touched.contains(&key) {
                touched.push(key);
            }
        }
        for key in touched {
            if let Some(fields) = self.made.get(&key) {
                let value = Value::Object(fields.clone());
                self.m.refresh(&key.0, key.1, Some(&value));
            }
        }
        true
    }

    /// Every record the demo made, as writes of its non-empty fields; all
    /// of them for a record made anew over a deleted one (its operation
    /// wrote `deleted: false`: see `qa::act`).
    pub fn finish(self) -> (Vec<Write>, Vec<Refused>) {
        let mut writes = Vec::new();
        for ((kind, id), fields) in self.made {
            let anew = fields.contains_key("deleted");
            for (field, value) in fields {
                if anew || !is_empty(&value) {
                    writes.push(Write {
                        kind: kind.clone(),
                        id,
                        field,
                        value,
                    });
                }
            }
        }
        (writes, self.refused)
    }
}

/// A local wall-clock time.
pub(super) fn time(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).unwrap_or_default()
}

/// What a missing field reads as anyway.
fn is_empty(v: &Value) -> bool {
    match v {
        Value::Null | Value::Bool(false) => true,
        Value::String(s) => s.is_empty(),
        Value::Array(a) => a.is_empty(),
        _ => false,
    }
}
