//! Help now: what to do first when something has happened.

use leptos::prelude::*;

use super::ScreenIntro;
use crate::i18n::{Key, use_i18n};

/// The Help now screen; the emergency number is always on it.
#[component]
pub fn Help() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="screen" data-screen="help">
            <ScreenIntro title=Key::NavHelp intro=Key::HelpIntro />
            <a class="call-112" href="tel:112">{move || i18n.t(Key::HelpCall112)}</a>
        </section>
    }
}
