//! The editors' real content in `content/` must pass `jardam-feed check`.

mod common;

#[test]
fn real_content_passes() {
    let content = concat!(env!("CARGO_MANIFEST_DIR"), "/../content");
    let run = common::run(&["check", "--content", content]);
    assert_eq!(run.code, 0, "jardam-feed check {content}:\n{}", run.all());
    assert!(run.stdout.starts_with("ok: "), "{}", run.stdout);
}
