//! The app shell: header with the product name, the signed-in user, the
//! navigation their role allows and the language switcher; the routes; the
//! API client and the session in context. Signed out, every page but the
//! login page sends the browser to `/login?next=<where it was>`.

use concord_client::Client;
use concord_shared::Lang;
use concord_shared::rules::roles::{may_see_tokens_page, may_see_users_page};
use concord_shared::rules::webhooks::may_manage as may_manage_webhooks;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::{A, Route, Router, Routes};
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::path;
use leptos_router::{Lazy, LazyRoute, NavigateOptions};

use crate::auth::{Auth, Boot, Notice};
use crate::i18n::{I18n, Key};
use crate::pages::activity::{ActivityPage, NewActivityPage};
use crate::pages::board::{BoardPage, InboxPage, TablePage};
use crate::pages::inbox::WorkQueuePage;
use crate::pages::plan::{PlanPage, PlansPage};
use crate::pages::{
    account::AccountPage, agreement::AgreementPage, alerts::AlertsPage, login::LoginPage, not_found::NotFound,
    tokens::TokensPage, users::UsersPage, webhooks::WebhooksPage, who::WhoPage,
};
// Register (instruments, authorities, notifications)
use crate::pages::authorities::AuthoritiesPage;
use crate::pages::instruments::{EditInstrumentPage, InstrumentPage, InstrumentsPage, NewInstrumentPage};
// Plan lifecycle (signatures, versions, amendments, execution, carry-over)
use crate::pages::versions::{ComparePage, VersionPage, VersionsPage};
use crate::ui::Loading;
// The calendar, the timeline and the dashboard
use crate::pages::views::{CalendarPage, DashboardPage, TimelinePage};
use crate::ui::feedback::LoadError;

/// A page whose code the release build splits out of the initial wasm: its
/// route is lazy and its view comes from one of the page groups below, each
/// a `#[lazy]` function (a split point) with the `split` feature on. The
/// router loads the group's module the first time one of its pages is
/// visited. The split needs `wasm-split` on the linked wasm (`cargo xtask
/// spa`); a build without the feature (`trunk serve` in development) keeps
/// every page in the main wasm and the routes work the same.
macro_rules! split_page {
    ($route:ident, $load:ident, $page:expr) => {
        #[doc = concat!("The lazily loaded route of `", stringify!($page), "`.")]
        struct $route;

        impl LazyRoute for $route {
            fn data() -> Self {
                Self
            }

            async fn view(_: Self) -> AnyView {
                $load($page).await
            }
        }
    };
}

/// Defines `$load(page)`: the view of a page of the group `$group` (of
/// type `$pages`), made once the group's module (fetched by `$preload`,
/// which `#[lazy]` generates) and the page texts' module are both loaded.
/// They are fetched side by side, and a page never reads a text before its
/// table is there.
macro_rules! group_loader {
    ($load:ident, $group:ident, $preload:ident, $pages:ident) => {
        #[doc = concat!("A page of `", stringify!($group), "`, with the page texts.")]
        #[cfg(feature = "split")]
        async fn $load(page: $pages) -> AnyView {
            leptos::task::spawn_local(crate::i18n::load_page_texts());
            $preload().await;
            crate::i18n::load_page_texts().await;
            $group(page).await
        }

        #[doc = concat!("A page of `", stringify!($group), "` (one wasm: nothing to load).")]
        #[cfg(not(feature = "split"))]
        async fn $load(page: $pages) -> AnyView {
            $group(page)
        }
    };
}

// Pages are split in a few groups rather than one module each: wasm-split
// puts the code shared by any set of split points into a module of its own,
// so fifteen split points made 161 modules and 44 requests for the users
// page; a group is one split point, and at most a handful of shared modules.

/// The plans, their board, table and inbox, the work queue, and the activity pages.
#[derive(Clone, Copy)]
#[repr(u8)]
enum PlanPages {
    Plans,
    Plan,
    Board,
    Table,
    Inbox,
    WorkQueue,
    NewActivity,
    Activity,
}

