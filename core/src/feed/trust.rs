//! Which keys may sign the feed, and how that changes: key rotation and revocation.
//!
//! A build trusts the keys of [`crate::feed::keys`]. A manifest signed by a trusted key may list
//! `new_keys` (trusted from then on) and `revoked_keys` (ids never trusted again, even when a
//! build lists them). The app keeps the resulting [`Keyring`] with the installed content, so a
//! later feed signed only by a new key verifies, and a feed signed by a revoked key is refused.
//!
//! Rotating from key A to key B: publish a feed signed by A that lists B in `new_keys` (and A in
//! `revoked_keys` if A must not sign again); once devices have it, sign with B. Add B to the
//! app's key list for new installs.

use crate::codec::hex;
use crate::codec::json::{FromJson, JsonError, Reader, ToJson, Writer};
use crate::json_struct;

/// A public key allowed to sign feeds. In JSON: `{"id": "…", "public_key": "64 hex digits"}`.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct TrustedKey {
    /// The id written in manifests signed by it.
    pub id: String,
    /// The ed25519 public key.
    #[cfg_attr(feature = "serde", serde(with = "crate::codec::serde_impls::hex_key"))]
    pub public_key: [u8; 32],
}

impl FromJson for TrustedKey {
    fn read(r: &mut Reader<'_>) -> Result<TrustedKey, JsonError> {
        let (mut id, mut public_key) = (None, None);
        r.object(&mut |r, field| {
            match field {
                "id" => id = Some(r.string()?),
                "public_key" => {
                    let text = r.string()?;
                    let key = hex::decode_array(&text)
                        .ok_or_else(|| r.invalid("a public key of 64 lowercase hex digits"))?;
                    public_key = Some(key);
                }
                _ => r.skip()?,
            }
            Ok(())
        })?;
        Ok(TrustedKey {
            id: id.ok_or(JsonError::Missing("id"))?,
            public_key: public_key.ok_or(JsonError::Missing("public_key"))?,
        })
    }
}

impl ToJson for TrustedKey {
    fn write(&self, w: &mut Writer) {
        w.begin_object();
        w.field("id");
        w.string(&self.id);
        w.field("public_key");
        w.string(&hex::encode(&self.public_key));
        w.end_object();
    }
}

json_struct!(Keyring {
    "keys" => keys: required,
    "revoked" => revoked: skip_empty,
});

impl TrustedKey {
    /// A key with this id and public key.
    pub fn new(id: impl Into<String>, public_key: [u8; 32]) -> TrustedKey {
        TrustedKey {
            id: id.into(),
            public_key,
        }
    }
}

/// The keys a verifier trusts and the ids it has seen revoked.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Keyring {
    keys: Vec<TrustedKey>,
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Vec::is_empty"))]
    revoked: Vec<String>,
}

/// Why a manifest's key changes cannot be applied.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum KeyChangeError {
    /// A new key is not a valid ed25519 public key, or its id is not a simple word.
    Malformed(String),
    /// A new key uses a revoked id, or a trusted id with another public key.
    Conflict(String),
    /// Every key would be revoked: nothing could sign the next feed.
    NoKeyLeft,
}

impl std::fmt::Display for KeyChangeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            KeyChangeError::Malformed(id) => {
                write!(
                    f,
                    "new key `{id}` is not a valid ed25519 key with a simple id"
                )
            }
            KeyChangeError::Conflict(id) => write!(
                f,
                "new key `{id}` reuses a revoked id or a trusted id with another public key"
            ),
            KeyChangeError::NoKeyLeft => write!(f, "the key changes would leave no trusted key"),
        }
    }
}

impl Keyring {
    /// A keyring trusting exactly `keys`.
    pub fn new(keys: Vec<TrustedKey>) -> Keyring {
        Keyring {
            keys,
            revoked: Vec::new(),
        }
    }

    /// The trusted key with this id; `None` when unknown or revoked.
    pub fn find(&self, id: &str) -> Option<&TrustedKey> {
        if self.is_revoked(id) {
            return None;
        }
        self.keys.iter().find(|k| k.id == id)
    }

    /// The trusted key with this public key; `None` when unknown or revoked.
    pub fn find_public(&self, public_key: &[u8; 32]) -> Option<&TrustedKey> {
        self.keys
            .iter()
            .find(|k| &k.public_key == public_key && !self.is_revoked(&k.id))
    }

    /// Whether a manifest has revoked the key with this id.
    pub fn is_revoked(&self, id: &str) -> bool {
        self.revoked.iter().any(|r| r == id)
    }

    /// The trusted (not revoked) keys.
    pub fn keys(&self) -> impl Iterator<Item = &TrustedKey> {
        self.keys.iter().filter(|k| !self.is_revoked(&k.id))
    }

    /// The ids revoked so far.
    pub fn revoked(&self) -> &[String] {
        &self.revoked
    }

