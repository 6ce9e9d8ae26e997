//! Small preferences kept in localStorage; a blocked storage only loses the preference.

use gloo_storage::{LocalStorage, Storage};
use jardam_core::codec::json::{self, FromJson, ToJson};

use jardam_core::i18n::Lang;

/// The browser's localStorage through gloo-storage, or `None` where the browser blocks it
/// (gloo-storage's accessor throws there, so the window is asked first).
fn local_storage() -> Option<web_sys::Storage> {
    let usable = leptos::prelude::window()
        .local_storage()
        .is_ok_and(|storage| storage.is_some());
    usable.then(LocalStorage::raw)
}

/// The JSON value stored under `key`; `None` when absent, unreadable or storage is blocked.
/// Read with `jardam_core::codec::json` like every other JSON in the app (gloo-storage's typed `get`
/// would compile serde_json's reader in as well).
fn load<T: FromJson>(key: &str) -> Option<T> {
    let text = local_storage()?.get_item(key).ok()??;
    json::from_slice(text.as_bytes()).ok()
}

/// Stores `value` as JSON under `key` (lost silently when storage is blocked or full).
fn save<T: ToJson + ?Sized>(key: &str, value: &T) {
    if let Some(storage) = local_storage() {
        let _ = storage.set_item(key, &json::to_string(value));
    }
}

/// Removes `key`.
fn forget(key: &str) {
    if let Some(storage) = local_storage() {
        let _ = storage.remove_item(key);
    }
}

const LANG_KEY: &str = "jardam.lang";

/// The saved UI language, else the language of the static page the app takes over (`<html
/// lang>`: the address's, or the one the service worker knows the reader uses; the app shell
/// has none), else the first supported one the browser prefers, else Russian. The page's
/// language is shown, not saved.
pub fn initial_lang() -> Lang {
    load::<String>(LANG_KEY)
        .and_then(|code| Lang::from_code(&code))
        .or_else(|| {
            Lang::from_code(
                &leptos::prelude::document()
                    .document_element()?
                    .get_attribute("lang")?,
            )
        })
        .or_else(browser_lang)
        .unwrap_or(Lang::Ru)
}

/// Remembers the UI language.
pub fn save_lang(lang: Lang) {
    save(LANG_KEY, lang.code());
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
    load(ATTEMPTS_KEY).unwrap_or_default()
}

/// Remembers recent sync attempts.
pub fn save_attempts(attempts: &[jardam_core::sync::Attempt]) {
    save(ATTEMPTS_KEY, attempts);
}

/// Whether the user asked to update over Wi-Fi only.
pub fn wifi_only() -> bool {
    load(WIFI_ONLY_KEY).unwrap_or(false)
}

/// Remembers the "Update over Wi-Fi only" setting.
pub fn set_wifi_only(on: bool) {
    save(WIFI_ONLY_KEY, &on);
}

const CITIZENSHIP_KEY: &str = "jardam.citizenship";
const WELCOMED_KEY: &str = "jardam.welcomed";

/// The reader's citizenship, if they chose one.
pub fn citizenship() -> Option<jardam_core::content::audience::Citizenship> {
    load::<String>(CITIZENSHIP_KEY)
        .and_then(|code| jardam_core::content::audience::Citizenship::parse(&code))
}

/// Remembers the reader's citizenship (or forgets it).
pub fn set_citizenship(citizenship: Option<jardam_core::content::audience::Citizenship>) {
    match citizenship {
        Some(c) => {
            save(CITIZENSHIP_KEY, c.code());
        }
        None => forget(CITIZENSHIP_KEY),
    }
}

/// Whether the first-start questions were answered or skipped.
pub fn welcomed() -> bool {
    load(WELCOMED_KEY).unwrap_or(false)
}

/// Remembers that the first-start questions were answered or skipped.
pub fn set_welcomed() {
    save(WELCOMED_KEY, &true);
}

const ANCHORS_KEY: &str = "jardam.dates";

/// The dates the reader entered for deadlines (entry, contract, patent, departure).
pub fn anchors() -> jardam_core::time::deadline::Anchors {
    load(ANCHORS_KEY).unwrap_or_default()
}

