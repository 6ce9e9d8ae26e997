//! `jardam-feed strings`: writes each language's UI strings (from `locales/`) as the file the app
//! fetches, `OUT/LANG.HASH16.json` (see `jardam_core::i18n::ui_strings`). The app's build compiles the
//! same hashes in, so it accepts these files only.

use std::path::Path;

use jardam_core::i18n::locales;
use jardam_core::i18n::ui_strings;

/// Checks the locales in `locales_dir` and writes every language into
/// `out` (the app's `l10n/` folder), replacing the files of earlier builds. Returns the paths
/// written, relative to the app's root.
pub fn write(locales_dir: &Path, out: &Path) -> Result<Vec<String>, String> {
    let (reference, all) = locales::load_all(locales_dir).map_err(|errors| errors.join("\n"))?;
    if out.exists() {
        std::fs::remove_dir_all(out).map_err(|e| format!("{}: {e}", out.display()))?;
    }
    std::fs::create_dir_all(out).map_err(|e| format!("{}: {e}", out.display()))?;
    let mut written = Vec::new();
    for locale in &all {
        let (name, bytes) = ui_strings::file(&reference, locale);
        let file = Path::new(&name)
            .file_name()
            .ok_or_else(|| format!("{name} has no file name"))?;
        let path = out.join(file);
        std::fs::write(&path, &bytes).map_err(|e| format!("{}: {e}", path.display()))?;
        written.push(name);
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;
    use jardam_core::feed::sha256_hex;

    fn locales_dir() -> std::path::PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../locales")
    }

    #[test]
    fn writes_every_language_under_its_hash() {
        let out = tempfile::tempdir().unwrap();
        let stale = out.path().join("l10n");
        std::fs::create_dir_all(&stale).unwrap();
        std::fs::write(stale.join("ky.0000000000000000.json"), "[]").unwrap();
        let written = write(&locales_dir(), &stale).unwrap();
        let langs: Vec<&str> = written
            .iter()
            .map(|name| name.trim_start_matches("l10n/").split('.').next().unwrap())
            .collect();
        assert_eq!(langs, ["ky", "ru", "uz", "tg", "en"]);
        let mut on_disk: Vec<String> = std::fs::read_dir(&stale)
            .unwrap()
            .map(|e| format!("l10n/{}", e.unwrap().file_name().to_string_lossy()))
            .collect();
        on_disk.sort();
        let mut expected = written.clone();
        expected.sort();
        assert_eq!(on_disk, expected, "the stale file is gone");
        let (reference, _) = locales::load_all(&locales_dir()).unwrap();
        let count = ui_strings::table(&reference, &reference).len();
        for name in &written {
            let bytes = std::fs::read(out.path().join(name)).unwrap();
            assert_eq!(
                ui_strings::file_name(name[5..7].trim_end_matches('.'), &bytes),
                *name
            );
            let strings = ui_strings::read(&bytes, &sha256_hex(&bytes), count).unwrap();
            assert!(strings.iter().filter(|s| s.is_empty()).count() < count / 2);
        }
    }

    #[test]
    fn a_broken_locale_stops_with_its_file_and_key() {
        let dir = tempfile::tempdir().unwrap();
        for lang in jardam_core::i18n::Lang::ALL.map(jardam_core::i18n::Lang::code) {
            std::fs::copy(
                locales_dir().join(format!("{lang}.toml")),
                dir.path().join(format!("{lang}.toml")),
            )
            .unwrap();
        }
        let ky = dir.path().join("ky.toml");
        let text = std::fs::read_to_string(&ky).unwrap();
        std::fs::write(&ky, text.replace("close = ", "closed = ")).unwrap();
        let out = dir.path().join("out");
        let error = write(dir.path(), &out).unwrap_err();
        assert!(
            error.contains("locales/ky.toml: missing key `close`"),
            "{error}"
        );
        assert!(!out.exists(), "nothing is written");
    }
}
