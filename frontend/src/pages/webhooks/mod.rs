//! Webhooks (administrators): the party's webhooks with their state;
//! registering one (its signing secret shown once, with a Copy button);
//! turning one on or off; deleting one after a confirmation; and its
//! delivery log with the status codes and a Redeliver button
//! ([`deliveries`]).

mod deliveries;

use concord_client::Client;
use concord_shared::ChangeKind;
use concord_shared::api::{CreatedWebhook, NewWebhook, Webhook, WebhookPatch};
use concord_shared::rules::webhooks::{check_url, may_manage};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::auth::Auth;
use crate::i18n::{I18n, Key, format_datetime};
use crate::ui::clipboard::ShownOnce;
use crate::ui::feedback::{LoadError, NotAllowed, allowed_resource};
use crate::ui::{
    Field, FieldErrors, Loader, Loading, Message, MessageView, error_of, field_error_key, field_errors_of, header_row,
};
use deliveries::DeliveryLog;

/// The webhooks page.
#[component]
pub fn WebhooksPage() -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let auth = expect_context::<Auth>();
    let client = expect_context::<Client>();
    // Only administrators ask; others are told on the page instead.
    let hooks = allowed_resource(may_manage, move || {
        let client = client.clone();
        async move { auth.call(client.webhooks()).await }
    });
    let message = RwSignal::new(None::<Message>);
    let created = RwSignal::new(None::<CreatedWebhook>);
    // The webhook whose delivery log is open: id and address.
    let log = RwSignal::new(None::<(i64, String)>);

    move || {
        let Some(actor) = auth.actor() else {
            return view! { <Loading /> }.into_any();
        };
        if may_manage(actor).is_err() {
            return view! { <NotAllowed heading=Key::WebhooksHeading /> }.into_any();
        }
        view! {
            <h1 id="webhooks-heading">{i18n.tr(Key::WebhooksHeading)}</h1>
            <p class="lead">{i18n.tr(Key::WebhooksIntro)}</p>
            {move || {
                created
                    .get()
                    .map(|hook| {
                        view! {
                            <ShownOnce heading=Key::WebhookCreated name=hook.webhook.url warning=Key::WebhookOnce
                                label=Key::WebhookSecret secret=hook.secret stem="webhook" on_done=move |_| created.set(None) />
                        }
                    })
            }}
            <MessageView message />
            <Loader content=std::sync::Arc::new(move || {
                hooks
                    .get()
                    .map(|result| match result {
                        Ok(list) if list.is_empty() => {
                            view! { <p class="empty card" data-testid="no-webhooks">{i18n.tr(Key::NoWebhooks)}</p> }
                                .into_any()
                        }
                        Ok(list) => {
                            view! { <WebhookTable list message log on_change=move |_| hooks.refetch() /> }.into_any()
                        }
                        Err(problem) => view! { <LoadError problem on_retry=move |_| hooks.refetch() /> }.into_any(),
                    })
            }) />
            {move || log.get().map(|(id, url)| view! { <DeliveryLog id url on_close=move |_| log.set(None) /> })}
            <CreateWebhook on_created=move |hook: CreatedWebhook| {
                message.set(None);
                created.set(Some(hook));
                hooks.refetch();
            } />
        }
        .into_any()
    }
}

