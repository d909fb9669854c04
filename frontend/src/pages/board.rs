//! A plan's activities three ways: the board (one column per consent
//! state), the table (sortable, filterable, paged, columns remembered) and
//! the inbox (what awaits the caller's party, newest first). Filters live in
//! the URL's query, so a view can be shared as a link.

use concord_client::{ActivityFilter, Client};
use concord_shared::Lang;
use concord_shared::api::{Activity, Page};
use concord_shared::plan::ConsentState;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

use crate::auth::Auth;
use crate::i18n::{I18n, Key};
use crate::live::Live;
use crate::ui::bulk_table::{TableBulkBar, TableSelection};
use crate::ui::feedback::LoadError;
use crate::ui::filters::{FilterBar, PAGE_SIZE, QueryNav, filter_from_query};
use crate::ui::import::ImportSheet;
use crate::ui::labels::{ConsentPair, consent_key, schedule_text};
use crate::ui::paper::DownloadList;
use crate::ui::plan_nav::{PlanHeader, route_year};
use crate::ui::texts::LocalTitle;
use crate::ui::{Content, Loader, format_number};

/// A card of the board and the inbox.
#[component]
pub fn ActivityCard(activity: Activity) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let a = activity.clone();
    let host = activity.host_party;
    let id = activity.id;
    let titled = activity.clone();
    let reference = activity.reference.clone();
    let data_reference = reference.clone().unwrap_or_default();
    view! {
        <li class="activity-card card" data-activity=id data-reference=data_reference>
            <p class="ref">{match reference {
                Some(r) => view! { <span>{r}</span> }.into_any(),
                None => view! { <span class="muted">{i18n.tr(Key::NotShared)}</span> }.into_any(),
            }}</p>
            <A href=format!("/activities/{id}") attr:class="title"><LocalTitle activity=titled /></A>
            <p class="meta">
                {move || format!("{} · {} · {}", a.area.label(i18n.lang()), a.form.label(i18n.lang()), schedule_text(&a, i18n.lang()))}
                " · "
                {move || i18n.t(Key::HostedBy).replace("{party}", host.short())}
            </p>
            <ConsentPair activity />
        </li>
    }
}

/// Loads the activities of `year` with the URL's filter (plus `extra`).
fn activities_resource(
    year: Memo<i32>,
    extra: fn(&mut ActivityFilter),
) -> LocalResource<Result<Page<Activity>, concord_shared::Problem>> {
    let client = expect_context::<Client>();
    let auth = expect_context::<Auth>();
    let filter = filter_from_query();
    let live = expect_context::<Live>();
    LocalResource::new(move || {
        live.tick();
        let client = client.clone();
        let mut filter = filter.get();
        extra(&mut filter);
        let year = year.get();
        async move { auth.call(client.activities(year, &filter)).await }
    })
}

/// The board: one column per consent state.
#[component]
pub fn BoardPage() -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let year = route_year();
    let list = activities_resource(year, |f| {
        f.limit = Some(500);
        f.offset = None;
        f.sort = Some("reference".to_owned());
    });
    let content: Content = std::sync::Arc::new(move || {
        list.get().map(|result| match result {
            Ok(page) if page.items.is_empty() => view! { <p class="empty card" data-testid="empty">{i18n.tr(Key::NoActivitiesMatch)}</p> }.into_any(),
            Ok(page) => {
                let columns = ConsentState::ALL
                    .into_iter()
                    .map(|state| {
                        let cards: Vec<Activity> = page.items.iter().filter(|a| a.consent == state).cloned().collect();
                        let count = cards.len() as u64;
                        let heading = format!("col-{}", state.code());
                        let labelled = heading.clone();
                        view! {
                            <section class="column" data-column=state.code() aria-labelledby=labelled>
                                <h2 id=heading>{i18n.tr(consent_key(state))} " " <span class="count">{move || format_number(count, i18n.lang())}</span></h2>
                                <ul>{cards.into_iter().map(|activity| view! { <ActivityCard activity /> }).collect_view()}</ul>
                            </section>
                        }
                    })
                    .collect_view();
                view! { <div class="board" data-testid="board">{columns}</div> }.into_any()
            }
            Err(problem) => view! { <LoadError problem on_retry=move |_| list.refetch() /> }.into_any(),
        })
    });
    view! {
        <PlanHeader year=year.get_untracked() />
        <FilterBar />
        <Loader content />
    }
}

