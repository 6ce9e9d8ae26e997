//! Compiles `locales/*.toml` into a static string table.
//!
//! Every locale must have exactly the keys of `en.toml`, with the same `{placeholders}`;
//! anything else stops the build with a message naming the file and the key.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::Path;

/// Locale files in the order of the app's `Lang` enum.
const LOCALES: [&str; 5] = ["ky", "ru", "uz", "tg", "en"];
const REFERENCE: &str = "en";

fn load(dir: &Path, lang: &str) -> toml::Table {
    let path = dir.join(format!("{lang}.toml"));
    println!("cargo:rerun-if-changed={}", path.display());
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: cannot read: {e}", path.display()));
    text.parse()
        .unwrap_or_else(|e| panic!("{}: invalid TOML: {e}", path.display()))
}

fn placeholders(text: &str) -> BTreeSet<&str> {
    text.split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
        .collect()
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

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../locales");
    let reference = load(&dir, REFERENCE);
    let keys: Vec<&String> = reference.keys().collect();
    let mut errors = Vec::new();
    let mut tables = Vec::new();
    for lang in LOCALES {
        let table = load(&dir, lang);
        let mut row = Vec::new();
        for key in &keys {
            let want = reference[key.as_str()].as_str().unwrap_or_else(|| {
                panic!("locales/{REFERENCE}.toml: key `{key}` must be a string")
            });
            match table.get(key.as_str()).and_then(|v| v.as_str()) {
                None => errors.push(format!("locales/{lang}.toml: missing key `{key}`")),
                Some(text) if placeholders(text) != placeholders(want) => errors.push(format!(
                    "locales/{lang}.toml: key `{key}` has placeholders {:?}, expected {:?}",
                    placeholders(text),
                    placeholders(want)
                )),
                Some(text) => row.push(text.to_owned()),
            }
        }
        for extra in table.keys().filter(|k| !reference.contains_key(k.as_str())) {
            errors.push(format!(
                "locales/{lang}.toml: key `{extra}` is not in {REFERENCE}.toml"
            ));
        }
        tables.push(row);
    }
    if !errors.is_empty() {
        panic!("locale errors:\n{}", errors.join("\n"));
    }

    let mut out = String::new();
    out.push_str("/// A UI string, one per key in `locales/en.toml`.\n#[allow(clippy::enum_variant_names)]\n");
    out.push_str("#[derive(Clone, Copy, Debug, PartialEq, Eq)]\npub enum Key {\n");
    for key in &keys {
        writeln!(out, "    /// `{key}`\n    {},", camel(key)).unwrap();
    }
    out.push_str("}\n\n/// Strings per language, in `Lang` order, indexed by `Key`.\n");
    writeln!(
        out,
        "pub static TABLE: [[&str; {}]; {}] = [",
        keys.len(),
        LOCALES.len()
    )
    .unwrap();
    for row in &tables {
        out.push_str("    [");
        for text in row {
            write!(out, "{text:?}, ").unwrap();
        }
        out.push_str("],\n");
    }
    out.push_str("];\n");
    let dest = Path::new(&std::env::var("OUT_DIR").unwrap()).join("locales.rs");
    std::fs::write(dest, out).unwrap();
    println!("cargo:rerun-if-changed=build.rs");
}
