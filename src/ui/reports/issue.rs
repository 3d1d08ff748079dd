//! Issuing the weekly or monthly report (R-REP-02): not issued yet, with
//! the button for a director; or issued, by whom and when, how many of the
//! period's records changed since, and issuing again.

use crate::domain::reports::{act, issued};
use crate::domain::standards::Period;
use crate::domain::Lang;
use crate::ui::kit::widgets::fmt_datetime;
use crate::ui::shell::state::use_ctx;
use crate::ui::words::{t, Key};
use leptos::prelude::*;

fn changed_text(lang: Lang, n: usize) -> String {
    match n {
        0 => t(lang, Key::PerNoChange).to_string(),
        1 => t(lang, Key::PerChangedOne).to_string(),
        _ => t(lang, Key::PerChangedMany).replace("{n}", &n.to_string()),
    }
}

#[component]
pub(super) fn IssueCard(#[prop(into)] period: Signal<Period>) -> impl IntoView {
    let ctx = use_ctx();
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let may_issue = Memo::new(move |_| ctx.me_staff().is_some_and(|s| issued::may_issue(&s)));
    let state = Memo::new(move |_| {
        let id = issued::issue_id(period.get());
        ctx.model.with(|m| {
            m.reports.get(&id).map(|r| {
                let who = m
                    .staff
                    .get(&r.issued_by)
                    .map(|s| s.name.clone())
                    .unwrap_or_default();
                (who, r.issued_at, issued::changes_since(m, r))
            })
        })
    });
    let issue = move |_| {
        let p = period.get_untracked();
        busy.set(true);
        ctx.act_then(
            error,
            Key::PerIssuedOk,
            move |m, actor, now| act::issue_report(m, actor, p, now),
            move |_| busy.set(false),
        );
    };
    view! {
        <section class="card no-print rep-issue" aria-labelledby="rep-issue-h">
            <h2 id="rep-issue-h">{move || ctx.tr(Key::PerIssueTitle)}</h2>
            {move || {
                let lang = ctx.lang.get();
                match state.get() {
                    None => view! { <p>{t(lang, Key::PerNotIssued)}</p> }.into_any(),
                    Some((who, at, changed)) => {
                        let class = if changed > 0 { "banner warn" } else { "hint" };
                        view! {
                            <p>{t(lang, Key::PerIssued).replace("{who}", &who).replace("{when}", &fmt_datetime(lang, at))}</p>
                            <p class=class role="status">{changed_text(lang, changed)}</p>
                        }.into_any()
                    }
                }
            }}
            <Show when=move || may_issue.get()
                fallback=move || view! { <p class="hint">{move || ctx.tr(Key::PerIssueWho)}</p> }>
                // The call to act: issuing the first time, or again once the
                // period's records changed; a plain button when nothing did.
                <button type="button" on:click=issue disabled=move || busy.get()
                    class:primary=move || state.with(|s| s.as_ref().is_none_or(|(_, _, changed)| *changed > 0))>
                    {move || ctx.tr(if state.get().is_some() { Key::PerReissue } else { Key::PerIssue })}
                </button>
            </Show>
            {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
        </section>
    }
}
