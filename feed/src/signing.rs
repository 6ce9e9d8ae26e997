//! Signing keys: the development key, key files, `JARDAM_SIGNING_KEY`, and `keygen`.

use std::fs::OpenOptions;
use std::io::Write;
use std::path::Path;

use ed25519_dalek::{Signer, SigningKey};
use jardam_core::codec::hex;
use jardam_core::feed::keys;

use crate::rules;

/// The committed development key file (see `keys/README.md`): for local and test builds only.
pub const DEV_KEY_FILE: &str = include_str!("../../keys/DEVELOPMENT-ONLY-INSECURE.key");

/// Where the signing key came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeySource {
    /// `--key FILE`.
    File,
    /// The `JARDAM_SIGNING_KEY` environment variable.
    Env,
    /// Neither was given: the committed development key.
    Default,
}

/// A key ready to sign a manifest.
pub struct Signer25519 {
    /// The secret key.
    pub key: SigningKey,
    /// Id written in the manifest.
    pub id: String,
    /// Whether it is the public development key.
    pub is_dev: bool,
    /// Whether the app knows it (it is in `jardam_core::feed::keys`).
    pub is_trusted: bool,
}

impl Signer25519 {
    /// The public key.
    pub fn public_key(&self) -> [u8; 32] {
        self.key.verifying_key().to_bytes()
    }

    /// The text of `manifest.json.sig` for `manifest`: signature hex and a line break.
    pub fn sign_file(&self, manifest: &[u8]) -> String {
        hex::encode(&self.key.sign(manifest).to_bytes()) + "\n"
    }
}

/// A parsed key file: `#` comment lines (one may say `key-id: ID`) and one line of 64 hex digits.
#[derive(Debug, PartialEq, Eq)]
pub struct KeyText {
    /// The secret seed.
    pub seed: [u8; 32],
    /// The id from a `# key-id: ID` comment.
    pub id: Option<String>,
}

/// Parses the text of a key file or of `JARDAM_SIGNING_KEY`.
pub fn parse_key_text(text: &str) -> Result<KeyText, String> {
    let mut id = None;
    let mut hex_lines = Vec::new();
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        if let Some(comment) = line.strip_prefix('#') {
            if let Some(value) = comment.trim().strip_prefix("key-id:") {
                id = Some(value.trim().to_owned());
            }
        } else {
            hex_lines.push(line);
        }
    }
    match hex_lines.as_slice() {
        [line] => match hex::decode_array::<32>(line) {
            Some(seed) => Ok(KeyText { seed, id }),
            None => Err("the key is not 64 hex digits (a 32-byte ed25519 seed)".into()),
        },
        [] => Err("no key found (expected one line of 64 hex digits)".into()),
        _ => Err("more than one key line (expected one line of 64 hex digits)".into()),
    }
}

/// The signing key: from `key_file` (the text of `--key FILE`), else `env` (the value of
/// `JARDAM_SIGNING_KEY`), else the development key. The id is the one `jardam_core::feed::keys` lists
/// for the public key, else `key_id`, else the file's `# key-id:` comment.
pub fn resolve(
    key_file: Option<&str>,
    env: Option<&str>,
    key_id: Option<&str>,
) -> Result<(Signer25519, KeySource), String> {
    let (text, source) = match (key_file, env) {
        (Some(text), _) => (text, KeySource::File),
        (None, Some(text)) => (text, KeySource::Env),
        (None, None) => (DEV_KEY_FILE, KeySource::Default),
    };
    let parsed = parse_key_text(text)?;
    let key = SigningKey::from_bytes(&parsed.seed);
    let public = key.verifying_key().to_bytes();
    let known = keys::development_keyring();
    let trusted = known.find_public(&public);
    let id = match (trusted, key_id) {
        (Some(t), Some(given)) if t.id != given => {
            return Err(format!(
                "this key is `{}` in jardam-core's key list, not `{given}`",
                t.id
            ));
        }
        (Some(t), _) => t.id.clone(),
        (None, Some(given)) => given.to_owned(),
        (None, None) => parsed.id.ok_or(
            "this key is not in jardam-core's key list and has no `# key-id:` line: pass --key-id ID",
        )?,
    };
    rules::id(&id).map_err(|e| format!("key id: {e}"))?;
    Ok((
        Signer25519 {
            key,
            id,
            is_dev: public == keys::DEV_PUBLIC_KEY,
            is_trusted: trusted.is_some(),
        },
        source,
    ))
}

/// Writes a new secret key to `out` (mode 0600, never over an existing file) and returns its
/// public key.
pub fn keygen(id: &str, out: &Path) -> Result<[u8; 32], String> {
    rules::id(id).map_err(|e| format!("--id: {e}"))?;
    let mut seed = [0u8; 32];
    getrandom::fill(&mut seed).map_err(|e| format!("no randomness from the system: {e}"))?;
    let key = SigningKey::from_bytes(&seed);
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options.open(out).map_err(|e| {
        if e.kind() == std::io::ErrorKind::AlreadyExists {
            format!(
                "{} already exists: refusing to overwrite a key",
                out.display()
            )
        } else {
            format!("cannot create {}: {e}", out.display())
        }
    })?;
    let text = format!(
        "# Jardam feed signing key. SECRET: never commit, share or paste this file.\n\
         # key-id: {id}\n{}\n",
        hex::encode(&seed)
    );
    file.write_all(text.as_bytes())
        .and_then(|()| file.sync_all())
        .map_err(|e| format!("cannot write {}: {e}", out.display()))?;
    Ok(key.verifying_key().to_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_committed_dev_key_matches_core() {
        let (signer, source) = resolve(None, None, None).unwrap();
        assert_eq!(source, KeySource::Default);
        assert_eq!(signer.public_key(), keys::DEV_PUBLIC_KEY);
        assert_eq!(signer.id, keys::DEV_KEY_ID);
        assert!(signer.is_dev && signer.is_trusted);
        assert_eq!(
            parse_key_text(DEV_KEY_FILE).unwrap().id.as_deref(),
            Some(keys::DEV_KEY_ID)
        );
    }

    #[test]
    fn key_texts() {
        let hex = "11".repeat(32);
        assert_eq!(parse_key_text(&hex).unwrap().seed, [0x11; 32]);
        assert_eq!(
            parse_key_text(&format!("# hi\n# key-id: prod-1\n\n{hex}\n"))
                .unwrap()
                .id
                .as_deref(),
            Some("prod-1")
        );
        assert!(parse_key_text("").is_err());
        assert!(parse_key_text("abcd").is_err());
        assert!(parse_key_text(&format!("{hex}\n{hex}")).is_err());
    }

    #[test]
    fn an_unlisted_key_needs_an_id() {
        let hex = "22".repeat(32);
        assert!(resolve(None, Some(&hex), None).is_err());
        let (signer, source) = resolve(None, Some(&hex), Some("prod-test")).unwrap();
        assert_eq!((signer.id.as_str(), source), ("prod-test", KeySource::Env));
        assert!(!signer.is_dev && !signer.is_trusted);
        // The dev key cannot pose under another id.
        assert!(resolve(Some(DEV_KEY_FILE), None, Some("prod-x")).is_err());
    }
}
