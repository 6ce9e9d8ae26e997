//! Hard limits on what a feed may hold. `jardam-feed` refuses to build content over them and
//! the app refuses a feed over them (see [`crate::feed::FeedError::OverLimit`]), so a hostile
//! or broken mirror cannot make a phone download, parse or store without bound.

use std::fmt;

use crate::content::Pack;
use crate::content::markup::{Block, Inline};

/// Largest `manifest.json`, in bytes.
pub const MAX_MANIFEST_BYTES: usize = 64 * 1024;
/// Largest `manifest.json.sig`, in bytes.
pub const MAX_SIGNATURE_BYTES: usize = 1024;
/// Largest pack file, in bytes.
pub const MAX_PACK_BYTES: usize = 512 * 1024;
/// Most languages (packs) in one manifest.
pub const MAX_LANGS: usize = 16;
/// Most keys a manifest may introduce or revoke, each.
pub const MAX_MANIFEST_KEYS: usize = 8;
/// Most Rights categories in a pack.
pub const MAX_CATEGORIES: usize = 50;
/// Most regions in a pack.
pub const MAX_REGIONS: usize = 200;
/// Most articles in a pack.
pub const MAX_ARTICLES: usize = 300;
/// Most contacts in a pack.
pub const MAX_CONTACTS: usize = 500;
/// Most checklists in a pack.
pub const MAX_CHECKLISTS: usize = 100;
/// Most letter templates in a pack.
pub const MAX_LETTERS: usize = 50;
/// Longest article body, in characters of visible text (headings, paragraphs, list items and
/// link texts together).
pub const MAX_ARTICLE_CHARS: usize = 20_000;

/// Something over one of the limits.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OverLimit {
    /// What was counted (`articles`, `characters in article \`x\``).
    pub what: String,
    /// How many there are.
    pub found: usize,
    /// The limit.
    pub max: usize,
}

impl fmt::Display for OverLimit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} {} where at most {} are allowed",
            self.found, self.what, self.max
        )
    }
}

impl std::error::Error for OverLimit {}

/// `Err` when `found` is over `max`.
pub fn check(what: impl Into<String>, found: usize, max: usize) -> Result<(), OverLimit> {
    if found > max {
        Err(OverLimit {
            what: what.into(),
            found,
            max,
        })
    } else {
        Ok(())
    }
}

/// Characters of visible text in an article body.
pub fn article_chars(body: &[Block]) -> usize {
    fn inlines(list: &[Inline]) -> usize {
        list.iter()
            .map(|inline| match inline {
                Inline::Text(text) | Inline::Link { text, .. } => text.chars().count(),
                Inline::Bold(inner) => inlines(inner),
                // `[n]`: the digits and two brackets.
                Inline::Cite(n) => n.checked_ilog10().unwrap_or(0) as usize + 3,
            })
            .sum()
    }
    body.iter().flat_map(Block::lines).map(inlines).sum()
}

/// Checks the number of letter templates of a pack file.
pub fn check_letters(letters: &crate::content::letter::PackLetters) -> Result<(), OverLimit> {
    check("letters", letters.letters.len(), MAX_LETTERS)
}

/// Checks the item counts and article lengths of a pack.
pub fn check_pack(pack: &Pack) -> Result<(), OverLimit> {
    check("categories", pack.categories.len(), MAX_CATEGORIES)?;
    check("regions", pack.regions.len(), MAX_REGIONS)?;
    check("articles", pack.articles.len(), MAX_ARTICLES)?;
    check("contacts", pack.contacts.len(), MAX_CONTACTS)?;
    check("checklists", pack.checklists.len(), MAX_CHECKLISTS)?;
    for article in &pack.articles {
        check(
            format!("characters in the body of article `{}`", article.id),
            article_chars(&article.body),
            MAX_ARTICLE_CHARS,
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn visible_text_is_counted_in_characters_not_bytes() {
        let body = vec![
            Block::Heading {
                level: 2,
                inlines: vec![Inline::Text("Срок".into())],
            },
            Block::Paragraph(vec![
                Inline::Bold(vec![Inline::Text("ab".into())]),
                Inline::Link {
                    text: "c".into(),
                    href: "tel:112".into(),
                },
                Inline::Cite(7),
                Inline::Bold(vec![Inline::Cite(12)]),
            ]),
            Block::List {
                ordered: true,
                items: vec![vec![Inline::Text("d".into())], vec![]],
            },
        ];
        assert_eq!(article_chars(&body), 4 + 2 + 1 + 3 + 4 + 1);
        for n in [0, 9, 10, 99, 100, u32::MAX] {
            let cite = [Block::Paragraph(vec![Inline::Cite(n)])];
            assert_eq!(
                article_chars(&cite),
                format!("[{n}]").chars().count(),
                "{n}"
            );
        }
    }

    #[test]
    fn over_the_limit_is_an_error_that_says_what_and_how_many() {
        assert_eq!(check("articles", 300, MAX_ARTICLES), Ok(()));
        let err = check("articles", 301, MAX_ARTICLES).unwrap_err();
        assert_eq!(
            err.to_string(),
            "301 articles where at most 300 are allowed"
        );
    }
}
