//! Checklists: which papers, by when.

use leptos::prelude::*;

use super::ScreenIntro;
use crate::i18n::{Key, use_i18n};

/// The Checklists screen.
#[component]
pub fn Checklists() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="screen" data-screen="checklists">
            <ScreenIntro title=Key::NavChecklists intro=Key::ChecklistsIntro />
            <p class="placeholder">{move || i18n.t(Key::ComingSoon)}</p>
        </section>
    }
}