#[cfg_attr(feature = "split", leptos::lazy)]
fn plan_pages(page: PlanPages) -> AnyView {
    match page {
        PlanPages::Plans => view! { <PlansPage /> }.into_any(),
        PlanPages::Plan => view! { <PlanPage /> }.into_any(),
        PlanPages::Board => view! { <BoardPage /> }.into_any(),
        PlanPages::Table => view! { <TablePage /> }.into_any(),
        PlanPages::Inbox => view! { <InboxPage /> }.into_any(),
        PlanPages::WorkQueue => view! { <WorkQueuePage /> }.into_any(),
        PlanPages::NewActivity => view! { <NewActivityPage /> }.into_any(),
        PlanPages::Activity => view! { <ActivityPage /> }.into_any(),
    }
}

/// The user's account and the administrators' users and API tokens.
#[derive(Clone, Copy)]
#[repr(u8)]
enum AccountPages {
    Account,
    Users,
    Tokens,
    Webhooks,
    Alerts,
    Who,
}

#[cfg_attr(feature = "split", leptos::lazy)]
fn account_pages(page: AccountPages) -> AnyView {
    match page {
        AccountPages::Account => view! { <AccountPage /> }.into_any(),
        AccountPages::Users => view! { <UsersPage /> }.into_any(),
        AccountPages::Tokens => view! { <TokensPage /> }.into_any(),
        AccountPages::Webhooks => view! { <WebhooksPage /> }.into_any(),
        AccountPages::Alerts => view! { <AlertsPage /> }.into_any(),
        AccountPages::Who => view! { <WhoPage /> }.into_any(),
    }
}

/// The register of instruments and the competent authorities.
#[derive(Clone, Copy)]
#[repr(u8)]
enum RegisterPages {
    Instruments,
    NewInstrument,
    Instrument,
    EditInstrument,
    Authorities,
}

#[cfg_attr(feature = "split", leptos::lazy)]
fn register_pages(page: RegisterPages) -> AnyView {
    match page {
        RegisterPages::Instruments => view! { <InstrumentsPage /> }.into_any(),
        RegisterPages::NewInstrument => view! { <NewInstrumentPage /> }.into_any(),
        RegisterPages::Instrument => view! { <InstrumentPage /> }.into_any(),
        RegisterPages::EditInstrument => view! { <EditInstrumentPage /> }.into_any(),
        RegisterPages::Authorities => view! { <AuthoritiesPage /> }.into_any(),
    }
}

/// A plan's signed versions and their comparison, its calendar, timeline and
/// dashboard: read now and then, so a group of their own.
#[derive(Clone, Copy)]
#[repr(u8)]
enum PlanViews {
    Versions,
    Compare,
    Version,
    Calendar,
    Timeline,
    Dashboard,
}

#[cfg_attr(feature = "split", leptos::lazy)]
fn plan_views(page: PlanViews) -> AnyView {
    match page {
        PlanViews::Versions => view! { <VersionsPage /> }.into_any(),
        PlanViews::Compare => view! { <ComparePage /> }.into_any(),
        PlanViews::Version => view! { <VersionPage /> }.into_any(),
        PlanViews::Calendar => view! { <CalendarPage /> }.into_any(),
        PlanViews::Timeline => view! { <TimelinePage /> }.into_any(),
        PlanViews::Dashboard => view! { <DashboardPage /> }.into_any(),
    }
}

group_loader!(load_plan_pages, plan_pages, __preload_plan_pages, PlanPages);
group_loader!(load_account_pages, account_pages, __preload_account_pages, AccountPages);
group_loader!(
    load_register_pages,
    register_pages,
    __preload_register_pages,
    RegisterPages
);
group_loader!(load_plan_views, plan_views, __preload_plan_views, PlanViews);

