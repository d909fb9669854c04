//! `/inbox`: the work queue (issue 17). Everything that awaits the user's
//! party and role across every plan and amendment, grouped by plan (newest
//! year first), then the diplomatic notifications; what awaits whom is
//! decided by `rules::inbox::awaits` on the server. Activities awaiting
//! consent can be selected (one by one or all of a plan) and decided in one
//! action through the [`BulkBar`]; which actions are offered comes from
//! `rules::inbox::bulk_actions`, the same rules the server enforces.

use concord_client::Client;
use concord_shared::InboxKind;
use concord_shared::api::{InboxItem, InboxPlan};
use concord_shared::rules::Actor;
use concord_shared::rules::inbox::bulk_actions;
use leptos::prelude::*;
use leptos_router::components::A;

use crate::auth::Auth;
use crate::i18n::{I18n, Key, format_datetime};
use crate::live::Live;
use crate::ui::bulk::{BulkBar, PickAll, PickBox, Picked};
use crate::ui::feedback::LoadError;
use crate::ui::inbox_count::QueueCount;
use crate::ui::texts::{FallbackBadge, picked_title};
use crate::ui::{Content, Loader, format_number};

/// The work queue page.
#[component]
pub fn WorkQueuePage() -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let auth = expect_context::<Auth>();
    let client = expect_context::<Client>();
    let live = expect_context::<Live>();
    let count = expect_context::<QueueCount>();
    let queue = LocalResource::new(move || {
        live.tick();
        let client = client.clone();
        async move { auth.call(client.inbox()).await }
    });
    let picked = RwSignal::new(Vec::<Picked>::new());
    // Once a decision was made here, the bar (and its summary) stays when
    // the queue reloads, even if nothing selectable is left.
    let decided = RwSignal::new(false);
    let on_done = Callback::new(move |()| {
        decided.set(true);
        queue.refetch();
        count.reload();
    });
    let actions = Signal::derive(move || {
        auth.actor()
            .map(|actor| bulk_actions(actor, InboxKind::AwaitingConsent))
            .unwrap_or_default()
    });
    let selectable = Signal::derive(move || {
        let Some(actor) = auth.actor() else {
            return false;
        };
        queue.with(|loaded| {
            loaded.as_ref().and_then(|r| r.as_ref().ok()).is_some_and(|inbox| {
                inbox
                    .plans
                    .iter()
                    .flat_map(|p| p.items.iter())
                    .any(|i| !bulk_actions(actor, i.kind).is_empty())
            })
        })
    });
    let content: Content = std::sync::Arc::new(move || {
        queue.get().map(|result| match result {
            Ok(inbox) if inbox.counts.total == 0 => {
                view! { <p class="empty card" data-testid="empty">{i18n.tr(Key::QueueEmpty)}</p> }.into_any()
            }
            Ok(inbox) => {
                let total = inbox.counts.total;
                let actor = auth.actor();
                let plans = inbox
                    .plans
                    .into_iter()
                    .map(|plan| view! { <PlanGroup plan actor picked /> })
                    .collect_view();
                let notes = (!inbox.notes.is_empty()).then(|| {
                    let rows = inbox
                        .notes
                        .into_iter()
                        .map(|item| view! { <Item item year=None selectable=false picked /> })
                        .collect_view();
                    view! {
                        <section aria-labelledby="queue-notes" data-testid="queue-notes">
                            <h2 id="queue-notes">{i18n.tr(Key::QueueNotes)}</h2>
                            <ul class="inbox plain">{rows}</ul>
                        </section>
                    }
                });
                view! {
                    <p class="muted" data-testid="queue-count">
                        {move || i18n.t(Key::QueueCount).replace("{n}", &format_number(total, i18n.lang()))}
                    </p>
                    {plans}
                    {notes}
                }
                .into_any()
            }
            Err(problem) => view! { <LoadError problem on_retry=move |_| queue.refetch() /> }.into_any(),
        })
    });
    view! {
        <h1>{i18n.tr(Key::NavInbox)}</h1>
        <p class="muted">{i18n.tr(Key::QueueIntro)}</p>
        <Show when=move || selectable.get() || decided.get()>
            <BulkBar picked actions on_done />
        </Show>
        <Loader content />
    }
}

