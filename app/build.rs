//! Compiles `locales/*.toml` into static string tables.
//!
//! `jardam_core::locales::check` holds the rules (same keys as `en.toml`, same `{placeholders}`,
//! the plural forms each language's CLDR rules need); any problem stops the build with a message
//! naming the file and the key.

use std::fmt::Write as _;
use std::path::Path;

use jardam_core::locales::{Entry, Locale, check};
use jardam_core::plural::Category;

/// Locale files in the order of the app's `Lang` enum.
const LOCALES: [&str; 5] = ["ky", "ru", "uz", "tg", "en"];
const REFERENCE: &str = "en";

fn entry(value: &toml::Value) -> Entry {
    match value {
        toml::Value::String(text) => Entry::Text(text.clone()),
        toml::Value::Table(table) => table
            .iter()
            .map(|(name, text)| Some((name.clone(), text.as_str()?.to_owned())))
            .collect::<Option<Vec<_>>>()
            .map_or_else(
                || Entry::Invalid("a table with a value that is not a string".to_owned()),
                Entry::Forms,
            ),
        other => Entry::Invalid(format!("a TOML {}", other.type_str())),
    }
}

fn load(dir: &Path, lang: &str) -> Locale {
    let path = dir.join(format!("{lang}.toml"));
    println!("cargo:rerun-if-changed={}", path.display());
    let file = format!("locales/{lang}.toml");
    let text =
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{file}: cannot read: {e}"));
    let table: toml::Table = text
        .parse()
        .unwrap_or_else(|e| panic!("{file}: invalid TOML: {e}"));
    Locale {
        lang: lang.to_owned(),
        file,
        entries: table.iter().map(|(k, v)| (k.clone(), entry(v))).collect(),
    }
}

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
    let reference = load(&dir, REFERENCE);
    let locales: Vec<Locale> = LOCALES.iter().map(|lang| load(&dir, lang)).collect();
    let errors: Vec<String> = locales.iter().flat_map(|l| check(&reference, l)).collect();
    if !errors.is_empty() {
        panic!("locale errors:\n{}", errors.join("\n"));
    }
    let keys = |plural: bool| -> Vec<&str> {
        reference
            .entries
            .iter()
            .filter(|(_, e)| matches!(e, Entry::Forms(_)) == plural)
            .map(|(k, _)| k.as_str())
            .collect()
    };
    let (plain, plural) = (keys(false), keys(true));

    let mut out = String::new();
    out.push_str("/// A UI string, one per plain key in `locales/en.toml`.\n");
    out.push_str("#[allow(clippy::enum_variant_names)]\n#[derive(Clone, Copy, Debug, PartialEq, Eq)]\npub enum Key {\n");
    variants(&mut out, &plain);
    out.push_str(
        "}\n\n/// A UI string with plural forms, one per table key in `locales/en.toml`.\n",
    );
    out.push_str("#[derive(Clone, Copy, Debug, PartialEq, Eq)]\npub enum Plural {\n");
    variants(&mut out, &plural);
    // Each language's strings joined into one text, with the end of each string (byte offset)
    // in a table of u16: a quarter of the bytes of a table of `&str` (pointer and length each).
    out.push_str("}\n\n/// Each language's strings joined, in `Lang` order.\n");
    writeln!(out, "static TEXTS: [&str; {}] = [", LOCALES.len()).unwrap();
    let mut ends = Vec::new();
    for locale in &locales {
        let mut text = String::new();
        let mut locale_ends = Vec::new();
        for key in &plain {
            if let Some(Entry::Text(string)) = locale.get(key) {
                text.push_str(string);
            }
            locale_ends.push(u16::try_from(text.len()).expect("a language's strings exceed 64 KB"));
        }
        writeln!(out, "    {text:?},").unwrap();
        ends.push(locale_ends);
    }
    out.push_str("];\n\n/// Where each string of `TEXTS` ends, by language and `Key`.\n");
    writeln!(
        out,
        "static ENDS: [[u16; {}]; {}] = {ends:?};\n",
        plain.len(),
        LOCALES.len()
    )
    .unwrap();
    out.push_str("/// Plural forms per language, in `Lang` order, indexed by `Plural`, then by\n");
    out.push_str(
        "/// `jardam_core::plural::Category`; a form the language does not use is empty.\n",
    );
    writeln!(
        out,
        "pub static PLURALS: [[[&str; {}]; {}]; {}] = [",
        Category::ALL.len(),
        plural.len(),
        LOCALES.len()
    )
    .unwrap();
    for locale in &locales {
        out.push_str("    [");
        for key in &plural {
            let entry = locale.get(key).expect("checked above");
            let forms = Category::ALL.map(|c| entry.form(c).unwrap_or(""));
            write!(out, "{forms:?}, ").unwrap();
        }
        out.push_str("],\n");
    }
    out.push_str("];\n");
    let dest = Path::new(&std::env::var("OUT_DIR").unwrap()).join("locales.rs");
    std::fs::write(dest, out).unwrap();
    println!("cargo:rerun-if-changed=build.rs");
}
