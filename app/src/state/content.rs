//! The content the app shows, where it came from, and how it first gets onto the device.
//!
//! On start the stored content is read from IndexedDB. When there is none, when it cannot be
//! read, or when this build bundles newer content, the bundled feed (precached by the service
//! worker, so no request leaves an installed device) is verified and installed. Without
//! IndexedDB the app runs from the bundled feed in memory and says so.

use std::rc::Rc;
use std::sync::Arc;

use jardam_core::codec::json;
use jardam_core::content::Pack;
use jardam_core::sync::installed::{BUNDLED_FEED, Installed, Origin};
use jardam_core::sync::{Attempt, Outcome, Trigger, wanted_langs};
use leptos::prelude::*;

use crate::platform::store::{Entry, INSTALLED, META, PACKS, Store, StoreError};
use crate::platform::{http, prefs};
use crate::state::{feed, sync};

/// Where the content lives, as told to the user.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Storage {
    /// Not known yet.
    Opening,
    /// In IndexedDB.
    Device,
    /// In memory only: IndexedDB is unavailable (private mode, blocked, full).
    MemoryOnly,
    /// The stored copy could not be read and was rebuilt from the bundled feed.
    Rebuilt,
}

/// The app's content state, shared through context.
#[derive(Clone, Copy)]
pub struct Content {
    /// The pack shown: the reader's language, filled in from the fallback language's.
    pub pack: RwSignal<Option<Arc<Pack>>>,
    /// The installed feed.
    pub installed: RwSignal<Option<Installed>>,
    /// Where the content lives.
    pub storage: RwSignal<Storage>,
    /// Recent sync attempts, newest first.
    pub attempts: RwSignal<Vec<Attempt>>,
    /// The last sync's outcome, for the status line.
    pub last_outcome: RwSignal<Option<Outcome>>,
    /// A sync is running.
    pub syncing: RwSignal<bool>,
    /// Packs parsed so far, by language.
    packs: StoredValue<Vec<(String, Arc<Pack>)>>,
    /// The language the reader last switched to (empty until they switch).
    wanted: StoredValue<String>,
    store: StoredValue<Option<Rc<Store>>, LocalStorage>,
}

impl Content {
    /// Empty state; [`Content::start`] fills it.
    pub fn new() -> Content {
        Content {
            pack: RwSignal::new(None),
            installed: RwSignal::new(None),
            storage: RwSignal::new(Storage::Opening),
            attempts: RwSignal::new(prefs::attempts()),
            last_outcome: RwSignal::new(None),
            syncing: RwSignal::new(false),
            packs: StoredValue::new(Vec::new()),
            wanted: StoredValue::new(String::new()),
            store: StoredValue::new_local(None),
        }
    }

    /// The open database, if IndexedDB works here.
    pub fn store(&self) -> Option<Rc<Store>> {
        self.store.get_value()
    }

    /// Loads the content for `lang` from the database `opened` (see [`Store::open`]): stored,
    /// else bundled.
    pub async fn start(self, opened: Result<Store, StoreError>, lang: &str) {
        match opened {
            Ok(store) => {
                self.store.set_value(Some(Rc::new(store)));
                self.storage.set(Storage::Device);
                request_persistence();
            }
            Err(_) => self.storage.set(Storage::MemoryOnly),
        }
        let current = match self.read_installed().await {
            Ok(Some(installed)) if self.show_stored(&installed, lang).await => Some(installed),
            Ok(None) => None,
            _ => {
                self.storage.set(Storage::Rebuilt);
                None
            }
        };
        self.install_bundled_if_newer(current.as_ref(), lang).await;
    }

    async fn read_installed(&self) -> Result<Option<Installed>, String> {
        let Some(store) = self.store() else {
            return Ok(None);
        };
        let Some(text) = store.get(META, INSTALLED).await.map_err(|e| e.0)? else {
            return Ok(None);
        };
        json::from_slice(text.as_bytes())
            .map(Some)
            .map_err(|e| e.to_string())
    }

