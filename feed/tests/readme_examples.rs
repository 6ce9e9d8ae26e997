//! The examples in `content/README.md` (the editors' format) must be read without structural
//! problems: no TOML syntax errors, unknown or misplaced fields, or missing required fields.
//! Only their `…` placeholders may fail value checks.

use jardam_core::time::date::Date;
use jardam_feed::load::ItemFile;
use jardam_feed::problem::Problem;
use jardam_feed::source::Langs;
use jardam_feed::{letter, load};

fn examples() -> Vec<(String, String)> {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../content/README.md"))
            .unwrap();
    let mut out = Vec::new();
    let mut heading = String::new();
    let mut block: Option<String> = None;
    for line in readme.lines() {
        match &mut block {
            Some(text) if line.starts_with("```") => {
                out.push((heading.clone(), std::mem::take(text)));
                block = None;
            }
            Some(text) => {
                text.push_str(line);
                text.push('\n');
            }
            None if line.starts_with("```toml") => block = Some(String::new()),
            None if line.starts_with("## ") => heading = line.to_owned(),
            None => {}
        }
    }
    out
}

#[test]
fn readme_examples_match_the_checker() {
    let langs = Langs::readme_default();
    let today = Date::parse("2026-12-01").unwrap();
    let examples = examples();
    assert_eq!(
        examples.len(),
        6,
        "article, contact, checklist, categories, regions, letter"
    );
    for (heading, text) in examples {
        let mut problems: Vec<Problem> = Vec::new();
        let kind = heading.split_whitespace().nth(1).unwrap_or("");
        let id = text
            .lines()
            .find_map(|l| l.strip_prefix("id = \""))
            .and_then(|l| l.split('"').next())
            .unwrap_or("")
            .to_owned();
        let item = |file| ItemFile {
            file,
            stem: &id,
            text: &text,
            langs: &langs,
            today,
        };
        match kind {
            "Article" => {
                load::article(&item("README article"), &mut problems);
            }
            "Contact" => {
                load::contact(&item("README contact"), &mut problems);
            }
            "Checklist" => {
                load::checklist(&item("README checklist"), &mut problems);
            }
            "Categories" => {
                load::categories("README categories", &text, &langs, &mut problems, today);
            }
            "Regions" => {
                load::regions("README regions", &text, &langs, &mut problems, today);
            }
            "Letters" => {
                letter::load(&item("README letter"), &mut problems);
            }
            other => panic!("unexpected example under {heading:?} ({other})"),
        }
        let structural: Vec<String> = problems
            .iter()
            .filter(|p| !p.message.contains('…'))
            .map(|p| p.to_string())
            .collect();
        assert!(
            structural.is_empty(),
            "{heading}:\n{}",
            structural.join("\n")
        );
    }
}
