//! A plan's activities three ways: the board (one column per consent
//! state), the table (sortable, filterable, paged, columns remembered) and
//! the inbox (what awaits the caller's party, newest first). Filters live in
//! the URL's query, so a view can be shared as a link.

use concord_client::{ActivityFilter, Client};
use concord_shared::Lang;
use concord_shared::api::{ActivityCard, Page};
use concord_shared::plan::ConsentState;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::auth::Auth;
use crate::i18n::{I18n, Key, text};
use crate::live::Live;
use crate::ui::board::{self, Lanes};
use crate::ui::bulk_table::{TableBulkBar, TableSelection};
use crate::ui::feedback::LoadError;
use crate::ui::filters::{FilterBar, PAGE_SIZE, QueryNav, filter_from_query};
use crate::ui::import::ImportSheet;
use crate::ui::labels::{consent_key, schedule_text};
use crate::ui::paper::DownloadList;
use crate::ui::plan_nav::{PlanHeader, route_year};
use crate::ui::{Content, Loader, format_number};

/// Loads the activities of `year` with the URL's filter (plus `extra`),
/// kept as `keep` makes them (the board shares its list with the cards it
/// draws after the first frame).
fn activities_resource<T: 'static>(
    year: Memo<i32>,
    extra: fn(&mut ActivityFilter),
    keep: fn(Page<ActivityCard>) -> T,
) -> LocalResource<Result<T, concord_shared::Problem>> {
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
        async move { auth.call(client.activity_cards(year, &filter)).await.map(keep) }
    })
}

/// The board: one column per consent state, in one row that scrolls
/// sideways under sticky column headings; optional swimlanes by area or
/// host party; a compact density; on a phone one column at a time.
#[component]
pub fn BoardPage() -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let year = route_year();
    let list = activities_resource(
        year,
        |f| {
            f.limit = Some(500);
            f.offset = None;
            f.sort = Some("reference".to_owned());
        },
        std::sync::Arc::new,
    );
    let query = use_query_map();
    let nav = QueryNav::new();
    let lanes = Memo::new(move |_| query.with(|q| Lanes::from_code(&q.get("lanes").unwrap_or_default())));
    let compact = RwSignal::new(stored(DENSITY_KEY).as_deref() == Some("compact"));
    Effect::new(move |_| store(DENSITY_KEY, if compact.get() { "compact" } else { "" }));
    // The column a phone shows (wider screens show all of them).
    let shown = RwSignal::new(None::<ConsentState>);
    let content: Content = std::sync::Arc::new(move || {
        // Everything on the board is drawn in this language: a switch draws it again.
        let lang = i18n.lang();
        let lanes = lanes.get();
        list.with(|loaded| {
            loaded.as_ref().map(|result| match result {
                Ok(page) if page.items.is_empty() => view! { <p class="empty card" data-testid="empty">{text(lang, Key::NoActivitiesMatch)}</p> }.into_any(),
                Ok(page) => {
                    let counts = board::counts(&page.items);
                    let (columns, later) = board::columns(page, lang, lanes, compact.get_untracked());
                    let first = ConsentState::ALL.into_iter().zip(counts).find(|(_, n)| *n > 0).map_or(ConsentState::Pending, |(s, _)| s);
                    let options = ConsentState::ALL
                        .into_iter()
                        .zip(counts)
                        .map(|(state, n)| {
                            let label = format!("{} {} ({})", board::state_icon(state), text(lang, consent_key(state)), format_number(n as u64, lang));
                            view! { <option value=state.code() selected=move || shown.get().unwrap_or(first) == state>{label}</option> }
                        })
                        .collect_view();
                    view! {
                        <div class="field column-switch" data-testid="column-switch">
                            <label for="board-column">{text(lang, Key::BoardColumnShown)}</label>
                            <select id="board-column"
                                on:change=move |ev| shown.set(ConsentState::from_code(&event_target_value(&ev)))>
                                {options}
                            </select>
                        </div>
                        <div class="board" data-testid="board" role="region" tabindex="0" aria-label=text(lang, Key::TabBoard)
                            data-lanes=lanes.code() data-density=move || if compact.get() { "compact" } else { "normal" }
                            data-show=move || shown.get().unwrap_or(first).code()
                            aria-busy=move || later.pending().then_some("true")>
                            {columns}
                        </div>
                    }
                    .into_any()
                }
                Err(problem) => {
                    let problem = problem.clone();
                    view! { <LoadError problem on_retry=move |_| list.refetch() /> }.into_any()
                }
            })
        })
    });
    view! {
        <PlanHeader year=year.get_untracked() />
        <FilterBar />
        <div class="board-options form-grid" data-testid="board-options">
            <div class="field">
                <label for="board-lanes">{i18n.tr(Key::BoardLanes)}</label>
                <select id="board-lanes" on:change=move |ev| nav.set("lanes", event_target_value(&ev))>
                    {[(Lanes::None, Key::BoardLanesNone), (Lanes::Area, Key::Area), (Lanes::Host, Key::HostParty)]
                        .into_iter()
                        .map(|(choice, key)| view! {
                            <option value=choice.code() selected=move || lanes.get() == choice>{i18n.tr(key)}</option>
                        })
                        .collect_view()}
                </select>
            </div>
            <label class="choice" for="board-compact">
                <input type="checkbox" id="board-compact" prop:checked=move || compact.get()
                    on:change=move |ev| compact.set(event_target_checked(&ev)) />
                {i18n.tr(Key::BoardCompact)}
            </label>
        </div>
        <Loader content />
    }
}