    /// Shows stored content; false when none of the wanted packs is stored or one of them is
    /// damaged (then the bundled feed replaces the stored one).
    async fn show_stored(&self, installed: &Installed, lang: &str) -> bool {
        self.installed.set(Some(installed.clone()));
        let mut any = false;
        let mut damaged = false;
        for wanted in wanted_langs(lang) {
            match self.read_pack(&wanted).await {
                Ok(Some(pack)) => {
                    self.remember(&wanted, Arc::new(pack));
                    any = true;
                }
                Ok(None) => {}
                Err(()) => damaged = true,
            }
        }
        if any && !damaged {
            self.show(lang);
            true
        } else {
            self.installed.set(None);
            self.packs.update_value(Vec::clear);
            false
        }
    }

    /// Installs the bundled feed when nothing usable is stored or the bundled one is newer.
    async fn install_bundled_if_newer(&self, current: Option<&Installed>, lang: &str) {
        let keyring = feed::trusted(current.map(|c| &c.keys));
        let Ok((manifest, signed)) = feed::load_manifest(BUNDLED_FEED, &keyring).await else {
            return;
        };
        let Ok(keys) = manifest.keyring_after(&keyring) else {
            return;
        };
        if current.is_some_and(|c| c.manifest.content_version >= manifest.content_version) {
            return;
        }
        let mut packs = Vec::new();
        for wanted in wanted_langs(lang) {
            let Ok(entry) = manifest.pack(&wanted) else {
                continue;
            };
            let Ok(bytes) = http::bytes(&format!("{BUNDLED_FEED}{}", entry.file)).await else {
                return;
            };
            let Ok(pack) = manifest.verify_pack(&wanted, &bytes) else {
                return;
            };
            packs.push((wanted, bytes, pack));
        }
        let downloaded: Vec<String> = packs.iter().map(|(lang, _, _)| lang.clone()).collect();
        let installed = Installed::next(
            current,
            manifest,
            keys,
            signed,
            Origin::bundled(),
            &downloaded,
        );
        self.install(installed, packs, true).await.ok();
        self.show(lang);
    }

    /// Saves `installed` with `packs` (raw verified bytes and parsed pack) in one transaction
    /// that also deletes every stored pack it does not hold, then makes them current. In memory-only mode nothing is written.
    /// When saving fails the stored content stays whole; with `memory_fallback` the new
    /// content is still used, from memory only, and the app says so.
    pub async fn install(
        &self,
        installed: Installed,
        packs: Vec<(String, Vec<u8>, Pack)>,
        memory_fallback: bool,
    ) -> Result<(), Outcome> {
        if let Some(store) = self.store() {
            let remove = installed.stale(&store.pack_langs().await.unwrap_or_default());
            let meta = json::to_string(&installed);
            let mut entries = vec![Entry::text(META, INSTALLED, &meta)];
            for (lang, bytes, _) in &packs {
                let text = String::from_utf8_lossy(bytes);
                entries.push(Entry::text(PACKS, lang, &text));
            }
            let saved = store.replace(&entries, &remove).await;
            if saved.is_err() && !memory_fallback {
                return Err(Outcome::StorageFailed);
            }
            if saved.is_err() {
                self.store.set_value(None);
                self.storage.set(Storage::MemoryOnly);
            }
        }
        self.packs
            .update_value(|loaded| loaded.retain(|(lang, _)| installed.holds(lang)));
        for (lang, _, pack) in packs {
            self.remember(&lang, Arc::new(pack));
        }
        self.installed.set(Some(installed));
        Ok(())
    }

    fn remember(&self, lang: &str, pack: Arc<Pack>) {
        self.packs.update_value(|packs| {
            packs.retain(|(held, _)| held != lang);
            packs.push((lang.to_owned(), pack));
        });
    }

    /// The loaded pack of `lang` (a handful of languages at most: a list is enough).
    fn loaded(&self, lang: &str) -> Option<Arc<Pack>> {
        self.packs.with_value(|packs| {
            packs
                .iter()
                .find(|(held, _)| held == lang)
                .map(|(_, pack)| pack.clone())
        })
    }

