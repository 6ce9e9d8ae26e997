//! `jardam-feed build`, `verify` and `keygen` on the valid fixture: the feed verifies, any
//! changed byte is caught, unknown keys are refused and builds are deterministic.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use common::{Fixture, GENERATED, build_into, run, valid_fixture};
use jardam_core::content::Pack;
use jardam_core::content::markup::{Block, Inline};
use jardam_core::feed::keys;
use jardam_core::feed::{Manifest, verify_manifest};

fn build_valid(out: &Path) -> common::Run {
    let run = build_into(&valid_fixture(), out, &[], &[]);
    assert_eq!(run.code, 0, "{}", run.all());
    run
}

fn verify(dir: &Path) -> common::Run {
    run(&["verify", "--dir", &dir.display().to_string()])
}

fn manifest(dir: &Path) -> Manifest {
    serde_json::from_slice(&fs::read(dir.join("manifest.json")).unwrap()).unwrap()
}

/// `lang`'s pack, read as the app reads it: checked against the manifest, of its version.
fn pack(dir: &Path, lang: &str) -> Pack {
    let manifest = manifest(dir);
    let file = &manifest.packs[lang].file;
    manifest
        .verify_pack(lang, &fs::read(dir.join(file)).unwrap())
        .unwrap()
}

/// Every file under `dir`, relative, with its bytes, sorted.
fn tree(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                out.push((
                    path.strip_prefix(dir).unwrap().to_path_buf(),
                    fs::read(&path).unwrap(),
                ));
            }
        }
    }
    out.sort();
    out
}

#[test]
fn a_built_feed_verifies() {
    let temp = tempfile::tempdir().unwrap();
    let out = temp.path().join("feed");
    let built = build_valid(&out);
    assert!(built.stdout.contains("5 packs"), "{}", built.stdout);
    assert!(
        built
            .stderr
            .contains("signed with the DEVELOPMENT key: not for publishing"),
        "{}",
        built.stderr
    );

    let m = manifest(&out);
    assert_eq!(m.schema, 1);
    assert_eq!(m.content_version, 7);
    assert_eq!(m.generated, GENERATED);
    assert_eq!(m.key_id, keys::DEV_KEY_ID);
    assert_eq!(m.min_app_version, "0.1.0");
    assert_eq!(
        m.packs.keys().collect::<Vec<_>>(),
        ["en", "ky", "ru", "tg", "uz"]
    );
    for (lang, entry) in &m.packs {
        let name = entry.file.strip_prefix("packs/").unwrap();
        assert_eq!(name, format!("{lang}.{}.json", &entry.sha256[..16]));
    }

    // With core's own functions and the keys the app trusts in development.
    let bytes = fs::read(out.join("manifest.json")).unwrap();
    let sig = fs::read(out.join("manifest.json.sig")).unwrap();
    assert_eq!(sig.len(), 129, "128 hex digits and a line break");
    let verified = verify_manifest(&bytes, &sig, &keys::development_keyring()).unwrap();
    assert_eq!(verified, m);
    // Release builds trust only production keys, which never include the dev key.
    assert!(verify_manifest(&bytes, &sig, &keys::production_keyring()).is_err());

    let run = verify(&out);
    assert_eq!(run.code, 0, "{}", run.all());
    assert!(
        run.stdout.starts_with("ok: content version 7"),
        "{}",
        run.stdout
    );
    assert!(run.stderr.contains("DEVELOPMENT key"), "{}", run.stderr);
}

