//! The Markdown subset of article bodies, turned into core's safe [`Block`]s.
//!
//! Allowed: paragraphs, `##`/`###` headings, one-level `-` or `1.` lists, pipe tables of at most
//! [`MAX_TABLE_COLUMNS`] columns, `**bold**` and links to targets that pass [`safe_href`].
//! Everything else is an error at the line where it starts.

use jardam_core::content::markup::{Block, Inline, plain_text, safe_href};
use pulldown_cmark::{Event, HeadingLevel, LinkType, Options, Parser, Tag, TagEnd};

/// A construct outside the subset: byte offset in the Markdown text, and the message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MarkdownError {
    /// Byte offset in the Markdown text where the construct starts.
    pub offset: usize,
    /// What is not allowed, and what to write instead.
    pub message: String,
}

enum Frame {
    /// Inline content of a paragraph, heading or list item.
    Root(Vec<Inline>),
    Bold(Vec<Inline>),
    Link(String, Vec<Inline>),
}

impl Frame {
    fn children(&mut self) -> &mut Vec<Inline> {
        match self {
            Frame::Root(c) | Frame::Bold(c) | Frame::Link(_, c) => c,
        }
    }
}

/// The most columns a table may have: more do not fit a 320 px screen.
pub const MAX_TABLE_COLUMNS: usize = 4;

/// An open table: the header cells, the finished rows and the row being read.
#[derive(Default)]
struct OpenTable {
    /// Byte offset of the table's first line, where its problems are reported.
    at: usize,
    head: Vec<Vec<Inline>>,
    rows: Vec<Vec<Vec<Inline>>>,
    row: Vec<Vec<Inline>>,
}

#[derive(Default)]
struct Builder {
    /// Open table, if any.
    table: Option<OpenTable>,
    blocks: Vec<Block>,
    errors: Vec<MarkdownError>,
    inlines: Vec<Frame>,
    /// Open list: ordered?, finished items.
    list: Option<(bool, Vec<Vec<Inline>>)>,
    /// Paragraphs seen in the current list item.
    item_paragraphs: usize,
    /// Depth of a refused construct whose content is being skipped.
    skip: usize,
}

impl Builder {
    fn error(&mut self, offset: usize, message: impl Into<String>) {
        self.errors.push(MarkdownError {
            offset,
            message: message.into(),
        });
    }

    fn refuse(&mut self, offset: usize, message: impl Into<String>) {
        self.error(offset, message);
        self.skip = 1;
    }

    fn push_text(&mut self, text: &str) {
        let Some(frame) = self.inlines.last_mut() else {
            return;
        };
        let children = frame.children();
        if let Some(Inline::Text(last)) = children.last_mut() {
            last.push_str(text);
        } else {
            children.push(Inline::Text(text.to_owned()));
        }
    }

    fn take_root(&mut self) -> Vec<Inline> {
        // Close anything left open (cannot happen with well-nested events).
        while self.inlines.len() > 1 {
            self.close_inline();
        }
        match self.inlines.pop() {
            Some(Frame::Root(mut inlines)) => {
                trim(&mut inlines);
                inlines
            }
            _ => Vec::new(),
        }
    }

    fn close_inline(&mut self) {
        let inline = match self.inlines.pop() {
            Some(Frame::Bold(children)) => Inline::Bold(children),
            Some(Frame::Link(href, children)) => Inline::Link {
                text: plain_text(&children),
                href,
            },
            Some(root @ Frame::Root(_)) => {
                self.inlines.push(root);
                return;
            }
            None => return,
        };
        if let Some(parent) = self.inlines.last_mut() {
            parent.children().push(inline);
        }
    }

