//! The bottom navigation: the five destinations, always one tap away.

use leptos::prelude::*;
use leptos_router::components::A;

use super::icons::{Icon, IconView};
use crate::i18n::{Key, use_i18n};

/// The five main destinations, in the order shown.
const TABS: [(&str, Key, Icon); 5] = [
    ("/rights", Key::NavRights, Icon::Rights),
    ("/hotlines", Key::NavHotlines, Icon::Hotlines),
    ("/checklists", Key::NavChecklists, Icon::Checklists),
    ("/help", Key::NavHelp, Icon::Help),
    ("/more", Key::NavMore, Icon::More),
];

/// The tab bar at the bottom of every screen.
#[component]
pub fn BottomNav() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <nav class="tabs" aria-label=move || i18n.t(Key::NavMain)>
            {TABS
                .into_iter()
                .map(|(href, key, icon)| {
                    view! {
                        <A href=href>
                            <IconView icon=icon />
                            <span>{move || i18n.t(key)}</span>
                        </A>
                    }
                })
                .collect_view()}
        </nav>
    }
}
