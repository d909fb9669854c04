//! "Calendar feed": the user's secret iCalendar addresses, to subscribe to
//! from a calendar program. A new address is shown once, with a copy
//! button; the list shows each feed's name, dates and state, with a revoke
//! button on the active ones.

use concord_client::Client;
use concord_shared::api::{CalendarFeed, NewCalendarFeed};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::auth::Auth;
use crate::i18n::{I18n, Key, format_datetime};
use crate::ui::clipboard::copy;
use crate::ui::feedback::LoadError;
use crate::ui::{Field, FieldErrors, Loader, Message, MessageView, error_of, field_errors_of, header_row};

/// The user's calendar feeds: create, copy (once) and revoke.
#[component]
pub fn CalendarFeeds() -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let auth = expect_context::<Auth>();
    let client = expect_context::<Client>();
    let feeds = LocalResource::new({
        let client = client.clone();
        move || {
            let client = client.clone();
            async move { auth.call(client.calendar_feeds()).await }
        }
    });
    let address = RwSignal::new(None::<String>);
    let name = RwSignal::new(String::new());
    let errors: FieldErrors = RwSignal::new(Vec::new());
    let message = RwSignal::new(None::<Message>);
    let pending = RwSignal::new(false);
    let on_submit = {
        let client = client.clone();
        move |ev: SubmitEvent| {
            ev.prevent_default();
            if pending.get_untracked() {
                return;
            }
            let new = NewCalendarFeed {
                name: name.get_untracked().trim().to_owned(),
            };
            if new.name.is_empty() {
                errors.set(vec![("name".to_owned(), Key::ErrRequired)]);
                return;
            }
            errors.set(Vec::new());
            message.set(None);
            pending.set(true);
            let client = client.clone();
            spawn_local(async move {
                let result = auth.call(client.create_calendar_feed(&new)).await;
                pending.set(false);
                match result {
                    Ok(created) => {
                        let origin = window().location().origin().unwrap_or_default();
                        address.set(Some(format!("{origin}{}", created.path)));
                        name.set(String::new());
                        feeds.refetch();
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
        <section class="card" aria-labelledby="feeds-heading" data-testid="calendar-feeds">
            <h2 id="feeds-heading">{i18n.tr(Key::FeedHeading)}</h2>
            <p>{i18n.tr(Key::FeedIntro)}</p>
            {move || address.get().map(|url| view! { <NewAddress url on_done=move |_| address.set(None) /> })}
            <Loader content=std::sync::Arc::new(move || {
                feeds
                    .get()
                    .map(|result| match result {
                        Ok(list) if list.is_empty() => {
                            view! { <p class="empty" data-testid="no-feeds">{i18n.tr(Key::NoFeeds)}</p> }.into_any()
                        }
                        Ok(list) => view! { <FeedTable list message on_change=move |_| feeds.refetch() /> }.into_any(),
                        Err(problem) => view! { <LoadError problem on_retry=move |_| feeds.refetch() /> }.into_any(),
                    })
            }) />
            <form on:submit=on_submit novalidate=true>
                <Field id="feed-name" label=Key::FeedName value=name error=error_of(errors, "name") required=true />
                <button type="submit" class="primary" disabled=move || pending.get() data-testid="create-feed">
                    {i18n.tr(Key::FeedCreate)}
                </button>
            </form>
            <MessageView message />
        </section>
    }
}

/// The new address, shown once, with a copy button.
#[component]
fn NewAddress(url: String, #[prop(into)] on_done: Callback<()>) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let copied = RwSignal::new(None::<bool>);
    let to_copy = url.clone();
    view! {
        <div class="secret" data-testid="feed-address">
            <p class="warning" role="alert">{i18n.tr(Key::FeedOnce)}</p>
            <label for="feed-url">{i18n.tr(Key::FeedAddress)}</label>
            <input id="feed-url" readonly=true prop:value=url />
            " "
            <button type="button" on:click=move |_| copy(&to_copy, copied)>{i18n.tr(Key::Copy)}</button>
            <p role="status">
                {move || copied.get().map(|ok| if ok { i18n.t(Key::Copied) } else { i18n.t(Key::CopyFailed) })}
            </p>
            <button type="button" class="secondary" on:click=move |_| on_done.run(())>{i18n.tr(Key::TokenDone)}</button>
        </div>
    }
}

#[component]
fn FeedTable(
    list: Vec<CalendarFeed>,
    message: RwSignal<Option<Message>>,
    #[prop(into)] on_change: Callback<()>,
) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let auth = expect_context::<Auth>();
    let client = expect_context::<Client>();
    let rows = list
        .into_iter()
        .map(|feed| {
            let created = feed.created_at.timestamp_millis();
            let used = feed.last_used_at.map(|t| t.timestamp_millis());
            let active = feed.revoked_at.is_none();
            let client = client.clone();
            let (id, name) = (feed.id.clone(), feed.name.clone());
            let revoke = move |_| {
                let (client, id, name) = (client.clone(), id.clone(), name.clone());
                spawn_local(async move {
                    match auth.call(client.revoke_calendar_feed(&id)).await {
                        Ok(()) => {
                            message.set(Some(Message::Done(Key::FeedRevoked, name)));
                            on_change.run(());
                        }
                        Err(problem) => message.set(Some(Message::Failed(problem))),
                    }
                });
            };
            view! {
                <tr data-feed=feed.id.clone()>
                    <td>{feed.name.clone()}</td>
                    <td>{move || format_datetime(created, i18n.lang())}</td>
                    <td>{move || used.map_or_else(|| i18n.t(Key::Never).to_owned(), |t| format_datetime(t, i18n.lang()))}</td>
                    <td>{move || if active { i18n.t(Key::Active) } else { i18n.t(Key::StatusRevoked) }}</td>
                    <td>
                        {active.then(|| view! { <button type="button" class="danger" on:click=revoke>{i18n.tr(Key::Revoke)}</button> })}
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table>
            {header_row(i18n, &[Key::TokenName, Key::Created, Key::LastUsed, Key::Status, Key::Actions])}
            <tbody>{rows}</tbody>
        </table>
    }
}