/// The columns the table can show.
const COLUMNS: [(&str, Key, Option<&str>); 9] = [
    ("reference", Key::Reference, Some("reference")),
    ("title", Key::Title, Some("title")),
    ("area", Key::Area, Some("area")),
    ("form", Key::Form, None),
    ("when", Key::When, Some("start")),
    ("host", Key::HostParty, None),
    ("proposer", Key::ProposingParty, None),
    ("consent", Key::Consent, None),
    ("updated", Key::Updated, Some("updated")),
];

const COLUMNS_KEY: &str = "concord.table.columns";

fn saved_columns() -> Vec<String> {
    let saved = window()
        .local_storage()
        .ok()
        .flatten()
        .and_then(|s| s.get_item(COLUMNS_KEY).ok().flatten());
    match saved {
        Some(list) => list.split(',').map(str::to_owned).collect(),
        None => COLUMNS.iter().map(|c| c.0.to_owned()).collect(),
    }
}

fn cell(activity: &Activity, column: &str, lang: Lang, i18n: I18n) -> AnyView {
    match column {
        "reference" => activity.reference.clone().unwrap_or_default().into_any(),
        "title" => {
            let href = format!("/activities/{}", activity.id);
            let titled = activity.clone();
            view! { <A href=href><LocalTitle activity=titled /></A> }.into_any()
        }
        "area" => activity.area.label(lang).into_any(),
        "form" => activity.form.label(lang).into_any(),
        "when" => schedule_text(activity, lang).into_any(),
        "host" => activity.host_party.short().into_any(),
        "proposer" => activity.proposing_party.short().into_any(),
        "consent" => i18n.t(consent_key(activity.consent)).into_any(),
        _ => crate::i18n::format_datetime(activity.updated_at.timestamp_millis(), lang).into_any(),
    }
}

