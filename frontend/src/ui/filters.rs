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
    view! {
        <form class="filters form-grid" role="search" aria-label=i18n.tr(Key::Filters) on:submit=move |ev| {
            ev.prevent_default();
            nav.set("q", text.get_untracked());
        }>
            <QuerySelect id="filter-area" param="area" label=Key::Area options=area_options />
            <QuerySelect id="filter-form" param="form" label=Key::Form options=form_options />
            <QuerySelect id="filter-party" param="party" label=Key::ProposingParty options=party_options />
            <QuerySelect id="filter-month" param="month" label=Key::Month options=month_options />
            <div class="field">
                <label for="filter-q">{i18n.tr(Key::SearchText)}</label>
                <input id="filter-q" type="search" prop:value=move || text.get()
                    on:input=move |ev| text.set(event_target_value(&ev))
                    on:change=move |ev| nav.set("q", event_target_value(&ev)) />
            </div>
        </form>
    }
}
