//! UI languages and their strings, built from `locales/`: every language fetched from its own
//! file (`l10n/`) when first needed, so a reader downloads one language's strings, not five;
//! Russian also when it is needed as the fallback or for the officer card.

pub mod format;

use std::sync::OnceLock;

use jardam_core::i18n::{plural, ui_strings};
use leptos::prelude::*;

include!(concat!(env!("OUT_DIR"), "/locales.rs"));

pub use jardam_core::i18n::Lang;

/// The reader's language, shared with every component through context.
#[derive(Clone, Copy)]
pub struct I18n {
    /// The current UI language; setting it re-renders every string at once. Its strings are
    /// always loaded: change it with `state::language::choose`.
    pub lang: RwSignal<Lang>,
    /// A language asked for whose strings could not be had (the UI stays in another one).
    pub unavailable: RwSignal<Option<Lang>>,
}

impl I18n {
    /// The string for `key` in the current language (reactive).
    pub fn t(&self, key: Key) -> &'static str {
        text_in(self.lang.get(), key)
    }

    /// The string for `key` as a view that follows the language. Every text shares this one
    /// closure type, so the rendering code exists once instead of once per `move ||` closure.
    pub fn text(self, key: Key) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
        move || self.t(key)
    }

    /// The letters module's string for `key` as a view that follows the language (compiled
    /// in: see `ui_strings::LETTERS_PREFIX`).
    pub fn letter(
        self,
        key: LetterKey,
    ) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
        move || LETTER_STRINGS[self.lang.get() as usize][key as usize]
    }

    /// The string for `key` with each `{name}` replaced by its value.
    pub fn tf(&self, key: Key, args: &[(&str, &str)]) -> String {
        fill(self.t(key), args)
    }

    /// The plural form of `key` for the whole number `count` (by the CLDR rules of the current
    /// language), with each `{name}` replaced by its value (reactive).
    pub fn tp(&self, key: Plural, count: u64, args: &[(&str, &str)]) -> String {
        let lang = self.lang.get();
        let category = plural::category(lang.code(), count);
        let index = PLAIN + key as usize * plural::Category::ALL.len() + category as usize;
        fill(string(lang, index), args)
    }
}

fn fill(text: &str, args: &[(&str, &str)]) -> String {
    args.iter().fold(text.to_owned(), |text, (name, value)| {
        text.replace(&format!("{{{name}}}"), value)
    })
}

/// The Russian string for `key`, whatever the reader's language: for what is shown to an
/// officer (empty until Russian is [`load`]ed).
pub fn russian(key: Key) -> &'static str {
    text_in(Lang::Ru, key)
}

/// The string for `key` in `lang`, whatever the reader's language: consultant mode shows every
/// language at once. Empty until `lang`'s strings are [`load`]ed.
pub fn text_in(lang: Lang, key: Key) -> &'static str {
    string(lang, key as usize)
}

/// The fetched strings of each language, in `Lang` order.
static LOADED: [OnceLock<Vec<String>>; Lang::ALL.len()] =
    [const { OnceLock::new() }; Lang::ALL.len()];

/// String `index` of `ui_strings::table` order in `lang`, or in Russian (the fallback) when
/// `lang`'s are not loaded; empty when neither is.
fn string(lang: Lang, index: usize) -> &'static str {
    LOADED[lang as usize]
        .get()
        .or_else(|| LOADED[Lang::Ru as usize].get())
        .and_then(|strings| strings.get(index))
        .map_or("", String::as_str)
}

/// Whether `lang`'s strings are at hand.
pub fn loaded(lang: Lang) -> bool {
    LOADED[lang as usize].get().is_some()
}

/// Makes `lang`'s strings available: fetched from the app's own origin (the service worker's
/// precache once installed, so offline too; `index.html` preloads the reader's language in
/// parallel with the app) and checked against the SHA-256 the app was built with. False when
/// they could not be fetched or were not the right bytes.
pub async fn load(lang: Lang) -> bool {
    if loaded(lang) {
        return true;
    }
    let (path, sha256) = FILES[lang as usize];
    let Ok(bytes) = crate::platform::http::bytes(path).await else {
        return false;
    };
    match ui_strings::read(&bytes, sha256, STRINGS) {
        Ok(strings) => {
            let _ = LOADED[lang as usize].set(strings);
            true
        }
        Err(_) => false,
    }
}

/// The `I18n` provided by the app root.
pub fn use_i18n() -> I18n {
    expect_context()
}
