//! The monthly report's charts as inline SVG: horizontal bars on a fixed
//! 0–100 scale (agents, criteria) and columns over months (the trend).
//! Each is one image with an accessible name; its numbers are also in the
//! table beside it, which is what a screen reader and a printout read.
//! Colours come from the theme (`currentColor`, the accent), so the same
//! chart reads in light, dark and on paper.

use crate::domain::qa::scorecard::FULL_TENTHS;
use crate::domain::Lang;
use crate::ui::words::total_text;
use leptos::prelude::*;

/// A value in tenths of a percent as the width of its bar, in percent of
/// `span` (the share of the chart's width the bars may take).
fn share(tenths: u32, span: f64) -> f64 {
    f64::from(tenths.min(FULL_TENTHS)) / f64::from(FULL_TENTHS) * span
}

fn value_text(lang: Lang, v: Option<u32>) -> String {
    v.map_or_else(|| "—".to_string(), |t| total_text(lang, t))
}

const ROW: f64 = 44.0;
/// The bars' share of the width; the rest holds the number after the bar.
const SPAN: f64 = 86.0;

/// One bar per row, its label above it (long names fit a phone), the
/// scale 0–100 whatever the data; a row without a value has no bar.
#[component]
pub(super) fn HBars(title: String, lang: Lang, rows: Vec<(String, Option<u32>)>) -> impl IntoView {
    let height = (rows.len() as f64 * ROW).max(ROW) + 4.0;
    let bars = rows
        .into_iter()
        .enumerate()
        .map(|(i, (label, value))| {
            let y = i as f64 * ROW;
            let w = value.map_or(0.0, |v| share(v, SPAN));
            view! {
                <g>
                    <text x="0" y=y + 15.0 class="chart-label">{label}</text>
                    <rect x="0" y=y + 22.0 width=format!("{SPAN}%") height="14" class="chart-track"/>
                    <rect x="0" y=y + 22.0 width=format!("{w:.2}%") height="14" class="chart-bar"/>
                    <text x=format!("{:.2}%", SPAN + 1.5) y=y + 34.0 class="chart-value">{value_text(lang, value)}</text>
                </g>
            }
        })
        .collect_view();
    view! {
        <svg class="chart qa-chart" role="img" aria-label=title width="100%" height=height>
            {bars}
        </svg>
    }
}

const PLOT_TOP: f64 = 24.0;
const PLOT_H: f64 = 130.0;

/// One column per period (the trend), 0–100 with lines at 50 and 100, the
/// value above each column and the period below it (with a second line,
/// the year, where given).
#[component]
pub(super) fn Columns(
    title: String,
    lang: Lang,
    cols: Vec<(String, Option<String>, Option<u32>)>,
) -> impl IntoView {
    let n = cols.len().max(1) as f64;
    let base = PLOT_TOP + PLOT_H;
    let grid = [FULL_TENTHS, FULL_TENTHS / 2].map(|t| {
        let y = base - share(t, PLOT_H);
        view! { <line x1="0" x2="100%" y1=y y2=y class="chart-grid"/> }
    });
    let columns = cols
        .into_iter()
        .enumerate()
        .map(|(i, (label, sub, value))| {
            let mid = (i as f64 + 0.5) / n * 100.0;
            let width = 100.0 / n * 0.55;
            let h = value.map_or(0.0, |v| share(v, PLOT_H));
            view! {
                <g>
                    <rect x=format!("{:.2}%", mid - width / 2.0) y=base - h width=format!("{width:.2}%") height=h class="chart-bar"/>
                    <text x=format!("{mid:.2}%") y=base - h - 6.0 text-anchor="middle" class="chart-value">{value_text(lang, value)}</text>
                    <text x=format!("{mid:.2}%") y=base + 20.0 text-anchor="middle" class="chart-label">{label}</text>
                    {sub.map(|s| view! { <text x=format!("{mid:.2}%") y=base + 38.0 text-anchor="middle" class="chart-label chart-sub">{s}</text> })}
                </g>
            }
        })
        .collect_view();
    view! {
        <svg class="chart qa-chart" role="img" aria-label=title width="100%" height=base + 46.0>
            {grid}
            <line x1="0" x2="100%" y1=base y2=base class="chart-axis"/>
            {columns}
        </svg>
    }
}
