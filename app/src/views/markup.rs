//! Renders an article body from its safe block structure: no HTML is ever parsed or injected,
//! and every link target passes `safe_href` again before it reaches the page.

use jardam_core::content::markup::{Block, Inline, safe_href};
use leptos::prelude::*;

fn inline_view(inline: &Inline) -> AnyView {
    match inline {
        Inline::Text(text) => text.clone().into_any(),
        Inline::Bold(inner) => view! { <strong>{inlines(inner)}</strong> }.into_any(),
        Inline::Link { text, href } => match safe_href(href) {
            Some(href) if href.starts_with("https://") => view! {
                <a href=href.to_owned() target="_blank" rel="noopener noreferrer">{text.clone()}</a>
            }
            .into_any(),
            Some(href) => view! { <a href=href.to_owned()>{text.clone()}</a> }.into_any(),
            None => text.clone().into_any(),
        },
    }
}

fn inlines(list: &[Inline]) -> Vec<AnyView> {
    list.iter().map(inline_view).collect()
}

/// The body of an article.
pub fn body(blocks: &[Block]) -> Vec<AnyView> {
    blocks
        .iter()
        .map(|block| match block {
            Block::Heading {
                level: 2,
                inlines: text,
            } => view! { <h2>{inlines(text)}</h2> }.into_any(),
            Block::Heading { inlines: text, .. } => view! { <h3>{inlines(text)}</h3> }.into_any(),
            Block::Paragraph(text) => view! { <p>{inlines(text)}</p> }.into_any(),
            Block::List { ordered, items } => {
                let items: Vec<AnyView> = items
                    .iter()
                    .map(|item| view! { <li>{inlines(item)}</li> }.into_any())
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
                    .map(|cell| view! { <th scope="col">{inlines(cell)}</th> }.into_any())
                    .collect();
                let rows: Vec<AnyView> = rows
                    .iter()
                    .map(|row| {
                        let cells: Vec<AnyView> = row
                            .iter()
                            .map(|cell| view! { <td>{inlines(cell)}</td> }.into_any())
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
