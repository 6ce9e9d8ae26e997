//! The signed content feed: a manifest listing one pack per language, and its signature.
//!
//! ```text
//! manifest.json        the Manifest, as JSON
//! manifest.json.sig    lowercase hex of the ed25519 signature over the exact bytes of manifest.json
//! packs/ru.0123456789abcdef.json   a Pack; the name carries the first 16 hex digits of its SHA-256
//! ```
//!
//! A pack's file holds no content version: the manifest lists an unchanged pack again by the same
//! hash, so an update downloads only the languages whose content changed.
//!
//! The app checks the manifest with [`verify_manifest`] and each pack with [`verify_pack`]
//! before replacing anything it has stored.

pub mod bundle;
pub mod keys;
pub mod trust;

use std::fmt;

use ed25519_dalek::{Signature, VerifyingKey};
use sha2::{Digest, Sha256};

use crate::codec::hex;
use crate::codec::json::{self, FromJson};
use crate::codec::langmap::LangMap;
use crate::content::Pack;
use crate::content::limits::{
    self, MAX_LANGS, MAX_MANIFEST_BYTES, MAX_MANIFEST_KEYS, MAX_PACK_BYTES, OverLimit,
};
pub use crate::feed::trust::{Keyring, TrustedKey};
use crate::{from_json_struct, json_struct};

/// Format version of the manifest and packs this code reads and writes. A feed with another
/// schema is refused with [`FeedError::UnsupportedSchema`] ("update the app").
pub const SCHEMA_VERSION: u32 = 1;

/// File name of the manifest inside a feed directory.
pub const MANIFEST_FILE: &str = "manifest.json";

/// File name of the manifest's detached signature.
pub const SIGNATURE_FILE: &str = "manifest.json.sig";

/// What a feed contains; signed as a whole.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Manifest {
    /// Format version, [`SCHEMA_VERSION`].
    pub schema: u32,
    /// Version of the content; the app never installs a lower one than it has.
    pub content_version: u64,
    /// When the feed was built, RFC 3339 in UTC (`2026-11-21T12:00:00Z`).
    pub generated: String,
    /// Id of the key that signed `manifest.json`.
    pub key_id: String,
    /// Oldest app version that understands this content (`0.1.0`).
    pub min_app_version: String,
    /// One pack per language, by language code.
    pub packs: LangMap<PackEntry>,
    /// Keys trusted from this feed on (key rotation; see [`crate::feed::trust`]).
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Vec::is_empty"))]
    pub new_keys: Vec<TrustedKey>,
    /// Ids of keys never trusted again from this feed on.
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Vec::is_empty"))]
    pub revoked_keys: Vec<String>,
}

/// Where one language's pack is and how to recognise it.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct PackEntry {
    /// Path relative to the manifest, `packs/LANG.HASH16.json`.
    pub file: String,
    /// SHA-256 of the file, lowercase hex.
    pub sha256: String,
    /// Size of the file in bytes.
    pub size: u64,
}

json_struct!(Manifest {
    "schema" => schema: required,
    "content_version" => content_version: required,
    "generated" => generated: required,
    "key_id" => key_id: required,
    "min_app_version" => min_app_version: required,
    "packs" => packs: required,
    "new_keys" => new_keys: skip_empty,
    "revoked_keys" => revoked_keys: skip_empty,
});

json_struct!(PackEntry {
    "file" => file: required,
    "sha256" => sha256: required,
    "size" => size: required,
});

impl Manifest {
    /// The entry of `lang`'s pack.
    pub fn pack(&self, lang: &str) -> Result<&PackEntry, FeedError> {
        self.packs.get(lang).ok_or_else(|| FeedError::MissingPack {
            lang: lang.to_owned(),
        })
    }

    /// Checks the bytes of `lang`'s pack against this manifest (see [`verify_pack`]).
    pub fn verify_pack(&self, lang: &str, bytes: &[u8]) -> Result<Pack, FeedError> {
        verify_pack(self.pack(lang)?, lang, self.content_version, bytes)
    }

    /// The keys to trust after installing this manifest: `keyring` (the one it was verified
    /// with) with its `new_keys` added and its `revoked_keys` revoked.
    pub fn keyring_after(&self, keyring: &Keyring) -> Result<Keyring, FeedError> {
        keyring
            .after(&self.new_keys, &self.revoked_keys)
            .map_err(|e| FeedError::InvalidManifest {
                message: e.to_string(),
            })
    }

