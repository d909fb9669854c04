//! API tokens (administrators): the party's tokens with their state;
//! creating one (its secret shown once, with a Copy button); revoking one
//! after a confirmation.

use concord_client::Client;
use concord_shared::Role;
use concord_shared::api::{CreatedToken, NewToken, TokenView};
use concord_shared::rules::roles::may_see_tokens_page;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use web_sys::js_sys;

use crate::auth::Auth;
use crate::i18n::{I18n, Key, format_datetime};
use crate::ui::clipboard::ShownOnce;
use crate::ui::feedback::{LoadError, NotAllowed, allowed_resource};
use crate::ui::options::{RoleSelect, grantable_roles};
use crate::ui::{Field, FieldErrors, Loader, Loading, Message, MessageView, error_of, field_errors_of, header_row};

/// The API tokens page.
#[component]
pub fn TokensPage() -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let auth = expect_context::<Auth>();
    let client = expect_context::<Client>();
    // Only administrators ask; others are told on the page instead.
    let tokens = allowed_resource(may_see_tokens_page, move || {
        let client = client.clone();
        async move { auth.call(client.tokens()).await }
    });
    let message = RwSignal::new(None::<Message>);
    let created = RwSignal::new(None::<CreatedToken>);

    move || {
        let Some(actor) = auth.actor() else {
            return view! { <Loading /> }.into_any();
        };
        if may_see_tokens_page(actor).is_err() {
            return view! { <NotAllowed heading=Key::TokensHeading /> }.into_any();
        }
        let roles = grantable_roles(actor);
        view! {
            <h1 id="tokens-heading">{i18n.tr(Key::TokensHeading)}</h1>
            <p class="lead">{i18n.tr(Key::TokensIntro)}</p>
            {move || {
                created
                    .get()
                    .map(|token| {
                        view! {
                            <ShownOnce heading=Key::TokenCreated name=token.info.name warning=Key::TokenOnce
                                label=Key::TheToken secret=token.token stem="token" on_done=move |_| created.set(None) />
                        }
                    })
            }}
            <MessageView message />
            <Loader content=std::sync::Arc::new(
                {move || {
                    tokens
                        .get()
                        .map(|result| match result {
                            Ok(list) if list.is_empty() => {
                                view! { <p class="empty card" data-testid="no-tokens">{i18n.tr(Key::NoTokens)}</p> }
                                    .into_any()
                            }
                            Ok(list) => view! { <TokenTable list message on_change=move |_| tokens.refetch() /> }.into_any(),
                            Err(problem) => {
                                view! { <LoadError problem on_retry=move |_| tokens.refetch() /> }.into_any()
                            }
                        })
                }}
            ) />
            <CreateToken
                roles
                on_created=move |token: CreatedToken| {
                    message.set(None);
                    created.set(Some(token));
                    tokens.refetch();
                }
            />
        }
        .into_any()
    }
}

/// The token's state now.
fn status_key(token: &TokenView) -> Key {
    if token.revoked_at.is_some() {
        Key::StatusRevoked
    } else if token
        .expires_at
        .is_some_and(|at| (at.timestamp_millis() as f64) < js_sys::Date::now())
    {
        Key::StatusExpired
    } else {
        Key::Active
    }
}

