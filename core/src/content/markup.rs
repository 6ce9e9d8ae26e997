//! The safe structure of an article body. The app renders these blocks itself and never
//! renders HTML; the Markdown that editors write is turned into them by `jardam-feed`.
//!
//! JSON shape (kept short because bodies are most of a pack's bytes):
//!
//! ```json
//! [{"h": {"level": 2, "inlines": ["Deadlines"]}},
//!  {"p": ["Register within ", {"b": ["30 days"]}, " ", {"c": 1}, ". ",
//!         {"a": {"text": "Call 112", "href": "tel:112"}}]},
//!  {"list": {"ordered": false, "items": [["First"], ["Second"]]}},
//!  {"table": {"head": [["Article"], ["Fine"]], "rows": [[["18.8"], ["2,000 ₽"]]]}}]
//! ```
//!
//! A `{"c": n}` inline cites source n (1-based) of the item's `provenance.sources`: the app
//! shows it as `[n]`, linked to that source's page, so the address is not written twice.

use crate::codec::json::{FromJson, JsonError, Reader};
use crate::from_json_struct;

/// A block of an article body.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum Block {
    /// A heading: `##` is level 2, `###` level 3.
    #[cfg_attr(feature = "serde", serde(rename = "h"))]
    Heading {
        /// 2 or 3.
        level: u8,
        /// The heading text.
        inlines: Vec<Inline>,
    },
    /// A paragraph.
    #[cfg_attr(feature = "serde", serde(rename = "p"))]
    Paragraph(Vec<Inline>),
    /// A one-level list.
    #[cfg_attr(feature = "serde", serde(rename = "list"))]
    List {
        /// Numbered (`1.`) rather than bulleted (`-`).
        ordered: bool,
        /// The items, each a line of inline text.
        items: Vec<Vec<Inline>>,
    },
    /// A table: a header row and body rows, each cell a line of inline text.
    #[cfg_attr(feature = "serde", serde(rename = "table"))]
    Table {
        /// The header cells.
        head: Vec<Vec<Inline>>,
        /// The body rows, each with at most as many cells as the header.
        rows: Vec<Vec<Vec<Inline>>>,
    },
}

impl Block {
    /// Every line of inline text in the block, in reading order.
    pub fn lines(&self) -> Vec<&[Inline]> {
        match self {
            Block::Heading { inlines, .. } | Block::Paragraph(inlines) => vec![inlines],
            Block::List { items, .. } => items.iter().map(Vec::as_slice).collect(),
            Block::Table { head, rows } => head
                .iter()
                .chain(rows.iter().flatten())
                .map(Vec::as_slice)
                .collect(),
        }
    }

    /// The same block with every line of inline text replaced by `f` of it.
    pub fn map_lines(&self, f: &mut dyn FnMut(&[Inline]) -> Vec<Inline>) -> Block {
        let mut all = |cells: &[Vec<Inline>]| cells.iter().map(|c| f(c)).collect::<Vec<_>>();
        match self {
            Block::Heading { level, inlines } => Block::Heading {
                level: *level,
                inlines: f(inlines),
            },
            Block::Paragraph(inlines) => Block::Paragraph(f(inlines)),
            Block::List { ordered, items } => Block::List {
                ordered: *ordered,
                items: all(items),
            },
            Block::Table { head, rows } => {
                let head = all(head);
                Block::Table {
                    head,
                    rows: rows.iter().map(|row| all(row)).collect(),
                }
            }
        }
    }
}

/// A run of text inside a block.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub enum Inline {
    /// Bold text (which may contain links).
    #[cfg_attr(feature = "serde", serde(rename = "b"))]
    Bold(Vec<Inline>),
    /// A link; `href` has passed [`safe_href`].
    #[cfg_attr(feature = "serde", serde(rename = "a"))]
    Link {
        /// The visible text.
        text: String,
        /// The target.
        href: String,
    },
    /// A citation of source n (1-based) of the item's provenance, shown as `[n]`.
    #[cfg_attr(feature = "serde", serde(rename = "c"))]
    Cite(u32),
    /// Plain text, serialized as a bare JSON string.
    #[cfg_attr(feature = "serde", serde(untagged))]
    Text(String),
}

