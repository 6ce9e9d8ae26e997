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

const ATTEMPTS_KEY: &str = "jardam.sync.attempts";
const WIFI_ONLY_KEY: &str = "jardam.sync.wifi-only";

/// Recent sync attempts, newest first (empty when none or unreadable).
pub fn attempts() -> Vec<jardam_core::sync::Attempt> {
    LocalStorage::get(ATTEMPTS_KEY).unwrap_or_default()
}

/// Remembers recent sync attempts.
pub fn save_attempts(attempts: &[jardam_core::sync::Attempt]) {
    let _ = LocalStorage::set(ATTEMPTS_KEY, attempts);
}

/// Whether the user asked to update over Wi-Fi only.
pub fn wifi_only() -> bool {
    LocalStorage::get(WIFI_ONLY_KEY).unwrap_or(false)
}

/// Remembers the "Update over Wi-Fi only" setting.
pub fn set_wifi_only(on: bool) {
    let _ = LocalStorage::set(WIFI_ONLY_KEY, on);
}

const CITIZENSHIP_KEY: &str = "jardam.citizenship";
const WELCOMED_KEY: &str = "jardam.welcomed";

/// The reader's citizenship, if they chose one.
pub fn citizenship() -> Option<jardam_core::audience::Citizenship> {
    LocalStorage::get::<String>(CITIZENSHIP_KEY)
        .ok()
        .and_then(|code| jardam_core::audience::Citizenship::parse(&code))
}

/// Remembers the reader's citizenship (or forgets it).
pub fn set_citizenship(citizenship: Option<jardam_core::audience::Citizenship>) {
    match citizenship {
        Some(c) => {
            let _ = LocalStorage::set(CITIZENSHIP_KEY, c.code());
        }
        None => LocalStorage::delete(CITIZENSHIP_KEY),
    }
}

/// Whether the first-start questions were answered or skipped.
pub fn welcomed() -> bool {
    LocalStorage::get(WELCOMED_KEY).unwrap_or(false)
}

/// Remembers that the first-start questions were answered or skipped.
pub fn set_welcomed() {
    let _ = LocalStorage::set(WELCOMED_KEY, true);
}

const ANCHORS_KEY: &str = "jardam.dates";

/// The dates the reader entered for deadlines (entry, contract, patent, departure).
pub fn anchors() -> jardam_core::deadline::Anchors {
    let saved: std::collections::BTreeMap<String, String> =
        LocalStorage::get(ANCHORS_KEY).unwrap_or_default();
    let date = |name: &str| {
        saved
            .get(name)
            .and_then(|d| jardam_core::date::Date::parse(d).ok())
    };
    jardam_core::deadline::Anchors {
        entry: date("entry"),
        contract: date("contract"),
        patent: date("patent"),
        departure: date("departure"),
    }
}

/// Remembers the dates the reader entered.
pub fn save_anchors(anchors: &jardam_core::deadline::Anchors) {
    let saved: std::collections::BTreeMap<&str, String> = [
        ("entry", anchors.entry),
        ("contract", anchors.contract),
        ("patent", anchors.patent),
        ("departure", anchors.departure),
    ]
    .into_iter()
    .filter_map(|(name, date)| Some((name, date?.to_string())))
    .collect();
    let _ = LocalStorage::set(ANCHORS_KEY, saved);
}

fn ticked_key(checklist: &str) -> String {
    format!("jardam.ticked.{checklist}")
}

/// Ids of the ticked steps of a checklist.
pub fn ticked(checklist: &str) -> Vec<String> {
    LocalStorage::get(ticked_key(checklist)).unwrap_or_default()
}

/// Remembers the ticked steps of a checklist.
pub fn save_ticked(checklist: &str, steps: &[String]) {
    let _ = LocalStorage::set(ticked_key(checklist), steps);
}