    /// Whether an app of version `app_version` (`MAJOR.MINOR.PATCH`) may use this content.
    pub fn accepts_app_version(&self, app_version: &str) -> bool {
        match (
            parse_version(app_version),
            parse_version(&self.min_app_version),
        ) {
            (Some(app), Some(min)) => app >= min,
            _ => false,
        }
    }
}

fn parse_version(text: &str) -> Option<[u64; 3]> {
    let mut parts = text.split('.').map(|p| p.parse::<u64>().ok());
    let version = [parts.next()??, parts.next()??, parts.next()??];
    parts.next().is_none().then_some(version)
}

/// Why a feed, or part of it, was refused. The app keeps the content it has in every case.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FeedError {
    /// The signature file is not 128 hex digits.
    MalformedSignature,
    /// The manifest names a key that is not trusted.
    UnknownKey {
        /// The key id in the manifest.
        key_id: String,
    },
    /// The manifest is signed by a key that an earlier feed revoked.
    RevokedKey {
        /// The key id in the manifest.
        key_id: String,
    },
    /// The signature does not match the manifest's bytes and the named key.
    BadSignature {
        /// The key id in the manifest.
        key_id: String,
    },
    /// The manifest or a pack is not JSON of the expected shape.
    InvalidJson {
        /// Which file.
        file: String,
        /// serde's message.
        message: String,
    },
    /// The feed is in a format this code does not know: the app must be updated.
    UnsupportedSchema {
        /// Schema of the feed.
        found: u32,
        /// Schema this code understands.
        supported: u32,
    },
    /// The manifest is signed but does not make sense (an unsafe pack path, a malformed hash).
    InvalidManifest {
        /// What is wrong.
        message: String,
    },
    /// The manifest lists no pack for the language asked for.
    MissingPack {
        /// The language asked for.
        lang: String,
    },
    /// A pack's size differs from the manifest's.
    SizeMismatch {
        /// Which file.
        file: String,
        /// Size in the manifest.
        expected: u64,
        /// Size of the bytes received.
        found: u64,
    },
    /// A pack's SHA-256 differs from the manifest's.
    HashMismatch {
        /// Which file.
        file: String,
        /// Hash in the manifest.
        expected: String,
        /// Hash of the bytes received.
        found: String,
    },
    /// A pack holds another language than the one it is listed for.
    WrongLanguage {
        /// Which file.
        file: String,
        /// Language it is listed for.
        expected: String,
        /// Language it holds.
        found: String,
    },
    /// The manifest or a pack is over one of the [`crate::content::limits`].
    OverLimit {
        /// Which file.
        file: String,
        /// What is over which limit.
        limit: OverLimit,
    },
}

impl fmt::Display for FeedError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FeedError::MalformedSignature => write!(
                f,
                "{SIGNATURE_FILE} is not an ed25519 signature (128 hex digits)"
            ),
            FeedError::UnknownKey { key_id } => write!(
                f,
                "the feed is signed with key `{key_id}`, which is not a trusted key"
            ),
            FeedError::RevokedKey { key_id } => write!(
                f,
                "the feed is signed with key `{key_id}`, which has been revoked"
            ),
            FeedError::BadSignature { key_id } => write!(
                f,
                "bad signature: {MANIFEST_FILE} does not match its signature by key `{key_id}` \
                 (altered or damaged)"
            ),
            FeedError::InvalidJson { file, message } => {
                write!(f, "{file} is not valid feed JSON: {message}")
            }
            FeedError::UnsupportedSchema { found, supported } => write!(
                f,
                "the feed is in format {found} but this app understands format {supported}: \
                 update the app"
            ),
            FeedError::InvalidManifest { message } => {
                write!(f, "{MANIFEST_FILE} is not usable: {message}")
            }
            FeedError::MissingPack { lang } => {
                write!(f, "the feed has no pack for language `{lang}`")
            }
            FeedError::SizeMismatch {
                file,
                expected,
                found,
            } => write!(
                f,
                "size mismatch: {file} has {found} bytes but the manifest says {expected}"
            ),
            FeedError::HashMismatch {
                file,
                expected,
                found,
            } => write!(
                f,
                "hash mismatch: {file} has SHA-256 {found} but the manifest says {expected} \
                 (altered or damaged)"
            ),
            FeedError::WrongLanguage {
                file,
                expected,
                found,
            } => write!(
                f,
                "wrong language: {file} holds language `{found}` but is listed for `{expected}`"
            ),
            FeedError::OverLimit { file, limit } => {
                write!(f, "over a limit: {file} has {limit}")
            }
        }
    }
}