/// One plan's items, with "select all" over those that can be decided in bulk.
#[component]
fn PlanGroup(plan: InboxPlan, actor: Option<Actor>, picked: RwSignal<Vec<Picked>>) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let year = plan.year;
    let heading_id = format!("queue-plan-{year}");
    let labelled_by = heading_id.clone();
    let amendment = plan.amendment;
    let state = plan.state;
    let offers = move |item: &InboxItem| actor.is_some_and(|a| !bulk_actions(a, item.kind).is_empty());
    let choosable: Vec<Picked> = plan
        .items
        .iter()
        .filter(|i| offers(i))
        .map(|i| Picked {
            year,
            id: i.entity_id,
            version: i.version,
            title: i.title_in(i18n.lang_untracked()).title.to_owned(),
        })
        .collect();
    let select_all = (!choosable.is_empty()).then(|| {
        let label = Signal::derive(move || i18n.t(Key::QueueSelectAll).replace("{year}", &year.to_string()));
        view! {
            <label class="select-all">
                <PickAll all=choosable picked testid="queue-select-all" label />
                " "
                {label}
            </label>
        }
    });
    let rows = plan
        .items
        .into_iter()
        .map(|item| {
            let selectable = offers(&item);
            view! { <Item item year=Some(year) selectable picked /> }
        })
        .collect_view();
    view! {
        <section aria-labelledby=labelled_by data-testid="queue-plan" data-year=year>
            <h2 id=heading_id>
                <A href=format!("/plans/{year}")>
                    {move || {
                        let key = if amendment > 0 { Key::QueueAmendment } else { Key::QueuePlan };
                        i18n.t(key).replace("{year}", &year.to_string()).replace("{n}", &amendment.to_string())
                    }}
                </A>
                " "
                <span class="badge off">{move || state.label(i18n.lang())}</span>
            </h2>
            {select_all}
            <ul class="inbox plain">{rows}</ul>
        </section>
    }
}

/// One item: a checkbox when it can be decided in bulk, what awaits, a link to it, since when.
#[component]
fn Item(item: InboxItem, year: Option<i32>, selectable: bool, picked: RwSignal<Vec<Picked>>) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let kind = item.kind;
    let id = item.entity_id;
    let since = item.since.timestamp_millis();
    let proposed = item.proposed;
    // An activity's title in the user's language, a fallback marked (as on the board).
    let name = {
        let item = item.clone();
        move || {
            let lang = i18n.lang();
            if item.title_lang.is_some() {
                return picked_title(item.title_in(lang)).into_any();
            }
            match proposed {
                _ if !item.title.is_empty() => item.title.clone(),
                Some(state) => i18n.t(Key::QueueStepTo).replace("{state}", state.label(lang)),
                None => kind.label(lang).to_owned(),
            }
            .into_any()
        }
    };
    let badge = {
        let item = item.clone();
        move || {
            let shown = item.title_in(i18n.lang());
            (item.title_lang.is_some() && shown.fallback).then(|| view! { " " <FallbackBadge lang=shown.lang /> })
        }
    };
    let checkbox = (selectable && year.is_some()).then(|| {
        let me = Picked {
            year: year.unwrap_or_default(),
            id,
            version: item.version,
            title: item.title_in(i18n.lang_untracked()).title.to_owned(),
        };
        view! { <PickBox me picked testid="queue-select" /> " " }
    });
    view! {
        <li data-testid="queue-item" data-kind=kind.code() data-id=id>
            {checkbox}
            <span class="badge">{move || kind.label(i18n.lang())}</span>
            " "
            {item.reference.map(|r| view! { <span class="muted">{r}</span> " " })}
            <A href=item.link>{name}</A>
            {badge}
            " · "
            <time>{move || i18n.t(Key::QueueSince).replace("{date}", &format_datetime(since, i18n.lang()))}</time>
        </li>
    }
}
