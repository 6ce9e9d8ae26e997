//! One language's UI strings as a file the app fetches (`l10n/LANG.HASH16.json`), so that a
//! reader downloads the strings of their own language only. No language is compiled into the
//! app (Russian was, until its 3.5 KB with brotli were needed for features); Russian is the
//! fallback and the officer card's language, fetched when needed.
//!
//! The file is a JSON array: every plain string in key order, then each plural key's forms in
//! [`Category::ALL`] order (a form the language does not use is empty). The app knows the
//! SHA-256 of each file from its build and refuses any other bytes.

use std::fmt;

use crate::codec::json::{self, JsonError};
use crate::feed::sha256_hex;
use crate::i18n::locales::{Entry, Locale};
use crate::i18n::plural::Category;

/// The language shown when the reader's cannot be had, and the officer card's.
pub const FALLBACK: &str = "ru";

/// Keys starting with this belong to the letters module, which has them compiled in for every
/// language: they are not in the file, so the app shell does not download them.
pub const LETTERS_PREFIX: &str = "letter_";

/// Keys starting with this are the static pages' own (written by the build,
/// `scripts/postbuild/pages.mjs`, for a reader without the app): neither in the file nor in the app.
pub const PAGES_PREFIX: &str = "page_";

/// Whether `key` is one of the strings the app's file carries (not the letters module's or the
/// static pages').
pub fn in_file(key: &str) -> bool {
    !key.starts_with(LETTERS_PREFIX) && !key.starts_with(PAGES_PREFIX)
}

/// The strings of `locale` in file order, for the keys of `reference` (plain keys first, then
/// the forms of each plural key) but the letters module's; a missing string is empty (the
/// build refuses such locales).
pub fn table<'a>(reference: &Locale, locale: &'a Locale) -> Vec<&'a str> {
    let keys = |plural: bool| {
        reference
            .entries
            .iter()
            .filter(move |(key, entry)| matches!(entry, Entry::Forms(_)) == plural && in_file(key))
            .map(|(key, _)| key.as_str())
    };
    let plain = keys(false).map(|key| match locale.get(key) {
        Some(Entry::Text(text)) => text.as_str(),
        _ => "",
    });
    let forms = keys(true).flat_map(|key| {
        let entry = locale.get(key);
        Category::ALL.map(|category| entry.and_then(|e| e.form(category)).unwrap_or(""))
    });
    plain.chain(forms).collect()
}

/// The file's bytes: [`table`] as a compact JSON array.
pub fn file_bytes(table: &[&str]) -> Vec<u8> {
    json::to_string(table).into_bytes()
}

/// The file's path under the app's root: `l10n/LANG.<first 16 hex digits of SHA-256>.json`.
pub fn file_name(lang: &str, bytes: &[u8]) -> String {
    format!("l10n/{lang}.{}.json", &sha256_hex(bytes)[..16])
}

/// The strings file of `locale`: its path under the app's root ([`file_name`]) and its bytes
/// ([`file_bytes`] of [`table`]). The app's build and `jardam-feed strings` both call this, so
/// the path the app asks for is the file written.
pub fn file(reference: &Locale, locale: &Locale) -> (String, Vec<u8>) {
    let bytes = file_bytes(&table(reference, locale));
    (file_name(&locale.lang, &bytes), bytes)
}

/// Why fetched strings were refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StringsError {
    /// The bytes are not the ones the app was built with (truncated, altered or stale).
    HashMismatch,
    /// The file is not a JSON array of strings.
    Json(JsonError),
    /// The file has another number of strings than the app's keys.
    WrongCount {
        /// How many the app needs.
        expected: usize,
        /// How many the file has.
        found: usize,
    },
}

impl fmt::Display for StringsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StringsError::HashMismatch => f.write_str("the strings file is not the one built"),
            StringsError::Json(e) => write!(f, "the strings file is not valid: {e}"),
            StringsError::WrongCount { expected, found } => {
                write!(f, "the strings file has {found} strings, not {expected}")
            }
        }
    }
}

/// Reads a fetched strings file: its SHA-256 must be `sha256` (lowercase hex) and it must hold
/// exactly `count` strings.
pub fn read(bytes: &[u8], sha256: &str, count: usize) -> Result<Vec<String>, StringsError> {
    if sha256_hex(bytes) != sha256 {
        return Err(StringsError::HashMismatch);
    }
    let strings: Vec<String> = json::from_slice(bytes).map_err(StringsError::Json)?;
    if strings.len() != count {
        return Err(StringsError::WrongCount {
            expected: count,
            found: strings.len(),
        });
    }
    Ok(strings)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::locales::tests::{forms, locale, text};

    fn pair() -> (Locale, Locale) {
        let en = locale(
            "en",
            vec![
                ("days", forms(&[("one", "{n} day"), ("other", "{n} days")])),
                ("hello", text("Hello")),
                ("bye", text("Bye \"now\"")),
            ],
        );
        let ru = locale(
            "ru",
            vec![
                ("bye", text("Пока")),
                (
                    "days",
                    forms(&[
                        ("one", "{n} день"),
                        ("few", "{n} дня"),
                        ("many", "{n} дней"),
                        ("other", "{n} дня"),
                    ]),
                ),
                ("hello", text("Привет")),
            ],
        );
        (en, ru)
    }

    #[test]
    fn table_follows_the_reference_order_plain_keys_then_forms() {
        let (en, ru) = pair();
        let mut expected = vec!["Привет", "Пока"];
        expected.extend(Category::ALL.map(|c| match c {
            Category::One => "{n} день",
            Category::Few => "{n} дня",
            Category::Many => "{n} дней",
            Category::Other => "{n} дня",
        }));
        assert_eq!(table(&en, &ru), expected);
        assert_eq!(table(&en, &en)[..2], ["Hello", "Bye \"now\""]);
    }

    #[test]
    fn a_file_reads_back_to_its_table() {
        let (en, ru) = pair();
        let strings = table(&en, &ru);
        let bytes = file_bytes(&strings);
        let name = file_name("ru", &bytes);
        assert_eq!(file(&en, &ru), (name.clone(), bytes.clone()));
        assert!(
            name.starts_with("l10n/ru.") && name.ends_with(".json"),
            "{name}"
        );
        let hash = sha256_hex(&bytes);
        assert!(name.contains(&hash[..16]));
        assert_eq!(read(&bytes, &hash, strings.len()).unwrap(), strings);
        let english = table(&en, &en);
        let bytes = file_bytes(&english);
        assert_eq!(
            read(&bytes, &sha256_hex(&bytes), english.len()).unwrap(),
            english
        );
    }

    #[test]
    fn altered_truncated_or_stale_files_are_refused() {
        let (en, ru) = pair();
        let strings = table(&en, &ru);
        let bytes = file_bytes(&strings);
        let hash = sha256_hex(&bytes);
        for cut in 0..bytes.len() {
            assert_eq!(
                read(&bytes[..cut], &hash, strings.len()),
                Err(StringsError::HashMismatch)
            );
        }
        let mut altered = bytes.clone();
        altered[3] ^= 1;
        assert_eq!(
            read(&altered, &hash, strings.len()),
            Err(StringsError::HashMismatch)
        );
        assert_eq!(
            read(&bytes, &hash, strings.len() + 1),
            Err(StringsError::WrongCount {
                expected: strings.len() + 1,
                found: strings.len()
            })
        );
        let object = br#"{"a":"b"}"#;
        assert!(matches!(
            read(object, &sha256_hex(object), 1),
            Err(StringsError::Json(_))
        ));
    }
}
