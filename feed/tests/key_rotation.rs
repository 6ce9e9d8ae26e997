//! Key rotation with `jardam-feed`: a feed signed by the current key introduces a new key
//! (`--add-key`) and may revoke keys (`--revoke-key`); apps that installed it accept feeds
//! signed by the new key and refuse feeds signed by a revoked one.

mod common;

use std::fs;
use std::path::Path;

use common::{build_into, run, valid_fixture};
use jardam_core::feed::keys::{self, DEV_KEY_ID};
use jardam_core::feed::{FeedError, Keyring, MANIFEST_FILE, SIGNATURE_FILE, verify_manifest};

fn build(out: &Path, extra: &[&str]) -> common::Run {
    let run = build_into(&valid_fixture(), out, extra, &[]);
    assert_eq!(run.code, 0, "{}", run.all());
    run
}

/// Verifies the feed in `dir` as the app does with `keyring`; returns the keyring after it.
fn install(dir: &Path, keyring: &Keyring) -> Result<Keyring, FeedError> {
    let manifest = fs::read(dir.join(MANIFEST_FILE)).unwrap();
    let signature = fs::read(dir.join(SIGNATURE_FILE)).unwrap();
    let manifest = verify_manifest(&manifest, &signature, keyring)?;
    manifest.keyring_after(keyring)
}

/// A new key file made by `keygen`, and its `ID:PUBLIC_HEX`.
fn keygen(dir: &Path, id: &str) -> (String, String) {
    let file = dir.join(format!("{id}.key")).display().to_string();
    let run = run(&["keygen", "--id", id, "--out", &file]);
    assert_eq!(run.code, 0, "{}", run.all());
    let public = run
        .stdout
        .lines()
        .find_map(|l| l.strip_prefix("public key:"))
        .expect("keygen prints the public key")
        .trim()
        .to_owned();
    assert!(
        run.stdout.contains(&format!("--add-key {id}:{public}")),
        "{}",
        run.stdout
    );
    (file, format!("{id}:{public}"))
}

#[test]
fn a_key_introduced_by_the_old_key_signs_the_next_feed_and_a_revoked_key_is_refused() {
    let temp = tempfile::tempdir().unwrap();
    let (next_file, next) = keygen(temp.path(), "next-2027");
    let device = keys::development_keyring();

    // A feed signed by the new key alone is refused by a device that was never told of it.
    let by_next = temp.path().join("by-next");
    let run = build(&by_next, &["--key", &next_file]);
    assert!(
        run.stderr.contains("only apps that installed"),
        "{}",
        run.stderr
    );
    assert!(matches!(
        install(&by_next, &device),
        Err(FeedError::UnknownKey { .. })
    ));

    // The transition feed: signed by the current key, introducing the new one and retiring
    // the current one.
    let transition = temp.path().join("transition");
    let run = build(
        &transition,
        &["--add-key", &next, "--revoke-key", DEV_KEY_ID],
    );
    assert!(
        run.stdout.contains("introduces key `next-2027`"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains(&format!("revokes key `{DEV_KEY_ID}`")),
        "{}",
        run.stdout
    );
    let device = install(&transition, &device).unwrap();
    assert!(device.find("next-2027").is_some());

    // Now the new key's feed verifies, and a feed signed by the revoked key is refused.
    assert!(install(&by_next, &device).is_ok());
    let by_old = temp.path().join("by-old");
    build(&by_old, &[]);
    assert_eq!(
        install(&by_old, &device),
        Err(FeedError::RevokedKey {
            key_id: DEV_KEY_ID.into()
        })
    );

    // `verify` trusts a rotated-in key when told to.
    let dir = by_next.display().to_string();
    assert_eq!(run_verify(&["--dir", &dir]).code, 1);
    let ok = run_verify(&["--dir", &dir, "--trust", &next]);
    assert_eq!(ok.code, 0, "{}", ok.all());
    assert!(ok.stdout.contains("signed by `next-2027`"), "{}", ok.stdout);
}

#[test]
fn malformed_key_options_are_usage_errors() {
    let temp = tempfile::tempdir().unwrap();
    let out = temp.path().join("out");
    for bad in ["next", "next:abcd", ":00"] {
        let run = build_into(&valid_fixture(), &out, &["--add-key", bad], &[]);
        assert_eq!(run.code, 2, "{bad}: {}", run.all());
        assert!(run.stderr.contains("--add-key"), "{}", run.stderr);
    }
    // Revoking the signing key without introducing another leaves no key: not built.
    let run = build_into(&valid_fixture(), &out, &["--revoke-key", DEV_KEY_ID], &[]);
    assert_eq!(run.code, 1, "{}", run.all());
    assert!(
        run.stderr.contains("would leave no trusted key"),
        "{}",
        run.stderr
    );
}

fn run_verify(args: &[&str]) -> common::Run {
    let mut all = vec!["verify"];
    all.extend_from_slice(args);
    run(&all)
}
