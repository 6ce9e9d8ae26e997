//! Renders an article body from its safe block structure: no HTML is ever parsed or injected,
//! and every link target passes `safe_href` again before it reaches the page.

use jardam_core::content::Source;
use jardam_core::content::markup::{Block, Inline, safe_href};
use leptos::prelude::*;

/// A link that opens outside the app, in a new tab.
fn external(href: &str, text: String) -> AnyView {
    view! { <a href=href.to_owned() target="_blank" rel="noopener noreferrer">{text}</a> }
        .into_any()
}

fn inline_view(inline: &Inline, sources: &[Source]) -> AnyView {
    match inline {
        Inline::Text(text) => text.clone().into_any(),
        Inline::Bold(inner) => view! { <strong>{inlines(inner, sources)}</strong> }.into_any(),
        Inline::Link { text, href } => match safe_href(href) {
            Some(href) if href.starts_with("https://") => external(href, text.clone()),
            Some(href) => view! { <a href=href.to_owned()>{text.clone()}</a> }.into_any(),
            None => text.clone().into_any(),
        },
        Inline::Cite(n) => {
            let text = format!("[{n}]");
            let href = n
                .checked_sub(1)
                .and_then(|i| sources.get(i as usize))
                .and_then(|source| safe_href(&source.url))
                .filter(|href| href.starts_with("https://"));
            match href {
                Some(href) => external(href, text),
                None => text.into_any(),
            }
        }
    }
}

fn inlines(list: &[Inline], sources: &[Source]) -> Vec<AnyView> {
    list.iter().map(|i| inline_view(i, sources)).collect()
}

/// The body of an article whose provenance lists `sources`: a citation `[n]` links to the page
/// of source n when that is an https page, and is plain text otherwise.
pub fn body(blocks: &[Block], sources: &[Source]) -> Vec<AnyView> {
    blocks
        .iter()
        .map(|block| match block {
            Block::Heading {
                level: 2,
                inlines: text,
            } => view! { <h2>{inlines(text, sources)}</h2> }.into_any(),
            Block::Heading { inlines: text, .. } => {
                view! { <h3>{inlines(text, sources)}</h3> }.into_any()
            }
            Block::Paragraph(text) => view! { <p>{inlines(text, sources)}</p> }.into_any(),
            Block::List { ordered, items } => {
                let items: Vec<AnyView> = items
                    .iter()
                    .map(|item| view! { <li>{inlines(item, sources)}</li> }.into_any())
                    .collect();
                if *ordered {
                    view! { <ol>{items}</ol> }.into_any()
                } else {
                    view! { <ul>{items}</ul> }.into_any()
                }
            }
            Block::Table { head, rows } => {
                let head: Vec<AnyView> = head
                    .iter()
                    .map(|cell| view! { <th scope="col">{inlines(cell, sources)}</th> }.into_any())
                    .collect();
                let rows: Vec<AnyView> = rows
                    .iter()
                    .map(|row| {
                        let cells: Vec<AnyView> = row
                            .iter()
                            .map(|cell| view! { <td>{inlines(cell, sources)}</td> }.into_any())
                            .collect();
                        view! { <tr>{cells}</tr> }.into_any()
                    })
                    .collect();
                view! { <table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table> }
                    .into_any()
            }
        })
        .collect()
}
