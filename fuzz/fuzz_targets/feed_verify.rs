//! Hostile feed bytes: the manifest and signature check, then a pack checked against an entry
//! that matches its hash (so JSON parsing and the limits run on arbitrary bytes). Nothing may
//! panic; a pack that verifies must keep within the limits.
#![no_main]

use jardam_core::content::limits;
use jardam_core::feed::keys;
use jardam_core::feed::{PackEntry, sha256_hex, verify_manifest, verify_pack};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // manifest \0 signature \0 pack
    let mut parts = data.splitn(3, |&b| b == 0);
    let manifest = parts.next().unwrap_or_default();
    let signature = parts.next().unwrap_or_default();
    let pack = parts.next().unwrap_or_default();
    let keyring = keys::development_keyring();
    if let Ok(manifest) = verify_manifest(manifest, signature, &keyring) {
        let _ = manifest.keyring_after(&keyring);
        for lang in manifest.packs.keys() {
            let _ = manifest.verify_pack(lang, pack);
        }
    }
    let entry = PackEntry {
        file: "packs/ru.0000000000000000.json".into(),
        sha256: sha256_hex(pack),
        size: pack.len() as u64,
    };
    for version in [0, 1, u64::MAX] {
        if let Ok(verified) = verify_pack(&entry, "ru", version, pack) {
            assert!(limits::check_pack(&verified).is_ok());
        }
    }
});
