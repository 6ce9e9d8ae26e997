//! `jardam-feed build` and `jardam-feed verify`: writing a signed feed and checking one.

use std::fs;
use std::path::Path;

use jardam_core::codec::langmap::LangMap;
use jardam_core::content::Pack;
use jardam_core::content::limits::{self, MAX_PACK_BYTES};
use jardam_core::feed::Keyring;
use jardam_core::feed::keys;
use jardam_core::feed::{
    MANIFEST_FILE, Manifest, PackEntry, SCHEMA_VERSION, SIGNATURE_FILE, TrustedKey, pack_file_name,
    sha256_hex, verify_manifest,
};

use crate::check::plural;
use crate::pack::build_packs;
use crate::problem::Problem;
use crate::signing::Signer25519;
use crate::source::Content;
use jardam_core::content::letter::PackLetters;

/// Why a build stopped.
#[derive(Debug)]
pub enum BuildError {
    /// The content has problems; nothing was written.
    Problems(Vec<Problem>),
    /// Anything else (key, file system, verification of what was written).
    Failed(String),
}

/// What a build wrote.
#[derive(Debug)]
pub struct Built {
    /// The manifest written.
    pub manifest: Manifest,
    /// Files written, relative to the output directory.
    pub files: Vec<String>,
}

/// Key rotation written into a manifest (see `jardam_core::feed::trust`).
#[derive(Clone, Debug, Default)]
pub struct KeyChanges {
    /// Keys apps trust from this feed on.
    pub new_keys: Vec<TrustedKey>,
    /// Ids of keys apps never trust again.
    pub revoked_keys: Vec<String>,
}

/// Builds, writes and re-verifies a signed feed of `content` in `out`, listing `changes`.
pub fn build(
    content: &Content,
    out: &Path,
    signer: &Signer25519,
    generated: &str,
    changes: &KeyChanges,
) -> Result<Built, BuildError> {
    let failed = BuildError::Failed;
    let packs = build_packs(content);
    let mut entries = LangMap::new();
    let mut files = Vec::new();
    let mut pack_bytes = Vec::new();
    let mut problems = Vec::new();
    for file in &packs {
        let pack = &file.pack;
        let bytes = serde_json::to_vec(file).map_err(|e| failed(e.to_string()))?;
        // The letters screen reads the letters of the same file with the app's own reader.
        let letters: PackLetters = jardam_core::codec::json::from_slice(&bytes).map_err(|e| {
            failed(format!(
                "the {} pack's letters do not read back: {e}",
                pack.lang
            ))
        })?;
        if letters.letters != file.letters {
            return Err(failed(format!(
                "the {} pack's letters read back differ from the letters built",
                pack.lang
            )));
        }
        let file = pack_file_name(&pack.lang, &bytes);
        let over = limits::check("bytes", bytes.len(), MAX_PACK_BYTES)
            .and_then(|()| limits::check_pack(pack))
            .and_then(|()| limits::check_letters(&letters));
        if let Err(over) = over {
            problems.push(Problem {
                file: out.join(&file).display().to_string(),
                line: 0,
                field: None,
                message: format!(
                    "the {} pack would have {over}: shorten or remove content (nothing was written)",
                    pack.lang
                ),
            });
        }
        entries.insert(
            pack.lang.clone(),
            PackEntry {
                file: file.clone(),
                sha256: sha256_hex(&bytes),
                size: bytes.len() as u64,
            },
        );
        pack_bytes.push((file, bytes));
    }
    if !problems.is_empty() {
        return Err(BuildError::Problems(problems));
    }
    let manifest = Manifest {
        schema: SCHEMA_VERSION,
        content_version: content.feed.content_version,
        generated: generated.to_owned(),
        key_id: signer.id.clone(),
        min_app_version: content.feed.min_app_version.clone(),
        packs: entries,
        new_keys: changes.new_keys.clone(),
        revoked_keys: changes.revoked_keys.clone(),
    };
    let mut manifest_bytes =
        serde_json::to_vec_pretty(&manifest).map_err(|e| failed(e.to_string()))?;
    manifest_bytes.push(b'\n');
    let signature = signer.sign_file(&manifest_bytes);

    // Packs first, then the manifest that names them, then its signature.
    fs::create_dir_all(out.join("packs")).map_err(|e| {
        failed(format!(
            "cannot create {}: {e}",
            out.join("packs").display()
        ))
    })?;
    for (file, bytes) in &pack_bytes {
        write(&out.join(file), bytes)?;
        files.push(file.clone());
    }
    write(&out.join(MANIFEST_FILE), &manifest_bytes)?;
    write(&out.join(SIGNATURE_FILE), signature.as_bytes())?;
    files.push(MANIFEST_FILE.into());
    files.push(SIGNATURE_FILE.into());

    // Read back what was written and check it as the app will.
    let keyring = Keyring::new(vec![TrustedKey::new(
        signer.id.clone(),
        signer.public_key(),
    )]);
    let verified = verify_dir(out, &keyring).map_err(|e| {
        failed(format!(
            "the feed written in {} does not verify: {e}",
            out.display()
        ))
    })?;
    let mut built: Vec<&Pack> = packs.iter().map(|file| &file.pack).collect();
    built.sort_by(|a, b| a.lang.cmp(&b.lang));
    if verified.packs.iter().collect::<Vec<_>>() != built {
        return Err(failed(
            "the packs read back differ from the packs built".into(),
        ));
    }
    Ok(Built { manifest, files })
}

