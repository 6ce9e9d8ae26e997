//! The bottom navigation: the five destinations, always one tap away.

use leptos::prelude::*;

use super::icons::{Icon, IconView};
use crate::i18n::{Key, use_i18n};
use crate::route::Location;
use jardam_core::route::tab_is_current;

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
    let location = expect_context::<Location>();
    view! {
        <nav class="tabs" aria-label=i18n.text(Key::NavMain)>
            {TABS
                .into_iter()
                .map(|(href, key, icon)| {
                    view! {
                        <a
                            href=href
                            aria-current=move || {
                                location.path.with(|path| tab_is_current(href, path)).then_some("page")
                            }
                        >
                            <IconView icon=icon />
                            <span>{i18n.text(key)}</span>
                        </a>
                    }
                })
                .collect_view()}
        </nav>
    }
}