    /// Shows the pack for `lang` if it is loaded, filled in with the fallback language's items
    /// it has no text for (else the fallback language's pack alone).
    pub fn show(&self, lang: &str) {
        // A task started for an earlier language (the start-up load, a sync) finishing after
        // the reader switched must not put that language back.
        let wanted = self.wanted.get_value();
        if !wanted.is_empty() && wanted != lang {
            return;
        }
        let fallback = self.loaded(jardam_core::sync::FALLBACK_LANG);
        let pack = match (self.loaded(lang), &fallback) {
            (Some(own), Some(fallback)) if own.lang != fallback.lang => {
                Some(Arc::new(own.filled_from(fallback)))
            }
            (own, _) => own.or(fallback),
        };
        if pack.is_some() {
            self.pack.set(pack);
        }
    }

    /// The loaded pack of `lang`, if any (the officer card needs Russian beside the reader's).
    pub fn pack_for(&self, lang: &str) -> Option<Arc<Pack>> {
        self.pack.track();
        self.loaded(lang)
    }

    /// Records that the reader switched to `lang`: from now on only its pack is shown.
    pub fn want(&self, lang: &str) {
        self.wanted.set_value(lang.to_owned());
    }

    /// Whether the pack for `lang` is loaded.
    pub fn has(&self, lang: &str) -> bool {
        self.loaded(lang).is_some()
    }

    /// Loads `lang`'s pack from the device if it is stored there.
    pub async fn load_stored(&self, lang: &str) -> bool {
        match self.read_pack(lang).await {
            Ok(Some(pack)) => {
                self.remember(lang, Arc::new(pack));
                true
            }
            _ => false,
        }
    }

    /// Shows the content in `lang` after the reader chose it: from memory, the device, the
    /// bundled feed (precached, so offline too) when it has the installed version's pack, or
    /// else a download of that pack.
    pub async fn switch_to(self, lang: &str) {
        self.want(lang);
        if !self.has(lang) && !self.load_stored(lang).await && !self.add_bundled(lang).await {
            sync::run(self, Trigger::Manual, lang.to_owned()).await;
        }
        self.show(lang);
    }

    /// Adds `lang`'s pack from the bundled feed if it is the very pack the installed (verified)
    /// manifest names: its hash is checked against that manifest, then it is stored beside the
    /// rest.
    pub async fn add_bundled(&self, lang: &str) -> bool {
        let Some(mut installed) = self.installed.get_untracked() else {
            return false;
        };
        let Ok(entry) = installed.manifest.pack(lang) else {
            return false;
        };
        let Ok(bytes) = http::bytes(&format!("{BUNDLED_FEED}{}", entry.file)).await else {
            return false;
        };
        let Ok(pack) = installed.manifest.verify_pack(lang, &bytes) else {
            return false;
        };
        installed.hold(lang);
        let packs = vec![(lang.to_owned(), bytes, pack)];
        self.install(installed, packs, true).await.is_ok()
    }

    /// `lang`'s stored pack, of the installed version: `Ok(None)` when the device does not hold
    /// it, `Err` when its record cannot be read or is not a pack (damaged).
    async fn read_pack(&self, lang: &str) -> Result<Option<Pack>, ()> {
        let (Some(installed), Some(store)) = (self.installed.get_untracked(), self.store()) else {
            return Ok(None);
        };
        if !installed.holds(lang) {
            return Ok(None);
        }
        match store.get(PACKS, lang).await {
            Ok(Some(text)) => json::from_slice::<Pack>(text.as_bytes())
                .map(|mut pack| {
                    pack.content_version = installed.manifest.content_version;
                    Some(pack)
                })
                .map_err(|_| ()),
            Ok(None) | Err(_) => Err(()),
        }
    }
}

/// Asks the browser not to evict the app's storage when space runs low.
fn request_persistence() {
    if let Ok(promise) = window().navigator().storage().persist() {
        leptos::task::spawn_local(async move {
            let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
        });
    }
}

/// The content state provided by the app root.
pub fn use_content() -> Content {
    expect_context()
}
