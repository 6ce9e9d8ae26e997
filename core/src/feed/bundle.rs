//! The offline hand-off file: a feed's signed manifest, its signature and some of its packs in
//! one JSON file, passed from phone to phone (a messenger, a memory card) with no internet.
//!
//! The file carries the exact bytes the publisher signed, as JSON strings, so importing it
//! verifies exactly like a sync: the signature against the trusted keys, every pack against the
//! signed hashes, and the version against the installed one. Only newer content is taken.

use crate::codec::json;
use crate::codec::langmap::LangMap;
use crate::content::Pack;
use crate::content::limits::{MAX_LANGS, MAX_MANIFEST_BYTES, MAX_PACK_BYTES, MAX_SIGNATURE_BYTES};
use crate::feed::{Keyring, Manifest, verify_manifest};
use crate::json_struct;
use crate::sync::Outcome;

/// The `format` field of a hand-off file.
pub const FORMAT: &str = "jardam-content";

/// The largest hand-off file read: a manifest, a signature and every pack at their caps, plus
/// room for JSON escaping.
pub const MAX_BUNDLE_BYTES: usize =
    2 * (MAX_MANIFEST_BYTES + MAX_SIGNATURE_BYTES + MAX_LANGS * MAX_PACK_BYTES);

/// A hand-off file.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Bundle {
    /// Always [`FORMAT`].
    pub format: String,
    /// `manifest.json`, exactly as signed.
    pub manifest: String,
    /// `manifest.json.sig`.
    pub signature: String,
    /// Pack files by language, exactly as published.
    pub packs: LangMap<String>,
}

json_struct!(Bundle {
    "format" => format: required,
    "manifest" => manifest: required,
    "signature" => signature: required,
    "packs" => packs: required,
});

/// Why a hand-off file was refused; the content on the device stays as it was.
#[derive(Clone, Debug, PartialEq)]
pub enum ImportError {
    /// Not a Jardam content file (another file, or damaged beyond reading).
    NotABundle,
    /// Larger than [`MAX_BUNDLE_BYTES`].
    TooLarge,
    /// It holds the content version already installed.
    SameVersion {
        /// That version.
        version: u64,
    },
    /// It holds no pack in the reader's language nor in the fallback language.
    NoPackForReader,
    /// It failed a check the sync also makes (signature, key, hash, version, format).
    Refused(Outcome),
}

/// What an accepted file brings: the verified manifest, the keys to trust after it and the
/// verified packs (raw bytes and parsed) of the reader's languages.
#[derive(Clone, Debug)]
pub struct Accepted {
    /// The verified manifest.
    pub manifest: Manifest,
    /// The keys trusted after it (it may rotate keys).
    pub keys: Keyring,
    /// `(language, bytes, pack)` for each wanted language the file holds.
    pub packs: Vec<(String, Vec<u8>, Pack)>,
    /// `manifest.json` exactly as signed, to pass on again.
    pub manifest_file: String,
    /// `manifest.json.sig`.
    pub signature_file: String,
}

/// Writes a hand-off file. Returns `None` when a part is not UTF-8 text (feeds always are).
pub fn write(manifest: &[u8], signature: &[u8], packs: &[(String, Vec<u8>)]) -> Option<Vec<u8>> {
    let text = |bytes: &[u8]| String::from_utf8(bytes.to_vec()).ok();
    let bundle = Bundle {
        format: FORMAT.to_owned(),
        manifest: text(manifest)?,
        signature: text(signature)?,
        packs: packs
            .iter()
            .map(|(lang, bytes)| Some((lang.clone(), text(bytes)?)))
            .collect::<Option<_>>()?,
    };
    Some(json::to_string(&bundle).into_bytes())
}