split_page!(SplitPlansPage, load_plan_pages, PlanPages::Plans);
split_page!(SplitPlanPage, load_plan_pages, PlanPages::Plan);
split_page!(SplitBoardPage, load_plan_pages, PlanPages::Board);
split_page!(SplitTablePage, load_plan_pages, PlanPages::Table);
split_page!(SplitInboxPage, load_plan_pages, PlanPages::Inbox);
split_page!(SplitWorkQueuePage, load_plan_pages, PlanPages::WorkQueue);
split_page!(SplitNewActivityPage, load_plan_pages, PlanPages::NewActivity);
split_page!(SplitActivityPage, load_plan_pages, PlanPages::Activity);
split_page!(SplitAccountPage, load_account_pages, AccountPages::Account);
split_page!(SplitUsersPage, load_account_pages, AccountPages::Users);
split_page!(SplitTokensPage, load_account_pages, AccountPages::Tokens);
split_page!(SplitWebhooksPage, load_account_pages, AccountPages::Webhooks);
split_page!(SplitAlertsPage, load_account_pages, AccountPages::Alerts);
split_page!(SplitWhoPage, load_account_pages, AccountPages::Who);
split_page!(SplitInstrumentsPage, load_register_pages, RegisterPages::Instruments);
split_page!(
    SplitNewInstrumentPage,
    load_register_pages,
    RegisterPages::NewInstrument
);
split_page!(SplitInstrumentPage, load_register_pages, RegisterPages::Instrument);
split_page!(
    SplitEditInstrumentPage,
    load_register_pages,
    RegisterPages::EditInstrument
);
split_page!(SplitAuthoritiesPage, load_register_pages, RegisterPages::Authorities);
split_page!(SplitVersionsPage, load_plan_views, PlanViews::Versions);
split_page!(SplitComparePage, load_plan_views, PlanViews::Compare);
split_page!(SplitVersionPage, load_plan_views, PlanViews::Version);
split_page!(SplitCalendarPage, load_plan_views, PlanViews::Calendar);
split_page!(SplitTimelinePage, load_plan_views, PlanViews::Timeline);
split_page!(SplitDashboardPage, load_plan_views, PlanViews::Dashboard);

/// The root component.
#[component]
pub fn App() -> impl IntoView {
    let origin = window().location().origin().unwrap_or_default();
    let client = Client::new(origin);
    provide_context(client.clone());
    let i18n = I18n::init();
    provide_context(i18n);
    let auth = Auth::init(client);
    crate::live::Live::init(auth);
    crate::ui::alert_bell::AlertCount::init();
    crate::ui::inbox_count::QueueCount::init();

    view! {
        <Router>
            <Shell />
        </Router>
    }
}

