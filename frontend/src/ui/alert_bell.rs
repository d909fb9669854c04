//! The header's link to the alerts with the unread count. The count reloads
//! when someone else acts (the live stream's tick; and once more a moment
//! later, since the alert is made by a worker following the same log) and
//! when the alerts page marks something read ([`AlertCount::reload`]).

use std::time::Duration;

use concord_client::Client;
use leptos::prelude::*;
use leptos_router::components::A;

use crate::auth::Auth;
use crate::i18n::{I18n, Key};
use crate::live::Live;
use crate::ui::Reload;

/// Marks the unread count's [`Reload`] signal.
pub enum Unread {}

/// The unread count's reload signal, in context.
pub type AlertCount = Reload<Unread>;

/// "Alerts" with the unread count, linking to the alerts page.
#[component]
pub fn AlertBell() -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let auth = expect_context::<Auth>();
    let client = expect_context::<Client>();
    let live = expect_context::<Live>();
    let count = expect_context::<AlertCount>();
    Effect::new(move |seen: Option<u64>| {
        let tick = live.tick();
        if seen.is_some() {
            set_timeout(move || count.reload(), Duration::from_millis(1500));
        }
        tick
    });
    let unread = LocalResource::new(move || {
        count.track();
        live.tick();
        let client = client.clone();
        async move { auth.call(client.unread_alerts()).await.ok() }
    });
    view! {
        <A href="/alerts" attr:class="alert-bell" attr:data-nav="alerts" attr:data-testid="alert-bell">
            {i18n.tr(Key::NavAlerts)}
            {move || {
                unread
                    .get()
                    .flatten()
                    .filter(|u| u.unread > 0)
                    .map(|u| {
                        let n = u.unread;
                        view! {
                            " "
                            <span
                                class="badge unread"
                                data-testid="alert-unread"
                                title=move || i18n.t(Key::AlertsUnread).replace("{n}", &n.to_string())
                                aria-label=move || i18n.t(Key::AlertsUnread).replace("{n}", &n.to_string())
                            >
                                {n}
                            </span>
                        }
                    })
            }}
        </A>
    }
}
