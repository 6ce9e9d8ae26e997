//! The editors' real content in `content/` must pass `jardam-feed check`.

mod common;

#[test]
fn real_content_passes() {
    let content = concat!(env!("CARGO_MANIFEST_DIR"), "/../content");
    let run = common::run(&["check", "--content", content]);
    assert_eq!(run.code, 0, "jardam-feed check {content}:\n{}", run.all());
    assert!(run.stdout.starts_with("ok: "), "{}", run.stdout);
}

/// Every pack of the real feed, read as the app reads it, has articles and contacts, and the
/// body's `[1]` cites the first source. (`wire_formats.rs` checks the app's reader
/// against serde on the same feed.)
#[test]
fn the_apps_reader_reads_every_pack_of_the_real_feed() {
    use jardam_core::codec::json;
    use jardam_core::content::Pack;
    use jardam_core::content::markup::{Block, Inline, push_text, safe_href};
    use jardam_core::feed::Manifest;
    use jardam_feed::references;

    let (_temp, out) = common::build_real_feed();
    let bytes = std::fs::read(out.join("manifest.json")).unwrap();
    let manifest: Manifest = json::from_slice(&bytes).unwrap();
    assert_eq!(manifest.packs.len(), 5);
    let read = |entry: &jardam_core::feed::PackEntry| -> Pack {
        json::from_slice(&std::fs::read(out.join(&entry.file)).unwrap()).unwrap()
    };
    let russian = read(manifest.packs.get("ru").unwrap());
    // The letters screen reads the same files' letters; every language's, filled in from
    // Russian, has all seven, and the articles they name link to them.
    let letters =
        |entry: &jardam_core::feed::PackEntry| -> jardam_core::content::letter::PackLetters {
            json::from_slice(&std::fs::read(out.join(&entry.file)).unwrap()).unwrap()
        };
    let russian_letters = letters(manifest.packs.get("ru").unwrap());
    assert_eq!(russian_letters.letters.len(), 7);
    for entry in manifest.packs.values() {
        let shown = letters(entry).filled_from(&russian_letters);
        assert_eq!(shown.letters.len(), 7, "{}", entry.file);
        assert!(shown.letter("wage-claim").is_some(), "{}", entry.file);
    }
    for entry in manifest.packs.values() {
        let own = read(entry);
        assert!(!own.contacts.is_empty(), "{}", entry.file);
        // What the app shows: the pack filled in from Russian has every article.
        let pack = own.filled_from(&russian);
        assert_eq!(
            pack.articles.len(),
            russian.articles.len(),
            "{}",
            entry.file
        );
        // The body's [1] cites the first source, whose page the app may open, and no `[n]`
        // is left as text where source n's page is one the app may open.
        let article = pack.article("registration-eaeu").unwrap();
        let sources = &article.provenance.sources;
        assert!(sources[0].url.starts_with("https://"), "{}", entry.file);
        let lines: Vec<_> = article.body.iter().flat_map(Block::lines).collect();
        let cited = lines.iter().any(|line| line.contains(&Inline::Cite(1)));
        assert!(cited, "{}: [1] cites {}", entry.file, sources[0].url);
        for line in &lines {
            let mut text = String::new();
            push_text(line, &mut text, false);
            for (_, _, n) in references::find(&text) {
                let url = n
                    .checked_sub(1)
                    .and_then(|i| sources.get(i))
                    .map(|s| &s.url);
                assert!(
                    !url.is_some_and(|u| u.starts_with("https://") && safe_href(u).is_some()),
                    "{}: [{n}] left as text",
                    entry.file
                );
            }
        }
    }
}

/// A value of each kind a reader might type.
fn typical(kind: jardam_core::content::letter::FieldKind) -> &'static str {
    use jardam_core::content::letter::FieldKind;
    match kind {
        FieldKind::Text => "Асанов Бакыт",
        FieldKind::Multiline => "г. Москва,\nул. Ленина, д. 1",
        FieldKind::Date => "2026-11-30",
        FieldKind::Money => "45 000,50",
        FieldKind::Passport => "AC 1234567",
        FieldKind::Phone => "+7 925 115 50 47",
    }
}

/// Every real template, in every language's form, composes with a typical value in each field
/// into a letter with no placeholder, no source mark and each value in place.
#[test]
fn every_real_letter_composes_with_typical_values() {
    use jardam_core::content::letter::compose::{compose, placeholders};
    use jardam_core::time::date::Date;

    let letters = common::real_letters();
    assert_eq!(letters.len(), 7 * 5);
    let today = Date::parse("2026-12-02").unwrap();
    for letter in &letters {
        let values: Vec<(String, String)> = letter
            .fields
            .iter()
            .map(|f| (f.id.clone(), typical(f.kind).to_owned()))
            .collect();
        let composed = compose(letter, &values, today).unwrap();
        let text = composed.plain_text();
        assert!(placeholders(&text).is_empty(), "{}: {text}", letter.id);
        assert!(!text.contains("[1]"), "{}: {text}", letter.id);
        assert!(
            composed.signature.starts_with("02.12.2026"),
            "{}",
            letter.id
        );
        for field in &letter.fields {
            let shown = match field.kind {
                jardam_core::content::letter::FieldKind::Date => "30.11.2026",
                kind => typical(kind),
            };
            assert!(text.contains(shown), "{}: {} missing", letter.id, field.id);
        }
    }
}

/// The wage claim, filled in: the letter a reader would print, paragraph by paragraph.
#[test]
fn the_real_wage_claim_reads_as_a_finished_letter() {
    use jardam_core::content::letter::compose::compose;
    use jardam_core::time::date::Date;

    let letters = common::real_letters();
    let claim = letters
        .iter()
        .find(|l| l.id == "wage-claim" && l.lang == "ky")
        .unwrap();
    assert!(claim.provenance.machine_translated);
    assert_eq!(
        claim.field("amount").unwrap().label,
        "Карыздын суммасы, рубль"
    );
    let values: Vec<(String, String)> = [
        ("employer_name", "ООО «Стройсервис»"),
        ("full_name", "Асанов Бакыт"),
        ("job_title", "водитель"),
        ("period", "сентябрь и октябрь 2026 года"),
        ("amount", "90 000"),
    ]
    .iter()
    .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
    .collect();
    let composed = compose(claim, &values, Date::parse("2026-12-02").unwrap()).unwrap();
    assert_eq!(composed.to, "Руководителю ООО «Стройсервис»");
    assert_eq!(composed.from, "от Асанов Бакыт,\nдолжность: водитель");
    assert_eq!(
        composed.body[0],
        "Мне не выплачена заработная плата за сентябрь и октябрь 2026 года в сумме 90 000 рублей."
    );
    assert_eq!(composed.body.len(), 4);
    assert_eq!(composed.body[3], "Ответ прошу дать в письменной форме.");
    assert_eq!(
        composed.signature,
        "02.12.2026\n_____________ / Асанов Бакыт /"
    );
    let mut missing = values.clone();
    missing.retain(|(id, _)| id != "amount");
    let errors = compose(claim, &missing, Date::parse("2026-12-02").unwrap()).unwrap_err();
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].field, "amount");
}
