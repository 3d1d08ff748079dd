//! Service standards on Today (R-STD-03): my open improvement actions,
//! the actions done and waiting for me to verify (I audited), and, for a
//! department director or higher, every action past its due day. Nothing
//! at all when none applies.

use super::{audit_title, staff_name};
use crate::domain::standards;
use crate::store::platform;
use crate::sync::RecordId;
use crate::ui::kit::widgets::fmt_date;
use crate::ui::shell::state::use_ctx;
use crate::ui::words::{t, Key};
use chrono::NaiveDate;
use leptos::prelude::*;
use leptos_router::components::A;

/// Items a list shows at most.
const MAX_ITEMS: usize = 20;

/// One action as Today shows it: its text, its audit, its owner, its due day.
#[derive(Clone, PartialEq)]
struct Item {
    id: RecordId,
    text: String,
    audit: String,
    owner: String,
    due: NaiveDate,
}

#[derive(Clone, PartialEq, Default)]
struct StdToday {
    mine: Vec<Item>,
    to_verify: Vec<Item>,
    overdue: Vec<Item>,
}

#[component]
pub fn StandardsTodaySection() -> impl IntoView {
    let ctx = use_ctx();
    let today = Memo::new(move |_| {
        let me = ctx.me.get();
        let lang = ctx.lang.get();
        ctx.model.with(|m| {
            let Some(viewer) = me.and_then(|id| m.staff.get(&id)) else {
                return StdToday::default();
            };
            let day = m.zone().local_date(platform::now());
            let items = |ids: Vec<RecordId>| -> Vec<Item> {
                ids.into_iter()
                    .filter_map(|id| {
                        let i = m.standards.actions.get(&id)?;
                        Some(Item {
                            id,
                            text: i.text.clone(),
                            audit: audit_title(lang, m, i.dept_audit),
                            owner: staff_name(m, i.owner),
                            due: i.due,
                        })
                    })
                    .take(MAX_ITEMS)
                    .collect()
            };
            let overdue: Vec<RecordId> = standards::overdue_actions(m, viewer, day)
                .into_iter()
                .filter(|id| {
                    m.standards
                        .actions
                        .get(id)
                        .is_some_and(|i| i.owner != viewer.id)
                })
                .collect();
            StdToday {
                mine: items(standards::open_actions_for(m, viewer.id)),
                to_verify: items(standards::to_verify(m, viewer.id)),
                overdue: items(overdue),
            }
        })
    });
    move || {
        let t_ = today.get();
        if t_.mine.is_empty() && t_.to_verify.is_empty() && t_.overdue.is_empty() {
            return None;
        }
        let lists = [
            ("std-today-mine", Key::StdTodayMine, t_.mine, false),
            ("std-today-verify", Key::StdTodayVerify, t_.to_verify, true),
            ("std-today-overdue", Key::StdTodayOverdue, t_.overdue, true),
        ];
        Some(view! {
            <section aria-labelledby="std-today-h">
                <h2 id="std-today-h">{move || ctx.tr(Key::NavStandards)}</h2>
                {lists.into_iter().filter(|(_, _, v, _)| !v.is_empty()).map(|(hid, key, items, with_owner)| {
                    let n = items.len();
                    view! {
                        <h3 id=hid>{move || format!("{} ({n})", ctx.tr(key))}</h3>
                        <ul class="cards" aria-labelledby=hid>
                            {items.into_iter().map(|i| view! {
                                <li class="card item">
                                    <A href=format!("/standards/audits#action-{}", i.id)>{i.text.clone()}</A>
                                    <span class="meta">{move || {
                                        let lang = ctx.lang.get();
                                        let mut s = format!("{} · {} {}", i.audit, t(lang, Key::StdDue), fmt_date(lang, i.due));
                                        if with_owner {
                                            s.push_str(&format!(" · {} {}", t(lang, Key::StdOwner), i.owner));
                                        }
                                        s
                                    }}</span>
                                </li>
                            }).collect_view()}
                        </ul>
                    }
                }).collect_view()}
            </section>
        })
    }
}