/// Remembers the dates the reader entered.
pub fn save_anchors(anchors: &jardam_core::time::deadline::Anchors) {
    save(ANCHORS_KEY, anchors);
}

fn ticked_key(checklist: &str) -> String {
    format!("jardam.ticked.{checklist}")
}

/// Ids of the ticked steps of a checklist.
pub fn ticked(checklist: &str) -> Vec<String> {
    load(&ticked_key(checklist)).unwrap_or_default()
}

/// Remembers the ticked steps of a checklist.
pub fn save_ticked(checklist: &str, steps: &[String]) {
    save(&ticked_key(checklist), steps);
}

const FAVOURITES_KEY: &str = "jardam.favourites";
const REGION_KEY: &str = "jardam.region";

/// Ids of the contacts the reader pinned, in the order pinned.
pub fn favourites() -> Vec<String> {
    load(FAVOURITES_KEY).unwrap_or_default()
}

/// Remembers the pinned contacts.
pub fn save_favourites(ids: &[String]) {
    save(FAVOURITES_KEY, ids);
}

/// The region the Hotlines screen is filtered by (an id), if any.
pub fn region() -> Option<String> {
    load::<String>(REGION_KEY).filter(|id| !id.is_empty())
}

/// Remembers the Hotlines region filter (or forgets it).
pub fn set_region(id: Option<&str>) {
    match id {
        Some(id) => {
            save(REGION_KEY, id);
        }
        None => forget(REGION_KEY),
    }
}

const STAYS_KEY: &str = "jardam.stays";
const STAY_EXEMPT_KEY: &str = "jardam.stays.exempt";

/// The reader's stays in Russia for the 90-day counter, oldest first.
pub fn stays() -> Vec<jardam_core::time::stay::Stay> {
    let saved: Vec<String> = load(STAYS_KEY).unwrap_or_default();
    saved
        .iter()
        .filter_map(|text| {
            let (entry, exit) = text.split_once('/')?;
            Some(jardam_core::time::stay::Stay {
                entry: jardam_core::time::date::Date::parse(entry).ok()?,
                exit: jardam_core::time::date::Date::parse(exit).ok(),
            })
        })
        .collect()
}

/// Remembers the stays, each as `ENTRY/EXIT` (`ENTRY/` while still in Russia).
pub fn save_stays(stays: &[jardam_core::time::stay::Stay]) {
    let saved: Vec<String> = stays
        .iter()
        .map(|s| {
            let exit = s.exit.map(|d| d.to_string()).unwrap_or_default();
            format!("{}/{exit}", s.entry)
        })
        .collect();
    save(STAYS_KEY, &saved);
}

/// Whether the reader said the 90-day limit does not apply to them (EAEU worker with a contract).
pub fn stay_exempt() -> bool {
    load(STAY_EXEMPT_KEY).unwrap_or(false)
}

/// Remembers the answer to "the 90-day limit does not apply to me".
pub fn set_stay_exempt(on: bool) {
    save(STAY_EXEMPT_KEY, &on);
}

fn letter_key(letter: &str) -> String {
    format!("jardam.letter.{letter}")
}

/// What the reader typed into a letter's form and chose to keep on the phone, as (field id,
/// value); `None` when they did not.
pub fn letter_values(letter: &str) -> Option<Vec<(String, String)>> {
    let flat: Vec<String> = load(&letter_key(letter))?;
    Some(
        flat.chunks_exact(2)
            .map(|pair| (pair[0].clone(), pair[1].clone()))
            .collect(),
    )
}

/// Keeps what the reader typed into a letter's form, stored as `[id, value, id, value, …]`.
pub fn save_letter_values(letter: &str, values: &[(String, String)]) {
    let flat: Vec<&String> = values.iter().flat_map(|(id, value)| [id, value]).collect();
    save(&letter_key(letter), &flat);
}

/// Forgets what was kept of a letter's form.
pub fn forget_letter_values(letter: &str) {
    forget(&letter_key(letter));
}
