//! Notices pushed by the service worker ("Update available", "Ready to work offline") and the
//! one for a language whose strings could not be loaded.

use crate::platform::service_worker::use_pwa;
use leptos::prelude::*;

use crate::i18n::{Key, use_i18n};

/// Shows the update prompt and the first-install notice when the worker reports them, floating
/// above the tab bar so that their arrival never pushes the page's content down.
#[component]
pub fn Notices() -> impl IntoView {
    let i18n = use_i18n();
    let pwa = use_pwa();
    let dismissed = RwSignal::new(false);
    view! {
        <div class="notices">
        <Show when=move || pwa.update_ready.get() && !dismissed.get()>
            <div class="notice" role="alert" id="update-notice">
                <span>{i18n.text(Key::UpdateAvailable)}</span>
                <button class="primary" on:click=move |_| pwa.apply_update()>
                    {i18n.text(Key::UpdateApply)}
                </button>
                <button on:click=move |_| dismissed.set(true)>{i18n.text(Key::UpdateLater)}</button>
            </div>
        </Show>
        <Show when=move || pwa.offline_ready.get()>
            <div class="notice ok" role="status" id="offline-ready">
                <span>{i18n.text(Key::OfflineReady)}</span>
                <button on:click=move |_| pwa.offline_ready.set(false)>{i18n.text(Key::Close)}</button>
            </div>
        </Show>
        {move || i18n.unavailable.get().map(|lang| view! {
            <div class="notice" role="alert" id="language-unavailable">
                <span>{i18n.tf(Key::LanguageUnavailable, &[("language", lang.native_name())])}</span>
                <button on:click=move |_| i18n.unavailable.set(None)>{i18n.text(Key::Close)}</button>
            </div>
        })}
        </div>
    }
}