/// Reads a hand-off file and verifies it as a sync would: signed by a key in `keyring`, newer
/// than `installed`, usable by this app, and holding verified packs for `wanted` (the reader's
/// language and the fallback; at least one of them must be there).
pub fn import(
    file: &[u8],
    keyring: &Keyring,
    installed: Option<&Manifest>,
    wanted: &[String],
    app_version: &str,
) -> Result<Accepted, ImportError> {
    if file.len() > MAX_BUNDLE_BYTES {
        return Err(ImportError::TooLarge);
    }
    let bundle: Bundle = json::from_slice(file).map_err(|_| ImportError::NotABundle)?;
    if bundle.format != FORMAT {
        return Err(ImportError::NotABundle);
    }
    let refused = |e: &crate::feed::FeedError| ImportError::Refused(Outcome::from(e));
    let manifest = verify_manifest(
        bundle.manifest.as_bytes(),
        bundle.signature.as_bytes(),
        keyring,
    )
    .map_err(|e| refused(&e))?;
    let keys = manifest.keyring_after(keyring).map_err(|e| refused(&e))?;
    if let Some(installed) = installed {
        let (offered, held) = (manifest.content_version, installed.content_version);
        if offered == held {
            return Err(ImportError::SameVersion { version: held });
        }
        if offered < held {
            return Err(ImportError::Refused(Outcome::OlderVersion {
                offered,
                installed: held,
            }));
        }
    }
    if !manifest.accepts_app_version(app_version) {
        return Err(ImportError::Refused(Outcome::AppTooOld));
    }
    let mut packs = Vec::new();
    for lang in wanted {
        let Some(text) = bundle.packs.get(lang) else {
            continue;
        };
        let pack = manifest
            .verify_pack(lang, text.as_bytes())
            .map_err(|e| refused(&e))?;
        packs.push((lang.clone(), text.clone().into_bytes(), pack));
    }
    if packs.is_empty() {
        return Err(ImportError::NoPackForReader);
    }
    Ok(Accepted {
        manifest,
        keys,
        packs,
        manifest_file: bundle.manifest,
        signature_file: bundle.signature,
    })
}

#[cfg(test)]
mod tests {
    use ed25519_dalek::{Signer, SigningKey};
    use serde_json::json;

    use super::*;
    use crate::feed::trust::TrustedKey;
    use crate::feed::{SCHEMA_VERSION, pack_file_name, sha256_hex};

    const SEED: [u8; 32] = [5; 32];

    fn keyring() -> Keyring {
        let public = SigningKey::from_bytes(&SEED).verifying_key().to_bytes();
        Keyring::new(vec![TrustedKey::new("hand-off", public)])
    }

    /// `(language, bytes)` of each pack.
    type Packs = Vec<(String, Vec<u8>)>;

    /// A signed feed of `version` with packs in `langs`: (manifest, signature, packs).
    fn feed(version: u64, langs: &[&str]) -> (Vec<u8>, Vec<u8>, Packs) {
        let packs: Packs = langs
            .iter()
            .map(|lang| {
                let pack = json!({"schema": SCHEMA_VERSION, "lang": lang, "content_version": version,
                    "categories": [], "articles": [], "contacts": [], "checklists": []});
                (lang.to_string(), serde_json::to_vec(&pack).unwrap())
            })
            .collect();
        let entries: serde_json::Map<String, serde_json::Value> = packs
            .iter()
            .map(|(lang, bytes)| {
                let entry = json!({"file": pack_file_name(lang, bytes), "sha256": sha256_hex(bytes),
                    "size": bytes.len()});
                (lang.clone(), entry)
            })
            .collect();
        let manifest = serde_json::to_vec(&json!({"schema": SCHEMA_VERSION,
            "content_version": version, "generated": "2026-11-21T12:00:00Z", "key_id": "hand-off",
            "min_app_version": "0.1.0", "packs": entries}))
        .unwrap();
        let signature = SigningKey::from_bytes(&SEED).sign(&manifest).to_bytes();
        let signature = (crate::codec::hex::encode(&signature) + "\n").into_bytes();
        (manifest, signature, packs)
    }

    fn file(version: u64, langs: &[&str]) -> Vec<u8> {
        let (manifest, signature, packs) = feed(version, langs);
        write(&manifest, &signature, &packs).unwrap()
    }

    fn installed(version: u64) -> Manifest {
        let (manifest, signature, _) = feed(version, &["ru"]);
        verify_manifest(&manifest, &signature, &keyring()).unwrap()
    }

    fn wanted() -> Vec<String> {
        vec!["ky".into(), "ru".into()]
    }