#[test]
fn untranslated_items_come_from_the_russian_pack_and_say_so() {
    let temp = tempfile::tempdir().unwrap();
    let out = temp.path().join("feed");
    build_valid(&out);

    let own = pack(&out, "uz");
    assert_eq!(own.lang, "uz");
    assert_eq!(own.content_version, 7);
    assert!(
        own.article("registration-eaeu").is_none(),
        "no Uzbek text: the item is only in the Russian pack"
    );
    let uz = own.filled_from(&pack(&out, "ru"));
    let registration = uz.article("registration-eaeu").unwrap();
    assert_eq!(registration.lang, "ru", "no Uzbek text: Russian fallback");
    assert_eq!(registration.title, "Учёт по месту пребывания");
    let police = uz.article("police-check").unwrap();
    assert_eq!(
        (police.lang.as_str(), police.title.as_str()),
        ("uz", "Hujjat tekshiruvi")
    );
    assert_eq!(uz.category("arrival").unwrap().title, "Kirish");
    assert_eq!(uz.category("police").unwrap().title, "Полиция");
    let checklist = uz.checklist("kg-worker-arrival").unwrap();
    assert_eq!(checklist.lang, "ru");
    assert_eq!(
        checklist.steps[0].what,
        "Встать на учёт по месту пребывания"
    );

    let en = pack(&out, "en").filled_from(&pack(&out, "ru"));
    let checklist = en.checklist("kg-worker-arrival").unwrap();
    assert_eq!(checklist.lang, "en");
    assert_eq!(checklist.steps.len(), 3);
    assert_eq!(checklist.steps[0].where_.as_deref(), Some("MFC or MVD"));
    assert_eq!(checklist.steps[2].cost_rub, Some(9000));
    assert_eq!(checklist.steps[2].deadline.unwrap().every_months, Some(1));
    let embassy = en.contact("kg-embassy-moscow").unwrap();
    assert_eq!(embassy.lang, "ru");
    assert_eq!(embassy.hours.len(), 2);
    assert_eq!(embassy.hours[1].close, "24:00");
    assert_eq!(en.contact("emergency-112").unwrap().phones[0].number, "112");
    assert_eq!(
        en.categories.iter().map(|c| c.order).collect::<Vec<_>>(),
        [1, 2]
    );
}

#[test]
fn bodies_become_safe_blocks() {
    let temp = tempfile::tempdir().unwrap();
    let out = temp.path().join("feed");
    build_valid(&out);
    let ru = pack(&out, "ru");
    let body = &ru.article("registration-eaeu").unwrap().body;
    assert_eq!(body.len(), 6, "{body:#?}");
    assert!(
        matches!(&body[0], Block::Paragraph(inlines) if inlines.contains(&Inline::Bold(vec![Inline::Text("30 дней".into())])))
    );
    assert!(matches!(&body[1], Block::Heading { level: 2, .. }));
    assert!(matches!(&body[2], Block::List { ordered: false, items } if items.len() == 2));
    assert!(matches!(&body[3], Block::Heading { level: 3, .. }));
    match &body[4] {
        Block::List {
            ordered: true,
            items,
        } => assert!(items[1].contains(&Inline::Link {
            text: "посольство".into(),
            href: "/hotlines/kg-embassy-moscow".into()
        })),
        other => panic!("{other:?}"),
    }
}

#[test]
fn the_build_is_deterministic() {
    let temp = tempfile::tempdir().unwrap();
    let (a, b) = (temp.path().join("a"), temp.path().join("b"));
    build_valid(&a);
    build_valid(&b);
    let (ta, tb) = (tree(&a), tree(&b));
    assert_eq!(ta.len(), 7, "5 packs, manifest, signature");
    assert!(ta == tb, "two builds of the same content differ");
    // Building again into the same directory changes nothing either.
    build_valid(&a);
    assert!(tree(&a) == tb);
}

