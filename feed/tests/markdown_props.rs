//! Property tests: whatever an editor (or an attacker with write access to `content/`) writes,
//! the Markdown conversion never lets HTML through and never produces a link the app would
//! follow to `javascript:`, `data:` or anywhere but https, tel, mailto and app routes.
//! `fuzz/` runs the same properties under libFuzzer (`make fuzz`).

use jardam_core::content::markup::{Block, Inline, safe_href};
use jardam_feed::markdown::{has_html, to_blocks};
use proptest::prelude::*;

/// Pieces that stress the parser and the link filter, mixed with arbitrary text.
const PIECES: &[&str] = &[
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<a href=\"javascript:alert(1)\">x</a>",
    "<!-- c -->",
    "[a](javascript:alert(1))",
    "[a](JaVaScRiPt:alert(1))",
    "[a](java\tscript:x)",
    "[a](<javascript:x>)",
    "[a](data:text/html;base64,PHNjcmlwdD4=)",
    "[a](//evil.example/)",
    "[a](/\\evil.example)",
    "[a](https://ok.example/)",
    "[a](tel:+79251155047)",
    "[a](mailto:x@example.org)",
    "[a](/rights/x)",
    "<javascript:alert(1)>",
    "<https://ok.example>",
    "<x@example.org>",
    "[r]: javascript:alert(1)\n",
    "[x][r]",
    "&#106;avascript:alert(1)",
    "&lt;script&gt;",
    "![i](https://ok.example/i.png)",
    "**",
    "*",
    "[",
    "](",
    ")",
    "`",
    "\\",
    "\n\n",
    "\n",
    "## ",
    "# ",
    "- ",
    "1. ",
    "> ",
    "    ",
    "| a |\n|---|\n",
];

fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::sample::select(PIECES).prop_map(str::to_owned),
        1 => ".{0,12}",
    ]
}

fn markdown() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..24).prop_map(|pieces| pieces.concat())
}

fn check_inlines(inlines: &[Inline]) -> Result<(), TestCaseError> {
    for inline in inlines {
        match inline {
            Inline::Text(_) => {}
            Inline::Bold(inner) => check_inlines(inner)?,
            Inline::Link { href, text } => {
                prop_assert_eq!(safe_href(href), Some(href.as_str()));
                let lower = href.to_ascii_lowercase();
                prop_assert!(!lower.starts_with("javascript:") && !lower.starts_with("data:"));
                prop_assert!(!text.trim().is_empty());
            }
            // Citations are made from `[n]` when packs are built, not by the Markdown reader.
            Inline::Cite(n) => prop_assert!(false, "a citation [{}] from Markdown", n),
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn accepted_markdown_has_no_html_and_only_safe_links(text in markdown()) {
        if let Ok(blocks) = to_blocks(&text) {
            prop_assert!(!has_html(&text), "HTML accepted");
            for block in &blocks {
                if let Block::Heading { level, .. } = block {
                    prop_assert!(matches!(level, 2 | 3));
                }
                for line in block.lines() {
                    check_inlines(line)?;
                }
            }
        }
    }

    #[test]
    fn dangerous_schemes_never_pass_the_link_filter(
        scheme in prop::sample::select(&["javascript:", "data:", "vbscript:", "file:", "http:"][..]),
        upper in prop::collection::vec(any::<bool>(), 11),
        rest in ".{0,30}",
    ) {
        let scheme: String = scheme
            .chars()
            .zip(upper.iter().cycle())
            .map(|(c, &up)| if up { c.to_ascii_uppercase() } else { c })
            .collect();
        let href = format!("{scheme}{rest}");
        prop_assert_eq!(safe_href(&href), None);
    }

    #[test]
    fn whatever_passes_the_link_filter_is_one_of_four_kinds(href in ".{0,40}") {
        if let Some(href) = safe_href(&href) {
            prop_assert!(
                href.starts_with("https://")
                    || href.starts_with("tel:")
                    || href.starts_with("mailto:")
                    || (href.starts_with('/') && !href.starts_with("//"))
            );
            prop_assert!(!href.chars().any(|c| c.is_whitespace() || c.is_control() || c == '\\'));
        }
    }
}

#[test]
fn html_and_script_links_are_refused_with_a_message() {
    for text in [
        "<script>alert(1)</script>",
        "Text <b>bold</b>",
        "[a](javascript:alert(1))",
        "[a](data:text/html,x)",
        "<javascript:alert(1)>",
        "[x][r]\n\n[r]: javascript:alert(1)",
    ] {
        assert!(to_blocks(text).is_err(), "{text:?} was accepted");
    }
}