    fn import_file(file: &[u8], installed_version: Option<u64>) -> Result<Accepted, ImportError> {
        let current = installed_version.map(installed);
        import(file, &keyring(), current.as_ref(), &wanted(), "0.1.0")
    }

    #[test]
    fn a_newer_file_is_taken_with_the_readers_packs_only() {
        let accepted = import_file(&file(5, &["ky", "ru", "en"]), Some(4)).unwrap();
        assert_eq!(accepted.manifest.content_version, 5);
        let langs: Vec<&str> = accepted.packs.iter().map(|(l, _, _)| l.as_str()).collect();
        assert_eq!(langs, ["ky", "ru"]);
        assert_eq!(accepted.packs[0].2.lang, "ky");
        assert!(
            import_file(&file(1, &["ru"]), None).is_ok(),
            "nothing installed yet"
        );
    }

    #[test]
    fn the_same_or_an_older_version_is_refused() {
        assert_eq!(
            import_file(&file(4, &["ru"]), Some(4)).unwrap_err(),
            ImportError::SameVersion { version: 4 }
        );
        assert_eq!(
            import_file(&file(3, &["ru"]), Some(4)).unwrap_err(),
            ImportError::Refused(Outcome::OlderVersion {
                offered: 3,
                installed: 4
            })
        );
    }

    #[test]
    fn a_tampered_file_is_refused() {
        let (manifest, signature, mut packs) = feed(5, &["ru"]);
        let bumped = String::from_utf8(manifest.clone())
            .unwrap()
            .replace("\"content_version\":5", "\"content_version\":6");
        let forged = write(bumped.as_bytes(), &signature, &packs).unwrap();
        assert_eq!(
            import_file(&forged, Some(4)).unwrap_err(),
            ImportError::Refused(Outcome::BadSignature)
        );
        packs[0].1 = String::from_utf8(packs[0].1.clone())
            .unwrap()
            .replace("\"articles\":[]", "\"articles\": []")
            .into_bytes();
        let altered_pack = write(&manifest, &signature, &packs).unwrap();
        assert!(matches!(
            import_file(&altered_pack, Some(4)).unwrap_err(),
            ImportError::Refused(Outcome::HashMismatch | Outcome::SizeMismatch)
        ));
    }

    #[test]
    fn other_files_and_unknown_keys_are_refused() {
        assert_eq!(
            import_file(b"\x89PNG\r\n", None).unwrap_err(),
            ImportError::NotABundle
        );
        let mut bundle: Bundle = serde_json::from_slice(&file(5, &["ru"])).unwrap();
        bundle.format = "something-else".into();
        let other = serde_json::to_vec(&bundle).unwrap();
        assert_eq!(
            import_file(&other, None).unwrap_err(),
            ImportError::NotABundle
        );
        let stranger = Keyring::new(vec![TrustedKey::new("hand-off", [1; 32])]);
        let result = import(&file(5, &["ru"]), &stranger, None, &wanted(), "0.1.0");
        assert_eq!(
            result.unwrap_err(),
            ImportError::Refused(Outcome::BadSignature)
        );
        let huge = vec![b' '; MAX_BUNDLE_BYTES + 1];
        assert_eq!(import_file(&huge, None).unwrap_err(), ImportError::TooLarge);
    }

    #[test]
    fn a_file_without_the_readers_languages_is_refused() {
        assert_eq!(
            import_file(&file(5, &["en"]), Some(4)).unwrap_err(),
            ImportError::NoPackForReader
        );
    }

    #[test]
    fn a_written_file_keeps_the_signed_bytes_exactly() {
        let (manifest, signature, packs) = feed(5, &["ru"]);
        let written = write(&manifest, &signature, &packs).unwrap();
        let bundle: Bundle = serde_json::from_slice(&written).unwrap();
        assert_eq!(
            written,
            serde_json::to_vec(&bundle).unwrap(),
            "as serde writes it"
        );
        assert_eq!(bundle.manifest.as_bytes(), manifest.as_slice());
        assert_eq!(bundle.signature.as_bytes(), signature.as_slice());
        assert_eq!(bundle.packs["ru"].as_bytes(), packs[0].1.as_slice());
        assert_eq!(write(&[0xff], &signature, &packs), None, "not UTF-8");
    }
}