fn write(path: &Path, bytes: &[u8]) -> Result<(), BuildError> {
    fs::write(path, bytes)
        .map_err(|e| BuildError::Failed(format!("cannot write {}: {e}", path.display())))
}

/// A feed that verified.
#[derive(Debug)]
pub struct Verified {
    /// Its manifest.
    pub manifest: Manifest,
    /// Its packs, in the manifest's (language) order.
    pub packs: Vec<Pack>,
}

impl Verified {
    /// A few lines saying what the feed holds.
    pub fn summary(&self) -> String {
        let m = &self.manifest;
        let mut out = format!(
            "ok: content version {}, generated {}, signed by `{}`{}, for app {} or later\n",
            m.content_version,
            m.generated,
            m.key_id,
            if m.key_id == keys::DEV_KEY_ID {
                " (the DEVELOPMENT key: not for publishing)"
            } else {
                ""
            },
            m.min_app_version
        );
        for key in &m.new_keys {
            out += &format!("  introduces key `{}`\n", key.id);
        }
        for id in &m.revoked_keys {
            out += &format!("  revokes key `{id}`\n");
        }
        for pack in &self.packs {
            let entry = &m.packs[&pack.lang];
            let translated =
                |langs: &mut dyn Iterator<Item = &str>| langs.filter(|l| *l == pack.lang).count();
            let own = translated(
                &mut pack
                    .articles
                    .iter()
                    .map(|a| a.lang.as_str())
                    .chain(pack.contacts.iter().map(|c| c.lang.as_str()))
                    .chain(pack.checklists.iter().map(|c| c.lang.as_str())),
            );
            let total = pack.articles.len() + pack.contacts.len() + pack.checklists.len();
            out += &format!(
                "  {}: {} ({} bytes): {}, {}, {}; {own} of {total} in {}\n",
                pack.lang,
                entry.file,
                entry.size,
                plural(pack.articles.len(), "article"),
                plural(pack.contacts.len(), "contact"),
                plural(pack.checklists.len(), "checklist"),
                pack.lang
            );
        }
        out
    }
}

/// Verifies the feed in `dir` with `keyring`: the manifest's signature, then every pack.
pub fn verify_dir(dir: &Path, keyring: &Keyring) -> Result<Verified, String> {
    let read = |name: &str| {
        let path = dir.join(name);
        fs::read(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))
    };
    let manifest_bytes = read(MANIFEST_FILE)?;
    let signature = read(SIGNATURE_FILE)?;
    let manifest =
        verify_manifest(&manifest_bytes, &signature, keyring).map_err(|e| e.to_string())?;
    let mut packs = Vec::new();
    for (lang, entry) in &manifest.packs {
        let bytes = read(&entry.file)?;
        packs.push(
            manifest
                .verify_pack(lang, &bytes)
                .map_err(|e| e.to_string())?,
        );
    }
    Ok(Verified { manifest, packs })
}
