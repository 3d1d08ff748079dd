//! First run: name the organisation; the person setting it up becomes its
//! center director (docs/rules.md "People and roles"). Or join one: from a
//! snapshot file, or from a CouchDB hub after seeing what it holds.

use crate::domain::staff::act::{name_first_device, setup_organisation};
use crate::domain::staff::device::name_in_ops;
use crate::store::join::{join_offer, offer_join, JoinOffer};
use crate::store::platform;
use crate::store::settings;
use crate::sync::hub::HubAuth;
use crate::sync::join::Candidate;
use crate::ui::kit::device::{device_label, this_device};
use crate::ui::kit::hub_form::HubFields;
use crate::ui::kit::import_card::ImportCard;
use crate::ui::kit::widgets::{fmt_count, fmt_last_export, TextField};
use crate::ui::shell::hub_sync::{connect, read_form, sync_error_text, sync_now};
use crate::ui::shell::state::use_ctx;
use crate::ui::words::hub::settings_error_text;
use crate::ui::words::RefusalWords;
use crate::ui::words::{count, Counted, Key};
use leptos::prelude::*;

#[component]
pub fn Setup() -> impl IntoView {
    let ctx = use_ctx();
    let org = RwSignal::new(String::new());
    let name = RwSignal::new(String::new());
    let zone = RwSignal::new(super::time_zone::suggested_zone().to_string());
    let device_name = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (org_id, me, now) = (ctx.new_id(), ctx.new_id(), platform::now());
        let Some(device) = this_device(ctx) else {
            return;
        };
        let made = setup_organisation(&org.get(), &zone.get(), &name.get(), org_id, me, now);
        // The device's name, when typed, is saved with the organisation.
        let named = |mut writes: Vec<_>| {
            writes.extend(name_first_device(device, &device_name.get(), me, now)?);
            Ok(writes)
        };
        match made.and_then(named) {
            Err(e) => error.set(Some(e.message(ctx.lang.get()))),
            Ok(writes) => {
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
            <crate::ui::kit::widgets::EvictedNotice/>
            <form on:submit=submit novalidate>
                <TextField id="org-name" label=Key::OrganisationName value=org required=true autocomplete="organization"/>
                <super::time_zone::ZoneSelect id="org-time-zone" value=zone/>
                <TextField id="director-name" label=Key::YourName value=name required=true hint=Key::YouWillBeDirector autocomplete="name"/>
                <TextField id="first-device-name" label=Key::DeviceNameOptional value=device_name hint=Key::DeviceNameHint/>
                <p class="error" role="alert">{move || error.get().map(crate::ui::kit::rules::rule_links)}</p>
                <button type="submit" class="primary" disabled=move || busy.get()>{move || ctx.tr(Key::StartUsing)}</button>
            </form>
            <p class="hint">{move || ctx.tr(Key::DataStaysHere)}</p>
            <h2>{move || ctx.tr(Key::JoinTitle)}</h2>
            <p>{move || ctx.tr(Key::JoinExplain)}</p>
            <ImportCard/>
            <JoinFromHub/>
        </main>
    }
}

/// Setup page: start this device from a snapshot on the hub, then catch up
/// through the changes feed. The hub's snapshots are checked and ranked
/// (`sync::join`); the person sees what the chosen one holds (organisation,
/// date, records, people, devices) and confirms before anything is stored.
#[component]
fn JoinFromHub() -> impl IntoView {
    let ctx = use_ctx();
    let url = RwSignal::new(String::new());
    let user = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let auth = RwSignal::new("basic".to_string());
    let message = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    // The offer waiting for the person's confirmation, with its settings.
    let offer = RwSignal::new(None::<(JoinOffer, crate::sync::hub::HubSettings)>);
    let look = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut config = read_form(url, auth, user, password, true);
        if let Err(e) = config.check() {
            return message.set(Some(
                settings_error_text(ctx.lang.get_untracked(), e).into(),
            ));
        }
        busy.set(true);
        offer.set(None);
        message.set(Some(ctx.tr_now(Key::LookingAtHub).into()));
        leptos::task::spawn_local(async move {
            let result = async {
                let couch = connect(&config).await?;
                offer_join(&couch, platform::now_ms()).await
            }
            .await;
            match result {
                Ok(o) => {
                    if config.auth == HubAuth::Cookie {
                        config.password.clear();
                    }
                    message.set(None);
                    offer.set(Some((o, config)));
                }
                Err(e) => message.set(Some(sync_error_text(ctx, &e))),
            }
            busy.set(false);
        });
    };
    let confirm = move |_| {
        let Some((o, config)) = offer.get_untracked() else {
            return;
        };
        let (Some(store), Some(core)) = (ctx.store(), ctx.replica()) else {
            return;
        };
        busy.set(true);
        message.set(Some(ctx.tr_now(Key::Joining).into()));
        leptos::task::spawn_local(async move {
            let apply = move |changed: &[_]| ctx.apply_changed(changed);
            let now = platform::now_ms();
            // No sound snapshot: every change comes through the feed.
            let joined = match &o.chosen {
                Some(chosen) => join_offer(&store, &core.replica, chosen, now, &apply).await,
                None => Ok(0),
            };
            match joined {
                Ok(_) => {
                    // Kept now: if the catching-up below is cut off, the
                    // next sync (automatic or "Sync now") resumes it.
                    settings::set_hub(&config);
                    offer.set(None);
                    message.set(Some(ctx.tr_now(Key::Joined).into()));
                    sync_now(ctx, true);
                }
                Err(e) => message.set(Some(sync_error_text(ctx, &e))),
            }
            busy.set(false);
        });
    };
    view! {
        <div class="card">
            <h3>{move || ctx.tr(Key::JoinFromHub)}</h3>
            <form on:submit=look novalidate>
                <HubFields url=url user=user password=password auth=auth/>
                <button type="submit" class="primary" disabled=move || busy.get()>{move || ctx.tr(Key::JoinFromHubButton)}</button>
            </form>
            {move || offer.get().map(|(o, _)| {
                let set_aside = o.others.iter().filter(|c| c.verdict.is_err()).count();
                let preview = match o.chosen {
                    Some(c) => view! { <JoinPreview chosen=c set_aside=set_aside/> }.into_any(),
                    None => view! { <p class="warn">{ctx.tr(Key::NoSnapshotToJoin)}</p> }.into_any(),
                };
                view! {
                    {preview}
                    <div class="actions">
                        <button type="button" class="primary" disabled=move || busy.get() on:click=confirm>{move || ctx.tr(Key::JoinConfirm)}</button>
                        <button type="button" on:click=move |_| offer.set(None)>{move || ctx.tr(Key::Cancel)}</button>
                    </div>
                }
            })}
            <p role="status" aria-live="polite">{move || message.get()}</p>
        </div>
    }
}