#[component]
fn Shell() -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let auth = expect_context::<Auth>();
    let client = expect_context::<Client>();
    let location = use_location();
    let navigate = use_navigate();
    let on_login_page = Memo::new(move |_| location.pathname.get() == "/login");
    let boot = Memo::new(move |_| auth.boot());
    let signed_in = Memo::new(move |_| auth.is_signed_in());

    // Signed out anywhere but on the login page: go there, and come back after.
    Effect::new(move |_| {
        if boot.get() != Boot::Ready || signed_in.get() || on_login_page.get() {
            return;
        }
        let target = if auth.notice() == Some(Notice::SignedOut) {
            "/login".to_owned()
        } else {
            let path = location.pathname.get_untracked();
            let search = location.search.get_untracked();
            let here = if search.is_empty() {
                path
            } else {
                format!("{path}?{search}")
            };
            format!(
                "/login?next={}",
                String::from(web_sys::js_sys::encode_uri_component(&here))
            )
        };
        navigate(
            &target,
            NavigateOptions {
                replace: true,
                ..Default::default()
            },
        );
    });

    let show_routes = Memo::new(move |_| signed_in.get() || on_login_page.get());

    // A route change (not the first page) takes focus to the new page's
    // heading, where a keyboard or screen reader user goes on from.
    Effect::new(move |previous: Option<String>| {
        let path = location.pathname.get();
        if previous.is_some_and(|p| p != path) {
            crate::ui::focus::focus_new_heading();
        }
        path
    });

    view! {
        <a class="skip-link" href="#main" on:click=|ev| {
            // Focused, not only scrolled to: the next Tab goes on from the content.
            ev.prevent_default();
            crate::ui::focus::focus_main();
        }>{i18n.tr(Key::SkipToContent)}</a>
        <header class="app-header">
            <A href="/" attr:class="brand">
                "Concord"
                <small>{i18n.tr(Key::Tagline)}</small>
            </A>
            <Navigation />
            <UserBox />
            <LanguageSwitcher />
        </header>
        <crate::ui::live_note::LiveNote />
        <main id="main" tabindex="-1">
            {move || match boot.get() {
                Boot::Checking => view! { <Loading /> }.into_any(),
                Boot::Failed(problem) => {
                    let client = client.clone();
                    view! { <LoadError problem on_retry=move |_| auth.check(client.clone()) /> }.into_any()
                }
                Boot::Ready if show_routes.get() => {
                    view! {
                        <Routes fallback=NotFound>
                            <Route path=path!("/login") view=LoginPage />
                            <Route path=path!("/") view=AgreementPage />
                            <Route path=path!("/agreement") view=AgreementPage />
                            <Route path=path!("/plans") view={Lazy::<SplitPlansPage>::new()} />
                            <Route path=path!("/plans/:year") view={Lazy::<SplitPlanPage>::new()} />
                            <Route path=path!("/plans/:year/board") view={Lazy::<SplitBoardPage>::new()} />
                            <Route path=path!("/plans/:year/table") view={Lazy::<SplitTablePage>::new()} />
                            <Route path=path!("/plans/:year/inbox") view={Lazy::<SplitInboxPage>::new()} />
                            <Route path=path!("/plans/:year/new") view={Lazy::<SplitNewActivityPage>::new()} />
                            <Route path=path!("/activities/:id") view={Lazy::<SplitActivityPage>::new()} />
                            <Route path=path!("/inbox") view={Lazy::<SplitWorkQueuePage>::new()} />
                            <Route path=path!("/account") view={Lazy::<SplitAccountPage>::new()} />
                            <Route path=path!("/users") view={Lazy::<SplitUsersPage>::new()} />
                            <Route path=path!("/tokens") view={Lazy::<SplitTokensPage>::new()} />
                            <Route path=path!("/webhooks") view={Lazy::<SplitWebhooksPage>::new()} />
                            <Route path=path!("/alerts") view={Lazy::<SplitAlertsPage>::new()} />
                            <Route path=path!("/who") view={Lazy::<SplitWhoPage>::new()} />
                            // Register (instruments, authorities, notifications)
                            <Route path=path!("/instruments") view={Lazy::<SplitInstrumentsPage>::new()} />
                            <Route path=path!("/instruments/new") view={Lazy::<SplitNewInstrumentPage>::new()} />
                            <Route path=path!("/instruments/:id") view={Lazy::<SplitInstrumentPage>::new()} />
                            <Route path=path!("/instruments/:id/edit") view={Lazy::<SplitEditInstrumentPage>::new()} />
                            <Route path=path!("/authorities") view={Lazy::<SplitAuthoritiesPage>::new()} />
                            // Plan lifecycle: versions (compare before `:n`, so it is not read as a number)
                            <Route path=path!("/plans/:year/versions") view={Lazy::<SplitVersionsPage>::new()} />
                            <Route path=path!("/plans/:year/versions/compare") view={Lazy::<SplitComparePage>::new()} />
                            <Route path=path!("/plans/:year/versions/:n") view={Lazy::<SplitVersionPage>::new()} />
                            // The calendar, the timeline and the dashboard
                            <Route path=path!("/plans/:year/calendar") view={Lazy::<SplitCalendarPage>::new()} />
                            <Route path=path!("/plans/:year/timeline") view={Lazy::<SplitTimelinePage>::new()} />
                            <Route path=path!("/plans/:year/dashboard") view={Lazy::<SplitDashboardPage>::new()} />
                        </Routes>
                    }
                        .into_any()
                }
                Boot::Ready => view! { <Loading /> }.into_any(),
            }}
        </main>
        <footer class="app-footer">{i18n.tr(Key::Footer)}</footer>
    }
}