    fn start(&mut self, tag: Tag<'_>, at: usize) {
        match tag {
            Tag::Paragraph => {
                if self.list.is_some() {
                    self.item_paragraphs += 1;
                    if self.item_paragraphs > 1 {
                        self.error(at, "a list item may hold one paragraph only");
                    }
                } else {
                    self.inlines.push(Frame::Root(Vec::new()));
                }
            }
            Tag::Heading { level, .. } => {
                if self.list.is_some() {
                    self.refuse(at, "headings are not allowed inside a list");
                } else if matches!(level, HeadingLevel::H2 | HeadingLevel::H3) {
                    self.inlines.push(Frame::Root(Vec::new()));
                } else {
                    self.refuse(
                        at,
                        format!(
                            "heading level {} is not allowed: use ## or ### (the title is the article's `title`)",
                            level as usize
                        ),
                    );
                }
            }
            Tag::List(start) => {
                if self.list.is_some() {
                    self.refuse(at, "nested lists are not allowed: lists have one level only");
                } else {
                    self.list = Some((start.is_some(), Vec::new()));
                }
            }
            Tag::Item => {
                self.item_paragraphs = 0;
                self.inlines.push(Frame::Root(Vec::new()));
            }
            Tag::Strong => self.inlines.push(Frame::Bold(Vec::new())),
            Tag::Link {
                link_type,
                dest_url,
                ..
            } => match safe_href(&if link_type == LinkType::Email {
                format!("mailto:{dest_url}")
            } else {
                dest_url.to_string()
            }) {
                Some(href) => self.inlines.push(Frame::Link(href.to_owned(), Vec::new())),
                None => self.refuse(
                    at,
                    format!(
                        "link target `{dest_url}` is not allowed: use https://…, tel:+…, mailto:… or an app route like /rights/ID"
                    ),
                ),
            },
            Tag::Emphasis => self.refuse(at, "*italic* is not allowed: use **bold**"),
            Tag::BlockQuote(_) => self.refuse(at, "quotes (>) are not allowed"),
            Tag::CodeBlock(_) => self.refuse(
                at,
                "code blocks are not allowed (lines indented by 4 spaces or fenced with ``` are code)",
            ),
            Tag::HtmlBlock => self.refuse(at, "HTML is not allowed"),
            Tag::Image { .. } => self.refuse(at, "images are not allowed"),
            Tag::Table(columns) => {
                if self.list.is_some() {
                    self.refuse(at, "tables are not allowed inside a list");
                } else if columns.len() > MAX_TABLE_COLUMNS {
                    self.refuse(
                        at,
                        format!(
                            "a table may have at most {MAX_TABLE_COLUMNS} columns (this one has {}): a phone screen is narrow",
                            columns.len()
                        ),
                    );
                } else {
                    self.table = Some(OpenTable {
                        at,
                        ..OpenTable::default()
                    });
                }
            }
            Tag::TableHead | Tag::TableRow => {}
            Tag::TableCell => self.inlines.push(Frame::Root(Vec::new())),
            Tag::FootnoteDefinition(_) => self.refuse(at, "footnotes are not allowed"),
            Tag::Strikethrough => self.refuse(at, "strikethrough is not allowed"),
            _ => self.refuse(at, "this Markdown construct is not allowed"),
        }
    }

    fn end(&mut self, tag: TagEnd, at: usize) {
        match tag {
            TagEnd::Paragraph if self.list.is_none() => {
                let inlines = self.take_root();
                if !inlines.is_empty() {
                    self.blocks.push(Block::Paragraph(inlines));
                }
            }
            TagEnd::Heading(level) => {
                let inlines = self.take_root();
                if inlines.is_empty() {
                    self.error(at, "a heading needs text");
                }
                let level = if level == HeadingLevel::H2 { 2 } else { 3 };
                self.blocks.push(Block::Heading { level, inlines });
            }
            TagEnd::Item => {
                let inlines = self.take_root();
                if inlines.is_empty() {
                    self.error(at, "a list item needs text");
                }
                if let Some((_, items)) = &mut self.list {
                    items.push(inlines);
                }
            }
            TagEnd::List(_) => {
                if let Some((ordered, items)) = self.list.take() {
                    self.blocks.push(Block::List { ordered, items });
                }
            }
            TagEnd::TableCell => {
                let cell = self.take_root();
                if let Some(table) = &mut self.table {
                    table.row.push(cell);
                }
            }
            TagEnd::TableHead => {
                if let Some(table) = &mut self.table {
                    table.head = std::mem::take(&mut table.row);
                    if table.head.iter().any(Vec::is_empty) {
                        let at = table.at;
                        self.error(at, "every column of a table needs a heading");
                    }
                }
            }
            TagEnd::TableRow => {
                if let Some(table) = &mut self.table {
                    let row = std::mem::take(&mut table.row);
                    table.rows.push(row);
                }
            }
            TagEnd::Table => {
                if let Some(OpenTable { at, head, rows, .. }) = self.table.take() {
                    if rows.is_empty() {
                        self.error(at, "a table needs at least one row under its heading");
                    }
                    self.blocks.push(Block::Table { head, rows });
                }
            }
            TagEnd::Strong => self.close_inline(),
            TagEnd::Link => {
                if let Some(Frame::Link(_, children)) = self.inlines.last()
                    && plain_text(children).trim().is_empty()
                {
                    self.error(at, "a link needs visible text: [text](target)");
                }
                self.close_inline();
            }
            _ => {}
        }
    }
}

