//! A plain horizontal bar chart in SVG: enough for counts by category and
//! outcome distributions, readable on paper and to screen readers (each bar
//! carries its label and number as text; the table beside it has the same).

use leptos::prelude::*;

/// Bars of (label, value); `title` names the chart for assistive tech.
/// With `on_pick`, clicking a bar passes its index: a pointer's way to what
/// the table beside it opens (the table's buttons are the keyboard's).
#[component]
pub fn BarChart(
    title: String,
    bars: Vec<(String, f64)>,
    #[prop(optional)] on_pick: Option<Callback<usize>>,
) -> impl IntoView {
    let max = bars
        .iter()
        .map(|(_, v)| *v)
        .fold(0.0_f64, f64::max)
        .max(1.0);
    let row_h = 28.0;
    let height = (bars.len() as f64 * row_h).max(row_h);
    let rows = bars
        .into_iter()
        .enumerate()
        .map(|(i, (label, value))| {
            let y = i as f64 * row_h;
            let w = (value / max * 55.0).max(if value > 0.0 { 0.5 } else { 0.0 });
            let number = if value.fract() == 0.0 {
                format!("{value:.0}")
            } else {
                format!("{value:.1}")
            };
            let pick = move |_| {
                if let Some(f) = on_pick {
                    f.run(i);
                }
            };
            view! {
                <g class:chart-pick=on_pick.is_some() on:click=pick>
                    <text x="0" y=y + 18.0 class="chart-label">{label}</text>
                    <rect x="40%" y=y + 5.0 width=format!("{w:.1}%") height=row_h - 10.0 class="chart-bar"/>
                    <text x=format!("{:.1}%", 41.0 + w) y=y + 18.0 class="chart-value">{number}</text>
                </g>
            }
        })
        .collect_view();
    view! {
        <svg class="chart" role="img" aria-label=title width="100%" height=height>
            {rows}
        </svg>
    }
}
