//! One webhook's delivery log: each change sent, its attempts, the last
//! HTTP status (or why there was none), when it is tried again, and a
//! Redeliver button.

use concord_client::Client;
use concord_shared::api::WebhookDelivery;
use concord_shared::domain::DeliveryStatus;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::auth::Auth;
use crate::i18n::{I18n, Key, format_datetime};
use crate::ui::feedback::LoadError;
use crate::ui::{Loader, Message, MessageView, Pager, header_row};

const PAGE: u64 = 20;

/// The delivery log of webhook `id` (at `url`), newest first, paged.
#[component]
pub fn DeliveryLog(id: i64, url: String, #[prop(into)] on_close: Callback<()>) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let auth = expect_context::<Auth>();
    let client = expect_context::<Client>();
    let offset = RwSignal::new(0_u64);
    let message = RwSignal::new(None::<Message>);
    let page = LocalResource::new(move || {
        let at = offset.get();
        let client = client.clone();
        async move { auth.call(client.webhook_deliveries(id, at, PAGE)).await }
    });
    view! {
        <section class="card" aria-labelledby="deliveries-heading" data-testid="webhook-deliveries">
            <h2 id="deliveries-heading">{move || i18n.t(Key::DeliveriesHeading).replace("{name}", &url)}</h2>
            <MessageView message />
            <Loader content=std::sync::Arc::new(move || {
                page.get()
                    .map(|result| match result {
                        Ok(found) if found.items.is_empty() => {
                            view! { <p class="empty" data-testid="no-deliveries">{i18n.tr(Key::NoDeliveries)}</p> }
                                .into_any()
                        }
                        Ok(found) => {
                            let rows = found
                                .items
                                .into_iter()
                                .map(|d| view! { <DeliveryRow webhook=id delivery=d message on_done=move |_| page.refetch() /> })
                                .collect_view();
                            view! {
                                <div class="table-scroll">
                                    <table class="data" aria-labelledby="deliveries-heading">
                                        {header_row(i18n, &[Key::Created, Key::DeliveryEvent, Key::Status, Key::DeliveryAttempts,
                                            Key::DeliveryAnswer, Key::DeliveryError, Key::DeliveryNext, Key::Actions])}
                                        <tbody>{rows}</tbody>
                                    </table>
                                </div>
                                <Pager offset size=PAGE at=found.offset total=found.total text=Key::DeliveriesPageOf
                                    name="deliveries" />
                            }
                            .into_any()
                        }
                        Err(problem) => view! { <LoadError problem on_retry=move |_| page.refetch() /> }.into_any(),
                    })
            }) />
            <button type="button" class="secondary" on:click=move |_| on_close.run(())>{i18n.tr(Key::Cancel)}</button>
        </section>
    }
}

#[component]
fn DeliveryRow(
    webhook: i64,
    delivery: WebhookDelivery,
    message: RwSignal<Option<Message>>,
    #[prop(into)] on_done: Callback<()>,
) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let auth = expect_context::<Auth>();
    let client = expect_context::<Client>();
    let busy = RwSignal::new(false);
    let id = delivery.id;
    let created = delivery.created_at.timestamp_millis();
    let next = delivery.next_attempt_at.map(|t| t.timestamp_millis());
    let status = delivery.status;
    let answer = delivery.last_status;
    let redeliver = move |_| {
        let client = client.clone();
        busy.set(true);
        spawn_local(async move {
            let result = auth.call(client.redeliver_webhook(webhook, id)).await;
            busy.set(false);
            match result {
                Ok(_) => {
                    message.set(Some(Message::Done(Key::Redelivered, id.to_string())));
                    on_done.run(());
                }
                Err(problem) => message.set(Some(Message::Failed(problem))),
            }
        });
    };
    view! {
        <tr data-delivery=id.to_string() data-status=status.code()>
            <td>{move || format_datetime(created, i18n.lang())}</td>
            <td><code>{delivery.event.clone()}</code></td>
            <td>
                <span class="badge" class:ok=status == DeliveryStatus::Delivered
                    class:off=status == DeliveryStatus::Failed>
                    {move || status.label(i18n.lang())}
                </span>
            </td>
            <td>{delivery.attempts}</td>
            <td data-testid="delivery-answer">
                {move || answer.map_or_else(|| i18n.t(Key::DeliveryNoAnswer).to_owned(), |s| s.to_string())}
            </td>
            <td>{delivery.last_error.clone().unwrap_or_default()}</td>
            <td>{move || next.map(|t| format_datetime(t, i18n.lang())).unwrap_or_default()}</td>
            <td>
                <button type="button" class="secondary" data-testid="redeliver" disabled=move || busy.get()
                    on:click=redeliver>
                    {i18n.tr(Key::Redeliver)}
                </button>
            </td>
        </tr>
    }
}
