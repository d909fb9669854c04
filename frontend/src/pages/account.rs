//! My account: who the user is, changing the password, the sessions
//! where they are signed in (each other one can be ended) and the user's
//! calendar feeds.

use concord_client::Client;
use concord_shared::api::SessionView;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::auth::Auth;
use crate::i18n::{I18n, Key, format_datetime};
use crate::ui::calendar_feeds::CalendarFeeds;
use crate::ui::feedback::LoadError;
use crate::ui::{Field, FieldErrors, Loader, Message, MessageView, error_of, field_errors_of, header_row};

/// The My account page.
#[component]
pub fn AccountPage() -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let auth = expect_context::<Auth>();
    let client = expect_context::<Client>();
    let sessions = LocalResource::new(move || {
        let client = client.clone();
        async move { auth.call(client.sessions()).await }
    });

    view! {
        <h1>{i18n.tr(Key::AccountHeading)}</h1>
        {move || {
            auth.me()
                .map(|me| {
                    let party = me.party;
                    let role = me.role;
                    let username = me.user.as_ref().map(|u| u.username.clone()).unwrap_or_default();
                    let position = me.user.as_ref().map(|u| u.position.clone()).unwrap_or_default();
                    view! {
                        <dl class="facts card" data-testid="account-facts">
                            <dt>{i18n.tr(Key::FullName)}</dt>
                            <dd>{me.display_name.clone()}</dd>
                            <dt>{i18n.tr(Key::Username)}</dt>
                            <dd>{username}</dd>
                            <dt>{i18n.tr(Key::Party)}</dt>
                            <dd>
                                <span class="party-code">{party.short()}</span>
                                {move || party.label(i18n.lang())}
                            </dd>
                            <dt>{i18n.tr(Key::Role)}</dt>
                            <dd>{move || role.label(i18n.lang())}</dd>
                            <dt>{i18n.tr(Key::Position)}</dt>
                            <dd>{position}</dd>
                        </dl>
                    }
                })
        }}
        <ChangePassword on_changed=move |_| sessions.refetch() />
        <CalendarFeeds />
        <h2 id="sessions-heading">{i18n.tr(Key::SessionsHeading)}</h2>
        <Loader content=std::sync::Arc::new(
            {move || {
                sessions
                    .get()
                    .map(|result| match result {
                        Ok(list) => view! { <SessionTable list on_change=move |_| sessions.refetch() /> }.into_any(),
                        Err(problem) => view! { <LoadError problem on_retry=move |_| sessions.refetch() /> }.into_any(),
                    })
            }}
        ) />
    }
}

#[component]
fn ChangePassword(#[prop(into)] on_changed: Callback<()>) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let auth = expect_context::<Auth>();
    let client = expect_context::<Client>();
    let current = RwSignal::new(String::new());
    let new = RwSignal::new(String::new());
    let repeat = RwSignal::new(String::new());
    let errors: FieldErrors = RwSignal::new(Vec::new());
    let message = RwSignal::new(None::<Message>);
    let pending = RwSignal::new(false);

    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        let (cur, fresh, again) = (current.get_untracked(), new.get_untracked(), repeat.get_untracked());
        let mut found = Vec::new();
        if cur.is_empty() {
            found.push(("current_password".to_owned(), Key::ErrRequired));
        }
        if concord_shared::rules::roles::check_password(&fresh).is_err() {
            found.push(("new_password".to_owned(), Key::PasswordTooShort));
        }
        if fresh != again {
            found.push(("repeat_password".to_owned(), Key::PasswordsDiffer));
        }
        errors.set(found);
        message.set(None);
        if !errors.with_untracked(Vec::is_empty) {
            return;
        }
        pending.set(true);
        let client = client.clone();
        spawn_local(async move {
            let result = auth.call(client.change_password(&cur, &fresh)).await;
            pending.set(false);
            match result {
                Ok(()) => {
                    current.set(String::new());
                    new.set(String::new());
                    repeat.set(String::new());
                    message.set(Some(Message::Done(Key::PasswordChanged, String::new())));
                    on_changed.run(());
                }
                Err(problem) => {
                    errors.set(field_errors_of(&problem));
                    message.set(Some(Message::Failed(problem)));
                }
            }
        });
    };

    view! {
        <h2 id="password-heading">{i18n.tr(Key::ChangePasswordHeading)}</h2>
        <form class="form card" aria-labelledby="password-heading" on:submit=on_submit novalidate=true>
            <p class="muted">{i18n.tr(Key::ChangePasswordNote)}</p>
            <Field
                id="current_password"
                label=Key::CurrentPassword
                value=current
                error=error_of(errors, "current_password")
                kind="password"
                autocomplete="current-password"
                required=true
            />
            <Field
                id="new_password"
                label=Key::NewPassword
                value=new
                error=error_of(errors, "new_password")
                kind="password"
                hint=Key::PasswordHint
                autocomplete="new-password"
                required=true
            />
            <Field
                id="repeat_password"
                label=Key::RepeatPassword
                value=repeat
                error=error_of(errors, "repeat_password")
                kind="password"
                autocomplete="new-password"
                required=true
            />
            <MessageView message />
            <div class="form-actions">
                <button type="submit" class="primary" disabled=move || pending.get()>
                    {move || if pending.get() { i18n.t(Key::Saving) } else { i18n.t(Key::ChangePasswordButton) }}
                </button>
            </div>
        </form>
    }
}

