//! The user's alerts, newest first and paged, each linking to what changed
//! (following the link marks it read); mark all read; and how the user
//! wants to hear of each kind.

use concord_client::Client;
use concord_shared::api::{Alert, AlertPreferences, KindDelivery};
use concord_shared::{AlertDelivery, AlertKind, Lang};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::auth::Auth;
use crate::i18n::{I18n, Key, format_datetime};
use crate::live::Live;
use crate::ui::alert_bell::AlertCount;
use crate::ui::feedback::LoadError;
use crate::ui::{Field, FieldErrors, Loader, Message, MessageView, Pager, error_of, field_errors_of};

const PAGE: u64 = 25;

/// The alerts page.
#[component]
pub fn AlertsPage() -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let auth = expect_context::<Auth>();
    let client = expect_context::<Client>();
    let live = expect_context::<Live>();
    let count = expect_context::<AlertCount>();
    let offset = RwSignal::new(0_u64);
    let list = {
        let client = client.clone();
        LocalResource::new(move || {
            live.tick();
            let at = offset.get();
            let client = client.clone();
            async move { auth.call(client.alerts(at, PAGE)).await }
        })
    };
    let mark_all = {
        let client = client.clone();
        move |_| {
            let client = client.clone();
            spawn_local(async move {
                let _ = auth.call(client.read_all_alerts()).await;
                list.refetch();
                count.reload();
            });
        }
    };

    view! {
        <h1>{i18n.tr(Key::AlertsHeading)}</h1>
        <p class="muted">{i18n.tr(Key::AlertsIntro)}</p>
        <div class="form-actions">
            <button type="button" class="secondary" data-testid="alerts-read-all" on:click=mark_all>
                {i18n.tr(Key::AlertsMarkAllRead)}
            </button>
        </div>
        <Loader content=std::sync::Arc::new(move || {
            list.get()
                .map(|result| match result {
                    Ok(page) if page.items.is_empty() => {
                        view! { <p data-testid="no-alerts">{i18n.tr(Key::NoAlerts)}</p> }.into_any()
                    }
                    Ok(page) => {
                        view! {
                            <ul class="alert-list" data-testid="alerts">
                                {page.items.into_iter().map(|alert| view! { <AlertItem alert /> }).collect_view()}
                            </ul>
                            <Pager offset size=PAGE at=page.offset total=page.total text=Key::AlertsPageOf name="alerts" />
                        }
                            .into_any()
                    }
                    Err(problem) => view! { <LoadError problem on_retry=move |_| list.refetch() /> }.into_any(),
                })
        }) />
        <Preferences />
    }
}

/// One alert: why, who, when, and the link (which marks it read).
#[component]
fn AlertItem(alert: Alert) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let auth = expect_context::<Auth>();
    let client = expect_context::<Client>();
    let count = expect_context::<AlertCount>();
    let id = alert.id;
    let unread = !alert.read;
    let kind = alert.kind;
    let who = match alert.party {
        Some(party) => format!("{} ({})", alert.actor, party.short()),
        None => alert.actor.clone(),
    };
    let at = alert.created_at.timestamp_millis();
    let on_open = move |_| {
        if unread {
            let client = client.clone();
            spawn_local(async move {
                let _ = auth.call(client.read_alert(id)).await;
                count.reload();
            });
        }
    };
    view! {
        <li class:unread=unread data-testid="alert" data-kind=kind.code()>
            {unread.then(|| view! { <span class="badge unread">{i18n.tr(Key::AlertsUnreadMark)}</span> " " })}
            <strong>{move || kind.label(i18n.lang())}</strong>
            " · " {who} " · "
            <time>{move || format_datetime(at, i18n.lang())}</time>
            " · "
            <a href=alert.link on:click=on_open data-testid="alert-open">{i18n.tr(Key::AlertsOpen)}</a>
        </li>
    }
}

/// The e-mail address, its language and a delivery per kind.
#[component]
fn Preferences() -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let auth = expect_context::<Auth>();
    let client = expect_context::<Client>();
    let email = RwSignal::new(String::new());
    let language = RwSignal::new(String::new());
    let kinds: Vec<(AlertKind, RwSignal<String>)> = AlertKind::ALL
        .iter()
        .map(|k| (*k, RwSignal::new(AlertDelivery::App.code().to_owned())))
        .collect();
    let errors: FieldErrors = RwSignal::new(Vec::new());
    let message = RwSignal::new(None::<Message>);
    {
        let client = client.clone();
        let kinds = kinds.clone();
        spawn_local(async move {
            if let Ok(saved) = auth.call(client.alert_preferences()).await {
                email.set(saved.email.unwrap_or_default());
                language.set(saved.language.map(|l| l.code().to_owned()).unwrap_or_default());
                for chosen in saved.kinds {
                    if let Some((_, signal)) = kinds.iter().find(|(k, _)| *k == chosen.kind) {
                        signal.set(chosen.delivery.code().to_owned());
                    }
                }
            }
        });
    }
    let on_submit = {
        let kinds = kinds.clone();
        move |ev: SubmitEvent| {
            ev.prevent_default();
            let body = AlertPreferences {
                email: Some(email.get_untracked()).filter(|e| !e.trim().is_empty()),
                language: Lang::from_code(&language.get_untracked()),
                kinds: kinds
                    .iter()
                    .filter_map(|(kind, d)| {
                        AlertDelivery::from_code(&d.get_untracked())
                            .map(|delivery| KindDelivery { kind: *kind, delivery })
                    })
                    .collect(),
            };
            let client = client.clone();
            spawn_local(async move {
                match auth.call(client.set_alert_preferences(&body)).await {
                    Ok(_) => {
                        errors.set(Vec::new());
                        message.set(Some(Message::Done(Key::AlertsSaved, String::new())));
                    }
                    Err(problem) => {
                        errors.set(field_errors_of(&problem));
                        message.set(Some(Message::Failed(problem)));
                    }
                }
            });
        }
    };
    view! {
        <h2>{i18n.tr(Key::AlertsPrefsHeading)}</h2>
        <p class="muted">{i18n.tr(Key::AlertsPrefsIntro)}</p>
        <MessageView message />
        <form class="card" on:submit=on_submit data-testid="alert-preferences">
            <Field id="email" label=Key::AlertsEmail value=email error=error_of(errors, "email") kind="email" autocomplete="email" />
            <div class="field">
                <label for="alert-language">{i18n.tr(Key::AlertsLanguage)}</label>
                <select id="alert-language" on:change=move |ev| language.set(event_target_value(&ev))>
                    {Lang::ALL
                        .into_iter()
                        .map(|lang| {
                            view! {
                                <option value=lang.code() selected=move || language.get() == lang.code()>
                                    {lang.native_name()}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </div>
            {kinds
                .into_iter()
                .map(|(kind, chosen)| {
                    let id = format!("alert-kind-{}", kind.code());
                    view! {
                        <div class="field">
                            <label for=id.clone()>{move || kind.label(i18n.lang())}</label>
                            <select id=id on:change=move |ev| chosen.set(event_target_value(&ev))>
                                {AlertDelivery::ALL
                                    .iter()
                                    .map(|d| {
                                        let d = *d;
                                        view! {
                                            <option value=d.code() selected=move || chosen.get() == d.code()>
                                                {move || d.label(i18n.lang())}
                                            </option>
                                        }
                                    })
                                    .collect_view()}
                            </select>
                        </div>
                    }
                })
                .collect_view()}
            <div class="form-actions">
                <button type="submit" data-testid="save-alert-preferences">{i18n.tr(Key::Save)}</button>
            </div>
        </form>
    }
}
