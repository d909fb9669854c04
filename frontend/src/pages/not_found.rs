//! Shown for a path the app does not know.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::i18n::{I18n, Key};

/// The "page not found" view.
#[component]
pub fn NotFound() -> impl IntoView {
    let i18n = expect_context::<I18n>();
    view! {
        <h1>{move || i18n.t(Key::NotFoundTitle)}</h1>
        <p>{move || i18n.t(Key::NotFoundBody)}</p>
        <A href="/agreement">{move || i18n.t(Key::NavAgreement)}</A>
    }
}
