//! Article bodies as a hostile feed may send them (JSON blocks), read with the app's reader
//! (`jardam_core::codec::json`): whatever serde_json reads, it reads the same; whatever parses, the
//! links the app would render (those passing `safe_href`, as app/src/views/markup.rs does) are
//! never `javascript:`, `data:` or other schemes, and never leave through `//`.
#![no_main]

use jardam_core::codec::json;
use jardam_core::content::limits;
use jardam_core::content::markup::{Block, Inline, safe_href};
use libfuzzer_sys::fuzz_target;

fn check(inlines: &[Inline]) {
    for inline in inlines {
        match inline {
            Inline::Text(_) | Inline::Cite(_) => {}
            Inline::Bold(inner) => check(inner),
            Inline::Link { href, .. } => {
                if let Some(href) = safe_href(href) {
                    let ok = href.starts_with("https://")
                        || href.starts_with("tel:")
                        || href.starts_with("mailto:")
                        || (href.starts_with('/') && !href.starts_with("//"));
                    assert!(ok, "unsafe href passed: {href:?}");
                    assert!(!href.chars().any(|c| c.is_whitespace() || c.is_control()));
                }
            }
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let read = json::from_slice::<Vec<Block>>(data);
    // JSON is UTF-8 (RFC 8259): the app's reader refuses other bytes anywhere, even inside a
    // value it skips, where serde_json's skipping does not look. On UTF-8 the two must agree.
    if std::str::from_utf8(data).is_err() {
        assert!(read.is_err(), "bytes that are not UTF-8 were read");
    } else if let Ok(reference) = serde_json::from_slice::<Vec<Block>>(data) {
        assert_eq!(
            read.as_ref().ok(),
            Some(&reference),
            "serde_json reads it differently"
        );
    }
    let Ok(blocks) = read else {
        return;
    };
    let _ = limits::article_chars(&blocks);
    blocks.iter().flat_map(Block::lines).for_each(check);
});