#[test]
fn a_new_version_changes_only_the_packs_whose_content_changed() {
    let temp = tempfile::tempdir().unwrap();
    let before = temp.path().join("before");
    build_valid(&before);
    let fixture = Fixture::valid();
    fixture
        .edit("feed.toml", "content_version = 7", "content_version = 8")
        .edit(
            "articles/police-check.toml",
            "title = \"Document check\"",
            "title = \"Police check\"",
        );
    let after = temp.path().join("after");
    assert_eq!(build_into(&fixture.dir(), &after, &[], &[]).code, 0);
    let (old, new) = (manifest(&before), manifest(&after));
    assert_eq!(new.content_version, 8);
    let changed: Vec<&str> = new
        .packs
        .iter()
        .filter(|(lang, entry)| old.packs[lang.as_str()].sha256 != entry.sha256)
        .map(|(lang, _)| lang.as_str())
        .collect();
    assert_eq!(
        changed,
        ["en"],
        "only the English pack holds the changed title"
    );
    assert_eq!(pack(&after, "ru").content_version, 8);
    assert_eq!(
        pack(&after, "en").article("police-check").unwrap().title,
        "Police check"
    );
}

#[test]
fn changing_one_byte_of_a_pack_fails_verification() {
    let temp = tempfile::tempdir().unwrap();
    let out = temp.path().join("feed");
    build_valid(&out);
    let file = out.join(&manifest(&out).packs["ky"].file);
    let mut bytes = fs::read(&file).unwrap();
    let i = bytes.len() / 2;
    bytes[i] ^= 0x01;
    fs::write(&file, &bytes).unwrap();
    let run = verify(&out);
    assert_eq!(run.code, 1, "{}", run.all());
    assert!(run.stderr.contains("hash mismatch"), "{}", run.stderr);
    assert!(run.stderr.contains("packs/ky."), "{}", run.stderr);

    // A pack that lost a byte is a size mismatch.
    bytes.pop();
    fs::write(&file, &bytes).unwrap();
    assert!(verify(&out).stderr.contains("size mismatch"));
}

#[test]
fn changing_one_byte_of_the_manifest_fails_verification() {
    let temp = tempfile::tempdir().unwrap();
    let out = temp.path().join("feed");
    build_valid(&out);
    let path = out.join("manifest.json");
    let original = fs::read_to_string(&path).unwrap();
    let altered = original.replacen("\"content_version\": 7", "\"content_version\": 8", 1);
    assert_ne!(altered, original);
    fs::write(&path, altered).unwrap();
    let run = verify(&out);
    assert_eq!(run.code, 1, "{}", run.all());
    assert!(run.stderr.contains("bad signature"), "{}", run.stderr);

    // So is a changed signature.
    fs::write(&path, &original).unwrap();
    assert_eq!(verify(&out).code, 0);
    let sig_path = out.join("manifest.json.sig");
    let mut sig = fs::read(&sig_path).unwrap();
    sig[10] = if sig[10] == b'0' { b'1' } else { b'0' };
    fs::write(&sig_path, sig).unwrap();
    assert!(verify(&out).stderr.contains("bad signature"));
}

#[test]
fn a_feed_signed_by_an_unknown_key_is_refused() {
    let temp = tempfile::tempdir().unwrap();
    let key = temp.path().join("new.key");
    let made = run(&[
        "keygen",
        "--id",
        "prod-test-1",
        "--out",
        &key.display().to_string(),
    ]);
    assert_eq!(made.code, 0, "{}", made.all());
    assert!(made.stdout.contains("key id:     prod-test-1"));
    let public_hex = made
        .stdout
        .lines()
        .find_map(|l| l.strip_prefix("public key: "))
        .unwrap();
    assert_eq!(public_hex.len(), 64);

    // The build signs and self-verifies with the new key, but warns that apps will refuse it.
    let out = temp.path().join("feed");
    let built = build_into(
        &valid_fixture(),
        &out,
        &["--key", &key.display().to_string()],
        &[],
    );
    assert_eq!(built.code, 0, "{}", built.all());
    assert!(
        built.stderr.contains("not in jardam-core's key list"),
        "{}",
        built.stderr
    );
    assert!(!built.stderr.contains("DEVELOPMENT"), "{}", built.stderr);
    assert_eq!(manifest(&out).key_id, "prod-test-1");

    let run = verify(&out);
    assert_eq!(run.code, 1, "{}", run.all());
    assert!(
        run.stderr
            .contains("signed with key `prod-test-1`, which is not a trusted key"),
        "{}",
        run.stderr
    );
}