#[component]
fn WebhookTable(
    list: Vec<Webhook>,
    message: RwSignal<Option<Message>>,
    log: RwSignal<Option<(i64, String)>>,
    #[prop(into)] on_change: Callback<()>,
) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let rows = list
        .into_iter()
        .map(|hook| view! { <WebhookRow hook message log on_change /> })
        .collect_view();
    view! {
        <div class="table-scroll">
            <table class="data" aria-labelledby="webhooks-heading" data-testid="webhooks">
                {header_row(i18n, &[Key::WebhookUrl, Key::WebhookEvents, Key::CreatedBy, Key::Created, Key::Status, Key::Actions])}
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

/// One webhook: its address, kinds and state, and what may be done with it.
#[component]
fn WebhookRow(
    hook: Webhook,
    message: RwSignal<Option<Message>>,
    log: RwSignal<Option<(i64, String)>>,
    on_change: Callback<()>,
) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let auth = expect_context::<Auth>();
    let client = expect_context::<Client>();
    let confirming = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let (id, version, enabled) = (hook.id, hook.version, hook.enabled);
    let url = hook.url.clone();
    let kinds = hook.events.clone();
    let created = hook.created_at.timestamp_millis();
    let toggle = {
        let (client, url) = (client.clone(), url.clone());
        move |_| {
            let (client, url) = (client.clone(), url.clone());
            busy.set(true);
            spawn_local(async move {
                let patch = WebhookPatch {
                    enabled: Some(!enabled),
                    ..Default::default()
                };
                let result = auth.call(client.update_webhook(id, version, &patch)).await;
                busy.set(false);
                match result {
                    Ok(_) => {
                        let key = if enabled {
                            Key::WebhookDisabledDone
                        } else {
                            Key::WebhookEnabledDone
                        };
                        message.set(Some(Message::Done(key, url)));
                        on_change.run(());
                    }
                    Err(problem) => message.set(Some(Message::Failed(problem))),
                }
            });
        }
    };
    let delete = {
        let (client, url) = (client.clone(), url.clone());
        move |_| {
            let (client, url) = (client.clone(), url.clone());
            busy.set(true);
            spawn_local(async move {
                let result = auth.call(client.delete_webhook(id)).await;
                busy.set(false);
                confirming.set(false);
                match result {
                    Ok(()) => {
                        if log.get_untracked().is_some_and(|(open, _)| open == id) {
                            log.set(None);
                        }
                        message.set(Some(Message::Done(Key::WebhookDeleted, url)));
                        on_change.run(());
                    }
                    Err(problem) => message.set(Some(Message::Failed(problem))),
                }
            });
        }
    };
    let open_log = {
        let url = url.clone();
        move |_| log.set(Some((id, url.clone())))
    };
    let confirm_text = url.clone();
    view! {
        <tr data-webhook=id.to_string()>
            <td><code>{hook.url.clone()}</code></td>
            <td>
                {move || {
                    kinds.iter().map(|k| k.label(i18n.lang())).collect::<Vec<_>>().join(", ")
                }}
            </td>
            <td>{hook.created_by.clone()}</td>
            <td>{move || format_datetime(created, i18n.lang())}</td>
            <td>
                <span class="badge" class:ok=enabled class:off=!enabled
                    data-status=if enabled { "active" } else { "disabled" }>
                    {move || i18n.t(if enabled { Key::Active } else { Key::Disabled })}
                </span>
            </td>
            <td>
                <div class="inline">
                    <button type="button" class="secondary" data-testid="toggle-webhook"
                        disabled=move || busy.get() on:click=toggle>
                        {move || i18n.t(if enabled { Key::Disable } else { Key::Enable })}
                    </button>
                    <button type="button" class="secondary" data-testid="webhook-log" on:click=open_log>
                        {i18n.tr(Key::ShowDeliveries)}
                    </button>
                    <Show
                        when=move || confirming.get()
                        fallback=move || view! {
                            <button type="button" class="secondary" data-testid="delete-webhook"
                                on:click=move |_| confirming.set(true)>
                                {i18n.tr(Key::WebhookDelete)}
                            </button>
                        }
                    >
                        <div class="confirm" role="group">
                            <p>
                                {
                                    let url = confirm_text.clone();
                                    move || i18n.t(Key::WebhookDeleteConfirm).replace("{name}", &url)
                                }
                            </p>
                            <div class="inline">
                                <button type="button" class="danger" data-testid="confirm-delete-webhook"
                                    disabled=move || busy.get() on:click=delete.clone()>
                                    {i18n.tr(Key::ConfirmDeleteWebhook)}
                                </button>
                                <button type="button" class="secondary" on:click=move |_| confirming.set(false)>
                                    {i18n.tr(Key::KeepWebhook)}
                                </button>
                            </div>
                        </div>
                    </Show>
                </div>
            </td>
        </tr>
    }
}

