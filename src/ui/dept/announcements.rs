//! Announcements (R-OPS-03): leaders publish; everyone reads them before
//! their shift. Unread ones come first; leaders see who has not read.

use super::today::UnreadAnnouncements;
use super::{default_team, leader_now, me_tracked, name_of, team_options, DeptNav};
use crate::domain::base::order;
use crate::domain::dept::act;
use crate::domain::dept::ops;
use crate::store::platform;
use crate::ui::kit::widgets::{fmt_datetime, Empty, SelectField, TextArea, TextField};
use crate::ui::shell::state::use_ctx;
use crate::ui::words::Key;
use leptos::prelude::*;

#[component]
pub fn AnnouncementsPage() -> impl IntoView {
    let ctx = use_ctx();
    let unread = Memo::new(move |_| {
        let me = ctx.me.get();
        ctx.model
            .with(|m| me.map(|me| ops::unread_for(m, me)).unwrap_or_default())
    });
    let read = Memo::new(move |_| {
        let Some(s) = me_tracked(ctx) else {
            return Vec::new();
        };
        ctx.model.with(|m| {
            let mut v: Vec<_> = m
                .dept
                .announcements
                .values()
                .filter(|a| a.for_person(&s) && ops::has_read(m, s.id, a.id))
                .map(|a| {
                    (
                        a.audit.created_at,
                        a.title.clone(),
                        a.body.clone(),
                        name_of(m, a.audit.created_by),
                    )
                })
                .collect();
            order::sort_by_key(&mut v, |a| std::cmp::Reverse(a.0));
            v
        })
    });
    let counts = Memo::new(move |_| {
        let Some(s) = me_tracked(ctx).filter(super::is_leader) else {
            return Vec::new();
        };
        ctx.model.with(|m| {
            ops::unread_counts(m, &s.team, platform::now())
                .into_iter()
                .map(|(p, n, soon)| (name_of(m, p), n, soon))
                .collect::<Vec<_>>()
        })
    });
    view! {
        <section class="page">
            <h1>{move || ctx.tr(Key::DeptAnnouncements)}</h1>
            <DeptNav/>
            <p class="lead">{move || ctx.tr(Key::DeptAnnouncementsLead)}</p>
            <Show when=move || leader_now(ctx)><Publish/></Show>
            <Show when=move || !unread.with(|u| u.is_empty())>
                <UnreadAnnouncements ids=Signal::derive(move || unread.get())/>
            </Show>
            <Show when=move || !counts.with(|c| c.is_empty())>
                <h2 id="an-counts-h">{move || ctx.tr(Key::DeptUnreadByMember)}</h2>
                <table class="table" aria-labelledby="an-counts-h">
                    <thead><tr>
                        <th scope="col">{move || ctx.tr(Key::Name)}</th>
                        <th scope="col">{move || ctx.tr(Key::DeptUnreadCount)}</th>
                        <th scope="col">{move || ctx.tr(Key::DeptShiftSoon)}</th>
                    </tr></thead>
                    <tbody>
                        {move || counts.get().into_iter().map(|(n, c, soon)| view! { <tr>
                            <td>{n}</td><td>{c}</td>
                            <td>{soon.then(|| view! { <span class="badge late">{move || ctx.tr(Key::DeptShiftWithin24h)}</span> })}</td>
                        </tr> }).collect_view()}
                    </tbody>
                </table>
            </Show>
            <h2 id="an-read-h">{move || ctx.tr(Key::DeptReadAnnouncements)}</h2>
            <Show when=move || !read.with(|r| r.is_empty()) fallback=|| view! { <Empty text=Key::DeptNoAnnouncements/> }>
                <ul class="cards" aria-labelledby="an-read-h">
                    {move || read.get().into_iter().map(|(at, t, b, by)| view! {
                        <li class="card item"><strong>{t}</strong><p class="pre">{b}</p>
                            <p class="meta">{move || format!("{by} · {}", fmt_datetime(ctx.lang.get(), at))}</p></li>
                    }).collect_view()}
                </ul>
            </Show>
        </section>
    }
}

#[component]
fn Publish() -> impl IntoView {
    let ctx = use_ctx();
    let title = RwSignal::new(String::new());
    let body = RwSignal::new(String::new());
    let team = RwSignal::new(default_team(ctx));
    let error = RwSignal::new(None::<String>);
    let submit_form = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (t, b, tm, id) = (
            title.get_untracked(),
            body.get_untracked(),
            team.get_untracked(),
            ctx.new_id(),
        );
        let teams: Vec<String> = if tm.is_empty() { Vec::new() } else { vec![tm] };
        ctx.act(
            error,
            Key::DeptPublished,
            move |m, a, now| act::publish_announcement(m, a, &t, &b, &teams, id, now),
            move || {
                title.set(String::new());
                body.set(String::new());
            },
        );
    };
    view! {
        <form class="card" on:submit=submit_form novalidate>
            <h2>{move || ctx.tr(Key::DeptPublish)}</h2>
            <TextField id="an-title" label=Key::DeptTitle value=title required=true/>
            <TextArea id="an-body" label=Key::DeptBody value=body required=true/>
            <SelectField id="an-team" label=Key::DeptAudience value=team options=team_options(ctx, Some(Key::DeptEveryone))/>
            <p class="error" role="alert">{move || error.get().map(crate::ui::kit::rules::rule_links)}</p>
            <button type="submit" class="primary">{move || ctx.tr(Key::DeptPublish)}</button>
        </form>
    }
}
