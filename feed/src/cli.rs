//! The command line: `check`, `build`, `keygen`, `verify`, `strings`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use jardam_core::codec::hex;
use jardam_core::feed::TrustedKey;
use jardam_core::feed::keys;
use jardam_core::time::date::Date;

use crate::check::{check_dir, summary, warnings};
use crate::clock;
use crate::publish::{BuildError, KeyChanges, build, verify_dir};
use crate::signing::{self, KeySource};

/// Usage text.
pub const USAGE: &str = "\
jardam-feed: validate, build, sign and verify Jardam's content feed

USAGE:
  jardam-feed check  [--content DIR] [--today YYYY-MM-DD]
  jardam-feed build  [--content DIR] --out DIR [--key FILE] [--key-id ID]
                     [--add-key ID:PUBLIC_HEX,...] [--revoke-key ID,...]
                     [--generated YYYY-MM-DDTHH:MM:SSZ] [--today YYYY-MM-DD]
  jardam-feed keygen --id ID --out FILE
  jardam-feed verify --dir DIR [--trust ID:PUBLIC_HEX,...]
  jardam-feed strings [--locales DIR] --out DIR

  --content DIR   the content folder (default: content)
  --key FILE      secret key file; else $JARDAM_SIGNING_KEY (hex seed); else the
                  DEVELOPMENT key from keys/ (never for publishing)
  --key-id ID     id of a key not yet listed in jardam-core (normally not needed)
  --add-key K     key rotation: apps that accept this feed trust these keys from now on
  --revoke-key I  key rotation: apps that accept this feed never trust these key ids again
  --trust K       verify: also trust these keys (a feed signed by a rotated-in key)
  --locales DIR   strings: the UI string files (default: locales); writes each language
                  the app fetches as OUT/LANG.HASH.json
  --generated T   time written in the manifest (default: now), for reproducible builds
  --today D       the date that counts as today for \"not in the future\" (default: the clock)

Exit status: 0 ok, 1 problems found or verification failed, 2 wrong usage.";

/// Exit status for a usage error.
const USAGE_ERROR: i32 = 2;

/// Parsed `--name value` options, each allowed at most once.
struct Options {
    values: BTreeMap<String, String>,
}

impl Options {
    fn parse(args: &[String], allowed: &[&str]) -> Result<Options, String> {
        let mut values = BTreeMap::new();
        let mut iter = args.iter();
        while let Some(arg) = iter.next() {
            let (name, inline) = match arg.split_once('=') {
                Some((n, v)) if n.starts_with("--") => (n, Some(v.to_owned())),
                _ => (arg.as_str(), None),
            };
            let Some(name) = name.strip_prefix("--").filter(|n| allowed.contains(n)) else {
                return Err(format!("unexpected argument `{arg}`"));
            };
            let value = match inline {
                Some(v) => v,
                None => iter
                    .next()
                    .cloned()
                    .ok_or_else(|| format!("--{name} needs a value"))?,
            };
            if values.insert(name.to_owned(), value).is_some() {
                return Err(format!("--{name} is given twice"));
            }
        }
        Ok(Options { values })
    }

    fn get(&self, name: &str) -> Option<&str> {
        self.values.get(name).map(String::as_str)
    }

    fn required(&self, name: &str) -> Result<&str, String> {
        self.get(name)
            .ok_or_else(|| format!("--{name} is required"))
    }

    /// The comma-separated `ID:PUBLIC_HEX` keys of option `name`.
    fn keys(&self, name: &str) -> Result<Vec<TrustedKey>, String> {
        self.list(name)
            .map(|item| {
                let parsed = item
                    .split_once(':')
                    .and_then(|(id, public)| Some((id, hex::decode_array::<32>(public)?)));
                match parsed {
                    Some((id, public)) => Ok(TrustedKey::new(id, public)),
                    None => Err(format!(
                        "--{name}: `{item}` is not ID:PUBLIC_HEX (64 hex digits, as printed by keygen)"
                    )),
                }
            })
            .collect()
    }

