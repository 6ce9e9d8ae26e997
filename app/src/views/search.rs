//! Search as you type over articles, contacts and checklists. The index is built once per
//! content version and language, the first time the reader searches.

use jardam_core::route::Page;
use std::sync::Arc;

use crate::state::content::use_content;
use jardam_core::search::{ItemKind, SearchIndex};
use leptos::prelude::*;

use crate::i18n::{Key, use_i18n};

/// Results shown at most.
const LIMIT: usize = 20;

/// The search index for the current pack, built when first needed.
#[derive(Clone, Copy)]
pub struct Search {
    index: StoredValue<Option<Arc<SearchIndex>>>,
}

impl Search {
    /// No index yet.
    pub fn new() -> Search {
        Search {
            index: StoredValue::new(None),
        }
    }
}

/// The search field and, while a query is typed, its results.
#[component]
pub fn SearchBox(query: RwSignal<String>) -> impl IntoView {
    let i18n = use_i18n();
    let content = use_content();
    let search = use_search();
    let results = move || {
        let text = query.get();
        if text.trim().is_empty() {
            return None;
        }
        let pack = content.pack.get()?;
        let index = match search.index.get_value() {
            Some(index) if index.is_for(&pack) => index,
            _ => {
                let index = Arc::new(SearchIndex::build(&pack));
                search.index.set_value(Some(index.clone()));
                index
            }
        };
        let hits: Vec<_> = index
            .search(&text, LIMIT)
            .into_iter()
            .filter_map(|hit| {
                let kind = match hit.kind {
                    ItemKind::Article => "article",
                    ItemKind::Contact => "contact",
                    ItemKind::Checklist => "checklist",
                };
                let (href, title, summary) = match hit.kind {
                    ItemKind::Article => pack
                        .article(hit.id)
                        .map(|a| (Page::article(&a.id), a.title.clone(), a.summary.clone())),
                    ItemKind::Contact => pack.contact(hit.id).map(|c| {
                        (
                            Page::contact(&c.id),
                            c.name.clone(),
                            c.note.clone().unwrap_or_default(),
                        )
                    }),
                    ItemKind::Checklist => pack
                        .checklist(hit.id)
                        .map(|c| (Page::checklist(&c.id), c.title.clone(), c.summary.clone())),
                }?;
                Some(view! {
                    <li data-id=hit.id.to_owned() data-kind=kind>
                        <a href=href>
                            <strong>{title}</strong>
                            <span class="summary">{summary}</span>
                        </a>
                    </li>
                })
            })
            .collect();
        Some(if hits.is_empty() {
            view! { <p id="search-none">{i18n.tf(Key::SearchNone, &[("query", text.trim())])}</p> }
                .into_any()
        } else {
            view! { <ul class="articles" id="search-results">{hits}</ul> }.into_any()
        })
    };
    view! {
        <form class="search" role="search" on:submit=|ev| ev.prevent_default()>
            <label class="visually-hidden" for="search">{i18n.text(Key::Search)}</label>
            <input
                type="search"
                id="search"
                autocomplete="off"
                placeholder=i18n.text(Key::SearchPlaceholder)
                prop:value=move || query.get()
                on:input=move |ev| query.set(event_target_value(&ev))
            />
        </form>
        {results}
    }
}

/// The search box's state, provided by the app root.
pub fn use_search() -> Search {
    expect_context()
}
