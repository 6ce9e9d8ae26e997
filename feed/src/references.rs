//! `[n]` references from an item's text to its n-th source: found in the editors' text, checked
//! against the number of `[[sources]]` (see [`crate::load`]), and written as
//! [`Inline::Cite`] when packs are built, which the app shows as a link to the source's page
//! without the pack carrying the address twice.

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

/// `blocks` with every `[n]` in plain text made a citation of source n, where that source's
/// address is one the app may open (https); other references stay text, and the numbered list
/// of sources still names them.
pub fn cite(blocks: &[Block], sources: &[Source]) -> Vec<Block> {
    blocks
        .iter()
        .map(|block| block.map_lines(&mut |line| cite_inlines(line, sources)))
        .collect()
}

fn cite_inlines(inlines: &[Inline], sources: &[Source]) -> Vec<Inline> {
    let mut out = Vec::new();
    for inline in inlines {
        match inline {
            Inline::Text(text) => cite_text(text, sources, &mut out),
            Inline::Bold(inner) => out.push(Inline::Bold(cite_inlines(inner, sources))),
            Inline::Link { .. } | Inline::Cite(_) => out.push(inline.clone()),
        }
    }
    out
}

fn cite_text(text: &str, sources: &[Source], out: &mut Vec<Inline>) {
    let mut from = 0;
    for (start, len, n) in find(text) {
        let opens = n
            .checked_sub(1)
            .and_then(|i| sources.get(i))
            .is_some_and(|s| s.url.starts_with("https://") && safe_href(&s.url).is_some());
        let cite = u32::try_from(n).ok().filter(|_| opens);
        if let Some(cite) = cite {
            if start > from {
                out.push(Inline::Text(text[from..start].to_owned()));
            }
            out.push(Inline::Cite(cite));
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
    fn https_references_become_citations_and_others_stay_text() {
        let sources = [
            source("https://a.org/x"),
            source("http://b.org/y"),
            source("https://a b.org/"),
        ];
        let blocks = [Block::Paragraph(vec![
            Inline::Text("Ten days [1], see [2], [3], [4] and [0].".into()),
            Inline::Bold(vec![Inline::Text("[1][1]".into())]),
            Inline::Link {
                text: "[1]".into(),
                href: "tel:112".into(),
            },
        ])];
        assert_eq!(
            cite(&blocks, &sources),
            [Block::Paragraph(vec![
                Inline::Text("Ten days ".into()),
                Inline::Cite(1),
                Inline::Text(", see [2], [3], [4] and [0].".into()),
                Inline::Bold(vec![Inline::Cite(1), Inline::Cite(1)]),
                Inline::Link {
                    text: "[1]".into(),
                    href: "tel:112".into(),
                },
            ])]
        );
    }
}