/// The sections the signed-in user's role allows (the shared policy decides).
#[component]
fn Navigation() -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let auth = expect_context::<Auth>();
    move || {
        auth.actor().map(|actor| {
            view! {
                <nav class="app-nav" aria-label=i18n.tr(Key::MainNavigation)>
                    <A href="/agreement" attr:data-nav="agreement">
                        {i18n.tr(Key::NavAgreement)}
                    </A>
                    <A href="/plans" attr:data-nav="plans">
                        {i18n.tr(Key::NavPlans)}
                    </A>
                    <crate::ui::inbox_count::InboxLink />
                    <A href="/account" attr:data-nav="account">
                        {i18n.tr(Key::NavAccount)}
                    </A>
                    <crate::ui::alert_bell::AlertBell />
                    {may_see_users_page(actor).is_ok()
                        .then(|| {
                            view! {
                                <A href="/users" attr:data-nav="users">
                                    {i18n.tr(Key::NavUsers)}
                                </A>
                            }
                        })}
                    {may_see_tokens_page(actor).is_ok()
                        .then(|| {
                            view! {
                                <A href="/tokens" attr:data-nav="tokens">
                                    {i18n.tr(Key::NavTokens)}
                                </A>
                            }
                        })}
                    {may_manage_webhooks(actor).is_ok()
                        .then(|| {
                            view! {
                                <A href="/webhooks" attr:data-nav="webhooks">
                                    {i18n.tr(Key::NavWebhooks)}
                                </A>
                            }
                        })}
                    // Register (instruments, authorities, notifications): everyone signed in reads them.
                    <A href="/instruments" attr:data-nav="instruments">
                        {i18n.tr(Key::RegNavRegister)}
                    </A>
                    <A href="/authorities" attr:data-nav="authorities">
                        {i18n.tr(Key::RegNavAuthorities)}
                    </A>
                    <A href="/who" attr:data-nav="who">
                        {i18n.tr(Key::NavWho)}
                    </A>
                </nav>
            }
        })
    }
}

/// Who is signed in, and the way out.
#[component]
fn UserBox() -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let auth = expect_context::<Auth>();
    let client = expect_context::<Client>();
    let signing_out = RwSignal::new(false);
    let sign_out = move |_| {
        if signing_out.get_untracked() {
            return;
        }
        signing_out.set(true);
        let client = client.clone();
        spawn_local(async move {
            // Whatever the server says, this browser forgets the user.
            let _ = client.logout().await;
            signing_out.set(false);
            auth.signed_out();
        });
    };
    move || {
        auth.me().map(|me| {
            let role = me.role;
            view! {
                <div class="user-box" role="group" aria-label=i18n.tr(Key::SignedInUser)>
                    <span class="user-name" data-testid="user-name">{me.display_name.clone()}</span>
                    <span class="party-code" data-testid="user-party">{me.party.short()}</span>
                    <span class="user-role" data-testid="user-role">{move || role.label(i18n.lang())}</span>
                    <button
                        type="button"
                        class="ghost"
                        data-testid="sign-out"
                        disabled=move || signing_out.get()
                        on:click=sign_out.clone()
                    >
                        {i18n.tr(Key::SignOut)}
                    </button>
                </div>
            }
        })
    }
}

/// Buttons for English, Azerbaijani and Georgian; the choice persists on
/// this machine and, signed in, on the server (it is the user's).
#[component]
fn LanguageSwitcher() -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let auth = expect_context::<Auth>();
    let client = expect_context::<Client>();
    view! {
        <div class="lang-switch" role="group" aria-label=i18n.tr(Key::Language)>
            {Lang::ALL
                .into_iter()
                .map(|lang| {
                    let client = client.clone();
                    view! {
                        <button
                            type="button"
                            lang=lang.code()
                            data-lang=lang.code()
                            title=lang.native_name()
                            aria-pressed=move || (i18n.lang() == lang).to_string()
                            on:click=move |_| auth.choose_language(lang, client.clone())
                        >
                            {lang.code().to_uppercase()}
                        </button>
                    }
                })
                .collect_view()}
        </div>
    }
}