#[component]
fn SessionTable(list: Vec<SessionView>, #[prop(into)] on_change: Callback<()>) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let auth = expect_context::<Auth>();
    let client = expect_context::<Client>();
    let message = RwSignal::new(None::<Message>);
    let busy = RwSignal::new(None::<String>);
    let others = list.iter().filter(|s| !s.current).count();
    let rows = list
        .into_iter()
        .map(|session| {
            let started = session.created_at.timestamp_millis();
            let seen = session.last_seen_at.timestamp_millis();
            let agent = session.user_agent.clone();
            let ip = session.ip.clone();
            let id = session.id.clone();
            let client = client.clone();
            let revoke = move |_| {
                let id = id.clone();
                let client = client.clone();
                busy.set(Some(id.clone()));
                spawn_local(async move {
                    let result = auth.call(client.revoke_session(&id)).await;
                    busy.set(None);
                    match result {
                        Ok(()) => {
                            message.set(Some(Message::Done(Key::SessionRevoked, String::new())));
                            on_change.run(());
                        }
                        Err(problem) => message.set(Some(Message::Failed(problem))),
                    }
                });
            };
            let this_id = session.id.clone();
            view! {
                <tr data-session=session.id.clone() class:current=session.current>
                    <td>{move || format_datetime(started, i18n.lang())}</td>
                    <td>{move || format_datetime(seen, i18n.lang())}</td>
                    <td class="wrap">
                        {match agent {
                            Some(agent) => agent.into_any(),
                            None => (i18n.tr(Key::Unknown)).into_any(),
                        }}
                    </td>
                    <td>
                        {match ip {
                            Some(ip) => ip.into_any(),
                            None => (i18n.tr(Key::Unknown)).into_any(),
                        }}
                    </td>
                    <td>
                        {if session.current {
                            view! { <span class="badge ok" data-testid="this-session">{i18n.tr(Key::ThisSession)}</span> }
                                .into_any()
                        } else {
                            view! {
                                <button
                                    type="button"
                                    class="secondary"
                                    disabled=move || busy.get().as_deref() == Some(this_id.as_str())
                                    on:click=revoke
                                >
                                    {i18n.tr(Key::EndSession)}
                                </button>
                            }
                                .into_any()
                        }}
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <MessageView message />
        <div class="table-scroll">
            <table class="data" aria-labelledby="sessions-heading" data-testid="sessions">
                {header_row(i18n, &[Key::Started, Key::LastActive, Key::Browser, Key::Address, Key::Actions])}
                <tbody>{rows}</tbody>
            </table>
        </div>
        {(others == 0).then(|| view! { <p class="empty muted">{i18n.tr(Key::NoOtherSessions)}</p> })}
    }
}
