//! The header's link to the work queue with how many items await the user
//! (`GET /api/v1/inbox/count`). The count reloads when someone acts (the
//! live stream's tick) and when the queue page decides something
//! ([`QueueCount::reload`]).

use concord_client::Client;
use leptos::prelude::*;
use leptos_router::components::A;

use crate::auth::Auth;
use crate::i18n::{I18n, Key};
use crate::live::Live;
use crate::ui::Reload;

/// Marks the queue count's [`Reload`] signal.
pub enum Queue {}

/// The queue count's reload signal, in context.
pub type QueueCount = Reload<Queue>;

/// "Inbox" with the number of items awaiting the user, linking to `/inbox`.
#[component]
pub fn InboxLink() -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let auth = expect_context::<Auth>();
    let client = expect_context::<Client>();
    let live = expect_context::<Live>();
    let count = expect_context::<QueueCount>();
    let total = LocalResource::new(move || {
        count.track();
        live.tick();
        let client = client.clone();
        async move { auth.call(client.inbox_count()).await.ok() }
    });
    view! {
        <A href="/inbox" attr:data-nav="inbox" attr:data-testid="inbox-link">
            {i18n.tr(Key::NavInbox)}
            {move || {
                total
                    .get()
                    .flatten()
                    .filter(|c| c.total > 0)
                    .map(|c| {
                        let n = c.total;
                        let words = move || i18n.t(Key::QueueCount).replace("{n}", &n.to_string());
                        view! {
                            " "
                            <span class="badge unread" data-testid="inbox-count" title=words aria-label=words>
                                {n}
                            </span>
                        }
                    })
            }}
        </A>
    }
}
