//! One definition of each wire format. The app reads and writes JSON with
//! `jardam_core::codec::json`, the editors' tool with serde (core's feature `serde`): for every
//! wire type, on values taken from the real content's feed, `json::to_string` writes exactly the
//! bytes `serde_json` writes, each reads the other's output back to an equal value, and leaving
//! out or nulling any field is refused or accepted alike. A scan of `core/src` finds every type
//! with a JSON reader or writer, so a new one cannot be left out of this test, and checks that
//! the values exercise every field each declares.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Debug;
use std::fs;
use std::path::Path;

use ed25519_dalek::SigningKey;
use jardam_core::codec::json::{self, FromJson, ToJson};
use jardam_core::codec::langmap::LangMap;
use jardam_core::content::letter::{Addressee, FieldKind, PackLetters};
use jardam_core::content::markup::{Block, Inline};
use jardam_core::content::{
    Anchor, Audience, ContactKind, Country, DeadlineUnit, Pack, PhoneLabel, Review,
};
use jardam_core::feed::bundle::{self, Bundle};
use jardam_core::feed::{MANIFEST_FILE, Manifest, SIGNATURE_FILE, TrustedKey, keys};
use jardam_core::sync::installed::{Installed, Origin, Signed};
use jardam_core::sync::{Attempt, Outcome};
use jardam_core::time::date::{Date, Weekday};
use jardam_core::time::deadline::Anchors;
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

/// The private types read inside a variant of `Block` or `Inline`: (type, variant key,
/// private type of the variant's object).
const VARIANTS: &[(&str, &str, &str)] = &[
    ("Block", "h", "Heading"),
    ("Block", "list", "List"),
    ("Block", "table", "Table"),
    ("Inline", "a", "Link"),
];

/// The variant keys of type `name` whose values are objects read by a private type.
fn variants_of(name: &str) -> impl Iterator<Item = (&'static str, &'static str)> {
    VARIANTS
        .iter()
        .filter(move |(outer, _, _)| *outer == name)
        .map(|(_, key, inner)| (*key, *inner))
}

/// The partial views `verify_manifest` and `verify_pack` read first (both named `Header`):
/// their fields must be fields of the manifest or a pack.
const PARTIAL_VIEWS: &[(&str, &[&str])] = &[("Header", &["Manifest", "Pack"])];

/// What one type's checks saw.
#[derive(Default)]
struct Seen {
    /// Types checked, by name.
    types: BTreeSet<String>,
    /// The fields serde wrote for each type, by name (empty ones are left out).
    fields: BTreeMap<String, BTreeSet<String>>,
}

impl Seen {
    fn note_fields(&mut self, name: &str, doc: &Value) {
        let fields = self.fields.entry(name.to_owned()).or_default();
        if let Value::Object(map) = doc {
            fields.extend(map.keys().cloned());
        }
    }

    /// A type the app reads but never writes: `json` reads what serde writes, and both treat
    /// every field left out or null alike.
    fn read<T>(&mut self, name: &str, values: &[T])
    where
        T: FromJson + Serialize + DeserializeOwned + PartialEq + Debug,
    {
        assert!(!values.is_empty(), "{name}: no value to check");
        self.types.insert(name.to_owned());
        for value in values {
            let text = serde_json::to_string(value).unwrap();
            assert_eq!(
                &json::from_slice::<T>(text.as_bytes()).unwrap(),
                value,
                "{name}: codec::json reads serde_json's {text}"
            );
            assert_eq!(&serde_json::from_str::<T>(&text).unwrap(), value);
            let doc: Value = serde_json::from_str(&text).unwrap();
            self.note_fields(name, &doc);
            for (key, inner) in variants_of(name) {
                if let Some(inner_doc) = doc.get(key) {
                    self.note_fields(inner, inner_doc);
                }
            }
            same_verdicts::<T>(name, &doc);
        }
    }

