//! The screen for an address the app does not know.

use jardam_core::route::Page;
use leptos::prelude::*;

use crate::i18n::{Key, use_i18n};

/// Shown for unknown routes, with a way back.
#[component]
pub fn NotFound() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="screen" data-screen="not-found">
            <h1>{i18n.text(Key::NotFound)}</h1>
            <p>
                <a href=Page::Rights.href()>{i18n.text(Key::GoHome)}</a>
            </p>
        </section>
    }
}
