//! The standards page (R-STD-01, R-STD-02): every active department's
//! standing at a glance, each standard's compliance this period with its
//! numerator and denominator, its light in words and its trend; then the
//! departments the organisation keeps and the free-text departments found
//! in contacts and complaints, offered for adoption (`overview/list.rs`).

mod list;

use super::nav::StandardsNav;
use super::{
    counts_text, dept_name, figure_text, light_words, may_set, metric_key, rule_text, standing_now,
    trend_text,
};
use crate::domain::standards::{Compliance, Light, Standard};
use crate::sync::RecordId;
use crate::ui::kit::widgets::Empty;
use crate::ui::shell::state::use_ctx;
use crate::ui::words::{t, Key};
use leptos::prelude::*;
use leptos_router::components::A;

/// One department's row: its name, worst light, and each standard's line.
#[derive(Clone, PartialEq)]
struct Row {
    id: RecordId,
    name: String,
    light: Light,
    lines: Vec<(Standard, Compliance)>,
}

#[component]
pub fn StandardsPage() -> impl IntoView {
    let ctx = use_ctx();
    let director = may_set(ctx);
    view! {
        <section class="page std-page">
            <h1>{move || ctx.tr(Key::NavStandards)}</h1>
            <StandardsNav/>
            <p class="lead">{move || ctx.tr(Key::StdLead)}</p>
            <StandingSection director/>
            <list::DepartmentsSection director/>
            <list::Candidates director/>
        </section>
    }
}

#[component]
fn StandingSection(director: Memo<bool>) -> impl IntoView {
    let ctx = use_ctx();
    let rows = Memo::new(move |_| {
        ctx.model.with(|m| {
            standing_now(m)
                .into_iter()
                .map(|s| Row {
                    id: s.department,
                    name: dept_name(m, s.department),
                    light: s.light,
                    lines: s
                        .lines
                        .into_iter()
                        .filter_map(|c| {
                            let st = m.standards.standards.get(&c.standard)?.clone();
                            Some((st, c))
                        })
                        .collect(),
                })
                .collect::<Vec<_>>()
        })
    });
    view! {
        <section aria-labelledby="std-standing-h">
            <h2 id="std-standing-h">{move || ctx.tr(Key::StdStanding)}</h2>
            <p class="hint">{move || ctx.tr(Key::StdStandingHint)}</p>
            <Show when=move || rows.with(|r| !r.is_empty()) fallback=move || view! {
                <Empty text=if director.get() { Key::StdNoDepartments } else { Key::StdNoDepartmentsOthers }/>
            }>
                <ul class="cards std-standing" aria-labelledby="std-standing-h">
                    <For each=move || rows.get() key=|r| (r.id, r.lines.len(), r.light, r.lines.iter().map(|(_, c)| (c.numerator, c.denominator)).collect::<Vec<_>>()) let:row>
                        <DeptCard row/>
                    </For>
                </ul>
            </Show>
        </section>
    }
}

#[component]
fn DeptCard(row: Row) -> impl IntoView {
    let ctx = use_ctx();
    let head = format!("std-dept-{}", row.id);
    let labelled = head.clone();
    let (key, class) = light_words(row.light);
    let lines = row.lines.clone();
    let empty = lines.is_empty();
    view! {
        <li class="card item std-dept" aria-labelledby=labelled>
            <h3 id=head>
                <A href=format!("/standards/department/{}", row.id)>{row.name.clone()}</A>
                <span class=class>{move || format!("{}: {}", ctx.tr(Key::StdOverall), ctx.tr(key))}</span>
            </h3>
            {empty.then(|| view! { <p class="meta">{move || ctx.tr(Key::StdNoStandardsYet)}</p> })}
            <ul class="std-lines">
                {lines.into_iter().map(|(s, c)| view! { <Line s c/> }).collect_view()}
            </ul>
        </li>
    }
}

/// One standard's line: what it asks, where it stands, against the period before.
#[component]
fn Line(s: Standard, c: Compliance) -> impl IntoView {
    let ctx = use_ctx();
    let (key, class) = light_words(c.light);
    let text = move || {
        let lang = ctx.lang.get();
        (
            format!(
                "{} — {}",
                t(lang, metric_key(s.metric)),
                rule_text(lang, &s)
            ),
            format!(
                "{} · {} · {}",
                figure_text(lang, &c),
                counts_text(lang, &c),
                trend_text(lang, &c)
            ),
        )
    };
    let (what, text2) = (text.clone(), text);
    view! {
        <li class="std-line">
            <strong>{move || what().0}</strong>
            <span class="meta"><span class=class>{move || ctx.tr(key)}</span> " " {move || text2().1}</span>
        </li>
    }
}
