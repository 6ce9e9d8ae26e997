//! The installed feed: the verified manifest on the device, where it came from, and which
//! language packs the device holds. Every way content arrives — a sync, a language switch, a
//! hand-off file, the bundled copy of a new build — goes through these few rules, so what is
//! held and what is deleted is decided in one place.

use crate::codec::langmap::LangMap;
use crate::feed::Manifest;
use crate::feed::trust::Keyring;
use crate::json_struct;

/// Where the bundled feed is served, relative to the app's origin; the `mirror` of content
/// installed from it.
pub const BUNDLED_FEED: &str = "/feed/";

/// The installed feed, stored as one record beside the packs.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Installed {
    /// The verified manifest.
    pub manifest: Manifest,
    /// Base URL it came from: a mirror, [`BUNDLED_FEED`], or empty for a hand-off file.
    pub mirror: String,
    /// The manifest's ETag there, for the next conditional request.
    #[cfg_attr(feature = "serde", serde(default))]
    pub etag: Option<String>,
    /// The manifest's Last-Modified there.
    #[cfg_attr(feature = "serde", serde(default))]
    pub last_modified: Option<String>,
    /// When a mirror last confirmed or delivered it (Unix ms); `None` when no mirror has.
    #[cfg_attr(feature = "serde", serde(default))]
    pub checked_at_ms: Option<f64>,
    /// SHA-256 of each pack held on the device, by language: always the manifest's own.
    pub held: LangMap<String>,
    /// The keys trusted after this feed (it may have introduced or revoked keys); the next
    /// feed is verified with them.
    #[cfg_attr(feature = "serde", serde(default))]
    pub keys: Keyring,
    /// `manifest.json` and its signature exactly as verified, so the content can be passed on
    /// as a hand-off file (empty for content installed before they were kept).
    #[cfg_attr(feature = "serde", serde(default))]
    pub signed: Signed,
}

/// A feed's manifest and signature files, exactly as published.
#[derive(Clone, Debug, Default, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Signed {
    /// `manifest.json`.
    pub manifest: String,
    /// `manifest.json.sig`.
    pub signature: String,
}

impl Signed {
    /// The two files as text (feeds are UTF-8 JSON and hex).
    pub fn new(manifest: &[u8], signature: &[u8]) -> Signed {
        Signed {
            manifest: String::from_utf8_lossy(manifest).into_owned(),
            signature: String::from_utf8_lossy(signature).into_owned(),
        }
    }
}

/// Where a verified manifest was found.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Origin {
    /// The mirror's base URL, [`BUNDLED_FEED`], or empty for a hand-off file.
    pub mirror: String,
    /// The manifest's ETag there.
    pub etag: Option<String>,
    /// The manifest's Last-Modified there.
    pub last_modified: Option<String>,
    /// When the mirror delivered it (Unix ms); `None` for the bundled feed and hand-off files.
    pub checked_at_ms: Option<f64>,
}

impl Origin {
    /// The bundled feed of this build.
    pub fn bundled() -> Origin {
        Origin {
            mirror: BUNDLED_FEED.to_owned(),
            ..Origin::default()
        }
    }
}

impl Installed {
    /// `manifest`, verified with the keys that lead to `keys`, installed from `origin` with
    /// the packs of `downloaded`. It keeps every pack `previous` held that `manifest` did not
    /// change, so a new version costs only the packs that changed.
    pub fn next(
        previous: Option<&Installed>,
        manifest: Manifest,
        keys: Keyring,
        signed: Signed,
        origin: Origin,
        downloaded: &[String],
    ) -> Installed {
        let mut next = Installed {
            manifest,
            mirror: origin.mirror,
            etag: origin.etag,
            last_modified: origin.last_modified,
            checked_at_ms: origin.checked_at_ms,
            held: LangMap::new(),
            keys,
            signed,
        };
        let kept = previous
            .into_iter()
            .flat_map(|p| p.held.iter())
            .filter(|(lang, sha)| next.manifest.pack(lang).is_ok_and(|e| &e.sha256 == *sha))
            .map(|(lang, _)| lang.clone());
        let held: Vec<String> = kept.chain(downloaded.iter().cloned()).collect();
        for lang in &held {
            next.hold(lang);
        }
        next
    }

    /// Records that the device now holds this manifest's pack of `lang` (added after a
    /// language switch or fetched on a later visit); false when the manifest has none.
    pub fn hold(&mut self, lang: &str) -> bool {
        let Ok(entry) = self.manifest.pack(lang) else {
            return false;
        };
        self.held.insert(lang.to_owned(), entry.sha256.clone());
        true
    }

    /// Whether the device's pack of `lang` is this manifest's (a pack of an older version is
    /// never read).
    pub fn holds(&self, lang: &str) -> bool {
        self.manifest
            .pack(lang)
            .is_ok_and(|entry| self.held.get(lang) == Some(&entry.sha256))
    }

    /// The languages among `stored` (the packs on the device) this feed does not hold: to be
    /// deleted in the same transaction that installs it.
    pub fn stale(&self, stored: &[String]) -> Vec<String> {
        stored
            .iter()
            .filter(|lang| !self.holds(lang))
            .cloned()
            .collect()
    }
}

