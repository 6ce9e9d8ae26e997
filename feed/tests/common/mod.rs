//! Helpers shared by the integration tests: a copy of a fixture to break, and running the
//! `jardam-feed` binary.
#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The date the tests treat as today.
pub const TODAY: &str = "2026-11-21";

/// The checked-in valid content fixture.
pub fn valid_fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid")
}

/// Output of one run of the binary.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    /// stdout and stderr together.
    pub fn all(&self) -> String {
        format!("{}{}", self.stdout, self.stderr)
    }
}

/// Runs `jardam-feed` with `args` and extra environment variables (JARDAM_SIGNING_KEY is
/// always cleared first).
pub fn run_with_env(args: &[&str], env: &[(&str, &str)]) -> Run {
    let mut command = Command::new(env!("CARGO_BIN_EXE_jardam-feed"));
    command.args(args).env_remove("JARDAM_SIGNING_KEY");
    for (name, value) in env {
        command.env(name, value);
    }
    let output = command.output().expect("jardam-feed runs");
    Run {
        code: output.status.code().expect("exit code"),
        stdout: String::from_utf8(output.stdout).unwrap(),
        stderr: String::from_utf8(output.stderr).unwrap(),
    }
}

/// Runs `jardam-feed` with `args`.
pub fn run(args: &[&str]) -> Run {
    run_with_env(args, &[])
}

/// The `generated` time builds in the tests stamp on their manifests.
pub const GENERATED: &str = "2026-11-21T12:00:00Z";

/// Runs `jardam-feed build` of `content` into `out` on [`TODAY`] at [`GENERATED`], with
/// `extra` arguments and environment variables.
pub fn build_into(content: &Path, out: &Path, extra: &[&str], env: &[(&str, &str)]) -> Run {
    let content = content.display().to_string();
    let out = out.display().to_string();
    let mut args = vec![
        "build",
        "--content",
        &content,
        "--out",
        &out,
        "--today",
        TODAY,
        "--generated",
        GENERATED,
    ];
    args.extend_from_slice(extra);
    run_with_env(&args, env)
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// A temporary copy of the valid fixture, to break one rule in.
pub struct Fixture {
    pub temp: tempfile::TempDir,
}

impl Fixture {
    pub fn valid() -> Fixture {
        let temp = tempfile::tempdir().unwrap();
        copy_dir(&valid_fixture(), &temp.path().join("content"));
        Fixture { temp }
    }

    /// The content directory.
    pub fn dir(&self) -> PathBuf {
        self.temp.path().join("content")
    }

    pub fn dir_str(&self) -> String {
        self.dir().display().to_string()
    }

    /// A path inside the content directory.
    pub fn path(&self, rel: &str) -> PathBuf {
        self.dir().join(rel)
    }

    pub fn read(&self, rel: &str) -> String {
        fs::read_to_string(self.path(rel)).unwrap()
    }

    pub fn write(&self, rel: &str, text: &str) {
        fs::write(self.path(rel), text).unwrap();
    }

    /// Replaces the only occurrence of `from` in `rel` by `to`.
    pub fn edit(&self, rel: &str, from: &str, to: &str) -> &Self {
        let text = self.read(rel);
        assert_eq!(
            text.matches(from).count(),
            1,
            "`{from}` must occur exactly once in {rel}"
        );
        self.write(rel, &text.replacen(from, to, 1));
        self
    }

    /// 1-based line of the `n`-th (1-based) line of `rel` containing `needle`.
    pub fn nth_line(&self, rel: &str, needle: &str, n: usize) -> usize {
        self.read(rel)
            .lines()
            .enumerate()
            .filter(|(_, l)| l.contains(needle))
            .nth(n - 1)
            .unwrap_or_else(|| panic!("`{needle}` not found {n} times in {rel}"))
            .0
            + 1
    }

    /// 1-based line of the only line of `rel` containing `needle`.
    pub fn line(&self, rel: &str, needle: &str) -> usize {
        let text = self.read(rel);
        let lines: Vec<usize> = text
            .lines()
            .enumerate()
            .filter(|(_, l)| l.contains(needle))
            .map(|(i, _)| i + 1)
            .collect();
        assert_eq!(
            lines.len(),
            1,
            "`{needle}` must be on exactly one line of {rel}"
        );
        lines[0]
    }

    /// Runs `check` on this content with today = [`TODAY`].
    pub fn check(&self) -> Run {
        run(&["check", "--content", &self.dir_str(), "--today", TODAY])
    }

    /// Asserts that `check` fails and reports `FILE:LINE: field `FIELD`: …WORDS…`.
    pub fn expect_problem(&self, rel: &str, line: usize, field: &str, words: &str) -> Run {
        let run = self.check();
        let prefix = format!("{}:{line}: field `{field}`: ", self.path(rel).display());
        assert_eq!(run.code, 1, "check must fail:\n{}", run.all());
        assert!(
            run.stderr
                .lines()
                .any(|l| l.starts_with(&prefix) && l.contains(words)),
            "expected a line starting with\n  {prefix}\nand containing `{words}`; got:\n{}",
            run.all()
        );
        assert!(run.stderr.contains("found"), "{}", run.all());
        run
    }

    /// Like [`Fixture::expect_problem`] for problems that name no field.
    pub fn expect_file_problem(&self, rel: &str, line: Option<usize>, words: &str) -> Run {
        let run = self.check();
        let prefix = match line {
            Some(line) => format!("{}:{line}: ", self.path(rel).display()),
            None => format!("{}: ", self.path(rel).display()),
        };
        assert_eq!(run.code, 1, "check must fail:\n{}", run.all());
        assert!(
            run.stderr
                .lines()
                .any(|l| l.starts_with(&prefix) && l.contains(words)),
            "expected a line starting with\n  {prefix}\nand containing `{words}`; got:\n{}",
            run.all()
        );
        run
    }
}

/// Builds the editors' real content (`content/`) with `jardam-feed build` into a temporary
/// folder; returns the folder (kept while the value lives) and the feed's path inside it.
pub fn build_real_feed() -> (tempfile::TempDir, PathBuf) {
    let content = concat!(env!("CARGO_MANIFEST_DIR"), "/../content");
    let temp = tempfile::tempdir().unwrap();
    let out = temp.path().join("feed");
    let run = run(&[
        "build",
        "--content",
        content,
        "--out",
        &out.display().to_string(),
    ]);
    assert_eq!(run.code, 0, "jardam-feed build {content}:\n{}", run.all());
    (temp, out)
}

/// Every letter template of the real `content/letters`, as a pack of each language would carry
/// it (letters are checked but not yet in the packs).
pub fn real_letters() -> Vec<jardam_core::content::letter::Letter> {
    let content = Path::new(env!("CARGO_MANIFEST_DIR")).join("../content");
    let today = jardam_core::time::date::Date::parse("2026-12-31").unwrap();
    let (checked, problems) = jardam_feed::check::check_dir(&content, today);
    assert!(problems.is_empty(), "{problems:?}");
    let checked = checked.unwrap();
    let langs = &checked.feed.langs;
    checked
        .letters
        .iter()
        .flat_map(|l| {
            langs
                .declared
                .iter()
                .map(move |lang| jardam_feed::letter::to_core(l, langs, lang))
        })
        .collect()
}
