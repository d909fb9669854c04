//! The login page: user name and password; errors in plain words; on
//! success back to `?next=` (a path of this app only) or the Agreement.

use concord_client::Client;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::{use_navigate, use_query_map};

use crate::auth::{Auth, Notice, safe_next};
use crate::i18n::{I18n, Key};
use crate::ui::{Field, FieldErrors, error_of};

/// Why signing in failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Failure {
    Wrong,
    RateLimited { minutes: u64 },
    Unreachable,
    Server,
}

/// The login page.
#[component]
pub fn LoginPage() -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let auth = expect_context::<Auth>();
    let client = expect_context::<Client>();
    let navigate = use_navigate();
    let query = use_query_map();

    let username = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let errors: FieldErrors = RwSignal::new(Vec::new());
    let failure = RwSignal::new(None::<Failure>);
    let pending = RwSignal::new(false);

    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        let name = username.get_untracked().trim().to_owned();
        let secret = password.get_untracked();
        let mut missing = Vec::new();
        if name.is_empty() {
            missing.push(("username".to_owned(), Key::ErrRequired));
        }
        if secret.is_empty() {
            missing.push(("password".to_owned(), Key::ErrRequired));
        }
        errors.set(missing);
        failure.set(None);
        if !errors.with_untracked(Vec::is_empty) {
            return;
        }
        pending.set(true);
        let client = client.clone();
        let navigate = navigate.clone();
        spawn_local(async move {
            match client.login(&name, &secret).await {
                Ok(me) => {
                    auth.signed_in(me, client.clone());
                    let next = query
                        .get_untracked()
                        .get("next")
                        .and_then(|next| safe_next(&next))
                        .unwrap_or_else(|| "/agreement".to_owned());
                    navigate(&next, Default::default());
                }
                Err(problem) => {
                    pending.set(false);
                    password.set(String::new());
                    failure.set(Some(match problem.status {
                        0 => Failure::Unreachable,
                        401 | 403 => Failure::Wrong,
                        429 => Failure::RateLimited {
                            minutes: problem.retry_after.unwrap_or(60).div_ceil(60).max(1),
                        },
                        _ => Failure::Server,
                    }));
                }
            }
        });
    };

    let failure_text = move || {
        failure.get().map(|failure| match failure {
            Failure::Wrong => i18n.t(Key::LoginWrong).to_owned(),
            Failure::RateLimited { minutes: 1 } => i18n.t(Key::LoginRateLimitedOne).to_owned(),
            Failure::RateLimited { minutes } => i18n.t(Key::LoginRateLimited).replace("{n}", &minutes.to_string()),
            Failure::Unreachable => i18n.t(Key::ServerUnreachable).to_owned(),
            Failure::Server => i18n.t(Key::ServerError).to_owned(),
        })
    };

    view! {
        <section class="login card" aria-labelledby="login-heading">
            <h1 id="login-heading">{i18n.tr(Key::LoginHeading)}</h1>
            {move || {
                auth.notice()
                    .map(|notice| {
                        let key = match notice {
                            Notice::SessionEnded => Key::SessionEnded,
                            Notice::SignedOut => Key::SignedOut,
                        };
                        view! {
                            <p class="notice info" role="status" data-testid="login-notice">
                                {move || i18n.t(key)}
                            </p>
                        }
                    })
            }}
            <p class="lead">{i18n.tr(Key::LoginIntro)}</p>
            <form class="form" on:submit=on_submit novalidate=true>
                <Field
                    id="username"
                    label=Key::Username
                    value=username
                    error=error_of(errors, "username")
                    autocomplete="username"
                    required=true
                />
                <Field
                    id="password"
                    label=Key::Password
                    value=password
                    error=error_of(errors, "password")
                    kind="password"
                    autocomplete="current-password"
                    required=true
                />
                {move || {
                    failure_text()
                        .map(|text| {
                            view! {
                                <p class="notice failure" role="alert" data-testid="login-error">
                                    {text}
                                </p>
                            }
                        })
                }}
                <div class="form-actions">
                    <button type="submit" class="primary" disabled=move || pending.get() aria-busy=move || pending.get().to_string()>
                        {move || if pending.get() { i18n.t(Key::SigningIn) } else { i18n.t(Key::SignIn) }}
                    </button>
                </div>
            </form>
        </section>
    }
}