impl FromJson for Block {
    fn read(r: &mut Reader<'_>) -> Result<Block, JsonError> {
        one_key(
            r,
            "a block: {\"h\"}, {\"p\"}, {\"list\"} or {\"table\"}",
            &mut |r, key| {
                Ok(Some(match key {
                    "h" => {
                        let Heading { level, inlines } = Heading::read(r)?;
                        Block::Heading { level, inlines }
                    }
                    "p" => Block::Paragraph(Vec::read(r)?),
                    "list" => {
                        let List { ordered, items } = List::read(r)?;
                        Block::List { ordered, items }
                    }
                    "table" => {
                        let Table { head, rows } = Table::read(r)?;
                        Block::Table { head, rows }
                    }
                    _ => return Ok(None),
                }))
            },
        )
    }
}

impl FromJson for Inline {
    fn read(r: &mut Reader<'_>) -> Result<Inline, JsonError> {
        if r.peek_string() {
            return r.string().map(Inline::Text);
        }
        one_key(
            r,
            "an inline: text, {\"b\"}, {\"a\"} or {\"c\"}",
            &mut |r, key| {
                Ok(Some(match key {
                    "b" => Inline::Bold(Vec::read(r)?),
                    "c" => Inline::Cite(u32::read(r)?),
                    "a" => {
                        let Link { text, href } = Link::read(r)?;
                        Inline::Link { text, href }
                    }
                    _ => return Ok(None),
                }))
            },
        )
    }
}

/// Reads one variant's value, given its key; `Ok(None)` for a key it does not know.
type Variant<'v, T> = dyn FnMut(&mut Reader<'_>, &str) -> Result<Option<T>, JsonError> + 'v;

/// Reads an object with exactly one field, whose key `variant` knows.
fn one_key<T>(
    r: &mut Reader<'_>,
    what: &'static str,
    variant: &mut Variant<'_, T>,
) -> Result<T, JsonError> {
    let mut value = None;
    r.object(&mut |r, key| {
        if value.is_some() {
            return Err(r.invalid(what));
        }
        value = Some(variant(r, key)?.ok_or_else(|| r.invalid(what))?);
        Ok(())
    })?;
    value.ok_or_else(|| r.invalid(what))
}

struct Heading {
    level: u8,
    inlines: Vec<Inline>,
}

from_json_struct!(Heading {
    "level" => level: required,
    "inlines" => inlines: required,
});

struct List {
    ordered: bool,
    items: Vec<Vec<Inline>>,
}

from_json_struct!(List {
    "ordered" => ordered: required,
    "items" => items: required,
});

struct Table {
    head: Vec<Vec<Inline>>,
    rows: Vec<Vec<Vec<Inline>>>,
}

from_json_struct!(Table {
    "head" => head: required,
    "rows" => rows: required,
});

struct Link {
    text: String,
    href: String,
}

from_json_struct!(Link {
    "text" => text: required,
    "href" => href: required,
});

/// The visible text of some inlines, without any formatting; a citation is its `[n]`.
pub fn plain_text(inlines: &[Inline]) -> String {
    let mut out = String::new();
    push_text(inlines, &mut out, true);
    out
}

/// Appends the visible text of `inlines` to `out`; a citation adds its `[n]` if `cites`, else
/// a space (so its number is not read as a word of the text).
pub fn push_text(inlines: &[Inline], out: &mut String, cites: bool) {
    for inline in inlines {
        match inline {
            Inline::Text(text) | Inline::Link { text, .. } => out.push_str(text),
            Inline::Bold(inner) => push_text(inner, out, cites),
            Inline::Cite(n) if cites => {
                out.push('[');
                out.push_str(&n.to_string());
                out.push(']');
            }
            Inline::Cite(_) => out.push(' '),
        }
    }
}

