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

/// What a rule refuses with: one refusal or several.
pub trait Refused {
    fn into_refusals(self) -> Vec<RuleError>;
}

impl Refused for RuleError {
    fn into_refusals(self) -> Vec<RuleError> {
        vec![self]
    }
}

impl Refused for Vec<RuleError> {
    fn into_refusals(self) -> Vec<RuleError> {
        self
    }
}

impl Ctx {
    /// Acts as the current person: `op` turns the action into writes, or
    /// refuses. On a refusal or a failed save the words go to `error` (the
    /// form's message line) and nothing is stored; on success `error` is
    /// cleared, `done` is toasted (when given) and `on_ok` runs (to clear
    /// the form, close a dialog …).
    pub fn act<E: Refused>(
        self,
        error: RwSignal<Option<String>>,
        done: impl Into<Option<Key>>,
        op: impl FnOnce(&Model, &Staff, DateTime<Utc>) -> Result<Vec<Write>, E>,
        on_ok: impl FnOnce() + 'static,
    ) {
        let done = done.into();
        let Some(actor) = self.me_staff() else {
            error.set(Some(self.tr_now(Key::NotReady).into()));
            return;
        };
        let writes = match self
            .model
            .with_untracked(|m| op(m, &actor, platform::now()))
        {
            Ok(writes) => writes,
            Err(e) => {
                let lang = self.lang.get_untracked();
                error.set(Some(refusals(lang, &e.into_refusals())));
                return;
            }
        };
        leptos::task::spawn_local(async move {
            match self.save(writes).await {
                Ok(()) => {
                    error.set(None);
                    if let Some(done) = done {
                        self.toast.set(Some(self.tr_now(done).into()));
                    }
                    on_ok();
                }
                Err(msg) => error.set(Some(msg)),
            }
        });
    }
}
