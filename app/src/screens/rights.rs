//! Rights: categories of articles.

use crate::state::content::use_content;
use crate::state::profile::use_profile;
use jardam_core::route::Page;
use leptos::prelude::*;

use super::ScreenIntro;
use jardam_core::content::audience::for_reader_first;

use crate::i18n::{Key, use_i18n};
use crate::views::search::SearchBox;
use crate::views::settings::Welcome;

/// The Rights screen: every category with its articles.
#[component]
pub fn Rights() -> impl IntoView {
    let i18n = use_i18n();
    let content = use_content();
    let profile = use_profile();
    let query = RwSignal::new(String::new());
    let categories = move || {
        let pack = content.pack.get()?;
        let citizenship = profile.citizenship.get();
        let mut categories = pack.categories.clone();
        jardam_core::order::sort_short_by_key(&mut categories, |c| c.order);
        Some(
            categories
                .into_iter()
                .map(|category| {
                    let mut articles: Vec<_> =
                        pack.articles.iter().filter(|a| a.category == category.id).collect();
                    for_reader_first(&mut articles, citizenship, |a| &a.applies_to);
                    let articles = articles
                        .into_iter()
                        .map(|article| {
                            let mine = citizenship.is_some_and(|c| c.is_for(&article.applies_to));
                            view! {
                                <li data-id=article.id.clone() lang=article.lang.clone() class:mine=mine>
                                    <a href=Page::article(&article.id)>
                                        <strong>{article.title.clone()}</strong>
                                        {mine.then(|| view! { <span class="for-you">{i18n.text(Key::ForYou)}</span> })}
                                        <span class="summary">{article.summary.clone()}</span>
                                    </a>
                                </li>
                            }
                        })
                        .collect_view();
                    view! {
                        <h2>{category.title.clone()}</h2>
                        <ul class="articles">{articles}</ul>
                    }
                })
                .collect_view(),
        )
    };
    view! {
        <section class="screen" data-screen="rights">
            <ScreenIntro title=Key::NavRights intro=Key::RightsIntro />
            <Welcome />
            <SearchBox query=query />
            <div id="articles" hidden=move || !query.get().trim().is_empty()>
                {move || match categories() {
                    Some(list) => list.into_any(),
                    None => view! { <p>{i18n.t(Key::RightsEmpty)}</p> }.into_any(),
                }}
            </div>
        </section>
    }
}
