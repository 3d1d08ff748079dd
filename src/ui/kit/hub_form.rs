//! The hub form (address, sign-in, user, password), shared by the Sync
//! page's hub card and joining from a hub on the first-run page.

use crate::ui::kit::widgets::{SelectField, TextField};
use crate::ui::shell::state::use_ctx;
use crate::ui::words::Key;
use leptos::prelude::*;

/// The hub form, shared by the Sync page and joining on the setup page.
#[component]
pub(crate) fn HubFields(
    url: RwSignal<String>,
    user: RwSignal<String>,
    password: RwSignal<String>,
    auth: RwSignal<String>,
) -> impl IntoView {
    let ctx = use_ctx();
    let options = vec![
        (
            "basic".to_string(),
            Signal::derive(move || ctx.tr(Key::HubAuthBasic).to_string()),
        ),
        (
            "cookie".to_string(),
            Signal::derive(move || ctx.tr(Key::HubAuthCookie).to_string()),
        ),
    ];
    view! {
        <TextField id="hub-url" label=Key::HubUrl value=url hint=Key::HubUrlHint autocomplete="url"/>
        <SelectField id="hub-auth" label=Key::HubAuth value=auth options=options/>
        <TextField id="hub-user" label=Key::HubUser value=user autocomplete="username"/>
        <TextField id="hub-password" label=Key::HubPassword value=password kind="password" autocomplete="current-password"/>
    }
}
