//! The header: the app, the organisation and the person working (passed in
//! as `children`: the person widget belongs to the people area), the
//! language and the theme. On a shared tablet these say whose work this is,
//! so the organisation and the person stay visible at every width (cut
//! short with "…" when long; the full name is in the title).

use crate::store::settings::Theme;
use crate::ui::shell::state::use_ctx;
use crate::ui::words::dates::lang_name;
use crate::ui::words::Key;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn Header(children: Children) -> impl IntoView {
    let ctx = use_ctx();
    let org = move || {
        ctx.model
            .with(|m| m.org.as_ref().map(|o| o.name.clone()).unwrap_or_default())
    };
    view! {
        <header class="topbar">
            <A href="/" attr:class="brand">
                <span class="brand-mark" aria-hidden="true">"V"</span>
                <span class="brand-name">"Ventanilla"</span>
            </A>
            <span class="org" title=org>{org}</span>
            <div class="topbar-tools">
                {children()}
                <LangSwitch/>
                <ThemeSwitch/>
            </div>
        </header>
    }
}

#[component]
fn LangSwitch() -> impl IntoView {
    let ctx = use_ctx();
    let other = move || ctx.lang.get().other();
    // The other language's name, written in that language: what a person
    // looking for it will recognise (and the accessible name they see).
    view! {
        <button type="button" class="tool" lang=move || other().code() on:click=move |_| ctx.set_lang(other())>
            {move || lang_name(other())}
        </button>
    }
}

#[component]
fn ThemeSwitch() -> impl IntoView {
    let ctx = use_ctx();
    let dark = move || ctx.theme.get() == Theme::Dark;
    view! {
        <button type="button" class="tool" aria-pressed=move || dark().to_string()
            on:click=move |_| ctx.set_theme(if dark() { Theme::Light } else { Theme::Dark })
            aria-label=move || ctx.tr(Key::DarkTheme)>
            <span aria-hidden="true">{move || if dark() { "☾" } else { "☀" }}</span>
        </button>
    }
}
