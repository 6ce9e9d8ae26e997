//! Loads the content feed served beside the app and verifies its signature.

use jardam_core::feed::keys;
use jardam_core::feed::{Keyring, MANIFEST_FILE, Manifest, SIGNATURE_FILE, verify_manifest};
use leptos::prelude::window;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::Response;

use crate::content::Signed;

/// Where the bundled feed is served, relative to the app's origin.
pub const BUNDLED_FEED: &str = "/feed/";

/// Fetches `url` and returns its body, or a message saying what went wrong.
pub async fn fetch_bytes(url: &str) -> Result<Vec<u8>, String> {
    let response = JsFuture::from(window().fetch_with_str(url))
        .await
        .map_err(|_| format!("{url}: no network"))?;
    let response: Response = response.unchecked_into();
    if !response.ok() {
        return Err(format!("{url}: HTTP {}", response.status()));
    }
    let body = response
        .array_buffer()
        .map_err(|_| format!("{url}: unreadable body"))?;
    let body = JsFuture::from(body)
        .await
        .map_err(|_| format!("{url}: body cut short"))?;
    Ok(js_sys::Uint8Array::new(&body).to_vec())
}

/// The manifest of the feed at `base`, checked against `keyring`, with its files as fetched.
pub async fn load_manifest(base: &str, keyring: &Keyring) -> Result<(Manifest, Signed), String> {
    let manifest = fetch_bytes(&format!("{base}{MANIFEST_FILE}")).await?;
    let signature = fetch_bytes(&format!("{base}{SIGNATURE_FILE}")).await?;
    let verified = verify_manifest(&manifest, &signature, keyring).map_err(|e| e.to_string())?;
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
