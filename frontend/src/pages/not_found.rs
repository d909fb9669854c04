//! Shown for a path the app does not know.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::i18n::{I18n, Key};

/// The "page not found" view.
#[component]
pub fn NotFound() -> impl IntoView {
    let i18n = expect_context::<I18n>();
    view! {
        <h1>{i18n.tr(Key::NotFoundTitle)}</h1>
        <p>{i18n.tr(Key::NotFoundBody)}</p>
        <A href="/agreement">{i18n.tr(Key::NavAgreement)}</A>
    }
}
