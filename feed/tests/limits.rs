//! Content over the limits of `jardam_core::content::limits` is refused by `check` and `build` with a
//! message naming the file, and nothing is written.

mod common;

use common::{Fixture, TODAY, run};
use jardam_core::content::limits::{MAX_ARTICLE_CHARS, MAX_ARTICLES};

const ARTICLE: &str = "articles/registration-eaeu.toml";
const EN_BODY: &str = "Workers from the EAEU register within **30 days**. Write to [the embassy](mailto:help@example.org).";
/// The text of the link to its letter that the English body has besides `EN_BODY`.
const LETTER_LINK: &str = "Claim for unpaid wages";

/// Adds `count` copies of the registration article under new ids, with `body` in English.
fn add_articles(f: &Fixture, count: usize, body: &str) {
    let text = f.read(ARTICLE).replace(EN_BODY, body);
    for i in 0..count {
        let id = format!("extra-{i}");
        f.write(
            &format!("articles/{id}.toml"),
            &text.replace("id = \"registration-eaeu\"", &format!("id = \"{id}\"")),
        );
    }
}

#[test]
fn an_article_body_over_the_limit_is_refused_at_its_line() {
    let f = Fixture::valid();
    let room = MAX_ARTICLE_CHARS - LETTER_LINK.len();
    f.edit(ARTICLE, EN_BODY, &"word ".repeat(room / 5 + 1));
    let line = f.nth_line(ARTICLE, "body = \"\"\"", 2);
    let found = (room / 5 + 1) * 5 - 1 + LETTER_LINK.len();
    f.expect_problem(
        ARTICLE,
        line,
        "text.en.body",
        &format!("too long: {found} characters of text where at most 20000 are allowed"),
    );
    // At the limit it passes (the trailing space is trimmed away by Markdown).
    let f = Fixture::valid();
    f.edit(
        ARTICLE,
        EN_BODY,
        &"word ".repeat((MAX_ARTICLE_CHARS - LETTER_LINK.len()) / 5),
    );
    assert_eq!(f.check().code, 0, "{}", f.check().all());
}

#[test]
fn too_many_articles_are_refused_at_their_folder() {
    let f = Fixture::valid();
    add_articles(&f, MAX_ARTICLES - 1, EN_BODY);
    f.expect_file_problem(
        "articles",
        None,
        "too many: 301 articles where at most 300 are allowed",
    );
}

#[test]
fn a_pack_over_the_size_cap_is_not_built() {
    let f = Fixture::valid();
    add_articles(&f, 40, &"слово ".repeat(2_500));
    assert_eq!(f.check().code, 0, "{}", f.check().all());
    let out = f.temp.path().join("out");
    let run = run(&[
        "build",
        "--content",
        &f.dir_str(),
        "--out",
        &out.display().to_string(),
        "--today",
        TODAY,
    ]);
    assert_eq!(run.code, 1, "{}", run.all());
    let prefix = format!("{}/packs/en.", out.display());
    assert!(
        run.stderr.lines().any(|l| l.starts_with(&prefix)
            && l.contains("the en pack would have")
            && l.contains("bytes where at most 524288 are allowed")),
        "{}",
        run.stderr
    );
    assert!(!out.join("manifest.json").exists());
}
