//! Jardam's browser client: a Leptos (CSR) app compiled to WebAssembly.

mod app;
mod feed;
mod i18n;
mod network;
mod prefs;
mod pwa;
mod screens;
mod shell;

fn main() {
    if let Some(splash) = leptos::prelude::document().get_element_by_id("boot") {
        splash.remove();
    }
    leptos::mount::mount_to_body(app::App);
}
