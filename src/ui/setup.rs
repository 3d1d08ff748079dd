//! First run: name the organisation; the person setting it up becomes its
//! center director (DOMAIN.md, "People and roles").

use crate::domain::record::to_writes;
use crate::domain::staff::setup_organisation;
use crate::store::platform;
use crate::ui::i18n::Key;
use crate::ui::state::use_ctx;
use crate::ui::widgets::TextField;
use leptos::prelude::*;

#[component]
pub fn Setup() -> impl IntoView {
    let ctx = use_ctx();
    let org = RwSignal::new(String::new());
    let name = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (org_id, me) = (ctx.new_id(), ctx.new_id());
        match setup_organisation(&org.get(), &name.get(), org_id, me, platform::now()) {
            Err(e) => error.set(Some(e.message(ctx.lang.get()))),
            Ok((o, director)) => {
                let mut writes = to_writes(None, &o);
                writes.extend(to_writes(None, &director));
                busy.set(true);
                leptos::task::spawn_local(async move {
                    match ctx.save(writes).await {
                        Ok(()) => ctx.set_me(Some(me)),
                        Err(msg) => error.set(Some(msg)),
                    }
                    busy.set(false);
                });
            }
        }
    };

    view! {
        <main class="narrow setup" id="main">
            <h1>{move || ctx.tr(Key::WelcomeTitle)}</h1>
            <p class="lead">{move || ctx.tr(Key::WelcomeLead)}</p>
            <crate::ui::widgets::EvictedNotice/>
            <form on:submit=submit novalidate>
                <TextField id="org-name" label=Key::OrganisationName value=org required=true autocomplete="organization"/>
                <TextField id="director-name" label=Key::YourName value=name required=true hint=Key::YouWillBeDirector autocomplete="name"/>
                <p class="error" role="alert">{move || error.get()}</p>
                <button type="submit" class="primary" disabled=move || busy.get()>{move || ctx.tr(Key::StartUsing)}</button>
            </form>
            <p class="hint">{move || ctx.tr(Key::DataStaysHere)}</p>
            <h2>{move || ctx.tr(Key::JoinTitle)}</h2>
            <p>{move || ctx.tr(Key::JoinExplain)}</p>
            <crate::ui::sync_page::ImportCard/>
            <crate::ui::hub::JoinFromHub/>
        </main>
    }
}
