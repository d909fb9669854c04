//! The activity filters that live in the URL's query, shared by the table,
//! the board and the calendar views.

use concord_client::ActivityFilter;
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_location, use_navigate, use_query_map};

use crate::i18n::{I18n, Key};
use crate::ui::SelectField;
use crate::ui::options::{area_options, form_options, month_options, party_options};

/// The filter of the query string (`area`, `form`, `party`, `month`, `q`, `sort`, `page`).
pub(crate) fn filter_from_query() -> Memo<ActivityFilter> {
    let query = use_query_map();
    Memo::new(move |_| {
        query.with(|q| ActivityFilter {
            area: q.get("area").and_then(|v| v.parse().ok()),
            form: q.get("form").and_then(|v| v.parse().ok()),
            proposer: q.get("party").and_then(|v| v.parse().ok()),
            month: q.get("month").and_then(|v| v.parse().ok()),
            q: q.get("q").filter(|v| !v.is_empty()),
            sort: q.get("sort").filter(|v| !v.is_empty()),
            offset: q
                .get("page")
                .and_then(|v| v.parse::<u64>().ok())
                .map(|p| p.saturating_sub(1) * PAGE_SIZE),
            ..Default::default()
        })
    })
}

pub(crate) const PAGE_SIZE: u64 = 25;

/// How long typing pauses before the search applies.
const SEARCH_DELAY: std::time::Duration = std::time::Duration::from_millis(250);

/// The query parameters that are filters (kept when moving between a
/// plan's views; `sort` and `page` belong to the table alone).
pub(crate) const FILTER_PARAMS: [&str; 5] = ["area", "form", "party", "month", "q"];

/// The filters of the current address as a query string (`?area=…`, or empty).
pub(crate) fn filter_query() -> Memo<String> {
    let query = use_query_map();
    Memo::new(move |_| {
        query.with(|q| {
            let mut kept = leptos_router::params::ParamsMap::new();
            for key in FILTER_PARAMS {
                if let Some(v) = q.get(key).filter(|v| !v.is_empty()) {
                    kept.insert(key, v);
                }
            }
            kept.to_query_string()
        })
    })
}

/// Sets query parameters of the current address (captured where the router's
/// context is available, usable from event handlers).
type Go = Box<dyn Fn(&str)>;

/// Sets query parameters of the current address.
#[derive(Clone, Copy)]
pub(crate) struct QueryNav {
    navigate: StoredValue<Go, LocalStorage>,
    path: Memo<String>,
    query: Memo<leptos_router::params::ParamsMap>,
}

impl QueryNav {
    /// Captures the router's location and navigation.
    pub(crate) fn new() -> QueryNav {
        let location = use_location();
        let navigate = use_navigate();
        let go: Go = Box::new(move |url: &str| {
            navigate(
                url,
                NavigateOptions {
                    replace: true,
                    ..Default::default()
                },
            )
        });
        QueryNav {
            navigate: StoredValue::new_local(go),
            path: location.pathname,
            query: location.query,
        }
    }

    /// Sets `key` (empty removes it); any other change goes back to the first page.
    pub(crate) fn set(self, key: &'static str, value: String) {
        let mut params = self.query.get_untracked();
        params.remove(key);
        if key != "page" {
            params.remove("page");
        }
        if !value.is_empty() {
            params.insert(key, value);
        }
        let url = format!("{}{}", self.path.get_untracked(), params.to_query_string());
        self.navigate.with_value(|go| go(&url));
    }
}

const SAVED_FILTERS: &str = "concord.filters";

/// The filters last used in this tab (session storage), as a query string:
/// links back to a plan's views (from an activity) keep them.
pub(crate) fn saved_filters() -> String {
    window()
        .session_storage()
        .ok()
        .flatten()
        .and_then(|s| s.get_item(SAVED_FILTERS).ok().flatten())
        .unwrap_or_default()
}

/// A select whose value is a query parameter.
#[component]
fn QuerySelect(id: &'static str, param: &'static str, label: Key, options: crate::ui::Options) -> impl IntoView {
    let query = use_query_map();
    let nav = QueryNav::new();
    let from_url = Memo::new(move |_| query.with(|q| q.get(param).unwrap_or_default()));
    let value = RwSignal::new(from_url.get_untracked());
    // The address may change under the select (the calendar's month buttons).
    Effect::new(move |_| {
        let v = from_url.get();
        if value.get_untracked() != v {
            value.set(v);
        }
    });
    Effect::new(move |prev: Option<()>| {
        let v = value.get();
        if prev.is_some() && v != from_url.get_untracked() {
            nav.set(param, v);
        }
    });
    view! { <SelectField id label value options any=Key::All /> }
}

/// The filters of the board, the table, the calendar and the timeline, kept in the URL.
#[component]
pub fn FilterBar() -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let query = use_query_map();
    let nav = QueryNav::new();
    let text = RwSignal::new(query.with_untracked(|q| q.get("q").unwrap_or_default()));
    // The search applies as the user types, once typing pauses.
    let pending = StoredValue::new_local(None::<TimeoutHandle>);
    let search = move |now: bool| {
        if let Some(handle) = pending.try_update_value(Option::take).flatten() {
            handle.clear();
        }
        let apply = move || {
            pending.try_set_value(None);
            let typed = text.get_untracked();
            if query.with_untracked(|q| q.get("q").unwrap_or_default()) != typed {
                nav.set("q", typed);
            }
        };
        if now {
            apply();
        } else if let Ok(handle) = set_timeout_with_handle(apply, SEARCH_DELAY) {
            pending.set_value(Some(handle));
        }
    };
    on_cleanup(move || {
        if let Some(handle) = pending.try_update_value(Option::take).flatten() {
            handle.clear();
        }
    });
    let current = filter_query();
    Effect::new(move |_| {
        let filters = current.get();
        if let Ok(Some(storage)) = window().session_storage() {
            let _ = storage.set_item(SAVED_FILTERS, &filters);
        }
    });
    // The address may change under the field (a link, the back button).
    Effect::new(move |_| {
        let q = query.with(|q| q.get("q").unwrap_or_default());
        if pending.with_value(Option::is_none) && text.get_untracked() != q {
            text.set(q);
        }
    });
    // On a phone the filters start folded away behind their heading.
    view! {
        <details class="filters-fold" prop:open=!is_phone()>
        <summary>{i18n.tr(Key::Filters)}</summary>
        <form class="filters form-grid" role="search" aria-label=i18n.tr(Key::Filters) on:submit=move |ev| {
            ev.prevent_default();
            search(true);
        }>
            <QuerySelect id="filter-area" param="area" label=Key::Area options=area_options />
            <QuerySelect id="filter-form" param="form" label=Key::Form options=form_options />
            <QuerySelect id="filter-party" param="party" label=Key::ProposingParty options=party_options />
            <QuerySelect id="filter-month" param="month" label=Key::Month options=month_options />
            <div class="field">
                <label for="filter-q">{i18n.tr(Key::SearchText)}</label>
                <input id="filter-q" type="search" prop:value=move || text.get()
                    on:input=move |ev| { text.set(event_target_value(&ev)); search(false) } />
            </div>
        </form>
        </details>
    }
}

/// Whether the window is a phone's width.
fn is_phone() -> bool {
    window()
        .inner_width()
        .ok()
        .and_then(|w| w.as_f64())
        .is_some_and(|w| w <= 640.0)
}
