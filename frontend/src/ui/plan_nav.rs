//! The heading and tabs every page of one plan shares, and the plan year of
//! the route.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use concord_shared::api::Plan;

use crate::i18n::{I18n, Key};
use crate::ui::filters::filter_query;
use crate::ui::labels::{amending_attr, shown_plan_state, shown_state_text};
use crate::ui::print::PrintHeader;

/// The year in the route (`/plans/:year/...`), 0 when it is not a number.
pub fn route_year() -> Memo<i32> {
    let params = use_params_map();
    Memo::new(move |_| params.with(|p| p.get("year").and_then(|y| y.parse().ok()).unwrap_or(0)))
}

/// The tabs of one plan's views.
#[component]
pub fn PlanTabs(year: i32) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    // The filters follow the user from one view of the plan to the next.
    let filters = filter_query();
    let tab = move |path: &'static str, key: Key| {
        let filtered = !matches!(key, Key::TabOverview | Key::TabInbox);
        let href = move || {
            if filtered {
                format!("/plans/{year}{path}{}", filters.get())
            } else {
                format!("/plans/{year}{path}")
            }
        };
        view! { <A href=href exact=true attr:data-tab=key_name(key)>{i18n.tr(key)}</A> }
    };
    view! {
        <nav class="tabs" aria-label=i18n.tr(Key::PlanViews)>
            {tab("", Key::TabOverview)}
            {tab("/board", Key::TabBoard)}
            {tab("/table", Key::TabTable)}
            {tab("/inbox", Key::TabInbox)}
            // The calendar, the timeline and the dashboard
            {tab("/calendar", Key::ViewsTabCalendar)}
            {tab("/timeline", Key::ViewsTabTimeline)}
            {tab("/dashboard", Key::ViewsTabDashboard)}
        </nav>
    }
}

/// The heading of a plan's views: year, state and the tabs; when printed,
/// the plan and its version (`version` on a signed version's page) on
/// every page.
#[component]
pub fn PlanHeader(
    year: i32,
    #[prop(optional)] plan: Option<Plan>,
    #[prop(optional)] version: Option<i32>,
) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    view! {
        <PrintHeader year plan=plan.clone() version />
        <h1>
            {move || i18n.t(Key::PlanOfYear).replace("{year}", &year.to_string())}
            {plan.map(|plan| {
                let shown = shown_plan_state(&plan);
                view! { " " <span class="badge ok" data-testid="plan-state" data-state=plan.state.code() data-amending=amending_attr(shown)>{move || shown_state_text(i18n, shown)}</span> }
            })}
        </h1>
        <PlanTabs year />
    }
}

fn key_name(key: Key) -> &'static str {
    match key {
        Key::TabBoard => "board",
        Key::TabTable => "table",
        Key::TabInbox => "inbox",
        Key::ViewsTabCalendar => "calendar",
        Key::ViewsTabTimeline => "timeline",
        Key::ViewsTabDashboard => "dashboard",
        _ => "overview",
    }
}
