//! The reader: citizenship (chosen at first start or in More), shared through context.

use jardam_core::content::audience::Citizenship;
use leptos::prelude::*;

use crate::i18n::Key;
use crate::platform::prefs;

/// The reader's answers, shared through context.
#[derive(Clone, Copy)]
pub struct Profile {
    /// Citizenship, if chosen.
    pub citizenship: RwSignal<Option<Citizenship>>,
    /// The first-start questions still wait for an answer.
    pub welcome_open: RwSignal<bool>,
    /// Ids of the contacts pinned at the top of Hotlines.
    pub favourites: RwSignal<Vec<String>>,
    /// The region (id) Hotlines is filtered by; `None` shows every region.
    pub region: RwSignal<Option<String>>,
}

impl Profile {
    /// The saved profile.
    pub fn load() -> Profile {
        Profile {
            citizenship: RwSignal::new(prefs::citizenship()),
            welcome_open: RwSignal::new(!prefs::welcomed()),
            favourites: RwSignal::new(prefs::favourites()),
            region: RwSignal::new(prefs::region()),
        }
    }

    /// Sets and remembers the citizenship.
    pub fn set_citizenship(&self, citizenship: Option<Citizenship>) {
        prefs::set_citizenship(citizenship);
        self.citizenship.set(citizenship);
    }

    /// Pins a contact at the top of Hotlines, or unpins it; remembered.
    pub fn toggle_favourite(&self, id: &str) {
        self.favourites.update(|ids| {
            if let Some(at) = ids.iter().position(|f| f == id) {
                ids.remove(at);
            } else {
                ids.push(id.to_owned());
            }
            prefs::save_favourites(ids);
        });
    }

    /// Filters Hotlines by a region (or by none); remembered.
    pub fn set_region(&self, region: Option<String>) {
        prefs::set_region(region.as_deref());
        self.region.set(region);
    }

    /// Closes the first-start questions for good.
    pub fn close_welcome(&self) {
        prefs::set_welcomed();
        self.welcome_open.set(false);
    }
}

/// The UI string naming a citizenship.
pub fn citizenship_key(citizenship: Citizenship) -> Key {
    match citizenship {
        Citizenship::Kg => Key::CitizenshipKg,
        Citizenship::Kz => Key::CitizenshipKz,
        Citizenship::Uz => Key::CitizenshipUz,
        Citizenship::Tj => Key::CitizenshipTj,
        Citizenship::Other => Key::CitizenshipOther,
    }
}

/// The reader's profile provided by the app root.
pub fn use_profile() -> Profile {
    expect_context()
}