/// Removes leading and trailing white space of a run of inlines.
fn trim(inlines: &mut Vec<Inline>) {
    if let Some(Inline::Text(text)) = inlines.first_mut() {
        *text = text.trim_start().to_owned();
    }
    if let Some(Inline::Text(text)) = inlines.last_mut() {
        *text = text.trim_end().to_owned();
    }
    inlines.retain(|i| !matches!(i, Inline::Text(t) if t.is_empty()));
}

/// Footnotes and task lists are recognised only so that they can be refused.
const OPTIONS: Options = Options::ENABLE_TABLES
    .union(Options::ENABLE_FOOTNOTES)
    .union(Options::ENABLE_TASKLISTS);

/// Whether the Markdown parser finds HTML (a block or an inline tag) in `markdown`: such a
/// body is never converted.
pub fn has_html(markdown: &str) -> bool {
    Parser::new_ext(markdown, OPTIONS)
        .any(|event| matches!(event, Event::Html(_) | Event::InlineHtml(_)))
}

/// Converts an article body to blocks, or lists every construct outside the subset.
pub fn to_blocks(markdown: &str) -> Result<Vec<Block>, Vec<MarkdownError>> {
    let mut b = Builder::default();
    for (event, range) in Parser::new_ext(markdown, OPTIONS).into_offset_iter() {
        let at = range.start;
        if b.skip > 0 {
            match event {
                Event::Start(_) => b.skip += 1,
                Event::End(_) => b.skip -= 1,
                _ => {}
            }
            continue;
        }
        match event {
            Event::Start(tag) => b.start(tag, at),
            Event::End(tag) => b.end(tag, at),
            Event::Text(text) => b.push_text(&text),
            Event::SoftBreak | Event::HardBreak => b.push_text(" "),
            Event::Code(_) => b.error(at, "`code` is not allowed"),
            Event::Html(_) | Event::InlineHtml(_) => b.error(
                at,
                "HTML is not allowed: write plain text, **bold** or [links](https://…)",
            ),
            Event::Rule => b.error(at, "horizontal rules (---, ***) are not allowed"),
            Event::TaskListMarker(_) => b.error(at, "task lists ([ ]) are not allowed"),
            Event::FootnoteReference(_) => b.error(at, "footnotes are not allowed"),
            Event::InlineMath(_) | Event::DisplayMath(_) => b.error(at, "math is not allowed"),
        }
    }
    if b.errors.is_empty() && b.blocks.is_empty() {
        b.error(0, "the body is empty");
    }
    if b.errors.is_empty() {
        Ok(b.blocks)
    } else {
        // `<i>x</i>` is two pieces of HTML but one problem.
        let mut seen = std::collections::BTreeSet::new();
        b.errors.retain(|e| {
            let line = markdown[..e.offset].matches('\n').count();
            seen.insert((line, e.message.clone()))
        });
        Err(b.errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Inline {
        Inline::Text(s.into())
    }

    #[test]
    fn converts_the_subset() {
        let md = "## Deadlines\n\nRegister within **30 days** of\nentry. [Call 112](tel:112)\n\n\
                  - one\n- **two** [app](/rights/registration-eaeu)\n\n1. first\n2. second\n\n### Small\n";
        let blocks = to_blocks(md).unwrap();
        assert_eq!(
            blocks,
            vec![
                Block::Heading {
                    level: 2,
                    inlines: vec![text("Deadlines")]
                },
                Block::Paragraph(vec![
                    text("Register within "),
                    Inline::Bold(vec![text("30 days")]),
                    text(" of entry. "),
                    Inline::Link {
                        text: "Call 112".into(),
                        href: "tel:112".into()
                    },
                ]),
                Block::List {
                    ordered: false,
                    items: vec![
                        vec![text("one")],
                        vec![
                            Inline::Bold(vec![text("two")]),
                            text(" "),
                            Inline::Link {
                                text: "app".into(),
                                href: "/rights/registration-eaeu".into()
                            }
                        ],
                    ]
                },
                Block::List {
                    ordered: true,
                    items: vec![vec![text("first")], vec![text("second")]]
                },
                Block::Heading {
                    level: 3,
                    inlines: vec![text("Small")]
                },
            ]
        );
    }

    #[test]
    fn autolinks_are_links() {
        let blocks = to_blocks("<https://tass.ru/> or <help@example.org>").unwrap();
        assert_eq!(
            blocks,
            vec![Block::Paragraph(vec![
                Inline::Link {
                    text: "https://tass.ru/".into(),
                    href: "https://tass.ru/".into()
                },
                text(" or "),
                Inline::Link {
                    text: "help@example.org".into(),
                    href: "mailto:help@example.org".into()
                },
            ])]
        );
    }

    #[test]
    fn loose_lists_are_fine() {
        let blocks = to_blocks("- one\n\n- two\n").unwrap();
        assert_eq!(
            blocks,
            vec![Block::List {
                ordered: false,
                items: vec![vec![text("one")], vec![text("two")]]
            }]
        );
    }

    #[test]
    fn converts_a_pipe_table() {
        let md = "| Статья | Штраф |\n|---|---|\n| **18.8** | 2000 ₽ [1] |\n| 18.10 | [см.](/rights/x) |\n";
        assert_eq!(
            to_blocks(md).unwrap(),
            vec![Block::Table {
                head: vec![vec![text("Статья")], vec![text("Штраф")]],
                rows: vec![
                    vec![
                        vec![Inline::Bold(vec![text("18.8")])],
                        vec![text("2000 ₽ [1]")]
                    ],
                    vec![
                        vec![text("18.10")],
                        vec![Inline::Link {
                            text: "см.".into(),
                            href: "/rights/x".into()
                        }]
                    ],
                ],
            }]
        );
    }

    fn first_error(md: &str) -> (usize, String) {
        let errors = to_blocks(md).unwrap_err();
        let line = md[..errors[0].offset].matches('\n').count() + 1;
        (line, errors[0].message.clone())
    }

    #[test]
    fn refuses_everything_else_at_its_line() {
        for (md, line, words) in [
            ("Text\n\n<b>bold</b>\n", 3, "HTML"),
            ("Text <span>x</span>\n", 1, "HTML"),
            ("Text\n\n![map](https://x.org/a.png)\n", 3, "images"),
            ("Text\n\n    code\n", 3, "code"),
            ("Text\n\n```\ncode\n```\n", 3, "code"),
            ("Text `x`\n", 1, "code"),
            (
                "| a | b | c | d | e |\n|-|-|-|-|-|\n| 1 | 2 | 3 | 4 | 5 |\n",
                1,
                "4 columns",
            ),
            ("Text\n\n| | b |\n|---|---|\n| 1 | 2 |\n", 3, "heading"),
            ("| a | b |\n|---|---|\n", 1, "at least one row"),
            ("Text\n\n> quoted\n", 3, "quotes"),
            ("- a\n  - b\n", 2, "nested"),
            ("# Title\n", 1, "heading level 1"),
            ("#### Deep\n", 1, "heading level 4"),
            ("Text *it*\n", 1, "italic"),
            ("[x](javascript:alert(1))\n", 1, "javascript:alert(1)"),
            ("Text\n\n[x](http://example.org)\n", 3, "not allowed"),
            ("[x](//evil.example)\n", 1, "not allowed"),
            ("Text\n\n---\n\nMore\n", 3, "horizontal"),
            ("- [ ] task\n", 1, "task"),
            ("Text[^1]\n\n[^1]: note\n", 1, "footnotes"),
            ("[](https://x.org)\n", 1, "visible text"),
            ("\n\n", 1, "empty"),
        ] {
            let (got_line, message) = first_error(md);
            assert!(message.contains(words), "{md:?}: {message}");
            assert_eq!(got_line, line, "{md:?}: {message}");
        }
    }

    #[test]
    fn reports_every_problem() {
        let errors = to_blocks("<i>x</i>\n\nok\n\n![a](https://x.org/a.png)\n\n> q\n").unwrap_err();
        assert_eq!(errors.len(), 3, "{errors:?}");
    }
}
