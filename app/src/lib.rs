//! Jardam's browser client: a Leptos (CSR) app compiled to WebAssembly.
//!
//! The browser glue stays thin: decisions live in `jardam-core`.

mod app;
mod i18n;
pub mod letters;
pub mod platform;
mod screens;
mod shell;
mod state;
mod views;

/// The article body renderer, public for its browser tests (`app/tests/markup.rs`).
pub use views::markup::body as render_article_body;

/// Mounts the app, hidden, once the strings of the reader's language are at hand (Russian's when
/// they cannot be had); it takes the page over from the static page or the boot splash once its
/// content is on screen ([`platform::document::take_over`]). The device's database opens
/// meanwhile: both are on the way to the first screen. Without any strings (a broken
/// deployment: the service worker keeps every language once installed) the page stays, and the
/// splash says, in Russian and English, that the app could not load.
pub fn start() {
    // Leptos's task spawner is set up by `mount_to_body`: before it, the browser's own.
    wasm_bindgen_futures::spawn_local(async {
        let wanted = platform::prefs::initial_lang();
        let (loaded, store) =
            futures_util::future::join(i18n::load(wanted), platform::store::Store::open()).await;
        let document = leptos::prelude::document();
        let (lang, missing) = if loaded {
            (wanted, None)
        } else {
            if !i18n::load(i18n::Lang::Ru).await {
                if let Some(failed) = document.get_element_by_id("boot-failed") {
                    let _ = failed.remove_attribute("hidden");
                }
                return;
            }
            (i18n::Lang::Ru, Some(wanted))
        };
        leptos::mount::mount_to(platform::document::app_root(), move || {
            leptos::view! { <app::App lang missing store /> }
        })
        .forget();
    });
}
