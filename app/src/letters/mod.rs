//! The letters page, `letters.html` at `/letters` and `/letters/ID`: a page of its own with a
//! WebAssembly module of its own (`src/bin/letters.rs`), so its form, composing and printing
//! cost the app shell nothing (BENCHMARKS.md, "Letters"). The app's links to it load it as a
//! page; its Back link loads the app again.
//!
//! It reads the letter templates from the packs the app stored on the phone (the reader's
//! language filled in from Russian), or from the bundled feed when the device's database
//! cannot be used. What the reader types is gone when they leave the page.

mod form;
mod list;

use jardam_core::codec::json;
use jardam_core::content::letter::{self, PackLetters};
use jardam_core::content::limits;
use jardam_core::feed::Manifest;
use jardam_core::route::Page;
use jardam_core::sync::FALLBACK_LANG;
use jardam_core::sync::installed::BUNDLED_FEED;
use leptos::prelude::*;

use crate::i18n::{self, I18n, Key, Lang};
use crate::platform::store::{PACKS, Store};
use crate::platform::{document, http, prefs};

/// `lang`'s letters as the phone stores its pack; `None` when it stores none.
async fn stored(store: &Store, lang: &str) -> Option<PackLetters> {
    let text = store.get(PACKS, lang).await.ok()??;
    json::from_slice(text.as_bytes()).ok()
}

/// `lang`'s letters from the bundled feed (the app's own, shipped and precached with this
/// code, so no more to be checked than the code is).
async fn bundled(lang: &str) -> Option<PackLetters> {
    let manifest = http::bytes(&format!("{BUNDLED_FEED}manifest.json"))
        .await
        .ok()?;
    let manifest: Manifest = json::from_slice(&manifest).ok()?;
    let entry = manifest.pack(lang).ok()?;
    let bytes = http::bytes(&format!("{BUNDLED_FEED}{}", entry.file))
        .await
        .ok()?;
    json::from_slice(&bytes).ok()
}

/// The letters for a reader of `lang`, from the phone's packs or else the bundled feed.
async fn letters_of(store: Option<&Store>, lang: &str) -> PackLetters {
    let stored = match store {
        Some(store) => stored(store, lang).await,
        None => None,
    };
    let read = match stored {
        Some(letters) => Some(letters),
        None => bundled(lang).await,
    };
    read.filter(|l| limits::check_letters(l).is_ok())
        .unwrap_or_default()
}

/// Mounts the letters page on the body, in the reader's language: the letter the address
/// names (`/letters/ID`), or the list of letters.
pub fn start() {
    wasm_bindgen_futures::spawn_local(async {
        let wanted = prefs::initial_lang();
        let lang = if i18n::load(wanted).await {
            wanted
        } else if i18n::load(Lang::Ru).await {
            Lang::Ru
        } else {
            return;
        };
        document::set_lang(lang.code());
        let store = Store::open().await.ok();
        let fallback = letters_of(store.as_ref(), FALLBACK_LANG).await;
        let letters = if lang.code() == FALLBACK_LANG {
            fallback
        } else {
            letters_of(store.as_ref(), lang.code())
                .await
                .filled_from(&fallback)
        };
        let path = window().location().pathname().unwrap_or_default();
        let id = letter::page_id(&path).map(str::to_owned);
        if let Some(splash) = leptos::prelude::document().get_element_by_id("boot") {
            splash.remove();
        }
        leptos::mount::mount_to_body(move || {
            provide_context(I18n {
                lang: RwSignal::new(lang),
                unavailable: RwSignal::new(None),
            });
            let i18n = i18n::use_i18n();
            // Back from a letter goes to the list, from the list to the app.
            let back = match id {
                Some(_) => letter::LETTERS_PAGE.to_owned(),
                None => Page::Rights.href(),
            };
            let screen = match id {
                Some(id) => match letters.letter(&id).cloned() {
                    Some(letter) => view! { <form::LetterForm letter /> }.into_any(),
                    None => view! { <p>{i18n.text(Key::ItemNotFound)}</p> }.into_any(),
                },
                None => view! { <list::LetterList letters /> }.into_any(),
            };
            view! {
                <main id="main">
                    <section class="screen" data-screen="letters">
                        <div class="detail-bar">
                            <a class="back" href=back>{i18n.text(Key::Back)}</a>
                        </div>
                        {screen}
                    </section>
                </main>
            }
        });
    });
}
