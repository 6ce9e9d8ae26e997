//! Jardam's browser client: a Leptos (CSR) app compiled to WebAssembly.
//!
//! The browser glue stays thin: decisions live in `jardam-core`.

mod app;
mod content;
mod feed;
mod files;
mod format;
mod handoff;
mod i18n;
mod network;
mod prefs;
mod profile;
mod pwa;
mod route;
mod screens;
mod sharing;
mod shell;
pub mod store;
mod sync;
mod views;

/// The article body renderer, public for its browser tests (`app/tests/markup.rs`).
pub use views::markup::body as render_article_body;

/// Mounts the app on the page, replacing the boot splash.
pub fn start() {
    if let Some(splash) = leptos::prelude::document().get_element_by_id("boot") {
        splash.remove();
    }
    leptos::mount::mount_to_body(app::App);
}
