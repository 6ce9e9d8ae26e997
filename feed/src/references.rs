//! `[n]` references from an item's text to its n-th source: found in the editors' text, checked
//! against the number of `[[sources]]` (see [`crate::load`]), and turned into links to the
//! source's page when packs are built, so the app shows them as links at no cost of its own.

use jardam_core::content::Source;
use jardam_core::content::markup::{Block, Inline, safe_href};

/// The `[n]` references in `text` — a bracketed number that does not open a Markdown link — as
/// (byte offset, byte length, n).
pub fn find(text: &str) -> Vec<(usize, usize, usize)> {
    let mut found = Vec::new();
    for (start, _) in text.match_indices('[') {
        let rest = &text[start + 1..];
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        let closed = rest[digits..].starts_with(']') && !rest[digits + 1..].starts_with('(');
        if digits > 0 && closed {
            let n = rest[..digits].parse().unwrap_or(usize::MAX);
            found.push((start, digits + 2, n));
        }
    }
    found
}

/// `blocks` with every `[n]` in plain text made a link to source n's page, where that address
/// is one the app may open (https); other references stay text, and the numbered list of
/// sources still names them.
pub fn link(blocks: &[Block], sources: &[Source]) -> Vec<Block> {
    blocks
        .iter()
        .map(|block| block.map_lines(&mut |line| link_inlines(line, sources)))
        .collect()
}

fn link_inlines(inlines: &[Inline], sources: &[Source]) -> Vec<Inline> {
    let mut out = Vec::new();
    for inline in inlines {
        match inline {
            Inline::Text(text) => link_text(text, sources, &mut out),
            Inline::Bold(inner) => out.push(Inline::Bold(link_inlines(inner, sources))),
            Inline::Link { .. } => out.push(inline.clone()),
        }
    }
    out
}

fn link_text(text: &str, sources: &[Source], out: &mut Vec<Inline>) {
    let mut from = 0;
    for (start, len, n) in find(text) {
        let href = n
            .checked_sub(1)
            .and_then(|i| sources.get(i))
            .map(|s| s.url.as_str())
            .filter(|url| url.starts_with("https://") && safe_href(url).is_some());
        if let Some(href) = href {
            if start > from {
                out.push(Inline::Text(text[from..start].to_owned()));
            }
            out.push(Inline::Link {
                text: text[start..start + len].to_owned(),
                href: href.to_owned(),
            });
            from = start + len;
        }
    }
    if from < text.len() {
        out.push(Inline::Text(text[from..].to_owned()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(url: &str) -> Source {
        Source {
            title: "T".into(),
            url: url.into(),
            date: None,
        }
    }

    #[test]
    fn finds_bracketed_numbers_but_not_links() {
        assert_eq!(
            find("10 days [1], 3 months [12]."),
            [(8, 3, 1), (22, 4, 12)]
        );
        assert!(find("[1](tel:112) [a] [] [1").is_empty());
    }

    #[test]
    fn https_references_become_links_and_others_stay_text() {
        let sources = [source("https://a.org/x"), source("http://b.org/y")];
        let blocks = [Block::Paragraph(vec![
            Inline::Text("Ten days [1], see [2] and [3].".into()),
            Inline::Bold(vec![Inline::Text("[1]".into())]),
        ])];
        let link1 = Inline::Link {
            text: "[1]".into(),
            href: "https://a.org/x".into(),
        };
        assert_eq!(
            link(&blocks, &sources),
            [Block::Paragraph(vec![
                Inline::Text("Ten days ".into()),
                link1.clone(),
                Inline::Text(", see [2] and [3].".into()),
                Inline::Bold(vec![link1]),
            ])]
        );
    }
}