#[component]
fn CreateWebhook(#[prop(into)] on_created: Callback<CreatedWebhook>) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let auth = expect_context::<Auth>();
    let client = expect_context::<Client>();
    let url = RwSignal::new(String::new());
    let chosen = RwSignal::new(vec![ChangeKind::Activity, ChangeKind::Plan]);
    let enabled = RwSignal::new(true);
    let errors: FieldErrors = RwSignal::new(Vec::new());
    let form_message = RwSignal::new(None::<Message>);
    let pending = RwSignal::new(false);

    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        // The same rule the server applies, asked before sending.
        let mut found = Vec::new();
        let address = url.get_untracked().trim().to_owned();
        if let Err(code) = check_url(&address) {
            found.push(("url".to_owned(), field_error_key("url", code)));
        }
        let events = chosen.get_untracked();
        if events.is_empty() {
            found.push(("events".to_owned(), Key::ErrRequired));
        }
        errors.set(found);
        form_message.set(None);
        if !errors.with_untracked(Vec::is_empty) {
            return;
        }
        let new = NewWebhook {
            url: address,
            events,
            enabled: enabled.get_untracked(),
        };
        pending.set(true);
        let client = client.clone();
        spawn_local(async move {
            let result = auth.call(client.create_webhook(&new)).await;
            pending.set(false);
            match result {
                Ok(hook) => {
                    url.set(String::new());
                    on_created.run(hook);
                }
                Err(problem) => {
                    errors.set(field_errors_of(&problem));
                    form_message.set(Some(Message::Failed(problem)));
                }
            }
        });
    };

    let choices = ChangeKind::ALL
        .iter()
        .map(|kind| {
            let kind = *kind;
            let input_id = format!("webhook-kind-{}", kind.code());
            view! {
                <label for=input_id.clone() class="choice">
                    <input type="checkbox" id=input_id.clone() data-kind=kind.code()
                        prop:checked=move || chosen.with(|c| c.contains(&kind))
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            chosen.update(|c| {
                                c.retain(|k| *k != kind);
                                if on {
                                    c.push(kind);
                                }
                            });
                        } />
                    " " {move || kind.label(i18n.lang())}
                </label>
            }
        })
        .collect_view();
    let events_error = error_of(errors, "events");

    view! {
        <h2 id="create-webhook-heading">{i18n.tr(Key::CreateWebhookHeading)}</h2>
        <form class="form card" aria-labelledby="create-webhook-heading" on:submit=on_submit novalidate=true
            data-testid="create-webhook">
            <Field id="webhook-url" label=Key::WebhookUrl value=url error=error_of(errors, "url") kind="url"
                hint=Key::WebhookUrlHint required=true />
            <fieldset class="carry-list" class:invalid=move || events_error.get().is_some()>
                <legend>{i18n.tr(Key::WebhookEvents)}</legend>
                {choices}
                {move || events_error.get().map(|key| view! { <p class="field-error">{move || i18n.t(key)}</p> })}
            </fieldset>
            <label for="webhook-enabled" class="choice">
                <input type="checkbox" id="webhook-enabled" prop:checked=move || enabled.get()
                    on:change=move |ev| enabled.set(event_target_checked(&ev)) />
                " " {i18n.tr(Key::WebhookStartEnabled)}
            </label>
            <MessageView message=form_message />
            <div class="form-actions">
                <button type="submit" class="primary" disabled=move || pending.get()>
                    {move || if pending.get() { i18n.t(Key::Saving) } else { i18n.t(Key::CreateWebhook) }}
                </button>
            </div>
        </form>
    }
}
