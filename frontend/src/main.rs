//! Concord's single-page app: Leptos, rendered in the browser, talking to the
//! API through `concord-client`.

mod app;
mod auth;
mod i18n;
mod pages;
mod ui;

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::App);
}