    /// A type the app writes too: also `json::to_string` writes serde_json's exact bytes and
    /// serde reads them back.
    fn written<T>(&mut self, name: &str, values: &[T])
    where
        T: FromJson + ToJson + Serialize + DeserializeOwned + PartialEq + Debug,
    {
        for value in values {
            let ours = json::to_string(value);
            assert_eq!(
                ours,
                serde_json::to_string(value).unwrap(),
                "{name}: codec::json writes what serde_json writes"
            );
            assert_eq!(&serde_json::from_str::<T>(&ours).unwrap(), value);
        }
        self.read(name, values);
    }

    /// A closed list of words: each reads and writes the same both ways, and an unknown word
    /// reads neither way.
    fn words<T>(&mut self, name: &str, all: &[T])
    where
        T: FromJson + ToJson + Serialize + DeserializeOwned + PartialEq + Debug,
    {
        self.written(name, all);
        assert!(
            json::from_slice::<T>(b"\"no-such-word\"").is_err(),
            "{name}"
        );
        assert!(
            serde_json::from_str::<T>("\"no-such-word\"").is_err(),
            "{name}"
        );
    }
}

/// `doc` with every list cut to its first item and every string to 64 characters: the same
/// shape, quicker to read many times over (the items are checked as values of their own types).
fn shrunk(doc: &Value) -> Value {
    match doc {
        Value::Array(items) => Value::Array(items.iter().take(1).map(shrunk).collect()),
        Value::Object(map) => {
            Value::Object(map.iter().map(|(k, v)| (k.clone(), shrunk(v))).collect())
        }
        Value::String(text) => Value::String(text.chars().take(64).collect()),
        other => other.clone(),
    }
}

/// Every copy of `doc` with one field left out or set to null (in its own object, and for a
/// block or inline in its variant's object too): serde_json and `codec::json` both refuse it,
/// or both read the same value.
fn same_verdicts<T>(name: &str, doc: &Value)
where
    T: FromJson + DeserializeOwned + PartialEq + Debug,
{
    let doc = &shrunk(doc);
    let mut variants = Vec::new();
    let mut edit = |path: &[&str], key: &str, replacement: Option<Value>| {
        let mut copy = doc.clone();
        let mut object = &mut copy;
        for step in path {
            object = &mut object[*step];
        }
        let map = object.as_object_mut().unwrap();
        match replacement {
            Some(value) => map.insert(key.to_owned(), value),
            None => map.remove(key),
        };
        variants.push((format!("{}/{key}", path.join("/")), copy));
    };
    let fields = |value: &Value| -> Vec<String> {
        value
            .as_object()
            .map(|map| map.keys().cloned().collect())
            .unwrap_or_default()
    };
    for key in fields(doc) {
        edit(&[], &key, None);
        edit(&[], &key, Some(Value::Null));
        if variants_of(name).any(|(variant, _)| variant == key) {
            for inner in fields(&doc[&key]) {
                edit(&[&key], &inner, None);
                edit(&[&key], &inner, Some(Value::Null));
            }
        }
    }
    for (edited, copy) in variants {
        let text = copy.to_string();
        match (
            serde_json::from_str::<T>(&text),
            json::from_slice::<T>(text.as_bytes()),
        ) {
            (Ok(theirs), Ok(ours)) => assert_eq!(ours, theirs, "{name} without {edited}"),
            (Err(_), Err(_)) => {}
            (theirs, ours) => panic!(
                "{name} with {edited} left out or null: serde_json gives {theirs:?}, codec::json {ours:?}"
            ),
        }
    }
}

/// A wire type found in `core/src`, with the JSON names of the fields its macro lists.
struct Declared {
    name: String,
    fields: Option<Vec<String>>,
}