json_struct!(Installed {
    "manifest" => manifest: required,
    "mirror" => mirror: required,
    "etag" => etag: default,
    "last_modified" => last_modified: default,
    "checked_at_ms" => checked_at_ms: default,
    "held" => held: required,
    "keys" => keys: default,
    "signed" => signed: default,
});

json_struct!(Signed {
    "manifest" => manifest: required,
    "signature" => signature: required,
});

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codec::json;
    use crate::sync::tests::{held, manifest};

    fn installed(version: u64, packs: &[(&str, &str)], held_langs: &[&str]) -> Installed {
        let langs: Vec<String> = held_langs.iter().map(|l| (*l).to_owned()).collect();
        Installed::next(
            None,
            manifest(version, packs),
            Keyring::default(),
            Signed::default(),
            Origin::bundled(),
            &langs,
        )
    }

    fn langs(list: &[&str]) -> Vec<String> {
        list.iter().map(|l| (*l).to_owned()).collect()
    }

    #[test]
    fn a_sync_keeps_unchanged_packs_takes_the_downloaded_ones_and_drops_changed_ones() {
        let before = installed(
            1,
            &[("ru", "r1"), ("ky", "k1"), ("en", "e1")],
            &["ru", "ky", "en"],
        );
        let offered = manifest(2, &[("ru", "r1"), ("ky", "k2"), ("en", "e2")]);
        let origin = Origin {
            mirror: "https://m/".into(),
            etag: Some("\"v2\"".into()),
            last_modified: None,
            checked_at_ms: Some(5.0),
        };
        let after = Installed::next(
            Some(&before),
            offered,
            Keyring::default(),
            Signed::default(),
            origin,
            &langs(&["ky"]),
        );
        assert_eq!(after.held, held(&[("ru", "r1"), ("ky", "k2")]));
        assert_eq!(after.stale(&langs(&["ru", "ky", "en"])), langs(&["en"]));
        assert!(
            !after.holds("en"),
            "en's old pack must never be read as version 2's"
        );
        assert_eq!(
            (after.mirror.as_str(), after.checked_at_ms),
            ("https://m/", Some(5.0))
        );
    }

    #[test]
    fn a_language_switch_adds_that_pack_and_keeps_the_rest() {
        let mut current = installed(3, &[("ru", "r"), ("ky", "k"), ("uz", "u")], &["ru", "ky"]);
        assert!(!current.holds("uz"));
        assert!(current.hold("uz"));
        assert!(current.holds("uz") && current.holds("ky") && current.holds("ru"));
        assert!(current.stale(&langs(&["ru", "ky", "uz"])).is_empty());
        assert!(
            !current.hold("tg"),
            "a language the manifest lacks is not held"
        );
        assert!(!current.held.contains_key("tg"));
    }

    #[test]
    fn a_hand_off_file_replaces_what_changed_and_keeps_what_it_did_not() {
        let before = installed(
            2,
            &[("ru", "r2"), ("ky", "k2"), ("tg", "t2")],
            &["ru", "ky", "tg"],
        );
        let file = manifest(4, &[("ru", "r4"), ("ky", "k4"), ("tg", "t2")]);
        let after = Installed::next(
            Some(&before),
            file,
            Keyring::default(),
            Signed::new(b"{}", b"ab"),
            Origin::default(),
            &langs(&["ru", "ky"]),
        );
        assert_eq!(
            after.held,
            held(&[("tg", "t2"), ("ru", "r4"), ("ky", "k4")])
        );
        assert_eq!(after.mirror, "");
        assert_eq!(after.checked_at_ms, None);
        assert!(after.stale(&langs(&["ru", "ky", "tg"])).is_empty());
    }

    #[test]
    fn a_bundled_upgrade_over_damaged_storage_deletes_every_pack_it_does_not_hold() {
        let after = installed(5, &[("ru", "r5"), ("ky", "k5")], &["ru", "ky"]);
        assert_eq!(after.mirror, BUNDLED_FEED);
        let stored = langs(&["en", "ru", "ky", "uz"]);
        assert_eq!(after.stale(&stored), langs(&["en", "uz"]));
    }

    #[test]
    fn a_pack_the_manifest_does_not_list_is_not_held_even_when_downloaded() {
        let after = installed(1, &[("ru", "r")], &["ru", "xx"]);
        assert_eq!(after.held, held(&[("ru", "r")]));
    }

    #[test]
    fn records_stored_by_earlier_versions_still_read() {
        let text = r#"{"manifest":{"schema":1,"content_version":2,"generated":"2026-11-21T00:00:00Z","key_id":"k","min_app_version":"0.1.0","packs":{"ru":{"file":"packs/ru.json","sha256":"r","size":1}}},"mirror":"/feed/","held":{"ru":"r"}}"#;
        let read: Installed = json::from_slice(text.as_bytes()).unwrap();
        assert!(read.holds("ru"));
        assert_eq!(read.signed, Signed::default());
        let again: Installed = json::from_slice(json::to_string(&read).as_bytes()).unwrap();
        assert_eq!(again, read);
    }
}