#[test]
fn the_signing_key_can_come_from_the_environment() {
    let temp = tempfile::tempdir().unwrap();
    let seed = "42".repeat(32);
    let out = temp.path().join("feed");
    let env = [("JARDAM_SIGNING_KEY", seed.as_str())];
    // An unlisted key needs an id.
    let refused = build_into(&valid_fixture(), &out, &[], &env);
    assert_eq!(refused.code, 1, "{}", refused.all());
    assert!(refused.stderr.contains("--key-id"), "{}", refused.stderr);
    let built = build_into(&valid_fixture(), &out, &["--key-id", "ci-test"], &env);
    assert_eq!(built.code, 0, "{}", built.all());
    assert_eq!(manifest(&out).key_id, "ci-test");
    assert!(
        verify(&out)
            .stderr
            .contains("`ci-test`, which is not a trusted key")
    );
    // The committed development key given explicitly is still recognised and flagged.
    let dev = fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../keys/DEVELOPMENT-ONLY-INSECURE.key"),
    )
    .unwrap();
    let dev_out = temp.path().join("dev");
    let built = build_into(
        &valid_fixture(),
        &dev_out,
        &[],
        &[("JARDAM_SIGNING_KEY", &dev)],
    );
    assert_eq!(built.code, 0, "{}", built.all());
    assert!(built.stderr.contains("DEVELOPMENT key"));
    assert_eq!(manifest(&dev_out).key_id, keys::DEV_KEY_ID);
}

#[test]
fn invalid_content_is_not_built() {
    let f = Fixture::valid();
    f.edit(
        "articles/registration-eaeu.toml",
        "url = \"https://tass.ru/obschestvo/25746681\"",
        "url = \"https://tass.ru/\"",
    );
    let out = f.temp.path().join("feed");
    let run = build_into(&f.dir(), &out, &[], &[]);
    assert_eq!(run.code, 1, "{}", run.all());
    assert!(run.stderr.contains("field `sources.url`"), "{}", run.stderr);
    assert!(run.stderr.contains("not built"), "{}", run.stderr);
    assert!(!out.join("manifest.json").exists());
}

#[test]
fn generated_must_be_utc_rfc3339() {
    let temp = tempfile::tempdir().unwrap();
    let out = temp.path().join("feed");
    let run = build_into(
        &valid_fixture(),
        &out,
        &["--generated", "2026-11-21 12:00"],
        &[],
    );
    assert_eq!(run.code, 2, "{}", run.all());
    assert!(!out.exists());
}

#[test]
fn keygen_writes_a_private_file_and_never_overwrites() {
    let temp = tempfile::tempdir().unwrap();
    let key = temp.path().join("k.key");
    let key_str = key.display().to_string();
    assert_eq!(
        run(&["keygen", "--id", "prod-a", "--out", &key_str]).code,
        0
    );
    let text = fs::read_to_string(&key).unwrap();
    assert!(text.contains("# key-id: prod-a"));
    let seed_line = text.lines().find(|l| !l.starts_with('#')).unwrap();
    assert_eq!(seed_line.len(), 64);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(&key).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    let again = run(&["keygen", "--id", "prod-b", "--out", &key_str]);
    assert_eq!(again.code, 1, "{}", again.all());
    assert!(again.stderr.contains("refusing to overwrite"));
    assert_eq!(fs::read_to_string(&key).unwrap(), text);
    // Two keys are different.
    let other = temp.path().join("k2.key");
    assert_eq!(
        run(&[
            "keygen",
            "--id",
            "prod-b",
            "--out",
            &other.display().to_string()
        ])
        .code,
        0
    );
    assert_ne!(
        fs::read_to_string(&other).unwrap().lines().last(),
        text.lines().last()
    );
    assert_eq!(
        run(&[
            "keygen",
            "--id",
            "Bad Id",
            "--out",
            &temp.path().join("x").display().to_string()
        ])
        .code,
        1
    );
}