impl std::error::Error for FeedError {}

/// SHA-256 of `bytes`, lowercase hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(&Sha256::digest(bytes))
}

/// Path of `lang`'s pack with these bytes: `packs/LANG.<first 16 hex digits of SHA-256>.json`.
/// A new content gives a new name, so caches never serve a stale pack under a fresh manifest.
pub fn pack_file_name(lang: &str, bytes: &[u8]) -> String {
    format!("packs/{lang}.{}.json", &sha256_hex(bytes)[..16])
}

/// Checks `manifest.json` against its detached signature and returns it.
///
/// In order: the JSON must name a key id and schema; the key must be in `keyring`
/// ([`FeedError::UnknownKey`]); the signature must be valid for the exact bytes
/// ([`FeedError::BadSignature`], strict ed25519) and not revoked ([`FeedError::RevokedKey`]);
/// only then is the schema compared
/// ([`FeedError::UnsupportedSchema`]), so an unsigned file can never ask for an update; last
/// the whole manifest is read and its pack entries checked.
pub fn verify_manifest(
    manifest_bytes: &[u8],
    signature_file: &[u8],
    keyring: &Keyring,
) -> Result<Manifest, FeedError> {
    struct Header {
        schema: u32,
        key_id: String,
    }
    from_json_struct!(Header {
        "schema" => schema: required,
        "key_id" => key_id: required,
    });
    limits::check("bytes", manifest_bytes.len(), MAX_MANIFEST_BYTES)
        .map_err(|limit| over_limit(MANIFEST_FILE, limit))?;
    let header: Header = parse_json(MANIFEST_FILE, manifest_bytes)?;
    if keyring.is_revoked(&header.key_id) {
        return Err(FeedError::RevokedKey {
            key_id: header.key_id,
        });
    }
    let key = keyring
        .find(&header.key_id)
        .ok_or_else(|| FeedError::UnknownKey {
            key_id: header.key_id.clone(),
        })?;
    let signature = core::str::from_utf8(signature_file)
        .ok()
        .and_then(|text| hex::decode_array::<64>(text.trim_ascii()))
        .ok_or(FeedError::MalformedSignature)?;
    let bad_signature = || FeedError::BadSignature {
        key_id: header.key_id.clone(),
    };
    let public_key = VerifyingKey::from_bytes(&key.public_key).map_err(|_| bad_signature())?;
    public_key
        .verify_strict(manifest_bytes, &Signature::from_bytes(&signature))
        .map_err(|_| bad_signature())?;
    if header.schema != SCHEMA_VERSION {
        return Err(FeedError::UnsupportedSchema {
            found: header.schema,
            supported: SCHEMA_VERSION,
        });
    }
    let manifest: Manifest = parse_json(MANIFEST_FILE, manifest_bytes)?;
    limits::check("packs", manifest.packs.len(), MAX_LANGS)
        .and_then(|()| limits::check("new keys", manifest.new_keys.len(), MAX_MANIFEST_KEYS))
        .and_then(|()| {
            limits::check(
                "revoked keys",
                manifest.revoked_keys.len(),
                MAX_MANIFEST_KEYS,
            )
        })
        .map_err(|limit| over_limit(MANIFEST_FILE, limit))?;
    for (lang, entry) in &manifest.packs {
        check_entry(lang, entry)?;
    }
    manifest.keyring_after(keyring)?;
    Ok(manifest)
}

fn over_limit(file: &str, limit: OverLimit) -> FeedError {
    FeedError::OverLimit {
        file: file.to_owned(),
        limit,
    }
}

fn check_entry(lang: &str, entry: &PackEntry) -> Result<(), FeedError> {
    let invalid = |message: String| Err(FeedError::InvalidManifest { message });
    let simple = |s: &str| {
        !s.is_empty()
            && s.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    };
    if !simple(lang) {
        return invalid(format!("`{lang}` is not a language code"));
    }
    let name_ok = entry
        .file
        .strip_prefix("packs/")
        .and_then(|name| name.strip_suffix(".json"))
        .is_some_and(|stem| stem.split('.').all(simple));
    if !name_ok {
        return invalid(format!(
            "pack path `{}` is not of the form packs/NAME.json",
            entry.file
        ));
    }
    let hash_ok = entry.sha256.len() == 64
        && entry
            .sha256
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
    if !hash_ok {
        return invalid(format!(
            "the sha256 of {} is not 64 lowercase hex digits",
            entry.file
        ));
    }
    let size = usize::try_from(entry.size).unwrap_or(usize::MAX);
    limits::check("bytes", size, MAX_PACK_BYTES).map_err(|limit| over_limit(&entry.file, limit))
}

