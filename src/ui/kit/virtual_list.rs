//! A list that renders only the rows on screen (plus a few either side), so
//! 20,000 customers scroll as smoothly as 20. Rows have a fixed height; each
//! visible row is keyed by its item so scrolling only creates the rows that come into view.

use crate::sync::RecordId;
use leptos::html::Div;
use leptos::prelude::*;

const OVERSCAN: usize = 6;

#[component]
pub fn VirtualList<F, V>(
    /// The ids to show, in order.
    items: Signal<Vec<RecordId>>,
    /// Row height in CSS pixels; must match the stylesheet.
    row_height: f64,
    /// Renders one row (with its position for aria-posinset).
    render: F,
    /// Accessible name of the list.
    label: Signal<String>,
) -> impl IntoView
where
    F: Fn(RecordId) -> V + Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let scroller = NodeRef::<Div>::new();
    let scroll_top = RwSignal::new(0.0f64);
    let viewport = RwSignal::new(640.0f64);

    // Measure the viewport once mounted and whenever the list's box changes
    // size (a rotated tablet, a banner above it): a ResizeObserver on the
    // list itself, disconnected when the list leaves the page. `try_`
    // reads, because a late callback must never read a disposed signal.
    let measure = move || {
        if let Some(Some(el)) = scroller.try_get_untracked() {
            let h = el.client_height() as f64;
            if h > 0.0 {
                viewport.try_set(h);
            }
        }
    };
    let observer = StoredValue::new_local(None::<Observer>);
    Effect::new(move |_| {
        let Some(el) = scroller.get() else { return };
        measure();
        let watching = Observer::new(&el, measure);
        // Replacing an older one (the element was re-created) ends it.
        observer.try_update_value(|o| *o = watching);
    });
    on_cleanup(move || {
        observer.try_update_value(|o| *o = None);
    });

    // A new list (a new search) starts at the top.
    Effect::new(move |_| {
        items.track();
        if let Some(el) = scroller.get_untracked() {
            el.set_scroll_top(0);
        }
        scroll_top.set(0.0);
    });

    let total = move || items.with(|v| v.len());
    let range = move || {
        let first = (scroll_top.get() / row_height).floor() as usize;
        let shown = (viewport.get() / row_height).ceil() as usize;
        let start = first.saturating_sub(OVERSCAN);
        let end = (first + shown + OVERSCAN).min(total());
        (start, end)
    };
    let visible = move || {
        let (start, end) = range();
        items.with(|v| {
            v.get(start..end)
                .map(|s| {
                    s.iter()
                        .copied()
                        .enumerate()
                        .map(|(i, id)| (start + i, id))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };

    view! {
        <div class="vlist" node_ref=scroller
            on:scroll=move |_| {
                if let Some(el) = scroller.get_untracked() {
                    scroll_top.set(el.scroll_top() as f64);
                }
            }>
            <ul class="vlist-inner" aria-label=move || label.get()
                style:height=move || format!("{}px", total() as f64 * row_height)>
                <For each=visible key=|row| *row let:row>
                    {
                        let (index, id) = row;
                        let render = render.clone();
                        view! {
                            <li class="vrow" aria-setsize=total aria-posinset=index + 1
                                style:top=format!("{}px", index as f64 * row_height)
                                style:height=format!("{row_height}px")>
                                {render(id)}
                            </li>
                        }
                    }
                </For>
            </ul>
        </div>
    }
}

/// A ResizeObserver and its callback; dropping it disconnects the observer
/// before the callback is freed.
struct Observer {
    observer: web_sys::ResizeObserver,
    _callback: wasm_bindgen::closure::Closure<dyn FnMut(js_sys::Array)>,
}

impl Observer {
    fn new(el: &web_sys::Element, on_resize: impl Fn() + 'static) -> Option<Observer> {
        use wasm_bindgen::JsCast;
        let callback = wasm_bindgen::closure::Closure::<dyn FnMut(js_sys::Array)>::new(
            move |_: js_sys::Array| on_resize(),
        );
        let observer = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
        observer.observe(el);
        Some(Observer {
            observer,
            _callback: callback,
        })
    }
}

impl Drop for Observer {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}
