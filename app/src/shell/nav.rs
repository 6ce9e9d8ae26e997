//! The bottom navigation: the five destinations, always one tap away.

use crate::platform::location::use_location;
use leptos::prelude::*;

use super::icons::{Icon, IconView};
use crate::i18n::{Key, use_i18n};
use jardam_core::route::{Page, tab_is_current};

/// The five main destinations, in the order shown.
const TABS: [(Page, Key, Icon); 5] = [
    (Page::Rights, Key::NavRights, Icon::Rights),
    (Page::Hotlines, Key::NavHotlines, Icon::Hotlines),
    (Page::Checklists, Key::NavChecklists, Icon::Checklists),
    (Page::Help, Key::NavHelp, Icon::Help),
    (Page::More, Key::NavMore, Icon::More),
];

/// The tab bar at the bottom of every screen.
#[component]
pub fn BottomNav() -> impl IntoView {
    let i18n = use_i18n();
    let location = use_location();
    view! {
        <nav class="tabs" aria-label=i18n.text(Key::NavMain)>
            {TABS
                .into_iter()
                .map(|(page, key, icon)| {
                    let href = page.href();
                    let tab = href.clone();
                    view! {
                        <a
                            href=href
                            aria-current=move || {
                                location.path.with(|path| tab_is_current(&tab, path)).then_some("page")
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
