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
/// body's `[1]` links to the first source's page. (`wire_formats.rs` checks the app's reader
/// against serde on the same feed.)
#[test]
fn the_apps_reader_reads_every_pack_of_the_real_feed() {
    use jardam_core::codec::json;
    use jardam_core::content::Pack;
    use jardam_core::feed::Manifest;

    let (_temp, out) = common::build_real_feed();
    let bytes = std::fs::read(out.join("manifest.json")).unwrap();
    let manifest: Manifest = json::from_slice(&bytes).unwrap();
    assert_eq!(manifest.packs.len(), 5);
    for entry in manifest.packs.values() {
        let bytes = std::fs::read(out.join(&entry.file)).unwrap();
        let pack: Pack = json::from_slice(&bytes).unwrap();
        assert!(
            !pack.articles.is_empty() && !pack.contacts.is_empty(),
            "{}",
            entry.file
        );
        // The body's [1] is a link to the first source's page.
        let article = pack.article("registration-eaeu").unwrap();
        let first = &article.provenance.sources[0].url;
        let linked = article.body.iter().any(|block| match block {
            jardam_core::content::markup::Block::List { items, .. } => items.iter().flatten().any(|i| {
                matches!(i, jardam_core::content::markup::Inline::Link { text, href } if text == "[1]" && href == first)
            }),
            _ => false,
        });
        assert!(linked, "{}: [1] links to {first}", entry.file);
    }
}