    /// This keyring with the keys and revocations of `learned` added (a build's keys joined with
    /// those a device learned from feeds). A revocation in either wins.
    pub fn joined(&self, learned: &Keyring) -> Keyring {
        let mut joined = self.clone();
        for key in &learned.keys {
            if !joined.keys.iter().any(|k| k.id == key.id) {
                joined.keys.push(key.clone());
            }
        }
        for id in &learned.revoked {
            joined.revoke(id);
        }
        joined
    }

    fn revoke(&mut self, id: &str) {
        if !self.is_revoked(id) {
            self.revoked.push(id.to_owned());
        }
    }

    /// The keyring after a verified manifest's `new_keys` and `revoked_keys`. New keys must be
    /// valid ed25519 keys with simple ids that are neither revoked (before or by this manifest)
    /// nor trusted with another public key; at least one key must stay trusted.
    pub fn after(
        &self,
        new_keys: &[TrustedKey],
        revoked_keys: &[String],
    ) -> Result<Keyring, KeyChangeError> {
        let mut next = self.clone();
        for id in revoked_keys {
            next.revoke(id);
        }
        for key in new_keys {
            let simple = !key.id.is_empty()
                && key.id.len() <= 64
                && key
                    .id
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
            if !simple || ed25519_dalek::VerifyingKey::from_bytes(&key.public_key).is_err() {
                return Err(KeyChangeError::Malformed(key.id.clone()));
            }
            if next.is_revoked(&key.id) {
                return Err(KeyChangeError::Conflict(key.id.clone()));
            }
            match next.keys.iter().find(|k| k.id == key.id) {
                Some(known) if known.public_key != key.public_key => {
                    return Err(KeyChangeError::Conflict(key.id.clone()));
                }
                Some(_) => {}
                None => next.keys.push(key.clone()),
            }
        }
        if next.keys().next().is_none() {
            return Err(KeyChangeError::NoKeyLeft);
        }
        Ok(next)
    }
}

#[cfg(test)]
mod tests {
    use ed25519_dalek::SigningKey;

    use super::*;

    fn key(id: &str, seed: u8) -> TrustedKey {
        TrustedKey::new(
            id,
            SigningKey::from_bytes(&[seed; 32])
                .verifying_key()
                .to_bytes(),
        )
    }

    #[test]
    fn new_keys_are_added_and_revoked_ones_are_no_longer_found() {
        let ring = Keyring::new(vec![key("a", 1)]);
        let next = ring.after(&[key("b", 2)], &["a".into()]).unwrap();
        assert!(next.find("a").is_none());
        assert!(next.is_revoked("a"));
        assert_eq!(next.find("b"), Some(&key("b", 2)));
        assert!(next.find_public(&key("a", 1).public_key).is_none());
        assert_eq!(next.keys().count(), 1);
        // A build that still lists `a` does not bring it back.
        let joined = Keyring::new(vec![key("a", 1)]).joined(&next);
        assert!(joined.find("a").is_none());
        assert!(joined.find("b").is_some());
    }

    #[test]
    fn conflicting_or_malformed_key_changes_are_refused() {
        let ring = Keyring::new(vec![key("a", 1)]);
        assert_eq!(
            ring.after(&[key("a", 2)], &[]),
            Err(KeyChangeError::Conflict("a".into()))
        );
        assert_eq!(ring.after(&[key("a", 1)], &[]), Ok(ring.clone()));
        assert_eq!(
            ring.after(&[key("b", 2)], &["b".into()]),
            Err(KeyChangeError::Conflict("b".into()))
        );
        assert_eq!(
            ring.after(&[key("Bad Id", 2)], &[]),
            Err(KeyChangeError::Malformed("Bad Id".into()))
        );
        assert_eq!(
            ring.after(&[], &["a".into()]),
            Err(KeyChangeError::NoKeyLeft)
        );
    }

    #[test]
    fn keyrings_round_trip_as_json_with_hex_keys() {
        let ring = Keyring::new(vec![key("a", 1)])
            .after(&[key("b", 2)], &["a".into()])
            .unwrap();
        let json = serde_json::to_string(&ring).unwrap();
        assert!(
            json.contains(&hex::encode(&key("b", 2).public_key)),
            "{json}"
        );
        assert!(json.contains(r#""revoked":["a"]"#), "{json}");
        assert_eq!(serde_json::from_str::<Keyring>(&json).unwrap(), ring);
        assert!(serde_json::from_str::<TrustedKey>(r#"{"id":"x","public_key":"zz"}"#).is_err());
        // The app's own reader and writer agree with serde.
        assert_eq!(crate::codec::json::to_string(&ring), json);
        assert_eq!(
            crate::codec::json::from_slice::<Keyring>(json.as_bytes()).unwrap(),
            ring
        );
        assert!(
            crate::codec::json::from_slice::<TrustedKey>(br#"{"id":"x","public_key":"zz"}"#)
                .is_err()
        );
    }
}