/// Every type of `core/src` (tests left out) with a JSON reader or writer: those of
/// `json_struct!`, `from_json_struct!` and `text_enum_impls!`, and every `impl FromJson` or
/// `impl ToJson` of a type of this project.
fn declared_wire_types(dir: &Path, out: &mut Vec<Declared>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            declared_wire_types(&path, out);
            continue;
        }
        let text = fs::read_to_string(&path).unwrap();
        let code = text.split("#[cfg(test)]\nmod tests").next().unwrap();
        let mut lines = code.lines().map(str::trim);
        while let Some(line) = lines.next() {
            let line = line
                .trim_start_matches("crate::")
                .trim_start_matches("codec::");
            let line = line.trim_start_matches("text_enum::");
            let after_macro = ["json_struct!(", "from_json_struct!(", "text_enum_impls!("]
                .iter()
                .find_map(|m| line.strip_prefix(m));
            let name_of = |rest: &str| -> String {
                rest.chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect()
            };
            if let Some(rest) = after_macro {
                let name = name_of(rest);
                if name.is_empty() {
                    continue;
                }
                let fields = (!line.starts_with("text_enum_impls!")).then(|| {
                    lines
                        .by_ref()
                        // The list ends at `});`, or at `} not_read: …);`.
                        .take_while(|l| !l.starts_with('}'))
                        .filter_map(|l| Some(l.strip_prefix('"')?.split('"').next()?.to_owned()))
                        .collect()
                });
                out.push(Declared { name, fields });
            } else if line.starts_with("impl") {
                let Some((_, ty)) = line
                    .split_once("FromJson for ")
                    .or_else(|| line.split_once("ToJson for "))
                else {
                    continue;
                };
                let name = name_of(ty);
                let standard = ["", "String", "str", "bool", "f64", "Option", "Vec"];
                if !standard.contains(&name.as_str()) {
                    out.push(Declared { name, fields: None });
                }
            }
        }
    }
}

/// Every sync outcome (the match stops compiling when one is added: add it to the list).
fn every_outcome() -> Vec<Outcome> {
    let all = vec![
        Outcome::UpToDate,
        Outcome::Updated { version: 3 },
        Outcome::NoNetwork,
        Outcome::Timeout,
        Outcome::HttpError { status: 503 },
        Outcome::InvalidJson,
        Outcome::Truncated,
        Outcome::BadSignature,
        Outcome::UnknownKey,
        Outcome::HashMismatch,
        Outcome::SizeMismatch,
        Outcome::OlderVersion {
            offered: 2,
            installed: 3,
        },
        Outcome::TooLarge,
        Outcome::UnsupportedSchema,
        Outcome::AppTooOld,
        Outcome::StorageFailed,
        Outcome::WaitingForWifi,
        Outcome::SavingData,
        Outcome::NotDue,
    ];
    for outcome in &all {
        match outcome {
            Outcome::UpToDate
            | Outcome::Updated { .. }
            | Outcome::NoNetwork
            | Outcome::Timeout
            | Outcome::HttpError { .. }
            | Outcome::InvalidJson
            | Outcome::Truncated
            | Outcome::BadSignature
            | Outcome::UnknownKey
            | Outcome::HashMismatch
            | Outcome::SizeMismatch
            | Outcome::OlderVersion { .. }
            | Outcome::TooLarge
            | Outcome::UnsupportedSchema
            | Outcome::AppTooOld
            | Outcome::StorageFailed
            | Outcome::WaitingForWifi
            | Outcome::SavingData
            | Outcome::NotDue => {}
        }
    }
    all
}

/// Every item of `part` of each of `items`, in order.
fn every<T, U: Clone>(items: &[T], part: impl Fn(&T) -> &[U]) -> Vec<U> {
    items.iter().flat_map(|item| part(item).to_vec()).collect()
}

fn inlines_within(inlines: &[Inline], out: &mut Vec<Inline>) {
    for inline in inlines {
        out.push(inline.clone());
        if let Inline::Bold(inner) = inline {
            inlines_within(inner, out);
        }
    }
}

