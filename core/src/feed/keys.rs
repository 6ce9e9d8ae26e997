//! The public keys the app trusts to sign the content feed.
//!
//! See `keys/README.md` in the repository for how to add a production key.

use crate::codec::hex;
use crate::feed::{Keyring, TrustedKey};

/// Id of the development key. Its secret seed is committed in
/// `keys/DEVELOPMENT-ONLY-INSECURE.key`, so it signs local and test builds only: a feed signed
/// with it must never be published, and release builds should not trust it.
pub const DEV_KEY_ID: &str = "dev-insecure-2026";

/// Public key of [`DEV_KEY_ID`].
pub const DEV_PUBLIC_KEY: [u8; 32] = [
    0x2f, 0x8d, 0xe5, 0x24, 0x25, 0x9e, 0xfd, 0xd5, 0xb8, 0xb5, 0x0a, 0xb5, 0x88, 0x10, 0x0b, 0xfe,
    0xda, 0x75, 0xca, 0x47, 0xac, 0x33, 0x1e, 0x48, 0xf3, 0xfb, 0xbc, 0x95, 0xcc, 0x6b, 0xa5, 0x31,
];

/// Production signing keys as (key id, public key hex) from `jardam-feed keygen`.
/// Empty until the first production key is made.
const PRODUCTION_KEYS: &[(&str, &str)] = &[];

/// The development key (see [`DEV_KEY_ID`]).
pub fn development() -> TrustedKey {
    TrustedKey::new(DEV_KEY_ID, DEV_PUBLIC_KEY)
}

/// The production keys; a published feed is signed by one of them.
pub fn production() -> Vec<TrustedKey> {
    PRODUCTION_KEYS
        .iter()
        .map(|(id, public_hex)| {
            let public_key = hex::decode_array(public_hex)
                .unwrap_or_else(|| panic!("production key `{id}` is not 64 hex digits"));
            TrustedKey::new(*id, public_key)
        })
        .collect()
}

/// Keyring for release builds: the production keys only.
pub fn production_keyring() -> Keyring {
    Keyring::new(production())
}

/// Keyring for development and test builds: the production keys and the development key.
pub fn development_keyring() -> Keyring {
    let mut keys = production();
    keys.push(development());
    Keyring::new(keys)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_lists_are_well_formed() {
        let production = production();
        for key in &production {
            assert_ne!(key.id, DEV_KEY_ID);
            assert!(ed25519_dalek::VerifyingKey::from_bytes(&key.public_key).is_ok());
        }
        assert!(production_keyring().find(DEV_KEY_ID).is_none());
        assert_eq!(
            development_keyring().find(DEV_KEY_ID).unwrap().public_key,
            DEV_PUBLIC_KEY
        );
        assert!(ed25519_dalek::VerifyingKey::from_bytes(&DEV_PUBLIC_KEY).is_ok());
    }
}