/// Checks the bytes of `lang`'s pack against its manifest entry and returns the pack, of the
/// manifest's `content_version`: size (at most [`MAX_PACK_BYTES`]), SHA-256, JSON, schema and
/// language must all match, and the pack must keep within [`limits::check_pack`]. Its place in
/// a version is the signed manifest's listing of its hash: an unchanged pack is listed again.
pub fn verify_pack(
    entry: &PackEntry,
    lang: &str,
    content_version: u64,
    bytes: &[u8],
) -> Result<Pack, FeedError> {
    let file = &entry.file;
    limits::check("bytes", bytes.len(), MAX_PACK_BYTES).map_err(|limit| over_limit(file, limit))?;
    let size = bytes.len() as u64;
    if size != entry.size {
        return Err(FeedError::SizeMismatch {
            file: file.clone(),
            expected: entry.size,
            found: size,
        });
    }
    let hash = sha256_hex(bytes);
    if hash != entry.sha256 {
        return Err(FeedError::HashMismatch {
            file: file.clone(),
            expected: entry.sha256.clone(),
            found: hash,
        });
    }
    struct Header {
        schema: u32,
        lang: String,
    }
    from_json_struct!(Header {
        "schema" => schema: required,
        "lang" => lang: required,
    });
    let header: Header = parse_json(file, bytes)?;
    if header.schema != SCHEMA_VERSION {
        return Err(FeedError::UnsupportedSchema {
            found: header.schema,
            supported: SCHEMA_VERSION,
        });
    }
    if header.lang != lang {
        return Err(FeedError::WrongLanguage {
            file: file.clone(),
            expected: lang.to_owned(),
            found: header.lang,
        });
    }
    let mut pack: Pack = parse_json(file, bytes)?;
    limits::check_pack(&pack).map_err(|limit| over_limit(file, limit))?;
    pack.content_version = content_version;
    Ok(pack)
}

