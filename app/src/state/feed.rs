//! The feed's manifest as fetched and verified, and the keys this build trusts.

use jardam_core::feed::keys;
use jardam_core::feed::{Keyring, MANIFEST_FILE, Manifest, SIGNATURE_FILE, verify_manifest};
use jardam_core::sync::Outcome;
use jardam_core::sync::installed::Signed;

use crate::platform::http;

/// The manifest of the feed at `base`, checked against `keyring`, with its files as fetched.
pub async fn load_manifest(base: &str, keyring: &Keyring) -> Result<(Manifest, Signed), Outcome> {
    let manifest = http::bytes(&format!("{base}{MANIFEST_FILE}")).await?;
    let signature = http::bytes(&format!("{base}{SIGNATURE_FILE}")).await?;
    let verified =
        verify_manifest(&manifest, &signature, keyring).map_err(|e| Outcome::from(&e))?;
    Ok((verified, Signed::new(&manifest, &signature)))
}

/// The keys a feed is verified with: this build's, plus the keys `learned` from installed
/// feeds (key rotation), minus every key revoked by either.
pub fn trusted(learned: Option<&Keyring>) -> Keyring {
    match learned {
        Some(learned) => keyring().joined(learned),
        None => keyring(),
    }
}

/// The keys this build accepts: development builds also trust the development key.
pub fn keyring() -> Keyring {
    if cfg!(feature = "development-key") {
        keys::development_keyring()
    } else {
        keys::production_keyring()
    }
}