#[component]
fn TokenTable(
    list: Vec<TokenView>,
    message: RwSignal<Option<Message>>,
    #[prop(into)] on_change: Callback<()>,
) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let auth = expect_context::<Auth>();
    let client = expect_context::<Client>();
    let confirming = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let rows = list
        .into_iter()
        .map(|token| {
            let status = status_key(&token);
            let created = token.created_at.timestamp_millis();
            let expires = token.expires_at.map(|at| at.timestamp_millis());
            let used = token.last_used_at.map(|at| at.timestamp_millis());
            let role = token.role;
            let id = token.id.clone();
            let name = token.name.clone();
            let open_id = id.clone();
            let shown_id = id.clone();
            let revoke = {
                let client = client.clone();
                let name = name.clone();
                move |_| {
                    let client = client.clone();
                    let id = id.clone();
                    let name = name.clone();
                    busy.set(true);
                    spawn_local(async move {
                        let result = auth.call(client.revoke_token(&id)).await;
                        busy.set(false);
                        confirming.set(None);
                        match result {
                            Ok(()) => {
                                message.set(Some(Message::Done(Key::TokenRevoked, name)));
                                on_change.run(());
                            }
                            Err(problem) => message.set(Some(Message::Failed(problem))),
                        }
                    });
                }
            };
            let confirm_text = name.clone();
            view! {
                <tr data-token=token.id.clone()>
                    <td>{token.name.clone()}</td>
                    <td>{move || role.label(i18n.lang())}</td>
                    <td>{token.created_by.clone()}</td>
                    <td>{move || format_datetime(created, i18n.lang())}</td>
                    <td>
                        {move || match expires {
                            Some(at) => format_datetime(at, i18n.lang()),
                            None => i18n.t(Key::NoExpiry).to_owned(),
                        }}
                    </td>
                    <td>
                        {move || match used {
                            Some(at) => format_datetime(at, i18n.lang()),
                            None => i18n.t(Key::Never).to_owned(),
                        }}
                    </td>
                    <td>
                        <span
                            class="badge"
                            class:ok=status == Key::Active
                            class:off=status != Key::Active
                            data-status=match status {
                                Key::StatusRevoked => "revoked",
                                Key::StatusExpired => "expired",
                                _ => "active",
                            }
                        >
                            {move || i18n.t(status)}
                        </span>
                    </td>
                    <td>
                        {(status == Key::Active)
                            .then(|| {
                                view! {
                                    <Show
                                        when=move || confirming.get().as_deref() == Some(shown_id.as_str())
                                        fallback=move || {
                                            let open_id = open_id.clone();
                                            view! {
                                                <button
                                                    type="button"
                                                    class="secondary"
                                                    data-testid="revoke"
                                                    on:click=move |_| confirming.set(Some(open_id.clone()))
                                                >
                                                    {i18n.tr(Key::Revoke)}
                                                </button>
                                            }
                                        }
                                    >
                                        <div class="confirm" role="group">
                                            <p>
                                                {
                                                    let name = confirm_text.clone();
                                                    move || i18n.t(Key::RevokeConfirm).replace("{name}", &name)
                                                }
                                            </p>
                                            <div class="inline">
                                                <button
                                                    type="button"
                                                    class="danger"
                                                    data-testid="confirm-revoke"
                                                    disabled=move || busy.get()
                                                    on:click=revoke.clone()
                                                >
                                                    {i18n.tr(Key::ConfirmRevoke)}
                                                </button>
                                                <button type="button" class="secondary" on:click=move |_| confirming.set(None)>
                                                    {i18n.tr(Key::KeepToken)}
                                                </button>
                                            </div>
                                        </div>
                                    </Show>
                                }
                            })}
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-scroll">
            <table class="data" aria-labelledby="tokens-heading" data-testid="tokens">
                {header_row(i18n, &[Key::TokenName, Key::Role, Key::CreatedBy, Key::Created, Key::Expires, Key::LastUsed, Key::Status, Key::Actions])}
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

/// The end of `date` (`YYYY-MM-DD`, as a date input gives it) in the
/// browser's time zone, as an ISO timestamp.
fn end_of_day_iso(date: &str) -> Option<String> {
    let mut parts = date.splitn(3, '-');
    let year = parts.next()?.parse::<u32>().ok()?;
    let month = parts.next()?.parse::<i32>().ok()?;
    let day = parts.next()?.parse::<i32>().ok()?;
    let moment = js_sys::Date::new_with_year_month_day_hr_min_sec(year, month - 1, day, 23, 59, 59);
    if moment.get_time().is_nan() {
        return None;
    }
    Some(String::from(moment.to_iso_string()))
}

#[component]
fn CreateToken(roles: Vec<Role>, #[prop(into)] on_created: Callback<CreatedToken>) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let auth = expect_context::<Auth>();
    let client = expect_context::<Client>();
    let name = RwSignal::new(String::new());
    // The least role first: whoever may grant any role may grant it.
    let role = RwSignal::new(Role::Viewer);
    let expires = RwSignal::new(String::new());
    let errors: FieldErrors = RwSignal::new(Vec::new());
    let form_message = RwSignal::new(None::<Message>);
    let pending = RwSignal::new(false);

    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        let mut found = Vec::new();
        let token_name = name.get_untracked().trim().to_owned();
        if token_name.is_empty() {
            found.push(("name".to_owned(), Key::ErrRequired));
        }
        let date = expires.get_untracked();
        let expires_at = if date.trim().is_empty() {
            None
        } else {
            match end_of_day_iso(date.trim()).and_then(|iso| iso.parse().ok()) {
                Some(at) => Some(at),
                None => {
                    found.push(("expires_at".to_owned(), Key::ErrInvalid));
                    None
                }
            }
        };
        errors.set(found);
        form_message.set(None);
        if !errors.with_untracked(Vec::is_empty) {
            return;
        }
        let new = NewToken {
            name: token_name,
            role: role.get_untracked(),
            expires_at,
        };
        pending.set(true);
        let client = client.clone();
        spawn_local(async move {
            let result = auth.call(client.create_token(&new)).await;
            pending.set(false);
            match result {
                Ok(token) => {
                    name.set(String::new());
                    expires.set(String::new());
                    on_created.run(token);
                }
                Err(problem) => {
                    errors.set(field_errors_of(&problem));
                    form_message.set(Some(Message::Failed(problem)));
                }
            }
        });
    };

    view! {
        <h2 id="create-token-heading">{i18n.tr(Key::CreateTokenHeading)}</h2>
        <form
            class="form card"
            aria-labelledby="create-token-heading"
            on:submit=on_submit
            novalidate=true
            data-testid="create-token"
        >
            <div class="form-grid">
                <Field
                    id="token-name"
                    label=Key::TokenName
                    value=name
                    error=error_of(errors, "name")
                    hint=Key::TokenNameHint
                    required=true
                />
                <div class="field" class:invalid=move || error_of(errors, "role").get().is_some()>
                    <RoleSelect id="token-role" roles label=Key::Role value=role />
                    {move || {
                        error_of(errors, "role")
                            .get()
                            .map(|key| view! { <p class="field-error">{move || i18n.t(key)}</p> })
                    }}
                </div>
                <Field
                    id="token-expires"
                    label=Key::ExpiresOn
                    value=expires
                    error=error_of(errors, "expires_at")
                    kind="date"
                    hint=Key::ExpiresOnHint
                />
            </div>
            <MessageView message=form_message />
            <div class="form-actions">
                <button type="submit" class="primary" disabled=move || pending.get()>
                    {move || if pending.get() { i18n.t(Key::Saving) } else { i18n.t(Key::CreateToken) }}
                </button>
            </div>
        </form>
    }
}