fn parse_json<T: FromJson>(file: &str, bytes: &[u8]) -> Result<T, FeedError> {
    json::from_slice(bytes).map_err(|e| FeedError::InvalidJson {
        file: file.to_owned(),
        message: e.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use ed25519_dalek::{Signer, SigningKey};

    use super::*;
    use crate::content::markup::{Block, Inline};
    use crate::content::{Article, Audience, Category, Provenance, Review, Source};
    use crate::sync::Outcome;
    use crate::time::date::Date;

    const SEED: [u8; 32] = [7; 32];
    const OTHER_SEED: [u8; 32] = [9; 32];

    fn pack(lang: &str, version: u64) -> Pack {
        let date = Date::parse("2025-11-27").unwrap();
        Pack {
            schema: SCHEMA_VERSION,
            lang: lang.into(),
            content_version: version,
            categories: vec![Category {
                id: "arrival".into(),
                order: 1,
                icon: "passport".into(),
                title: "Entry".into(),
            }],
            regions: Vec::new(),
            articles: vec![Article {
                id: "registration-eaeu".into(),
                category: "arrival".into(),
                title: "Registration".into(),
                summary: "Register within 30 days.".into(),
                body: vec![Block::Paragraph(vec![Inline::Text("Text".into())])],
                tags: vec![],
                applies_to: vec![Audience::Kg],
                emergency: false,
                updated: Some(date),
                proposed_as_of: None,
                provenance: Provenance {
                    review: Review::CheckedAgainstSources,
                    checked_on: date,
                    reviewed_by: None,
                    machine_translated: false,
                    valid_until: None,
                    sources: vec![Source {
                        title: "TASS".into(),
                        url: "https://tass.ru/obschestvo/25746681".into(),
                        date: Some(date),
                    }],
                },
                lang: "ru".into(),
                related: vec![],
                contacts: vec![],
            }],
            contacts: vec![],
            checklists: vec![],
        }
    }

    struct Feed {
        manifest: Vec<u8>,
        signature: Vec<u8>,
        pack: Vec<u8>,
    }

    fn keyring() -> Keyring {
        let public = SigningKey::from_bytes(&SEED).verifying_key().to_bytes();
        Keyring::new(vec![TrustedKey::new("test-key", public)])
    }

    fn sign(seed: &[u8; 32], manifest: &[u8]) -> Vec<u8> {
        let signature = SigningKey::from_bytes(seed).sign(manifest);
        (hex::encode(&signature.to_bytes()) + "\n").into_bytes()
    }

    fn manifest_json(schema: u32, key_id: &str, pack: &[u8]) -> Vec<u8> {
        let mut packs = LangMap::new();
        packs.insert(
            "ru".to_string(),
            PackEntry {
                file: pack_file_name("ru", pack),
                sha256: sha256_hex(pack),
                size: pack.len() as u64,
            },
        );
        let manifest = Manifest {
            schema,
            content_version: 3,
            generated: "2026-11-21T12:00:00Z".into(),
            key_id: key_id.into(),
            min_app_version: "0.1.0".into(),
            packs,
            new_keys: Vec::new(),
            revoked_keys: Vec::new(),
        };
        serde_json::to_vec_pretty(&manifest).unwrap()
    }

    fn feed() -> Feed {
        let pack = serde_json::to_vec(&pack("ru", 3)).unwrap();
        let manifest = manifest_json(SCHEMA_VERSION, "test-key", &pack);
        Feed {
            signature: sign(&SEED, &manifest),
            manifest,
            pack,
        }
    }

    #[test]
    fn a_good_feed_verifies() {
        let feed = feed();
        let manifest = verify_manifest(&feed.manifest, &feed.signature, &keyring()).unwrap();
        assert_eq!(manifest.content_version, 3);
        assert_eq!(manifest.key_id, "test-key");
        let entry = manifest.pack("ru").unwrap();
        assert!(entry.file.starts_with("packs/ru."));
        assert_eq!(entry.file.len(), "packs/ru.".len() + 16 + ".json".len());
        let pack = manifest.verify_pack("ru", &feed.pack).unwrap();
        assert_eq!(pack, self::pack("ru", 3));
    }

    #[test]
    fn every_changed_byte_of_the_manifest_is_caught() {
        let feed = feed();
        for i in 0..feed.manifest.len() {
            let mut bytes = feed.manifest.clone();
            bytes[i] ^= 0x01;
            let result = verify_manifest(&bytes, &feed.signature, &keyring());
            assert!(result.is_err(), "byte {i} changed and still verified");
        }
        // A change that keeps the JSON valid and the key id is a bad signature.
        let text = String::from_utf8(feed.manifest.clone()).unwrap();
        let altered = text.replace("\"content_version\": 3", "\"content_version\": 4");
        assert_ne!(altered, text);
        assert_eq!(
            verify_manifest(altered.as_bytes(), &feed.signature, &keyring()),
            Err(FeedError::BadSignature {
                key_id: "test-key".into()
            })
        );
    }

    #[test]
    fn a_changed_signature_is_refused() {
        let feed = feed();
        let mut signature = feed.signature.clone();
        signature[0] = if signature[0] == b'0' { b'1' } else { b'0' };
        assert!(matches!(
            verify_manifest(&feed.manifest, &signature, &keyring()),
            Err(FeedError::BadSignature { .. })
        ));
        for bad in [&b""[..], b"zz", &signature[..100]] {
            assert_eq!(
                verify_manifest(&feed.manifest, bad, &keyring()),
                Err(FeedError::MalformedSignature)
            );
        }
    }

    #[test]
    fn an_unknown_key_is_refused() {
        let feed = feed();
        let manifest = manifest_json(SCHEMA_VERSION, "someone-else", &feed.pack);
        let signature = sign(&OTHER_SEED, &manifest);
        let err = verify_manifest(&manifest, &signature, &keyring()).unwrap_err();
        assert_eq!(
            err,
            FeedError::UnknownKey {
                key_id: "someone-else".into()
            }
        );
        assert!(err.to_string().contains("not a trusted key"), "{err}");
        // Another key posing under a trusted id is a bad signature.
        let manifest = manifest_json(SCHEMA_VERSION, "test-key", &feed.pack);
        let signature = sign(&OTHER_SEED, &manifest);
        assert!(matches!(
            verify_manifest(&manifest, &signature, &keyring()),
            Err(FeedError::BadSignature { .. })
        ));
        // The empty keyring trusts nothing.
        assert!(matches!(
            verify_manifest(&feed.manifest, &feed.signature, &Keyring::default()),
            Err(FeedError::UnknownKey { .. })
        ));
    }

    #[test]
    fn another_schema_asks_for_an_app_update() {
        let feed = feed();
        let manifest = manifest_json(SCHEMA_VERSION + 1, "test-key", &feed.pack);
        let signature = sign(&SEED, &manifest);
        let err = verify_manifest(&manifest, &signature, &keyring()).unwrap_err();
        assert_eq!(
            err,
            FeedError::UnsupportedSchema {
                found: SCHEMA_VERSION + 1,
                supported: SCHEMA_VERSION
            }
        );
        assert!(err.to_string().contains("update the app"), "{err}");
        // Unsigned, the same manifest is only a bad signature.
        assert!(matches!(
            verify_manifest(&manifest, &feed.signature, &keyring()),
            Err(FeedError::BadSignature { .. })
        ));
    }

    #[test]
    fn invalid_json_is_reported_with_its_position() {
        let err = verify_manifest(b"{\"schema\": 1,", b"00", &keyring()).unwrap_err();
        match &err {
            FeedError::InvalidJson { file, message } => {
                assert_eq!(file, MANIFEST_FILE);
                assert_eq!(message, "expected a field name at byte 13");
            }
            other => panic!("{other:?}"),
        }
        // A signed manifest missing a field.
        let manifest = br#"{"schema": 1, "key_id": "test-key"}"#;
        let err = verify_manifest(manifest, &sign(&SEED, manifest), &keyring()).unwrap_err();
        assert!(
            err.to_string().contains("missing field `content_version`"),
            "{err}"
        );
    }

    #[test]
    fn unsafe_pack_paths_are_refused_even_when_signed() {
        let feed = feed();
        let text = String::from_utf8(feed.manifest).unwrap();
        let file = pack_file_name("ru", &feed.pack);
        for bad in [
            "../secret.json",
            "packs/../../x.json",
            "/etc/ru.json",
            "packs/ru.json?x",
        ] {
            let manifest = text.replace(&file, bad);
            let err = verify_manifest(
                manifest.as_bytes(),
                &sign(&SEED, manifest.as_bytes()),
                &keyring(),
            )
            .unwrap_err();
            assert!(
                matches!(err, FeedError::InvalidManifest { .. }),
                "{bad}: {err}"
            );
        }
    }

    #[test]
    fn every_changed_byte_of_a_pack_is_caught() {
        let feed = feed();
        let manifest = verify_manifest(&feed.manifest, &feed.signature, &keyring()).unwrap();
        for i in 0..feed.pack.len() {
            let mut bytes = feed.pack.clone();
            bytes[i] = bytes[i].wrapping_add(1);
            assert!(matches!(
                manifest.verify_pack("ru", &bytes),
                Err(FeedError::HashMismatch { .. })
            ));
        }
        let mut longer = feed.pack.clone();
        longer.push(b' ');
        assert_eq!(
            manifest.verify_pack("ru", &longer),
            Err(FeedError::SizeMismatch {
                file: manifest.packs["ru"].file.clone(),
                expected: feed.pack.len() as u64,
                found: feed.pack.len() as u64 + 1,
            })
        );
        assert_eq!(
            manifest.verify_pack("ky", &feed.pack),
            Err(FeedError::MissingPack { lang: "ky".into() })
        );
    }

    fn entry_for(bytes: &[u8]) -> PackEntry {
        PackEntry {
            file: pack_file_name("ru", bytes),
            sha256: sha256_hex(bytes),
            size: bytes.len() as u64,
        }
    }

    #[test]
    fn a_pack_file_holds_no_version_and_takes_its_manifests() {
        let bytes = serde_json::to_vec(&pack("ru", 3)).unwrap();
        assert!(!String::from_utf8_lossy(&bytes).contains("content_version"));
        assert_eq!(
            bytes,
            serde_json::to_vec(&pack("ru", 7)).unwrap(),
            "the version changes no byte"
        );
        let entry = entry_for(&bytes);
        for version in [3, 4] {
            assert_eq!(
                verify_pack(&entry, "ru", version, &bytes).unwrap(),
                pack("ru", version)
            );
        }
        // A pack written before the version left the file: the manifest's version wins.
        let text = String::from_utf8(bytes).unwrap();
        let old = text.replacen(
            "\"lang\":\"ru\"",
            "\"lang\":\"ru\",\"content_version\":2",
            1,
        );
        assert_ne!(old, text);
        let read = verify_pack(&entry_for(old.as_bytes()), "ru", 3, old.as_bytes()).unwrap();
        assert_eq!(read.content_version, 3);
    }

    #[test]
    fn a_pack_must_hold_the_listed_language_and_schema() {
        let en = serde_json::to_vec(&pack("en", 3)).unwrap();
        assert!(matches!(
            verify_pack(&entry_for(&en), "ru", 3, &en),
            Err(FeedError::WrongLanguage { expected, found, .. }) if expected == "ru" && found == "en"
        ));
        let mut future = pack("ru", 3);
        future.schema = 2;
        let future = serde_json::to_vec(&future).unwrap();
        assert!(matches!(
            verify_pack(&entry_for(&future), "ru", 3, &future),
            Err(FeedError::UnsupportedSchema { found: 2, .. })
        ));
        let junk = b"{\"schema\":1,\"lang\":\"ru\",\"content_version\":3}".to_vec();
        let err = verify_pack(&entry_for(&junk), "ru", 3, &junk).unwrap_err();
        assert!(
            matches!(&err, FeedError::InvalidJson { message, .. } if message.contains("missing field `categories`")),
            "{err}"
        );
    }

    #[test]
    fn packs_over_a_limit_are_refused_with_a_clear_message() {
        let mut many = pack("ru", 3);
        let article = many.articles[0].clone();
        many.articles = (0..=limits::MAX_ARTICLES)
            .map(|i| Article {
                id: format!("a{i}"),
                ..article.clone()
            })
            .collect();
        let bytes = serde_json::to_vec(&many).unwrap();
        let err = verify_pack(&entry_for(&bytes), "ru", 3, &bytes).unwrap_err();
        assert!(
            err.to_string()
                .ends_with("has 301 articles where at most 300 are allowed"),
            "{err}"
        );
        assert_eq!(Outcome::from(&err), Outcome::TooLarge);

        let mut long = pack("ru", 3);
        long.articles[0].body = vec![Block::Paragraph(vec![Inline::Text(
            "ж".repeat(limits::MAX_ARTICLE_CHARS + 1),
        )])];
        let bytes = serde_json::to_vec(&long).unwrap();
        let err = verify_pack(&entry_for(&bytes), "ru", 3, &bytes).unwrap_err();
        assert!(
            err.to_string()
                .contains("20001 characters in the body of article `registration-eaeu`"),
            "{err}"
        );

        let huge = vec![b' '; MAX_PACK_BYTES + 1];
        assert!(matches!(
            verify_pack(&entry_for(&huge), "ru", 3, &huge),
            Err(FeedError::OverLimit { .. })
        ));
    }

    #[test]
    fn manifests_over_a_limit_are_refused_even_when_signed() {
        let feed = feed();
        let text = String::from_utf8(feed.manifest.clone()).unwrap();
        let size = format!("\"size\": {}", feed.pack.len());
        let manifest = text.replace(&size, &format!("\"size\": {}", MAX_PACK_BYTES + 1));
        assert_ne!(manifest, text);
        let err = verify_manifest(
            manifest.as_bytes(),
            &sign(&SEED, manifest.as_bytes()),
            &keyring(),
        )
        .unwrap_err();
        assert!(matches!(err, FeedError::OverLimit { .. }), "{err}");

        let mut padded = feed.manifest.clone();
        padded.resize(MAX_MANIFEST_BYTES + 1, b' ');
        let err = verify_manifest(&padded, &sign(&SEED, &padded), &keyring()).unwrap_err();
        assert_eq!(
            err.to_string(),
            format!(
                "over a limit: manifest.json has {} bytes where at most {MAX_MANIFEST_BYTES} are allowed",
                MAX_MANIFEST_BYTES + 1
            )
        );
    }

    /// A manifest of the test pack signed by `seed` as `key_id`, with key changes.
    fn rotation_manifest(
        seed: &[u8; 32],
        key_id: &str,
        new_keys: Vec<TrustedKey>,
        revoked_keys: Vec<String>,
    ) -> (Vec<u8>, Vec<u8>) {
        let pack = serde_json::to_vec(&pack("ru", 3)).unwrap();
        let mut manifest: Manifest =
            serde_json::from_slice(&manifest_json(SCHEMA_VERSION, key_id, &pack)).unwrap();
        manifest.new_keys = new_keys;
        manifest.revoked_keys = revoked_keys;
        let bytes = serde_json::to_vec_pretty(&manifest).unwrap();
        let signature = sign(seed, &bytes);
        (bytes, signature)
    }

    fn public(seed: &[u8; 32]) -> [u8; 32] {
        SigningKey::from_bytes(seed).verifying_key().to_bytes()
    }

    #[test]
    fn a_key_introduced_by_a_trusted_manifest_signs_the_next_feed() {
        let next_key = TrustedKey::new("next-key", public(&OTHER_SEED));
        // Before the introduction the new key is unknown.
        let (by_next, by_next_sig) = rotation_manifest(&OTHER_SEED, "next-key", vec![], vec![]);
        assert_eq!(
            verify_manifest(&by_next, &by_next_sig, &keyring()),
            Err(FeedError::UnknownKey {
                key_id: "next-key".into()
            })
        );
        // The old key signs a manifest listing the new key (and retiring itself).
        let (intro, intro_sig) = rotation_manifest(
            &SEED,
            "test-key",
            vec![next_key.clone()],
            vec!["test-key".into()],
        );
        let manifest = verify_manifest(&intro, &intro_sig, &keyring()).unwrap();
        let learned = manifest.keyring_after(&keyring()).unwrap();
        assert_eq!(learned.find("next-key"), Some(&next_key));
        // A feed signed by the new key now verifies; one by the revoked key is refused.
        assert!(verify_manifest(&by_next, &by_next_sig, &learned).is_ok());
        let old = feed();
        let err = verify_manifest(&old.manifest, &old.signature, &learned).unwrap_err();
        assert_eq!(
            err,
            FeedError::RevokedKey {
                key_id: "test-key".into()
            }
        );
        assert!(err.to_string().contains("has been revoked"), "{err}");
        assert_eq!(Outcome::from(&err), Outcome::UnknownKey);
        // A build that still lists the old key does not bring it back.
        assert!(matches!(
            verify_manifest(&old.manifest, &old.signature, &keyring().joined(&learned)),
            Err(FeedError::RevokedKey { .. })
        ));
    }

    #[test]
    fn only_a_trusted_signature_can_change_the_keys() {
        let evil = TrustedKey::new("evil", public(&[5; 32]));
        // Listed in a manifest signed by an untrusted key: refused, nothing learned.
        let (bytes, signature) =
            rotation_manifest(&OTHER_SEED, "someone", vec![evil.clone()], vec![]);
        assert!(matches!(
            verify_manifest(&bytes, &signature, &keyring()),
            Err(FeedError::UnknownKey { .. })
        ));
        // A trusted manifest may not replace a trusted key's public key under its id, revoke
        // every key, or bring back a revoked id.
        for (new_keys, revoked) in [
            (vec![TrustedKey::new("test-key", evil.public_key)], vec![]),
            (vec![], vec!["test-key".to_string()]),
            (vec![evil.clone()], vec!["evil".to_string()]),
        ] {
            let (bytes, signature) = rotation_manifest(&SEED, "test-key", new_keys, revoked);
            let err = verify_manifest(&bytes, &signature, &keyring()).unwrap_err();
            assert!(matches!(err, FeedError::InvalidManifest { .. }), "{err}");
        }
        // A manifest without key changes leaves the keyring as it was.
        let feed = feed();
        let manifest = verify_manifest(&feed.manifest, &feed.signature, &keyring()).unwrap();
        assert_eq!(manifest.keyring_after(&keyring()), Ok(keyring()));
        assert!(
            !String::from_utf8(feed.manifest)
                .unwrap()
                .contains("new_keys")
        );
    }

    #[test]
    fn min_app_version_is_compared_numerically() {
        let feed = feed();
        let mut manifest = verify_manifest(&feed.manifest, &feed.signature, &keyring()).unwrap();
        manifest.min_app_version = "0.10.0".into();
        assert!(manifest.accepts_app_version("0.10.0"));
        assert!(manifest.accepts_app_version("1.0.0"));
        assert!(!manifest.accepts_app_version("0.9.9"));
        assert!(!manifest.accepts_app_version("0.10"));
        assert!(!manifest.accepts_app_version("x"));
    }

    #[test]
    fn errors_read_clearly() {
        let err = FeedError::HashMismatch {
            file: "packs/ru.x.json".into(),
            expected: "aa".into(),
            found: "bb".into(),
        };
        assert_eq!(
            err.to_string(),
            "hash mismatch: packs/ru.x.json has SHA-256 bb but the manifest says aa (altered or damaged)"
        );
    }
}
