//! Compiles `locales/*.toml` into the app: the key enums and, for every language, the path and
//! SHA-256 of the strings file the app fetches (`jardam-feed strings` writes those files).
//!
//! `jardam_core::i18n::locales::check` holds the rules (same keys as `en.toml`, same `{placeholders}`,
//! the plural forms each language's CLDR rules need); any problem stops the build with a message
//! naming the file and the key.

use std::fmt::Write as _;
use std::path::Path;

use jardam_core::feed::sha256_hex;
use jardam_core::i18n::Lang;
use jardam_core::i18n::locales::{self, Entry};
use jardam_core::i18n::plural::Category;
use jardam_core::i18n::ui_strings;

fn camel(key: &str) -> String {
    key.split('_')
        .map(|part| {
            let mut chars = part.chars();
            chars.next().map_or(String::new(), |first| {
                first.to_ascii_uppercase().to_string() + chars.as_str()
            })
        })
        .collect()
}

fn variants(out: &mut String, keys: &[&str]) {
    for key in keys {
        writeln!(out, "    /// `{key}`\n    {},", camel(key)).unwrap();
    }
}

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../locales");
    println!("cargo:rerun-if-changed={}", dir.display());
    for lang in Lang::ALL.map(Lang::code) {
        println!(
            "cargo:rerun-if-changed={}",
            dir.join(format!("{lang}.toml")).display()
        );
    }
    let (reference, all) = locales::load_all(&dir)
        .unwrap_or_else(|errors| panic!("locale errors:\n{}", errors.join("\n")));
    let keys = |plural: bool| -> Vec<&str> {
        reference
            .entries
            .iter()
            .filter(|(_, e)| matches!(e, Entry::Forms(_)) == plural)
            .map(|(k, _)| k.as_str())
            .collect()
    };
    let in_file = |key: &&str| ui_strings::in_file(key);
    let (plain, plural): (Vec<&str>, Vec<&str>) = (
        keys(false).into_iter().filter(in_file).collect(),
        keys(true).into_iter().filter(in_file).collect(),
    );
    let letters: Vec<&str> = keys(false)
        .into_iter()
        .filter(|key| key.starts_with(ui_strings::LETTERS_PREFIX))
        .collect();
    assert!(
        keys(true).iter().all(in_file),
        "the letters module's and the static pages' strings (`{}…`, `{}…`) cannot have plural forms",
        ui_strings::LETTERS_PREFIX,
        ui_strings::PAGES_PREFIX
    );

    let mut out = String::new();
    out.push_str("/// A UI string, one per plain key in `locales/en.toml`.\n");
    out.push_str("#[allow(clippy::enum_variant_names)]\n#[derive(Clone, Copy, Debug, PartialEq, Eq)]\npub enum Key {\n");
    variants(&mut out, &plain);
    out.push_str(
        "}\n\n/// A UI string with plural forms, one per table key in `locales/en.toml`.\n",
    );
    out.push_str("#[derive(Clone, Copy, Debug, PartialEq, Eq)]\npub enum Plural {\n");
    variants(&mut out, &plural);
    out.push_str("}\n\n");
    writeln!(
        out,
        "/// How many plain strings a language has (one per `Key`); its plural forms follow.\n\
         const PLAIN: usize = {};\n\n\
         /// How many strings a language has: plain ones, then four plural forms per `Plural`.\n\
         const STRINGS: usize = {};\n",
        plain.len(),
        plain.len() + plural.len() * Category::ALL.len()
    )
    .unwrap();

    // The letters module's strings, compiled in for every language (in `Lang` order).
    out.push_str(
        "/// A string of the letters module, one per `letter_` key in `locales/en.toml`.\n",
    );
    out.push_str("#[derive(Clone, Copy, Debug, PartialEq, Eq)]\npub enum LetterKey {\n");
    let short: Vec<&str> = letters
        .iter()
        .map(|key| &key[ui_strings::LETTERS_PREFIX.len()..])
        .collect();
    variants(&mut out, &short);
    out.push_str("}\n\n");
    let table: Vec<Vec<&str>> = all
        .iter()
        .map(|locale| {
            letters
                .iter()
                .map(|key| match locale.get(key) {
                    Some(Entry::Text(text)) => text.as_str(),
                    _ => "",
                })
                .collect()
        })
        .collect();
    writeln!(
        out,
        "/// The letters module's strings, per language in `Lang` order, in `LetterKey` order.\n\
         static LETTER_STRINGS: [[&str; {}]; {}] = {table:?};\n",
        letters.len(),
        Lang::ALL.len()
    )
    .unwrap();

    // Every language: the file it is fetched from and its SHA-256.
    let files: Vec<(String, String)> = all
        .iter()
        .map(|locale| {
            let (name, bytes) = ui_strings::file(&reference, locale);
            (format!("/{name}"), sha256_hex(&bytes))
        })
        .collect();
    writeln!(
        out,
        "/// Per language, in `Lang` order: the path and SHA-256 of its strings file.\n\
         static FILES: [(&str, &str); {}] = {files:?};",
        Lang::ALL.len()
    )
    .unwrap();
    let dest = Path::new(&std::env::var("OUT_DIR").unwrap()).join("locales.rs");
    std::fs::write(dest, out).unwrap();
    println!("cargo:rerun-if-changed=build.rs");
}
