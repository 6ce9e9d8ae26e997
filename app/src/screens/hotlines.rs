//! Hotlines: who to call.

use leptos::prelude::*;

use super::ScreenIntro;
use crate::i18n::{Key, use_i18n};

/// The Hotlines screen.
#[component]
pub fn Hotlines() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="screen" data-screen="hotlines">
            <ScreenIntro title=Key::NavHotlines intro=Key::HotlinesIntro />
            <p class="placeholder">{move || i18n.t(Key::ComingSoon)}</p>
        </section>
    }
}