/// What the person is about to join.
#[component]
fn JoinPreview(chosen: Candidate, set_aside: usize) -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang.get_untracked();
    let s = chosen.summary.clone();
    let org = s.org.as_ref().map(|o| o.name.clone()).unwrap_or_default();
    // By the names the snapshot carries, never by their ids.
    let devices = s
        .devices
        .iter()
        .map(|d| {
            let carried = chosen.contents.iter().find_map(|c| name_in_ops(&c.ops, *d));
            device_label(ctx, *d, carried.as_deref(), None)
        })
        .collect::<Vec<_>>()
        .join(", ");
    view! {
        <section class="join-preview" aria-labelledby="join-preview-title">
            <h4 id="join-preview-title">{ctx.tr(Key::JoinPreviewTitle)}</h4>
            <dl class="facts">
                <dt>{ctx.tr(Key::OrganisationName)}</dt><dd>{org}</dd>
                <dt>{ctx.tr(Key::JoinSnapshotDate)}</dt><dd>{fmt_last_export(lang, Some(&chosen.created))}</dd>
                <dt>{ctx.tr(Key::JoinRecords)}</dt><dd>{fmt_count(lang, s.records)}</dd>
                <dt>{ctx.tr(Key::JoinPeople)}</dt><dd>{fmt_count(lang, s.people)}</dd>
                <dt>{ctx.tr(Key::JoinDevices)}</dt><dd>{fmt_count(lang, s.devices.len())} ": " {devices}</dd>
            </dl>
            <Show when=move || !chosen.confirmed>
                <p class="warn">{ctx.tr(Key::JoinNotConfirmed)}</p>
            </Show>
            <Show when=move || { set_aside > 0 }>
                <p class="hint">{move || count(ctx.lang.get(), set_aside, Counted::SnapshotsSetAside)}</p>
            </Show>
        </section>
    }
}
