//! Content files of any shape: reading an article, contact, checklist, categories or feed.toml
//! never panics; problems are reported instead.
#![no_main]

use jardam_core::time::date::Date;
use jardam_feed::load::{self, ItemFile};
use jardam_feed::source::Langs;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let today = Date::parse("2026-11-21").unwrap();
    let langs = Langs::readme_default();
    let mut problems = Vec::new();
    let item = |file, stem| ItemFile {
        file,
        stem,
        text,
        langs: &langs,
        today,
    };
    let _ = load::article(&item("a.toml", "a"), &mut problems);
    let _ = load::contact(&item("c.toml", "c"), &mut problems);
    let _ = load::checklist(&item("l.toml", "l"), &mut problems);
    let _ = load::categories("categories.toml", text, &langs, &mut problems, today);
    let _ = load::regions("regions.toml", text, &langs, &mut problems, today);
    let _ = load::feed("feed.toml", text, &mut problems, today);
});
