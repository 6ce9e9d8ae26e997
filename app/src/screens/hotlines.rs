//! Hotlines: who to call, grouped by kind; and one contact's page.

use super::ScreenIntro;
use crate::i18n::{Key, use_i18n};
use crate::state::content::use_content;
use crate::state::profile::use_profile;
use crate::views::contact::{ContactCard, kind_key};
use crate::views::detail::Detail;
use crate::views::trust::Sources;
use jardam_core::content::missions;
use jardam_core::content::{Contact, ContactKind};
use jardam_core::route::Page;
use leptos::prelude::*;

/// Groups in the order shown: emergency first.
const GROUPS: [&[ContactKind]; 5] = [
    &[ContactKind::Emergency],
    &[ContactKind::Embassy, ContactKind::Consulate],
    &[ContactKind::Ministry],
    &[ContactKind::Hotline],
    &[ContactKind::Ngo],
];

/// The Hotlines screen: pinned contacts and the emergency numbers first (their call buttons on
/// screen without scrolling on a small phone), then the region picker and the other groups (the
/// reader's own embassy first), filtered by region; other countries' organisations folded away
/// at the end.
///
/// Pinning redraws only what it changes: the pinned list, and the one card it hides or shows
/// in its group (each card hides itself while it is pinned), so the other cards stay as
/// they are. A keyed `<For>` would do the same for 4.4 KB of WebAssembly (BENCHMARKS.md).
#[component]
pub fn Hotlines() -> impl IntoView {
    let i18n = use_i18n();
    let content = use_content();
    let profile = use_profile();
    let pinned = move |id: &str| profile.favourites.with(|f| f.iter().any(|p| p == id));
    // Each card hides itself while it is pinned.
    let unpinned = move |contact: Contact| {
        let id = contact.id.clone();
        view! { <div hidden=move || pinned(&id)><ContactCard contact=contact linked=true /></div> }
    };
    let pinned_list = move || {
        let pack = content.pack.get()?;
        let cards: Vec<Contact> = profile
            .favourites
            .get()
            .iter()
            .filter_map(|id| pack.contact(id).cloned())
            .collect();
        (!cards.is_empty()).then(|| {
            let cards = cards
                .into_iter()
                .map(|contact| view! { <ContactCard contact=contact linked=true /> })
                .collect_view();
            view! {
                <h2 id="pinned">{i18n.text(Key::Favourites)}</h2>
                {cards}
            }
        })
    };
    // `top`: the emergency group; else every other group, then other countries' contacts.
    let groups = move |top: bool| {
        let pack = content.pack.get()?;
        let own = profile.citizenship.get().and_then(missions::country_of);
        let region = profile.region.get();
        let shown = |c: &&Contact| region.as_deref().is_none_or(|r| c.serves(r));
        let mut foreign = Vec::new();
        let grouped = GROUPS
            .iter()
            .filter(|kinds| (kinds[0] == ContactKind::Emergency) == top)
            .filter_map(|kinds| {
                let (away, mut list): (Vec<Contact>, Vec<Contact>) = pack
                    .contacts
                    .iter()
                    .filter(|c| kinds.contains(&c.kind))
                    .filter(shown)
                    .cloned()
                    .partition(|c| missions::is_foreign(c, own));
                foreign.extend(away);
                jardam_core::order::sort_short_by_key(&mut list, |c| missions::rank(c, own));
                if list.is_empty() {
                    return None;
                }
                let ids: Vec<String> = list.iter().map(|c| c.id.clone()).collect();
                let key = kind_key(kinds[0]);
                Some(view! {
                    {move || ids.iter().any(|id| !pinned(id)).then(|| view! { <h2>{i18n.text(key)}</h2> })}
                    {list.into_iter().map(unpinned).collect_view()}
                })
            })
            .collect_view();
        let foreign = (!foreign.is_empty()).then(|| {
            view! {
                <details id="other-countries">
                    <summary>{i18n.text(Key::OtherCountries)}</summary>
                    {foreign.into_iter().map(unpinned).collect_view()}
                </details>
            }
        });
        Some(view! { {grouped} {foreign} })
    };
    view! {
        <section class="screen" data-screen="hotlines">
            <ScreenIntro title=Key::NavHotlines intro=Key::HotlinesIntro />
            <div id="contacts">
                {pinned_list}
                {move || groups(true)}
                {move || {
                    content
                        .pack
                        .with(|pack| pack.as_ref().is_some_and(|p| p.contacts.iter().any(|c| c.provenance.machine_translated)))
                        .then(|| view! { <p class="badge info" data-review="machine-translated">{i18n.text(Key::ReviewMachine)}</p> })
                }}
                <RegionPicker />
                {move || groups(false)}
            </div>
        </section>
    }
}

/// Filters Hotlines by region or city; contacts that serve all of Russia always stay.
#[component]
fn RegionPicker() -> impl IntoView {
    let i18n = use_i18n();
    let content = use_content();
    let profile = use_profile();
    let options = move || {
        content.pack.get().map(|pack| {
            pack.regions
                .iter()
                .map(|r| {
                    let id = r.id.clone();
                    let chosen = id.clone();
                    view! {
                        <option value=id selected=move || profile.region.get().as_deref() == Some(chosen.as_str())>
                            {r.title.clone()}
                        </option>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <label class="field">
            <span>{i18n.text(Key::HotlinesRegion)}</span>
            <select
                id="region"
                on:change=move |ev| {
                    let id = event_target_value(&ev);
                    profile.set_region((!id.is_empty()).then_some(id));
                }
            >
                <option value="" selected=move || profile.region.get().is_none()>
                    {i18n.text(Key::AllRegions)}
                </option>
                {options}
            </select>
        </label>
    }
}

/// One contact (`/hotlines/ID`), with its sources.
#[component]
pub fn ContactPage(id: String) -> impl IntoView {
    let content = use_content();
    let title = {
        let id = id.clone();
        move || Some(content.pack.get()?.contact(&id)?.name.clone())
    };
    let page = move || {
        let contact = content.pack.get()?.contact(&id)?.clone();
        let provenance = contact.provenance.clone();
        Some(view! {
            <ContactCard contact=contact />
            <Sources provenance=provenance />
        })
    };
    view! { <Detail screen="contact" back=Page::Hotlines title page=move || page().map(IntoAny::into_any) /> }
}