/// The table: sortable, filterable, paged; the chosen columns are remembered.
#[component]
pub fn TablePage() -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let year = route_year();
    let query = use_query_map();
    let nav = QueryNav::new();
    let list = activities_resource(year, |f| f.limit = Some(PAGE_SIZE));
    let selection = TableSelection::new(year, list);
    let columns = RwSignal::new(saved_columns());
    Effect::new(move |_| {
        let joined = columns.get().join(",");
        if let Ok(Some(storage)) = window().local_storage() {
            let _ = storage.set_item(COLUMNS_KEY, &joined);
        }
    });
    let sort = Memo::new(move |_| query.with(|q| q.get("sort").unwrap_or_default()));
    let content: Content = std::sync::Arc::new(move || {
        list.get().map(|result| match result {
            Ok(page) if page.items.is_empty() => view! { <p class="empty card" data-testid="empty">{i18n.tr(Key::NoActivitiesMatch)}</p> }.into_any(),
            Ok(page) => {
                let lang = i18n.lang();
                let shown = columns.get();
                let visible: Vec<_> = COLUMNS.iter().filter(|c| shown.iter().any(|s| s == c.0)).collect();
                let select_all = selection.head(&page.items);
                let head = visible
                    .iter()
                    .map(|(_, key, by)| {
                        let key = *key;
                        match by {
                            Some(by) => {
                                let by = *by;
                                let current = sort.get();
                                let aria = if current == by { "ascending" } else if current == format!("-{by}") { "descending" } else { "none" };
                                let next = if current == by { format!("-{by}") } else { by.to_owned() };
                                view! {
                                    <th scope="col" aria-sort=aria>
                                        <button type="button" class="sort" data-sort=by on:click=move |_| nav.set("sort", next.clone())>
                                            {i18n.tr(key)}
                                        </button>
                                    </th>
                                }
                                .into_any()
                            }
                            None => view! { <th scope="col">{i18n.tr(key)}</th> }.into_any(),
                        }
                    })
                    .collect_view();
                let rows = page
                    .items
                    .iter()
                    .map(|a| {
                        let cells = visible.iter().map(|c| view! { <td>{cell(a, c.0, lang, i18n)}</td> }).collect_view();
                        view! { <tr data-activity=a.id>{selection.cell(a)}{cells}</tr> }
                    })
                    .collect_view();
                let pages = page.total.div_ceil(PAGE_SIZE).max(1);
                let current = page.offset / PAGE_SIZE + 1;
                view! {
                    <div class="table-scroll">
                        <table class="data" data-testid="activity-table">
                            <caption class="muted">
                                {i18n.t(Key::PageOf).replace("{page}", &current.to_string()).replace("{pages}", &pages.to_string()).replace("{n}", &format_number(page.total, lang))}
                            </caption>
                            <thead><tr>{select_all}{head}</tr></thead>
                            <tbody>{rows}</tbody>
                        </table>
                    </div>
                    <div class="form-actions pager">
                        <button type="button" class="secondary" disabled={current <= 1} on:click=move |_| nav.set("page", (current - 1).to_string())>
                            {i18n.tr(Key::PreviousPage)}
                        </button>
                        <button type="button" class="secondary" disabled={current >= pages} on:click=move |_| nav.set("page", (current + 1).to_string())>
                            {i18n.tr(Key::NextPage)}
                        </button>
                    </div>
                }
                .into_any()
            }
            Err(problem) => view! { <LoadError problem on_retry=move |_| list.refetch() /> }.into_any(),
        })
    });
    let csv_filter = filter_from_query();
    view! {
        <PlanHeader year=year.get_untracked() />
        <FilterBar />
        <DownloadList
            base=Signal::derive(move || format!("/api/v1/plans/{}/activities", year.get()))
            query=Signal::derive(move || csv_filter.get().query_string())
            name="activities"
        />
        <ImportSheet year on_done=move |_| list.refetch() />
        <TableBulkBar selection />
        <details class="columns-choice">
            <summary>{i18n.tr(Key::ChooseColumns)}</summary>
            <fieldset>
                <legend>{i18n.tr(Key::ChooseColumns)}</legend>
                {COLUMNS
                    .iter()
                    .map(|(name, key, _)| {
                        let name = *name;
                        let id = format!("col-{name}");
                        let for_id = id.clone();
                        view! {
                            <label for=for_id>
                                <input type="checkbox" id=id
                                    prop:checked=move || columns.with(|c| c.iter().any(|s| s == name))
                                    on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        columns.update(|c| {
                                            c.retain(|s| s != name);
                                            if on { c.push(name.to_owned()); }
                                        });
                                    } />
                                {i18n.tr(*key)}
                            </label>
                        }
                    })
                    .collect_view()}
            </fieldset>
        </details>
        <Loader content />
    }
}

/// The inbox: what awaits the caller's party in this plan, newest first.
#[component]
pub fn InboxPage() -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let year = route_year();
    let list = activities_resource(year, |f| {
        *f = ActivityFilter {
            awaiting_my_party: true,
            sort: Some("-updated".to_owned()),
            limit: Some(200),
            ..Default::default()
        };
    });
    let content: Content = std::sync::Arc::new(move || {
        list.get().map(|result| match result {
            Ok(page) if page.items.is_empty() => view! { <p class="empty card" data-testid="empty">{i18n.tr(Key::InboxEmpty)}</p> }.into_any(),
            Ok(page) => view! {
                <p class="muted">{move || i18n.t(Key::InboxCount).replace("{n}", &format_number(page.total, i18n.lang()))}</p>
                <ul class="inbox" data-testid="inbox">
                    {page.items.into_iter().map(|activity| view! { <ActivityCard activity /> }).collect_view()}
                </ul>
            }
            .into_any(),
            Err(problem) => view! { <LoadError problem on_retry=move |_| list.refetch() /> }.into_any(),
        })
    });
    view! {
        <PlanHeader year=year.get_untracked() />
        <h2>{i18n.tr(Key::InboxHeading)}</h2>
        <Loader content />
    }
}
