//! The app shell: header with the product name, navigation and the language
//! switcher; the routes; the API client in context.

use concord_client::Client;
use concord_shared::Lang;
use leptos::prelude::*;
use leptos_router::components::{A, Route, Router, Routes};
use leptos_router::path;

use crate::i18n::{I18n, Key};
use crate::pages::{agreement::AgreementPage, not_found::NotFound};

/// The root component.
#[component]
pub fn App() -> impl IntoView {
    let origin = window().location().origin().unwrap_or_default();
    provide_context(Client::new(origin));
    let i18n = I18n::init();
    provide_context(i18n);

    view! {
        <Router>
            <a class="skip-link" href="#main">{move || i18n.t(Key::SkipToContent)}</a>
            <header class="app-header">
                <A href="/" attr:class="brand">
                    "Concord"
                    <small>{move || i18n.t(Key::Tagline)}</small>
                </A>
                <nav class="app-nav" aria-label=move || i18n.t(Key::MainNavigation)>
                    <A href="/agreement">{move || i18n.t(Key::NavAgreement)}</A>
                </nav>
                <LanguageSwitcher />
            </header>
            <main id="main" tabindex="-1">
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=AgreementPage />
                    <Route path=path!("/agreement") view=AgreementPage />
                </Routes>
            </main>
            <footer class="app-footer">{move || i18n.t(Key::Footer)}</footer>
        </Router>
    }
}

/// Buttons for English, Azerbaijani and Georgian; the choice persists.
#[component]
fn LanguageSwitcher() -> impl IntoView {
    let i18n = expect_context::<I18n>();
    view! {
        <div class="lang-switch" role="group" aria-label=move || i18n.t(Key::Language)>
            {Lang::ALL
                .into_iter()
                .map(|lang| {
                    view! {
                        <button
                            type="button"
                            lang=lang.code()
                            data-lang=lang.code()
                            title=lang.native_name()
                            aria-pressed=move || (i18n.lang() == lang).to_string()
                            on:click=move |_| i18n.set_lang(lang)
                        >
                            {lang.code().to_uppercase()}
                        </button>
                    }
                })
                .collect_view()}
        </div>
    }
}
