//! Small preferences kept in localStorage; a blocked storage only loses the preference.

use gloo_storage::{LocalStorage, Storage};

use crate::i18n::Lang;

const LANG_KEY: &str = "jardam.lang";

/// The saved UI language, else the first supported one the browser prefers, else Russian.
pub fn initial_lang() -> Lang {
    LocalStorage::get::<String>(LANG_KEY)
        .ok()
        .and_then(|code| Lang::from_code(&code))
        .or_else(browser_lang)
        .unwrap_or(Lang::Ru)
}

/// Remembers the UI language.
pub fn save_lang(lang: Lang) {
    let _ = LocalStorage::set(LANG_KEY, lang.code());
}

fn browser_lang() -> Option<Lang> {
    leptos::prelude::window()
        .navigator()
        .languages()
        .iter()
        .filter_map(|v| v.as_string())
        .find_map(|code| Lang::from_code(&code))
}
