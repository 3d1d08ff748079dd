//! Devices by the names people gave them: this device's id, a device in
//! words for any screen (never its hex id), and the form that names this
//! device (Settings, and the Sync page while it has no name).

use crate::domain::staff::{act, device};
use crate::sync::DeviceId;
use crate::ui::kit::widgets::TextField;
use crate::ui::shell::state::{use_ctx, Ctx};
use crate::ui::words::values::device_words;
use crate::ui::words::Key;
use leptos::prelude::*;

/// This device's id (None before the store is open).
pub fn this_device(ctx: Ctx) -> Option<DeviceId> {
    ctx.replica().map(|c| c.replica.borrow().device())
}

/// `device` in words: the name it carries in `carried` (a bundle being
/// previewed), else the name this device knows, else "Unnamed device"
/// (with when it was first seen, when known). Untracked.
pub fn device_label(
    ctx: Ctx,
    device: DeviceId,
    carried: Option<&str>,
    first_seen_ms: Option<u64>,
) -> String {
    let lang = ctx.lang.get_untracked();
    ctx.model.with_untracked(|m| {
        let name = carried.or_else(|| device::name_of(m, device));
        let here = this_device(ctx) == Some(device);
        device_words(lang, m.zone(), name, first_seen_ms, here)
    })
}

/// Whether this device has a name yet (tracked).
pub fn is_named(ctx: Ctx) -> bool {
    let Some(me) = this_device(ctx) else {
        return true;
    };
    ctx.model.with(|m| device::name_of(m, me).is_some())
}

/// Names this device: a field with its current name and a save button.
/// `id` keeps two forms on one page apart.
#[component]
pub fn DeviceNameForm(id: &'static str) -> impl IntoView {
    let ctx = use_ctx();
    let current = move || {
        let me = this_device(ctx)?;
        ctx.model
            .with_untracked(|m| device::name_of(m, me).map(str::to_string))
    };
    let name = RwSignal::new(current().unwrap_or_default());
    let error = RwSignal::new(None::<String>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(me) = this_device(ctx) else { return };
        let typed = name.get_untracked();
        ctx.act(
            error,
            Key::DeviceNameSaved,
            move |m, actor, now| act::name_device(m, actor, me, &typed, now),
            || {},
        );
    };
    view! {
        <form on:submit=submit novalidate>
            <TextField id=id label=Key::DeviceName value=name hint=Key::DeviceNameHint
                error=Signal::derive(move || error.get())/>
            <button type="submit" class="primary">{move || ctx.tr(Key::SaveDeviceName)}</button>
        </form>
    }
}