const DENSITY_KEY: &str = "concord.board.density";

/// A value this browser keeps (local storage).
fn stored(key: &str) -> Option<String> {
    window()
        .local_storage()
        .ok()
        .flatten()
        .and_then(|s| s.get_item(key).ok().flatten())
}

/// Keeps a value in this browser (local storage).
fn store(key: &str, value: &str) {
    if let Ok(Some(storage)) = window().local_storage() {
        let _ = storage.set_item(key, value);
    }
}

/// The columns the table can show.
const COLUMNS: [(&str, Key, Option<&str>); 9] = [
    ("reference", Key::Reference, Some("reference")),
    ("title", Key::Title, Some("title")),
    ("area", Key::Area, Some("area")),
    ("form", Key::Form, Some("form")),
    ("when", Key::When, Some("start")),
    ("host", Key::HostParty, Some("host")),
    ("proposer", Key::ProposingParty, Some("proposer")),
    ("consent", Key::Consent, Some("consent")),
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

fn cell(activity: &ActivityCard, column: &str, lang: Lang, i18n: I18n) -> AnyView {
    match column {
        "reference" => activity.reference.clone().unwrap_or_default().into_any(),
        "title" => board::title_link(activity, lang).into_any(),
        "area" => activity.area.label(lang).into_any(),
        "form" => activity.form.label(lang).into_any(),
        "when" => schedule_text(activity.when(), lang).into_any(),
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
    let list = activities_resource(year, |f| f.limit = Some(PAGE_SIZE), std::convert::identity);
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
    let list = activities_resource(
        year,
        |f| {
            *f = ActivityFilter {
                awaiting_my_party: true,
                sort: Some("-updated".to_owned()),
                limit: Some(200),
                ..Default::default()
            };
        },
        std::convert::identity,
    );
    let content: Content = std::sync::Arc::new(move || {
        list.get().map(|result| match result {
            Ok(page) if page.items.is_empty() => view! { <p class="empty card" data-testid="empty">{i18n.tr(Key::InboxEmpty)}</p> }.into_any(),
            Ok(page) => {
                let total = page.total;
                view! {
                    <p class="muted">{move || i18n.t(Key::InboxCount).replace("{n}", &format_number(total, i18n.lang()))}</p>
                    <ul class="inbox" data-testid="inbox">
                        {move || { let lang = i18n.lang(); page.items.iter().map(|a| board::card(a, lang)).collect_view() }}
                    </ul>
                }
                .into_any()
            }
            Err(problem) => view! { <LoadError problem on_retry=move |_| list.refetch() /> }.into_any(),
        })
    });
    view! {
        <PlanHeader year=year.get_untracked() />
        <h2>{i18n.tr(Key::InboxHeading)}</h2>
        <Loader content />
    }
}
