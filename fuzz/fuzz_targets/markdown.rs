//! Editors' Markdown of any shape: the conversion never panics, and what it accepts holds only
//! safe link targets and never passes HTML through.
#![no_main]

use jardam_core::content::markup::{Block, Inline, safe_href};
use jardam_feed::markdown::to_blocks;
use libfuzzer_sys::fuzz_target;

fn check_inlines(inlines: &[Inline]) {
    for inline in inlines {
        match inline {
            Inline::Text(_) => {}
            Inline::Bold(inner) => check_inlines(inner),
            Inline::Link { href, .. } => {
                assert_eq!(safe_href(href), Some(href.as_str()), "unsafe href {href:?}");
                let lower = href.to_ascii_lowercase();
                assert!(!lower.starts_with("javascript:") && !lower.starts_with("data:"));
            }
            Inline::Cite(n) => panic!("the Markdown reader made a citation [{n}]"),
        }
    }
}

fuzz_target!(|text: &str| {
    let Ok(blocks) = to_blocks(text) else {
        return;
    };
    assert!(
        !jardam_feed::markdown::has_html(text),
        "HTML accepted in {text:?}"
    );
    for block in &blocks {
        if let Block::Heading { level, .. } = block {
            assert!(matches!(level, 2 | 3));
        }
        block.lines().into_iter().for_each(check_inlines);
    }
});