    /// The comma-separated items of option `name`.
    fn list(&self, name: &str) -> impl Iterator<Item = &str> {
        self.get(name)
            .unwrap_or("")
            .split(',')
            .map(str::trim)
            .filter(|item| !item.is_empty())
    }

    fn today(&self) -> Result<Date, String> {
        match self.get("today") {
            Some(text) => Date::parse(text).map_err(|e| format!("--today: {e}")),
            None => Ok(clock::today()),
        }
    }
}

/// Runs the command with `args` (without the program name); `env` reads environment variables.
/// Returns the exit status.
pub fn run(args: &[String], env: &dyn Fn(&str) -> Option<String>) -> i32 {
    let Some((command, rest)) = args.split_first() else {
        eprintln!("{USAGE}");
        return USAGE_ERROR;
    };
    let result = match command.as_str() {
        "check" => Options::parse(rest, &["content", "today"]).and_then(|o| check(&o)),
        "build" => Options::parse(
            rest,
            &[
                "content",
                "out",
                "key",
                "key-id",
                "add-key",
                "revoke-key",
                "generated",
                "today",
            ],
        )
        .and_then(|o| build_command(&o, env)),
        "keygen" => Options::parse(rest, &["id", "out"]).and_then(|o| keygen(&o)),
        "verify" => Options::parse(rest, &["dir", "trust"]).and_then(|o| verify(&o)),
        "strings" => Options::parse(rest, &["locales", "out"]).and_then(|o| strings(&o)),
        "help" | "--help" | "-h" => {
            println!("{USAGE}");
            return 0;
        }
        other => Err(format!("unknown command `{other}`")),
    };
    match result {
        Ok(status) => status,
        Err(message) => {
            eprintln!("error: {message}\n\n{USAGE}");
            USAGE_ERROR
        }
    }
}

/// Prints the problems and returns 1, or returns 0 when there are none.
fn report(problems: &[crate::problem::Problem]) -> i32 {
    for problem in problems {
        eprintln!("{problem}");
    }
    if problems.is_empty() {
        0
    } else {
        let n = problems.len();
        eprintln!("{n} problem{} found", if n == 1 { "" } else { "s" });
        1
    }
}

fn content_dir(options: &Options) -> PathBuf {
    PathBuf::from(options.get("content").unwrap_or("content"))
}

fn check(options: &Options) -> Result<i32, String> {
    let today = options.today()?;
    let (content, problems) = check_dir(&content_dir(options), today);
    if let (Some(content), true) = (&content, problems.is_empty()) {
        for warning in warnings(content, today) {
            eprintln!("{warning}");
        }
        println!("ok: {}", summary(content));
        return Ok(0);
    }
    Ok(report(&problems).max(1))
}