/// Returns `href` if it is a link target the app may follow: `https://HOST…`, `tel:+digits`,
/// `mailto:NAME@HOST` or an app route starting with a single `/` (not `//`, which would leave
/// the app). Anything else (`javascript:`, `http:`, `data:`, relative paths, spaces, control
/// characters, backslashes) gives `None`.
pub fn safe_href(href: &str) -> Option<&str> {
    if href.is_empty()
        || href
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || c == '\\')
    {
        return None;
    }
    let ok = if let Some(rest) = href.strip_prefix("https://") {
        let host = rest.split(['/', '?', '#']).next().unwrap_or("");
        !host.is_empty() && !host.contains('@') && !host.starts_with(['.', ':'])
    } else if let Some(number) = href.strip_prefix("tel:") {
        let digits = number.strip_prefix('+').unwrap_or(number);
        (3..=15).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit())
    } else if let Some(address) = href.strip_prefix("mailto:") {
        match address.split_once('@') {
            Some((name, host)) => !name.is_empty() && host.contains('.') && !host.contains('@'),
            None => false,
        }
    } else {
        href.starts_with('/') && !href.starts_with("//")
    };
    ok.then_some(href)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn safe_href_allows_the_four_kinds_of_target() {
        for href in [
            "https://tass.ru/",
            "https://xn--b1aew.xn--p1ai/",
            "https://мвд.рф/deyatelnost",
            "https://example.org:8443/a?b=c#d",
            "tel:+79251155047",
            "tel:112",
            "mailto:help@example.org",
            "/rights/registration-eaeu",
            "/hotlines/kg-embassy-moscow",
            "/",
        ] {
            assert_eq!(safe_href(href), Some(href), "{href}");
        }
    }

    #[test]
    fn safe_href_refuses_everything_else() {
        for href in [
            "",
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            "http://example.org/",
            "HTTPS://example.org/",
            "https://",
            "https:///path",
            "https://user@evil.example/",
            "//evil.example/",
            "/\\evil.example",
            "/rights/ registration",
            "/rights/\nx",
            "data:text/html,<b>x</b>",
            "vbscript:x",
            "file:///etc/passwd",
            "rights/registration",
            "../rights",
            "#top",
            "tel:+7 925 115 50 47",
            "tel:+7925abc",
            "tel:",
            "mailto:",
            "mailto:nobody",
            "mailto:@example.org",
            "ftp://example.org/",
        ] {
            assert_eq!(safe_href(href), None, "{href:?}");
        }
    }

    #[test]
    fn blocks_have_a_short_json_shape() {
        let body = vec![
            Block::Heading {
                level: 2,
                inlines: vec![Inline::Text("Deadlines".into())],
            },
            Block::Paragraph(vec![
                Inline::Text("Register within ".into()),
                Inline::Bold(vec![Inline::Text("30 days".into())]),
                Inline::Link {
                    text: "Call 112".into(),
                    href: "tel:112".into(),
                },
                Inline::Cite(12),
            ]),
            Block::List {
                ordered: false,
                items: vec![vec![Inline::Text("First".into())]],
            },
        ];
        let json = serde_json::to_string(&body).unwrap();
        assert_eq!(
            json,
            r#"[{"h":{"level":2,"inlines":["Deadlines"]}},{"p":["Register within ",{"b":["30 days"]},{"a":{"text":"Call 112","href":"tel:112"}},{"c":12}]},{"list":{"ordered":false,"items":[["First"]]}}]"#
        );
        assert_eq!(serde_json::from_str::<Vec<Block>>(&json).unwrap(), body);
        assert_eq!(
            crate::codec::json::from_slice::<Vec<Block>>(json.as_bytes()).unwrap(),
            body
        );
        for bad in [
            r#"{"c":-1}"#,
            r#"{"c":"1"}"#,
            r#"{"c":1.5}"#,
            r#"{"c":1,"b":[]}"#,
            r#"{}"#,
            r#"{"i":["x"]}"#,
            r#"{"b":["x"],"a":{"text":"t","href":"/"}}"#,
            "1",
        ] {
            assert!(serde_json::from_str::<Inline>(bad).is_err(), "{bad}");
            assert!(
                crate::codec::json::from_slice::<Inline>(bad.as_bytes()).is_err(),
                "{bad}"
            );
        }
        let Block::Paragraph(inlines) = &body[1] else {
            unreachable!()
        };
        assert_eq!(plain_text(inlines), "Register within 30 daysCall 112[12]");
        let mut words = String::new();
        push_text(inlines, &mut words, false);
        assert_eq!(words, "Register within 30 daysCall 112 ");
    }
}
