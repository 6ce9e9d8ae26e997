//! Rights: categories of articles.

use leptos::prelude::*;

use super::ScreenIntro;
use crate::i18n::{Key, use_i18n};

/// The Rights screen.
#[component]
pub fn Rights() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="screen" data-screen="rights">
            <ScreenIntro title=Key::NavRights intro=Key::RightsIntro />
            <p class="placeholder">{move || i18n.t(Key::ComingSoon)}</p>
        </section>
    }
}