fn build_command(options: &Options, env: &dyn Fn(&str) -> Option<String>) -> Result<i32, String> {
    let out = PathBuf::from(options.required("out")?);
    let today = options.today()?;
    let generated = match options.get("generated") {
        Some(text) if clock::is_rfc3339_utc(text) => text.to_owned(),
        Some(text) => {
            return Err(format!(
                "--generated `{text}` is not a UTC time like 2026-11-21T12:00:00Z"
            ));
        }
        None => clock::now_rfc3339(),
    };
    let (content, problems) = check_dir(&content_dir(options), today);
    let content = match content {
        Some(content) if problems.is_empty() => content,
        _ => {
            report(&problems);
            eprintln!("not built: fix the problems above first");
            return Ok(1);
        }
    };
    let key_text = match options.get("key") {
        Some(path) => {
            Some(std::fs::read_to_string(path).map_err(|e| format!("--key {path}: {e}"))?)
        }
        None => None,
    };
    let env_key = env("JARDAM_SIGNING_KEY").filter(|k| !k.trim().is_empty());
    let (signer, source) = match signing::resolve(
        key_text.as_deref(),
        env_key.as_deref(),
        options.get("key-id"),
    ) {
        Ok(found) => found,
        Err(message) => {
            eprintln!("error: signing key: {message}");
            return Ok(1);
        }
    };
    let changes = KeyChanges {
        new_keys: options.keys("add-key")?,
        revoked_keys: options.list("revoke-key").map(str::to_owned).collect(),
    };
    match build(&content, &out, &signer, &generated, &changes) {
        Ok(built) => {
            println!(
                "built content version {} ({}) in {}: {} packs ({}), signed with `{}`",
                built.manifest.content_version,
                summary(&content),
                out.display(),
                built.manifest.packs.len(),
                built
                    .manifest
                    .packs
                    .iter()
                    .map(|(lang, e)| format!("{lang} {} bytes", e.size))
                    .collect::<Vec<_>>()
                    .join(", "),
                signer.id
            );
            for key in &changes.new_keys {
                println!(
                    "introduces key `{}`: apps that install this feed trust it",
                    key.id
                );
            }
            for id in &changes.revoked_keys {
                println!("revokes key `{id}`: apps that install this feed refuse it from now on");
            }
            if signer.is_dev {
                let how = if source == KeySource::Default {
                    " (no --key or JARDAM_SIGNING_KEY given)"
                } else {
                    ""
                };
                eprintln!("WARNING: signed with the DEVELOPMENT key: not for publishing{how}");
            } else if !signer.is_trusted {
                eprintln!(
                    "WARNING: key `{}` is not in jardam-core's key list: only apps that installed \
                     a feed introducing it (--add-key) accept this feed; add it to the list for new \
                     installs (see keys/README.md)",
                    signer.id
                );
            }
            Ok(0)
        }
        Err(BuildError::Problems(problems)) => Ok(report(&problems).max(1)),
        Err(BuildError::Failed(message)) => {
            eprintln!("error: {message}");
            Ok(1)
        }
    }
}

fn keygen(options: &Options) -> Result<i32, String> {
    let id = options.required("id")?;
    let out = options.required("out")?;
    match signing::keygen(id, Path::new(out)) {
        Ok(public) => {
            let public = hex::encode(&public);
            println!("wrote the SECRET key to {out} (keep it offline; never commit it)");
            println!("key id:     {id}");
            println!("public key: {public}");
            println!("add to PRODUCTION_KEYS in core/src/feed/keys.rs:");
            println!("    (\"{id}\", \"{public}\"),");
            println!(
                "or introduce it to installed apps (key rotation) with build --add-key {id}:{public}"
            );
            Ok(0)
        }
        Err(message) => {
            eprintln!("error: {message}");
            Ok(1)
        }
    }
}

fn verify(options: &Options) -> Result<i32, String> {
    let dir = PathBuf::from(options.required("dir")?);
    let mut keyring = keys::development_keyring();
    for key in options.keys("trust")? {
        keyring = keyring
            .after(&[key], &[])
            .map_err(|e| format!("--trust: {e}"))?;
    }
    match verify_dir(&dir, &keyring) {
        Ok(verified) => {
            print!("{}", verified.summary());
            if verified.manifest.key_id == keys::DEV_KEY_ID {
                eprintln!("WARNING: signed with the DEVELOPMENT key: not for publishing");
            }
            Ok(0)
        }
        Err(message) => {
            eprintln!("error: {}: {message}", dir.display());
            Ok(1)
        }
    }
}

fn strings(options: &Options) -> Result<i32, String> {
    let locales = Path::new(options.get("locales").unwrap_or("locales"));
    let out = Path::new(options.required("out")?);
    match crate::strings::write(locales, out) {
        Ok(written) => {
            println!("wrote {}", written.join(", "));
            Ok(0)
        }
        Err(message) => {
            eprintln!("error: {message}");
            Ok(1)
        }
    }
}
