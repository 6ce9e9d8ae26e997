//! Hotlines: who to call, grouped by kind; and one contact's page.

use jardam_core::content::ContactKind;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use super::ScreenIntro;
use crate::content::Content;
use crate::i18n::{Key, use_i18n};
use crate::profile::Profile;
use crate::views::contact::{ContactCard, kind_key};
use crate::views::detail::Detail;
use crate::views::trust::Sources;

/// Groups in the order shown: emergency first.
const GROUPS: [&[ContactKind]; 5] = [
    &[ContactKind::Emergency],
    &[ContactKind::Embassy, ContactKind::Consulate],
    &[ContactKind::Ministry],
    &[ContactKind::Hotline],
    &[ContactKind::Ngo],
];

/// The Hotlines screen.
#[component]
pub fn Hotlines() -> impl IntoView {
    let i18n = use_i18n();
    let content = expect_context::<Content>();
    let profile = expect_context::<Profile>();
    let groups = move || {
        let pack = content.pack.get()?;
        let own = profile.citizenship.get().map(|c| c.code());
        Some(
            GROUPS
                .iter()
                .filter_map(|kinds| {
                    let mut cards: Vec<_> = pack
                        .contacts
                        .iter()
                        .filter(|c| kinds.contains(&c.kind))
                        .cloned()
                        .collect();
                    cards.sort_by_key(|c| Some(c.country.as_str()) != own);
                    if cards.is_empty() {
                        return None;
                    }
                    let key = kind_key(kinds[0]);
                    Some(view! {
                        <h2>{move || i18n.t(key)}</h2>
                        {cards
                            .into_iter()
                            .map(|contact| view! { <ContactCard contact=contact linked=true /> })
                            .collect_view()}
                    })
                })
                .collect_view(),
        )
    };
    view! {
        <section class="screen" data-screen="hotlines">
            <ScreenIntro title=Key::NavHotlines intro=Key::HotlinesIntro />
            <div id="contacts">{groups}</div>
        </section>
    }
}

/// One contact (`/hotlines/ID`), with its sources.
#[component]
pub fn ContactPage() -> impl IntoView {
    let content = expect_context::<Content>();
    let params = use_params_map();
    let page = move || {
        let id = params.read().get("id").unwrap_or_default();
        let contact = content.pack.get()?.contact(&id)?.clone();
        let (verified_on, sources) = (contact.verified_on, contact.sources.clone());
        Some(view! {
            <ContactCard contact=contact />
            <Sources verified_on=verified_on sources=sources />
        })
    };
    view! { <Detail screen="contact" back="/hotlines" page=move || page().map(IntoAny::into_any) /> }
}
