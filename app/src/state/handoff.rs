//! Content from phone to phone without internet: the verified content saved as one file, and
//! such a file opened again, verified exactly like a sync (`jardam_core::feed::bundle`).

use jardam_core::feed::bundle::{self, ImportError};
use jardam_core::sync::{Outcome, wanted_langs};
use leptos::prelude::*;

use jardam_core::sync::installed::{Installed, Origin, Signed};

use crate::platform::files;
use crate::platform::store::PACKS;
use crate::state::content::Content;
use crate::state::feed;
use crate::state::sync::APP_VERSION;

/// Saves the installed content (manifest, signature and every pack on the phone) as
/// `jardam-content-vN.json`; false when there is nothing complete to save.
pub async fn export(content: Content) -> bool {
    let (Some(installed), Some(store)) = (content.installed.get_untracked(), content.store())
    else {
        return false;
    };
    if installed.signed.manifest.is_empty() {
        return false;
    }
    let mut packs = Vec::new();
    for lang in installed.held.keys() {
        match store.get(PACKS, lang).await {
            Ok(Some(text)) => packs.push((lang.clone(), text.into_bytes())),
            _ => return false,
        }
    }
    let Some(file) = bundle::write(
        installed.signed.manifest.as_bytes(),
        installed.signed.signature.as_bytes(),
        &packs,
    ) else {
        return false;
    };
    let name = format!(
        "jardam-content-v{}.json",
        installed.manifest.content_version
    );
    files::save(&name, "application/json", &String::from_utf8_lossy(&file))
}

/// Verifies a hand-off file and, when it holds newer content, installs it atomically and shows
/// it in `lang`. Returns the version installed; on any refusal the content stays as it was.
pub async fn import(content: Content, file: &[u8], lang: &str) -> Result<u64, ImportError> {
    let current = content.installed.get_untracked();
    let keyring = feed::trusted(current.as_ref().map(|c| &c.keys));
    let accepted = bundle::import(
        file,
        &keyring,
        current.as_ref().map(|c| &c.manifest),
        &wanted_langs(lang),
        APP_VERSION,
    )?;
    let version = accepted.manifest.content_version;
    let downloaded: Vec<String> = accepted.packs.iter().map(|(l, _, _)| l.clone()).collect();
    let signed = Signed {
        manifest: accepted.manifest_file,
        signature: accepted.signature_file,
    };
    let next = Installed::next(
        current.as_ref(),
        accepted.manifest,
        accepted.keys,
        signed,
        Origin::default(),
        &downloaded,
    );
    content
        .install(next, accepted.packs, false)
        .await
        .map_err(|_| ImportError::Refused(Outcome::StorageFailed))?;
    content.show(lang);
    Ok(version)
}
