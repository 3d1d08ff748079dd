//! The one way a user action becomes a saved change: look up the acting
//! person once, run the rule on the current model at the current time, then
//! save its writes (their limits checked first, `Ctx::save`), refresh, and
//! confirm with a toast; a refusal is shown in the rule's own words and the
//! input stays on screen. Generic over the rule's closure, so any domain
//! operation of the shape (model, actor, now) → writes or refusals fits.

use crate::domain::staff::Staff;
use crate::domain::{Model, RuleError};
use crate::store::platform;
use crate::sync::Write;
use crate::ui::shell::state::Ctx;
use crate::ui::words::{refusals, Key};
use chrono::{DateTime, Utc};
use leptos::prelude::*;

/// Why an action saved nothing: the rules refused (one refusal or
/// several), the screen has words of its own (no specialist to assign), or
/// there is nothing to do (the record is gone).
#[derive(Debug, Clone, PartialEq)]
pub enum Refusal {
    Rules(Vec<RuleError>),
    Words(Key),
    Nothing,
}

impl From<RuleError> for Refusal {
    fn from(e: RuleError) -> Refusal {
        Refusal::Rules(vec![e])
    }
}

impl From<Vec<RuleError>> for Refusal {
    fn from(e: Vec<RuleError>) -> Refusal {
        Refusal::Rules(e)
    }
}

impl Ctx {
    /// Acts as the current person: `op` turns the action into writes, or
    /// refuses. On a refusal or a failed save the words go to `error` (the
    /// form's message line) and nothing is stored; on success `error` is
    /// cleared, `done` is toasted (when given) and `on_ok` runs (to clear
    /// the form, close a dialog …).
    pub fn act<E: Into<Refusal>>(
        self,
        error: RwSignal<Option<String>>,
        done: impl Into<Option<Key>>,
        op: impl FnOnce(&Model, &Staff, DateTime<Utc>) -> Result<Vec<Write>, E>,
        on_ok: impl FnOnce() + 'static,
    ) {
        self.act_then(error, done, op, move |saved| {
            if saved {
                on_ok()
            }
        })
    }

    /// `act`, with `after(saved)` run once the action is over either way
    /// (a busy flag to lower, say).
    pub fn act_then<E: Into<Refusal>>(
        self,
        error: RwSignal<Option<String>>,
        done: impl Into<Option<Key>>,
        op: impl FnOnce(&Model, &Staff, DateTime<Utc>) -> Result<Vec<Write>, E>,
        after: impl FnOnce(bool) + 'static,
    ) {
        self.act_with(done, op, move |outcome| {
            error.set(match &outcome {
                Outcome::Refused(r) => self.refusal_text(r),
                Outcome::Failed(msg) => Some(msg.clone()),
                Outcome::Saved => None,
            });
            after(outcome == Outcome::Saved);
        })
    }

    /// The whole path, for a form that shows the outcome its own way (each
    /// refusal next to its field, say): `outcome` is told once, whatever
    /// happened.
    pub fn act_with<E: Into<Refusal>>(
        self,
        done: impl Into<Option<Key>>,
        op: impl FnOnce(&Model, &Staff, DateTime<Utc>) -> Result<Vec<Write>, E>,
        outcome: impl FnOnce(Outcome) + 'static,
    ) {
        let done = done.into();
        let Some(actor) = self.me_staff() else {
            return outcome(Outcome::Refused(Refusal::Words(Key::NotReady)));
        };
        let writes = match self
            .model
            .with_untracked(|m| op(m, &actor, platform::now()))
        {
            Ok(writes) => writes,
            Err(e) => return outcome(Outcome::Refused(e.into())),
        };
        // Nothing to store (a step already taken, nothing due): done.
        if writes.is_empty() {
            return outcome(Outcome::Saved);
        }
        leptos::task::spawn_local(async move {
            match self.save(writes).await {
                Ok(()) => {
                    if let Some(done) = done {
                        self.toast.set(Some(self.tr_now(done).into()));
                    }
                    outcome(Outcome::Saved);
                }
                Err(msg) => outcome(Outcome::Failed(msg)),
            }
        });
    }

    /// A refusal in the current language (`None`: nothing to say).
    pub fn refusal_text(&self, r: &Refusal) -> Option<String> {
        match r {
            Refusal::Rules(errors) => Some(refusals(self.lang.get_untracked(), errors)),
            Refusal::Words(key) => Some(self.tr_now(*key).into()),
            Refusal::Nothing => None,
        }
    }
}

/// How an action ended.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// Nothing was stored: the rules (or the screen) said no.
    Refused(Refusal),
    /// The rules agreed but storing failed (the message says why).
    Failed(String),
    Saved,
}
