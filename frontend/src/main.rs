//! Concord's single-page app: Leptos, rendered in the browser, talking to the
//! API through `concord-client`.

mod app;
mod auth;
mod i18n;
mod live;
mod pages;
mod ui;

fn main() {
    // The hook formats panic messages for the console; in the release build
    // its formatting machinery costs more bytes than it is worth (the
    // release profile aborts on panic anyway).
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::App);
}
