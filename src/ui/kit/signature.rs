//! A signature drawn with a finger, a stylus or a mouse (pointer events),
//! kept as SVG path data in a fixed 400×150 box: small, printable, and the
//! same on every screen size. People who cannot draw give their words
//! instead (the form offers both).

use crate::ui::shell::state::use_ctx;
use crate::ui::words::Key;
use leptos::html::Canvas;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

const WIDTH: f64 = 400.0;
const HEIGHT: f64 = 150.0;
/// A signature is a few KB of path data; refuse runaway scribbles (the
/// domain's limit, which imports apply too).
pub use crate::domain::base::limits::MAX_SIGNATURE_BYTES;

fn context(canvas: &web_sys::HtmlCanvasElement) -> Option<web_sys::CanvasRenderingContext2d> {
    canvas
        .get_context("2d")
        .ok()
        .flatten()
        .and_then(|c| c.dyn_into().ok())
}

/// The pointer's position in the 400×150 box.
fn point(canvas: &web_sys::HtmlCanvasElement, ev: &web_sys::PointerEvent) -> (f64, f64) {
    let rect = canvas.get_bounding_client_rect();
    let x = (f64::from(ev.client_x()) - rect.left()) / rect.width().max(1.0) * WIDTH;
    let y = (f64::from(ev.client_y()) - rect.top()) / rect.height().max(1.0) * HEIGHT;
    (x.clamp(0.0, WIDTH), y.clamp(0.0, HEIGHT))
}

/// The drawing pad; `value` holds the path data ("" = not signed).
#[component]
pub fn SignaturePad(id: &'static str, value: RwSignal<String>) -> impl IntoView {
    let ctx = use_ctx();
    let canvas_ref = NodeRef::<Canvas>::new();
    let drawing = StoredValue::new(false);
    let redraw = move || {
        let Some(canvas) = canvas_ref.get_untracked() else {
            return;
        };
        let Some(c) = context(&canvas) else { return };
        c.clear_rect(0.0, 0.0, WIDTH, HEIGHT);
        let path = value.get_untracked();
        if path.is_empty() {
            return;
        }
        if let Ok(p) = web_sys::Path2d::new_with_path_string(&path) {
            c.set_line_width(2.5);
            c.set_line_cap("round");
            c.set_line_join("round");
            c.set_stroke_style_str("#1a1a2e");
            c.stroke_with_path(&p);
        }
    };
    Effect::new(move |_| {
        value.track();
        redraw();
    });
    let down = move |ev: web_sys::PointerEvent| {
        let Some(canvas) = canvas_ref.get_untracked() else {
            return;
        };
        ev.prevent_default();
        let _ = canvas.set_pointer_capture(ev.pointer_id());
        drawing.set_value(true);
        let (x, y) = point(&canvas, &ev);
        value.update(|v| {
            if v.len() < MAX_SIGNATURE_BYTES {
                v.push_str(&format!("M{x:.0} {y:.0}"));
            }
        });
    };
    let moved = move |ev: web_sys::PointerEvent| {
        if !drawing.get_value() {
            return;
        }
        let Some(canvas) = canvas_ref.get_untracked() else {
            return;
        };
        let (x, y) = point(&canvas, &ev);
        value.update(|v| {
            if v.len() < MAX_SIGNATURE_BYTES {
                v.push_str(&format!("L{x:.0} {y:.0}"));
            }
        });
    };
    let up = move |_| drawing.set_value(false);
    view! {
        <div class="signature">
            <canvas id=id node_ref=canvas_ref width=WIDTH as u32 height=HEIGHT as u32
                role="img" aria-label=move || ctx.tr(Key::SignatureArea)
                on:pointerdown=down on:pointermove=moved on:pointerup=up on:pointercancel=up on:pointerleave=up></canvas>
            <div class="actions">
                <button type="button" class="link" on:click=move |_| value.set(String::new())
                    disabled=move || value.with(|v| v.is_empty())>{move || ctx.tr(Key::ClearSignature)}</button>
            </div>
        </div>
    }
}

/// A stored signature, drawn for the screen and for paper.
#[component]
pub fn SignatureImage(path: String) -> impl IntoView {
    let ctx = use_ctx();
    view! {
        <svg class="signature-image" viewBox="0 0 400 150" role="img" aria-label=move || ctx.tr(Key::CustomerSignature)>
            <path d=path fill="none" stroke="currentColor" stroke-width="2.5" stroke-linecap="round" stroke-linejoin="round"/>
        </svg>
    }
}