#[test]
fn every_wire_type_reads_and_writes_the_same_with_codec_json_and_serde_json() {
    let (_temp, out) = common::build_real_feed();
    let manifest_file = fs::read(out.join(MANIFEST_FILE)).unwrap();
    let signature_file = fs::read(out.join(SIGNATURE_FILE)).unwrap();
    let manifest: Manifest = json::from_slice(&manifest_file).unwrap();
    let pack_files: Vec<(String, Vec<u8>)> = manifest
        .packs
        .iter()
        .map(|(lang, entry)| (lang.clone(), fs::read(out.join(&entry.file)).unwrap()))
        .collect();
    let mut packs: Vec<Pack> = pack_files
        .iter()
        .map(|(_, bytes)| json::from_slice(bytes).unwrap())
        .collect();
    assert_eq!(packs.len(), 5);

    // The real content leaves these fields empty everywhere: a copy of a real item fills them.
    let mut reviewed = packs[0].articles[0].clone();
    reviewed.provenance.review = Review::LawyerReviewed;
    reviewed.provenance.reviewed_by = Some("A. Lawyer, Bishkek bar".into());
    let mut reachable = packs[0].contacts[0].clone();
    reachable.whatsapp = Some("+79251155047".into());
    reachable.email = Some("help@example.org".into());
    packs[0].articles.push(reviewed);
    packs[0].contacts.push(reachable);

    let next = TrustedKey::new(
        "next-2027",
        SigningKey::from_bytes(&[7; 32]).verifying_key().to_bytes(),
    );
    let mut rotated = manifest.clone();
    rotated.new_keys = vec![next];
    rotated.revoked_keys = vec![keys::DEV_KEY_ID.into()];
    let device = keys::development_keyring();
    let after = rotated.keyring_after(&device).unwrap();
    assert!(!after.revoked().is_empty());

    let bundle_file = bundle::write(&manifest_file, &signature_file, &pack_files).unwrap();
    let bundle: Bundle = json::from_slice(&bundle_file).unwrap();

    let articles = every(&packs, |pack| &pack.articles);
    let contacts = every(&packs, |pack| &pack.contacts);
    let checklists = every(&packs, |pack| &pack.checklists);
    let steps = every(&checklists, |checklist| &checklist.steps);
    let letters = common::real_letters();
    let provenances: Vec<_> = (articles.iter().map(|a| a.provenance.clone()))
        .chain(contacts.iter().map(|c| c.provenance.clone()))
        .chain(checklists.iter().map(|c| c.provenance.clone()))
        .chain(letters.iter().map(|l| l.provenance.clone()))
        .collect();
    let sources = every(&provenances, |provenance| &provenance.sources);
    let blocks: Vec<Block> = every(&articles, |article| &article.body);
    let mut inlines = Vec::new();
    for block in &blocks {
        for line in block.lines() {
            inlines_within(line, &mut inlines);
        }
    }
    let dates: Vec<Date> = provenances
        .iter()
        .map(|p| p.checked_on)
        .chain(sources.iter().filter_map(|s| s.date))
        .chain([Date::MIN, Date::MAX])
        .collect();
    let anchors = [
        Anchors::default(),
        Anchors {
            entry: Some(dates[0]),
            contract: Some(dates[1]),
            patent: Some(Date::MIN),
            departure: Some(Date::MAX),
        },
    ];
    let attempts: Vec<Attempt> = every_outcome()
        .into_iter()
        .map(|outcome| Attempt {
            at_ms: 1_763_761_234_567.0,
            mirror: "/feed/".into(),
            outcome,
            bytes: manifest_file.len() as u64,
        })
        .collect();

    let bundled = Installed::next(
        None,
        manifest.clone(),
        device.clone(),
        Signed::default(),
        Origin::bundled(),
        &["ru".to_owned(), "ky".to_owned()],
    );
    let origin = Origin {
        mirror: "https://mirror.example/feed/".into(),
        etag: Some("\"v3\"".into()),
        last_modified: Some("Tue, 01 Dec 2026 10:00:00 GMT".into()),
        checked_at_ms: Some(1_763_761_234_567.0),
    };
    let signed = Signed::new(&manifest_file, &signature_file);
    let synced = Installed::next(
        Some(&bundled),
        rotated.clone(),
        after.clone(),
        signed.clone(),
        origin,
        &["en".to_owned()],
    );
    assert_eq!(synced.held.len(), 3);

    let mut seen = Seen::default();
    seen.written("Installed", &[bundled, synced]);
    seen.written("Signed", &[signed, Signed::default()]);
    seen.written("Manifest", &[manifest.clone(), rotated.clone()]);
    seen.written(
        "PackEntry",
        &manifest.packs.values().cloned().collect::<Vec<_>>(),
    );
    seen.written("Keyring", &[device, after.clone()]);
    seen.written("TrustedKey", &after.keys().cloned().collect::<Vec<_>>());
    seen.written("Bundle", std::slice::from_ref(&bundle));
    seen.written("LangMap", std::slice::from_ref(&manifest.packs));
    seen.written::<LangMap<String>>("LangMap", &[bundle.packs, LangMap::new()]);
    seen.written("Attempt", &attempts);
    seen.written("Outcome", &every_outcome());
    seen.written("Anchors", &anchors);
    seen.written("Date", &dates);
    seen.read("Pack", &packs);
    seen.read("Category", &every(&packs, |pack| &pack.categories));
    seen.read("Region", &every(&packs, |pack| &pack.regions));
    seen.read("Article", &articles);
    let pack_letters: Vec<PackLetters> = pack_files
        .iter()
        .map(|(_, bytes)| json::from_slice(bytes).unwrap())
        .collect();
    assert!(pack_letters.iter().any(|p| !p.letters.is_empty()));
    seen.read("PackLetters", &pack_letters);
    seen.read("Contact", &contacts);
    seen.read("Phone", &every(&contacts, |contact| &contact.phones));
    seen.read("Hours", &every(&contacts, |contact| &contact.hours));
    seen.read("Checklist", &checklists);
    seen.read("Step", &steps);
    seen.read(
        "DeadlineRule",
        &steps.iter().filter_map(|s| s.deadline).collect::<Vec<_>>(),
    );
    seen.written("Letter", &letters);
    seen.written("Field", &every(&letters, |letter| &letter.fields));
    seen.written(
        "LetterParts",
        &letters.iter().map(|l| l.letter.clone()).collect::<Vec<_>>(),
    );
    seen.written("Provenance", &provenances);
    seen.written("Source", &sources);
    seen.read("Block", &blocks);
    seen.read("Inline", &inlines);
    seen.words("Review", Review::ALL);
    seen.words("Audience", Audience::ALL);
    seen.words("ContactKind", ContactKind::ALL);
    seen.words("Country", Country::ALL);
    seen.words("PhoneLabel", PhoneLabel::ALL);
    seen.words("Anchor", Anchor::ALL);
    seen.words("DeadlineUnit", DeadlineUnit::ALL);
    seen.words("Weekday", Weekday::ALL);
    seen.words("Addressee", Addressee::ALL);
    seen.words("FieldKind", FieldKind::ALL);
    // The private types are checked through the public ones they are read inside.
    for (_, _, inner) in VARIANTS {
        seen.types.insert((*inner).to_owned());
    }
    seen.types.insert("OutcomeRecord".into());
    let outcome_fields = seen.fields["Outcome"].clone();
    seen.fields.insert("OutcomeRecord".into(), outcome_fields);

    let mut declared = Vec::new();
    declared_wire_types(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("../core/src"),
        &mut declared,
    );
    for Declared { name, fields } in &declared {
        if let Some((_, wholes)) = PARTIAL_VIEWS.iter().find(|(view, _)| view == name) {
            for field in fields.iter().flatten() {
                assert!(
                    wholes
                        .iter()
                        .any(|whole| seen.fields[*whole].contains(field)),
                    "{name}'s field `{field}` is a field of one of {wholes:?}"
                );
            }
            continue;
        }
        assert!(
            seen.types.contains(name),
            "{name} has a JSON reader or writer in core/src: check it in this test"
        );
        if let Some(fields) = fields {
            let declared: BTreeSet<String> = fields.iter().cloned().collect();
            assert_eq!(
                seen.fields[name], declared,
                "{name}: every field it lists, and no other, appears in the values checked"
            );
        }
    }
    let found: BTreeSet<&str> = declared.iter().map(|d| d.name.as_str()).collect();
    for name in &seen.types {
        assert!(
            found.contains(name.as_str()),
            "the scan of core/src finds {name}"
        );
    }
}
